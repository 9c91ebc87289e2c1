/**
 * Value parsing for the formats platform exports use. Pure functions: a raw cell in, a typed value
 * (or the reason it could not be read) out. Money is yuan, rates are fractions (0.0068), durations
 * are seconds, date-times are ISO strings in Asia/Shanghai (+08:00).
 */
import type { RawCell } from './raw.js';
import { cleanText } from '../../text-safety.js';

export type ValueType =
  | 'money'
  | 'count'
  | 'number'
  | 'rate'
  | 'duration'
  | 'datetime'
  | 'datetime-range'
  | 'date'
  | 'time'
  | 'text'
  | 'id'
  | 'boolean';

export type DurationUnit = 'seconds' | 'minutes' | 'hours';

export interface DateTimeRange {
  start: string;
  end: string;
}

export type Value = number | string | boolean | DateTimeRange | null;

/** On failure, `expected` is a key of EXPECTED: what the cell should have looked like. */
export type ParseResult = { ok: true; value: Value } | { ok: false; expected: ExpectedKey };

export interface ParseOptions {
  /** Unit of a bare number in a duration column (the header says which; default seconds). */
  durationUnit?: DurationUnit;
  /**
   * Multiplier for money and counts from the header's unit (0.01 for fen, 10000 for 万元). A cell
   * that states its own unit ("¥1,234", "1.2万") is read as it says.
   */
  scale?: number;
  /** A bare number in a rate column is a percentage (header "(%)": 100) or per mille (1000). */
  percent?: 100 | 1000;
}

export type ExpectedKey = ValueType | 'id-precision';

/** What a cell of each type should look like, for error messages. */
export const EXPECTED: Record<ExpectedKey, { en: string; zh: string }> = {
  money: { en: 'an amount such as ¥1,234.50, 1.2万 or 12345', zh: '金额，如 ¥1,234.50、1.2万、12345' },
  count: { en: 'a number such as 12,345, 1.2万 or 3.5w', zh: '数量，如 12,345、1.2万、3.5w' },
  number: { en: 'a number such as 0.17', zh: '数字，如 0.17' },
  rate: { en: 'a rate such as 12.34% or 0.1234', zh: '比率，如 12.34% 或 0.1234' },
  duration: {
    en: 'a duration such as 1分5秒, 2小时3分17秒, 00:03:25 or a number',
    zh: '时长，如 1分5秒、2小时3分17秒、00:03:25 或数字',
  },
  datetime: { en: 'a date-time such as 2026/07/28 08:15:49', zh: '日期时间，如 2026/07/28 08:15:49' },
  'datetime-range': {
    en: 'a date-time range such as 2026/07/28 08:15:49-2026/07/28 15:44:39',
    zh: '时间段，如 2026/07/28 08:15:49-2026/07/28 15:44:39',
  },
  date: { en: 'a date such as 2026/11/03 or 20261103', zh: '日期，如 2026/11/03 或 20261103' },
  time: { en: 'a time of day such as 20:03', zh: '时刻，如 20:03' },
  text: { en: 'text', zh: '文本' },
  id: { en: 'an ID', zh: 'ID' },
  'id-precision': {
    en: 'an ID stored as text (this number has more digits than a spreadsheet number keeps; format the column as text in the export)',
    zh: '文本格式的ID（该数字位数超过表格数字的精度，已丢失末位；请在导出时将此列设为文本）',
  },
  boolean: { en: '是/否, 有/无 or Y/N', zh: '是/否、有/无 或 Y/N' },
};

// Platforms write "nothing" in many ways.
const MISSING = new Set(['', '-', '—', '–', '--', '——', '−', '/', 'n/a', 'na', 'null', 'none', '暂无', '无数据', '-%']);

const LONGEST_MISSING = Math.max(...[...MISSING].map((m) => m.length));
/** First characters of the markers, both cases, as char codes. */
const MISSING_FIRST = new Set([...MISSING].flatMap((m) => [m.charCodeAt(0), m.charAt(0).toUpperCase().charCodeAt(0)]));

