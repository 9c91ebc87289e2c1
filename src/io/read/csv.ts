/**
 * CSV / TSV row source.
 *
 * Pipeline: fs.createReadStream (after the BOM) → ToText (encoding.ts) → CsvTokenizer
 * (csv-tokenizer.ts). The file is never buffered whole.
 *
 * Row numbers are the ones a spreadsheet shows when it opens the file: one row per record, so a
 * record whose quoted field spans several lines is still one row, and the rows after it keep the
 * numbers Excel and WPS give them. An empty line is a record (and a row) too: it is counted but
 * not yielded. For parse errors, which a user fixes in a text editor, the physical line where the
 * record starts is named as well. Quotes are relaxed the way Excel reads CSV; a quote that is
 * opened and never closed is an InputError naming the line where its row starts.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pipeline } from 'node:stream';

import { InputError } from '../../errors.js';
import { CsvSyntaxError, CsvTokenizer } from './csv-tokenizer.js';
import {
  assertLooksLikeText,
  bomLength,
  decodePrefix,
  PREFIX_BYTES,
  sniffEncoding,
  ToText,
  type Sniffed,
} from './encoding.js';
import {
  fsError,
  type OpenOptions,
  type RawCell,
  type RawRow,
  type RawSheet,
  type RawSource,
  type SourceDelimiter,
  type SourceEncoding,
} from './source.js';

/** Longest field accepted (an unclosed quote would otherwise make the rest of the file one field). */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;
const READ_CHUNK = 64 * 1024;
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

  const batches = (): AsyncIterable<RawRow[]> => ({
    [Symbol.asyncIterator]: () => readCsvBatches(file, sniffed, delimiter, onDecide),
  });
  const sheet: RawSheet = {
    name: basename(file, extname(file)),
    index: 0,
    rows: {
      async *[Symbol.asyncIterator]() {
        for await (const batch of batches()) yield* batch;
      },
    },
    batches: batches(),
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
 * Records from the push tokenizer (csv-tokenizer.ts), driven by `for await` over the decoded file
 * stream: reading pauses while the consumer is behind (the stream's own backpressure), every
 * stream error ends the loop with that error, and there is no callback or wake-up to lose, so the
 * reader cannot stop without either finishing or throwing. The rows come in batches, the records
 * each read chunk completes: one await per 64 KB chunk rather than one per row (larger
 * batches live long enough to be promoted out of the young generation: 256 KB cost ~100 MB of RSS
 * on 1 M orders).
 */
async function* readCsvBatches(
  file: string,
  sniffed: Sniffed,
  delimiter: SourceDelimiter,
  onDecide: (e: 'utf-8' | 'gb18030') => void,
): AsyncGenerator<RawRow[]> {
  const input = createReadStream(file, { start: sniffed.bomLength, highWaterMark: READ_CHUNK });
  // Strings for the tokenizer, cut at character boundaries (a multi-byte character may straddle chunks).
  const toText = new ToText({ file, encoding: sniffed.encoding, startOffset: sniffed.bomLength, onDecide });
  // Errors of either stream reach the loop below through the iterator of the last one.
  const text = pipeline(input, toText, () => undefined);
  const tokenizer = new CsvTokenizer(delimiter, MAX_RECORD_CHARS);
  let rowNumber = 0;
  let line = 1;
  try {
    let finished = false;
    const chunks = text[Symbol.asyncIterator]() as AsyncIterator<string>;
    while (!finished) {
      const next = await chunks.next();
      let unended = false;
      if (next.done) {
        unended = tokenizer.midRecord;
        tokenizer.end();
        finished = true;
      } else {
        tokenizer.push(next.value);
      }
      const { records, lines, ends } = tokenizer.take();
      const batch: RawRow[] = [];
      for (let r = 0; r < records.length; r++) {
        rowNumber++;
        const cells = toCells(records[r]!);
        if (!cells) continue;
        const row: RawRow = { rowNumber, cells, line: lines[r]! };
        if (ends[r]! > lines[r]!) row.lastLine = ends[r]!;
        // The last record, when the file stops without a line break after it: maybe cut off.
        if (unended && r === records.length - 1) row.unended = true;
        batch.push(row);
      }
      if (records.length > 0) line = lines[records.length - 1]!;
      if (batch.length > 0) yield batch;
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw syntaxError(file, e);
    throw csvError(file, e, line);
  } finally {
    input.destroy();
    toText.destroy();
  }
}

/** Trimmed cells, empty ones null; null for a record with nothing in it (counted, not yielded). */
function toCells(record: string[]): RawCell[] | null {
  let empty = true;
  const cells: RawCell[] = new Array<RawCell>(record.length);
  for (let i = 0; i < record.length; i++) {
    const raw = record[i]!;
    const v = raw.length === 0 ? raw : raw.trim();
    if (v.length === 0) {
      cells[i] = null;
    } else {
      cells[i] = v;
      empty = false;
    }
  }
  return empty ? null : cells;
}

function syntaxError(file: string, e: CsvSyntaxError): InputError {
  if (e.kind === 'unclosed-quote') {
    return new InputError(
      { file, row: e.record },
      `unclosed quote: a quoted field in the row starting at line ${e.line} is never closed`,
    );
  }
  return new InputError(
    { file, row: e.record },
    `the row starting at line ${e.line} has a field longer than ${MAX_RECORD_CHARS / 1024 / 1024} M characters: an unclosed quote?`,
  );
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
