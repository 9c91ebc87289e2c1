/**
 * What every chart takes and gives. Inputs are already localised: labels, titles and series
 * names arrive as the words a reader sees; numbers arrive unrounded (rates as 0.0068, money in
 * yuan) and are formatted here, the one place a chart rounds.
 */
import type { EChartsOption } from 'echarts';

/** How a number reads on a chart: ¥12,345 / 12.3% / 12,345 / 86.5. */
export type ValueFormat = 'yuan' | 'rate' | 'count' | 'score';

export interface ChartFrame {
  /** The chart's title, e.g. "商品 GMV 排行". */
  title: string;
  /** A line under the title: the period, the data source, "前 20 / 共 43". */
  subtitle?: string;
  /** Size in CSS pixels (the PNG may be rendered at a multiple of it). */
  width?: number;
  height?: number;
}

/** A chart ready to render: the ECharts option and the size it was laid out for. */
export interface Chart {
  /** Which builder made it, for messages and file names: 'productGmv', 'rateScatter', … */
  kind: string;
  title: string;
  width: number;
  height: number;
  option: EChartsOption;
}
