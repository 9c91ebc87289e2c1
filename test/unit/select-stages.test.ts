/**
 * The selector's weekly work, stage by stage, on small hand-made pools: what the domain finds is
 * codes and numbers (rule, variant, owner, the share a price is lower by, the bound it misses…);
 * i18n/select.ts words them. Thresholds are the playbook's defaults unless a test sets its own:
 * stock below 50 → restock, a sold-out giveaway → delist; live price 5–10 % below competitors;
 * 3 suppliers per category; weekly click rate and conversion below 3 % → eliminate.
 */
import { ProductTally } from '../../src/domain/products.js';
import { describe, expect, it } from 'vitest';
import type { PoolItem } from '../../src/model/entities.js';
import type { HotspotSource } from '../../src/domain/retro/input.js';
import { thresholdOf } from '../../src/domain/rules.js';
import {
  buildSelectReport,
  candidatesOf,
  roleBalance,
  selectActions,
  stockWarnings,
  supplierChecks,
  type SelectSettings,
} from '../../src/domain/select/report.js';
import { localiseSelect } from '../../src/i18n/select.js';

const th = (id: string) => thresholdOf(id, {});
const W47 = { id: '2026-W47', since: '2026-11-16', until: '2026-11-22' };
const listed = () => true;

function item(over: Partial<PoolItem> & { row: number }): PoolItem {
  return {
    file: '选品表.xlsx',
    id: `ID${over.row}`,
    name: `Item ${over.row}`,
    category: '女装',
    role: null,
    livePrice: null,
    dailyPrice: null,
    competitorPrice: null,
    commissionRate: null,
    stock: null,
    supplier: null,
    qcReport: true,
    sevenDayReturns: true,
    shippingInsurance: true,
    restockDays: null,
    sellingPoints: null,
    faq: null,
    giveaway: false,
    ...over,
  };
}

const settings: SelectSettings = {
  thresholds: {},
  minStreams: 2,
  minExposures: 500,
  roleMix: { 引流款: 0.3, 利润款: 0.5, 形象款: 0.2 },
  profitMinCommission: 0.2,
  trafficMaxPrice: null,
  imageMinPrice: null,
  supplierPrice: { minDiscount: 0.05, maxDiscount: 0.1 },
  supplierTerms: ['qcReport', 'sevenDayReturns', 'shippingInsurance'],
};

describe('stockWarnings: stock below 50 is restocked by the selector; a sold-out giveaway is delisted by floor control', () => {
  it('49 units is a restock warning with value 49 against threshold 50; 50 units is none', () => {
    const w = stockWarnings([item({ row: 2, stock: 49 }), item({ row: 3, stock: 50 })], listed, th);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      row: 2,
      stock: 49,
      rule: 'stock-low',
      variant: null,
      threshold: 50,
      action: 'restock',
      owner: 'selector',
    });
  });

  it('a giveaway at 0 is the delist variant, for floor control; a giveaway with 30 left is only restocked', () => {
    const w = stockWarnings(
      [item({ row: 2, stock: 0, giveaway: true }), item({ row: 3, stock: 30, giveaway: true })],
      listed,
      th,
    );
    expect(w.map((x) => [x.row, x.action, x.variant, x.owner])).toEqual([
      [2, 'delist', 'delist', 'floor-control'],
      [3, 'restock', null, 'selector'],
    ]);
  });

  it('a product not on sale yet, or with no stock figure, has nothing to restock', () => {
    expect(stockWarnings([item({ row: 2, id: null, stock: 0 })], () => false, th)).toEqual([]);
    expect(stockWarnings([item({ row: 2, stock: null })], listed, th)).toEqual([]);
  });

  it('a configured threshold of 60 makes 55 units a warning, measured against 60', () => {
    const w = stockWarnings([item({ row: 2, stock: 55 })], listed, (id) => thresholdOf(id, { 'stock-low': 60 }));
    expect(w[0]).toMatchObject({ stock: 55, threshold: 60 });
  });
});

