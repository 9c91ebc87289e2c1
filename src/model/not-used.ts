/**
 * Why a file (or one sheet of it) gave a command nothing: every input left out is named with its
 * reason, in the summary, the log line and --json (`ignored`). The reason is a code; the text is
 * made where it is shown (i18n/messages.ts `notUsedReason`).
 */
import type { TableKind } from '../io/read/detect.js';
import type { Table } from '../io/read/tables.js';
import { LIVEOPS_CREATOR } from '../io/write/cells.js';

export type NotUsedWhy =
  /** Nothing in it: 0 bytes, only a BOM, only blank lines or delimiters. */
  | 'empty'
  /** A header this command reads, and no rows of data under it. */
  | 'no-rows'
  /** No header the tool knows (a sheet without its header row, or another system's file). */
  | 'no-header'
  /** A table of a kind this command does not read (a KPI sheet given to select). */
  | 'other-kind'
  /** A report liveops wrote (last week's elimination list in this week's folder). */
  | 'liveops-report'
  /** Not an export by its name (notes.docx in the folder). */
  | 'not-an-export';

export interface NotUsed {
  file: string;
  sheet: string | null;
  why: NotUsedWhy;
  /** other-kind, no-rows: the kind of table found. */
  kind?: TableKind;
  /** The reason in words (in the run's language), added where the report is made. */
  reason?: string;
}

/**
 * Why `t` gives nothing, before its rows are read, or null when it may: `reads` are the kinds the
 * command uses. A table of a used kind with no rows is known only once read (`noRows`).
 */
export function notUsedBefore(
  file: string,
  t: Pick<Table, 'creator' | 'empty' | 'kind' | 'sheet'>,
  reads: ReadonlySet<string>,
): NotUsed | null {
  const at = { file, sheet: t.sheet ?? null };
  if (t.creator === LIVEOPS_CREATOR) return { ...at, why: 'liveops-report' };
  if (t.empty) return { ...at, why: 'empty' };
  if (t.kind === 'unknown') return { ...at, why: 'no-header' };
  if (!reads.has(t.kind)) return { ...at, why: 'other-kind', kind: t.kind };
  return null;
}

export function noRows(file: string, t: Pick<Table, 'kind' | 'sheet'>): NotUsed {
  return { file, sheet: t.sheet ?? null, why: 'no-rows', kind: t.kind };
}

/** One entry per file: a workbook none of whose sheets gave anything is named by its first reason that says most. */
export function firstReason(list: readonly NotUsed[]): NotUsed | null {
  const order: NotUsedWhy[] = ['liveops-report', 'no-rows', 'other-kind', 'no-header', 'empty', 'not-an-export'];
  return [...list].sort((a, b) => order.indexOf(a.why) - order.indexOf(b.why))[0] ?? null;
}

/**
 * An input that should have held data and held none (an empty export, a header with no rows): a
 * failed export more often than not, so the run ends with exit 3 like a file left out.
 */
export function anyEmptyExport(list: readonly NotUsed[]): boolean {
  return list.some((n) => n.why === 'empty' || n.why === 'no-rows');
}
