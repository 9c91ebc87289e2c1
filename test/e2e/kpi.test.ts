/**
 * liveops kpi as the director (or cron) runs it: the month's KPI sheet in, KPI_<month>.xlsx out,
 * one JSON object with --json, exit 2 on bad input with nothing written.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const E = JSON.parse(readFileSync(join(FIXTURES, 'kpi-expected.json'), 'utf8'));
const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => {
  copyFileSync(join(FIXTURES, 'kpi-2026-11.xlsx'), join(tmp.dir, 'kpi_2026-11.xlsx'));
  copyFileSync(join(FIXTURES, 'kpi-startup-2026-11.xlsx'), join(tmp.dir, 'startup.xlsx'));
  copyFileSync(join(FIXTURES, 'kpi-bad-2026-11.xlsx'), join(tmp.dir, 'bad.xlsx'));
});

type Report = Record<string, any>;
const json = (args: string[], cwd = tmp.dir) => {
  const r = liveops(['--json', 'kpi', ...args], { cwd });
  expect(r.stderr).not.toMatch(STACK);
  return { ...r, report: (r.code === 0 ? JSON.parse(r.stdout) : {}) as Report };
};
const person = (r: Report, name: string) => r.people.find((p: { name: string }) => p.name === name);

describe('liveops kpi --month 2026-11 kpi_2026-11.xlsx', () => {
  let r: ReturnType<typeof json>;
  beforeAll(() => {
    r = json(['--month', '2026-11', 'kpi_2026-11.xlsx', '-o', 'out/']);
  });

  it('writes out/KPI_2026-11.xlsx, prints one JSON object, logs one line, exits 0', () => {
    expect(r.code).toBe(0);
    expect(existsSync(join(tmp.dir, 'out', 'KPI_2026-11.xlsx'))).toBe(true);
    expect(r.report.outputs).toEqual(['out/KPI_2026-11.xlsx']);
    expect(r.stderr.trim()).toBe(
      'liveops kpi 2026-11: 8 people, 0 incomplete, sprint bonus ¥2,754.00 (3 people), 1 growth allowance, 0 innovation awards → out/KPI_2026-11.xlsx (exit 0)',
    );
  });

  it('every role’s weighted score and rank equal the hand-computed ones', () => {
    for (const [name, e] of Object.entries(E['kpi-2026-11.xlsx'].people) as Array<
      [string, { role: string; score: number; rank: number; sprintBonus: number | null }]
    >) {
      const rs = person(r.report, name).roleScores.find((x: { role: string }) => x.role === e.role);
      expect(rs.score, name).toBeCloseTo(e.score, 5);
      expect(rs.rank, name).toBe(e.rank);
      if (e.sprintBonus === null) expect(person(r.report, name).sprintBonus).toBeNull();
      else expect(person(r.report, name).sprintBonus, name).toBeCloseTo(e.sprintBonus, 9);
    }
  });

  it('the workbook: per person each metric, target, score, weight, weighted score, total, rank, bonus', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'out', 'KPI_2026-11.xlsx'));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '总表',
      '图表',
      '明细',
      '运营',
      '主播',
      '选品',
      '数据分析',
      '激励',
      '权重',
    ]);
    const detail = wb.getWorksheet('明细')!;
    const header = (detail.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '姓名',
      'KPI岗位',
      '岗位占比',
      '指标',
      '实际',
      '实际来源',
      '来源说明',
      '目标',
      '目标来源',
      '达成率',
      '得分',
      '权重',
      '加权得分',
      '岗位得分',
      '总分',
      '岗位排名',
      '冲刺奖金',
      '缺少',
    ]);
    const first = (detail.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 4)).toEqual(['张伟', '运营', 1, 'GMV达成']);
    // The figure is the sheet's own (no history this run).
    expect(first[5]).toBe('表格');
    expect(first[10]).toBeCloseTo(108.2266667, 5);
    expect(first[11]).toBe(0.4);
    expect(first[14]).toBeCloseTo(115.2906667, 5);
    expect(first[15]).toBe(1);
    expect(first[16]).toBe(1234);
    const weights = wb.getWorksheet('权重')!;
    // Labels, not the metric's config id; the target a figure in its unit's format.
    expect((weights.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['运营', 'GMV达成', 0.4]);
    expect(detail.getRow(2).getCell(5).numFmt).toBe('¥#,##0.00');
    expect(typeof detail.getRow(2).getCell(5).value).toBe('number');
  });
});

describe('a startup team: several roles, a missing figure, GMV at target', () => {
  it('孙悦 运营,主播 combined by equal shares; 吴倩 incomplete (not zero); bonus 0 exactly at target', () => {
    const r = json(['--month', '2026-11', 'startup.xlsx', '-o', 'startup.json']);
    expect(r.code).toBe(0);
    const X = E['kpi-startup-2026-11.xlsx'].people;
    expect(person(r.report, '孙悦').total).toBeCloseTo(X['孙悦'].total, 9);
    expect(person(r.report, '孙悦').sprintBonus).toBe(0);
    expect(person(r.report, '吴倩')).toMatchObject({ complete: false, total: null, missing: ['新增粉丝团'] });
    expect(person(r.report, '郑浩').sprintBonus).toBeCloseTo(2500, 9);
    expect(r.report.incentives.innovation.map((i: { name: string }) => i.name)).toEqual(['孙悦', '郑浩']);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'startup.json'), 'utf8')).people).toHaveLength(8);
  });

  it('the terminal table without --json', () => {
    const r = liveops(['kpi', '--month', '2026-11', 'startup.xlsx', '-o', 'terminal/'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^月度 KPI 2026-11 \(8 人\)/);
    expect(r.stdout).toContain('孙悦: 运营 85.0 × 50% + 主播 120.0 × 50% = 102.50');
    // On 80 columns the note goes under the row (beside it, it would run to 93).
    expect(r.stdout).toMatch(/吴倩 .*不完整\s+\(缺 新增粉丝团; 至少 62\.00\)/);
    expect(r.stdout).toContain('已写入 terminal/KPI_2026-11.xlsx');
  });
});

describe('config and flags', () => {
  it('weights that do not add up to 100 %: exit 2 naming the file and the key', () => {
    const dir = join(tmp.dir, 'badcfg');
    liveops(['init', 'badcfg'], { cwd: tmp.dir });
    writeFileSync(
      join(dir, 'liveops.config.yaml'),
      'kpi:\n  weights:\n    data: { reportQuality: 0.5, strategyAdoption: 0.4 }\n',
    );
    const r = liveops(['kpi', '--month', '2026-11', '../kpi_2026-11.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /liveops\.config\.yaml: invalid config:\n\s+- kpi\.weights\.data: weights add up to 90%; they must add up to 100%/,
    );
    expect(existsSync(join(dir, 'KPI_2026-11.xlsx'))).toBe(false);
  });

  it('kpi.sprintBonusRate and kpi.targets from the config', () => {
    const dir = join(tmp.dir, 'cfg');
    liveops(['init', 'cfg'], { cwd: tmp.dir });
    writeFileSync(
      join(dir, 'liveops.config.yaml'),
      'kpi:\n  sprintBonusRate: 0.05\n  targets:\n    ops: { trafficGrowth: 0.125 }\n',
    );
    const r = json(['--month', '2026-11', '../kpi_2026-11.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(person(r.report, '张伟').sprintBonus).toBeCloseTo(6170, 9);
    const traffic = person(r.report, '张伟').roleScores[0].metrics.find(
      (m: { metric: string }) => m.metric === 'trafficGrowth',
    );
    expect(traffic).toMatchObject({ target: 0.125, targetSource: 'config', score: 100 });
  });

  it('--lang en', () => {
    const r = liveops(['--lang', 'en', 'kpi', '--month', '2026-11', 'kpi_2026-11.xlsx', '-o', 'en/'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Monthly KPI 2026-11 \(8 people\)/);
    expect(existsSync(join(tmp.dir, 'en', 'KPI_2026-11.xlsx'))).toBe(true);
  });

  it('--help names the flags and shows examples', () => {
    const r = liveops(['kpi', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--month', '--format', '--template', 'liveops kpi --month 2026-11 kpi_2026-11.xlsx'])
      expect(r.stdout).toContain(s);
    expect(r.stdout).not.toMatch(/not built yet/i);
  });
});

describe('exit 2: bad input, missing flags, existing output', () => {
  it('a bad value: file, row and column named; nothing written', () => {
    const r = liveops(['kpi', '--month', '2026-11', 'bad.xlsx', '-o', 'bad/'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      'liveops: error: bad.xlsx [KPI]:3: column GMV实际: "12,3O4" is not an amount such as ¥1,234.50, 1.2万 or 12345',
    );
    expect(existsSync(join(tmp.dir, 'bad'))).toBe(false);
  });

  it('without a terminal, a missing --month or file names what to pass', () => {
    const m = liveops(['kpi', 'kpi_2026-11.xlsx'], { cwd: tmp.dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/^liveops: error: missing --month: pass --month 2026-11/);
    const f = liveops(['kpi', '--month', '2026-11'], { cwd: tmp.dir });
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/^liveops: error: missing the KPI sheet: pass/);
    expect(f.stderr).not.toMatch(STACK);
  });

  it('a month that is not one', () => {
    const r = liveops(['kpi', '--month', '2026/11', 'kpi_2026-11.xlsx'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--month 2026\/11: expected a month such as 2026-11/);
  });

  it('never overwrites without --force; --force does', () => {
    const args = ['kpi', '--month', '2026-11', 'kpi_2026-11.xlsx', '-o', 'again/'];
    expect(liveops(args, { cwd: tmp.dir }).code).toBe(0);
    const second = liveops(args, { cwd: tmp.dir });
    expect(second.code).toBe(5);
    expect(second.stderr).toMatch(/already exists; pass --force/);
    expect(liveops([...args, '--force'], { cwd: tmp.dir }).code).toBe(0);
  });
});
