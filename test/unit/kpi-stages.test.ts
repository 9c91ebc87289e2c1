/**
 * The month's KPI, stage by stage, on small hand-made sheets: each metric scored against its
 * target (actual ÷ target × 100, capped at 120), weighted per role (运营: GMV达成 40 %, 流量增长
 * 30 %, 流程改进 30 %), shared across roles, ranked within each role, and the incentives. The domain
 * gives codes and numbers; i18n/kpi.ts names and formats them.
 */
import { describe, expect, it } from 'vitest';
import { resolveKpi } from '../../src/config/kpi-section.js';
import { KPI_METRICS } from '../../src/domain/kpi/metrics.js';
import {
  buildKpiReport,
  incentivesOf,
  rankedRole,
  scoreMetric,
  scorePerson,
  shareProblems,
  weightTable,
  type KpiNote,
  type KpiPersonInput,
} from '../../src/domain/kpi/report.js';
import { formatFigure, localiseKpi, missingText, noteText, shareProblemText } from '../../src/i18n/kpi.js';

const defaults = resolveKpi(undefined);
const metric = (role: 'ops' | 'anchor' | 'selector' | 'data', id: string) =>
  KPI_METRICS[role].find((m) => m.id === id)!;
const MONTH_END = '2026-11-30';

function person(over: Partial<KpiPersonInput> & { row: number; roleText: string }): KpiPersonInput {
  return { name: `P${over.row}`, hireDate: null, figures: {}, proposals: [], proposalCount: 0, ...over };
}

/** An operations person at GMV 1.2 M of 1 M (120), traffic growth 8 % of 10 % (80), 3 of 3 improvements (100). */
const opsFigures = { gmv: 1_200_000, gmvTarget: 1_000_000, trafficGrowth: 0.08, processImprovements: 3 };

describe('scoreMetric: one figure against its target', () => {
  it("GMV 1.2 M against the sheet's 1 M target: ratio 1.2, 120 points, 48 weighted at 40 %", () => {
    const m = scoreMetric(metric('ops', 'gmvAchievement'), { figures: opsFigures }, defaults, {});
    expect(m).toMatchObject({
      metric: 'gmvAchievement',
      unit: 'money',
      actual: 1_200_000,
      target: 1_000_000,
      targetSource: 'sheet',
      capped: false,
      weight: 0.4,
      missing: [],
    });
    expect(m.score).toBeCloseTo(120, 9);
    expect(m.weighted).toBeCloseTo(48, 9);
  });

  it('above the cap: 356 fan-club members against 200 is capped at 120 points', () => {
    const m = scoreMetric(metric('anchor', 'newFanClub'), { figures: { newFanClub: 356 } }, defaults, {});
    expect(m).toMatchObject({ target: 200, targetSource: 'default', capped: true, score: 120 });
    expect(m.ratio).toBeCloseTo(1.78, 9);
  });

  it('lower is better: an 18.5 % return rate against 20 % scores 108.1', () => {
    const m = scoreMetric(metric('selector', 'returnRate'), { figures: { refundRate: 0.185 } }, defaults, {});
    expect(m.lowerIsBetter).toBe(true);
    expect(m.score).toBeCloseTo(108.108108, 5);
  });

  it('a target from the config is "config"; the person\'s own target column wins over it', () => {
    const s = resolveKpi({ targets: { ops: { trafficGrowth: 0.2 } } });
    expect(scoreMetric(metric('ops', 'trafficGrowth'), { figures: { trafficGrowth: 0.1 } }, s, {})).toMatchObject({
      target: 0.2,
      targetSource: 'config',
      score: 50,
    });
    expect(
      scoreMetric(
        metric('ops', 'trafficGrowth'),
        { figures: { trafficGrowth: 0.1 }, targets: { trafficGrowth: 0.1 } },
        s,
        {},
      ),
    ).toMatchObject({ target: 0.1, targetSource: 'sheet', score: 100 });
  });

  it("a missing figure and a missing target are named by metric and by the sheet's header when there is one", () => {
    const m = scoreMetric(metric('ops', 'gmvAchievement'), { figures: {} }, defaults, { gmv: 'GMV实际' });
    expect(m).toMatchObject({ actual: null, target: null, score: null, weighted: null });
    expect(m.missing).toEqual([
      { role: 'ops', metric: 'gmvAchievement', what: 'figure', header: 'GMV实际' },
      { role: 'ops', metric: 'gmvAchievement', what: 'target', header: null },
    ]);
  });
});

