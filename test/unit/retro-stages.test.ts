/**
 * The retro's stages one by one, on small hand-made inputs: each returns codes and numbers (rule,
 * severity, owner, value, threshold, subject, the figures a message needs), no words.
 */
import { retroInput } from '../helpers/retro-input.js';
import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';
import type { HotspotInput, HotspotSource, OrdersSummary, RetroInput } from '../../src/domain/retro/input.js';
import {
  channelsOf,
  comparison,
  customerServiceAlerts,
  figures,
  hotspotsOf,
  improvementList,
  products,
  stageOf,
  statedChecks,
  stockAlerts,
  stockIn,
  streamRuleAlerts,
  unpaidFollowUp,
  type RetroCheck,
} from '../../src/domain/retro/report.js';
import type { ResponseStats } from '../../src/domain/cs/response.js';
import type { NegativeResult } from '../../src/domain/cs/negative.js';
import { localiseRetro } from '../../src/i18n/retro.js';
import { buildRetroReport } from '../../src/domain/retro/report.js';
import type { Value } from '../../src/io/read/values.js';
import { channelOf, productOf } from '../../src/model/collect.js';

const HEADERS: Record<string, string> = { gmv: '成交金额', uv: '观看人数', productClickRate: '商品点击率' };

/** A retro input whose stream summary (整体看板) states `summary` (field id → value). */
function input(over: Partial<RetroInput> & { summary?: Record<string, Value> } = {}): RetroInput {
  const { summary, ...rest } = over;
  return retroInput(summary ?? {}, HEADERS, rest);
}
const stage = (i: RetroInput) => stageOf(i, { thresholds: RULE_DEFAULTS.thresholds, baselineCount: 7 });
const product = (name: string, gmv: number, exposed: number, clickers: number, buyers: number, stock?: number) =>
  productOf({
    productId: name,
    productName: name,
    gmv,
    productExposed: exposed,
    productClickers: clickers,
    buyers,
    ...(stock !== undefined ? { stock } : {}),
  });
const facts = (a: { rule: string; severity: string; owner: string; value: number; threshold: number }) => [
  a.rule,
  a.severity,
  a.owner,
  a.value,
  a.threshold,
];

describe('stageOf: one list of alerts, thresholds from the config', () => {
  it("an alert is the hit with its subject and detail, and the stream's id and account", () => {
    const i = input({ summary: { streamId: '7301', account: '山野户外旗舰店' } });
    const c = stageOf(i, { thresholds: { ...RULE_DEFAULTS.thresholds, 'stock-low': 20 }, baselineCount: 7 });
    expect(c.th('stock-low')).toBe(20);
    expect(c.th('uv-drop')).toBe(0.5); // not configured: the playbook's default
    c.alert(c.ruleHit('stock-low', 19)!, { kind: 'product', id: 'P1', name: '袜子', rank: null }, { kind: 'stock' });
    expect(c.ruleHit('stock-low', 20)).toBeNull();
    expect(c.alerts).toEqual([
      {
        rule: 'stock-low',
        severity: 'warning',
        owner: 'selector',
        value: 19,
        threshold: 20,
        variant: null,
        subject: { kind: 'product', id: 'P1', name: '袜子', rank: null },
        streamId: '7301',
        account: '山野户外旗舰店',
        detail: { kind: 'stock' },
      },
    ]);
  });
});

