// Builds fixtures/real/: sheets worded the way teams and platforms word them (units on headers,
// (%) columns, target columns, config mappings, GBK CSVs saved by Excel, xlsx from WPS). Only the
// inputs are generated here; each variant's expected.json beside them is computed by hand (a
// calculator, not liveops) and says how.
// Run: node scripts/build-real-fixtures.mjs
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
/** A CSV as Excel on Windows saves it: GBK, CRLF, fields quoted only when they must be. */
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

/** The 11-26 stream's summary as Compass exports it; `yen` is the sign its GMV is written with. */
const summary1126 = (yen) => [
  ['达人昵称', '直播时间', '直播间用户支付金额', '直播间观看人数', '观看次数', '成交人数', '成交订单数'],
  ['山野户外旗舰店', '2026/11/26 19:30:00-2026/11/26 22:30:00', `${yen}96,280`, '21500', '30210', '132', '140'],
];

// — KPI sheets in four wordings —

// 万元 on both GMV columns, a target column for traffic growth, team words for the figures.
put(
  'kpi-ops-wanyuan',
  '运营组KPI_2026年11月.xlsx',
  await workbook([
    {
      name: '11月考核',
      rows: [
        ['2026年11月 直播运营组 KPI 考核表'],
        ['姓名', '岗位', '入职日期', 'GMV目标(万元)', 'GMV完成(万元)', '场观增长率', '流量增长目标', '流程优化次数'],
        ['王磊', '运营', D(2025, 3, 1), 150, 168.5, pct(0.12), pct(0.1), 4],
        ['陈晨', '运营', D(2026, 9, 15), 80, 72, pct(0.08), pct(0.2), 3],
      ],
    },
  ]),
);

// A header liveops does not know, mapped in the config the way `inspect` suggests; its 万元 stays.
put(
  'kpi-config-mapped',
  'KPI_2026-11.xlsx',
  await workbook([
    {
      name: 'Sheet1',
      rows: [
        ['姓名', '岗位', '入职日期', 'GMV目标(万元)', '直播GMV(万元)', '流量增长率', '流程改进数'],
        ['林峰', '直播运营', D(2024, 6, 1), 200, 231.5, pct(0.15), 2],
        ['许可', '运营', D(2023, 1, 10), 120, 124, pct(0.1), 3],
      ],
    },
  ]),
);
put('kpi-config-mapped', 'liveops.config.yaml', Buffer.from('headers:\n  直播GMV(万元): gmv\n'));

// The unit is not in the header at all: the mapping states it (and its 目标 column follows).
put(
  'kpi-config-unit',
  'kpi_11月.csv',
  csv(
    [
      ['姓名', '岗位', '入职日期', '业绩目标', '业绩', '流量增长率', '流程改进数'],
      ['周强', '运营', '2025-01-01', '100', '110', '10%', '3'],
    ],
    'utf8',
  ),
);
put('kpi-config-unit', 'liveops.config.yaml', Buffer.from('headers:\n  业绩: { field: gmv, unit: 万元 }\n'));

// Anchors' sheet saved by Excel as CSV (GBK): (%) columns written as plain numbers, a per-person
// conversion target, dwell in seconds (one cell written 1分15秒), the fan club as 粉丝团新增.
put(
  'kpi-anchor-percent',
  '主播考核_202611.csv',
  csv([
    ['姓名', '岗位', '入职时间', '商品转化率(%)', '转化率目标(%)', '停留时长(秒)', '粉丝团新增', 'GMV目标', 'GMV实际'],
    ['小美', '主播', '2024/5/1', '5', '5', '99', '180', '800000', '￥860,000'],
    ['阿杰', '带货主播', '2026/10/8', '4.2', '6', '1分15秒', '260', '600000', '500000'],
  ]),
);

// A rate typed as a bare 5 in a column whose header does not say (%): read as 500 %, and said.
put(
  'kpi-bare-percent',
  'KPI考核.xlsx',
  await workbook([
    {
      name: 'KPI',
      rows: [
        ['姓名', '岗位', '入职日期', '商品转化率', '人均停留时长(秒)', '新增粉丝团'],
        ['赵敏', '主播', D(2024, 1, 1), 5, 90, 200],
      ],
    },
  ]),
);

