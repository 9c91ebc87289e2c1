/**
 * XLSX row source: the zip read with yauzl, the worksheets scanned byte by byte (sheet-scan.ts),
 * the shared strings and styles parsed with exceljs's streaming parsers (never readFile/load).
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
 * streamed, inflating on the fly, into sheet-scan.ts's scanner. That scanner replaced exceljs's
 * WorksheetReader (about 40 of the 43 s a 1 M-row export took to read): it gives every cell the
 * value exceljs's reader gave it, which toCell (xlsx-cells.ts) converts, so the rules below are
 * unchanged (test/unit/sheet-scan.test.ts reads every fixture both ways; exceljs's reader is kept
 * for that test only, xlsx-exceljs-sheet.ts). Memory stays bounded by one sheet's inflate window
 * plus the shared-string table, as before; yauzl checks every inflated size against the size the
 * zip guard vetted.
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
 * (saxes's for the shared strings and styles, the scanner's own for a sheet) name it with the
 * line and column, and a cell referring to a shared string the shared strings part does not hold names the
 * sheet, the cell (B7) and both parts.
 */
import type { Readable } from 'node:stream';

import type yauzl from 'yauzl';

import { InputError } from '../../errors.js';
import { scanSheet, type SheetStyles } from './sheet-scan.js';
import type { RawRow, RawSheet, RawSource } from './source.js';
import { exceljsSheetRows, guardSharedStrings, type ExceljsSheetParser } from './xlsx-exceljs-sheet.js';
import { guardXlsx, openZip, type GuardedWorkbook, type WorkbookSheetInfo, type ZipLimits } from './zip-guard.js';
import { INCOMPLETE, checkedPart, drainChecked, partParseError, partReadError } from './zip-part.js';
import { columnLetter } from '../column-letter.js';

export { MAX_CELL_CHARS } from './xlsx-cells.js';

/**
 * What reads the worksheet parts: the scanner, or (for test/unit/sheet-scan.test.ts only, which
 * compares the two) exceljs's WorksheetReader as liveops used it before.
 */
export type SheetReader = 'scan' | 'exceljs';

export async function openXlsxSource(
  file: string,
  limits?: Partial<ZipLimits>,
  sheetReader: SheetReader = 'scan',
): Promise<RawSource> {
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
        return streamSheets(file, wb, sheetReader);
      },
    },
  };
}

/**
 * The WorkbookReader is only the context object its part parsers share (shared strings, styles,
 * date system, options); its own zip pass (`parse`, the async iterator, `read`) is never started.
 */
interface ExcelWorkbookReader extends ExceljsSheetParser {
  model?: unknown;
  properties?: unknown;
  styles: SheetStyles;
  /** Parses xl/styles.xml into `styles` (with `styles: 'cache'`). */
  _parseStyles(entry: Readable): Promise<void>;
  /** Parses xl/sharedStrings.xml into `sharedStrings` (with `sharedStrings: 'cache'`); yields nothing then. */
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
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

async function* streamSheets(file: string, wb: GuardedWorkbook, sheetReader: SheetReader): AsyncGenerator<RawSheet> {
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
    const strings = reader.sharedStrings ?? [];
    if (sheetReader === 'exceljs') reader.sharedStrings = guardSharedStrings(strings);

    for (const part of sheetParts) {
      if (current) {
        current.close();
        current = undefined;
      }
      const info = wb.byPart.get(part)!;
      const sheetNo = /(\d+)\.xml$/.exec(part)?.[1] ?? '0';
      const entry = entries.get(part)!;
      const cursor: SheetCursor = new SheetCursor(file, info, wb.sharedStringsPart, strings.length, {
        open: async () => {
          const stream = await open(part, 'worksheet', info.name);
          const ctx = {
            file,
            sheet: info.name,
            date1904: wb.date1904,
            missingString: (index: string, row: number, col: number) => cursor.missingString(index, row, col),
          };
          const batches =
            sheetReader === 'exceljs'
              ? exceljsSheetRows(reader, stream, sheetNo, ctx)
              : scanSheet(stream, { ...ctx, sharedStrings: strings, styles: reader.styles });
          return { stream, batches };
        },
        explain: (e) => partParseError(zip, entry, { file, sheet: info.name }, e),
      });
      current = cursor;
      yield { name: info.name, index: info.index, hidden: info.hidden, rows: cursor.rows, batches: cursor.batches };
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
  private inner: AsyncIterator<RawRow[]> | undefined;
  readonly rows: AsyncIterable<RawRow>;
  readonly batches: AsyncIterable<RawRow[]>;

  constructor(
    private readonly file: string,
    private readonly info: WorkbookSheetInfo,
    private readonly sharedStringsPart: string | undefined,
    private readonly sharedStringCount: number,
    private readonly part: {
      open: () => Promise<{ stream: Readable; batches: AsyncIterable<RawRow[]> }>;
      /** The InputError for an error the reader raised (the part's CRC-32 failing, if it does). */
      explain: (e: unknown) => Promise<InputError>;
    },
  ) {
    this.batches = { [Symbol.asyncIterator]: () => this.iterate() };
    const batches = this.batches;
    this.rows = {
      async *[Symbol.asyncIterator]() {
        for await (const batch of batches) yield* batch;
      },
    };
  }

  private async *iterate(): AsyncGenerator<RawRow[]> {
    if (this.state !== 'fresh') {
      throw new Error(
        `${this.file} [${this.info.name}]: the rows of an xlsx sheet can be iterated only once, ` +
          'and only before moving on to the next sheet',
      );
    }
    this.state = 'reading';
    try {
      const { stream, batches } = await this.part.open();
      this.stream = stream;
      if (this.state !== 'reading') {
        stream.destroy(); // closed while opening
        return;
      }
      this.inner = batches[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<RawRow[]>;
        try {
          next = await this.inner.next();
        } catch (e) {
          throw await this.part.explain(e);
        }
        if (next.done) return;
        yield next.value;
        if (this.state !== 'reading') return;
      }
    } finally {
      if (this.state === 'reading') this.state = 'done';
      this.release();
    }
  }

  missingString(index: string, row: number, col: number): InputError {
    const cell = `${columnLetter(col)}${row}`;
    const held = this.sharedStringsPart
      ? `${this.sharedStringsPart} holds only ${this.sharedStringCount} (numbered from 0)`
      : 'the workbook has no shared strings part';
    return new InputError(
      { file: this.file, sheet: this.info.name, row, column: columnLetter(col) },
      `the workbook is damaged: cell ${cell} in ${this.info.part} refers to shared string ${index}, but ${held} (${INCOMPLETE}); export it again`,
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
    // Ends the reader's generators (which stop iterating the stream) …
    inner?.return?.(undefined).catch(() => {
      /* already failing or finished */
    });
    // … and stops inflating the part.
    this.stream?.destroy();
    this.stream = undefined;
  }
}

function damagedWhileStreaming(file: string, sheet: string | undefined, e: unknown): unknown {
  if (e instanceof InputError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new InputError(
    sheet === undefined ? { file } : { file, sheet },
    `not a valid .xlsx file (it is damaged and could not be read): ${msg}`,
  );
}
