/**
 * XLSX row source, streamed with exceljs's `stream.xlsx.WorkbookReader` (never readFile/load).
 * exceljs is imported lazily, so the CLI does not pay for it unless an xlsx is read.
 *
 * Before exceljs sees the file the zip guard checks it and reads the real sheet names and part
 * paths from xl/workbook.xml + its rels. Sheets emitted by exceljs are matched to those names by
 * their *part path*: exceljs emits an `entry` event `{type: 'worksheet', id: N}` (N from the part
 * name `xl/worksheets/sheetN.xml`) synchronously right before it yields the worksheet reader.
 * The reader's own `name` (Sheet1..SheetN when xl/workbook.xml comes late in the zip) and `id`
 * (overwritten with the workbook's sheetId when exceljs did find the workbook) are never used.
 *
 * Sheets come in zip order; each must be consumed before the next is requested. Whatever the
 * consumer leaves of a sheet is drained when it asks for the next sheet (a sheet whose rows were
 * never started is drained as raw bytes, without parsing its XML).
 *
 * Cell values → RawCell:
 *   - numbers → number (NaN/empty → null); booleans → boolean
 *   - cells with a date number format → Date. exceljs builds it so that its *UTC* fields are the
 *     wall-clock time shown in Excel (read it with getUTC*; no time zone is implied)
 *   - strings, shared strings, rich text (runs concatenated), hyperlinks (their text) → trimmed
 *     string, empty → null
 *   - formulas → their cached result converted the same way (a numeric result in a
 *     date-formatted cell → Date); a formula without a cached result → null
 *   - error values (#N/A, #DIV/0! …) → null
 * A string longer than 32,767 characters (Excel's own cell limit) is an InputError naming the
 * sheet, row and column letter.
 */
import { createReadStream } from 'node:fs';

import { InputError } from '../../errors.js';
import type { RawCell, RawRow, RawSheet, RawSource } from './raw.js';
import { guardXlsx, type GuardedWorkbook, type WorkbookSheetInfo, type ZipLimits } from './zip-guard.js';
import { columnLetter } from '../column-letter.js';

/** Excel's maximum number of characters in a cell. */
export const MAX_CELL_CHARS = 32_767;

export async function openXlsxSource(file: string, limits?: Partial<ZipLimits>): Promise<RawSource> {
  const wb = await guardXlsx(file, limits);
  let iterated = false;
  return {
    file,
    format: 'xlsx',
    sheets: {
      [Symbol.asyncIterator]: () => {
        if (iterated) throw new Error(`${file}: the sheets of an xlsx source can only be iterated once`);
        iterated = true;
        return streamSheets(file, wb);
      },
    },
  };
}

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
  /** The raw XML byte stream of the sheet part (set by exceljs's constructor). */
  iterator: AsyncIterable<unknown>;
  [Symbol.asyncIterator](): AsyncIterator<ExcelRow>;
}
interface ExcelWorkbookReader {
  on(event: 'entry', listener: (e: { type: string; id?: string }) => void): unknown;
  [Symbol.asyncIterator](): AsyncIterator<ExcelWorksheetReader>;
  model?: unknown;
  properties?: unknown;
}
type WorkbookReaderCtor = new (input: NodeJS.ReadableStream, options: Record<string, string>) => ExcelWorkbookReader;

async function loadWorkbookReader(): Promise<WorkbookReaderCtor> {
  const mod = (await import('exceljs')) as unknown as {
    default?: { stream: { xlsx: { WorkbookReader: unknown } } };
    stream?: { xlsx: { WorkbookReader: unknown } };
  };
  const ns = mod.default ?? mod;
  return ns.stream!.xlsx.WorkbookReader as WorkbookReaderCtor;
}

async function* streamSheets(file: string, wb: GuardedWorkbook): AsyncGenerator<RawSheet> {
  const WorkbookReader = await loadWorkbookReader();
  const input = createReadStream(file);
  const reader = new WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  // When sheet parts come before xl/workbook.xml, exceljs 4.4 dereferences `this.model.sheets`
  // (if the rels came first) and `properties.model.date1904` (date cells) before it has parsed
  // the workbook. Pre-seed both from what the zip guard read; exceljs overwrites them with the
  // same information when it reaches xl/workbook.xml.
  reader.model = { sheets: [] };
  reader.properties = { model: { date1904: wb.date1904 } };

  let lastPart: string | undefined;
  reader.on('entry', (e) => {
    if (e.type === 'worksheet') lastPart = `xl/worksheets/sheet${e.id}.xml`;
  });

  const sheets = reader[Symbol.asyncIterator]();
  let current: SheetCursor | undefined;
  let finished = false;
  try {
    for (;;) {
      if (current) {
        await current.drain();
        current = undefined;
      }
      lastPart = undefined;
      let next: IteratorResult<ExcelWorksheetReader>;
      try {
        next = await sheets.next();
      } catch (e) {
        throw damagedWhileStreaming(file, undefined, e);
      }
      if (next.done) break;
      const info = lastPart === undefined ? undefined : wb.byPart.get(lastPart);
      current = new SheetCursor(file, next.value, info, wb.date1904);
      if (!info) continue; // a part the workbook does not list: drained at the top of the loop
      yield {
        name: info.name,
        index: info.index,
        hidden: info.hidden,
        rows: current.rows,
      };
    }
    finished = true;
  } finally {
    if (current) current.retire();
    if (!finished) {
      // The consumer stopped early (or an error): stop reading the file.
      input.destroy();
      try {
        await sheets.return?.();
      } catch {
        /* already failing or stopped */
      }
    }
  }
}

