/**
 * The weekly report (周度复盘报告): the week's streams, totals against the previous week and the
 * targets, traffic-source attribution, products to eliminate, consultation hotspots and UV
 * anomalies. Pure: data in, report out, in codes and numbers; `localiseWeekly` words and rounds
 * them. Rates come from summed counts, never averaged rates.
 */
import * as M from '../metrics.js';
import { isPaidChannel } from '../retro/report.js';
import type { Channel, Stream } from '../../model/entities.js';
import type { HotspotInput, HotspotSource } from '../retro/input.js';
import type { NegativeResult } from '../cs/negative.js';
import type { ResponseStats } from '../cs/response.js';
import { aggregateProducts, type ProductRow, type ProductTally, type ProductWeek } from '../products.js';
import { evaluate, hit, ruleById, streamRules, thresholdOf, type Role, type RuleHit } from '../rules.js';
import { daysIn, inRange, type WeekRange } from '../week.js';
import type { NotUsed } from '../../model/not-used.js';
import { openItems, type ActionEvent } from '../history/actions.js';

export type { ProductRow };

/** A stream of the week (or before it), from a stream list or a one-stream workbook. */
export type WeeklyStream = Pick<
  Stream,
  'account' | 'start' | 'uv' | 'pv' | 'gmv' | 'buyers' | 'orders' | 'avgDwellSeconds' | 'paidSpend'
> &
  Partial<Pick<Stream, 'streamId' | 'title'>> & {
    /** Where it was read from ("直播明细…xlsx:5"). */
    source: string;
    /** The platform of the stream list it was read from (what the history records it under). */
    platform?: string;
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
  /** The week's product tables, summed as read (a product in N tables was in N streams). */
  products: ProductTally;
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
  /** The improvement items' events of the history (none without one): the items open at the week's end. */
  actionEvents?: ActionEvent[];
}

/** How the report is judged: the configured thresholds and how many earlier streams make a baseline. */
export interface WeeklySettings {
  thresholds: Record<string, number>;
  baselineCount: number;
}

