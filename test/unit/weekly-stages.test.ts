/**
 * The weekly report's stages (domain/weekly/report.ts), each on small hand-made input: what they
 * return is codes and numbers; src/i18n/weekly.ts words them (its last block here).
 */
import { ProductTally } from '../../src/domain/products.js';
import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';
import { aggregateProducts } from '../../src/domain/products.js';
import type { HotspotInput } from '../../src/domain/retro/input.js';
import { parseIsoWeek, previousRange, rangeOf } from '../../src/domain/week.js';
import {
  anomaliesOf,
  attributionOf,
  buildWeeklyReport,
  streamRowsOf,
  totalsOf,
  weeklyActions,
  weeklyAlerts,
  weeklyTarget,
  type ChannelRow,
  type StreamAlert,
  type WeeklyInput,
  type WeeklyStream,
} from '../../src/domain/weekly/report.js';
import { localiseWeekly } from '../../src/i18n/weekly.js';

const thresholds = RULE_DEFAULTS.thresholds;

function stream(start: string, figures: Partial<WeeklyStream> = {}): WeeklyStream {
  return {
    account: '山野户外旗舰店',
    start,
    uv: null,
    pv: null,
    gmv: null,
    buyers: null,
    orders: null,
    avgDwellSeconds: null,
    paidSpend: null,
    source: 't',
    ...figures,
  };
}

function channel(name: string, figures: Partial<ChannelRow>): ChannelRow {
  return { channel: name, uv: null, pv: null, gmv: null, orders: null, buyers: null, ...figures };
}

function hotspot(topic: string, share: number, more: Partial<HotspotInput> = {}): HotspotInput {
  return {
    topic,
    count: Math.round(share * 100),
    share,
    source: 'consultations',
    fromDictionary: true,
    examples: [],
    owner: null,
    ...more,
  };
}

const noCustomerService = { response: null, negative: null, responseTolerance: 0.1 };

describe('totals: rates from summed counts, never averaged rates', () => {
  it('sums the streams and divides the sums', () => {
    const t = totalsOf([
      stream('2026-11-17T20:00:00+08:00', { gmv: 1000, uv: 500, pv: 2000, buyers: 20, orders: 25 }),
      stream('2026-11-19T20:00:00+08:00', { gmv: 3000, uv: 1500, pv: 6000, buyers: 60, orders: 70 }),
    ]);
    expect(t).toMatchObject({ streams: 2, gmv: 4000, uv: 2000, pv: 8000, buyers: 80, orders: 95, paidSpend: null });
    expect(t.uvValue).toBe(2); // ¥4,000 over 2,000 viewers
    expect(t.gpm).toBe(500); // ¥4,000 over 8,000 views, per thousand
    expect(t.viewToOrderRate).toBe(0.04); // 80 buyers over 2,000 viewers
    expect(t.avgGmvPerStream).toBe(2000);
    expect(t.avgUvPerStream).toBe(1000);
  });

  it('the view-to-order rate counts only streams that report both buyers and viewers', () => {
    // The second stream states 1,500 viewers but no buyers: 20 buyers over 500 viewers, not over 2,000.
    const t = totalsOf([
      stream('2026-11-17T20:00:00+08:00', { uv: 500, buyers: 20 }),
      stream('2026-11-19T20:00:00+08:00', { uv: 1500 }),
    ]);
    expect(t.viewToOrderRate).toBe(0.04);
    expect(t.uv).toBe(2000);
  });
});

describe('weekly target (周目标达成率)', () => {
  const week = rangeOf('2026-11-27', '2026-12-03'); // 4 days of November, 3 of December

  it('is the GMV over the weekly target', () => {
    expect(weeklyTarget({ week, targets: { weeklyGmv: 100_000, monthlyGmv: {} } }, 85_000)).toEqual({
      target: 100_000,
      gmv: 85_000,
      achievement: 0.85,
    });
  });

  it('prorates monthly targets by day when there is no weekly one', () => {
    // November ¥300,000 over 30 days and December ¥310,000 over 31: ¥10,000 a day, 7 days.
    const r = weeklyTarget(
      { week, targets: { weeklyGmv: null, monthlyGmv: { '2026-11': 300_000, '2026-12': 310_000 } } },
      35_000,
    );
    expect(r.target).toBeCloseTo(70_000, 6);
    expect(r.achievement).toBeCloseTo(0.5, 9);
  });

  it('has no target when a month of the week has none', () => {
    expect(weeklyTarget({ week, targets: { weeklyGmv: null, monthlyGmv: { '2026-11': 300_000 } } }, 35_000)).toEqual({
      target: null,
      gmv: 35_000,
      achievement: null,
    });
  });
});

