// Builds the second set of fixtures/real/ variants: units on config-mapped headers, (%) and (‰)
// headers with bare numbers, per-row target columns in KPI sheets of every role, rate-only product
// lists at and just below the 3 % line, consultation exports with minutes or timestamps, folders that
// mix in other days and other weeks, ERP selection tables, WeChat Channels API names in 分, Kuaishou
// product overviews whose refunds are only on the product rows. As in build-real-fixtures.mjs, only
// the inputs are generated here; each expected.json beside them is computed by hand and says how.
// Run: node scripts/build-real-fixtures-2.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { workbook } from './lib/xlsx.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real');
const D = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const pct = (v) => ({ value: v, numFmt: '0.0%' });

function put(variant, file, bytes) {
  mkdirSync(join(OUT, variant), { recursive: true });
  writeFileSync(join(OUT, variant, file), bytes);
  console.log(`wrote fixtures/real/${variant}/${file}`);
}
/** A CSV as Excel on Windows saves it: GBK, CRLF, fields quoted only when they must be (or UTF-8 with BOM). */
const csv = (rows, encoding = 'gbk') => {
  const text =
    rows
      .map((r) =>
        r
          .map((v) => (/[",\r\n]/.test(String(v ?? '')) ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? '')))
          .join(','),
      )
      .join('\r\n') + '\r\n';
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(`\ufeff${text}`, 'utf8');
};
const yaml = (text) => Buffer.from(text);

/** The 11-26 stream of 山野户外旗舰店 as Compass summarises it (no refunds in it). */
const SUMMARY_1126 = [
  ['达人昵称', '直播时间', '直播间用户支付金额', '直播间观看人数', '观看次数', '成交人数', '成交订单数'],
  ['山野户外旗舰店', '2026/11/26 19:30:00-2026/11/26 22:30:00', '￥96,280', '21500', '30210', '132', '140'],
];

// ——— retro: units on headers mapped in the config ———

// A BI export whose GMV header the team maps by name; the header's own (万元) must still apply.
put(
  'retro-config-mapped-wanyuan',
  '直播数据_BI导出_1203.csv',
  csv(
    [
      ['账号', '开播时间', '下播时间', '本场成交(万元)', '观看人数', '观看次数', '成交人数', '成交订单数'],
      ['山野户外旗舰店', '2026/12/3 20:00', '2026/12/3 23:00', '12.586', '30000', '41500', '260', '268'],
    ],
    'utf8',
  ),
);
put('retro-config-mapped-wanyuan', 'liveops.config.yaml', yaml('headers:\n  本场成交(万元): gmv\n'));

// WeChat Channels data pulled through its API: English field names, amounts in 分. pay_gmv is
// known; the team maps the rest, stating 分 for the refund amount.
put(
  'retro-channels-api-fen',
  'channels_live_20261204.csv',
  csv(
    [
      [
        'live_id',
        'nickname',
        'start_time',
        'end_time',
        'total_audience_count',
        'total_audience_times',
        'audiences_avg_seconds',
        'max_online_count',
        'new_follow_count',
        'total_comment_count',
        'pay_gmv',
        'pay_order_cnt',
        'pay_user_cnt',
        'refund_gmv',
      ],
      [
        'export/live/7f3a9c21',
        '山野户外视频号',
        '2026-12-04 19:00:00',
        '2026-12-04 21:30:00',
        '15600',
        '22100',
        '84',
        '930',
        '412',
        '5310',
        '5823400',
        '410',
        '388',
        '174702',
      ],
    ],
    'utf8',
  ),
);
put(
  'retro-channels-api-fen',
  'liveops.config.yaml',
  yaml('headers:\n  pay_order_cnt: orders\n  pay_user_cnt: buyers\n  refund_gmv: { field: refundAmount, unit: 分 }\n'),
);

// A stream report (WPS xlsx, title row) whose viewer counts are in 万人 / 万次.
put(
  'retro-wanren-headers',
  '直播战报_1126.xlsx',
  await workbook([
    {
      name: '战报',
      rows: [
        ['山野户外 直播战报 2026-11-26'],
        ['账号', '直播时间', '成交金额(元)', '观看人数(万人)', '观看次数(万次)', '成交人数', '成交订单数'],
        ['山野户外旗舰店', '2026/11/26 19:30:00-2026/11/26 22:30:00', 96280, 2.15, 3.021, 132, 140],
      ],
    },
  ]),
);

// ——— retro: a hand-kept product sheet whose rates are (%) columns with bare numbers ———
put('retro-products-percent-header', '直播概览_20261126.csv', csv(SUMMARY_1126));
put(
  'retro-products-percent-header',
  '商品表现_手工_1126.csv',
  csv([
    ['商品ID', '商品名称', '商品点击人数', '商品点击率(%)', '成交人数', '用户支付金额'],
    ['3710000000000000001', '登山包 30L', '425', '8.5', '25', '￥7,475'],
    ['3710000000000000002', '头灯 USB充电', '300', '12', '12', '￥1,548'],
  ]),
);

// ——— retro: refunds only on the product rows ———

// Kuaishou: the live overview has no refund column; the product overview has 退款金额(退款日).
put(
  'retro-kuaishou-refunds',
  '快手直播概览_20261205.csv',
  csv([
    ['账号', '快手号', '开播时间', '直播时长', '观看人数', '观看次数', '成交金额', '成交订单数', '成交人数'],
    ['山野户外快手店', 'shanye_ks', '2026-12-05 19:00', '3小时0分0秒', '18000', '26500', '41,160', '352', '338'],
  ]),
);
put(
  'retro-kuaishou-refunds',
  '快手商品概览_20261205.csv',
  csv([
    ['商品ID', '商品名称', '成交金额', '成交订单数', '成交件数', '退款金额(退款日)', '成交退款订单数'],
    ['21938475610', '加绒冲锋衣', '29,900', '100', '100', '1,290', '4'],
    ['21938475622', '保暖护膝', '8,960', '224', '230', '356.5', '9'],
    ['21938475633', '登山袜 3双装', '2,300', '28', '28', '-', '0'],
  ]),
);

// Compass 商品明细 with SKU child rows that repeat their product's refunds: products only.
put('retro-refunds-sku-rows', '直播概览_20261126.csv', csv(SUMMARY_1126));
put(
  'retro-refunds-sku-rows',
  '商品明细_20261126.xlsx',
  await workbook([
    {
      name: '商品分析-商品明细',
      rows: [
        ['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数', '退款金额'],
        ['3711000000000000001', '山野 加绒冲锋衣', '¥46,720', 78, 76, 15000, 1600, '¥1,198'],
        ['-3711000000000000001', '山野 加绒冲锋衣 黑色 L', '¥23,960', 40, 39, '-', '-', '¥599'],
        ['-3711000000000000001', '山野 加绒冲锋衣 灰色 XL', '¥22,760', 38, 37, '-', '-', '¥599'],
        ['3711000000000000002', '摇粒绒抓绒衣', '¥7,562', 38, 37, 7200, 900, '¥398'],
        ['-3711000000000000002', '摇粒绒抓绒衣 米白 M', '¥7,562', 38, 37, '-', '-', '¥398'],
      ],
    },
  ]),
);

// ——— retro: consultations ———

// 首次响应时长(分钟) in decimal minutes, with two consultations of the day before in the same file.
put('retro-cs-minutes-other-day', '直播概览_20261126.csv', csv(SUMMARY_1126));
put(
  'retro-cs-minutes-other-day',
  '客服接待_1125_1126.csv',
  csv([
    ['咨询时间', '首次响应时长(分钟)', '客服昵称', '买家昵称', '咨询内容'],
    ['2026/11/25 20:10:00', '3', '小夏', '老客户A', '昨天的单什么时候发'],
    ['2026/11/25 21:40:00', '2.5', '阿杰', '老客户B', '能改地址吗'],
    ['2026/11/26 19:36:00', '0.1', '小夏', '户外老张', '冲锋衣防水吗'],
    ['2026/11/26 19:50:00', '0.25', '小夏', '追风', '175穿什么码'],
    ['2026/11/26 20:20:00', '0.5', '阿杰', '周周', '什么时候发货'],
    ['2026/11/26 21:05:00', '0.2', '阿杰', '山里人', '有没有儿童款'],
    ['2026/11/26 22:10:00', '1', '小夏', '露营达人', '能便宜点吗'],
  ]),
);

// ——— retro: comments of another day, GBK ———
put(
  'retro-comments-gbk-other-day',
  '直播概览_小鹿美妆_1202.csv',
  csv([
    ['账号', '开播时间', '下播时间', '成交金额', '观看人数', '观看次数', '成交人数'],
    ['小鹿美妆官方', '2026/12/2 20:00', '2026/12/2 23:00', '￥64,400', '23000', '35200', '540'],
  ]),
);
put(
  'retro-comments-gbk-other-day',
  '弹幕_1202.csv',
  csv([
    ['弹幕时间', '观众昵称', '弹幕内容'],
    ['2026/12/2 18:59:00', '早到的猫', '这个色号适合黄皮吗'],
    ['2026/12/2 19:00:00', '小兔', '色号有几个？'],
    ['2026/12/2 20:10:00', '阿花', '干皮能用吗'],
    ['2026/12/2 20:31:00', '柚子', '有没有小样'],
    ['2026/12/2 21:05:00', '木木', '什么色号显白'],
    ['2026/12/3 09:30:00', '晚到的人', '还能买吗'],
  ]),
);
put(
  'retro-comments-gbk-other-day',
  '弹幕_1125.csv',
  csv([
    ['弹幕时间', '观众昵称', '弹幕内容'],
    ['2026/11/25 20:01:00', '小兔', '面膜多少钱'],
    ['2026/11/25 20:02:00', '阿花', '面膜价格多少'],
    ['2026/11/25 20:03:00', '柚子', '面膜有优惠吗'],
  ]),
);

// ——— select: (%) and (‰) headers with bare numbers, and the 3 % line ———

// A team's own product sheets (GBK): 商品点击率(%) typed as 2.5 meaning 2.5 %, no exposure counts.
for (const [day, glove, scarf] of [
  ['20261117', [150, '2.5', 9, 891], [300, '5', 12, 1188]],
  ['20261119', [90, '2', 6, 594], [250, '5', 10, 990]],
]) {
  put(
    'select-percent-header-bare',
    `商品数据_${day}.csv`,
    csv([
      ['商品ID', '商品名称', '商品点击人数', '商品点击率(%)', '成交人数', '成交金额'],
      ['3712000000000000001', '保暖手套', ...glove.map(String)],
      ['3712000000000000002', '防风围脖', ...scarf.map(String)],
    ]),
  );
}

// Product lists whose rates are in per mille (‰), as numbers in the cells.
for (const [day, scarf, gloves] of [
  ['20261124', [140, 28, 50], [175, 35, 20]],
  ['20261127', [168, 28, 50], [210, 35, 25]],
]) {
  put(
    'select-permille-rates',
    `商品列表_${day}.xlsx`,
    await workbook([
      {
        name: '商品',
        rows: [
          ['商品ID', '商品名称', '商品点击人数', '商品点击率(‰)', '商品转化率(‰)'],
          ['3714000000000000001', '羊毛围巾', ...scarf],
          ['3714000000000000002', '触屏手套', ...gloves],
        ],
      },
    ]),
  );
}

// Three streams' sheets (GBK), rates as (%) numbers: 速干裤 exactly at 3 % click and 3 % conversion,
// 抓绒帽 at 2.99 % click, 护目镜 at 2.99 % conversion.
for (const [day, pants, hat, goggles] of [
  ['20261123', 130, 299, 200],
  ['20261125', 118, 300, 200],
  ['20261127', 152, 301, 200],
]) {
  put(
    'select-boundary-300-299',
    `直播商品_${day}.csv`,
    csv([
      ['商品ID', '商品名称', '商品点击人数', '商品点击率(%)', '商品转化率(%)'],
      ['3715000000000000001', '速干裤', String(pants), '3.00', '3.00'],
      ['3715000000000000002', '抓绒帽', String(hat), '2.99', '5.00'],
      ['3715000000000000003', '护目镜', String(goggles), '4.00', '2.99'],
    ]),
  );
}

// ——— select: an ERP goods table (GBK) with stock written with its measure word ———
put(
  'select-erp-stock-words',
  'ERP商品资料_导出.csv',
  csv([
    [
      '商品编码',
      '商品名',
      '商品定位',
      '直播到手价',
      '竞品价',
      '库存',
      '供货商',
      '福利款',
      '质检报告',
      '七天无理由',
      '运费险',
    ],
    ['3713000000000000001', '羽绒服 轻薄款', '利润款', '￥399', '￥439', '35件', '南通羽绒', '否', '有', '是', '是'],
    ['3713000000000000002', '暖宝宝 10片', '引流款', '￥9.9', '￥12', '0件', '义乌暖足', '是', '有', '是', '是'],
    ['3713000000000000003', '登山鞋 防水', '形象款', '￥459', '￥499', '1,200件', '山野鞋业', '否', '有', '是', '是'],
  ]),
);
for (const [day, a, b, c] of [
  ['20261124', [4000, 240, 15], [9000, 900, 60], [3000, 150, 6]],
  ['20261126', [4000, 240, 15], [9000, 900, 60], [3000, 150, 6]],
]) {
  put(
    'select-erp-stock-words',
    `商品_${day}.csv`,
    csv([
      ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数'],
      ['3713000000000000001', '羽绒服 轻薄款', ...a.map(String)],
      ['3713000000000000002', '暖宝宝 10片', ...b.map(String)],
      ['3713000000000000003', '登山鞋 防水', ...c.map(String)],
    ]),
  );
}

// ——— select: product lists named without a date; one of them was listed the week before ———
for (const [n, listed, exposed, clickers, buyers] of [
  [1, '2026/11/10 20:05', 20000, 300, 3],
  [2, '2026/11/17 20:05', 3000, 150, 9],
  [3, '2026/11/19 20:10', 3500, 175, 10],
]) {
  put(
    'select-listed-other-week',
    `直播商品列表 (${n}).xlsx`,
    await workbook([
      {
        name: '商品列表',
        rows: [
          ['商品ID', '商品名称', '首次上架时间', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额'],
          ['3716000000000000001', '加厚打底裤', listed, exposed, clickers, buyers, `¥${buyers * 79}`],
        ],
      },
    ]),
  );
}

// ——— weekly ———

// A Compass 直播明细 over two weeks (W47 and W48), its figures written with 万; the team headed the
// GMV column 成交金额(万元), where some cells still carry their own 万 or 元.
const LIST_HEADER = [
  '账号',
  '开播时间',
  '直播时长',
  '曝光人数',
  '观看人数',
  '观看次数',
  '人均观看时长',
  '成交金额(万元)',
  '成交人数',
  '成交件数',
  '投放消耗',
];
put(
  'weekly-compass-list-wan',
  '直播明细_全部账号_20261116_20261129.xlsx',
  await workbook([
    {
      name: '直播间明细',
      rows: [
        LIST_HEADER,
        ['山野户外旗舰店', '2026/11/17 20:00', 180, '12.1万', '1.5万', '2.1万', 1.5, '6.3万', 420, 455, '0.9万'],
        ['山野户外旗舰店', '2026/11/19 20:00', 180, '13.4万', '1.6万', '2.3万', 1.6, '7.2万', 460, 498, '1万'],
        ['山野户外旗舰店', '2026/11/21 20:00', 180, '11.8万', '14,000', '19,500', 1.4, 5.88, 390, 410, '0.8万'],
        ['山野户外旗舰店', '2026/11/24 20:00', 180, '10.6万', '1.2万', '1.85万', 1.5, 4.66, 310, 330, '0.85万'],
        ['山野户外旗舰店', '2026/11/26 20:00', 150, '6.2万', '6,800', '9,900', 0.9, '6,120元', 60, 61, '-'],
        ['山野户外旗舰店', '2026/11/28 20:00', 180, '11.2万', '1.35万', '2.02万', 1.6, '5.4万', 380, 402, '0.9万'],
      ],
    },
  ]),
);

// W48's folder with last week's product list and last week's stream list still in it.
const STREAM_LIST_CSV = ['账号', '开播时间', '直播时长', '观看人数', '观看次数', '成交金额', '成交人数'];
put(
  'weekly-last-week-file',
  '直播明细_20261123_20261129.csv',
  csv([
    STREAM_LIST_CSV,
    ['山野户外旗舰店', '2026/11/24 20:00', '180', '10000', '15000', '35000', '250'],
    ['山野户外旗舰店', '2026/11/27 20:00', '180', '11000', '16000', '38500', '270'],
  ]),
);
put(
  'weekly-last-week-file',
  '直播明细_20261116_20261122.csv',
  csv([
    STREAM_LIST_CSV,
    ['山野户外旗舰店', '2026/11/17 20:00', '180', '9000', '13500', '30000', '210'],
    ['山野户外旗舰店', '2026/11/20 20:00', '180', '9500', '14000', '31500', '220'],
  ]),
);
for (const [day, exposed, clickers, buyers] of [
  ['20261124', 4000, 160, 8],
  ['20261127', 5000, 190, 9],
  ['20261119', 30000, 300, 2],
]) {
  put(
    'weekly-last-week-file',
    `商品_山野户外_${day}.csv`,
    csv([
      ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额'],
      ['3717000000000000001', '羊绒围巾', String(exposed), String(clickers), String(buyers), `￥${buyers * 259}`],
    ]),
  );
}

// ——— KPI sheets of each role, per-row target columns ———

// Operations (GBK CSV): GMV and its target in 万元, traffic growth and its target as (%) numbers,
// process improvements with a target of their own.
put(
  'kpi-ops-gbk-targets',
  '运营考核_2026-11.csv',
  csv([
    [
      '姓名',
      '岗位',
      '入职日期',
      '成交额(万元)',
      '成交额目标(万元)',
      '场观增长率(%)',
      '场观增长目标(%)',
      '流程优化次数',
      '流程优化目标',
    ],
    ['刘洋', '运营', '2025/4/1', '210.6', '180', '18', '15', '2', '2'],
    ['韩雪', '直播运营', '2026/10/12', '95', '100', '6', '5', '3', '4'],
  ]),
);

// Anchors (xlsx): conversion as %-formatted cells with a target column, dwell in seconds with a
// target, the fan club written 粉丝团新增 with a target.
put(
  'kpi-anchor-xlsx-targets',
  '主播月度考核_11月.xlsx',
  await workbook([
    {
      name: '主播',
      rows: [
        [
          '姓名',
          '岗位',
          '入职日期',
          '点击转化率',
          '点击转化率目标',
          '人均停留(秒)',
          '人均停留目标(秒)',
          '粉丝团新增',
          '粉丝团新增目标',
        ],
        ['林小雨', '主播', D(2024, 3, 1), pct(0.06), pct(0.05), 108, 120, 330, 300],
        ['周一鸣', '带货主播', D(2026, 9, 20), pct(0.036), pct(0.045), 81, 90, 150, 250],
      ],
    },
  ]),
);

// Selectors (GBK CSV): 商品ROI, 退货率 and 新品数 each with a target; one target left empty.
put(
  'kpi-selector-gbk-targets',
  '选品组KPI_202611.csv',
  csv([
    ['姓名', '岗位', '入职时间', '商品ROI', '商品ROI目标', '退货率', '退货率目标', '新品数', '新品数目标'],
    ['孟佳', '选品', '2025-06-01', '4.2', '3.5', '12.5%', '10%', '6', '8'],
    ['吴凡', '选品专员', '2025-01-01', '2.4', '-', '25%', '20%', '5', '5'],
  ]),
);

// Data analysts (xlsx): 报告质量评分 with a target, 策略采纳率(%) as numbers with a target.
put(
  'kpi-data-xlsx-targets',
  '数据组考核_2026年11月.xlsx',
  await workbook([
    {
      name: 'Sheet1',
      rows: [
        ['数据分析组 11月考核'],
        ['姓名', '岗位', '入职日期', '报告质量评分', '报告质量目标', '策略采纳率(%)', '策略采纳率目标(%)'],
        ['宋涛', '数据分析', D(2024, 8, 1), 92, 80, 60, 50],
        ['唐糖', '数据分析师', D(2026, 11, 2), 72, 90, 35, 40],
      ],
    },
  ]),
);

// Anchors' sheet with two headers the team maps in the config; their (%) and (分钟) must apply.
put(
  'kpi-anchor-config-units',
  '主播数据_11月.xlsx',
  await workbook([
    {
      name: 'KPI',
      rows: [
        ['姓名', '岗位', '入职日期', '成交转化(%)', '看播时长(分钟)', '新增粉丝团'],
        ['白露', '主播', D(2024, 2, 1), 5.5, 1.5, 240],
        ['江河', '主播', D(2023, 7, 1), 4, 1.2, 160],
      ],
    },
  ]),
);
put(
  'kpi-anchor-config-units',
  'liveops.config.yaml',
  yaml('headers:\n  成交转化(%): clickToOrderRate\n  看播时长(分钟): avgDwell\n'),
);

// ——— inspect: target columns and 人次 headers ———
put(
  'inspect-targets-renci',
  '直播目标达成_202611.csv',
  csv([
    [
      '开播时间',
      '账号',
      '观看人数',
      '场观目标',
      '观看人次',
      '商品曝光人次',
      '成交金额',
      '成交目标(万元)',
      '转化率(%)',
      '转化率目标(%)',
    ],
    ['2026/11/24 20:00', '山野户外旗舰店', '12000', '15000', '18500', '98000', '46600', '5', '2.6', '3'],
  ]),
);

// ——— retro: a bare header mapped in the config with the unit it leaves out ———
put(
  'retro-config-stated-wanyuan',
  '日报_山野户外_1208.xlsx',
  await workbook([
    {
      name: '日报',
      rows: [
        ['账号', '开播时间', '下播时间', '业绩', '退款', '场观', '成交单量', '成交人数'],
        ['山野户外旗舰店', '2026/12/8 20:00', '2026/12/8 23:00', 8.84, 0.2652, 26000, 298, 281],
      ],
    },
  ]),
);
put(
  'retro-config-stated-wanyuan',
  'liveops.config.yaml',
  yaml(
    'headers:\n  业绩: { field: gmv, unit: 万元 }\n  退款: { field: refundAmount, unit: 万元 }\n  成交单量: orders\n',
  ),
);

// ——— weekly: a consultation export that runs over two weeks ———
put(
  'weekly-consult-two-weeks',
  '直播明细_20261123_20261129.csv',
  csv([
    ['账号', '开播时间', '直播时长', '观看人数', '观看次数', '成交金额', '成交人数'],
    ['山野户外旗舰店', '2026/11/24 20:00', '180', '10000', '15000', '35000', '250'],
    ['山野户外旗舰店', '2026/11/27 20:00', '180', '11000', '16000', '38500', '270'],
  ]),
);
put(
  'weekly-consult-two-weeks',
  '客服咨询_近两周.csv',
  csv([
    ['咨询时间', '首次响应时长', '接待客服', '咨询内容'],
    ['2026/11/19 20:05:00', '95', '小夏', '什么时候发货'],
    ['2026/11/20 20:30:00', '120', '小夏', '发货太慢了吧'],
    ['2026/11/21 21:00:00', '80', '阿杰', '快递是哪家'],
    ['2026/11/24 20:10:00', '8', '小夏', '冲锋衣防水吗'],
    ['2026/11/24 20:40:00', '12', '阿杰', '175穿什么码'],
    ['2026/11/27 20:15:00', '20', '小夏', '防水等级多少'],
    ['2026/11/27 21:00:00', '6', '阿杰', '能便宜点吗'],
  ]),
);

// ——— schedule: the month's plan from an ERP goods table (GBK), stock with its measure word ———
put(
  'schedule-erp-pool-gbk',
  'liveops.config.yaml',
  yaml(
    'schedule:\n  account: 山野户外旗舰店\n  slots:\n    - { weekdays: [2, 4], time: "19:30-22:30" }\n  roster:\n    anchors: [{ name: 阿杰 }]\n    assistants: [{ name: 小周 }]\n  productMix: { 引流款: 1, 利润款: 1, 形象款: 1 }\n',
  ),
);
put(
  'schedule-erp-pool-gbk',
  'ERP商品档案.csv',
  csv([
    ['商品编码', '商品名', '商品定位', '直播到手价', '库存', '供货商'],
    ['3718000000000000001', '速干T恤', '引流款', '￥59', '800件', '义乌速干'],
    ['3718000000000000002', '三合一冲锋衣', '利润款', '￥599', '300件', '山野服饰'],
    ['3718000000000000003', '联名登山包', '形象款', '￥899', '20件', '山野服饰'],
    ['3718000000000000004', '抓绒衣', '利润款', '￥199', '0件', '山野服饰'],
  ]),
);

// ——— found by trying sheets the code was not designed around (each failed before its fix) ———
const DT = (y, m, d, h, mi, s = 0) => ({
  value: new Date(Date.UTC(y, m - 1, d, h, mi, s)),
  numFmt: 'yyyy/m/d h:mm:ss',
});
// 1. A CS system's xlsx: 进线时间 and 首响时间 are both date-time cells; 首响时间 is the moment of the reply.
put('retro-cs-xlsx-reply-cells', '直播概览_20261126.csv', csv(SUMMARY_1126));
put(
  'retro-cs-xlsx-reply-cells',
  '客服会话_20261126.xlsx',
  await workbook([
    {
      name: '会话明细',
      rows: [
        ['进线时间', '首响时间', '接待客服', '买家昵称', '会话内容'],
        [DT(2026, 11, 26, 19, 40, 0), DT(2026, 11, 26, 19, 40, 6), '小夏', '户外老张', '冲锋衣防水吗'],
        [DT(2026, 11, 26, 20, 5, 30), DT(2026, 11, 26, 20, 5, 45), '小夏', '追风', '175穿什么码'],
        [DT(2026, 11, 26, 20, 31, 0), DT(2026, 11, 26, 20, 31, 50), '阿杰', '周周', '什么时候发货'],
        [DT(2026, 11, 26, 21, 12, 10), DT(2026, 11, 26, 21, 12, 19), '阿杰', '山里人', '有没有儿童款'],
      ],
    },
  ]),
);

// 2. An unknown 人次 header of clicks: the suggestion must be a count of clicks, not a rate.
put(
  'inspect-renci-click-suggestion',
  '商品点击汇总_1126.csv',
  csv([
    ['商品ID', '商品名称', '商品点击人数', '商品点击人次', '成交人数'],
    ['3719000000000000001', '山野 加绒冲锋衣', '1200', '1850', '78'],
  ]),
);

// 3. WeChat Channels API export whose header says its unit: pay_gmv(分) is still fen, applied once.
put(
  'retro-channels-paygmv-fen-header',
  'channels_live_20261204.csv',
  csv(
    [
      ['nickname', 'start_time', 'end_time', 'total_audience_count', 'total_audience_times', 'pay_gmv(分)'],
      ['山野户外视频号', '2026-12-04 19:00:00', '2026-12-04 21:30:00', '15600', '22100', '5823400'],
    ],
    'utf8',
  ),
);

// 4. A CS export that splits the reply moment into a time of day beside the consultation's date-time.
put('retro-cs-reply-time-of-day', '直播概览_20261126.csv', csv(SUMMARY_1126));
put(
  'retro-cs-reply-time-of-day',
  '客服咨询_20261126.csv',
  csv([
    ['咨询时间', '首次响应时间', '接待客服', '咨询内容'],
    ['2026/11/26 19:35:00', '19:35:08', '小夏', '冲锋衣防水吗'],
    ['2026/11/26 19:52:10', '19:52:25', '小夏', '175穿什么码'],
    ['2026/11/26 20:14:40', '20:15:20', '阿杰', '什么时候发货'],
  ]),
);
