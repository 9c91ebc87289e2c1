/**
 * The post-stream retro (数据复盘表): figures computed from the counts the exports carry, with the
 * platforms' definitions; channels; products; the playbook's rules that fired; comparison with
 * earlier streams; hotspots; and the improvement list (改进清单). Pure: data in, report out.
 */
import { fmtChange, fmtCount, fmtMoney, fmtRate, fmtUnit } from '../../format.js';
import * as M from '../metrics.js';
import { PLATFORM_LABELS, type PlatformId } from '../../model/platforms.js';
import { COMPARISON_SIGN, evaluate, hit, ruleOrder, streamRules, thresholdOf, type Role, type RuleHit } from '../rules.js';
import type { SourcedStream, StreamKey } from '../../model/entities.js';
import type { BaselineStream, HotspotInput, RetroInput } from './input.js';
import { RETRO_TEXT, type Lang } from './text.js';
import { metricLabel, ROLE_LABELS, SEVERITY_LABELS } from '../../i18n/labels.js';
import { RULE_ACTIONS, ruleText } from '../../i18n/rules.js';

export interface RetroOptions {
  thresholds: Record<string, number>;
  lang: Lang;
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

const SOURCE_LABELS = { comments: { zh: '评论', en: 'comments' }, consultations: { zh: '客服咨询', en: 'consultations' } };

export interface Alert {
  rule: string;
  severity: 'critical' | 'warning';
  severityLabel: string;
  subject: string;
  /** The subject's ids, for machines: the product an alert is about (null for the stream, CS…). */
  productId: string | null;
  /** The stream's platform id and account, on every alert of its retro. */
  streamId: string | null;
  account: string | null;
  value: number;
  threshold: number;
  owner: Role;
  ownerLabel: string;
  /** A variant of the rule that changes who acts (stock-low: 'delist' for a sold-out giveaway), or null. */
  variant: string | null;
  message: string;
}

export interface Action {
  no: number;
  what: string;
  evidence: string;
  owner: Role;
  ownerLabel: string;
  action: string;
  rule: string | null;
}

export interface RetroReport {
  stream: {
    account: string | null;
    platform: string;
    platformLabel: string;
    title: string | null;
    id: string | null;
    start: string | null;
    end: string | null;
    durationSeconds: number | null;
  };
  summary: RetroSummary;
  /** Where each figure came from: "表 · 表头", or how it was computed; null when missing. */
  sources: Record<string, string | null>;
  /** Figures the export states and liveops recomputed from counts. */
  checks: Array<{ metric: string; label: string; stated: number; computed: number; difference: number; agrees: boolean; source: string }>;
  channels: Array<{ name: string; paid: boolean; uv: number | null; pv: number | null; gmv: number | null; orders: number | null; uvShare: number | null; gmvShare: number | null; conversionRate: number | null }> | null;
  channelGroups: Record<'natural' | 'paid', { uv: number | null; pv: number | null; gmv: number | null; uvShare: number | null; gmvShare: number | null }> | null;
  products: Array<{
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
    stock: number | null;
    flags: string[];
  }> | null;
  trend: Array<{ time: string | null; online: number | null; entries: number | null; leaves: number | null; gmv: number | null; buyers: number | null; comments: number | null }> | null;
  videos: Array<{ name: string | null; published: string | null; exposures: number | null; referrals: number | null; clickRate: number | null }> | null;
  comparison: {
    baselineStreams: number;
    previousStart: string | null;
    metrics: Array<{ metric: string; label: string; current: number | null; previous: number | null; previousChange: number | null; median: number | null; medianChange: number | null }>;
    uvDrop: number | null;
  } | null;
  alerts: Alert[];
  hotspots: Array<HotspotInput & { labelText: string; sourceLabel: string }> | null;
  questions: Array<{ source: string; messages: number; questions: number }>;
  actions: Action[];
  /** Customer service: first response, unpaid orders to follow up, negative comments (舆情). */
  customerService: {
    response: RetroInput['response'];
    unpaid: (import('./input.js').UnpaidOrders & { byProduct: Array<import('./input.js').UnpaidOrders['byProduct'][number] & { stock: number | null; stockLow: boolean }> }) | null;
    negative: RetroInput['negative'];
  };
  missing: string[];
  inputs: RetroInput['inputs'];
  /** Files left out of this retro, and why; rows left out of the others for their date. */
  leftOut: NonNullable<RetroInput['leftOut']>;
  ignored: NonNullable<RetroInput['ignored']>;
  rowsOutside: NonNullable<RetroInput['rowsOutside']>;
  readWarnings: string[];
  thresholds: Record<string, number>;
  outputs: string[];
}

const PAID_CHANNELS = new Set(['千川PC版', '千川pc版', '品牌投放', '小店随心推', '其他投放', '千川品牌投放', '随心推', '巨量千川', '付费流量', '流量券']);


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
function firstOf(...candidates: Array<[number | null, string | null]>): { value: number | null; source: string | null } {
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

/** What every stage shares: the language, the configured thresholds, and the one list alerts go into. */
interface Stage {
  lang: Lang;
  T: (typeof RETRO_TEXT)[Lang];
  sep: string;
  th: (id: string) => number;
  ruleHit: (id: string, value: number | null | undefined) => RuleHit | null;
  ruleText: (rule: string) => string;
  /** Make an alert from a hit (severity, owner and threshold come with it; never edited after). */
  alert: (h: RuleHit, subject: string, message: string, productId?: string | null) => void;
  alerts: Alert[];
}

function stageOf(input: RetroInput, opts: RetroOptions): Stage {
  const { lang } = opts;
  const alerts: Alert[] = [];
  const streamIds = { streamId: input.stream.streamId, account: input.stream.account ?? input.account };
  return {
    lang,
    T: RETRO_TEXT[lang],
    sep: lang === 'zh' ? '：' : ': ',
    th: (id) => thresholdOf(id, opts.thresholds),
    ruleHit: (id, value) => evaluate(id, value, opts.thresholds),
    ruleText: (rule) => ruleText(rule, lang),
    alerts,
    alert: (h, subject, message, productId = null) => {
      alerts.push({
        rule: h.rule,
        severity: h.severity,
        severityLabel: SEVERITY_LABELS[h.severity][lang],
        subject,
        productId,
        ...streamIds,
        value: h.value,
        threshold: h.threshold,
        owner: h.owner,
        ownerLabel: ROLE_LABELS[h.owner][lang],
        variant: h.variant,
        message,
      });
    },
  };
}

/** The stream's figures, each from the first source that has it, with where it came from. */
function figures(input: RetroInput, T: Stage['T']): { summary: RetroSummary; sources: Record<string, string | null>; missing: Array<keyof RetroSummary> } {
  const stream = input.stream;
  const f = (key: StreamKey) => stated(stream, key);
  const total = input.channelTotal;
  const totalSrc = (h: string) => (input.channelTable ? `${input.channelTable} · 整体 · ${h}` : null);
  const productSum = (field: 'gmv' | 'itemsSold' | 'refundAmount') => (input.products ? M.sum(input.products.map((p) => p[field])) : null);
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
    orders: firstOf([f('orders').value, f('orders').source], [total?.orders ?? null, totalSrc('orders')], [orders ? orders.paidOrders : null, orders ? 'orders · paid orders' : null]),
    buyers: firstOf([f('buyers').value, f('buyers').source], [orders?.buyers ?? null, orders ? 'orders · distinct buyers' : null]),
    itemsSold: firstOf([f('itemsSold').value, f('itemsSold').source], [productSum('itemsSold'), productSrc('itemsSold')], [orders ? orders.itemsSold : null, orders ? 'orders · Σ quantity' : null]),
    uv: firstOf([f('uv').value, f('uv').source], [total?.uv ?? null, totalSrc('uv')]),
    pv: firstOf([f('pv').value, f('pv').source], [total?.pv ?? null, totalSrc('pv')]),
    avgDwellSeconds: firstOf([f('avgDwellSeconds').value, f('avgDwellSeconds').source], [total?.avgDwellSeconds ?? null, totalSrc('avgDwell')]),
    productExposed: f('productExposed'),
    productClickers: f('productClickers'),
    refundAmount: firstOf(
      [f('refundAmount').value, f('refundAmount').source],
      // The product rows' refunds (SKU child rows are not summed), as items sold are.
      [productSum('refundAmount'), productSrc('refundAmount')],
      [orders ? orders.refundAmount : null, orders ? 'orders · Σ refunded' : null],
    ),
    paidSpend: firstOf([total?.paidSpend ?? null, totalSrc('paidSpend')], [f('paidSpend').value, f('paidSpend').source], [
      input.channels ? M.sum(input.channels.map((c) => c.paidSpend)) : null,
      input.channelTable ? `${input.channelTable} · Σ paidSpend` : null,
    ]),
    newFollowers: f('newFollowers'),
    peakOnline: firstOf([f('peakOnline').value, f('peakOnline').source], [
      input.trend ? maxOf(input.trend.map((r) => r.online)) : null,
      input.trend ? 'minute trend · max online' : null,
    ]),
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
  const sources: Record<string, string | null> = {};
  for (const key of Object.keys(summary) as Array<keyof RetroSummary>) {
    if (key === 'gmvField') continue;
    sources[key] = summary[key] === null ? null : (picks[key]?.source ?? `${T.computed}: ${COMPUTED_FROM[key] ?? key}`);
  }
  const missing = (Object.keys(summary) as Array<keyof RetroSummary>).filter((k) => k !== 'gmvField' && summary[k] === null);
  return { summary, sources, missing };
}

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
function statedChecks(stream: SourcedStream, summary: RetroSummary, lang: Lang): RetroReport['checks'] {
  const checks: RetroReport['checks'] = [];
  const check = (metric: keyof RetroSummary, field: StreamKey, tolerance: number) => {
    const given = stated(stream, field);
    const computed = summary[metric];
    if (given.value === null || typeof computed !== 'number') return;
    const difference = computed - given.value;
    checks.push({
      metric,
      label: metricLabel(metric, lang),
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
function channelsOf(input: RetroInput): { channels: RetroReport['channels']; channelGroups: RetroReport['channelGroups'] } {
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
    return { uv, pv: M.sum(rows.map((r) => r.pv)), gmv, uvShare: M.ratio(uv, totalUv), gmvShare: M.ratio(gmv, totalGmv) };
  };
  return { channels, channelGroups: { natural: group(false), paid: group(true) } };
}

type StockOf = (id: string | null, name: string | null) => RetroInput['stock'][number] | null;

/** The products ranked by GMV, each with its rates; the per-product rules fire here. */
function products(input: RetroInput, stockOf: StockOf, c: Stage): RetroReport['products'] {
  if (!input.products) return null;
  const list = input.products
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
        /** Counts derived from a rate the export states ({ exposed: 'derived' }); counted otherwise. */
        sources,
        stock,
        flags: [] as string[],
      };
    })
    .sort((a, b) => (b.gmv ?? -Infinity) - (a.gmv ?? -Infinity));
  const { T, lang, sep, th } = c;
  list.forEach((p, i) => {
    p.rank = i + 1;
    const label = p.name ?? p.id ?? `#${i + 1}`;
    // playbook: click rate < 10 % → extend the explanation; conversion < 5 % → adjust the closing talk.
    const click = c.ruleHit('product-click-low', p.clickRate);
    if (click) {
      p.flags.push('product-click-low');
      c.alert(click, T.product(label), `${T.product(label)} ${metricLabel('productClickRate', lang)} ${fmtRate(p.clickRate)} < ${fmtRate(th('product-click-low'))}${sep}${c.ruleText('product-click-low')}`, p.id);
    }
    const conversion = c.ruleHit('product-conversion-low', p.conversionRate);
    if (conversion) {
      p.flags.push('product-conversion-low');
      c.alert(conversion, T.product(label), `${T.product(label)} ${metricLabel('clickToOrderRate', lang)} ${fmtRate(p.conversionRate)} < ${fmtRate(th('product-conversion-low'))}${sep}${c.ruleText('product-conversion-low')}`, p.id);
    }
  });
  return list;
}

/** Every rule on the stream's own figures (domain/rules.ts `metric`): UV value low, critical… */
function streamRuleAlerts(summary: RetroSummary, c: Stage): void {
  for (const rule of streamRules('retro')) {
    const value = (summary as unknown as Record<string, number | null>)[rule.metric];
    const h = c.ruleHit(rule.id, value);
    if (!h) continue;
    const shown = (v: number) => fmtUnit(v, rule.unit, h.threshold, c.lang);
    c.alert(h, c.T.stream, `${metricLabel(rule.metric, c.lang)} ${shown(h.value)} ${COMPARISON_SIGN[rule.comparison]} ${shown(h.threshold)}${c.sep}${c.ruleText(rule.id)}`);
  }
}

/** Stock where known: the stream's products when the exports list them, the selection table otherwise. */
function stockAlerts(input: RetroInput, list: RetroReport['products'], stockOf: StockOf, c: Stage): void {
  const { T, lang, sep, th } = c;
  const seen = new Set<string>();
  const items = list ? list.map((p) => ({ id: p.id, name: p.name, stock: p.stock, giveaway: stockOf(p.id, p.name)?.giveaway ?? false })) : input.stock;
  for (const s of items) {
    const key = s.id ?? s.name ?? '';
    if (s.stock === null || seen.has(key)) continue;
    seen.add(key);
    const label = s.name ?? s.id ?? '—';
    const low = c.ruleHit('stock-low', s.stock);
    if (s.giveaway && s.stock <= 0) {
      // playbook: a sold-out giveaway (福利款) is delisted, by floor control.
      c.alert(hit('stock-low', s.stock, th('stock-low'), 'delist'), T.product(label), `${T.product(label)}${sep}${RULE_ACTIONS['stock-delist']![lang](label, th)}`, s.id);
    } else if (low) {
      c.alert(low, T.product(label), `${T.product(label)} ${lang === 'zh' ? '库存' : 'stock'} ${fmtCount(s.stock)} < ${fmtCount(th('stock-low'))}${sep}${c.ruleText('stock-low')}`, s.id);
    }
  }
}

/** This stream against the earlier streams of its account; the UV-drop rule fires here. */
function comparison(input: RetroInput, summary: RetroSummary, baselineCount: number, c: Stage): RetroReport['comparison'] {
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
      label: metricLabel(metric, c.lang),
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
  if (dropped) {
    c.alert(dropped, c.T.stream, `${metricLabel('uv', c.lang)} ${fmtCount(summary.uv)} vs ${c.lang === 'zh' ? '近期中位数' : 'recent median'} ${fmtCount(uvMedian)}（${fmtChange(drop)}）${c.sep}${c.ruleText('uv-drop')}`);
  }
  return { baselineStreams: lastN.length, previousStart: earlier[0]!.start, metrics, uvDrop };
}

/** First responses and negative messages: cs-response and negative-spike fire here. */
function customerServiceAlerts(input: RetroInput, tolerance: number, c: Stage): void {
  const { lang } = c;
  const resp = input.response;
  if (resp && resp.overLineShare !== null && resp.overLineShare > tolerance) {
    // playbook: first response within 15 s; the alert fires when too many are later than that.
    // The share of late responses is measured against the tolerance, not against the 15 s line itself.
    c.alert(hit('cs-response', resp.overLineShare, tolerance), lang === 'zh' ? '客服' : 'customer service', lang === 'zh'
      ? `首次响应超过 ${resp.line} 秒的咨询占 ${fmtRate(resp.overLineShare, 1)}（${resp.overLine}/${resp.answered}），超过容忍度 ${fmtRate(tolerance, 0)}；中位数 ${resp.medianSeconds} 秒，P90 ${resp.p90Seconds?.toFixed(1)} 秒`
      : `${fmtRate(resp.overLineShare, 1)} of first responses (${resp.overLine}/${resp.answered}) took over ${resp.line} s, above the ${fmtRate(tolerance, 0)} tolerance; median ${resp.medianSeconds} s, p90 ${resp.p90Seconds?.toFixed(1)} s`);
  }
  const neg = input.negative;
  const spike = neg && neg.negative > 0 ? c.ruleHit('negative-spike', neg.share) : null;
  if (neg && spike) {
    c.alert(spike, lang === 'zh' ? '舆情' : 'sentiment', lang === 'zh'
      ? `负面评论/咨询占 ${fmtRate(neg.share, 1)}（${neg.negative}/${neg.messages}）：${neg.topics.map((t) => `${t.label} ${t.count}`).join('、')}。建议评估是否暂停直播并发布说明（由负责人决定）`
      : `${fmtRate(neg.share, 1)} of comments and consultations are negative (${neg.negative}/${neg.messages}): ${neg.topics.map((t) => `${t.label} ${t.count}`).join(', ')}. Consider pausing the stream and issuing a statement (people decide)`);
  }
}

/** Unpaid orders to follow up, by product with its stock, buyers masked unless told otherwise. */
function unpaidFollowUp(input: RetroInput, list: RetroReport['products'], stockOf: StockOf, stockLine: number) {
  if (!input.orders) return null;
  const stockByProduct = (id: string | null, name: string | null) =>
    (list ?? []).find((p) => (id && p.id === id) || (name && p.name === name))?.stock ?? stockOf(id, name)?.stock ?? null;
  return {
    ...input.orders.unpaid,
    byProduct: input.orders.unpaid.byProduct.map((p) => {
      const stock = stockByProduct(p.productId, p.productName);
      return { ...p, stock, stockLow: stock !== null && stock < stockLine };
    }),
    lines: input.orders.unpaid.lines.map((l) => (input.mask ? { ...l, buyer: maskBuyer(l.buyer), phone: maskBuyer(l.phone) } : l)),
  };
}

function hotspotsOf(input: RetroInput, lang: Lang): RetroReport['hotspots'] {
  if (!input.hotspots.length) return null;
  return input.hotspots
    .flatMap((s) => s.hotspots)
    .map((h) => ({ ...h, labelText: h.label ? h.label[lang] : h.topic, sourceLabel: SOURCE_LABELS[h.source][lang] }));
}

/**
 * The improvement list (改进清单): the alerts in the table's order, then talk-optimisation points
 * from the hotspots, the export's disagreements with its counts, and the key figures it lacked.
 */
function improvementList(input: RetroInput, hotspots: RetroReport['hotspots'], checks: RetroReport['checks'], missing: Array<keyof RetroSummary>, c: Stage): Action[] {
  const { T, lang, sep, th } = c;
  const actions: Action[] = [];
  const addAction = (what: string, evidence: string, owner: Role, action: string, rule: string | null) => {
    actions.push({ no: actions.length + 1, what, evidence, owner, ownerLabel: ROLE_LABELS[owner][lang], action, rule });
  };
  for (const a of [...c.alerts].sort((x, y) => ruleOrder(x.rule) - ruleOrder(y.rule))) {
    const def = RULE_ACTIONS[a.rule];
    const subjectName = /「(.+)」|"(.+)"/.exec(a.subject);
    const name = subjectName?.[1] ?? subjectName?.[2] ?? a.subject;
    const text = a.variant === 'delist' ? RULE_ACTIONS['stock-delist']![lang](name, th) : def ? def[lang](name, th) : c.ruleText(a.rule);
    addAction(`${a.subject}${sep}${c.ruleText(a.rule)}`, a.message, a.owner, text, a.rule);
  }
  // One talk-optimisation point per topic: comments and consultations may both raise it.
  const topicSeen = new Set<string>();
  for (const h of [...(hotspots ?? [])].sort((a, b) => b.share - a.share)) {
    if (h.fromDictionary && topicSeen.has(h.topic)) continue;
    topicSeen.add(h.topic);
    const src = input.hotspots.find((s) => s.source === h.source)!;
    const evidence = T.hotspotEvidence(h.labelText, h.count, src.questions, fmtRate(h.share, 0), h.source);
    // Talk-optimisation points: dictionary topics that a tenth or more of the questions ask about.
    // Other frequent words stay in the hotspot list; judging them is the selector's weekly work.
    if (h.fromDictionary && h.action && h.share >= 0.1) {
      addAction(h.labelText, evidence, (h.action.owner as Role) ?? 'anchor', h.action[lang], null);
    }
  }
  for (const k of checks.filter((x) => !x.agrees)) {
    const show = (x: number) => (k.metric === 'gpm' ? fmtMoney(x) : fmtRate(x));
    addAction(k.label, T.checkEvidence(k.source), 'data', T.checkAction(k.label, show(k.stated), show(k.computed)), null);
  }
  const keyMissing = missing.filter((k) => ['gmv', 'uv', 'pv', 'buyers', 'productClickers'].includes(k));
  if (keyMissing.length) {
    const labels = keyMissing.map((k) => metricLabel(k, lang)).join(lang === 'zh' ? '、' : ', ');
    addAction(labels, '', 'ops', T.missingAction(labels), null);
  }
  return actions;
}

export function buildRetroReport(input: RetroInput, opts: RetroOptions): RetroReport {
  const { lang } = opts;
  const c = stageOf(input, opts);
  const { stream } = input;
  const tolerance = (opts.cs ?? { responseTolerance: 0.1 }).responseTolerance;
  const stockOf: StockOf = (id, name) => input.stock.find((s) => (id !== null && s.id === id) || (name !== null && s.name === name)) ?? null;

  const { summary, sources, missing } = figures(input, c.T);
  const checks = statedChecks(stream, summary, lang);
  const { channels, channelGroups } = channelsOf(input);
  // The alerts come in this order: products, the stream's figures, stock, the baseline, customer service.
  const productList = products(input, stockOf, c);
  streamRuleAlerts(summary, c);
  stockAlerts(input, productList, stockOf, c);
  const compared = comparison(input, summary, opts.baselineCount, c);
  customerServiceAlerts(input, tolerance, c);
  const hotspots = hotspotsOf(input, lang);
  const actions = improvementList(input, hotspots, checks, missing, c);

  return {
    stream: {
      account: stream.account ?? input.account,
      platform: input.platform,
      platformLabel: PLATFORM_LABELS[input.platform as PlatformId]?.[lang] ?? input.platform,
      title: stream.title,
      id: stream.streamId,
      start: stream.start,
      end: stream.end,
      durationSeconds: stream.durationSeconds,
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
    customerService: { response: input.response, unpaid: unpaidFollowUp(input, productList, stockOf, c.th('stock-low')), negative: input.negative },
    missing,
    inputs: input.inputs,
    leftOut: input.leftOut ?? [],
    ignored: input.ignored ?? [],
    rowsOutside: input.rowsOutside ?? [],
    readWarnings: input.readWarnings ?? [],
    thresholds: {
      ...Object.fromEntries(['uv-value-low', 'uv-value-critical', 'product-click-low', 'product-conversion-low', 'uv-drop', 'stock-low', 'cs-response'].map((id) => [id, c.th(id)])),
      'cs-response-tolerance': tolerance,
      'negative-spike': c.th('negative-spike'),
    },
    outputs: [],
  };
}

function maxOf(values: Array<number | null>): number | null {
  let m: number | null = null;
  for (const v of values) if (v !== null && (m === null || v > m)) m = v;
  return m;
}

