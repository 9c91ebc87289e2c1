/**
 * What a run leaves in the history, and what the history gives back: rows from a retro's facts,
 * stream keys, action ids and the status of the improvement list's items. Pure: rows in and out,
 * `now` passed in.
 */
import type { HistoryPart, HistoryPartition, HistoryRow } from '../../model/history.js';
import { ALL_ACCOUNTS } from '../../model/history.js';
import type { Stream } from '../../model/entities.js';
import type { RetroFacts, RetroPoint } from '../retro/report.js';
import type { BaselineStream } from '../retro/input.js';
import type { Role } from '../rules.js';
import { isoWeekOf } from '../week.js';
import { dayOf } from '../dated.js';
import { instantCell, numberCell, textCell } from './cells.js';

/** The account of a record that names none. */
export const NO_ACCOUNT = '_unnamed';

/** The month partition of a Beijing date-time or day ("2026-11-18T19:58:00+08:00" → "2026-11"). */
export const monthOf = (isoOrDay: string | null): string => (isoOrDay ? isoOrDay.slice(0, 7) : 'undated');

export function partitionOf(platform: string, account: string | null, isoOrDay: string | null): HistoryPartition {
  return { platform: platform || 'generic', account: account || NO_ACCOUNT, month: monthOf(isoOrDay) };
}

/**
 * A stream's key: platform + account + the platform's stream id, or its start to the minute when
 * the export has no id (Compass has none): the same stream from any export is the same record.
 */
export function streamKey(platform: string, account: string | null, id: string | null, start: string | null): string {
  const when = start ? start.slice(0, 16) : null;
  return `${platform || 'generic'}|${account ?? ''}|${id ? `id:${id}` : `at:${when ?? 'undated'}`}`;
}

const weekOf = (start: string | null) => (start ? isoWeekOf(dayOf(start)).id : null);

/** 32-bit FNV-1a, in base 36: short ids a person can type (`liveops actions done A1b2c3d`). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** What an improvement item is about, the same words however often it is found: its identity. */
export function actionSubject(p: RetroPoint): string {
  switch (p.kind) {
    case 'rule-alert': {
      const s = p.alert.subject;
      return s.kind === 'product' ? `product:${s.id ?? s.name ?? `#${s.rank}`}` : s.kind;
    }
    case 'talk-point':
      return `topic:${p.hotspot.topic}`;
    case 'check':
      return `check:${p.check.metric}`;
    case 'missing-figures':
      return 'missing-figures';
  }
}

/**
 * An item's id: the account, who acts, the rule (or kind of point) and its subject. The same point
 * found in the next retro of the account is the same item, not a new one.
 */
export function actionId(platform: string, account: string | null, p: RetroPoint): string {
  return `A${shortHash([platform, account ?? '', p.owner, p.rule ?? p.kind, actionSubject(p)].join('|'))}`;
}

export interface DueSettings {
  /** playbook: the retro sheet within 24 h (config retroDeadline.sheetHours). */
  sheetHours: number;
  /** playbook: rehearsal 2 days before the stream. */
  rehearsalDays: number;
}

const HOUR = 3600_000;

/**
 * When an item is due (the playbook's deadlines): fixing the data is part of the retro itself, due
 * within the retro deadline after the stream; what the anchor, floor control or the selector change
 * is due at the rehearsal of the account's next planned stream (2 days before it), at the earliest a
 * day after this one; with no stream planned, a week after (the next weekly retro).
 */
export function dueOf(p: RetroPoint, streamEnd: number, nextPlannedStart: number | null, s: DueSettings): number {
  if (p.kind === 'check' || p.kind === 'missing-figures') return streamEnd + s.sheetHours * HOUR;
  if (nextPlannedStart !== null) return Math.max(nextPlannedStart - s.rehearsalDays * 24 * HOUR, streamEnd + 24 * HOUR);
  return streamEnd + 7 * 24 * HOUR;
}

/** An improvement item as the retro worded it (the localised list's what/action, by number). */
export interface WordedPoint {
  no: number;
  what: string;
  action: string;
}

/** A planned stream of the schedule, as the history keeps it. */
export interface PlannedStream {
  account: string;
  platform: string;
  date: string;
  start: string | null;
  anchor: string | null;
  assistant: string | null;
  products: string[];
}

