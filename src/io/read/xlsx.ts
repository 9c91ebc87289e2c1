/**
 * XLSX row source: exceljs's streaming parsers (never readFile/load), fed by yauzl.
 * exceljs is imported lazily, so the CLI does not pay for it unless an xlsx is read.
 *
 * Before anything is parsed the zip guard checks the file and reads the real sheet names and part
 * paths from xl/workbook.xml + its rels, and where the shared strings and styles parts are.
 *
 * exceljs's `stream.xlsx.WorkbookReader` is NOT used to walk the zip. Its single pass pipes the
 * file into unzipper's `Parse` and reads the entries with exceljs's `iterateStream`, which stops at
 * the stream's `end` event. unzipper emits that `end` by hand as soon as its *writable* side
 * finishes (it has parsed the end of central directory), while entries it already pushed can
 * still sit unread in its *readable* buffer: iterateStream pauses the stream while exceljs handles
 * an entry, and unzipper runs ahead through every entry small enough to fit in a PassThrough
 * buffer. Whatever is buffered at that moment is silently dropped. It is timing-dependent; it
 * bites most when the sheet parts come first (exceljs copies each one to a temp file, giving
 * unzipper time to run to the end of the zip), and the entries lost are then the trailing
 * xl/workbook.xml, xl/styles.xml and xl/sharedStrings.xml: every shared-string cell came back as
 * `{sharedString: n}` (→ null), so the header rows vanished as "empty" in about half the runs.
 * Trailing sheets can be lost the same way. (exceljs issue #3064.)
 *
 * Instead the zip is opened with yauzl (random access through the central directory): the shared
 * strings and styles are parsed first with exceljs's own parsers, then each worksheet part is
 * streamed, inflating on the fly, into exceljs's WorksheetReader. Memory stays bounded by one
 * sheet's inflate window plus the shared-string table, as before; yauzl checks every inflated
 * size against the size the zip guard vetted.
 *
 * Sheets come in zip order (the worksheet parts' order in the central directory; `index` gives
 * the workbook position); each must be consumed before the next is requested. Whatever the
 * consumer leaves of a sheet is simply closed when it asks for the next sheet.
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
 *
 * Damage is an InputError naming the part, never a shorter table: every part read to its end is
 * checked against its CRC-32 and must close its XML root (zip-part.ts), XML errors within a part
 * name it, and a cell referring to a shared string the shared strings part does not hold names the
 * sheet, the cell (B7) and both parts.
 */
import type { Readable } from 'node:stream';

import type yauzl from 'yauzl';

import { InputError } from '../../errors.js';
import type { RawCell, RawRow, RawSheet, RawSource } from './source.js';
import { guardXlsx, openZip, type GuardedWorkbook, type WorkbookSheetInfo, type ZipLimits } from './zip-guard.js';
import { INCOMPLETE, checkedPart, drainChecked, partParseError, partReadError } from './zip-part.js';
import { columnLetter } from '../column-letter.js';

/** Excel's maximum number of characters in a cell. */
export const MAX_CELL_CHARS = 32_767;

export async function openXlsxSource(file: string, limits?: Partial<ZipLimits>): Promise<RawSource> {
  const wb = await guardXlsx(file, limits);
  let iterated = false;
  return {
    file,
    format: 'xlsx',
    creator: wb.creator,
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
  [Symbol.asyncIterator](): AsyncIterator<ExcelRow>;
}
/**
 * The WorkbookReader is only the context object its part parsers share (shared strings, styles,
 * date system, options); its own zip pass (`parse`, the async iterator, `read`) is never started.
 */
interface ExcelWorkbookReader {
  model?: unknown;
  properties?: unknown;
  sharedStrings?: unknown[];
  /** Parses xl/styles.xml into `styles` (with `styles: 'cache'`). */
  _parseStyles(entry: Readable): Promise<void>;
  /** Parses xl/sharedStrings.xml into `sharedStrings` (with `sharedStrings: 'cache'`); yields nothing then. */
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  /** Yields `{eventType: 'worksheet', value}`: a WorksheetReader over `iterator`. */
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: ExcelWorksheetReader }>;
}
type WorkbookReaderCtor = new (input: string, options: Record<string, string>) => ExcelWorkbookReader;

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
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    throw damagedWhileStreaming(file, undefined, e);
  }
  let current: SheetCursor | undefined;
  try {
    // The parts needed, in central-directory order.
    const wanted = new Set<string>([...wb.byPart.keys()]);
    if (wb.sharedStringsPart) wanted.add(wb.sharedStringsPart);
    if (wb.stylesPart) wanted.add(wb.stylesPart);
    const entries = new Map<string, yauzl.Entry>();
    const sheetParts: string[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        if (!wanted.has(entry.fileName) || entries.has(entry.fileName)) continue;
        entries.set(entry.fileName, entry);
        if (wb.byPart.has(entry.fileName)) sheetParts.push(entry.fileName);
      }
    } catch (e) {
      throw damagedWhileStreaming(file, undefined, e);
    }
    const open = async (part: string, root: string, sheet?: string): Promise<Readable> => {
      const location = sheet === undefined ? { file } : { file, sheet };
      const entry = entries.get(part)!;
      try {
        return checkedPart(await zip.openReadStreamPromise(entry), entry, { root, location });
      } catch (e) {
        throw partReadError(location, part, e);
      }
    };

    const reader = new WorkbookReader(file, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    reader.model = { sheets: [] };
    reader.properties = { model: { date1904: wb.date1904 } };
    if (wb.stylesPart) {
      const part = wb.stylesPart;
      const stream = await open(part, 'styleSheet');
      try {
        await reader._parseStyles(stream);
        await drainChecked(stream); // the parser stops at </styleSheet>: read on to the checks
      } catch (e) {
        stream.destroy();
        throw await partParseError(zip, entries.get(part)!, { file }, e);
      }
    }
    if (wb.sharedStringsPart) {
      const part = wb.sharedStringsPart;
      const stream = await open(part, 'sst');
      try {
        for await (const _ of reader._parseSharedStrings(stream)) {
          /* 'cache' yields nothing */
        }
        await drainChecked(stream);
      } catch (e) {
        stream.destroy();
        throw await partParseError(zip, entries.get(part)!, { file }, e);
      }
    }
    const strings = guardSharedStrings(reader.sharedStrings ?? []);
    reader.sharedStrings = strings;

    for (const part of sheetParts) {
      if (current) {
        current.close();
        current = undefined;
      }
      const info = wb.byPart.get(part)!;
      const sheetNo = /(\d+)\.xml$/.exec(part)?.[1] ?? '0';
      const entry = entries.get(part)!;
      current = new SheetCursor(file, info, wb.date1904, wb.sharedStringsPart, strings.length, {
        open: async () => {
          const stream = await open(part, 'worksheet', info.name);
          const [emitted] = [...reader._parseWorksheet(stream, sheetNo)];
          return { stream, ws: emitted!.value };
        },
        explain: (e) => partParseError(zip, entry, { file, sheet: info.name }, e),
      });
      yield { name: info.name, index: info.index, hidden: info.hidden, rows: current.rows };
    }
  } finally {
    current?.close();
    zip.close();
  }
}

