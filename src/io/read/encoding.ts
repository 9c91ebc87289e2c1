/**
 * Text encoding of CSV exports, decided by decoding rather than guessing:
 *
 *   1. A BOM wins: EF BB BF → 'utf-8-bom', FF FE → 'utf-16le', FE FF → 'utf-16be'.
 *   2. NUL bytes in the prefix → not text ("looks binary").
 *   3. Otherwise the prefix (first 1 MiB, cut back to a UTF-8 character boundary unless it is the
 *      whole file) is validated as UTF-8 → 'utf-8'. If that fails, the bytes are looked at once
 *      more (`utf8Damage`): text that is UTF-8 up to one bad spot (a flipped byte, a file cut
 *      inside a character, a row pasted in GBK) is a damaged UTF-8 file and an InputError naming
 *      the byte and line, not a GB18030 file decoded into mojibake. Otherwise → 'gb18030' (a
 *      superset of GBK and GB2312, decoded by Node's built-in TextDecoder).
 *   4. A prefix that is pure ASCII decides nothing (ASCII is the same in UTF-8 and GB18030). The
 *      decision is then deferred to the stream: `ToText` passes ASCII through as it is and, at
 *      the first non-ASCII byte, validates a window (64 KiB from that byte) as UTF-8 and switches
 *      to UTF-8 or GB18030 from there. No restart is needed because everything before that byte
 *      decodes identically either way.
 *
 * Once UTF-8 has been chosen, invalid UTF-8 later in the file is an InputError (the file mixes
 * encodings or is damaged) rather than silent mojibake.
 *
 * `ToText` turns the file's bytes into text for the CSV tokenizer, once: UTF-8 input is validated
 * (buffer.isUtf8) and decoded by TextDecoder (a chunk that is all ASCII as latin1, the cheapest
 * decoding there is), GB18030/UTF-16 input is decoded with a streaming TextDecoder straight to text,
 * never to UTF-8 bytes decoded again.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';

import { InputError } from '../../errors.js';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How many bytes the prefix decision reads. */
export const PREFIX_BYTES = 1024 * 1024;
/** How many bytes after the first non-ASCII byte a deferred decision looks at. */
export const DEFERRED_WINDOW_BYTES = 64 * 1024;

export interface Sniffed {
  /** The decided encoding, or 'ascii' when the prefix is pure ASCII and the file goes on. */
  encoding: DetectedEncoding | 'ascii';
  /** Bytes of BOM to skip. */
  bomLength: number;
}

/**
 * Decide the encoding from the file's first bytes.
 * @param prefix the first bytes of the file (up to PREFIX_BYTES)
 * @param wholeFile true when `prefix` is the entire file
 */
export function sniffEncoding(file: string, prefix: Buffer, wholeFile: boolean): Sniffed {
  if (prefix.length >= 3 && prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) {
    return { encoding: 'utf-8-bom', bomLength: 3 };
  }
  if (prefix.length >= 2 && prefix[0] === 0xff && prefix[1] === 0xfe) {
    return { encoding: 'utf-16le', bomLength: 2 };
  }
  if (prefix.length >= 2 && prefix[0] === 0xfe && prefix[1] === 0xff) {
    return { encoding: 'utf-16be', bomLength: 2 };
  }
  if (prefix.includes(0)) throw looksBinary(file, 'it contains NUL bytes');
  if (isAscii(prefix)) return { encoding: wholeFile ? 'utf-8' : 'ascii', bomLength: 0 };
  const checked = wholeFile ? prefix : prefix.subarray(0, utf8CompleteLength(prefix));
  if (isUtf8(checked)) return { encoding: 'utf-8', bomLength: 0 };
  assertNotDamagedUtf8(file, prefix, 0, wholeFile);
  return { encoding: 'gb18030', bomLength: 0 };
}

export interface Utf8Damage {
  /** Offset in the scanned bytes of the first byte that is not valid UTF-8. */
  at: number;
  /** True when the only bad sequence is an incomplete character at the very end. */
  cutAtEnd: boolean;
}

/**
 * Whether bytes that fail UTF-8 validation are UTF-8 with damage rather than another encoding.
 * GBK text is almost never valid UTF-8 for long: about one GBK character in ten happens to form a
 * valid two- or three-byte UTF-8 sequence, so eight valid multi-byte characters before the first
 * bad byte, or at least ten valid ones for every bad one, mean the file was written as UTF-8.
 * Returns null when the bytes look like another encoding.
 * @param complete true when `buf` ends where the file ends (an incomplete last character is a cut)
 */