describe('attribution: which traffic sources convert better than the average', () => {
  // Buyers per viewer: short video 6 %, live plaza 4 %, 巨量千川 2 %; the average is 160 ÷ 4,000 = 4 %.
  const rows = [
    channel('直播推荐', { uv: 1200, buyers: 48, gmv: 6000 }),
    channel('直播推荐', { uv: 800, buyers: 32, gmv: 4000 }),
    channel('短视频引流', { uv: 1000, buyers: 60, gmv: 9000 }),
    channel('巨量千川', { uv: 1000, buyers: 20, gmv: 1000 }),
  ];

  it("sums a source's rows and sorts the sources by viewers", () => {
    const a = attributionOf(rows);
    expect(a.basis).toBe('buyers-per-viewer');
    expect(a.averageConversion).toBe(0.04);
    expect(a.channels.map((c) => [c.name, c.uv, c.gmv, c.paid])).toEqual([
      ['直播推荐', 2000, 10_000, false],
      ['短视频引流', 1000, 9000, false],
      ['巨量千川', 1000, 1000, true],
    ]);
    expect(a.channels[0]!.uvShare).toBe(0.5);
    expect(a.channels[0]!.gmvShare).toBe(0.5);
  });

  it('shifts budget towards a source 10 % or more above the average, and reviews one 10 % or more below', () => {
    const a = attributionOf(rows);
    expect(a.suggestions.map((s) => [s.channel, s.kind, s.worse])).toEqual([
      ['短视频引流', 'shift-budget', '直播推荐'], // short video beats the live plaza: said so
      ['巨量千川', 'review', null],
    ]);
    expect(a.suggestions[0]!.vsAverage).toBeCloseTo(0.5, 9);
    expect(a.suggestions[1]!.vsAverage).toBeCloseTo(-0.5, 9);
    expect(a.shortVideoVsLivePlaza).toBeCloseTo(0.5, 9);
  });

  it('a source within 10 % of the average gets no suggestion', () => {
    // 直播推荐 at 4.2 % against an average of 4.1 %; 短视频引流 at 4.0 %.
    const a = attributionOf([
      channel('直播推荐', { uv: 1000, buyers: 42 }),
      channel('短视频引流', { uv: 1000, buyers: 40 }),
    ]);
    expect(a.suggestions).toEqual([]);
  });

  it('measures orders per view where the export has both', () => {
    const a = attributionOf([
      channel('直播推荐', { uv: 100, pv: 400, orders: 8, buyers: 1 }),
      channel('短视频引流', { uv: 100, pv: 100, orders: 4, buyers: 1 }),
    ]);
    expect(a.basis).toBe('orders-per-view');
    expect(a.averageConversion).toBe(12 / 500);
    expect(a.channels.map((c) => c.conversionRate)).toEqual([0.02, 0.04]);
  });
});

