// Deterministic workbooks for the fixture builders: fixed dates and a fixed zip part order, so a
// rebuilt fixture is byte-for-byte the same.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
const JSZip = require('jszip'); // exceljs's own dependency
export const FIXED_DATE = new Date(Date.UTC(2026, 11, 1));

/** The workbook as bytes, parts in the order Excel writes them, every date fixed. */
export async function workbookBytes(wb) {
  const src = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const order = [
    /^\[Content_Types\]\.xml$/,
    /^_rels\//,
    /^docProps\//,
    /^xl\/workbook\.xml$/,
    /^xl\/_rels\//,
    /^xl\/theme\//,
    /^xl\/styles\.xml$/,
    /^xl\/sharedStrings\.xml$/,
    /^xl\/worksheets\//,
    /./,
  ];
  const rank = (n) => order.findIndex((re) => re.test(n));
  const names = Object.keys(src.files)
    .filter((n) => !src.files[n].dir)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out = new JSZip();
  for (const n of names) out.file(n, await src.file(n).async('nodebuffer'), { date: FIXED_DATE, createFolders: false });
  return out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}

/**
 * A workbook of sheets, each `{ name, rows }` where rows are arrays of cell values (Date cells get
 * a date format; a `{ value, numFmt }` object sets a cell's number format, as a team's Excel has).
 */
export async function workbook(sheets, creator = 'WPS 表格') {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const { name, rows } of sheets) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object' && !(v instanceof Date) && 'value' in v) {
          cell.value = v.value;
          cell.numFmt = v.numFmt;
        } else {
          cell.value = v;
          if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        }
      }),
    );
  }
  return workbookBytes(wb);
}
