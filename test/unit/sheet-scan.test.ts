/**
 * The byte-level sheet scanner (src/io/read/sheet-scan.ts) replaced exceljs's WorksheetReader.
 * Every workbook here is read both ways, through openXlsxSource with `sheetReader: 'scan'` and
 * with `'exceljs'` (the old path, kept for this test), and must give the same sheets, the same
 * rows (rowNumber, every cell, Dates by their time) or the same InputError message: every .xlsx
 * under fixtures/, workbooks exceljs writes with the cell kinds users' exports hold, and sheets
 * written by hand with what exceljs never writes (inline strings, entities, CDATA, CRLF, shared
 * formulas, row styles, t="d" …). Then the scanner alone: the same rows whatever the chunking,
 * and what it reads where exceljs's reader failed (cells and rows without `r`).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError } from '../../src/errors.js';
import { scanSheet, type SheetScanContext } from '../../src/io/read/sheet-scan.js';
import type { RawRow } from '../../src/io/read/source.js';
import { openXlsxSource, type SheetReader } from '../../src/io/read/xlsx.js';
import { unzipAll, zipTo, type Part } from '../helpers/zip-parts.js';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-sheet-scan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = string | number | boolean | { date: number } | null;
type Read =
  | { sheets: { name: string; index: number; rows: { rowNumber: number; cells: Cell[] }[] }[] }
  | { error: string; rowsBefore: number };

const plain = (r: RawRow) => ({
  rowNumber: r.rowNumber,
  cells: r.cells.map((c): Cell => (c instanceof Date ? { date: c.getTime() } : c)),
});

async function read(file: string, reader: SheetReader): Promise<Read> {
  const sheets: { name: string; index: number; rows: ReturnType<typeof plain>[] }[] = [];
  let rows = 0;
  try {
    const src = await openXlsxSource(file, undefined, reader);
    for await (const s of src.sheets) {
      const sheet = { name: s.name, index: s.index, rows: [] as ReturnType<typeof plain>[] };
      sheets.push(sheet);
      for await (const r of s.rows) {
        sheet.rows.push(plain(r));
        rows++;
      }
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { error: e.message, rowsBefore: rows };
  }
  return { sheets };
}

const tally = { workbooks: 0, sheets: 0, rows: 0, cells: 0, errors: 0 };

/** Reads `file` both ways and expects the same; returns the scanner's reading. */
async function same(file: string): Promise<Read> {
  const [scanned, old] = await Promise.all([read(file, 'scan'), read(file, 'exceljs')]);
  if ('error' in old) {
    expect(scanned).toMatchObject({ error: old.error });
    tally.errors++;
  } else {
    expect(scanned).toEqual(old);
    for (const s of old.sheets) {
      tally.sheets++;
      tally.rows += s.rows.length;
      for (const r of s.rows) tally.cells += r.cells.length;
    }
  }
  tally.workbooks++;
  return scanned;
}

