/**
 * `liveops trend`: one figure of an account's (or an anchor's) streams per stream, ISO week or
 * month, on Beijing days. Every rate is a ratio of sums over the period's streams (UV value =
 * Σgmv ÷ Σuv, never a mean of per-stream rates); a period with no usable figure says why, never 0.
 * Pure: streams in, periods out.
 */
import { addDays, format, parseISO } from 'date-fns';
import { shanghaiIso } from '../../clock.js';
import { isoWeekOf } from '../week.js';

export const TREND_METRICS = ['gmv', 'uv', 'uv-value', 'conversion', 'view-conversion', 'dwell', 'click-rate'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const TREND_BY = ['stream', 'week', 'month'] as const;
export type TrendBy = (typeof TREND_BY)[number];

/** A stream's figures as the trend reads them (null: not known). */
export interface TrendStream {
  key: string;
  account: string | null;
  anchor: string | null;
  title: string | null;
  /** Start, any ISO instant ("…+08:00" as the readers write it, or UTC): its Beijing day places it. */
  start: string | null;
  gmv: number | null;
  uv: number | null;
  buyers: number | null;
  productClickers: number | null;
  productExposed: number | null;
  avgDwellSeconds: number | null;
}

/** Why a period has no figure. */
export type NoFigure =
  /** No stream in the period. */
  | 'no-streams'
  /** Streams, but none with the figures the metric needs. */
  | 'missing-figures'
  /** The figures are there, and the divisor sums to 0 (no viewers, no clickers). */
  | 'zero-divisor';

export interface TrendPeriod {
  /** "2026-W47", "2026-11", or the stream's Beijing start "2026-11-18 19:58". */
  id: string;
  /** The period's first and last Beijing day. */
  since: string;
  until: string;
  streams: number;
  /** Streams left out of the figure for lacking what it needs (the figure is of the others). */
  incomplete: number;
  /** The sums the figure is made of: numerator and divisor (null for a plain sum). */
  numerator: number | null;
  divisor: number | null;
  value: number | null;
  why: NoFigure | null;
  /** By stream: the stream's title and key. */
  title?: string | null;
  streamKey?: string;
}

export interface TrendOptions {
  metric: TrendMetric;
  by: TrendBy;
  /** First and last Beijing day (inclusive), or null for all. */
  since: string | null;
  until: string | null;
}

export interface Trend {
  periods: TrendPeriod[];
  /** The whole range, the same ratio of sums over every stream in it. */
  overall: TrendPeriod;
  /** Streams without a start: they belong to no period. */
  undated: number;
}

/** What a metric adds up per stream: [numerator, divisor] (divisor null: a plain sum), or null when the stream lacks a figure. */
function termsOf(metric: TrendMetric, s: TrendStream): [number, number | null] | null {
  const both = (a: number | null, b: number | null): [number, number] | null =>
    a === null || b === null ? null : [a, b];
  switch (metric) {
    case 'gmv':
      return s.gmv === null ? null : [s.gmv, null];
    case 'uv':
      return s.uv === null ? null : [s.uv, null];
    case 'uv-value':
      return both(s.gmv, s.uv);
    case 'conversion':
      return both(s.buyers, s.productClickers);
    case 'view-conversion':
      return both(s.buyers, s.uv);
    case 'click-rate':
      return both(s.productClickers, s.productExposed);
    case 'dwell':
      // The UV-weighted mean: Σ(dwell × uv) ÷ Σuv.
      return s.avgDwellSeconds === null || s.uv === null ? null : [s.avgDwellSeconds * s.uv, s.uv];
  }
}

/** The Beijing day of a start, whatever zone it is written in. */
export function beijingDay(start: string): string | null {
  const t = Date.parse(start);
  return Number.isFinite(t) ? shanghaiIso(t).slice(0, 10) : null;
}

const ymd = (d: Date) => format(d, 'yyyy-MM-dd');

function lastDayOfMonth(month: string): string {
  return ymd(addDays(parseISO(`${addMonth(month)}-01`), -1));
}

function addMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The period a day belongs to. */
function periodOfDay(by: 'week' | 'month', day: string): { id: string; since: string; until: string } {
  if (by === 'week') return isoWeekOf(day);
  const month = day.slice(0, 7);
  return { id: month, since: `${month}-01`, until: lastDayOfMonth(month) };
}

/** Every week or month from the one of `from` to the one of `to`: the empty ones are shown too. */
function periodsBetween(by: 'week' | 'month', from: string, to: string) {
  const out: Array<{ id: string; since: string; until: string }> = [];
  for (let p = periodOfDay(by, from); p.since <= to; p = periodOfDay(by, ymd(addDays(parseISO(p.until), 1))))
    out.push(p);
  return out;
}

/** A period's figure from its streams. */
export function figureOf(
  metric: TrendMetric,
  streams: readonly TrendStream[],
): Pick<TrendPeriod, 'streams' | 'incomplete' | 'numerator' | 'divisor' | 'value' | 'why'> {
  let num = 0;
  let div: number | null = null;
  let used = 0;
  for (const s of streams) {
    const t = termsOf(metric, s);
    if (!t) continue;
    used++;
    num += t[0];
    if (t[1] !== null) div = (div ?? 0) + t[1];
  }
  const base = { streams: streams.length, incomplete: streams.length - used };
  if (streams.length === 0) return { ...base, numerator: null, divisor: null, value: null, why: 'no-streams' };
  if (used === 0) return { ...base, numerator: null, divisor: null, value: null, why: 'missing-figures' };
  if (div === null) return { ...base, numerator: num, divisor: null, value: num, why: null };
  if (div === 0) return { ...base, numerator: num, divisor: 0, value: null, why: 'zero-divisor' };
  return { ...base, numerator: num, divisor: div, value: num / div, why: null };
}

/** The trend of `streams` (already those of one account or anchor). */
export function trendOf(streams: readonly TrendStream[], o: TrendOptions): Trend {
  const dated: Array<{ s: TrendStream; day: string; start: string }> = [];
  let undated = 0;
  for (const s of streams) {
    const day = s.start ? beijingDay(s.start) : null;
    if (!day) {
      undated++;
      continue;
    }
    if ((o.since && day < o.since) || (o.until && day > o.until)) continue;
    dated.push({ s, day, start: shanghaiIso(Date.parse(s.start!)) });
  }
  dated.sort((a, b) => a.start.localeCompare(b.start) || a.s.key.localeCompare(b.s.key));
  const overallSince = o.since ?? dated[0]?.day ?? null;
  const overallUntil = o.until ?? dated[dated.length - 1]?.day ?? null;
  const overall: TrendPeriod = {
    id: overallSince && overallUntil ? `${overallSince}_${overallUntil}` : '—',
    since: overallSince ?? '',
    until: overallUntil ?? '',
    ...figureOf(
      o.metric,
      dated.map((d) => d.s),
    ),
  };
  let periods: TrendPeriod[];
  if (o.by === 'stream') {
    periods = dated.map((d) => ({
      id: d.start.slice(0, 16).replace('T', ' '),
      since: d.day,
      until: d.day,
      title: d.s.title,
      streamKey: d.s.key,
      ...figureOf(o.metric, [d.s]),
    }));
  } else if (overallSince && overallUntil) {
    const by = o.by;
    periods = periodsBetween(by, overallSince, overallUntil).map((p) => ({
      ...p,
      ...figureOf(
        o.metric,
        dated.filter((d) => d.day >= p.since && d.day <= p.until).map((d) => d.s),
      ),
    }));
  } else periods = [];
  return { periods, overall, undated };
}
