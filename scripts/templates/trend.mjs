// templates/trend.xlsx: an account's or an anchor's figure over streams, weeks or months
// (liveops trend -o 趋势.xlsx): the periods with what each figure is the ratio of, and the chart.
import ExcelJS from 'exceljs';
import { chartSheet, save, tableSheet } from './kit.mjs';

export default async function trend(lang) {
  const zh = lang === 'zh';
  const t = (a, b) => (zh ? a : b);
  const wb = new ExcelJS.Workbook();
  tableSheet(
    wb,
    t('趋势', 'Trend'),
    'periods',
    [
      { zh: '周期', en: 'Period', cell: '{{id}}', width: 18 },
      { zh: '起', en: 'From', cell: '{{since}}', width: 12 },
      { zh: '止', en: 'To', cell: '{{until}}', width: 12 },
      { zh: '标题', en: 'Title', cell: '{{title}}', width: 24 },
      { zh: '场次', en: 'Streams', cell: '{{streams}}', width: 8, format: 'count' },
      { zh: '数值', en: 'Figure', cell: '{{shown}}', width: 12 },
      // The ratio's two sums: the figure is numerator ÷ divisor (a team can check it in the sheet).
      { zh: '分子', en: 'Numerator', cell: '{{numerator}}', width: 14, format: '#,##0.00' },
      { zh: '分母', en: 'Divisor', cell: '{{divisor}}', width: 14, format: '#,##0.00' },
      { zh: '说明', en: 'Note', cell: '{{note}}', width: 36 },
    ],
    lang,
  );
  chartSheet(wb, { name: t('图表', 'Chart'), title: '{{title}}', charts: [{ chart: 'trend', when: 'periods' }],
    lang,
    source: t('（图表按历史中的直播绘制）', '(drawn from the streams in the history)'),
  });
  await save(wb, zh ? 'trend.xlsx' : 'trend.en.xlsx');
}
