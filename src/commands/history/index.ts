/**
 * `liveops history import <stream lists…>` seeds the history from past stream-list exports
 * (Compass 直播明细, 生意参谋 分场次效果), and `liveops history info` says what it holds.
 *
 * An import records one run per file and account+month partition, its record key made of the
 * partition and the streams' keys: importing the same export again replaces its record, never
 * doubles it; overlapping exports are one stream each when read (latestStreams: the latest import,
 * and a retro of the same stream over any import).
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import {
  historyFailure,
  historyNote,
  historyStreams,
  recordInHistory,
  type HistoryNote,
} from '../../collect/history.js';
import { addImportedStream, streamKey, uniqueStreams, type StreamParts } from '../../domain/history/records.js';
import { InputError, UsageError } from '../../errors.js';
import { fileAndSheet, notUsedReason, valueWarningText } from '../../i18n/messages.js';
import { openTables } from '../../io/read/tables.js';
import type { HistoryPartition, HistoryRow } from '../../model/history.js';
import { collect, headerIn } from '../../model/collect.js';
import { notUsedBefore, noRows, type NotUsed } from '../../model/not-used.js';
import { runClock } from '../../clock.js';
import { present } from '../../ui/present.js';
import { renderImportSummary, importLogLine, historyText } from './render.js';
import type { ImportedAccount, ImportReport } from './types.js';

export type { ImportedAccount, ImportReport };

const READS = new Set(['stream-list']);

/** A file's stream-list rows, by partition; or why the file gave none. */
async function readStreamList(
  ctx: Context,
  file: string,
  warnings: string[],
): Promise<{ parts: StreamParts; notUsed: NotUsed[] }> {
  const parts: StreamParts = new Map();
  const notUsed: NotUsed[] = [];
  const st = await stat(resolve(ctx.cwd, file)).catch(() => null);
  if (st?.isDirectory())
    throw new UsageError(`${file}: is a directory; pass the export files in it (e.g. ${file}/*.xlsx)`);
  for await (const t of openTables(resolve(ctx.cwd, file), { headerMap: ctx.config.headers, strict: true })) {
    const skip = notUsedBefore(file, t, READS);
    if (skip) {
      notUsed.push(skip);
      if (skip.why === 'liveops-report') break;
      continue;
    }
    if (t.missingRequired.length) {
      const { fieldLabel } = await import('../../io/read/fields.js');
      throw new InputError(
        { file, ...(t.sheet ? { sheet: t.sheet } : {}), ...(t.headerRow ? { row: t.headerRow } : {}) },
        `missing a required column: ${t.missingRequired.map((grp) => grp.map((x) => fieldLabel(x, 'zh')).join(' / ')).join('; ')}`,
      );
    }
    const header = headerIn(t);
    const platform = t.platform;
    const rows = await collect(t, {
      stream: (s, at) => {
        if (!s.start && !s.streamId) {
          const column = header('start');
          throw new InputError(
            { file, ...(t.sheet ? { sheet: t.sheet } : {}), row: at.row, ...(column ? { column } : {}) },
            'no start time and no stream id: a stream needs one to be recorded in the history',
          );
        }
        addImportedStream(parts, platform, s);
      },
    });
    if (!rows) notUsed.push(noRows(file, t));
    for (const w of t.warnings) warnings.push(valueWarningText(w, ctx.lang, fileAndSheet(file, t.sheet)));
  }
  return { parts, notUsed };
}

/** The record key of a file's streams of one partition: the same streams are the same record. */
function importKey(p: HistoryPartition, rows: HistoryRow[]): string {
  const keys = rows.map((r) => String(r.stream_key)).sort();
  const hash = createHash('sha1').update(keys.join('\n')).digest('hex').slice(0, 16);
  return `import|${p.platform}|${p.account}|${p.month}|${hash}`;
}

