// templates/weekly.xlsx: the weekly report (周度复盘报告).
import ExcelJS from 'exceljs';
import { chartSheet, eachRow, FORMATS, headerRow, PAGE, save, SECTION_STYLE, tableSheet, TITLE_STYLE } from './kit.mjs';

export default async function weekly(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const ov = wb.addWorksheet(zh ? '概览' : 'Overview', { pageSetup: PAGE });
  ov.columns = [
    { width: 26 },
    { width: 18 },
    { width: 18 },
    { width: 14 },
    { width: 16 },
    { width: 16 },
    { width: 60 },
  ];
  ov.getCell('A1').value = zh ? '周度复盘报告 {{week.id}}{{periodNote}}' : 'Weekly report {{week.id}}{{periodNote}}';
  ov.getCell('A1').style = TITLE_STYLE;
  ov.mergeCells('A1:G1');
  ov.getCell('A2').value = zh
    ? '{{week.since}} 至 {{week.until}}（对比上周 {{previousWeek.id}}）'
    : '{{week.since}} to {{week.until}} (compared with {{previousWeek.id}})';
  headerRow(ov, 4, zh ? ['指标', '本周', '上周', '变化'] : ['Metric', 'This week', 'Previous week', 'Change']);
  const rows = [
    ['streams', '场次', 'Streams', 'count'],
    ['gmv', '成交金额', 'GMV', 'money'],
    ['uv', '观看人数', 'Viewers (UV)', 'count'],
    ['pv', '观看次数', 'Views (PV)', 'count'],
    ['buyers', '成交人数', 'Buyers', 'count'],
    ['uvValue', 'UV价值', 'UV value', 'money'],
    ['gpm', '千次观看成交金额 GPM', 'GPM', 'money'],
    ['viewToOrderRate', '观看成交转化率', 'View→order conversion', 'rate'],
    ['paidSpend', '投放消耗', 'Paid-traffic spend', 'money'],
    ['avgGmvPerStream', '场均成交金额', 'GMV per stream', 'money'],
  ];
  rows.forEach(([key, zl, el, fmt], i) => {
    const r = 5 + i;
    ov.getCell(r, 1).value = zh ? zl : el;
    ov.getCell(r, 2).value = `{{totals.${key}}}`;
    ov.getCell(r, 2).numFmt = FORMATS[fmt];
    ov.getCell(r, 3).value = `{{previousTotals.${key}}}`;
    ov.getCell(r, 3).numFmt = FORMATS[fmt];
    if (['gmv', 'uv', 'uvValue', 'viewToOrderRate', 'streams'].includes(key)) {
      ov.getCell(r, 4).value = `{{change.${key}}}`;
      ov.getCell(r, 4).numFmt = '+0.0%;-0.0%';
    }
  });
  let r = 5 + rows.length + 1;
  // Written only when a weekly target is set.
  ov.getCell(r, 1).value = zh ? '{{#if targetAchievement.target}}周目标' : '{{#if targetAchievement.target}}Weekly target';
  ov.getCell(r, 2).value = '{{targetAchievement.target}}';
  ov.getCell(r, 2).numFmt = FORMATS.money;
  ov.getCell(r, 3).value = zh ? '达成率' : 'Achieved';
  ov.getCell(r, 4).value = '{{targetAchievement.achievement}}';
  ov.getCell(r, 4).numFmt = '0.0%';
  r += 2;
  ov.getCell(r, 1).value = zh ? '分账号' : 'By account';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(
    ov,
    r + 1,
    zh
      ? ['账号', '场次', '成交金额', '观看人数', 'UV价值', '转化率']
      : ['Account', 'Streams', 'GMV', 'UV', 'UV value', 'Conversion'],
  );
  eachRow(ov, r + 2, 'byAccount', [
    { cell: '{{account}}' },
    { cell: '{{streams}}', format: 'count' },
    { cell: '{{gmv}}', format: 'money' },
    { cell: '{{uv}}', format: 'count' },
    { cell: '{{uvValue}}', format: 'money' },
    { cell: '{{viewToOrderRate}}', format: 'rate' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '预警' : 'Alerts';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(
    ov,
    r + 1,
    zh
      ? ['规则', '场次', '数值', '阈值', '负责人', '', '说明']
      : ['Rule', 'Stream', 'Value', 'Threshold', 'Owner', '', 'Message'],
  );
  eachRow(ov, r + 2, 'alerts', [
    { cell: '{{ruleLabel}}' },
    { cell: '{{subject}}' },
    { cell: '{{value | unit}}' },
    { cell: '{{threshold | unit}}' },
    { cell: '{{ownerLabel}}' },
    { cell: '' },
    { cell: '{{message}}' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '改进清单' : 'Actions';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(
    ov,
    r + 1,
    zh ? ['序号', '负责人', '改进动作', '', '', '', '依据'] : ['No.', 'Owner', 'Action', '', '', '', 'Evidence'],
  );
  eachRow(ov, r + 2, 'actions', [
    { cell: '{{no}}' },
    { cell: '{{ownerLabel}}' },
    { cell: '{{action}}' },
    { cell: '' },
    { cell: '' },
    { cell: '' },
    { cell: '{{evidence}}' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '无法读取、已跳过的文件' : 'Files skipped (could not be read)';
  ov.getCell(r, 1).style = SECTION_STYLE;
  eachRow(ov, r + 1, 'skipped', [{ cell: '{{file}}' }, { cell: '{{reason}}' }]);

  // The charts, one under another ({{chart:name}}: the picture's top-left corner; the target
  // chart only with a target set).
  chartSheet(wb, {
    name: zh ? '图表' : 'Charts',
    title: zh ? '周报图表 {{week.id}}' : 'Weekly charts {{week.id}}',
    charts: [
      { chart: 'week', when: 'streams' },
      { chart: 'streams', when: 'streams' },
      { chart: 'channels', when: 'attribution.channels' },
      { chart: 'target', when: 'targetAchievement.target' },
    ],
    lang,
  });
  tableSheet(
    wb,
    zh ? '场次' : 'Streams',
    'streams',
    [
      { zh: '序号', en: 'No.', cell: '{{no}}', width: 6 },
      { zh: '账号', en: 'Account', cell: '{{account}}', width: 18 },
      { zh: '开播时间', en: 'Start', cell: '{{start | datetime}}', width: 17, format: 'datetime' },
      { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
      { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 10, format: 'count' },
      { zh: 'UV价值', en: 'UV value', cell: '{{uvValue}}', width: 10, format: 'money' },
      { zh: 'GPM', en: 'GPM', cell: '{{gpm}}', width: 12, format: 'money' },
      { zh: '转化率', en: 'Conversion', cell: '{{viewToOrderRate}}', width: 10, format: 'rate' },
      { zh: '人均观看时长', en: 'Avg dwell', cell: '{{avgDwellSeconds | time}}', width: 11, format: 'duration' },
      { zh: '投放消耗', en: 'Paid spend', cell: '{{paidSpend}}', width: 12, format: 'money' },
      { zh: '触发规则', en: 'Alerts', cell: '{{alertLabels}}', width: 26 },
    ],
    lang,
  );
  const attr = tableSheet(
    wb,
    zh ? '渠道归因' : 'Attribution',
    'attribution.channels',
    [
      { zh: '渠道', en: 'Channel', cell: '{{name}}', width: 20 },
      { zh: '付费', en: 'Paid', cell: zh ? '{{paid | bool:付费:自然}}' : '{{paid | bool:paid:natural}}', width: 7 },
      { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 11, format: 'count' },
      { zh: '观看次数', en: 'PV', cell: '{{pv}}', width: 11, format: 'count' },
      { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
      { zh: '成交订单数', en: 'Orders', cell: '{{orders}}', width: 10, format: 'count' },
      { zh: '流量占比', en: 'UV share', cell: '{{uvShare}}', width: 10, format: 'rate' },
      { zh: '转化率', en: 'Conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
      { zh: '较平均', en: 'vs average', cell: '{{vsAverage}}', width: 10, format: '+0.0%;-0.0%' },
    ],
    lang,
  );
  attr.getCell('A4').value = zh
    ? '建议（平均转化率 {{attribution.averageConversionText}}，口径 {{attribution.basis}}）'
    : 'Suggestions (average conversion {{attribution.averageConversionText}}, basis {{attribution.basis}})';
  attr.getCell('A4').style = SECTION_STYLE;
  eachRow(attr, 5, 'attribution.suggestions', [{ cell: '{{suggestion}}' }]);
  const productCols = [
    { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
    { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
    { zh: '场次', en: 'Streams', cell: '{{streams}}', width: 7, format: 'count' },
    { zh: '曝光人数', en: 'Exposed', cell: '{{exposed}}', width: 11, format: 'count' },
    { zh: '点击人数', en: 'Clickers', cell: '{{clickers}}', width: 10, format: 'count' },
    { zh: '成交人数', en: 'Buyers', cell: '{{buyers}}', width: 10, format: 'count' },
    { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 13, format: 'money' },
    { zh: '周点击率', en: 'Weekly click rate', cell: '{{clickRate}}', width: 10, format: 'rate' },
    { zh: '周转化率', en: 'Weekly conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
    { zh: '规则', en: 'Rules', cell: '{{ruleLabels}}', width: 30 },
  ];
  tableSheet(wb, zh ? '淘汰建议' : 'Eliminate', 'eliminate', productCols, lang);
  tableSheet(wb, zh ? '数据不足' : 'Not enough data', 'insufficient', productCols, lang);
  tableSheet(
    wb,
    zh ? '咨询热点' : 'Hotspots',
    'hotspots',
    [
      { zh: '来源', en: 'Source', cell: '{{sourceLabel}}', width: 14 },
      { zh: '话题', en: 'Topic', cell: '{{labelText}}', width: 14 },
      { zh: '次数', en: 'Count', cell: '{{count}}', width: 9, format: 'count' },
      { zh: '占比', en: 'Share', cell: '{{share}}', width: 9, format: 'rate' },
      { zh: '例句', en: 'Examples', cell: '{{examples | join}}', width: 70 },
    ],
    lang,
  );
  const cs = tableSheet(
    wb,
    zh ? '客服' : 'Customer service',
    'customerService.response.byAgent',
    [
      { zh: '客服', en: 'Agent', cell: '{{agent}}', width: 14 },
      { zh: '已回复', en: 'Answered', cell: '{{answered}}', width: 9, format: 'count' },
      { zh: '中位数（秒）', en: 'Median (s)', cell: '{{medianSeconds}}', width: 11, format: 'number' },
      { zh: '超时数', en: 'Over the line', cell: '{{overLine}}', width: 9, format: 'count' },
      { zh: '超时占比', en: 'Share over', cell: '{{overLineShare}}', width: 10, format: 'rate' },
    ],
    lang,
  );
  cs.getCell('A4').value = zh
    ? '本周首次响应：已回复 {{customerService.response.answered}}，中位数 {{customerService.response.medianSeconds}} 秒，P90 {{customerService.response.p90Seconds}} 秒，超过 {{customerService.response.line}} 秒 {{customerService.response.overLine}} 条'
    : 'First responses this week: {{customerService.response.answered}} answered, median {{customerService.response.medianSeconds}} s, p90 {{customerService.response.p90Seconds}} s, {{customerService.response.overLine}} over {{customerService.response.line}} s';
  tableSheet(
    wb,
    zh ? '异常' : 'Anomalies',
    'anomalies',
    [
      { zh: '账号', en: 'Account', cell: '{{account}}', width: 18 },
      { zh: '开播时间', en: 'Start', cell: '{{start | datetime}}', width: 17, format: 'datetime' },
      { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 10, format: 'count' },
      { zh: '基线中位数', en: 'Baseline median', cell: '{{median}}', width: 12, format: 'count' },
      { zh: '下降', en: 'Drop', cell: '{{uvDrop}}', width: 9, format: 'rate' },
      { zh: '状态', en: 'Status', cell: zh ? '{{fires | bool:预警:正常}}' : '{{fires | bool:alert:normal}}', width: 7 },
    ],
    lang,
  );
  // The history's improvement items open at the week's end (empty without a history).
  tableSheet(
    wb,
    zh ? '待办改进项' : 'Open items',
    'openItems',
    [
      { zh: '编号', en: 'ID', cell: '{{id}}', width: 11 },
      { zh: '负责人', en: 'Owner', cell: '{{who}}', width: 16 },
      { zh: '状态', en: 'Status', cell: '{{statusLabel}}', width: 8 },
      { zh: '截止', en: 'Due', cell: '{{due | datetime}}', width: 17, format: 'datetime' },
      { zh: '延续', en: 'Carried over', cell: zh ? '{{carriedOver | bool:是:否}}' : '{{carriedOver | bool:yes:no}}', width: 8 },
      { zh: '账号', en: 'Account', cell: '{{account}}', width: 18 },
      { zh: '改进动作', en: 'Action', cell: '{{text}}', width: 60 },
      { zh: '规则', en: 'Rule', cell: '{{rule}}', width: 22 },
    ],
    lang,
  );
  await save(wb, zh ? 'weekly.xlsx' : 'weekly.en.xlsx');
}