// GMV实际 typed in 万元 under a header that does not say so, next to a target in 元.
put(
  'kpi-gmv-off-by-wan',
  'KPI考核表.xlsx',
  await workbook([
    {
      name: 'KPI',
      rows: [
        ['姓名', '岗位', '入职日期', 'GMV目标', 'GMV实际', '流量增长率', '流程改进数'],
        ['孙浩', '运营', D(2024, 1, 1), 1500000, 168.5, pct(0.1), 3],
      ],
    },
  ]),
);

// — Rate-only product lists (Compass 直播商品列表): clickers and the stated rates, no exposure or
// buyer counts. —
const PRODUCT_LIST_HEADER = [
  '商品ID',
  '商品名称',
  '首次上架时间',
  '讲解次数',
  '直播间价格',
  '用户支付金额',
  '成交件数',
  '商品点击人数',
  '商品曝光-点击率（人数）',
  '商品点击-成交转化率（人数）',
  '退款金额',
];
put('retro-rate-only', '直播概览_20261126.csv', csv([...summary1126('¥')], 'utf8'));
put(
  'retro-rate-only',
  '直播商品_20261126.xlsx',
  await workbook([
    {
      name: '商品列表',
      rows: [
        PRODUCT_LIST_HEADER,
        [
          '3701000000000000001',
          '山野 加绒冲锋衣 男款',
          '2026/11/26 19:35',
          3,
          '¥599',
          '¥46,720',
          78,
          1200,
          '8.00%',
          '6.50%',
          '¥1,198',
        ],
        [
          '3701000000000000002',
          '摇粒绒抓绒衣 女款',
          '2026/11/26 20:10',
          2,
          '¥199',
          '¥7,562',
          38,
          900,
          '12.50%',
          '4.20%',
          '-',
        ],
        [
          '3701000000000000003',
          '碳素登山杖 2支装',
          '2026/11/26 21:00',
          1,
          '¥129',
          '¥1,935',
          15,
          300,
          '10.00%',
          '5.00%',
          '-',
        ],
      ],
    },
  ]),
);

// A selector's week: three streams' product lists, rates only. 加绒冲锋衣 at 2.50 % click / 0.77 %
// conversion in each stream; 速干T恤 at exactly 3.00 % / 3.00 %.
const week = [
  ['20261117', 130, 300],
  ['20261119', 118, 320],
  ['20261121', 152, 280],
];
for (const [day, a, b] of week) {
  put(
    'select-rate-only',
    `直播商品_${day}.xlsx`,
    await workbook([
      {
        name: '商品列表',
        rows: [
          PRODUCT_LIST_HEADER,
          [
            '3702000000000000001',
            '加绒冲锋衣',
            `${day.slice(0, 4)}/${day.slice(4, 6)}/${day.slice(6)} 20:05`,
            2,
            '¥459',
            '¥459',
            1,
            a,
            '2.50%',
            '0.77%',
            '-',
          ],
          [
            '3702000000000000002',
            '速干T恤',
            `${day.slice(0, 4)}/${day.slice(4, 6)}/${day.slice(6)} 20:40`,
            2,
            '¥89',
            '¥801',
            9,
            b,
            '3.00%',
            '3.00%',
            '-',
          ],
        ],
      },
    ]),
  );
}

// — Customer service: a system that exports 首次响应时间 as the moment of the reply (a date-time),
// next to 咨询时间. The response time is the difference. —
put('retro-cs-timestamps', '直播概览_20261126.csv', csv([...summary1126('¥')], 'utf8'));
put(
  'retro-cs-timestamps',
  '客服咨询明细_20261126.csv',
  csv([
    ['咨询时间', '首次响应时间', '接待客服', '买家昵称', '咨询内容'],
    ['2026/11/26 19:35:00', '2026/11/26 19:35:08', '小夏', '户外老张', '冲锋衣防水吗'],
    ['2026/11/26 19:52:10', '2026/11/26 19:52:25', '小夏', '追风', '175穿什么码'],
    ['2026/11/26 20:14:40', '2026/11/26 20:14:56', '阿杰', '周周', '什么时候发货'],
    ['2026/11/26 20:59:30', '2026/11/26 21:00:10', '阿杰', '山里人', '有没有儿童款'],
    ['2026/11/26 21:30:00', '2026/11/26 21:30:05', '小夏', '露营达人', '能便宜点吗'],
    ['2026/11/26 22:05:57', '2026/11/26 22:06:00', '小夏', '登山的阿明', '防水等级是多少'],
  ]),
);

