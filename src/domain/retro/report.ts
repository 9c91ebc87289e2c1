/**
 * The post-stream retro (数据复盘表): figures computed from the counts the exports carry, with the
 * platforms' definitions; channels; products; the playbook's rules that fired; comparison with
 * earlier streams; hotspots; and the improvement list (改进清单). Pure: data in, codes and numbers out
 * (localiseRetro words them).
 */
import * as M from '../metrics.js';
import {
  evaluate,
  hit,
  ruleOrder,
  streamRules,
  thresholdOf,
  type Comparison,
  type Role,
  type RuleHit,
  type ThresholdRule,
} from '../rules.js';
import type { ProductFigures, SourcedStream, StreamKey } from '../../model/entities.js';
import type { BaselineStream, HotspotInput, RetroInput, StockItem, UnpaidOrders } from './input.js';

/** What the retro is built with (the command's own options are RetroOptions in commands/retro). */
export interface RetroSettings {
  thresholds: Record<string, number>;
  /** How many earlier streams make the baseline median (default 7). */
  baselineCount: number;
  /** Share of first responses over the cs-response line that is tolerated before an alert. */
  cs?: { responseTolerance: number };
}

/** 周周 → 周*; buyer1234567 → bu****67; 13812345678 → 138****5678. Chat groups see these files. */
export function maskBuyer(v: string | null): string | null {
  if (v === null || v === '') return v;
  if (/^\d{11}$/.test(v)) return `${v.slice(0, 3)}****${v.slice(7)}`;
  if (v.includes('*')) return v;
  const chars = [...v];
  if (chars.length <= 2) return `${chars[0]}*`;
  if (/^[\x20-\x7e]+$/.test(v) && chars.length > 6) return `${v.slice(0, 2)}****${v.slice(-2)}`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

export interface RetroSummary {
  gmv: number | null;
  /** The export's own name for the GMV figure (成交金额 or 用户支付金额…), never relabelled. */
  gmvField: string | null;
  orders: number | null;
  buyers: number | null;
  itemsSold: number | null;
  uv: number | null;
  pv: number | null;
  uvValue: number | null;
  gpm: number | null;
  avgDwellSeconds: number | null;
  productExposed: number | null;
  productClickers: number | null;
  productClickRate: number | null;
  clickToOrderRate: number | null;
  viewToOrderRate: number | null;
  refundAmount: number | null;
  refundRate: number | null;
  paidSpend: number | null;
  roi: number | null;
  newFollowers: number | null;
  peakOnline: number | null;
  avgOnline: number | null;
}

/** Where a figure came from: read from "表 · 表头" (or summed, "orders · Σ paid"), or computed by a formula of other figures. */
export type SummarySource = { kind: 'read'; where: string } | { kind: 'computed'; formula: string };

/** What an alert is about: the stream, one product, customer service, or the comments' sentiment. */
export type AlertSubject =
  | { kind: 'stream' }
  /** `rank`: the product's place in the product list when a product rule fired on it (a product with neither name nor id is called by it), null otherwise. */
  | { kind: 'product'; id: string | null; name: string | null; rank: number | null }
  | { kind: 'cs' }
  | { kind: 'sentiment' };

/** Besides the value and the threshold, what an alert's message states. */
export type AlertDetail =
  /** A rule on the stream's own figure, shown in the rule's unit with its comparison. */
  | { kind: 'stream-figure'; metric: string; unit: ThresholdRule['unit']; comparison: Comparison }
  /** A product's rate below its line. */
  | { kind: 'product-rate'; metric: 'productClickRate' | 'clickToOrderRate' }
  | { kind: 'stock' }
  /** A sold-out giveaway to delist (variant 'delist'). */
  | { kind: 'delist' }
  /** Viewers against the recent median; `change` is the (negative) change, the hit's value its opposite. */
  | { kind: 'uv-drop'; uv: number | null; median: number | null; change: number | null }
  /** The share of late first responses (the value) against the tolerance (the threshold). */
  | {
      kind: 'cs-response';
      line: number;
      overLine: number;
      answered: number;
      medianSeconds: number | null;
      p90Seconds: number | null;
    }
  | { kind: 'negative-spike'; negative: number; messages: number; topics: Array<{ topic: string; count: number }> };

/** A rule that fired, on what, with the numbers its message needs. Made once, never edited. */
export interface RetroAlert extends RuleHit {
  subject: AlertSubject;
  /** The stream's platform id and account, on every alert of its retro. */
  streamId: string | null;
  account: string | null;
  detail: AlertDetail;
}

/** A figure the export states beside the one liveops recomputed from its counts. */
export interface RetroCheck {
  metric: string;
  stated: number;
  computed: number;
  difference: number;
  agrees: boolean;
  /** Where the stated figure was read ("表 · 表头"). */
  source: string;
}

/** A point of the improvement list: who acts, the rule (if one fired), and what the point is about. */
export type RetroPoint = { owner: Role; rule: string | null } & (
  | { kind: 'rule-alert'; alert: RetroAlert }
  /** A dictionary topic a tenth or more of a source's `questions` ask about: a talk-optimisation point. */
  | { kind: 'talk-point'; hotspot: HotspotInput; questions: number }
  | { kind: 'check'; check: RetroCheck }
  | { kind: 'missing-figures'; metrics: Array<keyof RetroSummary> }
);

/** A point with its number in the list (1, 2, …). */
export type RetroAction = RetroPoint & { no: number };

export interface RetroProduct {
  rank: number;
  id: string | null;
  name: string | null;
  gmv: number | null;
  itemsSold: number | null;
  buyers: number | null;
  exposed: number | null;
  clickers: number | null;
  clickRate: number | null;
  conversionRate: number | null;
  /** Counts derived from a rate the export states ({ exposed: 'derived' }); counted otherwise. */
  sources: ProductFigures['sources'];
  stock: number | null;
  /** When it was put on the shelf (首次上架时间), as read; null when the export does not say. */
  listedAt: string | null;
  flags: string[];
}

export interface RetroComparison {
  baselineStreams: number;
  previousStart: string | null;
  metrics: Array<{
    metric: 'uv' | 'gmv' | 'uvValue' | 'viewToOrderRate';
    current: number | null;
    previous: number | null;
    previousChange: number | null;
    median: number | null;
    medianChange: number | null;
  }>;
  uvDrop: number | null;
}

/** The retro in codes and numbers; localiseRetro words it into what the command prints and writes. */
export interface RetroFacts {
  stream: {
    account: string | null;
    platform: string;
    title: string | null;
    id: string | null;
    start: string | null;
    end: string | null;
    durationSeconds: number | null;
    /** New fan-club members, when the export states them (a stream list's 新加直播团). */
    newFanClub: number | null;
  };
  summary: RetroSummary;
  /** Where each figure came from; null when missing. */
  sources: Record<string, SummarySource | null>;
  checks: RetroCheck[];
  channels: Array<{
    name: string;
    paid: boolean;
    uv: number | null;
    pv: number | null;
    gmv: number | null;
    orders: number | null;
    uvShare: number | null;
    gmvShare: number | null;
    conversionRate: number | null;
  }> | null;
  channelGroups: Record<
    'natural' | 'paid',
    { uv: number | null; pv: number | null; gmv: number | null; uvShare: number | null; gmvShare: number | null }
  > | null;
  products: RetroProduct[] | null;
  trend: RetroInput['trend'];
  videos: RetroInput['videos'];
  comparison: RetroComparison | null;
  alerts: RetroAlert[];
  hotspots: HotspotInput[] | null;
  questions: Array<{ source: 'comments' | 'consultations'; messages: number; questions: number }>;
  actions: RetroAction[];
  /** Customer service: first response, unpaid orders to follow up, negative comments (舆情). */
  customerService: {
    response: RetroInput['response'];
    unpaid:
      | (UnpaidOrders & {
          byProduct: Array<UnpaidOrders['byProduct'][number] & { stock: number | null; stockLow: boolean }>;
        })
      | null;
    negative: RetroInput['negative'];
  };
  missing: Array<keyof RetroSummary>;
  inputs: RetroInput['inputs'];
  /** Files left out of this retro, and why; rows left out of the others for their date. */
  leftOut: NonNullable<RetroInput['leftOut']>;
  ignored: NonNullable<RetroInput['ignored']>;
  rowsOutside: NonNullable<RetroInput['rowsOutside']>;
  readWarnings: string[];
  thresholds: Record<string, number>;
}

const PAID_CHANNELS = new Set([
  '千川PC版',
  '千川pc版',
  '品牌投放',
  '小店随心推',
  '其他投放',
  '千川品牌投放',
  '随心推',
  '巨量千川',
  '付费流量',
  '流量券',
]);

/** A figure the stream's summary states, with where it was read ("整体看板 · 直播间观看人数"). */
function stated(stream: SourcedStream, key: StreamKey): { value: number | null; source: string | null } {
  const v = stream[key];
  const value = typeof v === 'number' ? v : null;
  const from = stream.sources[key];
  return { value, source: value !== null && from ? `${from.table} · ${from.header}` : null };
}

export function isPaidChannel(name: string): boolean {
  return PAID_CHANNELS.has(name) || /千川|投放|随心推|广告/.test(name);
}

/** The first available figure, with where it came from. */
function firstOf(...candidates: Array<[number | null, string | null]>): {
  value: number | null;
  source: string | null;
} {
  for (const [value, source] of candidates) if (value !== null) return { value, source };
  return { value: null, source: null };
}

const HOURS_2 = 2 * 3600 * 1000;

function baselineMetrics(b: BaselineStream) {
  return {
    uv: b.uv,
    gmv: b.gmv,
    uvValue: M.uvValue(b.gmv, b.uv),
    viewToOrderRate: b.buyers !== null ? M.viewToOrderRate(b.buyers, b.uv) : b.viewToOrderRate,
  };
}

/** What every stage shares: the configured thresholds, and the one list alerts go into. */
export interface Stage {
  th: (id: string) => number;
  ruleHit: (id: string, value: number | null | undefined) => RuleHit | null;
  /** Make an alert from a hit (severity, owner and threshold come with it; never edited after). */
  alert: (h: RuleHit, subject: AlertSubject, detail: AlertDetail) => void;
  alerts: RetroAlert[];
}

export function stageOf(input: RetroInput, settings: RetroSettings): Stage {
  const alerts: RetroAlert[] = [];
  const streamIds = { streamId: input.stream.streamId, account: input.stream.account ?? input.account };
  return {
    th: (id) => thresholdOf(id, settings.thresholds),
    ruleHit: (id, value) => evaluate(id, value, settings.thresholds),
    alerts,
    alert: (h, subject, detail) => {
      alerts.push({ ...h, subject, ...streamIds, detail });
    },
  };
}

/** The stock of a product of the selection table, found by id or else by name. */
export type StockOf = (id: string | null, name: string | null) => StockItem | null;

export function stockIn(input: RetroInput): StockOf {
  return (id, name) =>
    input.stock.find((s) => (id !== null && s.id === id) || (name !== null && s.name === name)) ?? null;
}

/** The stream's figures, each from the first source that has it, with where it came from. */
export function figures(input: RetroInput): {
  summary: RetroSummary;
  sources: RetroFacts['sources'];
  missing: Array<keyof RetroSummary>;
} {
  const stream = input.stream;
  const f = (key: StreamKey) => stated(stream, key);
  const total = input.channelTotal;
  const totalSrc = (h: string) => (input.channelTable ? `${input.channelTable} · 整体 · ${h}` : null);
  const productSum = (field: 'gmv' | 'itemsSold' | 'refundAmount') =>
    input.products ? M.sum(input.products.map((p) => p[field])) : null;
  const productSrc = (h: string) => (input.productTable ? `${input.productTable} · Σ ${h}` : null);
  const orders = input.orders;
  const trendSum = (field: 'gmv') => (input.trend ? M.sum(input.trend.map((r) => r[field])) : null);
  const gmvPick = firstOf(
    [f('gmv').value, f('gmv').source],
    [total?.gmv ?? null, totalSrc('gmv')],
    [productSum('gmv'), productSrc('gmv')],
    [orders ? orders.gmv : null, orders ? 'orders · Σ paid' : null],
    [trendSum('gmv'), input.trend ? 'minute trend · Σ gmv' : null],
  );
  const gmvFact = stream.sources.gmv;
  const gmvField = f('gmv').value !== null && gmvFact ? gmvFact.header : gmvPick.source;
  const picks: Record<string, { value: number | null; source: string | null }> = {
    gmv: gmvPick,
    orders: firstOf(
      [f('orders').value, f('orders').source],
      [total?.orders ?? null, totalSrc('orders')],
      [orders ? orders.paidOrders : null, orders ? 'orders · paid orders' : null],
    ),
    buyers: firstOf(
      [f('buyers').value, f('buyers').source],
      [orders?.buyers ?? null, orders ? 'orders · distinct buyers' : null],
    ),
    itemsSold: firstOf(
      [f('itemsSold').value, f('itemsSold').source],
      [productSum('itemsSold'), productSrc('itemsSold')],
      [orders ? orders.itemsSold : null, orders ? 'orders · Σ quantity' : null],
    ),
    uv: firstOf([f('uv').value, f('uv').source], [total?.uv ?? null, totalSrc('uv')]),
    pv: firstOf([f('pv').value, f('pv').source], [total?.pv ?? null, totalSrc('pv')]),
    avgDwellSeconds: firstOf(
      [f('avgDwellSeconds').value, f('avgDwellSeconds').source],
      [total?.avgDwellSeconds ?? null, totalSrc('avgDwell')],
    ),
    productExposed: f('productExposed'),
    productClickers: f('productClickers'),
    refundAmount: firstOf(
      [f('refundAmount').value, f('refundAmount').source],
      // The product rows' refunds (SKU child rows are not summed), as items sold are.
      [productSum('refundAmount'), productSrc('refundAmount')],
      [orders ? orders.refundAmount : null, orders ? 'orders · Σ refunded' : null],
    ),
    paidSpend: firstOf(
      [total?.paidSpend ?? null, totalSrc('paidSpend')],
      [f('paidSpend').value, f('paidSpend').source],
      [
        input.channels ? M.sum(input.channels.map((c) => c.paidSpend)) : null,
        input.channelTable ? `${input.channelTable} · Σ paidSpend` : null,
      ],
    ),
    newFollowers: f('newFollowers'),
    peakOnline: firstOf(
      [f('peakOnline').value, f('peakOnline').source],
      [input.trend ? maxOf(input.trend.map((r) => r.online)) : null, input.trend ? 'minute trend · max online' : null],
    ),
    avgOnline: f('avgOnline'),
  };
  const v = (k: string) => picks[k]?.value ?? null;
  const summary: RetroSummary = {
    gmv: v('gmv'),
    gmvField,
    orders: v('orders'),
    buyers: v('buyers'),
    itemsSold: v('itemsSold'),
    uv: v('uv'),
    pv: v('pv'),
    uvValue: M.uvValue(v('gmv'), v('uv')),
    gpm: M.gpm(v('gmv'), v('pv')),
    avgDwellSeconds: v('avgDwellSeconds'),
    productExposed: v('productExposed'),
    productClickers: v('productClickers'),
    productClickRate: M.clickRate(v('productClickers'), v('productExposed')),
    clickToOrderRate: M.clickToOrderRate(v('buyers'), v('productClickers')),
    viewToOrderRate: M.viewToOrderRate(v('buyers'), v('uv')),
    refundAmount: v('refundAmount'),
    refundRate: M.refundRate(v('refundAmount'), v('gmv')),
    paidSpend: v('paidSpend'),
    roi: M.roi(v('gmv'), v('paidSpend')),
    newFollowers: v('newFollowers'),
    peakOnline: v('peakOnline'),
    avgOnline: v('avgOnline'),
  };
  // Every figure has an entry: where it came from, or null when the exports did not have it.
  const sources: RetroFacts['sources'] = {};
  for (const key of Object.keys(summary) as Array<keyof RetroSummary>) {
    if (key === 'gmvField') continue;
    const where = picks[key]?.source ?? null;
    sources[key] =
      summary[key] === null
        ? null
        : where !== null
          ? { kind: 'read', where }
          : { kind: 'computed', formula: COMPUTED_FROM[key] ?? key };
  }
  const missing = (Object.keys(summary) as Array<keyof RetroSummary>).filter(
    (k) => k !== 'gmvField' && summary[k] === null,
  );
  return { summary, sources, missing };
}

/** Each computed figure's formula, in figure keys (no words: the localiser only says it was computed). */
const COMPUTED_FROM: Record<string, string> = {
  uvValue: 'gmv ÷ uv',
  gpm: 'gmv ÷ pv × 1000',
  productClickRate: 'productClickers ÷ productExposed',
  clickToOrderRate: 'buyers ÷ productClickers',
  viewToOrderRate: 'buyers ÷ uv',
  refundRate: 'refundAmount ÷ gmv',
  roi: 'gmv ÷ paidSpend',
};

/** What the export states vs. what the counts give. */
export function statedChecks(stream: SourcedStream, summary: RetroSummary): RetroCheck[] {
  const checks: RetroCheck[] = [];
  const check = (metric: keyof RetroSummary, field: StreamKey, tolerance: number) => {
    const given = stated(stream, field);
    const computed = summary[metric];
    if (given.value === null || typeof computed !== 'number') return;
    const difference = computed - given.value;
    checks.push({
      metric,
      stated: given.value,
      computed,
      difference,
      agrees: Math.abs(difference) <= tolerance + 1e-12,
      source: given.source ?? '',
    });
  };
  // Rates are shown to 0.01 %, money to 0.01 yuan: anything beyond half of that is not rounding.
  check('productClickRate', 'productClickRate', 0.00005);
  check('clickToOrderRate', 'clickToOrderRate', 0.00005);
  check('viewToOrderRate', 'viewToOrderRate', 0.00005);
  check('gpm', 'gpm', 0.005);
  return checks;
}

/** The traffic channels with their shares and conversion, and natural vs. paid. */
export function channelsOf(input: RetroInput): {
  channels: RetroFacts['channels'];
  channelGroups: RetroFacts['channelGroups'];
} {
  if (!input.channels) return { channels: null, channelGroups: null };
  const total = input.channelTotal;
  const totalUv = total?.uv ?? M.sum(input.channels.map((c) => c.uv));
  const totalGmv = total?.gmv ?? M.sum(input.channels.map((c) => c.gmv));
  const channels = input.channels.map((c) => {
    const name = c.channel ?? '—';
    const ordersN = c.orders;
    const conversion = ordersN !== null ? M.ratio(ordersN, c.pv) : M.viewToOrderRate(c.buyers, c.uv);
    return {
      name,
      paid: isPaidChannel(name),
      uv: c.uv,
      pv: c.pv,
      gmv: c.gmv,
      orders: ordersN,
      uvShare: M.ratio(c.uv, totalUv),
      gmvShare: M.ratio(c.gmv, totalGmv),
      conversionRate: conversion,
    };
  });
  const group = (paid: boolean) => {
    const rows = channels.filter((c) => c.paid === paid);
    const uv = M.sum(rows.map((r) => r.uv));
    const gmv = M.sum(rows.map((r) => r.gmv));
    return {
      uv,
      pv: M.sum(rows.map((r) => r.pv)),
      gmv,
      uvShare: M.ratio(uv, totalUv),
      gmvShare: M.ratio(gmv, totalGmv),
    };
  };
  return { channels, channelGroups: { natural: group(false), paid: group(true) } };
}

/** The products ranked by GMV, each with its rates; the per-product rules fire here. */
export function products(input: RetroInput, stockOf: StockOf, c: Stage): RetroFacts['products'] {
  if (!input.products) return null;
  const list: RetroProduct[] = input.products
    .map((p) => {
      const { id, name, gmv, itemsSold, buyers, exposed, clickers, sources } = p;
      const stock = p.stock ?? stockOf(id, name)?.stock ?? null;
      return {
        rank: 0,
        id,
        name,
        gmv,
        itemsSold,
        buyers,
        exposed,
        clickers,
        clickRate: M.clickRate(clickers, exposed),
        conversionRate: M.clickToOrderRate(buyers, clickers),
        sources,
        stock,
        listedAt: p.listedAt,
        flags: [] as string[],
      };
    })
    .sort((a, b) => (b.gmv ?? -Infinity) - (a.gmv ?? -Infinity));
  list.forEach((p, i) => {
    p.rank = i + 1;
    const subject: AlertSubject = { kind: 'product', id: p.id, name: p.name, rank: p.rank };
    // playbook: click rate < 10 % → extend the explanation; conversion < 5 % → adjust the closing talk.
    const click = c.ruleHit('product-click-low', p.clickRate);
    if (click) {
      p.flags.push('product-click-low');
      c.alert(click, subject, { kind: 'product-rate', metric: 'productClickRate' });
    }
    const conversion = c.ruleHit('product-conversion-low', p.conversionRate);
    if (conversion) {
      p.flags.push('product-conversion-low');
      c.alert(conversion, subject, { kind: 'product-rate', metric: 'clickToOrderRate' });
    }
  });
  return list;
}

/** Every rule on the stream's own figures (domain/rules.ts `metric`): UV value low, critical… */
export function streamRuleAlerts(summary: RetroSummary, c: Stage): void {
  for (const rule of streamRules('retro')) {
    const value = (summary as unknown as Record<string, number | null>)[rule.metric];
    const h = c.ruleHit(rule.id, value);
    if (h)
      c.alert(
        h,
        { kind: 'stream' },
        { kind: 'stream-figure', metric: rule.metric, unit: rule.unit, comparison: rule.comparison },
      );
  }
}

/** Stock where known: the stream's products when the exports list them, the selection table otherwise. */
export function stockAlerts(input: RetroInput, list: RetroFacts['products'], stockOf: StockOf, c: Stage): void {
  const seen = new Set<string>();
  const items = list
    ? list.map((p) => ({ id: p.id, name: p.name, stock: p.stock, giveaway: stockOf(p.id, p.name)?.giveaway ?? false }))
    : input.stock;
  for (const s of items) {
    const key = s.id ?? s.name ?? '';
    if (s.stock === null || seen.has(key)) continue;
    seen.add(key);
    const subject: AlertSubject = { kind: 'product', id: s.id, name: s.name, rank: null };
    const low = c.ruleHit('stock-low', s.stock);
    if (s.giveaway && s.stock <= 0) {
      // playbook: a sold-out giveaway (福利款) is delisted, by floor control.
      c.alert(hit('stock-low', s.stock, c.th('stock-low'), 'delist'), subject, { kind: 'delist' });
    } else if (low) {
      c.alert(low, subject, { kind: 'stock' });
    }
  }
}

/** This stream against the earlier streams of its account; the UV-drop rule fires here. */
export function comparison(
  input: RetroInput,
  summary: RetroSummary,
  baselineCount: number,
  c: Stage,
): RetroFacts['comparison'] {
  const { stream } = input;
  const account = stream.account ?? input.account;
  const startMs = stream.start ? Date.parse(stream.start) : NaN;
  const earlier = input.baseline
    .filter((b) => (account === null || b.account === null || b.account === account) && b.start !== null)
    .filter((b) => !Number.isFinite(startMs) || Date.parse(b.start!) < startMs - HOURS_2)
    .sort((a, b) => Date.parse(b.start!) - Date.parse(a.start!));
  if (earlier.length === 0) return null;
  const lastN = earlier.slice(0, baselineCount).map(baselineMetrics);
  const prev = baselineMetrics(earlier[0]!);
  const metrics = (['uv', 'gmv', 'uvValue', 'viewToOrderRate'] as const).map((metric) => {
    const current = summary[metric];
    const med = M.median(lastN.map((b) => b[metric]).filter((x): x is number => x !== null));
    return {
      metric,
      current,
      previous: prev[metric],
      previousChange: M.change(current, prev[metric]),
      median: med,
      medianChange: M.change(current, med),
    };
  });
  const uvMedian = metrics[0]!.median;
  const drop = M.change(summary.uv, uvMedian);
  const uvDrop = drop === null ? null : -drop;
  // playbook: a UV drop of 50 % or more against the recent baseline → anomaly alert.
  const dropped = c.ruleHit('uv-drop', uvDrop);
  if (dropped)
    c.alert(dropped, { kind: 'stream' }, { kind: 'uv-drop', uv: summary.uv, median: uvMedian, change: drop });
  return { baselineStreams: lastN.length, previousStart: earlier[0]!.start, metrics, uvDrop };
}

/** First responses and negative messages: cs-response and negative-spike fire here. */
export function customerServiceAlerts(input: RetroInput, tolerance: number, c: Stage): void {
  const resp = input.response;
  if (resp && resp.overLineShare !== null && resp.overLineShare > tolerance) {
    // playbook: first response within 15 s; the alert fires when too many are later than that.
    // The share of late responses is measured against the tolerance, not against the 15 s line itself.
    const { line, overLine, answered, medianSeconds, p90Seconds } = resp;
    c.alert(
      hit('cs-response', resp.overLineShare, tolerance),
      { kind: 'cs' },
      { kind: 'cs-response', line, overLine, answered, medianSeconds, p90Seconds },
    );
  }
  const neg = input.negative;
  const spike = neg && neg.negative > 0 ? c.ruleHit('negative-spike', neg.share) : null;
  if (neg && spike) {
    const topics = neg.topics.map((t) => ({ topic: t.topic, count: t.count }));
    c.alert(
      spike,
      { kind: 'sentiment' },
      { kind: 'negative-spike', negative: neg.negative, messages: neg.messages, topics },
    );
  }
}

/** Unpaid orders to follow up, by product with its stock, buyers masked unless told otherwise. */
export function unpaidFollowUp(
  input: RetroInput,
  list: RetroFacts['products'],
  stockOf: StockOf,
  stockLine: number,
): RetroFacts['customerService']['unpaid'] {
  if (!input.orders) return null;
  const stockByProduct = (id: string | null, name: string | null) =>
    (list ?? []).find((p) => (id && p.id === id) || (name && p.name === name))?.stock ??
    stockOf(id, name)?.stock ??
    null;
  return {
    ...input.orders.unpaid,
    byProduct: input.orders.unpaid.byProduct.map((p) => {
      const stock = stockByProduct(p.productId, p.productName);
      return { ...p, stock, stockLow: stock !== null && stock < stockLine };
    }),
    lines: input.orders.unpaid.lines.map((l) =>
      input.mask ? { ...l, buyer: maskBuyer(l.buyer), phone: maskBuyer(l.phone) } : l,
    ),
  };
}

/** Every source's hotspots, comments first. */
export function hotspotsOf(input: RetroInput): RetroFacts['hotspots'] {
  if (!input.hotspots.length) return null;
  return input.hotspots.flatMap((s) => s.hotspots);
}

/** The figures the improvement list asks to be exported next time: those the retro cannot do without. */
const KEY_FIGURES: ReadonlyArray<keyof RetroSummary> = ['gmv', 'uv', 'pv', 'buyers', 'productClickers'];

/**
 * The improvement list (改进清单): the alerts in the table's order, then talk-optimisation points
 * from the hotspots, the export's disagreements with its counts, and the key figures it lacked.
 */
export function improvementList(
  input: RetroInput,
  hotspots: RetroFacts['hotspots'],
  checks: RetroCheck[],
  missing: Array<keyof RetroSummary>,
  alerts: RetroAlert[],
): RetroAction[] {
  const actions: RetroAction[] = [];
  const add = (point: RetroPoint) => actions.push({ ...point, no: actions.length + 1 });
  for (const alert of [...alerts].sort((x, y) => ruleOrder(x.rule) - ruleOrder(y.rule))) {
    add({ owner: alert.owner, rule: alert.rule, kind: 'rule-alert', alert });
  }
  // One talk-optimisation point per topic: comments and consultations may both raise it.
  const topicSeen = new Set<string>();
  for (const h of [...(hotspots ?? [])].sort((a, b) => b.share - a.share)) {
    if (h.fromDictionary && topicSeen.has(h.topic)) continue;
    topicSeen.add(h.topic);
    const { questions } = input.hotspots.find((s) => s.source === h.source)!;
    // Talk-optimisation points: dictionary topics that a tenth or more of the questions ask about.
    // Other frequent words stay in the hotspot list; judging them is the selector's weekly work.
    if (h.fromDictionary && h.owner !== null && h.share >= 0.1) {
      add({ owner: h.owner, rule: null, kind: 'talk-point', hotspot: h, questions });
    }
  }
  for (const check of checks.filter((x) => !x.agrees)) add({ owner: 'data', rule: null, kind: 'check', check });
  const keyMissing = missing.filter((k) => KEY_FIGURES.includes(k));
  if (keyMissing.length) add({ owner: 'ops', rule: null, kind: 'missing-figures', metrics: keyMissing });
  return actions;
}

export function buildRetroReport(input: RetroInput, settings: RetroSettings): RetroFacts {
  const c = stageOf(input, settings);
  const { stream } = input;
  const tolerance = (settings.cs ?? { responseTolerance: 0.1 }).responseTolerance;
  const stockOf = stockIn(input);

  const { summary, sources, missing } = figures(input);
  const checks = statedChecks(stream, summary);
  const { channels, channelGroups } = channelsOf(input);
  // The alerts come in this order: products, the stream's figures, stock, the baseline, customer service.
  const productList = products(input, stockOf, c);
  streamRuleAlerts(summary, c);
  stockAlerts(input, productList, stockOf, c);
  const compared = comparison(input, summary, settings.baselineCount, c);
  customerServiceAlerts(input, tolerance, c);
  const hotspots = hotspotsOf(input);
  const actions = improvementList(input, hotspots, checks, missing, c.alerts);

  return {
    stream: {
      account: stream.account ?? input.account,
      platform: input.platform,
      title: stream.title,
      id: stream.streamId,
      start: stream.start,
      end: stream.end,
      durationSeconds: stream.durationSeconds,
      newFanClub: stream.newFanClub ?? null,
    },
    summary,
    sources,
    checks,
    channels,
    channelGroups,
    products: productList,
    trend: input.trend,
    videos: input.videos,
    comparison: compared,
    alerts: c.alerts,
    hotspots,
    questions: input.hotspots.map((s) => ({ source: s.source, messages: s.messages, questions: s.questions })),
    actions,
    customerService: {
      response: input.response,
      unpaid: unpaidFollowUp(input, productList, stockOf, c.th('stock-low')),
      negative: input.negative,
    },
    missing,
    inputs: input.inputs,
    leftOut: input.leftOut ?? [],
    ignored: input.ignored ?? [],
    rowsOutside: input.rowsOutside ?? [],
    readWarnings: input.readWarnings ?? [],
    thresholds: {
      ...Object.fromEntries(
        [
          'uv-value-low',
          'uv-value-critical',
          'product-click-low',
          'product-conversion-low',
          'uv-drop',
          'stock-low',
          'cs-response',
        ].map((id) => [id, c.th(id)]),
      ),
      'cs-response-tolerance': tolerance,
      'negative-spike': c.th('negative-spike'),
    },
  };
}

function maxOf(values: Array<number | null>): number | null {
  let m: number | null = null;
  for (const v of values) if (v !== null && (m === null || v > m)) m = v;
  return m;
}
