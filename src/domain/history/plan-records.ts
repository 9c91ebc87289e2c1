/**
 * The planning side of the history: what `select`, `schedule` and `kpi` record, and what they read
 * back — the latest selection's eliminations for a schedule, an anchor's month figures from the
 * streams they anchored for the KPI. Pure: rows in and out.
 */
import type { HistoryPart, HistoryPartition, HistoryRow } from '../../model/history.js';
import { ALL_ACCOUNTS } from '../../model/history.js';
import { parseIsoWeek } from '../week.js';
import type { EliminatedProduct as EliminatedFromSchedule } from '../schedule/plan.js';
import { NO_ACCOUNT, partitionOf, type HistoryStream } from './records.js';
import { numberCell, textCell } from './cells.js';

/** What a run records: its key, the partition of its `runs` row, and its rows. */
export interface PlanRecord {
  recordKey: string;
  partition: HistoryPartition;
  parts: HistoryPart[];
}

/** The platform of team-wide records that read no platform's export (a schedule, a KPI month, a select over a folder). */
export const NO_PLATFORM = 'generic';

/** The first day of a week id: "2026-W48" → "2026-11-23"; a range id "2026-11-16_2026-11-22" → its first day. */
export function weekStart(week: string): string | null {
  const iso = parseIsoWeek(week);
  if (iso) return iso.since;
  return /^\d{4}-\d{2}-\d{2}/.test(week) ? week.slice(0, 10) : null;
}

/** An eliminated product of a week's selection, as select found it. */
export interface EliminatedProduct {
  id: string | null;
  name: string | null;
  rules: string[];
  clickRate: number | null;
  conversionRate: number | null;
  streams: number | null;
}

/** A select run's rows: one per eliminated product, under `select|<week>|<account or _all>`. */
export function selectParts(
  week: { id: string; since: string },
  account: string | null,
  eliminate: EliminatedProduct[],
): PlanRecord {
  const acc = account ?? ALL_ACCOUNTS;
  const partition: HistoryPartition = { platform: NO_PLATFORM, account: acc, month: week.since.slice(0, 7) };
  const rows: HistoryRow[] = eliminate.map((e) => ({
    week: week.id,
    product_id: e.id,
    name: e.name,
    rules: e.rules.join(','),
    click_rate: e.clickRate,
    conversion_rate: e.conversionRate,
    streams: e.streams,
  }));
  return { recordKey: `select|${week.id}|${acc}`, partition, parts: [{ table: 'eliminations', partition, rows }] };
}

/** A select run as the history's `runs` table keeps it: its record key names the week and the account. */
export function selectRunOf(recordKey: unknown): { week: string; account: string } | null {
  if (typeof recordKey !== 'string') return null;
  const m = /^select\|([^|]+)\|(.+)$/.exec(recordKey);
  return m ? { week: m[1]!, account: m[2]! } : null;
}

/** A product the latest selection eliminated, and the week of that selection: what a schedule leaves out. */
export type Eliminated = EliminatedFromSchedule;

/**
 * The latest selection that applies to a month's schedule: the select runs of the accounts given
 * (or of every account, `_all`) whose week starts on or before the month's first day; of those the
 * latest week (every such run of that week). A run that eliminated nothing counts: the latest
 * selection then leaves nothing out. Returns the week and its eliminated products, or null.
 */
export function latestEliminations(
  runs: HistoryRow[],
  eliminations: HistoryRow[],
  month: string,
  accounts: string[],
): { week: string; keys: string[]; products: Eliminated[] } | null {
  const first = `${month}-01`;
  const wanted = (a: string) => a === ALL_ACCOUNTS || accounts.length === 0 || accounts.includes(a);
  const candidates = runs
    .filter((r) => r.command === 'select')
    .flatMap((r) => {
      const s = selectRunOf(r.record_key);
      const since = s ? weekStart(s.week) : null;
      return s && since && since <= first && wanted(s.account) ? [{ ...s, since, key: String(r.record_key) }] : [];
    });
  if (candidates.length === 0) return null;
  const latest = candidates.reduce((a, b) => (b.since > a.since ? b : a)).since;
  const chosen = candidates.filter((c) => c.since === latest);
  const keys = [...new Set(chosen.map((c) => c.key))].sort();
  const products: Eliminated[] = [];
  for (const r of eliminations) {
    if (!keys.includes(String(r.record_key))) continue;
    const id = textCell(r.product_id);
    const name = textCell(r.name);
    if (products.some((p) => (id !== null && p.id === id) || (id === null && p.name === name))) continue;
    products.push({
      id,
      name,
      week: String(r.week ?? chosen[0]!.week),
      rules: (textCell(r.rules) ?? '').split(',').filter(Boolean),
    });
  }
  return { week: chosen[0]!.week, keys, products };
}

/** A planned stream as the schedule writes it. */
export interface PlannedRow {
  date: string;
  start: string;
  time: string;
  account: string | null;
  anchor: string | null;
  assistant: string | null;
  type: string;
  theme: string | null;
  products: string[];
  gmvTarget: number | null;
  rehearsal: string;
}

/** A schedule run's rows: one per planned stream, in its account's partition, under `schedule|<month>|<account>`. */
export function scheduleParts(month: string, account: string | null, streams: PlannedRow[]): PlanRecord {
  const partition = partitionOf(NO_PLATFORM, account, `${month}-01`);
  const byAccount = new Map<string, HistoryRow[]>();
  for (const s of streams) {
    const acc = s.account || account || NO_ACCOUNT;
    const rows = byAccount.get(acc) ?? [];
    rows.push({
      date: s.date,
      start_time: s.start,
      slot: s.time,
      anchor: s.anchor,
      assistant: s.assistant,
      type: s.type,
      theme: s.theme,
      products: s.products,
      gmv_target: s.gmvTarget,
      rehearsal: s.rehearsal,
    });
    byAccount.set(acc, rows);
  }
  const parts: HistoryPart[] = [...byAccount].map(([acc, rows]) => ({
    table: 'planned',
    partition: partitionOf(NO_PLATFORM, acc, `${month}-01`),
    rows,
  }));
  return { recordKey: `schedule|${month}|${account || NO_ACCOUNT}`, partition, parts };
}

