import fs, { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';

import { InputError } from '../../src/errors.js';
import { openRawSource, type RawRow } from '../../src/io/read/raw.js';
import { columnLetter } from '../../src/io/column-letter.js';
import { inputError } from './expect-error.js';
import { utf8Boundary } from '../../src/io/read/zip-part.js';

let dir: string;
let basic: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-read-xlsx-'));
  basic = join(dir, '整场数据.xlsx');
  await writeBasicWorkbook(basic);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const START = new Date(Date.UTC(2026, 6, 28, 8, 15, 49));

async function writeBasicWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();

  const info = wb.addWorksheet('基本信息');
  info.addRow(['达人昵称', '直播时间', '直播间用户支付金额', '粉丝数']);
  info.addRow(['  小店  ', '2026/07/28 08:15:49-2026/07/28 15:44:39', '¥236,552', 1200]);

  const channels = wb.addWorksheet('流量分析-渠道分析');
  channels.getCell('A1').value = '渠道分析（导出时间 2026-07-29）'; // a title row; the header is on row 3
  channels.getRow(3).values = ['渠道名称', '观看人数', '用户支付金额', '开播时间', '占比'];
  channels.getRow(4).values = ['直播推荐', 6782, 1234.5, START, { formula: 'B4/B5', result: 1 }];
  channels.getRow(5).values = ['整体', 6782, { formula: 'C4', result: 1234.5 }, { formula: 'D4', result: START }, true];
  channels.getCell('D4').numFmt = 'yyyy/mm/dd hh:mm:ss';
  channels.getCell('D5').numFmt = 'yyyy/mm/dd hh:mm:ss';
  channels.getRow(6).values = [
    { richText: [{ text: '商品' }, { font: { bold: true }, text: '明细 ' }] },
    { text: '链接', hyperlink: 'https://example.com' },
    { error: '#N/A' },
    '   ',
    { formula: 'B4+"x"', result: { error: '#VALUE!' } },
  ];
  channels.getRow(7).values = []; // stays empty
  channels.getRow(8).getCell(3).value = 'C only';
  channels.getCell('A8').style = { font: { bold: true } }; // styled but empty

  const hidden = wb.addWorksheet('映射', { state: 'hidden' });
  hidden.addRow(['k', 'v']);

  await wb.xlsx.writeFile(file);
}

interface ReadSheet {
  name: string;
  index: number;
  hidden: boolean | undefined;
  rows: RawRow[];
}

async function readXlsx(file: string): Promise<ReadSheet[]> {
  const src = await openRawSource(file);
  expect(src.format).toBe('xlsx');
  const out: ReadSheet[] = [];
  for await (const s of src.sheets) {
    const rows: RawRow[] = [];
    for await (const r of s.rows) rows.push(r);
    out.push({ name: s.name, index: s.index, hidden: s.hidden, rows });
  }
  return out;
}

