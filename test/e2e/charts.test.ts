/**
 * The charts of retro, select, the weekly report and kpi (issue 20), read back: each picture sits at its template's `{{chart:…}}` cell,
 * and each chart carries the report's own figures and labels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retroCharts } from '../../src/commands/retro/charts.js';
import { selectCharts } from '../../src/commands/select/charts.js';
import { weeklyCharts } from '../../src/commands/weekly/charts.js';
import { kpiCharts } from '../../src/commands/kpi/charts.js';
import type { KpiReport } from '../../src/i18n/kpi.js';
import type { LocalisedWeeklyReport } from '../../src/i18n/weekly.js';
import type { SelectReport } from '../../src/i18n/select.js';
import type { RetroReport } from '../../src/i18n/retro.js';
import { renderSvg } from '../../src/io/write/charts/index.js';
import { FIXTURES, liveops, tempDir } from './run.js';

const F = (p: string) => join(FIXTURES, p);

describe('liveops retro draws its charts on their own sheet, one under another', () => {
  const tmp = tempDir();
  let wb: ExcelJS.Workbook;
  let report: RetroReport;
  beforeAll(async () => {
    const out = join(tmp.dir, 'retro.xlsx');
    const run = liveops(['--json', 'retro', F('douyin-compass-session.xlsx'), F('comments.csv'), '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    report = JSON.parse(run.stdout) as RetroReport;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  }, 60_000);
  afterAll(() => tmp.cleanup());

  const anchorOf = (sheet: string) =>
    wb
      .getWorksheet(sheet)!
      .getImages()
      .map((i) => {
        const tl = i.range.tl as unknown as { nativeCol: number; nativeRow: number };
        return [tl.nativeCol, tl.nativeRow];
      });

  it('图表: GMV by product at A3, click rate × conversion at A35, channel share at A67 (the template cells)', () => {
    expect(anchorOf('图表')).toEqual([
      [0, 2],
      [0, 34],
      [0, 66],
    ]);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['概览', '图表', '商品']);
  });

  it('no minute trend, no earlier streams in this export: no curve, no baseline chart, and --json counts what was drawn', () => {
    expect(wb.getWorksheet('趋势')).toBeUndefined();
    expect(anchorOf('商品')).toEqual([]);
    expect(report.charts).toEqual({ drawn: 3, cjkFont: expect.any(Boolean) });
  });

  it('the charts carry the report’s figures: every product by name, the 10 % / 5 % lines, every channel', async () => {
    const charts = retroCharts(report, 'zh');
    expect(charts.trend).toBeNull();
    expect(charts.baseline).toBeNull();
    const gmv = await renderSvg(charts.productGmv!);
    for (const p of report.products!) expect(gmv).toContain(p.name!.slice(0, 6));
    const rates = await renderSvg(charts.productRates!);
    expect(rates).toContain('点击率 10%、转化率 5%');
    // The two products below a line are the marked (labelled) points.
    for (const p of report.products!.filter((x) => x.flags.length)) expect(rates).toContain(p.name!.slice(0, 6));
    const channels = await renderSvg(charts.channels!);
    for (const c of report.channels!) expect(channels).toContain(c.name.replaceAll('&', '&amp;'));
  });

  it('a template naming a chart the retro does not draw is an error naming the cell', async () => {
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.readFile(join(FIXTURES, '..', 'templates', 'retro.xlsx'));
    tpl.getWorksheet('概览')!.getCell('K2').value = '{{chart:pie}}';
    const file = join(tmp.dir, 'mine.xlsx');
    await tpl.xlsx.writeFile(file);
    const run = liveops(['retro', F('douyin-compass-session.xlsx'), '--template', file, '-o', join(tmp.dir, 'x.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '概览!K2: unknown chart {{chart:pie}} (charts of this report: productGmv, productRates',
    );
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});

describe('liveops select draws the week on click rate × conversion and the pool against the target mix', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  it('图表: the scatter at A3 with the 3 % lines and the eliminated marked, the role mix at A35', async () => {
    const run = liveops([
      '--json',
      'select',
      F('week-2026-W47'),
      '--pool',
      F('selection.xlsx'),
      '--week',
      '2026-W47',
      '-o',
      `${tmp.dir}/`,
    ]);
    expect([0, 3], run.stderr).toContain(run.code);
    const report = JSON.parse(run.stdout) as SelectReport;
    expect(report.charts).toEqual({ drawn: 2, cjkFont: expect.any(Boolean) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '淘汰清单_2026-W47.xlsx'));
    const at = wb
      .getWorksheet('图表')!
      .getImages()
      .map((i) => [
        (i.range.tl as unknown as { nativeCol: number }).nativeCol,
        (i.range.tl as unknown as { nativeRow: number }).nativeRow,
      ]);
    expect(at).toEqual([
      [0, 2],
      [0, 34],
    ]);
    const charts = selectCharts(report, 'zh');
    const scatter = await renderSvg(charts.productRates!);
    expect(scatter).toContain('点击率 3%、转化率 3%');
    // 户外双肩包 at 2.99 % click and 补水修护面膜 at 2.90 % conversion are the two eliminated, labelled.
    expect(report.eliminate.map((p) => p.name)).toEqual([
      '户外双肩包 30L 轻量 登山徒步',
      '补水修护面膜 10片装（福利款）',
    ]);
    expect(scatter).toContain('户外双肩包');
    expect(scatter).toContain('补水修护面膜');
    const mix = await renderSvg(charts.roleMix!);
    for (const b of report.pool.balance) expect(mix).toContain(b.label);
  });
});

describe('the weekly report draws the week against the last, GMV per stream and the channels', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  it('图表 at A3, A35, A67; no target set, so no target chart; the charts carry the week’s figures', async () => {
    const run = liveops(['--json', 'retro', '--weekly', F('week-2026-W47'), '--week', '2026-W47', '--out', tmp.dir]);
    expect([0, 3], run.stderr).toContain(run.code);
    const report = JSON.parse(run.stdout) as LocalisedWeeklyReport;
    expect(report.charts).toEqual({ drawn: 3, cjkFont: expect.any(Boolean) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '周报_2026-W47.xlsx'));
    const at = wb
      .getWorksheet('图表')!
      .getImages()
      .map((i) => (i.range.tl as unknown as { nativeRow: number }).nativeRow);
    expect(at).toEqual([2, 34, 66]);
    const charts = weeklyCharts(report, 'zh');
    expect(charts.target).toBeNull();
    const week = await renderSvg(charts.week!);
    expect(week).toContain('上周 = 100');
    // GMV ¥1,175,794 this week against ¥1,207,302 last week.
    expect(week).toContain('¥1,175,794 / ¥1,207,302');
    const streams = await renderSvg(charts.streams!);
    expect(streams).toContain('¥74,703');
    const channels = await renderSvg(charts.channels!);
    for (const c of report.attribution.channels) expect(channels).toContain(c.name);
  });
});

describe('kpi draws each role’s scores, ranked, with the KPI bar', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  it('图表!A3 holds the scores chart; every scored person is on it, the bar at 80', async () => {
    const out = join(tmp.dir, 'kpi.xlsx');
    const run = liveops(['--json', 'kpi', F('kpi-2026-11.xlsx'), '--month', '2026-11', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as KpiReport;
    expect(report.charts).toEqual({ drawn: 1, cjkFont: expect.any(Boolean) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const at = wb
      .getWorksheet('图表')!
      .getImages()
      .map((i) => (i.range.tl as unknown as { nativeRow: number }).nativeRow);
    expect(at).toEqual([2]);
    const svg = await renderSvg(kpiCharts(report, 'zh').scores!);
    expect(svg).toContain('达标线 80');
    for (const role of Object.values(report.roles)) for (const p of role.people) expect(svg).toContain(p.name);
  });
});