describe('supplierChecks: the live price should be 5–10 % below competitors, with every required term', () => {
  const price = (livePrice: number, competitorPrice: number | null = 100) =>
    supplierChecks([item({ row: 2, livePrice, competitorPrice })], settings, th).suppliers[0]!;

  it('4 % below is too dear: the flag carries the 4 % and the 5 % bound it misses', () => {
    const s = price(96);
    expect(s.priceFlag).toBe('too-high');
    expect(s.flags).toHaveLength(1);
    expect(s.flags[0]).toMatchObject({ code: 'discount-below-min', minDiscount: 0.05 });
    expect((s.flags[0] as { lowerBy: number }).lowerBy).toBeCloseTo(0.04, 12);
  });

  it('5 % and 10 % below are within the range: no flag', () => {
    expect(price(95)).toMatchObject({ priceFlag: 'ok', flags: [] });
    expect(price(90)).toMatchObject({ priceFlag: 'ok', flags: [] });
  });

  it('15 % below is suspiciously cheap: the flag carries the 15 % and the 10 % bound', () => {
    const s = price(85);
    expect(s.priceFlag).toBe('suspiciously-low');
    expect(s.flags[0]).toMatchObject({ code: 'discount-above-max', maxDiscount: 0.1 });
    expect((s.flags[0] as { lowerBy: number }).lowerBy).toBeCloseTo(0.15, 12);
  });

  it('dearer than competitors is its own flag, with how much dearer (5 %)', () => {
    const s = price(105);
    expect(s.priceFlag).toBe('too-high');
    expect(s.flags[0]!.code).toBe('above-competitor');
    expect((s.flags[0] as { above: number }).above).toBeCloseTo(0.05, 12);
  });

  it('without a competitor price there is nothing to compare', () => {
    expect(price(96, null)).toMatchObject({ lowerBy: null, priceFlag: null, flags: [] });
  });

  it('a missing required term is flagged by its code; terms the config does not require are not', () => {
    const pool = [item({ row: 2, qcReport: true, sevenDayReturns: null, shippingInsurance: false })];
    expect(supplierChecks(pool, settings, th).suppliers[0]!.flags).toEqual([
      { code: 'missing-terms', terms: ['sevenDayReturns', 'shippingInsurance'] },
    ]);
    expect(supplierChecks(pool, { ...settings, supplierTerms: ['qcReport'] }, th).suppliers[0]!.flags).toEqual([]);
  });

  it('a category with 2 distinct suppliers fires backup-suppliers (needs 3); one with 3 does not', () => {
    const pool = [
      item({ row: 2, category: '女装', supplier: 'S1' }),
      item({ row: 3, category: '女装', supplier: 'S2' }),
      item({ row: 4, category: '女装', supplier: 'S1' }),
      item({ row: 5, category: '美妆', supplier: 'S1' }),
      item({ row: 6, category: '美妆', supplier: 'S2' }),
      item({ row: 7, category: '美妆', supplier: 'S3' }),
    ];
    expect(supplierChecks(pool, settings, th).backupSuppliers).toEqual([
      { category: '女装', suppliers: 2, names: ['S1', 'S2'], required: 3, fires: true },
      { category: '美妆', suppliers: 3, names: ['S1', 'S2', 'S3'], required: 3, fires: false },
    ]);
  });
});

describe('candidatesOf: what customers ask for that nothing on sale covers', () => {
  const hot = (source: 'comments' | 'consultations', topics: Array<[string, number, boolean?]>): HotspotSource => ({
    source,
    messages: 100,
    questions: 50,
    hotspots: topics.map(([topic, count, fromDictionary]) => ({
      topic,
      count,
      share: count / 50,
      source,
      fromDictionary: fromDictionary ?? false,
      examples: [`有${topic}吗`],
      owner: null,
    })),
  });

  it('a product noun nobody sells is a candidate with its count and share; one the pool lists is not', () => {
    const pool = [item({ row: 2, name: '羽绒服A' })];
    const c = candidatesOf(
      {
        pool,
        hotspots: [
          hot('comments', [
            ['羽绒服', 12],
            ['保温杯', 5],
          ]),
        ],
      },
      [],
    );
    expect(c).toEqual([
      { keyword: '保温杯', count: 5, share: 0.1, source: 'comments', examples: ['有保温杯吗'], inPool: null },
    ]);
  });

  it('a pool item without a 商品ID is not on sale: the candidate names it (list it)', () => {
    const c = candidatesOf(
      { pool: [item({ row: 2, id: null, name: '围巾E' })], hotspots: [hot('comments', [['围巾', 4]])] },
      [],
    );
    expect(c.map((x) => [x.keyword, x.inPool])).toEqual([['围巾', '围巾E']]);
  });

  it("a product shown in this week's exports covers the keyword", () => {
    expect(
      candidatesOf({ pool: [], hotspots: [hot('comments', [['保温杯', 5]])] }, [{ name: '不锈钢保温杯' }]),
    ).toEqual([]);
  });

  it('attributes, words that do not name a product and dictionary topics are not candidates', () => {
    expect(
      candidatesOf(
        {
          pool: [],
          hotspots: [
            hot('comments', [
              ['颜色', 9],
              ['标准', 8],
              ['雨靴', 7, true],
            ]),
          ],
        },
        [],
      ),
    ).toEqual([]);
  });

  it('one keyword asked in comments and consultations is one candidate, the larger count first', () => {
    const c = candidatesOf(
      {
        pool: [],
        hotspots: [
          hot('comments', [
            ['面霜', 3],
            ['保温杯', 4],
          ]),
          hot('consultations', [['面霜', 6]]),
        ],
      },
      [],
    );
    expect(c.map((x) => [x.keyword, x.count, x.source])).toEqual([
      ['面霜', 6, 'consultations'],
      ['保温杯', 4, 'comments'],
    ]);
  });
});

