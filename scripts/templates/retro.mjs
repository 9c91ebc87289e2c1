// templates/retro.xlsx: the post-stream retro (数据复盘表).
import ExcelJS from 'exceljs';
import { chartSheet, eachRow, FORMATS, headerRow, PAGE, save, SECTION_STYLE, tableSheet, TITLE_STYLE } from './kit.mjs';

const RETRO_FIGURES = [
  ['gmv', '成交金额（{{summary.gmvField}}）', 'GMV ({{summary.gmvField}})', 'money'],
  ['orders', '成交订单数', 'Orders', 'count'],
  ['buyers', '成交人数', 'Buyers', 'count'],
  ['itemsSold', '成交件数', 'Items sold', 'count'],
  ['uv', '观看人数 UV', 'Viewers (UV)', 'count'],
  ['pv', '观看次数 PV', 'Views (PV)', 'count'],
  ['uvValue', 'UV价值', 'UV value', 'money'],
  ['gpm', '千次观看成交金额 GPM', 'GPM', 'money'],
  ['avgDwellSeconds', '人均观看时长', 'Average dwell', 'duration'],
  ['productExposed', '商品曝光人数', 'Product-exposed viewers', 'count'],
  ['productClickers', '商品点击人数', 'Product clickers', 'count'],
  ['productClickRate', '商品点击率', 'Product click rate', 'rate'],
  ['clickToOrderRate', '点击成交转化率', 'Click→order conversion', 'rate'],
  ['viewToOrderRate', '观看成交转化率', 'View→order conversion', 'rate'],
  ['refundAmount', '退款金额', 'Refunds', 'money'],
  ['refundRate', '退款率', 'Refund rate', 'rate'],
  ['paidSpend', '投放消耗', 'Paid-traffic spend', 'money'],
  ['roi', '投放ROI', 'ROI on spend', 'number'],
  ['newFollowers', '新增粉丝', 'New followers', 'count'],
  ['peakOnline', '最高在线', 'Peak online', 'count'],
];

