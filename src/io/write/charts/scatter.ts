/**
 * Products on click rate × conversion rate, with the playbook's thresholds as dashed lines: the
 * quadrant a product falls in says what to do about it (retro: 10 % / 5 %; select: 3 % / 3 %).
 */
import type { EChartsOption, ScatterSeriesOption } from 'echarts';
import { formatTick, niceCeil } from './formatters.js';
import {
  baseOption,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  FONT_SIZE,
  gridBox,
  INK,
  legend,
  ruleLineStyle,
  titleHeight,
  TONE,
  valueAxis,
} from './style.js';
import { emWidth, truncateLabel } from './truncate.js';
import type { Chart, ChartFrame } from './types.js';

export interface RateScatterInput extends ChartFrame {
  products: ReadonlyArray<{
    name: string;
    clickRate: number;
    conversionRate: number;
    /** Drawn apart and labelled with its name (e.g. eliminated, or below both lines). */
    marked?: boolean;
  }>;
  thresholds: { clickRate: number; conversionRate: number };
  /** Axis names, e.g. "点击率" and "转化率". */
  xName: string;
  yName: string;
  /** Legend names of the two kinds of point, e.g. { normal: '保留', marked: '淘汰' }. */
  seriesNames: { normal: string; marked: string };
}

const NAME_EM = 8;

type Side = 'right' | 'left' | 'top' | 'bottom';
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const LABEL_GAP = 8;
const LABEL_HEIGHT = 15;

function labelBox(x: number, y: number, width: number, side: Side): Box {
  switch (side) {
    case 'right':
      return { x0: x + LABEL_GAP, x1: x + LABEL_GAP + width, y0: y - LABEL_HEIGHT / 2, y1: y + LABEL_HEIGHT / 2 };
    case 'left':
      return { x0: x - LABEL_GAP - width, x1: x - LABEL_GAP, y0: y - LABEL_HEIGHT / 2, y1: y + LABEL_HEIGHT / 2 };
    case 'top':
      return { x0: x - width / 2, x1: x + width / 2, y0: y - LABEL_GAP - LABEL_HEIGHT, y1: y - LABEL_GAP };
    case 'bottom':
      return { x0: x - width / 2, x1: x + width / 2, y0: y + LABEL_GAP, y1: y + LABEL_GAP + LABEL_HEIGHT };
  }
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * A side for each label (points in pixels, y downwards) so that labels do not cover each other nor
 * the points: the first side that is free, top to bottom, else right. (ECharts's own labelLayout
 * moves nothing in server-side rendering.)
 */
export function placeLabels(points: ReadonlyArray<{ x: number; y: number; width: number }>): Side[] {
  const placed: Box[] = [];
  const marks = points.map((p) => ({ x0: p.x - 6, x1: p.x + 6, y0: p.y - 6, y1: p.y + 6 }));
  const order = points.map((_, i) => i).sort((a, b) => points[a]!.y - points[b]!.y || points[a]!.x - points[b]!.x);
  const sides: Side[] = points.map(() => 'right');
  for (const i of order) {
    const p = points[i]!;
    const free = (['right', 'left', 'top', 'bottom'] as const).find((side) => {
      const box = labelBox(p.x, p.y, p.width, side);
      return !placed.some((b) => overlaps(b, box)) && !marks.some((m, j) => j !== i && overlaps(m, box));
    });
    sides[i] = free ?? 'right';
    placed.push(labelBox(p.x, p.y, p.width, sides[i]));
  }
  return sides;
}

/** An axis end past every point and the threshold, with room for the labels. */
function axisMax(values: number[], threshold: number): number {
  return niceCeil(Math.max(threshold, ...values) * 1.12);
}

export function rateScatterChart(input: RateScatterInput): Chart {
  const points = input.products.filter((p) => Number.isFinite(p.clickRate) && Number.isFinite(p.conversionRate));
  const xMax = axisMax(
    points.map((p) => p.clickRate),
    input.thresholds.clickRate,
  );
  const yMax = axisMax(
    points.map((p) => p.conversionRate),
    input.thresholds.conversionRate,
  );
  const point = (p: (typeof points)[number]) => ({ name: p.name, value: [p.clickRate, p.conversionRate] });
  const width = input.width ?? DEFAULT_WIDTH;
  const height = input.height ?? DEFAULT_HEIGHT + 50;
  const top = titleHeight(input);
  // Where the points land, near enough to keep labels apart: the plot is the grid less the axis
  // labels (≈ 40 px on the left, ≈ 50 px below with the axis name, ≈ 24 px above for its name).
  const plot = { x0: 56, x1: width - 48, y0: top + 32, y1: height - 66 };
  const markedPoints = points.filter((p) => p.marked);
  const labels = markedPoints.map((p) => truncateLabel(p.name, NAME_EM));
  const sides = placeLabels(
    markedPoints.map((p, i) => ({
      x: plot.x0 + (p.clickRate / xMax) * (plot.x1 - plot.x0),
      y: plot.y1 - (p.conversionRate / yMax) * (plot.y1 - plot.y0),
      width: emWidth(labels[i]!) * FONT_SIZE.label,
    })),
  );
  const normal: ScatterSeriesOption = {
    type: 'scatter',
    name: input.seriesNames.normal,
    symbol: 'circle',
    symbolSize: 9,
    itemStyle: { color: TONE.primary, opacity: 0.75 },
    data: points.filter((p) => !p.marked).map(point),
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: ruleLineStyle,
      label: { color: INK.muted, fontSize: FONT_SIZE.label, formatter: (p) => formatTick(Number(p.value), 'rate') },
      data: [{ xAxis: input.thresholds.clickRate }, { yAxis: input.thresholds.conversionRate }],
    },
  };
  const marked: ScatterSeriesOption = {
    type: 'scatter',
    name: input.seriesNames.marked,
    symbol: 'diamond',
    symbolSize: 12,
    itemStyle: { color: TONE.alert },
    data: markedPoints.map((p, i) => ({ ...point(p), label: { position: sides[i], formatter: labels[i] } })),
    label: { show: true, color: TONE.alert, fontSize: FONT_SIZE.label },
  };
  const axis = (name: string, max: number) => valueAxis('rate', { min: 0, max, name });
  const option: EChartsOption = {
    ...baseOption(input),
    legend: legend([input.seriesNames.normal, input.seriesNames.marked], 14),
    grid: gridBox(top + 8, 16, 48),
    xAxis: { ...axis(input.xName, xMax), nameLocation: 'middle', nameGap: 28 },
    yAxis: { ...axis(input.yName, yMax), nameLocation: 'end', nameGap: 12 },
    series: [normal, marked],
  };
  return { kind: 'rateScatter', title: input.title, width, height, option };
}
