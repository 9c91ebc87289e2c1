/**
 * A failed write is the user's environment, not a bug: every command, with its output folder
 * read-only, a file, or on a full disk, exits 4 with one line naming the path and the cause, and
 * leaves nothing behind (neither the output nor a temp file).
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, ROOT, STACK, tempDir, type RunOptions } from './run.js';

const FAIL_WRITES = join(ROOT, 'test', 'helpers', 'fail-writes.mjs');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

beforeAll(() => {
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
  for (const f of ['selection.xlsx', 'kpi-2026-11.xlsx', 'douyin-compass-session.xlsx'])
    copyFileSync(join(FIXTURES, f), join(tmp.dir, f));
  chmodSync(join(tmp.dir, 'liveops.config.yaml'), 0o644);
});

/** Each command with `OUT` where its output folder goes. */
const COMMANDS: Array<[string, string[]]> = [
  ['retro (xlsx)', ['retro', 'douyin-compass-session.xlsx', '-o', 'OUT/']],
  ['retro --format md', ['retro', 'douyin-compass-session.xlsx', '--format', 'md', '-o', 'OUT/']],
  ['retro --format html', ['retro', 'douyin-compass-session.xlsx', '--format', 'html', '-o', 'OUT/']],
  ['retro --json', ['--json', 'retro', 'douyin-compass-session.xlsx', '-o', 'OUT/']],
  ['retro --weekly', ['retro', '--weekly', join(FIXTURES, 'week-2026-W47'), '--week', '2026-W47', '-o', 'OUT/']],
  [
    'select',
    ['select', join(FIXTURES, 'week-2026-W47'), '--pool', 'selection.xlsx', '--week', '2026-W47', '-o', 'OUT/'],
  ],
  [
    'select --format csv',
    [
      'select',
      join(FIXTURES, 'week-2026-W47'),
      '--pool',
      'selection.xlsx',
      '--week',
      '2026-W47',
      '--format',
      'csv',
      '-o',
      'OUT/',
    ],
  ],
  ['kpi', ['kpi', '--month', '2026-11', 'kpi-2026-11.xlsx', '-o', 'OUT/']],
  ['schedule (xlsx + ics)', ['schedule', '--month', '2026-12', '--pool', 'selection.xlsx', '-o', 'OUT/']],
  ['schedule --brief', ['schedule', '--brief', '2026-12-05', '--pool', 'selection.xlsx', '-o', 'OUT/']],
  [
    'script',
    [
      'script',
      '--products',
      '速干徒步裤 男女同款 四面弹',
      '--duration',
      '60',
      '--pool',
      'selection.xlsx',
      '-o',
      'OUT/',
    ],
  ],
  ['inspect -o', ['inspect', 'douyin-compass-session.xlsx', '-o', 'OUT/识别.json']],
  ['init', ['init', 'OUT']],
];

const asRoot = process.getuid?.() === 0;
const DROP_OVERRIDE = [
  'setpriv',
  '--inh-caps=-dac_override,-dac_read_search',
  '--bounding-set=-dac_override,-dac_read_search',
];
let n = 0;

/** A fresh folder for one run; `prepare` makes it unwritable in its own way. */
function target(prepare: (dir: string) => void): { name: string; dir: string } {
  const name = `out${++n}`;
  const dir = join(tmp.dir, name);
  prepare(dir);
  return { name, dir };
}

function expectCannotWrite(r: ReturnType<typeof liveops>, code: RegExp): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).toMatch(new RegExp(`cannot write \\S*out\\d+\\S*: .*\\(${code.source}\\).*nothing was written`));
  expect(r.stderr).not.toMatch(/unexpected error|internal error/);
  expect(r.code, r.stderr).toBe(4);
}

describe('a folder nobody may write to', () => {
  it.each(COMMANDS)('%s: exit 4, "permission denied", nothing left', (_name, args) => {
    const t = target((dir) => {
      mkdirSync(dir);
      chmodSync(dir, 0o555);
    });
    // root writes anywhere: without its override of file permissions (util-linux setpriv, in every
    // Debian), it meets the folder as an ordinary user would, and still reads its own checkout.
    const opts: RunOptions = { cwd: tmp.dir, ...(asRoot ? { prefix: DROP_OVERRIDE } : {}) };
    const r = liveops(
      args.map((a) => a.replace('OUT', t.name)),
      opts,
    );
    expectCannotWrite(r, /EACCES/);
    expect(readdirSync(t.dir)).toEqual([]);
  });
});

describe('a file where the output folder should be', () => {
  it.each(COMMANDS)('%s: exit 4, "a file is in the way", the file untouched', (_name, args) => {
    const t = target((dir) => writeFileSync(dir, 'not a folder'));
    const r = liveops(
      args.map((a) => a.replace('OUT', t.name)),
      { cwd: tmp.dir },
    );
    expectCannotWrite(r, /EEXIST|ENOTDIR/);
  });
});

describe('a full disk (ENOSPC injected into every write under the folder)', () => {
  it.each(COMMANDS)('%s: exit 4, "no space left on device", nothing left', (_name, args) => {
    const t = target((dir) => mkdirSync(dir));
    const r = liveops(
      args.map((a) => a.replace('OUT', t.name)),
      {
        cwd: tmp.dir,
        nodeArgs: ['--import', FAIL_WRITES],
        env: { LIVEOPS_TEST_FAIL_DIR: t.dir },
      },
    );
    expectCannotWrite(r, /ENOSPC/);
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('a read-only file system (EROFS) is said as such', () => {
    const t = target((dir) => mkdirSync(dir));
    const r = liveops(['retro', 'douyin-compass-session.xlsx', '-o', `${t.name}/`], {
      cwd: tmp.dir,
      nodeArgs: ['--import', FAIL_WRITES],
      env: { LIVEOPS_TEST_FAIL_DIR: t.dir, LIVEOPS_TEST_FAIL_CODE: 'EROFS' },
    });
    expectCannotWrite(r, /EROFS/);
    expect(r.stderr).toMatch(/只读文件系统 \/ read-only file system/);
  });
});
