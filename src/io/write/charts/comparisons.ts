/**
 * A stream against its baseline, figures against their targets, the product-role mix against the
 * planned mix.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { formatValue, maxAbsOf, niceCeil } from './formatters.js';
import {
  baseOption,
  categoryAxisStyle,
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
import { axisLabels } from './truncate.js';
import type { Chart, ChartFrame, ValueFormat } from './types.js';

const NAME_EM = 10;
const BAR_ROW = 34;

const change = (ratio: number) => {
  const pct = Math.round((ratio - 1) * 100);
  return pct === 0 ? '±0%' : pct > 0 ? `+${pct}%` : `−${-pct}%`;
};

export interface BaselineComparisonInput extends ChartFrame {
  metrics: ReadonlyArray<{
    name: string;
    current: number;
    /** The baseline (e.g. the median of the last streams); a figure without one (null, 0) is left out. */
    baseline: number | null;
    format: ValueFormat;
    /** false for figures where less is better (refund rate): then a rise is drawn as bad. Default true. */
    higherIsBetter?: boolean;
  }>;
  /** The 100 line's label, e.g. "基线中位数 = 100". */
  baselineLabel: string;
}

/**
 * This stream against its baseline, as an index (baseline = 100) per figure, so GMV, UV value and
 * rates share one axis; each bar says the figure, the baseline and the change.
 */
