/**
 * liveops reads its own workbooks back through the model they carry (a very hidden _liveops
 * sheet), never through the labels of the template they were filled from: a team that edits its
 * templates keeps its open actions and its plan.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, ROOT, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("a retro written from a team's edited template", () => {
  it('still gives the morning brief its improvement list', async () => {
    // The team renamed the sheet and every header of the improvement list.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, 'templates', 'retro.xlsx'));
    const ws = wb.getWorksheet('改进清单')!;
    ws.name = '本场要改的';
    ws.getRow(1).values = [null, '#', '发现', '数据', '谁来做', '怎么改', '依据规则'] as ExcelJS.CellValue[];
    await wb.xlsx.writeFile(join(tmp.dir, '我们的复盘模板.xlsx'));
    copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
    mkdirSync(join(tmp.dir, 'out'));

    const retro = liveops(
      ['retro', join(FIXTURES, 'douyin-compass-session.xlsx'), '--template', '我们的复盘模板.xlsx', '-o', 'out/'],
      { cwd: tmp.dir },
    );
    expect(retro.code, retro.stderr).toBe(0);
    const brief = liveops(
      ['--json', 'schedule', '--brief', '2026-11-19', '--pool', join(FIXTURES, 'selection.xlsx'), '-o', 'out/'],
      { cwd: tmp.dir },
    );
    expect(brief.stderr).not.toMatch(STACK);
    expect(brief.code, brief.stderr).toBe(0);
    const b = JSON.parse(brief.stdout);
    expect(b.risks.lastRetro).toMatch(/复盘_山野户外旗舰店_2026-11-18\.xlsx$/);
    expect(b.risks.openActions.map((a: { owner: string }) => a.owner)).toEqual(['主播', '主播', '数据分析']);
    expect(b.risks.openActions[0].action).toMatch(/^调整「山野 GORE-TEX 硬壳冲锋衣 专业登山款」的逼单话术/);
  });

  it('a workbook liveops did not write is refused as such, naming what to pass', () => {
    const r = liveops(
      [
        'script',
        '--date',
        '2026-12-02',
        '--schedule',
        join(FIXTURES, 'selection.xlsx'),
        '--pool',
        join(FIXTURES, 'selection.xlsx'),
        '-o',
        'x/',
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/selection\.xlsx: is not a schedule workbook written by liveops.*liveops schedule/);
  });
});
