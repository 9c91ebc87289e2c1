/**
 * The minute curve: online viewers over the stream, with each segment switch (the next product,
 * a welfare round) as a dashed vertical line, so a drop can be read against what was on screen.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { formatValue } from './formatters.js';
import {
  baseOption,
  categoryAxisStyle,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  FONT_SIZE,
  gridBox,
  INK,
  ruleLineStyle,
  titleHeight,
  TONE,
  valueAxis,
} from './style.js';
import { emWidth, truncateLabel } from './truncate.js';
import type { Chart, ChartFrame, ValueFormat } from './types.js';

export interface MinuteCurveInput extends ChartFrame {
  /** One label per minute, e.g. "20:01" (already in the stream's clock). */
  times: readonly string[];
  values: ReadonlyArray<number | null>;
  /** The line's name, e.g. "在线人数". */
  seriesName: string;
  /**
   * Segment switches: `at` is one of `times`. The label is cut to fit; `note` (e.g. "等3款", more
   * products at that minute) is kept whole after it.
   */
  switches: ReadonlyArray<{ at: string; label: string; note?: string }>;
  /** Default 'count'. */
  format?: ValueFormat;
}

const SWITCH_EM = 9;

const switchLabel = (s: { label: string; note?: string }) =>
  s.note ? truncateLabel(s.label, SWITCH_EM - emWidth(s.note)) + s.note : truncateLabel(s.label, SWITCH_EM);

export function minuteCurveChart(input: MinuteCurveInput): Chart {
  if (input.values.length !== input.times.length)
    throw new RangeError(`${input.values.length} values for ${input.times.length} minutes`);
  const known = new Set(input.times);
  for (const s of input.switches) {
    if (!known.has(s.at)) throw new RangeError(`segment switch "${s.label}" at ${s.at}: no such minute on the curve`);
  }
  const format = input.format ?? 'count';
  const peak = input.values.reduce<number | null>((m, v) => (v !== null && (m === null || v > m) ? v : m), null);
  // The peak, labelled: the figure a retro quotes first.
  const peakPoint: LineSeriesOption['markPoint'] =
    peak === null
      ? undefined
      : {
          silent: true,
          symbol: 'circle',
          symbolSize: 6,
          itemStyle: { color: TONE.primary },
          label: { position: 'top', color: INK.text, fontSize: FONT_SIZE.label, formatter: formatValue(peak, format) },
          data: [{ name: 'peak', coord: [input.times[input.values.indexOf(peak)] ?? 0, peak] }],
        };
  const option: EChartsOption = {
    ...baseOption(input),
    grid: gridBox(titleHeight(input) + 12, 16, 32),
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: [...input.times],
      ...categoryAxisStyle,
      axisLabel: { ...categoryAxisStyle.axisLabel, color: INK.muted },
    },
    yAxis: valueAxis(format, { min: 0 }),
    series: [
      {
        type: 'line',
        name: input.seriesName,
        data: [...input.values],
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: TONE.primary, width: 1.5 },
        itemStyle: { color: TONE.primary },
        areaStyle: { color: TONE.primary, opacity: 0.08 },
        markPoint: peakPoint,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: ruleLineStyle,
          label: {
            position: 'insideEndTop',
            color: INK.muted,
            fontSize: FONT_SIZE.label - 1,
          },
          data: input.switches.map((s) => ({ xAxis: s.at, label: { formatter: switchLabel(s) } })),
        },
      },
    ],
  };
  return {
    kind: 'minuteCurve',
    title: input.title,
    width: input.width ?? DEFAULT_WIDTH,
    height: input.height ?? DEFAULT_HEIGHT,
    option,
  };
}
