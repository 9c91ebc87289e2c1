/**
 * The weekly report (周度复盘报告): the week's streams, totals against the previous week and the
 * targets, traffic-source attribution, products to eliminate, consultation hotspots and UV
 * anomalies. Pure: data in, report out. Rates come from summed counts, never averaged rates.
 */
import { fmtChange, fmtCount, fmtMoney, fmtRate, fmtUnit } from '../../format.js';
import * as M from '../metrics.js';
import { isPaidChannel } from '../retro/report.js';
import type { Channel, Stream } from '../../model/entities.js';
import type { HotspotInput, HotspotSource } from '../retro/input.js';
import type { NegativeResult } from '../cs/negative.js';
import type { ResponseStats } from '../cs/response.js';
import { aggregateProducts, type ProductRow } from '../products.js';
import { evaluate, hit, ruleById, streamRules, thresholdOf, type Role, type RuleHit, type Severity } from '../rules.js';
import { ROLE_LABELS } from '../../i18n/labels.js';
import { ruleText } from '../../i18n/rules.js';
import { daysIn, inRange, type WeekRange } from '../week.js';
import type { NotUsed } from '../../model/not-used.js';

export type Lang = 'zh' | 'en';
export type { ProductRow };

/** A stream of the week (or before it), from a stream list or a one-stream workbook. */
export type WeeklyStream = Pick<Stream, 'account' | 'start' | 'uv' | 'pv' | 'gmv' | 'buyers' | 'orders' | 'avgDwellSeconds' | 'paidSpend'> &
  Partial<Pick<Stream, 'streamId' | 'title'>> & {
    /** Where it was read from ("直播明细…xlsx:5"). */
    source: string;
  };

/** A channel's row of a channel export (total rows excluded). */
export type ChannelRow = Pick<Channel, 'uv' | 'pv' | 'gmv' | 'orders' | 'buyers'> & { channel: string };

export interface WeeklyInput {
  week: WeekRange;
  previous: WeekRange;
  /** Every stream known (any date): the week's are picked here; earlier ones make baselines. */
  streams: WeeklyStream[];
  /** Channel rows of the week's channel exports (total rows excluded). */
  channels: ChannelRow[];
  /** Product tables of the week: one list per export (a product in N tables was in N streams). */
  productTables: ProductRow[][];
  hotspots: HotspotSource[];
  response: ResponseStats | null;
  negative: NegativeResult | null;
  responseTolerance: number;
  skipped: Array<{ file: string; reason: string }>;
  /** Inputs that gave nothing, and why. */
  ignored: NotUsed[];
  /** Headers of the files used that no field matched (no figure came from them). */
  unusedColumns?: Array<{ file: string; sheet: string | null; headers: string[] }>;
  /** Files left out as dated outside the week, and rows left out of the others for their date. */
  outside?: Array<{ file: string; reason: string }>;
  rowsOutside?: Array<{ file: string; rows: number }>;
  /** Values read as written but unlikely meant so (a rate above 100 %), one line each. */
  readWarnings?: string[];
  targets: { weeklyGmv: number | null; monthlyGmv: Record<string, number> };
  minStreams: number;
  minExposures: number;
}

export interface WeeklyOptions {
  thresholds: Record<string, number>;
  lang: Lang;
  baselineCount: number;
}

interface Totals {
  streams: number;
  gmv: number | null;
  uv: number | null;
  pv: number | null;
  buyers: number | null;
  orders: number | null;
  paidSpend: number | null;
  uvValue: number | null;
  gpm: number | null;
  viewToOrderRate: number | null;
  avgGmvPerStream: number | null;
  avgUvPerStream: number | null;
}

function totalsOf(streams: WeeklyStream[]): Totals {
  const gmv = M.sum(streams.map((s) => s.gmv));
  const uv = M.sum(streams.map((s) => s.uv));
  const pv = M.sum(streams.map((s) => s.pv));
  const buyers = M.sum(streams.map((s) => s.buyers));
  return {
    streams: streams.length,
    gmv,
    uv,
    pv,
    buyers,
    orders: M.sum(streams.map((s) => s.orders)),
    paidSpend: M.sum(streams.map((s) => s.paidSpend)),
    uvValue: M.uvValue(gmv, uv),
    gpm: M.gpm(gmv, pv),
    // Σbuyers ÷ Σviewers over streams that report both.
    viewToOrderRate: M.viewToOrderRate(
      M.sum(streams.filter((s) => s.uv !== null).map((s) => s.buyers)),
      M.sum(streams.filter((s) => s.buyers !== null).map((s) => s.uv)),
    ),
    avgGmvPerStream: M.ratio(gmv, streams.length),
    avgUvPerStream: M.ratio(uv, streams.length),
  };
}