export function baselineComparisonChart(input: BaselineComparisonInput): Chart {
  const rows = input.metrics.flatMap((m) => {
    if (m.baseline === null || m.baseline === 0 || !Number.isFinite(m.baseline)) return [];
    const index = (m.current / m.baseline) * 100;
    const better = (m.higherIsBetter ?? true) ? index >= 100 : index <= 100;
    const both = maxAbsOf([m.current, m.baseline]);
    const text = `${formatValue(m.current, m.format, both)} / ${formatValue(m.baseline, m.format, both)}  ${change(index / 100)}`;
    return [{ ...m, index, better, text }];
  });
  // Room right of the longest bar for its label.
  const xMax = niceCeil(Math.max(120, ...rows.map((r) => r.index)) * 1.4);
  const option: EChartsOption = {
    ...baseOption(input),
    grid: gridBox(titleHeight(input) + 16, 16, 48),
    xAxis: valueAxis('count', { min: 0, max: xMax }),
    yAxis: {
      type: 'category',
      inverse: true,
      data: axisLabels(
        rows.map((r) => r.name),
        NAME_EM,
      ),
      ...categoryAxisStyle,
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: rows.map((r, i) => ({
          value: r.index,
          itemStyle: { color: r.better ? TONE.primary : TONE.alert },
          label: { formatter: rows[i]!.text },
        })),
        label: { show: true, position: 'right', color: INK.text, fontSize: FONT_SIZE.label },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: ruleLineStyle,
          // 'start' is the top: the category axis runs downwards.
          label: { position: 'start', formatter: input.baselineLabel, color: INK.muted, fontSize: FONT_SIZE.label },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
  return {
    kind: 'baselineComparison',
    title: input.title,
    width: input.width ?? DEFAULT_WIDTH,
    height: input.height ?? Math.max(240, titleHeight(input) + rows.length * BAR_ROW + 64),
    option,
  };
}

export interface TargetAchievementInput extends ChartFrame {
  items: ReadonlyArray<{ name: string; actual: number; target: number; format: ValueFormat }>;
  /** Legend names, e.g. "实际" and "目标". */
  actualLabel: string;
  targetLabel: string;
}

/** Bars drawn past this share of target are cut at the axis end (the label still says how far). */
const MAX_SHOWN = 2;

/**
 * Each figure's achievement: a grey bar is the target (100 %), the coloured bar the actual share
 * of it; the label gives actual / target and the percentage.
 */
export function targetAchievementChart(input: TargetAchievementInput): Chart {
  const rows = input.items.map((it) => {
    const ratio = it.target > 0 ? it.actual / it.target : null;
    const both = maxAbsOf([it.actual, it.target]);
    const pct = ratio === null ? '—' : formatValue(ratio, 'rate');
    return {
      ...it,
      ratio,
      text: `${formatValue(it.actual, it.format, both)} / ${formatValue(it.target, it.format, both)}  ${pct}`,
    };
  });
  // Room right of the 100 % line for the labels; past 200 % bars are cut (their label says how far).
  const xMax = Math.max(...rows.map((r) => r.ratio ?? 0)) <= 1.1 ? 1.5 : MAX_SHOWN;
  const names = axisLabels(
    rows.map((r) => r.name),
    NAME_EM,
  );
  const target: BarSeriesOption = {
    type: 'bar',
    name: input.targetLabel,
    barWidth: 16,
    barGap: '-100%', // the actual bar is drawn over this track
    silent: true,
    itemStyle: { color: '#eceff4' },
    data: rows.map(() => 1),
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: ruleLineStyle,
      label: { show: false },
      data: [{ xAxis: 1 }],
    },
  };
  const actual: BarSeriesOption = {
    type: 'bar',
    name: input.actualLabel,
    barWidth: 16,
    data: rows.map((r) => ({
      value: r.ratio === null ? null : Math.min(r.ratio, xMax),
      itemStyle: { color: r.ratio !== null && r.ratio >= 1 ? TONE.good : TONE.primary },
    })),
    label: {
      show: true,
      position: 'right',
      distance: 8,
      color: INK.text,
      fontSize: FONT_SIZE.label,
      formatter: (p) => rows[p.dataIndex]!.text,
    },
  };
  const option: EChartsOption = {
    ...baseOption(input),
    legend: { ...legend([input.actualLabel, input.targetLabel], 14) },
    grid: gridBox(titleHeight(input) + 8, 16, 48),
    xAxis: valueAxis('rate', { min: 0, max: xMax, interval: xMax <= 1.5 ? 0.25 : 0.5 }), // 100 % is always a tick
    yAxis: { type: 'category', inverse: true, data: names, ...categoryAxisStyle },
    series: [target, actual],
  };
  return {
    kind: 'targetAchievement',
    title: input.title,
    width: input.width ?? DEFAULT_WIDTH,
    height: input.height ?? Math.max(220, titleHeight(input) + rows.length * BAR_ROW + 64),
    option,
  };
}

export interface RoleMixInput extends ChartFrame {
  /** Each role's share of the products (or of GMV), actual and planned: rates that sum to ~1. */
  roles: ReadonlyArray<{ name: string; actual: number; target: number }>;
  actualLabel: string;
  targetLabel: string;
}

/** The product-role mix (引流款 / 利润款 / 形象款…) against the planned mix, as grouped bars. */
export function roleMixChart(input: RoleMixInput): Chart {
  const yMax = niceCeil(Math.max(...input.roles.flatMap((r) => [r.actual, r.target]), 0.1) * 1.15);
  const bar = (name: string, color: string, values: number[], labelColor: string): BarSeriesOption => ({
    type: 'bar',
    name,
    barMaxWidth: 36,
    barGap: '10%',
    itemStyle: { color },
    data: values,
    label: {
      show: true,
      position: 'top',
      color: labelColor,
      fontSize: FONT_SIZE.label,
      formatter: (p) => formatValue(Number(p.value), 'rate'),
    },
  });
  const option: EChartsOption = {
    ...baseOption(input),
    legend: legend([input.actualLabel, input.targetLabel], 14),
    grid: gridBox(titleHeight(input) + 8),
    xAxis: {
      type: 'category',
      data: axisLabels(
        input.roles.map((r) => r.name),
        NAME_EM,
      ),
      ...categoryAxisStyle,
    },
    yAxis: valueAxis('rate', { min: 0, max: yMax }),
    series: [
      bar(
        input.actualLabel,
        TONE.primary,
        input.roles.map((r) => r.actual),
        INK.text,
      ),
      bar(
        input.targetLabel,
        TONE.context,
        input.roles.map((r) => r.target),
        INK.muted,
      ),
    ],
  };
  return {
    kind: 'roleMix',
    title: input.title,
    width: input.width ?? DEFAULT_WIDTH,
    height: input.height ?? DEFAULT_HEIGHT - 50,
    option,
  };
}