export function utf8Damage(buf: Uint8Array, complete: boolean): Utf8Damage | null {
  let valid = 0;
  let invalid = 0;
  let firstBad = -1;
  let validBeforeBad = 0;
  let cutAtEnd = false;
  const n = buf.length;
  let i = 0;
  while (i < n) {
    if (buf[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(buf, i);
    if (len > 0) {
      valid++;
      i += len;
      continue;
    }
    if (len < 0 && !complete) break; // the scan stops inside a character: not a fault
    if (len < 0 && invalid === 0) cutAtEnd = true;
    invalid++;
    if (firstBad < 0) {
      firstBad = i;
      validBeforeBad = valid;
    }
    if (len < 0) break; // the file ends inside this character
    i++;
  }
  if (firstBad < 0) return null;
  if (validBeforeBad >= 8 || (valid >= 4 && invalid * 10 <= valid))
    return { at: firstBad, cutAtEnd: cutAtEnd && invalid === 1 };
  return null;
}

/**
 * Length of the valid UTF-8 multi-byte sequence starting at `buf[i]` (a byte ≥ 0x80); 0 when it
 * is not valid (a stray continuation byte, C0/C1/F5–FF, overlong, a surrogate, past U+10FFFF);
 * -1 when it is a valid start that `buf` ends before completing.
 */
function utf8SequenceAt(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need === 0) return 0;
  const end = Math.min(i + need, buf.length);
  for (let k = i + 1; k < end; k++) if ((buf[k]! & 0xc0) !== 0x80) return 0;
  if (i + 1 < end) {
    const b1 = buf[i + 1]!;
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return 0;
  }
  return i + need > buf.length ? -1 : need;
}

/**
 * Throw when `buf` (the file's bytes from byte `offset`) is damaged UTF-8 (see utf8Damage), naming
 * the byte and the line.
 */
function assertNotDamagedUtf8(file: string, buf: Uint8Array, offset: number, complete: boolean): void {
  const damage = utf8Damage(buf, complete);
  if (damage) throw utf8Error(file, offset + damage.at, lineOfByte(file, offset + damage.at), damage.cutAtEnd);
}

function utf8Error(file: string, byte: number, line: number, cutAtEnd: boolean): InputError {
  return new InputError(
    { file },
    cutAtEnd
      ? `the file ends in the middle of a UTF-8 character (byte ${byte}, line ${line}): it is truncated (cut off); export it again`
      : `invalid UTF-8 at byte ${byte} (line ${line}), although the rest of the file is UTF-8: it mixes encodings or is damaged; re-save it as UTF-8`,
  );
}

/**
 * The 1-based line of byte `at` of `file` (LF, CRLF and a lone CR each end a line). Counted only
 * when a bad byte is to be named, by reading the file up to it, so reading a good file never pays.
 */
function lineOfByte(file: string, at: number): number {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(at, 1024 * 1024) + 1);
    let line = 1;
    let pos = 0;
    let lastCR = false;
    while (pos < at) {
      const got = readSync(fd, buf, 0, Math.min(buf.length - 1, at - pos), pos);
      if (got === 0) break;
      for (let i = 0; i < got; i++) {
        const c = buf[i];
        if (c === 0x0a) {
          if (!lastCR) line++;
          lastCR = false;
        } else if (c === 0x0d) {
          line++;
          lastCR = true;
        } else {
          lastCR = false;
        }
      }
      pos += got;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

/** Length of the BOM of `encoding` at the start of `prefix`, 0 if there is none. */
export function bomLength(prefix: Buffer, encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'): number {
  const [a, b, c] = prefix;
  if (encoding === 'utf-8' && a === 0xef && b === 0xbb && c === 0xbf) return 3;
  if (encoding === 'utf-16le' && a === 0xff && b === 0xfe) return 2;
  if (encoding === 'utf-16be' && a === 0xfe && b === 0xff) return 2;
  return 0;
}

/**
 * Decode a prefix for inspection (delimiter detection, binary check). Never throws on bad bytes:
 * they become U+FFFD. An incomplete character at the end is dropped.
 */
export function decodePrefix(prefix: Buffer, sniffed: Sniffed): string {
  const body = prefix.subarray(sniffed.bomLength);
  switch (sniffed.encoding) {
    case 'ascii':
      return body.toString('latin1');
    case 'utf-8':
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(body, { stream: true });
    default:
      return new TextDecoder(sniffed.encoding).decode(body, { stream: true });
  }
}

/**
 * Throw "looks binary" when decoded text has a high share of replacement characters or control
 * characters (other than tab, CR, LF, FF, VT and the old DOS end-of-file mark ^Z).
 */
export function assertLooksLikeText(file: string, text: string): void {
  let bad = 0;
  const n = Math.min(text.length, 256 * 1024);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 26) || c === 0x7f)
      bad++;
  }
  if (bad > 8 && bad > n * 0.02) {
    throw looksBinary(file, `${Math.round((bad / n) * 100)}% of its first characters are not text`);
  }
}

function looksBinary(file: string, why: string): InputError {
  return new InputError({ file }, `not a CSV file: looks binary (${why})`);
}

/**
 * Length of the longest prefix of `buf` that does not end inside a UTF-8 multibyte sequence
 * (i.e. cut back to a character boundary). Only looks at the last 3 bytes; it does not validate.
 */
export function utf8CompleteLength(buf: Uint8Array): number {
  const len = buf.length;
  // Walk back over at most 3 continuation bytes (10xxxxxx) to the lead byte.
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    if (b < 0x80) return len; // ASCII: complete
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > len ? i : len;
  }
  return len;
}