const TEXT = {
  zh: {
    shiftBudget: (better: string, pct: string, worse: string | null) =>
      `${better}观众的转化率比平均高 ${pct}${worse ? `，且优于${worse}` : ''}：把预算向${better}倾斜`,
    review: (name: string, pct: string) => `${name}的转化率比平均低 ${pct}：复核该渠道的人群与承接话术`,
    eliminate: (name: string) => `淘汰或替换「${name}」`,
    uvDrop: (account: string, day: string) => `${account} ${day} 场观较基线骤降`,
    dropAction: '排查流量异常：按渠道对比观看人数，检查限流、投放中断或开播时间变化',
    hotspot: (label: string, share: string) => `${label}（${share} 的咨询）`,
  },
  en: {
    shiftBudget: (better: string, pct: string, worse: string | null) =>
      `${better} viewers convert ${pct} better than average${worse ? `, and better than ${worse}` : ''}: shift budget towards ${better}`,
    review: (name: string, pct: string) => `${name} converts ${pct} worse than average: review its audience and the talk that receives it`,
    eliminate: (name: string) => `Eliminate or replace "${name}"`,
    uvDrop: (account: string, day: string) => `${account} ${day}: viewers fell against the baseline`,
    dropAction: 'Investigate the traffic drop: compare viewers by channel, check for throttling, paused spend or a changed slot',
    hotspot: (label: string, share: string) => `${label} (${share} of consultations)`,
  },
};

const HOURS_2 = 2 * 3600 * 1000;

/** A stream row's figure by name (a rule's `metric`), null when it has none. */
function figureOf(row: object, metric: string): number | null {
  const v = (row as Record<string, unknown>)[metric];
  return typeof v === 'number' ? v : null;
}
const LIVE_PLAZA = '直播推荐';
const SHORT_VIDEO = '短视频引流';

/** Target achievement (周目标达成率): the weekly target, or the monthly ones prorated by day. */
function weeklyTarget(input: WeeklyInput, gmv: number | null) {
  let target: number | null = input.targets.weeklyGmv;
  if (target === null && Object.keys(input.targets.monthlyGmv).length) {
    const days = daysIn(input.week);
    let t = 0;
    let known = true;
    for (const d of days) {
      const month = d.slice(0, 7);
      const monthly = input.targets.monthlyGmv[month];
      if (monthly === undefined) known = false;
      else t += monthly / new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0).getDate();
    }
    target = known ? t : null;
  }
  return { target, gmv, achievement: M.ratio(gmv, target) };
}

