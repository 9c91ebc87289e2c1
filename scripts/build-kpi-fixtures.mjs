// Builds the kpi command's extra fixtures (deterministic: fixed dates, fixed zip part order):
//   fixtures/kpi-startup-2026-11.xlsx  a startup-stage team: one person holding 运营+主播, 主播/助播,
//     a missing figure, a GMV exactly at target, a return rate of 0, a tie, 采纳提案, a title row,
//     newcomers on both sides of the 3-month boundary (2026-08-30 is in, 2026-08-29 is out);
//   fixtures/kpi-bad-2026-11.xlsx      the main KPI sheet with "12,3O4" in GMV实际 on row 3.
// The values these should give are computed by hand in fixtures/kpi-expected.json.
// Run: node scripts/build-kpi-fixtures.mjs
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { FIXED_DATE, workbookBytes } from './lib/xlsx.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const D = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

async function sheet(file, title, header, people) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'liveops fixtures';
  wb.lastModifiedBy = 'liveops fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('KPI');
  const rows = title ? [[title], header, ...people] : [header, ...people];
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  });
  ws.getRow(title ? 2 : 1).font = { bold: true };
  header.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(10, h.length * 2)));
  await writeFile(join(OUT, file), await workbookBytes(wb));
  console.log(`wrote fixtures/${file}`);
}

const HEADER = [
  '姓名',
  '岗位',
  '入职日期',
  'GMV目标',
  'GMV实际',
  '流量增长率',
  '流程改进数',
  '商品转化率',
  '人均停留时长(秒)',
  '新增粉丝团',
  '商品ROI',
  '退货率',
  '新品引入数',
  '报告质量分',
  '策略采纳率',
];

// Row numbers below are the spreadsheet's (title on row 1, header on row 2).
await sheet(
  'kpi-startup-2026-11.xlsx',
  '山野户外 2026年11月 KPI 考核表',
  [...HEADER, '采纳提案'],
  [
    /* 3 */ [
      '孙悦',
      '运营,主播',
      D(2025, 3, 1),
      500000,
      500000,
      '5%',
      3,
      '6.5%',
      120,
      260,
      null,
      null,
      null,
      null,
      null,
      '直播间话术SOP；选品评分表',
    ],
    /* 4 */ [
      '吴倩',
      '主播/助播',
      D(2026, 8, 30),
      400000,
      380000,
      null,
      null,
      '4.0%',
      90,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    /* 5 */ [
      '郑浩',
      '直播运营',
      D(2026, 8, 29),
      1000000,
      1250000,
      '30%',
      1,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      1,
    ],
    /* 6 */ ['钱多多', '选品', D(2026, 10, 1), null, null, null, null, null, null, null, 3, '0%', 5, null, null, '--'],
    /* 7 */ ['冯晓', '选品', D(2024, 1, 1), null, null, null, null, null, null, null, 4.5, '20%', 4, null, null, null],
    /* 8 */ [
      '何静',
      '数据分析,剪辑',
      D(2023, 5, 5),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      95,
      '40%',
      null,
    ],
    /* 9 */ [
      '马丽',
      '客服',
      D(2026, 11, 10),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    /* 10 */ [
      '林峰',
      '运营',
      D(2025, 1, 1),
      '--',
      900000,
      '10%',
      6,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
  ],
);

await sheet('kpi-bad-2026-11.xlsx', null, HEADER, [
  /* 2 */ ['张伟', '运营', D(2024, 3, 11), 1500000, 1623400, '12.5%', 4],
  /* 3 */ ['李娜', '运营,场控', D(2025, 7, 1), 800000, '12,3O4', '-3.2%', 2],
]);
