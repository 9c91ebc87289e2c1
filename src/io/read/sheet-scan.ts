/**
 * A byte-level reader of one worksheet part (xl/worksheets/sheetN.xml), in place of exceljs's
 * streaming WorksheetReader: that one runs every chunk through saxes (a string per text node,
 * an object per tag and attribute) and builds a Row with a Cell object and a style copy per cell,
 * and was 40 of the 43 s a 1 M-row product export took to read.
 *
 * The scanner looks at the inflated bytes once, chunk by chunk (a tag, an entity or a character
 * split between two chunks is carried over), and decodes text (TextDecoder) only for the bytes of
 * a value. It gives each cell the value exceljs's reader would have given it, so that toCell
 * (xlsx-cells.ts) makes the same RawCell of it; the quirks kept on purpose, since users' files
 * were read with them:
 *   - the cell's number format is its own style's (`s`, when not 0 and in cellXfs), else its
 *     row's (`<row s>`); a number in a date format becomes a Date (exceljs's isDateFmt);
 *   - the value is the text of the cell's last `<v>`, `<is>` or `<t>` (a rich inline string keeps
 *     its last run), plus any text after it inside the cell; `<f>` makes it a formula whose cached
 *     result is that text (a string for t="str", else parseFloat), and a formula whose text is not
 *     empty drops a falsy result (0 → empty), as exceljs's FormulaValue does;
 *   - t="s": the shared string at parseInt(text); t="str" / "inlineStr": the text, XML-decoded
 *     once more (exceljs decodes `&amp;lt;` to `<`); t="e": an error (empty); t="b": parseInt ≠ 0;
 *     anything else (n, d, none): parseFloat (t="d" ISO text becomes its year, as in exceljs);
 *   - text in CDATA sections is not part of a value (exceljs only listens to saxes's text).
 * Where exceljs's streaming reader failed, a row or a cell without an `r` attribute (exceljs threw
 * "Cannot read properties of undefined" or "Invalid Address: ANaN"), the position follows the
 * previous one, as Excel reads it.
 *
 * XML that is not well-formed (tags that do not match, an undefined entity, a character XML does
 * not allow, text outside the root, `<` in an attribute value …) is an XmlSyntaxError whose
 * message starts with "line:column: ", like saxes's, so partParseError names the part and the
 * place. Line and column count characters as saxes does (UTF-16 units, from 1).
 */
import { isAscii } from 'node:buffer';

import type { InputError } from '../../errors.js';
import { columnLetter } from '../column-letter.js';
import type { RawCell, RawRow } from './source.js';
import {
  MissingSharedString,
  excelToDate,
  isDateFormat,
  sharedStringAt,
  text,
  toCell,
  xmlDecodeAgain,
  type Where,
} from './xlsx-cells.js';

/** exceljs's StyleManager, as far as the scanner uses it. */
export interface SheetStyles {
  /** The style (cellXfs entry) `id`, with `numFmt` its format code; null when there is none. */
  getStyleModel(id: number): { numFmt?: string } | null | undefined;
}

export interface SheetScanContext {
  file: string;
  sheet: string;
  date1904: boolean;
  /** exceljs's shared strings table: strings, `{richText}` objects, null for an empty item. */
  sharedStrings: readonly unknown[];
  styles: SheetStyles;
  /** The error for a cell (1-based row and column) whose shared-string index is not in the table. */
  missingString(index: string, row: number, col: number): InputError;
}

/** XML that is not well-formed; the message is "line:column: what", as saxes words its own. */
export class XmlSyntaxError extends Error {}

/** A well-formed part with content exceljs could not place (an unreadable cell reference …). */
export class SheetContentError extends Error {}

