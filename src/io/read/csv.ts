/**
 * CSV / TSV row source.
 *
 * Pipeline: fs.createReadStream (after the BOM) → ToUtf8 (encoding.ts) → papaparse in chunk mode.
 * The file is never buffered whole.
 *
 * Row numbers are the ones a spreadsheet shows when it opens the file: one row per record, so a
 * record whose quoted field spans several lines is still one row, and the rows after it keep the
 * numbers Excel and WPS give them. papaparse runs with `skipEmptyLines: false`, so an empty line
 * is a record (and a row) too: it is counted but not yielded.
 * For parse errors, which a user fixes in a text editor, the physical line is tracked alongside:
 * each record advances it by 1 + the CR LF / CR / LF breaks found in its field values.
 * (Counting lines here, not asking the parser: csv-parse's `info.lines` gave the line a record *ends* on, cost an
 * object per record, and it counts a CR LF inside a quoted field as two lines.)
 * Quotes are relaxed the way Excel reads CSV: a quote inside an unquoted field is
 * kept as a character (papaparse does so). A quote that is opened and never closed is an InputError naming the line
 * where its row starts.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pipeline } from 'node:stream';

import type Papa from 'papaparse';

import { InputError } from '../../errors.js';
import {
  assertLooksLikeText,
  bomLength,
  decodePrefix,
  PREFIX_BYTES,
  sniffEncoding,
  ToUtf8,
  type Sniffed,
} from './encoding.js';
import { fsError, type OpenOptions, type RawCell, type RawRow, type RawSheet, type RawSource, type SourceDelimiter, type SourceEncoding } from './raw.js';

/** Longest field accepted (an unclosed quote would otherwise make the rest of the file one field). */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;
const READ_CHUNK = 256 * 1024;
const DELIMITERS: SourceDelimiter[] = [',', '\t', ';'];

export async function openCsvSource(file: string, size: number, opts: OpenOptions = {}): Promise<RawSource> {
  const prefix = await readPrefix(file, Math.min(size, PREFIX_BYTES));
  const wholeFile = prefix.length >= size;

  const sniffed: Sniffed = opts.encoding
    ? { encoding: opts.encoding, bomLength: bomLength(prefix, opts.encoding) }
    : sniffEncoding(file, prefix, wholeFile);
  const text = decodePrefix(prefix, sniffed);
  assertLooksLikeText(file, text);

  const delimiter = opts.delimiter ?? detectDelimiter(text);
  let encoding: SourceEncoding = sniffed.encoding === 'ascii' ? 'utf-8' : sniffed.encoding;
  const onDecide = (e: 'utf-8' | 'gb18030'): void => {
    encoding = e;
  };

  const sheet: RawSheet = {
    name: basename(file, extname(file)),
    index: 0,
    rows: {
      [Symbol.asyncIterator]: () => readCsvRows(file, sniffed, delimiter, onDecide),
    },
  };

  return {
    file,
    format: 'csv',
    get encoding() {
      return encoding;
    },
    delimiter,
    sheets: {
      async *[Symbol.asyncIterator]() {
        yield sheet;
      },
    },
  };
}

async function readPrefix(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw fsError(file, e);
  });
  try {
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const { bytesRead } = await fh.read(buf, got, n - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

/**
 * Pick the delimiter among `,` `\t` `;`: on the first 10 non-empty lines (records, quote-aware),
 * count each candidate outside double quotes. A candidate scores the share of lines whose count
 * equals its most common non-zero count; the best score wins (ties: `,` then tab then `;`).
 * A file with none of them → ','.
 */
export function detectDelimiter(text: string, maxLines = 10): SourceDelimiter {
  const lines: Record<string, number>[] = [];
  let counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let nonBlank = false;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes; // "" inside quotes toggles twice: harmless
      nonBlank = true;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (nonBlank) lines.push(counts);
      counts = { ',': 0, '\t': 0, ';': 0 };
      nonBlank = false;
    } else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) {
      counts[ch]!++;
      nonBlank = true;
    } else if (ch !== ' ') {
      nonBlank = true;
    }
  }
  if (nonBlank && lines.length < maxLines) lines.push(counts);
  if (lines.length === 0) return ',';

  let best: SourceDelimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const l of lines) {
      const c = l[d]!;
      if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    }
    let modeHits = 0;
    for (const hits of freq.values()) modeHits = Math.max(modeHits, hits);
    const score = modeHits / lines.length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Records from papaparse, which tokenises about six times faster than csv-parse on platform
 * exports (measured by `npm run bench`), in chunk mode with backpressure: the parser pauses while
 * the consumer is behind, so memory stays bounded by a few chunks.
 */
