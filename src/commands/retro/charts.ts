/**
 * The retro's charts (issue 20), from the localised report: a template places them with
 * `{{chart:name}}`. Each is null when the export has no data for it (no channels, no minute trend,
 * no earlier streams). Loaded only when a workbook is written.
 */
import { thresholdOf } from '../../domain/rules.js';
import type { RetroReport } from '../../i18n/retro.js';
import type { Lang } from '../../format.js';
import { metricLabel } from '../../i18n/labels.js';
import { listingsOnTrend, wallMinute } from '../../domain/retro/switches.js';
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
    switches: '虚线：商品上架',
    switchesKept: (n: number, of: number) => `（成交金额最高的 ${n} 次，共 ${of} 次）`,
    alsoListed: (n: number) => `等${n}款`,
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
    switches: 'dashed: a product listed',
    switchesKept: (n: number, of: number) => ` (the ${n} with the most GMV of ${of})`,
    alsoListed: (n: number) => ` +${n - 1}`,
    baseline: 'This stream vs the recent median',
    baselineLabel: 'recent median = 100',
    top: (n: number, of: number) => `top ${n} of ${of}`,
  },
};

const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
const productName = (p: { name: string | null; id: string | null; rank: number }) => p.name ?? p.id ?? `#${p.rank}`;

/** Switch lines a curve carries at most: past a dozen their labels run into one another. */
export const CURVE_SWITCHES = 12;

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A trend time as the curve's axis shows it: "19:58" on the Shanghai clock (a time it cannot read, as given). */
function minuteLabel(time: string): string {
  const m = wallMinute(time);
  return m === null ? time : `${pad2(Math.floor(m.ofDay / 60))}:${pad2(m.ofDay % 60)}`;
}

type Trend = NonNullable<RetroReport['trend']>;
type Product = NonNullable<RetroReport['products']>[number];

/**
 * The minute curve, with a dashed line at each minute a product was listed during the stream
 * (several at one minute: one line, named by the one with most GMV, "等3款"). With more than
 * CURVE_SWITCHES such minutes, those of the products with most GMV are kept, and the subtitle says so.
 */
function trendChart(trend: Trend, products: readonly Product[], start: string | null, lang: Lang): Chart {
  const W = WORDS[lang];
  const times = trend.map((t) => minuteLabel(t.time!));
  const listed = listingsOnTrend(
    trend.map((t) => t.time!),
    products,
    start,
  );
  const kept = mostBy(listed, CURVE_SWITCHES, (l) => l.products[0]!.gmv).sort((a, b) => a.index - b.index);
  const subtitle = !listed.length
    ? null
    : W.switches + (kept.length < listed.length ? W.switchesKept(kept.length, listed.length) : '');
  return minuteCurveChart({
    title: W.trend,
    ...(subtitle ? { subtitle } : {}),
    times,
    values: trend.map((t) => t.online),
    seriesName: W.online,
    switches: kept.map((l) => ({
      at: times[l.index]!,
      label: productName(l.products[0]!),
      ...(l.products.length > 1 ? { note: W.alsoListed(l.products.length) } : {}),
    })),
    format: 'count',
  });
}

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
    trend: trend.some((t) => t.online !== null) ? trendChart(trend, products, r.stream.start, lang) : null,
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
