import { defineConfig } from 'vitest/config';

// `npm test` runs what needs Node alone; test/office needs LibreOffice (`npm run test:office`,
// run by .ci/run after installing it).
export const testEnv = { NO_COLOR: '1', LIVEOPS_CONFIG: '', TZ: 'UTC' };

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/office/**', 'node_modules/**'],
    // A developer's own config or terminal must never leak into a test.
    env: testEnv,
    testTimeout: 30_000,
    pool: 'forks',
  },
});