describe('roleBalance: the kept products by role against the mix 30 / 50 / 20 %', () => {
  it('10 kept products, 2 / 6 / 2: one traffic driver short, one profit product over, image on target', () => {
    const kept = [
      ...Array(2).fill({ role: '引流款' }),
      ...Array(6).fill({ role: '利润款' }),
      ...Array(2).fill({ role: '形象款' }),
    ];
    expect(roleBalance(kept, settings.roleMix)).toEqual([
      { role: '引流款', count: 2, share: 0.2, target: 0.3, targetCount: 3, gap: 1 },
      { role: '利润款', count: 6, share: 0.6, target: 0.5, targetCount: 5, gap: -1 },
      { role: '形象款', count: 2, share: 0.2, target: 0.2, targetCount: 2, gap: 0 },
    ]);
  });
});

describe('selectActions: one numbered list, eliminations first, each with its owner and its rules', () => {
  const pool = [
    item({ row: 2, name: 'Giveaway', stock: 0, giveaway: true }),
    item({ row: 3, name: 'Dear', livePrice: 96, competitorPrice: 100, supplier: 'S1' }),
    item({ row: 4, name: 'No terms', qcReport: false, supplier: 'S2' }),
  ];
  const { suppliers, backupSuppliers } = supplierChecks(pool, settings, th);
  const actions = selectActions({
    eliminate: [
      {
        id: 'P1',
        name: 'Backpack',
        clickRate: 0.0299,
        conversionRate: 0.05,
        streams: 4,
        rules: ['weekly-click-eliminate'],
      },
    ],
    stock: stockWarnings(pool, listed, th),
    balance: roleBalance([{ role: '利润款' }, { role: '利润款' }], settings.roleMix),
    kept: 2,
    suppliers,
    backupSuppliers,
    candidates: [{ keyword: '保温杯', count: 5, share: 0.1, source: 'comments', examples: [], inPool: null }],
  });

  it('in the order eliminate, stock, role gaps, suppliers, backups, candidates, numbered from 1', () => {
    expect(actions.map((a) => [a.no, a.kind])).toEqual([
      [1, 'eliminate'],
      [2, 'delist'],
      [3, 'add-role'],
      [4, 'supplier'],
      [5, 'supplier'],
      [6, 'backup-suppliers'],
      [7, 'candidate'],
    ]);
  });

  it('the delist goes to floor control, as its rule variant says; everything else to the selector', () => {
    expect(actions.map((a) => a.owner)).toEqual([
      'selector',
      'floor-control',
      'selector',
      'selector',
      'selector',
      'selector',
      'selector',
    ]);
  });

  it('each carries its rules: the elimination rule, stock-low, supplier-price or -terms, backup-suppliers; a role gap and a candidate none', () => {
    expect(actions.map((a) => a.rules)).toEqual([
      ['weekly-click-eliminate'],
      ['stock-low'],
      [],
      ['supplier-price'],
      ['supplier-terms'],
      ['backup-suppliers'],
      [],
    ]);
  });

  it('and the numbers its line needs: the rates, the stock, the gap (1 traffic driver of 2 kept), the suppliers', () => {
    expect(actions[0]).toMatchObject({
      subject: { kind: 'product', id: 'P1', name: 'Backpack' },
      clickRate: 0.0299,
      conversionRate: 0.05,
      streams: 4,
    });
    expect(actions[1]).toMatchObject({ subject: { kind: 'product', id: 'ID2', name: 'Giveaway' }, stock: 0 });
    expect(actions[2]).toMatchObject({ role: '引流款', gap: 1, count: 0, kept: 2 });
    expect(actions[5]).toMatchObject({ category: '女装', suppliers: 2, required: 3, names: ['S1', 'S2'] });
  });
});