/** One emitted worksheet: hands out its rows once, then drains what is left. */
class SheetCursor {
  private state: 'fresh' | 'reading' | 'done' | 'retired' = 'fresh';
  private inner: AsyncIterator<ExcelRow> | undefined;
  readonly rows: AsyncIterable<RawRow>;

  constructor(
    private readonly file: string,
    private readonly ws: ExcelWorksheetReader,
    private readonly info: WorkbookSheetInfo | undefined,
    private readonly date1904: boolean,
  ) {
    this.rows = { [Symbol.asyncIterator]: () => this.iterate() };
  }

  private async *iterate(): AsyncGenerator<RawRow> {
    if (this.state !== 'fresh') {
      throw new Error(
        `${this.file} [${this.info?.name}]: the rows of an xlsx sheet can be iterated only once, ` +
          'and only before moving on to the next sheet',
      );
    }
    this.state = 'reading';
    // Driven by hand (not for-await) so that a consumer's `break` does not close exceljs's
    // iterator: drain() continues from where the consumer stopped.
    this.inner = this.ws[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<ExcelRow>;
      try {
        next = await this.inner.next();
      } catch (e) {
        this.state = 'done';
        throw damagedWhileStreaming(this.file, this.info?.name, e);
      }
      if (next.done) {
        this.state = 'done';
        return;
      }
      const row = convertRow(this.file, this.info?.name ?? '', next.value, this.date1904);
      if (row) yield row;
    }
  }

  /** Consume whatever is left of this sheet so exceljs can move on to the next zip entry. */
  async drain(): Promise<void> {
    try {
      if (this.state === 'fresh') {
        this.state = 'retired';
        // Never started: skip the raw bytes without parsing the XML.
        for await (const _chunk of this.ws.iterator) {
          /* discard */
        }
      } else if (this.state === 'reading') {
        this.state = 'retired';
        while (!(await this.inner!.next()).done) {
          /* discard */
        }
      }
    } catch (e) {
      throw damagedWhileStreaming(this.file, this.info?.name, e);
    }
    this.state = 'retired';
  }

  retire(): void {
    this.state = 'retired';
  }
}

function convertRow(file: string, sheet: string, row: ExcelRow, date1904: boolean): RawRow | null {
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
    } else {
      cell = toCell(v, () => ({ file, sheet, row: row.number, column: columnLetter(col) }), () => row.getCell(col).numFmt, date1904);
    }
    cells[col - 1] = cell;
    if (cell !== null) empty = false;
  }
  return empty ? null : { rowNumber: row.number, cells };
}

type Where = () => { file: string; sheet: string; row: number; column: string };

function toCell(v: unknown, where: Where, numFmt: () => string | undefined, date1904: boolean): RawCell {
  switch (typeof v) {
    case 'string':
      return text(v, where);
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
    case 'object': {
      if (v === null) return null;
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.richText)) {
        let s = '';
        for (const run of o.richText as { text?: unknown }[]) {
          if (typeof run?.text === 'string') s += run.text;
        }
        return text(s, where);
      }
      if ('formula' in o || 'sharedFormula' in o) {
        const r = o.result;
        if (typeof r === 'number' && Number.isFinite(r) && isDateFormat(numFmt())) return excelToDate(r, date1904);
        if (r === undefined || r === null || (typeof r === 'object' && 'error' in r)) return null;
        return toCell(r, where, numFmt, date1904);
      }
      if ('error' in o) return null;
      if ('text' in o) return toCell(o.text, where, numFmt, date1904); // hyperlink {text, hyperlink}
      return null; // {sharedString: n} cannot happen with sharedStrings: 'cache'
    }
    default:
      return null;
  }
}

function text(s: string, where: Where): string | null {
  if (s.length > MAX_CELL_CHARS) {
    throw new InputError(
      where(),
      `the cell holds ${s.length} characters, more than Excel's limit of ${MAX_CELL_CHARS}: is this a real export?`,
    );
  }
  const t = s.trim();
  return t.length === 0 ? null : t;
}

/** exceljs's own test (lib/utils/utils.js isDateFmt), for formula results it does not convert. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** Same as exceljs's utils.excelToDate. */
function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function damagedWhileStreaming(file: string, sheet: string | undefined, e: unknown): unknown {
  if (e instanceof InputError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new InputError(
    sheet === undefined ? { file } : { file, sheet },
    `not a valid .xlsx file (it is damaged and could not be read): ${msg}`,
  );
}
