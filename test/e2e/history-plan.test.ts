/**
 * select, schedule and kpi with the history: select records its eliminations, the next schedule
 * leaves them out (and says so) and warns about rehearsals already past, kpi fills an anchor's
 * empty conversion, dwell and new fan-club figures from the month's streams they anchored.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, ROOT, STACK, tempDir } from './run.js';

const WEEK = join(FIXTURES, 'week-2026-W47');
const POOL = join(FIXTURES, 'selection.xlsx');
const SESSION = join(FIXTURES, 'douyin-compass-session.xlsx');
const BAG = '户外双肩包 30L 轻量 登山徒步';
const BAG_ID = '3650123456789012512';

let tmp: ReturnType<typeof tempDir>;
let history: string;
beforeEach(() => {
  tmp = tempDir();
  history = join(tmp.dir, 'h');
  mkdirSync(join(tmp.dir, 'out'));
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
});
afterEach(() => tmp.cleanup());

const run = (args: string[], now: string, extra: Record<string, string> = {}) =>
  liveops([...args, '-o', `${tmp.dir}/out/`, '--force'], {
    cwd: tmp.dir,
    env: { LIVEOPS_HISTORY: history, LIVEOPS_NOW: now, ...extra },
  });
const json = (args: string[], now: string, extra: Record<string, string> = {}) => {
  const r = run([...args, '--json'], now, extra);
  expect(r.stderr).not.toMatch(STACK);
  return { ...r, report: JSON.parse(r.stdout) };
};

const NOV_30 = '2026-11-30T10:00:00+08:00';
const select = (now = NOV_30, flags: string[] = []) =>
  json(['select', WEEK, '--pool', POOL, '--week', '2026-W47', ...flags], now);
const schedule = (month: string, now: string, flags: string[] = []) =>
  json(['schedule', '--month', month, '--pool', POOL, ...flags], now);

async function readTable(table: string): Promise<Array<Record<string, unknown>>> {
  const { readAll } = await import(join(ROOT, 'dist/io/history/store.js'));
  return readAll(history, table, {}, []);
}

const plannedNames = (plan: { streams: Array<{ productList: string[] }> }) =>
  new Set(plan.streams.flatMap((s) => s.productList.map((p) => p.split(':').slice(1).join(':'))));

describe('select records its eliminations; the next schedule leaves them out', () => {
  it('W47 eliminates the backpack: December plans it in no stream, and says so', async () => {
    const sel = select();
    expect(sel.code).toBe(3);
    expect(sel.report.history).toMatchObject({ recorded: 2, replaced: 0, error: null });
    const rows = await readTable('eliminations');
    expect(rows.map((r) => [r.record_key, r.week, r.product_id, r.rules, r.streams, r.account])).toEqual(
      expect.arrayContaining([['select|2026-W47|_all', '2026-W47', BAG_ID, 'weekly-click-eliminate', 4, '_all']]),
    );
    expect(rows).toHaveLength(2);
    const bag = rows.find((r) => r.product_id === BAG_ID)!;
    expect(bag.click_rate).toBeCloseTo(0.0299, 10);

    const { code, report: plan } = schedule('2026-12', NOV_30);
    expect(code).toBe(0);
    expect(plannedNames(plan).has(BAG)).toBe(false);
    expect(plan.productPlan.map((p: { name: string }) => p.name)).not.toContain(BAG);
    expect(plan.eliminated).toEqual(
      expect.arrayContaining([
        { id: BAG_ID, name: BAG, week: '2026-W47', rules: ['weekly-click-eliminate'], inPool: true },
      ]),
    );
    expect(plan.excluded).toContainEqual({ name: BAG, reason: '在 2026-W47 淘汰清单上' });
    expect(plan.history.used).toEqual([`按 2026-W47 淘汰清单不排：${BAG}、补水修护面膜 10片装（福利款）`]);

    const text = run(['schedule', '--month', '2026-12', '--pool', POOL], NOV_30);
    expect(text.stdout).toContain(`取自历史：按 2026-W47 淘汰清单不排：${BAG}`);
    expect(text.stdout).toContain(`${BAG}（在 2026-W47 淘汰清单上）`);
  });

  it('in English with --lang en', () => {
    select();
    const r = run(['--lang', 'en', 'schedule', '--month', '2026-12', '--pool', POOL], NOV_30);
    expect(r.stdout).toContain(`From the history: left out as on the 2026-W47 elimination list: ${BAG}`);
    expect(r.stdout).toContain(`${BAG} (on the 2026-W47 elimination list)`);
  });

  it('re-running the select replaces its record', async () => {
    select();
    expect(select().report.history).toMatchObject({ recorded: 2, replaced: 2 });
    expect(await readTable('eliminations')).toHaveLength(2);
  });

  it('the schedule records its planned streams, with their anchors, per account', async () => {
    select();
    const plan = schedule('2026-12', NOV_30).report;
    const rows = await readTable('planned');
    expect(rows).toHaveLength(19);
    expect(new Set(rows.map((r) => r.record_key))).toEqual(new Set(['schedule|2026-12|山野户外旗舰店']));
    const first = rows.find((r) => r.date === '2026-12-02')!;
    expect(first).toMatchObject({
      account: '山野户外旗舰店',
      slot: '20:00-23:00',
      anchor: plan.streams[0].anchor,
      assistant: plan.streams[0].assistant,
      type: '日常场',
      gmv_target: plan.streams[0].gmvTarget,
      rehearsal: '2026-11-30',
    });
    expect((first.start_time as Date).toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(first.products).not.toContain(BAG);
    expect(rows.filter((r) => r.account === '小鹿美妆官方')).toHaveLength(5);
    // Re-running replaces it.
    expect(schedule('2026-12', NOV_30).report.history.replaced).toBe(3);
    expect(await readTable('planned')).toHaveLength(19);
  });

  it('a selection of a week after the month began does not apply to it', () => {
    select();
    // November's schedule: W47 (from 11-16) starts after 11-01, so nothing is left out.
    const plan = schedule('2026-11', '2026-10-20T10:00:00+08:00').report;
    expect(plan.eliminated).toEqual([]);
    expect(plannedNames(plan).has(BAG)).toBe(true);
    expect(plan.history.used).toEqual([]);
  });

  it('--no-history: the backpack is planned as before, nothing recorded', () => {
    select();
    const plan = schedule('2026-12', NOV_30, ['--no-history']).report;
    expect(plan.history).toBeUndefined();
    expect(plan.eliminated).toEqual([]);
    expect(plan.productPlan.find((p: { name: string }) => p.name === BAG).appearances).toBe(9);
  });
});

describe('rehearsal dates already past', () => {
  it('on 12-03, the 12-02 and 12-04 streams’ rehearsals (11-30, 12-02) are past; 12-05’s (12-03) is not', () => {
    const r = schedule('2026-12', '2026-12-03T09:00:00+08:00');
    expect(r.code).toBe(0);
    expect(r.report.today).toBe('2026-12-03');
    expect(r.report.pastRehearsals.map((x: { date: string; rehearsal: string }) => [x.date, x.rehearsal])).toEqual([
      ['2026-12-02', '2026-11-30'],
      ['2026-12-04', '2026-12-02'],
    ]);
    expect(r.stderr).toContain('liveops: warning: 2026-12-02 20:00-23:00 场的彩排日 2026-11-30 已过');
    const text = run(['schedule', '--month', '2026-12', '--pool', POOL], '2026-12-03T09:00:00+08:00');
    expect(text.stdout).toContain('彩排日已过：');
    expect(text.stdout).toContain('2026-12-04 20:00-23:00 场的彩排日 2026-12-02 已过');
  });

  it('none before the month', () => {
    expect(schedule('2026-12', NOV_30).report.pastRehearsals).toEqual([]);
  });
});

/** A stream row as the retro records it, with only what the KPI reads. */
function stream(start: string, anchor: string | null, f: Record<string, number | null>) {
  return {
    stream_key: `douyin|山野户外旗舰店|at:${start.slice(0, 16)}`,
    source: 'retro',
    start_time: start,
    date: start.slice(0, 10),
    anchor,
    ...f,
  };
}

