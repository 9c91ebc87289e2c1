/**
 * liveops select against hand-computed values: the W47 fixture week (per-stream product exports),
 * the Compass product list (one list over the week) and the selection table.
 */
import { copyFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';
import { chartFontLines } from './support/fonts.js';

const W = JSON.parse(readFileSync(join(FIXTURES, 'weekly-expected.json'), 'utf8'));
const E = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
const P = E['douyin-products.xlsx'];
const S = E['selection.xlsx'];
const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => {
  cpSync(join(FIXTURES, 'week-2026-W47'), join(tmp.dir, 'week47'), { recursive: true });
  copyFileSync(join(FIXTURES, 'selection.xlsx'), join(tmp.dir, '选品表.xlsx'));
  copyFileSync(join(FIXTURES, 'douyin-products.xlsx'), join(tmp.dir, '商品列表.xlsx'));
  copyFileSync(join(FIXTURES, 'consultations.csv'), join(tmp.dir, '客服咨询.csv'));
});

type Report = Record<string, any>;
const json = (args: string[]) => {
  const r = liveops(['--json', 'select', ...args], { cwd: tmp.dir });
  expect(r.stderr).not.toMatch(STACK);
  return { ...r, report: (r.code === 0 || r.code === 3 ? JSON.parse(r.stdout) : {}) as Report };
};

describe('a week of per-stream product exports (a product in 3+ streams)', () => {
  let r: ReturnType<typeof json>;
  beforeAll(() => {
    r = json(['week47', '--pool', '选品表.xlsx', '--week', '2026-W47', '-o', 'out/']);
  });

  it('writes 淘汰清单_2026-W47.xlsx, exits 3 (things to act on, a skipped file) and logs one line', () => {
    expect(r.code).toBe(3);
    expect(existsSync(join(tmp.dir, 'out', '淘汰清单_2026-W47.xlsx'))).toBe(true);
    // One log line, after the font warning on a machine without a Chinese font.
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(chartFontLines());
    expect(lines.at(-1)).toMatch(
      /^liveops select 2026-W47: 17 products, 2 to eliminate, 1 not enough data, 5 stock warnings, \d+ supplier flags, 1 skipped file, 1 file not used → out\/淘汰清单_2026-W47\.xlsx \(exit 3\)$/,
    );
    expect(r.report.skipped.map((s: { file: string }) => s.file)).toEqual(['week47/损坏的导出.xlsx']);
  });

  it('aggregates across streams by summing counts: figures equal the hand-computed ones', () => {
    for (const e of W.products.list) {
      const p = r.report.products.find((x: { id: string }) => x.id === e.id);
      expect(p.streams, e.name).toBe(e.streams);
      for (const k of ['exposed', 'clickers', 'buyers', 'gmv', 'clickRate', 'conversionRate'])
        expect(p[k], `${e.name} ${k}`).toBeCloseTo(e[k], 9);
    }
  });

  it('2.99 % is eliminated, 3.00 % is kept — for click rate and for conversion', () => {
    const ids = r.report.eliminate.map((p: { id: string }) => p.id);
    const byName = (prefix: string) => W.products.list.find((p: { name: string }) => p.name.startsWith(prefix)).id;
    expect(ids).toContain(byName('户外双肩包'));
    expect(ids).toContain(byName('补水修护面膜'));
    expect(ids).not.toContain(byName('速干徒步裤'));
    expect(ids).not.toContain(byName('烟酰胺'));
    const bag = r.report.eliminate.find((p: { id: string }) => p.id === byName('户外双肩包'));
    expect(bag).toMatchObject({ rules: ['weekly-click-eliminate'], streams: 4, role: '利润款' });
  });

  it('a product in one stream with 420 exposures is "not enough data", not eliminated', () => {
    expect(r.report.insufficient.map((p: { id: string }) => p.id)).toEqual([W.products.notEnoughData.id]);
    expect(r.report.eliminate.map((p: { id: string }) => p.id)).not.toContain(W.products.notEnoughData.id);
  });
});