/** Attribution: which traffic sources convert better than the week's average, and where to shift budget. */
function attributionOf(rows: ChannelRow[], T: (typeof TEXT)[Lang]) {
  const channelMap = new Map<string, ChannelRow>();
  for (const c of rows) {
    const cur = channelMap.get(c.channel) ?? { channel: c.channel, uv: null, pv: null, gmv: null, orders: null, buyers: null };
    for (const k of ['uv', 'pv', 'gmv', 'orders', 'buyers'] as const) cur[k] = M.sum([cur[k], c[k]]);
    channelMap.set(c.channel, cur);
  }
  const allCh = [...channelMap.values()];
  const useOrders = allCh.some((c) => c.orders !== null && c.pv !== null);
  // Conversion per source: orders per view where the export has them (Compass's (次数) basis), else buyers per viewer.
  const conv = (c: { orders: number | null; pv: number | null; buyers: number | null; uv: number | null }) =>
    useOrders ? M.ratio(c.orders, c.pv) : M.ratio(c.buyers, c.uv);
  const avgConversion = conv({
    orders: M.sum(allCh.map((c) => c.orders)),
    pv: M.sum(allCh.filter((c) => c.orders !== null).map((c) => c.pv)),
    buyers: M.sum(allCh.map((c) => c.buyers)),
    uv: M.sum(allCh.filter((c) => c.buyers !== null).map((c) => c.uv)),
  });
  const totalUv = M.sum(allCh.map((c) => c.uv));
  const totalGmv = M.sum(allCh.map((c) => c.gmv));
  const channels = allCh
    .map((c) => {
      const conversionRate = conv(c);
      return {
        name: c.channel,
        paid: isPaidChannel(c.channel),
        uv: c.uv,
        pv: c.pv,
        gmv: c.gmv,
        orders: c.orders,
        uvShare: M.ratio(c.uv, totalUv),
        gmvShare: M.ratio(c.gmv, totalGmv),
        conversionRate,
        vsAverage: M.change(conversionRate, avgConversion),
      };
    })
    .sort((a, b) => (b.uv ?? 0) - (a.uv ?? 0));
  const suggestions: Array<{ channel: string; vsAverage: number; suggestion: string }> = [];
  const plaza = channels.find((c) => c.name === LIVE_PLAZA);
  for (const c of [...channels].sort((a, b) => (b.vsAverage ?? -Infinity) - (a.vsAverage ?? -Infinity))) {
    if (c.vsAverage === null) continue;
    // playbook: e.g. short-video viewers convert 15 % better than the live plaza → shift budget.
    if (c.vsAverage >= 0.1) {
      const worse = c.name === SHORT_VIDEO && plaza && plaza.conversionRate !== null && c.conversionRate! > plaza.conversionRate ? LIVE_PLAZA : null;
      suggestions.push({ channel: c.name, vsAverage: c.vsAverage, suggestion: T.shiftBudget(c.name, fmtRate(c.vsAverage, 1), worse) });
    } else if (c.vsAverage <= -0.1) {
      suggestions.push({ channel: c.name, vsAverage: c.vsAverage, suggestion: T.review(c.name, fmtRate(-c.vsAverage, 1)) });
    }
  }
  return {
    basis: useOrders ? 'orders ÷ PV' : 'buyers ÷ UV',
    averageConversion: avgConversion,
    channels,
    shortVideoVsLivePlaza: (() => {
      const sv = channels.find((c) => c.name === SHORT_VIDEO);
      return sv && plaza ? M.change(sv.conversionRate, plaza.conversionRate) : null;
    })(),
    suggestions,
  };
}

/** An alert of the weekly report: the hit (codes and numbers) with its subject and words. */
interface WeeklyAlert {
  rule: string;
  subject: string;
  /** The stream an alert is about, by its ids (null for customer service and sentiment). */
  streamId: string | null;
  account: string | null;
  start: string | null;
  value: number;
  threshold: number;
  severity: Severity;
  owner: Role;
  ownerLabel: string;
  message: string;
  }

/** The week's alerts: each stream's rules, then customer service and sentiment over the week. */
function weeklyAlerts(input: WeeklyInput, streams: Array<{ no: number; account: string | null; title: string | null; streamId: string | null; start: string | null; uv: number | null; alerts: string[] }>, anomalies: Array<{ uvDrop: number | null; median: number | null }>, thresholds: Readonly<Record<string, number>>, lang: Lang): WeeklyAlert[] {
  const th = (id: string) => thresholdOf(id, thresholds);
  const alerts: WeeklyAlert[] = [];
  // Severity, owner and threshold come with the hit (domain/rules.ts), as in the retro.
  const none = { streamId: null, account: null, start: null };
  const alertOf = (h: RuleHit, subject: string, ids: { streamId: string | null; account: string | null; start: string | null }, message: string) => ({
    rule: h.rule, subject, ...ids, value: h.value, threshold: h.threshold, severity: h.severity, owner: h.owner, ownerLabel: ROLE_LABELS[h.owner][lang], message,
  });
  for (const s of streams) {
    // A stream is named by its account, else by its title or platform id (Taobao 场次信息 / 场次id).
    const who = s.account ?? s.title ?? (s.streamId ? `#${s.streamId}` : '—');
    const label = `${who} ${s.start?.slice(0, 16).replace('T', ' ') ?? ''}`;
    const ids = { streamId: s.streamId, account: s.account, start: s.start };
    for (const rule of s.alerts) {
      const a = anomalies[s.no - 1]!;
      const def = ruleById(rule)!;
      const value = rule === 'uv-drop' ? a.uvDrop! : figureOf(s, def.metric!)!;
      const shown = rule === 'uv-drop' ? `${fmtCount(s.uv)} vs ${fmtCount(a.median)} (${fmtChange(-value)})` : fmtUnit(value, def.unit, th(rule), lang);
      alerts.push(alertOf(hit(rule, value, th(rule)), label, ids, `${label}: ${shown} — ${ruleText(rule, lang)}`));
    }
  }
  // — customer service over the week: first response (cs-response) and negative messages —
  const resp = input.response;
  if (resp && resp.overLineShare !== null && resp.overLineShare > input.responseTolerance) {
    const message = lang === 'zh'
      ? `本周首次响应超过 ${resp.line} 秒的咨询占 ${fmtRate(resp.overLineShare, 1)}（${resp.overLine}/${resp.answered}），中位数 ${resp.medianSeconds} 秒`
      : `${fmtRate(resp.overLineShare, 1)} of this week's first responses (${resp.overLine}/${resp.answered}) took over ${resp.line} s; median ${resp.medianSeconds} s`;
    alerts.push(alertOf(hit('cs-response', resp.overLineShare, input.responseTolerance), lang === 'zh' ? '客服' : 'customer service', none, message));
  }
  const neg = input.negative;
  const spike = neg && neg.negative > 0 ? evaluate('negative-spike', neg.share, thresholds) : null;
  if (neg && spike) {
    const message = lang === 'zh'
      ? `本周负面评论/咨询占 ${fmtRate(neg.share, 1)}（${neg.negative}/${neg.messages}）：${neg.topics.map((t) => `${t.label} ${t.count}`).join('、')}`
      : `${fmtRate(neg.share, 1)} of this week's comments and consultations are negative (${neg.negative}/${neg.messages})`;
    alerts.push(alertOf(spike, lang === 'zh' ? '舆情' : 'sentiment', none, message));
  }
  return alerts;
}

