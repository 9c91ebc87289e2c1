/**
 * Laying out a terminal summary within the terminal's width (Terminal.width: the terminal's
 * columns, or 80 in a pipe or cron): list items wrapped under their text, tables and figures
 * aligned by display width (a Chinese character takes two columns, a colour code none), in both
 * languages. Nothing is cut off: a line that does not fit is wrapped, never truncated.
 */
import { displayWidth, padDisplay, padDisplayStart } from './width.js';
import { stripColour, unbroken, wrapLine } from './wrap.js';

export { unbroken };

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

/**
 * `lead` (an indent and a mark: "  ✗ ", or a label: "  冲刺奖金: ") then `text`, wrapped under the
 * text; under a lead wider than half the line, four columns in.
 */
export function item(lead: string, text: string, width: number): string[] {
  const w = displayWidth(lead);
  return wrapLine(lead + text, width, { hang: w > width / 2 ? 4 : w });
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
 * When the table is wider than `width`, the columns that may wrap are narrowed where the fewest
 * cells then wrap (not below their longest word), and those cells wrapped within the column.
 */
export function table(
  rows: string[][],
  columns: Column[],
  width: number,
  opts: { indent?: number; gap?: number } = {},
): string[] {
  return tableRows(rows, columns, width, opts).flat();
}

/** The lines of `table`, row by row (a row whose cells wrap takes several), to paint or annotate a row. */
export function tableRows(
  rows: string[][],
  columns: Column[],
  width: number,
  opts: { indent?: number; gap?: number } = {},
): string[][] {
  if (!rows.length) return [];
  const indent = ' '.repeat(opts.indent ?? 2);
  const n = Math.max(...rows.map((r) => r.length));
  let narrowGaps = false;
  const gapBefore = (i: number) => {
    const gap = i === 0 ? 0 : (columns[i]?.gap ?? opts.gap ?? 2);
    return narrowGaps ? Math.min(gap, 1) : gap;
  };
  const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => cellWidth(r[i] ?? ''))));
  const total = () => indent.length + widths.reduce((s, w, i) => s + w + gapBefore(i), 0);
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const cellWidths = Array.from({ length: n }, (_, i) => cells(i).map(cellWidth));
  // A column at a time, a column at a time narrowed by one: the one where the fewest cells then
  // wrap (a long theme on two streams, not the account on every one), the widest on a tie.
  const shrink = (floor: number[], maxCost = Infinity) => {
    while (total() > width) {
      let best = -1;
      let bestCost = Infinity;
      for (let i = 0; i < n; i++) {
        if (widths[i]! <= floor[i]!) continue;
        const cost = cellWidths[i]!.filter((w) => w > widths[i]! - 1).length;
        if (cost < bestCost || (cost === bestCost && widths[i]! > widths[best]!)) [best, bestCost] = [i, cost];
      }
      if (best < 0 || bestCost > maxCost) return;
      widths[best]!--;
    }
  };
  // Wrap the few long cells of a column (down to their longest word); then narrow the gaps to one
  // space; then wrap what must; last, cut words too, but never a figure.
  const words = widths.map((w, i) => (columns[i]?.wrap ? Math.min(w, minWidth(cells(i))) : w));
  shrink(words, Math.max(1, Math.floor(rows.length / 4)));
  if (total() > width) narrowGaps = true;
  shrink(words);
  shrink(widths.map((w, i) => (columns[i]?.wrap ? Math.min(w, figureWidth(cells(i))) : w)));
  const out: string[][] = [];
  for (const row of rows) {
    const lines: string[] = [];
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
      lines.push((indent + line).trimEnd());
    }
    out.push(lines);
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

/** "4.99% < 5.00%", "¥12.3 < ¥15.00": two figures and the sign between them. */
const FIGURE_COMPARISON = /[-+−]?[¥$]?\d[\d.,]*%? [<>≤≥=] [-+−]?[¥$]?\d[\d.,]*%?/gu;

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
    // "4.99% < 5.00%" and the owner stay whole on a line.
    const message = a.message.replace(FIGURE_COMPARISON, unbroken);
    return wrapLine(`${lead}${message} ${unbroken(a.owner)}`, width, { hang: aligned ? messageAt : indent + 2 });
  });
}

// displayWidth counts no column for a colour code: painted cells pad as plain ones.
const cellWidth = displayWidth;
const padEnd = padDisplay;
const padStart = padDisplayStart;

/** The widest figure (a number, an amount, a rate) among the cells: a column never cuts one. */
function figureWidth(cells: string[]): number {
  let w = 2;
  for (const c of cells) {
    const plain = stripColour(c).trim();
    if (/^[-+−—¥$%.,:()\d\s]+$/u.test(plain)) w = Math.max(w, displayWidth(plain));
  }
  return w;
}

/** The narrowest a wrapping column goes: its longest word of Latin letters or digits (Chinese breaks anywhere). */
function minWidth(cells: string[]): number {
  let w = 4;
  for (const c of cells)
    for (const word of stripColour(c).match(/[\x21-\x7e]+/g) ?? []) w = Math.max(w, Math.min(displayWidth(word), 16));
  return w;
}