/** The rows of a checked worksheet part, in the batches its chunks complete. */
export async function* scanSheet(part: AsyncIterable<Buffer>, ctx: SheetScanContext): AsyncGenerator<RawRow[]> {
  const scanner = new SheetScanner(ctx);
  for await (const chunk of part) {
    const rows: RawRow[] = [];
    let failure: unknown;
    try {
      scanner.feed(chunk, rows);
    } catch (e) {
      failure = e;
    }
    // The rows completed before the error are handed out first, as they would have been read.
    if (rows.length > 0) yield rows;
    if (failure !== undefined) throw failure;
  }
  scanner.end();
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const AMP = 0x26;
const SEMI = 0x3b;
const EQ = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const NL = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const RBRACKET = 0x5d;

/** Bytes that may continue an XML name (ASCII subset of NameChar, and every non-ASCII byte). */
const NAME_CHAR = new Uint8Array(256);
/** Bytes that may start one. */
const NAME_START = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const letter = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x3a || b >= 0x80;
  NAME_START[b] = letter ? 1 : 0;
  NAME_CHAR[b] = letter || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e ? 1 : 0;
}
const isSpace = (b: number | undefined) => b === SPACE || b === NL || b === TAB || b === CR;

// The elements the reader acts on, by their exact (unprefixed) names, as exceljs matches them.
const K_OTHER = 0;
const K_SHEET_DATA = 1;
const K_ROW = 2;
const K_C = 3;
const K_V = 4; // <v>, <is> and <t> all start the cell's value text
const K_F = 5;

function kindOf(buf: Buffer, s: number, len: number): number {
  const b = buf[s];
  switch (len) {
    case 1:
      return b === 0x63 ? K_C : b === 0x76 || b === 0x74 ? K_V : b === 0x66 ? K_F : K_OTHER;
    case 2:
      return b === 0x69 && buf[s + 1] === 0x73 ? K_V : K_OTHER;
    case 3:
      return b === 0x72 && buf[s + 1] === 0x6f && buf[s + 2] === 0x77 ? K_ROW : K_OTHER;
    case 9:
      return buf.toString('latin1', s, s + 9) === 'sheetData' ? K_SHEET_DATA : K_OTHER;
    default:
      return K_OTHER;
  }
}

/** FNV-1a of a name's bytes: what the open-element stack holds (a mismatch compares these). */
const FNV_START = 0x811c9dc5;
function nameHash(buf: Buffer, s: number, e: number): number {
  let h = FNV_START;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  // 30 bits: a small integer to V8, so the stack stays an array of them (no boxed numbers).
  return h & 0x3fffffff;
}

// A cell's `t`, as exceljs's switch tells them apart.
const T_NUMBER = 0; // n, d, absent or anything else: parseFloat, a Date in a date format
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_ERROR = 4;
const T_BOOL = 5;
const CELL_TYPES: Record<string, number> = { s: T_SHARED, str: T_STR, inlineStr: T_INLINE, e: T_ERROR, b: T_BOOL };

/** A number format as cells carry it: its code, and whether exceljs reads it as a date. */
interface CellFormat {
  numFmt: string | undefined;
  date: boolean;
}
const NO_FORMAT: CellFormat = { numFmt: undefined, date: false };
const ERROR_VALUE = { error: '' };
const EMPTY = Buffer.alloc(0);
/** Above this many carried bytes, a chunk without a `>` is only queued (no rescan of a huge tag). */
const CARRY_RESCAN = 64 * 1024;

/** The value of `-?[0-9]{1,15}` bytes (exact in a double), or undefined for anything else. */
function plainInteger(buf: Buffer, s: number, e: number): number | undefined {
  const negative = buf[s] === 0x2d;
  let i = negative ? s + 1 : s;
  if (e - i < 1 || e - i > 15) return undefined;
  let x = 0;
  for (; i < e; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return undefined;
    x = x * 10 + d;
  }
  return negative ? -x : x;
}

/** The bytes are ASCII without `&`: their latin1 string is their text as saxes gives it, but for \r. */
function plainAscii(buf: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b >= 0x80 || b === AMP) return false;
  }
  return true;
}

/** A cell's t attribute, read from its bytes when it is one of the usual ones. */
function cellTypeOf(buf: Buffer, s: number, e: number): number | undefined {
  const b = buf[s];
  switch (e - s) {
    case 0:
      return T_NUMBER;
    case 1:
      return b === 0x73 ? T_SHARED : b === 0x6e ? T_NUMBER : b === 0x62 ? T_BOOL : b === 0x65 ? T_ERROR : undefined;
    case 3:
      return b === 0x73 && buf[s + 1] === 0x74 && buf[s + 2] === 0x72 ? T_STR : undefined;
    default:
      return undefined;
  }
}

