/**
 * GMV target decomposition: annual → quarter → month → stream. Every level adds up exactly to its
 * parent: shares are floored to whole units (yuan, or fen when the parent has fen) and the units
 * left over go to the largest remainders, ties to the earlier item — the same input always gives
 * the same split.
 */

/** Split `total` by `weights` into whole units of `unit` that add up exactly to `total`. */
export function allocate(total: number, weights: number[], unit?: number): number[] {
  if (weights.length === 0) return [];
  const u = unit ?? (Number.isInteger(total) ? 1 : 0.01);
  const units = Math.round(total / u);
  const sumW = weights.reduce((a, b) => a + b, 0);
  if (!(sumW > 0)) throw new Error('weights must add up to more than zero');
  const exact = weights.map((w) => (units * w) / sumW);
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rem: x - floors[i]! })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  // Back to yuan; fen values are rounded to 2 decimals so 0.1 + 0.2 noise never shows.
  return floors.map((n) => (u === 1 ? n : Math.round(n * u * 100) / 100));
}

export interface MonthTarget {
  month: number;
  weight: number;
  gmv: number;
}

export interface AnnualPlan {
  annual: number;
  months: MonthTarget[];
  quarters: Array<{ quarter: number; gmv: number; months: number[] }>;
}

/** Annual → 12 months by seasonal weight (default 1), quarters as the sums of their months. */
export function decomposeAnnual(annual: number, monthWeights: Record<number, number>): AnnualPlan {
  const weights = Array.from({ length: 12 }, (_, i) => monthWeights[i + 1] ?? 1);
  const gmv = allocate(annual, weights);
  const months = gmv.map((g, i) => ({ month: i + 1, weight: weights[i]!, gmv: g }));
  const quarters = [1, 2, 3, 4].map((q) => {
    const ms = months.slice((q - 1) * 3, q * 3);
    return { quarter: q, gmv: round2(ms.reduce((a, m) => a + m.gmv, 0)), months: ms.map((m) => m.month) };
  });
  return { annual, months, quarters };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
