/**
 * SVG → PNG with resvg (a Rust renderer shipped as a prebuilt package: no browser, no canvas).
 * resvg is loaded on first use. Fonts are given to it explicitly (fonts.ts) rather than letting it
 * scan the whole system: faster, and the same machine draws the same pixels every time.
 */
import { findCjkFonts, type CjkFont } from './fonts.js';
import { renderSvg } from './render-svg.js';
import { INK } from './style.js';
import type { Chart } from './types.js';

export interface PngOptions {
  /** Width of the PNG in pixels; the height follows the SVG's aspect ratio. */
  width: number;
  /** The CJK fonts to draw with (default: those found on this system, see fonts.ts). */
  fonts?: readonly CjkFont[];
}

export interface RenderedPng {
  png: Buffer;
  width: number;
  height: number;
  /**
   * Whether a Chinese font was there to draw with. When false the PNG was drawn with whatever
   * fonts the system has, and Chinese labels may show as boxes: tell the user.
   */
  cjkFont: boolean;
  /** The family labels were drawn in, when a CJK font was found. */
  fontFamily: string | null;
}

let systemFonts: CjkFont[] | null = null;

/** The system's CJK fonts, looked for once per process. */
export function systemCjkFonts(): readonly CjkFont[] {
  systemFonts ??= findCjkFonts();
  return systemFonts;
}

export async function svgToPng(svg: string, opts: PngOptions): Promise<RenderedPng> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const fonts = opts.fonts ?? systemCjkFonts();
  const family = fonts[0]?.family ?? null;
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(opts.width) },
    background: INK.background,
    font: family
      ? {
          loadSystemFonts: false,
          fontFiles: [...new Set(fonts.map((f) => f.file))],
          defaultFontFamily: family,
          sansSerifFamily: family,
        }
      : // No CJK font: whatever the system has, so that at least digits and Latin text show.
        { loadSystemFonts: true },
    languages: ['zh-CN', 'en'],
    logLevel: 'off',
  });
  return { png: image.asPng(), width: image.width, height: image.height, cjkFont: family !== null, fontFamily: family };
}

export interface ChartPngOptions {
  /** Pixels per CSS pixel (default 2: sharp when a spreadsheet shows it at the chart's size). */
  scale?: number;
  fonts?: readonly CjkFont[];
}

/** A chart straight to PNG, with the size to show it at (its CSS size) beside the pixels. */
export async function chartToPng(
  chart: Chart,
  opts: ChartPngOptions = {},
): Promise<RenderedPng & { svg: string; displayWidth: number; displayHeight: number }> {
  const svg = await renderSvg(chart);
  const png = await svgToPng(svg, {
    width: chart.width * (opts.scale ?? 2),
    ...(opts.fonts ? { fonts: opts.fonts } : {}),
  });
  return { ...png, svg, displayWidth: chart.width, displayHeight: chart.height };
}
