import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/io/read/fields.js';
import { buildHeaderIndex, normalizeHeader, suggestField } from '../../src/io/read/headers.js';

const index = buildHeaderIndex();
const field = (h: string) => index.match(h)?.field ?? null;

describe('normalisation', () => {
  it.each([
    ['商品曝光-点击率（人数）', '商品曝光-点击率(人数)'],
    ['商品曝光-点击率 (人数)', '商品曝光-点击率(人数)'],
    ['成交金额：', '成交金额'],
    ['成交金额:', '成交金额'],
    [' 观看 人数 ', '观看人数'],
    ['GMV', 'gmv'],
    ['ＧＭＶ', 'gmv'],
    ['【成交金额】', '(成交金额)'],
  ])('%s → %s', (raw, norm) => expect(normalizeHeader(raw)).toBe(normalizeHeader(norm)));
});

describe('every alias in the catalogue maps to its own field', () => {
  for (const f of FIELDS.values()) {
    for (const alias of [f.zh, ...f.aliases]) {
      it(`${alias} → ${f.id}`, () => expect(field(alias)).toBe(f.id));
    }
  }
});

// Every header named in PLATFORMS.md, with the field it must map to (null: deliberately not a field).
const PLATFORM_HEADERS: Array<[string, string]> = [
  // Compass 整场 基本信息
  ['达人昵称', 'account'],
  ['抖音号or火山号', 'accountId'],
  ['直播时间', 'streamTime'],
  ['直播时长', 'duration'],
  ['直播间用户支付金额', 'gmv'],
  ['千次观看用户支付金额', 'gpm'],
  ['达人头像', 'avatar'],
  ['等级', 'level'],
  ['类型', 'accountType'],
  ['粉丝数', 'followers'],
  // 整体看板
  ['直播间观看人数', 'uv'],
  ['直播间曝光-观看率(人数)', 'exposureToViewRate'],
  ['平均在线人数', 'avgOnline'],
  ['最高在线人数', 'peakOnline'],
  ['商品点击人数', 'productClickers'],
  ['直播间商品曝光-点击率(人数)', 'productClickRate'],
  ['人均观看时长', 'avgDwell'],
  ['新增粉丝数', 'newFollowers'],
  ['直播间观看-关注率(人数)', 'followRate'],
  ['直播间观看-互动率(人数)', 'interactionRate'],
  ['人均评论次数', 'commentsPerViewer'],
  ['直播间观看-成交率(人数)', 'viewToOrderRate'],
  ['直播间商品点击-成交率(人数)', 'clickToOrderRate'],
  ['客单价', 'avgOrderValue'],
  ['退款金额', 'refundAmount'],
  ['退款订单数', 'refundOrders'],
  ['退款人数', 'refundBuyers'],
  ['成交人数', 'buyers'],
  // 渠道分析
  ['渠道名称', 'channel'],
  ['观看次数', 'pv'],
  ['观看人数', 'uv'],
  ['直播间观看-互动率(次数)', 'interactionRateTimes'],
  ['用户支付金额', 'gmv'],
  ['成交订单数', 'orders'],
  ['笔单价', 'pricePerOrder'],
  ['直播间观看-成交率(次数)', 'viewToOrderRateTimes'],
  ['千川消耗', 'paidSpend'],
  // 短视频引流
  ['短视频名称', 'videoName'],
  ['投稿时间', 'videoPublishTime'],
  ['短视频直播入口曝光次数', 'videoEntryExposures'],
  ['短视频引流直播间次数', 'videoReferrals'],
  ['短视频直播入口点击率(次数)', 'videoEntryClickRate'],
  // 商品明细
  ['商品ID', 'productId'],
  ['商品名称', 'productName'],
  ['成交件数', 'itemsSold'],
  ['商品曝光人数', 'productExposed'],
  // live list
  ['开播时间', 'start'],
  ['曝光人数', 'exposedUsers'],
  ['曝光次数', 'exposures'],
  ['最高在线', 'peakOnline'],
  ['平均在线', 'avgOnline'],
  ['评论次数', 'comments'],
  ['新加直播团', 'newLiveClub'],
  ['新增粉丝', 'newFollowers'],
  ['成交金额', 'gmv'],
  ['单小时成交额', 'gmvPerHour'],
  ['商品点击-成交率(人数)', 'clickToOrderRate'],
  ['观看-成交率(人数)', 'viewToOrderRate'],
  ['新加购物团', 'newShoppingClub'],
  ['投放消耗', 'paidSpend'],
  ['直播时长(分钟)', 'duration'],
  ['人均观看时长(分钟)', 'avgDwell'],
  // product list
  ['首次上架时间', 'listedAt'],
  ['挂载时间', 'listedAt'],
  ['讲解次数', 'explanations'],
  ['直播间价格', 'price'],
  ['商品价格', 'price'],
  ['预售订单数', 'presaleOrders'],
  ['商品曝光-点击率（人数）', 'productClickRate'],
  ['商品点击-成交转化率（人数）', 'clickToOrderRate'],
  ['千次曝光用户支付金额', 'productGpm'],
  ['千次观看成交额', 'gpm'],
  ['发货前退款订单数', 'refundOrdersBeforeShip'],
  ['发货后退款订单数', 'refundOrdersAfterShip'],
  ['售中退款订单数', 'refundOrdersBeforeShip'],
  ['售后退款订单数', 'refundOrdersAfterShip'],
  ['订单退款率', 'refundRate'],
  // Douyin channel table
  ['流量占比', 'trafficShare'],
  ['成交金额占比', 'gmvShare'],
  ['渠道千次观看成交', 'gpm'],
  // Taobao 分场次
  ['场次信息', 'streamTitle'],
  ['场次id', 'streamId'],
  ['直播开播时间', 'start'],
  ['开播时长', 'duration'],
  ['封面图点击率', 'coverClickRate'],
  ['流量券消耗', 'paidSpend'],
  ['观看总时长（秒）', 'totalWatchTime'],
  ['人均观看时长（秒）', 'avgDwell'],
  ['次均观看时长（秒）', 'dwellPerView'],
  ['商品点击次数', 'productClicks'],
  ['商品点击率', 'productClickRate'],
  ['加购人数', 'cartUsers'],
  ['加购件数', 'cartItems'],
  ['加购次数', 'cartTimes'],
  ['成交金额（元）', 'gmv'],
  ['成交笔数', 'orders'],
  ['成交转化率', 'viewToOrderRate'],
  ['退款笔数', 'refundOrders'],
  ['退款件数', 'refundItems'],
  ['预售定金支付金额', 'presaleDeposit'],
  ['预售预估总金额', 'presaleTotal'],
  // Taobao anchor CSV
  ['场次标题', 'streamTitle'],
  ['开播时长(分钟)', 'duration'],
  ['直播间浏览人数', 'uv'],
  ['直播间浏览次数', 'pv'],
  ['人均停留时长(秒)', 'avgDwell'],
  ['互动率', 'interactionRate'],
  ['新增粉丝量', 'newFollowers'],
  ['种草成交金额(元)', 'seedingGmv'],
  ['引导进店次数', 'storeVisits'],
  // Kuaishou
  ['退款金额(退款日)', 'refundAmount'],
  ['成交退款订单数', 'refundOrders'],
  // WeChat Channels API
  ['total_audience_count', 'uv'],
  ['audiences_avg_seconds', 'avgDwell'],
  ['max_online_count', 'peakOnline'],
  ['new_follow_count', 'newFollowers'],
  ['total_comment_count', 'comments'],
  ['pay_gmv', 'gmv'],
];