async function* readCsvRows(
  file: string,
  sniffed: Sniffed,
  delimiter: SourceDelimiter,
  onDecide: (e: 'utf-8' | 'gb18030') => void,
): AsyncGenerator<RawRow> {
  const { default: Papa } = await import('papaparse');
  const input = createReadStream(file, { start: sniffed.bomLength, highWaterMark: READ_CHUNK });
  const toUtf8 = new ToUtf8({ file, encoding: sniffed.encoding, startOffset: sniffed.bomLength, onDecide });
  // Strings for the parser, cut at character boundaries (a multi-byte character may straddle chunks).
  toUtf8.setEncoding('utf8');
  let streamError: unknown = null;
  pipeline(input, toUtf8, (e) => {
    if (e) streamError = e;
  });

  const queue: string[][][] = [];
  let done = false;
  let failure: unknown = null;
  let parser: Papa.Parser | null = null;
  let paused = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  Papa.parse<string[]>(toUtf8 as unknown as NodeJS.ReadableStream & File, {
    delimiter,
    skipEmptyLines: false,
    chunk(results, p) {
      parser = p;
      const quoteError = results.errors.find((e) => e.code === 'MissingQuotes');
      if (quoteError) failure = new PapaQuoteError(quoteError.row ?? 0);
      queue.push(results.data);
      if (queue.length >= 4 && !paused) {
        paused = true;
        p.pause();
      }
      notify();
    },
    complete() {
      done = true;
      notify();
    },
    error(e: Error) {
      failure = e;
      done = true;
      notify();
    },
  });

  let nextLine = 1;
  let rowNumber = 0;
  try {
    for (;;) {
      if (queue.length === 0) {
        if (failure || streamError) break;
        if (done) break;
        if (paused && parser) {
          paused = false;
          (parser as Papa.Parser).resume();
        }
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      const records = queue.shift()!;
      for (const record of records) {
        rowNumber++;
        const line = nextLine;
        let breaks = 0;
        let empty = true;
        let longest = 0;
        const cells: RawCell[] = new Array<RawCell>(record.length);
        for (let i = 0; i < record.length; i++) {
          const raw = record[i]!;
          if (raw.length === 0) {
            cells[i] = null;
            continue;
          }
          if (raw.length > longest) longest = raw.length;
          if (raw.includes('\n') || raw.includes('\r')) breaks += countLineBreaks(raw);
          const v = raw.trim();
          if (v.length === 0) {
            cells[i] = null;
          } else {
            cells[i] = v;
            empty = false;
          }
        }
        if (longest > MAX_RECORD_CHARS) {
          throw new InputError(
            { file, row: rowNumber },
            `the row starting at line ${line} has a field longer than ${MAX_RECORD_CHARS / 1024 / 1024} M characters: an unclosed quote?`,
          );
        }
        if (failure instanceof PapaQuoteError && queue.length === 0 && records[records.length - 1] === record) {
          throw new InputError({ file, row: rowNumber }, `unclosed quote: a quoted field in the row starting at line ${line} is never closed`);
        }
        nextLine = line + 1 + breaks;
        if (!empty) yield { rowNumber, cells };
      }
    }
    if (streamError) throw streamError;
    if (failure instanceof PapaQuoteError) {
      throw new InputError({ file, row: rowNumber }, `unclosed quote: a quoted field in the row starting at line ${nextLine} is never closed`);
    }
    if (failure) throw failure;
  } catch (e) {
    throw csvError(file, e, nextLine);
  } finally {
    input.destroy();
    toUtf8.destroy();
    if (parser) (parser as Papa.Parser).abort();
  }
}

/** papaparse found a quote that is never closed (it then reads the rest of the file as one field). */
class PapaQuoteError extends Error {
  constructor(readonly row: number) {
    super('unclosed quote');
  }
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

function csvError(file: string, e: unknown, line: number): unknown {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fsError(file, e as NodeJS.ErrnoException);
  if (e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError)) {
    return new InputError({ file, row: line }, `cannot read the CSV row starting at line ${line}: ${e.message}`);
  }
  return e;
}
