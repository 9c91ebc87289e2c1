/**
 * The words for a product's role in a stream's line-up. The roles themselves are codes
 * (domain/roles.ts: 引流款, 利润款, 形象款 — the playbook's own names, so zh shows the code).
 */

/**
 * The role codes, spelled out rather than imported: domain/roles.ts re-exports this table until
 * select stops importing it from there, and importing its type back would close a cycle.
 */
type ProductRoleCode = '引流款' | '利润款' | '形象款';

export const PRODUCT_ROLE_LABELS: Record<ProductRoleCode, { zh: string; en: string }> = {
  引流款: { zh: '引流款', en: 'traffic driver' },
  利润款: { zh: '利润款', en: 'profit' },
  形象款: { zh: '形象款', en: 'image' },
};
