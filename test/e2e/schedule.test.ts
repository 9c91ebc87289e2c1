import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml')));

describe('liveops schedule from the team config and the selection table', () => {
  let run: ReturnType<typeof liveops>;
  let plan: Record<string, any>;
  beforeAll(() => {
    run = liveops(['--json', 'schedule', '--month', '2026-12', '--pool', join(FIXTURES, 'selection.xlsx')], {
      cwd: tmp.dir,
    });
    plan = JSON.parse(run.stdout);
  });

  it('writes 排期表_2026-12.xlsx and 排期表_2026-12.ics', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(STACK);
    expect(plan.outputs).toEqual(['排期表_2026-12.xlsx', '排期表_2026-12.ics']);
    expect(readFileSync(join(tmp.dir, '排期表_2026-12.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('decomposes the annual target and splits the month exactly over its streams', () => {
    expect(plan.targets.annual).toBe(12_000_000);
    expect(plan.targets.month).toBe(1_333_333);
    expect(plan.streams.reduce((a: number, s: { gmvTarget: number }) => a + s.gmvTarget, 0)).toBe(1_333_333);
    expect(plan.stage).toMatchObject({ stage: 'growth', streams: 19 });
  });

  it('leaves low-stock and unlisted products out, and says which role runs short', () => {
    expect(plan.excluded.map((e: { name: string }) => e.name)).toContain('山野 GORE-TEX 硬壳冲锋衣 专业登山款');
    expect(plan.problems).toContain('选品池只有 0 个可排的形象款，每场需要 1 个');
  });

  it('the workbook has the schedule, the month calendar, targets, product plan, what was left out and people', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '排期表_2026-12.xlsx'));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '排期',
      '月历',
      '目标',
      '商品计划',
      '未排入',
      '人员',
    ]);
    // The plan itself, for liveops to read back, in a sheet no one sees.
    expect(wb.getWorksheet('_liveops')?.state).toBe('veryHidden');
    const ws = wb.getWorksheet('排期')!;
    expect(ws.getRow(1).getCell(10).value).toBe('引流款');
    // A date cell, so the month sorts and filters by date.
    expect(ws.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2026, 11, 2)));
    expect(ws.getRow(2).getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(2).getCell(14).value).toBe(plan.streams[0].gmvTarget);
    expect(String(ws.getRow(2).getCell(11).value)).toContain(plan.streams[0].products['利润款'][0]);
  });

  it('月历: December 2026 Monday to Sunday, two rows a week, each day its streams in the order they start', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '排期表_2026-12.xlsx'));
    const ws = wb.getWorksheet('月历')!;
    const row = (r: number) => Array.from({ length: 7 }, (_, c) => ws.getRow(r).getCell(c + 1).value);
    expect(ws.getCell('A1').value).toBe('2026年12月 直播月历（19 场）');
    expect(row(2)).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    // The 1st is a Tuesday: Monday is blank; five weeks, their day numbers numbers, not text.
    expect([3, 5, 7, 9, 11].map(row)).toEqual([
      [null, 1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12, 13],
      [14, 15, 16, 17, 18, 19, 20],
      [21, 22, 23, 24, 25, 26, 27],
      [28, 29, 30, 31, null, null, null],
    ]);
    // Tuesdays have no slot: the 1st is a rest day, its streams cell empty under its number.
    expect(ws.getCell('B4').value).toBeNull();
    // Saturday the 12th: 小鹿's 19:30 slot, then 山野's 双12 special at 20:00, each with its anchor.
    const on12 = plan.streams.filter((s: { date: string }) => s.date === '2026-12-12');
    expect(on12.map((s: { time: string }) => s.time)).toEqual(['19:30-22:30', '20:00-23:00']);
    expect(ws.getCell('F6').value).toBe(
      `19:30 日常场 · ${on12[0].anchor}\n（小鹿美妆官方）\n20:00 专场·双12 · ${on12[1].anchor}\n（山野户外旗舰店）`,
    );
    expect(ws.getCell('F6').alignment?.wrapText).toBe(true);
    // The week after the last holds the note, moved below the five weeks.
    expect(String(ws.getCell('A13').value)).toMatch(/^每格：开播时间/);
    // Days outside the month greyed by their empty day number; printed on one landscape A4 page.
    const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(['A3:G3 A5:G5 A7:G7 A9:G9 A11:G11', 'A4:G4 A6:G6 A8:G8 A10:G10 A12:G12']);
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
    });
    expect(ws.getCell('B3').border?.top?.style).toBe('thin');
  });

  it('--lang en: the Calendar sheet, Mon to Sun, the streams in English words', async () => {
    const en = tempDir();
    try {
      copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(en.dir, 'liveops.config.yaml'));
      const r = liveops(
        ['--lang', 'en', 'schedule', '--month', '2026-12', '--pool', join(FIXTURES, 'selection.xlsx')],
        {
          cwd: en.dir,
        },
      );
      expect(r.code, r.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(en.dir, 'schedule_2026-12.xlsx'));
      const ws = wb.getWorksheet('Calendar')!;
      expect(ws.getCell('A1').value).toBe('Stream calendar · December 2026 (19 streams)');
      expect(Array.from({ length: 7 }, (_, c) => ws.getRow(2).getCell(c + 1).value)).toEqual([
        'Mon',
        'Tue',
        'Wed',
        'Thu',
        'Fri',
        'Sat',
        'Sun',
      ]);
      expect(ws.getCell('E7').value).toBe(18);
      expect(String(ws.getCell('E8').value)).toMatch(/^20:00 brand collab·山野×国家地理 · \S+\n\(山野户外旗舰店\)$/);
    } finally {
      en.cleanup();
    }
  });

  it('without a terminal a missing month is exit 2 naming --month', () => {
    const r = liveops(['schedule'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing the month: pass --month 2026-12/);
  });

  it('bad flags are exit 2', () => {
    expect(liveops(['schedule', '--month', '2026-13'], { cwd: tmp.dir }).stderr).toMatch(
      /--month 2026-13: expected a month/,
    );
    expect(liveops(['schedule', '--month', '2026-12', '--slots', 'someday'], { cwd: tmp.dir }).stderr).toMatch(
      /--slots someday: expected weekdays@time/,
    );
    expect(liveops(['schedule', '--month', '2026-12', '--target', 'lots'], { cwd: tmp.dir }).stderr).toMatch(
      /--target lots: expected an amount/,
    );
  });
});
