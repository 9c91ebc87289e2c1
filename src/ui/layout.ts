/**
 * Laying out a terminal summary within the terminal's width (Terminal.width: the terminal's
 * columns, or 80 in a pipe or cron): list items wrapped under their text, tables and figures
 * aligned by display width (a Chinese character takes two columns, a colour code none), in both
 * languages. Nothing is cut off: a line that does not fit is wrapped, never truncated.
 */
import { displayWidth, padDisplay, padDisplayStart } from './width.js';
import { stripColour, wrapLine } from './wrap.js';

/**
 * The marks a list item starts with: ✗ ! • + - → ✓ ? or a number ("3."). A line that starts with
 * one continues under the text after it.
 */
const MARKER = /^(\s*)((?:[✗!•+\-→✓?*]|\d+\.)\s+)?/u;

/** "A    直播间观看人数   → uv (观看人数, count)": the text after an arrow in the first half of a line. */
const ARROW = /^(.*? → )/u;

/**
 * Where the continuation of a line starts: under the text after its indent and list marker; else
 * under the text after an arrow in the left half of the line (a mapping, a suggestion); else two
 * columns in from its indent.
 */
export function hangOf(line: string, width = 80): number {
  const plain = stripColour(line);
  const m = MARKER.exec(plain)!;
  if (m[2]) return displayWidth(m[1]! + m[2]);
  const arrow = ARROW.exec(plain)?.[1];
  if (arrow && displayWidth(arrow) <= width / 2) return displayWidth(arrow);
  return displayWidth(m[1]!) + 2;
}

/** Every line within `width`: a line that fits stays as it is, a longer one is wrapped under its text. */
export function fit(lines: string[], width: number): string[] {
  return lines.flatMap((l) => wrapLine(l, width, { hang: hangOf(l, width) }));
}

/** A whole summary (lines joined by \n, maybe a final \n) fitted to `width`. */
export function fitText(text: string, width: number): string {
  const end = text.endsWith('\n') ? '\n' : '';
  const body = end ? text.slice(0, -1) : text;
  return fit(body.split('\n'), width).join('\n') + end;
}

/** `lead` (an indent and a mark: "  ✗ ") then `text`, wrapped under the text. */
export function item(lead: string, text: string, width: number): string[] {
  return wrapLine(lead + text, width, { hang: displayWidth(stripColour(lead)) });
}

export interface Column {
  align?: 'left' | 'right';
  /** The column may wrap its cells over several lines when the table is wider than the terminal. */
  wrap?: boolean;
  /** Spaces before this column (default: the table's gap; none before the first). */
  gap?: number;
}

/**
 * Rows of cells as aligned lines: each column as wide as its widest cell, numbers aligned right.
 * When the table is wider than `width`, the columns that may wrap are narrowed, widest first (not
 * below their longest word), and their cells wrapped within the column.
 */
export function table(
  rows: string[][],
  columns: Column[],
  width: number,
  opts: { indent?: number; gap?: number } = {},
): string[] {
  if (!rows.length) return [];
  const indent = ' '.repeat(opts.indent ?? 2);
  const n = Math.max(...rows.map((r) => r.length));
  const gapBefore = (i: number) => (i === 0 ? 0 : (columns[i]?.gap ?? opts.gap ?? 2));
  const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => cellWidth(r[i] ?? ''))));
  const floor = widths.map((w, i) => (columns[i]?.wrap ? Math.min(w, minWidth(rows.map((r) => r[i] ?? ''))) : w));
  const total = () => indent.length + widths.reduce((s, w, i) => s + w + gapBefore(i), 0);
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < n; i++) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest] = Math.max(floor[widest]!, widths[widest]! - (total() - width));
  }
  const out: string[] = [];
  for (const row of rows) {
    const cells = Array.from({ length: n }, (_, i) => {
      const c = row[i] ?? '';
      return columns[i]?.wrap && cellWidth(c) > widths[i]! ? wrapLine(c, widths[i]!) : [c];
    });
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      const line = cells
        .map((c, i) => {
          const text = c[k] ?? '';
          const padded = columns[i]?.align === 'right' ? padStart(text, widths[i]!) : padEnd(text, widths[i]!);
          return ' '.repeat(gapBefore(i)) + padded;
        })
        .join('');
      out.push((indent + line).trimEnd());
    }
  }
  return out;
}

/**
 * Figures as label–value pairs in a grid: as many pairs a line as fit (of `perLine`, e.g. [4, 2, 1]:
 * keep pairs that belong together on one line), each label column as wide as its widest label and
 * each value aligned right, so that figures line up in columns in either language.
 */
export function figures(
  pairs: Array<[label: string, value: string]>,
  width: number,
  opts: { indent?: number; perLine?: number[] } = {},
): string[] {
  const indent = opts.indent ?? 2;
  for (const per of opts.perLine ?? [4, 3, 2, 1]) {
    const rows: string[][] = [];
    for (let i = 0; i < pairs.length; i += per) rows.push(pairs.slice(i, i + per).flat());
    const columns: Column[] = Array.from({ length: per * 2 }, (_, i) =>
      i % 2 ? { align: 'right', gap: 1 } : { gap: 3 },
    );
    const lines = table(rows, columns, Number.POSITIVE_INFINITY, { indent });
    if (lines.every((l) => displayWidth(l) <= width)) return lines;
  }
  // Not even one pair a line fits aligned: each pair on its own line, wrapped.
  return fit(
    pairs.map(([label, value]) => `${' '.repeat(indent)}${label} ${value}`),
    width,
  );
}

export interface AlertLine {
  /** The painted mark: ✗ (critical) or ! (warning). */
  mark: string;
  /** The rule id, painted: "[uv-drop]". */
  rule: string;
  message: string;
  /** "→ 主播", painted. */
  owner: string;
}

/** Narrower than this, an alert's message continues under the mark rather than under the message. */
const MESSAGE_COLUMN_MIN = 40;

/**
 * Alerts as `  ✗ [rule-id] message → owner`: the messages start in one column (after the longest
 * rule id) and wrap under themselves; on a narrow terminal they wrap under the rule id instead.
 */
export function alertLines(alerts: AlertLine[], width: number, indent = 2): string[] {
  const ruleWidth = Math.max(0, ...alerts.map((a) => cellWidth(a.rule)));
  const messageAt = indent + 2 + ruleWidth + 1;
  const aligned = width - messageAt >= MESSAGE_COLUMN_MIN;
  return alerts.flatMap((a) => {
    const lead = `${' '.repeat(indent)}${a.mark} ${aligned ? padEnd(a.rule, ruleWidth) : a.rule} `;
    return wrapLine(`${lead}${a.message} ${a.owner}`, width, { hang: aligned ? messageAt : indent + 2 });
  });
}

// displayWidth counts no column for a colour code: painted cells pad as plain ones.
const cellWidth = displayWidth;
const padEnd = padDisplay;
const padStart = padDisplayStart;

/** The narrowest a wrapping column goes: its longest word of Latin letters or digits (Chinese breaks anywhere). */
function minWidth(cells: string[]): number {
  let w = 4;
  for (const c of cells)
    for (const word of stripColour(c).match(/[\x21-\x7e]+/g) ?? []) w = Math.max(w, Math.min(displayWidth(word), 16));
  return w;
}
