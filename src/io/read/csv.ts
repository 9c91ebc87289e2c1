/**
 * CSV / TSV row source.
 *
 * Pipeline: fs.createReadStream (after the BOM) → ToUtf8 (encoding.ts) → csv-parse in array mode.
 * The file is never buffered whole.
 *
 * Row numbers are the ones a spreadsheet shows when it opens the file: one row per record, so a
 * record whose quoted field spans several lines is still one row, and the rows after it keep the
 * numbers Excel and WPS give them. csv-parse runs with `skip_empty_lines: false`, so an empty line
 * is a record (and a row) too: it is counted but not yielded.
 * For parse errors, which a user fixes in a text editor, the physical line is tracked alongside:
 * each record advances it by 1 + the CR LF / CR / LF breaks found in its field values.
 * (csv-parse's own `info.lines` is not used: it is the line where a record *ends*, it costs an
 * object per record, and it counts a CR LF inside a quoted field as two lines.)
 * Quotes are relaxed (`relax_quotes`) the way Excel reads CSV: a quote inside an unquoted field is
 * kept as a character. A quote that is opened and never closed is an InputError naming the line
 * where its row starts.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pipeline } from 'node:stream';

import { CsvError, parse } from 'csv-parse';

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

/** Largest record csv-parse will buffer (guards against an unclosed quote swallowing the file). */
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

async function* readCsvRows(
  file: string,
  sniffed: Sniffed,
  delimiter: SourceDelimiter,
  onDecide: (e: 'utf-8' | 'gb18030') => void,
): AsyncGenerator<RawRow> {
  const input = createReadStream(file, { start: sniffed.bomLength, highWaterMark: READ_CHUNK });
  const toUtf8 = new ToUtf8({ file, encoding: sniffed.encoding, startOffset: sniffed.bomLength, onDecide });
  const parser = parse({
    delimiter,
    bom: false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  pipeline(input, toUtf8, parser, () => {
    /* errors surface through the iteration of `parser` */
  });

  let nextLine = 1;
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      const line = nextLine;
      let breaks = 0;
      let empty = true;
      const cells: RawCell[] = new Array<RawCell>(record.length);
      for (let i = 0; i < record.length; i++) {
        const raw = record[i]!;
        if (raw.length === 0) {
          cells[i] = null;
          continue;
        }
        if (raw.includes('\n') || raw.includes('\r')) breaks += countLineBreaks(raw);
        const v = raw.trim();
        if (v.length === 0) {
          cells[i] = null;
        } else {
          cells[i] = v;
          empty = false;
        }
      }
      nextLine = line + 1 + breaks;
      if (!empty) yield { rowNumber, cells };
    }
  } catch (e) {
    throw csvError(file, e, nextLine);
  } finally {
    input.destroy();
    parser.destroy();
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
  if (e instanceof CsvError) {
    const at = { file, row: line };
    switch (e.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return new InputError(at, `unclosed quote: a quoted field in the row starting at line ${line} is never closed`);
      case 'CSV_MAX_RECORD_SIZE':
        return new InputError(
          at,
          `the row starting at line ${line} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} M characters: an unclosed quote?`,
        );
      default:
        return new InputError(at, `cannot parse the CSV row starting at line ${line}: ${e.message}`);
    }
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fsError(file, e as NodeJS.ErrnoException);
  return e;
}
