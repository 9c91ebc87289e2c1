/**
 * `history import` seeds the history from a Compass 直播明细 (30 streams of 山野户外旗舰店 and
 * 小鹿美妆官方, all in 2026-11); importing it again replaces its record; `history info` counts what
 * it holds; `trend` gives the weekly UV value as Σgmv ÷ Σuv; a damaged file is reported and skipped.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const LIST = join(FIXTURES, 'douyin-live-list.xlsx');
const SESSION = join(FIXTURES, 'douyin-compass-session.xlsx');

let tmp: ReturnType<typeof tempDir>;
let history: string;
beforeEach(() => {
  tmp = tempDir();
  history = join(tmp.dir, 'h');
});
afterEach(() => tmp.cleanup());

// A fixed clock: a re-import still replaces the earlier one (run ids order runs as they are written).
const env = () => ({ LIVEOPS_HISTORY: history, LIVEOPS_NOW: '2026-12-01T10:00:00+08:00' });
const run = (args: string[]) => liveops(args, { cwd: tmp.dir, env: env() });
const json = (args: string[]) => {
  const r = run(['--json', ...args]);
  return { ...r, report: JSON.parse(r.stdout) };
};

describe('history import', () => {
  it('records the 30 streams, per account; the same export again replaces them, never doubles', () => {
    const first = json(['history', 'import', LIST]);
    expect(first.code).toBe(0);
    expect(first.report.streams).toBe(30);
    expect(first.report.accounts.map((a: Record<string, unknown>) => [a.account, a.streams, a.replaced])).toEqual([
      ['小鹿美妆官方', 14, 0],
      ['山野户外旗舰店', 16, 0],
    ]);
    expect(first.report.skipped).toEqual([]);
    const again = json(['history', 'import', LIST]);
    expect(again.code).toBe(0);
    expect(again.report.accounts.map((a: Record<string, unknown>) => [a.account, a.streams, a.replaced])).toEqual([
      ['小鹿美妆官方', 14, 14],
      ['山野户外旗舰店', 16, 16],
    ]);
    // One streams file and one runs file per account+month, the earlier ones replaced.
    expect(again.report.history).toMatchObject({ recorded: 4, replaced: 4, error: null });
    const info = json(['history', 'info']);
    expect(info.code).toBe(0);
    expect(info.report.streams).toBe(30);
    expect(info.report.tables.filter((t: { files: number }) => t.files > 0)).toEqual([
      { table: 'runs', files: 2, rows: 2 },
      { table: 'streams', files: 2, rows: 30 },
    ]);
    expect(info.report.accounts).toEqual([
      { platform: 'douyin', account: '小鹿美妆官方', streams: 14, months: ['2026-11'] },
      { platform: 'douyin', account: '山野户外旗舰店', streams: 16, months: ['2026-11'] },
    ]);
    expect(info.report.months).toEqual(['2026-11']);
    expect(info.report.skipped).toEqual([]);
  });

  it('a retro of an imported stream wins over the import', () => {
    run(['history', 'import', LIST]);
    const retro = liveops(['retro', SESSION, '-o', join(tmp.dir, 'out') + '/', '--force'], {
      cwd: tmp.dir,
      env: env(),
    });
    expect(retro.code).toBe(0);
    const again = json(['history', 'import', LIST]);
    const shanye = again.report.accounts.find((a: { account: string }) => a.account === '山野户外旗舰店');
    expect(shanye).toMatchObject({ streams: 16, replaced: 15, retro: 1 });
    expect(json(['history', 'info']).report.streams).toBe(30);
  });

  it('a one-stream workbook is skipped with why; no stream list at all is exit 2', () => {
    const both = json(['history', 'import', LIST, SESSION]);
    expect(both.code).toBe(3);
    expect(both.report.skipped).toHaveLength(1);
    expect(both.report.skipped[0].file).toBe(SESSION);
    const none = run(['history', 'import', SESSION]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no stream list');
    expect(none.stderr).not.toMatch(STACK);
  });

  it('bad input names the file, row and column; nothing is recorded', () => {
    const csv = join(tmp.dir, 'list.csv');
    writeFileSync(
      csv,
      '\ufeff账号,开播时间,观看人数,成交金额\n山野户外旗舰店,2026/11/2 20:00,6000,100\n山野户外旗舰店,2026/11/3 20:00,abc,100\n',
    );
    const r = run(['history', 'import', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/list\.csv.*:3/);
    expect(r.stderr).toContain('观看人数');
    expect(r.stderr).not.toMatch(STACK);
    expect(json(['history', 'info']).report.streams).toBe(0);
  });

  it('without a history: exit 2, saying so', () => {
    const r = liveops(['history', 'import', LIST, '--no-history'], { cwd: tmp.dir, env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no history');
    const off = liveops(['trend'], { cwd: tmp.dir, env: { LIVEOPS_HISTORY: 'off' } });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('no history');
  });
});

describe('trend from the imported streams', () => {
  it('山野户外旗舰店’s weekly UV value is Σgmv ÷ Σuv per ISO week (Beijing)', () => {
    run(['history', 'import', LIST]);
    const { code, report } = json(['trend', '--account', '山野户外旗舰店']);
    expect(code).toBe(0);
    const weeks = report.periods.map((p: { id: string; streams: number; value: number }) => [p.id, p.streams, p.value]);
    // W44: the Sunday 11-01 stream alone, 82,438.48 ÷ 5,820.
    // W45 (11-02…11-08): (115,081.26 + 70,888.57 + 123,442.02 + 88,109.31 + 77,152.29) ÷ (6,140 + 5,960 + 6,400 + 6,210 + 5,880) = 474,673.45 ÷ 30,590.
    // W46 (11-09…11-15): (110,379.5 + 107,162.53 + 41,181.28 + 116,723.14) ÷ (6,620 + 6,050 + 3,070 + 6,300) = 375,446.45 ÷ 22,040.
    // W47 (11-16…11-22, the Sunday 20:00 stream in it): (133,433 + 89,781.97 + 114,861.78) ÷ (6,782 + 6,200 + 6,700) = 338,076.75 ÷ 19,682.
    // W48 (11-23…11-29): (55,867.16 + 133,351.2 + 72,109.31) ÷ (3,213 + 6,150 + 6,580) = 261,327.67 ÷ 15,943.
    const expected = [
      ['2026-W44', 1, 82438.48 / 5820],
      ['2026-W45', 5, 474673.45 / 30590],
      ['2026-W46', 4, 375446.45 / 22040],
      ['2026-W47', 3, 338076.75 / 19682],
      ['2026-W48', 3, 261327.67 / 15943],
    ];
    expect(weeks.map((w: unknown[]) => [w[0], w[1]])).toEqual(expected.map((w) => [w[0], w[1]]));
    for (let i = 0; i < expected.length; i++) expect(weeks[i][2]).toBeCloseTo(expected[i]![2] as number, 9);
    const text = run(['trend', '--account', '山野户外旗舰店']).stdout;
    expect(text).toContain('2026-W45');
    expect(text).toContain('¥15.52');
  });

  it('an empty week says so, not 0; the page and its chart are written', () => {
    run(['history', 'import', LIST]);
    const { report } = json(['trend', '--account', '小鹿美妆官方', '--since', '2026-11-23', '--until', '2026-12-13']);
    expect(report.periods.map((p: { id: string; why: string | null }) => [p.id, p.why])).toEqual([
      ['2026-W48', null],
      ['2026-W49', 'no-streams'],
      ['2026-W50', 'no-streams'],
    ]);
    expect(report.periods[1].value).toBeNull();
    const page = run(['trend', '--account', '小鹿美妆官方', '-o', 'trend.html']);
    expect(page.code).toBe(0);
    expect(readdirSync(tmp.dir)).toContain('trend.html');
  });

  it('a workbook: each period with the two sums its figure divides, and the chart', async () => {
    run(['history', 'import', LIST]);
    const r = run(['trend', '--account', '山野户外旗舰店', '--by', 'month', '-o', '趋势.xlsx']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '趋势.xlsx'));
    const ws = wb.getWorksheet('趋势')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '周期',
      '起',
      '止',
      '标题',
      '场次',
      '数值',
      '分子',
      '分母',
      '说明',
    ]);
    const row = ws.getRow(2).values as unknown[];
    // 2026-11: Σ GMV ÷ Σ viewers of the account's 16 streams that month.
    expect(row[1]).toBe('2026-11');
    expect(row[5]).toBe(16);
    expect(row[6]).toBe(`¥${((row[7] as number) / (row[8] as number)).toFixed(2)}`);
    expect(wb.getWorksheet('图表')!.getImages()).toHaveLength(1);
  });

  it('a damaged file in the history is reported by history info and skipped by trend, no crash', () => {
    run(['history', 'import', LIST]);
    const dir = join(history, 'streams', 'platform=douyin', 'account=小鹿美妆官方', 'month=2026-11');
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), 'not parquet');
    const info = json(['history', 'info']);
    expect(info.code).toBe(0);
    expect(info.report.skipped).toHaveLength(1);
    expect(info.report.skipped[0].reason).toContain('cannot be read');
    expect(info.report.streams).toBe(16);
    // The other account's trend does not read that partition; this one's skips the file and says so.
    expect(json(['trend', '--account', '山野户外旗舰店']).report.overall.streams).toBe(16);
    const trend = json(['trend', '--account', '小鹿美妆官方']);
    expect(trend.code).toBe(0);
    expect(trend.report.overall.streams).toBe(0);
    expect(trend.report.history.skipped).toHaveLength(1);
    expect(trend.stderr).not.toMatch(STACK);
    expect(run(['trend', '--account', '小鹿美妆官方']).stdout).toContain('历史文件已跳过');
  });
});
