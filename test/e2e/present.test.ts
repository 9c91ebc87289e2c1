/**
 * The one output step every command prints through: -q prints nothing but results and errors,
 * --json is one object on success and on failure, its fields do not depend on --lang, the config
 * file used is named, and colour follows NO_COLOR / FORCE_COLOR.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, liveops, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const SESSION = join(FIXTURES, 'douyin-compass-session.xlsx');
const WEEK = join(FIXTURES, 'week-2026-W47');
const ESC = /\u001b\[/;

describe('-q: nothing but results and errors', () => {
  it('retro -q writes the retro and prints nothing', () => {
    const r = liveops(['-q', 'retro', SESSION, '-o', join(tmp.dir, 'q-retro.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(tmp.files()).toContain('q-retro.xlsx');
  });

  it('inspect -q prints nothing for a usable file, and the problem for an unusable one', () => {
    const ok = liveops(['-q', 'inspect', join(FIXTURES, 'orders.csv')]);
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, '', '']);
    writeFileSync(join(tmp.dir, 'bad.csv'), '订单编号,支付金额\nA1,abc\n');
    const bad = liveops(['-q', 'inspect', 'bad.csv'], { cwd: tmp.dir });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/bad\.csv.*支付金额/);
  });

  it('select -q keeps the one log line a monitoring system reads', () => {
    const r = liveops(['-q', 'select', WEEK, '--week', '2026-W47', '-o', join(tmp.dir, 'q-select.xlsx')]);
    expect([0, 3]).toContain(r.code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^liveops select 2026-W47: .*q-select\.xlsx \(exit [03]\)$/m);
  });
});

describe('--json on a failure: one object naming file, row and column', () => {
  it.each([
    [
      'bad input',
      ['kpi', '--month', '2026-11', 'k.csv'],
      { code: 'input', exit: 2, file: 'k.csv', row: 2, column: 'GMV' },
    ],
    ['a bad flag', ['select', '--week', 'W99'], { code: 'usage', exit: 2 }],
    ['an unknown option', ['--bogus'], { code: 'usage', exit: 2 }],
  ] as const)('%s', (_what, args, want) => {
    writeFileSync(join(tmp.dir, 'k.csv'), '姓名,岗位,GMV\n王磊,运营,abc\n');
    const r = liveops(['--json', ...args], { cwd: tmp.dir });
    expect(r.code).toBe(want.exit);
    expect(r.stderr).not.toMatch(STACK);
    const { error } = JSON.parse(r.stdout) as { error: Record<string, unknown> };
    expect(error).toMatchObject(want);
    expect(typeof error.message).toBe('string');
  });

  it('an output that exists: code "exists", exit 5, the path, and the log line on stderr', () => {
    const out = join(tmp.dir, 'twice.json');
    expect(liveops(['--json', 'retro', SESSION, '-o', out]).code).toBe(0);
    const r = liveops(['--json', 'retro', SESSION, '-o', out]);
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'exists', exit: 5 });
    expect(r.stderr).toMatch(
      /^liveops: not written: .*twice\.json already exists; pass --force to overwrite it \(exit 5\)$/m,
    );
  });
});

/** Every path of keys, and every non-text leaf with its value: what a machine reads. */
function shape(o: unknown, p = '', out: string[] = []): string[] {
  if (Array.isArray(o)) o.forEach((x, i) => shape(x, `${p}[${i}]`, out));
  else if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) shape(v, `${p}.${k}`, (out.push(`${p}.${k}`), out));
  else if (typeof o !== 'string') out.push(`${p}=${JSON.stringify(o)}`);
  return out;
}