/** All entries of a zip, in stored order. */
async function unzipAll(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

/** Write entries into a new zip in the given order. */
async function rezip(file: string, entries: { name: string; data: Buffer }[]): Promise<void> {
  const z = new yazl.ZipFile();
  for (const e of entries) if (!e.name.endsWith('/')) z.addBuffer(e.data, e.name);
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  writeFileSync(file, Buffer.concat(chunks));
}

const EXPECTED_BASIC: ReadSheet[] = [
  {
    name: '基本信息',
    index: 0,
    hidden: false,
    rows: [
      { rowNumber: 1, cells: ['达人昵称', '直播时间', '直播间用户支付金额', '粉丝数'] },
      { rowNumber: 2, cells: ['小店', '2026/07/28 08:15:49-2026/07/28 15:44:39', '¥236,552', 1200] },
    ],
  },
  {
    name: '流量分析-渠道分析',
    index: 1,
    hidden: false,
    rows: [
      { rowNumber: 1, cells: ['渠道分析（导出时间 2026-07-29）'] },
      { rowNumber: 3, cells: ['渠道名称', '观看人数', '用户支付金额', '开播时间', '占比'] },
      { rowNumber: 4, cells: ['直播推荐', 6782, 1234.5, START, 1] },
      { rowNumber: 5, cells: ['整体', 6782, 1234.5, START, true] },
      { rowNumber: 6, cells: ['商品明细', '链接', null, null, null] },
      { rowNumber: 8, cells: [null, null, 'C only'] },
    ],
  },
  { name: '映射', index: 2, hidden: true, rows: [{ rowNumber: 1, cells: ['k', 'v'] }] },
];

describe('xlsx cells and sheets', () => {
  it('reads real sheet names, row numbers and every cell type', async () => {
    const sheets = await readXlsx(basic);
    expect(sheets).toEqual(EXPECTED_BASIC);
    // Dates carry the Excel wall-clock time in their UTC fields.
    const d = sheets[1]!.rows[2]!.cells[3] as Date;
    expect(d).toBeInstanceOf(Date);
    expect(d.toISOString()).toBe('2026-07-28T08:15:49.000Z');
  });

  it('decides the format by content: an xlsx named .csv is still an xlsx', async () => {
    const copy = join(dir, 'really-an-xlsx.csv');
    writeFileSync(copy, readFileSync(basic));
    const sheets = await readXlsx(copy);
    expect(sheets.map((s) => s.name)).toEqual(['基本信息', '流量分析-渠道分析', '映射']);
  });

  it('reports real names when the sheet parts come before xl/workbook.xml in the zip', async () => {
    const entries = await unzipAll(basic);
    const isSheet = (n: string) => n.startsWith('xl/worksheets/');
    const late = (n: string) => n === 'xl/workbook.xml';
    // Sheets first, the workbook last.
    const a = join(dir, 'sheets-first.xlsx');
    await rezip(a, [
      ...entries.filter((e) => isSheet(e.name)),
      ...entries.filter((e) => !isSheet(e.name) && !late(e.name)),
      ...entries.filter((e) => late(e.name)),
    ]);
    // Rels and shared strings first, then the sheets (streamed at once by exceljs), then the workbook.
    const b = join(dir, 'rels-then-sheets.xlsx');
    const early = (n: string) =>
      n === 'xl/_rels/workbook.xml.rels' || n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml';
    await rezip(b, [
      ...entries.filter((e) => early(e.name)),
      ...entries.filter((e) => isSheet(e.name)),
      ...entries.filter((e) => !early(e.name) && !isSheet(e.name) && !late(e.name)),
      ...entries.filter((e) => late(e.name)),
    ]);
    expect(await readXlsx(a)).toEqual(EXPECTED_BASIC);
    expect(await readXlsx(b)).toEqual(EXPECTED_BASIC);
  });

  it('gives workbook (tab) order indexes even when part numbers differ from tab order', async () => {
    const entries = await unzipAll(basic);
    const wbXml = entries.find((e) => e.name === 'xl/workbook.xml')!;
    const xml = wbXml.data.toString('utf8');
    const tags = [...xml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
    expect(tags).toHaveLength(3);
    // Move the third tab (映射, part sheet3.xml) to the front.
    wbXml.data = Buffer.from(xml.replace(tags.join(''), tags[2]! + tags[0]! + tags[1]!));
    const file = join(dir, 'reordered.xlsx');
    await rezip(file, entries);
    const sheets = await readXlsx(file);
    // Streamed in part order, but each sheet knows its workbook position.
    expect(sheets.map((s) => [s.name, s.index])).toEqual([
      ['基本信息', 1],
      ['流量分析-渠道分析', 2],
      ['映射', 0],
    ]);
    expect(sheets[2]!.rows).toEqual(EXPECTED_BASIC[2]!.rows);
  });

  it.each([
    ['stored normally', false],
    ['with the sheets before xl/workbook.xml in the zip', true],
  ])('drains a sheet the consumer skips or leaves half-read (%s)', async (_label, reorder) => {
    let file = basic;
    if (reorder) {
      const entries = await unzipAll(basic);
      const isSheet = (n: string) => n.startsWith('xl/worksheets/');
      file = join(dir, 'drain-sheets-first.xlsx');
      await rezip(file, [...entries.filter((e) => isSheet(e.name)), ...entries.filter((e) => !isSheet(e.name))]);
    }
    const src = await openRawSource(file);
    const seen: [string, number[]][] = [];
    for await (const s of src.sheets) {
      const nums: number[] = [];
      if (s.index === 0) {
        seen.push([s.name, nums]); // not consumed at all
        continue;
      }
      for await (const r of s.rows) {
        nums.push(r.rowNumber);
        if (s.index === 1 && r.rowNumber === 3) break; // half-read
      }
      seen.push([s.name, nums]);
    }
    expect(seen).toEqual([
      ['基本信息', []],
      ['流量分析-渠道分析', [1, 3]],
      ['映射', [1]],
    ]);
  });

  it('refuses to iterate a sheet after moving on, and stops cleanly when the consumer stops early', async () => {
    const src = await openRawSource(basic);
    let first: AsyncIterable<RawRow> | undefined;
    let count = 0;
    for await (const s of src.sheets) {
      count++;
      if (!first) {
        first = s.rows;
        continue;
      }
      break;
    }
    expect(count).toBe(2);
    await expect(
      (async () => {
        for await (const _ of first!) {
          /* nothing */
        }
      })(),
    ).rejects.toThrow(/only once/);
  });

  it('a cell longer than 32,767 characters → InputError naming sheet, row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评论');
    ws.addRow(['a', 'b', 'c']);
    ws.getCell('C2').value = 'x'.repeat(40_000);
    const file = join(dir, 'long-cell.xlsx');
    await wb.xlsx.writeFile(file);
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file, sheet: '评论', row: 2, column: 'C' });
    expect(e.problem).toMatch(/40000 characters.*32767/);
  });

  it('column letters', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

/**
 * Regression: exceljs's own zip pass (unzipper Parse + iterateStream) stops at an `end` event that
 * unzipper emits while entries it already parsed are still buffered, so trailing entries were lost
 * in about half the runs. With the sheets first in the zip the lost ones were xl/workbook.xml,
 * xl/styles.xml and xl/sharedStrings.xml: every shared-string cell read as null and each sheet lost
 * its header row(s). A single run can pass by luck: read it many times, then as many times on a
 * "slow disk" (fs.open answering 5 ms late), where exceljs's temp-file copies of the sheets lose
 * that race every time (the old reader failed the fixture within a few plain runs, and the
 * workbook built here on the first slow-disk run).
 */
describe('xlsx with the sheet parts before the workbook parts, read repeatedly', () => {
  const RUNS = 20;
  const summary = (sheets: ReadSheet[]) => sheets.map((s) => [s.name, s.index, s.rows.length, s.rows[0]]);

  /** Runs `fn` RUNS times as is, then RUNS times with every fs.open (exceljs's, tmp's, ours) delayed. */
  async function repeatedly(fn: (run: string) => Promise<void>): Promise<void> {
    for (let run = 1; run <= RUNS; run++) await fn(`run ${run}`);
    const open = fs.open;
    fs.open = ((...args: unknown[]) => {
      const cb = args.pop() as (...r: unknown[]) => void;
      return (open as (...a: unknown[]) => void)(...args, (...r: unknown[]) => setTimeout(() => cb(...r), 5));
    }) as typeof fs.open;
    try {
      for (let run = 1; run <= RUNS; run++) await fn(`slow-disk run ${run}`);
    } finally {
      fs.open = open;
    }
  }

  it(`fixtures/douyin-compass-session-namesfirst.xlsx gives every row, every time`, async () => {
    const file = join(import.meta.dirname, '../../fixtures/douyin-compass-session-namesfirst.xlsx');
    const names = (await unzipAll(file)).map((e) => e.name);
    // The layout this guards: every sheet part before the workbook, its rels and the shared strings.
    const lastSheet = Math.max(...names.flatMap((n, i) => (n.startsWith('xl/worksheets/sheet') ? [i] : [])));
    for (const late of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml']) {
      expect(names.indexOf(late)).toBeGreaterThan(lastSheet);
    }
    const expected = [
      [
        '基本信息',
        0,
        2,
        {
          rowNumber: 1,
          cells: [
            '达人昵称',
            '抖音号or火山号',
            '直播时间',
            '直播时长',
            '直播间用户支付金额',
            '千次观看用户支付金额',
            '达人头像',
            '等级',
            '类型',
            '粉丝数',
          ],
        },
      ],
      [
        '整体看板',
        1,
        2,
        {
          rowNumber: 1,
          cells: [
            '直播间观看人数',
            '直播间曝光-观看率(人数)',
            '平均在线人数',
            '最高在线人数',
            '商品点击人数',
            '直播间商品曝光-点击率(人数)',
            '人均观看时长',
            '新增粉丝数',
            '直播间观看-关注率(人数)',
            '直播间观看-互动率(人数)',
            '人均评论次数',
            '直播间观看-成交率(人数)',
            '直播间商品点击-成交率(人数)',
            '客单价',
            '退款金额',
            '退款订单数',
            '退款人数',
          ],
        },
      ],
      ['流量分析-流量转化', 2, 8, { rowNumber: 1, cells: ['直播间曝光人数', 67016] }],
      [
        '流量分析-渠道分析',
        3,
        10,
        {
          rowNumber: 1,
          cells: [
            '渠道名称',
            '人均观看时长',
            '观看次数',
            '观看人数',
            '直播间观看-互动率(次数)',
            '用户支付金额',
            '成交订单数',
            '笔单价',
            '直播间观看-成交率(次数)',
            '千川消耗',
          ],
        },
      ],
      [
        '流量分析-短视频引流',
        4,
        6,
        {
          rowNumber: 1,
          cells: [
            '短视频名称',
            '投稿时间',
            '短视频直播入口曝光次数',
            '短视频引流直播间次数',
            '短视频直播入口点击率(次数)',
          ],
        },
      ],
      [
        '商品分析-商品明细',
        5,
        20,
        {
          rowNumber: 1,
          cells: ['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数'],
        },
      ],
    ];
    await repeatedly(async (run) => {
      expect({ run, sheets: summary(await readXlsx(file)) }).toEqual({ run, sheets: expected });
    });
  });

  it(`a workbook rezipped sheets-first with the shared strings last gives every row, every time`, async () => {
    const entries = await unzipAll(basic);
    const isSheet = (n: string) => n.startsWith('xl/worksheets/');
    const last = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(last));
    const file = join(dir, 'sheets-first-strings-last.xlsx');
    await rezip(file, [
      ...entries.filter((e) => isSheet(e.name)),
      ...entries.filter((e) => !isSheet(e.name) && !last.includes(e.name)),
      ...last.map((n) => entries.find((e) => e.name === n)!),
    ]);
    await repeatedly(async (run) => {
      const sheets = await readXlsx(file);
      expect({ run, sheets: summary(sheets) }).toEqual({ run, sheets: summary(EXPECTED_BASIC) });
      expect({ run, sheets }).toEqual({ run, sheets: EXPECTED_BASIC });
    });
  });
});