describe('scorePerson: the roles of the 岗位 cell, the weighted score, the total by share', () => {
  it('运营 at 120 / 80 / 100 scores 48 + 24 + 30 = 102', () => {
    const notes: KpiNote[] = [];
    const p = scorePerson(
      person({ row: 2, roleText: '运营', figures: opsFigures }),
      { headers: {} },
      defaults,
      MONTH_END,
      notes,
    );
    expect(p.roles).toEqual(['ops']);
    expect(p.roleScores[0]).toMatchObject({ role: 'ops', share: 1, complete: true });
    expect(p.total).toBeCloseTo(102, 9);
    expect(notes).toEqual([]);
  });

  it('two roles share the total half and half unless the config says otherwise', () => {
    const figures = { ...opsFigures, clickToOrderRate: 0.05, avgDwell: 90, newFanClub: 200 };
    const even = scorePerson(
      person({ row: 2, roleText: '运营、主播', figures }),
      { headers: {} },
      defaults,
      MONTH_END,
      [],
    );
    expect(even.roleScores.map((r) => [r.role, r.share])).toEqual([
      ['ops', 0.5],
      ['anchor', 0.5],
    ]);
    expect(even.total).toBeCloseTo(0.5 * 102 + 0.5 * 100, 9);
    const s = resolveKpi({ shares: { P2: { ops: 0.6, anchor: 0.4 } } });
    expect(
      scorePerson(person({ row: 2, roleText: '运营、主播', figures }), { headers: {} }, s, MONTH_END, []).total,
    ).toBeCloseTo(0.6 * 102 + 0.4 * 100, 9);
  });

  it('a missing figure leaves the total null, with the weighted sum so far (48 + 30 = 78) and what is missing', () => {
    const p = scorePerson(
      person({ row: 2, roleText: '运营', figures: { ...opsFigures, trafficGrowth: null } }),
      { headers: {} },
      defaults,
      MONTH_END,
      [],
    );
    expect(p).toMatchObject({ complete: false, total: null });
    expect(p.totalSoFar).toBeCloseTo(78, 9);
    expect(p.missing).toEqual([{ role: 'ops', metric: 'trafficGrowth', what: 'figure', header: null }]);
  });

  it('notes, as codes: a role with no KPI (场控), a word that is no role (保洁), a 岗位 with no role at all (客服)', () => {
    const notes: KpiNote[] = [];
    for (const [row, roleText] of [
      [2, '运营,场控'],
      [3, '保洁'],
      [4, '客服'],
    ] as const)
      scorePerson(person({ row, roleText }), { headers: {} }, defaults, MONTH_END, notes);
    expect(notes).toEqual([
      { code: 'not-kpi-role', name: 'P2', words: ['场控'] },
      { code: 'unknown-role', name: 'P3', words: ['保洁'] },
      { code: 'no-kpi-role', name: 'P4', roleText: '客服' },
    ]);
  });

  it('sprint bonus: 1 % of GMV above the target — 1.2 M against 1 M is 2,000', () => {
    const p = scorePerson(
      person({ row: 2, roleText: '运营', figures: opsFigures }),
      { headers: {} },
      defaults,
      MONTH_END,
      [],
    );
    expect(p).toMatchObject({ gmv: 1_200_000, gmvTarget: 1_000_000, gmvAbove: 200_000 });
    expect(p.sprintBonus).toBeCloseTo(2000, 9);
  });

  it('growth allowance: a newcomer (hired within 3 months) at 80 points or more meets the bar, below it does not, incomplete is undetermined', () => {
    const s = { ...defaults, growthAllowance: 500 };
    const hired = { hireDate: '2026-09-15' };
    const at = (figures: Record<string, number | null>, roleText = '运营') =>
      scorePerson(person({ row: 2, roleText, figures, ...hired }), { headers: {} }, s, MONTH_END, []).growthAllowance;
    expect(at(opsFigures)).toEqual({ eligible: true, amount: 500, status: 'meets-bar' });
    // 0.4 × 50 + 0.3 × 80 + 0.3 × 100 = 74 < 80
    expect(at({ ...opsFigures, gmv: 500_000 })).toEqual({ eligible: false, amount: null, status: 'below-bar' });
    expect(at({ ...opsFigures, gmv: null })).toEqual({ eligible: null, amount: null, status: 'undetermined' });
    expect(at({}, '客服')).toEqual({ eligible: null, amount: null, status: 'no-kpi-role' });
    expect(
      scorePerson(
        person({ row: 2, roleText: '运营', figures: opsFigures, hireDate: '2025-01-01' }),
        { headers: {} },
        s,
        MONTH_END,
        [],
      ).growthAllowance,
    ).toBeNull();
  });
});

