/**
 * The worksheet reader liveops used before sheet-scan.ts: exceljs's streaming WorksheetReader,
 * its rows converted to RawRows. Production reads sheets with the scanner; this stays, reachable
 * only through openXlsxSource's `sheetReader: 'exceljs'`, so that test/unit/sheet-scan.test.ts can
 * read every workbook both ways and prove the scanner gives the same rows and the same errors.
 */
import type { Readable } from 'node:stream';

import type { InputError } from '../../errors.js';
import { columnLetter } from '../column-letter.js';
import type { RawCell, RawRow } from './source.js';
import { MissingSharedString, toCell } from './xlsx-cells.js';

// Minimal shapes of the exceljs streaming classes used here (its typings do not cover them).
interface ExcelCell {
  numFmt?: string;
}
interface ExcelRow {
  number: number;
  values: unknown[];
  getCell(col: number): ExcelCell;
}
interface ExcelWorksheetReader {
  [Symbol.asyncIterator](): AsyncIterator<ExcelRow>;
}
/** What of exceljs's WorkbookReader the old sheet path uses. */
export interface ExceljsSheetParser {
  sharedStrings?: unknown[];
  /** Yields `{eventType: 'worksheet', value}`: a WorksheetReader over `iterator`. */
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: ExcelWorksheetReader }>;
}

export interface ExceljsSheetContext {
  file: string;
  sheet: string;
  date1904: boolean;
  missingString(index: string, row: number, col: number): InputError;
}

/** The shared strings, answering an index outside them with a MissingSharedString, for exceljs. */
export function guardSharedStrings(strings: unknown[]): unknown[] {
  return new Proxy(strings, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (v !== undefined || typeof prop !== 'string') return v;
      // exceljs looks up parseInt(<v> text): an integer, NaN, or a negative one.
      if (prop === 'NaN' || /^-?\d+$/.test(prop)) return new MissingSharedString(prop);
      return v;
    },
  });
}

/** The sheet part's rows through exceljs's WorksheetReader, one row a batch. */
export async function* exceljsSheetRows(
  parser: ExceljsSheetParser,
  stream: Readable,
  sheetNo: string,
  ctx: ExceljsSheetContext,
): AsyncGenerator<RawRow[]> {
  const [emitted] = [...parser._parseWorksheet(stream, sheetNo)];
  for await (const excelRow of emitted!.value as AsyncIterable<ExcelRow>) {
    const row = convertRow(ctx, excelRow);
    if (row) yield [row];
  }
}

function convertRow(ctx: ExceljsSheetContext, row: ExcelRow): RawRow | null {
  const values = row.values; // sparse, 1-based
  const n = values.length - 1;
  if (n <= 0) return null;
  const cells = new Array<RawCell>(n);
  let empty = true;
  for (let col = 1; col <= n; col++) {
    const v = values[col];
    let cell: RawCell;
    if (v === undefined || v === null) {
      cell = null;
    } else if (v instanceof MissingSharedString) {
      throw ctx.missingString(v.index, row.number, col);
    } else {
      cell = toCell(
        v,
        () => ({ file: ctx.file, sheet: ctx.sheet, row: row.number, column: columnLetter(col) }),
        () => row.getCell(col).numFmt,
        ctx.date1904,
      );
    }
    cells[col - 1] = cell;
    if (cell !== null) empty = false;
  }
  return empty ? null : { rowNumber: row.number, cells };
}