// — A stream list with the team's own extra columns: inspect must list every one it does not
// know, suggest nothing for a target, and never a per-person field for a per-time header. —
put(
  'inspect-unknown-headers',
  '直播数据汇总_202611.csv',
  csv([
    [
      '开播时间',
      '账号',
      '直播时长(分钟)',
      '观看人数',
      '累计观看人次',
      '成交金额',
      '场观目标',
      '主播搭档',
      '备注',
      '话题标签',
      '天气',
      '直播间布景',
      '投流人员',
    ],
    [
      '2026/11/3 20:00',
      '山野户外旗舰店',
      '180',
      '21500',
      '30210',
      '￥96,280',
      '25000',
      '小美',
      '-',
      '#冬季户外',
      '晴',
      '雪山',
      '阿杰',
    ],
  ]),
);

// — A product export with the selector's own columns added: they are listed as not used. —
put(
  'select-extra-columns',
  '商品数据_20261118.csv',
  csv([
    ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额', '利润率', '主播备注'],
    ['3703000000000000001', '保温杯 500ml', '8000', '200', '4', '￥356', '35%', '讲得太快'],
  ]),
);
put(
  'select-extra-columns',
  '商品数据_20261120.csv',
  csv([
    ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额', '利润率', '主播备注'],
    ['3703000000000000001', '保温杯 500ml', '7000', '250', '5', '￥445', '35%', '-'],
  ]),
);

// — A selector's week folder that also holds last week's product file and a comments export of
// another day: both are left out and listed, never counted. —
const W47 = [
  ['20261117', 100, 4],
  ['20261120', 120, 6],
];
for (const [day, clickers, buyers] of W47) {
  put(
    'select-mixed-weeks',
    `商品_山野户外_${day}.csv`,
    csv([
      ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额'],
      ['3704000000000000001', '羽绒背心', '2000', String(clickers), String(buyers), '￥' + buyers * 199],
    ]),
  );
}
// Last week's file: 2.0 % click would eliminate the product if it were counted.
put(
  'select-mixed-weeks',
  '商品_山野户外_20261110.csv',
  csv([
    ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额'],
    ['3704000000000000001', '羽绒背心', '20000', '400', '2', '￥398'],
  ]),
);
put(
  'select-mixed-weeks',
  '评论_1120.csv',
  csv([
    ['评论时间', '用户昵称', '评论内容'],
    ['2026/11/20 20:01:00', '户外老张', '有没有儿童款'],
    ['2026/11/20 20:03:00', '追风', '儿童款什么时候上'],
    ['2026/11/13 20:05:00', '周周', '有没有加大码'],
  ]),
);

// — A stream's folder with a comments export of another day and a consultation export cut off
// mid-quote: the retro is written from the rest, and says what it left out (exit 3). —
put('retro-mixed-days', '直播概览_20261126.csv', csv([...summary1126('￥')]));
put(
  'retro-mixed-days',
  '评论_20261126.csv',
  csv([
    ['评论时间', '用户昵称', '评论内容'],
    ['2026/11/26 19:40:00', '户外老张', '冲锋衣防水吗'],
    ['2026/11/26 19:41:00', '追风', '这个防水吗？'],
    ['2026/11/26 20:02:00', '周周', '防水等级多少'],
    ['2026/11/26 20:30:00', '山里人', '有没有儿童款'],
    ['2026/11/20 20:10:00', '露营达人', '有没有加大码'],
  ]),
);
put(
  'retro-mixed-days',
  '评论_20261120.csv',
  csv([
    ['评论时间', '用户昵称', '评论内容'],
    ['2026/11/20 20:01:00', '户外老张', '有没有加大码'],
    ['2026/11/20 20:03:00', '追风', '加大码有吗'],
    ['2026/11/20 20:05:00', '周周', '加大码什么时候有'],
  ]),
);
put(
  'retro-mixed-days',
  '客服咨询_20261126.csv',
  Buffer.concat([
    csv([
      ['咨询时间', '首次响应时长', '接待客服', '咨询内容'],
      ['2026/11/26 19:35:00', '8', '小夏', '冲锋衣防水吗'],
    ]),
    iconv.encode('2026/11/26 19:52:10,12,小夏,"175穿什么码\r\n', 'gbk'),
  ]),
);

