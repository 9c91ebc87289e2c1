/**
 * Wrapping text for a terminal of a given width, counted in columns (a Chinese character takes
 * two): at spaces, and between Chinese characters, which need none. Line breaks already in the
 * text are kept (paragraphs); a word wider than the line is left whole rather than cut.
 */
import { displayWidth } from './width.js';

/** Wide (CJK) characters: two columns each, and a line may break between any two of them. */
const WIDE = '\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
/**
 * One unit of a run of non-space text: a wide character with the closing punctuation after it (a
 * line never starts with ，or 。), or a run of other characters.
 */
const UNIT = new RegExp(`[${WIDE}][，。、；：！？）」』】》]*|[^\\s${WIDE}]+`, 'gu');
const HAS_WIDE = new RegExp(`[${WIDE}]`, 'u');

export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => wrapLine(line, width))
    .join('\n');
}

/** A run of non-space characters this narrow moves whole to the next line rather than be split. */
const KEEP_WHOLE = 1 / 2;

function wrapLine(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  const out: string[] = [];
  let cur = '';
  let curWidth = 0;
  const put = (unit: string, w: number) => {
    if (curWidth + w <= width || cur === '') {
      cur += unit;
      curWidth += w;
      return;
    }
    out.push(cur.trimEnd());
    cur = unit;
    curWidth = w;
  };
  for (const token of line.match(/\s+|\S+/g) ?? []) {
    const w = displayWidth(token);
    if (/^\s+$/.test(token)) {
      // Spaces end a line rather than start one.
      if (curWidth + w <= width) {
        cur += token;
        curWidth += w;
      } else if (cur !== '') {
        out.push(cur.trimEnd());
        cur = '';
        curWidth = 0;
      }
      continue;
    }
    // A word (脚本_<date>.md, (引流款/利润款/形象款)) that fits moves whole; a long run of
    // Chinese text is split between its characters.
    if (curWidth + w <= width || w <= width * KEEP_WHOLE || !HAS_WIDE.test(token)) {
      put(token, w);
      continue;
    }
    for (const unit of token.match(UNIT) ?? []) put(unit, displayWidth(unit));
  }
  if (cur.trim() !== '') out.push(cur.trimEnd());
  return out.join('\n');
}