describe('figures: each from the first source that has it', () => {
  it('GMV 1,000 and UV 800 read from the summary; UV value computed as gmv ÷ uv = 1.25', () => {
    const f = figures(input({ summary: { gmv: 1000, uv: 800 } }));
    expect(f.summary).toMatchObject({ gmv: 1000, gmvField: '成交金额', uv: 800, uvValue: 1.25, pv: null, gpm: null });
    expect(f.sources.gmv).toEqual({ kind: 'read', where: '整体看板 · 成交金额' });
    expect(f.sources.uvValue).toEqual({ kind: 'computed', formula: 'gmv ÷ uv' });
    expect(f.sources.pv).toBeNull();
    expect(f.missing).toEqual(expect.arrayContaining(['pv', 'gpm']));
    expect(f.missing).not.toContain('gmv');
    expect(f.missing).not.toContain('gmvField');
  });

  it('without a summary GMV, the paid orders give it: 450 from 3 orders of 2 buyers, 2 ÷ 100 viewers = 2 % view→order', () => {
    const orders: OrdersSummary = {
      paidOrders: 3,
      unpaidOrders: 0,
      gmv: 450,
      buyers: 2,
      refundAmount: 0,
      itemsSold: 4,
      first: null,
      last: null,
      unpaid: { orders: 0, items: 0, amount: 0, byProduct: [], lines: [], truncated: false },
    };
    const f = figures(input({ summary: { uv: 100 }, orders }));
    expect(f.summary).toMatchObject({
      gmv: 450,
      gmvField: 'orders · Σ paid',
      orders: 3,
      buyers: 2,
      itemsSold: 4,
      viewToOrderRate: 0.02,
    });
    expect(f.sources.gmv).toEqual({ kind: 'read', where: 'orders · Σ paid' });
    expect(f.sources.buyers).toEqual({ kind: 'read', where: 'orders · distinct buyers' });
  });
});

describe("statedChecks: the export's rate against the one its counts give", () => {
  const withStated = (rate: number) =>
    input({ summary: { productExposed: 1000, productClickers: 100, productClickRate: rate } });

  it('100 clickers of 1,000 exposed is 10 %: a stated 10.004 % agrees (rounding), 10.01 % does not', () => {
    const close = statedChecks(withStated(0.10004).stream, figures(withStated(0.10004)).summary);
    expect(close).toHaveLength(1);
    expect(close[0]).toMatchObject({
      metric: 'productClickRate',
      stated: 0.10004,
      computed: 0.1,
      agrees: true,
      source: '整体看板 · 商品点击率',
    });
    expect(close[0]!.difference).toBeCloseTo(-0.00004, 12);
    const off = statedChecks(withStated(0.1001).stream, figures(withStated(0.1001)).summary);
    expect(off[0]).toMatchObject({ metric: 'productClickRate', agrees: false });
    expect(off[0]!.difference).toBeCloseTo(-0.0001, 12);
  });

  it('no stated rate, no check', () => {
    const i = input({ summary: { productExposed: 1000, productClickers: 100 } });
    expect(statedChecks(i.stream, figures(i).summary)).toEqual([]);
  });
});

describe('channelsOf: shares of the channels, natural against paid', () => {
  it('千川PC版 is paid: 300 of 1,000 viewers (30 %), 600 of 1,000 yuan (60 %); 6 orders over 600 views convert at 1 %', () => {
    const { channels, channelGroups } = channelsOf(
      input({
        channels: [
          channelOf({ channel: '千川PC版', uv: 300, pv: 600, gmv: 600, orders: 6 }, false),
          channelOf({ channel: '自然推荐', uv: 700, pv: 1400, gmv: 400, orders: 4 }, false),
        ],
      }),
    );
    expect(channels!.map((c) => [c.name, c.paid, c.uvShare, c.gmvShare, c.conversionRate])).toEqual([
      ['千川PC版', true, 0.3, 0.6, 0.01],
      ['自然推荐', false, 0.7, 0.4, 4 / 1400],
    ]);
    expect(channelGroups).toEqual({
      natural: { uv: 700, pv: 1400, gmv: 400, uvShare: 0.7, gmvShare: 0.4 },
      paid: { uv: 300, pv: 600, gmv: 600, uvShare: 0.3, gmvShare: 0.6 },
    });
  });

  it('no channel table, no channels', () => {
    expect(channelsOf(input())).toEqual({ channels: null, channelGroups: null });
  });
});

