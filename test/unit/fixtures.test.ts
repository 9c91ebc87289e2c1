/**
 * Every fixture read through the real readers, checked against the hand-computed values in
 * fixtures/expected.json: platform, kind, layout, header row, every column mapped, row counts,
 * column sums and tricky cells.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTables, type Table, type TableRecord } from '../../src/io/read/tables.js';
import { fieldDef } from '../../src/io/read/fields.js';

const FIX = join(import.meta.dirname, '../../fixtures');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as Record<string, any>;

interface Read {
  table: Omit<Table, 'records'>;
  records: TableRecord[];
}

async function readAll(file: string): Promise<Read[]> {
  const out: Read[] = [];
  for await (const t of openTables(join(FIX, file))) {
    const records: TableRecord[] = [];
    for await (const r of t.records()) records.push(r);
    out.push({ table: t, records });
  }
  return out;
}

/** The value of `header`'s column in spreadsheet row `row`. */
function cell(read: Read, row: number, header: string): unknown {
  const col = read.table.columns.find((c) => c.header === header);
  if (!col?.field) throw new Error(`no mapped column ${header}`);
  if (read.table.layout === 'key-value') return read.records[0]?.values[col.field];
  const rec = read.records.find((r) => r.row === row);
  if (!rec) throw new Error(`no record at row ${row}`);
  return rec.values[col.field];
}

function sum(read: Read, header: string): number {
  const col = read.table.columns.find((c) => c.header === header);
  if (!col?.field) throw new Error(`no mapped column ${header}`);
  let s = 0;
  for (const r of read.records)
    if (r.role === 'data' && typeof r.values[col.field] === 'number') s += r.values[col.field] as number;
  return s;
}

function checkValue(actual: unknown, want: unknown, header: string, read: Read) {
  const col = read.table.columns.find((c) => c.header === header);
  if (col?.field && fieldDef(col.field).type === 'time' && typeof want === 'string') {
    expect(String(actual)).toMatch(new RegExp(`^${want}`));
  } else if (typeof want === 'number') {
    expect(actual).toBeCloseTo(want, 6);
  } else {
    expect(actual).toEqual(want);
  }
}

// The kind each single-table fixture must be recognised as.
const SINGLE: Array<[file: string, kind: string]> = [
  ['douyin-live-list.xlsx', 'stream-list'],
  ['douyin-products.xlsx', 'products'],
  ['taobao-sessions-gbk.csv', 'stream-list'],
  ['taobao-anchor.csv', 'stream-list'],
  ['comments.csv', 'comments'],
  ['orders.csv', 'orders'],
  ['selection.xlsx', 'selection'],
  ['consultations.csv', 'consultations'],
  ['minute-trend.csv', 'minute-trend'],
  ['kpi-2026-11.xlsx', 'kpi'],
];

describe.each(SINGLE)('%s', (file, kind) => {
  const want = expected[file];
  let reads: Read[];
  const get = async () => (reads ??= await readAll(file));

  it(`is one ${kind} table from ${want.platform}, header on row ${want.headerRow}, ${want.dataRows} data rows`, async () => {
    const [r, ...rest] = await get();
    expect(rest).toHaveLength(0);
    expect(r!.table.kind).toBe(kind);
    expect(r!.table.platform).toBe(want.platform);
    expect(r!.table.headerRow).toBe(want.headerRow);
    expect(r!.records.filter((x) => x.role === 'data')).toHaveLength(want.dataRows);
    if (want.sheet) expect(r!.table.sheet).toBe(want.sheet);
  });

  it('maps every column', async () => {
    const [r] = await get();
    expect(r!.table.columns.map((c) => c.header)).toEqual(want.headers);
    // The live list carries 新增粉丝团 beside 新加直播团; every other header is a field of its own.
    expect(r!.table.unmapped.map((c) => c.header)).toEqual([]);
    expect(r!.table.missingRequired).toEqual([]);
    expect(r!.table.problemCount).toBe(0);
  });

  if (want.encoding) {
    it(`is read as ${want.encoding}, delimiter ${JSON.stringify(want.delimiter)}`, async () => {
      const [r] = await get();
      const enc = { gbk: 'gb18030', 'utf-8': want.bom ? 'utf-8-bom' : 'utf-8' }[want.encoding as string];
      expect(r!.table.encoding).toBe(enc);
      expect(r!.table.delimiter).toBe(want.delimiter);
    });
  }

  // A fixture with no hand-computed sums has nothing to check here (the test would assert nothing).
  if (Object.keys(want.sums ?? {}).length > 0) {
    it('column sums equal the hand-computed ones', async () => {
      const [r] = await get();
      for (const [header, total] of Object.entries(want.sums as Record<string, number>)) {
        expect(sum(r!, header), header).toBeCloseTo(total, 4);
      }
    });
  }

  it('tricky cells parse to the expected values', async () => {
    const [r] = await get();
    for (const s of want.samples as Array<{ row: number; header: string; value: unknown }>) {
      checkValue(cell(r!, s.row, s.header), s.value, s.header, r!);
    }
  });
});

