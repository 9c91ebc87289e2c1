/**
 * The retro's charts (issue 20), from the localised report: a template places them with
 * `{{chart:name}}`. Each is null when the export has no data for it (no channels, no minute trend,
 * no earlier streams). Loaded only when a workbook is written.
 */
import { thresholdOf } from '../../domain/rules.js';
import type { RetroReport } from '../../i18n/retro.js';
import type { Lang } from '../../format.js';
import { metricLabel } from '../../i18n/labels.js';
import type { RETRO_CHART_NAMES } from './chart-names.js';
import {
  baselineComparisonChart,
  channelShareChart,
  minuteCurveChart,
  mostBy,
  SCATTER_POINTS,
  productGmvChart,
  rateScatterChart,
  type Chart,
  type ValueFormat,
} from '../../io/write/charts/index.js';

const WORDS = {
  zh: {
    productGmv: '商品成交金额',
    flagged: '触发规则',
    ok: '正常',
    productRates: '商品点击率 × 转化率',
    rateLines: (click: string, conv: string) => `虚线：点击率 ${click}、转化率 ${conv}（低于即预警）`,
    most: (n: number, of: number) => `；曝光最多的 ${n} 个 / 共 ${of.toLocaleString('en-US')} 个`,
    clickRate: '点击率',
    conversion: '转化率',
    channels: '渠道占比',
    uv: '观看人数',
    gmv: '成交金额',
    trend: '在线人数（分钟）',
    online: '在线人数',
    baseline: '本场 vs 近期中位数',
    baselineLabel: '近期中位数 = 100',
    top: (n: number, of: number) => `前 ${n} / 共 ${of}`,
  },
  en: {
    productGmv: 'GMV by product',
    flagged: 'rule fired',
    ok: 'fine',
    productRates: 'Product click rate × conversion',
    rateLines: (click: string, conv: string) => `dashed: click rate ${click}, conversion ${conv} (below: alert)`,
    most: (n: number, of: number) => `; the ${n} most exposed of ${of.toLocaleString('en-US')}`,
    clickRate: 'Click rate',
    conversion: 'Conversion',
    channels: 'Channel share',
    uv: 'Viewers',
    gmv: 'GMV',
    trend: 'Online viewers by minute',
    online: 'Online',
    baseline: 'This stream vs the recent median',
    baselineLabel: 'recent median = 100',
    top: (n: number, of: number) => `top ${n} of ${of}`,
  },
};

const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
const productName = (p: { name: string | null; id: string | null; rank: number }) => p.name ?? p.id ?? `#${p.rank}`;

export function retroCharts(r: RetroReport, lang: Lang): Record<(typeof RETRO_CHART_NAMES)[number], Chart | null> {
  const W = WORDS[lang];
  const products = r.products ?? [];
  const LIMIT = 20;
  const withGmv = products.filter((p) => p.gmv !== null);
  const rated = products.filter((p) => p.clickRate !== null && p.conversionRate !== null);
  const shown = mostBy(rated, SCATTER_POINTS, (p) => p.exposed);
  const click = thresholdOf('product-click-low', r.thresholds);
  const conv = thresholdOf('product-conversion-low', r.thresholds);
  const channels = (r.channels ?? []).filter((c) => c.uv !== null || c.gmv !== null);
  const trend = (r.trend ?? []).filter((t) => t.time !== null);
  const compared = (r.comparison?.metrics ?? []).filter((m) => m.current !== null && m.median);
  const format = (metric: string): ValueFormat =>
    metric === 'uv' ? 'count' : metric === 'viewToOrderRate' ? 'rate' : 'yuan';
  return {
    productGmv: withGmv.length
      ? productGmvChart({
          title: W.productGmv,
          ...(withGmv.length > LIMIT ? { subtitle: W.top(LIMIT, withGmv.length) } : {}),
          products: withGmv.map((p) => ({ name: productName(p), gmv: p.gmv!, marked: p.flags.length > 0 })),
          limit: LIMIT,
          seriesNames: { normal: W.ok, marked: W.flagged },
        })
      : null,
    productRates: rated.length
      ? rateScatterChart({
          title: W.productRates,
          subtitle:
            W.rateLines(pct(click), pct(conv)) +
            (shown.length < rated.length ? W.most(shown.length, rated.length) : ''),
          products: shown.map((p) => ({
            name: productName(p),
            clickRate: p.clickRate!,
            conversionRate: p.conversionRate!,
            marked: p.flags.length > 0,
          })),
          thresholds: { clickRate: click, conversionRate: conv },
          xName: W.clickRate,
          yName: W.conversion,
          seriesNames: { normal: W.ok, marked: W.flagged },
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
    trend: trend.some((t) => t.online !== null)
      ? minuteCurveChart({
          title: W.trend,
          times: trend.map((t) => t.time!),
          values: trend.map((t) => t.online),
          seriesName: W.online,
          switches: [],
          format: 'count',
        })
      : null,
    baseline: compared.length
      ? baselineComparisonChart({
          title: W.baseline,
          metrics: compared.map((m) => ({
            name: metricLabel(m.metric, lang),
            current: m.current!,
            baseline: m.median,
            format: format(m.metric),
          })),
          baselineLabel: W.baselineLabel,
        })
      : null,
  };
}
