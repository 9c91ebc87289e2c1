/**
 * The one output step every command prints through: -q prints nothing but results and errors,
 * --json is one object on success and on failure, its fields do not depend on --lang, the config
 * file used is named, and colour follows NO_COLOR / FORCE_COLOR.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
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

describe('the summary fits the terminal: 80 columns in a pipe or cron, COLUMNS to choose another', () => {
  const team = join(tmp.dir, 'widths');
  mkdirSync(team, { recursive: true });
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(team, 'liveops.config.yaml'));
  copyFileSync(join(FIXTURES, 'selection.xlsx'), join(team, '选品表.xlsx'));
  const NOW = { LIVEOPS_NOW: '2026-12-05T08:30:00+08:00' };
  const runs: Array<[string, string[]]> = [
    ['retro', ['retro', SESSION, '--baseline', join(FIXTURES, 'douyin-live-list.xlsx'), '-o', 'r/']],
    ['weekly', ['retro', '--weekly', WEEK, '--week', '2026-W47', '-o', 'w/']],
    ['select', ['select', WEEK, '--week', '2026-W47', '--pool', '选品表.xlsx', '-o', 's/']],
    ['kpi', ['kpi', '--month', '2026-11', join(FIXTURES, 'kpi-startup-2026-11.xlsx'), '-o', 'k/']],
    ['schedule', ['schedule', '--month', '2026-12', '--pool', '选品表.xlsx', '-o', 'p/', '--no-ics']],
    [
      'script',
      [
        'script',
        '--products',
        '速干徒步裤 男女同款 四面弹,户外双肩包 30L 轻量 登山徒步',
        '--duration',
        '90',
        '--start',
        '19:30',
        '--pool',
        '选品表.xlsx',
        '-o',
        'c/',
      ],
    ],
    ['brief', ['schedule', '--brief', '2026-12-05', '--pool', '选品表.xlsx', '-o', 'b/']],
  ];
  const summary = (lang: string, args: string[], env: Record<string, string> = {}) => {
    const r = liveops(['--lang', lang, ...args, '--force'], { cwd: team, env: { ...NOW, ...env } });
    expect([0, 3], r.stderr).toContain(r.code);
    return r.stdout;
  };
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
  /** The text without its layout: what wrapping must not change. */
  const words = (text: string) => text.replace(/\s+/g, '');

  it.each(runs.flatMap(([name, args]) => ['zh', 'en'].map((lang) => [name, lang, args] as const)))(
    '%s --lang %s: no line wider than 80, and nothing of a 400-column summary lost',
    (name, lang, args) => {
      const narrow = summary(lang, args);
      const wide = summary(lang, args, { COLUMNS: '400' });
      expect(widest(narrow)).toBeLessThanOrEqual(80);
      // A table cell that wraps continues on the table's next line, between the other cells: there,
      // the same characters; elsewhere, the same text in the same order.
      const table = name === 'kpi' || name === 'schedule';
      const chars = (t: string) => [...words(t)].sort().join('');
      if (table) expect(chars(narrow)).toBe(chars(wide));
      else expect(words(narrow)).toBe(words(wide));
    },
  );

  it('COLUMNS=120 lays a pipe out in 120 columns, COLUMNS=60 in 60', () => {
    const wide = summary('en', runs[0]![1], { COLUMNS: '120' });
    expect(widest(wide)).toBeLessThanOrEqual(120);
    expect(widest(wide)).toBeGreaterThan(80);
    expect(widest(summary('en', runs[0]![1], { COLUMNS: '60' }))).toBeLessThanOrEqual(60);
  });

  it('an alert line at 80 columns wraps under its message, no line is wider than 80', () => {
    for (const lang of ['zh', 'en']) {
      const lines = summary(lang, runs[0]![1]).split('\n');
      const at = lines.findIndex((l) => l.includes('[product-conversion-low]'));
      const messageAt = lines[at]!.indexOf('[product-conversion-low]') + '[product-conversion-low] '.length;
      expect(lines[at]).toMatch(/^ {2}! \[product-conversion-low\] \S/);
      // The lines after it, up to the owner, start in the message's column.
      const rest = lines.slice(at + 1, lines.findIndex((l, i) => i > at && /→ (主播|anchor)$/.test(l)) + 1);
      expect(rest.length).toBeGreaterThan(0);
      for (const l of rest) expect(l.slice(0, messageAt).trim() + '|' + l[messageAt]).toMatch(/^\|\S/);
    }
  });

  it('English and Chinese summaries align their figures in one column', () => {
    for (const lang of ['zh', 'en']) {
      const lines = summary(lang, runs[0]![1]).split('\n');
      const head = lines.findIndex((l) => /^(对比|Compared)/.test(l));
      const rows = lines.slice(head + 1, head + 5);
      expect(rows).toHaveLength(4);
      // Each row: label, figure, vs previous, change, vs median, change — every figure ends in the same column.
      const ends = (l: string, n: number) => {
        const cells = [...l.matchAll(/[¥+−\-]?[\d,.]+%?/g)].filter((m) => /\d/.test(m[0]));
        const m = cells.at(n)!;
        return stringWidth(l.slice(0, m.index + m[0].length));
      };
      for (const n of [-3, -2, -1])
        expect(new Set(rows.map((r) => ends(r, n))).size, `${lang} ${rows.join('\n')}`).toBe(1);
    }
  });
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
      /-o notes\.txt: not an output file name \(\.xlsx, \.csv, \.md, \.html or \.json\) nor a folder; for a folder write notes\//,
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