/** The improvement list: traffic drops, budget shifts, eliminations and talk points, each with who acts. */
function weeklyActions(alerts: WeeklyAlert[], suggestions: Array<{ channel: string; vsAverage: number; suggestion: string }>, eliminate: ReturnType<typeof aggregateProducts>, hotspots: Array<HotspotInput & { labelText: string }> | null, lang: Lang) {
  const T = TEXT[lang];
  const actions: Array<{ no: number; owner: Role; ownerLabel: string; action: string; evidence: string; rule: string | null }> = [];
  const add = (owner: Role, action: string, evidence: string, rule: string | null) =>
    actions.push({ no: actions.length + 1, owner, ownerLabel: ROLE_LABELS[owner][lang], action, evidence, rule });
  for (const a of alerts.filter((x) => x.rule === 'uv-drop')) add('data', T.dropAction, a.message, 'uv-drop');
  for (const s of suggestions) add('director', s.suggestion, `${s.channel}: ${fmtChange(s.vsAverage)}`, null);
  for (const p of eliminate) {
    add('selector', T.eliminate(p.name ?? p.id ?? '—'), `${metricText(lang, 'click')} ${fmtRate(p.clickRate)}, ${metricText(lang, 'conversion')} ${fmtRate(p.conversionRate)}, ${p.streams ?? '—'} ${lang === 'zh' ? '场' : 'streams'}`, p.rules.join(', '));
  }
  for (const h of (hotspots ?? []).filter((x) => x.fromDictionary && x.share >= 0.1 && x.action)) {
    add((h.action!.owner as Role) ?? 'anchor', h.action![lang], T.hotspot(h.labelText, fmtRate(h.share, 0)), null);
  }
  return actions;
}

