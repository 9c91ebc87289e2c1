/**
 * What the lint reads instead of the text as written: the spellings people use to slip a banned
 * word past a filter, folded back into the word — and, for every character of the folded text,
 * where it came from, so a finding is reported at its place in the original line and quotes the
 * original words.
 *
 * The steps, in order:
 *   1. traditional → simplified characters (OpenCC's Hong Kong/standard tables: 頂級 → 顶级,
 *      國家級 → 国家级, 裡 → 里); simplified text comes out unchanged;
 *   2. full-width ASCII and the ideographic space → half-width (ＮＯ．１ → NO.1, １００％ → 100%), circled
 *      digits → digits (第① → 第1);
 *   3. pinyin written out for the core absolute words (zui → 最, zui hao → 最好, di yi → 第一,
 *      jue dui → 绝对, ding ji → 顶级, wei yi → 唯一, guo jia ji → 国家级): platforms treat 拼音 used in
 *      place of a banned word as the word itself. Initials (zh, dy) are not read: they stand for too
 *      many words to be evidence of anything;
 *   4. spacing and symbols put between two Chinese characters (最 好, 最-好, 最.好, 最～好, 最🔥好,
 *      第 1) are dropped; clause punctuation (，。、！？：；) and the separators of tables and lists
 *      (| /) are not, and neither is the dot of an enumeration (一.面料);
 *   5. rank numerals: 第1 / 第壹 → 第一 (第10 stays as it is); NO.1 and TOP1 are patterns of the list.
 * No step crosses a line break, so line N of the folded text is line N of the original.
 */
import { Converter } from 'opencc-js/t2cn';

export interface Normalised {
  /** The folded text the word list is matched against. */
  text: string;
  /** Original offset (UTF-16) where folded unit i begins. */
  from: Int32Array;
  /** Original offset (UTF-16) where folded unit i ends. */
  to: Int32Array;
}

/** A step: the text it produced, and for each of its units the range of its input it stands for. */
interface Step {
  text: string;
  from: number[];
  to: number[];
}

function collector(): Step & { push(out: string, from: number, to: number): void } {
  const step = {
    text: '',
    from: [] as number[],
    to: [] as number[],
    push(out: string, a: number, b: number) {
      step.text += out;
      for (let i = 0; i < out.length; i++) {
        step.from.push(a);
        step.to.push(b);
      }
    },
  };
  return step;
}

/** A step that keeps every unit where it is: its map is the identity. */
function sameLength(text: string): Step {
  const from = Array.from({ length: text.length }, (_, i) => i);
  return { text, from, to: from.map((i) => i + 1) };
}

let t2s: ((s: string) => string) | undefined;
/** OpenCC's converter, built on first use (its tables take ~40 ms to load). */
function toSimplified(s: string): string {
  const convert = (t2s ??= Converter({ from: 'hk', to: 'cn' }));
  return convert(s);
}

/**
 * Step 1. A line the conversion keeps at its length is mapped unit for unit (the usual case, and
 * always so for simplified text); a line whose length it changes is converted character by
 * character, each output mapped to the character it came from.
 */
function simplifiedStep(text: string): Step {
  if (!/[^\x00-\x7f]/.test(text)) return sameLength(text);
  const out = collector();
  let at = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const converted = toSimplified(line);
    if (converted.length === line.length) {
      for (let i = 0; i < line.length; i++) out.push(converted[i] as string, at + i, at + i + 1);
    } else {
      let i = 0;
      for (const ch of line) {
        out.push(toSimplified(ch), at + i, at + i + ch.length);
        i += ch.length;
      }
    }
    at += line.length;
  }
  return out;
}

/** Step 2 (same length). Full-width ASCII (U+FF01–FF5E) and the ideographic space → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Step 2 too (same length): circled and parenthesised digits ①–⑨, ⑴–⑼, ❶–❾ → 1–9 (第① → 第1 → 第一). */
function plainDigits(text: string): string {
  return text.replace(/[\u2460-\u2468\u2474-\u247C\u2776-\u277E]/g, (c) => {
    const code = c.charCodeAt(0);
    const base = code >= 0x2776 ? 0x2776 : code >= 0x2474 ? 0x2474 : 0x2460;
    return String(code - base + 1);
  });
}

