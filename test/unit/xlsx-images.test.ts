/**
 * Charts go into workbooks our streaming writer already wrote: each image lands on its sheet at
 * its cell with its size, exceljs reads it back there, and every other part is left as it was.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addImagesToXlsx, cellPosition, type XlsxImage } from '../../src/io/write/xlsx-images.js';
import { unzipAll, zipTo, type Part } from '../helpers/zip-parts.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-xlsx-images-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small PNG of one colour: no fonts needed. */
function png(color: string, width = 120, height = 80): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${color}"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}

const SUMMARY = '复盘 & "总览"';
const PRODUCTS = '商品';

/** A workbook as retro writes one: streamed, styled, with a merge, a hyperlink and a comment. */
async function streamedWorkbook(file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const summary = writer.addWorksheet(SUMMARY);
  summary.columns = [{ width: 20 }, { width: 14 }];
  summary.addRow(['GMV', 133433]).commit();
  const linked = summary.addRow(['说明', { text: '手册', hyperlink: 'https://example.com/playbook' }]);
  linked.getCell(1).note = '来自巨量百应';
  linked.commit();
  summary.mergeCells('A4:B4');
  summary.commit();
  const products = writer.addWorksheet(PRODUCTS);
  for (let i = 1; i <= 30; i++) products.addRow([`商品 ${i}`, i * 100]).commit();
  products.commit();
  const hidden = writer.addWorksheet('_liveops', { state: 'veryHidden' });
  hidden.addRow(['model']).commit();
  hidden.commit();
  await writer.commit();
}

const text = (parts: Part[], name: string) => parts.find((p) => p.name === name)?.data.toString('utf8') ?? '';

describe('cellPosition: a cell reference as a drawing anchor counts it (zero-based)', () => {
  it.each([
    ['A1', 0, 0],
    ['H5', 7, 4],
    ['Z9', 25, 8],
    ['AA10', 26, 9],
    ['$C$3', 2, 2],
    ['XFD1048576', 16383, 1048575],
  ])('%s → column %i, row %i', (cell, col, row) => {
    expect(cellPosition(cell)).toEqual({ col, row });
  });

  it.each(['', 'H', '5', 'H0', 'XFE1', 'A1048577', 'A1:B2', '1A'])('"%s" is refused', (cell) => {
    expect(() => cellPosition(cell)).toThrow(RangeError);
  });
});

