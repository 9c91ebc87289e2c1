/**
 * Text from exports (product, supplier and account names, comments) reaches terminals, Markdown,
 * calendars, spreadsheets, file names and error messages. Here, once, is what it may carry there:
 * no terminal control sequences, no bidi overrides, no formula, no path.
 */

/** ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, links), and two-byte ones. */
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
/** C0 controls but tab and line feed, DEL, C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Characters that reorder or hide text (bidi overrides and isolates, zero-width and BOM). */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const INVISIBLE = /[\u200b\u200c\u2060-\u2064\ufeff\u00ad\u180e]/g;

/**
 * A text value as read from an export: line breaks as \n (a bare CR from an old Mac export too),
 * terminal sequences, control and bidi-override characters removed. Zero-width joiners stay
 * (they hold emoji together).
 */
export function cleanText(s: string): string {
  if (!needsCleaning(s)) return s;
  return s.replace(/\r\n?/g, '\n').replace(ESCAPES, '').replace(CONTROLS, '').replace(BIDI, '');
}

/**
 * Whether `s` holds a character cleanText removes or rewrites (a control, a bidi mark): read by
 * character codes, as every text cell of an export passes here.
 */
function needsCleaning(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (c < 0x61c) continue;
    if (c === 0x61c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return true;
  }
  return false;
}

/** One line for a message or a terminal: controls shown as escapes (\n, \x1b, \u202e), never acted on. */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Spaces and characters a spreadsheet skips before it looks for a formula sign. */
const LEADING_SKIPPED = /^[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*/;
/** What starts a formula (also in full width), or a line that becomes one once re-saved. */
const FORMULA_SIGN = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for an HTML page, in an element or a quoted attribute: cleaned (no control or bidi
 * character), and & < > " ' written as entities, so no value opens a tag, an attribute or a script.
 */
export function htmlText(s: string): string {
  return cleanText(s)
    .replace(INVISIBLE, '')
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Text that must stay text in a spreadsheet, also after "Save as CSV" and opening that CSV: a
 * leading apostrophe when its first visible character (past spaces, tabs, line breaks, zero-width
 * and bidi characters, which LibreOffice and Excel drop) starts a formula.
 */
export function neutralizeFormula(text: string): string {
  const lead = LEADING_SKIPPED.exec(text)![0];
  if (lead === '' ? FORMULA_SIGN.test(text) : FORMULA_SIGN.test(text.slice(lead.length)) || /[\t\r\n]/.test(lead))
    return `'${text}`;
  return text;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A piece of a file name from data or a flag (an account, a date, a week): never a path. NFC;
 * separators, `..`, characters Windows forbids, controls, bidi and invisible characters and spaces
 * become `_`; cut at a whole character (an emoji is never split) within `maxBytes` of UTF-8; a
 * Windows device name (CON, NUL, COM1…) gets a leading `_`. Empty → `fallback`.
 */
export function fileNamePart(s: string, maxBytes = 60, fallback = 'unnamed'): string {
  let out = s
    .normalize('NFC')
    .replace(ESCAPES, '')
    // Zero-width joiners (U+200D) stay: they hold emoji together.
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f\u2060-\u2064\ufeff]/g, '')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[._]+|[._ ]+$/g, '');
  const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(out)].map((x) => x.segment);
  let bytes = 0;
  let cut = '';
  for (const g of segments) {
    const b = Buffer.byteLength(g, 'utf8');
    if (bytes + b > maxBytes) break;
    cut += g;
    bytes += b;
  }
  out = cut.replace(/[._ ]+$/g, '');
  if (out === '') return fallback;
  return WINDOWS_RESERVED.test(out) ? `_${out}` : out;
}

/** Markdown's inline syntax, as full-width look-alikes that read the same and are never markup. */
const MARKDOWN_LOOKALIKE: Record<string, string> = {
  '\\': '＼',
  '`': '｀',
  '*': '＊',
  _: '＿',
  '[': '［',
  ']': '］',
  '|': '｜',
  '~': '～',
};

/**
 * A value from data (a product, account or channel name, a viewer's words, a file name) as it is
 * to read in a Markdown message — 企业微信, 钉钉 and 飞书 robots, or any Markdown viewer: as
 * itself, never markup, a link, an HTML tag, a mention or a control sequence. Chat apps show
 * backslash escapes as written (\<, \*), so nothing is escaped; what could act is replaced by a
 * look-alike that reads the same:
 *   - cleanText's guarantees, and one line: line breaks and tabs become spaces;
 *   - \ ` * _ [ ] | ~ become ＼ ｀ ＊ ＿ ［ ］ ｜ ～ (emphasis, code, links, tables, strikethrough);
 *   - < becomes ＜ where it could open a tag, an autolink or a mention (<font, <@all>, <http:…>),
 *     and stays in "4.99% < 5.00%"; & becomes ＆ where it would start an entity (&lt;);
 *   - "://", "www." and the @ of an e-mail address become "：//", "www．" and "＠": no link is made;
 *   - at the start (where a template may put the value first on a line) a heading #, a list
 *     mark ("- ", "+ ", "1. "), a quote >, a rule (---, ===) or an indent that makes code.
 */
export function markdownText(s: string): string {
  let out = cleanText(s)
    .replace(/[\n\t]/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => MARKDOWN_LOOKALIKE[c]!)
    .replace(/<(?![\s\d=]|$)/g, '＜')
    .replace(/&(?=#?\w+;)/g, '＆')
    .replace(/:\/\//g, '：//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}．`)
    .replace(/@(?=[\w-]+\.[\w.-]*\w)/g, '＠');
  // What acts only at the start of a line.
  out = out.replace(/^ {4,}/, ' ');
  return out
    .replace(/^(\s*)#/, '$1＃')
    .replace(/^(\s*)>/, '$1＞')
    .replace(/^(\s*)([-+=])(?=\2*(\s|$))/, (_, sp: string, c: string) => sp + { '-': '－', '+': '＋', '=': '＝' }[c]!)
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, (_, n: string, c: string) => n + (c === '.' ? '．' : '）'));
}