class SheetScanner {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // Document state.
  private carry: Buffer[] | null = null;
  private carryLength = 0;
  private started = false;
  /** Anything but a BOM has been read (an XML declaration must come first). */
  private seen = false;
  private readonly stack: number[] = [];
  private readonly names = new Map<number, string>();
  private rootClosed = false;
  private rootSeen = false;
  private brackets = 0;
  /** Line (from 1) and characters into it of the first byte of the buffer being scanned. */
  private line = 1;
  private col = 0;
  // What exceljs's reader keeps: inside sheetData, the open row and cell.
  private inRows = false;
  private inRow = false;
  private rowNumber = 0;
  private rowRef = '';
  private lastRow = 0;
  private rowFormat: CellFormat = NO_FORMAT;
  private readonly values: unknown[] = [];
  private readonly formats: (CellFormat | undefined)[] = [];
  private lastCol = 0;
  private inCell = false;
  private cellCol = 0;
  private cellStyle = 0;
  private cellType = T_NUMBER;
  private hasFormula = false;
  private formulaText = false;
  private hasValue = false;
  /** Where text goes: 0 nowhere, K_F the formula, K_V the value. */
  private capture = 0;
  private capBuf: Buffer | null = null;
  private capS = 0;
  private capE = 0;
  private capMore: Buffer[] | null = null;
  private readonly styleCache: (CellFormat | null)[] = [];
  private out: RawRow[] = [];
  // Where the r, s and t attributes of the row or cell tag being read lie (-1: absent).
  private rS = -1;
  private rE = -1;
  private sS = -1;
  private sE = -1;
  private tS = -1;
  private tE = -1;

  constructor(private readonly ctx: SheetScanContext) {
    for (const name of ['row', 'c', 'v', 'f', 'is', 't', 'sheetData']) {
      const b = Buffer.from(name, 'latin1');
      this.names.set(nameHash(b, 0, b.length), name);
    }
  }

  /** Scans one chunk, adding the rows it completes to `out`. */
  feed(chunk: Buffer, out: RawRow[]): void {
    let buf = chunk;
    if (this.carry) {
      if (this.carryLength > CARRY_RESCAN && chunk.indexOf(GT) === -1) {
        this.carry.push(chunk);
        this.carryLength += chunk.length;
        return;
      }
      this.carry.push(chunk);
      buf = Buffer.concat(this.carry);
      this.carry = null;
      this.carryLength = 0;
    }
    this.out = out;
    let p = 0;
    if (!this.started) {
      if (buf.length < 3 && buf[0] === 0xef) return this.keep(buf, 0);
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3; // a BOM, as TextDecoder drops it
      this.started = true;
    }
    const n = buf.length;
    while (p < n) {
      if (buf[p] !== LT) {
        // A loop, not indexOf: text between tags is mostly a few digits, shorter than a native call.
        let end = p + 1;
        while (end < n && buf[end] !== LT) end++;
        const stop = this.textRun(buf, p, end);
        this.seen = true;
        if (stop < end) return this.keep(buf, stop);
        p = end;
        continue;
      }
      const q = this.markup(buf, p, n);
      if (q < 0) return this.keep(buf, p);
      this.seen = true;
      this.brackets = 0;
      p = q;
    }
    this.keep(buf, n);
  }

  /** The part has ended: it must have closed its root. */
  end(): void {
    if (this.carry) {
      const buf = Buffer.concat(this.carry);
      this.fail(buf, buf.length, 'unexpected end.');
    }
    if (this.stack.length > 0) {
      this.fail(EMPTY, 0, `unclosed tag: ${this.names.get(this.stack[this.stack.length - 1]!) ?? '?'}`);
    }
    if (!this.rootSeen) this.fail(EMPTY, 0, 'document must contain a root element.');
  }

  /** Bytes before `from` are done (the position moves past them); the rest waits for the next chunk. */
  private keep(buf: Buffer, from: number): void {
    this.advance(buf, from);
    if (from < buf.length) {
      const rest = buf.subarray(from);
      this.carry = [rest];
      this.carryLength = rest.length;
    }
  }

  private advance(buf: Buffer, to: number): void {
    const [line, col] = this.position(buf, to);
    this.line = line;
    this.col = col;
  }

