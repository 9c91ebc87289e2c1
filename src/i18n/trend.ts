/**
 * The trend's words: metric and period labels, why a period has no figure, and the report as the
 * outputs show it (each figure with its text beside the number).
 */
import { fmtCount, fmtDuration, fmtMoney, fmtRate, type Lang } from '../format.js';
import type { NoFigure, Trend, TrendBy, TrendMetric, TrendPeriod } from '../domain/history/trend.js';
import type { HistoryNote } from '../model/history.js';

export const METRIC_WORDS: Record<TrendMetric, { zh: string; en: string; how: { zh: string; en: string } }> = {
  gmv: { zh: '成交金额', en: 'GMV', how: { zh: 'Σ成交金额', en: 'Σ GMV' } },
  uv: { zh: '观看人数', en: 'Viewers (UV)', how: { zh: 'Σ观看人数', en: 'Σ viewers' } },
  'uv-value': { zh: 'UV价值', en: 'UV value', how: { zh: 'Σ成交金额 ÷ Σ观看人数', en: 'Σ GMV ÷ Σ viewers' } },
  conversion: {
    zh: '点击成交转化率',
    en: 'Click→order conversion',
    how: { zh: 'Σ成交人数 ÷ Σ商品点击人数', en: 'Σ buyers ÷ Σ product clickers' },
  },
  'view-conversion': {
    zh: '观看成交转化率',
    en: 'View→order conversion',
    how: { zh: 'Σ成交人数 ÷ Σ观看人数', en: 'Σ buyers ÷ Σ viewers' },
  },
  dwell: {
    zh: '人均观看时长',
    en: 'Average dwell',
    how: { zh: '按观看人数加权的人均观看时长', en: 'viewer-weighted mean of the average dwell' },
  },
  'click-rate': {
    zh: '商品点击率',
    en: 'Product click rate',
    how: { zh: 'Σ商品点击人数 ÷ Σ商品曝光人数', en: 'Σ product clickers ÷ Σ product-exposed viewers' },
  },
};

export const BY_WORDS: Record<TrendBy, { zh: string; en: string }> = {
  stream: { zh: '按场次', en: 'by stream' },
  week: { zh: '按周', en: 'by week' },
  month: { zh: '按月', en: 'by month' },
};

export const trendText = {
  zh: {
    title: (who: string, metric: string, by: string) => `${who} · ${metric}趋势（${by}）`,
    account: '账号',
    anchor: '主播',
    period: '周期',
    streams: '场次',
    value: '数值',
    note: '说明',
    overall: '合计',
    how: '口径',
    incomplete: (n: number) => `${n} 场缺少数据，未计入`,
    undated: (n: number) => `${n} 场没有开播时间，未计入任何周期`,
    none: '历史中没有这些直播',
    wrote: '已写入',
    why: {
      'no-streams': '无直播',
      'missing-figures': '缺少所需数据',
      'zero-divisor': '分母为 0',
    } satisfies Record<NoFigure, string>,
  },
  en: {
    title: (who: string, metric: string, by: string) => `${who} · ${metric} trend (${by})`,
    account: 'Account',
    anchor: 'Anchor',
    period: 'Period',
    streams: 'Streams',
    value: 'Value',
    note: 'Note',
    overall: 'Overall',
    how: 'Definition',
    incomplete: (n: number) => `${n} stream${n === 1 ? '' : 's'} lacking figures left out`,
    undated: (n: number) => `${n} stream${n === 1 ? '' : 's'} without a start time in no period`,
    none: 'no such streams in the history',
    wrote: 'Wrote',
    why: {
      'no-streams': 'no streams',
      'missing-figures': 'figures missing',
      'zero-divisor': 'divisor is 0',
    } satisfies Record<NoFigure, string>,
  },
};

/** A figure in the metric's unit, as people read it. */
export function fmtMetric(metric: TrendMetric, v: number | null, lang: Lang): string {
  if (v === null) return '—';
  switch (metric) {
    case 'gmv':
    case 'uv-value':
      return fmtMoney(v);
    case 'uv':
      return fmtCount(v);
    case 'dwell':
      return fmtDuration(v, lang);
    default:
      return fmtRate(v);
  }
}

export interface LocalisedPeriod extends Omit<TrendPeriod, 'title' | 'streamKey'> {
  /** By stream: the stream's title and key; null for weeks and months. */
  title: string | null;
  streamKey: string | null;
  /** The figure as text ("¥18.64", "3.08%", "1分5秒"), or — when there is none. */
  shown: string;
  /** Why there is no figure, or which streams were left out of it; empty when nothing to say. */
  note: string;
}

export interface TrendReport {
  command: 'trend';
  subject: { kind: 'account' | 'anchor'; name: string };
  metric: TrendMetric;
  metricLabel: string;
  definition: string;
  by: TrendBy;
  byLabel: string;
  title: string;
  since: string | null;
  until: string | null;
  periods: LocalisedPeriod[];
  overall: LocalisedPeriod;
  undated: number;
  notes: string[];
  outputs: string[];
  history: HistoryNote;
  charts?: unknown;
}

function localisePeriod(metric: TrendMetric, p: TrendPeriod, lang: Lang): LocalisedPeriod {
  const t = trendText[lang];
  const note = p.why ? t.why[p.why] : p.incomplete > 0 ? t.incomplete(p.incomplete) : '';
  return {
    ...p,
    title: p.title ?? null,
    streamKey: p.streamKey ?? null,
    shown: p.why ? '—' : fmtMetric(metric, p.value, lang),
    note,
  };
}

export function localiseTrend(
  trend: Trend,
  o: {
    subject: TrendReport['subject'];
    metric: TrendMetric;
    by: TrendBy;
    since: string | null;
    until: string | null;
    history: HistoryNote;
  },
  lang: Lang,
): TrendReport {
  const t = trendText[lang];
  const metricLabel = METRIC_WORDS[o.metric][lang];
  const byLabel = BY_WORDS[o.by][lang];
  const notes: string[] = [];
  if (trend.undated) notes.push(t.undated(trend.undated));
  if (trend.overall.streams === 0) notes.push(t.none);
  return {
    command: 'trend',
    subject: o.subject,
    metric: o.metric,
    metricLabel,
    definition: METRIC_WORDS[o.metric].how[lang],
    by: o.by,
    byLabel,
    title: t.title(o.subject.name, metricLabel, byLabel),
    since: o.since,
    until: o.until,
    periods: trend.periods.map((p) => localisePeriod(o.metric, p, lang)),
    overall: localisePeriod(o.metric, trend.overall, lang),
    undated: trend.undated,
    notes,
    outputs: [],
    history: o.history,
  };
}
