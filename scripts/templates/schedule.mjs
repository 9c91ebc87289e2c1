// templates/schedule.xlsx: the month's stream schedule (直播排期表) with targets and product plan.
import ExcelJS from 'exceljs';
import { eachRow, FORMATS, headerRow, PAGE, save, SECTION_STYLE, tableSheet, TITLE_STYLE } from './kit.mjs';

export default async function schedule(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const ws = tableSheet(
    wb,
    zh ? '排期' : 'Schedule',
    'streams',
    [
      { zh: '场次', en: 'No.', cell: '{{no}}', width: 6 },
      { zh: '日期', en: 'Date', cell: '{{date | date}}', width: 11 },
      { zh: '星期', en: 'Day', cell: '{{weekdayLabel}}', width: 6 },
      { zh: '时段', en: 'Slot', cell: '{{time}}', width: 12 },
      { zh: '账号', en: 'Account', cell: '{{account}}', width: 16 },
      { zh: '主播', en: 'Anchor', cell: '{{anchor}}', width: 9 },
      { zh: '助播', en: 'Assistant', cell: '{{assistant}}', width: 9 },
      { zh: '场次类型', en: 'Type', cell: '{{typeLabel}}', width: 11 },
      { zh: '主题', en: 'Theme', cell: '{{theme}}', width: 18 },
      { zh: '引流款', en: 'Traffic drivers', cell: '{{products.引流款 | join}}', width: 30 },
      { zh: '利润款', en: 'Profit', cell: '{{products.利润款 | join}}', width: 40 },
      { zh: '形象款', en: 'Image', cell: '{{products.形象款 | join}}', width: 26 },
      { zh: '福利策略', en: 'Benefits', cell: '{{benefit}}', width: 24 },
      { zh: 'GMV目标', en: 'GMV target', cell: '{{gmvTarget}}', width: 13, format: 'money' },
      { zh: '彩排日期', en: 'Rehearsal', cell: '{{rehearsal | date}}', width: 11 },
      { zh: '复盘截止', en: 'Retro due', cell: '{{retroDeadline | datetime}}', width: 17 },
    ],
    lang,
  );
  // 16 columns: A3 landscape, one page wide, so a printed month stays readable.
  ws.pageSetup.paperSize = 8;
  ws.getCell('A4').value = zh
    ? '团队阶段：{{stage.label}}（{{stage.streams}} 场/月）— {{stage.hint}}'
    : 'Team stage: {{stage.label}} ({{stage.streams}} streams a month) — {{stage.hint}}';
  ws.getCell('A4').font = { italic: true, color: { argb: 'FF595959' } };

  const t = wb.addWorksheet(zh ? '目标' : 'Targets', { pageSetup: PAGE });
  t.columns = [{ width: 16 }, { width: 18 }, { width: 12 }, { width: 40 }];
  t.getCell('A1').value = zh ? 'GMV 目标拆解 {{month}}' : 'GMV targets {{month}}';
  t.getCell('A1').style = TITLE_STYLE;
  t.getCell('A2').value = zh ? '年度目标' : 'Annual target';
  t.getCell('B2').value = '{{targets.annual}}';
  t.getCell('B2').numFmt = FORMATS.money;
  t.getCell('A3').value = zh ? '本月目标' : 'This month';
  t.getCell('B3').value = '{{targets.month}}';
  t.getCell('B3').numFmt = FORMATS.money;
  t.getCell('C3').value = '{{targets.monthSourceLabel}}';
  t.getCell('A5').value = zh ? '季度' : 'Quarters';
  t.getCell('A5').style = SECTION_STYLE;
  headerRow(t, 6, zh ? ['季度', 'GMV目标'] : ['Quarter', 'GMV target']);
  eachRow(t, 7, 'targets.quarters', [{ cell: 'Q{{quarter}}' }, { cell: '{{gmv}}', format: 'money' }]);
  t.getCell('A9').value = zh ? '月份' : 'Months';
  t.getCell('A9').style = SECTION_STYLE;
  headerRow(t, 10, zh ? ['月份', 'GMV目标', '权重'] : ['Month', 'GMV target', 'Weight']);
  eachRow(t, 11, 'targets.months', [
    { cell: '{{month}}' },
    { cell: '{{gmv}}', format: 'money' },
    { cell: '{{weight}}', format: 'number' },
  ]);
  t.getCell('A13').value = zh ? '场次' : 'Streams';
  t.getCell('A13').style = SECTION_STYLE;
  headerRow(t, 14, zh ? ['场次', 'GMV目标', '类型', '日期'] : ['No.', 'GMV target', 'Type', 'Date']);
  eachRow(t, 15, 'streams', [
    { cell: '{{no}}' },
    { cell: '{{gmvTarget}}', format: 'money' },
    { cell: '{{typeLabel}}' },
    { cell: '{{date | date}}' },
  ]);

  tableSheet(
    wb,
    zh ? '商品计划' : 'Product plan',
    'productPlan',
    [
      { zh: '商品ID', en: 'Product ID', cell: '{{id}}', width: 22 },
      { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 36 },
      { zh: '角色', en: 'Role', cell: '{{roleLabel}}', width: 9 },
      { zh: '角色来源', en: 'Role from', cell: '{{roleSourceLabel}}', width: 10 },
      { zh: '库存', en: 'Stock', cell: '{{stock}}', width: 8, format: 'count' },
      { zh: '出场次数', en: 'Appearances', cell: '{{appearances}}', width: 9, format: 'count' },
      { zh: '场次', en: 'Streams', cell: '{{streams | join}}', width: 40 },
    ],
    lang,
  );
  tableSheet(
    wb,
    zh ? '人员' : 'People',
    'staffing',
    [
      { zh: '姓名', en: 'Name', cell: '{{name}}', width: 12 },
      { zh: '岗位', en: 'Role', cell: '{{roleLabel}}', width: 10 },
      { zh: '场次', en: 'Streams', cell: '{{streams}}', width: 8, format: 'count' },
    ],
    lang,
  );
  await save(wb, zh ? 'schedule.xlsx' : 'schedule.en.xlsx');
}
