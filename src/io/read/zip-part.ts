/**
 * One part of an .xlsx, read as it is inflated and checked on the way, in the same single pass:
 *
 *   - its CRC-32 is computed over the inflated bytes and compared, at the end of the part, with
 *     the one the zip's central directory gives (yauzl checks sizes but never CRCs);
 *   - for an XML part with a known root (worksheet, sst, styleSheet), the part must end with that
 *     root's closing tag (only whitespace, comments or processing instructions after it): a part
 *     cut in the middle — the stream ends inside an element — is not read as a shorter one. Errors
 *     *within* the XML (a mismatched tag) are saxes's, in exceljs's parser; together the two make
 *     "well-formed to its end";
 *   - chunks are handed on split at UTF-8 character boundaries. exceljs decodes every chunk on its
 *     own (TextDecoder.decode without `stream`), so a Chinese character whose bytes straddle two
 *     inflate chunks came back as U+FFFD (a product name garbled about once per 16 KB of sheet).
 *
 * A failed check is an InputError naming the file and the part. A part abandoned before its end
 * (the consumer stopped reading a sheet) is not checked: its unread rest is never used.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';

import type yauzl from 'yauzl';

import { InputError, type InputLocation } from '../../errors.js';

type Crc32 = (data: Uint8Array, value?: number) => number;

/** zlib.crc32 (Node ≥ 20.15); a table-driven CRC-32 (the zip polynomial) before that. */
export const crc32: Crc32 =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (zlib as unknown as { crc32: Crc32 }).crc32
    : tableCrc32();

export function tableCrc32(): Crc32 {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return (data, value = 0) => {
    let c = ~value;
    for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    return ~c >>> 0;
  };
}

export const CHANGED = 'the file was cut or changed after it was written';
/** A part whose bytes are the ones written (its CRC-32 holds) but whose content is incomplete. */
export const CUT = 'the part was cut short when the file was written';
export const INCOMPLETE = 'the file was not written completely';

/** "the workbook is damaged: <part> <what>; export it again". */
export function damagedPart(loc: InputLocation, part: string, what: string): InputError {
  return new InputError(loc, `the workbook is damaged: ${part} ${what}; export it again`);
}

/** The CRC-32 of a part read whole (the small parts the zip guard reads) against the directory's. */
export function checkCrc(file: string, entry: yauzl.Entry, data: Buffer): void {
  if (crc32(data) !== entry.crc32) throw damagedPart({ file }, entry.fileName, `fails its CRC-32 check (${CHANGED})`);
}

/** An error yauzl or zlib raised while inflating `part`, in words a user can act on. */
export function partReadError(loc: InputLocation, part: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (/\b(?:too many|not enough) bytes in the stream\b/.test(msg)) {
    return damagedPart(loc, part, `does not inflate to the size the zip gives for it (${CHANGED})`);
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return damagedPart(loc, part, `cannot be unpacked: ${msg} (${CHANGED})`);
  }
  return damagedPart(loc, part, `could not be read: ${msg} (${CHANGED})`);
}

/**
 * An error from parsing a part's XML (saxes, via exceljs), or one of ours passed through. Bytes
 * changed in a zip often break the XML before the part's end, where its CRC-32 would have told:
 * the part is read once more (only on this error path) and a CRC failure is reported instead,
 * being the truer cause.
 */
export async function partParseError(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  loc: InputLocation,
  e: unknown,
): Promise<InputError> {
  if (e instanceof InputError) return e;
  const part = entry.fileName;
  try {
    let crc = 0;
    for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>)
      crc = crc32(chunk, crc);
    if (crc !== entry.crc32) return damagedPart(loc, part, `fails its CRC-32 check (${CHANGED})`);
  } catch (e2) {
    return partReadError(loc, part, e2);
  }
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '');
  const at = /^(\d+):(\d+): (.*)$/s.exec(msg);
  return at
    ? damagedPart(loc, part, `is not well-formed XML (line ${at[1]}, column ${at[2]}: ${at[3]})`)
    : damagedPart(loc, part, `could not be read: ${msg}`);
}

export interface CheckedPartOptions {
  /** Local name of the XML root element the part must close at its end, e.g. `worksheet`. */
  root?: string;
  /** Where errors are reported (the file, and the sheet for a worksheet part). */
  location: InputLocation;
}

/** How many trailing bytes are kept to check the root's closing tag. */
const TAIL = 512;

/**
 * `src` (the part's inflate stream from yauzl) piped through the checks. Destroying the returned
 * stream destroys `src`; an error of `src` comes out of the returned stream as an InputError.
 */
export function checkedPart(src: Readable, entry: yauzl.Entry, opts: CheckedPartOptions): Readable {
  const part = entry.fileName;
  let crc = 0;
  let tail: Buffer = Buffer.alloc(0);
  let carry: Buffer | null = null;
  const t = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
      crc = crc32(chunk, crc);
      tail = chunk.length >= TAIL ? chunk.subarray(chunk.length - TAIL) : Buffer.concat([tail, chunk]).subarray(-TAIL);
      const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const cut = utf8Boundary(data);
      carry = cut < data.length ? Buffer.from(data.subarray(cut)) : null;
      cb(null, cut > 0 ? data.subarray(0, cut) : undefined);
    },
    flush(cb: TransformCallback) {
      if (carry) this.push(carry);
      carry = null;
      if (crc !== entry.crc32) {
        cb(damagedPart(opts.location, part, `fails its CRC-32 check (${CHANGED})`));
        return;
      }
      if (opts.root !== undefined && !closesRoot(tail, opts.root)) {
        cb(damagedPart(opts.location, part, `ends in the middle of its XML, before </${opts.root}> (${CUT})`));
        return;
      }
      cb();
    },
  });
  src.on('error', (e) => t.destroy(partReadError(opts.location, part, e)));
  t.on('close', () => src.destroy());
  src.pipe(t);
  return t;
}

/**
 * Waits for a checked part to reach its end (and its checks), reading whatever the parser left:
 * exceljs's styles parser stops at the root's closing tag, before the stream's end.
 */
export async function drainChecked(stream: Readable): Promise<void> {
  stream.resume();
  await finished(stream, { writable: false });
}

/** Length of the longest prefix of `b` that does not end inside a UTF-8 character. */
export function utf8Boundary(b: Buffer): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const byte = b[i]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const len = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + len > n ? i : n;
  }
  return n; // not UTF-8 (four continuation bytes): leave it to the decoder
}

/** The part's last markup is `</root>` (any prefix), then only whitespace, comments or PIs. */
function closesRoot(tail: Buffer, root: string): boolean {
  let s = tail.toString('latin1');
  for (;;) {
    const before = s;
    s = s
      .replace(/\s+$/, '')
      .replace(/<!--(?:(?!<!--)[\s\S])*?-->$/, '')
      .replace(/<\?[^<]*\?>$/, '');
    if (s === before) break;
  }
  return new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${root}\\s*>$`).test(s);
}