export interface Totals {
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

export function totalsOf(streams: WeeklyStream[]): Totals {
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

const HOURS_2 = 2 * 3600 * 1000;

/** A stream row's figure by name (a rule's `metric`), null when it has none. */
function figureOf(row: object, metric: string): number | null {
  const v = (row as Record<string, unknown>)[metric];
  return typeof v === 'number' ? v : null;
}
const LIVE_PLAZA = '直播推荐';
const SHORT_VIDEO = '短视频引流';

/** Target achievement (周目标达成率): the weekly target, or the monthly ones prorated by day. */
export function weeklyTarget(input: Pick<WeeklyInput, 'week' | 'targets'>, gmv: number | null) {
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

/**
 * What attribution suggests for one traffic source: shift budget towards a source converting at
 * least 10 % better than the average (`worse`: the live plaza, when short video beats it), or
 * review one converting at least 10 % worse.
 */
export interface ChannelSuggestion {
  channel: string;
  vsAverage: number;
  kind: 'shift-budget' | 'review';
  worse: string | null;
}

/** Attribution: which traffic sources convert better than the week's average, and where to shift budget. */
export function attributionOf(rows: ChannelRow[]) {
  const channelMap = new Map<string, ChannelRow>();
  for (const c of rows) {
    const cur = channelMap.get(c.channel) ?? {
      channel: c.channel,
      uv: null,
      pv: null,
      gmv: null,
      orders: null,
      buyers: null,
    };
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
  const suggestions: ChannelSuggestion[] = [];
  const plaza = channels.find((c) => c.name === LIVE_PLAZA);
  for (const c of [...channels].sort((a, b) => (b.vsAverage ?? -Infinity) - (a.vsAverage ?? -Infinity))) {
    if (c.vsAverage === null) continue;
    // playbook: e.g. short-video viewers convert 15 % better than the live plaza → shift budget.
    if (c.vsAverage >= 0.1) {
      const worse =
        c.name === SHORT_VIDEO && plaza && plaza.conversionRate !== null && c.conversionRate! > plaza.conversionRate
          ? LIVE_PLAZA
          : null;
      suggestions.push({ channel: c.name, vsAverage: c.vsAverage, kind: 'shift-budget', worse });
    } else if (c.vsAverage <= -0.1) {
      suggestions.push({ channel: c.name, vsAverage: c.vsAverage, kind: 'review', worse: null });
    }
  }
  return {
    basis: useOrders ? ('orders-per-view' as const) : ('buyers-per-viewer' as const),
    averageConversion: avgConversion,
    channels,
    shortVideoVsLivePlaza: (() => {
      const sv = channels.find((c) => c.name === SHORT_VIDEO);
      return sv && plaza ? M.change(sv.conversionRate, plaza.conversionRate) : null;
    })(),
    suggestions,
  };
}

/** A stream of the week against the median of its account's earlier streams. */
export interface Anomaly {
  account: string | null;
  start: string | null;
  uv: number | null;
  median: number | null;
  baselineStreams: number;
  /** How far viewers fell below the median (0.6 = 60 % fewer); negative when they rose. */
  uvDrop: number | null;
  fires: boolean;
}

/** Anomalies: each stream of the week against the median UV of its account's last `baselineCount` earlier streams. */
export function anomaliesOf(weekStreams: WeeklyStream[], all: WeeklyStream[], settings: WeeklySettings): Anomaly[] {
  return weekStreams.map((s) => {
    const t = Date.parse(s.start ?? '');
    const earlier = all
      .filter((b) => b.account === s.account && b.start !== null && Date.parse(b.start) < t - HOURS_2 && b.uv !== null)
      .sort((a, b) => Date.parse(b.start!) - Date.parse(a.start!))
      .slice(0, settings.baselineCount);
    const median = M.median(earlier.map((b) => b.uv as number));
    const drop = M.change(s.uv, median);
    const uvDrop = drop === null ? null : -drop;
    return {
      account: s.account,
      start: s.start,
      uv: s.uv,
      median,
      baselineStreams: earlier.length,
      uvDrop,
      fires: evaluate('uv-drop', uvDrop, settings.thresholds) !== null,
    };
  });
}

/** One row per stream of the week, with the ids of the rules it fired. */
export function streamRowsOf(
  weekStreams: WeeklyStream[],
  anomalies: Array<Pick<Anomaly, 'fires'>>,
  thresholds: Readonly<Record<string, number>>,
) {
  return weekStreams.map((s, i) => {
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
      if (evaluate(rule.id, figureOf(row, rule.metric), thresholds)) alerts.push(rule.id);
    }
    if (anomalies[i]!.fires) alerts.push('uv-drop');
    return row;
  });
}

export type StreamRow = ReturnType<typeof streamRowsOf>[number];

/** The stream an alert is about, by its ids and names. */
export interface StreamSubject {
  kind: 'stream';
  streamId: string | null;
  account: string | null;
  title: string | null;
  start: string | null;
}

/** A rule a stream fired; a UV drop also carries the stream's viewers and its baseline median. */
export type StreamAlert = RuleHit & {
  subject: StreamSubject;
  baseline: { uv: number | null; median: number | null } | null;
};

/** The week's first responses over the line (cs-response): the hit's value is the share over it. */
export type ResponseAlert = RuleHit & {
  subject: { kind: 'cs' };
  response: Pick<ResponseStats, 'line' | 'overLine' | 'answered' | 'medianSeconds'>;
};

/** The week's negative comments and consultations (negative-spike): the hit's value is their share. */
export type SentimentAlert = RuleHit & {
  subject: { kind: 'sentiment' };
  negative: { negative: number; messages: number; topics: Array<{ topic: string; count: number }> };
};

/** An alert of the weekly report: the hit (codes and numbers) with its subject and the figures its message needs. */
export type WeeklyAlert = StreamAlert | ResponseAlert | SentimentAlert;

/** The week's alerts: each stream's rules, then customer service and sentiment over the week. */
export function weeklyAlerts(
  input: Pick<WeeklyInput, 'response' | 'negative' | 'responseTolerance'>,
  // Whole rows: a rule's figure is read off the row by its `metric`.
  streams: StreamRow[],
  anomalies: Array<Pick<Anomaly, 'uvDrop' | 'median'>>,
  thresholds: Readonly<Record<string, number>>,
): WeeklyAlert[] {
  const th = (id: string) => thresholdOf(id, thresholds);
  const alerts: WeeklyAlert[] = [];
  // Severity, owner and threshold come with the hit (domain/rules.ts), as in the retro.
  for (const s of streams) {
    const subject: StreamSubject = {
      kind: 'stream',
      streamId: s.streamId,
      account: s.account,
      title: s.title,
      start: s.start,
    };
    for (const rule of s.alerts) {
      const a = anomalies[s.no - 1]!;
      if (rule === 'uv-drop') {
        alerts.push({ ...hit(rule, a.uvDrop!, th(rule)), subject, baseline: { uv: s.uv, median: a.median } });
      } else {
        alerts.push({ ...hit(rule, figureOf(s, ruleById(rule)!.metric!)!, th(rule)), subject, baseline: null });
      }
    }
  }
  // — customer service over the week: first response (cs-response) and negative messages —
  const resp = input.response;
  if (resp && resp.overLineShare !== null && resp.overLineShare > input.responseTolerance) {
    const response = {
      line: resp.line,
      overLine: resp.overLine,
      answered: resp.answered,
      medianSeconds: resp.medianSeconds,
    };
    alerts.push({
      ...hit('cs-response', resp.overLineShare, input.responseTolerance),
      subject: { kind: 'cs' },
      response,
    });
  }
  const neg = input.negative;
  const spike = neg && neg.negative > 0 ? evaluate('negative-spike', neg.share, thresholds) : null;
  if (neg && spike) {
    const topics = neg.topics.map((t) => ({ topic: t.topic, count: t.count }));
    alerts.push({
      ...spike,
      subject: { kind: 'sentiment' },
      negative: { negative: neg.negative, messages: neg.messages, topics },
    });
  }
  return alerts;
}

/** A consultation hotspot from the dictionary that comes with a prepared talk point. */
export type HotspotWithAction = HotspotInput & { owner: Role };

/**
 * A line of the improvement list: who acts, what it answers (`rules`), and its subject: the UV
 * drop to investigate, the channel suggestion, the product to eliminate, the hotspot to talk about.
 */
export type WeeklyAction = { no: number; owner: Role; rules: string[] } & (
  | { code: 'investigate-drop'; alert: StreamAlert }
  | { code: 'channel'; suggestion: ChannelSuggestion }
  | { code: 'eliminate'; product: ProductWeek }
  | { code: 'hotspot'; hotspot: HotspotWithAction }
);

/** The improvement list: traffic drops, budget shifts, eliminations and talk points, each with who acts. */
export function weeklyActions(
  alerts: WeeklyAlert[],
  suggestions: ChannelSuggestion[],
  eliminate: ProductWeek[],
  hotspots: HotspotInput[] | null,
): WeeklyAction[] {
  const actions: WeeklyAction[] = [];
  const no = () => actions.length + 1;
  for (const a of alerts)
    if (a.rule === 'uv-drop' && 'baseline' in a)
      actions.push({ no: no(), code: 'investigate-drop', owner: 'data', rules: ['uv-drop'], alert: a });
  for (const s of suggestions) actions.push({ no: no(), code: 'channel', owner: 'director', rules: [], suggestion: s });
  for (const p of eliminate)
    actions.push({ no: no(), code: 'eliminate', owner: 'selector', rules: p.rules, product: p });
  // A hotspot asked about in at least a tenth of the questions gets its dictionary talk point.
  for (const h of (hotspots ?? []).filter(
    (x): x is HotspotWithAction => x.fromDictionary && x.share >= 0.1 && x.owner !== null,
  )) {
    actions.push({ no: no(), code: 'hotspot', owner: h.owner, rules: [], hotspot: h });
  }
  return actions;
}

export function buildWeeklyReport(input: WeeklyInput, settings: WeeklySettings) {
  const th = (id: string) => thresholdOf(id, settings.thresholds);
  const byStart = (a: WeeklyStream, b: WeeklyStream) => (a.start ?? '').localeCompare(b.start ?? '');
  const weekStreams = input.streams.filter((s) => inRange(s.start, input.week)).sort(byStart);
  const prevStreams = input.streams.filter((s) => inRange(s.start, input.previous));

  const anomalies = anomaliesOf(weekStreams, input.streams, settings);
  const streams = streamRowsOf(weekStreams, anomalies, settings.thresholds);

  const totals = totalsOf(weekStreams);
  const previousTotals = prevStreams.length ? totalsOf(prevStreams) : null;
  const change = previousTotals
    ? Object.fromEntries(
        (['gmv', 'uv', 'uvValue', 'viewToOrderRate', 'streams'] as const).map((k) => [
          k,
          M.change(totals[k], previousTotals[k]),
        ]),
      )
    : null;
  const accounts = [...new Set(weekStreams.map((s) => s.account ?? '—'))].sort();
  const byAccount = accounts.map((account) => ({
    account,
    ...totalsOf(weekStreams.filter((s) => (s.account ?? '—') === account)),
  }));

  const targetAchievement = weeklyTarget(input, totals.gmv);

  const attribution = attributionOf(input.channels);

  // — products: sum the counts over the week, then divide —
  const products = aggregateProducts(input.products, settings.thresholds, input);
  const eliminate = products.filter((p) => p.rules.length > 0 && p.enoughData);
  const insufficient = products.filter((p) => !p.enoughData);

  const alerts = weeklyAlerts(input, streams, anomalies, settings.thresholds);

  const hotspots = input.hotspots.length ? input.hotspots.flatMap((h) => h.hotspots) : null;
  const actions = weeklyActions(alerts, attribution.suggestions, eliminate, hotspots);
  // Open or overdue as of the week's last moment (Beijing); carried over: found before the week began.
  const weekStart = Date.parse(`${input.week.since}T00:00:00+08:00`);
  const weekEnd = Date.parse(`${input.week.until}T00:00:00+08:00`) + 24 * 3600_000 - 1;

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
    openItems: openItems(input.actionEvents ?? [], weekEnd, weekStart),
    skipped: input.skipped,
    ignored: input.ignored,
    unusedColumns: input.unusedColumns ?? [],
    outside: input.outside ?? [],
    rowsOutside: input.rowsOutside ?? [],
    readWarnings: input.readWarnings ?? [],
    thresholds: Object.fromEntries(
      [
        'weekly-click-eliminate',
        'weekly-conversion-eliminate',
        'uv-drop',
        'uv-value-low',
        'uv-value-critical',
        'cs-response',
        'negative-spike',
      ].map((id) => [id, th(id)]),
    ),
    minimums: { streams: input.minStreams, exposures: input.minExposures },
  };
}

export type WeeklyReport = ReturnType<typeof buildWeeklyReport>;
