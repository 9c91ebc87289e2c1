/**
 * The one output step every command prints through: -q prints nothing but results and errors,
 * --json is one object on success and on failure, its fields do not depend on --lang, the config
 * file used is named, and colour follows NO_COLOR / FORCE_COLOR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

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
    ['bad input', ['kpi', '--month', '2026-11', 'k.csv'], { code: 'input', exit: 2, file: 'k.csv', row: 2, column: 'GMV' }],
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
    expect(r.stderr).toMatch(/^liveops: not written: .*twice\.json already exists; pass --force to overwrite it \(exit 5\)$/m);
  });
});

/** Every path of keys, and every non-text leaf with its value: what a machine reads. */
function shape(o: unknown, p = '', out: string[] = []): string[] {
  if (Array.isArray(o)) o.forEach((x, i) => shape(x, `${p}[${i}]`, out));
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) shape(v, `${p}.${k}`, (out.push(`${p}.${k}`), out));
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
    expect(JSON.parse(liveops(['--json', 'inspect', join(FIXTURES, 'orders.csv')], { cwd: tmp.dir }).stdout).config).toBe('defaults');
    const dir = join(tmp.dir, 'team');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'liveops.config.yaml'), 'lang: zh\n');
    expect(JSON.parse(liveops(['--json', 'inspect', join(FIXTURES, 'orders.csv')], { cwd: dir }).stdout).config).toBe('liveops.config.yaml');
    const v = liveops(['--verbose', 'inspect', join(FIXTURES, 'orders.csv')], { cwd: dir });
    expect(v.stderr.split('\n')[0]).toBe('liveops: config: liveops.config.yaml');
  });
});

describe('colour (clig.dev): never into a pipe unless FORCE_COLOR, never with NO_COLOR', () => {
  const summary = (env: Record<string, string>) => liveops(['inspect', join(FIXTURES, 'orders.csv')], { env: { NO_COLOR: '', ...env } }).stdout;
  it.each([
    ['a pipe', {}, false],
    ['FORCE_COLOR=1', { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, false],
    ['NO_COLOR=1 and FORCE_COLOR=1', { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ] as const)('%s', (_what, env, coloured) => expect(ESC.test(summary(env))).toBe(coloured));
});
