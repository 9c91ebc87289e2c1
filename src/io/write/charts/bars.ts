/**
 * Ranked and grouped bars: GMV by product, KPI scores per role, a figure per stream beside last
 * week's.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { formatValue, maxAbsOf } from './formatters.js';
import {
  baseOption,
  categoryAxisStyle,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  FONT_SIZE,
  gridBox,
  INK,
  legend,
  PALETTE,
  ruleLineStyle,
  titleHeight,
  TONE,
  valueAxis,
} from './style.js';
import { axisLabels } from './truncate.js';
import type { Chart, ChartFrame, ValueFormat } from './types.js';

/** Product names longer than this many ems are cut (a 800 px chart keeps ~⅓ for the names). */
const NAME_EM = 14;
const BAR_ROW = 26;

function rankedHeight(frame: ChartFrame, rows: number, extraTop = 0): number {
  return frame.height ?? Math.max(240, titleHeight(frame) + extraTop + rows * BAR_ROW + 40);
}

export interface ProductGmvInput extends ChartFrame {
  products: ReadonlyArray<{
    name: string;
    gmv: number;
    /** Drawn in the alert colour (e.g. eliminated). */
    marked?: boolean;
  }>;
  /** At most this many bars, the largest (default 20): the subtitle should say so when it cuts. */
  limit?: number;
  /** Legend names for unmarked and marked bars (e.g. 保留 / 淘汰); no legend without them. */
  seriesNames?: { normal: string; marked: string };
}

/** Horizontal bars of GMV by product, largest on top, each with its amount. */
export function productGmvChart(input: ProductGmvInput): Chart {
  const products = [...input.products]
    .filter((p) => Number.isFinite(p.gmv))
    .sort((a, b) => b.gmv - a.gmv)
    .slice(0, input.limit ?? 20);
  const maxAbs = maxAbsOf(products.map((p) => p.gmv));
  const names = input.seriesNames;
  const withLegend = names !== undefined && products.some((p) => p.marked);
  // Marked and unmarked bars are two series on one bar position, so that a legend can name them.
  const bars = (marked: boolean, name?: string): BarSeriesOption => ({
    type: 'bar',
    ...(name === undefined ? {} : { name }),
    stack: 'gmv',
    barMaxWidth: 18,
    itemStyle: { color: marked ? TONE.alert : TONE.primary },
    data: products.map((p) => (Boolean(p.marked) === marked ? p.gmv : null)),
    label: {
      show: true,
      position: 'right',
      color: INK.text,
      fontSize: FONT_SIZE.label,
      formatter: (p) => formatValue(Number(p.value), 'yuan', maxAbs),
    },
  });
  const top = titleHeight(input) + (withLegend ? 8 : 0);
  const option: EChartsOption = {
    ...baseOption(input),
    ...(withLegend ? { legend: legend([names.normal, names.marked], 14) } : {}),
    grid: gridBox(top, 16, 96),
    xAxis: valueAxis('yuan'),
    yAxis: {
      type: 'category',
      inverse: true,
      data: axisLabels(
        products.map((p) => p.name),
        NAME_EM,
      ),
      ...categoryAxisStyle,
    },
    series: [bars(false, names?.normal), bars(true, names?.marked)],
  };
  return {
    kind: 'productGmv',
    title: input.title,
    width: input.width ?? DEFAULT_WIDTH,
    height: rankedHeight(input, products.length, withLegend ? 8 : 0),
    option,
  };
}

export interface KpiScoreInput extends ChartFrame {
  people: ReadonlyArray<{ name: string; role: string; score: number }>;
  /** The axis end (default 100). */
  maxScore?: number;
  /** A dashed line at this score (a pass mark), with its label. */
  passScore?: { score: number; label: string };
}

/**
 * KPI scores as horizontal bars, grouped by role (in the order roles first appear), ranked within
 * each role, one colour per role.
 */