describe('damaged and foreign files', () => {
  it('a truncated xlsx (first 60 % of the bytes) → InputError', async () => {
    const bytes = readFileSync(basic);
    const file = join(dir, 'truncated.xlsx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const e = await inputError(openRawSource(file));
    expect(e.problem).toMatch(/^not a valid \.xlsx file \(the zip is damaged or truncated\): /);
  });

  it('an xlsx whose sheet data is corrupt (directory intact) → InputError, not a hang or a stack trace', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    for (let i = 1; i <= 3000; i++) ws.addRow([i, `商品${i}`, Math.sin(i) * 1000, `备注 ${i * 7919}`]);
    const good = join(dir, 'big.xlsx');
    await wb.xlsx.writeFile(good);
    const zip = await yauzl.openPromise(good, { lazyEntries: true });
    let start = 0;
    let size = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === 'xl/worksheets/sheet1.xml') {
        start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
        size = entry.compressedSize;
      }
    }
    zip.close();
    expect(size).toBeGreaterThan(10_000);
    const bytes = Buffer.from(readFileSync(good));
    for (let i = start + Math.floor(size / 2); i < start + Math.floor(size / 2) + 64; i++) bytes[i] = 0xff;
    const file = join(dir, 'corrupt.xlsx');
    writeFileSync(file, bytes);
    const e = await inputError(readXlsx(file));
    // However the garbage inflates (a zlib error, broken XML or none), the part is named, and the
    // CRC-32 is the cause given when the data inflated at all.
    expect(e.location).toEqual({ file, sheet: '明细' });
    expect(e.problem).toMatch(
      /^the workbook is damaged: xl\/worksheets\/sheet1\.xml (fails its CRC-32 check|cannot be unpacked: .+|does not inflate to the size the zip gives for it) \(the file was cut or changed after it was written\); export it again$/,
    );
  });

  it('an old .xls (OLE header) → InputError', async () => {
    const file = join(dir, 'old.xls');
    writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]));
    const e = await inputError(openRawSource(file));
    expect(e.problem).toMatch(/old binary Excel file \(\.xls\)/);
  });

  it('a zip that is not a workbook → InputError', async () => {
    const file = join(dir, 'docs.xlsx');
    await rezip(file, [{ name: 'readme.txt', data: Buffer.from('hello') }]);
    const e = await inputError(openRawSource(file));
    expect(e.problem).toMatch(/^not an \.xlsx workbook/);
  });
});

