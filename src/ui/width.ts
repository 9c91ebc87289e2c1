/** Terminal column widths (string-width): Chinese characters take two columns, colour codes none. */
import stringWidth from 'string-width';

// The text liveops prints is mostly ASCII, Chinese and Chinese punctuation: measured directly (one
// column, or two for a wide character). Anything else goes to string-width, which segments text
// into graphemes and costs ~50 ms on the first calls: `liveops --help` measures every line of its help.
const COMMON =
  /^[\x20-\x7e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u3029\u302e-\u303e\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]*$/;
const WIDE = /[\u3000-\u3029\u302e-\u303e\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]/g;

export const displayWidth = (s: string): number =>
  COMMON.test(s) ? s.length + (s.match(WIDE)?.length ?? 0) : stringWidth(s);

export function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padDisplayStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
