/**
 * The weekly report's charts (issue 20), from the localised report: the week against the last
 * (last week = 100), GMV and UV per stream, channel attribution, and target achievement (only
 * with a target). Loaded only when a workbook is written.
 */
import type { Lang } from '../../format.js';
import type { LocalisedWeeklyReport } from '../../i18n/weekly.js';
import { metricLabel } from '../../i18n/labels.js';
import {
  baselineComparisonChart,
  channelShareChart,
  streamComparisonChart,
  targetAchievementChart,
  type Chart,
  type ValueFormat,
} from '../../io/write/charts/index.js';
import type { WEEKLY_CHART_NAMES } from './chart-names.js';

const WORDS = {
  zh: {
    week: (id: string, prev: string) => `${id} 对比上周 ${prev}`,
    lastWeek: '上周 = 100',
    streams: '各场成交金额',
    gmv: '成交金额',
    channels: '渠道归因',
    uv: '观看人数',
    target: '目标达成',
    actual: '实际',
    goal: '目标',
    weekGmv: '本周成交金额',
    streamsMetric: '场次',
  },
  en: {
    week: (id: string, prev: string) => `${id} against ${prev}`,
    lastWeek: 'last week = 100',
    streams: 'GMV per stream',
    gmv: 'GMV',
    channels: 'Channel attribution',
    uv: 'Viewers',
    target: 'Target achievement',
    actual: 'actual',
    goal: 'target',
    weekGmv: "This week's GMV",
    streamsMetric: 'Streams',
  },
};

const FIGURES: Array<{ key: 'streams' | 'gmv' | 'uv' | 'uvValue' | 'viewToOrderRate'; format: ValueFormat }> = [
  { key: 'streams', format: 'count' },
  { key: 'gmv', format: 'yuan' },
  { key: 'uv', format: 'count' },
  { key: 'uvValue', format: 'yuan' },
  { key: 'viewToOrderRate', format: 'rate' },
];

export function weeklyCharts(
  r: LocalisedWeeklyReport,
  lang: Lang,
): Record<(typeof WEEKLY_CHART_NAMES)[number], Chart | null> {
  const W = WORDS[lang];
  const t = r.totals as unknown as Record<string, number | null>;
  const prev = r.previousTotals as unknown as Record<string, number | null> | null;
  const compared = FIGURES.filter((f) => t[f.key] !== null && t[f.key] !== undefined);
  const streams = r.streams.filter((s) => s.gmv !== null);
  const label = (s: (typeof r.streams)[number]) =>
    `${s.start ? s.start.slice(5, 10).replace('-', '/') : `#${s.no}`} ${s.account ?? s.title ?? ''}`.trim();
  const channels = r.attribution.channels.filter((c) => c.uv !== null || c.gmv !== null);
  const { target, gmv } = r.targetAchievement;
  return {
    week:
      prev && compared.length
        ? baselineComparisonChart({
            title: W.week(r.week.id, r.previousWeek.id),
            metrics: compared.map((f) => ({
              name: f.key === 'streams' ? W.streamsMetric : metricLabel(f.key, lang),
              current: t[f.key]!,
              baseline: prev[f.key] ?? null,
              format: f.format,
            })),
            baselineLabel: W.lastWeek,
          })
        : null,
    streams: streams.length
      ? streamComparisonChart({
          title: W.streams,
          streams: streams.map(label),
          series: [{ name: W.gmv, values: streams.map((s) => s.gmv) }],
          format: 'yuan',
        })
      : null,
    channels: channels.length
      ? channelShareChart({
          title: W.channels,
          channels: channels.map((c) => ({ name: c.name, uv: c.uv ?? 0, gmv: c.gmv ?? 0 })),
          uvLabel: W.uv,
          gmvLabel: W.gmv,
        })
      : null,
    target:
      target !== null && gmv !== null
        ? targetAchievementChart({
            title: W.target,
            items: [{ name: W.weekGmv, actual: gmv, target, format: 'yuan' }],
            actualLabel: W.actual,
            targetLabel: W.goal,
          })
        : null,
  };
}