export interface ToTextOptions {
  file: string;
  /** The encoding decided from the prefix, or 'ascii' to decide at the first non-ASCII byte. */
  encoding: DetectedEncoding | 'ascii';
  /** Byte offset in the file of the first byte this stream receives (the BOM length). */
  startOffset?: number;
  /** Called once when a deferred ('ascii') decision is made. */
  onDecide?: (encoding: 'utf-8' | 'gb18030') => void;
  windowBytes?: number;
}

type Mode = 'ascii' | 'utf8' | 'text';

/** Bytes in the file's encoding → text (string chunks, cut at character boundaries). See the module comment. */
export class ToText extends Transform {
  private mode: Mode;
  private readonly file: string;
  private readonly windowBytes: number;
  private readonly onDecide: ((encoding: 'utf-8' | 'gb18030') => void) | undefined;
  /** File offset of the next byte to arrive. */
  private offset: number;
  /** utf8 mode: bytes of an incomplete character carried over to the next chunk. */
  private carry: Buffer | null = null;
  /** ascii mode: bytes collected from the first non-ASCII byte on, until a decision. */
  private pending: Buffer[] | null = null;
  private pendingLength = 0;
  private pendingOffset = 0;
  private decoder: TextDecoder | null = null;
  /** utf8 mode: chunks are validated and cut at character boundaries before they are decoded. */
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(opts: ToTextOptions) {
    // A few chunks of text queued at most: reading waits for the tokenizer (the stream's backpressure).
    super({ readableObjectMode: true, readableHighWaterMark: 4 });
    this.file = opts.file;
    this.windowBytes = opts.windowBytes ?? DEFERRED_WINDOW_BYTES;
    this.onDecide = opts.onDecide;
    this.offset = opts.startOffset ?? 0;
    switch (opts.encoding) {
      case 'ascii':
        this.mode = 'ascii';
        break;
      case 'utf-8':
      case 'utf-8-bom':
        this.mode = 'utf8';
        break;
      default:
        this.mode = 'text';
        this.decoder = new TextDecoder(opts.encoding, { ignoreBOM: true });
    }
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const at = this.offset;
    this.offset += chunk.length;
    try {
      this.accept(chunk, at);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.mode === 'ascii' && this.pending) this.decide(true);
      if (this.mode === 'utf8' && this.carry)
        throw utf8Error(
          this.file,
          this.offset - this.carry.length,
          lineOfByte(this.file, this.offset - this.carry.length),
          true,
        );
      if (this.mode === 'text' && this.decoder) {
        const rest = this.decoder.decode();
        if (rest) this.push(rest);
      }
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private accept(chunk: Buffer, at: number): void {
    switch (this.mode) {
      case 'utf8':
        this.takeUtf8(chunk, at);
        return;
      case 'text': {
        const text = this.decoder!.decode(chunk, { stream: true });
        if (text) this.push(text);
        return;
      }
      case 'ascii': {
        if (this.pending) {
          this.pending.push(chunk);
          this.pendingLength += chunk.length;
        } else {
          if (isAscii(chunk)) {
            this.push(chunk.toString('latin1'));
            return;
          }
          let i = 0;
          while (chunk[i]! < 0x80) i++;
          if (i > 0) this.push(chunk.toString('latin1', 0, i));
          this.pending = [chunk.subarray(i)];
          this.pendingLength = chunk.length - i;
          this.pendingOffset = at + i;
        }
        if (this.pendingLength >= this.windowBytes) this.decide(false);
        return;
      }
    }
  }

  private decide(atEof: boolean): void {
    const buf = Buffer.concat(this.pending!, this.pendingLength);
    const at = this.pendingOffset;
    this.pending = null;
    this.pendingLength = 0;
    if (buf.includes(0)) throw looksBinary(this.file, `NUL bytes after byte ${at}`);
    const checked = atEof ? buf : buf.subarray(0, utf8CompleteLength(buf));
    if (isUtf8(checked)) {
      this.mode = 'utf8';
      this.onDecide?.('utf-8');
    } else {
      assertNotDamagedUtf8(this.file, buf, at, atEof);
      this.mode = 'text';
      this.decoder = new TextDecoder('gb18030');
      this.onDecide?.('gb18030');
    }
    this.accept(buf, at);
  }

  private takeUtf8(chunk: Buffer, at: number): void {
    let buf = chunk;
    let start = at;
    if (this.carry) {
      start -= this.carry.length;
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    const n = utf8CompleteLength(buf);
    const whole = n === buf.length ? buf : buf.subarray(0, n);
    if (!isUtf8(whole)) {
      const byte = start + firstInvalidUtf8(whole);
      throw utf8Error(this.file, byte, lineOfByte(this.file, byte), false);
    }
    if (n < buf.length) this.carry = Buffer.from(buf.subarray(n));
    if (whole.length > 0) this.push(isAscii(whole) ? whole.toString('latin1') : this.utf8.decode(whole));
  }
}

/** Offset of the first byte where UTF-8 validation fails (called only once validation has failed). */
function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length;) {
    if (buf[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(buf, i);
    if (len <= 0) return i;
    i += len;
  }
  return buf.length;
}
