import { retroInput } from '../helpers/retro-input.js';
import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';
import type { RetroInput } from '../../src/domain/retro/input.js';
import { buildRetroReport } from '../../src/domain/retro/report.js';
import { localiseRetro } from '../../src/i18n/retro.js';
import type { Value } from '../../src/io/read/values.js';
import { productOf } from '../../src/model/collect.js';

type Values = Record<string, Value>;
const HEADERS: Record<string, string> = { gmv: '成交金额', uv: '观看人数' };

/** A retro input whose stream summary (整体看板) states `summary` (field id → value, as a reader gives them). */
function input(over: Partial<RetroInput> & { gmv?: number; uv?: number; summary?: Values }): RetroInput {
  const { gmv, uv, summary, ...rest } = over;
  return retroInput(
    { ...(gmv !== undefined ? { gmv } : {}), ...(uv !== undefined ? { uv } : {}), ...summary },
    HEADERS,
    rest,
  );
}

const build = (i: RetroInput, thresholds = RULE_DEFAULTS.thresholds) =>
  localiseRetro(buildRetroReport(i, { thresholds, baselineCount: 7 }), 'zh');
const rules = (i: RetroInput) =>
  build(i)
    .alerts.map((a) => a.rule)
    .sort();

describe('stream rules at their boundaries', () => {
  it.each([
    [990, 1000, ['uv-value-low']], // UV value 0.99
    [1000, 1000, []], // exactly 1.00: not below
    [790, 1000, ['uv-value-critical', 'uv-value-low']], // 0.79
    [800, 1000, ['uv-value-low']], // exactly 0.80
  ] as Array<[number, number, string[]]>)('GMV %d over UV %d fires %j', (gmv, uv, expected) => {
    expect(rules(input({ gmv, uv }))).toEqual(expected);
  });

  it('thresholds come from the config', () => {
    const r = build(input({ gmv: 1400, uv: 1000 }), { ...RULE_DEFAULTS.thresholds, 'uv-value-low': 1.5 });
    expect(r.alerts.map((a) => a.rule)).toEqual(['uv-value-low']);
    expect(r.alerts[0]).toMatchObject({ threshold: 1.5, owner: 'director', ownerLabel: '运营总监' });
  });

  it('a missing figure fires nothing and is named as missing', () => {
    const r = build(input({ gmv: 500 }));
    expect(r.alerts).toEqual([]);
    expect(r.summary.uvValue).toBeNull();
    expect(r.missing).toEqual(expect.arrayContaining(['uv', 'uvValue', 'pv', 'gpm']));
    expect(r.sources.uv).toBeNull();
    expect(r.actions.at(-1)).toMatchObject({ owner: 'ops' });
  });
});

describe('products and stock at their boundaries', () => {
  const product = (name: string, exposed: number, clickers: number, buyers: number, stock?: number) =>
    productOf({
      productId: name,
      productName: name,
      gmv: 100,
      productExposed: exposed,
      productClickers: clickers,
      buyers,
      ...(stock !== undefined ? { stock } : {}),
    });

  it('click rate 9.99 % fires product-click-low, 10.00 % does not; conversion 4.99 % / 5.00 % likewise', () => {
    const r = build(
      input({
        products: [
          product('A', 10000, 999, 100),
          product('B', 1000, 100, 5),
          product('C', 1000, 200, 10),
          product('D', 10000, 2000, 99.8),
        ],
      }),
    );
    const flags = Object.fromEntries(r.products!.map((p) => [p.name, p.flags]));
    expect(flags).toEqual({ A: ['product-click-low'], B: [], C: [], D: ['product-conversion-low'] });
  });

  it('stock 49 warns, 50 does not; a sold-out giveaway is to be delisted by floor control', () => {
    const r = build(
      input({
        products: [product('A', 100, 50, 10, 49), product('B', 100, 50, 10, 50)],
        // Not in this stream: the retro warns about the stream's products only.
        stock: [{ id: null, name: '福利袜', stock: 0, giveaway: true }],
      }),
    );
    const stock = r.alerts.filter((a) => a.rule === 'stock-low');
    expect(stock.map((a) => [a.subject, a.value, a.owner])).toEqual([['商品「A」', 49, 'selector']]);
    // Without a product table, the selection table's products are checked.
    const pool = build(
      input({
        stock: [
          { id: null, name: '福利袜', stock: 0, giveaway: true },
          { id: null, name: '帽子', stock: 50, giveaway: false },
        ],
      }),
    );
    expect(pool.alerts.filter((a) => a.rule === 'stock-low').map((a) => [a.subject, a.value, a.owner])).toEqual([
      ['商品「福利袜」', 0, 'floor-control'],
    ]);
    expect(pool.actions.some((a) => /下架/.test(a.action) && a.owner === 'floor-control')).toBe(true);
  });
});

describe('comparison with earlier streams', () => {
  const stream = (start: string, uv: number, gmv: number) => ({
    account: '店',
    start,
    uv,
    gmv,
    buyers: uv / 50,
    viewToOrderRate: null,
  });

  it('median of the last N of the same account, excluding the stream itself and later ones', () => {
    const r = build(
      input({
        gmv: 1500,
        uv: 500,
        summary: { account: '店', start: '2026-11-20T20:00:00+08:00' },
        baseline: [
          stream('2026-11-20T20:00:00+08:00', 500, 1500), // the stream itself
          stream('2026-11-21T20:00:00+08:00', 9999, 1), // later
          { ...stream('2026-11-19T20:00:00+08:00', 3000, 1), account: '别的店' },
          stream('2026-11-19T20:00:00+08:00', 1000, 3000),
          stream('2026-11-18T20:00:00+08:00', 1200, 2400),
          stream('2026-11-17T20:00:00+08:00', 800, 1600),
        ],
      }),
    );
    const uv = r.comparison!.metrics.find((m) => m.metric === 'uv')!;
    expect(r.comparison!.baselineStreams).toBe(3);
    expect(uv).toMatchObject({ previous: 1000, median: 1000, current: 500 });
    expect(uv.previousChange).toBeCloseTo(-0.5, 12);
    expect(r.comparison!.uvDrop).toBeCloseTo(0.5, 12);
    expect(r.alerts.map((a) => a.rule)).toContain('uv-drop');
  });
});
