/**
 * The words for a product's role in a stream's line-up. The roles themselves are codes
 * (domain/roles.ts: 引流款, 利润款, 形象款 — the playbook's own names, so zh shows the code).
 */
import type { ProductRole } from '../domain/roles.js';

export const PRODUCT_ROLE_LABELS: Record<ProductRole, { zh: string; en: string }> = {
  引流款: { zh: '引流款', en: 'traffic driver' },
  利润款: { zh: '利润款', en: 'profit' },
  形象款: { zh: '形象款', en: 'image' },
};
