/**
 * Words the retro report uses, in the team's language (zh) and in English.
 */

export type Lang = 'zh' | 'en';

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
    en: () => 'Investigate the traffic drop: compare viewers by channel, check for throttling, paused spend or a changed slot',
  },
  'stock-low': {
    zh: (s) => `为「${s}」补货，并在场控提示单中加入库存提醒`,
    en: (s) => `Restock "${s}" and add a stock reminder to the cue sheet`,
  },
  'cs-response': {
    zh: (_s, th) => `客服排班覆盖开播高峰，准备尺码、发货、退换的快捷回复，首次响应控制在 ${th('cs-response')} 秒内`,
    en: (_s, th) => `Staff customer service for the stream's peak and prepare quick replies (size, shipping, returns) so first responses stay within ${th('cs-response')} s`,
  },
  'negative-spike': {
    zh: () => '按预案处理舆情：客服私信安抚并收集订单号；评估是否暂停直播、发布说明（由负责人决定）',
    en: () => 'Follow the crisis plan: customer service answers privately and collects order numbers; decide whether to pause the stream and issue a statement',
  },
  'stock-delist': {
    zh: (s) => `福利款「${s}」已售罄：下架`,
    en: (s) => `Giveaway product "${s}" is sold out: delist it`,
  },
};

export const RETRO_TEXT = {
  zh: {
    stream: '整场',
    product: (name: string) => `商品「${name}」`,
    checkAction: (label: string, stated: string, computed: string) =>
      `核对导出数据：${label} 平台显示 ${stated}，按计数计算为 ${computed}`,
    checkEvidence: (source: string) => `来源：${source}`,
    hotspotEvidence: (label: string, count: number, questions: number, share: string, source: string) =>
      `${label}：${share} 的${source === 'comments' ? '评论提问' : '客服咨询'}（${count}/${questions}）`,
    missingAction: (labels: string) => `下次导出时补充：${labels}（本次复盘无法计算）`,
    computed: '计算',
  },
  en: {
    stream: 'stream',
    product: (name: string) => `product "${name}"`,
    checkAction: (label: string, stated: string, computed: string) =>
      `Check the export: ${label} shows ${stated} on the platform but ${computed} from the counts`,
    checkEvidence: (source: string) => `source: ${source}`,
    hotspotEvidence: (label: string, count: number, questions: number, share: string, source: string) =>
      `${label}: ${share} of ${source === 'comments' ? 'questions in comments' : 'consultations'} (${count}/${questions})`,
    missingAction: (labels: string) => `Export these next time: ${labels} (this retro could not compute them)`,
    computed: 'computed',
  },
};