function xlsxUnder(d: string): string[] {
  return readdirSync(d, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('every fixture workbook reads the same through the scanner and exceljs', () => {
  const files = xlsxUnder(join(ROOT, 'fixtures'));
  it('finds the fixtures (47 when this was written)', () => {
    expect(files.length).toBeGreaterThanOrEqual(47);
  });
  it.each(files.map((f) => [relative(ROOT, f), f]))('%s', async (_name, file) => {
    await same(file);
  });
});

const DAY = new Date(Date.UTC(2026, 10, 18, 20, 5, 9));

/** A workbook with every kind of cell exceljs writes, in several number formats. */
async function writeKinds(file: string, date1904: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('明细');
  ws.addRow(['商品ID', '商品名称', '日期', '时间', '金额', '备注', '布尔', '公式']);
  const formats = [
    'yyyy-mm-dd',
    'yyyy/m/d h:mm',
    'h:mm:ss',
    '[$-409]mmm d, yyyy',
    'm/d/yy',
    'mm:ss.0',
    '"年"0',
    '0.00%',
  ];
  formats.forEach((numFmt, i) => {
    const row = ws.addRow([
      `37000${i}`,
      `测试商品 ${i} 号 <a & "b"> 'c'`,
      new Date(DAY.getTime() + i * 86_400_123),
      45000.25 + i,
      1234.5 * (i - 3),
      i % 2 ? { richText: [{ text: '富' }, { font: { bold: true }, text: '文本 ' }] } : `  空格${i}  `,
      i % 3 === 0,
      i % 4 === 0
        ? { formula: `C${i + 2}+1`, result: new Date(DAY.getTime() + i * 3_600_000) }
        : i % 4 === 1
          ? { formula: 'B2&"x"', result: '公式文本' }
          : i % 4 === 2
            ? { formula: 'E2*0', result: 0 }
            : { formula: '1/0', result: { error: '#DIV/0!' } },
    ]);
    row.getCell(3).numFmt = numFmt;
    row.getCell(4).numFmt = numFmt;
    row.getCell(8).numFmt = numFmt;
  });
  ws.addRow([]);
  ws.addRow([null, null, null]);
  ws.getCell('B13').value = { text: '链接 & 文本', hyperlink: 'https://example.com/?a=1&b=2' };
  ws.getCell('C13').value = { error: '#N/A' };
  ws.getCell('J13').value = '   ';
  ws.getCell('A14').value = '中文 \u{1F600} 表情 ✓';
  ws.getCell('B14').value = 'line1\nline2\r\nline3';
  ws.getCell('C14').value = -0.000001234;
  ws.getCell('D14').value = 1e21;
  const other = wb.addWorksheet('第二页');
  for (let i = 1; i <= 300; i++) other.addRow([i, `商品${i}`, { formula: `A${i}*2`, result: i * 2 }]);
  wb.addWorksheet('空白');
  await wb.xlsx.writeFile(file);
}

describe('workbooks exceljs writes read the same both ways', () => {
  it('every kind of cell, dates in several formats, formulas, rich text, hyperlinks, errors', async () => {
    const file = join(dir, 'kinds.xlsx');
    await writeKinds(file, false);
    const r = await same(file);
    expect('sheets' in r && r.sheets[0]!.rows.length).toBeGreaterThan(9);
  });

  it('the 1904 date system', async () => {
    const file = join(dir, 'kinds-1904.xlsx');
    await writeKinds(file, true);
    const r = await same(file);
    expect('sheets' in r && r.sheets[0]!.rows[1]!.cells[2]).toEqual({ date: expect.any(Number) });
  });

  it('a cell longer than Excel allows → the same InputError', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('长');
    ws.addRow(['a', 'b']);
    ws.addRow(['x', 'y'.repeat(32_768)]);
    const file = join(dir, 'long.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await same(file);
    expect(r).toMatchObject({ error: expect.stringMatching(/\[长\]:2: column B: the cell holds 32768 characters/) });
  });
});

/** A workbook whose first sheet is `sheetData` (and styles/strings, when given) written by hand. */
async function handWritten(
  name: string,
  sheetData: string,
  opts: { strings?: string[]; numFmts?: string; xfs?: string; before?: string } = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('手写');
  wb.getWorksheet('手写')!.getCell('A1').value = 'placeholder';
  const base = join(dir, `base-${name}.xlsx`);
  await wb.xlsx.writeFile(base);
  const parts = await unzipAll(base);
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opts.before ?? ''}<sheetData>${sheetData}</sheetData></worksheet>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy/m/d h:mm"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId="166" formatCode="[Red]0.00;[Blue]-0.00"/>${opts.numFmts ?? ''}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="47" fontId="0" fillId="0" borderId="0" xfId="0"/>${opts.xfs ?? ''}</cellXfs></styleSheet>`;
  const strings = opts.strings ?? [
    '零',
    '一 &amp; 二',
    '<r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本</t></r>',
    '',
  ];
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => (s.startsWith('<r>') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join('')}</sst>`;
  const out = parts.filter((p) => p.name !== 'xl/sharedStrings.xml');
  for (const p of out) {
    if (p.name === 'xl/worksheets/sheet1.xml') p.data = Buffer.from(sheet);
    if (p.name === 'xl/styles.xml') p.data = Buffer.from(styles);
  }
  out.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(sst) });
  // exceljs's workbook lists no shared strings part when it wrote none: add it to the rels and types.
  for (const p of out) {
    if (p.name === 'xl/_rels/workbook.xml.rels' && !p.data.includes('sharedStrings')) {
      p.data = Buffer.from(
        p.data
          .toString()
          .replace(
            '</Relationships>',
            '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
          ),
      );
    }
    if (p.name === '[Content_Types].xml' && !p.data.includes('sharedStrings')) {
      p.data = Buffer.from(
        p.data
          .toString()
          .replace(
            '</Types>',
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
          ),
      );
    }
  }
  const file = join(dir, `${name}.xlsx`);
  await zipTo(file, out);
  return file;
}

const HAND: Array<[name: string, sheetData: string]> = [
  [
    'shared strings, numbers and date styles',
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2" spans="1:8"><c r="A2" s="1"><v>46344</v></c><c r="B2" s="2"><v>46344.5034722222</v></c><c r="C2" s="3"><v>12.5</v></c><c r="D2" s="4"><v>-3</v></c><c r="E2" s="5"><v>46344.25</v></c><c r="F2" s="6"><v>7</v></c><c r="G2" s="7"><v>0.5</v></c><c r="H2" s="0"><v>1.5E+3</v></c></row>',
  ],
  [
    'inline strings, rich inline strings, entities, CRLF, CDATA and comments',
    '<row r="3"><c r="A3" t="inlineStr"><is><t>内联 &amp; &lt;文本&gt; &#x4E2D;&#20013; &quot;q&quot; &apos;a&apos;</t></is></c>' +
      '<c r="B3" t="inlineStr"><is><r><t>第一段</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 第二段 </t></r></is></c>' +
      '<c r="C3" t="inlineStr"><is><t>a\r\nb\rc&#13;d</t></is></c>' +
      '<c r="D3" t="inlineStr"><is><t>&amp;lt;double&amp;gt; &amp;amp;</t></is></c>' +
      '<c r="E3"><v>1<!-- a comment -->2</v></c><c r="F3" t="str"><v><![CDATA[cdata]]>after</v></c>' +
      '<c r="G3" t="inlineStr"><is><t>\u{1F600}</t></is>\n</c></row>',
  ],
  [
    'formulas: cached numbers, strings, a date, 0, errors, booleans, shared formulas',
    '<row r="4"><c r="A4" s="1"><f>TODAY()</f><v>46344</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab &amp;amp; c</v></c>' +
      '<c r="C4"><f>0*1</f><v>0</v></c><c r="D4"><f t="shared" ref="D4:D6" si="0">A4*0</f><v>0</v></c>' +
      '<c r="E4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F4" t="b"><f>TRUE()</f><v>1</v></c><c r="G4"><f>1+1</f></c></row>' +
      '<row r="5"><c r="D5"><f t="shared" si="0"/><v>0</v></c><c r="E5"><f t="shared" si="0"/>\n<v>0</v></c><c r="F5" s="2"><f t="shared" si="0"/><v>46344.75</v></c><c r="G5" t="str"><f t="shared" si="0"/><v></v></c></row>',
  ],
  [
    'booleans, errors, t="d", empty and self-closing cells, odd values',
    '<row r="6"><c r="A6" t="b"><v>0</v></c><c r="B6" t="b"><v>1</v></c><c r="C6" t="b"><v></v></c><c r="D6" t="e"><v>#N/A</v></c>' +
      '<c r="E6" t="d"><v>2026-11-18T10:00:00</v></c><c r="F6" t="d" s="1"><v>2026-11-18</v></c><c r="G6" s="1"/><c r="H6"><v></v></c>' +
      '<c r="I6"><v> 12 </v></c><c r="J6"><v>abc</v></c><c r="K6" t="x"><v>5</v></c><c r="L6" s="9"><v>3</v></c><c r="M6" s="1"/></row>' +
      '<row r="7"/><row r="8"><c r="A8" s="2"/></row><row r="9"><c r="A9" t="inlineStr"><is><t>   </t></is></c><c r="C9" t="s"><v>3</v></c></row>',
  ],
  [
    'row styles, repeated references, $-references, unsorted cells, gaps',
    '<row r="10" s="1" customFormat="1"><c r="A10"><v>46000</v></c><c r="B10" s="0"><v>46001</v></c><c r="C10" s="3"><v>46002</v></c></row>' +
      '<row r="11"><c r="A11" s="1"/><c r="A11"><v>46000</v></c><c r="B11"><v>1</v></c><c r="B11"><v>2</v></c><c r="$D$11"><v>4</v></c><c r="C11"><v>3</v></c></row>' +
      '<row r="13"><c r="XFD13"><v>1</v></c></row><row r="14"><c r="Z14" s="1"><f>X</f><v>46000</v></c></row>' +
      '<row r="20" ht="15"><c r="A20" t="s"><v>1</v></c></row>',
  ],
  [
    'whitespace and attributes written every way',
    '\n  <row\tr = \'21\' >\n    <c  r="A21"  t = "s" ><v> 1 </v></c>\r\n    <c r="B21"\n t="inlineStr"><is><t xml:space="preserve">  x  </t></is></c>\n  </row>\n',
  ],
  [
    'a shared string past the table → the same InputError',
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="s"><v>4</v></c></row>',
  ],
  ['a negative shared-string index', '<row r="1"><c r="A1" t="s"><v>-1</v></c></row>'],
  ['a shared-string index that is not a number', '<row r="1"><c r="A1" t="s"><v>x</v></c></row>'],
];

describe('sheets written by hand read the same both ways', () => {
  it.each(HAND.map(([name, xml], i) => [name, xml, i] as const))('%s', async (_name, xml, i) => {
    const file = await handWritten(`hand${i}`, xml);
    await same(file);
  });

  it('the hand-written rows hold what they should (spot checks against the rules)', async () => {
    const file = await handWritten(
      'spot',
      HAND.map(([, x]) => x)
        .slice(0, 6)
        .join(''),
    );
    const r = await same(file);
    if (!('sheets' in r)) throw new Error(r.error);
    const rows = new Map(r.sheets[0]!.rows.map((row) => [row.rowNumber, row.cells]));
    expect(rows.get(1)).toEqual(['零', '一 & 二', '富 文本']); // an empty <si> is exceljs's null: no cell
    expect(rows.get(2)![1]).toEqual({ date: Date.UTC(2026, 10, 18, 12, 5) });
    expect(rows.get(3)!.slice(0, 6)).toEqual([
      '内联 & <文本> 中中 "q" \'a\'',
      '第二段',
      'a\nb\nc\rd',
      '<double> &',
      12,
      'after',
    ]);
    expect(rows.get(4)).toEqual([{ date: Date.UTC(2026, 10, 18) }, 'ab & c', null, null, null, 1, null]);
    expect(rows.get(6)!.slice(0, 6)).toEqual([false, true, true, null, 2026, { date: Date.UTC(1905, 6, 18) }]);
    expect(rows.has(7)).toBe(false);
    // A11 came twice: its date style from the first (value-less) one stays, as in exceljs.
    expect(rows.get(11)).toEqual([{ date: Date.UTC(2025, 11, 9) }, 2, 3, 4]);
  });
});

describe('XML that is not well-formed: both ways an InputError naming the part, line and column', () => {
  const BROKEN: Array<[name: string, sheetData: string]> = [
    ['a mismatched tag', '<row r="1"><c r="A1"><v>1</v></c></rwo>'],
    ['an undefined entity', '<row r="1"><c r="A1" t="inlineStr"><is><t>a&nbsp;b</t></is></c></row>'],
    ['a < in an attribute', '<row r="1"><c r="A<1"><v>1</v></c></row>'],
    ['an unquoted attribute', '<row r=1><c r="A1"><v>1</v></c></row>'],
    ['a control character', '<row r="1"><c r="A1" t="inlineStr"><is><t>a\u0001b</t></is></c></row>'],
    ['a bad character reference', '<row r="1"><c r="A1" t="inlineStr"><is><t>&#0;</t></is></c></row>'],
    ['"]]>" in text', '<row r="1"><c r="A1" t="inlineStr"><is><t>a]]>b</t></is></c></row>'],
  ];
  it.each(BROKEN)('%s', async (name, xml) => {
    const file = await handWritten(`broken-${name.replace(/\W+/g, '-')}`, xml);
    const [scanned, old] = await Promise.all([read(file, 'scan'), read(file, 'exceljs')]);
    const pattern =
      /\[手写\]: the workbook is damaged: xl\/worksheets\/sheet1\.xml is not well-formed XML \(line (\d+), column \d+: .+\); export it again$/;
    expect(old).toMatchObject({ error: expect.stringMatching(pattern) });
    expect(scanned).toMatchObject({ error: expect.stringMatching(pattern) });
    const line = (r: Read) => ('error' in r ? pattern.exec(r.error)![1] : '');
    expect(line(scanned)).toBe(line(old));
  });
});

describe('the scanner alone', () => {
  const styles = { getStyleModel: (id: number) => (id === 1 ? { numFmt: 'yyyy-mm-dd' } : id === 0 ? {} : null) };
  const ctx: SheetScanContext = {
    file: 'f.xlsx',
    sheet: 's',
    date1904: false,
    sharedStrings: ['零', { richText: [{ text: '富' }, { text: '文' }] }],
    styles,
    missingString: (index, row, col) => new InputError({ file: 'f.xlsx' }, `missing ${index} at ${row}:${col}`),
  };
  const XML = Buffer.from(
    `\u{FEFF}<?xml version="1.0"?>\n<worksheet><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>中文 &amp; &#x1F600; ✓</t></is></c><c r="C1" s="1"><v>46344</v></c></row>` +
      `<!-- ]]> --><row r="2" s="1"><c r="A2"><v>12.75</v></c><c r="B2" t="str"><f>x</f><v>&lt;b&gt;</v></c><c r="D2" t="b"><v>1</v></c></row>` +
      `</sheetData></worksheet>\n`,
  );
  async function scan(chunks: Buffer[]): Promise<ReturnType<typeof plain>[]> {
    async function* feed() {
      yield* chunks;
    }
    const out: ReturnType<typeof plain>[] = [];
    for await (const batch of scanSheet(feed(), ctx)) out.push(...batch.map(plain));
    return out;
  }

  it('gives the same rows whatever the chunking: split at every byte, and one byte a chunk', async () => {
    const whole = await scan([XML]);
    expect(whole).toEqual([
      { rowNumber: 1, cells: ['富文', '中文 & \u{1F600} ✓', { date: Date.UTC(2026, 10, 18) }] },
      { rowNumber: 2, cells: [{ date: Date.UTC(1900, 0, 11, 18) }, '<b>', null, true] },
    ]);
    for (let i = 1; i < XML.length; i++) expect(await scan([XML.subarray(0, i), XML.subarray(i)])).toEqual(whole);
    expect(await scan([...XML].map((b) => Buffer.from([b])))).toEqual(whole);
  });

  it("cells and rows without r follow the previous ones (exceljs's streaming reader threw)", async () => {
    const xml =
      '<worksheet><sheetData><row><c><v>1</v></c><c t="b"><v>1</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="4"><c><v>7</v></c></row><row><c r="B"><v>8</v></c></row></sheetData></worksheet>';
    expect(await scan([Buffer.from(xml)])).toEqual([
      { rowNumber: 1, cells: [1, true, null, null, 5, 6] },
      { rowNumber: 4, cells: [7] },
      { rowNumber: 5, cells: [null, 8] },
    ]);
    const file = await handWritten('no-r', '<row><c><v>1</v></c></row>');
    expect(await read(file, 'exceljs')).toMatchObject({ error: expect.stringMatching(/could not be read/) });
    expect(await read(file, 'scan')).toEqual({
      sheets: [{ name: '手写', index: 0, rows: [{ rowNumber: 1, cells: [1] }] }],
    });
  });

  it('a cell reference without column letters is an InputError naming the part, both ways', async () => {
    const file = await handWritten('bad-ref', '<row r="1"><c r="a1"><v>1</v></c></row>');
    const pattern =
      /\[手写\]: the workbook is damaged: xl\/worksheets\/sheet1\.xml could not be read: .+; export it again$/;
    expect(await read(file, 'exceljs')).toMatchObject({ error: expect.stringMatching(pattern) });
    expect(await read(file, 'scan')).toMatchObject({
      error: expect.stringMatching(/could not be read: cell reference "a1" has no column letters \(row 1\); export/),
    });
  });

  it('a part that ends inside its markup, or leaves an element open, is not well-formed', async () => {
    await expect(scan([Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"')])).rejects.toThrow(
      /^1:\d+: unexpected end\.$/,
    );
    await expect(scan([Buffer.from('<worksheet><sheetData>')])).rejects.toThrow(/^1:\d+: unclosed tag: sheetData$/);
    await expect(scan([Buffer.from('<worksheet/>\n<worksheet/>')])).rejects.toThrow(
      /^2:1: documents may contain only one root\.$/,
    );
  });

  it('reports how much it compared', () => {
    // eslint-disable-next-line no-console
    console.log(`sheet-scan equivalence: ${JSON.stringify(tally)}`);
    expect(tally.workbooks).toBeGreaterThanOrEqual(60);
  });
});
