/**
 * Product figures are summed as the rows arrive (domain/products.ts ProductTally): a product list is
 * never kept row by row, and a week's figures are the same whether its tables were tallied one row
 * at a time or table by table and then merged.
 */
import { describe, expect, it } from 'vitest';
import { aggregateProducts, ProductTally, type ProductRow } from '../../src/domain/products.js';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';

const row = (id: string, exposed: number, clickers: number, buyers: number, gmv: number): ProductRow => ({
  id,
  name: `商品${id}`,
  exposed,
  clickers,
  buyers,
  orders: buyers,
  gmv,
  refundAmount: null,
  explanations: null,
});
const min = { minStreams: 2, minExposures: 100 };

describe('the product tally', () => {
  it('keeps one entry per product, not one per row: 20,000 rows of 100 products hold 100 entries', () => {
    const t = new ProductTally();
    t.beginTable();
    for (let i = 0; i < 20_000; i++) t.add(row(`P${i % 100}`, 10, 1, 0, 1));
    expect(t.size).toBe(100);
    const [p] = aggregateProducts(t, RULE_DEFAULTS.thresholds, min);
    // 200 rows each: 2,000 exposed, 200 clickers → 10 %; one table says nothing about streams.
    expect(p).toMatchObject({ exposed: 2000, clickers: 200, streams: null, clickRate: 0.1 });
  });

  it('tables merged one by one give the figures of the tables tallied row by row', () => {
    const mon = [row('P1', 500, 14, 5, 100), row('P2', 800, 40, 2, 50)];
    const tue = [row('P1', 500, 15, 5, 100)];
    const merged = new ProductTally();
    for (const table of [mon, tue]) {
      const t = new ProductTally();
      t.beginTable();
      for (const r of table) t.add(r);
      merged.merge(t);
    }
    const expected = aggregateProducts(ProductTally.of([mon, tue]), RULE_DEFAULTS.thresholds, min);
    expect(aggregateProducts(merged, RULE_DEFAULTS.thresholds, min)).toEqual(expected);
    // P1: 29 clickers of 1,000 exposed = 2.9 % over 2 streams: below the 3 % line, eliminated.
    expect(expected.find((p) => p.id === 'P1')).toMatchObject({
      streams: 2,
      exposed: 1000,
      clickers: 29,
      rules: ['weekly-click-eliminate'],
      enoughData: true,
    });
    // P2 was in one stream of two: not enough data to judge, whatever its rates.
    expect(expected.find((p) => p.id === 'P2')).toMatchObject({ streams: 1, enoughData: false });
  });

  it('a table that is not merged (a file about another week) counts for nothing', () => {
    const week = new ProductTally();
    const other = new ProductTally();
    other.beginTable();
    other.add(row('P9', 1000, 10, 1, 10));
    expect(week.tables).toBe(0);
    expect(aggregateProducts(week, RULE_DEFAULTS.thresholds, min)).toEqual([]);
  });

  it('a product listed twice in one table is one stream, its rows summed', () => {
    const t = ProductTally.of([[row('P1', 300, 10, 1, 10), row('P1', 200, 20, 2, 20)], [row('P1', 100, 3, 0, 0)]]);
    const [p] = aggregateProducts(t, RULE_DEFAULTS.thresholds, min);
    expect(p).toMatchObject({ streams: 2, exposed: 600, clickers: 33, buyers: 3, gmv: 30 });
  });
});