/** A person's scored month, as the KPI records it. */
export interface ScoredPerson {
  name: string;
  role: string;
  score: number | null;
  bonus: number | null;
  figures: Record<string, unknown>;
}

/** A KPI run's rows: one per person and role, under `kpi|<month>`. */
export function kpiParts(month: string, people: ScoredPerson[]): PlanRecord {
  const partition: HistoryPartition = { platform: NO_PLATFORM, account: ALL_ACCOUNTS, month };
  const rows: HistoryRow[] = people.map((p) => ({
    person: p.name,
    role: p.role,
    score: p.score,
    bonus: p.bonus,
    figures: p.figures,
  }));
  return { recordKey: `kpi|${month}`, partition, parts: [{ table: 'scores', partition, rows }] };
}

/** The anchor's figures the KPI can take from the history, by the KPI sheet's field. */
export const ANCHOR_HISTORY_FIELDS = ['clickToOrderRate', 'avgDwell', 'newFanClub'] as const;
export type AnchorHistoryField = (typeof ANCHOR_HISTORY_FIELDS)[number];

/** Why a figure could not be computed from the history. */
export type HistoryGap = 'no-streams' | 'no-counts' | 'some-missing';

/** A figure from the history: its value over the streams used, or why there is none. */
export type HistoryFigure =
  | { field: AnchorHistoryField; value: number; streams: number; of: number }
  | { field: AnchorHistoryField; value: null; reason: HistoryGap; streams: number; of: number };

/**
 * An anchor's month from the streams they anchored (streams.anchor, set by the retro from the
 * schedule):
 * - conversion (点击成交转化率, the playbook's buyers ÷ product clicks): Σ buyers ÷ Σ product clickers
 *   over the streams that have both, a ratio of sums, not a mean of each stream's rate;
 * - dwell: the mean of avg_dwell_s weighted by UV, over the streams that have both;
 * - new fan-club members: Σ new_fan_club, only when every stream has it (a sum over some would
 *   undercount the month).
 */
export function anchorFigures(streams: HistoryStream[], anchor: string): HistoryFigure[] {
  const mine = streams.filter((s) => s.anchor === anchor);
  const of = mine.length;
  const gap = (field: AnchorHistoryField, streams: number, reason: HistoryGap): HistoryFigure => ({
    field,
    value: null,
    reason: of === 0 ? 'no-streams' : reason,
    streams,
    of,
  });
  const ratio = (field: AnchorHistoryField, pairs: Array<[number, number]>): HistoryFigure => {
    const den = pairs.reduce((a, [, d]) => a + d, 0);
    if (pairs.length === 0 || den <= 0) return gap(field, pairs.length, 'no-counts');
    return { field, value: pairs.reduce((a, [n]) => a + n, 0) / den, streams: pairs.length, of };
  };
  const conversion: Array<[number, number]> = [];
  const dwell: Array<[number, number]> = [];
  const fans: number[] = [];
  for (const s of mine) {
    const buyers = numberCell(s.buyers);
    const clickers = numberCell(s.product_clickers);
    const uv = numberCell(s.uv);
    const avg = numberCell(s.avg_dwell_s);
    const fc = numberCell(s.new_fan_club);
    if (buyers !== null && clickers !== null) conversion.push([buyers, clickers]);
    if (uv !== null && avg !== null) dwell.push([uv * avg, uv]);
    if (fc !== null) fans.push(fc);
  }
  const fanClub: HistoryFigure =
    of > 0 && fans.length === of
      ? { field: 'newFanClub', value: fans.reduce((a, b) => a + b, 0), streams: of, of }
      : gap('newFanClub', fans.length, fans.length === 0 ? 'no-counts' : 'some-missing');
  return [ratio('clickToOrderRate', conversion), ratio('avgDwell', dwell), fanClub];
}

/** Where a KPI figure the sheet left empty came from in the history, or why it could not. */
export type FigureSource =
  | { source: 'history'; streams: number; of: number }
  | { source: 'history-gap'; reason: HistoryGap; streams: number; of: number };

/**
 * Fill the anchors' empty conversion, dwell and new fan-club figures from the month's streams they
 * anchored. `isAnchor` says who holds the anchor role. Figures the sheet gives are never replaced.
 * Returns, per person (by row), where each filled or still-empty figure stands.
 */
export function fillAnchorFigures<
  P extends {
    row: number;
    name: string;
    figures: Record<string, number | null>;
    sources?: Record<string, FigureSource>;
  },
>(people: P[], streams: HistoryStream[], isAnchor: (p: P) => boolean): number {
  let filled = 0;
  for (const p of people) {
    if (!isAnchor(p)) continue;
    const empty = ANCHOR_HISTORY_FIELDS.filter((f) => p.figures[f] === null || p.figures[f] === undefined);
    if (empty.length === 0) continue;
    const figures = anchorFigures(streams, p.name);
    p.sources = { ...(p.sources ?? {}) };
    for (const f of figures) {
      if (!empty.includes(f.field)) continue;
      if (f.value !== null) {
        p.figures[f.field] = f.value;
        p.sources[f.field] = { source: 'history', streams: f.streams, of: f.of };
        filled++;
      } else p.sources[f.field] = { source: 'history-gap', reason: f.reason, streams: f.streams, of: f.of };
    }
  }
  return filled;
}