describe("anomalies: a stream against the median UV of its account's earlier streams", () => {
  const earlier = [
    stream('2026-11-10T20:00:00+08:00', { uv: 1000 }),
    stream('2026-11-11T20:00:00+08:00', { uv: 3000 }),
    stream('2026-11-12T20:00:00+08:00', { uv: 2000 }),
  ];

  it('a drop of exactly 50 % fires uv-drop (at or above); 49.9 % does not', () => {
    const atLine = stream('2026-11-18T20:00:00+08:00', { uv: 1000 });
    const [a] = anomaliesOf([atLine], [...earlier, atLine], { thresholds, baselineCount: 7 });
    expect(a).toEqual({
      account: '山野户外旗舰店',
      start: '2026-11-18T20:00:00+08:00',
      uv: 1000,
      median: 2000,
      baselineStreams: 3,
      uvDrop: 0.5,
      fires: true,
    });
    const above = stream('2026-11-18T20:00:00+08:00', { uv: 1002 });
    const [b] = anomaliesOf([above], [...earlier, above], { thresholds, baselineCount: 7 });
    expect(b).toMatchObject({ median: 2000, fires: false });
    expect(b!.uvDrop).toBeCloseTo(0.499, 9);
  });

  it("an earlier stream of the week is in a later one's baseline", () => {
    const first = stream('2026-11-17T20:00:00+08:00', { uv: 1000 });
    const second = stream('2026-11-19T20:00:00+08:00', { uv: 1200 });
    // Baseline of the second: 1,000, 1,000, 2,000, 3,000 → median 1,500; 1,200 is 20 % under it.
    const [, b] = anomaliesOf([first, second], [...earlier, first, second], { thresholds, baselineCount: 7 });
    expect(b).toMatchObject({ median: 1500, baselineStreams: 4, fires: false });
    expect(b!.uvDrop).toBeCloseTo(0.2, 9);
  });

  it("takes only the account's own last `baselineCount` streams, not the two hours before", () => {
    const s = stream('2026-11-18T20:00:00+08:00', { uv: 900 });
    const other = { ...stream('2026-11-13T20:00:00+08:00', { uv: 50_000 }), account: '另一家店' };
    const sameEvening = stream('2026-11-18T18:30:00+08:00', { uv: 10 });
    const [a] = anomaliesOf([s], [...earlier, other, sameEvening, s], { thresholds, baselineCount: 2 });
    // The last two of the account's earlier streams: 3,000 (11-11) and 2,000 (11-12); median 2,500.
    expect(a).toMatchObject({ median: 2500, baselineStreams: 2, fires: true });
    expect(a!.uvDrop).toBeCloseTo(0.64, 9);
  });

  it('has no drop without a baseline', () => {
    const s = stream('2026-11-18T20:00:00+08:00', { uv: 900 });
    expect(anomaliesOf([s], [s], { thresholds, baselineCount: 7 })[0]).toMatchObject({
      median: null,
      baselineStreams: 0,
      uvDrop: null,
      fires: false,
    });
  });
});

describe("stream rows: each stream's figures and the rules it fired", () => {
  it.each([
    [790, 0.79, ['uv-value-low', 'uv-value-critical']], // both, in table order
    [800, 0.8, ['uv-value-low']], // exactly 0.80 is not below 0.80
    [1000, 1, []], // exactly 1.00 is not below 1.00
  ] as Array<[number, number, string[]]>)('GMV %d over 1,000 viewers: UV value %d fires %j', (gmv, uvValue, rules) => {
    const [row] = streamRowsOf(
      [stream('2026-11-18T20:00:00+08:00', { gmv, uv: 1000 })],
      [{ fires: false }],
      thresholds,
    );
    expect(row!.uvValue).toBe(uvValue);
    expect(row!.alerts).toEqual(rules);
  });

  it("a UV drop comes after the stream's own rules; rows are numbered from 1", () => {
    const rows = streamRowsOf(
      [
        stream('2026-11-17T20:00:00+08:00', { gmv: 2000, uv: 1000, pv: 4000, buyers: 30 }),
        stream('2026-11-18T20:00:00+08:00', { gmv: 500, uv: 1000 }),
      ],
      [{ fires: false }, { fires: true }],
      thresholds,
    );
    expect(rows.map((r) => [r.no, r.alerts])).toEqual([
      [1, []],
      [2, ['uv-value-low', 'uv-value-critical', 'uv-drop']],
    ]);
    expect(rows[0]).toMatchObject({ gpm: 500, viewToOrderRate: 0.03, streamId: null, title: null });
  });
});