describe('every header in PLATFORMS.md is recognised', () => {
  it.each(PLATFORM_HEADERS)('%s → %s', (header, id) => expect(field(header)).toBe(id));
});

describe('units in headers', () => {
  it('(秒) and (分钟) set the duration unit', () => {
    expect(index.match('人均观看时长（秒）')).toMatchObject({
      field: 'avgDwell',
      role: 'actual',
      durationUnit: 'seconds',
    });
    expect(index.match('人均观看时长(分钟)')).toMatchObject({ field: 'avgDwell', durationUnit: 'minutes' });
    expect(index.match('直播时长 (分钟)')).toMatchObject({ field: 'duration', durationUnit: 'minutes' });
  });
  it('(万元) and (亿元) scale money; (元) does not; (分) is fen in a money column and minutes in a duration', () => {
    expect(index.match('成交金额(万元)')).toMatchObject({ field: 'gmv', scale: 10000, unit: { text: '万元' } });
    expect(index.match('成交金额(亿元)')).toMatchObject({ field: 'gmv', scale: 1e8 });
    expect(index.match('成交金额（元）')?.scale).toBeUndefined();
    expect(index.match('成交金额(分)')).toMatchObject({ field: 'gmv', scale: 0.01 });
    expect(index.match('直播时长(分)')).toMatchObject({ field: 'duration', durationUnit: 'minutes' });
  });
  it('(%) makes a bare number a percentage; (‰) per mille', () => {
    expect(index.match('商品转化率(%)')).toMatchObject({ field: 'clickToOrderRate', percent: 100 });
    expect(index.match('退款率（‰）')).toMatchObject({ field: 'refundRate', percent: 1000 });
    // A (%) on a count is no unit to apply.
    expect(index.match('成交人数(%)')?.percent).toBeUndefined();
  });
  it('WeChat Channels pay_gmv is in fen', () =>
    expect(index.match('pay_gmv')).toMatchObject({ field: 'gmv', scale: 0.01 }));
  it('a unit the header states replaces the one its alias implies: pay_gmv(分) is fen once, pay_gmv(元) yuan', () => {
    expect(index.match('pay_gmv(分)')?.scale).toBe(0.01);
    expect(index.match('pay_gmv(元)')?.scale).toBeUndefined();
  });
  it('(人数) and (次数) variants are different fields', () => {
    expect(field('直播间观看-成交率(人数)')).toBe('viewToOrderRate');
    expect(field('直播间观看-成交率(次数)')).toBe('viewToOrderRateTimes');
    expect(field('直播间观看-互动率(次数)')).not.toBe(field('直播间观看-互动率(人数)'));
  });
  it('a bracket that is not a unit is part of the name, never stripped', () =>
    expect(field('成交金额(人数)')).toBeNull());
});

