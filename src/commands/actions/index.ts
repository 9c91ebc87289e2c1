/**
 * `liveops actions`: the improvement items (改进清单) the retros recorded in the history, open and
 * overdue ones by who acts; `liveops actions done <id...>` closes items.
 *
 * Exit codes: 0 listed (or recorded) · 3 listed, some overdue · 2 no history this run, or an
 * unknown id (nothing recorded) · 4 the history could not be written.
 */
import type { Context } from '../../context.js';
import {
  countStatuses,
  filterActions,
  foldActions,
  groupActions,
  type ActionItem,
} from '../../domain/history/actions.js';
import { readActionEvents, recordDone } from '../../collect/actions.js';
import { historyFailure, historyNote, type HistoryNote } from '../../collect/history.js';
import { actionsText, localiseGroups, localiseItem, ROLE_NAMES } from '../../i18n/actions.js';
import { UsageError } from '../../errors.js';
import { runClock, shanghaiIso } from '../../clock.js';
import { present } from '../../ui/present.js';
import { renderActions, renderDone, type ActionsDone, type ActionsListing } from './render.js';

export interface ActionsOptions {
  owner?: string | undefined;
  account?: string | undefined;
  all: boolean;
}

function requireHistory(ctx: Context): HistoryNote {
  const note = historyNote(ctx);
  if (!note) throw new UsageError(actionsText.en.noHistory);
  return note;
}

export async function runActions(ctx: Context, opts: ActionsOptions): Promise<number> {
  const note = requireHistory(ctx);
  const now = runClock(ctx.env);
  const events = await readActionEvents(ctx, note, { account: opts.account });
  const items = foldActions(events, now.getTime());
  const shown = filterActions(items, { ...opts, roleLabels: ROLE_NAMES });
  const counts = countStatuses(shown);
  const report: ActionsListing = {
    now: shanghaiIso(now),
    filter: { owner: opts.owner ?? null, account: opts.account ?? null, all: opts.all },
    counts,
    /** Items in the history at all (before the filter): none yet says so. */
    known: items.length,
    groups: localiseGroups(groupActions(shown), ctx.lang),
    history: note,
  };
  await present(ctx, report, {
    render: renderActions,
    logLine: `liveops actions: ${counts.open} open, ${counts.overdue} overdue${opts.all ? `, ${counts.done} done` : ''} (exit ${counts.overdue > 0 ? 3 : 0})`,
  });
  return counts.overdue > 0 ? 3 : 0;
}

export async function runActionsDone(ctx: Context, ids: string[]): Promise<number> {
  const note = requireHistory(ctx);
  if (ids.length === 0)
    throw new UsageError('missing the item ids: liveops actions done <id...> (see liveops actions)');
  const now = runClock(ctx.env);
  const items = new Map(foldActions(await readActionEvents(ctx, note), now.getTime()).map((it) => [it.id, it]));
  const wanted = [...new Set(ids.map((x) => x.trim()))];
  // An id typed in another case is still the item (ids are "A" + base 36).
  const find = (id: string): ActionItem | undefined =>
    items.get(id) ?? [...items.values()].find((it) => it.id.toLowerCase() === id.toLowerCase());
  const unknown = wanted.filter((id) => !find(id));
  if (unknown.length) throw new UsageError(actionsText.en.unknown(unknown, note.dir));
  const closed: ActionItem[] = [];
  const already: ActionItem[] = [];
  for (const id of wanted) {
    const it = find(id)!;
    if (it.status === 'done') {
      already.push(it);
      continue;
    }
    await recordDone(ctx, note, it, now);
    if (note.error) break;
    closed.push({ ...it, status: 'done', doneAt: now.getTime() });
  }
  const report: ActionsDone = {
    now: shanghaiIso(now),
    closed: closed.map((it) => localiseItem(it, ctx.lang)),
    alreadyDone: already.map((it) => localiseItem(it, ctx.lang)),
    history: note,
  };
  await present(ctx, report, {
    render: renderDone,
    logLine: `liveops actions done: ${closed.length} closed${already.length ? `, ${already.length} already done` : ''}${note.error ? ' (history not written, exit 4)' : ''}`,
  });
  return historyFailure(ctx, note) ?? 0;
}