// — Taobao 生意参谋 分场次效果 (GBK, a title row): streams named by 场次信息 and 场次id, no account
// column. The weekly report's alerts must name them by those. —
put(
  'weekly-taobao-sessions',
  '分场次效果_20261123_20261129.csv',
  csv([
    ['生意参谋-直播-分场次效果 统计时间:2026-11-23~2026-11-29'],
    [
      '场次信息',
      '场次id',
      '直播开播时间',
      '开播时长',
      '观看人数',
      '观看次数',
      '成交金额（元）',
      '成交人数',
      '成交笔数',
    ],
    [
      '冬季保湿专场｜小鹿美妆',
      '493427865101',
      '2026-11-24 19:30:00',
      '3小时0分0秒',
      '12,000',
      '20,100',
      '18,600.00',
      '120',
      '126',
    ],
    [
      '日常场｜小鹿美妆',
      '493427865188',
      '2026-11-26 20:00:00',
      '2小时30分0秒',
      '9,500',
      '15,200',
      '7,600.00',
      '61',
      '63',
    ],
  ]),
);

// — A selection table exported from the shop's ERP (GBK): 商品编码, 商品名, 直播到手价, 供货商,
// 库存量, 商品定位; and two streams' Kuaishou product overviews (退款金额(退款日)). —
put(
  'select-erp-pool',
  '选品表_ERP导出.csv',
  csv([
    [
      '商品编码',
      '商品名',
      '品类',
      '商品定位',
      '直播到手价',
      '日常售价',
      '竞品价',
      '库存量',
      '供货商',
      '质检报告',
      '七天无理由',
      '运费险',
    ],
    [
      '3650123456789012345',
      '山野 男款三合一冲锋衣',
      '冲锋衣',
      '利润款',
      '￥599',
      '￥899',
      '￥659',
      '320',
      '山野服饰',
      '有',
      '是',
      '是',
    ],
    ['3650123456789012399', '速干T恤', 'T恤', '引流款', '￥59', '￥99', '￥55', '40', '义乌速干', '无', '是', '否'],
  ]),
);
for (const day of ['20261118', '20261120']) {
  put(
    'select-erp-pool',
    `快手商品_${day}.csv`,
    csv([
      [
        '商品ID',
        '商品名称',
        '成交金额',
        '成交订单数',
        '成交件数',
        '退款金额(退款日)',
        '成交退款订单数',
        '商品曝光人数',
        '商品点击人数',
        '成交人数',
      ],
      ['3650123456789012345', '山野 男款三合一冲锋衣', '59,900', '100', '100', '1,198', '2', '20000', '900', '98'],
      ['3650123456789012399', '速干T恤', '590', '10', '10', '0', '0', '9000', '200', '10'],
    ]),
  );
}

// — The selection and data team's KPI sheet in their own words: 商品投产比, 退货率(%), 新品上架数,
// 报告评分, 建议采纳率. —
put(
  'kpi-selection-data',
  '选品数据组考核_11月.xlsx',
  await workbook([
    {
      name: '考核',
      rows: [
        ['姓名', '职位', '入职时间', '商品投产比', '退货率(%)', '新品上架数', '报告评分', '建议采纳率'],
        ['钱敏', '选品专员', D(2025, 2, 1), 3.6, 16, 4, null, null],
        ['何畅', '数据分析师', D(2026, 10, 20), null, null, null, 85, pct(0.4)],
      ],
    },
  ]),
);

