/**
 * The collector turns a reader's records into the model's entities once, for every command: these
 * tests pin what each entity takes from a record, so no command re-reads a record itself.
 */
import { describe, expect, it } from 'vitest';
import {
  channelOf,
  consultationOf,
  kpiRowOf,
  orderLineOf,
  poolItemOf,
  productOf,
  secondsBetween,
  StreamFacts,
  streamOf,
} from '../../src/model/collect.js';

describe('a stream from summary sheets', () => {
  it('a start–end range in one cell (Compass 直播时间) gives start, end and the duration', () => {
    const f = new StreamFacts();
    f.add(
      streamOf({ streamTime: { start: '2026-11-26T19:30:00+08:00', end: '2026-11-26T22:00:00+08:00' } }),
      '基本信息',
      (x) => (x === 'streamTime' ? '直播时间' : undefined),
    );
    const s = f.stream();
    expect([s.start, s.end, s.durationSeconds]).toEqual([
      '2026-11-26T19:30:00+08:00',
      '2026-11-26T22:00:00+08:00',
      9000,
    ]);
    expect(s.sources.start).toEqual({ table: '基本信息', header: '直播时间' });
  });

  it('the first sheet that states a figure wins, and keeps where it was read', () => {
    const f = new StreamFacts();
    const header = (h: Record<string, string>) => (x: string) => h[x];
    f.add(streamOf({ gmv: 86592, uv: 6782 }), '基本信息', header({ gmv: '直播间用户支付金额', uv: '观看人数' }));
    f.add(
      streamOf({ gmv: 1, pv: 12000, duration: 7200 }),
      '整体看板',
      header({ gmv: '成交金额', pv: '观看次数', duration: '直播时长' }),
    );
    const s = f.stream();
    expect([s.gmv, s.uv, s.pv, s.durationSeconds]).toEqual([86592, 6782, 12000, 7200]);
    expect(s.sources.gmv).toEqual({ table: '基本信息', header: '直播间用户支付金额' });
    expect(s.sources.pv).toEqual({ table: '整体看板', header: '观看次数' });
  });

  it('a stated duration wins over end − start; nothing stated is empty', () => {
    const f = new StreamFacts();
    expect(f.empty).toBe(true);
    f.add(
      streamOf({ start: '2026-11-26T19:30:00+08:00', end: '2026-11-26T20:30:00+08:00', duration: 3000 }),
      't',
      () => undefined,
    );
    expect(f.empty).toBe(false);
    expect(f.stream().durationSeconds).toBe(3000);
  });

  it('a numeric stream id (an xlsx cell typed as a number) is kept as text', () => {
    expect(streamOf({ streamId: 4521876 }).streamId).toBe('4521876');
  });
});

describe('products: counts win, a stated rate fills a missing count', () => {
  it.each([
    // clickers 250 at a stated 2.50 % click rate → 10,000 exposed; 0.77 % conversion → 1.925 buyers
    [
      { productClickers: 250, productClickRate: 0.025, clickToOrderRate: 0.0077 },
      { exposed: 10000, clickers: 250, buyers: 1.925 },
      { exposed: 'derived', buyers: 'derived' },
    ],
    // counts present: the stated rates are not used
    [
      { productExposed: 900, productClickers: 90, buyers: 9, productClickRate: 0.5, clickToOrderRate: 0.5 },
      { exposed: 900, clickers: 90, buyers: 9 },
      {},
    ],
    // a "rate" above 100 % (a bare 8.5 meant as 8.5 %) derives nothing
    [{ productClickers: 85, productClickRate: 8.5 }, { exposed: null, clickers: 85, buyers: null }, {}],
  ] as const)('%j', (values, counts, sources) => {
    const p = productOf(values);
    expect({ exposed: p.exposed, clickers: p.clickers, buyers: p.buyers }).toEqual(counts);
    expect(p.sources).toEqual(sources);
  });

  it('a product at a stated 3.00 % keeps exactly 3.00 % when recomputed', () => {
    const p = productOf({ productClickers: 30, productClickRate: 0.03 });
    expect(p.clickers! / p.exposed!).toBe(0.03);
  });
});

