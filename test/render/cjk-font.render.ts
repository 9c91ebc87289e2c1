/**
 * Chinese labels come out as Chinese, not as boxes ("tofu"), with the CJK font liveops finds on
 * the system. Fails, never skips, when there is none: CI installs fonts-noto-cjk, and a machine
 * without it would write charts nobody can read.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chartToPng,
  productGmvChart,
  renderSvg,
  svgToPng,
  systemCjkFonts,
  type CjkFont,
} from '../../src/io/write/charts/index.js';
import { colourCount, crop, decodePng, type Pixels, type Region } from './png-pixels.js';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** One character, large, alone. */
const glyphSvg = (ch: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><text x="6" y="38" font-size="34" font-family="sans-serif">${ch}</text></svg>`;

const inkOf = (p: Pixels) => {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) if (p.data[i]! < 128) n++;
  return n;
};

let fonts: readonly CjkFont[];
beforeAll(() => {
  fonts = systemCjkFonts();
});

describe('the system CJK font', () => {
  it('is there', () => {
    expect(
      fonts.length,
      'no CJK font found: charts would show boxes for Chinese. Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk)',
    ).toBeGreaterThan(0);
    for (const f of fonts) expect(existsSync(f.file), f.file).toBe(true);
  });

  it('draws different characters differently (tofu draws every one as the same box)', async () => {
    const glyphs = await Promise.all(
      ['中', '国', '商', '品'].map(async (ch) => decodePng((await svgToPng(glyphSvg(ch), { width: 48 })).png)),
    );
    for (const g of glyphs) expect(inkOf(g)).toBeGreaterThan(40);
    const distinct = new Set(glyphs.map((g) => g.data.toString('base64')));
    expect(distinct.size).toBe(4);
  });

  it.runIf(existsSync(DEJAVU))('(the check above does catch tofu: a Latin-only font draws 中 and 国 alike)', () => {
    const tofu = ['中', '国'].map((ch) =>
      new Resvg(glyphSvg(ch), {
        background: 'white',
        font: {
          loadSystemFonts: false,
          fontFiles: [DEJAVU],
          defaultFontFamily: 'DejaVu Sans',
          sansSerifFamily: 'DejaVu Sans',
        },
      })
        .render()
        .asPng(),
    );
    expect(tofu[0]!.equals(tofu[1]!)).toBe(true);
  });
});

describe('a chart with Chinese labels, rendered to PNG', () => {
  const chart = productGmvChart({
    title: '商品成交金额排行',
    subtitle: '十一月十八日晚场',
    products: [
      { name: '羊绒大衣', gmv: 128400 },
      { name: '加绒打底裤', gmv: 56320 },
      { name: '真丝围巾', gmv: 12000, marked: true },
    ],
  });
  // The title and subtitle, at 2× (the chart puts them at 16, 12 px from the top left).
  const titleArea: Region = { x: 24, y: 16, width: 360, height: 100 };

  it('says it had a CJK font, and draws its labels with it: unlike a render with no fonts at all', async () => {
    const withFont = await chartToPng(chart);
    expect(withFont.cjkFont).toBe(true);
    expect(withFont.fontFamily).toBe(fonts[0]?.family);
    const noFonts = new Resvg(await renderSvg(chart), {
      fitTo: { mode: 'width', value: chart.width * 2 },
      background: 'white',
      font: { loadSystemFonts: false },
    })
      .render()
      .asPng();
    const a = crop(decodePng(withFont.png), titleArea);
    const b = crop(decodePng(noFonts), titleArea);
    expect(colourCount(b)).toBe(1); // with no font, nothing is drawn there: this is where the title is
    expect(colourCount(a)).toBeGreaterThan(8);
    expect(a.equals(b)).toBe(false);
  });

  it.runIf(existsSync(DEJAVU))('differs from a render with a Latin-only font where the Chinese title is', async () => {
    const svg = await renderSvg(chart);
    const cjk = decodePng((await svgToPng(svg, { width: chart.width * 2 })).png);
    const latin = decodePng(
      (await svgToPng(svg, { width: chart.width * 2, fonts: [{ file: DEJAVU, family: 'DejaVu Sans' }] })).png,
    );
    expect(crop(cjk, titleArea).equals(crop(latin, titleArea))).toBe(false);
  });
});