/** Step 3's words: pinyin (tone marks dropped, spaces ignored) → the word it spells. */
const PINYIN: ReadonlyMap<string, string> = new Map([
  ['zui', '最'],
  ['zuihao', '最好'],
  ['zuijia', '最佳'],
  ['zuidi', '最低'],
  ['zuidijia', '最低价'],
  ['zuigao', '最高'],
  ['zuiqiang', '最强'],
  ['zuipianyi', '最便宜'],
  ['diyi', '第一'],
  ['juedui', '绝对'],
  ['dingji', '顶级'],
  ['weiyi', '唯一'],
  ['guojiaji', '国家级'],
]);
const LONGEST_PINYIN = 3; // syllables in the longest entry (zui di jia, guo jia ji)
const LATIN_RUN = /(?<![A-Za-z\u00C0-\u024F])[A-Za-z\u00C0-\u024F]+(?:[ \t_-]+[A-Za-z\u00C0-\u024F]+)*/g;
const plain = (w: string) =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Step 3. Within a run of Latin words, the longest prefix of words that spells a listed word, then on. */
function pinyinStep(text: string): Step {
  if (!/[A-Za-z]/.test(text)) return sameLength(text);
  const out = collector();
  let done = 0;
  for (const m of text.matchAll(LATIN_RUN)) {
    const words = [...m[0].matchAll(/[A-Za-z\u00C0-\u024F]+/g)];
    let i = 0;
    while (i < words.length) {
      let hit = 0;
      for (let k = Math.min(words.length - i, LONGEST_PINYIN); k > 0 && !hit; k--) {
        if (
          PINYIN.has(
            words
              .slice(i, i + k)
              .map((w) => plain(w[0]))
              .join(''),
          )
        )
          hit = k;
      }
      if (!hit) {
        i++;
        continue;
      }
      const first = words[i] as RegExpExecArray;
      const last = words[i + hit - 1] as RegExpExecArray;
      const start = m.index + first.index;
      const end = m.index + last.index + last[0].length;
      for (let j = done; j < start; j++) out.push(text[j] as string, j, j + 1);
      out.push(
        PINYIN.get(
          words
            .slice(i, i + hit)
            .map((w) => plain(w[0]))
            .join(''),
        ) as string,
        start,
        end,
      );
      done = end;
      i += hit;
    }
  }
  for (let j = done; j < text.length; j++) out.push(text[j] as string, j, j + 1);
  return out;
}

/** Spacing and symbols between two Chinese characters (step 4); not \n, not clause punctuation, not | or /. */
const FILLER =
  String.raw`[\t \u00A0\-_.·•・～~*^` +
  '`' +
  String.raw`+=#\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F\u20E3]|\p{Extended_Pictographic}|\p{So}`;
const FILLER_RUN = new RegExp(String.raw`(?<=(\p{Script=Han}))(?:${FILLER}){1,4}(?=(\p{Script=Han}|[0-9]))`, 'gu');
const ANY_FILLER = new RegExp(FILLER, 'u');
const NUMERAL = /[〇一二三四五六七八九十百]/;

/** Step 4. Drops the fillers; keeps an enumeration's dot (一.面料) and a space before a number unless after 第. */
function fillerStep(text: string): Step {
  if (!ANY_FILLER.test(text)) return sameLength(text);
  const out = collector();
  let done = 0;
  for (const m of text.matchAll(FILLER_RUN)) {
    const before = m[1] as string;
    const after = m[2] as string;
    if (/[0-9]/.test(after) && before !== '第') continue;
    if (/^[.·]/.test(m[0]) && NUMERAL.test(before)) continue;
    for (let j = done; j < m.index; j++) out.push(text[j] as string, j, j + 1);
    done = m.index + m[0].length;
  }
  for (let j = done; j < text.length; j++) out.push(text[j] as string, j, j + 1);
  return out;
}

/** Step 5 (same length). 第1 / 第壹 → 第一, unless more digits follow (第10, 第1.5). */
function rankNumerals(text: string): string {
  return text.replace(/(?<=第)[1壹](?![0-9]|\.[0-9])/g, '一');
}

/** The steps composed: each folded unit's range in the original text. */
function compose(steps: Step[], length: number): { from: Int32Array; to: Int32Array } {
  let from = Int32Array.from({ length }, (_, i) => i);
  let to = Int32Array.from({ length }, (_, i) => i + 1);
  for (const s of steps) {
    const f = new Int32Array(s.text.length);
    const t = new Int32Array(s.text.length);
    for (let i = 0; i < s.text.length; i++) {
      const a = s.from[i] as number;
      const b = s.to[i] as number;
      f[i] = a < from.length ? (from[a] as number) : length;
      t[i] = b > 0 ? (to[b - 1] as number) : 0;
    }
    from = f;
    to = t;
  }
  return { from, to };
}

/** The text as the lint reads it, with the map back to the original. */
export function normalise(text: string): Normalised {
  const s1 = simplifiedStep(text);
  const s2 = sameLength(plainDigits(toHalfWidth(s1.text)));
  const s3 = pinyinStep(s2.text);
  const s4 = fillerStep(s3.text);
  const s5 = sameLength(rankNumerals(s4.text));
  const { from, to } = compose([s1, s2, s3, s4, s5], text.length);
  return { text: s5.text, from, to };
}

/** The folded text alone: for word-list entries, allow phrases and product names. */
export function normaliseText(text: string): string {
  return normalise(text).text;
}

/** The original range of the folded range [start, end) (end > start). */
export function originalRange(n: Normalised, start: number, end: number): [number, number] {
  return [n.from[start] as number, n.to[end - 1] as number];
}