export async function runHistoryImport(ctx: Context, files: string[]): Promise<number> {
  const note = historyNote(ctx);
  if (!ctx.history || !note)
    throw new UsageError(
      'history import: no history this run (--no-history, LIVEOPS_HISTORY=off or history: false in the config): nothing to import into',
    );
  if (files.length === 0) throw new UsageError('history import: pass the stream-list exports, e.g. 直播明细_*.xlsx');
  const report: ImportReport = {
    command: 'history import',
    history: note,
    files: [],
    accounts: [],
    streams: 0,
    skipped: [],
    warnings: [],
  };
  // Every file is read before anything is recorded: bad input records nothing.
  const read: Array<{ file: string; parts: StreamParts }> = [];
  for (const file of files) {
    const r = await readStreamList(ctx, file, report.warnings);
    if (r.parts.size === 0) {
      const why = r.notUsed[0];
      report.skipped.push({
        file,
        reason: why
          ? `${why.sheet ? `[${why.sheet}] ` : ''}${notUsedReason(why, ctx.lang)}`
          : historyText[ctx.lang].noList,
      });
      continue;
    }
    read.push({ file, parts: r.parts });
  }
  if (read.length === 0)
    throw new UsageError(
      `history import: no stream list in ${files.join(', ')} (expected a Compass 直播明细 or 生意参谋 分场次效果 export): ${report.skipped.map((s) => `${s.file}: ${s.reason}`).join('; ')}`,
    );
  const now = runClock(ctx.env);
  const accounts = new Map<string, ImportedAccount>();
  // What the history had before this import, counted once per partition and stream.
  const seen = new Set<string>();
  for (const { parts } of read)
    for (const { partition, rows } of parts.values()) {
      const fresh = uniqueStreams(rows).filter((r) => !seen.has(String(r.stream_key)));
      for (const r of fresh) seen.add(String(r.stream_key));
      await countKnown(ctx, note, partition, fresh, accounts);
    }
  for (const { file, parts } of read) {
    let n = 0;
    for (const { partition, rows } of parts.values()) {
      const unique = uniqueStreams(rows);
      n += unique.length;
      await recordInHistory(
        ctx,
        note,
        {
          command: 'import',
          recordKey: importKey(partition, unique),
          inputs: [file],
          partition,
          parts: [{ table: 'streams', partition, rows: unique }],
        },
        now,
      );
    }
    report.files.push({ file, streams: n });
  }
  report.accounts = [...accounts.values()].sort(
    (a, b) => a.platform.localeCompare(b.platform) || a.account.localeCompare(b.account),
  );
  report.streams = report.accounts.reduce((s, a) => s + a.streams, 0);
  await present(ctx, report, {
    render: renderImportSummary,
    logLine: importLogLine(report),
  });
  const failed = historyFailure(ctx, note);
  if (failed) return failed;
  return report.skipped.length > 0 ? 3 : 0;
}

/** What the history already has of these streams (before this import records them), counted per account. */
async function countKnown(
  ctx: Context,
  note: HistoryNote,
  p: HistoryPartition,
  rows: HistoryRow[],
  accounts: Map<string, ImportedAccount>,
): Promise<void> {
  const had = await historyStreams(ctx, note, { platform: p.platform, account: p.account, months: [p.month] });
  const byMinute = new Map<string, string>();
  for (const h of had) {
    const start = h.start_time instanceof Date ? h.start_time.toISOString() : null;
    const at = start ? streamKey(p.platform, p.account, null, isoMinute(start)) : String(h.stream_key);
    byMinute.set(at, String(h.source));
    byMinute.set(String(h.stream_key), String(h.source));
  }
  const k = `${p.platform}\u0000${p.account}`;
  const a = accounts.get(k) ?? {
    platform: p.platform,
    account: p.account,
    streams: 0,
    months: [],
    replaced: 0,
    retro: 0,
  };
  accounts.set(k, a);
  if (!a.months.includes(p.month)) a.months.push(p.month);
  a.months.sort();
  for (const r of rows) {
    a.streams++;
    const start = r.start_time ? new Date(Date.parse(String(r.start_time))).toISOString() : null;
    const source =
      byMinute.get(String(r.stream_key)) ??
      (start ? byMinute.get(streamKey(p.platform, p.account, null, isoMinute(start))) : undefined);
    if (source === 'retro') a.retro++;
    else if (source === 'import') a.replaced++;
  }
}

/** An instant to the minute, in UTC: the same stream in any zone is the same minute. */
const isoMinute = (utcIso: string) => utcIso.slice(0, 16);
