import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';

import { InputError } from '../../src/errors.js';
import { openRawSource } from '../../src/io/read/raw.js';
import { DEFAULT_ZIP_LIMITS, guardXlsx, parseRels, parseSheets } from '../../src/io/read/zip-guard.js';
import { inputError } from './expect-error.js';
import { crc32, tableCrc32 } from '../../src/io/read/zip-part.js';

let dir: string;
let small: string;
let bomb: string;
const BOMB_BYTES = 300 * 1024 * 1024;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-zip-guard-'));
  small = join(dir, 'small.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('基本信息').addRow(['达人昵称', 1]);
  wb.addWorksheet('A & B <测试>', { state: 'veryHidden' }).addRow(['x']);
  wb.addWorksheet('商品分析-商品明细').addRow(['商品ID']);
  await wb.xlsx.writeFile(small);

  // A real workbook whose xl/sharedStrings.xml inflates to 300 MB of one repeated character,
  // deflated as a stream (never held in memory): a few hundred KB on disk.
  bomb = join(dir, 'bomb.xlsx');
  const z = new yazl.ZipFile();
  for (const e of await unzipAll(small)) {
    if (e.name !== 'xl/sharedStrings.xml' && !e.name.endsWith('/')) z.addBuffer(e.data, e.name);
  }
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  let left = BOMB_BYTES / chunk.length;
  const huge = new Readable({
    read() {
      this.push(left-- > 0 ? chunk : null);
    },
  });
  z.addReadStream(huge, 'xl/sharedStrings.xml', { compressionLevel: 9 });
  z.end();
  const parts: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) parts.push(c);
  writeFileSync(bomb, Buffer.concat(parts));
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

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

describe('zip guard', () => {
  it('lists the sheets in workbook order with real names, parts and visibility', async () => {
    const wb = await guardXlsx(small);
    expect(wb.sheets).toEqual([
      { name: '基本信息', index: 0, part: 'xl/worksheets/sheet1.xml', kind: 'worksheet', hidden: false },
      { name: 'A & B <测试>', index: 1, part: 'xl/worksheets/sheet2.xml', kind: 'worksheet', hidden: true },
      { name: '商品分析-商品明细', index: 2, part: 'xl/worksheets/sheet3.xml', kind: 'worksheet', hidden: false },
    ]);
    expect(wb.byPart.get('xl/worksheets/sheet3.xml')?.name).toBe('商品分析-商品明细');
    expect(wb.date1904).toBe(false);
    expect(wb.totalUncompressed).toBeGreaterThan(0);
  });

  it('refuses a highly compressible entry quickly, without inflating it', async () => {
    expect(statSync(bomb).size).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    const e = await inputError(openRawSource(bomb));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(e.location).toEqual({ file: bomb });
    expect(e.problem).toMatch(
      /^refusing to read: xl\/sharedStrings\.xml would inflate \d+ times, to 300 MB from \d+ KB \(limit 200 times\) — is this a real export\?$/,
    );
  });

  it('refuses a workbook whose total inflated size is over the limit', async () => {
    const e = await inputError(guardXlsx(bomb, { maxEntryRatio: 1e9, maxTotalUncompressed: 256 * 1024 * 1024 }));
    expect(e.problem).toBe(
      'refusing to read: the workbook would inflate to 300 MB (limit 256 MB) — is this a real export?',
    );
    // Within limits when they are raised.
    const ok = await guardXlsx(bomb, { maxEntryRatio: 1e9, maxTotalUncompressed: 1024 * 1024 * 1024 });
    expect(ok.sheets.map((s) => s.name)).toEqual(['基本信息', 'A & B <测试>', '商品分析-商品明细']);
  });

  it('passes limits through openRawSource', async () => {
    const e = await inputError(openRawSource(small, { zipLimits: { maxTotalUncompressed: 1000 } }));
    expect(e.problem).toMatch(/^refusing to read: the workbook would inflate to [\d.]+ MB \(limit 0 MB\)/);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_ZIP_LIMITS).toMatchObject({
      maxTotalUncompressed: 512 * 1024 * 1024,
      maxEntryRatio: 200,
      ratioMinEntryBytes: 1024 * 1024,
    });
  });

  it('a truncated zip → InputError', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(small);
    const file = join(dir, 'cut.xlsx');
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const e = await inputError(guardXlsx(file));
    expect(e.problem).toMatch(/^not a valid \.xlsx file \(the zip is damaged or truncated\): .+/);
  });

  it('a zip without xl/workbook.xml → not an .xlsx workbook; xlsb and ods get their own message', async () => {
    const make = async (name: string, files: string[]) => {
      const z = new yazl.ZipFile();
      for (const f of files) z.addBuffer(Buffer.from('x'), f);
      z.end();
      const parts: Buffer[] = [];
      for await (const c of z.outputStream as AsyncIterable<Buffer>) parts.push(c);
      const p = join(dir, name);
      writeFileSync(p, Buffer.concat(parts));
      return p;
    };
    expect((await inputError(guardXlsx(await make('a.xlsx', ['word/document.xml'])))).problem).toMatch(
      /^not an \.xlsx workbook/,
    );
    expect((await inputError(guardXlsx(await make('b.xlsx', ['xl/workbook.bin'])))).problem).toMatch(/\.xlsb/);
    expect((await inputError(guardXlsx(await make('c.xlsx', ['mimetype', 'content.xml'])))).problem).toMatch(/\.ods/);
  });
});

