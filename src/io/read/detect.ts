/**
 * What a table is (kind) and where it came from (platform), decided from its headers — never from
 * a sheet's name alone (exceljs's streaming reader can report sheets as Sheet1…N).
 */
import { normalizeHeader } from './headers.js';

export const TABLE_KINDS = [
  'stream-summary',
  'stream-list',
  'channels',
  'short-video',
  'products',
  'minute-trend',
  'comments',
  'orders',
  'selection',
  'consultations',
  'kpi',
  'unknown',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export const PLATFORMS = ['douyin', 'taobao', 'kuaishou', 'channels', 'generic'] as const;
export type Platform = (typeof PLATFORMS)[number];

export type Layout = 'table' | 'single-record' | 'key-value';

export const KIND_LABELS: Record<TableKind, { zh: string; en: string }> = {
  'stream-summary': { zh: '单场汇总', en: 'stream summary' },
  'stream-list': { zh: '场次列表', en: 'stream list' },
  channels: { zh: '流量渠道', en: 'traffic channels' },
  'short-video': { zh: '短视频引流', en: 'short-video referrals' },
  products: { zh: '商品数据', en: 'product list' },
  'minute-trend': { zh: '分钟趋势', en: 'minute trend' },
  comments: { zh: '评论', en: 'comments' },
  orders: { zh: '订单', en: 'orders' },
  selection: { zh: '选品表', en: 'selection table' },
  consultations: { zh: '客服咨询', en: 'consultations' },
  kpi: { zh: 'KPI 数据', en: 'KPI input' },
  unknown: { zh: '未识别', en: 'not recognised' },
};

export { PLATFORM_LABELS } from '../../model/platforms.js';

/**
 * Fields a table of each kind cannot be used without. `anyOf` groups: one of them suffices.
 */
export const REQUIRED: Partial<Record<TableKind, string[][]>> = {
  orders: [['orderId'], ['orderAmount', 'paidAmount', 'gmv']],
  comments: [['commentText']],
  consultations: [['consultText', 'firstResponse', 'firstReplyTime']],
  products: [['productId', 'productName']],
  selection: [['productName', 'productId']],
  channels: [['channel'], ['uv', 'pv', 'gmv']],
  'short-video': [['videoName']],
  'minute-trend': [['time'], ['online', 'entries', 'gmv', 'uv']],
  kpi: [['personName'], ['staffRole']],
};

const SELECTION_MARKERS = [
  'supplier',
  'stock',
  'productRole',
  'competitorPrice',
  'commissionRate',
  'sellingPoints',
  'category',
  'qcReport',
  'sevenDayReturns',
  'shippingInsurance',
  'giveaway',
  'dailyPrice',
  'faq',
  'restockDays',
];
const STREAM_MARKERS = [
  'uv',
  'pv',
  'gmv',
  'start',
  'streamTime',
  'duration',
  'avgDwell',
  'peakOnline',
  'avgOnline',
  'buyers',
  'orders',
  'newFollowers',
  'exposedUsers',
  'streamId',
  'productClickers',
];

/** Which kind a table with these fields is. The order of checks resolves overlaps. */
export function detectKind(fields: ReadonlySet<string>, layout: Layout): TableKind {
  const has = (f: string) => fields.has(f);
  const count = (list: string[]) => list.filter(has).length;
  if (has('orderId')) return 'orders';
  if (has('commentText')) return 'comments';
  if (has('consultText') || has('firstResponse') || has('firstReplyTime')) return 'consultations';
  if (has('personName') && has('staffRole')) return 'kpi';
  if (has('videoName')) return 'short-video';
  if (has('channel') && !has('productName') && !has('productId')) return 'channels';
  if (has('time') && count(['online', 'entries', 'leaves']) > 0) return 'minute-trend';
  if (has('productName') || has('productId')) {
    return count(SELECTION_MARKERS) >= 2 ? 'selection' : 'products';
  }
  if (count(STREAM_MARKERS) >= 2 || (layout !== 'table' && count(STREAM_MARKERS) >= 1)) {
    return layout === 'table' ? 'stream-list' : 'stream-summary';
  }
  return 'unknown';
}

/** Headers (and title text) that only one platform writes. Matched after normalisation. */
const PLATFORM_MARKERS: Record<Exclude<Platform, 'generic'>, string[]> = {
  douyin: [
    '达人昵称',
    '抖音号or火山号',
    '直播间用户支付金额',
    '用户支付金额',
    '千次观看用户支付金额',
    '千川消耗',
    '直播间曝光-观看率(人数)',
    '直播间观看-成交率(人数)',
    '直播间商品点击-成交率(人数)',
    '商品曝光-点击率(人数)',
    '商品点击-成交率(人数)',
    '新加直播团',
    '新加购物团',
    '投放消耗',
    '短视频引流直播间次数',
    '千次曝光用户支付金额',
    '抖音',
    '罗盘',
    '巨量百应',
    '直播间观看-互动率(次数)',
  ],
  taobao: [
    '场次id',
    '流量券消耗',
    '成交金额(元)',
    '封面图点击率',
    '种草成交金额(元)',
    '引导进店次数',
    '直播间浏览人数',
    '预售定金支付金额',
    '预售预估总金额',
    '次均观看时长(秒)',
    '观看总时长(秒)',
    '生意参谋',
    '淘宝',
    '宝贝id',
    '宝贝标题',
  ],
  kuaishou: ['退款金额(退款日)', '成交退款订单数', '快手', '快手号', '磁力金牛'],
  channels: [
    'total_audience_count',
    'audiences_avg_seconds',
    'max_online_count',
    'new_follow_count',
    'total_comment_count',
    'pay_gmv',
    '视频号',
    '视频号id',
  ],
};

const MARKER_SETS = Object.fromEntries(
  Object.entries(PLATFORM_MARKERS).map(([p, list]) => [p, new Set(list.map(normalizeHeader))]),
) as Record<Exclude<Platform, 'generic'>, Set<string>>;

/**
 * The platform whose markers occur most among the headers, or in the title rows / file name
 * (e.g. "生意参谋-直播-分场次效果", "抖音电商罗盘"). Ties and no evidence → generic.
 */
export function detectPlatform(headers: string[], context: string[] = []): Platform {
  const keys = headers.map(normalizeHeader);
  const text = context.map(normalizeHeader).join(' ');
  let best: Platform = 'generic';
  let bestScore = 0;
  let tie = false;
  for (const [platform, markers] of Object.entries(MARKER_SETS) as Array<[Platform, Set<string>]>) {
    let score = keys.filter((k) => markers.has(k)).length * 2;
    for (const m of markers) if (m.length >= 2 && text.includes(m)) score += 1;
    if (score > bestScore) {
      best = platform;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) {
      tie = true;
    }
  }
  return tie ? 'generic' : best;
}