export default async function retro(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const ov = wb.addWorksheet(zh ? '概览' : 'Overview', { pageSetup: PAGE });
  ov.columns = [
    { width: 30 },
    { width: 18 },
    { width: 18 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 60 },
  ];
  ov.getCell('A1').value = zh ? '直播复盘 · {{stream.account}}' : 'Stream retro · {{stream.account}}';
  ov.getCell('A1').style = TITLE_STYLE;
  ov.mergeCells('A1:G1');
  ov.getCell('A2').value = zh
    ? '开播 {{stream.start | datetime}}　下播 {{stream.end | datetime}}　平台 {{stream.platformLabel}}'
    : 'Start {{stream.start | datetime}}  end {{stream.end | datetime}}  platform {{stream.platformLabel}}';
  ov.mergeCells('A2:G2');
  ov.getCell('A3').value = zh ? '时长' : 'Duration';
  ov.getCell('B3').value = '{{stream.durationSeconds | time}}';
  ov.getCell('B3').numFmt = FORMATS.duration;
  headerRow(ov, 5, zh ? ['指标', '数值', '来源'] : ['Metric', 'Value', 'Source']);
  RETRO_FIGURES.forEach(([key, zhLabel, enLabel, format], i) => {
    const r = 6 + i;
    ov.getCell(r, 1).value = zh ? zhLabel : enLabel;
    ov.getCell(r, 2).value = format === 'duration' ? `{{summary.${key} | time}}` : `{{summary.${key}}}`;
    ov.getCell(r, 2).numFmt = FORMATS[format];
    ov.getCell(r, 3).value = `{{sources.${key}}}`;
    ov.getCell(r, 3).font = { color: { argb: 'FF7F7F7F' } };
    ov.mergeCells(r, 3, r, 7); // the source on one line, across the columns the tables below use

  });
  let r = 6 + RETRO_FIGURES.length + 1;
  ov.getCell(r, 1).value = zh ? '导出中没有的指标：{{missing | join}}' : 'Not in the exports: {{missing | join}}';
  ov.getCell(r, 1).font = { italic: true, color: { argb: 'FF7F7F7F' } };
  r += 2;
  ov.getCell(r, 1).value = zh ? '预警' : 'Alerts';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(
    ov,
    r + 1,
    zh
      ? ['规则', '对象', '数值', '阈值', '级别', '负责人', '说明']
      : ['Rule', 'Subject', 'Value', 'Threshold', 'Severity', 'Owner', 'Message'],
  );
  eachRow(ov, r + 2, 'alerts', [
    { cell: '{{ruleLabel}}' },
    { cell: '{{subject}}' },
    { cell: '{{value | unit}}' },
    { cell: '{{threshold | unit}}' },
    { cell: '{{severityLabel}}' },
    { cell: '{{ownerLabel}}' },
    { cell: '{{message}}' },
  ]);
  r += 4;
  // No earlier streams: no comparison, and no empty table for it.
  ov.getCell(r, 1).value = zh
    ? '{{#if comparison}}对比（上一场 / 近期中位数）'
    : '{{#if comparison}}Compared (previous stream / recent median)';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(
    ov,
    r + 1,
    zh
      ? ['{{#if comparison}}指标', '本场', '上一场', '较上一场', '近期中位数', '较中位数']
      : ['{{#if comparison}}Metric', 'This stream', 'Previous', 'vs previous', 'Median', 'vs median'],
  );
  eachRow(ov, r + 2, 'comparison.metrics', [
    { cell: '{{label}}' },
    { cell: '{{current | unit}}' },
    { cell: '{{previous | unit}}' },
    { cell: '{{previousChange}}', format: '+0.0%;-0.0%' },
    { cell: '{{median | unit}}' },
    { cell: '{{medianChange}}', format: '+0.0%;-0.0%' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '{{#if checks}}数据核对（平台显示 vs 按计数计算）' : '{{#if checks}}Checks (platform figure vs counts)';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(
    ov,
    r + 1,
    zh
      ? ['{{#if checks}}指标', '平台显示', '计算值', '差异', '一致', '来源']
      : ['{{#if checks}}Metric', 'Platform', 'Computed', 'Difference', 'Agrees', 'Source'],
  );
  eachRow(ov, r + 2, 'checks', [
    { cell: '{{label}}' },
    { cell: '{{stated | unit}}' },
    { cell: '{{computed | unit}}' },
    { cell: '{{difference | unit}}' },
    { cell: zh ? '{{agrees | bool:一致:不一致}}' : '{{agrees | bool:yes:no}}' },
    { cell: '{{source}}' },
  ]);

  // The charts, one under another ({{chart:name}}: the picture's top-left corner; a chart the
  // export has no data for is left out). On their own sheet, so every sheet still prints readably.
  chartSheet(wb, {
    name: zh ? '图表' : 'Charts',
    title: zh ? '直播复盘图表 · {{stream.account}}' : 'Stream retro charts · {{stream.account}}',
    charts: [
      { chart: 'productGmv', when: 'products' },
      { chart: 'productRates', when: 'products' },
      { chart: 'channels', when: 'channels' },
      { chart: 'trend', when: 'trend' },
      { chart: 'baseline', when: 'comparison' },
    ],
    lang,
  });
  tableSheet(
    wb,
    zh ? '商品' : 'Products',
    'products',
    [
      { zh: '排名', en: 'Rank', cell: '{{rank}}', width: 6 },
      { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
      { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 36 },
      { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
      { zh: '成交件数', en: 'Items sold', cell: '{{itemsSold}}', width: 10, format: 'count' },
      { zh: '成交人数', en: 'Buyers', cell: '{{buyers}}', width: 10, format: 'count' },
      { zh: '曝光人数', en: 'Exposed', cell: '{{exposed}}', width: 11, format: 'count' },
      { zh: '点击人数', en: 'Clickers', cell: '{{clickers}}', width: 10, format: 'count' },
      { zh: '点击率', en: 'Click rate', cell: '{{clickRate}}', width: 10, format: 'rate' },
      { zh: '转化率', en: 'Conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
      { zh: '库存', en: 'Stock', cell: '{{stock}}', width: 8, format: 'count' },
      { zh: '触发规则', en: 'Rules fired', cell: '{{flagLabels}}', width: 30 },
    ],
    lang,
  );
  tableSheet(
    wb,
    zh ? '渠道' : 'Channels',
    'channels',
    [
      { zh: '渠道', en: 'Channel', cell: '{{name}}', width: 22 },
      { zh: '付费', en: 'Paid', cell: zh ? '{{paid | bool:付费:自然}}' : '{{paid | bool:paid:natural}}', width: 8 },
      { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 11, format: 'count' },
      { zh: '观看次数', en: 'PV', cell: '{{pv}}', width: 11, format: 'count' },
      { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
      { zh: '成交订单数', en: 'Orders', cell: '{{orders}}', width: 11, format: 'count' },
      { zh: '流量占比', en: 'UV share', cell: '{{uvShare}}', width: 10, format: 'rate' },
      { zh: '成交占比', en: 'GMV share', cell: '{{gmvShare}}', width: 10, format: 'rate' },
      { zh: '转化率(次数)', en: 'Conversion (per view)', cell: '{{conversionRate}}', width: 12, format: 'rate' },
    ],
    lang,
  );
  tableSheet(
    wb,
    zh ? '趋势' : 'Trend',
    'trend',
    [
      { zh: '时间', en: 'Time', cell: '{{time}}', width: 10 },
      { zh: '在线人数', en: 'Online', cell: '{{online}}', width: 10, format: 'count' },
      { zh: '进入人数', en: 'Entries', cell: '{{entries}}', width: 10, format: 'count' },
      { zh: '离开人数', en: 'Leaves', cell: '{{leaves}}', width: 10, format: 'count' },
      { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 12, format: 'money' },
      { zh: '成交人数', en: 'Buyers', cell: '{{buyers}}', width: 10, format: 'count' },
      { zh: '评论次数', en: 'Comments', cell: '{{comments}}', width: 10, format: 'count' },
    ],
    lang,
  );
  tableSheet(
    wb,
    zh ? '评论热点' : 'Hotspots',
    'hotspots',
    [
      { zh: '来源', en: 'Source', cell: '{{sourceLabel}}', width: 14 },
      { zh: '话题', en: 'Topic', cell: '{{labelText}}', width: 14 },
      { zh: '提及次数', en: 'Count', cell: '{{count}}', width: 10, format: 'count' },
      { zh: '占提问比例', en: 'Share of questions', cell: '{{share}}', width: 12, format: 'rate' },
      { zh: '例句', en: 'Examples', cell: '{{examples | join}}', width: 70 },
    ],
    lang,
  );
  // Customer service: first response (cs-response), slowest conversations, by agent.
  const cs = wb.addWorksheet(zh ? '客服' : 'Customer service', { pageSetup: PAGE });
  cs.columns = [{ width: 26 }, { width: 14 }, { width: 20 }, { width: 14 }, { width: 60 }];
  cs.getCell('A1').value = zh
    ? '客服首次响应（{{customerService.response.line}} 秒内为达标）'
    : 'First response (on time within {{customerService.response.line}} s)';
  cs.getCell('A1').style = SECTION_STYLE;
  const csRows = [
    ['consultations', '咨询数', 'Consultations', 'count'],
    ['answered', '已回复', 'Answered', 'count'],
    ['unanswered', '未回复', 'Unanswered', 'count'],
    ['medianSeconds', '中位数（秒）', 'Median (s)', 'number'],
    ['p90Seconds', 'P90（秒）', 'p90 (s)', 'number'],
    ['overLine', '超时咨询数', 'Over the line', 'count'],
    ['overLineShare', '超时占比', 'Share over the line', 'rate'],
  ];
  csRows.forEach(([key, zl, el, fmt], i) => {
    cs.getCell(2 + i, 1).value = zh ? zl : el;
    cs.getCell(2 + i, 2).value = `{{customerService.response.${key}}}`;
    cs.getCell(2 + i, 2).numFmt = FORMATS[fmt];
  });
  const r0 = 2 + csRows.length + 1;
  cs.getCell(r0, 1).value = zh ? '最慢的咨询' : 'Slowest conversations';
  cs.getCell(r0, 1).style = SECTION_STYLE;
  headerRow(
    cs,
    r0 + 1,
    zh ? ['时间', '响应（秒）', '客服', '买家', '咨询内容'] : ['Time', 'Seconds', 'Agent', 'Buyer', 'Question'],
  );
  eachRow(cs, r0 + 2, 'customerService.response.slowest', [
    { cell: '{{time | datetime}}' },
    { cell: '{{seconds}}', format: 'count' },
    { cell: '{{agent}}' },
    { cell: '{{buyer}}' },
    { cell: '{{text}}' },
  ]);
  cs.getCell(r0 + 4, 1).value = zh ? '按客服' : 'By agent';
  cs.getCell(r0 + 4, 1).style = SECTION_STYLE;
  headerRow(
    cs,
    r0 + 5,
    zh
      ? ['客服', '已回复', '中位数（秒）', '超时数', '超时占比']
      : ['Agent', 'Answered', 'Median (s)', 'Over the line', 'Share over'],
  );
  eachRow(cs, r0 + 6, 'customerService.response.byAgent', [
    { cell: '{{agent}}' },
    { cell: '{{answered}}', format: 'count' },
    { cell: '{{medianSeconds}}', format: 'number' },
    { cell: '{{overLine}}', format: 'count' },
    { cell: '{{overLineShare}}', format: 'rate' },
  ]);

  // Unpaid orders (下单未付款) for customer service to follow up, by product with the stock left.
  const up = wb.addWorksheet(zh ? '未付款跟进' : 'Unpaid orders', { pageSetup: PAGE });
  up.columns = [{ width: 22 }, { width: 17 }, { width: 34 }, { width: 8 }, { width: 12 }, { width: 12 }, { width: 14 }];
  up.getCell('A1').value = zh
    ? '下单未付款 {{customerService.unpaid.orders}} 单，{{customerService.unpaid.items}} 件，¥{{customerService.unpaid.amount}}（买家信息已脱敏）'
    : 'Unpaid: {{customerService.unpaid.orders}} orders, {{customerService.unpaid.items}} items, ¥{{customerService.unpaid.amount}} (buyers masked)';
  up.getCell('A1').style = SECTION_STYLE;
  headerRow(
    up,
    2,
    zh
      ? ['商品ID', '商品名称', '未付款单数', '件数', '金额', '剩余库存', '库存紧张']
      : ['Product ID', 'Product', 'Orders', 'Items', 'Amount', 'Stock left', 'Low stock'],
  );
  eachRow(up, 3, 'customerService.unpaid.byProduct', [
    { cell: '{{productId}}' },
    { cell: '{{productName}}' },
    { cell: '{{orders}}', format: 'count' },
    { cell: '{{items}}', format: 'count' },
    { cell: '{{amount}}', format: 'money' },
    { cell: '{{stock}}', format: 'count' },
    { cell: zh ? '{{stockLow | bool:紧张:—}}' : '{{stockLow | bool:low:—}}' },
  ]);
  up.getCell('A5').value = zh ? '逐单跟进' : 'Orders to follow up';
  up.getCell('A5').style = SECTION_STYLE;
  headerRow(
    up,
    6,
    zh
      ? ['订单编号', '下单时间', '商品', '数量', '金额', '买家', '手机号']
      : ['Order', 'Placed', 'Product', 'Qty', 'Amount', 'Buyer', 'Phone'],
  );
  eachRow(up, 7, 'customerService.unpaid.lines', [
    { cell: '{{orderId}}' },
    { cell: '{{time | datetime}}' },
    { cell: '{{productName}}' },
    { cell: '{{quantity}}', format: 'count' },
    { cell: '{{amount}}', format: 'money' },
    { cell: '{{buyer}}' },
    { cell: '{{phone}}' },
  ]);

  // Negative comments and consultations (舆情) with the prepared reply.
  const ng = wb.addWorksheet(zh ? '舆情' : 'Sentiment', { pageSetup: PAGE });
  ng.columns = [{ width: 14 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 60 }, { width: 60 }];
  ng.getCell('A1').value = zh
    ? '负面评论/咨询 {{customerService.negative.negative}} 条，共 {{customerService.negative.messages}} 条评论与咨询'
    : '{{customerService.negative.negative}} negative of {{customerService.negative.messages}} comments and consultations';
  ng.getCell('A1').style = SECTION_STYLE;
  headerRow(
    ng,
    2,
    zh
      ? ['话题', '条数', '占比', '负责人', '建议回复', '例句']
      : ['Topic', 'Count', 'Share', 'Owner', 'Prepared reply', 'Examples'],
  );
  eachRow(ng, 3, 'customerService.negative.topics', [
    { cell: '{{label}}' },
    { cell: '{{count}}', format: 'count' },
    { cell: '{{share}}', format: 'rate' },
    { cell: '{{ownerLabel}}' },
    { cell: '{{reply}}' },
    { cell: '{{examples | join}}' },
  ]);

  tableSheet(
    wb,
    zh ? '改进清单' : 'Actions',
    'actions',
    [
      { zh: '序号', en: 'No.', cell: '{{no}}', width: 6 },
      { zh: '问题', en: 'Finding', cell: '{{what}}', width: 36 },
      { zh: '依据', en: 'Evidence', cell: '{{evidence}}', width: 48 },
      { zh: '负责人', en: 'Owner', cell: '{{ownerLabel}}', width: 12 },
      { zh: '改进动作', en: 'Action', cell: '{{action}}', width: 60 },
      { zh: '规则', en: 'Rule', cell: '{{ruleLabel}}', width: 16 },
    ],
    lang,
  );
  await save(wb, zh ? 'retro.xlsx' : 'retro.en.xlsx');
}
