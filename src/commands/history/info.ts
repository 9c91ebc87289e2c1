/**
 * `liveops history info`: where the history is, its tables (files and rows of the records read),
 * the accounts and months it covers, and the files it skips (damaged, incomplete, not its own).
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Context } from '../../context.js';
import { historyNote } from '../../collect/history.js';
import { latestStreams, type HistoryStream } from '../../domain/history/records.js';
import { UsageError } from '../../errors.js';
import { committedRuns, readTable, type SkippedFile } from '../../io/history/store.js';
import { HISTORY_TABLES, type HistoryTable } from '../../model/history.js';
import { present } from '../../ui/present.js';
import { historyText, infoLogLine, renderInfoSummary } from './render.js';
import type { InfoReport } from './types.js';

export type { InfoReport };

/** The names the store writes (`<12 hex>.<run id>.parquet`); anything else in a partition is not its. */
const HISTORY_FILE = /^[0-9a-f]{12}\.\d{13}-[0-9a-f]{8}\.parquet$/;

/** Files in a table's partition folders that the store did not write (a copy, a stray download). */
async function strayFiles(dir: string, depth = 0): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await strayFiles(p, depth + 1)));
    // Temp files of a write in progress start with a dot.
    else if (depth === 3 && !e.name.startsWith('.') && !HISTORY_FILE.test(e.name)) out.push(p);
  }
  return out;
}

export async function runHistoryInfo(ctx: Context): Promise<number> {
  const note = historyNote(ctx);
  if (!ctx.history || !note)
    throw new UsageError(
      'history info: no history this run (--no-history, LIVEOPS_HISTORY=off or history: false in the config)',
    );
  const root = ctx.history;
  const shown = (f: string) => {
    const rel = relative(ctx.cwd, f);
    return rel && !rel.startsWith('..') ? rel : f;
  };
  const report: InfoReport = {
    command: 'history info',
    dir: note.dir,
    exists: (await stat(root).catch(() => null))?.isDirectory() === true,
    tables: [],
    streams: 0,
    accounts: [],
    months: [],
    skipped: [],
  };
  const committed = await committedRuns(root);
  const skipped: SkippedFile[] = [];
  const streamRows: HistoryStream[] = [];
  const months = new Set<string>();
  for (const table of Object.keys(HISTORY_TABLES) as HistoryTable[]) {
    let files = 0;
    let rows = 0;
    for await (const f of readTable(root, table, {}, skipped, committed)) {
      files++;
      rows += f.rows.length;
      if (f.partition.month !== 'undated') months.add(f.partition.month);
      if (table === 'streams') for (const r of f.rows) streamRows.push({ ...r, ...f.partition } as HistoryStream);
    }
    report.tables.push({ table, files, rows });
    for (const s of await strayFiles(join(root, table))) skipped.push({ file: s, reason: historyText[ctx.lang].stray });
  }
  const streams = latestStreams(streamRows);
  report.streams = streams.length;
  const byAccount = new Map<string, InfoReport['accounts'][number]>();
  for (const s of streams) {
    const k = `${s.platform}\u0000${s.account}`;
    const a = byAccount.get(k) ?? { platform: s.platform, account: s.account, streams: 0, months: [] };
    byAccount.set(k, a);
    a.streams++;
    if (!a.months.includes(s.month)) a.months.push(s.month);
  }
  report.accounts = [...byAccount.values()]
    .map((a) => ({ ...a, months: a.months.sort() }))
    .sort((a, b) => a.platform.localeCompare(b.platform) || a.account.localeCompare(b.account));
  report.months = [...months].sort();
  report.skipped = skipped.map((s) => ({ file: shown(s.file), reason: s.reason }));
  await present(ctx, report, { render: renderInfoSummary, logLine: infoLogLine(report) });
  return 0;
}
