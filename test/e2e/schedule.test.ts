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

  it('the workbook has the schedule, targets, product plan and people', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '排期表_2026-12.xlsx'));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '排期',
      '目标',
      '商品计划',
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