/** Whether a char code is one that String.prototype.trim removes. */
function isSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isMissing(raw: RawCell): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') {
    if (raw.length === 0) return true;
    // Hot path, no allocation: a cell longer than every marker (even with spaces around it), or
    // one that starts with a character no marker starts with, is not a marker.
    if (raw.length > LONGEST_MISSING + 8) return false;
    const first = raw.charCodeAt(0);
    if (!MISSING_FIRST.has(first) && !isSpace(first)) return false;
    return MISSING.has(raw.trim().toLowerCase());
  }
  return false;
}

const fail = (type: ExpectedKey): ParseResult => ({ ok: false, expected: type });
const ok = (value: Value): ParseResult => ({ ok: true, value });

/**
 * A plain decimal with optional thousands separators, currency signs and a 万/w/亿 multiplier.
 * Returns null when the text is not such a number.
 */
const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * "1234", "-12.5", "¥1234.50", "￥389.00" (an optional ¥ or ￥, an optional minus, digits, and
 * optionally a point and digits), checked by character codes (most cells of a big export). The offset the number starts at (1 after a ¥),
 * or -1 for any other text.
 */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function plainNumberStart(text: string): number {
  const n = text.length;
  let i = 0;
  const c0 = text.charCodeAt(0);
  if (c0 === 0xa5 || c0 === 0xffe5) i = 1;
  const start = i;
  if (text.charCodeAt(i) === 45) i++; // '-'
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return -1;
  if (i === n) return start;
  if (text.charCodeAt(i) !== 46) return -1; // '.'
  i++;
  const fracStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i === n && i > fracStart ? start : -1;
}

export function parseDecimal(text: string): number | null {
  // Hot paths (most cells of a big export): "1234.5" and "¥1234.50" need none of the work below.
  const plain = plainNumberStart(text);
  if (plain === 0) return Number(text);
  if (plain === 1) return Number(text.slice(1));
  // NFKC folds full-width digits and signs; ASCII text does not need it.
  let s = (ASCII_ONLY.test(text) ? text : text.normalize('NFKC')).trim();
  let sign = 1;
  let mult = 1;
  // Currency and unit words around the number.
  s = s
    .replace(/^(?:rmb|cny)\s*/i, '')
    .replace(/[¥￥$]/g, '')
    .replace(/\s*(?:元|rmb|cny)$/i, '');
  s = s.replace(/\s+/g, '');
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  const unit = /(万|w|W|亿|千|k|K)$/.exec(s);
  if (unit) {
    const u = unit[1];
    mult = u === '亿' ? 1e8 : u === '千' || u === 'k' || u === 'K' ? 1e3 : 1e4;
    s = s.slice(0, -1);
  }
  // Thousands separators must sit between groups of three digits: "12,3O4" must not pass.
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  // Avoid 1.2 * 10000 = 11999.999999999998.
  return sign * (mult === 1 ? n : Math.round(n * mult * 1e6) / 1e6);
}

/** A cell that carries its own currency or multiplier: the header's unit does not apply to it. */
const OWN_UNIT = /[¥￥$元万亿千wWkK]/;

/** A count written with its measure word: "5次", "12 件", "1.2万人". */
const COUNT_WORD = /^(.*[\d万wW])\s*(?:次|件|人|个|单|笔|场|款|双|支|套|台|位|名)$/;

const MEASURE_WORDS = new Set([...'次件人个单笔场款双支套台位名'].map((c) => c.charCodeAt(0)));

/** Whether the text's last character (spaces aside) is a measure word: only then can COUNT_WORD match. */
function endsWithMeasureWord(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return i >= 0 && MEASURE_WORDS.has(text.charCodeAt(i));
}

function parseNumeric(raw: RawCell, type: ValueType, scale = 1): ParseResult {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? ok(scale === 1 ? raw : Math.round(raw * scale * 1e6) / 1e6) : fail(type);
  if (typeof raw !== 'string') return fail(type);
  const word = type === 'count' && endsWithMeasureWord(raw) ? COUNT_WORD.exec(raw.trim()) : null;
  const n = parseDecimal(word ? word[1]! : raw);
  if (n === null) return fail(type);
  return ok(scale === 1 || OWN_UNIT.test(raw) ? n : Math.round(n * scale * 1e6) / 1e6);
}

