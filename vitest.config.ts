import { defineConfig } from 'vitest/config';

// `npm test` runs what needs Node alone; test/office needs LibreOffice (`npm run test:office`,
// run by .ci/run after installing it).
export const testEnv = { NO_COLOR: '1', LIVEOPS_CONFIG: '', TZ: 'UTC', LIVEOPS_HISTORY: 'off' };

// A developer's own config or terminal must never leak into a test.
// Every test must assert something: one that only runs code passes whatever the code does.
const common = { testTimeout: 30_000, pool: 'forks' as const, exclude: ['test/office/**', 'test/render/**', 'node_modules/**'], expect: { requireAssertions: true } };

export default defineConfig({
  test: {
    projects: [
      { test: { ...common, name: 'utc', include: ['test/**/*.test.ts'], env: testEnv } },
      // The readers and the domain again in two other zones: liveops works on Beijing time whatever
      // zone the machine is set to (a server in Shanghai, a laptop in Los Angeles).
      { test: { ...common, name: 'shanghai', include: ['test/unit/**/*.test.ts'], env: { ...testEnv, TZ: 'Asia/Shanghai' } } },
      { test: { ...common, name: 'los-angeles', include: ['test/unit/**/*.test.ts'], env: { ...testEnv, TZ: 'America/Los_Angeles' } } },
    ],
  },
});
