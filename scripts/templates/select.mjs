// templates/select.xlsx: the selector's elimination list and pool (淘汰清单).
import ExcelJS from 'exceljs';
import { chartSheet, eachRow, FORMATS, headerRow, save, SECTION_STYLE, tableSheet } from './kit.mjs';

export default async function select(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const productCols = [
    { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
    { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
    { zh: '商品角色', en: 'Role', cell: '{{roleLabel}}', width: 9 },
    { zh: '场次', en: 'Streams', cell: '{{streams}}', width: 7, format: 'count' },
    { zh: '曝光人数', en: 'Exposed', cell: '{{exposed}}', width: 11, format: 'count' },
    { zh: '点击人数', en: 'Clickers', cell: '{{clickers}}', width: 10, format: 'count' },
    { zh: '成交人数', en: 'Buyers', cell: '{{buyers}}', width: 10, format: 'count' },
    { zh: '成交金额', en: 'GMV', cell: '{{gmv}}', width: 13, format: 'money' },
    { zh: '周点击率', en: 'Weekly click rate', cell: '{{clickRate}}', width: 10, format: 'rate' },
    { zh: '周转化率', en: 'Weekly conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
    { zh: '规则', en: 'Rules', cell: '{{ruleLabels}}', width: 30 },
  ];
  tableSheet(wb, zh ? '淘汰' : 'Eliminate', 'eliminate', productCols, lang);
  // The charts, one under another ({{chart:name}}: the picture's top-left corner).
  chartSheet(wb, {
    name: zh ? '图表' : 'Charts',
    title: zh ? '选品图表 {{week.id}}' : 'Selection charts {{week.id}}',
    charts: [
      { chart: 'productRates', when: 'products' },
      { chart: 'roleMix', when: 'pool.balance' },
    ],
    lang,
  });
  tableSheet(wb, zh ? '数据不足' : 'Not enough data', 'insufficient', productCols, lang);
  const pool = tableSheet(
    wb,
    zh ? '选品池' : 'Pool',
    'pool.items',
    [
      { zh: '行', en: 'Row', cell: '{{row}}', width: 5 },
      { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
      { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
      { zh: '品类', en: 'Category', cell: '{{category}}', width: 10 },
      { zh: '商品角色', en: 'Role', cell: '{{roleLabel}}', width: 9 },
      { zh: '角色来源', en: 'Role from', cell: '{{roleSourceLabel}}', width: 10 },
      { zh: '直播价', en: 'Live price', cell: '{{livePrice}}', width: 10, format: 'money' },
      { zh: '佣金率', en: 'Commission', cell: '{{commissionRate}}', width: 9, format: 'rate' },
      { zh: '库存', en: 'Stock', cell: '{{stock}}', width: 8, format: 'count' },
      { zh: '本周场次', en: 'Streams this week', cell: '{{streamsThisWeek}}', width: 9, format: 'count' },
      { zh: '周点击率', en: 'Click rate', cell: '{{clickRate}}', width: 10, format: 'rate' },
      { zh: '周转化率', en: 'Conversion', cell: '{{conversionRate}}', width: 10, format: 'rate' },
    ],
    lang,
  );
  pool.getCell('A4').value = zh ? '角色结构' : 'Role balance';
  pool.getCell('A4').style = SECTION_STYLE;
  headerRow(
    pool,
    5,
    zh
      ? ['角色', '数量', '占比', '目标', '目标数量', '缺口']
      : ['Role', 'Count', 'Share', 'Target', 'Target count', 'Gap'],
  );
  eachRow(pool, 6, 'pool.balance', [
    { cell: '{{label}}' },
    { cell: '{{count}}', format: 'count' },
    { cell: '{{share}}', format: 'rate' },
    { cell: '{{target}}', format: 'rate' },
    { cell: '{{targetCount}}', format: 'count' },
    { cell: '{{gap}}', format: 'count' },
  ]);
  tableSheet(
    wb,
    zh ? '库存' : 'Stock',
    'stock',
    [
      { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
      { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
      { zh: '库存', en: 'Stock', cell: '{{stock}}', width: 8, format: 'count' },
      { zh: '福利款', en: 'Giveaway', cell: zh ? '{{giveaway | bool:是:否}}' : '{{giveaway | bool:yes:no}}', width: 8 },
      { zh: '动作', en: 'Action', cell: '{{message}}', width: 40 },
      { zh: '负责人', en: 'Owner', cell: '{{ownerLabel}}', width: 10 },
    ],
    lang,
  );
  const sup = tableSheet(
    wb,
    zh ? '供应商' : 'Suppliers',
    'suppliers',
    [
      { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 34 },
      { zh: '供应商', en: 'Supplier', cell: '{{supplier}}', width: 16 },
      { zh: '品类', en: 'Category', cell: '{{category}}', width: 10 },
      { zh: '直播价', en: 'Live price', cell: '{{livePrice}}', width: 10, format: 'money' },
      { zh: '竞品价', en: 'Competitor', cell: '{{competitorPrice}}', width: 10, format: 'money' },
      { zh: '低于竞品', en: 'Below competitor', cell: '{{lowerBy}}', width: 10, format: 'rate' },
      { zh: '质检报告', en: 'QC report', cell: zh ? '{{qcReport | bool:有:无}}' : '{{qcReport | bool:yes:no}}', width: 8 },
      { zh: '七天无理由', en: '7-day returns', cell: zh ? '{{sevenDayReturns | bool:支持:不支持}}' : '{{sevenDayReturns | bool:yes:no}}', width: 9 },
      { zh: '运费险', en: 'Insurance', cell: zh ? '{{shippingInsurance | bool:有:无}}' : '{{shippingInsurance | bool:yes:no}}', width: 8 },
      { zh: '佣金率', en: 'Commission', cell: '{{commissionRate}}', width: 9, format: 'rate' },
      { zh: '补货周期(天)', en: 'Restock (days)', cell: '{{restockDays}}', width: 10, format: 'count' },
      { zh: '问题', en: 'Flags', cell: '{{flags | join}}', width: 60 },
    ],
    lang,
  );
  sup.getCell('A4').value = zh ? '各品类备选供应商' : 'Backup suppliers per category';
  sup.getCell('A4').style = SECTION_STYLE;
  headerRow(sup, 5, zh ? ['品类', '供应商数', '需要', '供应商'] : ['Category', 'Suppliers', 'Required', 'Names']);
  eachRow(sup, 6, 'backupSuppliers', [
    { cell: '{{category}}' },
    { cell: '{{suppliers}}', format: 'count' },
    { cell: '{{required}}', format: 'count' },
    { cell: '{{names | join}}' },
  ]);
  tableSheet(
    wb,
    zh ? '潜力款' : 'Candidates',
    'candidates',
    [
      { zh: '关键词', en: 'Keyword', cell: '{{keyword}}', width: 14 },
      { zh: '提及次数', en: 'Count', cell: '{{count}}', width: 9, format: 'count' },
      { zh: '占提问比例', en: 'Share', cell: '{{share}}', width: 10, format: 'rate' },
      { zh: '来源', en: 'Source', cell: '{{sourceLabel}}', width: 14 },
      { zh: '建议', en: 'Suggestion', cell: '{{suggestion}}', width: 50 },
      { zh: '例句', en: 'Examples', cell: '{{examples | join}}', width: 60 },
    ],
    lang,
  );
  await save(wb, zh ? 'select.xlsx' : 'select.en.xlsx');
}
