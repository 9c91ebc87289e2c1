/**
 * One product's figures from one export row, the same way for the retro, the weekly report and
 * `select`. Counts win; where an export states a rate but lacks a count (Compass's live product
 * list gives 商品点击人数 with 商品曝光-点击率（人数） and 商品点击-成交转化率（人数）, no exposure or
 * buyer counts), the missing count is derived from the stated rate and said so:
 *   exposed = clickers ÷ stated click rate,  buyers = clickers × stated conversion.
 * Derived counts are kept unrounded, so the rate recomputed from them is the stated rate exactly
 * (a product stated at 3.00 % is not below a 3 % rule).
 */
import { num, str } from './cell-values.js';
import type { Row } from './retro/input.js';

/** How a figure was obtained: counted in the export, or derived from a rate it states. */
export type FigureSource = 'counted' | 'derived';

export interface ProductFigures {
  id: string | null;
  name: string | null;
  exposed: number | null;
  clickers: number | null;
  buyers: number | null;
  orders: number | null;
  gmv: number | null;
  itemsSold: number | null;
  refundAmount: number | null;
  explanations: number | null;
  /** Counts derived from a stated rate, by field: `{ exposed: 'derived' }`. */
  sources: Partial<Record<'exposed' | 'clickers' | 'buyers', FigureSource>>;
}

export function productFigures(v: Row): ProductFigures {
  const id = str(v.productId) ?? (typeof v.productId === 'number' ? String(v.productId) : null);
  let exposed = num(v.productExposed);
  let clickers = num(v.productClickers);
  let buyers = num(v.buyers);
  // A stated rate above 100 % is not one (a bare 8.5 meant as 8.5 %, said by the reader): nothing is derived from it.
  const proportion = (x: number | null) => (x !== null && x >= 0 && x <= 1 ? x : null);
  const clickRate = proportion(num(v.productClickRate));
  const conversion = proportion(num(v.clickToOrderRate));
  const sources: ProductFigures['sources'] = {};
  if (exposed === null && clickers !== null && clickRate !== null && clickRate > 0) {
    exposed = clickers / clickRate;
    sources.exposed = 'derived';
  }
  if (clickers === null && exposed !== null && clickRate !== null) {
    clickers = exposed * clickRate;
    sources.clickers = 'derived';
  }
  if (buyers === null && clickers !== null && conversion !== null) {
    buyers = clickers * conversion;
    sources.buyers = 'derived';
  }
  return {
    id,
    name: str(v.productName),
    exposed,
    clickers,
    buyers,
    orders: num(v.orders),
    gmv: num(v.gmv),
    itemsSold: num(v.itemsSold),
    refundAmount: num(v.refundAmount),
    explanations: num(v.explanations),
    sources,
  };
}
