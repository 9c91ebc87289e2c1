import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A developer's own config or terminal must never leak into a test.
    env: { NO_COLOR: '1', LIVEOPS_CONFIG: '', TZ: 'UTC' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