/**
 * Issue 17: a workbook whose parts were cut or changed was read as a shorter or emptier table
 * (select used 6 of 15 products). Each damaged workbook here is built from a good one.
 */
describe('damaged parts are errors naming the part, never a shorter table', () => {
  const HEADERS = ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额'];
  let good: string;
  let parts: { name: string; data: Buffer }[];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('商品列表');
    ws.addRow(HEADERS);
    for (let i = 1; i <= 15; i++)
      ws.addRow([`3700${1000 + i}`, `测试商品${i}号 户外双肩包`, 1000 + i * 37, 100 + i * 3, 10 + i, 1234.5 + i]);
    good = join(dir, '商品.xlsx');
    await wb.xlsx.writeFile(good);
    parts = await unzipAll(good);
  });

  const text = (name: string) => parts.find((p) => p.name === name)!.data.toString('utf8');
  /** The good workbook with some parts replaced, written as `name`; `stored` parts are not deflated. */
  async function damaged(name: string, replace: Record<string, string | null>, stored: string[] = []): Promise<string> {
    const file = join(dir, name);
    const z = new yazl.ZipFile();
    for (const p of parts) {
      if (p.name.endsWith('/')) continue;
      const r = replace[p.name];
      if (r === null) continue;
      z.addBuffer(r === undefined ? p.data : Buffer.from(r), p.name, { compress: !stored.includes(p.name) });
    }
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
    writeFileSync(file, Buffer.concat(chunks));
    return file;
  }
  const half = (s: string) => s.slice(0, Math.floor(s.length / 2));

  it('the good workbook reads whole: 15 products', async () => {
    const [sheet] = await readXlsx(good);
    expect(sheet!.rows).toHaveLength(16);
    expect(sheet!.rows[0]!.cells).toEqual(HEADERS);
    expect(sheet!.rows[15]!.cells[1]).toBe('测试商品15号 户外双肩包');
  });

  it('a sheet cut in half → InputError naming the file, sheet and part', async () => {
    const file = await damaged('sheet-cut.xlsx', {
      'xl/worksheets/sheet1.xml': half(text('xl/worksheets/sheet1.xml')),
    });
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file, sheet: '商品列表' });
    expect(e.problem).toBe(
      'the workbook is damaged: xl/worksheets/sheet1.xml ends in the middle of its XML, before </worksheet> ' +
        '(the part was cut short when the file was written); export it again',
    );
    expect(e.message).toContain(`${file} [商品列表]: the workbook is damaged: xl/worksheets/sheet1.xml`);
  });

  it('a sheet cut right after a row (no element left open) is still cut', async () => {
    const xml = text('xl/worksheets/sheet1.xml');
    const cut = xml.slice(0, xml.indexOf('<row r="9"'));
    const file = await damaged('sheet-cut-at-row.xlsx', { 'xl/worksheets/sheet1.xml': cut });
    const e = await inputError(readXlsx(file));
    expect(e.problem).toMatch(
      /^the workbook is damaged: xl\/worksheets\/sheet1\.xml ends in the middle of its XML, before <\/worksheet>/,
    );
  });

  it('the rows before the cut are handed out, then the error comes (the consumer cannot mistake it for the end)', async () => {
    const file = await damaged('sheet-cut-rows.xlsx', {
      'xl/worksheets/sheet1.xml': half(text('xl/worksheets/sheet1.xml')),
    });
    const src = await openRawSource(file);
    const seen: number[] = [];
    const e = await inputError(
      (async () => {
        for await (const s of src.sheets) for await (const r of s.rows) seen.push(r.rowNumber);
      })(),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(16);
    expect(e.problem).toMatch(/xl\/worksheets\/sheet1\.xml ends in the middle/);
  });

  it('XML broken within a sheet (a mismatched tag) → "not well-formed XML" with the part, line and column', async () => {
    const xml = text('xl/worksheets/sheet1.xml').replace('</row>', '</rwo>');
    const file = await damaged('sheet-mismatched.xlsx', { 'xl/worksheets/sheet1.xml': xml });
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file, sheet: '商品列表' });
    expect(e.problem).toMatch(
      /^the workbook is damaged: xl\/worksheets\/sheet1\.xml is not well-formed XML \(line \d+, column \d+: .+\); export it again$/,
    );
  });

  it('shared strings cut in half → InputError naming xl/sharedStrings.xml', async () => {
    const file = await damaged('strings-cut.xlsx', { 'xl/sharedStrings.xml': half(text('xl/sharedStrings.xml')) });
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file });
    expect(e.problem).toBe(
      'the workbook is damaged: xl/sharedStrings.xml ends in the middle of its XML, before </sst> ' +
        '(the part was cut short when the file was written); export it again',
    );
  });

  it('shared strings with fewer items than the sheet refers to → InputError naming the sheet, the cell and both parts', async () => {
    const sst = text('xl/sharedStrings.xml');
    const items = [...sst.matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
    expect(items.length).toBeGreaterThan(20);
    const keep = 12;
    const cut = sst.replace(items.join(''), items.slice(0, keep).join(''));
    expect(cut).toMatch(/<\/sst>\s*$/); // well-formed: only the items are missing
    // The first cell, in document order, whose string is gone.
    const sheetXml = text('xl/worksheets/sheet1.xml');
    const refs = [...sheetXml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*\bt="s"[^>]*><v>(\d+)<\/v>/g)];
    const first = refs.find((m) => Number(m[3]) >= keep)!;
    const [, col, row, index] = first;
    const file = await damaged('strings-short.xlsx', { 'xl/sharedStrings.xml': cut });
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file, sheet: '商品列表', row: Number(row), column: col });
    expect(e.problem).toBe(
      `the workbook is damaged: cell ${col}${row} in xl/worksheets/sheet1.xml refers to shared string ${index}, ` +
        `but xl/sharedStrings.xml holds only ${keep} (numbered from 0) (the file was not written completely); export it again`,
    );
  });

  it('shared-string cells in a workbook without a shared strings part → InputError, not empty cells', async () => {
    const rels = text('xl/_rels/workbook.xml.rels').replace(/<Relationship\b[^>]*sharedStrings[^>]*\/>/, '');
    const file = await damaged('strings-gone.xlsx', {
      'xl/sharedStrings.xml': null,
      'xl/_rels/workbook.xml.rels': rels,
    });
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file, sheet: '商品列表', row: 1, column: 'A' });
    expect(e.problem).toMatch(
      /^the workbook is damaged: cell A1 in xl\/worksheets\/sheet1\.xml refers to shared string 0, but the workbook has no shared strings part/,
    );
  });

  it('styles cut in half → InputError naming xl/styles.xml', async () => {
    const file = await damaged('styles-cut.xlsx', { 'xl/styles.xml': half(text('xl/styles.xml')) });
    const e = await inputError(readXlsx(file));
    expect(e.problem).toMatch(
      /^the workbook is damaged: xl\/styles\.xml ends in the middle of its XML, before <\/styleSheet>/,
    );
  });

  it('a byte changed in a stored (not deflated) sheet → fails its CRC-32 check, though the XML still parses', async () => {
    const plain = await damaged('stored.xlsx', {}, ['xl/worksheets/sheet1.xml']);
    expect((await readXlsx(plain))[0]!.rows).toHaveLength(16); // stored and intact: reads whole
    const zip = await yauzl.openPromise(plain, { lazyEntries: true });
    let start = -1;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'xl/worksheets/sheet1.xml') continue;
      expect(entry.compressionMethod).toBe(0);
      start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
    }
    zip.close();
    const bytes = Buffer.from(readFileSync(plain));
    // A digit of a number: 1037 exposures become 1137, and the XML is as good as before.
    const at = bytes.indexOf('<v>1037</v>', start);
    expect(at).toBeGreaterThan(start);
    bytes[at + 4] = '1'.charCodeAt(0);
    const file = join(dir, 'stored-flipped.xlsx');
    writeFileSync(file, bytes);
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file, sheet: '商品列表' });
    expect(e.problem).toBe(
      'the workbook is damaged: xl/worksheets/sheet1.xml fails its CRC-32 check (the file was cut or changed after it was written); export it again',
    );
  });

  it('a byte changed in stored shared strings → fails its CRC-32 check', async () => {
    const plain = await damaged('stored-strings.xlsx', {}, ['xl/sharedStrings.xml']);
    const bytes = Buffer.from(readFileSync(plain));
    const at = bytes.indexOf(Buffer.from('测试商品7号'));
    expect(at).toBeGreaterThan(0);
    bytes[at + bytes.subarray(at).indexOf('7')] = '8'.charCodeAt(0); // 测试商品8号, twice
    const file = join(dir, 'stored-strings-flipped.xlsx');
    writeFileSync(file, bytes);
    const e = await inputError(readXlsx(file));
    expect(e.location).toEqual({ file });
    expect(e.problem).toMatch(/^the workbook is damaged: xl\/sharedStrings\.xml fails its CRC-32 check/);
  });

  it('a sheet left half-read by its consumer is not reported (its rest is never used)', async () => {
    const file = await damaged('sheet-cut-unread.xlsx', {
      'xl/worksheets/sheet1.xml': half(text('xl/worksheets/sheet1.xml')),
    });
    const src = await openRawSource(file);
    const seen: number[] = [];
    for await (const s of src.sheets) {
      for await (const r of s.rows) {
        seen.push(r.rowNumber);
        if (r.rowNumber === 1) break;
      }
    }
    expect(seen).toEqual([1]);
  });
});

