/**
 * Raw row sources: one file → sheets → rows of cells, with no header logic.
 *
 * The format is decided by content, not by extension:
 *   - zip magic `PK\x03\x04`            → xlsx (checked by the zip guard before exceljs sees it)
 *   - OLE magic `D0 CF 11 E0` (old .xls) → InputError asking for .xlsx or .csv
 *   - anything else                      → CSV (encoding and delimiter detected from the content)
 *
 * Rows that are entirely empty are never yielded, but they are counted: `rowNumber` keeps the
 * numbering the user sees, so gaps in rowNumber are the empty rows.
 */
import { open, stat } from 'node:fs/promises';

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

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function openRawSource(file: string, opts: OpenOptions = {}): Promise<RawSource> {
  const st = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw fsError(file, e);
  });
  if (st.isDirectory()) throw new InputError({ file }, 'is a directory, expected a .csv or .xlsx file');
  if (!st.isFile()) throw new InputError({ file }, 'is not a regular file, expected a .csv or .xlsx file');
  if (st.size === 0) throw new InputError({ file }, 'file is empty');

  const head = Buffer.alloc(512);
  let got = 0;
  const fh = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw fsError(file, e);
  });
  try {
    got = (await fh.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await fh.close();
  }
  const magic = head.subarray(0, got);

  if (startsWith(magic, OLE_MAGIC)) {
    throw new InputError(
      { file },
      'this is an old binary Excel file (.xls), a password-protected workbook or another OLE document, ' +
        'which is not supported: open it in Excel or WPS and save it (without a password) as .xlsx or .csv',
    );
  }
  if (startsWith(magic, ZIP_MAGIC) || startsWith(magic, EMPTY_ZIP_MAGIC)) {
    // Each reader is loaded when a file of its format comes: CSV-only runs never load yauzl.
    const { openXlsxSource } = await import('./xlsx.js');
    return openXlsxSource(file, opts.zipLimits);
  }
  if (looksLikeMarkup(magic)) {
    throw new InputError(
      { file },
      'is an HTML or XML page, not an export: a download link that had expired or a login page saves like this, and ' +
        'some systems write an HTML table under an .xls name. Download the export again, or open it in Excel or WPS and save it as .xlsx or .csv',
    );
  }
  const { openCsvSource } = await import('./csv.js');
  return openCsvSource(file, st.size, opts);
}

/** The file starts (after a BOM and blank space) with <!DOCTYPE, <html or <?xml: a web page or an XML spreadsheet. */
function looksLikeMarkup(head: Buffer): boolean {
  const text = head.toString('latin1').replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\x00/g, '').trimStart().toLowerCase();
  return /^<(?:!doctype\s+html|html[\s>]|\?xml\s|head[\s>]|body[\s>]|table[\s>]|meta\s)/.test(text);
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
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
