// Builds the default xlsx templates in templates/ (deterministic). Each is an ordinary workbook a
// team can open in Excel or WPS and edit: placeholders {{path}}, repeated rows {{#each list}}.
// Run: node scripts/build-templates.mjs
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
// Printed (or converted to PDF): landscape, all columns on one page width.
const PAGE = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };

const HEADER_STYLE = {
  font: { bold: true, color: { argb: 'FF1F2D3D' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: { bottom: { style: 'thin', color: { argb: 'FF8EA9C1' } } },
};

export const FORMATS = {
  money: '¥#,##0.00',
  count: '#,##0',
  rate: '0.00%',
  duration: '[h]:mm:ss',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  number: '0.00',
};

/**
 * A sheet with one header row and one repeated row.
 * columns: [{ zh, en, cell, width, format }] where cell is the placeholder text.
 */
function tableSheet(wb, name, list, columns, lang) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PAGE });
  ws.columns = columns.map((c) => ({ width: c.width ?? 14 }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c[lang];
    cell.style = HEADER_STYLE;
  });
  header.height = 22;
  const row = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = (i === 0 ? `{{#each ${list}}}` : '') + c.cell;
    if (c.format) cell.numFmt = FORMATS[c.format] ?? c.format;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

async function save(wb, file) {
  wb.creator = 'liveops';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  mkdirSync(OUT, { recursive: true });
  await wb.xlsx.writeFile(join(OUT, file));
  console.log(`wrote templates/${file}`);
}

const TEMPLATES_EXTRA = {};
const TEMPLATES = {
  async inspect(lang) {
    const wb = new ExcelJS.Workbook();
    tableSheet(wb, lang === 'zh' ? '识别结果' : 'Tables', 'files.tables', [
      { zh: '文件', en: 'File', cell: '{{file}}', width: 34 },
      { zh: '工作表', en: 'Sheet', cell: '{{sheet}}', width: 20 },
      { zh: '平台', en: 'Platform', cell: '{{platformLabel}}', width: 12 },
      { zh: '类型', en: 'Kind', cell: '{{kindLabel}}', width: 14 },
      { zh: '版式', en: 'Layout', cell: '{{layout}}', width: 14 },
      { zh: '表头行', en: 'Header row', cell: '{{headerRow}}', width: 9, format: 'count' },
      { zh: '数据行', en: 'Data rows', cell: '{{rows}}', width: 10, format: 'count' },
      { zh: '合计行', en: 'Total rows', cell: '{{totalRows}}', width: 9, format: 'count' },
      { zh: 'SKU行', en: 'SKU rows', cell: '{{skuRows}}', width: 9, format: 'count' },
      { zh: '未识别列', en: 'Unmapped headers', cell: '{{unmapped | join}}', width: 30 },
    ], lang);
    tableSheet(wb, lang === 'zh' ? '列映射' : 'Columns', 'files.tables.columns', [
      { zh: '文件', en: 'File', cell: '{{file}}', width: 34 },
      { zh: '工作表', en: 'Sheet', cell: '{{sheet}}', width: 20 },
      { zh: '列', en: 'Column', cell: '{{column}}', width: 7 },
      { zh: '表头', en: 'Header', cell: '{{header}}', width: 30 },
      { zh: '字段', en: 'Field', cell: '{{field}}', width: 22 },
      { zh: '名称', en: 'Label', cell: '{{label}}', width: 22 },
      { zh: '类型', en: 'Type', cell: '{{type}}', width: 12 },
    ], lang);
    await save(wb, lang === 'zh' ? 'inspect.xlsx' : 'inspect.en.xlsx');
  },
};

const TITLE_STYLE = { font: { bold: true, size: 14 }, alignment: { vertical: 'middle' } };
const SECTION_STYLE = { font: { bold: true, size: 12, color: { argb: 'FF1F4E79' } } };

/** Header row at `row` with labels; returns the row. */
function headerRow(ws, row, labels) {
  const r = ws.getRow(row);
  labels.forEach((l, i) => {
    const c = r.getCell(i + 1);
    c.value = l;
    c.style = HEADER_STYLE;
  });
  return r;
}

