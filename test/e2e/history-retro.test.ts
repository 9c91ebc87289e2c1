/**
 * The retro and the history: every retro is recorded (re-running it replaces its record), and a
 * retro given no --baseline compares with the account's recent streams from the history.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, ROOT, STACK, tempDir } from './run.js';

const SESSION = join(FIXTURES, 'douyin-compass-session.xlsx');
const LIST = join(FIXTURES, 'douyin-live-list.xlsx');

let tmp: ReturnType<typeof tempDir>;
let history: string;
beforeEach(() => {
  tmp = tempDir();
  history = join(tmp.dir, 'history');
});
afterEach(() => tmp.cleanup());

const run = (args: string[], env: Record<string, string> = {}) =>
  liveops([...args, '-o', `${tmp.dir}/out/`, '--force'], { cwd: tmp.dir, env: { LIVEOPS_HISTORY: history, ...env } });
const json = (args: string[], env: Record<string, string> = {}) => {
  const r = run([...args, '--json'], env);
  return { ...r, report: JSON.parse(r.stdout) };
};

async function streamsInHistory(): Promise<Array<Record<string, unknown>>> {
  const { readAll } = await import(join(ROOT, 'dist/io/history/store.js'));
  return readAll(history, 'streams', { account: '山野户外旗舰店' }, []);
}

describe('a retro without --baseline compares with the account’s recent streams in the history', () => {
  it('the 11-12 and 11-14 streams recorded first are the 11-18 retro’s baseline', () => {
    mkdirSync(join(tmp.dir, 'out'));
    for (const day of ['2026-11-12', '2026-11-14']) expect(run(['retro', LIST, '--stream', day]).code).toBe(0);
    const { code, report } = json(['retro', SESSION]);
    expect(code).toBe(0);
    expect(report.comparison.baselineStreams).toBe(2);
    expect(report.comparison.previousStart).toBe('2026-11-14T20:00:00+08:00');
    const uv = report.comparison.metrics.find((m: { metric: string }) => m.metric === 'uv');
    // 6,782 against the 11-14 stream's 6,300: +7.65 %; against the median of 3,070 and 6,300 (4,685): +44.76 %.
    expect(uv.previous).toBe(6300);
    expect(uv.median).toBe(4685);
    expect(uv.medianChange).toBeCloseTo(6782 / 4685 - 1, 10);
    expect(report.history.used).toEqual(['对比基线 2 场']);
  });

  it('the summary says where the baseline came from', () => {
    mkdirSync(join(tmp.dir, 'out'));
    run(['retro', LIST, '--stream', '2026-11-14']);
    const r = run(['retro', SESSION]);
    expect(r.stdout).toContain('取自历史：对比基线 1 场');
    expect(r.stdout).toContain('已记入历史 history');
  });
});

describe('re-running the same retro replaces its record, never doubles it', () => {
  it('three retros of the 11-18 stream leave one stream record', async () => {
    mkdirSync(join(tmp.dir, 'out'));
    const first = json(['retro', SESSION]).report.history;
    expect(first).toMatchObject({ recorded: 6, replaced: 0, skipped: [], error: null });
    expect(json(['retro', SESSION]).report.history).toMatchObject({ recorded: 6, replaced: 6 });
    json(['retro', SESSION]);
    const streams = await streamsInHistory();
    expect(streams.map((s) => [s.source, s.gmv, s.uv])).toEqual([['retro', 133433, 6782]]);
  });
});

describe('no history when asked', () => {
  it.each([
    ['--no-history', ['--no-history'], {}],
    ['LIVEOPS_HISTORY=off', [], { LIVEOPS_HISTORY: 'off' }],
  ])('%s: nothing recorded, nothing compared', (_, flags, env) => {
    mkdirSync(join(tmp.dir, 'out'));
    const { code, report } = json(['retro', SESSION, ...flags], env as Record<string, string>);
    expect(code).toBe(0);
    expect(report.history).toBeUndefined();
    expect(report.comparison).toBeNull();
    expect(existsSync(history)).toBe(false);
  });

  it('history: false in the config', () => {
    mkdirSync(join(tmp.dir, 'out'));
    writeFileSync(join(tmp.dir, 'liveops.config.yaml'), 'history: false\n');
    const r = liveops(['retro', SESSION, '-o', 'out/', '--json'], { cwd: tmp.dir, env: { LIVEOPS_HISTORY: '' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).history).toBeUndefined();
    expect(existsSync(join(tmp.dir, '.liveops'))).toBe(false);
  });

  it('by default the history is .liveops/history next to the config file', () => {
    mkdirSync(join(tmp.dir, 'team', 'exports'), { recursive: true });
    writeFileSync(join(tmp.dir, 'team', 'liveops.config.yaml'), 'lang: zh\n');
    const r = liveops(['retro', SESSION, '-o', 'out/', '--json'], {
      cwd: join(tmp.dir, 'team', 'exports'),
      env: { LIVEOPS_HISTORY: '', HOME: tmp.dir },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).history.dir).toBe(join(tmp.dir, 'team', '.liveops', 'history'));
    expect(existsSync(join(tmp.dir, 'team', '.liveops', 'history', 'streams'))).toBe(true);
  });
});

describe('a history that cannot be written', () => {
  it('is said with its path, the report is still written, exit 4', () => {
    mkdirSync(join(tmp.dir, 'out'));
    writeFileSync(history, 'a file where the history folder should be');
    const r = run(['retro', SESSION]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`cannot write ${history}/`);
    expect(r.stderr).toContain('history not recorded; the report was written');
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(join(tmp.dir, 'out', '复盘_山野户外旗舰店_2026-11-18.xlsx'))).toBe(true);
  });
});
