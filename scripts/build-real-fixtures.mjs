// Builds fixtures/real/: sheets worded the way teams and platforms word them (units on headers,
// (%) columns, target columns, config mappings, GBK CSVs saved by Excel, xlsx from WPS). Only the
// inputs are generated here; each variant's expected.json beside them is computed by hand (a
// calculator, not liveops) and says how.
// Run: node scripts/build-real-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { workbook } from './lib/xlsx.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real');
const D = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
const pct = (v) => ({ value: v, numFmt: '0.0%' });

function put(variant, file, bytes) {
  mkdirSync(join(OUT, variant), { recursive: true });
  writeFileSync(join(OUT, variant, file), bytes);
  console.log(`wrote fixtures/real/${variant}/${file}`);
}
/** A CSV as Excel on Windows saves it: GBK, CRLF, fields quoted only when they must be. */
const csv = (rows, encoding = 'gbk') => {
  const text = rows.map((r) => r.map((v) => (/[",\r\n]/.test(String(v ?? '')) ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? ''))).join(',')).join('\r\n') + '\r\n';
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(`\ufeff${text}`, 'utf8');
};

// — KPI sheets in four wordings —

// 万元 on both GMV columns, a target column for traffic growth, team words for the figures.
put('kpi-ops-wanyuan', '运营组KPI_2026年11月.xlsx', await workbook([
  { name: '11月考核', rows: [
    ['2026年11月 直播运营组 KPI 考核表'],
    ['姓名', '岗位', '入职日期', 'GMV目标(万元)', 'GMV完成(万元)', '场观增长率', '流量增长目标', '流程优化次数'],
    ['王磊', '运营', D(2025, 3, 1), 150, 168.5, pct(0.12), pct(0.1), 4],
    ['陈晨', '运营', D(2026, 9, 15), 80, 72, pct(0.08), pct(0.2), 3],
  ] },
]));

// A header liveops does not know, mapped in the config the way `inspect` suggests; its 万元 stays.
put('kpi-config-mapped', 'KPI_2026-11.xlsx', await workbook([
  { name: 'Sheet1', rows: [
    ['姓名', '岗位', '入职日期', 'GMV目标(万元)', '直播GMV(万元)', '流量增长率', '流程改进数'],
    ['林峰', '直播运营', D(2024, 6, 1), 200, 231.5, pct(0.15), 2],
    ['许可', '运营', D(2023, 1, 10), 120, 124, pct(0.1), 3],
  ] },
]));
put('kpi-config-mapped', 'liveops.config.yaml', Buffer.from('headers:\n  直播GMV(万元): gmv\n'));

// The unit is not in the header at all: the mapping states it (and its 目标 column follows).
put('kpi-config-unit', 'kpi_11月.csv', csv([
  ['姓名', '岗位', '入职日期', '业绩目标', '业绩', '流量增长率', '流程改进数'],
  ['周强', '运营', '2025-01-01', '100', '110', '10%', '3'],
], 'utf8'));
put('kpi-config-unit', 'liveops.config.yaml', Buffer.from('headers:\n  业绩: { field: gmv, unit: 万元 }\n'));

// Anchors' sheet saved by Excel as CSV (GBK): (%) columns written as plain numbers, a per-person
// conversion target, dwell in seconds (one cell written 1分15秒), the fan club as 粉丝团新增.
put('kpi-anchor-percent', '主播考核_202611.csv', csv([
  ['姓名', '岗位', '入职时间', '商品转化率(%)', '转化率目标(%)', '停留时长(秒)', '粉丝团新增', 'GMV目标', 'GMV实际'],
  ['小美', '主播', '2024/5/1', '5', '5', '99', '180', '800000', '￥860,000'],
  ['阿杰', '带货主播', '2026/10/8', '4.2', '6', '1分15秒', '260', '600000', '500000'],
]));

// A rate typed as a bare 5 in a column whose header does not say (%): read as 500 %, and said.
put('kpi-bare-percent', 'KPI考核.xlsx', await workbook([
  { name: 'KPI', rows: [
    ['姓名', '岗位', '入职日期', '商品转化率', '人均停留时长(秒)', '新增粉丝团'],
    ['赵敏', '主播', D(2024, 1, 1), 5, 90, 200],
  ] },
]));

// GMV实际 typed in 万元 under a header that does not say so, next to a target in 元.
put('kpi-gmv-off-by-wan', 'KPI考核表.xlsx', await workbook([
  { name: 'KPI', rows: [
    ['姓名', '岗位', '入职日期', 'GMV目标', 'GMV实际', '流量增长率', '流程改进数'],
    ['孙浩', '运营', D(2024, 1, 1), 1500000, 168.5, pct(0.1), 3],
  ] },
]));