export function buildWeeklyReport(input: WeeklyInput, opts: WeeklyOptions) {
  const { lang } = opts;
  const T = TEXT[lang];
  const th = (id: string) => thresholdOf(id, opts.thresholds);
  const byStart = (a: WeeklyStream, b: WeeklyStream) => (a.start ?? '').localeCompare(b.start ?? '');
  const weekStreams = input.streams.filter((s) => inRange(s.start, input.week)).sort(byStart);
  const prevStreams = input.streams.filter((s) => inRange(s.start, input.previous));

  // — anomalies: each stream of the week against the median of its account's earlier streams —
  const anomalies = weekStreams.map((s) => {
    const t = Date.parse(s.start ?? '');
    const earlier = input.streams
      .filter((b) => b.account === s.account && b.start !== null && Date.parse(b.start) < t - HOURS_2 && b.uv !== null)
      .sort((a, b) => Date.parse(b.start!) - Date.parse(a.start!))
      .slice(0, opts.baselineCount);
    const median = M.median(earlier.map((b) => b.uv as number));
    const drop = M.change(s.uv, median);
    const uvDrop = drop === null ? null : -drop;
    return { account: s.account, start: s.start, uv: s.uv, median, baselineStreams: earlier.length, uvDrop, fires: evaluate('uv-drop', uvDrop, opts.thresholds) !== null };
  });

  // — one row per stream, with the rules it fired —
  const streams = weekStreams.map((s, i) => {
    const uvValue = M.uvValue(s.gmv, s.uv);
    const alerts: string[] = [];
    const row = {
      no: i + 1,
      account: s.account,
      streamId: s.streamId ?? null,
      title: s.title ?? null,
      start: s.start,
      gmv: s.gmv,
      uv: s.uv,
      pv: s.pv,
      buyers: s.buyers,
      orders: s.orders,
      uvValue,
      gpm: M.gpm(s.gmv, s.pv),
      viewToOrderRate: M.viewToOrderRate(s.buyers, s.uv),
      avgDwellSeconds: s.avgDwellSeconds,
      paidSpend: s.paidSpend,
      alerts,
      source: s.source,
    };
    // Every rule on a stream's own figures (domain/rules.ts `metric`), then the drop against the baseline.
    for (const rule of streamRules('weekly')) {
      if (evaluate(rule.id, figureOf(row, rule.metric), opts.thresholds)) alerts.push(rule.id);
    }
    if (anomalies[i]!.fires) alerts.push('uv-drop');
    return row;
  });

  const totals = totalsOf(weekStreams);
  const previousTotals = prevStreams.length ? totalsOf(prevStreams) : null;
  const change = previousTotals
    ? Object.fromEntries((['gmv', 'uv', 'uvValue', 'viewToOrderRate', 'streams'] as const).map((k) => [k, M.change(totals[k], previousTotals[k])]))
    : null;
  const accounts = [...new Set(weekStreams.map((s) => s.account ?? '—'))].sort();
  const byAccount = accounts.map((account) => ({ account, ...totalsOf(weekStreams.filter((s) => (s.account ?? '—') === account)) }));

  const targetAchievement = weeklyTarget(input, totals.gmv);

  const attribution = attributionOf(input.channels, T);

  // — products: sum the counts over the week, then divide —
  const products = aggregateProducts(input.productTables, opts.thresholds, input);
  const eliminate = products.filter((p) => p.rules.length > 0 && p.enoughData);
  const insufficient = products.filter((p) => !p.enoughData);

  const alerts = weeklyAlerts(input, streams, anomalies, opts.thresholds, lang);

  const hotspots = input.hotspots.length ? input.hotspots.flatMap((h) => h.hotspots).map((h) => ({ ...h, labelText: h.label ? h.label[lang] : h.topic })) : null;
  const actions = weeklyActions(alerts, attribution.suggestions, eliminate, hotspots, lang);

  return {
    week: input.week,
    previousWeek: input.previous,
    streams,
    totals,
    previousTotals,
    change,
    byAccount,
    targetAchievement,
    attribution,
    products,
    eliminate,
    insufficient,
    hotspots,
    questions: input.hotspots.map((s) => ({ source: s.source, messages: s.messages, questions: s.questions })),
    anomalies,
    customerService: { response: input.response, negative: input.negative },
    alerts,
    actions,
    skipped: input.skipped,
    ignored: input.ignored,
    unusedColumns: input.unusedColumns ?? [],
    outside: input.outside ?? [],
    rowsOutside: input.rowsOutside ?? [],
    readWarnings: input.readWarnings ?? [],
    thresholds: Object.fromEntries(['weekly-click-eliminate', 'weekly-conversion-eliminate', 'uv-drop', 'uv-value-low', 'uv-value-critical', 'cs-response', 'negative-spike'].map((id) => [id, th(id)])),
    minimums: { streams: input.minStreams, exposures: input.minExposures },
    /** Set by the command when the period has not ended yet: "（未完结：数据截至 2026-12-01）", else empty. */
    periodNote: '',
    /** The period has not ended (today in Beijing is within it or before its end): figures are partial. */
    unfinished: null as { asOf: string } | null,
    outputs: [] as string[],
  };
}

export type WeeklyReport = ReturnType<typeof buildWeeklyReport>;

function metricText(lang: Lang, which: 'click' | 'conversion'): string {
  if (which === 'click') return lang === 'zh' ? '点击率' : 'click rate';
  return lang === 'zh' ? '转化率' : 'conversion';
}