describe('UTF-8 across inflate chunks', () => {
  it('Chinese text straddling a 16 KB chunk boundary is read whole (no U+FFFD)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    const rows: string[][] = [];
    for (let i = 1; i <= 3000; i++) rows.push([`商品名称第${i}号测试中文字符串`, `备注内容${i * 7919}中文`]);
    for (const r of rows) ws.addRow(r);
    const file = join(dir, 'utf8-chunks.xlsx');
    await wb.xlsx.writeFile(file);
    const [sheet] = await readXlsx(file);
    expect(sheet!.rows.map((r) => r.cells)).toEqual(rows);
  });

  it('utf8Boundary keeps a character whole', () => {
    const b = Buffer.from('a中b文', 'utf8'); // a, e4 b8 ad, b, e6 96 87
    expect(utf8Boundary(b)).toBe(b.length);
    expect(utf8Boundary(b.subarray(0, 7))).toBe(5); // 文 cut after 2 of its 3 bytes
    expect(utf8Boundary(b.subarray(0, 6))).toBe(5);
    expect(utf8Boundary(b.subarray(0, 3))).toBe(1);
    expect(utf8Boundary(b.subarray(0, 4))).toBe(4);
    expect(utf8Boundary(Buffer.from('😀', 'utf8').subarray(0, 3))).toBe(0);
    expect(utf8Boundary(Buffer.alloc(0))).toBe(0);
  });
});