/** The person in a role for a stream, from its planned row: the anchor and the assistant are named in the schedule. */
export function personFor(role: Role, planned: PlannedStream | null): string | null {
  if (!planned) return null;
  if (role === 'anchor') return planned.anchor;
  if (role === 'assistant') return planned.assistant;
  return null;
}

/** The planned stream a stream was (same account, same day, nearest start), and the account's next one. */
export function plannedAround(
  planned: PlannedStream[],
  account: string | null,
  start: string | null,
): { this: PlannedStream | null; next: PlannedStream | null } {
  if (!start) return { this: null, next: null };
  const mine = planned.filter((p) => account === null || p.account === account);
  const day = dayOf(start);
  const t = Date.parse(start);
  const sameDay = mine
    .filter((p) => p.date === day)
    .sort((a, b) => Math.abs(Date.parse(a.start ?? a.date) - t) - Math.abs(Date.parse(b.start ?? b.date) - t));
  const next = mine
    .filter((p) => p.date > day)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? ''));
  return { this: sameDay[0] ?? null, next: next[0] ?? null };
}

/** A retro's rows: the stream, its products, channels, alerts, and an action event per improvement item. */
export function retroParts(
  r: RetroFacts,
  worded: WordedPoint[],
  opts: { lang: string; planned: PlannedStream[]; due: DueSettings },
): { recordKey: string; partition: HistoryPartition; parts: HistoryPart[]; key: string } {
  const { stream, summary } = r;
  const platform = stream.platform;
  const key = streamKey(platform, stream.account, stream.id, stream.start);
  const partition = partitionOf(platform, stream.account, stream.start);
  const date = stream.start ? dayOf(stream.start) : null;
  const base = { stream_key: key };
  const around = plannedAround(opts.planned, stream.account, stream.start);
  const startMs = stream.start ? Date.parse(stream.start) : NaN;
  const endMs = stream.end
    ? Date.parse(stream.end)
    : Number.isFinite(startMs)
      ? startMs + (stream.durationSeconds ?? 0) * 1000
      : NaN;
  const streamRow: HistoryRow = {
    ...base,
    source: 'retro',
    stream_id: stream.id,
    title: stream.title,
    start_time: stream.start,
    end_time: stream.end,
    date,
    week: weekOf(stream.start),
    duration_s: stream.durationSeconds,
    gmv: summary.gmv,
    gmv_field: summary.gmvField,
    orders: summary.orders,
    buyers: summary.buyers,
    items_sold: summary.itemsSold,
    uv: summary.uv,
    pv: summary.pv,
    avg_dwell_s: summary.avgDwellSeconds,
    product_exposed: summary.productExposed,
    product_clickers: summary.productClickers,
    refund_amount: summary.refundAmount,
    paid_spend: summary.paidSpend,
    new_followers: summary.newFollowers,
    new_fan_club: stream.newFanClub,
    peak_online: summary.peakOnline,
    view_to_order_rate: summary.viewToOrderRate,
    anchor: around.this?.anchor ?? null,
  };
  const products: HistoryRow[] = (r.products ?? []).map((p) => ({
    ...base,
    date,
    week: weekOf(stream.start),
    product_id: p.id,
    name: p.name,
    gmv: p.gmv,
    items_sold: p.itemsSold,
    buyers: p.buyers,
    exposed: p.exposed,
    clickers: p.clickers,
  }));
  const channels: HistoryRow[] = (r.channels ?? []).map((ch) => ({
    ...base,
    date,
    channel: ch.name,
    paid: ch.paid,
    uv: ch.uv,
    pv: ch.pv,
    gmv: ch.gmv,
    orders: ch.orders,
  }));
  const alerts: HistoryRow[] = r.alerts.map((a) => ({
    ...base,
    date,
    rule: a.rule,
    severity: a.severity,
    owner: a.owner,
    subject:
      a.subject.kind === 'product'
        ? `product:${a.subject.id ?? a.subject.name ?? `#${a.subject.rank}`}`
        : a.subject.kind,
    value: a.value,
    threshold: a.threshold,
  }));
  const nextStart = around.next ? Date.parse(around.next.start ?? `${around.next.date}T00:00:00+08:00`) : null;
  const actions: HistoryRow[] = Number.isFinite(endMs)
    ? r.actions.map((p) => {
        const words = worded.find((w) => w.no === p.no);
        return {
          action_id: actionId(platform, stream.account, p),
          event: 'found',
          at: new Date(endMs),
          ...base,
          owner: p.owner,
          person: personFor(p.owner, around.this),
          rule: p.rule,
          subject: actionSubject(p),
          what: words?.what ?? null,
          action: words?.action ?? null,
          due: new Date(dueOf(p, endMs, nextStart, opts.due)),
          lang: opts.lang,
        };
      })
    : [];
  const parts: HistoryPart[] = [
    { table: 'streams', partition, rows: [streamRow] },
    { table: 'products', partition, rows: products },
    { table: 'channels', partition, rows: channels },
    { table: 'alerts', partition, rows: alerts },
    { table: 'actions', partition, rows: actions },
  ];
  return { recordKey: `retro|${key}`, partition, parts, key };
}

