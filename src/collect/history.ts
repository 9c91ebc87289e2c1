/**
 * The commands' side of the history: record a run's rows, read back what the commands feed on
 * (recent streams, planned streams, eliminations, action events), and the note every summary and
 * `--json` carry about it (where, what was recorded, which files were skipped and why).
 */
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import type { Context } from '../context.js';
import { WriteError } from '../errors.js';
import { readAll, readTable, recordRun, type ReadFilter, type SkippedFile } from '../io/history/store.js';
import type { HistoryNote, HistoryPart, HistoryPartition, HistoryRow, HistoryTable } from '../model/history.js';

export type { HistoryNote };
import type { HistoryStream, PlannedStream } from '../domain/history/records.js';
import { textCell } from '../domain/history/cells.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

export function historyNote(ctx: Context): HistoryNote | null {
  if (!ctx.history) return null;
  const rel = relative(ctx.cwd, ctx.history);
  return {
    dir: rel && !rel.startsWith('..') ? rel : ctx.history,
    recorded: 0,
    replaced: 0,
    used: [],
    skipped: [],
    error: null,
  };
}

/**
 * Record a run in the history (when there is one this run): a failed write goes into the note, not a
 * crash. `reportWritten`: the run wrote a report besides (said in the message); `actions done` has none.
 */
export async function recordInHistory(
  ctx: Context,
  note: HistoryNote | null,
  run: { command: string; recordKey: string; inputs: string[]; partition: HistoryPartition; parts: HistoryPart[] },
  now: Date,
  reportWritten = true,
): Promise<void> {
  if (!ctx.history || !note) return;
  try {
    const r = await recordRun(ctx.history, { ...run, recordedAt: now, version });
    note.recorded += r.files.length;
    note.replaced += r.replaced;
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    note.error = `${e.message} (history not recorded${reportWritten ? '; the report was written' : ''})`;
  }
}

/** When the run's history write failed: its one line on stderr, and exit 4; else null. */
export function historyFailure(ctx: Context, note: HistoryNote | null): 4 | null {
  if (!note?.error) return null;
  ctx.term.stderr.write(`liveops: ${note.error}\n`);
  return 4;
}

/** Rows of a history table, skipped files noted. Empty without a history. */
export async function historyRows(
  ctx: Context,
  note: HistoryNote | null,
  table: HistoryTable,
  filter: ReadFilter = {},
): Promise<Array<HistoryRow & HistoryPartition>> {
  if (!ctx.history) return [];
  const skipped: SkippedFile[] = [];
  const rows = await readAll(ctx.history, table, filter, skipped);
  if (note) for (const s of skipped) if (!note.skipped.some((x) => x.file === s.file)) note.skipped.push(shown(ctx, s));
  return rows;
}

/** A history table one file at a time (bounded memory over a large history). */
export async function* historyFiles(ctx: Context, note: HistoryNote | null, table: HistoryTable, filter: ReadFilter) {
  if (!ctx.history) return;
  const skipped: SkippedFile[] = [];
  try {
    yield* readTable(ctx.history, table, filter, skipped);
  } finally {
    if (note) for (const s of skipped) note.skipped.push(shown(ctx, s));
  }
}

function shown(ctx: Context, s: SkippedFile): SkippedFile {
  const rel = relative(ctx.cwd, s.file);
  return { file: rel && !rel.startsWith('..') ? rel : s.file, reason: s.reason };
}

/** The streams of the history (one row per stream), of an account when given. */
export async function historyStreams(
  ctx: Context,
  note: HistoryNote | null,
  filter: ReadFilter = {},
): Promise<HistoryStream[]> {
  const { latestStreams } = await import('../domain/history/records.js');
  return latestStreams((await historyRows(ctx, note, 'streams', filter)) as HistoryStream[]);
}

/** The planned streams of the latest schedule runs (each month's plan once). */
export async function plannedStreams(
  ctx: Context,
  note: HistoryNote | null,
  filter: ReadFilter = {},
): Promise<PlannedStream[]> {
  const rows = await historyRows(ctx, note, 'planned', filter);
  return rows.map((r) => ({
    account: r.account,
    platform: r.platform,
    date: String(r.date),
    start: r.start_time instanceof Date ? r.start_time.toISOString() : null,
    anchor: textCell(r.anchor),
    assistant: textCell(r.assistant),
    products: Array.isArray(r.products) ? r.products.map(String) : [],
  }));
}