describe('products: ranked by GMV, the product rules fire on each', () => {
  it('999 clickers of 10,000 exposed (9.99 %) is product-click-low with value 0.0999 and threshold 0.1; 100 of 1,000 (10.00 %) is not', () => {
    const i = input({ products: [product('A', 100, 10000, 999, 100), product('B', 200, 1000, 100, 5)] });
    const c = stage(i);
    const list = products(i, stockIn(i), c)!;
    expect(list.map((p) => [p.rank, p.name, p.flags])).toEqual([
      [1, 'B', []],
      [2, 'A', ['product-click-low']],
    ]);
    expect(c.alerts.map(facts)).toEqual([['product-click-low', 'warning', 'anchor', 0.0999, 0.1]]);
    expect(c.alerts[0]).toMatchObject({
      subject: { kind: 'product', id: 'A', name: 'A', rank: 2 },
      detail: { kind: 'product-rate', metric: 'productClickRate' },
    });
  });

  it('99.8 buyers of 2,000 clickers (4.99 %) is product-conversion-low at 0.05; 5 of 100 (5.00 %) is not', () => {
    const i = input({ products: [product('D', 100, 10000, 2000, 99.8), product('B', 50, 1000, 100, 5)] });
    const c = stage(i);
    products(i, stockIn(i), c);
    expect(c.alerts.map((a) => [a.rule, a.subject])).toEqual([
      ['product-conversion-low', { kind: 'product', id: 'D', name: 'D', rank: 1 }],
    ]);
    expect(c.alerts[0]!.value).toBeCloseTo(0.0499, 12);
    expect(c.alerts[0]!.threshold).toBe(0.05);
  });

  it("a product without its own stock takes the selection table's", () => {
    const i = input({
      products: [product('A', 100, 100, 50, 10)],
      stock: [{ id: 'A', name: 'A', stock: 12, giveaway: false }],
    });
    expect(products(i, stockIn(i), stage(i))![0]!.stock).toBe(12);
  });
});

describe("streamRuleAlerts: every rule on the stream's own figures", () => {
  const alertsAt = (gmv: number) => {
    const i = input({ summary: { gmv, uv: 1000 } });
    const c = stage(i);
    streamRuleAlerts(figures(i).summary, c);
    return c.alerts;
  };

  it('UV value 0.79 is below both lines: uv-value-low (1.00, director) and uv-value-critical (0.80, floor control)', () => {
    const alerts = alertsAt(790);
    expect(alerts.map(facts)).toEqual([
      ['uv-value-low', 'warning', 'director', 0.79, 1],
      ['uv-value-critical', 'critical', 'floor-control', 0.79, 0.8],
    ]);
    expect(alerts[0]).toMatchObject({
      subject: { kind: 'stream' },
      detail: { kind: 'stream-figure', metric: 'uvValue', unit: 'yuan', comparison: 'below' },
    });
  });

  it('exactly 0.80 is only low; exactly 1.00 is neither', () => {
    expect(alertsAt(800).map((a) => a.rule)).toEqual(['uv-value-low']);
    expect(alertsAt(1000)).toEqual([]);
  });
});

describe('stockAlerts: stock below 50, a sold-out giveaway delisted', () => {
  it("of the stream's products, 49 in stock is stock-low (value 49, threshold 50, the selector); 50 is not", () => {
    const i = input({ products: [product('A', 100, 100, 50, 10, 49), product('B', 90, 100, 50, 10, 50)] });
    const c = stage(i);
    stockAlerts(i, products(i, stockIn(i), c), stockIn(i), c);
    expect(c.alerts.map(facts)).toEqual([['stock-low', 'warning', 'selector', 49, 50]]);
    expect(c.alerts[0]).toMatchObject({
      subject: { kind: 'product', id: 'A', name: 'A', rank: null },
      detail: { kind: 'stock' },
      variant: null,
    });
  });

  it('without a product list, the selection table: a giveaway at 0 is delisted by floor control, a product listed twice warns once', () => {
    const i = input({
      stock: [
        { id: null, name: '福利袜', stock: 0, giveaway: true },
        { id: null, name: '帽子', stock: 3, giveaway: false },
        { id: null, name: '帽子', stock: 3, giveaway: false },
      ],
    });
    const c = stage(i);
    stockAlerts(i, null, stockIn(i), c);
    expect(c.alerts.map((a) => [a.rule, a.variant, a.owner, a.value, a.threshold, a.detail.kind, a.subject])).toEqual([
      [
        'stock-low',
        'delist',
        'floor-control',
        0,
        50,
        'delist',
        { kind: 'product', id: null, name: '福利袜', rank: null },
      ],
      ['stock-low', null, 'selector', 3, 50, 'stock', { kind: 'product', id: null, name: '帽子', rank: null }],
    ]);
  });
});