describe('buildSelectReport: a week of two product exports against the selection table', () => {
  // Two streams, 5,000 people exposed in each: 299 of 10,000 clicked (2.99 %) for P1, 300 (3.00 %) for P2.
  const stream = (p1Clickers: number) => [
    {
      id: 'P1',
      name: 'Backpack',
      exposed: 5000,
      clickers: p1Clickers,
      buyers: 10,
      orders: null,
      gmv: 1000,
      refundAmount: null,
      explanations: null,
    },
    {
      id: 'P2',
      name: 'Trousers',
      exposed: 5000,
      clickers: 150,
      buyers: 10,
      orders: null,
      gmv: 1000,
      refundAmount: null,
      explanations: null,
    },
  ];
  const report = buildSelectReport(
    {
      week: W47,
      products: ProductTally.of([stream(150), stream(149)]),
      pool: [
        item({ row: 2, id: 'P1', name: 'Backpack', role: '利润款' }),
        item({ row: 3, id: 'P2', name: 'Trousers', role: '引流款' }),
      ],
      hotspots: [],
      skipped: [],
      ignored: [],
    },
    settings,
  );

  it('2.99 % weekly click rate is an elimination with value 0.0299 against 0.03; 3.00 % is not', () => {
    expect(report.eliminate.map((p) => p.id)).toEqual(['P1']);
    expect(report.eliminate[0]!.clickRate).toBeCloseTo(0.0299, 12);
    expect(report.eliminate[0]).toMatchObject({ rules: ['weekly-click-eliminate'], streams: 2, role: '利润款' });
    expect(report.thresholds['weekly-click-eliminate']).toBe(0.03);
  });

  it('the eliminated product leaves the balance: one traffic driver kept of one', () => {
    expect(report.pool.balance.map((b) => [b.role, b.count])).toEqual([
      ['引流款', 1],
      ['利润款', 0],
      ['形象款', 0],
    ]);
  });

  it('the report is facts only: no words, no labels, the period not yet judged', () => {
    expect(report.actions[0]).toMatchObject({ kind: 'eliminate', owner: 'selector' });
    expect(report.actions[0]).not.toHaveProperty('action');
    expect(report.pool.balance[0]).not.toHaveProperty('label');
    expect(report.unfinished).toBeNull();
  });

  it('localiseSelect words it: the elimination, its evidence and the owner, in zh and en', () => {
    expect(localiseSelect(report, 'zh').actions[0]).toEqual({
      no: 1,
      owner: 'selector',
      ownerLabel: '选品',
      action: '淘汰或替换「Backpack」',
      evidence: '2.99% / 6.69%, 2',
      rule: 'weekly-click-eliminate',
      ruleLabel: '周点击率低',
    });
    expect(localiseSelect(report, 'en').actions[0]).toMatchObject({
      ownerLabel: 'selector',
      action: 'Eliminate or replace "Backpack"',
    });
  });
});