/**
 * "12.34%" → 0.1234; a bare number is taken as a fraction already (API exports: 0.0068), unless
 * the header says the column is in percent (`percent` 100: 5 → 0.05) or per mille (1000).
 */
export function parseRate(raw: RawCell, percent?: 100 | 1000): ParseResult {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? ok(percent ? Math.round((raw / percent) * 1e10) / 1e10 : raw) : fail('rate');
  if (typeof raw !== 'string') return fail('rate');
  let s = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  // Period comparisons: "较上周期↑17.74%" / "↓3.2%".
  let sign = 1;
  const cmp = /^(?:较[^↑↓+-]*)?([↑↓])(.*)$/.exec(s);
  if (cmp) {
    sign = cmp[1] === '↓' ? -1 : 1;
    s = cmp[2] ?? '';
  }
  if (s.endsWith('%')) {
    const n = parseDecimal(s.slice(0, -1));
    return n === null ? fail('rate') : ok((sign * Math.round(n * 1e8)) / 1e10);
  }
  if (s.endsWith('‰')) {
    const n = parseDecimal(s.slice(0, -1));
    return n === null ? fail('rate') : ok((sign * Math.round(n * 1e8)) / 1e11);
  }
  const n = parseDecimal(s);
  if (n === null) return fail('rate');
  return ok(percent ? (sign * Math.round((n / percent) * 1e10)) / 1e10 : sign * n);
}

const UNIT_SECONDS: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };

/** "1分5秒" → 65, "2小时3分17秒" → 7397, "00:03:25" → 205, "3:25" → 205, bare numbers in `unit`. */
export function parseDuration(raw: RawCell, unit: DurationUnit = 'seconds'): ParseResult {
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(round6(raw * UNIT_SECONDS[unit])) : fail('duration');
  if (raw instanceof Date) {
    // A time-formatted cell: exceljs gives a date on 1899-12-30 carrying the time of day (a
    // duration past 24 h runs into the next days). A cell of a real date is a moment, not a duration.
    const seconds = Math.round((raw.getTime() - Date.UTC(1899, 11, 30)) / 1000);
    return seconds >= 0 && seconds < 366 * 86400 ? ok(seconds) : fail('duration');
  }
  if (typeof raw !== 'string') return fail('duration');
  const s = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(s);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    return ok(c === null ? a * 60 + b : a * 3600 + b * 60 + c);
  }
  const cjk =
    /^(?:(\d+(?:\.\d+)?)(?:小时|时|h))?(?:(\d+(?:\.\d+)?)(?:分钟|分|min|m))?(?:(\d+(?:\.\d+)?)(?:秒钟|秒|s))?$/i.exec(
      s,
    );
  if (cjk && (cjk[1] || cjk[2] || cjk[3])) {
    const h = Number(cjk[1] ?? 0);
    const m = Number(cjk[2] ?? 0);
    const sec = Number(cjk[3] ?? 0);
    return ok(round6(h * 3600 + m * 60 + sec));
  }
  const n = parseDecimal(s);
  return n === null ? fail('duration') : ok(round6(n * UNIT_SECONDS[unit]));
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function iso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject 2026/02/30 and 25:00 rather than rolling over.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
}

/** Excel serial (days since 1899-12-30, fraction = time of day) → wall-clock parts. */
function fromSerial(serial: number): string | null {
  if (!(serial > 1 && serial < 2958466)) return null;
  const ms = Math.round(serial * 86400) * 1000;
  const t = new Date(Date.UTC(1899, 11, 30) + ms);
  return iso(
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
  );
}

