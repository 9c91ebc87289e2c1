/**
 * Every test must assert something (vitest's expect.requireAssertions, set in vitest.config.ts for
 * every project): a test that only runs code passes whatever the code does. Shown on a planted test
 * run with the utc project's own settings.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// Under node_modules, so that vitest/config resolves from the planted folder and no run of ours globs it.
const CACHE = join(ROOT, 'node_modules', '.cache');
mkdirSync(CACHE, { recursive: true });
const dir = mkdtempSync(join(CACHE, 'liveops-planted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'vitest.config.ts'),
  `import { defineConfig } from 'vitest/config';
import main from ${JSON.stringify(join(ROOT, 'vitest.config.ts'))};
const utc = (main.test!.projects as Array<{ test: Record<string, unknown> }>)[0]!.test;
export default defineConfig({ test: { ...utc, include: ['*.test.ts'] } });
`,
);

function run(name: string, body: string) {
  writeFileSync(join(dir, name), `import { expect, it } from 'vitest';\nit('planted', () => {\n${body}\n});\n`);
  return spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.config.ts', '--root', '.', name],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
}

describe('a test without an assertion', () => {
  it('fails the run: "expected any number of assertion, but got none"', () => {
    const r = run('silent.test.ts', "  JSON.parse('{}');");
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('expected any number of assertion, but got none');
  });

  it('while the same test with an assertion passes', () => {
    const r = run('asserts.test.ts', "  expect(JSON.parse('{}')).toEqual({});");
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
