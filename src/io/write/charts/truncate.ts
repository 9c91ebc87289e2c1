/**
 * Long labels cut to fit the room a chart gives them. Widths are in ems: a CJK character is one em,
 * Latin letters and digits a little over half (what the renderers' sans-serif fonts give on average).
 */

const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * The `n` items with the most `weight` (ties in list order), for a chart that cannot show them all:
 * a scatter of 60,000 products is a blot, and takes a minute to draw.
 */
/** Points a scatter shows at most: past that it is a blot, and slow to draw. */
export const SCATTER_POINTS = 300;

export function mostBy<T>(items: readonly T[], n: number, weight: (item: T) => number | null): T[] {
  if (items.length <= n) return [...items];
  return items
    .map((item, i) => ({ item, i, w: weight(item) ?? 0 }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, n)
    .map((x) => x.item);
}

export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += FULL_WIDTH.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.58;
  return w;
}

// Promotion tags a listing starts with (【直播专享】, [爆款]): the product itself comes after them.
const LEADING_TAGS = /^(?:\s*[【[（(][^】\]）)]{0,12}[】\]）)]\s*)+/u;

/**
 * `text` in at most `maxEm` ems: as it is when it fits; else without its leading promotion tags;
 * else cut with "…".
 */
export function truncateLabel(text: string, maxEm: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (emWidth(clean) <= maxEm) return clean;
  const untagged = clean.replace(LEADING_TAGS, '').trim();
  const base = untagged.length > 0 ? untagged : clean;
  if (emWidth(base) <= maxEm) return base;
  let out = '';
  let w = 0;
  for (const ch of base) {
    const cw = emWidth(ch);
    if (w + cw > maxEm - 1) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Labels for a category axis: truncated, and kept apart when truncation makes two the same
 * (an axis would merge them into one category).
 */
export function axisLabels(names: readonly string[], maxEm: number): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const label = truncateLabel(name, maxEm);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}