describe('the other entities', () => {
  it('a channel row and the total row (整体)', () => {
    expect(channelOf({ channel: '直播推荐', uv: 5000, gmv: 12000.5, avgDwell: 65 }, false)).toMatchObject({
      channel: '直播推荐',
      total: false,
      uv: 5000,
      gmv: 12000.5,
      avgDwellSeconds: 65,
      pv: null,
    });
    expect(channelOf({ channel: '整体', paidSpend: 3000 }, true)).toMatchObject({ total: true, paidSpend: 3000 });
  });

  it('an order line takes the paid amount, else the order amount, else 0', () => {
    expect(orderLineOf({ orderId: 'A1', paidAmount: 99, orderAmount: 120 }).amount).toBe(99);
    expect(orderLineOf({ orderId: 'A1', orderAmount: 120 }).amount).toBe(120);
    expect(orderLineOf({ orderId: 'A1' })).toMatchObject({ amount: 0, status: '', payTime: null });
  });

  it('a consultation: a stated first response in seconds, else reply time − consult time', () => {
    expect(consultationOf({ consultText: '有货吗', firstResponse: 12 }).seconds).toBe(12);
    expect(
      consultationOf({ consultTime: '2026-11-26T19:35:05+08:00', firstReplyTime: '2026-11-26T19:35:25+08:00' }).seconds,
    ).toBe(20);
    expect(secondsBetween('2026-11-26T19:35:25+08:00', '2026-11-26T19:35:05+08:00')).toBeNull(); // a reply before the question is no answer
  });

  it('a selection-table row keeps the file and row it came from', () => {
    expect(
      poolItemOf('选品表.xlsx', 7, {
        productId: 'P1',
        productName: '龙井',
        price: 89,
        giveaway: true,
        qcReport: false,
      }),
    ).toMatchObject({
      file: '选品表.xlsx',
      row: 7,
      id: 'P1',
      livePrice: 89,
      giveaway: true,
      qcReport: false,
      sevenDayReturns: null,
    });
  });

  it("a KPI row: names trimmed, the figures asked for, the row's own targets", () => {
    const k = kpiRowOf(
      {
        row: 3,
        role: 'data',
        values: { personName: ' 王磊 ', staffRole: '运营', gmv: 1685000, hireDate: '2026-09-01T00:00:00+08:00' },
        targets: { trafficGrowth: 0.2 },
      },
      ['gmv', 'trafficGrowth'],
    );
    expect(k).toEqual({
      row: 3,
      name: '王磊',
      roleText: '运营',
      hireDate: '2026-09-01',
      figures: { gmv: 1685000, trafficGrowth: null },
      targets: { trafficGrowth: 0.2 },
    });
  });
});

describe('a first response written as the time of day it came', () => {
  it('19:35:08 beside 19:35:00 is 8 s; a real 01:30:00 after a consultation at 00:10 stays 90 minutes; 00:00:12 is 12 s', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openTables } = await import('../../src/io/read/tables.js');
    const { collect } = await import('../../src/model/collect.js');
    const dir = mkdtempSync(join(tmpdir(), 'liveops-tod-'));
    const file = join(dir, '客服咨询.csv');
    writeFileSync(
      file,
      '咨询时间,首次响应时间,咨询内容\n2026/11/26 19:35:00,19:35:08,防水吗\n2026/11/27 00:10:00,01:30:00,发货了吗\n2026/11/26 20:00:00,00:00:12,有货吗\n',
    );
    const seconds: Array<number | null> = [];
    for await (const t of openTables(file, { strict: true }))
      await collect(t, { consultation: (c) => seconds.push(c.seconds) });
    rmSync(dir, { recursive: true, force: true });
    expect(seconds).toEqual([8, 5400, 12]);
  });
});

describe("a team's own product sheet, headed 曝光人数 / 点击人数 without 商品", () => {
  it('counts the product’s exposure and clicks; a stream list keeps 曝光人数 as the live room’s', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openTables } = await import('../../src/io/read/tables.js');
    const dir = mkdtempSync(join(tmpdir(), 'liveops-bare-exposure-'));
    const products = join(dir, '周商品.csv');
    writeFileSync(
      products,
      '商品编码,商品名称,曝光人数,曝光次数,点击人数,点击次数,成交人数\nA1,龙井,10000,15000,299,400,20\n',
    );
    const streams = join(dir, '直播明细.csv');
    writeFileSync(
      streams,
      '开播时间,曝光人数,观看人数,商品点击人数\n2026/11/3 20:00,50000,6782,900\n2026/11/4 20:00,42000,5100,700\n',
    );
    const fieldsOf = async (file: string) => {
      for await (const t of openTables(file, { strict: true })) {
        const fields = t.columns.map((c) => c.field);
        const rows = [];
        for await (const r of t.records()) rows.push(r.values);
        return { kind: t.kind, fields, rows, unmapped: t.unmapped.length };
      }
      throw new Error('no table');
    };
    const p = await fieldsOf(products);
    const s = await fieldsOf(streams);
    rmSync(dir, { recursive: true, force: true });
    expect(p.kind).toBe('products');
    expect(p.fields).toEqual([
      'productId',
      'productName',
      'productExposed',
      'productExposures',
      'productClickers',
      'productClicks',
      'buyers',
    ]);
    expect(p.rows[0]).toMatchObject({ productExposed: 10000, productExposures: 15000, productClickers: 299 });
    expect(p.unmapped).toBe(0);
    expect(s.kind).toBe('stream-list');
    expect(s.fields).toEqual(['start', 'exposedUsers', 'uv', 'productClickers']);
  });
});
