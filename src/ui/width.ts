/** Terminal column widths (string-width): Chinese characters take two columns, colour codes none. */
import stringWidth from 'string-width';

export const displayWidth = (s: string): number => stringWidth(s);

export function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padDisplayStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
