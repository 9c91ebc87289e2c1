/**
 * Wrapping text for a terminal of a given width, counted in columns (a Chinese character takes
 * two): at spaces, and between Chinese characters, which need none. Line breaks already in the
 * text are kept (paragraphs).
 *
 * `wrapText` is for help text: a word wider than the line is left whole. `wrapLine` is for the
 * summaries: colour codes take no column and are closed and reopened across a break, continuation
 * lines start under the text (a hanging indent), and a word wider than the line is cut — after a
 * `-`, `/`, `_` or `·` when it has one — so that no line is wider than the terminal. Nothing is dropped
 * but the spaces a line breaks at.
 */
import { displayWidth } from './width.js';

/** Wide (CJK) characters: two columns each, and a line may break between any two of them. */
const WIDE = '\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
const OPENING = '「『（【《〈“‘';
const CLOSING = '，。、；：！？）」』】》〉”’';
/**
 * One unit of a run of non-space text: a wide character with the opening punctuation before it and
 * the closing punctuation after it (a line never starts with ，or 。, nor ends with 「), or a run of
 * other characters.
 */
const UNIT = new RegExp(`[${OPENING}]*[${WIDE}][${CLOSING}]*|[^\\s${WIDE}]+`, 'gu');
const OTHER = `[^\\s${WIDE}]+`;
/** The same, with a run of other characters also keeping the closing punctuation after it ("10%，"). */
const UNIT_PROSE = new RegExp(`[${OPENING}]*(?:[${WIDE}]|${OTHER})[${CLOSING}]*`, 'gu');
/** Chinese punctuation inside a run: it is a phrase, to break like prose, not a name to keep whole. */
const PROSE = /[，。、；：！？]/u;
const HAS_WIDE = new RegExp(`[${WIDE}]`, 'u');
/** A file path (reports/复盘_山野_2026-11-18.xlsx): kept whole like a word, not split as Chinese text is. */
const PATH = /^[^，。；：！？、]*[/\\][^，。；：！？、]*$/u;
/** Select Graphic Rendition: the only escape sequences liveops prints (colours, bold, dim). */
const SGR = /\u001b\[[0-9;]*m/g;

export const stripColour = (s: string): string => s.replace(SGR, '');

export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => breakLine(line, { first: width, rest: width, cut: false }).join('\n'))
    .join('\n');
}

/**
 * A phrase a line never breaks inside ("→ data analyst", "郑浩 ¥2,500.00"): marked by two invisible
 * characters of no width, which wrapLine takes out of what it prints. (The same characters in data
 * can only make a phrase that is cut when wider than a line, and are not printed either.)
 */
const OPEN = '\u2062';
const CLOSE = '\u2063';
const MARKS = /[\u2062\u2063]/g;
export const unbroken = (s: string): string => `${OPEN}${s}${CLOSE}`;
/** Break opportunities: spaces, but not inside a marked phrase, nor before the punctuation after it. */
const TOKENS = new RegExp(`\\s+|${OPEN}[^${CLOSE}]*(?:${CLOSE}|$)[${CLOSING},.;:!?)]*|[^\\s${OPEN}]+`, 'gu');
const SPACES = /^\s/;

export interface WrapOptions {
  /** Columns continuation lines are indented by (they start under the text, not under the margin). */
  hang?: number;
}

/**
 * One line (colour codes allowed) as lines within `width` columns: the first as wide as the
 * terminal, the next ones indented by `hang`. A line that fits comes back as it is.
 */
export function wrapLine(line: string, width: number, opts: WrapOptions = {}): string[] {
  if (displayWidth(line) <= width) return [line.replace(MARKS, '')];
  // A hanging indent that leaves fewer than 10 columns would stack the text one word a line.
  const hang = Math.max(0, Math.min(opts.hang ?? 0, width - 10));
  const { plain, codes } = splitColour(line);
  const ranges = breakRanges(plain, { first: width, rest: width - hang, cut: true });
  return paintRanges(plain, codes, ranges, ' '.repeat(hang)).map((l) => l.replace(MARKS, ''));
}

interface BreakOptions {
  first: number;
  rest: number;
  /** Cut a word wider than the line (summaries) instead of leaving it whole (help). */
  cut: boolean;
}

/** A line broken into lines of text, without colour (help text). */
function breakLine(line: string, o: BreakOptions): string[] {
  if (displayWidth(line) <= o.first) return [line];
  return breakRanges(line, o).map(([s, e]) => line.slice(s, e));
}

/** A run of non-space characters this narrow moves whole to the next line rather than be split. */
const KEEP_WHOLE = 1 / 2;