/** A stream-list row (Compass 直播明细, 生意参谋 分场次效果) as a history stream: `history import`, and the streams a retro's list input names. */
export function importedStreamRow(platform: string, s: Stream): HistoryRow {
  return {
    stream_key: streamKey(platform, s.account, s.streamId, s.start),
    source: 'import',
    stream_id: s.streamId,
    title: s.title,
    start_time: s.start,
    end_time: s.end,
    date: s.start ? dayOf(s.start) : null,
    week: weekOf(s.start),
    duration_s: s.durationSeconds,
    gmv: s.gmv,
    gmv_field: null,
    orders: s.orders,
    buyers: s.buyers,
    items_sold: s.itemsSold,
    uv: s.uv,
    pv: s.pv,
    avg_dwell_s: s.avgDwellSeconds,
    product_exposed: s.productExposed,
    product_clickers: s.productClickers,
    refund_amount: s.refundAmount,
    paid_spend: s.paidSpend,
    new_followers: s.newFollowers,
    new_fan_club: s.newFanClub ?? null,
    peak_online: s.peakOnline,
    view_to_order_rate: s.viewToOrderRate,
    anchor: null,
  };
}

/** Stream-list rows as the history records them: by partition ("platform\0account\0month"). */
export type StreamParts = Map<string, { partition: HistoryPartition; rows: HistoryRow[] }>;

/** A stream-list row into its partition's rows (`history import`, and the weekly report over exports). */
export function addImportedStream(parts: StreamParts, platform: string, s: Stream): void {
  const partition = partitionOf(platform, s.account, s.start);
  const k = `${partition.platform}\u0000${partition.account}\u0000${partition.month}`;
  const part = parts.get(k) ?? { partition, rows: [] };
  parts.set(k, part);
  part.rows.push(importedStreamRow(platform, s));
}

/** One row per stream key: a list naming the same stream twice keeps its last row. */
export function uniqueStreams(rows: HistoryRow[]): HistoryRow[] {
  return [...new Map(rows.map((r) => [String(r.stream_key), r])).values()];
}

/** A stream as read back from the history (its partition's account and platform with it). */
export type HistoryStream = HistoryRow & { platform: string; account: string; month: string };

/**
 * The streams of the history, one per stream: a stream imported from a list and then retro'd (or
 * retro'd twice under two keys) is one stream, the retro's figures winning, then the latest run.
 */
export function latestStreams(rows: HistoryStream[]): HistoryStream[] {
  const byMinute = new Map<string, HistoryStream>();
  const rank = (r: HistoryStream) => `${r.source === 'retro' ? 1 : 0}|${textCell(r.run_id) ?? ''}`;
  for (const r of rows) {
    const start = instantCell(r.start_time);
    const k = start ? `${r.platform}|${r.account}|${start.slice(0, 16)}` : String(r.stream_key);
    const had = byMinute.get(k);
    if (!had || rank(r) > rank(had)) byMinute.set(k, r);
  }
  return [...byMinute.values()];
}

/** History streams as the retro's baseline (its comparison with the account's recent streams). */
export function baselineOf(rows: HistoryStream[]): BaselineStream[] {
  return rows.map((r) => ({
    account: r.account === NO_ACCOUNT ? null : r.account,
    start: instantCell(r.start_time),
    uv: numberCell(r.uv),
    gmv: numberCell(r.gmv),
    buyers: numberCell(r.buyers),
    viewToOrderRate: numberCell(r.view_to_order_rate),
  }));
}

export { ALL_ACCOUNTS };
