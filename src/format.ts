/**
 * How numbers read to people: money with ¥ and two decimals, rates as percentages, durations as
 * 1分5秒 / 1m05s. Used by messages, the terminal summary and Markdown; the model stays unrounded.
 */
import { shanghaiIso } from './clock.js';

export type Lang = 'zh' | 'en';

const group = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function fmtMoney(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `¥${group(v, 2)}`;
}

export function fmtCount(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : group(v, Number.isInteger(v) ? 0 : 2);
}

export function fmtRate(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/**
 * A rate beside the threshold it was judged by: with as many decimals as it takes not to read as
 * the threshold itself (2.999 % below a 3 % rule is "2.999%", never "3.00%").
 */
export function fmtRateVs(v: number | null | undefined, threshold: number, digits = 2): string {
  if (v === null || v === undefined) return '—';
  let d = digits;
  while (d < 6 && (v * 100).toFixed(d) === (threshold * 100).toFixed(d) && Math.abs(v - threshold) > 1e-12) d++;
  return fmtRate(v, d);
}

/**
 * A rule's value beside its threshold, in the rule's unit (domain/rules.ts): money, a rate (with
 * the decimals that keep it apart from the threshold), a count, or seconds/minutes/days/hours.
 */
export function fmtUnit(v: number, unit: string, threshold: number, lang: Lang): string {
  switch (unit) {
    case 'yuan':
      return fmtMoney(v);
    case 'rate':
      return fmtRateVs(v, threshold);
    case 'seconds':
      return lang === 'zh' ? `${fmtCount(v)} 秒` : `${fmtCount(v)} s`;
    case 'minutes':
      return lang === 'zh' ? `${fmtCount(v)} 分钟` : `${fmtCount(v)} min`;
    case 'hours':
      return lang === 'zh' ? `${fmtCount(v)} 小时` : `${fmtCount(v)} h`;
    case 'days':
      return lang === 'zh' ? `${fmtCount(v)} 天` : `${fmtCount(v)} d`;
    default:
      return fmtCount(v);
  }
}

/** A signed change: +12.3% / −4.0%. */
export function fmtChange(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  const s = (Math.abs(v) * 100).toFixed(1);
  return v >= 0 ? `+${s}%` : `−${s}%`;
}

export function fmtDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (lang === 'zh') return `${h ? `${h}小时` : ''}${h || m ? `${m}分` : ''}${sec}秒`;
  return `${h ? `${h}h` : ''}${h || m ? `${String(m).padStart(h ? 2 : 1, '0')}m` : ''}${String(sec).padStart(h || m ? 2 : 1, '0')}s`;
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An instant as the team reads it, on Beijing time like the streams: "2026-11-26T19:30:00+08:00"
 * (or the same instant in UTC) → "2026-11-26 19:30", in both languages. A date alone stays a date;
 * a time without a zone is taken as written; anything else is shown as it is.
 */
export function fmtDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const m = ISO.exec(iso.trim());
  if (!m) return iso;
  if (!m[2]) return m[1]!;
  if (!m[3]) return `${m[1]} ${m[2]}`;
  return shanghaiIso(Date.parse(iso)).slice(0, 16).replace('T', ' ');
}

/** A stream's time: "2026-11-18 19:58–23:12", with the end's date when it ends on another day. */
export function fmtTimeRange(start: string | null | undefined, end: string | null | undefined): string {
  const from = fmtDateTime(start);
  if (end === null || end === undefined || end === '') return from;
  const to = fmtDateTime(end);
  return to.length === 16 && from.length === 16 && to.slice(0, 10) === from.slice(0, 10)
    ? `${from}–${to.slice(11)}`
    : `${from} – ${to}`;
}
