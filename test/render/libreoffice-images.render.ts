/**
 * A workbook from our streaming writer, with charts put in by xlsx-images.ts, opened by LibreOffice
 * and printed to PDF: each image is on its sheet's page, its top-left corner at its cell, at its
 * size — and the workbook without the images prints none of it.
 *
 * Where a cell is on the page is read off the page itself: the cell left and above the anchor
 * (C1 for D2) is filled green, so the image must start where the green ends.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartToPng, productGmvChart } from '../../src/io/write/charts/index.js';
import { TONE } from '../../src/io/write/charts/style.js';
import { addImagesToXlsx } from '../../src/io/write/xlsx-images.js';
import { boxOf, crop, decodePng, pixelsNear, type Pixels, type Region } from './png-pixels.js';

const DPI = 96; // pdftoppm at 96 dpi: a sheet pixel is a page pixel
const MARKER = '#00b050';
const SOLID = '#ff00ff';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { cwd: dir, stdio: 'pipe', timeout: 120_000, env: { ...process.env, HOME: dir } });

/** Each page of `xlsx` as printed by LibreOffice, decoded. */
function printed(xlsx: string): Pixels[] {
  const out = join(dir, `${xlsx}-pdf`);
  run('soffice', [
    `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    out,
    join(dir, xlsx),
  ]);
  const pdf = join(out, xlsx.replace(/\.xlsx$/, '.pdf'));
  run('pdftoppm', ['-png', '-r', String(DPI), pdf, join(out, 'page')]);
  return readdirSync(out)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => decodePng(readFileSync(join(out, f))));
}

const page = { orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Two sheets as retro writes them, each with a green cell just left and above where its image goes. */
async function workbook(file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const summary = writer.addWorksheet('复盘', { pageSetup: page });
  const head = summary.addRow(['指标', '数值', '']);
  head.getCell(3).fill = fill('FF00B050'); // C1: the chart goes at D2
  head.commit();
  summary.addRow(['GMV', 133433]).commit();
  summary.commit();
  const products = writer.addWorksheet('商品', { pageSetup: page });
  for (let i = 1; i <= 6; i++) {
    const row = products.addRow([i === 6 ? '' : `商品 ${i}`, i * 100]);
    if (i === 6) row.getCell(1).fill = fill('FF00B050'); // A6: the image goes at B7
    row.commit();
  }
  products.commit();
  await writer.commit();
}

const solidPng = (width: number, height: number) =>
  new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${SOLID}"/></svg>`,
    { font: { loadSystemFonts: false } },
  )
    .render()
    .asPng();

describe('LibreOffice prints the images we put in, where we put them', () => {
  const chart = productGmvChart({
    title: '商品 GMV 排行',
    products: [
      { name: '羊绒大衣', gmv: 128400 },
      { name: '雪地靴', gmv: 45600 },
      { name: '真丝围巾', gmv: 12000, marked: true },
    ],
    width: 480,
    height: 270,
  });
  let withImages: Pixels[];
  let without: Pixels[];
  beforeAll(async () => {
    await workbook(join(dir, 'plain.xlsx'));
    const png = await chartToPng(chart);
    await addImagesToXlsx(join(dir, 'plain.xlsx'), join(dir, 'charts.xlsx'), [
      { sheetName: '复盘', cell: 'D2', png: png.png, widthPx: png.displayWidth, heightPx: png.displayHeight },
      { sheetName: '商品', cell: 'B7', png: solidPng(60, 40), widthPx: 300, heightPx: 120 },
    ]);
    withImages = printed('charts.xlsx');
    without = printed('plain.xlsx');
  }, 180_000);

  it('prints one page per sheet', () => {
    expect(withImages).toHaveLength(2);
    expect(without).toHaveLength(2);
  });

  it('the chart is on the first sheet, right of and below the green C1: at D2, at its size', () => {
    const [summary] = withImages as [Pixels];
    const marker = boxOf(summary, MARKER, 30)!;
    expect(marker).not.toBeNull();
    const anchor = { x: marker.x + marker.width, y: marker.y + marker.height };
    const area: Region = { x: anchor.x, y: anchor.y, width: chart.width, height: chart.height };
    // The bars, in the chart's colours, inside the image's area and nowhere else.
    const bars = boxOf(summary, TONE.primary, 30)!;
    expect(bars).not.toBeNull();
    expect(bars.x).toBeGreaterThanOrEqual(area.x);
    expect(bars.y).toBeGreaterThanOrEqual(area.y);
    expect(bars.x + bars.width).toBeLessThanOrEqual(area.x + area.width);
    expect(bars.y + bars.height).toBeLessThanOrEqual(area.y + area.height);
    expect(pixelsNear(crop(summary, area), TONE.primary, 30)).toBeGreaterThan(2_000);
    expect(pixelsNear(crop(summary, area), TONE.alert, 30)).toBeGreaterThan(100);
    // Not blank: text, axes and bars.
    expect(pixelsNear(crop(summary, area), '#ffffff', 8)).toBeLessThan(area.width * area.height * 0.95);
    expect(pixelsNear(crop(without[0]!), TONE.primary, 30)).toBe(0);
  });

  it('the plain image is on the second sheet exactly at B7, shown at 300 × 120 px whatever its own pixels', () => {
    const [, products] = withImages as [Pixels, Pixels];
    const marker = boxOf(products, MARKER, 30)!;
    const image = boxOf(products, SOLID, 30)!;
    expect(image).not.toBeNull();
    expect(image.x).toEqual(expect.closeTo(marker.x + marker.width, -0.5));
    expect(image.y).toEqual(expect.closeTo(marker.y + marker.height, -0.5));
    expect(image.width).toEqual(expect.closeTo(300, -0.5));
    expect(image.height).toEqual(expect.closeTo(120, -0.5));
    expect(boxOf(without[1]!, SOLID, 30)).toBeNull();
  });
});