/** One worksheet: hands out its rows once; closed (not read to the end) when the consumer moves on. */
class SheetCursor {
  private state: 'fresh' | 'reading' | 'done' | 'closed' = 'fresh';
  private stream: Readable | undefined;
  private inner: AsyncIterator<ExcelRow> | undefined;
  readonly rows: AsyncIterable<RawRow>;

  constructor(
    private readonly file: string,
    private readonly info: WorkbookSheetInfo,
    private readonly date1904: boolean,
    private readonly sharedStringsPart: string | undefined,
    private readonly sharedStringCount: number,
    private readonly part: {
      open: () => Promise<{ stream: Readable; ws: ExcelWorksheetReader }>;
      /** The InputError for an error the parser raised (the part's CRC-32 failing, if it does). */
      explain: (e: unknown) => Promise<InputError>;
    },
  ) {
    this.rows = { [Symbol.asyncIterator]: () => this.iterate() };
  }

  private async *iterate(): AsyncGenerator<RawRow> {
    if (this.state !== 'fresh') {
      throw new Error(
        `${this.file} [${this.info.name}]: the rows of an xlsx sheet can be iterated only once, ` +
          'and only before moving on to the next sheet',
      );
    }
    this.state = 'reading';
    try {
      const { stream, ws } = await this.part.open();
      this.stream = stream;
      if (this.state !== 'reading') {
        stream.destroy(); // closed while opening
        return;
      }
      this.inner = ws[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<ExcelRow>;
        try {
          next = await this.inner.next();
        } catch (e) {
          throw await this.part.explain(e);
        }
        if (next.done) return;
        const excelRow = next.value;
        const row = convertRow(this.file, this.info.name, excelRow, this.date1904, (v, col) =>
          this.missingString(v, excelRow.number, col),
        );
        if (row) yield row;
      }
    } finally {
      if (this.state === 'reading') this.state = 'done';
      this.release();
    }
  }

  private missingString(v: MissingSharedString, row: number, col: number): InputError {
    const cell = `${columnLetter(col)}${row}`;
    const held = this.sharedStringsPart
      ? `${this.sharedStringsPart} holds only ${this.sharedStringCount} (numbered from 0)`
      : 'the workbook has no shared strings part';
    return new InputError(
      { file: this.file, sheet: this.info.name, row, column: columnLetter(col) },
      `the workbook is damaged: cell ${cell} in ${this.info.part} refers to shared string ${v.index}, but ${held} (${INCOMPLETE}); export it again`,
    );
  }

  /** The consumer moved on (or stopped): never hand out rows again, free the part's stream. */
  close(): void {
    this.state = 'closed';
    this.release();
  }

  private release(): void {
    const inner = this.inner;
    this.inner = undefined;
    // Ends exceljs's parser generators (which stop iterating the stream) …
    inner?.return?.(undefined).catch(() => {
      /* already failing or finished */
    });
    // … and stops inflating the part.
    this.stream?.destroy();
    this.stream = undefined;
  }
}

/**
 * What exceljs puts in a cell whose shared-string index is not in the table (it would have been
 * `undefined`, an empty cell). It reaches the cell as a JSON value, unchanged.
 */
class MissingSharedString {
  constructor(readonly index: string) {}
}

/** The shared strings, answering an index outside them with a MissingSharedString. */
function guardSharedStrings(strings: unknown[]): unknown[] {
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

function convertRow(
  file: string,
  sheet: string,
  row: ExcelRow,
  date1904: boolean,
  missing: (v: MissingSharedString, col: number) => InputError,
): RawRow | null {
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
      throw missing(v, col);
    } else {
      cell = toCell(
        v,
        () => ({ file, sheet, row: row.number, column: columnLetter(col) }),
        () => row.getCell(col).numFmt,
        date1904,
      );
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