/** exceljs hands date cells over as a Date whose UTC fields are the wall-clock time written in the sheet. */
function fromDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return iso(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

const DATETIME_RE =
  /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?(?:[T\s]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?)?(?:\.\d+)?(?:Z|\+08:?00)?$/;

/**
 * Date-times are Asia/Shanghai wall-clock time: "2026/07/28 08:15:49", "2026/11/3 20:00",
 * "2026-11-03", "20261103", "2026年11月3日 20:00", Excel serials and date cells.
 */
// Date-times repeat (every order placed in the same second): parse each distinct text once.
const dateTimeCache = new Map<string, ParseResult>();

export function parseDateTime(raw: RawCell): ParseResult {
  if (typeof raw === 'string') {
    const quick = plainDateTime(raw);
    if (quick !== undefined) return quick === null ? fail('datetime') : ok(quick);
    const hit = dateTimeCache.get(raw);
    if (hit) return hit;
    const r = parseDateTimeUncached(raw);
    if (dateTimeCache.size >= 50_000) dateTimeCache.clear();
    dateTimeCache.set(raw, r);
    return r;
  }
  return parseDateTimeUncached(raw);
}

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DIGIT_0 = 48;

/**
 * Hot path for what almost every export writes, "2026/11/18 20:00:05", "2026-11-18 20:00" or
 * "2026/11/3 8:05:00" (ASCII, `/` or `-`, a space or T, a four-digit year from 1900): read by
 * character codes, with no normalising, regex or cache. The ISO text, null for a date that does
 * not exist (2026/02/30, 25:00, as the general path says), undefined for any other spelling (the
 * general path reads it).
 */
function plainDateTime(s: string): string | null | undefined {
  const n = s.length;
  if (n < 14 || n > 19) return undefined;
  const y = digitsAt(s, 0, 4);
  if (cursor !== 4 || y < 1900) return undefined;
  const sep = s.charCodeAt(4);
  if (sep !== 47 && sep !== 45) return undefined; // '/' or '-'
  const mo = digitsAt(s, 5, 2);
  if (mo < 0 || s.charCodeAt(cursor) !== sep) return undefined;
  const d = digitsAt(s, cursor + 1, 2);
  const gap = s.charCodeAt(cursor);
  if (d < 0 || (gap !== 32 && gap !== 84)) return undefined; // ' ' or 'T'
  const h = digitsAt(s, cursor + 1, 2);
  if (h < 0 || s.charCodeAt(cursor) !== 58) return undefined; // ':'
  const mi = digitsAt(s, cursor + 1, 2);
  if (mi < 0) return undefined;
  let sec = 0;
  if (cursor < n) {
    if (s.charCodeAt(cursor) !== 58) return undefined;
    sec = digitsAt(s, cursor + 1, 2);
    if (sec < 0 || cursor !== n) return undefined;
  }
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!)) return null;
  return `${y}-${PAD2[mo]}-${PAD2[d]}T${PAD2[h]}:${PAD2[mi]}:${PAD2[sec]}+08:00`;
}

/** Where digitsAt stopped: the offset after the digits it read. */
let cursor = 0;

/** The number written by 1 to `max` ASCII digits from `from` (-1 when there is none); leaves `cursor` after them. */
function digitsAt(s: string, from: number, max: number): number {
  let v = 0;
  let i = from;
  const end = Math.min(s.length, from + max);
  while (i < end) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) break;
    v = v * 10 + c - DIGIT_0;
    i++;
  }
  cursor = i;
  return i === from ? -1 : v;
}

