// The kit the template builders share: styles, number formats, a table sheet, saving.
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
// Printed (or converted to PDF): landscape, all columns on one page width.
export const PAGE = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };

export const HEADER_STYLE = {
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
export function tableSheet(wb, name, list, columns, lang) {
  // Frozen header on screen, repeated on every printed page.
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { ...PAGE, printTitlesRow: '1:1' },
  });
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

export async function save(wb, file) {
  wb.creator = 'liveops';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  mkdirSync(OUT, { recursive: true });
  await wb.xlsx.writeFile(join(OUT, file));
  console.log(`wrote templates/${file}`);
}

export const TITLE_STYLE = { font: { bold: true, size: 14 }, alignment: { vertical: 'middle' } };
export const SECTION_STYLE = { font: { bold: true, size: 12, color: { argb: 'FF1F4E79' } } };

/** Header row at `row` with labels; returns the row. */
export function headerRow(ws, row, labels) {
  const r = ws.getRow(row);
  labels.forEach((l, i) => {
    const c = r.getCell(i + 1);
    c.value = l;
    c.style = HEADER_STYLE;
  });
  return r;
}

/** A repeated row at `row`: cells [{ cell, format }], the first carrying {{#each list}}. */
export function eachRow(ws, row, list, cells) {
  const r = ws.getRow(row);
  cells.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    cell.value = (i === 0 ? `{{#each ${list}}}` : '') + c.cell;
    if (c.format) cell.numFmt = FORMATS[c.format] ?? c.format;
  });
}

/** Rows between two charts' top-left corners: room for the tallest (a 20-bar chart is ~28 rows). */
const CHART_ROWS = 32;

/**
 * A 图表 sheet: the title, then each chart ({{chart:name}}, the picture's top-left corner) one under
 * another, two a printed page ({{pagebreak}} after every second, so none is cut across pages). Under
 * each chart whose data the report has (`when`, a model path), a line closes its slot: LibreOffice
 * prints a sheet only as far as its last cell, never a picture below it, and a chart the report has
 * no data for leaves no line and so no empty page. `source` words that line for charts not drawn
 * from the exports (the trend's, from the history).
 */
export function chartSheet(wb, { name, title, charts, lang, source }) {
  const ws = wb.addWorksheet(name, { pageSetup: { ...PAGE, orientation: 'portrait' } });
  ws.getCell('A1').value = title;
  ws.getCell('A1').style = TITLE_STYLE;
  ws.mergeCells('A1:M1'); // the title on one line above the 800-pixel charts
  charts.forEach(({ chart, when }, i) => {
    const top = 3 + i * CHART_ROWS;
    ws.getCell(top, 1).value = `{{chart:${chart}}}`;
    const end = ws.getCell(top + CHART_ROWS - 3, 1);
    const from = source ?? (lang === 'zh' ? '（图表按导出中的数据绘制）' : '(drawn from the exports)');
    end.value = `{{#if ${when}}}${from}`;
    end.font = { italic: true, size: 9, color: { argb: 'FFBFBFBF' } };
    ws.mergeCells(top + CHART_ROWS - 3, 1, top + CHART_ROWS - 3, 13);
    if (i % 2 === 1 && i < charts.length - 1) ws.getCell(top + CHART_ROWS - 1, 1).value = '{{pagebreak}}';
  });
  return ws;
}
