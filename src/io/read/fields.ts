/**
 * The field catalogue: every column liveops understands, its value type, its labels, and the header
 * names platforms use for it (PLATFORMS.md). Headers are matched after normalisation (headers.ts),
 * so aliases here are written as they appear in exports.
 *
 * "(人数)" people and "(次数)" times variants are different fields and must stay apart.
 */
import type { DurationUnit, ValueType } from './values.js';

export interface FieldDef {
  id: string;
  type: ValueType;
  zh: string;
  en: string;
  aliases: string[];
  /** Unit of a bare number in a duration column when the header does not say. */
  durationUnit?: DurationUnit;
  /** A rate that may exceed 100 % (a growth rate): no warning above 100 %. */
  unbounded?: boolean;
  /** A goal field: the per-row target of this figure (GMV目标 of gmv). A 目标 column of the figure is this field. */
  targetOf?: string;
  /** Multiplier for aliases whose amounts come in another unit (WeChat Channels API: fen). */
  aliasScale?: Record<string, number>;
}

type Def = [id: string, type: ValueType, zh: string, en: string, aliases: string[], extra?: Partial<FieldDef>];

const DEFS: Def[] = [
  // — stream identity —
  [
    'account',
    'text',
    '账号',
    'Account',
    ['达人昵称', '账号', '账号名称', '账号昵称', '直播间名称', '店铺名称', '主播账号', 'nickname'],
  ],
  ['accountId', 'id', '账号ID', 'Account ID', ['抖音号or火山号', '抖音号', '账号ID', '快手号', '视频号ID']],
  ['anchor', 'text', '主播', 'Anchor', ['主播', '主播姓名', '主播昵称']],
  ['streamTitle', 'text', '直播标题', 'Stream title', ['直播标题', '场次标题', '场次信息', '直播主题', 'title']],
  ['streamId', 'id', '场次ID', 'Stream ID', ['场次id', '直播场次ID', '直播间ID', '直播ID', 'live_id']],
  ['streamTime', 'datetime-range', '直播时间', 'Stream time', ['直播时间', '直播时间段']],
  ['start', 'datetime', '开播时间', 'Start', ['开播时间', '直播开播时间', '开始时间', '直播开始时间', 'start_time']],
  ['end', 'datetime', '下播时间', 'End', ['结束时间', '下播时间', '关播时间', '直播结束时间', 'end_time']],
  ['duration', 'duration', '直播时长', 'Duration', ['直播时长', '开播时长', 'live_duration']],
  ['avatar', 'text', '头像', 'Avatar', ['达人头像', '头像']],
  ['level', 'text', '等级', 'Level', ['等级', '达人等级']],
  ['accountType', 'text', '类型', 'Account type', ['类型', '达人类型']],
  ['followers', 'count', '粉丝数', 'Followers', ['粉丝数', '粉丝总数', '累计粉丝数']],

  // — traffic —
  ['exposedUsers', 'count', '曝光人数', 'Exposed users', ['曝光人数', '直播间曝光人数']],
  ['exposures', 'count', '曝光次数', 'Exposures', ['曝光次数', '直播间曝光次数']],
  [
    'uv',
    'count',
    '观看人数',
    'Viewers (UV)',
    ['直播间观看人数', '观看人数', '场观', '直播间浏览人数', '累计观看人数', 'UV', 'total_audience_count'],
  ],
  [
    'pv',
    'count',
    '观看次数',
    'Views (PV)',
    ['观看次数', '直播间观看次数', '直播间浏览次数', '观看人次', 'PV', 'total_audience_times'],
  ],
  [
    'exposureToViewRate',
    'rate',
    '曝光-观看率(人数)',
    'Exposure→view rate',
    ['直播间曝光-观看率(人数)', '曝光-观看率(人数)', '曝光进入率'],
  ],
  ['coverClickRate', 'rate', '封面图点击率', 'Cover click rate', ['封面图点击率']],
  ['avgOnline', 'count', '平均在线人数', 'Average online', ['平均在线人数', '平均在线']],
  [
    'peakOnline',
    'count',
    '最高在线人数',
    'Peak online',
    ['最高在线人数', '最高在线', '峰值在线人数', 'max_online_count'],
  ],
  ['online', 'count', '在线人数', 'Online', ['在线人数', '实时在线人数', '在线用户数']],
  ['entries', 'count', '进入人数', 'Entries', ['进入直播间人数', '进入人数', '进场人数']],
  ['leaves', 'count', '离开人数', 'Leaves', ['离开直播间人数', '离开人数', '离场人数']],
  [
    'avgDwell',
    'duration',
    '人均观看时长',
    'Average dwell',
    [
      '人均观看时长',
      '人均停留时长',
      '平均观看时长',
      '平均停留时长',
      '停留时长',
      '人均停留',
      '观看时长',
      'audiences_avg_seconds',
    ],
  ],
  ['dwellPerView', 'duration', '次均观看时长', 'Dwell per view', ['次均观看时长']],
  ['totalWatchTime', 'duration', '观看总时长', 'Total watch time', ['观看总时长']],
  [
    'newFollowers',
    'count',
    '新增粉丝数',
    'New followers',
    ['新增粉丝数', '新增粉丝', '新增粉丝量', '涨粉数', 'new_follow_count'],
  ],
  ['followRate', 'rate', '观看-关注率(人数)', 'View→follow rate', ['直播间观看-关注率(人数)', '观看-关注率(人数)']],
  [
    'interactionRate',
    'rate',
    '观看-互动率(人数)',
    'View→interaction rate',
    ['直播间观看-互动率(人数)', '观看-互动率(人数)', '互动率'],
  ],
  [
    'interactionRateTimes',
    'rate',
    '观看-互动率(次数)',
    'View→interaction rate (times)',
    ['直播间观看-互动率(次数)', '观看-互动率(次数)'],
  ],
  ['commentsPerViewer', 'number', '人均评论次数', 'Comments per viewer', ['人均评论次数']],
  ['comments', 'count', '评论次数', 'Comments', ['评论次数', '评论数', 'total_comment_count']],
  ['commenters', 'count', '评论人数', 'Commenters', ['评论人数']],
  ['likes', 'count', '点赞次数', 'Likes', ['点赞次数', '点赞数', 'like_count']],
  ['shares', 'count', '分享次数', 'Shares', ['分享次数', '分享数', 'share_count']],
  [
    'newFanClub',
    'count',
    '新增粉丝团',
    'New fan-club members',
    [
      '新增粉丝团',
      '新加粉丝团',
      '新增粉丝团人数',
      '新增粉丝团成员',
      '新加入粉丝团',
      '粉丝团新增',
      '粉丝团新增人数',
      '新增粉丝团数',
    ],
  ],
  // Compass live list: joins to the live room's group; kept apart from the fan club until shown to be the same.
  ['newLiveClub', 'count', '新加直播团', 'New live-club members', ['新加直播团']],
  ['newShoppingClub', 'count', '新加购物团', 'New shopping-club members', ['新加购物团']],
  ['naturalUv', 'count', '自然流量观看人数', 'Natural-traffic viewers', ['自然流量观看人数', '自然流量人数']],
  ['paidUv', 'count', '付费流量观看人数', 'Paid-traffic viewers', ['付费流量观看人数', '付费流量人数']],

  // — products and conversion —
  ['productExposed', 'count', '商品曝光人数', 'Product-exposed users', ['商品曝光人数']],
  ['productExposures', 'count', '商品曝光次数', 'Product exposures', ['商品曝光次数']],
  ['productClickers', 'count', '商品点击人数', 'Product clickers', ['商品点击人数', '点击人数']],
  ['productClicks', 'count', '商品点击次数', 'Product clicks', ['商品点击次数', '点击次数']],
  [
    'productClickRate',
    'rate',
    '商品曝光-点击率(人数)',
    'Product click rate',
    ['直播间商品曝光-点击率(人数)', '商品曝光-点击率(人数)', '商品点击率'],
  ],
  [
    'viewToOrderRate',
    'rate',
    '观看-成交率(人数)',
    'View→order rate',
    ['直播间观看-成交率(人数)', '观看-成交率(人数)', '成交转化率', '观看成交转化率'],
  ],
  [
    'viewToOrderRateTimes',
    'rate',
    '观看-成交率(次数)',
    'View→order rate (times)',
    ['直播间观看-成交率(次数)', '观看-成交率(次数)'],
  ],
  [
    'clickToOrderRate',
    'rate',
    '商品点击-成交率(人数)',
    'Click→order rate',
    [
      '直播间商品点击-成交率(人数)',
      '商品点击-成交率(人数)',
      '商品点击-成交转化率(人数)',
      '点击成交转化率',
      '下单转化率',
      '商品转化率',
      '点击转化率',
      '转化率',
    ],
  ],
  ['avgOrderValue', 'money', '客单价', 'Average order value (per buyer)', ['客单价']],
  ['pricePerOrder', 'money', '笔单价', 'Amount per order', ['笔单价']],
  [
    'gmv',
    'money',
    '成交金额',
    'GMV',
    [
      '成交金额',
      '直播间成交金额',
      '用户支付金额',
      '直播间用户支付金额',
      'GMV',
      'GMV实际',
      '实际GMV',
      'GMV完成',
      'GMV完成额',
      '完成GMV',
      '实际成交金额',
      '成交额',
      '销售额',
      '支付金额',
      'pay_gmv',
    ],
    { aliasScale: { pay_gmv: 0.01 } },
  ], // WeChat Channels API: amounts in fen
  [
    'gpm',
    'money',
    '千次观看成交金额',
    'GPM',
    ['千次观看用户支付金额', '千次观看成交金额', '千次观看成交额', '渠道千次观看成交', 'GPM'],
  ],
  [
    'productGpm',
    'money',
    '千次曝光成交金额',
    'GMV per 1,000 product exposures',
    ['千次曝光用户支付金额', '千次曝光成交金额'],
  ],
  ['gmvPerHour', 'money', '单小时成交额', 'GMV per hour', ['单小时成交额', '小时成交额']],
  ['orders', 'count', '成交订单数', 'Orders', ['成交订单数', '成交笔数', '订单数', 'pay_order_count']],
  ['itemsSold', 'count', '成交件数', 'Items sold', ['成交件数', '销量', '销售件数']],
  ['buyers', 'count', '成交人数', 'Buyers', ['成交人数', '支付人数', '购买人数', 'pay_user_count']],
  ['refundAmount', 'money', '退款金额', 'Refund amount', ['退款金额', '退款金额(退款日)', '成交退款金额']],
  ['refundOrders', 'count', '退款订单数', 'Refunded orders', ['退款订单数', '退款笔数', '成交退款订单数']],
  [
    'refundOrdersBeforeShip',
    'count',
    '发货前退款订单数',
    'Refunds before shipping',
    ['发货前退款订单数', '售中退款订单数'],
  ],
  [
    'refundOrdersAfterShip',
    'count',
    '发货后退款订单数',
    'Refunds after shipping',
    ['发货后退款订单数', '售后退款订单数'],
  ],
  ['refundBuyers', 'count', '退款人数', 'Refunding buyers', ['退款人数']],
  ['refundItems', 'count', '退款件数', 'Refunded items', ['退款件数']],
  ['refundRate', 'rate', '退款率', 'Refund rate', ['订单退款率', '退款率', '退货率', '退货退款率']],
  [
    'paidSpend',
    'money',
    '投放消耗',
    'Paid-traffic spend',
    ['千川消耗', '投放消耗', '流量券消耗', '投放金额', '广告消耗'],
  ],
  ['paidRoi', 'number', '投放ROI', 'Paid ROI', ['投放ROI', '千川ROI']],
  ['cartUsers', 'count', '加购人数', 'Add-to-cart users', ['加购人数']],
  ['cartItems', 'count', '加购件数', 'Items added to cart', ['加购件数']],
  ['cartTimes', 'count', '加购次数', 'Add-to-cart actions', ['加购次数']],
  ['presaleOrders', 'count', '预售订单数', 'Pre-sale orders', ['预售订单数']],
  ['presaleDeposit', 'money', '预售定金支付金额', 'Pre-sale deposits', ['预售定金支付金额']],
  ['presaleTotal', 'money', '预售预估总金额', 'Pre-sale estimated total', ['预售预估总金额']],
  ['seedingGmv', 'money', '种草成交金额', 'Seeding GMV', ['种草成交金额']],
  ['storeVisits', 'count', '引导进店次数', 'Store visits driven', ['引导进店次数']],

  // — traffic channels and short videos —
  ['channel', 'text', '渠道', 'Channel', ['渠道名称', '渠道', '流量来源', '流量渠道', '来源渠道']],
  ['trafficShare', 'rate', '流量占比', 'Traffic share', ['流量占比', '观看人数占比']],
  ['gmvShare', 'rate', '成交金额占比', 'GMV share', ['成交金额占比', '用户支付金额占比']],
  ['videoName', 'text', '短视频名称', 'Short video', ['短视频名称', '视频名称', '视频标题']],
  ['videoPublishTime', 'datetime', '投稿时间', 'Published', ['投稿时间', '发布时间']],
  ['videoEntryExposures', 'count', '短视频直播入口曝光次数', 'Live-entry exposures', ['短视频直播入口曝光次数']],
  ['videoReferrals', 'count', '短视频引流直播间次数', 'Referrals to the stream', ['短视频引流直播间次数']],
  [
    'videoEntryClickRate',
    'rate',
    '短视频直播入口点击率(次数)',
    'Live-entry click rate (times)',
    ['短视频直播入口点击率(次数)'],
  ],

  // — product catalogue and selection table —
  [
    'productId',
    'id',
    '商品ID',
    'Product ID',
    ['商品ID', '商品编号', '商品id', '宝贝ID', '商品编码', '商品代码', 'product_id'],
  ],
  [
    'productName',
    'text',
    '商品名称',
    'Product',
    ['商品名称', '商品标题', '宝贝标题', '关联商品', '商品名', '品名', '商品', 'product_name'],
  ],
  ['listedAt', 'datetime', '首次上架时间', 'First listed', ['首次上架时间', '挂载时间', '上架时间']],
  ['explanations', 'count', '讲解次数', 'Explanations', ['讲解次数']],
  [
    'price',
    'money',
    '直播价',
    'Live price',
    ['直播间价格', '商品价格', '直播价', '直播到手价', '到手价', '直播售价', '售价', '价格'],
  ],
  ['dailyPrice', 'money', '日常价', 'Regular price', ['日常价', '日常售价', '原价', '划线价']],
  ['competitorPrice', 'money', '竞品价', 'Competitor price', ['竞品价', '竞品价格', '竞品最低价']],
  ['category', 'text', '品类', 'Category', ['品类', '类目', '商品类目', '商品品类']],
  ['productRole', 'text', '商品角色', 'Product role', ['商品角色', '商品定位', '款式定位', '角色']],
  ['commissionRate', 'rate', '佣金率', 'Commission rate', ['佣金率', '佣金比例']],
  ['stock', 'count', '库存', 'Stock', ['库存', '库存数量', '库存量', '现有库存', '剩余库存', '可售库存']],
  ['supplier', 'text', '供应商', 'Supplier', ['供应商', '供应商名称', '供货商', '供货方', '厂家']],
  ['qcReport', 'boolean', '质检报告', 'QC report', ['质检报告', '是否有质检报告']],
  [
    'sevenDayReturns',
    'boolean',
    '七天无理由',
    '7-day no-reason returns',
    ['七天无理由', '7天无理由', '七天无理由退货'],
  ],
  ['shippingInsurance', 'boolean', '运费险', 'Shipping insurance', ['运费险', '退货运费险']],
  ['restockDays', 'number', '补货周期(天)', 'Restock cycle (days)', ['补货周期', '补货周期(天)', '补货天数']],
  ['sellingPoints', 'text', '卖点', 'Selling points', ['卖点', '核心卖点', '卖点手册']],
  ['faq', 'text', '常见问题', 'FAQ', ['常见问题', 'FAQ']],
  ['giveaway', 'boolean', '福利款', 'Giveaway product', ['福利款', '是否福利款']],

  // — comments, orders, consultations —
  ['commentTime', 'datetime', '评论时间', 'Comment time', ['评论时间', '发言时间', '弹幕时间']],
  ['nickname', 'text', '用户昵称', 'Nickname', ['用户昵称', '买家昵称', '观众昵称', '昵称']],
  ['userId', 'id', '用户ID', 'User ID', ['用户ID', '买家ID', 'uid']],
  ['commentText', 'text', '评论内容', 'Comment', ['评论内容', '弹幕内容', '评论', '弹幕']],
  ['orderId', 'id', '订单编号', 'Order ID', ['订单编号', '订单号', '主订单编号', '订单ID']],
  ['subOrderId', 'id', '子订单编号', 'Sub-order ID', ['子订单编号', '子订单号']],
  ['orderTime', 'datetime', '下单时间', 'Order time', ['下单时间', '订单创建时间', '创建时间', '订单提交时间']],
  ['payTime', 'datetime', '支付时间', 'Payment time', ['支付时间', '付款时间', '支付完成时间']],
  ['quantity', 'count', '商品数量', 'Quantity', ['商品数量', '购买数量', '数量', '件数']],
  ['orderAmount', 'money', '订单金额', 'Order amount', ['订单金额', '订单应付金额', '应付金额', '商品金额']],
  ['paidAmount', 'money', '实付金额', 'Amount paid', ['实付金额', '实付款', '买家实付']],
  ['orderStatus', 'text', '订单状态', 'Order status', ['订单状态', '状态']],
  ['phone', 'text', '手机号', 'Phone', ['收件人手机号', '手机号', '联系电话', '收货人手机号']],
  ['consultTime', 'datetime', '咨询时间', 'Consultation time', ['咨询时间', '会话开始时间', '进线时间']],
  ['firstReplyTime', 'datetime', '首次回复时间', 'First reply time', ['首次回复时间', '客服首次回复时间']],
  [
    'firstResponse',
    'duration',
    '首次响应时长',
    'First response',
    ['首次响应时长', '首响时长', '首次响应时间', '首响时间'],
  ],
  ['consultText', 'text', '咨询内容', 'Consultation', ['咨询内容', '咨询问题', '会话内容', '问题内容']],
  ['agent', 'text', '客服', 'Agent', ['客服', '客服昵称', '接待客服']],

  // — minute trend —
  ['time', 'time', '时间', 'Time', ['时间', '分钟', '时间点', '时刻']],

  // — KPI input —
  ['personName', 'text', '姓名', 'Name', ['姓名', '员工', '员工姓名', '人员', '名字']],
  ['staffRole', 'text', '岗位', 'Role', ['岗位', '职位', '岗位名称', '职务', '角色岗位']],
  ['hireDate', 'date', '入职日期', 'Hire date', ['入职日期', '入职时间']],
  [
    'gmvTarget',
    'money',
    'GMV目标',
    'GMV target',
    ['GMV目标', '目标GMV', 'GMV目标值', '成交目标', '目标成交金额', '成交金额目标'],
    { targetOf: 'gmv' },
  ],
  [
    'trafficGrowth',
    'rate',
    '流量增长率',
    'Traffic growth',
    ['流量增长率', '流量增长', '场观增长率', '场观增长', '观看人数增长率', 'UV增长率'],
    { unbounded: true },
  ],
  [
    'processImprovements',
    'count',
    '流程改进数',
    'Process improvements',
    ['流程改进数', '流程改进', '流程改进次数', '流程优化次数', '流程优化数', '流程优化'],
  ],
  ['productRoi', 'number', '商品ROI', 'Product ROI', ['商品ROI', '选品ROI', '商品投产比']],
  [
    'newProducts',
    'count',
    '新品引入数',
    'New products introduced',
    ['新品引入数', '新品数', '新品数量', '引入新品数', '新品上架数'],
  ],
  [
    'reportQuality',
    'number',
    '报告质量分',
    'Report quality',
    ['报告质量分', '报告质量', '报告质量评分', '报告评分', '复盘报告评分'],
  ],
  ['strategyAdoption', 'rate', '策略采纳率', 'Strategy adoption rate', ['策略采纳率', '策略采纳比例', '建议采纳率']],
];

export const FIELDS: ReadonlyMap<string, FieldDef> = new Map(
  DEFS.map(([id, type, zh, en, aliases, extra]) => [id, { id, type, zh, en, aliases, ...extra }]),
);

/** The goal field of a figure, where the catalogue has one: gmv → gmvTarget. */
export const GOAL_FIELD: ReadonlyMap<string, string> = new Map(
  [...FIELDS.values()].filter((f) => f.targetOf !== undefined).map((f) => [f.targetOf!, f.id]),
);

export function fieldDef(id: string): FieldDef {
  const f = FIELDS.get(id);
  if (!f) throw new Error(`unknown field id ${id}`);
  return f;
}

export function fieldLabel(id: string, lang: 'zh' | 'en'): string {
  const f = FIELDS.get(id);
  return f ? f[lang] : id;
}
