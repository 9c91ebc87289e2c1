/**
 * The playbook's rules are one table (domain/rules.ts): severity, who acts, the improvement list's
 * order and where a rule applies are data there, read by retro and the weekly report alike.
 */
import { retroInput as retroInputOf } from '../helpers/retro-input.js';
import { ProductTally } from '../../src/domain/products.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  evaluate,
  hit,
  ruleOrder,
  RULE_DEFAULTS,
  THRESHOLD_RULES,
  type ThresholdRule,
} from '../../src/domain/rules.js';
import { RULE_TEXT } from '../../src/i18n/rules.js';
import type { RetroInput } from '../../src/domain/retro/input.js';
import { buildRetroReport } from '../../src/domain/retro/report.js';
import { localiseRetro } from '../../src/i18n/retro.js';
import { buildWeeklyReport, type WeeklyInput, type WeeklyStream } from '../../src/domain/weekly/report.js';
import { localiseWeekly } from '../../src/i18n/weekly.js';
import { parseIsoWeek, previousRange } from '../../src/domain/week.js';

function retroInput(gmv: number, uv: number, pv: number): RetroInput {
  return retroInputOf({ gmv, uv, pv });
}

function weeklyInput(streams: WeeklyStream[]): WeeklyInput {
  const week = parseIsoWeek('2026-W47')!;
  return {
    week,
    previous: previousRange(week),
    streams,
    channels: [],
    products: new ProductTally(),
    hotspots: [],
    response: null,
    negative: null,
    responseTolerance: 0.1,
    skipped: [],
    ignored: [],
    targets: { weeklyGmv: null, monthlyGmv: {} },
    minStreams: 1,
    minExposures: 1,
  };
}
const stream = (start: string, gmv: number, uv: number, pv: number): WeeklyStream => ({
  account: '山野户外旗舰店',
  start,
  uv,
  pv,
  gmv,
  buyers: null,
  orders: null,
  avgDwellSeconds: null,
  paidSpend: null,
  source: 't',
});

describe('one table of rules', () => {
  it('every rule has a severity, one role that acts, an order and where it applies', () => {
    for (const r of THRESHOLD_RULES) {
      expect(r.severity, r.id).toMatch(/^(critical|warning)$/);
      expect(r.owners, r.id).toContain(r.actor);
      expect(r.appliesTo.length, r.id).toBeGreaterThan(0);
    }
    expect(new Set(THRESHOLD_RULES.map((r) => r.order)).size).toBe(THRESHOLD_RULES.length);
  });

  it('evaluate takes the configured threshold; "below" is strict (2.99 % fires, 3.00 % does not)', () => {
    const t = { ...RULE_DEFAULTS.thresholds };
    expect(evaluate('weekly-click-eliminate', 0.0299, t)).toEqual({
      rule: 'weekly-click-eliminate',
      severity: 'warning',
      owner: 'selector',
      value: 0.0299,
      threshold: 0.03,
      variant: null,
    });
    expect(evaluate('weekly-click-eliminate', 0.03, t)).toBeNull();
    expect(evaluate('weekly-click-eliminate', 0.0299, { ...t, 'weekly-click-eliminate': 0.025 })).toBeNull();
    expect(evaluate('uv-drop', 0.5, t)).toMatchObject({ severity: 'critical', owner: 'data' });
  });

  it('a variant goes to its own role: a sold-out giveaway is delisted by floor control', () => {
    expect(hit('stock-low', 0, 50)).toMatchObject({ owner: 'selector', variant: null });
    expect(hit('stock-low', 0, 50, 'delist')).toMatchObject({ owner: 'floor-control', variant: 'delist' });
  });

  it('the improvement list puts the most urgent first: sentiment, UV drop, UV value critical …', () => {
    const ids = [
      'stock-low',
      'product-click-low',
      'uv-value-low',
      'negative-spike',
      'uv-value-critical',
      'uv-drop',
      'cs-response',
      'product-conversion-low',
    ];
    expect([...ids].sort((a, b) => ruleOrder(a) - ruleOrder(b))).toEqual([
      'negative-spike',
      'uv-drop',
      'uv-value-critical',
      'uv-value-low',
      'cs-response',
      'product-conversion-low',
      'product-click-low',
      'stock-low',
    ]);
  });
});

describe('a new rule is one row in the table, and its words', () => {
  // GPM below ¥25,000 (GMV ÷ PV × 1000): not a playbook rule, added here as a team would add one.
  const gpmLow: ThresholdRule = {
    id: 'gpm-low',
    kind: 'threshold',
    comparison: 'below',
    threshold: 25_000,
    unit: 'yuan',
    owners: ['ops'],
    actor: 'ops',
    severity: 'warning',
    order: 4.5,
    appliesTo: ['retro', 'weekly'],
    metric: 'gpm',
    help: 'GPM below this → review',
  };
  afterEach(() => {
    const at = THRESHOLD_RULES.indexOf(gpmLow);
    if (at >= 0) THRESHOLD_RULES.splice(at, 1);
    delete RULE_TEXT['gpm-low'];
  });

  it('fires in the retro and in the weekly report with no other code change, at its threshold', () => {
    THRESHOLD_RULES.push(gpmLow);
    RULE_TEXT['gpm-low'] = { zh: 'GPM偏低，复盘话术与排品', en: 'GPM low: review the talk and the line-up' };
    const thresholds = { ...RULE_DEFAULTS.thresholds, 'gpm-low': 25_000 };
    // GMV 240,000 over PV 10,000 → GPM 24,000 < 25,000; GMV 250,000 → exactly 25,000: not below.
    const retro = localiseRetro(
      buildRetroReport(retroInput(240_000, 5_000, 10_000), { thresholds, baselineCount: 7 }),
      'zh',
    );
    expect(retro.alerts.map((a) => [a.rule, a.owner, a.severity, a.value, a.threshold])).toEqual([
      ['gpm-low', 'ops', 'warning', 24_000, 25_000],
    ]);
    expect(retro.alerts[0]!.message).toBe('千次观看成交金额 ¥24,000.00 < ¥25,000.00：GPM偏低，复盘话术与排品');
    expect(retro.actions[0]).toMatchObject({ owner: 'ops', rule: 'gpm-low' });
    expect(buildRetroReport(retroInput(250_000, 5_000, 10_000), { thresholds, baselineCount: 7 }).alerts).toEqual([]);

    const weekly = localiseWeekly(
      buildWeeklyReport(
        weeklyInput([
          stream('2026-11-18T20:00:00+08:00', 240_000, 5_000, 10_000),
          stream('2026-11-20T20:00:00+08:00', 250_000, 5_000, 10_000),
        ]),
        {
          thresholds,
          baselineCount: 7,
        },
      ),
      'en',
    );
    expect(weekly.streams.map((s) => s.alerts)).toEqual([['gpm-low'], []]);
    expect(weekly.alerts.map((a) => [a.rule, a.owner, a.severity, a.value, a.threshold])).toEqual([
      ['gpm-low', 'ops', 'warning', 24_000, 25_000],
    ]);
    expect(weekly.alerts[0]!.message).toBe(
      '山野户外旗舰店 2026-11-18 20:00: ¥24,000.00 — GPM low: review the talk and the line-up',
    );
  });
});