describe('rankedRole: competition ranking within a role, complete scores only', () => {
  const people = [
    person({ row: 2, roleText: '运营', figures: opsFigures }),
    person({ row: 3, roleText: '运营', figures: opsFigures }),
    person({ row: 4, roleText: '运营', figures: { ...opsFigures, gmv: 1_000_000 } }),
    person({ row: 5, roleText: '运营', figures: { ...opsFigures, gmv: null } }),
  ].map((p) => scorePerson(p, { headers: {} }, defaults, MONTH_END, []));
  const t = rankedRole(people, 'ops', defaults);

  it('two at 102 share rank 1, the next at 94 is 3rd, the incomplete one is not ranked; 3 ranked in all', () => {
    expect(t.people.map((x) => [x.row, x.rank, x.of])).toEqual([
      [2, 1, 3],
      [3, 1, 3],
      [4, 3, 3],
      [5, null, 3],
    ]);
    expect(people.map((p) => p.roleScores[0]!.rank)).toEqual([1, 1, 3, null]);
  });

  it("the role's weights by metric id", () => {
    expect(t.weights).toEqual([
      { metric: 'gmvAchievement', weight: 0.4, lowerIsBetter: false },
      { metric: 'trafficGrowth', weight: 0.3, lowerIsBetter: false },
      { metric: 'processImprovements', weight: 0.3, lowerIsBetter: false },
    ]);
  });
});

describe('weightTable and incentivesOf', () => {
  it('a target column on the sheet makes every person\'s target "sheet"; a configured one "config"; else "default"', () => {
    const s = resolveKpi({ targets: { anchor: { newFanClub: 150 } } });
    const w = weightTable({ targetHeaders: { trafficGrowth: '流量增长目标' } }, s);
    const of = (id: string) => w.find((x) => x.metric === id)!;
    expect(of('gmvAchievement')).toMatchObject({ role: 'ops', target: null, targetSource: 'sheet' });
    expect(of('trafficGrowth')).toMatchObject({ target: 0.1, targetSource: 'sheet' });
    expect(of('newFanClub')).toMatchObject({ target: 150, targetSource: 'config' });
    expect(of('processImprovements')).toMatchObject({ target: 3, targetSource: 'default' });
  });

  it('sprint bonuses add up; an innovation award of 200 per adopted proposal makes 2 proposals 400, no award set lists them only', () => {
    const people = [
      person({ row: 2, roleText: '运营', figures: opsFigures, proposals: ['a', 'b'], proposalCount: 2 }),
      person({ row: 3, roleText: '运营', figures: { ...opsFigures, gmv: 1_100_000 } }),
      person({ row: 4, roleText: '运营', figures: { ...opsFigures, gmv: 900_000 } }),
    ].map((p) => scorePerson(p, { headers: {} }, defaults, MONTH_END, []));
    const i = incentivesOf(people, { ...defaults, innovationAward: 200 }, '采纳提案');
    expect(i.sprintBonus.map((b) => b.bonus)).toEqual([2000, 1000, 0].map((x) => expect.closeTo(x, 6)));
    expect(i.sprintBonusTotal).toBeCloseTo(3000, 6);
    expect(i.innovation).toEqual([{ name: 'P2', row: 2, count: 2, proposals: ['a', 'b'], amount: 400 }]);
    expect(incentivesOf(people, defaults, '采纳提案').innovation[0]!.amount).toBeNull();
  });
});