describe('alerts: rule hits with their subject and the figures their message needs', () => {
  it("a stream's rules name the stream by its ids; a UV drop carries the viewers and the median", () => {
    // UV value ¥675 over 900 viewers = 0.75: below both UV-value lines; and 55 % under its baseline.
    const rows = streamRowsOf(
      [stream('2026-11-18T20:00:00+08:00', { gmv: 675, uv: 900, streamId: '7432' })],
      [{ fires: true }],
      thresholds,
    );
    const alerts = weeklyAlerts(noCustomerService, rows, [{ uvDrop: 0.55, median: 2000 }], thresholds);
    const subject = {
      kind: 'stream',
      streamId: '7432',
      account: '山野户外旗舰店',
      title: null,
      start: '2026-11-18T20:00:00+08:00',
    };
    expect(alerts).toEqual([
      {
        rule: 'uv-value-low',
        severity: 'warning',
        owner: 'director',
        value: 0.75,
        threshold: 1,
        variant: null,
        subject,
        baseline: null,
      },
      {
        rule: 'uv-value-critical',
        severity: 'critical',
        owner: 'floor-control',
        value: 0.75,
        threshold: 0.8,
        variant: null,
        subject,
        baseline: null,
      },
      {
        rule: 'uv-drop',
        severity: 'critical',
        owner: 'data',
        value: 0.55,
        threshold: 0.5,
        variant: null,
        subject,
        baseline: { uv: 900, median: 2000 },
      },
    ]);
  });

  it('first responses: more than the tolerated share over the line is a cs-response alert; exactly the tolerance is not', () => {
    const response = {
      consultations: 110,
      answered: 100,
      unanswered: 10,
      medianSeconds: 9,
      p90Seconds: 30,
      meanSeconds: 12,
      maxSeconds: 80,
      line: 15,
      overLine: 12,
      overLineShare: 0.12,
      slowest: [],
      byAgent: [],
    };
    const [a] = weeklyAlerts({ ...noCustomerService, response }, [], [], thresholds);
    expect(a).toEqual({
      rule: 'cs-response',
      severity: 'warning',
      owner: 'cs',
      value: 0.12,
      threshold: 0.1,
      variant: null,
      subject: { kind: 'cs' },
      response: { line: 15, overLine: 12, answered: 100, medianSeconds: 9 },
    });
    expect(
      weeklyAlerts(
        { ...noCustomerService, response: { ...response, overLine: 10, overLineShare: 0.1 } },
        [],
        [],
        thresholds,
      ),
    ).toEqual([]);
  });

  it('negative messages at 5 % or more are a negative-spike alert with their counts; 4.9 % is not', () => {
    const topics = [
      { topic: '质量', count: 3, share: 0.6, owner: 'cs' as const, examples: ['质量差'] },
      { topic: '发货', count: 2, share: 0.4, owner: 'cs' as const, examples: [] },
    ];
    const [a] = weeklyAlerts(
      { ...noCustomerService, negative: { messages: 100, negative: 5, share: 0.05, topics } },
      [],
      [],
      thresholds,
    );
    expect(a).toEqual({
      rule: 'negative-spike',
      severity: 'critical',
      owner: 'ops',
      value: 0.05,
      threshold: 0.05,
      variant: null,
      subject: { kind: 'sentiment' },
      negative: {
        negative: 5,
        messages: 100,
        topics: [
          { topic: '质量', count: 3 },
          { topic: '发货', count: 2 },
        ],
      },
    });
    expect(
      weeklyAlerts(
        { ...noCustomerService, negative: { messages: 1000, negative: 49, share: 0.049, topics } },
        [],
        [],
        thresholds,
      ),
    ).toEqual([]);
  });
});

describe('the improvement list: drops, budget shifts, eliminations, talk points', () => {
  const drop: StreamAlert = {
    rule: 'uv-drop',
    severity: 'critical',
    owner: 'data',
    value: 0.55,
    threshold: 0.5,
    variant: null,
    subject: {
      kind: 'stream',
      streamId: null,
      account: '山野户外旗舰店',
      title: null,
      start: '2026-11-18T20:00:00+08:00',
    },
    baseline: { uv: 900, median: 2000 },
  };
  const lowValue: StreamAlert = {
    ...drop,
    rule: 'uv-value-low',
    owner: 'director',
    value: 0.9,
    threshold: 1,
    baseline: null,
  };
  const suggestion = { channel: '短视频引流', vsAverage: 0.5, kind: 'shift-budget' as const, worse: '直播推荐' };
  // 2.9 % click rate (29 of 1,000 exposed) over two streams: weekly-click-eliminate.
  const [product] = aggregateProducts(
    ProductTally.of([
      [
        {
          id: 'p1',
          name: '防水冲锋衣',
          exposed: 500,
          clickers: 14,
          buyers: 5,
          orders: 5,
          gmv: 100,
          refundAmount: null,
          explanations: null,
        },
      ],
      [
        {
          id: 'p1',
          name: '防水冲锋衣',
          exposed: 500,
          clickers: 15,
          buyers: 5,
          orders: 5,
          gmv: 100,
          refundAmount: null,
          explanations: null,
        },
      ],
    ]),
    thresholds,
    { minStreams: 2, minExposures: 100 },
  );

  it('goes in that order, each line to the role that acts', () => {
    const actions = weeklyActions(
      [lowValue, drop],
      [suggestion],
      [product!],
      [hotspot('防水', 0.25, { owner: 'anchor' })],
    );
    expect(actions.map((a) => [a.no, a.code, a.owner, a.rules])).toEqual([
      [1, 'investigate-drop', 'data', ['uv-drop']],
      [2, 'channel', 'director', []],
      [3, 'eliminate', 'selector', ['weekly-click-eliminate']],
      [4, 'hotspot', 'anchor', []],
    ]);
    expect(actions[0]).toMatchObject({ alert: drop });
    expect(actions[2]).toMatchObject({ product: { id: 'p1', streams: 2, clickRate: 0.029 } });
  });

  it('a hotspot gets a talk point from 10 % of the questions, only from the dictionary and only with one', () => {
    const talk = { owner: 'assistant' } as const;
    const actions = weeklyActions(
      [],
      [],
      [],
      [
        hotspot('尺码', 0.1, talk),
        hotspot('颜色', 0.099, talk),
        hotspot('赠品', 0.3, { ...talk, fromDictionary: false }),
        hotspot('发货', 0.3),
      ],
    );
    expect(actions.map((a) => a.code === 'hotspot' && [a.hotspot.topic, a.owner])).toEqual([['尺码', 'assistant']]);
  });
});