async function seedStreams(month: string, rows: Array<Record<string, unknown>>) {
  const { recordRun } = await import(join(ROOT, 'dist/io/history/store.js'));
  const partition = { platform: 'douyin', account: '山野户外旗舰店', month };
  await recordRun(history, {
    command: 'import',
    recordKey: `seed|${month}`,
    recordedAt: new Date('2026-12-01T00:00:00Z'),
    version: 'test',
    inputs: [],
    partition,
    parts: [{ table: 'streams', partition, rows }],
  });
}

const KPI_SHEET = [
  '姓名,岗位,商品转化率,人均停留时长(秒),新增粉丝团',
  '小林,主播,,,',
  '阿杰,主播,5.0%,,',
  '莉莉,主播,,,',
].join('\n');

describe('kpi fills an anchor’s empty figures from the month’s streams they anchored', () => {
  beforeEach(async () => {
    writeFileSync(join(tmp.dir, 'kpi.csv'), `${KPI_SHEET}\n`);
    await seedStreams('2026-11', [
      stream('2026-11-04T20:00:00+08:00', '小林', {
        buyers: 120,
        product_clickers: 2000,
        uv: 5000,
        avg_dwell_s: 80,
        new_fan_club: 150,
      }),
      stream('2026-11-06T20:00:00+08:00', '小林', {
        buyers: 90,
        product_clickers: 1500,
        uv: 3000,
        avg_dwell_s: 120,
        new_fan_club: 60,
      }),
      stream('2026-11-09T20:00:00+08:00', '阿杰', {
        buyers: 50,
        product_clickers: 1000,
        uv: 2000,
        avg_dwell_s: 60,
        new_fan_club: null,
      }),
      stream('2026-11-11T20:00:00+08:00', '阿杰', {
        buyers: 30,
        product_clickers: 500,
        uv: 1000,
        avg_dwell_s: 90,
        new_fan_club: 40,
      }),
      // Nobody known anchored it: no one's figure.
      stream('2026-11-13T20:00:00+08:00', null, {
        buyers: 999,
        product_clickers: 1000,
        uv: 1000,
        avg_dwell_s: 999,
        new_fan_club: 999,
      }),
    ]);
    // Another month's stream of 小林: not November's.
    await seedStreams('2026-10', [
      stream('2026-10-28T20:00:00+08:00', '小林', {
        buyers: 1000,
        product_clickers: 1000,
        uv: 1000,
        avg_dwell_s: 1000,
        new_fan_club: 1000,
      }),
    ]);
  });

  const kpi = (flags: string[] = []) =>
    json(['kpi', '--month', '2026-11', 'kpi.csv', '--format', 'json', ...flags], '2026-12-02T10:00:00+08:00');
  const metric = (report: any, name: string, id: string) =>
    report.people
      .find((p: { name: string }) => p.name === name)
      .roleScores[0].metrics.find((m: { metric: string }) => m.metric === id);

  it('conversion Σbuyers ÷ Σclickers, dwell UV-weighted, fan-club summed, each marked as from the history', async () => {
    const { code, report } = kpi();
    expect(code).toBe(0);
    // 小林: (120 + 90) ÷ (2000 + 1500) = 210 ÷ 3500 = 6 %; (5000×80 + 3000×120) ÷ 8000 = 760000 ÷ 8000 = 95 s; 150 + 60 = 210.
    expect(metric(report, '小林', 'productConversion')).toMatchObject({ source: 'history', sourceLabel: '历史' });
    expect(metric(report, '小林', 'productConversion').actual).toBeCloseTo(0.06, 12);
    expect(metric(report, '小林', 'dwellTime')).toMatchObject({ actual: 95, source: 'history' });
    expect(metric(report, '小林', 'newFanClub')).toMatchObject({
      actual: 210,
      source: 'history',
      history: { source: 'history', streams: 2, of: 2, text: '取自历史（本月其主播的 2 场）' },
    });
    expect(report.people.find((p: { name: string }) => p.name === '小林').complete).toBe(true);
    // 阿杰: the sheet's 5.0 % stays; dwell (2000×60 + 1000×90) ÷ 3000 = 70 s; fan-club known for 1 of 2 streams: empty.
    expect(metric(report, '阿杰', 'productConversion')).toMatchObject({ actual: 0.05, source: 'sheet', history: null });
    expect(metric(report, '阿杰', 'dwellTime')).toMatchObject({ actual: 70, source: 'history' });
    expect(metric(report, '阿杰', 'newFanClub')).toMatchObject({
      actual: null,
      source: null,
      history: { source: 'history-gap', reason: 'some-missing', streams: 1, of: 2 },
    });
    expect(metric(report, '阿杰', 'newFanClub').history.text).toBe('本月其主播的 2 场中只有 1 场有新增粉丝团');
    // 莉莉 anchored nothing this month.
    expect(metric(report, '莉莉', 'dwellTime')).toMatchObject({
      actual: null,
      history: { reason: 'no-streams', streams: 0, of: 0 },
    });
    expect(report.fromHistory.filter((h: { source: string | null }) => h.source === 'history')).toHaveLength(4);
    expect(report.history.used).toEqual(['主播数据 4 项（2026-11 其主播的 4 场）']);

    const scores = await readTable('scores');
    expect(scores).toHaveLength(3);
    expect(new Set(scores.map((s) => s.record_key))).toEqual(new Set(['kpi|2026-11']));
    const lin = scores.find((s) => s.person === '小林')!;
    expect(lin.role).toBe('anchor');
    expect(lin.score).toBeCloseTo(report.people.find((p: { name: string }) => p.name === '小林').total, 10);
    expect((lin.figures as any).dwellTime).toMatchObject({ actual: 95, source: 'history' });
    expect(kpi().report.history.replaced).toBe(2);
  });

  it('the summary says which figures came from the history, and which stay empty and why', () => {
    const r = run(['kpi', '--month', '2026-11', 'kpi.csv'], '2026-12-02T10:00:00+08:00');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('主播数据取自历史（表格未填）：');
    expect(r.stdout).toContain('小林 人均停留时长');
    expect(r.stdout).toContain('阿杰 新增粉丝团 仍空: 本月其主播的 2 场中只有 1 场有新增粉丝团');
    expect(r.stdout).toContain('取自历史：主播数据 4 项');
    const en = run(['--lang', 'en', 'kpi', '--month', '2026-11', 'kpi.csv'], '2026-12-02T10:00:00+08:00');
    expect(en.stdout).toContain('Anchor figures from the history (empty in the sheet):');
    expect(en.stdout).toContain('小林 Average dwell 1m35s: from the history (2 streams they');
  });

  it('--no-history: the empty figures stay empty, nothing recorded', () => {
    const { report } = kpi(['--no-history']);
    expect(report.history).toBeUndefined();
    expect(report.fromHistory).toEqual([]);
    expect(metric(report, '小林', 'productConversion')).toMatchObject({ actual: null, source: null, history: null });
    expect(report.people.find((p: { name: string }) => p.name === '小林').complete).toBe(false);
  });
});