export function kpiScoreChart(input: KpiScoreInput): Chart {
  const roles = [...new Set(input.people.map((p) => p.role))];
  const rows = roles.flatMap((role) =>
    input.people.filter((p) => p.role === role && Number.isFinite(p.score)).sort((a, b) => b.score - a.score),
  );
  const top = titleHeight(input) + 16;
  // One series per role, stacked on one bar position, so each row shows its role's colour and the
  // legend names the roles.
  const series: BarSeriesOption[] = roles.map((role, i) => ({
    type: 'bar',
    name: role,
    stack: 'score',
    barMaxWidth: 18,
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    data: rows.map((r) => (r.role === role ? r.score : null)),
    label: {
      show: true,
      position: 'right',
      color: INK.text,
      fontSize: FONT_SIZE.label,
      formatter: (p) => formatValue(Number(p.value), 'score'),
    },
  }));
  if (input.passScore && series[0]) {
    series[0].markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: ruleLineStyle,
      // 'start' is the top: the category axis runs downwards.
      label: { position: 'start', formatter: input.passScore.label, color: INK.muted, fontSize: FONT_SIZE.label },
      data: [{ xAxis: input.passScore.score }],
    };
  }
  const option: EChartsOption = {
    ...baseOption(input),
    legend: legend(roles, 14),
    grid: gridBox(top, 16, 56),
    xAxis: valueAxis('score', { min: 0, max: input.maxScore ?? 100 }),
    yAxis: {
      type: 'category',
      inverse: true,
      data: axisLabels(
        rows.map((r) => r.name),
        NAME_EM,
      ),
      ...categoryAxisStyle,
    },
    series,
  };
  return {
    kind: 'kpiScore',
    title: input.title,
    width: input.width ?? DEFAULT_WIDTH,
    height: rankedHeight(input, rows.length, 16),
    option,
  };
}

export interface StreamComparisonInput extends ChartFrame {
  /** One label per stream, e.g. "11/18 晚场". */
  streams: readonly string[];
  /** This week's first (the accent colour), then what it is compared with (last week's). */
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>;
  format: ValueFormat;
}

/** A figure per stream (GMV, UV value) as grouped bars, this week's beside last week's. */
export function streamComparisonChart(input: StreamComparisonInput): Chart {
  for (const s of input.series) {
    if (s.values.length !== input.streams.length)
      throw new RangeError(`series "${s.name}": ${s.values.length} values for ${input.streams.length} streams`);
  }
  const width = input.width ?? DEFAULT_WIDTH;
  const maxAbs = maxAbsOf(input.series.flatMap((s) => s.values));
  const groupEm = Math.max(4, (width - 120) / Math.max(1, input.streams.length) / FONT_SIZE.axis - 1);
  // Every bar keeps its label while they fit; past that only this week's do.
  const labelAll = input.streams.length * input.series.length <= 14;
  const top = titleHeight(input) + 8;
  const option: EChartsOption = {
    ...baseOption(input),
    legend: legend(
      input.series.map((s) => s.name),
      14,
    ),
    grid: gridBox(top),
    xAxis: { type: 'category', data: axisLabels(input.streams, groupEm), ...categoryAxisStyle },
    yAxis: valueAxis(input.format),
    series: input.series.map((s, i): BarSeriesOption => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 28,
      barGap: '10%',
      itemStyle: { color: i === 0 ? TONE.primary : i === 1 ? TONE.context : PALETTE[i % PALETTE.length] },
      data: [...s.values],
      label: {
        show: i === 0 || labelAll,
        position: 'top',
        color: i === 0 ? INK.text : INK.muted,
        fontSize: FONT_SIZE.label - 1,
        formatter: (p) => formatValue(Number(p.value), input.format, maxAbs),
      },
    })),
  };
  return { kind: 'streamComparison', title: input.title, width, height: input.height ?? DEFAULT_HEIGHT, option };
}