/** Where each line starts and ends in `text` (end exclusive, trailing spaces left out). */
function breakRanges(text: string, o: BreakOptions): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // The line being filled: where it starts (null: nothing on it yet), where its last word ends,
  // its width so far, and whether a word is on it (not only the first line's indent).
  let start: number | null = null;
  let end = 0;
  let used = 0;
  let hasWord = false;
  const cap = () => (out.length === 0 ? o.first : o.rest);
  const flush = () => {
    if (start !== null && hasWord) out.push([start, end]);
    start = null;
    end = 0;
    used = 0;
    hasWord = false;
  };
  const put = (s: number, e: number, w: number) => {
    if (start === null) start = s;
    end = e;
    used += w;
    hasWord = true;
  };
  /** Place text[s, e) (w columns), which is not split unless it is wider than a whole line. */
  const place = (s: number, e: number, w: number) => {
    if (hasWord && used + w > cap()) flush();
    if (used + w <= cap() || !o.cut) return put(s, e, w);
    for (const [cs, ce, cw] of cutWord(text, s, e, () => cap() - used)) {
      put(cs, ce, cw);
      if (ce < e) flush();
    }
  };
  for (const m of text.matchAll(TOKENS)) {
    const s = m.index;
    const token = m[0];
    const e = s + token.length;
    const w = displayWidth(token);
    if (SPACES.test(token)) {
      if (start === null) {
        // The first line's indent is kept; a continuation line never starts with spaces.
        if (out.length === 0 && s === 0) {
          start = 0;
          used = w;
        }
      } else if (used + w <= cap()) used += w;
      else flush();
      continue;
    }
    // A word (脚本_<date>.md, (引流款/利润款/形象款)) that fits moves whole; a long run of
    // Chinese text is split between its characters.
    const phrase = token.startsWith(OPEN);
    const prose = o.cut && PROSE.test(token);
    const whole = phrase || !HAS_WIDE.test(token) || PATH.test(token) || (w <= o.rest * KEEP_WHOLE && !prose);
    if (used + w <= cap() || whole) {
      place(s, e, w);
      continue;
    }
    for (const u of token.matchAll(o.cut ? UNIT_PROSE : UNIT))
      place(s + u.index, s + u.index + u[0].length, displayWidth(u[0]));
  }
  flush();
  return out;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Where a cut word may break: after one of these, rather than in the middle of a name. */
const BREAK_AFTER = /[-/·_]/;

/**
 * text[s, e) cut into pieces, each as wide as `room()` allows when it is taken (at least one
 * character), breaking after a `-`, `/`, `_` or `·` in the last third of a piece when there is one.
 */
function* cutWord(text: string, s: number, e: number, room: () => number): Generator<[number, number, number]> {
  const chars = [...graphemes.segment(text.slice(s, e))].map((g) => ({
    at: s + g.index,
    end: s + g.index + g.segment.length,
    w: displayWidth(g.segment),
    breaks: BREAK_AFTER.test(g.segment),
  }));
  let i = 0;
  while (i < chars.length) {
    const limit = Math.max(1, room());
    let w = 0;
    let j = i;
    while (j < chars.length && (j === i || w + chars[j]!.w <= limit)) w += chars[j++]!.w;
    if (j < chars.length) {
      let k = j - 1;
      while (k > i && !chars[k]!.breaks) k--;
      if (k > i && chars[k]!.breaks && k - i >= (j - i) * (2 / 3) - 1) {
        j = k + 1;
        w = chars.slice(i, j).reduce((sum, c) => sum + c.w, 0);
      }
    }
    yield [chars[i]!.at, chars[j - 1]!.end, w];
    i = j;
  }
}

interface Code {
  at: number;
  code: string;
}

function splitColour(line: string): { plain: string; codes: Code[] } {
  const codes: Code[] = [];
  let plain = '';
  let last = 0;
  for (const m of line.matchAll(SGR)) {
    plain += line.slice(last, m.index);
    codes.push({ at: plain.length, code: m[0] });
    last = m.index + m[0].length;
  }
  plain += line.slice(last);
  return { plain, codes };
}

/** Which SGR codes close which: 22 ends bold and dim, 39 a foreground colour, 49 a background, 0 all. */
function styleKey(param: number): { opens: string } | { closes: string[] } {
  if (param === 0) return { closes: ['*'] };
  if (param === 22) return { closes: ['1', '2'] };
  if (param === 39) return { closes: ['fg'] };
  if (param === 49) return { closes: ['bg'] };
  if (param >= 23 && param <= 29) return { closes: [String(param - 20)] };
  if ((param >= 30 && param <= 38) || (param >= 90 && param <= 97)) return { opens: 'fg' };
  if ((param >= 40 && param <= 48) || (param >= 100 && param <= 107)) return { opens: 'bg' };
  return { opens: String(param) };
}

function apply(open: Map<string, string>, code: string): void {
  const first = Number(/\[(\d*)/.exec(code)?.[1] || 0);
  const k = styleKey(first);
  if ('opens' in k) open.set(k.opens, code);
  else if (k.closes[0] === '*') open.clear();
  else for (const key of k.closes) open.delete(key);
}

/**
 * The lines of `plain` given by `ranges`, with the colour codes put back: a style still open at
 * the end of a line is reset there and reopened on the next, so each line stands on its own.
 */
function paintRanges(plain: string, codes: Code[], ranges: Array<[number, number]>, indent: string): string[] {
  const open = new Map<string, string>();
  let next = 0;
  return ranges.map(([s, e], n) => {
    while (next < codes.length && codes[next]!.at <= s) apply(open, codes[next++]!.code);
    let line = (n > 0 ? indent : '') + [...open.values()].join('');
    let at = s;
    while (next < codes.length && codes[next]!.at <= e) {
      const c = codes[next++]!;
      line += plain.slice(at, c.at) + c.code;
      at = c.at;
      apply(open, c.code);
    }
    line += plain.slice(at, e);
    return open.size ? `${line}\u001b[0m` : line;
  });
}