// — A product CSV that went through Excel: its IDs are now 3.70001E+18, their digits lost. —
put(
  'select-scientific-id',
  '商品_20261117.csv',
  csv([
    ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数'],
    ['3.70001E+18', '羊毛袜 3双装', '6000', '300', '20'],
    ['3.70001E+18', '护膝 运动款', '4000', '90', '2'],
  ]),
);
put(
  'select-scientific-id',
  '商品_20261119.csv',
  csv([
    ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数'],
    ['3700012345678901001', '羊毛袜 3双装', '5000', '260', '15'],
  ]),
);

// — A team's own product sheet with the click rate typed as a bare 8.5 (meaning 8.5 %) under a
// header without (%): read as written (850 %) and said, naming the cell. —
put('retro-bare-rate', '直播概览_20261126.csv', csv([...summary1126('￥')], 'utf8'));
put(
  'retro-bare-rate',
  '商品表现_手工整理.csv',
  csv([
    ['商品ID', '商品名称', '商品点击人数', '商品点击率', '成交人数'],
    ['3705000000000000001', '登山包 30L', '420', '8.5', '25'],
  ]),
);

// — A selection table kept by hand without 商品ID: products shown this week are on sale, so their
// low stock is warned about (found by name); one not shown anywhere is not. —
put(
  'select-pool-no-ids',
  '选品表_手工.csv',
  csv([
    ['商品名称', '商品角色', '直播价', '竞品价', '库存(件)', '供应商', '类目'],
    ['头灯 USB充电', '利润款', '129', '139', '10', '丙厂', '装备'],
    ['露营灯 复古', '形象款', '199', '219', '5', '丙厂', '装备'],
  ]),
);
for (const day of ['20261117', '20261119']) {
  put(
    'select-pool-no-ids',
    `商品_${day}.csv`,
    csv([
      ['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数'],
      ['3706000000000000001', '头灯 USB充电', '3000', '150', '9'],
    ]),
  );
}

// — A stream's folder that also holds another account's product list (same day): it is not this
// stream's, and is left out, named. —
put('retro-other-account', '直播概览_20261126.csv', csv([...summary1126('￥')], 'utf8'));
put(
  'retro-other-account',
  '商品_小鹿美妆官方_20261126.csv',
  csv([
    ['账号', '商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额'],
    ['小鹿美妆官方', '3707000000000000001', '补水面膜 10片', '30000', '2400', '300', '￥29,700'],
  ]),
);
put(
  'retro-other-account',
  '商品_山野户外旗舰店_20261126.csv',
  csv([
    ['账号', '商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额'],
    ['山野户外旗舰店', '3707000000000000002', '山野 加绒冲锋衣', '15000', '1200', '78', '￥46,720'],
  ]),
);

// — A summary saved by Excel as GBK CSV with the ¥ typed as the half-width sign, which GBK cannot
// hold: Excel writes "?96,280". liveops refuses it, naming the cell and what happened. —
put('retro-gbk-lost-yen', '直播概览_GBK.csv', csv([...summary1126('¥')]));

// — The schedule from a selection table with the team's own extra columns: they are named as not
// used (the plan is the config's). —
put(
  'schedule-pool-extra-columns',
  'liveops.config.yaml',
  Buffer.from(
    'schedule:\n  annualGmv: 12000000\n  account: 山野户外旗舰店\n  slots:\n    - { weekdays: [1, 3, 5], time: "20:00-23:00" }\n  roster:\n    anchors: [{ name: 小林 }]\n    assistants: [{ name: 小周 }]\n',
  ),
);
put(
  'schedule-pool-extra-columns',
  '选品表.csv',
  csv([
    ['商品ID', '商品名称', '商品角色', '直播价', '库存', '主推话术负责人', '样品寄回'],
    ['3708000000000000001', '速干T恤', '引流款', '59', '800', '小林', '否'],
    ['3708000000000000002', '三合一冲锋衣', '利润款', '599', '300', '小林', '是'],
  ]),
);
