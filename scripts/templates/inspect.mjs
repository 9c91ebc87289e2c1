// templates/inspect.xlsx: what liveops recognised in exports.
import ExcelJS from 'exceljs';
import { eachRow, FORMATS, headerRow, PAGE, save, SECTION_STYLE, tableSheet, TITLE_STYLE } from './kit.mjs';

export default async function inspect(lang) {
  const wb = new ExcelJS.Workbook();
  tableSheet(
    wb,
    lang === 'zh' ? '识别结果' : 'Tables',
    'files.tables',
    [
      { zh: '文件', en: 'File', cell: '{{file}}', width: 34 },
      { zh: '工作表', en: 'Sheet', cell: '{{sheet}}', width: 20 },
      { zh: '平台', en: 'Platform', cell: '{{platformLabel}}', width: 12 },
      { zh: '类型', en: 'Kind', cell: '{{kindLabel}}', width: 14 },
      { zh: '版式', en: 'Layout', cell: '{{layoutLabel}}', width: 14 },
      { zh: '表头行', en: 'Header row', cell: '{{headerRow}}', width: 9, format: 'count' },
      { zh: '数据行', en: 'Data rows', cell: '{{rows}}', width: 10, format: 'count' },
      { zh: '合计行', en: 'Total rows', cell: '{{totalRows}}', width: 9, format: 'count' },
      { zh: 'SKU行', en: 'SKU rows', cell: '{{skuRows}}', width: 9, format: 'count' },
      { zh: '未识别列', en: 'Unmapped headers', cell: '{{unmapped | join}}', width: 30 },
    ],
    lang,
  );
  tableSheet(
    wb,
    lang === 'zh' ? '列映射' : 'Columns',
    'files.tables.columns',
    [
      { zh: '文件', en: 'File', cell: '{{file}}', width: 34 },
      { zh: '工作表', en: 'Sheet', cell: '{{sheet}}', width: 20 },
      { zh: '列', en: 'Column', cell: '{{column}}', width: 7 },
      { zh: '表头', en: 'Header', cell: '{{header}}', width: 30 },
      { zh: '识别为', en: 'Read as', cell: '{{label}}', width: 22 },
      { zh: '类型', en: 'Type', cell: '{{typeLabel}}', width: 12 },
      // The field's key, as the config's `headers:` mapping names it.
      { zh: '配置键', en: 'Config key', cell: '{{field}}', width: 22 },
    ],
    lang,
  );
  await save(wb, lang === 'zh' ? 'inspect.xlsx' : 'inspect.en.xlsx');
}