describe('target columns: 目标 beside a figure', () => {
  it.each<[string, string]>([
    ['流量增长目标', 'trafficGrowth'],
    ['目标流量增长率', 'trafficGrowth'],
    ['商品转化率目标', 'clickToOrderRate'],
    ['新增粉丝团目标值', 'newFanClub'],
    ['人均停留时长目标(秒)', 'avgDwell'],
  ])('%s is the target of %s', (header, id) =>
    expect(index.match(header)).toMatchObject({ field: id, role: 'target' }),
  );
  it('the unit of a target column applies to it: 流量增长目标(%) 20 → 20 %', () =>
    expect(index.match('流量增长目标(%)')).toMatchObject({ field: 'trafficGrowth', role: 'target', percent: 100 }));
  it('GMV目标 stays the GMV target field, with its unit', () =>
    expect(index.match('GMV目标(万元)')).toMatchObject({ field: 'gmvTarget', role: 'actual', scale: 10000 }));
  it('目标 with nothing known around it is not a target', () => expect(index.match('目标人群')).toBeNull());
});

describe('user mapping from the config file', () => {
  it('maps an unknown header and wins over built-in aliases', () => {
    const custom = buildHeaderIndex({ '支付GMV（元）': 'gmv', 观看人数: 'pv' });
    expect(custom.match('支付GMV(元)')?.field).toBe('gmv');
    expect(custom.match('观看人数')).toMatchObject({ field: 'pv', viaConfig: true });
  });
  it('a mapped header keeps the unit it is written with: GMV完成(万元) → gmv × 10000', () => {
    const custom = buildHeaderIndex({ 'GMV完成(万元)': 'gmv' });
    expect(custom.match('GMV完成(万元)')).toMatchObject({ field: 'gmv', scale: 10000, viaConfig: true });
    // Mapped without its unit, the header still brings it.
    expect(buildHeaderIndex({ GMV完成: 'gmv' }).match('GMV完成（万元）')).toMatchObject({ field: 'gmv', scale: 10000 });
  });
  it('a mapping may state the unit the header leaves out', () => {
    const custom = buildHeaderIndex({
      GMV完成: { field: 'gmv', unit: '万元' },
      转化: { field: 'clickToOrderRate', unit: '%' },
    });
    expect(custom.match('GMV完成')).toMatchObject({ field: 'gmv', scale: 10000 });
    expect(custom.match('转化')).toMatchObject({ field: 'clickToOrderRate', percent: 100 });
  });
  it('a mapped header has targets too: GMV完成目标(万元)', () =>
    expect(buildHeaderIndex({ 流量涨幅: 'trafficGrowth' }).match('流量涨幅目标')).toMatchObject({
      field: 'trafficGrowth',
      role: 'target',
    }));
  it("the 目标 column of a mapped GMV header is the GMV target field, with the mapping's unit", () =>
    expect(buildHeaderIndex({ 业绩: { field: 'gmv', unit: '万元' } }).match('业绩目标')).toMatchObject({
      field: 'gmvTarget',
      role: 'actual',
      scale: 10000,
    }));
  it('an unknown header stays unknown', () => expect(field('奇怪的列')).toBeNull());
});

describe('suggestions for unknown headers', () => {
  it.each([
    ['直播间观看总人数', 'uv'],
    ['商品点击总人数', 'productClickers'],
  ])('%s → maybe %s', (h, id) => expect(suggestField(h)?.field).toBe(id));
  it('no suggestion for unrelated text', () => expect(suggestField('备注')).toBeNull());
  it('a count of clicks (人次) is never suggested as a rate nor as a per-person field', () =>
    expect(suggestField('商品点击人次')?.field).toBe('productClicks'));
});