  /** Line and column (characters before it on its line) of `buf[pos]`. */
  private position(buf: Buffer, pos: number): [number, number] {
    let line = this.line;
    let col = this.col;
    let from = 0;
    for (let i = buf.indexOf(NL); i !== -1 && i < pos; i = buf.indexOf(NL, i + 1)) {
      line++;
      col = 0;
      from = i + 1;
    }
    const tail = buf.subarray(from, pos);
    if (isAscii(tail)) return [line, col + tail.length];
    for (const b of tail) {
      if ((b & 0xc0) !== 0x80) col++;
      if (b >= 0xf0) col++; // a UTF-16 surrogate pair, two units as saxes counts them
    }
    return [line, col];
  }

  private fail(buf: Buffer, pos: number, what: string): never {
    const [line, col] = this.position(buf, pos);
    throw new XmlSyntaxError(`${line}:${col + 1}: ${what}`);
  }

  /**
   * Character data from `s` to `e` (a `<` or the buffer's end): checked, and added to the value
   * being read. Returns where it stopped: before an entity the buffer cuts off, else `e`.
   */
  private textRun(buf: Buffer, s: number, e: number): number {
    if (this.stack.length === 0) {
      for (let i = s; i < e; i++) if (!isSpace(buf[i])) this.fail(buf, i, 'text data outside of root node.');
      return e;
    }
    let brackets = this.brackets;
    for (let i = s; i < e; i++) {
      const b = buf[i]!;
      if (b >= SPACE && b !== AMP && b !== GT && b !== RBRACKET && b !== 0xef) {
        brackets = 0;
        continue;
      }
      if (b === RBRACKET) {
        brackets++;
        continue;
      }
      if (b === GT && brackets >= 2) this.fail(buf, i, 'the string "]]>" is disallowed in char data.');
      brackets = 0;
      if (b === AMP) {
        const semi = this.entity(buf, i, e);
        if (semi < 0) {
          this.append(buf, s, i);
          return i;
        }
        i = semi;
      } else if (b === 0xef) {
        if (buf[i + 1] === 0xbf && (buf[i + 2] === 0xbe || buf[i + 2] === 0xbf)) {
          this.fail(buf, i, 'disallowed character.');
        }
      } else if (b < SPACE && b !== TAB && b !== NL && b !== CR) {
        this.fail(buf, i, 'disallowed character.');
      }
    }
    this.brackets = brackets;
    this.append(buf, s, e);
    return e;
  }

  private append(buf: Buffer, s: number, e: number): void {
    if (s === e || this.capture === 0) return;
    if (this.capture === K_F) {
      this.formulaText = true;
      return;
    }
    if (this.capBuf === null) {
      this.capBuf = buf;
      this.capS = s;
      this.capE = e;
    } else {
      (this.capMore ??= [this.capBuf.subarray(this.capS, this.capE)]).push(buf.subarray(s, e));
    }
  }

  /**
   * The entity at `buf[amp]` (`&`), checked as saxes checks it: one of the five XML names or a
   * character reference to a character XML allows. Returns the index of its `;`, or -1 when the
   * buffer ends (at `limit`) before it does.
   */
  private entity(buf: Buffer, amp: number, limit: number): number {
    let i = amp + 1;
    while (i < limit && buf[i] !== SEMI && (NAME_CHAR[buf[i]!] || buf[i] === 0x23)) i++;
    if (i >= limit) {
      if (limit < buf.length) this.fail(buf, limit, 'disallowed character in entity name.');
      return -1;
    }
    if (buf[i] !== SEMI) this.fail(buf, i, 'disallowed character in entity name.');
    const name = buf.toString('latin1', amp + 1, i);
    if (name === '') this.fail(buf, i, 'empty entity name.');
    if (name[0] !== '#') {
      if (!(name in PREDEFINED)) this.fail(buf, i, 'undefined entity.');
      return i;
    }
    const num =
      /^#x[0-9a-f]+$/i.test(name) && name[1] === 'x'
        ? parseInt(name.slice(2), 16)
        : /^#[0-9]+$/.test(name)
          ? parseInt(name.slice(1), 10)
          : NaN;
    if (!isXmlChar(num)) this.fail(buf, i, 'malformed character entity.');
    return i;
  }

