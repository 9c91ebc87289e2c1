/**
 * The selector's charts (issue 20), from the localised report: the week's products on click rate ×
 * conversion with the elimination lines (eliminated ones marked), and the pool's roles against the
 * target mix. Null when the week has no data for one. Loaded only when a workbook is written.
 */
import { thresholdOf } from '../../domain/rules.js';
import type { Lang } from '../../format.js';
import type { SelectReport } from '../../i18n/select.js';
import { mostBy, rateScatterChart, SCATTER_POINTS, roleMixChart, type Chart } from '../../io/write/charts/index.js';
import type { SELECT_CHART_NAMES } from './chart-names.js';

const WORDS = {
  zh: {
    productRates: (week: string) => `${week} 商品周点击率 × 周转化率`,
    lines: (click: string, conv: string) => `虚线：点击率 ${click}、转化率 ${conv}（低于任一即淘汰）`,
    most: (n: number, of: number) => `；曝光最多的 ${n} 个 / 共 ${of.toLocaleString('en-US')} 个`,
    clickRate: '周点击率',
    conversion: '周转化率',
    kept: '保留',
    eliminated: '淘汰',
    roleMix: '选品池角色占比 vs 目标',
    actual: '选品池',
    target: '目标',
  },
  en: {
    productRates: (week: string) => `${week}: weekly click rate × conversion`,
    lines: (click: string, conv: string) => `dashed: click rate ${click}, conversion ${conv} (below either: eliminate)`,
    most: (n: number, of: number) => `; the ${n} most exposed of ${of.toLocaleString('en-US')}`,
    clickRate: 'Weekly click rate',
    conversion: 'Weekly conversion',
    kept: 'kept',
    eliminated: 'eliminated',
    roleMix: 'Pool roles vs the target mix',
    actual: 'pool',
    target: 'target',
  },
};

const pct = (r: number) => `${+(r * 100).toFixed(2)}%`;

export function selectCharts(r: SelectReport, lang: Lang): Record<(typeof SELECT_CHART_NAMES)[number], Chart | null> {
  const W = WORDS[lang];
  const click = thresholdOf('weekly-click-eliminate', r.thresholds);
  const conv = thresholdOf('weekly-conversion-eliminate', r.thresholds);
  const key = (p: { id: string | null; name: string | null }) => `${p.id ?? ''}\u0000${p.name ?? ''}`;
  const eliminated = new Set(r.eliminate.map(key));
  const rated = r.products.filter((p) => p.clickRate !== null && p.conversionRate !== null);
  const shown = mostBy(rated, SCATTER_POINTS, (p) => p.exposed);
  const balance = r.pool.balance.filter((b) => b.share !== null);
  return {
    productRates: rated.length
      ? rateScatterChart({
          title: W.productRates(r.week.id),
          subtitle:
            W.lines(pct(click), pct(conv)) + (shown.length < rated.length ? W.most(shown.length, rated.length) : ''),
          products: shown.map((p) => ({
            name: p.name ?? p.id ?? '—',
            clickRate: p.clickRate!,
            conversionRate: p.conversionRate!,
            marked: eliminated.has(key(p)),
          })),
          thresholds: { clickRate: click, conversionRate: conv },
          xName: W.clickRate,
          yName: W.conversion,
          seriesNames: { normal: W.kept, marked: W.eliminated },
        })
      : null,
    roleMix: balance.length
      ? roleMixChart({
          title: W.roleMix,
          roles: balance.map((b) => ({ name: b.label, actual: b.share!, target: b.target })),
          actualLabel: W.actual,
          targetLabel: W.target,
        })
      : null,
  };
}
