/**
 * The layers are checked by `npm run lint:deps` (dependency-cruiser, .dependency-cruiser.cjs), which
 * `npm test` runs on src/. Here the same rules run on small planted trees, to show they catch what
 * they are for: the domain importing a reader, a cycle, a module nothing uses.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/**
 * A tree of `files` (path → source) with our config, checked; the rule names that fired, and the
 * exit code of the check as `npm run lint:deps` runs it (`--output-type err`).
 */
function cruise(files: Record<string, string>, exitCode = false): { code?: number; rules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'liveops-layers-'));
  made.push(dir);
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true } }),
  );
  for (const [path, text] of Object.entries({
    'src/cli.ts': "import './commands/retro/index.js';\nimport './commands/weekly/index.js';\n",
    ...files,
  })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = (type: string) =>
    spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', type], {
      cwd: dir,
      encoding: 'utf8',
    });
  const out = JSON.parse(run('json').stdout) as { summary: { violations: Array<{ rule: { name: string } }> } };
  const rules = [...new Set(out.summary.violations.map((v) => v.rule.name))].sort();
  return exitCode ? { code: run('err').status ?? -1, rules } : { rules };
}

const clean = {
  'src/commands/retro/index.ts':
    "import { uvValue } from '../../domain/metrics.js';\nimport { readTable } from '../../io/read/tables.js';\nimport { render } from './render.js';\nexport const run = () => [uvValue, readTable, render];\n",
  'src/commands/retro/render.ts': 'export const render = () => null;\n',
  'src/commands/weekly/index.ts':
    "import { exportsIn } from '../../collect/files.js';\nexport const run = () => exportsIn;\n",
  'src/collect/files.ts':
    "import { readTable } from '../io/read/tables.js';\nexport const exportsIn = () => readTable();\n",
  'src/domain/metrics.ts': 'export const uvValue = (gmv: number, uv: number) => gmv / uv;\n',
  'src/io/read/tables.ts': 'export const readTable = () => null;\n',
};

describe('the layer rules', () => {
  it('a tree that keeps the layers passes', () => {
    expect(cruise(clean, true)).toEqual({ code: 0, rules: [] });
  });

  it('the domain importing a reader fails: domain-is-pure', () => {
    const r = cruise(
      {
        ...clean,
        'src/domain/metrics.ts':
          "import { readTable } from '../io/read/tables.js';\nexport const uvValue = () => readTable();\n",
      },
      true,
    );
    expect(r.code).toBe(1); // what makes npm test fail
    expect(r.rules).toEqual(['domain-is-pure']);
  });

  it('the domain wording or rounding its own output fails: domain-speaks-no-language', () => {
    const r = cruise({
      ...clean,
      'src/domain/metrics.ts':
        "import { fmtRate } from '../format.js';\nimport { ROLE_LABELS } from '../i18n/labels.js';\nexport const uvValue = () => [fmtRate, ROLE_LABELS];\n",
      'src/format.ts': 'export const fmtRate = () => null;\n',
      'src/i18n/labels.ts': 'export const ROLE_LABELS = {};\n',
    });
    expect(r.rules).toEqual(['domain-speaks-no-language']);
  });

  it('the domain reading a file itself fails: domain-no-node-io', () => {
    const r = cruise({
      ...clean,
      'src/domain/metrics.ts':
        "import { readFileSync } from 'node:fs';\nexport const uvValue = () => readFileSync('x');\n",
    });
    expect(r.rules).toEqual(['domain-no-node-io']);
  });

  it('two modules importing each other fail, also through types only: no-circular', () => {
    const r = cruise({
      ...clean,
      'src/io/read/tables.ts': "import type { Row } from './raw.js';\nexport const readTable = (r: Row) => r;\n",
      'src/io/read/raw.ts':
        "import { readTable } from './tables.js';\nexport type Row = string[];\nexport const again = readTable;\n",
    });
    expect(r.rules).toEqual(['no-circular']);
  });

  it('a reader importing a command fails, and a module nothing imports is named', () => {
    const r = cruise({
      ...clean,
      'src/io/read/tables.ts':
        "import { run } from '../../commands/retro/index.js';\nexport const readTable = () => run;\n",
      'src/domain/unused.ts': 'export const x = 1;\n',
    });
    expect(r.rules).toEqual(['no-circular', 'no-orphans', 'readers-and-writers-below-commands']);
  });

  it('a command importing another command fails: command-not-command', () => {
    const r = cruise({
      ...clean,
      'src/commands/weekly/index.ts':
        "import { render } from '../retro/render.js';\nexport const run = () => render;\n",
      'src/collect/files.ts': 'export const exportsIn = () => null;\n',
    });
    expect(r.rules).toEqual(['command-not-command', 'no-orphans']);
  });

  it('the shared collection code importing a command fails: collect-below-commands', () => {
    const r = cruise({
      ...clean,
      'src/collect/files.ts':
        "import { render } from '../commands/retro/render.js';\nexport const exportsIn = () => render;\n",
    });
    expect(r.rules).toEqual(['collect-below-commands']);
  });
});