  /** The markup at `buf[p]` (`<`); returns the index after it, or -1 when the buffer cuts it off. */
  private markup(buf: Buffer, p: number, n: number): number {
    if (p + 1 >= n) return -1;
    const b = buf[p + 1];
    const q =
      b === SLASH
        ? this.endTag(buf, p, n)
        : b === BANG
          ? this.bang(buf, p, n)
          : b === QMARK
            ? this.pi(buf, p, n)
            : this.startTag(buf, p, n);
    return q;
  }

  private endTag(buf: Buffer, p: number, n: number): number {
    const s = p + 2;
    let i = s;
    if (i >= n) return -1;
    if (!NAME_START[buf[i]!]) this.fail(buf, i, 'disallowed character in closing tag.');
    while (i < n && NAME_CHAR[buf[i]!]) i++;
    const nameEnd = i;
    while (i < n && isSpace(buf[i])) i++;
    if (i >= n) return -1;
    if (buf[i] !== GT) this.fail(buf, i, 'disallowed character in closing tag.');
    const h = nameHash(buf, s, nameEnd);
    const open = this.stack.pop();
    if (open === undefined) this.fail(buf, s, 'unexpected close tag.');
    if (open !== h) {
      const name = buf.toString('utf8', s, nameEnd);
      this.fail(buf, s, `unexpected close tag </${name}>, the open element is <${this.names.get(open) ?? '?'}>.`);
    }
    this.closed(kindOf(buf, s, nameEnd - s));
    if (this.stack.length === 0) this.rootClosed = true;
    return i + 1;
  }

  /** `<!--` comments, `<![CDATA[` sections (not part of any value) and a DOCTYPE before the root. */
  private bang(buf: Buffer, p: number, n: number): number {
    const head = buf.toString('latin1', p, Math.min(n, p + 9));
    if (head.startsWith('<!--')) {
      const dashes = buf.indexOf('--', p + 4);
      if (dashes === -1 || dashes + 2 >= n) return -1;
      if (buf[dashes + 2] !== GT) this.fail(buf, dashes, 'malformed comment.');
      return dashes + 3;
    }
    if (head === '<![CDATA[') {
      if (this.stack.length === 0) this.fail(buf, p, 'text data outside of root node.');
      const close = buf.indexOf(']]>', p + 9);
      return close === -1 ? -1 : close + 3;
    }
    if (head === '<!DOCTYPE') {
      if (this.rootSeen) this.fail(buf, p, 'inappropriately located doctype declaration.');
      let depth = 0;
      for (let i = p + 9; i < n; i++) {
        const b = buf[i];
        if (b === 0x5b) depth++;
        else if (b === RBRACKET) depth--;
        else if (b === GT && depth <= 0) return i + 1;
      }
      return -1;
    }
    if (n - p < 9 && ('<!--'.startsWith(head) || '<![CDATA['.startsWith(head) || '<!DOCTYPE'.startsWith(head)))
      return -1;
    return this.fail(buf, p + 2, 'incorrect syntax.');
  }

  /** A processing instruction; `<?xml …?>` only as the very first thing. */
  private pi(buf: Buffer, p: number, n: number): number {
    const close = buf.indexOf('?>', p + 2);
    if (close === -1) return -1;
    let i = p + 2;
    while (i < close && NAME_CHAR[buf[i]!]) i++;
    if (i === p + 2) this.fail(buf, i, 'processing instruction without a target.');
    if (buf.toString('latin1', p + 2, i) === 'xml' && this.seen) {
      this.fail(buf, p, 'an XML declaration must be at the start of the document.');
    }
    return close + 2;
  }