describe('shareProblems: configured shares must name exactly the roles the sheet gives', () => {
  const s = resolveKpi({ shares: { 小王: { ops: 0.5, anchor: 0.5 } } });

  it('shares for 运营 and 主播 when the sheet says 运营 alone: the roles given and the roles meant', () => {
    expect(shareProblems([{ name: '小王', roleText: '运营' }], s)).toEqual([
      { name: '小王', roleText: '运营', given: ['ops', 'anchor'], roles: ['ops'] },
    ]);
  });

  it('matching roles, or a person without configured shares, is no problem', () => {
    expect(
      shareProblems(
        [
          { name: '小王', roleText: '主播,运营' },
          { name: '小李', roleText: '选品' },
        ],
        s,
      ),
    ).toEqual([]);
  });

  it('worded for the config error, roles named in the language asked for', () => {
    expect(shareProblemText({ name: '小王', roleText: '运营', given: ['ops', 'anchor'], roles: ['ops'] }, 'en')).toBe(
      'kpi.shares.小王: gives ops (Operations), anchor (Anchor), but the sheet\'s 岗位 "运营" means ops (Operations)',
    );
    expect(shareProblemText({ name: '小王', roleText: '客服', given: ['ops'], roles: [] }, 'zh')).toBe(
      'kpi.shares.小王: gives ops (运营), but the sheet\'s 岗位 "客服" means no KPI role',
    );
  });
});

describe('buildKpiReport and localiseKpi', () => {
  const input = {
    month: '2026-11',
    file: 'kpi.xlsx',
    sheet: null,
    headers: { gmv: 'GMV实际' },
    proposalsColumn: null,
    readWarnings: ['kpi.xlsx: a read warning'],
    people: [
      person({
        row: 2,
        roleText: '运营、主播',
        figures: { ...opsFigures, gmv: null, clickToOrderRate: 0.05, avgDwell: 90, newFanClub: 200 },
      }),
    ],
  };
  const s = resolveKpi({ shares: { 小张: { ops: 1 } } });
  const facts = buildKpiReport(input, s);

  it("notes are codes, a shares entry for someone not on the sheet first; the reader's lines are kept apart", () => {
    expect(facts.notes).toEqual([{ code: 'shares-not-on-sheet', name: '小张' }]);
    expect(facts.readWarnings).toEqual(['kpi.xlsx: a read warning']);
    expect(facts.incomplete).toEqual([
      {
        name: 'P2',
        row: 2,
        missing: [{ role: 'ops', metric: 'gmvAchievement', what: 'figure', header: 'GMV实际' }],
        totalSoFar: expect.closeTo(0.5 * 54 + 0.5 * 100, 6),
      },
    ]);
  });

  it("localised: the reader's lines then the notes, and a two-role person's missing figure says whose role", () => {
    const zh = localiseKpi(facts, 'zh');
    expect(zh.notes).toEqual(['kpi.xlsx: a read warning', '配置 kpi.shares 中的「小张」不在本月名单中']);
    expect(zh.incomplete[0]!.missing).toEqual(['GMV实际 (运营)']);
    expect(zh.people[0]!.roleLabels).toBe('运营、主播');
    expect(zh.roles.ops.people[0]!.missing).toEqual(['GMV实际']);
    expect(localiseKpi(facts, 'en').people[0]!.roleLabels).toBe('Operations, Anchor');
  });

  it('figures as people read them: money, rates to one decimal, dwell time, ratios', () => {
    expect(formatFigure(1_685_000, 'money', 'zh')).toBe('¥1,685,000.00');
    expect(formatFigure(0.18, 'rate', 'en')).toBe('18.0%');
    expect(formatFigure(90, 'seconds', 'zh')).toBe('1分30秒');
    expect(formatFigure(90, 'seconds', 'en')).toBe('1m30s');
    expect(formatFigure(3, 'ratio', 'en')).toBe('3.00');
    expect(formatFigure(null, 'count', 'en')).toBe('—');
  });

  it("a missing figure without a header is named by its metric, a missing target as that metric's target", () => {
    expect(missingText({ role: 'ops', metric: 'gmvAchievement', what: 'target', header: null }, 'zh')).toBe(
      'GMV达成目标',
    );
    expect(missingText({ role: 'ops', metric: 'gmvAchievement', what: 'target', header: null }, 'en')).toBe(
      'GMV achievement target',
    );
    expect(missingText({ role: 'anchor', metric: 'dwellTime', what: 'figure', header: null }, 'zh')).toBe(
      '人均停留时长',
    );
    expect(noteText({ code: 'not-kpi-role', name: '小李', words: ['场控', '助播'] }, 'zh')).toBe(
      '小李：场控、助播 不是 KPI 岗位，不计分',
    );
  });
});