describe('the selection table: roles, balance, stock, suppliers', () => {
  let r: ReturnType<typeof json>;
  beforeAll(() => {
    r = json(['商品列表.xlsx', '客服咨询.csv', '--pool', '选品表.xlsx', '--week', '2026-W47', '-o', 'pool.json']);
  });

  it('one product list over the week: streams unknown, the 3 % boundary on the summed figures', () => {
    expect(r.code).toBe(3);
    const pr = (k: string) => r.report.products.find((p: { id: string }) => p.id === P.thresholdProducts[k].id);
    expect(pr('clickRateExactly3_00')).toMatchObject({ clickRate: 0.03, streams: null, rules: [] });
    expect(pr('clickRate2_99').rules).toEqual(['weekly-click-eliminate']);
    expect(pr('conversionExactly3_00').rules).toEqual([]);
    const eliminated = r.report.eliminate.map((p: { id: string }) => p.id);
    expect(eliminated).toContain(P.thresholdProducts.clickRate2_99.id);
    expect(eliminated).not.toContain(P.thresholdProducts.clickRateExactly3_00.id);
  });

  it('roles from the table; empty ones suggested from price and commission', () => {
    const items = r.report.pool.items;
    expect(items).toHaveLength(S.dataRows);
    const suggested = items.filter((i: { roleSource: string }) => i.roleSource === 'suggested');
    expect(suggested.map((i: { row: number }) => i.row)).toEqual(S.roleEmptyRows);
    // Tiers are the pool's thirds of live prices: 15 prices, 1/3 → 225.67, 2/3 → 432.33.
    expect(r.report.pool.tiers.trafficMaxPrice).toBeCloseTo(225.6667, 3);
    expect(Object.fromEntries(suggested.map((i: { name: string; role: string }) => [i.name, i.role]))).toEqual({
      '户外双肩包 30L 轻量 登山徒步': '利润款', // ¥399, commission 20 % ≥ 20 %
      '户外防晒渔夫帽 UPF50+': '引流款', // ¥79, the cheapest third
      '儿童三合一冲锋衣（待上架）': '利润款', // ¥499, 20 %
      '保温杯 不锈钢 750ml': '引流款', // ¥129
    });
    const given = items.filter((i: { roleSource: string }) => i.roleSource === 'table');
    const count = (role: string) => given.filter((i: { role: string }) => i.role === role).length;
    expect({ 引流款: count('引流款'), 利润款: count('利润款'), 形象款: count('形象款') }).toEqual(S.roles);
    expect(
      r.report.pool.balance.map((b: { role: string; count: number; targetCount: number; gap: number }) => [
        b.role,
        b.count,
        b.targetCount,
        b.gap,
      ]),
    ).toEqual([
      // Balance of what stays: 软壳冲锋衣 (利润款) and 渔夫帽 (引流款) are eliminated this week, 13 remain.
      ['引流款', 5, 4, -1],
      ['利润款', 6, 7, 1],
      ['形象款', 2, 3, 1],
    ]);
  });

  it('stock below 50 warns (exactly 50 does not); a sold-out giveaway is to be delisted by floor control', () => {
    // Listed products only: row 15 (儿童三合一冲锋衣, 待上架, no 商品ID) has nothing to restock yet.
    const listed = S.stockBelow50.filter((s: { row: number }) => !S.idEmptyRows.includes(s.row));
    expect(listed.length).toBe(S.stockBelow50.length - 1);
    expect(r.report.stock.map((s: { row: number; stock: number }) => [s.row, s.stock])).toEqual(
      listed.map((s: { row: number; stock: number }) => [s.row, s.stock]),
    );
    expect(r.report.stock.map((s: { row: number }) => s.row)).not.toContain(S.stockExactly50[0].row);
    const socks = r.report.stock.find((s: { row: number }) => s.row === S.soldOutGiveaway[0].row);
    expect(socks).toMatchObject({ action: 'delist', owner: 'floor-control', giveaway: true });
  });

  it('supplier checks: price 5–10 % below competitors, terms, backups per category', () => {
    const by = (row: number) => r.report.suppliers.find((s: { row: number }) => s.row === row);
    for (const e of S.livePriceVsCompetitor) expect(by(e.row).lowerBy, e.name).toBeCloseTo(e.lowerBy, 5);
    expect(by(3).priceFlag).toBe('suspiciously-low'); // 10.01 %
    expect(by(5).priceFlag).toBe('ok'); // 7.15 %
    expect(by(12).priceFlag).toBe('too-high'); // above the competitor
    for (const e of S.supplierTermsMissing) {
      const missing = [
        e.qc === '无' && 'qcReport',
        e.sevenDay === '否' && 'sevenDayReturns',
        e.insurance === '否' && 'shippingInsurance',
      ].filter(Boolean);
      expect(by(e.row).missingTerms, e.name).toEqual(missing);
    }
    const jackets = r.report.backupSuppliers.find((b: { category: string }) => b.category === '冲锋衣');
    expect(jackets).toMatchObject({ suppliers: 2, required: 3, fires: true, names: ['厦门极地户外', '泉州山野服饰'] });
  });

  it('candidates: what consultations ask for that no listed product covers', () => {
    expect(
      r.report.candidates.map((c: { keyword: string; count: number; inPool: string | null }) => [
        c.keyword,
        c.count,
        c.inPool,
      ]),
    ).toEqual([
      ['儿童款', 8, '儿童三合一冲锋衣（待上架）'],
      ['羽绒服', 7, null],
    ]);
    // 登山杖 is asked about 5 times but the pool sells 碳素登山杖.
    expect(JSON.stringify(r.report.candidates)).not.toContain('登山杖');
  });
});