describe('comparison: this stream against the earlier ones of its account', () => {
  const earlier = (start: string, uv: number) => ({
    account: '店',
    start,
    uv,
    gmv: uv * 2,
    buyers: uv / 50,
    viewToOrderRate: null,
  });
  const baseline = [
    earlier('2026-11-19T20:00:00+08:00', 1000),
    earlier('2026-11-18T20:00:00+08:00', 1200),
    earlier('2026-11-17T20:00:00+08:00', 800),
  ];
  const run = (uv: number, baselineCount = 7) => {
    const i = input({ summary: { account: '店', start: '2026-11-20T20:00:00+08:00', uv, gmv: 1000 }, baseline });
    const c = stage(i);
    return { compared: comparison(i, figures(i).summary, baselineCount, c), alerts: c.alerts };
  };

  it('500 viewers against a median of 1,000 is a 50 % drop: uv-drop (at or above 0.5) for the data analyst', () => {
    const { compared, alerts } = run(500);
    expect(compared).toMatchObject({ baselineStreams: 3, previousStart: '2026-11-19T20:00:00+08:00', uvDrop: 0.5 });
    expect(compared!.metrics.find((m) => m.metric === 'uv')).toMatchObject({
      current: 500,
      previous: 1000,
      median: 1000,
      previousChange: -0.5,
      medianChange: -0.5,
    });
    expect(alerts.map(facts)).toEqual([['uv-drop', 'critical', 'data', 0.5, 0.5]]);
    expect(alerts[0]).toMatchObject({
      subject: { kind: 'stream' },
      detail: { kind: 'uv-drop', uv: 500, median: 1000, change: -0.5 },
    });
  });

  it('501 viewers is a 49.9 % drop: no alert; the median takes the latest N streams only', () => {
    expect(run(501).alerts).toEqual([]);
    expect(run(501, 2).compared!.metrics[0]!.median).toBe(1100);
  });

  it('no earlier stream, no comparison', () => {
    const i = input({ summary: { uv: 500 } });
    expect(comparison(i, figures(i).summary, 7, stage(i))).toBeNull();
  });
});

describe('customerServiceAlerts: late first responses and a spike of negative messages', () => {
  const response = (overLine: number): ResponseStats => ({
    consultations: 10,
    answered: 10,
    unanswered: 0,
    medianSeconds: 8,
    p90Seconds: 16.1,
    meanSeconds: 9,
    maxSeconds: 40,
    line: 15,
    overLine,
    overLineShare: overLine / 10,
    slowest: [],
    byAgent: [],
  });
  const negative = (n: number): NegativeResult => ({
    messages: 100,
    negative: n,
    share: n / 100,
    topics: [{ topic: '质量', count: n, share: null, owner: 'cs', examples: [] }],
  });
  const run = (over: Partial<RetroInput>) => {
    const i = input(over);
    const c = stage(i);
    customerServiceAlerts(i, 0.1, c);
    return c.alerts;
  };

  it('2 of 10 first responses over 15 s (20 %) exceeds the 10 % tolerance: cs-response with value 0.2 and threshold 0.1', () => {
    const alerts = run({ response: response(2) });
    expect(alerts.map(facts)).toEqual([['cs-response', 'warning', 'cs', 0.2, 0.1]]);
    expect(alerts[0]).toMatchObject({
      subject: { kind: 'cs' },
      detail: { kind: 'cs-response', line: 15, overLine: 2, answered: 10, medianSeconds: 8, p90Seconds: 16.1 },
    });
  });

  it('1 of 10 (exactly the tolerance) does not fire', () => {
    expect(run({ response: response(1) })).toEqual([]);
  });

  it('5 negative of 100 messages (5 %) is negative-spike; 4 is not', () => {
    const alerts = run({ negative: negative(5) });
    expect(alerts.map(facts)).toEqual([['negative-spike', 'critical', 'ops', 0.05, 0.05]]);
    expect(alerts[0]).toMatchObject({
      subject: { kind: 'sentiment' },
      detail: { kind: 'negative-spike', negative: 5, messages: 100, topics: [{ topic: '质量', count: 5 }] },
    });
    expect(run({ negative: negative(4) })).toEqual([]);
  });
});

