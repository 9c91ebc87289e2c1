/**
 * The improvement list's items over time (改进清单): the `actions` table's events folded into items
 * with a status. Pure: rows in, items out, `now` passed in.
 *
 * - A retro records one `found` event per item of its list, under a stable id (records.ts actionId):
 *   the same point found again is the same item. The latest `found` (by the stream's end) gives the
 *   item its words, owner, person and due date.
 * - `liveops actions done <id>` records a `done` event: a done at or after the latest found closes it.
 * - A point found again in a later stream (its end after the done) reopens the item, with that
 *   stream's due date; re-running the retro of the same stream after the done does not.
 * - Status: done; overdue when its due date has passed (due < now; exactly at due it is still open);
 *   else open.
 */
import type { HistoryPartition, HistoryRow } from '../../model/history.js';
import type { Role } from '../rules.js';
import { msCell, textCell } from './cells.js';

export type ActionStatus = 'open' | 'overdue' | 'done';

/** One row of the `actions` table, as read (with its partition). */
export interface ActionEvent {
  id: string;
  event: 'found' | 'done';
  /** ms: the stream's end for found, the run for done. */
  at: number;
  runId: string;
  partition: HistoryPartition;
  streamKey: string | null;
  owner: Role | null;
  person: string | null;
  rule: string | null;
  subject: string | null;
  what: string | null;
  action: string | null;
  /** ms, or null (done events carry none). */
  due: number | null;
  lang: string | null;
}

/** What an item takes from its latest found event: its words, who acts, by when, and where it is recorded. */
type FoundFields = Omit<ActionEvent, 'event' | 'at' | 'runId'>;

export interface ActionItem extends FoundFields {
  status: ActionStatus;
  platform: string;
  account: string;
  /** When it was first and last found (the streams' ends, ms). */
  firstFoundAt: number;
  foundAt: number;
  /** Streams it was found in. */
  streams: number;
  /** When it was closed (ms), or null while open. */
  doneAt: number | null;
  /** Found again in a later stream after it had been closed. */
  reopened: boolean;
}

/** The table's rows as events; rows without an id, a known event or a time are left out. */
export function actionEvents(rows: Array<HistoryRow & HistoryPartition>): ActionEvent[] {
  const out: ActionEvent[] = [];
  for (const r of rows) {
    const id = textCell(r.action_id);
    const at = msCell(r.at);
    if (!id || at === null || (r.event !== 'found' && r.event !== 'done')) continue;
    out.push({
      id,
      event: r.event,
      at,
      runId: textCell(r.run_id) ?? '',
      partition: { platform: r.platform, account: r.account, month: r.month },
      streamKey: textCell(r.stream_key),
      owner: textCell(r.owner) as Role | null,
      person: textCell(r.person),
      rule: textCell(r.rule),
      subject: textCell(r.subject),
      what: textCell(r.what),
      action: textCell(r.action),
      due: msCell(r.due),
      lang: textCell(r.lang),
    });
  }
  return out;
}

/** The status of an item as of `now`: overdue strictly after its due date. */
export function statusOf(item: Pick<ActionItem, 'doneAt' | 'due'>, now: number): ActionStatus {
  if (item.doneAt !== null) return 'done';
  return item.due !== null && item.due < now ? 'overdue' : 'open';
}

/** Events in the order they happened: by time, a found before a done of the same instant, then by run. */
const byTime = (a: ActionEvent, b: ActionEvent) =>
  a.at - b.at || Number(a.event === 'done') - Number(b.event === 'done') || a.runId.localeCompare(b.runId);

/**
 * Fold the events into items as of `now` (events after `now` are not counted: the weekly report's
 * "as of the week's end"). An id with no found event (a done alone) is no item.
 */
