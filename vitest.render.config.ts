import { defineConfig } from 'vitest/config';
import { testEnv } from './vitest.config';

// Charts as a person sees them (`npm run test:render`): a chart's Chinese labels drawn with the
// system's CJK font, and the workbook with its images opened by LibreOffice and printed. Needs
// LibreOffice, poppler-utils (pdftoppm) and fonts-noto-cjk. The files are *.render.ts, so that
// `npm test` (test/**/*.test.ts) never runs them.
export default defineConfig({
  test: {
    include: ['test/render/**/*.render.ts'],
    env: testEnv,
    expect: { requireAssertions: true },
    testTimeout: 180_000,
    pool: 'forks',
  },
});