describe('unpaidFollowUp: unpaid orders by product, with stock, buyers masked', () => {
  const orders = (): OrdersSummary => ({
    paidOrders: 0,
    unpaidOrders: 1,
    gmv: 0,
    buyers: null,
    refundAmount: 0,
    itemsSold: 0,
    first: null,
    last: null,
    unpaid: {
      orders: 1,
      items: 2,
      amount: 50,
      truncated: false,
      byProduct: [{ productId: 'A', productName: 'A', orders: 1, items: 2, amount: 50 }],
      lines: [
        {
          orderId: 'o1',
          time: null,
          productId: 'A',
          productName: 'A',
          quantity: 2,
          amount: 50,
          buyer: '周周',
          phone: '13812345678',
        },
      ],
    },
  });

  it('product A has 49 in stock, below the 50 line; the buyer and phone are masked', () => {
    const i = input({ orders: orders(), products: [product('A', 100, 100, 50, 10, 49)] });
    const u = unpaidFollowUp(i, products(i, stockIn(i), stage(i)), stockIn(i), 50)!;
    expect(u.byProduct).toEqual([
      { productId: 'A', productName: 'A', orders: 1, items: 2, amount: 50, stock: 49, stockLow: true },
    ]);
    expect(u.lines[0]).toMatchObject({ buyer: '周*', phone: '138****5678' });
  });

  it('--no-mask keeps them; no orders export, no follow-up', () => {
    const i = input({ orders: orders(), mask: false });
    expect(unpaidFollowUp(i, null, stockIn(i), 50)!.lines[0]).toMatchObject({ buyer: '周周', phone: '13812345678' });
    expect(unpaidFollowUp(input(), null, stockIn(input()), 50)).toBeNull();
  });
});

const hotspot = (
  topic: string,
  share: number,
  source: HotspotInput['source'],
  over: Partial<HotspotInput> = {},
): HotspotInput => ({
  topic,
  count: Math.round(share * 100),
  share,
  source,
  fromDictionary: true,
  examples: [],
  owner: 'anchor',
  ...over,
});
const sourceOf = (source: HotspotInput['source'], hotspots: HotspotInput[]): HotspotSource => ({
  source,
  messages: 120,
  questions: 100,
  hotspots,
});

describe('hotspotsOf', () => {
  it("every source's hotspots in one list, comments first; none without comments or consultations", () => {
    const i = input({
      hotspots: [
        sourceOf('comments', [hotspot('尺码', 0.2, 'comments')]),
        sourceOf('consultations', [hotspot('发货', 0.3, 'consultations')]),
      ],
    });
    expect(hotspotsOf(i)!.map((h) => [h.source, h.topic])).toEqual([
      ['comments', '尺码'],
      ['consultations', '发货'],
    ]);
    expect(hotspotsOf(input())).toBeNull();
  });
});

