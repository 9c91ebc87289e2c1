import { defineConfig } from 'vitest/config';
import { testEnv } from './vitest.config';

// The checks that open liveops's outputs in LibreOffice (`npm run test:office`).
export default defineConfig({
  test: { include: ['test/office/**/*.test.ts'], env: testEnv, expect: { requireAssertions: true }, testTimeout: 180_000, pool: 'forks' },
});
