/**
 * One turn of the playbook's loop (选品 → 排期 → 直播 → 复盘 → 改进 → next cycle) through the
 * history, as a team works it in November 2026:
 *   10-20 the director plans November (11-18 阿杰, 11-25 小林 anchor 山野户外旗舰店)
 *   11-19 retro of the 11-18 stream: three improvement items recorded
 *   11-23 select W47: the backpack (click rate 2.99 %) and a mask go on the elimination list
 *   11-24 schedule December: neither is planned, and it says so
 *   11-26 retro of the 11-25 stream (the same products, the same points): compared with 11-18 from
 *         the history without --baseline; the repeated points are the same three items, not six
 *   11-26 the anchor closes the backpack's item; 11-27 the morning brief no longer lists it, and
 *         no longer counts the 11-25 retro as overdue
 *   12-02 KPI of November: the anchors' empty conversion and dwell come from the streams they anchored
 *   12-03 retro of the 12-02 stream: the backpack's point again, so its item is reopened, not a new one.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const POOL = join(FIXTURES, 'selection.xlsx');
const SESSION_1118 = join(FIXTURES, 'douyin-compass-session.xlsx');
const BAG = '户外双肩包 30L 轻量 登山徒步';
const BAG_ID = '3650123456789012512';
// The 11-18 retro's items (test/e2e/actions.test.ts writes the id formula out).
const CLOSING = 'A0188aud'; // anchor: the GORE-TEX jacket's conversion
const BAG_ITEM = 'A18vh8dm'; // anchor: the backpack's click rate
const CHECK = 'A1xct1m2'; // data: the stated click rate against the counts

const tmp = tempDir();
const SESSION_1125 = join(tmp.dir, '整场数据_20261125.xlsx');
const SESSION_1202 = join(tmp.dir, '整场数据_20261202.xlsx');
afterAll(() => tmp.cleanup());

const run = (args: string[], now: string) =>
  liveops(args, { cwd: tmp.dir, env: { LIVEOPS_HISTORY: join(tmp.dir, 'h'), LIVEOPS_NOW: now } });
const json = (args: string[], now: string) => {
  const r = run(['--json', ...args], now);
  expect(r.stderr).not.toMatch(STACK);
  return { code: r.code, report: JSON.parse(r.stdout) };
};
const ids = (report: { groups: Array<{ items: Array<{ id: string }> }> }) =>
  report.groups.flatMap((g) => g.items.map((i) => i.id)).sort();

beforeAll(async () => {
  mkdirSync(join(tmp.dir, 'out'));
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
  // The later streams: the same export, its times moved to 11-25, then to 12-02 (where the
  // backpack's point comes back).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SESSION_1118);
  const moveDay = (from: string, to: string) =>
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string' && c.value.includes(from)) c.value = c.value.replaceAll(from, to);
        }),
      ),
    );
  moveDay('2026/11/18', '2026/11/25');
  await wb.xlsx.writeFile(SESSION_1125);
  moveDay('2026/11/25', '2026/12/02');
  await wb.xlsx.writeFile(SESSION_1202);
});

describe('one turn of the loop through the history', () => {
  it('walks plan → retro → select → schedule → retro → actions done → brief → kpi', async () => {
    // 10-20: November's plan says who anchors which stream.
    const nov = json(
      ['schedule', '--month', '2026-11', '--pool', POOL, '-o', 'out/', '--force'],
      '2026-10-20T10:00:00+08:00',
    );
    const anchorOf = (day: string) => nov.report.streams.find((s: { date: string }) => s.date === day).anchor;
    expect([anchorOf('2026-11-18'), anchorOf('2026-11-25')]).toEqual(['阿杰', '小林']);

    // 11-19: the 11-18 retro records its three items, 阿杰 on the anchor's two.
    const r1 = json(['retro', SESSION_1118, '-o', 'out/r1118.json'], '2026-11-19T10:00:00+08:00');
    expect(r1.report.comparison).toBeNull();
    const first = json(['actions'], '2026-11-19T10:00:00+08:00').report;
    expect(ids(first)).toEqual([CLOSING, BAG_ITEM, CHECK].sort());
    expect(first.groups.find((g: { owner: string }) => g.owner === 'anchor').items[0].person).toBe('阿杰');

    // 11-23: W47's selection eliminates the backpack.
    const sel = json(
      ['select', join(FIXTURES, 'week-2026-W47'), '--pool', POOL, '--week', '2026-W47', '-o', 'out/', '--force'],
      '2026-11-23T10:00:00+08:00',
    );
    expect(sel.report.history.error).toBeNull();

    // 11-24: December's plan leaves it out, and says so.
    const dec = json(
      ['schedule', '--month', '2026-12', '--pool', POOL, '-o', 'out/', '--force'],
      '2026-11-24T10:00:00+08:00',
    );
    const planned = dec.report.streams.flatMap((s: { productList: string[] }) => s.productList).join('\n');
    expect(planned).not.toContain(BAG);
    expect(dec.report.eliminated.map((p: { id: string }) => p.id)).toContain(BAG_ID);
    expect(dec.report.history.used[0]).toContain(`按 2026-W47 淘汰清单不排：${BAG}`);
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.readFile(join(tmp.dir, 'out', '排期表_2026-12.xlsx'));
    const leftOut = (plan.getWorksheet('未排入')!.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1, 3));
    expect(leftOut).toContainEqual([BAG, '在 2026-W47 淘汰清单上']);

    // 11-26: the 11-25 retro compares with 11-18 from the history; its points are the same items.
    const r2 = json(['retro', SESSION_1125, '-o', 'out/r1125.json'], '2026-11-26T10:00:00+08:00');
    expect(r2.report.comparison.baselineStreams).toBe(1);
    expect(r2.report.comparison.previousStart).toBe('2026-11-18T19:58:02+08:00');
    expect(r2.report.history.used).toEqual(['对比基线 1 场']);
    const second = json(['actions'], '2026-11-26T10:00:00+08:00').report;
    expect(ids(second)).toEqual([CLOSING, BAG_ITEM, CHECK].sort());
    const items = second.groups.flatMap((g: { items: unknown[] }) => g.items);
    expect(items.map((i: { streams: number }) => i.streams)).toEqual([2, 2, 2]);
    // Now 小林's (the 11-25 anchor's), due a day after that stream ended (23:12:40): its next stream is 11-27.
    const bag = items.find((i: { id: string }) => i.id === BAG_ITEM);
    expect([bag.person, bag.due]).toEqual(['小林', '2026-11-26T23:12:40+08:00']);

    // 11-26: 小林 closes the backpack's item.
    expect(run(['actions', 'done', BAG_ITEM], '2026-11-26T12:00:00+08:00').code).toBe(0);

    // 11-27: the brief lists the two open ones (now overdue), not the closed one, and the 11-25 retro is done.
    const brief = run(
      ['schedule', '--brief', '2026-11-27', '--pool', POOL, '-o', 'out/', '--force'],
      '2026-11-27T08:00:00+08:00',
    );
    expect(brief.code).toBe(0);
    expect(brief.stdout).toContain(CLOSING);
    expect(brief.stdout).toContain(CHECK);
    expect(brief.stdout).not.toContain(BAG_ITEM);
    expect(brief.stdout).not.toContain('2026-11-25 山野户外旗舰店 的直播结束');
    expect(brief.stdout).toContain('2026-11-23 山野户外旗舰店 的直播结束');
    // Today's target ¥97,680.00 at the account's recent UV value (133,433 ÷ 6,782 = ¥19.675): 4,965 viewers.
    expect(brief.stdout).toContain('需要观看人数 4,965');
    expect(brief.stdout).toContain('取自历史：已复盘 2 场');

    // 12-02: November's KPI. Each anchor anchored one of the two streams: 205 buyers ÷ 1,492 product
    // clickers = 13.74 %, dwell 65 s; neither export has 新加直播团, so that figure stays empty, saying why.
    writeFileSync(
      join(tmp.dir, 'kpi.csv'),
      '姓名,岗位,商品转化率,人均停留时长(秒),新增粉丝团\n阿杰,主播,,,\n小林,主播,12.5%,,\n',
    );
    const kpi = json(
      ['kpi', '--month', '2026-11', 'kpi.csv', '--format', 'json', '-o', 'out/', '--force'],
      '2026-12-02T10:00:00+08:00',
    );
    const metrics = (name: string) =>
      kpi.report.people.find((p: { name: string }) => p.name === name).roleScores[0].metrics;
    const [conv, dwell, fans] = metrics('阿杰');
    expect(conv).toMatchObject({ metric: 'productConversion', source: 'history' });
    expect(conv.actual).toBeCloseTo(205 / 1492, 12);
    expect(dwell).toMatchObject({ metric: 'dwellTime', actual: 65, source: 'history' });
    expect(fans).toMatchObject({ metric: 'newFanClub', actual: null, source: null });
    expect(fans.history.text).toBe('本月其主播的 1 场缺新增粉丝团');
    // The sheet's own figure is never replaced.
    expect(metrics('小林')[0]).toMatchObject({ actual: 0.125, source: 'sheet' });
    expect(kpi.report.history.used).toEqual(['主播数据 3 项（2026-11 其主播的 2 场）']);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'out', 'KPI_2026-11.json'), 'utf8')).people).toHaveLength(2);
    // The KPI workbook says so too, figure by figure (明细: 实际来源, 来源说明).
    const book = run(
      ['kpi', '--month', '2026-11', 'kpi.csv', '-o', 'out/kpi.xlsx', '--force'],
      '2026-12-02T10:00:00+08:00',
    );
    expect(book.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'out', 'kpi.xlsx'));
    const rows = wb.getWorksheet('明细')!.getSheetValues().slice(2) as unknown[][];
    const row = (name: string, metric: string) => rows.find((r) => r[1] === name && r[4] === metric)!.slice(5, 8);
    expect(row('阿杰', '商品转化率')).toEqual([205 / 1492, '历史', '取自历史（本月其主播的 1 场）']);
    expect(row('小林', '商品转化率')).toEqual([0.125, '表格', undefined]);

    // 12-03: the backpack's point is found again in the 12-02 stream, which ended after it was closed:
    // the same item, reopened, now found in 3 streams.
    expect(json(['retro', SESSION_1202, '-o', 'out/r1202.json'], '2026-12-03T10:00:00+08:00').code).toBe(0);
    const third = json(['actions'], '2026-12-03T10:00:00+08:00').report;
    expect(ids(third)).toEqual([CLOSING, BAG_ITEM, CHECK].sort());
    const again = third.groups
      .flatMap((g: { items: unknown[] }) => g.items)
      .find((i: { id: string }) => i.id === BAG_ITEM);
    expect(again.status).not.toBe('done');
    expect(again.streams).toBe(3);
  });
});
