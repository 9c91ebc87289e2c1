/** A scatter shows at most 300 products — the most exposed — and says so (issue 20). */
import { describe, expect, it } from 'vitest';
import { selectCharts } from '../../src/commands/select/charts.js';
import type { SelectReport } from '../../src/i18n/select.js';
import { mostBy, SCATTER_POINTS } from '../../src/io/write/charts/index.js';

describe('mostBy', () => {
  it.each([
    [[5, 1, 9, 9, 3], 2, [9, 9]],
    [[5, 1, 3], 5, [5, 1, 3]],
    [[2, 2, 2], 2, [2, 2]],
  ])('%j, the %i heaviest: %j', (items, n, want) => {
    expect(mostBy(items, n, (x) => x)).toEqual(want);
  });
  it('ties keep list order; a missing weight counts as 0', () => {
    const items = [
      { k: 'a', w: null },
      { k: 'b', w: 1 },
      { k: 'c', w: 1 },
      { k: 'd', w: 0 },
    ];
    expect(mostBy(items, 3, (x) => x.w).map((x) => x.k)).toEqual(['b', 'c', 'a']);
  });
});

describe("select's scatter of a week with 1,000 products", () => {
  const products = Array.from({ length: 1000 }, (_, i) => ({
    id: `P${i}`,
    name: `商品${i}`,
    exposed: i,
    clickRate: 0.05,
    conversionRate: 0.05,
  }));
  const report = {
    week: { id: '2026-W47' },
    products,
    eliminate: [products[999], products[0]],
    pool: { balance: [] },
    thresholds: {},
  } as unknown as SelectReport;
  const chart = selectCharts(report, 'zh').productRates!;
  const points = (chart.option.series as Array<{ data: unknown[] }>).reduce((n, s) => n + (s.data?.length ?? 0), 0);

  it(`shows the ${SCATTER_POINTS} most exposed, and the subtitle says of how many`, () => {
    expect(points).toBe(SCATTER_POINTS);
    expect(JSON.stringify(chart.option.title)).toContain('曝光最多的 300 个 / 共 1,000 个');
  });
});
