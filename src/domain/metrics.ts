/**
 * The metric definitions, once (SPEC.md "Metrics", PLATFORMS.md "Metric definitions"). Every
 * function returns null when an input is missing or the denominator is not positive: a metric the
 * exports do not support is missing, never zero.
 */

export type Num = number | null | undefined;

export function ratio(numerator: Num, denominator: Num): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  if (!(denominator > 0)) return null;
  return numerator / denominator;
}

/** UV价值 = GMV ÷ 观看人数 (UV). */
export const uvValue = (gmv: Num, uv: Num) => ratio(gmv, uv);

/** GPM 千次观看成交金额 = GMV ÷ 观看次数 (PV) × 1000 — PV, not UV. */
export function gpm(gmv: Num, pv: Num): number | null {
  const r = ratio(gmv, pv);
  return r === null ? null : r * 1000;
}

/** 商品曝光-点击率(人数) = product clickers ÷ product-exposed people. */
export const clickRate = (clickers: Num, exposed: Num) => ratio(clickers, exposed);

/** 商品点击-成交率(人数) = buyers ÷ product clickers. */
export const clickToOrderRate = (buyers: Num, clickers: Num) => ratio(buyers, clickers);

/** 观看-成交率(人数) = buyers ÷ viewers. */
export const viewToOrderRate = (buyers: Num, uv: Num) => ratio(buyers, uv);

/** 退款率 = refund amount ÷ paid amount. */
export const refundRate = (refundAmount: Num, gmv: Num) => ratio(refundAmount, gmv);

/** ROI of paid traffic = GMV ÷ spend. */
export const roi = (gmv: Num, spend: Num) => ratio(gmv, spend);

/** Relative change of `current` against `base`: 0.1 = +10 %. */
export function change(current: Num, base: Num): number | null {
  const r = ratio(current, base);
  return r === null ? null : r - 1;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function sum(values: Num[]): number | null {
  let s = 0;
  let any = false;
  for (const v of values) {
    if (typeof v === 'number') {
      s += v;
      any = true;
    }
  }
  return any ? s : null;
}

/** sum([a, b]) to the last bit, with no array made: for sums kept row by row over millions of rows. */
export function sumOfTwo(a: Num, b: Num): number | null {
  if (typeof a === 'number') return typeof b === 'number' ? 0 + a + b : 0 + a;
  return typeof b === 'number' ? 0 + b : null;
}