function parseDateTimeUncached(raw: RawCell): ParseResult {
  if (raw instanceof Date) {
    const v = fromDate(raw);
    return v ? ok(v) : fail('datetime');
  }
  if (typeof raw === 'number') {
    const v = fromSerial(raw);
    return v ? ok(v) : fail('datetime');
  }
  if (typeof raw !== 'string') return fail('datetime');
  const s = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const m = DATETIME_RE.exec(s);
  if (m) {
    const v = iso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    return v ? ok(v) : fail('datetime');
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\s?(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/.exec(s);
  if (compact) {
    const v = iso(
      Number(compact[1]),
      Number(compact[2]),
      Number(compact[3]),
      Number(compact[4] ?? 0),
      Number(compact[5] ?? 0),
      Number(compact[6] ?? 0),
    );
    return v ? ok(v) : fail('datetime');
  }
  const serial = /^\d{5}(?:\.\d+)?$/.test(s) ? fromSerial(Number(s)) : null;
  return serial ? ok(serial) : fail('datetime');
}

/** A date without time: "2026-11-03". */
export function parseDate(raw: RawCell): ParseResult {
  const r = parseDateTime(raw);
  return r.ok && typeof r.value === 'string' ? ok(r.value.slice(0, 10)) : fail('date');
}

/** "2026/07/28 08:15:49-2026/07/28 15:44:39" (also "~", "至", "到") → {start, end}. */
export function parseDateTimeRange(raw: RawCell): ParseResult {
  if (typeof raw !== 'string') return fail('datetime-range');
  const s = raw.normalize('NFKC').trim();
  // Split at a separator that is followed by a full date (dates themselves may contain "-").
  const m = /^(.+?)\s*(?:~|至|到|-|—|–)\s*(\d{4}[/\-.年]\d{1,2}[/\-.月].+|\d{8}.*)$/.exec(s);
  if (!m) return fail('datetime-range');
  const a = parseDateTime(m[1] ?? '');
  const b = parseDateTime(m[2] ?? '');
  if (!a.ok || !b.ok || typeof a.value !== 'string' || typeof b.value !== 'string') return fail('datetime-range');
  return ok({ start: a.value, end: b.value });
}

/** "20:03" or "20:03:15" → "20:03:00"/"20:03:15"; a full date-time keeps its date. */
export function parseTime(raw: RawCell): ParseResult {
  if (typeof raw === 'string') {
    const m = /^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(raw.trim());
    if (m) {
      const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
      if (h < 24 && mi < 60 && s < 60) return ok(`${pad(h)}:${pad(mi)}:${pad(s)}`);
      return fail('time');
    }
  }
  if (typeof raw === 'number' && raw >= 0 && raw < 1) {
    const secs = Math.round(raw * 86400);
    return ok(`${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`);
  }
  const dt = parseDateTime(raw);
  return dt.ok ? dt : fail('time');
}

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '✓', '√', '支持', '已提供', '提供']);
const FALSE = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '✗', '×', '不支持', '未提供']);

export function parseBoolean(raw: RawCell): ParseResult {
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw === 'number') return raw === 1 ? ok(true) : raw === 0 ? ok(false) : fail('boolean');
  if (typeof raw !== 'string') return fail('boolean');
  const s = raw.trim().toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail('boolean');
}

/** IDs stay text: a 19-digit ID stored as a number has already lost digits, and we say so. */
export function parseId(raw: RawCell): ParseResult {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) {
      return fail('id-precision');
    }
    return ok(String(raw));
  }
  if (typeof raw === 'string') {
    // Hot path: digits only (every platform's order and product IDs) need no cleaning or check.
    if (allDigits(raw)) return ok(raw);
    const id = cleanText(raw).trim();
    // Excel shows a long numeric ID as 3.70001E+18 and, saved as CSV, writes that text: the digits are gone.
    if (SCIENTIFIC_ID.test(id)) return fail('id-precision');
    // A number with more digits than a double keeps, stored as text by a CSV round trip (3700012345678900000).
    return ok(id);
  }
  if (typeof raw === 'boolean') return ok(String(raw));
  return fail('id');
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

const SCIENTIFIC_ID = /^[+-]?\d(?:\.\d+)?[eE][+]?\d+$/;

export function parseText(raw: RawCell): ParseResult {
  if (raw instanceof Date) return parseDateTime(raw);
  if (raw === null) return ok(null);
  // No terminal sequence, control or bidi-override character travels on from an export.
  return ok(cleanText(String(raw)).trim());
}

/** Parse one cell as `type`. Missing markers ("-", "--", empty…) become null for every type but text. */
export function parseValue(raw: RawCell, type: ValueType, opts: ParseOptions = {}): ParseResult {
  if (type === 'text') return isMissing(raw) && (raw === null || String(raw).trim() === '') ? ok(null) : parseText(raw);
  if (isMissing(raw)) return ok(null);
  switch (type) {
    case 'money':
      return parseNumeric(raw, type, opts.scale ?? 1);
    case 'count':
    case 'number':
      return parseNumeric(raw, type, opts.scale ?? 1);
    case 'rate':
      return parseRate(raw, opts.percent);
    case 'duration':
      return parseDuration(raw, opts.durationUnit);
    case 'datetime':
      return parseDateTime(raw);
    case 'datetime-range':
      return parseDateTimeRange(raw);
    case 'date':
      return parseDate(raw);
    case 'time':
      return parseTime(raw);
    case 'id':
      return parseId(raw);
    case 'boolean':
      return parseBoolean(raw);
  }
}