/** A repeated row at `row`: cells [{ cell, format }], the first carrying {{#each list}}. */
function eachRow(ws, row, list, cells) {
  const r = ws.getRow(row);
  cells.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    cell.value = (i === 0 ? `{{#each ${list}}}` : '') + c.cell;
    if (c.format) cell.numFmt = FORMATS[c.format] ?? c.format;
  });
}

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

TEMPLATES_EXTRA.retro = async function retro(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const ov = wb.addWorksheet(zh ? '概览' : 'Overview', { pageSetup: PAGE });
  ov.columns = [{ width: 30 }, { width: 18 }, { width: 18 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 60 }];
  ov.getCell('A1').value = zh ? '直播复盘 · {{stream.account}}' : 'Stream retro · {{stream.account}}';
  ov.getCell('A1').style = TITLE_STYLE;
  ov.mergeCells('A1:G1');
  ov.getCell('A2').value = zh
    ? '开播 {{stream.start | datetime}}　下播 {{stream.end | datetime}}　平台 {{stream.platform}}'
    : 'Start {{stream.start | datetime}}  end {{stream.end | datetime}}  platform {{stream.platform}}';
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
  });
  let r = 6 + RETRO_FIGURES.length + 1;
  ov.getCell(r, 1).value = zh ? '导出中没有的指标：{{missing | join}}' : 'Not in the exports: {{missing | join}}';
  ov.getCell(r, 1).font = { italic: true, color: { argb: 'FF7F7F7F' } };
  r += 2;
  ov.getCell(r, 1).value = zh ? '预警' : 'Alerts';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(ov, r + 1, zh ? ['规则', '对象', '数值', '阈值', '级别', '负责人', '说明'] : ['Rule', 'Subject', 'Value', 'Threshold', 'Severity', 'Owner', 'Message']);
  eachRow(ov, r + 2, 'alerts', [
    { cell: '{{rule}}' }, { cell: '{{subject}}' }, { cell: '{{value}}', format: '#,##0.00##' }, { cell: '{{threshold}}', format: '#,##0.00##' },
    { cell: '{{severity}}' }, { cell: '{{ownerLabel}}' }, { cell: '{{message}}' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '对比（上一场 / 近期中位数）' : 'Compared (previous stream / recent median)';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(ov, r + 1, zh ? ['指标', '本场', '上一场', '较上一场', '近期中位数', '较中位数'] : ['Metric', 'This stream', 'Previous', 'vs previous', 'Median', 'vs median']);
  eachRow(ov, r + 2, 'comparison.metrics', [
    { cell: '{{label}}' }, { cell: '{{current}}', format: '#,##0.00##' }, { cell: '{{previous}}', format: '#,##0.00##' }, { cell: '{{previousChange}}', format: '+0.0%;-0.0%' },
    { cell: '{{median}}', format: '#,##0.00##' }, { cell: '{{medianChange}}', format: '+0.0%;-0.0%' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '数据核对（平台显示 vs 按计数计算）' : 'Checks (platform figure vs counts)';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(ov, r + 1, zh ? ['指标', '平台显示', '计算值', '差异', '一致', '来源'] : ['Metric', 'Platform', 'Computed', 'Difference', 'Agrees', 'Source']);
  eachRow(ov, r + 2, 'checks', [
    { cell: '{{label}}' }, { cell: '{{stated}}', format: '0.00##' }, { cell: '{{computed}}', format: '0.00##' }, { cell: '{{difference}}', format: '0.00##' },
    { cell: '{{agrees | check}}' }, { cell: '{{source}}' },
  ]);

  tableSheet(wb, zh ? '商品' : 'Products', 'products', [
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
    { zh: '触发规则', en: 'Rules fired', cell: '{{flags | join}}', width: 36 },
  ], lang);
  tableSheet(wb, zh ? '渠道' : 'Channels', 'channels', [
    { zh: '渠道', en: 'Channel', cell: '{{name}}', width: 22 },
    { zh: '付费', en: 'Paid', cell: '{{paid | check}}', width: 8 },
    { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 11, format: 'count' },
    { zh: '观看次数', en: 'PV', cell: '{{pv}}', width: 11, format: 'count' },
    { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
    { zh: '成交订单数', en: 'Orders', cell: '{{orders}}', width: 11, format: 'count' },
    { zh: '流量占比', en: 'UV share', cell: '{{uvShare}}', width: 10, format: 'rate' },
    { zh: '成交占比', en: 'GMV share', cell: '{{gmvShare}}', width: 10, format: 'rate' },
    { zh: '转化率(次数)', en: 'Conversion (per view)', cell: '{{conversionRate}}', width: 12, format: 'rate' },
  ], lang);
  tableSheet(wb, zh ? '趋势' : 'Trend', 'trend', [
    { zh: '时间', en: 'Time', cell: '{{time}}', width: 10 },
    { zh: '在线人数', en: 'Online', cell: '{{online}}', width: 10, format: 'count' },
    { zh: '进入人数', en: 'Entries', cell: '{{entries}}', width: 10, format: 'count' },
    { zh: '离开人数', en: 'Leaves', cell: '{{leaves}}', width: 10, format: 'count' },
    { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 12, format: 'money' },
    { zh: '成交人数', en: 'Buyers', cell: '{{buyers}}', width: 10, format: 'count' },
    { zh: '评论次数', en: 'Comments', cell: '{{comments}}', width: 10, format: 'count' },
  ], lang);
  tableSheet(wb, zh ? '评论热点' : 'Hotspots', 'hotspots', [
    { zh: '来源', en: 'Source', cell: '{{source}}', width: 14 },
    { zh: '话题', en: 'Topic', cell: '{{labelText}}', width: 14 },
    { zh: '提及次数', en: 'Count', cell: '{{count}}', width: 10, format: 'count' },
    { zh: '占提问比例', en: 'Share of questions', cell: '{{share}}', width: 12, format: 'rate' },
    { zh: '例句', en: 'Examples', cell: '{{examples | join}}', width: 70 },
  ], lang);
  tableSheet(wb, zh ? '改进清单' : 'Actions', 'actions', [
    { zh: '序号', en: 'No.', cell: '{{no}}', width: 6 },
    { zh: '问题', en: 'Finding', cell: '{{what}}', width: 36 },
    { zh: '依据', en: 'Evidence', cell: '{{evidence}}', width: 48 },
    { zh: '负责人', en: 'Owner', cell: '{{ownerLabel}}', width: 12 },
    { zh: '改进动作', en: 'Action', cell: '{{action}}', width: 60 },
    { zh: '规则', en: 'Rule', cell: '{{rule}}', width: 22 },
  ], lang);
  await save(wb, zh ? 'retro.xlsx' : 'retro.en.xlsx');
};

TEMPLATES_EXTRA.weekly = async function weekly(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const ov = wb.addWorksheet(zh ? '概览' : 'Overview', { pageSetup: PAGE });
  ov.columns = [{ width: 26 }, { width: 18 }, { width: 18 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 60 }];
  ov.getCell('A1').value = zh ? '周度复盘报告 {{week.id}}' : 'Weekly report {{week.id}}';
  ov.getCell('A1').style = TITLE_STYLE;
  ov.mergeCells('A1:G1');
  ov.getCell('A2').value = zh ? '{{week.since}} 至 {{week.until}}（对比上周 {{previousWeek.id}}）' : '{{week.since}} to {{week.until}} (compared with {{previousWeek.id}})';
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
  ov.getCell(r, 1).value = zh ? '周目标' : 'Weekly target';
  ov.getCell(r, 2).value = '{{targetAchievement.target}}';
  ov.getCell(r, 2).numFmt = FORMATS.money;
  ov.getCell(r, 3).value = zh ? '达成率' : 'Achieved';
  ov.getCell(r, 4).value = '{{targetAchievement.achievement}}';
  ov.getCell(r, 4).numFmt = '0.0%';
  r += 2;
  ov.getCell(r, 1).value = zh ? '分账号' : 'By account';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(ov, r + 1, zh ? ['账号', '场次', '成交金额', '观看人数', 'UV价值', '转化率'] : ['Account', 'Streams', 'GMV', 'UV', 'UV value', 'Conversion']);
  eachRow(ov, r + 2, 'byAccount', [
    { cell: '{{account}}' }, { cell: '{{streams}}', format: 'count' }, { cell: '{{gmv}}', format: 'money' }, { cell: '{{uv}}', format: 'count' },
    { cell: '{{uvValue}}', format: 'money' }, { cell: '{{viewToOrderRate}}', format: 'rate' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '预警' : 'Alerts';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(ov, r + 1, zh ? ['规则', '场次', '数值', '阈值', '负责人', '', '说明'] : ['Rule', 'Stream', 'Value', 'Threshold', 'Owner', '', 'Message']);
  eachRow(ov, r + 2, 'alerts', [
    { cell: '{{rule}}' }, { cell: '{{subject}}' }, { cell: '{{value}}', format: '#,##0.00##' }, { cell: '{{threshold}}', format: '#,##0.00##' },
    { cell: '{{ownerLabel}}' }, { cell: '' }, { cell: '{{message}}' },
  ]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '改进清单' : 'Actions';
  ov.getCell(r, 1).style = SECTION_STYLE;
  headerRow(ov, r + 1, zh ? ['序号', '负责人', '改进动作', '', '', '', '依据'] : ['No.', 'Owner', 'Action', '', '', '', 'Evidence']);
  eachRow(ov, r + 2, 'actions', [{ cell: '{{no}}' }, { cell: '{{ownerLabel}}' }, { cell: '{{action}}' }, { cell: '' }, { cell: '' }, { cell: '' }, { cell: '{{evidence}}' }]);
  r += 4;
  ov.getCell(r, 1).value = zh ? '无法读取、已跳过的文件' : 'Files skipped (could not be read)';
  ov.getCell(r, 1).style = SECTION_STYLE;
  eachRow(ov, r + 1, 'skipped', [{ cell: '{{file}}' }, { cell: '{{reason}}' }]);

  tableSheet(wb, zh ? '场次' : 'Streams', 'streams', [
    { zh: '序号', en: 'No.', cell: '{{no}}', width: 6 },
    { zh: '账号', en: 'Account', cell: '{{account}}', width: 18 },
    { zh: '开播时间', en: 'Start', cell: '{{start | date}}', width: 17, format: 'datetime' },
    { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
    { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 10, format: 'count' },
    { zh: 'UV价值', en: 'UV value', cell: '{{uvValue}}', width: 10, format: 'money' },
    { zh: 'GPM', en: 'GPM', cell: '{{gpm}}', width: 12, format: 'money' },
    { zh: '转化率', en: 'Conversion', cell: '{{viewToOrderRate}}', width: 10, format: 'rate' },
    { zh: '人均观看时长', en: 'Avg dwell', cell: '{{avgDwellSeconds | time}}', width: 11, format: 'duration' },
    { zh: '投放消耗', en: 'Paid spend', cell: '{{paidSpend}}', width: 12, format: 'money' },
    { zh: '触发规则', en: 'Alerts', cell: '{{alerts | join}}', width: 26 },
  ], lang);
  const attr = tableSheet(wb, zh ? '渠道归因' : 'Attribution', 'attribution.channels', [
    { zh: '渠道', en: 'Channel', cell: '{{name}}', width: 20 },
    { zh: '付费', en: 'Paid', cell: '{{paid | check}}', width: 7 },
    { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 11, format: 'count' },
    { zh: '观看次数', en: 'PV', cell: '{{pv}}', width: 11, format: 'count' },
    { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
    { zh: '成交订单数', en: 'Orders', cell: '{{orders}}', width: 10, format: 'count' },
    { zh: '流量占比', en: 'UV share', cell: '{{uvShare}}', width: 10, format: 'rate' },
    { zh: '转化率', en: 'Conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
    { zh: '较平均', en: 'vs average', cell: '{{vsAverage}}', width: 10, format: '+0.0%;-0.0%' },
  ], lang);
  attr.getCell('A4').value = zh ? '建议（平均转化率 {{attribution.averageConversion}}，口径 {{attribution.basis}}）' : 'Suggestions (average conversion {{attribution.averageConversion}}, basis {{attribution.basis}})';
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
    { zh: '规则', en: 'Rules', cell: '{{rules | join}}', width: 44 },
  ];
  tableSheet(wb, zh ? '淘汰建议' : 'Eliminate', 'eliminate', productCols, lang);
  tableSheet(wb, zh ? '数据不足' : 'Not enough data', 'insufficient', productCols, lang);
  tableSheet(wb, zh ? '咨询热点' : 'Hotspots', 'hotspots', [
    { zh: '来源', en: 'Source', cell: '{{source}}', width: 14 },
    { zh: '话题', en: 'Topic', cell: '{{labelText}}', width: 14 },
    { zh: '次数', en: 'Count', cell: '{{count}}', width: 9, format: 'count' },
    { zh: '占比', en: 'Share', cell: '{{share}}', width: 9, format: 'rate' },
    { zh: '例句', en: 'Examples', cell: '{{examples | join}}', width: 70 },
  ], lang);
  tableSheet(wb, zh ? '异常' : 'Anomalies', 'anomalies', [
    { zh: '账号', en: 'Account', cell: '{{account}}', width: 18 },
    { zh: '开播时间', en: 'Start', cell: '{{start | date}}', width: 17, format: 'datetime' },
    { zh: '观看人数', en: 'UV', cell: '{{uv}}', width: 10, format: 'count' },
    { zh: '基线中位数', en: 'Baseline median', cell: '{{median}}', width: 12, format: 'count' },
    { zh: '下降', en: 'Drop', cell: '{{uvDrop}}', width: 9, format: 'rate' },
    { zh: '预警', en: 'Alert', cell: '{{fires | check}}', width: 7 },
  ], lang);
  await save(wb, zh ? 'weekly.xlsx' : 'weekly.en.xlsx');
};

TEMPLATES_EXTRA.select = async function select(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const productCols = [
    { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
    { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
    { zh: '商品角色', en: 'Role', cell: '{{role}}', width: 9 },
    { zh: '场次', en: 'Streams', cell: '{{streams}}', width: 7, format: 'count' },
    { zh: '曝光人数', en: 'Exposed', cell: '{{exposed}}', width: 11, format: 'count' },
    { zh: '点击人数', en: 'Clickers', cell: '{{clickers}}', width: 10, format: 'count' },
    { zh: '成交人数', en: 'Buyers', cell: '{{buyers}}', width: 10, format: 'count' },
    { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 13, format: 'money' },
    { zh: '周点击率', en: 'Weekly click rate', cell: '{{clickRate}}', width: 10, format: 'rate' },
    { zh: '周转化率', en: 'Weekly conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
    { zh: '规则', en: 'Rules', cell: '{{rules | join}}', width: 44 },
  ];
  tableSheet(wb, zh ? '淘汰' : 'Eliminate', 'eliminate', productCols, lang);
  tableSheet(wb, zh ? '数据不足' : 'Not enough data', 'insufficient', productCols, lang);
  const pool = tableSheet(wb, zh ? '选品池' : 'Pool', 'pool.items', [
    { zh: '行', en: 'Row', cell: '{{row}}', width: 5 },
    { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
    { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
    { zh: '品类', en: 'Category', cell: '{{category}}', width: 10 },
    { zh: '商品角色', en: 'Role', cell: '{{role}}', width: 9 },
    { zh: '角色来源', en: 'Role from', cell: '{{roleSource}}', width: 10 },
    { zh: '直播价', en: 'Live price', cell: '{{livePrice}}', width: 10, format: 'money' },
    { zh: '佣金率', en: 'Commission', cell: '{{commissionRate}}', width: 9, format: 'rate' },
    { zh: '库存', en: 'Stock', cell: '{{stock}}', width: 8, format: 'count' },
    { zh: '本周场次', en: 'Streams this week', cell: '{{streamsThisWeek}}', width: 9, format: 'count' },
    { zh: '周点击率', en: 'Click rate', cell: '{{clickRate}}', width: 10, format: 'rate' },
    { zh: '周转化率', en: 'Conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
  ], lang);
  pool.getCell('A4').value = zh ? '角色结构' : 'Role balance';
  pool.getCell('A4').style = SECTION_STYLE;
  headerRow(pool, 5, zh ? ['角色', '数量', '占比', '目标', '目标数量', '缺口'] : ['Role', 'Count', 'Share', 'Target', 'Target count', 'Gap']);
  eachRow(pool, 6, 'pool.balance', [
    { cell: '{{label}}' }, { cell: '{{count}}', format: 'count' }, { cell: '{{share}}', format: 'rate' }, { cell: '{{target}}', format: 'rate' },
    { cell: '{{targetCount}}', format: 'count' }, { cell: '{{gap}}', format: 'count' },
  ]);
  tableSheet(wb, zh ? '库存' : 'Stock', 'stock', [
    { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
    { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
    { zh: '库存', en: 'Stock', cell: '{{stock}}', width: 8, format: 'count' },
    { zh: '福利款', en: 'Giveaway', cell: '{{giveaway | check}}', width: 8 },
    { zh: '动作', en: 'Action', cell: '{{message}}', width: 40 },
    { zh: '负责人', en: 'Owner', cell: '{{ownerLabel}}', width: 10 },
  ], lang);
  const sup = tableSheet(wb, zh ? '供应商' : 'Suppliers', 'suppliers', [
    { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
    { zh: '供应商', en: 'Supplier', cell: '{{supplier}}', width: 16 },
    { zh: '品类', en: 'Category', cell: '{{category}}', width: 10 },
    { zh: '直播价', en: 'Live price', cell: '{{livePrice}}', width: 10, format: 'money' },
    { zh: '竞品价', en: 'Competitor', cell: '{{competitorPrice}}', width: 10, format: 'money' },
    { zh: '低于竞品', en: 'Below competitor', cell: '{{lowerBy}}', width: 10, format: 'rate' },
    { zh: '质检报告', en: 'QC report', cell: '{{qcReport | check}}', width: 8 },
    { zh: '七天无理由', en: '7-day returns', cell: '{{sevenDayReturns | check}}', width: 9 },
    { zh: '运费险', en: 'Insurance', cell: '{{shippingInsurance | check}}', width: 8 },
    { zh: '佣金率', en: 'Commission', cell: '{{commissionRate}}', width: 9, format: 'rate' },
    { zh: '补货周期(天)', en: 'Restock (days)', cell: '{{restockDays}}', width: 10, format: 'count' },
    { zh: '问题', en: 'Flags', cell: '{{flags | join}}', width: 60 },
  ], lang);
  sup.getCell('A4').value = zh ? '各品类备选供应商' : 'Backup suppliers per category';
  sup.getCell('A4').style = SECTION_STYLE;
  headerRow(sup, 5, zh ? ['品类', '供应商数', '需要', '供应商'] : ['Category', 'Suppliers', 'Required', 'Names']);
  eachRow(sup, 6, 'backupSuppliers', [{ cell: '{{category}}' }, { cell: '{{suppliers}}', format: 'count' }, { cell: '{{required}}', format: 'count' }, { cell: '{{names | join}}' }]);
  tableSheet(wb, zh ? '潜力款' : 'Candidates', 'candidates', [
    { zh: '关键词', en: 'Keyword', cell: '{{keyword}}', width: 14 },
    { zh: '提及次数', en: 'Count', cell: '{{count}}', width: 9, format: 'count' },
    { zh: '占提问比例', en: 'Share', cell: '{{share}}', width: 10, format: 'rate' },
    { zh: '来源', en: 'Source', cell: '{{source}}', width: 14 },
    { zh: '建议', en: 'Suggestion', cell: '{{suggestion}}', width: 50 },
    { zh: '例句', en: 'Examples', cell: '{{examples | join}}', width: 60 },
  ], lang);
  await save(wb, zh ? 'select.xlsx' : 'select.en.xlsx');
};

const only = process.argv.slice(2);
for (const [name, build] of Object.entries({ ...TEMPLATES, ...TEMPLATES_EXTRA })) {
  if (only.length && !only.includes(name)) continue;
  await build('zh');
  await build('en');
}