describe('workbook.xml parsing', () => {
  it('reads sheet tags with prefixes, entities and any attribute order', () => {
    const xml =
      '<x:workbook xmlns:x="main" xmlns:rel="r"><x:workbookPr date1904="1"/><x:sheets>' +
      '<x:sheet rel:id="rId2" name="流量分析&amp;渠道" sheetId="7"/>' +
      '<x:sheet name=\'&#x4E2D;&#25991;\' state="hidden" sheetId="1" rel:id="rId1"></x:sheet>' +
      '</x:sheets><x:definedNames><x:definedName name="sheet">x</x:definedName></x:definedNames></x:workbook>';
    expect(parseSheets(xml)).toEqual([
      { name: '流量分析&渠道', rid: 'rId2', hidden: false },
      { name: '中文', rid: 'rId1', hidden: true },
    ]);
  });

  it('resolves relative and absolute targets and skips external ones', () => {
    const rels = parseRels(
      '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Target="/xl/worksheets/sheet9.xml" Id="rId2" Type="http://x/worksheet"/>' +
        '<Relationship Id="rId3" Type="http://x/hyperlink" Target="https://e.com" TargetMode="External"/></Relationships>',
    );
    expect([...rels.entries()]).toEqual([
      ['rId1', { type: 'http://x/worksheet', part: 'xl/worksheets/sheet1.xml' }],
      ['rId2', { type: 'http://x/worksheet', part: 'xl/worksheets/sheet9.xml' }],
    ]);
  });
});

describe('CRC-32 of the parts the guard reads', () => {
  it('a byte changed in a stored xl/workbook.xml → InputError naming the part', async () => {
    const z = new yazl.ZipFile();
    for (const e of await unzipAll(small)) {
      if (!e.name.endsWith('/')) z.addBuffer(e.data, e.name, { compress: e.name !== 'xl/workbook.xml' });
    }
    z.end();
    const parts: Buffer[] = [];
    for await (const c of z.outputStream as AsyncIterable<Buffer>) parts.push(c);
    const bytes = Buffer.concat(parts);
    const stored = join(dir, 'stored-workbook.xlsx');
    writeFileSync(stored, bytes);
    expect((await guardXlsx(stored)).sheets).toHaveLength(3);
    // sheetId="1" → sheetId="2": the XML is still good, the bytes are not the ones written.
    const at = bytes.indexOf('sheetId="1"');
    expect(at).toBeGreaterThan(0);
    bytes[at + 'sheetId="'.length] = '2'.charCodeAt(0);
    const file = join(dir, 'flipped-workbook.xlsx');
    writeFileSync(file, bytes);
    const e = await inputError(guardXlsx(file));
    expect(e.location).toEqual({ file });
    expect(e.problem).toBe(
      'the workbook is damaged: xl/workbook.xml fails its CRC-32 check (the file was cut or changed after it was written); export it again',
    );
  });

  it('the CRC-32 used before Node 20.15 (no zlib.crc32) gives the same values, chunk by chunk too', () => {
    const table = tableCrc32();
    const data = Buffer.from('<worksheet>商品ID,商品名称</worksheet>'.repeat(50), 'utf8');
    expect(table(Buffer.from('123456789'))).toBe(0xcbf43926); // the CRC-32 check value
    expect(table(data)).toBe(crc32(data));
    expect(table(data.subarray(100), table(data.subarray(0, 100)))).toBe(crc32(data));
    expect(table(Buffer.alloc(0))).toBe(0);
  });
});