describe('the loop: schedule → retro (the stream carries its anchor) → kpi', () => {
  it('the 11-18 stream’s anchor gets its conversion, dwell and fan-club from that retro', () => {
    const plan = schedule('2026-11', '2026-10-20T10:00:00+08:00').report;
    const planned = plan.streams.find((s: { date: string; account: string }) => s.date === '2026-11-18');
    expect(planned.account).toBe('山野户外旗舰店');
    const retro = json(['retro', SESSION], '2026-11-19T10:00:00+08:00').report;
    expect(retro.history.error).toBeNull();
    const anchor = planned.anchor as string;
    writeFileSync(join(tmp.dir, 'kpi.csv'), `姓名,岗位,商品转化率,人均停留时长(秒),新增粉丝团\n${anchor},主播,,,\n`);
    const { report } = json(['kpi', '--month', '2026-11', 'kpi.csv', '--format', 'json'], '2026-12-02T10:00:00+08:00');
    const metrics = report.people[0].roleScores[0].metrics;
    const s = retro.summary;
    expect(metrics[0]).toMatchObject({ metric: 'productConversion', source: 'history' });
    expect(metrics[0].actual).toBeCloseTo(s.buyers / s.productClickers, 12);
    expect(metrics[1]).toMatchObject({ metric: 'dwellTime', actual: s.avgDwellSeconds, source: 'history' });
  });
});

describe('a history that cannot be written', () => {
  it('select, schedule and kpi say so, still write their report, and exit 4', () => {
    writeFileSync(history, 'a file where the history folder should be');
    writeFileSync(join(tmp.dir, 'kpi.csv'), `${KPI_SHEET}\n`);
    const runs = [
      [['select', WEEK, '--pool', POOL, '--week', '2026-W47'], '淘汰清单_2026-W47.xlsx'],
      [['schedule', '--month', '2026-12', '--pool', POOL], '排期表_2026-12.xlsx'],
      [['kpi', '--month', '2026-11', 'kpi.csv'], 'KPI_2026-11.xlsx'],
    ] as const;
    for (const [args, file] of runs) {
      const r = run([...args], '2026-12-02T10:00:00+08:00');
      expect(r.code, args[0]).toBe(4);
      expect(r.stderr).toContain('history not recorded; the report was written');
      expect(r.stderr).not.toMatch(STACK);
      expect(existsSync(join(tmp.dir, 'out', file))).toBe(true);
    }
  });
});