describe('localiseWeekly words the codes', () => {
  const week = parseIsoWeek('2026-W47')!;
  function input(over: Partial<WeeklyInput>): WeeklyInput {
    return {
      week,
      previous: previousRange(week),
      streams: [],
      channels: [],
      products: new ProductTally(),
      hotspots: [],
      ...noCustomerService,
      skipped: [],
      ignored: [],
      targets: { weeklyGmv: null, monthlyGmv: {} },
      minStreams: 1,
      minExposures: 1,
      ...over,
    };
  }

  it('a stream with neither account nor title is named by its platform id', () => {
    const s = { ...stream('2026-11-18T20:00:00+08:00', { gmv: 500, uv: 1000 }), account: null, streamId: '7432' };
    const r = localiseWeekly(buildWeeklyReport(input({ streams: [s] }), { thresholds, baselineCount: 7 }), 'zh');
    expect(r.alerts.map((a) => [a.subject, a.streamId, a.ownerLabel])).toEqual([
      ['#7432 2026-11-18 20:00', '7432', '运营总监'],
      ['#7432 2026-11-18 20:00', '7432', '场控'],
    ]);
    expect(r.alerts[0]!.message).toBe('#7432 2026-11-18 20:00: ¥0.50 — UV价值低于阈值，启动付费流量优化');
  });

  it('the sentiment alert quotes the share, the counts and, in Chinese, each topic', () => {
    const negative = {
      messages: 40,
      negative: 4,
      share: 0.1,
      topics: [
        { topic: '质量', count: 3, share: 0.75, owner: 'cs' as const, examples: [] },
        { topic: '发货', count: 1, share: 0.25, owner: 'cs' as const, examples: [] },
      ],
    };
    const report = buildWeeklyReport(input({ negative }), { thresholds, baselineCount: 7 });
    expect(localiseWeekly(report, 'zh').alerts[0]).toMatchObject({
      subject: '舆情',
      streamId: null,
      ownerLabel: '直播运营',
      message: '本周负面评论/咨询占 10.0%（4/40）：质量 3、发货问题 1',
    });
    expect(localiseWeekly(report, 'en').alerts[0]).toMatchObject({
      subject: 'sentiment',
      message: "10.0% of this week's comments and consultations are negative (4/40)",
    });
  });

  it('attribution words its basis and its suggestions; the list quotes the change', () => {
    const r = localiseWeekly(
      buildWeeklyReport(
        input({
          channels: [channel('短视频引流', { uv: 1000, buyers: 60 }), channel('直播推荐', { uv: 1000, buyers: 20 })],
        }),
        { thresholds, baselineCount: 7 },
      ),
      'en',
    );
    expect(r.attribution.basis).toBe('buyers ÷ UV');
    expect(r.attribution.suggestions.map((s) => s.suggestion)).toEqual([
      '短视频引流 viewers convert 50.0% better than average, and better than 直播推荐: shift budget towards 短视频引流',
      '直播推荐 converts 50.0% worse than average: review its audience and the talk that receives it',
    ]);
    expect(r.actions.map((a) => [a.ownerLabel, a.evidence, a.rule])).toEqual([
      ['operations director', '短视频引流: +50.0%', null],
      ['operations director', '直播推荐: −50.0%', null],
    ]);
  });
});
