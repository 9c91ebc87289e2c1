/**
 * The house style: quiet colours, a CJK-capable font list, a left-aligned title, no animation.
 * A careful analyst's chart: one accent colour, grey for context, red only for what needs action.
 */
import type { EChartsOption } from 'echarts';
import { formatTick } from './formatters.js';
import type { ChartFrame, ValueFormat } from './types.js';

/**
 * Every text element names these families: the PNG renderer (png.ts) and any SVG viewer pick the
 * first one installed; "sans-serif" is mapped to the CJK font png.ts finds.
 */
export const CHART_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif";

export const INK = {
  text: '#333333',
  muted: '#6b6b6b',
  axis: '#9a9a9a',
  grid: '#e6e6e6',
  background: '#ffffff',
} as const;

/** The accent, the context (last week, the target, the rest) and the colour of what needs action. */
export const TONE = {
  primary: '#4c72b0',
  context: '#b8c4d6',
  alert: '#c44e52',
  good: '#55a868',
  rule: '#8c8c8c',
} as const;

/** Categorical colours (channels, roles): muted, distinguishable, print-safe. */
export const PALETTE = [
  '#4c72b0',
  '#dd8452',
  '#55a868',
  '#c44e52',
  '#8172b3',
  '#937860',
  '#da8bc3',
  '#8c8c8c',
  '#ccb974',
  '#64b5cd',
] as const;

export const DEFAULT_WIDTH = 800;
export const DEFAULT_HEIGHT = 450;

export const FONT_SIZE = { title: 16, subtitle: 12, label: 12, axis: 12 } as const;

/** The parts every chart shares: background, fonts, title, no animation, legend look. */
export function baseOption(frame: ChartFrame): EChartsOption {
  return {
    animation: false,
    backgroundColor: INK.background,
    color: [...PALETTE],
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: INK.text, fontSize: FONT_SIZE.label },
    title: {
      text: frame.title,
      subtext: frame.subtitle ?? '',
      left: 16,
      top: 12,
      itemGap: 6,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE.title, fontWeight: 'bold', color: INK.text },
      subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE.subtitle, color: INK.muted },
    },
  };
}

/** Room the title (and subtitle) take at the top. */
export function titleHeight(frame: ChartFrame): number {
  return frame.subtitle ? 64 : 46;
}

export function legend(names: string[], top: number): EChartsOption['legend'] {
  return {
    data: names,
    top,
    right: 16,
    itemWidth: 14,
    itemHeight: 10,
    icon: 'rect',
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: INK.muted, fontSize: FONT_SIZE.label },
  };
}

export const valueAxisStyle = {
  axisLine: { show: false },
  axisTick: { show: false },
  splitLine: { lineStyle: { color: INK.grid } },
  axisLabel: { color: INK.muted, fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE.axis },
  nameTextStyle: { color: INK.muted, fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE.axis },
} as const;

/** A value axis in the quiet style, its ticks written as the figures are (¥, %, counts); `range` sets min/max/interval/name. */
export function valueAxis(
  format: ValueFormat,
  range: { min?: number; max?: number; interval?: number; name?: string } = {},
) {
  return {
    type: 'value' as const,
    ...range,
    ...valueAxisStyle,
    axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => formatTick(v, format) },
  };
}

export const categoryAxisStyle = {
  axisLine: { lineStyle: { color: INK.axis } },
  axisTick: { show: false },
  axisLabel: { color: INK.text, fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE.axis },
} as const;

/** The plotting area: its outer box, with axis labels and names kept inside it. */
export function gridBox(top: number, bottom = 16, right = 24): EChartsOption['grid'] {
  return { left: 16, right, top, bottom, outerBoundsMode: 'same', outerBoundsContain: 'all' };
}

/** A dashed reference line's look (thresholds, the baseline, 100 % of target). */
export const ruleLineStyle = { color: TONE.rule, type: 'dashed', width: 1 } as const;
