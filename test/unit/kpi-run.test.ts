/**
 * liveops kpi through runKpi with a Context (as the CLI builds it), against the hand-computed
 * values in fixtures/kpi-expected.json: every role's weighted score, caps, lower is better,
 * multi-role people, missing figures, incentives; config errors; prompts; bad input.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { chartFontLines } from '../e2e/support/fonts.js';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProposals, runKpi } from '../../src/commands/kpi/index.js';
import { loadConfig } from '../../src/config/load.js';
import { resolveConfig, type Config } from '../../src/config/resolve.js';
import type { Context } from '../../src/context.js';
import { ConfigError, InputError, UsageError } from '../../src/errors.js';
import type { Prompter } from '../../src/ui/prompts.js';
import { displayWidth } from '../../src/ui/width.js';
import { plainTerminal } from '../../src/ui/terminal.js';

const FIX = join(import.meta.dirname, '../../fixtures');
const E = JSON.parse(readFileSync(join(FIX, 'kpi-expected.json'), 'utf8'));
const FACTS = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'))['kpi-2026-11.xlsx'];
const NOW = new Date('2026-12-02T02:00:00Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-kpi-'));
  for (const f of ['kpi-2026-11.xlsx', 'kpi-startup-2026-11.xlsx', 'kpi-bad-2026-11.xlsx'])
    copyFileSync(join(FIX, f), join(dir, f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(
  opts: {
    interactive?: boolean;
    prompter?: Prompter;
    config?: Config;
    json?: boolean;
    lang?: 'zh' | 'en';
    out?: string;
  } = {},
) {
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  let log = '';
  out.on('data', (c) => (text += c));
  err.on('data', (c) => (log += c));
  const ctx: Context = {
    cwd: dir,
    env: {},
    config: opts.config ?? resolveConfig({}, null),
    lang: opts.lang ?? 'zh',
    json: opts.json ?? true,
    out: opts.out,
    force: false,
    term: plainTerminal({ stdout: out, stderr: err, interactive: opts.interactive ?? false }),
  };
  if (opts.prompter) ctx.prompter = opts.prompter;
  return { ctx, stdout: () => text, stderr: () => log };
}

type Report = Record<string, any>;
async function report(file: string, opts: Parameters<typeof context>[0] & { month?: string } = {}): Promise<Report> {
  const c = context(opts);
  expect(await runKpi(c.ctx, { file, month: opts.month ?? '2026-11', now: NOW })).toBe(0);
  return JSON.parse(c.stdout());
}

const person = (r: Report, name: string) => r.people.find((p: { name: string }) => p.name === name);
const roleScore = (r: Report, name: string, role: string) =>
  person(r, name).roleScores.find((x: { role: string }) => x.role === role);
const metric = (r: Report, name: string, role: string, id: string) =>
  roleScore(r, name, role).metrics.find((m: { metric: string }) => m.metric === id);

describe('kpi-2026-11.xlsx: every role against hand-computed values', () => {
  const X = E['kpi-2026-11.xlsx'];
  let r: Report;
  beforeEach(async () => {
    r = await report('kpi-2026-11.xlsx');
  });

  it('writes KPI_2026-11.xlsx and reports one person per row', () => {
    expect(existsSync(join(dir, 'KPI_2026-11.xlsx'))).toBe(true);
    expect(r.outputs).toEqual(['KPI_2026-11.xlsx']);
    expect(r.people.map((p: { name: string; row: number }) => [p.name, p.row])).toEqual(
      Object.entries(X.people).map(([n, p]: [string, any]) => [n, p.row]),
    );
    expect(r.newcomerSince).toBe(X.newcomerSince);
  });

  it.each(Object.keys(E['kpi-2026-11.xlsx'].people))('%s: metric scores, weighted score, rank', (name) => {
    const e = X.people[name];
    const rs = roleScore(r, name, e.role);
    for (const [id, score] of Object.entries(e.metrics))
      expect(metric(r, name, e.role, id).score, `${name} ${id}`).toBeCloseTo(score as number, 5);
    expect(rs.score).toBeCloseTo(e.score, 5);
    expect(person(r, name).total).toBeCloseTo(e.score, 5);
    expect(rs.rank).toBe(e.rank);
    expect(person(r, name).complete).toBe(true);
  });

  it('weighted = weight × score, and the role score is their sum', () => {
    for (const p of r.people) {
      for (const rs of p.roleScores) {
        for (const m of rs.metrics) expect(m.weighted).toBeCloseTo(m.weight * m.score, 9);
        expect(rs.score).toBeCloseTo(
          rs.metrics.reduce((s: number, m: { weighted: number }) => s + m.weighted, 0),
          9,
        );
      }
    }
  });

  it('caps at 120: 张伟 traffic growth 12.5 % vs 10 % (1.25) and fan club 356 vs 200', () => {
    expect(metric(r, '张伟', 'ops', 'trafficGrowth')).toMatchObject({
      ratio: 1.25,
      scoredRatio: 1.2,
      capped: true,
      score: 120,
    });
    expect(metric(r, '王芳', 'anchor', 'newFanClub')).toMatchObject({ capped: true, score: 120 });
    expect(metric(r, '陈静', 'selector', 'newProducts')).toMatchObject({ capped: false, score: 120 });
  });

  it('lower is better: 陈静 returns 18.5 % scores above 刘洋 26 %', () => {
    const a = metric(r, '陈静', 'selector', 'returnRate');
    const b = metric(r, '刘洋', 'selector', 'returnRate');
    expect(a).toMatchObject({ lowerIsBetter: true, actual: 0.185, target: 0.2 });
    expect(a.ratio).toBeCloseTo(0.2 / 0.185, 9);
    expect(b.score).toBeLessThan(a.score);
  });

  it('GMV achievement is GMV实际 ÷ GMV目标 per person (the fixture’s own figures)', () => {
    for (const [name, ratio] of Object.entries(FACTS.gmvAchievement)) {
      const p = person(r, name);
      expect(p.gmv / p.gmvTarget, name).toBeCloseTo(ratio as number, 6);
      if (p.roles.includes('ops'))
        expect(metric(r, name, 'ops', 'gmvAchievement')).toMatchObject({ targetSource: 'sheet' });
    }
  });

  it('sprint bonus: 1 % above target, 0 below; none for roles without GMV', () => {
    for (const [name, e] of Object.entries(X.people) as Array<[string, { sprintBonus: number | null }]>) {
      if (e.sprintBonus === null) expect(person(r, name).sprintBonus, name).toBeNull();
      else expect(person(r, name).sprintBonus, name).toBeCloseTo(e.sprintBonus, 9);
    }
    expect(r.incentives.sprintBonusTotal).toBeCloseTo(X.sprintBonusTotal, 9);
  });

  it('growth allowance: newcomers within 3 months who reach 80 points', () => {
    expect(
      Object.fromEntries(
        r.incentives.growthAllowance.map((g: { name: string; eligible: boolean }) => [g.name, g.eligible]),
      ),
    ).toEqual(X.growthAllowance);
  });

  it('李娜 holds 运营,场控: scored as ops only, 场控 noted', () => {
    expect(person(r, '李娜').roles).toEqual(['ops']);
    expect(person(r, '李娜').otherRoles).toEqual(['场控']);
    expect(r.notes).toEqual([expect.stringMatching(/李娜.*场控/)]);
  });

  it('no innovation awards without a proposals column', () => {
    expect(r.incentives.innovation).toEqual([]);
    expect(r.incentives.proposalsColumn).toBeNull();
  });

  it('the weights used are in the report', () => {
    const w = (role: string) =>
      Object.fromEntries(
        r.weights
          .filter((x: { role: string }) => x.role === role)
          .map((x: { metric: string; weight: number }) => [x.metric, x.weight]),
      );
    expect(w('ops')).toEqual({ gmvAchievement: 0.4, trafficGrowth: 0.3, processImprovements: 0.3 });
    expect(w('anchor')).toEqual({ productConversion: 0.4, dwellTime: 0.3, newFanClub: 0.3 });
    expect(w('selector')).toEqual({ productRoi: 0.5, returnRate: 0.3, newProducts: 0.2 });
    expect(w('data')).toEqual({ reportQuality: 0.5, strategyAdoption: 0.5 });
    expect(r.settings).toMatchObject({ cap: 1.2, sprintBonusRate: 0.01, bar: 80, newcomerMonths: 3 });
  });
});

describe('kpi-startup-2026-11.xlsx: several roles, missing figures, boundaries', () => {
  const X = E['kpi-startup-2026-11.xlsx'];
  let r: Report;
  beforeEach(async () => {
    r = await report('kpi-startup-2026-11.xlsx');
  });

  it('a title row above the header is fine', () => {
    expect(r.people.map((p: { name: string; row: number }) => [p.name, p.row])).toEqual(
      Object.entries(X.people).map(([n, p]: [string, any]) => [n, p.row]),
    );
  });

  it('孙悦 (运营,主播) is scored per role and combined by equal shares', () => {
    const e = X.people['孙悦'];
    expect(person(r, '孙悦').roles).toEqual(e.roles);
    expect(roleScore(r, '孙悦', 'ops').score).toBeCloseTo(e.roleScores.ops, 9);
    expect(roleScore(r, '孙悦', 'anchor').score).toBeCloseTo(e.roleScores.anchor, 9);
    expect(roleScore(r, '孙悦', 'ops').share).toBe(0.5);
    expect(person(r, '孙悦').total).toBeCloseTo(e.total, 9);
    expect(roleScore(r, '孙悦', 'ops').rank).toBe(e.ranks.ops);
    expect(roleScore(r, '孙悦', 'anchor').rank).toBe(e.ranks.anchor);
  });

  it('a missing figure is missing, not zero: the score is incomplete and not ranked', () => {
    for (const name of ['吴倩', '林峰']) {
      const e = X.people[name];
      const p = person(r, name);
      expect(p.complete, name).toBe(false);
      expect(p.total, name).toBeNull();
      expect(p.missing, name).toEqual(e.missing);
      expect(p.totalSoFar, name).toBeCloseTo(e.scoreSoFar, 9);
      expect(p.roleScores[0].rank, name).toBeNull();
    }
    expect(metric(r, '吴倩', 'anchor', 'newFanClub')).toMatchObject({
      actual: null,
      score: null,
      weighted: null,
      missing: ['新增粉丝团'],
    });
    expect(metric(r, '林峰', 'ops', 'gmvAchievement')).toMatchObject({
      actual: 900000,
      target: null,
      score: null,
      missing: ['GMV目标'],
    });
    expect(r.incomplete.map((x: { name: string }) => x.name)).toEqual(['吴倩', '林峰']);
    // ranks count complete scores only: 林峰 is not "3 of 3"
    expect(roleScore(r, '郑浩', 'ops')).toMatchObject({ rank: 1, of: 2 });
  });

  it('sprint bonus at / below / above target: 0 / 0 / 1 % of the excess; none without a target', () => {
    expect(person(r, '孙悦')).toMatchObject({ gmv: 500000, gmvTarget: 500000, sprintBonus: 0 });
    expect(person(r, '吴倩')).toMatchObject({ gmv: 380000, gmvTarget: 400000, sprintBonus: 0 });
    expect(person(r, '郑浩').sprintBonus).toBeCloseTo(X.people['郑浩'].sprintBonus, 9);
    expect(person(r, '林峰').sprintBonus).toBeNull();
    expect(r.incentives.sprintBonusTotal).toBeCloseTo(X.sprintBonusTotal, 9);
  });

  it('zero returns score the cap; a tie shares rank 1', () => {
    expect(metric(r, '钱多多', 'selector', 'returnRate')).toMatchObject({ actual: 0, ratio: null, score: 120 });
    expect(roleScore(r, '钱多多', 'selector')).toMatchObject({ rank: 1 });
    expect(roleScore(r, '冯晓', 'selector')).toMatchObject({ rank: 1 });
    expect(roleScore(r, '钱多多', 'selector').score).toBeCloseTo(X.people['钱多多'].score, 9);
    expect(roleScore(r, '冯晓', 'selector').score).toBeCloseTo(X.people['冯晓'].score, 9);
    expect(roleScore(r, '何静', 'data').score).toBeCloseTo(X.people['何静'].score, 6);
    expect(roleScore(r, '郑浩', 'ops').score).toBeCloseTo(X.people['郑浩'].score, 9);
  });

  it('growth allowance: eligible, undetermined when incomplete or without a KPI role; 2026-08-29 is not a newcomer', () => {
    const g = Object.fromEntries(
      r.incentives.growthAllowance.map((x: { name: string; eligible: boolean | null }) => [x.name, x.eligible]),
    );
    expect(g).toEqual({ 吴倩: null, 钱多多: true, 马丽: null });
    expect(person(r, '郑浩').newcomer).toBe(false);
    expect(person(r, '吴倩').newcomer).toBe(true);
  });

  it('innovation awards from the 采纳提案 column: titles or a count', () => {
    expect(r.incentives.proposalsColumn).toBe('采纳提案');
    expect(
      r.incentives.innovation.map((i: { name: string; count: number; proposals: string[] }) => [
        i.name,
        i.count,
        i.proposals,
      ]),
    ).toEqual([
      ['孙悦', 2, X.people['孙悦'].proposals],
      ['郑浩', 1, []],
    ]);
  });

  it('roles without KPI are noted: 助播, 客服, and the unknown 剪辑', () => {
    expect(person(r, '马丽')).toMatchObject({ roles: [], total: null });
    expect(r.notes.join('\n')).toMatch(/吴倩.*助播/);
    expect(r.notes.join('\n')).toMatch(/何静.*剪辑.*kpi\.roleWords/);
    expect(r.notes.join('\n')).toMatch(/马丽.*客服/);
  });
});

describe('config: kpi section', () => {
  const write = (yaml: string) => writeFileSync(join(dir, 'liveops.config.yaml'), yaml);

  it('weights that do not add up to 100 % are a clear config error', async () => {
    write('kpi:\n  weights:\n    ops: { gmvAchievement: 0.5, trafficGrowth: 0.3, processImprovements: 0.3 }\n');
    const e = await loadConfig({ cwd: dir, env: {} }).catch((x) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.problems).toEqual(['kpi.weights.ops: weights add up to 110%; they must add up to 100%']);
  });

  it('shares that do not add up to 100 % are a config error; so is a negative target', async () => {
    write('kpi:\n  shares:\n    孙悦: { ops: 0.6, anchor: 0.5 }\n  targets:\n    anchor: { dwellTime: -5 }\n');
    const e = await loadConfig({ cwd: dir, env: {} }).catch((x) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.problems).toContain('kpi.shares.孙悦: shares add up to 110%; they must add up to 100%');
    expect(e.problems.some((p: string) => p.startsWith('kpi.targets.anchor.dwellTime'))).toBe(true);
  });

  it('weights, targets, cap, bonus rate, bar and shares from the config change the scores', async () => {
    write(
      [
        'kpi:',
        '  weights:',
        '    selector: { productRoi: 0.4, returnRate: 0.4, newProducts: 0.2 }',
        '  targets:',
        '    anchor: { dwellTime: 100 }',
        '  cap: 1.5',
        '  sprintBonusRate: 0.02',
        '  bar: 100',
        '',
      ].join('\n'),
    );
    const config = await loadConfig({ cwd: dir, env: {} });
    const main = await report('kpi-2026-11.xlsx', { config });
    // 王芳: 0.048/0.05 = 0.96 → 96 × 0.4; dwell 82/100 → 82 × 0.3; fan club 356/200 = 1.78 → capped at 1.5 → 150 × 0.3
    expect(roleScore(main, '王芳', 'anchor').score).toBeCloseTo(38.4 + 24.6 + 45, 9);
    expect(metric(main, '王芳', 'anchor', 'dwellTime')).toMatchObject({ target: 100, targetSource: 'config' });
    // 陈静: ROI 106.667 × 0.4 + returns 108.108 × 0.4 + new products 6/5 = 120 × 0.2
    expect(roleScore(main, '陈静', 'selector').score).toBeCloseTo(
      (3.2 / 3) * 100 * 0.4 + (0.2 / 0.185) * 100 * 0.4 + 24,
      9,
    );
    expect(person(main, '张伟').sprintBonus).toBeCloseTo(2468, 9);
    // 赵磊: 112 × 0.4 + 95 × 0.3 + 64 × 0.3 = 92.5 < 100
    expect(main.incentives.growthAllowance.find((g: { name: string }) => g.name === '赵磊')).toMatchObject({
      eligible: false,
    });
  });

  it("a person's shares between roles from the config: 孙悦 60 % ops, 40 % anchor", async () => {
    write('kpi:\n  shares:\n    孙悦: { ops: 0.6, anchor: 0.4 }\n');
    const r = await report('kpi-startup-2026-11.xlsx', { config: await loadConfig({ cwd: dir, env: {} }) });
    expect(roleScore(r, '孙悦', 'ops').share).toBe(0.6);
    expect(person(r, '孙悦').total).toBeCloseTo(E['kpi-startup-2026-11.xlsx'].people['孙悦'].totalWithShares60_40, 9);
  });

  it('shares that name a role the person does not hold: exit 2 naming the key', async () => {
    write('kpi:\n  shares:\n    张伟: { ops: 0.5, anchor: 0.5 }\n');
    const config = await loadConfig({ cwd: dir, env: {} });
    const c = context({ config });
    const e = await runKpi(c.ctx, { file: 'kpi-2026-11.xlsx', month: '2026-11', now: NOW }).catch((x) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/kpi\.shares\.张伟: .*anchor/);
    expect(existsSync(join(dir, 'KPI_2026-11.xlsx'))).toBe(false);
  });

  it('role words from the config', async () => {
    write('kpi:\n  roleWords: { 剪辑: data }\n');
    const r = await report('kpi-startup-2026-11.xlsx', { config: await loadConfig({ cwd: dir, env: {} }) });
    expect(person(r, '何静').roles).toEqual(['data']);
    expect(r.notes.join('\n')).not.toMatch(/剪辑/);
  });
});

describe('bad input: exit 2, the file, row and column named, nothing written', () => {
  const outputs = () => readdirSync(dir).filter((f) => f.startsWith('KPI_'));

  it('a value that is not a number', async () => {
    const e = await runKpi(context().ctx, { file: 'kpi-bad-2026-11.xlsx', month: '2026-11', now: NOW }).catch((x) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(
      'kpi-bad-2026-11.xlsx [KPI]:3: column GMV实际: "12,3O4" is not an amount such as ¥1,234.50, 1.2万 or 12345',
    );
    expect(outputs()).toEqual([]);
  });

  async function sheet(rows: unknown[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KPI');
    for (const r of [['姓名', '岗位', '入职日期', 'GMV目标', 'GMV实际'], ...rows]) ws.addRow(r);
    await wb.xlsx.writeFile(join(dir, 'sheet.xlsx'));
    return 'sheet.xlsx';
  }

  it.each([
    ['a person without a role', [['张伟', null, null, 100, 120]], /sheet\.xlsx \[KPI\]:2: column 岗位: empty/],
    [
      'a row without a name',
      [
        ['张伟', '运营', null, 100, 120],
        [null, '主播', null, 100, 90],
      ],
      /sheet\.xlsx \[KPI\]:3: column 姓名: empty/,
    ],
    [
      'a person twice',
      [
        ['张伟', '运营', null, 100, 120],
        ['张伟', '主播', null, 100, 90],
      ],
      /sheet\.xlsx \[KPI\]:3: column 姓名: "张伟" is already on row 2/,
    ],
    [
      'a GMV target of 0',
      [['张伟', '运营', null, 0, 120]],
      /sheet\.xlsx \[KPI\]:2: column GMV目标: 0 is not a GMV target/,
    ],
  ])('%s', async (_name, rows, message) => {
    const file = await sheet(rows);
    const e = await runKpi(context().ctx, { file, month: '2026-11', now: NOW }).catch((x) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(message);
    expect(outputs()).toEqual([]);
  });

  it('a file with no KPI sheet, a missing file, a bad month', async () => {
    copyFileSync(join(FIX, 'orders.csv'), join(dir, 'orders.csv'));
    await expect(runKpi(context().ctx, { file: 'orders.csv', month: '2026-11', now: NOW })).rejects.toThrow(
      /orders\.csv: no KPI sheet found/,
    );
    await expect(runKpi(context().ctx, { file: 'nope.xlsx', month: '2026-11', now: NOW })).rejects.toThrow(
      /nope\.xlsx: no such file/,
    );
    await expect(runKpi(context().ctx, { file: 'kpi-2026-11.xlsx', month: '2026-13', now: NOW })).rejects.toThrow(
      /--month 2026-13: expected a month such as 2026-11/,
    );
    expect(outputs()).toEqual([]);
  });

  it('never overwrites without --force', async () => {
    await report('kpi-2026-11.xlsx');
    const e = await runKpi(context().ctx, { file: 'kpi-2026-11.xlsx', month: '2026-11', now: NOW }).catch((x) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/already exists; pass --force/);
  });
});

describe('prompts', () => {
  const never: Prompter = {
    checkbox: async () => {
      throw new Error('must not prompt');
    },
    input: async () => {
      throw new Error('must not prompt');
    },
  };

  it('without a terminal: a missing month or file is exit 2 naming what to pass', async () => {
    const e1 = await runKpi(context({ prompter: never }).ctx, { file: 'kpi-2026-11.xlsx', now: NOW }).catch((x) => x);
    expect(e1).toBeInstanceOf(UsageError);
    expect(e1.message).toMatch(/^missing --month: pass --month 2026-11 .*no terminal to ask/);
    const e2 = await runKpi(context({ prompter: never }).ctx, { month: '2026-11', now: NOW }).catch((x) => x);
    expect(e2).toBeInstanceOf(UsageError);
    expect(e2.message).toMatch(/^missing the KPI sheet: pass .*liveops kpi --month 2026-11 kpi_2026-11\.xlsx/);
  });

  it('on a terminal: picks the sheet among the folder’s files and asks for the month (default from the file name)', async () => {
    let offered: string[] = [];
    let monthDefault: string | undefined;
    const prompter: Prompter = {
      checkbox: async (o) => {
        offered = o.choices.map((c) => c.value);
        return ['kpi-startup-2026-11.xlsx'];
      },
      input: async (o) => {
        monthDefault = o.default;
        expect(o.validate?.('2026-13')).not.toBe(true);
        return '2026-11';
      },
    };
    const c = context({ interactive: true, prompter });
    expect(await runKpi(c.ctx, { now: NOW })).toBe(0);
    expect(offered).toEqual(['kpi-2026-11.xlsx', 'kpi-bad-2026-11.xlsx', 'kpi-startup-2026-11.xlsx']);
    expect(monthDefault).toBe('2026-11');
    expect(JSON.parse(c.stdout()).input.file).toBe('kpi-startup-2026-11.xlsx');
  });
});

describe('outputs', () => {
  it('-o folder/, csv (one row per person), json file', async () => {
    await report('kpi-2026-11.xlsx', { out: 'reports/' });
    expect(existsSync(join(dir, 'reports', 'KPI_2026-11.xlsx'))).toBe(true);
    await report('kpi-2026-11.xlsx', { out: 'k.csv' });
    const csv = readFileSync(join(dir, 'k.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF姓名,岗位,KPI岗位,总分')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(9);
    await report('kpi-2026-11.xlsx', { out: 'k.json' });
    expect(JSON.parse(readFileSync(join(dir, 'k.json'), 'utf8')).people).toHaveLength(8);
  });

  it('the xlsx has a summary, a detail sheet, a sheet per role, incentives and weights, numbers as numbers', async () => {
    await report('kpi-startup-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'KPI_2026-11.xlsx'));
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
    const ops = wb.getWorksheet('运营')!;
    expect(ops.getRow(2).getCell(2).value).toBe('郑浩');
    expect(ops.getRow(2).getCell(1).value).toBe(1);
    expect(ops.getRow(4).getCell(2).value).toBe('林峰');
    expect(ops.getRow(4).getCell(1).value).toBeNull(); // incomplete: not ranked
    const summary = wb.getWorksheet('总表')!;
    expect(summary.getRow(2).getCell(7).value).toBeCloseTo(102.5, 9);
  });

  it('the terminal table lines up Chinese names and says what is missing', async () => {
    const c = context({ json: false });
    expect(await runKpi(c.ctx, { file: 'kpi-startup-2026-11.xlsx', month: '2026-11', now: NOW })).toBe(0);
    const text = c.stdout();
    expect(text).toMatch(/^月度 KPI 2026-11 \(8 人\)/);
    expect(text).toContain('孙悦: 运营 85.0 × 50% + 主播 120.0 × 50% = 102.50');
    expect(text).toMatch(/吴倩 .*不完整\s+\(缺 新增粉丝团; 至少 62\.00\)/);
    // The selector block: header and rows end in the same terminal column (钱多多 is 3 wide characters, 冯晓 2).
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('选品 '));
    const block = lines.slice(at + 1, at + 4);
    expect(block[1]).toMatch(/^\s+1\s+钱多多\s.*106\.00$/);
    expect(block[2]).toMatch(/^\s+1\s+冯晓\s.*106\.00$/);
    expect(new Set(block.map(displayWidth)).size).toBe(1);
    // The log line, after the font warning on a machine without a Chinese font.
    expect(c.stderr().trim().split('\n')).toEqual([
      ...chartFontLines(),
      'liveops kpi 2026-11: 8 people, 2 incomplete, sprint bonus ¥2,500.00 (1 person), 1 growth allowance, 2 innovation awards → KPI_2026-11.xlsx (exit 0)',
    ]);
  });

  it('--lang en', async () => {
    const r = await report('kpi-2026-11.xlsx', { lang: 'en' });
    expect(r.roles.ops.label).toBe('Operations');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'KPI_2026-11.xlsx'));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Summary',
      'Charts',
      'Detail',
      'Operations',
      'Anchor',
      'Selector',
      'Data analyst',
      'Incentives',
      'Weights',
    ]);
  });
});

describe('adopted proposals in one cell (采纳提案)', () => {
  it.each([
    ['a count', 3, 3, []],
    ['a count as text', '2', 2, []],
    ['nothing', '无', 0, []],
    ['titles by 、 and ；', '直播间灯光优化、福利款排序；开场话术', 3, ['直播间灯光优化', '福利款排序', '开场话术']],
    [
      'a comma stays inside its title',
      '优化开场话术，提升停留、SUM(1,2) 看板',
      2,
      ['优化开场话术，提升停留', 'SUM(1,2) 看板'],
    ],
    ['controls and bidi overrides are removed', '\u202e=1+1、\u001b[31m红字', 2, ['=1+1', '红字']],
  ] as const)('%s', (_what, cell, count, titles) => {
    expect(parseProposals(cell)).toEqual({ count, titles: [...titles] });
  });
});
