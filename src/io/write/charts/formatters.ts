/**
 * Numbers as a chart shows them. Grouping is fixed to "12,345" (never the machine's locale), so the
 * same input gives the same chart on every machine.
 */
import type { ValueFormat } from './types.js';

const grouped = (v: number, digits: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Money shows fen only where yuan alone would hide the differences (UV value ¥1.23; GMV ¥12,345). */
export function yuanDigits(maxAbs: number): number {
  return maxAbs < 100 ? 2 : 0;
}

/** Rates under 1 % keep two decimals (0.68 %), others one (12.3 %). */
export function rateDigits(v: number): number {
  return Math.abs(v) < 0.01 && v !== 0 ? 2 : 1;
}

/**
 * A value label. `maxAbs` is the largest magnitude among the values shown beside it, so one chart
 * uses one number of decimals for money.
 */
export function formatValue(v: number, format: ValueFormat, maxAbs = Math.abs(v)): string {
  switch (format) {
    case 'yuan': {
      const s = grouped(Math.abs(v), yuanDigits(maxAbs));
      return v < 0 ? `−¥${s}` : `¥${s}`;
    }
    case 'rate':
      return `${(v * 100).toFixed(rateDigits(v))}%`;
    case 'count':
      return grouped(v, Number.isInteger(v) ? 0 : 1);
    case 'score':
      return v.toFixed(1);
  }
}

/** A tick as short as it can be without rounding: 0 %, 2.5 %, 10 %; ¥0, ¥50,000; 1,200. */
export function formatTick(v: number, format: ValueFormat): string {
  const trimmed = (x: number) => String(Number(x.toFixed(6)));
  switch (format) {
    case 'yuan': {
      const abs = Math.abs(v);
      const s = Number.isInteger(Number(abs.toFixed(6))) ? grouped(abs, 0) : trimmed(abs);
      return v < 0 ? `−¥${s}` : `¥${s}`;
    }
    case 'rate':
      return `${trimmed(v * 100)}%`;
    case 'count':
      return Number.isInteger(Number(v.toFixed(6))) ? grouped(v, 0) : trimmed(v);
    case 'score':
      return trimmed(v);
  }
}

// Axis ends whose ticks come out round (0.12 → 0.02 steps, 0.25 → 0.05, 0.8 → 0.2).
const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) not below `v`: an axis end. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(v));
  for (const m of NICE_STEPS) {
    if (m * magnitude >= v * (1 - 1e-9)) return m * magnitude;
  }
  return 10 * magnitude;
}

export function maxAbsOf(values: ReadonlyArray<number | null | undefined>): number {
  let max = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return max;
}
