/**
 * The trend's chart: the metric per period as a line, a period without a figure a gap in it (never
 * a 0). Loaded only when a page is written.
 */
import { minuteCurveChart, type Chart, type ValueFormat } from '../../io/write/charts/index.js';
import type { TrendMetric } from '../../domain/history/trend.js';
import type { TrendReport } from '../../i18n/trend.js';
import type { TREND_CHART_NAMES } from './chart-names.js';

const FORMATS: Record<TrendMetric, ValueFormat> = {
  gmv: 'yuan',
  uv: 'count',
  'uv-value': 'yuan',
  conversion: 'rate',
  'view-conversion': 'rate',
  dwell: 'score',
  'click-rate': 'rate',
};

export function trendCharts(r: TrendReport): Record<(typeof TREND_CHART_NAMES)[number], Chart | null> {
  if (!r.periods.some((p) => p.value !== null)) return { trend: null };
  return {
    trend: minuteCurveChart({
      title: r.title,
      subtitle: r.definition,
      times: r.periods.map((p) => p.id),
      values: r.periods.map((p) => p.value),
      seriesName: r.metricLabel,
      switches: [],
      format: FORMATS[r.metric],
    }),
  };
}