describe('addImagesToXlsx on a workbook from the streaming writer', () => {
  const red = png('#c44e52');
  const blue = png('#4c72b0', 200, 100);
  const images: XlsxImage[] = [
    { sheetName: SUMMARY, cell: 'H5', png: red, widthPx: 600, heightPx: 400, description: '商品 GMV 排行' },
    { sheetName: PRODUCTS, cell: 'D2', png: blue, widthPx: 320, heightPx: 160 },
  ];
  let source: string;
  let out: string;
  beforeAll(async () => {
    source = join(dir, 'retro.xlsx');
    out = join(dir, 'retro-charts.xlsx');
    await streamedWorkbook(source);
    await addImagesToXlsx(source, out, images);
  });

  it('exceljs reads each image back on its sheet, at its cell, with its size and bytes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const at = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      return ws.getImages().map((img) => {
        // exceljs reads a one-cell anchor's size into range.ext (pixels), which its types leave out.
        const ext = (img.range as unknown as { ext?: { width: number; height: number } }).ext;
        return {
          col: img.range.tl.nativeCol,
          row: img.range.tl.nativeRow,
          width: ext?.width,
          height: ext?.height,
          bytes: Buffer.from(wb.getImage(Number(img.imageId)).buffer as unknown as Uint8Array),
        };
      });
    };
    const summary = at(SUMMARY);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ col: 7, row: 4, width: 600, height: 400 });
    expect(summary[0]!.bytes.equals(red)).toBe(true);
    const products = at(PRODUCTS);
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ col: 3, row: 1, width: 320, height: 160 });
    expect(products[0]!.bytes.equals(blue)).toBe(true);
    expect(wb.getWorksheet('_liveops')!.getImages()).toHaveLength(0);
    // The cells are untouched.
    expect(wb.getWorksheet(SUMMARY)!.getCell('B1').value).toBe(133433);
    expect(wb.getWorksheet(PRODUCTS)!.getCell('A30').value).toBe('商品 30');
  });

  it('adds the media, drawings, their relationships and content types, and copies every other part', async () => {
    const before = await unzipAll(source);
    const after = await unzipAll(out);
    const names = after.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['xl/media/image1.png', 'xl/media/image2.png']));
    expect(names).toEqual(expect.arrayContaining(['xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml']));
    expect(names).toEqual(
      expect.arrayContaining(['xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/_rels/drawing2.xml.rels']),
    );
    const changed = new Set([
      '[Content_Types].xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
    ]);
    for (const part of before) {
      const copy = after.find((p) => p.name === part.name);
      expect(copy, part.name).toBeDefined();
      if (!changed.has(part.name)) expect(copy!.data.equals(part.data), part.name).toBe(true);
    }

    const types = text(after, '[Content_Types].xml');
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(types).toContain('PartName="/xl/drawings/drawing2.xml"');

    // Sheet 1 already had relationships (its hyperlink, its comments): the drawing's is added to them.
    const rels1 = text(after, 'xl/worksheets/_rels/sheet1.xml.rels');
    const hyperlinkRels = text(before, 'xl/worksheets/_rels/sheet1.xml.rels').match(/<Relationship /g)!.length;
    expect(rels1.match(/<Relationship /g)).toHaveLength(hyperlinkRels + 1);
    const drawingRel = /<Relationship Id="(rId\d+)" Type="[^"]+\/drawing" Target="..\/drawings\/drawing1.xml"\/>/.exec(
      rels1,
    );
    expect(drawingRel).not.toBeNull();
    // Sheet 2 had none: they are new.
    expect(text(after, 'xl/worksheets/_rels/sheet2.xml.rels')).toMatch(
      /<Relationship Id="rId1" Type="[^"]+\/drawing" Target="..\/drawings\/drawing2.xml"\/>/,
    );

    expect(text(after, 'xl/drawings/_rels/drawing1.xml.rels')).toMatch(
      /Type="[^"]+\/image" Target="..\/media\/image1.png"/,
    );
    const drawing1 = text(after, 'xl/drawings/drawing1.xml');
    expect(drawing1).toContain('<xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>');
    expect(drawing1).toContain(`<xdr:ext cx="${600 * 9525}" cy="${400 * 9525}"/>`);
    expect(drawing1).toContain('descr="商品 GMV 排行"');
  });

  it('puts <drawing> where CT_Worksheet wants it: after the page setup, before <legacyDrawing>', async () => {
    const after = await unzipAll(out);
    const sheet1 = text(after, 'xl/worksheets/sheet1.xml');
    const rels1 = text(after, 'xl/worksheets/_rels/sheet1.xml.rels');
    const id = /Id="(rId\d+)" Type="[^"]+\/drawing"/.exec(rels1)![1];
    const drawing = sheet1.indexOf(`<drawing r:id="${id}"/>`);
    expect(drawing).toBeGreaterThan(sheet1.indexOf('</sheetData>'));
    expect(drawing).toBeGreaterThan(sheet1.indexOf('<pageSetup'));
    expect(drawing).toBeGreaterThan(sheet1.indexOf('</mergeCells>'));
    expect(sheet1.indexOf('<legacyDrawing')).toBeGreaterThan(drawing);
    const sheet2 = text(after, 'xl/worksheets/sheet2.xml');
    expect(sheet2).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
  });

  it('gives the same bytes for the same input', async () => {
    const again = join(dir, 'again.xlsx');
    await addImagesToXlsx(source, again, images);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('adds to the drawing a sheet already has', async () => {
    const twice = join(dir, 'twice.xlsx');
    const green = png('#55a868');
    await addImagesToXlsx(out, twice, [{ sheetName: SUMMARY, cell: 'H30', png: green, widthPx: 300, heightPx: 200 }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(twice);
    const placed = wb
      .getWorksheet(SUMMARY)!
      .getImages()
      .map((img) => [img.range.tl.nativeCol, img.range.tl.nativeRow]);
    expect(placed).toEqual([
      [7, 4],
      [7, 29],
    ]);
    const parts = await unzipAll(twice);
    expect(parts.filter((p) => p.name.startsWith('xl/drawings/drawing'))).toHaveLength(2);
    const drawing1 = text(parts, 'xl/drawings/drawing1.xml');
    expect([...drawing1.matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['2', '3']);
    expect(text(parts, 'xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../media/image3.png"');
  });
});

describe('addImagesToXlsx on sheets written by other programs', () => {
  it('adds to a drawing exceljs wrote itself (its images stay where they were)', async () => {
    const file = join(dir, 'exceljs-images.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('周报');
    ws.addRow(['GMV', 1]);
    const id = wb.addImage({ buffer: png('#8172b3') as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: 4, row: 1 }, ext: { width: 100, height: 50 } });
    await wb.xlsx.writeFile(file);
    const out = join(dir, 'exceljs-images-charts.xlsx');
    await addImagesToXlsx(file, out, [
      { sheetName: '周报', cell: 'B10', png: png('#55a868'), widthPx: 200, heightPx: 100 },
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const placed = back
      .getWorksheet('周报')!
      .getImages()
      .map((img) => [img.range.tl.nativeCol, img.range.tl.nativeRow]);
    expect(placed).toEqual([
      [4, 1],
      [1, 9],
    ]);
  });

  it('finds the place in a sheet with a namespace prefix, nested <extLst> and ">" in attribute values', async () => {
    const source = join(dir, 'prefixed-source.xlsx');
    await streamedWorkbook(source);
    const parts = await unzipAll(source);
    const sheet =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&lt;drawing/&gt; 商品</x:t></x:is></x:c></x:row></x:sheetData>' +
      '<x:conditionalFormatting sqref="A1"><x:cfRule type="expression" priority="1"><x:formula>A1&gt;5</x:formula>' +
      '<x:extLst><x:ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"/></x:extLst></x:cfRule></x:conditionalFormatting>' +
      '<x:dataValidations count="1"><x:dataValidation sqref="B1" prompt="GMV > 0"/></x:dataValidations>' +
      '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<x:tableParts count="0"/><x:extLst><x:ext uri="{x}"/></x:extLst></x:worksheet>';
    const edited = parts.map((p) => (p.name === 'xl/worksheets/sheet2.xml' ? { ...p, data: Buffer.from(sheet) } : p));
    const file = join(dir, 'prefixed.xlsx');
    await zipTo(file, edited);
    const out = join(dir, 'prefixed-charts.xlsx');
    await addImagesToXlsx(file, out, [
      { sheetName: PRODUCTS, cell: 'C3', png: png('#000000'), widthPx: 10, heightPx: 10 },
    ]);
    const written = text(await unzipAll(out), 'xl/worksheets/sheet2.xml');
    expect(written).toBe(
      sheet.replace('<x:tableParts count="0"/>', '<x:drawing rel:id="rId1"/><x:tableParts count="0"/>'),
    );
  });
});

describe('addImagesToXlsx refuses, before writing anything', () => {
  let source: string;
  beforeAll(async () => {
    source = join(dir, 'plain.xlsx');
    await streamedWorkbook(source);
  });
  const image = (over: Partial<XlsxImage>): XlsxImage => ({
    sheetName: PRODUCTS,
    cell: 'A1',
    png: png('#000000'),
    widthPx: 10,
    heightPx: 10,
    ...over,
  });

  it('a sheet the workbook does not have, naming those it has', async () => {
    const out = join(dir, 'no-sheet.xlsx');
    await expect(addImagesToXlsx(source, out, [image({ sheetName: '周报' })])).rejects.toThrow(
      `no sheet "周报" in the workbook (sheets: ${SUMMARY}, ${PRODUCTS}, _liveops)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['a cell that is not a reference', { cell: 'row 5' }, /not a cell reference/],
    ['an image that is not a PNG', { png: Buffer.from('GIF89a') }, /not a PNG/],
    ['a size of zero', { widthPx: 0 }, /size 0×10 px/],
  ])('%s', async (_what, over, message) => {
    const out = join(dir, 'refused.xlsx');
    await expect(addImagesToXlsx(source, out, [image(over)])).rejects.toThrow(message);
    expect(existsSync(out)).toBe(false);
  });
});