  /** `<name attr="…" …>` or `<name …/>`. */
  private startTag(buf: Buffer, p: number, n: number): number {
    const s = p + 1;
    if (!NAME_START[buf[s]!]) this.fail(buf, s, 'disallowed character in tag name.');
    let i = s + 1;
    while (i < n && NAME_CHAR[buf[i]!]) i++;
    if (i >= n) return -1;
    const nameEnd = i;
    const kind = kindOf(buf, s, nameEnd - s);
    const wanted = kind === K_ROW || kind === K_C;
    this.rS = this.sS = this.tS = -1;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < n && isSpace(buf[i])) i++;
      if (i >= n) return -1;
      const b = buf[i]!;
      if (b === GT) {
        i++;
        break;
      }
      if (b === SLASH) {
        if (i + 1 >= n) return -1;
        if (buf[i + 1] !== GT) this.fail(buf, i, 'forward-slash in opening tag not followed by >.');
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === before)
        this.fail(buf, i, i === nameEnd ? 'disallowed character in tag name.' : 'no whitespace between attributes.');
      const next = this.attribute(buf, i, n, wanted);
      if (next < 0) return -1;
      i = next;
    }
    if (this.stack.length === 0) {
      if (this.rootClosed) this.fail(buf, p, 'documents may contain only one root.');
      this.rootSeen = true;
    }
    this.opened(kind, buf);
    if (selfClosing) {
      this.closed(kind);
      if (this.stack.length === 0) this.rootClosed = true;
    } else {
      const h = nameHash(buf, s, nameEnd);
      if (kind === K_OTHER && !this.names.has(h)) this.names.set(h, buf.toString('utf8', s, nameEnd));
      this.stack.push(h);
    }
    return i;
  }

  /** One `name="value"` at `buf[i]`; returns the index after it, or -1 when the buffer cuts it off. */
  private attribute(buf: Buffer, i: number, n: number, wanted: boolean): number {
    const s = i;
    if (!NAME_START[buf[i]!]) this.fail(buf, i, 'disallowed character in attribute name.');
    while (i < n && NAME_CHAR[buf[i]!]) i++;
    const nameEnd = i;
    while (i < n && isSpace(buf[i])) i++;
    if (i >= n) return -1;
    if (buf[i] !== EQ) this.fail(buf, i, 'attribute without value.');
    i++;
    while (i < n && isSpace(buf[i])) i++;
    if (i >= n) return -1;
    const quote = buf[i];
    if (quote !== DQUOTE && quote !== SQUOTE) this.fail(buf, i, 'unquoted attribute value.');
    const vs = i + 1;
    let ve = vs;
    while (ve < n && buf[ve] !== quote) ve++;
    if (ve >= n) return -1;
    for (let j = vs; j < ve; j++) {
      const b = buf[j]!;
      if (b > LT) continue;
      if (b === LT) this.fail(buf, j, 'disallowed character.');
      else if (b === AMP) j = this.entity(buf, j, ve);
      else if (b < SPACE && b !== TAB && b !== NL && b !== CR) this.fail(buf, j, 'disallowed character.');
    }
    if (wanted && nameEnd - s === 1) {
      const a = buf[s];
      if (a === 0x72) {
        if (this.rS >= 0) this.duplicate(buf, s);
        this.rS = vs;
        this.rE = ve;
      } else if (a === 0x73) {
        if (this.sS >= 0) this.duplicate(buf, s);
        this.sS = vs;
        this.sE = ve;
      } else if (a === 0x74) {
        if (this.tS >= 0) this.duplicate(buf, s);
        this.tS = vs;
        this.tE = ve;
      }
    }
    return ve + 1;
  }

  private duplicate(buf: Buffer, at: number): never {
    return this.fail(buf, at, `duplicate attribute: ${String.fromCharCode(buf[at]!)}.`);
  }

  /** An attribute's value as saxes gives it: whitespace characters as spaces, entities decoded. */
  private attrValue(buf: Buffer, s: number, e: number): string {
    let v = buf.toString('utf8', s, e);
    if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
    return v.includes('&') ? decodeEntities(v) : v;
  }

  private opened(kind: number, buf: Buffer): void {
    switch (kind) {
      case K_SHEET_DATA:
        this.inRows = true;
        break;
      case K_ROW:
        if (this.inRows) this.beginRow(buf);
        break;
      case K_C:
        if (this.inRow) this.beginCell(buf);
        break;
      case K_F:
        if (this.inCell) {
          this.hasFormula = true;
          this.formulaText = false;
          this.capture = K_F;
        }
        break;
      case K_V:
        if (this.inCell) {
          this.hasValue = true;
          this.capture = K_V;
          this.capBuf = null;
          this.capMore = null;
        }
        break;
    }
  }

  private closed(kind: number): void {
    switch (kind) {
      case K_SHEET_DATA:
        this.inRows = false;
        break;
      case K_ROW:
        if (this.inRow) this.endRow();
        break;
      case K_C:
        if (this.inRow && this.inCell) this.endCell();
        break;
    }
  }

  private beginRow(buf: Buffer): void {
    this.rowRef = '';
    if (this.rS < 0) {
      this.rowNumber = this.lastRow + 1;
    } else {
      const fast = plainInteger(buf, this.rS, this.rE);
      if (fast === undefined) this.rowRef = this.attrValue(buf, this.rS, this.rE);
      this.rowNumber = fast ?? parseInt(this.rowRef, 10);
    }
    this.lastRow = this.rowNumber;
    // exceljs: `if (node.attributes.s)`, then getStyleModel(parseInt(s)) even for "0".
    this.rowFormat =
      this.sS >= 0 && this.sE > this.sS ? (this.style(this.intAttr(buf, this.sS, this.sE)) ?? NO_FORMAT) : NO_FORMAT;
    this.values.length = 0;
    this.formats.length = 0;
    this.lastCol = 0;
    this.inRow = true;
    this.inCell = false;
  }

  private beginCell(buf: Buffer): void {
    this.cellCol = this.rS >= 0 ? this.columnOf(buf, this.rS, this.rE) : this.lastCol + 1;
    this.lastCol = this.cellCol;
    this.cellStyle = this.sS >= 0 ? this.intAttr(buf, this.sS, this.sE) : NaN;
    this.cellType =
      this.tS < 0
        ? T_NUMBER
        : (cellTypeOf(buf, this.tS, this.tE) ?? CELL_TYPES[this.attrValue(buf, this.tS, this.tE)] ?? T_NUMBER);
    this.inCell = true;
    this.hasFormula = false;
    this.formulaText = false;
    this.hasValue = false;
    this.capture = 0;
    this.capBuf = null;
    this.capMore = null;
  }

  /** The column of a cell reference, read as exceljs's colCache.decodeAddress reads it. */
  private columnOf(buf: Buffer, s: number, e: number): number {
    let ref: string | null = null;
    let codes: ArrayLike<number> = buf;
    let from = s;
    let to = e;
    if (!plainAscii(buf, s, e)) {
      ref = this.attrValue(buf, s, e);
      codes = Array.from(ref, (c) => c.charCodeAt(0));
      from = 0;
      to = codes.length;
    }
    let hasCol = false;
    let hasRow = false;
    let col = 0;
    for (let i = from; i < to; i++) {
      const ch = codes[i]!;
      if (!hasRow && ch >= 0x41 && ch <= 0x5a) {
        hasCol = true;
        col = col * 26 + ch - 64;
      } else if (ch >= 0x30 && ch <= 0x39) {
        hasRow = true;
      } else if (hasRow && hasCol && ch !== 0x24) {
        break;
      }
    }
    if (!hasCol || col > 16384) {
      ref ??= this.attrValue(buf, s, e);
      throw new SheetContentError(
        `cell reference "${ref}" ${hasCol ? 'is past column XFD' : 'has no column letters'} (row ${this.rowRef || this.rowNumber})`,
      );
    }
    return col;
  }

  /** parseInt(value, 10) of an attribute. */
  private intAttr(buf: Buffer, s: number, e: number): number {
    return plainInteger(buf, s, e) ?? parseInt(this.attrValue(buf, s, e), 10);
  }

  /** A cellXfs entry's number format, as exceljs's styles give it; null when there is no such style. */
  private style(id: number): CellFormat | null {
    const cacheable = id >= 0 && id < 65536;
    if (cacheable) {
      const known = this.styleCache[id];
      if (known !== undefined) return known;
    }
    const model = this.ctx.styles.getStyleModel(id);
    const fmt = model ? { numFmt: model.numFmt, date: isDateFormat(model.numFmt) } : null;
    if (cacheable) this.styleCache[id] = fmt;
    return fmt;
  }

  /** `</c>`: the cell's value, as exceljs's reader sets it (see the header). */
  private endCell(): void {
    this.inCell = false;
    this.capture = 0;
    const row = this.rowNumber;
    if (!(row >= 0 && row < 1e21)) {
      throw new SheetContentError(
        `row number "${this.rowRef}" is not a number (a <row r> before cell ${columnLetter(this.cellCol)})`,
      );
    }
    const k = this.cellCol - 1;
    let format = this.formats[k] ?? this.rowFormat;
    if (this.cellStyle) format = this.style(this.cellStyle) ?? format;
    this.formats[k] = format;
    let value: unknown;
    if (this.hasFormula) {
      const result = this.hasValue
        ? this.cellType === T_STR
          ? xmlDecodeAgain(this.valueText())
          : this.valueNumber()
        : undefined;
      // A formula with text keeps only a truthy result (exceljs's FormulaValue), one without keeps any.
      value = this.formulaText ? (result ? { formula: '=', result } : { formula: '=' }) : { formula: '', result };
    } else if (this.hasValue) {
      switch (this.cellType) {
        case T_SHARED:
          value = sharedStringAt(this.ctx.sharedStrings, this.valueInt());
          break;
        case T_STR:
        case T_INLINE:
          value = xmlDecodeAgain(this.valueText());
          break;
        case T_ERROR:
          value = ERROR_VALUE;
          break;
        case T_BOOL:
          value = this.valueInt() !== 0;
          break;
        default: {
          const v = this.valueNumber();
          value = format.date ? excelToDate(v, this.ctx.date1904) : v;
        }
      }
      if (value === null) value = undefined; // an empty shared string: an empty cell
    } else {
      return; // no value: the cell keeps the one it had (none, unless its reference came twice)
    }
    this.values[k] = value;
  }

  /** `</row>`: the row's cells, converted as convertRow converts exceljs's row values. */
  private endRow(): void {
    this.inRow = false;
    const values = this.values;
    let n = values.length;
    while (n > 0 && values[n - 1] === undefined) n--;
    if (n === 0) return;
    const rowNumber = this.rowNumber;
    const cells = new Array<RawCell>(n);
    let empty = true;
    for (let k = 0; k < n; k++) {
      const v = values[k];
      let cell: RawCell;
      if (v === undefined) {
        cell = null;
      } else if (typeof v === 'number') {
        cell = Number.isFinite(v) ? v : null;
      } else if (typeof v === 'string') {
        cell = text(v, this.where(k));
      } else if (v instanceof MissingSharedString) {
        throw this.ctx.missingString(v.index, rowNumber, k + 1);
      } else {
        const format = this.formats[k];
        cell = toCell(v, this.where(k), () => format?.numFmt, this.ctx.date1904);
      }
      cells[k] = cell;
      if (cell !== null) empty = false;
    }
    if (!empty) this.out.push({ rowNumber, cells });
  }

  private where(k: number): Where {
    return () => ({ file: this.ctx.file, sheet: this.ctx.sheet, row: this.rowNumber, column: columnLetter(k + 1) });
  }

  private valueBytes(): Buffer {
    if (this.capMore) return Buffer.concat(this.capMore);
    return this.capBuf ? this.capBuf.subarray(this.capS, this.capE) : EMPTY;
  }

  /** The value's text as saxes gives it: UTF-8 decoded, line ends as \n, entities decoded. */
  private valueText(): string {
    const bytes = this.valueBytes();
    let s = isAscii(bytes) ? bytes.toString('latin1') : this.decoder.decode(bytes);
    if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
    return s.includes('&') ? decodeEntities(s) : s;
  }

  /** parseFloat(text), without making a string for a plain integer. */
  private valueNumber(): number {
    const buf = this.capBuf;
    if (buf && !this.capMore) {
      const fast = plainInteger(buf, this.capS, this.capE);
      if (fast !== undefined) return fast;
      // parseFloat reads the same number from ASCII bytes as from their decoded text (\r and \n alike).
      if (plainAscii(buf, this.capS, this.capE)) return parseFloat(buf.toString('latin1', this.capS, this.capE));
    }
    return parseFloat(this.valueText());
  }

  /** parseInt(text, 10). */
  private valueInt(): number {
    const buf = this.capBuf;
    if (buf && !this.capMore) {
      const fast = plainInteger(buf, this.capS, this.capE);
      if (fast !== undefined) return fast;
      if (plainAscii(buf, this.capS, this.capE)) return parseInt(buf.toString('latin1', this.capS, this.capE), 10);
    }
    return parseInt(this.valueText(), 10);
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The character XML allows (saxes's isChar). */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** Entities of text already checked by the scanner (every `&` starts a valid one). */
function decodeEntities(s: string): string {
  return s.replace(/&([^;]*);/g, (_m, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name]!;
    return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}