describe('outputs for the selector and cron', () => {
  it('--format csv writes the elimination list alone, UTF-8 with BOM', () => {
    const r = liveops(
      ['select', 'week47', '--pool', '选品表.xlsx', '--week', '2026-W47', '--format', 'csv', '-o', 'csv/'],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(3);
    const text = readFileSync(join(tmp.dir, 'csv', '淘汰清单_2026-W47.csv'), 'utf8');
    expect(text.startsWith('\uFEFF商品ID,商品名称,商品角色,场次,曝光人数')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows[1]![1]).toBe('户外双肩包 30L 轻量 登山徒步');
    expect(Number(rows[1]![8])).toBeCloseTo(0.0299, 9);
  });

  it.each([
    ['zh', '淘汰清单', ['淘汰', '数据不足'], ['利润款', '形象款']],
    ['en', 'elimination', ['Eliminate', 'Not enough data'], ['profit', 'image']],
  ] as const)(
    '--lang %s: the eliminated and not-enough-data products’ roles in the reader’s words (workbook, CSV, --json)',
    async (lang, file, [eliminate, insufficient], [profit, image]) => {
      const args = ['--lang', lang, 'select', 'week47', '--pool', '选品表.xlsx', '--week', '2026-W47', '--force'];
      const xlsx = liveops([...args, '--json', '-o', `roles-${lang}/`], { cwd: tmp.dir });
      expect(xlsx.code, xlsx.stderr).toBe(3);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(tmp.dir, `roles-${lang}`, `${file}_2026-W47.xlsx`));
      // Column C: the role. 户外双肩包 is 利润款 by suggestion; 补水修护面膜 is not in the pool.
      const roles = (sheet: string) => {
        const ws = wb.getWorksheet(sheet)!;
        const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
        return rows.filter((r) => r.getCell(2).value).map((r) => r.getCell(3).value ?? null);
      };
      expect(roles(eliminate)).toEqual([profit, null]);
      expect(roles(insufficient)).toEqual([image]);
      // --json keeps the codes and adds the words.
      const report = JSON.parse(xlsx.stdout) as Report;
      expect(report.eliminate.map((p: Report) => [p.role, p.roleLabel])).toEqual([
        ['利润款', profit],
        [null, null],
      ]);
      expect(report.insufficient.map((p: Report) => [p.role, p.roleLabel])).toEqual([['形象款', image]]);
      const csv = liveops([...args, '--format', 'csv', '-o', `roles-${lang}/`], { cwd: tmp.dir });
      expect(csv.code, csv.stderr).toBe(3);
      const rows = parse(readFileSync(join(tmp.dir, `roles-${lang}`, `${file}_2026-W47.csv`)), {
        bom: true,
      }) as string[][];
      expect(rows.slice(1).map((r) => r[2])).toEqual([profit, '']);
    },
    60_000,
  );

  it('exit 2 when there is nothing usable, and for a --pool that is not a selection table', () => {
    const none = liveops(['select', 'week47/备注.txt', '--week', '2026-W47', '-o', 'none/'], { cwd: tmp.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/没有可用的商品数据或选品表/);
    const bad = liveops(['select', 'week47', '--pool', '客服咨询.csv', '--week', '2026-W47', '-o', 'bad/'], {
      cwd: tmp.dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--pool 客服咨询\.csv: no selection table/);
  });

  it('never overwrites without --force', () => {
    const args = ['select', '商品列表.xlsx', '--week', '2026-W47', '-o', 'again/'];
    expect(liveops(args, { cwd: tmp.dir }).code).toBe(3);
    const second = liveops(args, { cwd: tmp.dir });
    expect(second.code).toBe(5);
    expect(second.stderr).toMatch(/already exists; pass --force/);
  });
});
