// Builds the default xlsx templates in templates/ (deterministic). Each is an ordinary workbook a
// team can open in Excel or WPS and edit: placeholders {{path}}, repeated rows {{#each list}}.
// Run: node scripts/build-templates.mjs
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

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
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
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
    if (c.format) cell.numFmt = FORMATS[c.format];
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

const only = process.argv.slice(2);
for (const [name, build] of Object.entries(TEMPLATES)) {
  if (only.length && !only.includes(name)) continue;
  await build('zh');
  await build('en');
}
