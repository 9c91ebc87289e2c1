/**
 * Product roles in a stream's line-up (SPEC: 引流款 traffic drivers — low price, 利润款 profit —
 * high commission, 形象款 image — brand/collab): from the selection table, or suggested from price
 * and commission when the table does not say.
 */
export const PRODUCT_ROLES = ['引流款', '利润款', '形象款'] as const;
export type ProductRole = (typeof PRODUCT_ROLES)[number];

export function normaliseRole(text: string | null): ProductRole | null {
  if (!text) return null;
  if (text.includes('引流')) return '引流款';
  if (text.includes('利润')) return '利润款';
  if (text.includes('形象') || text.includes('品牌') || text.includes('联名')) return '形象款';
  return null;
}

/** The value below which a share `q` of the sorted values lies (linear interpolation). */
function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface RoleTiers {
  trafficMaxPrice: number | null;
  imageMinPrice: number | null;
  profitMinCommission: number;
}

/** Price tiers of a pool: the cheapest third and the dearest third, unless configured. */
export function roleTiers(
  prices: Array<number | null>,
  cfg: { trafficMaxPrice: number | null; imageMinPrice: number | null; profitMinCommission: number },
): RoleTiers {
  const sorted = prices.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return {
    trafficMaxPrice: cfg.trafficMaxPrice ?? quantile(sorted, 1 / 3),
    imageMinPrice: cfg.imageMinPrice ?? quantile(sorted, 2 / 3),
    profitMinCommission: cfg.profitMinCommission,
  };
}

/** The role a product without one in the table most likely plays. */
export function suggestRole(p: { livePrice: number | null; commissionRate: number | null }, t: RoleTiers): ProductRole {
  if (t.trafficMaxPrice !== null && p.livePrice !== null && p.livePrice <= t.trafficMaxPrice) return '引流款';
  if (p.commissionRate !== null && p.commissionRate >= t.profitMinCommission) return '利润款';
  if (t.imageMinPrice !== null && p.livePrice !== null && p.livePrice >= t.imageMinPrice) return '形象款';
  return '利润款';
}