export function foldActions(events: ActionEvent[], now: number): ActionItem[] {
  const items = new Map<string, ActionItem>();
  const streamsOf = new Map<string, Set<string>>();
  for (const e of events.filter((x) => x.at <= now).sort(byTime)) {
    const had = items.get(e.id);
    if (e.event === 'done') {
      if (had && had.doneAt === null) had.doneAt = e.at;
      continue;
    }
    const seen = streamsOf.get(e.id) ?? new Set<string>();
    seen.add(e.streamKey ?? String(e.at));
    streamsOf.set(e.id, seen);
    // A found of a stream ending after the done reopens it; the same stream again (a re-run retro) does not.
    const reopened = had !== undefined && had.doneAt !== null && e.at > had.doneAt;
    const { event: _event, at: _at, runId: _runId, ...found } = e;
    items.set(e.id, {
      ...found,
      status: 'open',
      platform: e.partition.platform,
      account: e.partition.account,
      firstFoundAt: had ? Math.min(had.firstFoundAt, e.at) : e.at,
      foundAt: e.at,
      streams: seen.size,
      doneAt: had && !reopened ? had.doneAt : null,
      reopened: reopened || (had?.reopened ?? false),
    });
  }
  const out = [...items.values()];
  for (const it of out) it.status = statusOf(it, now);
  return out;
}

/** What `liveops actions` lists: by account, by who acts (a role, or a person in it). */
export interface ActionFilter {
  account?: string | undefined;
  /** A role id ("anchor"), one of its labels ("主播", "anchor") or a person's name. */
  owner?: string | undefined;
  /** Role labels per role id, to match --owner given as a label. */
  roleLabels?: Record<string, string[]>;
  /** Include done items. */
  all?: boolean;
}

export function filterActions(items: ActionItem[], f: ActionFilter): ActionItem[] {
  const want = f.owner?.trim().toLowerCase();
  return items.filter((it) => {
    if (!f.all && it.status === 'done') return false;
    if (f.account !== undefined && it.account !== f.account) return false;
    if (!want) return true;
    const labels = it.owner ? (f.roleLabels?.[it.owner] ?? []) : [];
    return [it.owner, it.person, ...labels].some((x) => x !== null && x.toLowerCase() === want);
  });
}

/** The roles in the order the lists group them: who acts first in the playbook's loop. */
const ROLE_ORDER: Role[] = ['director', 'ops', 'anchor', 'assistant', 'floor-control', 'selector', 'data', 'cs'];

export interface ActionGroup {
  owner: Role | null;
  person: string | null;
  items: ActionItem[];
}

const STATUS_ORDER: Record<ActionStatus, number> = { overdue: 0, open: 1, done: 2 };

/** Items grouped by role, then person; within a group overdue first, then by due date and id. */
export function groupActions(items: ActionItem[]): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const it of items) {
    const k = `${it.owner ?? ''}\u0000${it.person ?? ''}`;
    const g = groups.get(k) ?? { owner: it.owner, person: it.person, items: [] };
    g.items.push(it);
    groups.set(k, g);
  }
  const rank = (r: Role | null) => {
    const i = r === null ? -1 : ROLE_ORDER.indexOf(r);
    return i === -1 ? ROLE_ORDER.length : i;
  };
  const out = [...groups.values()].sort(
    (a, b) => rank(a.owner) - rank(b.owner) || (a.person ?? '').localeCompare(b.person ?? ''),
  );
  for (const g of out)
    g.items.sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.due ?? Infinity) - (b.due ?? Infinity) ||
        a.id.localeCompare(b.id),
    );
  return out;
}

export function countStatuses(items: ActionItem[]): Record<ActionStatus, number> {
  const n: Record<ActionStatus, number> = { open: 0, overdue: 0, done: 0 };
  for (const it of items) n[it.status]++;
  return n;
}

/**
 * The items still open (or overdue) as of `now`, each with whether it is carried over: first found
 * before `since` (the weekly report: before the week), or, without `since`, before the latest
 * stream of its account that the history has items of (the brief: not from the last retro).
 */
export function openItems(
  events: ActionEvent[],
  now: number,
  since: number | null = null,
): Array<ActionItem & { carriedOver: boolean }> {
  const items = foldActions(events, now);
  const latestOf = new Map<string, number>();
  for (const e of events)
    if (e.event === 'found' && e.at <= now) {
      const k = `${e.partition.platform}|${e.partition.account}`;
      latestOf.set(k, Math.max(latestOf.get(k) ?? -Infinity, e.at));
    }
  return groupActions(items.filter((it) => it.status !== 'done'))
    .flatMap((g) => g.items)
    .map((it) => ({
      ...it,
      carriedOver:
        since !== null ? it.firstFoundAt < since : it.foundAt < (latestOf.get(`${it.platform}|${it.account}`) ?? 0),
    }));
}