describe('improvementList: alerts by urgency, talk points, checks, missing figures', () => {
  it("the rule alerts come in the table's order: uv-drop before stock-low, numbered from 1", () => {
    const i = input();
    const c = stage(i);
    c.alert(c.ruleHit('stock-low', 3)!, { kind: 'product', id: 'A', name: 'A', rank: null }, { kind: 'stock' });
    c.alert(c.ruleHit('uv-drop', 0.6)!, { kind: 'stream' }, { kind: 'uv-drop', uv: 400, median: 1000, change: -0.6 });
    const list = improvementList(i, null, [], [], c.alerts);
    expect(list.map((a) => [a.no, a.kind, a.rule, a.owner])).toEqual([
      [1, 'rule-alert', 'uv-drop', 'data'],
      [2, 'rule-alert', 'stock-low', 'selector'],
    ]);
    expect(list[0]).toMatchObject({ kind: 'rule-alert', alert: c.alerts[1] });
  });

  it('a dictionary topic 10 % of the questions ask about is a talk point, once, highest share first; 9 % or a bare keyword is not', () => {
    const sources = [
      sourceOf('comments', [
        hotspot('尺码', 0.1, 'comments'),
        hotspot('颜色', 0.09, 'comments'),
        hotspot('好看', 0.5, 'comments', { fromDictionary: false, owner: null }),
      ]),
      sourceOf('consultations', [
        hotspot('发货', 0.3, 'consultations', { owner: 'cs' }),
        hotspot('尺码', 0.1, 'consultations'),
      ]),
    ];
    const i = input({ hotspots: sources });
    const list = improvementList(i, hotspotsOf(i), [], [], []);
    expect(
      list.map((a) => [
        a.no,
        a.kind,
        a.owner,
        a.kind === 'talk-point' ? [a.hotspot.source, a.hotspot.topic, a.questions] : null,
      ]),
    ).toEqual([
      [1, 'talk-point', 'cs', ['consultations', '发货', 100]],
      [2, 'talk-point', 'anchor', ['comments', '尺码', 100]],
    ]);
  });

  it('a stated figure that disagrees goes to the data analyst; the key figures missing, to operations', () => {
    const check = (metric: string, agrees: boolean): RetroCheck => ({
      metric,
      stated: 0.1,
      computed: 0.12,
      difference: 0.02,
      agrees,
      source: '整体看板 · h',
    });
    const list = improvementList(
      input(),
      null,
      [check('gpm', true), check('productClickRate', false)],
      ['uv', 'uvValue', 'pv', 'gpm', 'refundAmount'],
      [],
    );
    expect(list).toEqual([
      { no: 1, owner: 'data', rule: null, kind: 'check', check: check('productClickRate', false) },
      { no: 2, owner: 'ops', rule: null, kind: 'missing-figures', metrics: ['uv', 'pv'] },
    ]);
  });
});

describe('localiseRetro words the facts', () => {
  it("a computed figure says how, in the run's language; a product with neither name nor id is called by its rank", () => {
    const i = input({
      summary: { gmv: 1000, uv: 800 },
      products: [productOf({ gmv: 100, productExposed: 1000, productClickers: 50, buyers: 10 })],
    });
    const facts = buildRetroReport(i, { thresholds: RULE_DEFAULTS.thresholds, baselineCount: 7 });
    const zh = localiseRetro(facts, 'zh');
    const en = localiseRetro(facts, 'en');
    // In the figures' own names, never their keys.
    expect([zh.sources.uvValue, en.sources.uvValue]).toEqual([
      '计算：成交金额 ÷ 观看人数',
      'computed: GMV ÷ Viewers (UV)',
    ]);
    expect(zh.alerts.map((a) => [a.subject, a.message])).toEqual([
      ['商品「#1」', '商品「#1」 商品点击率 5.00% < 10.00%：商品点击率低，延长该商品讲解'],
    ]);
    expect(en.alerts[0]).toMatchObject({
      subject: 'product "#1"',
      severityLabel: 'warning',
      ownerLabel: 'anchor',
      productId: null,
    });
  });
});
