/**
 * What a raw row source gives (raw.ts decides the format and opens one; csv.ts and xlsx.ts are the
 * two kinds): sheets of rows of cells, no header logic. Apart from raw.ts so the readers need not
 * import the module that imports them.
 */
import { InputError } from '../../errors.js';
import type { ZipLimits } from './zip-guard.js';

/** One cell. An empty cell (or a cell holding only whitespace) is `null`; strings are trimmed. */
export type RawCell = string | number | boolean | Date | null;

/**
 * One non-empty row.
 * `rowNumber` is 1-based: for an xlsx it is the spreadsheet row; for a CSV it is the line on which
 * the record starts (a record with a quoted multi-line field spans several lines, so the next
 * record's rowNumber jumps accordingly). `cells[0]` is column A. Missing trailing cells mean null;
 * a row may also carry trailing nulls.
 */
export interface RawRow {
  rowNumber: number;
  cells: RawCell[];
  /** CSV: the file ends inside this row, with no line break after it. */
  unended?: boolean;
  /** CSV: the physical line the record starts on (a text editor's line; a quoted field may span several). */
  line?: number;
  /** CSV: the line the record ends on, when a quoted field in it holds line breaks. */
  lastLine?: number;
}

export interface RawSheet {
  /** The sheet's real name (from xl/workbook.xml); for a CSV, the file name without extension. */
  name: string;
  /** 0-based position in workbook order. */
  index: number;
  /** True when the workbook marks the sheet hidden or veryHidden (xlsx only). */
  hidden?: boolean;
  /**
   * The rows, in order. Single pass for xlsx: iterate at most once, and only while this sheet is
   * the current one (see `RawSource.sheets`). A CSV sheet can be iterated again (re-reads the file).
   */
  rows: AsyncIterable<RawRow>;
  /**
   * The same rows in batches, when the reader makes them (CSV: the rows each read chunk
   * completes): what a large input is read through. Iterate `rows` or `batches`, not both.
   */
  batches?: AsyncIterable<RawRow[]>;
}

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type SourceDelimiter = ',' | '\t' | ';';

/** One file. */
export interface RawSource {
  file: string;
  format: 'csv' | 'xlsx';
  /**
   * CSV only. Decided from the first 1 MiB; when that prefix is pure ASCII the decision is made
   * while streaming, at the first non-ASCII byte, so this reads 'utf-8' until then and may turn
   * into 'gb18030' once the rows have been read.
   */
  encoding?: SourceEncoding;
  /** CSV only. */
  delimiter?: SourceDelimiter;
  /** xlsx only: the workbook's creator (liveops marks its own reports "liveops"). */
  creator?: string | null;
  /**
   * The sheets. A CSV is one sheet. For an xlsx the sheets are streamed in the order they are
   * stored in the zip (which is workbook order for files written by Excel, WPS and exceljs;
   * `RawSheet.index` always gives the workbook position), and each sheet's rows must be consumed
   * before asking for the next sheet: when the consumer moves on, whatever is left of the previous
   * sheet is closed automatically (never a deadlock; skipped rows are not parsed).
   * Iterate `sheets` only once.
   */
  sheets: AsyncIterable<RawSheet>;
}

export interface OpenOptions {
  /** Force a CSV encoding instead of detecting it. */
  encoding?: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  /** Force a CSV delimiter instead of detecting it. */
  delimiter?: SourceDelimiter;
  /** Limits the zip guard applies to an xlsx before it is parsed. */
  zipLimits?: Partial<ZipLimits>;
}

/** Map a file-system error the user can fix to an InputError; anything else is rethrown as is. */
export function fsError(file: string, e: NodeJS.ErrnoException): Error {
  switch (e.code) {
    case 'ENOENT':
      return new InputError({ file }, 'file not found');
    case 'ENOTDIR':
      return new InputError({ file }, 'file not found (a part of the path is not a directory)');
    case 'EACCES':
    case 'EPERM':
      return new InputError({ file }, 'permission denied: cannot read this file');
    case 'EISDIR':
      return new InputError({ file }, 'is a directory, expected a .csv or .xlsx file');
    default:
      return e;
  }
}
