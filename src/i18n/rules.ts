/**
 * The words of each rule of the rule table (domain/rules.ts): its name, and the action the
 * improvement list suggests. A new rule is its row there plus its entries here.
 */
import type { Lang } from './labels.js';

/** The rule's one-line name, as alerts and the improvement list show it. */
export const RULE_TEXT: Record<string, { zh: string; en: string }> = {
  'uv-value-low': {
    zh: 'UV价值低于阈值，启动付费流量优化',
    en: 'UV value below threshold: start paid-traffic optimisation',
  },
  'uv-value-critical': {
    zh: 'UV价值过低，提示主播强化逼单话术',
    en: 'UV value critical: cue the anchor to strengthen the closing talk',
  },
  'product-click-low': {
    zh: '商品点击率低，延长该商品讲解',
    en: "Product click rate low: extend this product's explanation",
  },
  'product-conversion-low': { zh: '商品转化率低，调整逼单话术', en: 'Product conversion low: adjust the closing talk' },
  'weekly-click-eliminate': { zh: '周点击率低，启动淘汰', en: 'Weekly click rate low: start elimination' },
  'weekly-conversion-eliminate': { zh: '周转化率低，建议淘汰', en: 'Weekly conversion low: eliminate' },
  'uv-drop': { zh: '观看人数较基线下降过多，异常预警', en: 'Viewers dropped against the baseline: anomaly alert' },
  'stock-low': {
    zh: '库存不足，补货预警（福利款售罄则下架）',
    en: 'Stock low: restock (a sold-out giveaway product is delisted)',
  },
  'backup-suppliers': { zh: '该品类备选供应商不足', en: 'Too few backup suppliers for this category' },
  'cs-response': { zh: '客服首次响应超时', en: 'Customer-service first response too slow' },
  'negative-spike': {
    zh: '负面评论/咨询集中出现，启动舆情预案',
    en: 'Negative comments and consultations spike: follow the crisis plan',
  },
  'segment-reminder': { zh: '环节切换前提醒', en: 'Reminder before a segment switch' },
  'floor-refresh': {
    zh: '场控刷新在线/点击/转化数据',
    en: 'Floor control refreshes online / click / conversion figures',
  },
  rehearsal: { zh: '直播前彩排', en: 'Rehearsal before the stream' },
};

export function ruleText(id: string, lang: Lang): string {
  return RULE_TEXT[id]?.[lang] ?? id;
}

/** The rule's short name, for a sheet's 规则 column (the id stays in --json and the config). */
const RULE_NAMES: Record<string, { zh: string; en: string }> = {
  'uv-value-low': { zh: 'UV价值偏低', en: 'UV value low' },
  'uv-value-critical': { zh: 'UV价值过低', en: 'UV value critical' },
  'product-click-low': { zh: '商品点击率低', en: 'Product click rate low' },
  'product-conversion-low': { zh: '商品转化率低', en: 'Product conversion low' },
  'weekly-click-eliminate': { zh: '周点击率低', en: 'Weekly click rate low' },
  'weekly-conversion-eliminate': { zh: '周转化率低', en: 'Weekly conversion low' },
  'uv-drop': { zh: '观看人数骤降', en: 'Viewer drop' },
  'stock-low': { zh: '库存不足', en: 'Stock low' },
  'stock-delist': { zh: '福利款售罄下架', en: 'Sold-out giveaway: delist' },
  'backup-suppliers': { zh: '备选供应商不足', en: 'Too few backup suppliers' },
  'supplier-price': { zh: '供货价偏高', en: 'Supplier price high' },
  'supplier-terms': { zh: '供应商条件不全', en: 'Supplier terms missing' },
  'cs-response': { zh: '客服响应慢', en: 'Slow first response' },
  'negative-spike': { zh: '负面舆情', en: 'Negative spike' },
  'segment-reminder': { zh: '环节切换提醒', en: 'Segment reminder' },
  'floor-refresh': { zh: '场控刷新数据', en: 'Floor refresh' },
  rehearsal: { zh: '彩排', en: 'Rehearsal' },
  'retro-deadline': { zh: '复盘时限', en: 'Retro deadline' },
};

export function ruleName(id: string, lang: Lang): string {
  return RULE_NAMES[id]?.[lang] ?? RULE_TEXT[id]?.[lang] ?? id;
}

/** Several rules' names, "周点击率低、周转化率低". */
export function ruleNames(ids: readonly string[], lang: Lang): string {
  return ids.map((id) => ruleName(id, lang)).join(lang === 'zh' ? '、' : ', ');
}

/**
 * Suggested action per rule (who acts is the rule's, in domain/rules.ts). `th` gives a rule's
 * configured threshold, so a text never states a number the config can change.
 */
type ActionText = (subject: string, th: (rule: string) => number) => string;
export const RULE_ACTIONS: Record<string, { zh: ActionText; en: ActionText }> = {
  'uv-value-low': {
    zh: () => '启动付费流量优化：复核千川投放人群、出价与素材，提高进房人群精准度',
    en: () => 'Start paid-traffic optimisation: review audience, bids and creatives so viewers are better targeted',
  },
  'uv-value-critical': {
    zh: () => '直播中UV价值低于阈值时提示主播强化逼单话术（限时、限量、赠品）',
    en: () => 'When UV value falls below the line during the stream, cue the anchor to strengthen the closing talk',
  },
  'product-click-low': {
    zh: (s) => `延长「${s}」的讲解时间，用场景化展示代替参数罗列`,
    en: (s) => `Extend the explanation of "${s}" with scene-based demonstration rather than a parameter list`,
  },
  'product-conversion-low': {
    zh: (s) => `调整「${s}」的逼单话术：强调限时价格、库存和赠品`,
    en: (s) => `Adjust the closing talk for "${s}": stress the time-limited price, stock and gifts`,
  },
  'uv-drop': {
    zh: () => '排查流量异常：按渠道对比观看人数，检查限流、投放中断或开播时间变化',
    en: () =>
      'Investigate the traffic drop: compare viewers by channel, check for throttling, paused spend or a changed slot',
  },
  'stock-low': {
    zh: (s) => `为「${s}」补货，并在场控提示单中加入库存提醒`,
    en: (s) => `Restock "${s}" and add a stock reminder to the cue sheet`,
  },
  'cs-response': {
    zh: (_s, th) => `客服排班覆盖开播高峰，准备尺码、发货、退换的快捷回复，首次响应控制在 ${th('cs-response')} 秒内`,
    en: (_s, th) =>
      `Staff customer service for the stream's peak and prepare quick replies (size, shipping, returns) so first responses stay within ${th('cs-response')} s`,
  },
  'negative-spike': {
    zh: () => '按预案处理舆情：客服私信安抚并收集订单号；评估是否暂停直播、发布说明（由负责人决定）',
    en: () =>
      'Follow the crisis plan: customer service answers privately and collects order numbers; decide whether to pause the stream and issue a statement',
  },
  // The selector's action on a product a weekly elimination rule (click or conversion) put on the list.
  eliminate: {
    zh: (s) => `淘汰或替换「${s}」`,
    en: (s) => `Eliminate or replace "${s}"`,
  },
  'stock-delist': {
    zh: (s) => `福利款「${s}」已售罄：下架`,
    en: (s) => `Giveaway product "${s}" is sold out: delist it`,
  },
};
