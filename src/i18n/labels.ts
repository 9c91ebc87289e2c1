/**
 * The labels every command shares, zh and en: who acts, how urgent, what a metric is called.
 * The domain names these by code (a Role, a severity, a metric key); renderers and writers read them here.
 */
import type { Role, Severity } from '../domain/rules.js';

import type { Lang } from '../format.js';

export type { Lang };

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  director: { zh: '运营总监', en: 'operations director' },
  ops: { zh: '直播运营', en: 'operations' },
  'floor-control': { zh: '场控', en: 'floor control' },
  anchor: { zh: '主播', en: 'anchor' },
  selector: { zh: '选品', en: 'selector' },
  data: { zh: '数据分析', en: 'data analyst' },
  cs: { zh: '客服', en: 'customer service' },
  assistant: { zh: '助播', en: 'assistant' },
};

export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  critical: { zh: '严重', en: 'critical' },
  warning: { zh: '提醒', en: 'warning' },
};

export const METRIC_LABELS: Record<string, { zh: string; en: string }> = {
  gmv: { zh: '成交金额', en: 'GMV' },
  orders: { zh: '成交订单数', en: 'Orders' },
  buyers: { zh: '成交人数', en: 'Buyers' },
  itemsSold: { zh: '成交件数', en: 'Items sold' },
  uv: { zh: '观看人数', en: 'Viewers (UV)' },
  pv: { zh: '观看次数', en: 'Views (PV)' },
  uvValue: { zh: 'UV价值', en: 'UV value' },
  gpm: { zh: '千次观看成交金额', en: 'GPM' },
  avgDwellSeconds: { zh: '人均观看时长', en: 'Average dwell' },
  productExposed: { zh: '商品曝光人数', en: 'Product-exposed viewers' },
  productClickers: { zh: '商品点击人数', en: 'Product clickers' },
  productClickRate: { zh: '商品点击率', en: 'Product click rate' },
  clickToOrderRate: { zh: '点击成交转化率', en: 'Click→order conversion' },
  viewToOrderRate: { zh: '观看成交转化率', en: 'View→order conversion' },
  refundAmount: { zh: '退款金额', en: 'Refunds' },
  refundRate: { zh: '退款率', en: 'Refund rate' },
  paidSpend: { zh: '投放消耗', en: 'Paid-traffic spend' },
  roi: { zh: '投放ROI', en: 'ROI on spend' },
  newFollowers: { zh: '新增粉丝', en: 'New followers' },
  peakOnline: { zh: '最高在线', en: 'Peak online' },
  avgOnline: { zh: '平均在线', en: 'Average online' },
};

export function metricLabel(key: string, lang: Lang): string {
  return METRIC_LABELS[key]?.[lang] ?? key;
}

/** Where a hotspot or a candidate was asked: in the comments or of customer service. */
export const HOTSPOT_SOURCE_LABELS = {
  comments: { zh: '评论', en: 'comments' },
  consultations: { zh: '客服咨询', en: 'consultations' },
} as const;

/** Where a product's role came from: the team's selection table, or liveops's suggestion. */
export const ROLE_SOURCE_LABELS = {
  table: { zh: '选品表', en: 'selection table' },
  suggested: { zh: '建议', en: 'suggested' },
} as const;

/** The unit a sheet formats a figure by (xlsx-template's `| unit`): one format per figure. */
export type SheetUnit = 'money' | 'rate' | 'count' | 'duration' | 'number';

/** A rule's unit (domain/rules.ts) as a sheet formats it. */
export function sheetUnitOf(unit: string): SheetUnit {
  switch (unit) {
    case 'yuan':
      return 'money';
    case 'rate':
      return 'rate';
    case 'seconds':
      return 'duration';
    case 'units':
    case 'count':
      return 'count';
    default:
      return 'number';
  }
}

/** How a metric of the summary is shown: money, a rate, a count or a duration. */
export function metricUnit(metric: string): SheetUnit {
  if (/Rate$|Share$/.test(metric)) return 'rate';
  if (metric === 'avgDwellSeconds') return 'duration';
  if (metric === 'roi') return 'number';
  if (['gmv', 'uvValue', 'gpm', 'refundAmount', 'paidSpend'].includes(metric)) return 'money';
  return 'count';
}