describe('localiseSelect: product roles in the reader’s words, the codes kept', () => {
  const line = (id: string, exposed: number, clickers: number) => ({
    id,
    name: id,
    exposed,
    clickers,
    buyers: Math.ceil(clickers / 10),
    orders: null,
    gmv: 100,
    refundAmount: null,
    explanations: null,
  });
  // P1 clicked by 2 % over two streams: eliminated; P2 shown in one stream only: not enough data; P3 kept.
  const facts = buildSelectReport(
    {
      week: W47,
      products: ProductTally.of([
        [line('P1', 5000, 100), line('P2', 300, 3), line('P3', 5000, 500)],
        [line('P1', 5000, 100), line('P3', 5000, 500)],
      ]),
      pool: [
        item({ row: 2, id: 'P1', name: 'P1', role: '引流款' }),
        item({ row: 3, id: 'P2', name: 'P2', role: '形象款' }),
        item({ row: 4, id: 'P3', name: 'P3', role: '利润款' }),
      ],
      hotspots: [],
      skipped: [],
      ignored: [],
    },
    settings,
  );
  const roles = (list: Array<{ id: string | null; role: string | null; roleLabel: string | null }>) =>
    list.map((p) => [p.id, p.role, p.roleLabel]);

  it.each([
    ['en', 'traffic driver', 'image', 'profit'],
    ['zh', '引流款', '形象款', '利润款'],
  ] as const)('%s: eliminated, not enough data, every product', (lang, traffic, image, profit) => {
    const r = localiseSelect(facts, lang);
    expect(roles(r.eliminate)).toEqual([['P1', '引流款', traffic]]);
    expect(roles(r.insufficient)).toEqual([['P2', '形象款', image]]);
    expect(roles(r.products)).toEqual(
      expect.arrayContaining([
        ['P1', '引流款', traffic],
        ['P2', '形象款', image],
        ['P3', '利润款', profit],
      ]),
    );
  });

  it('a product without a role has no label either', () => {
    const none = buildSelectReport(
      {
        week: W47,
        products: ProductTally.of([[line('P9', 5000, 100)], [line('P9', 5000, 100)]]),
        pool: [],
        hotspots: [],
        skipped: [],
        ignored: [],
      },
      settings,
    );
    expect(roles(localiseSelect(none, 'en').eliminate)).toEqual([['P9', null, null]]);
  });
});

describe('localiseSelect in English: counts with their noun in the right number', () => {
  const words = (pool: PoolItem[]) => {
    const r = localiseSelect(
      buildSelectReport(
        { week: W47, products: new ProductTally(), pool, hotspots: [], skipped: [], ignored: [] },
        { ...settings, roleMix: { 引流款: 0.5, 利润款: 0.25, 形象款: 0.25 } },
      ),
      'en',
    );
    return r.actions.map((a) => a.action);
  };

  it('one supplier in a category, one image product short; two profit products short', () => {
    const pool = [1, 2, 3, 4].map((row) => item({ row, supplier: 'S1', role: '引流款' as const }));
    expect(words(pool)).toEqual([
      'The pool lacks 1 profit product: add some',
      'The pool lacks 1 image product: add some',
      '"女装" has 1 supplier; 3 backups are needed',
    ]);
    const eight = [1, 2, 3, 4, 5, 6, 7, 8].map((row) =>
      item({ row, supplier: `S${row % 2}`, role: '引流款' as const }),
    );
    expect(words(eight)).toEqual([
      'The pool lacks 2 profit products: add some',
      'The pool lacks 2 image products: add some',
      '"女装" has 2 suppliers; 3 backups are needed',
    ]);
  });
});

describe("localiseSelect: the supplier flags in the playbook's words", () => {
  const words = (livePrice: number, lang: 'zh' | 'en', supplierPrice = settings.supplierPrice) => {
    const pool = [item({ row: 2, livePrice, competitorPrice: 100 })];
    const { suppliers, backupSuppliers } = supplierChecks(pool, { ...settings, supplierPrice }, th);
    const facts = buildSelectReport(
      { week: W47, products: new ProductTally(), pool, hotspots: [], skipped: [], ignored: [] },
      { ...settings, supplierPrice },
    );
    expect(facts.suppliers).toEqual(suppliers);
    expect(facts.backupSuppliers).toEqual(backupSuppliers);
    return localiseSelect(facts, lang).suppliers[0]!.flags;
  };

  it('4 % below against a 5 % floor; a 7.5 % floor is written without needless decimals', () => {
    expect(words(96, 'zh')).toEqual(['直播价只比竞品低 4.00%，低于 5%：与供应商重新议价']);
    expect(words(96, 'en', { minDiscount: 0.075, maxDiscount: 0.125 })).toEqual([
      'Live price only 4.00% below competitors (under 7.5%): renegotiate with the supplier',
    ]);
  });

  it('15 % below against a 10 % ceiling, and 5 % dearer than competitors', () => {
    expect(words(85, 'zh')).toEqual(['直播价比竞品低 15.00%，超过 10%：核实品质与利润']);
    expect(words(105, 'en')).toEqual(['Live price 5.00% above competitors: renegotiate with the supplier']);
  });
});
