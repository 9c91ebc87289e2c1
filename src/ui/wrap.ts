/**
 * Wrapping text for a terminal of a given width, counted in columns (a Chinese character takes
 * two): at spaces, and between Chinese characters, which need none. Line breaks already in the
 * text are kept (paragraphs); a word wider than the line is left whole rather than cut.
 */
import stringWidth from 'string-width';

/**
 * One unit of text: a run of spaces, a wide (CJK) character with the closing punctuation after it
 * (a line never starts with ，or 。), or a run of other non-space characters.
 */
const UNIT = /\s+|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6][，。、；：！？）」』】》]*|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+/gu;

export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  const out: string[] = [];
  let cur = '';
  let curWidth = 0;
  for (const unit of line.match(UNIT) ?? []) {
    const w = stringWidth(unit);
    const blank = /^\s+$/.test(unit);
    if (curWidth + w <= width || cur === '') {
      if (!(blank && cur === '' && out.length > 0)) {
        cur += unit;
        curWidth += w;
      }
      continue;
    }
    out.push(cur.trimEnd());
    cur = blank ? '' : unit;
    curWidth = blank ? 0 : w;
  }
  if (cur.trim() !== '') out.push(cur.trimEnd());
  return out.join('\n');
}
