/**
 * Charts as PNG: the size asked for, really drawn, and told whether a Chinese font was there to
 * draw the labels with. Passes on a machine with Node alone and no CJK font (test/render/ checks
 * the glyphs themselves where one is installed).
 */
import { describe, expect, it } from 'vitest';
import {
  chartToPng,
  findCjkFonts,
  productGmvChart,
  renderSvg,
  svgToPng,
  systemCjkFonts,
  type FontSearch,
} from '../../src/io/write/charts/index.js';
import { parseFcList } from '../../src/io/write/charts/fonts.js';
import { TONE } from '../../src/io/write/charts/style.js';
import { colourCount, crop, decodePng, pixelsNear } from '../render/png-pixels.js';

const chart = productGmvChart({
  title: '商品 GMV 排行',
  products: [
    { name: '羊绒大衣', gmv: 128400 },
    { name: '真丝围巾', gmv: 12000, marked: true },
    { name: '雪地靴', gmv: 45600 },
  ],
});

describe('chartToPng', () => {
  it('renders at twice the chart size by default, with the bars drawn in their colours', async () => {
    const r = await chartToPng(chart);
    const pixels = decodePng(r.png);
    expect([pixels.width, pixels.height]).toEqual([chart.width * 2, chart.height * 2]);
    expect([r.width, r.height, r.displayWidth, r.displayHeight]).toEqual([
      chart.width * 2,
      chart.height * 2,
      chart.width,
      chart.height,
    ]);
    const all = crop(pixels);
    expect(colourCount(all)).toBeGreaterThan(10);
    // Two blue bars and a red one, each some 18 px (36 at 2×) thick.
    expect(pixelsNear(all, TONE.primary, 8)).toBeGreaterThan(20_000);
    expect(pixelsNear(all, TONE.alert, 8)).toBeGreaterThan(1_000);
    // White behind, not transparent: a spreadsheet may have a coloured background.
    expect([...pixels.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(r.svg).toBe(await renderSvg(chart));
  });

  it('renders at the scale asked for', async () => {
    const r = await chartToPng(chart, { scale: 1 });
    expect([r.width, r.height]).toEqual([chart.width, chart.height]);
  });
});

describe('svgToPng', () => {
  it('fits the width asked for, keeping the aspect ratio', async () => {
    const svg = await renderSvg(chart);
    const r = await svgToPng(svg, { width: 400 });
    expect(r.width).toBe(400);
    expect(r.height).toBe(Math.round((400 * chart.height) / chart.width));
  });

  it('says whether it had a Chinese font: the system one when there is one', async () => {
    const r = await svgToPng(await renderSvg(chart), { width: 400 });
    const fonts = systemCjkFonts();
    expect(r.cjkFont).toBe(fonts.length > 0);
    expect(r.fontFamily).toBe(fonts[0]?.family ?? null);
  });

  it('with no CJK font still draws the chart, and says so', async () => {
    const r = await svgToPng(await renderSvg(chart), { width: 400, fonts: [] });
    expect(r.cjkFont).toBe(false);
    expect(r.fontFamily).toBeNull();
    expect(pixelsNear(crop(decodePng(r.png)), TONE.primary, 8)).toBeGreaterThan(1_000);
  });
});

// ————————————————————————————————————— finding fonts —————————————————————————————————————

function system(
  platform: NodeJS.Platform,
  files: string[],
  fcList: string | null = null,
  env = {},
): FontSearch & { fcListCalls: number } {
  const search = {
    platform,
    env,
    exists: (f: string) => files.includes(f),
    fcListCalls: 0,
    fcList: () => {
      search.fcListCalls++;
      return fcList;
    },
  };
  return search;
}

describe('findCjkFonts', () => {
  it('Debian/Ubuntu fonts-noto-cjk: Regular then Bold, as "Noto Sans CJK SC"', () => {
    const search = system('linux', [
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    ]);
    expect(findCjkFonts(search)).toEqual([
      { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
      { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'Noto Sans CJK SC' },
    ]);
  });

  it('WenQuanYi Zen Hei where that is what is installed', () => {
    expect(findCjkFonts(system('linux', ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc']))).toEqual([
      { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
    ]);
  });

  it('asks fontconfig only when no known file is there', () => {
    const known = system('linux', ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'], 'x\ty');
    findCjkFonts(known);
    expect(known.fcListCalls).toBe(0);
  });

  it('fontconfig elsewhere: one font per file, a simplified-Chinese sans family first', () => {
    const out = [
      '/opt/fonts/NotoSerifCJK-Regular.ttc\tNoto Serif CJK TC',
      '/opt/fonts/NotoSerifCJK-Regular.ttc\tNoto Serif CJK SC',
      '/opt/fonts/NotoSansCJK-Regular.ttc\tNoto Sans CJK JP',
      '/opt/fonts/NotoSansCJK-Regular.ttc\tNoto Sans Mono CJK SC',
      '/opt/fonts/NotoSansCJK-Regular.ttc\tNoto Sans CJK SC',
      '/opt/fonts/NotoSansMonoCJK.ttc\tNoto Sans Mono CJK SC',
      '',
    ].join('\n');
    expect(findCjkFonts(system('linux', [], out))).toEqual([
      { file: '/opt/fonts/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
      { file: '/opt/fonts/NotoSansMonoCJK.ttc', family: 'Noto Sans Mono CJK SC' },
      { file: '/opt/fonts/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
    ]);
  });

  it('fontconfig lists families comma-separated: "文泉驿正黑,WenQuanYi Zen Hei"', () => {
    expect(parseFcList('/f/wqy.ttc\tWenQuanYi Zen Hei,文泉驿正黑,文泉驛正黑\n')).toEqual([
      { file: '/f/wqy.ttc', family: 'WenQuanYi Zen Hei' },
    ]);
  });

  it('none at all (Node alone, no fontconfig): nothing, so the caller can say so', () => {
    expect(findCjkFonts(system('linux', [], null))).toEqual([]);
  });

  it('macOS: PingFang SC', () => {
    expect(findCjkFonts(system('darwin', ['/System/Library/Fonts/PingFang.ttc']))[0]).toEqual({
      file: '/System/Library/Fonts/PingFang.ttc',
      family: 'PingFang SC',
    });
  });

  it('Windows: Microsoft YaHei in %WINDIR%\\Fonts, never fontconfig', () => {
    const search = system('win32', ['D:\\Windows\\Fonts\\msyh.ttc', 'D:\\Windows\\Fonts\\simhei.ttf'], 'x\ty', {
      WINDIR: 'D:\\Windows',
    });
    expect(findCjkFonts(search)).toEqual([
      { file: 'D:\\Windows\\Fonts\\msyh.ttc', family: 'Microsoft YaHei' },
      { file: 'D:\\Windows\\Fonts\\simhei.ttf', family: 'SimHei' },
    ]);
    const none = system('win32', [], 'x\ty', { WINDIR: 'D:\\Windows' });
    expect(findCjkFonts(none)).toEqual([]);
    expect(none.fcListCalls).toBe(0);
  });
});
