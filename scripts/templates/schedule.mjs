// templates/schedule.xlsx: the month's stream schedule (直播排期表) with its month calendar (月历),
// targets and product plan.
import ExcelJS from 'exceljs';
import { eachRow, FORMATS, HEADER_STYLE, headerRow, PAGE, save, SECTION_STYLE, tableSheet, TITLE_STYLE } from './kit.mjs';

const WEEKDAYS = { zh: ['一', '二', '三', '四', '五', '六', '日'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] };
const WEEK_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const LINE = { style: 'thin', color: { argb: 'FF8EA9C1' } };
const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' }, bgColor: { argb: 'FFEDEDED' } };

/**
 * The month calendar (月历), printed on one landscape A4 page: a title, the weekdays Monday to
 * Sunday, then two rows a week — the day numbers, and under each the day's streams. A day outside
 * the month is greyed (conditional formats: its number is empty); a rest day shows only its number.
 */
function calendarSheet(wb, lang) {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(zh ? '月历' : 'Calendar', {
    views: [{ showGridLines: false }],
    pageSetup: {
      ...PAGE,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  // Ten Chinese characters a line: "20:00 专场·双12 · 阿杰" fits, and so does a shop's name under it.
  ws.columns = WEEK_KEYS.map(() => ({ width: 20 }));
  ws.getCell('A1').value = zh
    ? '{{calendar.monthLabel}} 直播月历（{{calendar.streamsLabel}}）'
    : 'Stream calendar · {{calendar.monthLabel}} ({{calendar.streamsLabel}})';
  ws.getCell('A1').style = { font: { bold: true, size: 16 }, alignment: { vertical: 'middle', horizontal: 'center' } };
  ws.mergeCells('A1:G1');
  ws.getRow(1).height = 30;
  const header = ws.getRow(2);
  WEEKDAYS[lang].forEach((label, i) => {
    const cell = header.getCell(i + 1);
    cell.value = label;
    cell.style = {
      ...HEADER_STYLE,
      // Saturday and Sunday in a warmer tint, as on a wall calendar.
      ...(i >= 5 ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } } } : {}),
      border: { top: LINE, left: LINE, bottom: LINE, right: LINE },
    };
  });
  header.height = 20;
  const days = ws.getRow(3);
  const streams = ws.getRow(4);
  WEEK_KEYS.forEach((key, i) => {
    const day = days.getCell(i + 1);
    day.value = `${i === 0 ? '{{#each calendar.weeks}}' : ''}{{${key}.day}}`;
    day.style = {
      font: { bold: true, size: 12 },
      alignment: { vertical: 'top', horizontal: 'left' },
      border: { top: LINE, left: LINE, right: LINE },
    };
    const on = streams.getCell(i + 1);
    on.value = `{{${key}.lines | lines}}${i === 0 ? '{{/each}}' : ''}`;
    on.style = {
      font: { size: 10 },
      alignment: { vertical: 'top', horizontal: 'left', wrapText: true },
      border: { left: LINE, right: LINE, bottom: LINE },
    };
  });
  days.height = 18;
  // Room for four lines (two streams and their accounts) and a note by hand; more lines grow it (xlsx-template.ts).
  streams.height = 72;
  // A day outside the month has no number: it and the streams cell under it are grey.
  const grey = (ref, formula, priority) =>
    ws.addConditionalFormatting({ ref, rules: [{ type: 'expression', priority, formulae: [formula], style: { fill: GREY } }] });
  grey('A3:G3', 'LEN(A3)=0', 1);
  grey('A4:G4', 'LEN(A3)=0', 2);
  ws.getCell('A5').value = zh
    ? '每格：开播时间 场次类型·主题 · 主播，多个账号时下一行是账号。灰格不在本月；只有日期的是休播日。'
    : 'Each day: start time, type·theme · anchor, and the account under it when there are several. Grey: not this month; a day with only its number has no stream.';
  ws.getCell('A5').style = { font: { italic: true, size: 9, color: { argb: 'FF595959' } } };
  ws.mergeCells('A5:G5');
  return ws;
}

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

  calendarSheet(wb, lang);

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
  // Products the pool has that the plan leaves out, and why (e.g. on the latest elimination list).
  tableSheet(
    wb,
    zh ? '未排入' : 'Left out',
    'excluded',
    [
      { zh: '商品名称', en: 'Product', cell: '{{name}}', width: 36 },
      { zh: '原因', en: 'Why', cell: '{{reason}}', width: 40 },
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