describe('--json fields and figures do not depend on --lang (labels may)', () => {
  it.each([
    ['retro', (o: string) => ['retro', SESSION, join(FIXTURES, 'comments.csv'), '-o', o]],
    ['weekly', (o: string) => ['retro', '--weekly', WEEK, '--week', '2026-W47', '-o', o]],
    ['kpi', (o: string) => ['kpi', '--month', '2026-11', join(FIXTURES, 'kpi-2026-11.xlsx'), '-o', o]],
  ])('%s', (name, args) => {
    const [zh, en] = (['zh', 'en'] as const).map((lang) => {
      const r = liveops(['--json', '--lang', lang, ...args(join(tmp.dir, `${name}-${lang}.xlsx`))]);
      expect(r.stderr).not.toMatch(STACK);
      const report = JSON.parse(r.stdout) as { outputs?: string[] };
      delete report.outputs; // the file names differ on purpose
      return shape(report);
    });
    expect(en).toEqual(zh);
  });
});

describe('the config file used is named', () => {
  it('"defaults" without one; its path with one, in --json and first on stderr with --verbose', () => {
    expect(
      JSON.parse(liveops(['--json', 'inspect', join(FIXTURES, 'orders.csv')], { cwd: tmp.dir }).stdout).config,
    ).toBe('defaults');
    const dir = join(tmp.dir, 'team');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'liveops.config.yaml'), 'lang: zh\n');
    expect(JSON.parse(liveops(['--json', 'inspect', join(FIXTURES, 'orders.csv')], { cwd: dir }).stdout).config).toBe(
      'liveops.config.yaml',
    );
    const v = liveops(['--verbose', 'inspect', join(FIXTURES, 'orders.csv')], { cwd: dir });
    expect(v.stderr.split('\n')[0]).toBe('liveops: config: liveops.config.yaml');
  });
});

describe('colour (clig.dev): never into a pipe unless FORCE_COLOR, never with NO_COLOR', () => {
  const summary = (env: Record<string, string>) =>
    liveops(['inspect', join(FIXTURES, 'orders.csv')], { env: { NO_COLOR: '', ...env } }).stdout;
  it.each([
    ['a pipe', {}, false],
    ['FORCE_COLOR=1', { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, false],
    ['NO_COLOR=1 and FORCE_COLOR=1', { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ] as const)('%s', (_what, env, coloured) => expect(ESC.test(summary(env))).toBe(coloured));
});

describe('-o: a folder, a file, or stdout', () => {
  it('a path without an extension is a folder, created: -o outA writes outA/复盘_<account>_<date>.xlsx', () => {
    const r = liveops(['retro', SESSION, '-o', 'outA'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(tmp.dir, 'outA'))).toEqual([expect.stringMatching(/^复盘_.+_2026-11-18\.xlsx$/)]);
  });

  it('a file name of no output format is refused, naming the formats and the folder spelling', () => {
    const r = liveops(['retro', SESSION, '-o', 'notes.txt'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /-o notes\.txt: not an output file name \(\.xlsx, \.csv, \.md or \.json\) nor a folder; for a folder write notes\//,
    );
  });

  it('-o - --format md: the Markdown retro on stdout, no summary, no file', () => {
    const dir = join(tmp.dir, 'stdout-md');
    mkdirSync(dir);
    const r = liveops(['retro', SESSION, '-o', '-', '--format', 'md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# /);
    expect(r.stdout).not.toMatch(/liveops retro|已写入|written to/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o - into a pipe: the workbook itself (a zip); the KPI list as CSV', () => {
    const xlsx = spawnBytes(['retro', SESSION, '-o', '-']);
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = liveops([
      'kpi',
      '--month',
      '2026-11',
      join(FIXTURES, 'kpi-2026-11.xlsx'),
      '-o',
      '-',
      '--format',
      'csv',
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^\uFEFF?姓名,岗位/);
  });

  it('--json with -o - is a usage error: both would write to stdout', () => {
    const r = liveops(['--json', 'retro', SESSION, '-o', '-']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toMatch(/--json and -o - both write to stdout/);
  });
});

function spawnBytes(args: string[]): Buffer {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmp.dir,
    env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, TZ: 'UTC' },
  });
  expect(r.status, String(r.stderr)).toBe(0);
  return r.stdout as Buffer;
}