describe('douyin-compass-session.xlsx: the 整场 workbook, three layouts', () => {
  const want = expected['douyin-compass-session.xlsx'];
  let reads: Read[];
  const get = async () => (reads ??= await readAll('douyin-compass-session.xlsx'));

  it('has the six sheets in order with their real names, all Douyin', async () => {
    const r = await get();
    expect(r.map((x) => x.table.sheet)).toEqual(want.sheetOrder);
    expect(new Set(r.map((x) => x.table.platform))).toEqual(new Set(['douyin']));
  });

  it("recognises each sheet's kind and layout", async () => {
    const r = await get();
    expect(r.map((x) => [x.table.sheet, x.table.kind, x.table.layout])).toEqual([
      ['基本信息', 'stream-summary', 'single-record'],
      ['整体看板', 'stream-summary', 'single-record'],
      ['流量分析-流量转化', 'stream-summary', 'key-value'],
      ['流量分析-渠道分析', 'channels', 'table'],
      ['流量分析-短视频引流', 'short-video', 'table'],
      ['商品分析-商品明细', 'products', 'table'],
    ]);
    for (const x of r) expect(x.table.unmapped, x.table.sheet).toEqual([]);
  });

  it('reads the key/value sheet (name in A, value in B)', async () => {
    const kv = (await get()).find((x) => x.table.layout === 'key-value')!;
    const values = want.sheets['流量分析-流量转化'].values as Record<string, number>;
    expect(kv.table.columns.map((c) => c.header)).toEqual(want.sheets['流量分析-流量转化'].keys);
    for (const [k, v] of Object.entries(values)) expect(cell(kv, 0, k), k).toBeCloseTo(v, 6);
    expect(kv.records).toHaveLength(1);
  });

  it('separates the 整体 total row from the channels', async () => {
    const ch = (await get()).find((x) => x.table.kind === 'channels')!;
    const total = ch.records.filter((r) => r.role === 'total');
    expect(total.map((r) => r.row)).toEqual([want.sheets['流量分析-渠道分析'].totalRow]);
    expect(total[0]!.values.channel).toBe('整体');
    expect(total[0]!.values.paidSpend).toBeCloseTo(want.totals.paidSpend, 6);
    const channels = ch.records.filter((r) => r.role === 'data');
    expect(channels.map((r) => r.values.channel)).toEqual(want.channels.map((c: { name: string }) => c.name));
    // The total row is the sum of the channels.
    const uv = channels.reduce((s, r) => s + (r.values.uv as number), 0);
    expect(total[0]!.values.uv).toBe(uv);
  });

  it('tells SKU child rows ("-" IDs) from product rows, and links them to their product', async () => {
    const p = (await get()).find((x) => x.table.kind === 'products')!;
    const sheet = want.sheets['商品分析-商品明细'];
    const products = p.records.filter((r) => r.role === 'data');
    const skus = p.records.filter((r) => r.role === 'sku');
    expect(products.map((r) => r.row)).toEqual(sheet.productRowNumbers);
    expect(skus).toHaveLength(sheet.skuRows);
    for (const s of skus) {
      const parent = products.find((r) => r.row === s.parentRow)!;
      expect(String(s.values.productId)).toMatch(new RegExp(`^-${parent.values.productId}`));
    }
    // Stream GMV is the sum over product rows only, never SKU rows.
    const gmv = products.reduce((s, r) => s + (r.values.gmv as number), 0);
    expect(gmv).toBeCloseTo(want.totals.gmv, 6);
  });

  it('tricky cells parse to the expected values', async () => {
    const r = await get();
    for (const s of want.samples as Array<{ sheet: string; row: number; header: string; value: unknown }>) {
      const read = r.find((x) => x.table.sheet === s.sheet)!;
      checkValue(cell(read, s.row, s.header), s.value, s.header, read);
    }
  });
});

describe('a workbook whose sheet parts come before xl/workbook.xml', () => {
  it('still reports the real sheet names and the same content', async () => {
    const a = await readAll('douyin-compass-session.xlsx');
    const b = await readAll('douyin-compass-session-namesfirst.xlsx');
    expect(b.map((x) => x.table.sheet)).toEqual(a.map((x) => x.table.sheet));
    expect(b.map((x) => x.records)).toEqual(a.map((x) => x.records));
  });
});
