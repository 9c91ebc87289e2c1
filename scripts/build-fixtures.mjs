#!/usr/bin/env node
// Regenerates the sample platform exports in fixtures/ (and fixtures/expected.json).
//
//   node scripts/build-fixtures.mjs
//
// Deterministic: one fixed-seed PRNG, fixed workbook dates, every xlsx re-zipped with a fixed
// entry date, so the output is byte-stable from run to run.
// Numbers are built from a small model first; every expected value is then re-derived by
// parsing the cells exactly as written (see parseCell) and cross-checked against the model.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { mulberry32 } from './lib/prng.mjs';

const require = createRequire(import.meta.url);
const JSZip = require('jszip'); // exceljs's own dependency

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures');
const FIXED_DATE = new Date(Date.UTC(2026, 10, 19, 1, 0, 0)); // 2026-11-19 09:00 +08:00

// ---------------------------------------------------------------------------------------------
// GBK encoder: iconv-lite when it resolves (it is in the tree via @inquirer/external-editor),
// otherwise a table built from Node's own gb18030 decoder (identical for the 2-byte GBK range).
let encodeGbk;
try {
  const iconv = require('iconv-lite');
  encodeGbk = (s) => iconv.encode(s, 'gbk');
} catch {
  const dec = new TextDecoder('gb18030');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  encodeGbk = (s) => {
    const bytes = [];
    for (const ch of s) {
      const c = ch.codePointAt(0);
      if (c < 0x80) bytes.push(c);
      else if (table.has(ch)) bytes.push(...table.get(ch));
      else throw new Error(`not encodable in GBK: ${ch}`);
    }
    return Buffer.from(bytes);
  };
}

// ---------------------------------------------------------------------------------------------
// PRNG (mulberry32, fixed seed)
const rnd = mulberry32(20261118);
const randInt = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const digits = (n, first = '') => {
  let s = first;
  while (s.length < n) s += String(s.length === 0 ? randInt(1, 9) : randInt(0, 9));
  return s;
};
function shuffle(arr) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

// ---------------------------------------------------------------------------------------------
// Formatting
const clean = (x, d = 6) => Number(x.toFixed(d));
function thousands(n, dec = 0) {
  const neg = n < 0;
  const [i, f] = Math.abs(n).toFixed(dec).split('.');
  const s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + s + (f ? '.' + f : '');
}
const yuan = (n, dec = 0) => '¥' + thousands(n, dec);
const pct = (num, den, dec = 2) => (den === 0 ? 0 : (num / den) * 100).toFixed(dec) + '%';
function wan(n, unit = '万') {
  assert.equal(n % 100, 0, `wan(${n}) would lose precision`);
  return String(Number((n / 10000).toFixed(2))) + unit;
}
function durCN(sec) {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  if (h) return `${h}小时${m}分${s}秒`;
  if (m) return `${m}分${s}秒`;
  return `${s}秒`;
}
const pad2 = (n) => String(n).padStart(2, '0');
const hms = (sec) => `${pad2(Math.floor(sec / 3600))}:${pad2(Math.floor((sec % 3600) / 60))}:${pad2(sec % 60)}`;
// "Beijing time" values are kept as seconds since 2026-11-01 00:00 +08:00 and rendered by hand,
// so nothing depends on the machine's time zone.
const NOV1 = Date.UTC(2026, 9, 31, 16, 0, 0); // 2026-11-01T00:00:00+08:00
function bj(sec) {
  const d = new Date(NOV1 + sec * 1000 + 8 * 3600 * 1000); // shifted: read with getUTC*
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}
const at = (day, h, m = 0, s = 0) => (day - 1) * 86400 + h * 3600 + m * 60 + s; // day of November
const fmtSlash = (t) => {
  const x = bj(t);
  return `${x.y}/${pad2(x.mo)}/${pad2(x.d)} ${pad2(x.h)}:${pad2(x.mi)}:${pad2(x.s)}`;
};
const fmtSlashShort = (t) => {
  const x = bj(t);
  return `${x.y}/${x.mo}/${x.d} ${pad2(x.h)}:${pad2(x.mi)}`;
};
const fmtDash = (t) => {
  const x = bj(t);
  return `${x.y}-${pad2(x.mo)}-${pad2(x.d)} ${pad2(x.h)}:${pad2(x.mi)}:${pad2(x.s)}`;
};
const fmtDashShort = (t) => {
  const x = bj(t);
  return `${x.y}-${pad2(x.mo)}-${pad2(x.d)} ${pad2(x.h)}:${pad2(x.mi)}`;
};
const iso = (t) => {
  const x = bj(t);
  return `${x.y}-${pad2(x.mo)}-${pad2(x.d)}T${pad2(x.h)}:${pad2(x.mi)}:${pad2(x.s)}+08:00`;
};
const hhmm = (t) => {
  const x = bj(t);
  return `${pad2(x.h)}:${pad2(x.mi)}`;
};

// ---------------------------------------------------------------------------------------------
// Parser used to derive expected values from the cells as written (the reference semantics).
const NOTHING = new Set(['', '-', '--', '—', '——']);
function parseCell(raw, header = '') {
  if (raw === null || raw === undefined) return null;
  const minutes = /[(（]分钟[)）]/.test(header);
  if (typeof raw === 'number') return minutes ? clean(raw * 60) : raw;
  let s = String(raw).trim();
  if (NOTHING.has(s)) return null;
  let m;
  if ((m = /^(\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)-(\d{4}\/.+)$/.exec(s)))
    return { start: parseCell(m[1]), end: parseCell(m[2]) };
  if ((m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s))) {
    const [, y, mo, d, h = '0', mi = '0', se = '0'] = m;
    return `${y}-${pad2(+mo)}-${pad2(+d)}T${pad2(+h)}:${mi.padStart(2, '0')}:${se.padStart(2, '0')}+08:00`;
  }
  if ((m = /^(\d+):(\d{2}):(\d{2})$/.exec(s))) return +m[1] * 3600 + +m[2] * 60 + +m[3];
  if ((m = /^(?:(\d+)小时)?(?:(\d+)分(?:钟)?)?(?:(\d+)秒)?$/.exec(s)) && (m[1] || m[2] || m[3])) {
    return +(m[1] || 0) * 3600 + +(m[2] || 0) * 60 + +(m[3] || 0);
  }
  s = s.replace(/^¥/, '').replace(/,/g, '');
  let mult = 1;
  if (s.endsWith('%')) {
    mult = 0.01;
    s = s.slice(0, -1);
  } else if (/[万wW]$/.test(s)) {
    mult = 10000;
    s = s.slice(0, -1);
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`unparseable number: ${raw}`);
  let v = Number(s) * mult;
  if (minutes) v *= 60;
  return clean(v, 8);
}

// Grid helpers: a grid is an array of rows (arrays) as written, grid[0] is spreadsheet row 1.
function colOf(grid, headerRow, header) {
  const i = grid[headerRow - 1].indexOf(header);
  assert.ok(i >= 0, `no header ${header}`);
  return i;
}
function sumCol(grid, headerRow, header, rowFilter = () => true) {
  const c = colOf(grid, headerRow, header);
  let s = 0;
  for (let r = headerRow; r < grid.length; r++) {
    if (!rowFilter(grid[r], r + 1)) continue;
    const v = parseCell(grid[r][c], header);
    if (typeof v === 'number') s += v;
  }
  return clean(s, 4);
}
function sample(grid, row, headerRow, header, expectValue) {
  const raw = grid[row - 1][colOf(grid, headerRow, header)];
  let value;
  try {
    value = parseCell(raw, header);
  } catch {
    value = raw;
  } // text cells (ids, names, HH:MM)
  if (expectValue !== undefined) assert.deepEqual(value, expectValue, `sample ${header} row ${row}`);
  return { row, header, raw, value };
}
const sums = (grid, headerRow, headers, filter) =>
  Object.fromEntries(headers.map((h) => [h, sumCol(grid, headerRow, h, filter)]));

// CSV writing
function csvField(v, delim) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r'))
    return '"' + s.replace(/"/g, '""') + '"';
  return s;
}
// what a CSV reader sees: every cell is text
const textGrid = (grid) => grid.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
const toCsv = (grid, delim = ',', eol = '\n') =>
  grid.map((r) => r.map((v) => csvField(v, delim)).join(delim)).join(eol) + eol;

// XLSX writing: exceljs, then a re-zip with fixed entry dates (byte-stable).
function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'liveops fixtures';
  wb.lastModifiedBy = 'liveops fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}
function addSheet(wb, name, grid, { textCols = [], widths } = {}) {
  const ws = wb.addWorksheet(name);
  grid.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = xr.getCell(c + 1);
      cell.value = v;
      if (textCols.includes(c) && typeof v === 'string') cell.numFmt = '@';
    });
  });
  ws.getRow(1).font = { bold: true };
  (widths || grid[0].map(() => 14)).forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}
async function rezip(buf, order) {
  const src = await JSZip.loadAsync(buf);
  let names = Object.keys(src.files).filter((n) => !src.files[n].dir);
  if (order) names = order(names);
  const out = new JSZip();
  for (const n of names) out.file(n, await src.file(n).async('nodebuffer'), { date: FIXED_DATE, createFolders: false });
  return out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}
// Excel's own part order: workbook.xml, its rels and sharedStrings before the worksheets.
// (exceljs writes xl/workbook.xml last.)
const PART_ORDER = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\//,
  /^docProps\//,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\//,
  /^xl\/theme\//,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /./,
];
const rank = (n) => PART_ORDER.findIndex((re) => re.test(n));
const sheetNo = (n) => Number((/sheet(\d+)\.xml$/.exec(n) || [0, 0])[1]);
async function workbookBuffer(wb) {
  return rezip(Buffer.from(await wb.xlsx.writeBuffer()), (names) =>
    [...names].sort((x, y) => rank(x) - rank(y) || sheetNo(x) - sheetNo(y) || (x < y ? -1 : x > y ? 1 : 0)),
  );
}

const files = new Map(); // relative path -> Buffer
const expected = {};
const put = (rel, buf) => files.set(rel, Buffer.isBuffer(buf) ? buf : Buffer.from(buf, 'utf8'));
const GRIDS = {}; // grids as written, kept for the cross-file retro values (section 11)
const SESSION_DIR = 'session-20261118';

// =============================================================================================
// 0. The stream of 2026-11-18 (shared by the Compass workbook, the live list, the minute trend,
//    comments and orders).
const ACCOUNT = '山野户外旗舰店';
const STREAM_START = at(18, 19, 58, 2);
const STREAM_END = at(18, 23, 12, 40);
const DURATION = STREAM_END - STREAM_START; // 11678 s
assert.equal(DURATION, 11678);

const PRODUCTS = [
  {
    id: '3650123456789012345',
    name: '山野 男款三合一冲锋衣 防水透湿 可拆卸抓绒内胆',
    short: '男款三合一冲锋衣',
    price: 899,
    items: 48,
    buyers: 45,
    exposed: 4210,
    clickers: 812,
    skus: [
      ['颜色:黑色;尺码:L', 18, 17],
      ['颜色:黑色;尺码:XL', 14, 13],
      ['颜色:墨绿;尺码:L', 9, 9],
      ['颜色:墨绿;尺码:XL', 7, 6],
    ],
  },
  {
    id: '3650123456789012376',
    name: '山野 女款软壳冲锋衣 防风保暖 修身',
    short: '女款软壳冲锋衣',
    price: 699,
    items: 30,
    buyers: 28,
    exposed: 3385,
    clickers: 560,
    skus: [
      ['颜色:雾霾蓝;尺码:M', 16, 15],
      ['颜色:燕麦白;尺码:S', 14, 13],
    ],
  },
  {
    id: '3650123456789012401',
    name: '山野 GORE-TEX 硬壳冲锋衣 专业登山款',
    short: '硬壳冲锋衣',
    price: 1299,
    items: 22,
    buyers: 21,
    exposed: 2950,
    clickers: 421, // conversion 21/421 = 4.99 %, just below 5 %
    skus: [
      ['颜色:橙色;尺码:L', 12, 11],
      ['颜色:黑色;尺码:L', 10, 10],
    ],
  },
  {
    id: '3650123456789012433',
    name: '速干徒步裤 男女同款 四面弹',
    short: '速干徒步裤',
    price: 259,
    items: 40,
    buyers: 36,
    exposed: 2604,
    clickers: 377,
  },
  {
    id: '3650123456789012458',
    name: '防滑登山鞋 中帮 防水耐磨',
    short: '登山鞋',
    price: 1099,
    items: 12,
    buyers: 12,
    exposed: 2150,
    clickers: 215, // click 215/2150 = exactly 10 %
    skus: [
      ['尺码:41', 5, 5],
      ['尺码:42', 4, 4],
      ['尺码:43', 3, 3],
    ],
  },
  {
    id: '3650123456789012490',
    name: '加厚摇粒绒抓绒衣 立领',
    short: '抓绒衣',
    price: 199,
    items: 35,
    buyers: 31,
    exposed: 2288,
    clickers: 301,
  },
  {
    id: '3650123456789012512',
    name: '户外双肩包 30L 轻量 登山徒步',
    short: '双肩包30L',
    price: 399,
    items: 10,
    buyers: 10,
    exposed: 1431,
    clickers: 143,
  }, // click 143/1431 = 9.99 %, just below 10 %
  {
    id: '3650123456789012547',
    name: '美利奴羊毛徒步袜 3双装（福利款）',
    short: '羊毛袜3双装',
    price: 89,
    items: 70,
    buyers: 58,
    exposed: 3120,
    clickers: 402,
  },
];
for (const p of PRODUCTS) {
  p.gmv = p.price * p.items;
  assert.equal(p.id.length, 19);
  if (p.skus) {
    assert.equal(
      p.skus.reduce((a, s) => a + s[1], 0),
      p.items,
      p.short,
    );
    assert.equal(
      p.skus.reduce((a, s) => a + s[2], 0),
      p.buyers,
      p.short,
    );
  }
}
const S = {
  uv: 6782,
  exposedPeople: 67016,
  productExposed: 4880,
  productClickers: 1492,
  buyers: 205,
  orders: 228,
  newFollowers: 312,
  comments: 1153,
  refundAmount: 6001,
  refundOrders: 9,
  refundBuyers: 8,
  fans: 128000,
};
S.gmv = PRODUCTS.reduce((a, p) => a + p.gmv, 0);
S.itemsSold = PRODUCTS.reduce((a, p) => a + p.items, 0);
assert.equal(S.gmv, 133433);

// channels: [name, uv, pv, dwellSeconds, orders, gmv, spend(null = none)]
const CHANNELS = [
  ['直播推荐', 2875, 4012, 50, 72, 40218, null],
  ['短视频引流', 1236, 1688, 85, 51, 33560, null],
  ['关注', 642, 1035, 141, 38, 25907, null],
  ['搜索', 318, 402, 95, 14, 8846, null],
  ['个人主页&店铺&橱窗', 205, 276, 73, 9, 5313, null],
  ['其他', 94, 117, 21, 0, 0, null],
  ['千川PC版', 1186, 1620, 38, 37, 16470, 18650.4],
  ['小店随心推', 226, 290, 45, 7, 3119, 2300],
].map(([name, uv, pv, dwell, orders, gmv, spend]) => ({ name, uv, pv, dwell, orders, gmv, spend }));
const sumBy = (arr, k) => arr.reduce((a, x) => a + (x[k] || 0), 0);
S.pv = sumBy(CHANNELS, 'pv');
assert.equal(sumBy(CHANNELS, 'uv'), S.uv);
assert.equal(sumBy(CHANNELS, 'orders'), S.orders);
assert.equal(sumBy(CHANNELS, 'gmv'), S.gmv);
S.paidSpend = clean(sumBy(CHANNELS, 'spend'), 2);
S.watchSeconds = CHANNELS.reduce((a, c) => a + c.uv * c.dwell, 0);
S.avgDwell = Math.round(S.watchSeconds / S.uv);
assert.equal(S.avgDwell, 65);
S.avgOnline = Math.round(S.watchSeconds / DURATION);

const SHORT_VIDEOS = [
  ['暴雨实测｜三合一冲锋衣淋水30分钟，内层还是干的', at(16, 18, 30, 12), 48210, 612],
  ['冲锋衣怎么选？硬壳软壳一次讲清楚', at(15, 12, 5, 40), 30655, 398],
  ['四姑娘山徒步vlog｜零下8度穿什么', at(12, 20, 41, 3), 22340, 287],
  ['今晚8点直播 福利羊毛袜9.9元', at(18, 17, 0, 0), 15820, 251],
  ['男生冬季户外穿搭 一衣三穿', at(10, 19, 22, 51), 12004, 140],
];
assert.equal(
  SHORT_VIDEOS.reduce((a, v) => a + v[3], 0),
  CHANNELS[1].pv,
);

// ---- minute trend (generated first: the workbook's peak online comes from it) ----------------
const trend = (() => {
  const first = Math.floor(STREAM_START / 60) * 60; // 19:58
  const last = Math.floor(STREAM_END / 60) * 60; // 23:12
  const n = (last - first) / 60 + 1;
  const r = mulberry32(7);
  // online target: ramp-up, three welfare peaks, slow decay
  const target = [];
  for (let i = 0; i < n; i++) {
    let v = 28 + 10 * Math.min(1, i / 12);
    for (const [c, h, w] of [
      [5, 70, 6],
      [62, 95, 8],
      [121, 60, 7],
      [160, 40, 6],
    ])
      v += h * Math.exp(-((i - c) ** 2) / (2 * w * w));
    if (i > n - 10) v *= (n - i) / 10;
    target.push(v * (0.95 + 0.1 * r()));
  }
  const scale = S.watchSeconds / DURATION / (target.reduce((a, b) => a + b, 0) / n);
  const online = target.map((v) => Math.max(1, Math.round(v * scale)));
  online[n - 1] = 3;
  // entries: distribute PV proportionally to online + a base
  const w = online.map((o) => o + 20);
  const wsum = w.reduce((a, b) => a + b, 0);
  let enter = w.map((x) => Math.floor((x * S.pv) / wsum));
  let rest = S.pv - enter.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 7) % n, rest--) enter[i]++;
  const leave = [];
  for (let i = 0; i < n; i++) {
    const prev = i ? online[i - 1] : 0;
    let l = prev + enter[i] - online[i];
    if (l < 0) {
      online[i] = prev + enter[i];
      l = 0;
    }
    leave.push(l);
  }
  // buyers and GMV by minute: buyers only while products are explained (after 20:03)
  const buyers = new Array(n).fill(0);
  for (let b = 0; b < S.buyers; b++) {
    let i;
    do {
      i = 5 + Math.floor(r() * (n - 8));
    } while (r() > online[i] / 120);
    buyers[i]++;
  }
  const weights = buyers.map((b) => b * (0.7 + 0.6 * r()));
  const W = weights.reduce((a, b) => a + b, 0);
  const gmv = weights.map((w) => Math.floor((S.gmv * w) / W));
  let left = S.gmv - gmv.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n)
    if (buyers[i]) {
      gmv[i]++;
      left--;
    }
  assert.ok(
    gmv.every((g) => g >= 0),
    'minute gmv negative',
  );
  const comments = new Array(n).fill(0);
  for (let c = 0; c < S.comments; c++) {
    let i;
    do {
      i = Math.floor(r() * n);
    } while (r() > online[i] / 150);
    comments[i]++;
  }
  return { first, n, online, enter, leave, buyers, gmv, comments };
})();
S.peakOnline = Math.max(...trend.online);

// =============================================================================================
// 1. douyin-compass-session.xlsx
// The one stated figure that disagrees with its counts (a retro must say so): 直播间商品曝光-点击率(人数)
// is printed 0.5 percentage points above 商品点击人数 / 商品曝光人数 (1492 / 4880 = 30.57 % → "31.07%").
const STATED_CLICK_RATE = ((S.productClickers / S.productExposed) * 100 + 0.5).toFixed(2) + '%';
assert.equal(STATED_CLICK_RATE, '31.07%');
{
  const basic = [
    [
      '达人昵称',
      '抖音号or火山号',
      '直播时间',
      '直播时长',
      '直播间用户支付金额',
      '千次观看用户支付金额',
      '达人头像',
      '等级',
      '类型',
      '粉丝数',
    ],
    [
      ACCOUNT,
      'shanyeoutdoor',
      `${fmtSlash(STREAM_START)}-${fmtSlash(STREAM_END)}`,
      durCN(DURATION),
      yuan(S.gmv),
      yuan(Math.round((S.gmv / S.pv) * 1000 * 100) / 100, 2),
      'https://p3-pc.douyinpic.com/aweme/100x100/aweme-avatar/tos-cn-avt-0015_8f3c2a1b9e7d4c6a.jpeg',
      'LV5',
      '商家自播',
      wan(S.fans),
    ],
  ];
  const board = [
    [
      '直播间观看人数',
      '直播间曝光-观看率(人数)',
      '平均在线人数',
      '最高在线人数',
      '商品点击人数',
      '直播间商品曝光-点击率(人数)',
      '人均观看时长',
      '新增粉丝数',
      '直播间观看-关注率(人数)',
      '直播间观看-互动率(人数)',
      '人均评论次数',
      '直播间观看-成交率(人数)',
      '直播间商品点击-成交率(人数)',
      '客单价',
      '退款金额',
      '退款订单数',
      '退款人数',
    ],
    [
      S.uv,
      pct(S.uv, S.exposedPeople),
      S.avgOnline,
      S.peakOnline,
      thousands(S.productClickers),
      STATED_CLICK_RATE,
      durCN(S.avgDwell),
      S.newFollowers,
      pct(S.newFollowers, S.uv),
      '8.46%',
      clean(S.comments / S.uv, 2),
      pct(S.buyers, S.uv),
      pct(S.buyers, S.productClickers),
      yuan(Math.round((S.gmv / S.buyers) * 100) / 100, 2),
      yuan(S.refundAmount),
      S.refundOrders,
      S.refundBuyers,
    ],
  ];
  const kv = [
    ['直播间曝光人数', S.exposedPeople],
    ['直播间观看人数', S.uv],
    ['直播间曝光-观看率(人数)', pct(S.uv, S.exposedPeople)],
    ['商品曝光人数', S.productExposed],
    ['商品点击人数', S.productClickers],
    ['成交人数', S.buyers],
    ['成交订单数', S.orders],
    ['用户支付金额', yuan(S.gmv)],
  ];
  const chHeader = [
    '渠道名称',
    '人均观看时长',
    '观看次数',
    '观看人数',
    '直播间观看-互动率(次数)',
    '用户支付金额',
    '成交订单数',
    '笔单价',
    '直播间观看-成交率(次数)',
    '千川消耗',
  ];
  const r2 = mulberry32(42);
  const chRow = (c, interaction) => [
    c.name,
    durCN(c.dwell),
    c.pv,
    c.uv,
    interaction,
    yuan(c.gmv),
    c.orders,
    c.orders ? yuan(Math.round((c.gmv / c.orders) * 100) / 100, 2) : '-',
    pct(c.orders, c.pv),
    c.spend === null ? '-' : yuan(c.spend, 2),
  ];
  const total = {
    name: '整体',
    dwell: S.avgDwell,
    pv: S.pv,
    uv: S.uv,
    gmv: S.gmv,
    orders: S.orders,
    spend: S.paidSpend,
  };
  const channelsGrid = [
    chHeader,
    chRow(total, '12.31%'),
    ...CHANNELS.map((c) => chRow(c, (6 + r2() * 12).toFixed(2) + '%')),
  ];
  const videos = [
    ['短视频名称', '投稿时间', '短视频直播入口曝光次数', '短视频引流直播间次数', '短视频直播入口点击率(次数)'],
    ...SHORT_VIDEOS.map(([n, t, e, c]) => [n, fmtSlash(t), e, c, pct(c, e)]),
  ];
  const prodGrid = [['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数']];
  const productRowNums = [];
  for (const p of PRODUCTS) {
    prodGrid.push([p.id, p.name, yuan(p.gmv), p.items, p.buyers, p.exposed, p.clickers]);
    productRowNums.push(prodGrid.length);
    (p.skus || []).forEach(([label, items, buyers], k) =>
      prodGrid.push([`-${p.id}-${k + 1}`, label, yuan(items * p.price), items, buyers, '-', '-']),
    );
  }

  const wb = newWorkbook();
  addSheet(wb, '基本信息', basic, { widths: [16, 16, 40, 14, 18, 20, 40, 8, 10, 10] });
  addSheet(wb, '整体看板', board);
  const kvWs = addSheet(wb, '流量分析-流量转化', kv, { widths: [26, 14] });
  kvWs.getRow(1).font = {};
  addSheet(wb, '流量分析-渠道分析', channelsGrid, { widths: [20, 14, 10, 10, 22, 14, 12, 12, 22, 14] });
  addSheet(wb, '流量分析-短视频引流', videos, { widths: [44, 20, 22, 20, 26] });
  addSheet(wb, '商品分析-商品明细', prodGrid, { textCols: [0], widths: [26, 44, 14, 10, 10, 14, 14] });
  const buf = await workbookBuffer(wb);
  put('douyin-compass-session.xlsx', buf);
  // The same stream as separate CSV exports, one per Compass download (UTF-8, no BOM, LF).
  // 整体数据: the single-record sheets side by side, plus PV and the counts of 流量分析-流量转化.
  const overallHeader = [...basic[0], ...board[0], '观看次数', '成交订单数', '成交人数', '商品曝光人数'];
  const overallRow = [...basic[1], ...board[1], S.pv, S.orders, S.buyers, S.productExposed];
  assert.equal(new Set(overallHeader).size, overallHeader.length, '整体数据 headers unique');
  const overallGrid = textGrid([overallHeader, overallRow]);
  put(`${SESSION_DIR}/整体数据.csv`, toCsv(overallGrid));
  put(`${SESSION_DIR}/渠道分析.csv`, toCsv(textGrid(channelsGrid)));
  put(`${SESSION_DIR}/商品明细.csv`, toCsv(textGrid(prodGrid)));
  Object.assign(GRIDS, { basic, board, kv, channelsGrid, prodGrid, overallGrid });
  // Same workbook, worksheet parts before xl/workbook.xml in the zip.
  const namesFirst = await rezip(buf, (names) => [
    ...names
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .sort((a, b) => parseInt(a.match(/\d+/)[0]) - parseInt(b.match(/\d+/)[0])),
    ...names.filter((n) => !/^xl\/worksheets\/sheet\d+\.xml$/.test(n)),
  ]);
  put('douyin-compass-session-namesfirst.xlsx', namesFirst);
  const nfOrder = Object.keys((await JSZip.loadAsync(namesFirst)).files);
  expected['douyin-compass-session-namesfirst.xlsx'] = {
    platform: 'douyin',
    sameContentAs: 'douyin-compass-session.xlsx',
    zipEntryOrder: nfOrder,
    what: 'identical parts, but xl/worksheets/sheet*.xml come before xl/workbook.xml in the zip. exceljs 4.4 stream.xlsx.WorkbookReader reports the sheets as Sheet1..Sheet6 on this file (real names on douyin-compass-session.xlsx); Workbook.xlsx.readFile reports the real names on both.',
    streamingReaderSheetNames: ['Sheet1', 'Sheet2', 'Sheet3', 'Sheet4', 'Sheet5', 'Sheet6'],
  };

  // cross-checks by parsing what was written
  const isProduct = (row) => !String(row[0]).startsWith('-');
  assert.equal(sumCol(prodGrid, 1, '用户支付金额', isProduct), S.gmv);
  assert.equal(parseCell(basic[1][4]), S.gmv);
  assert.equal(
    sumCol(channelsGrid, 1, '用户支付金额', (r) => r[0] !== '整体'),
    parseCell(channelsGrid[1][5]),
  );
  assert.equal(
    sumCol(channelsGrid, 1, '观看人数', (r) => r[0] !== '整体'),
    S.uv,
  );
  assert.equal(parseCell(channelsGrid[1][9]), S.paidSpend);
  for (const p of PRODUCTS.filter((x) => x.skus)) {
    const kids = prodGrid.filter((r) => String(r[0]).startsWith(`-${p.id}-`));
    assert.equal(
      kids.reduce((a, r) => a + parseCell(r[2]), 0),
      p.gmv,
    );
  }
  const gpm2 = Math.round((S.gmv / S.pv) * 1000 * 100) / 100;
  assert.equal(parseCell(basic[1][5]), gpm2);

  const skuRows = prodGrid.length - 1 - PRODUCTS.length;
  expected['douyin-compass-session.xlsx'] = {
    platform: 'douyin',
    sheetOrder: [
      '基本信息',
      '整体看板',
      '流量分析-流量转化',
      '流量分析-渠道分析',
      '流量分析-短视频引流',
      '商品分析-商品明细',
    ],
    sheets: {
      基本信息: { layout: 'single-record', headerRow: 1, dataRows: 1, headers: basic[0] },
      整体看板: { layout: 'single-record', headerRow: 1, dataRows: 1, headers: board[0] },
      '流量分析-流量转化': {
        layout: 'key-value',
        keys: kv.map((r) => r[0]),
        values: Object.fromEntries(kv.map(([k, v]) => [k, parseCell(v)])),
      },
      '流量分析-渠道分析': {
        layout: 'table',
        headerRow: 1,
        dataRows: channelsGrid.length - 1,
        totalRow: 2,
        headers: chHeader,
      },
      '流量分析-短视频引流': {
        layout: 'table',
        headerRow: 1,
        dataRows: videos.length - 1,
        headers: videos[0],
        sums: sums(videos, 1, ['短视频直播入口曝光次数', '短视频引流直播间次数']),
      },
      '商品分析-商品明细': {
        layout: 'table',
        headerRow: 1,
        dataRows: prodGrid.length - 1,
        productRows: PRODUCTS.length,
        skuRows,
        productRowNumbers: productRowNums,
        headers: prodGrid[0],
      },
    },
    stream: {
      account: ACCOUNT,
      douyinId: 'shanyeoutdoor',
      start: iso(STREAM_START),
      end: iso(STREAM_END),
      durationSeconds: DURATION,
      fans: S.fans,
    },
    totals: {
      gmv: S.gmv,
      uv: S.uv,
      pv: S.pv,
      buyers: S.buyers,
      orders: S.orders,
      itemsSold: S.itemsSold,
      productClickers: S.productClickers,
      productExposed: S.productExposed,
      exposedPeople: S.exposedPeople,
      refundAmount: S.refundAmount,
      refundOrders: S.refundOrders,
      refundBuyers: S.refundBuyers,
      paidSpend: S.paidSpend,
      newFollowers: S.newFollowers,
      avgDwellSeconds: S.avgDwell,
      avgOnline: S.avgOnline,
      peakOnline: S.peakOnline,
      uvValue: S.gmv / S.uv,
      gpm: (S.gmv / S.pv) * 1000,
      gpmAsPrinted: gpm2,
      avgOrderValueAsPrinted: Math.round((S.gmv / S.buyers) * 100) / 100,
      productClickRate: S.productClickers / S.productExposed,
      clickToBuyRate: S.buyers / S.productClickers,
      viewToBuyRate: S.buyers / S.uv,
      refundRate: S.refundAmount / S.gmv,
      paidRoi: S.gmv / S.paidSpend,
      sumOfProductBuyers: sumBy(PRODUCTS, 'buyers'),
    },
    channels: CHANNELS.map((c) => ({
      name: c.name,
      paid: c.spend !== null,
      uv: c.uv,
      pv: c.pv,
      gmv: c.gmv,
      orders: c.orders,
      avgDwellSeconds: c.dwell,
      spend: c.spend,
      uvShare: c.uv / S.uv,
      gmvShare: c.gmv / S.gmv,
    })),
    products: PRODUCTS.map((p) => ({
      id: p.id,
      name: p.name,
      gmv: p.gmv,
      itemsSold: p.items,
      buyers: p.buyers,
      exposed: p.exposed,
      clickers: p.clickers,
      clickRate: p.clickers / p.exposed,
      conversion: p.buyers / p.clickers,
      skus: (p.skus || []).length,
    })),
    samples: [
      {
        sheet: '基本信息',
        ...sample(basic, 2, 1, '直播时间'),
        value: { start: iso(STREAM_START), end: iso(STREAM_END) },
      },
      { sheet: '基本信息', ...sample(basic, 2, 1, '直播时长', DURATION) },
      { sheet: '基本信息', ...sample(basic, 2, 1, '千次观看用户支付金额', gpm2) },
      { sheet: '基本信息', ...sample(basic, 2, 1, '粉丝数', S.fans) },
      { sheet: '整体看板', ...sample(board, 2, 1, '人均观看时长', 65) },
      { sheet: '整体看板', ...sample(board, 2, 1, '商品点击人数', S.productClickers) },
      { sheet: '整体看板', ...sample(board, 2, 1, '直播间观看-成交率(人数)', 0.0302) },
      { sheet: '流量分析-渠道分析', ...sample(channelsGrid, 2, 1, '千川消耗', S.paidSpend) },
      { sheet: '流量分析-渠道分析', ...sample(channelsGrid, 3, 1, '千川消耗', null) },
      {
        sheet: '商品分析-商品明细',
        ...sample(prodGrid, 3, 1, '商品ID'),
        value: `-${PRODUCTS[0].id}-1`,
        note: 'SKU child row: text, starts with "-", not a number',
      },
    ],
    quirks: [
      'SKU child rows (商品ID starting with "-") follow their product; their 商品曝光人数/商品点击人数 are "-". Sum only product summary rows.',
      '整体 is the FIRST data row of 流量分析-渠道分析 (row 2); channel rows sum to it.',
      '流量分析-流量转化 has no header row (column A = metric, column B = value).',
      '整体看板 商品点击人数 is the string "1,492"; other counts there are numeric cells.',
      '其他 channel has 0 orders: 笔单价 "-".',
      'stream buyers (205) < sum of product buyers (241): a buyer can buy several products.',
      '整体看板 直播间商品曝光-点击率(人数) is stated "31.07%" but 商品点击人数/商品曝光人数 = 1492/4880 = 30.57 %: deliberately 0.5 percentage points off (see retro-expected.json "stated").',
      'product click/conversion thresholds: 登山鞋 click 215/2150 = exactly 10 %, 双肩包30L 143/1431 = 9.99 %; 女款软壳冲锋衣 conversion 28/560 = exactly 5 %, 硬壳冲锋衣 21/421 = 4.99 %.',
    ],
  };
}

// =============================================================================================
// 2. douyin-live-list.xlsx
{
  const YUE = '小鹿美妆官方';
  const r = mulberry32(1103);
  // 山野: fixed UVs in time order. idx 8 = exactly 50 % below the median of idx1..7 (6140 → 3070),
  // idx 13 = exactly 49 % below the median of idx6..12 (6300 → 3213). idx 10 is the 11/18 stream.
  const SY_DAYS = [1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 18, 20, 22, 24, 26, 28];
  const SY_UV = [5820, 6140, 5960, 6400, 6210, 5880, 6620, 6050, 3070, 6300, S.uv, 6200, 6700, 3213, 6150, 6580];
  const XL_DAYS = [1, 3, 4, 6, 8, 10, 11, 13, 15, 17, 19, 21, 25, 29];
  const streams = [];
  SY_DAYS.forEach((d, i) =>
    streams.push({
      account: ACCOUNT,
      anchor: i % 3 === 2 ? '阿泽' : '山哥',
      day: d,
      idx: i,
      uv: SY_UV[i],
      kind: 'outdoor',
    }),
  );
  XL_DAYS.forEach((d, i) =>
    streams.push({
      account: YUE,
      anchor: i % 2 ? '鹿鹿' : '小雅',
      day: d,
      idx: i,
      uv: 9000 + Math.round(r() * 2400),
      kind: 'beauty',
    }),
  );
  const TITLES_SY = [
    '冬季徒步装备专场',
    '冲锋衣宠粉福利',
    '周末户外穿搭',
    '双11返场 冲锋衣直降',
    '登山鞋新品首发',
    '山野会员日',
  ];
  const TITLES_XL = ['秋冬保湿专场', '口红试色 新色上架', '小鹿美妆 宠粉日', '早C晚A护肤课', '双11返场 面霜买一送一'];
  for (const s of streams) {
    const isSession = s.account === ACCOUNT && s.day === 18;
    s.start = isSession
      ? STREAM_START - 2
      : at(s.day, s.kind === 'outdoor' ? 20 : s.idx % 4 === 3 ? 10 : 19, s.kind === 'outdoor' ? 0 : 30);
    s.minutes = isSession ? 195 : s.kind === 'outdoor' ? 150 + 15 * randInt(0, 4) : 180 + 30 * randInt(0, 2);
    s.end = s.start + s.minutes * 60;
    s.id = isSession ? '7438291056473829123' : digits(19, '74');
    s.title = isSession
      ? '冲锋衣暴雨实测专场'
      : (s.kind === 'outdoor' ? TITLES_SY : TITLES_XL)[s.idx % (s.kind === 'outdoor' ? 6 : 5)];
    if (isSession) {
      Object.assign(s, {
        pv: S.pv,
        exposed: S.exposedPeople,
        peak: S.peakOnline,
        avgOnline: S.avgOnline,
        dwellMin: 1.08,
        comments: S.comments,
        gmv: S.gmv,
        items: S.itemsSold,
        buyers: S.buyers,
        orders: S.orders,
        refund: S.refundAmount,
        refundOrders: S.refundOrders,
        pExposed: S.productExposed,
        pClickers: S.productClickers,
        spend: S.paidSpend,
        newFollowers: S.newFollowers,
        paidUv: 1186 + 226,
      });
    } else {
      const aov = s.kind === 'outdoor' ? 560 + r() * 180 : 120 + r() * 60;
      s.pv = Math.round(s.uv * (1.3 + r() * 0.2));
      s.exposed = Math.round(s.uv / (0.08 + r() * 0.05));
      s.dwellMin = Number((0.9 + r() * 0.8).toFixed(2));
      s.avgOnline = Math.round((s.uv * s.dwellMin * 60) / (s.minutes * 60));
      s.peak = Math.round(s.avgOnline * (2.4 + r()));
      s.comments = Math.round(s.uv * (0.12 + r() * 0.1));
      s.pExposed = Math.round(s.uv * (0.65 + r() * 0.1));
      s.pClickers = Math.round(s.pExposed * (0.18 + r() * 0.12));
      s.buyers = Math.round(s.uv * (0.018 + r() * 0.015));
      s.orders = s.buyers + randInt(5, 25);
      s.items = s.orders + randInt(10, 40);
      s.gmv = Number((s.buyers * aov).toFixed(2));
      s.refund = Number((s.gmv * (0.02 + r() * 0.05)).toFixed(2));
      s.refundOrders = Math.max(1, Math.round(s.orders * 0.04));
      s.spend = s.idx % 5 === 4 ? null : Number((s.gmv * (0.08 + r() * 0.1)).toFixed(2));
      s.newFollowers = Math.round(s.uv * (0.03 + r() * 0.02));
      s.paidUv = s.spend === null ? 0 : Math.round(s.uv * (0.12 + r() * 0.1));
    }
    s.exposures = Math.round((s.exposed * (1.35 + r() * 0.3)) / 100) * 100;
  }
  streams.sort((a, b) => b.start - a.start || a.account.localeCompare(b.account)); // Compass lists newest first
  const header = [
    '场次ID',
    '账号',
    '主播',
    '直播标题',
    '开播时间',
    '结束时间',
    '直播时长(分钟)',
    '曝光人数',
    '曝光次数',
    '直播间曝光-观看率(人数)',
    '观看人数',
    '观看次数',
    '自然流量观看人数',
    '付费流量观看人数',
    '最高在线',
    '平均在线',
    '人均观看时长(分钟)',
    '评论人数',
    '评论次数',
    '点赞次数',
    '分享次数',
    '新加直播团',
    '新增粉丝',
    '新增粉丝团',
    '商品曝光人数',
    '商品点击人数',
    '成交金额',
    '单小时成交额',
    '千次观看成交金额',
    '成交件数',
    '成交人数',
    '成交订单数',
    '客单价',
    '退款金额',
    '退款订单数',
    '商品点击-成交率(人数)',
    '观看-成交率(人数)',
    '新加购物团',
    '投放消耗',
    '投放ROI',
  ];
  const grid = [header];
  for (const s of streams) {
    const fanClub = Math.round(s.uv * 0.011 + r() * 20);
    grid.push([
      s.id,
      s.account,
      s.anchor,
      s.title,
      fmtSlashShort(s.start),
      fmtSlashShort(s.end),
      s.minutes,
      s.exposed,
      wan(s.exposures),
      pct(s.uv, s.exposed),
      s.uv,
      s.pv,
      s.uv - s.paidUv,
      s.paidUv,
      s.peak,
      s.avgOnline,
      s.dwellMin,
      Math.round(s.comments * 0.41),
      s.comments,
      Math.round(s.uv * (2 + r() * 3)),
      Math.round(s.uv * 0.004 + r() * 10),
      fanClub,
      s.newFollowers,
      fanClub,
      s.pExposed,
      s.pClickers,
      s.gmv,
      clean(s.gmv / (s.minutes / 60), 2),
      clean((s.gmv / s.pv) * 1000, 2),
      s.items,
      s.buyers,
      s.orders,
      clean(s.gmv / s.buyers, 2),
      s.refund,
      s.refundOrders,
      pct(s.buyers, s.pClickers),
      pct(s.buyers, s.uv),
      Math.round(s.buyers * 0.3),
      s.spend === null ? '-' : s.spend,
      s.spend === null ? '-' : clean(s.gmv / s.spend, 2),
    ]);
  }
  assert.equal(header.length, 40);
  const wb = newWorkbook();
  addSheet(wb, '直播间明细', grid, { textCols: [0], widths: header.map((h) => Math.max(10, h.length * 2)) });
  put('douyin-live-list.xlsx', await workbookBuffer(wb));
  GRIDS.liveList = grid;

  // anomalies, recomputed from the grid (chronological per account, baseline = median of previous 7)
  const rowsOf = (acct) =>
    grid
      .slice(1)
      .map((row, i) => ({ row: i + 2, start: parseCell(row[4]), uv: row[10], acct: row[1] }))
      .filter((x) => x.acct === acct)
      .sort((a, b) => (a.start < b.start ? -1 : 1));
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const drops = [];
  for (const acct of [ACCOUNT, YUE]) {
    const xs = rowsOf(acct);
    xs.forEach((x, i) => {
      if (i < 7) return;
      const base = median(xs.slice(i - 7, i).map((y) => y.uv));
      const mean = xs.slice(i - 7, i).reduce((a, y) => a + y.uv, 0) / 7;
      const drop = 1 - x.uv / base;
      if (drop >= 0.3)
        drops.push({
          account: acct,
          row: x.row,
          start: x.start,
          uv: x.uv,
          baselineMedian7: base,
          drop: clean(drop, 10),
          baselineMean7: clean(mean, 4),
          dropVsMean7: clean(1 - x.uv / mean, 6),
        });
    });
  }
  assert.equal(drops.length, 2);
  assert.equal(drops.find((d) => d.start.startsWith('2026-11-12')).drop, 0.5);
  assert.equal(drops.find((d) => d.start.startsWith('2026-11-24')).drop, 0.49);
  const sessionRow = grid.findIndex((row) => row[0] === '7438291056473829123') + 1;
  const firstRow = 2;
  expected['douyin-live-list.xlsx'] = {
    platform: 'douyin',
    sheet: '直播间明细',
    headerRow: 1,
    dataRows: grid.length - 1,
    columns: header.length,
    headers: header,
    accounts: { [ACCOUNT]: SY_DAYS.length, [YUE]: XL_DAYS.length },
    order: 'newest first (descending 开播时间); sort before computing baselines',
    sums: sums(grid, 1, [
      '直播时长(分钟)',
      '曝光人数',
      '曝光次数',
      '观看人数',
      '观看次数',
      '成交金额',
      '成交件数',
      '成交人数',
      '成交订单数',
      '退款金额',
      '投放消耗',
      '新增粉丝',
      '评论次数',
    ]),
    sumsByAccount: Object.fromEntries(
      [ACCOUNT, YUE].map((a) => [a, sums(grid, 1, ['观看人数', '成交金额', '投放消耗'], (row) => row[1] === a)]),
    ),
    uvDrop: {
      rule: 'per account, chronological; baseline = median 观看人数 of the previous 7 streams of the same account; drop = 1 - uv/baseline; alert at drop >= 0.5',
      exactly50: drops.find((d) => d.drop === 0.5),
      exactly49: drops.find((d) => d.drop === 0.49),
      note: 'these are the only two streams with a drop >= 30 % vs. the 7-stream median; vs. the 7-stream MEAN the figures differ (see dropVsMean7)',
    },
    sessionStreamRow: sessionRow,
    samples: [
      sample(grid, firstRow, 1, '开播时间'),
      sample(grid, sessionRow, 1, '曝光次数'),
      sample(grid, sessionRow, 1, '人均观看时长(分钟)', 64.8),
      sample(grid, sessionRow, 1, '直播时长(分钟)', 11700),
      sample(grid, sessionRow, 1, '观看-成交率(人数)', 0.0302),
      sample(grid, grid.findIndex((row) => row[38] === '-') + 1, 1, '投放消耗', null),
    ],
    quirks: [
      '曝光次数 is a "x.xx万" string',
      '(分钟) columns are minutes (seconds in expected sums = ×60)',
      '投放消耗/投放ROI "-" for streams without spend',
      '场次ID is a 19-digit TEXT cell',
      'the 2026/11/18 stream is the compass-session stream (same UV/GMV/PV)',
    ],
  };
}

// =============================================================================================
// 3. douyin-products.xlsx
const LIST_PRODUCTS = (() => {
  // [id, name, price, exposed, clickers, buyers, items, presale, explained]
  const base = PRODUCTS.map((p, i) => [p.id, p.name, p.price]);
  const more = [
    ['3650123456789012583', '轻量羽绒马甲 保暖内搭', 329],
    ['3650123456789012619', '户外防晒渔夫帽 UPF50+', 79],
    ['3650123456789012644', '碳素登山杖 三节伸缩 2支装', 239],
    ['3650123456789012672', '保温杯 不锈钢 750ml', 129],
    ['3650123456789012705', '防风抓绒手套 触屏', 69],
    ['3650123456789012731', '徒步护膝 运动髌骨带', 99],
    ['3650123456789012768', '冲锋裤 男款 防水防风 加绒', 399],
  ];
  const spec = [
    // exposed, clickers, buyers
    [4000, 120, 9], // 0 click exactly 3.00 %
    [10000, 299, 15], // 1 click exactly 2.99 %
    [10000, 999, 40], // 2 click exactly 9.99 %
    [5000, 500, 25], // 3 click exactly 10.00 %, conversion exactly 5.00 %
    [3120, 402, 18], // 4
    [12000, 1200, 36], // 5 conversion exactly 3.00 %
    [6420, 845, 39], // 6
    [200000, 10000, 499], // 7 conversion exactly 4.99 % (the 9.9 giveaway socks: "20万" exposed)
    [8650, 1038, 71],
    [2210, 96, 0],
    [7710, 1204, 63],
    [5530, 488, 27],
    [3980, 377, 18],
    [2860, 101, 2],
    [9340, 1733, 102],
  ];
  return [...base, ...more].map(([id, name, price], i) => {
    const [exposed, clickers, buyers] = spec[i];
    const items = buyers === 0 ? 0 : buyers + Math.floor(buyers * 0.15) + (i % 3);
    const refundPre = Math.floor(items * 0.03);
    const refundPost = Math.floor(items * 0.05) + (i % 2);
    const refundOrders = items ? Math.min(items, refundPre + refundPost) : 0;
    return {
      id,
      name,
      price,
      exposed,
      clickers,
      buyers,
      items,
      gmv: price * items,
      presale: i === 2 ? 6 : i === 4 ? 31 : null,
      explained: 1 + ((i * 7) % 5),
      listed: at(11 + (i % 7), 20, (i * 13) % 60, (i * 29) % 60),
      refundPre: items ? refundPre : 0,
      refundPost: items ? refundOrders - refundPre : 0,
      refundOrders,
      refundBuyers: refundOrders ? Math.max(1, refundOrders - (i % 2)) : 0,
      refundAmount: refundOrders * price,
    };
  });
})();
{
  const header = [
    '商品ID',
    '商品名称',
    '首次上架时间',
    '讲解次数',
    '直播间价格',
    '用户支付金额',
    '成交件数',
    '成交人数',
    '预售订单数',
    '商品点击人数',
    '商品曝光人数',
    '商品曝光-点击率（人数）',
    '商品点击-成交转化率（人数）',
    '千次曝光用户支付金额',
    '发货前退款订单数',
    '发货后退款订单数',
    '退款金额',
    '退款人数',
    '订单退款率',
  ];
  const grid = [header];
  for (const p of LIST_PRODUCTS) {
    grid.push([
      p.id,
      p.name,
      fmtSlash(p.listed),
      p.explained,
      yuan(p.price),
      yuan(p.gmv),
      p.items,
      p.buyers,
      p.presale ?? '-',
      p.clickers,
      p.exposed >= 100000 ? wan(p.exposed) : p.exposed,
      pct(p.clickers, p.exposed),
      pct(p.buyers, p.clickers),
      p.gmv ? yuan((p.gmv / p.exposed) * 1000, 2) : '-',
      p.refundPre,
      p.refundPost,
      yuan(p.refundAmount),
      p.refundBuyers,
      p.items ? pct(p.refundOrders, p.items) : '-',
    ]);
  }
  const wb = newWorkbook();
  addSheet(wb, '商品列表', grid, {
    textCols: [0],
    widths: header.map((h, i) => (i === 1 ? 40 : Math.max(12, h.length * 2))),
  });
  put('douyin-products.xlsx', await workbookBuffer(wb));
  const rowOf = (i) => i + 2;
  const byRate = (i, what) => ({
    row: rowOf(i),
    id: LIST_PRODUCTS[i].id,
    name: LIST_PRODUCTS[i].name,
    exposed: LIST_PRODUCTS[i].exposed,
    clickers: LIST_PRODUCTS[i].clickers,
    buyers: LIST_PRODUCTS[i].buyers,
    what,
  });
  expected['douyin-products.xlsx'] = {
    platform: 'douyin',
    sheet: '商品列表',
    headerRow: 1,
    dataRows: LIST_PRODUCTS.length,
    headers: header,
    sums: sums(grid, 1, [
      '用户支付金额',
      '成交件数',
      '成交人数',
      '商品点击人数',
      '商品曝光人数',
      '退款金额',
      '发货前退款订单数',
      '发货后退款订单数',
      '预售订单数',
    ]),
    thresholdProducts: {
      clickRateExactly3_00: byRate(0, 'clickers/exposed = 120/4000 = 0.03 (not eliminated by "< 3 %")'),
      clickRate2_99: byRate(1, '299/10000 = 0.0299 (below 3 %)'),
      clickRate9_99: byRate(2, '999/10000 = 0.0999 (below 10 %)'),
      clickRateExactly10_00: byRate(3, '500/5000 = 0.1 (not below 10 %); also conversion 25/500 = 0.05 exactly'),
      conversionExactly5_00: byRate(3, 'buyers/clickers = 25/500 = 0.05'),
      conversion4_99: byRate(7, '499/10000 = 0.0499 (below 5 %)'),
      conversionExactly3_00: byRate(5, '36/1200 = 0.03 (not below 3 %)'),
      zeroSales: byRate(9, 'no sales: 用户支付金额 ¥0, conversion 0, 千次曝光/订单退款率 "-"'),
      alsoExact: 'row 7 click is also exactly 10.00 % (1200/12000); row 9 click is exactly 5.00 % (10000/200000)',
    },
    // strictly below, by counts (rows)
    clickBelow3pct: LIST_PRODUCTS.map((p, i) => (p.clickers * 100 < 3 * p.exposed ? rowOf(i) : null)).filter(Boolean),
    clickBelow10pct: LIST_PRODUCTS.map((p, i) => (p.clickers * 100 < 10 * p.exposed ? rowOf(i) : null)).filter(Boolean),
    conversionBelow3pct: LIST_PRODUCTS.map((p, i) => (p.buyers * 100 < 3 * p.clickers ? rowOf(i) : null)).filter(
      Boolean,
    ),
    conversionBelow5pct: LIST_PRODUCTS.map((p, i) => (p.buyers * 100 < 5 * p.clickers ? rowOf(i) : null)).filter(
      Boolean,
    ),
    products: LIST_PRODUCTS.map((p, i) => ({
      row: rowOf(i),
      id: p.id,
      gmv: p.gmv,
      itemsSold: p.items,
      buyers: p.buyers,
      clickers: p.clickers,
      exposed: p.exposed,
      clickRate: p.clickers / p.exposed,
      conversion: p.clickers ? p.buyers / p.clickers : null,
    })),
    samples: [
      sample(grid, 2, 1, '直播间价格', 899),
      sample(grid, 9, 1, '商品曝光人数', 200000),
      sample(grid, 9, 1, '商品点击-成交转化率（人数）', 0.0499),
      sample(grid, 2, 1, '预售订单数', null),
      sample(grid, 2, 1, '首次上架时间'),
    ],
    quirks: [
      'headers use FULL-WIDTH brackets （人数）',
      '成交人数 column added (Compass has it in the column picker) so conversion is checkable by counts',
      'row 9 商品曝光人数 is "20万" (200000)',
      '预售订单数 "-" except two presale products',
      'first 8 IDs/names are the compass-session products',
    ],
  };
}

// =============================================================================================
// 4. Taobao: per-stream effect (GBK, CRLF, title line) and anchor CSV (UTF-8 BOM, TAB)
{
  const header = [
    '场次信息',
    '场次id',
    '直播开播时间',
    '开播时长',
    '封面图点击率',
    '观看人数',
    '观看次数',
    '新增粉丝数',
    '流量券消耗',
    '观看总时长（秒）',
    '人均观看时长（秒）',
    '次均观看时长（秒）',
    '商品点击人数',
    '商品点击次数',
    '商品点击率',
    '加购人数',
    '加购件数',
    '加购次数',
    '成交金额（元）',
    '成交人数',
    '成交件数',
    '成交笔数',
    '成交转化率',
    '退款人数',
    '退款笔数',
    '退款件数',
    '退款金额',
    '预售定金支付金额',
    '预售预估总金额',
  ];
  const titles = [
    '秋冬保湿专场｜小鹿美妆',
    '双11返场 面霜买一送一',
    '口红试色, 新色上架',
    '早C晚A护肤课',
    '宠粉日 全场包邮',
    '会员专属场 积分兑换',
    '敏感肌修护专场',
    '小鹿美妆 品牌联名场',
    '周末囤货 大促预热',
    '新品首发 精华液',
    '抗老面霜专场',
    '月末清仓 福利场',
  ];
  const r = mulberry32(88);
  const days = [1, 3, 5, 7, 9, 12, 15, 18, 21, 24, 27, 30];
  const rows = days.map((d, i) => {
    const start = at(d, i % 4 === 3 ? 10 : 19, i % 4 === 3 ? 0 : 30, randInt(0, 59));
    const dur = 2 * 3600 + randInt(0, 7200);
    const uv = 3000 + Math.round(r() * 12000);
    const pv = Math.round(uv * (1.4 + r() * 0.4));
    const avg = 60 + Math.round(r() * 90);
    const total = uv * avg;
    const clickUv = Math.round(uv * (0.2 + r() * 0.15));
    const buyers = Math.round(uv * (0.02 + r() * 0.03));
    const orders = buyers + randInt(0, 30);
    const cents = buyers * (15000 + Math.round(r() * 12000)) + randInt(0, 99);
    const refundCents = Math.round(cents * (0.03 + r() * 0.04));
    const presale = i === 8 || i === 9;
    return {
      i,
      start,
      dur,
      uv,
      pv,
      avg,
      total,
      clickUv,
      buyers,
      orders,
      cents,
      refundCents,
      presale,
      cols: [
        titles[i],
        digits(12, '4'),
        fmtDash(start),
        durCN(dur),
        (5 + r() * 6).toFixed(2) + '%',
        thousands(uv),
        thousands(pv),
        Math.round(uv * 0.04),
        i % 3 === 1 ? '-' : thousands(100 + Math.round(r() * 900), 2),
        thousands(total),
        avg,
        (total / pv).toFixed(2),
        thousands(clickUv),
        thousands(Math.round(clickUv * 1.9)),
        pct(clickUv, uv),
        Math.round(buyers * 1.6),
        Math.round(buyers * 2.4),
        Math.round(buyers * 2.1),
        thousands(cents / 100, 2),
        buyers,
        orders + randInt(5, 40),
        orders,
        pct(buyers, uv),
        Math.round(buyers * 0.05) + 1,
        Math.round(orders * 0.05) + 1,
        Math.round(orders * 0.06) + 1,
        thousands(refundCents / 100, 2),
        presale ? thousands(buyers * 50, 2) : '-',
        presale ? thousands(buyers * 329, 2) : '-',
      ],
    };
  });
  const title = ['生意参谋-直播-分场次效果 统计时间:2026-11-01~2026-11-30'];
  const grid = textGrid([title, header, ...rows.map((x) => x.cols)]);
  const text = toCsv(grid, ',', '\r\n');
  const bytes = encodeGbk(text);
  assert.equal(new TextDecoder('gb18030').decode(bytes), text, 'GBK round-trip');
  let failsUtf8 = false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    failsUtf8 = true;
  }
  assert.ok(failsUtf8);
  put('taobao-sessions-gbk.csv', bytes);
  GRIDS.taobao = grid;
  const sumCents = rows.reduce((a, x) => a + x.cents, 0);
  const s = sums(grid, 2, [
    '观看人数',
    '观看次数',
    '观看总时长（秒）',
    '商品点击人数',
    '成交金额（元）',
    '成交人数',
    '成交笔数',
    '退款金额',
    '流量券消耗',
    '预售定金支付金额',
  ]);
  assert.equal(s['成交金额（元）'], sumCents / 100);
  assert.equal(s['观看人数'], sumBy(rows, 'uv'));
  const commaTitleRow = 3 + titles.findIndex((t) => t.includes(','));
  expected['taobao-sessions-gbk.csv'] = {
    platform: 'taobao',
    encoding: 'gbk',
    delimiter: ',',
    lineEnding: '\r\n',
    bom: false,
    titleRow: 1,
    titleLine: title[0],
    headerRow: 2,
    dataRows: rows.length,
    headers: header,
    sums: s,
    samples: [
      sample(grid, 3, 2, '人均观看时长（秒）', rows[0].avg),
      sample(grid, 3, 2, '成交金额（元）', rows[0].cents / 100),
      sample(grid, 3, 2, '开播时长', rows[0].dur),
      sample(grid, 3, 2, '商品点击率'),
      sample(grid, 4, 2, '流量券消耗', null),
      sample(grid, 3, 2, '直播开播时间', iso(rows[0].start)),
      { ...sample(grid, 3, 2, '场次id'), value: grid[2][1], note: '12-digit id: keep as text' },
    ],
    quirks: [
      'title line before the header',
      'numbers >= 1000 are quoted "12,345.60"',
      `row ${commaTitleRow} 场次信息 contains an ASCII comma (quoted)`,
      '流量券消耗, 预售* are "-" in some rows',
      '开播时长 as "2小时3分17秒"',
      'headers with full-width （秒）/（元）',
    ],
  };
}
{
  const header = [
    '开播时间',
    '场次标题',
    '开播时长(分钟)',
    '直播间浏览人数',
    '直播间浏览次数',
    '封面图点击率',
    '人均停留时长(秒)',
    '互动率',
    '新增粉丝量',
    '种草成交金额(元)',
    '引导进店次数',
  ];
  const r = mulberry32(99);
  const rows = [
    [at(2, 20), '小鹿带你逛 秋冬护肤', 125, 8640, 12000, '7.82%', 73, '6.41%', 212, '3,456.70', 1830],
    [at(6, 20), '敏感肌怎么选面霜', 140, 10200, 15000, '8.10%', 81, '7.02%', 268, '5,120.00', 2410],
    [at(9, 19, 30), '口红试色 30支', 95, 6420, 9310, '6.95%', 64, '5.88%', 150, '2,089.30', 1204],
    [at(13, 20), '双11返场 好物清单', 180, 14300, 21000, '9.33%', 92, '8.15%', 395, '8,912.40', 3322],
    [at(16, 20), '早C晚A 实测一周', 120, 7760, 11200, '7.14%', 70, '6.20%', 188, '--', 1561],
    [at(20, 20), '宠粉日 抽奖送正装', 150, 12900, 19000, '8.86%', 88, '9.04%', 421, '6,730.50', 2977],
    [at(23, 20), '抗老精华怎么用', 110, 5890, 8400, '6.51%', 66, '5.43%', 133, '1,876.00', 1045],
    [at(27, 19, 30), '月末囤货 清单来了', 135, 9950, 14000, '7.77%', 79, '6.66%', 246, '4,305.20', 2103],
  ].map(([t, ...rest]) => [fmtDashShort(t), ...rest]);
  // browse counts >= 10000 as "1.2w"-style strings
  for (const row of rows) if (row[4] >= 10000) row[4] = wan(row[4], 'w');
  r();
  const grid = textGrid([header, ...rows]);
  put(
    'taobao-anchor.csv',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(grid, '\t', '\n'), 'utf8')]),
  );
  expected['taobao-anchor.csv'] = {
    platform: 'taobao',
    encoding: 'utf-8',
    bom: true,
    delimiter: '\t',
    lineEnding: '\n',
    headerRow: 1,
    dataRows: rows.length,
    headers: header,
    sums: sums(grid, 1, [
      '开播时长(分钟)',
      '直播间浏览人数',
      '直播间浏览次数',
      '人均停留时长(秒)',
      '新增粉丝量',
      '种草成交金额(元)',
      '引导进店次数',
    ]),
    samples: [
      sample(grid, 2, 1, '直播间浏览次数', 12000),
      sample(grid, 3, 1, '直播间浏览次数', 15000),
      sample(grid, 2, 1, '开播时长(分钟)', 7500),
      sample(grid, 6, 1, '种草成交金额(元)', null),
      sample(grid, 2, 1, '开播时间', '2026-11-02T20:00:00+08:00'),
    ],
    quirks: [
      'UTF-8 with BOM, TAB-delimited',
      '直播间浏览次数 "1.2w" style when >= 10000 (1.2w = 12000)',
      '"--" = nothing',
      '开播时长(分钟) is minutes (seconds in sums)',
    ],
  };
}

// =============================================================================================
// 5. comments.csv
{
  const Q = /[？?]|吗|怎么|多少|能不能|有没有/;
  const waterproofQ = [
    '这件冲锋衣防水吗？',
    '防水等级是多少？',
    '下大雨能防水吗',
    '防水能坚持多久？洗了还防水吗',
    '拉链处防水吗？',
    '主播，防水怎么测的？',
    '防水指数多少mm？',
    '帽子也防水吗',
    '防水透湿能不能说下',
    '有没有防水测试视频？',
  ];
  const otherQ = [
    '175cm 140斤穿什么尺码？',
    '尺码偏大还是偏小？',
    '160的女生穿S码可以吗',
    '180/170斤选XL还是XXL？',
    '有没有大码？',
    '裤子尺码怎么选',
    '什么时候发货？',
    '今天拍明天能发吗',
    '发什么快递？',
    '新疆能发货吗',
    '多久能到上海？',
    '预售多久发货？',
    '多少钱？',
    '还能便宜点吗',
    '直播间价格和店铺一样吗？',
    '有没有优惠券',
    '两件能不能再减',
    '福利袜子还有吗？',
    '有没有军绿色？',
    '黑色还有L码吗',
    '墨绿色显黑吗',
    '女款有几个颜色？',
    '内胆能单穿吗？',
    '抓绒会掉毛吗',
    '冬天东北穿够不够？',
    '可以机洗吗',
    '登山鞋磨脚吗',
    '包能背笔记本吗？',
    '怎么领券？',
  ];
  const statements = [
    '1',
    '扣1',
    '111',
    '扣1扣1',
    '1111',
    '已拍',
    '已拍，期待',
    '主播讲得好清楚',
    '去年买的冲锋衣还在穿',
    '山哥好',
    '来了来了',
    '👍👍👍',
    '🔥🔥',
    '😂😂😂',
    '❤️',
    '冲锋衣质量真好',
    '防水效果真不错，去年爬山淋雨了',
    '户外必备',
    '已关注',
    '抢到了！',
    '没抢到😭',
    '颜色好看',
    '黑色很百搭',
    '支持山野',
    '主播辛苦了',
    '点赞',
    '上链接',
    '等袜子',
    '抓绒衣好暖和',
    '刚下单',
    '回购了',
    '买了两件，一件送老爸',
  ];
  const malicious = [
    '=HYPERLINK("http://x","点我")',
    '+86 138 0013 8000 加我微信领券',
    '@主播 多少钱',
    '-_-',
    '=1+2',
    '@SUM(1+1)',
    '-2+3',
    '+1',
  ];
  const N = 300;
  const mal = malicious.length; // 8 (contains 1 question: "@主播 多少钱")
  const malQ = malicious.filter((m) => Q.test(m)).length;
  const totalQ = 100;
  const wpQ = totalQ / 5; // exactly 20 % of questions mention 防水
  const contents = [];
  for (let i = 0; i < wpQ; i++) contents.push(waterproofQ[i % waterproofQ.length]);
  for (let i = 0; i < totalQ - wpQ - malQ; i++) contents.push(otherQ[i % otherQ.length]);
  contents.push(...malicious);
  while (contents.length < N) contents.push(statements[(contents.length * 7) % statements.length]);
  // lottery burst "扣1" around the welfare moments
  shuffle(contents);
  const nicks = [
    '爬山的老王',
    '小雨点',
    '阿杰户外',
    '风一样的女子',
    '山野粉丝001',
    '追风少年',
    '喵小姐',
    '徒步爱好者',
    '大熊',
    '南山南',
    '晴天☀️',
    '一只小蘑菇',
    '老李头',
    '不吃香菜',
    '林深见鹿',
    '北方的狼',
    '拾光',
    '橙子汽水',
    '用户7788123',
    '陈先生',
    '是小周呀',
    '云淡风轻',
    '骑行的猫',
    '夏天的风',
  ];
  const uidOf = new Map(nicks.map((n) => [n, digits(11, '7')]));
  const times = contents.map(() => STREAM_START + 60 + Math.floor(rnd() * (DURATION - 90))).sort((a, b) => a - b);
  const header = ['评论时间', '用户昵称', '评论内容', '用户ID'];
  const grid = textGrid([
    header,
    ...contents.map((c, i) => {
      const n = pick(nicks);
      return [fmtSlash(times[i]), n, c, uidOf.get(n)];
    }),
  ]);
  put('comments.csv', toCsv(grid));
  const body = grid.slice(1);
  const isQ = body.filter((r) => Q.test(r[2]));
  const wpRows = body.filter((r) => r[2].includes('防水'));
  const wpQuestions = isQ.filter((r) => r[2].includes('防水'));
  assert.equal(isQ.length, totalQ);
  assert.equal(wpQuestions.length, wpQ);
  const count = (re) => body.filter((r) => re.test(r[2])).length;
  const rowOf = (text) => body.findIndex((r) => r[2] === text) + 2;
  expected['comments.csv'] = {
    platform: 'generic',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    lineEnding: '\n',
    headerRow: 1,
    dataRows: N,
    headers: header,
    questionRule: 'a row is a question when 评论内容 contains ？ or ? or 吗 or 怎么 or 多少 or 能不能 or 有没有',
    questions: isQ.length,
    waterproofQuestions: wpQuestions.length,
    waterproofShareOfQuestions: wpQuestions.length / isQ.length,
    rowsMentioning防水: wpRows.length,
    rowsMentioning防水NotQuestions: wpRows.length - wpQuestions.length,
    keywordRows: { 尺码: count(/尺码/), 发货: count(/发货/), 扣1: count(/扣1/), 冲锋衣: count(/冲锋衣/) },
    formulaLike: malicious.map((m) => ({ row: rowOf(m), raw: m })),
    formulaLikeRowCount: body.filter((r) => /^[=+\-@]/.test(r[2])).length,
    distinctUsers: new Set(body.map((r) => r[1])).size,
    first: iso(times[0]),
    last: iso(times[times.length - 1]),
    samples: [
      sample(grid, 2, 1, '评论时间', iso(times[0])),
      {
        row: rowOf(malicious[0]),
        header: '评论内容',
        raw: malicious[0],
        value: malicious[0],
        note: 'quoted in the file; must stay text',
      },
      {
        row: rowOf('@主播 多少钱'),
        header: '评论内容',
        raw: '@主播 多少钱',
        value: '@主播 多少钱',
        note: 'formula-like AND a question',
      },
      { row: rowOf('-_-'), header: '评论内容', raw: '-_-', value: '-_-', note: 'starts with "-": text, not "nothing"' },
    ],
    quirks: [
      'emoji in content and nicknames',
      'formula-like content starting with = + - @ (one is "+1", one "-2+3")',
      '用户ID is an 11-digit string',
    ],
  };
}

// =============================================================================================
// 6. orders.csv
{
  const header = [
    '订单编号',
    '子订单编号',
    '下单时间',
    '支付时间',
    '商品ID',
    '商品名称',
    '商品数量',
    '订单金额',
    '实付金额',
    '订单状态',
    '买家昵称',
    '收件人手机号',
    '流量来源',
  ];
  const sources = [
    '直播推荐',
    '直播推荐',
    '直播推荐',
    '短视频引流',
    '短视频引流',
    '关注',
    '搜索',
    '个人主页&店铺&橱窗',
    '千川PC版',
    '千川PC版',
    '小店随心推',
  ];
  const buyers = [
    '户外老张',
    '小鹿',
    '登山的阿明',
    '王女士',
    '用户9x8k2',
    '晴天',
    'Lily',
    '老陈',
    '追风',
    '喵喵',
    '大山',
    '周周',
    '慢慢走',
    '北漂小刘',
    '陈先生',
  ];
  const rows = [];
  const statusFor = (i) => (i % 19 === 7 ? '待支付' : i % 17 === 3 ? '已退款' : i % 6 === 0 ? '已完成' : '已支付');
  let unpaid = 0;
  let orderIdx = 0;
  while (rows.length < 200) {
    const oid = digits(19, '69');
    const t = STREAM_START + 300 + Math.floor((orderIdx / 190) * (DURATION - 600)) + randInt(0, 40);
    let status = statusFor(orderIdx);
    if (status === '待支付') unpaid++;
    const subs = orderIdx % 19 === 11 ? 2 : 1;
    const nick = pick(buyers);
    const phone = `1${pick(['3', '5', '7', '8', '9'])}${randInt(0, 9)}****${digits(4, String(randInt(0, 9)))}`;
    const src = pick(sources);
    for (let k = 0; k < subs && rows.length < 200; k++) {
      const p = PRODUCTS[(orderIdx * 3 + k * 5) % PRODUCTS.length];
      const qty = p.price < 100 ? randInt(1, 3) : 1;
      const amount = p.price * qty;
      const coupon = p.price >= 600 ? 30 : p.price >= 200 ? 10 : 0;
      rows.push({
        oid,
        sub: digits(19, '69'),
        t,
        pay: status === '待支付' ? null : t + randInt(8, 90),
        p,
        qty,
        amount,
        paid: amount - coupon,
        status,
        nick,
        phone,
        src,
      });
    }
    orderIdx++;
  }
  const grid = textGrid([
    header,
    ...rows.map((o) => [
      o.oid,
      o.sub,
      fmtSlash(o.t),
      o.pay === null ? '' : fmtSlash(o.pay),
      o.p.id,
      o.p.name,
      o.qty,
      yuan(o.amount, 2),
      yuan(o.paid, 2),
      o.status,
      o.nick,
      o.phone,
      o.src,
    ]),
  ]);
  put('orders.csv', toCsv(grid));
  const unpaidRows = rows.filter((o) => o.status === '待支付').length;
  const notUnpaid = (r) => r[9] !== '待支付';
  const s = sums(grid, 1, ['商品数量', '订单金额', '实付金额']);
  const statusCounts = {};
  for (const o of rows) statusCounts[o.status] = (statusCounts[o.status] || 0) + 1;
  expected['orders.csv'] = {
    platform: 'generic',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    lineEnding: '\n',
    headerRow: 1,
    dataRows: rows.length,
    headers: header,
    distinctOrders: new Set(rows.map((o) => o.oid)).size,
    multiLineOrders: new Set(rows.filter((o, i, a) => a.findIndex((x) => x.oid === o.oid) !== i).map((o) => o.oid))
      .size,
    unpaidOrders: unpaid,
    unpaidRows,
    statusRows: statusCounts,
    sums: s,
    sumsExcludingUnpaid: sums(grid, 1, ['商品数量', '订单金额', '实付金额'], notUnpaid),
    sumsPaidNotRefunded: sums(grid, 1, ['订单金额', '实付金额'], (r) => r[9] === '已支付' || r[9] === '已完成'),
    samples: [
      {
        ...sample(grid, 2, 1, '订单编号'),
        value: grid[1][0],
        note: '19 digits: keep as string (Number() loses precision)',
      },
      sample(grid, 2, 1, '订单金额', rows[0].amount),
      sample(grid, 2, 1, '下单时间', iso(rows[0].t)),
      sample(grid, 1 + 1 + rows.findIndex((o) => o.status === '待支付'), 1, '支付时间', null),
      sample(grid, 2, 1, '收件人手机号'),
    ],
    quirks: [
      'unpaid (待支付) rows: empty 支付时间 but 实付金额 still filled — exclude by status/支付时间',
      'some orders have 2 rows (same 订单编号, different 子订单编号)',
      'amounts "¥1,299.00" are quoted',
      'not reconciled with the compass-session workbook (a 200-row sample of that stream)',
    ],
  };
}

// =============================================================================================
// 7. selection.xlsx
const SELECTION = (() => {
  const lp = LIST_PRODUCTS;
  // [id, name, 品类, 角色, 直播价, 日常价, 竞品价, 佣金率, 库存, 供应商, 质检, 七天, 运费险, 补货周期, 卖点, 常见问题, 福利款]
  return [
    [
      lp[0].id,
      lp[0].name,
      '冲锋衣',
      '利润款',
      899,
      1099,
      999,
      '20%',
      320,
      '泉州山野服饰',
      '有',
      '是',
      '是',
      15,
      '3合1可拆卸，防水指数10000mm；抓绒内胆可单穿',
      '尺码偏大半码？建议按平时尺码拍\n能机洗吗？可以，30度以下',
      '否',
    ],
    [
      lp[1].id,
      lp[1].name,
      '冲锋衣',
      '利润款',
      699,
      899,
      799,
      '22%',
      180,
      '泉州山野服饰',
      '有',
      '是',
      '是',
      15,
      '软壳弹力面料，防风不闷汗',
      '冬天够暖吗？0度以上单穿',
      '否',
    ],
    [
      lp[2].id,
      lp[2].name,
      '冲锋衣',
      '形象款',
      1299,
      1699,
      1399,
      '15%',
      45,
      '厦门极地户外',
      '有',
      '是',
      '是',
      30,
      'GORE-TEX 面料，专业登山',
      '防水等级？28000mm',
      '否',
    ],
    [
      lp[3].id,
      lp[3].name,
      '裤装',
      '引流款',
      259,
      329,
      289,
      '25%',
      520,
      '晋江速干纺织',
      '有',
      '是',
      '否',
      10,
      '四面弹，速干',
      '会起球吗？不易起球',
      '否',
    ],
    [
      lp[4].id,
      lp[4].name,
      '鞋靴',
      '利润款',
      1099,
      1299,
      1199,
      0.18,
      50,
      '莆田远足鞋业',
      '有',
      '是',
      '是',
      20,
      'Vibram 大底，中帮护踝',
      '偏码吗？标准码',
      '否',
    ],
    [
      lp[5].id,
      lp[5].name,
      '抓绒',
      '引流款',
      199,
      269,
      219,
      '25%',
      12,
      '晋江速干纺织',
      '无',
      '是',
      '否',
      10,
      '加厚摇粒绒，立领防风',
      '掉毛吗？不掉毛',
      '否',
    ],
    [
      lp[6].id,
      lp[6].name,
      '背包',
      '',
      399,
      499,
      429,
      '20%',
      86,
      '东莞行者箱包',
      '有',
      '否',
      '是',
      25,
      '30L 轻量背负',
      '能放电脑吗？可放14寸',
      '否',
    ],
    [
      lp[7].id,
      lp[7].name,
      '配件',
      '引流款',
      89,
      129,
      99,
      '10%',
      0,
      '义乌暖足袜业',
      '有',
      '是',
      '是',
      7,
      '美利奴羊毛，3双装',
      '会缩水吗？冷水手洗',
      '是',
    ],
    [
      lp[8].id,
      lp[8].name,
      '羽绒',
      '利润款',
      329,
      429,
      339,
      '20%',
      240,
      '厦门极地户外',
      '有',
      '是',
      '是',
      20,
      '轻量可收纳',
      '',
      '否',
    ],
    [lp[9].id, lp[9].name, '配件', '', 79, 99, 69, 0.3, 35, '义乌暖足袜业', '无', '否', '否', 7, 'UPF50+', '', '否'],
    [
      lp[10].id,
      lp[10].name,
      '配件',
      '引流款',
      239,
      299,
      259,
      '18%',
      130,
      '宁波登峰户外',
      '有',
      '是',
      '是',
      14,
      '碳素杆，三节伸缩',
      '',
      '否',
    ],
    [
      lp[14].id,
      lp[14].name,
      '裤装',
      '利润款',
      399,
      499,
      449,
      '20%',
      260,
      '泉州山野服饰',
      '有',
      '是',
      '是',
      15,
      '防水防风，内里加绒',
      '',
      '否',
    ],
    [
      '',
      '儿童三合一冲锋衣（待上架）',
      '冲锋衣',
      '',
      499,
      599,
      539,
      '20%',
      0,
      '泉州山野服饰',
      '有',
      '是',
      '是',
      20,
      '儿童款，反光条',
      '',
      '否',
    ],
    [
      '',
      '户外保暖帽 针织（新品）',
      '配件',
      '形象款',
      59,
      79,
      69,
      '25%',
      300,
      '义乌暖足袜业',
      '无',
      '是',
      '否',
      7,
      '',
      '',
      '否',
    ],
    [
      lp[11].id,
      lp[11].name,
      '配件',
      '',
      129,
      169,
      139,
      '20%',
      48,
      '宁波登峰户外',
      '有',
      '是',
      '是',
      14,
      '316不锈钢，保温12小时',
      '',
      '是',
    ],
  ];
})();
{
  const header = [
    '商品ID',
    '商品名称',
    '品类',
    '商品角色',
    '直播价',
    '日常价',
    '竞品价',
    '佣金率',
    '库存',
    '供应商',
    '质检报告',
    '七天无理由',
    '运费险',
    '补货周期(天)',
    '卖点',
    '常见问题',
    '福利款',
  ];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('选品池');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).value = '2026年11月 选品池';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(2).values = header;
  ws.getRow(2).font = { bold: true };
  SELECTION.forEach((row, i) => {
    const xr = ws.getRow(i + 3);
    row.forEach((v, c) => {
      if (v === '') return;
      const cell = xr.getCell(c + 1);
      cell.value = v;
      if (c === 0) cell.numFmt = '@';
      if (c === 7 && typeof v === 'number') cell.numFmt = '0%';
      if (c === 15) cell.alignment = { wrapText: true };
    });
  });
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = i === 1 || i >= 14 ? 36 : 12;
  });
  put('selection.xlsx', await workbookBuffer(wb));
  const grid = [['2026年11月 选品池'], header, ...SELECTION.map((r) => r.map((v) => (v === '' ? null : v)))];
  const stockCol = 8;
  expected['selection.xlsx'] = {
    platform: 'generic',
    sheet: '选品池',
    titleRow: 1,
    title: '2026年11月 选品池',
    mergedTitle: `A1:${String.fromCharCode(64 + header.length)}1`,
    headerRow: 2,
    dataRows: SELECTION.length,
    headers: header,
    sums: sums(grid, 2, ['直播价', '日常价', '竞品价', '库存']),
    stockBelow50: SELECTION.map((r, i) => ({ row: i + 3, name: r[1], stock: r[stockCol] })).filter((x) => x.stock < 50),
    stockExactly50: SELECTION.map((r, i) => ({ row: i + 3, name: r[1], stock: r[stockCol] })).filter(
      (x) => x.stock === 50,
    ),
    soldOutGiveaway: SELECTION.map((r, i) => ({ row: i + 3, name: r[1], stock: r[stockCol], giveaway: r[16] })).filter(
      (x) => x.stock === 0 && x.giveaway === '是',
    ),
    roleEmptyRows: SELECTION.map((r, i) => (r[3] === '' ? i + 3 : null)).filter(Boolean),
    idEmptyRows: SELECTION.map((r, i) => (r[0] === '' ? i + 3 : null)).filter(Boolean),
    roles: Object.fromEntries(
      ['引流款', '利润款', '形象款'].map((k) => [k, SELECTION.filter((r) => r[3] === k).length]),
    ),
    supplierTermsMissing: SELECTION.map((r, i) => ({
      row: i + 3,
      name: r[1],
      qc: r[10],
      sevenDay: r[11],
      insurance: r[12],
    })).filter((x) => x.qc === '无' || x.sevenDay === '否' || x.insurance === '否'),
    livePriceVsCompetitor: SELECTION.map((r, i) => ({
      row: i + 3,
      name: r[1],
      live: r[4],
      competitor: r[6],
      lowerBy: clean(1 - r[4] / r[6], 6),
    })),
    matchesDouyinProducts: SELECTION.filter((r) => LIST_PRODUCTS.some((p) => p.id === r[0])).length,
    samples: [
      sample(grid, 3, 2, '佣金率', 0.2),
      {
        row: 7,
        header: '佣金率',
        raw: 0.18,
        value: 0.18,
        note: 'numeric cell with number format 0% (Excel shows 18%)',
      },
      { ...sample(grid, 3, 2, '商品ID'), value: SELECTION[0][0], note: 'TEXT cell, 19 digits' },
      sample(grid, 10, 2, '库存', 0),
      { row: 15, header: '商品ID', raw: null, value: null, note: 'not yet listed: empty 商品ID' },
    ],
    quirks: [
      'title row 1 merged across all columns; header on row 2',
      '佣金率 mostly "20%" strings, rows 7 and 12 numeric 0.18/0.3 with 0% format',
      '常见问题 has an embedded newline in row 3',
      'two candidate rows without 商品ID',
      '商品角色 empty in some rows',
    ],
  };
}

// =============================================================================================
// 8. consultations.csv
{
  const topics = [
    [
      '尺码',
      30,
      [
        '175/140斤穿什么尺码？',
        '尺码偏大吗',
        '女生160穿什么尺码',
        '尺码表在哪看',
        '180cm尺码选XL够吗',
        '尺码不合适能换吗',
      ],
      [0, 1],
    ],
    ['防水', 22, ['防水效果怎么样', '防水等级多少', '暴雨天防水吗', '洗了以后还防水吗', '鞋子防水吗'], [0, 2, 4]],
    ['发货', 20, ['什么时候发货', '发货地是哪里', '今天能发货吗', '发货用什么快递'], [0, 1, 3]],
    ['退换', 15, ['不合适可以退换吗', '退换运费谁出', '吊牌剪了还能退换吗'], [0, 1, 4]],
    ['材质', 13, ['面料材质是什么', '内胆材质是抓绒吗', '袜子材质羊毛含量多少'], [0, 5, 7]],
    ['儿童款', 8, ['有没有儿童款冲锋衣', '儿童款什么时候上', '孩子10岁有儿童款吗'], [null]],
    ['羽绒服', 7, ['有羽绒服卖吗', '羽绒服什么时候上架', '想要长款羽绒服'], [null]],
    ['登山杖', 5, ['直播间有登山杖吗', '登山杖怎么不上链接'], [null]],
  ];
  const items = [];
  for (const [topic, n, texts, prods] of topics)
    for (let i = 0; i < n; i++) items.push({ topic, text: texts[i % texts.length], prod: prods[i % prods.length] });
  shuffle(items);
  const agents = ['客服-小林', '客服-阿杰', '客服-糖糖'];
  const nicks = [
    '户外老张',
    '小鹿',
    '登山的阿明',
    '王女士',
    '用户9x8k2',
    '晴天',
    'Lily',
    '老陈',
    '追风',
    '喵喵',
    '大山',
    '周周',
    '慢慢走',
    '北漂小刘',
    '陈先生',
    '阿May',
  ];
  const special = { 4: 15, 17: 16, 33: 15, 58: 16, 91: 15 }; // row index -> exact seconds
  const unansweredIdx = 75;
  const base = STREAM_START + 200;
  const header = ['咨询时间', '首次回复时间', '首次响应时长(秒)', '买家昵称', '咨询内容', '关联商品', '客服'];
  const recs = items.map((it, i) => {
    const t = base + Math.floor((i / items.length) * (DURATION + 900)) + randInt(0, 50);
    const secs = i === unansweredIdx ? null : (special[i] ?? (rnd() < 0.7 ? randInt(3, 14) : randInt(17, 75)));
    return { ...it, t, secs, nick: pick(nicks), agent: agents[i % 3] };
  });
  const grid = textGrid([
    header,
    ...recs.map((x) => [
      fmtSlash(x.t),
      x.secs === null ? '-' : fmtSlash(x.t + x.secs),
      x.secs === null ? '-' : x.secs,
      x.nick,
      x.text,
      x.prod === null ? '' : PRODUCTS[x.prod].short,
      x.secs === null ? '' : x.agent,
    ]),
  ]);
  put('consultations.csv', toCsv(grid));
  const answered = recs.filter((x) => x.secs !== null);
  const topicCounts = Object.fromEntries(topics.map(([t]) => [t, recs.filter((x) => x.topic === t).length]));
  for (const [t] of topics)
    assert.equal(recs.filter((x) => x.text.includes(t)).length, topicCounts[t], `topic keyword ${t}`);
  expected['consultations.csv'] = {
    platform: 'generic',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    lineEnding: '\n',
    headerRow: 1,
    dataRows: recs.length,
    headers: header,
    topicCounts,
    topicNote:
      'every row contains exactly its topic keyword (尺码/防水/发货/退换/材质/儿童款/羽绒服/登山杖) and no other topic keyword',
    notOnSaleAsks: { 儿童款: topicCounts['儿童款'], 羽绒服: topicCounts['羽绒服'], 登山杖: topicCounts['登山杖'] },
    notOnSaleNote:
      '关联商品 is empty for these; 羽绒服/儿童款/登山杖 are not in the compass-session products (douyin-products.xlsx has a 登山杖 and a 羽绒马甲 listed, selection.xlsx has a 儿童 candidate without 商品ID)',
    response: {
      answered: answered.length,
      unanswered: recs.length - answered.length,
      exactly15: answered.filter((x) => x.secs === 15).length,
      exactly16: answered.filter((x) => x.secs === 16).length,
      within15: answered.filter((x) => x.secs <= 15).length,
      over15: answered.filter((x) => x.secs > 15).length,
      meanSeconds: clean(answered.reduce((a, x) => a + x.secs, 0) / answered.length, 6),
      maxSeconds: Math.max(...answered.map((x) => x.secs)),
    },
    sums: sums(grid, 1, ['首次响应时长(秒)']),
    samples: [
      sample(grid, 2 + 4, 1, '首次响应时长(秒)', 15),
      sample(grid, 2 + 17, 1, '首次响应时长(秒)', 16),
      sample(grid, 2 + unansweredIdx, 1, '首次回复时间', null),
      sample(grid, 2, 1, '咨询时间', iso(recs[0].t)),
    ],
    quirks: [
      `row ${2 + unansweredIdx} unanswered: 首次回复时间 and 首次响应时长(秒) are "-", 客服 empty`,
      '首次回复时间 - 咨询时间 = 首次响应时长(秒) on every answered row',
    ],
  };
}

// =============================================================================================
// 9. minute-trend.csv
{
  const header = ['时间', '在线人数', '进入直播间人数', '离开直播间人数', '成交金额', '成交人数', '评论次数'];
  const grid = [header];
  for (let i = 0; i < trend.n; i++) {
    grid.push([
      hhmm(trend.first + i * 60),
      trend.online[i],
      trend.enter[i],
      trend.leave[i],
      trend.gmv[i],
      trend.buyers[i],
      trend.comments[i],
    ]);
  }
  put('minute-trend.csv', toCsv(grid));
  grid.splice(0, grid.length, ...textGrid(grid));
  for (let i = 0; i < trend.n; i++)
    assert.equal(trend.online[i], (i ? trend.online[i - 1] : 0) + trend.enter[i] - trend.leave[i]);
  const s = sums(grid, 1, ['进入直播间人数', '离开直播间人数', '成交金额', '成交人数', '评论次数']);
  assert.equal(s['成交金额'], S.gmv);
  const peakIdx = trend.online.indexOf(S.peakOnline);
  expected['minute-trend.csv'] = {
    platform: 'generic',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    lineEnding: '\n',
    headerRow: 1,
    dataRows: trend.n,
    headers: header,
    stream: 'the 2026-11-18 山野户外旗舰店 stream of douyin-compass-session.xlsx; 时间 is HH:MM of that day (+08:00)',
    first: hhmm(trend.first),
    last: hhmm(trend.first + (trend.n - 1) * 60),
    sums: s,
    peakOnline: S.peakOnline,
    peakAt: hhmm(trend.first + peakIdx * 60),
    peakRow: peakIdx + 2,
    meanOnline: clean(trend.online.reduce((a, b) => a + b, 0) / trend.n, 6),
    invariants: [
      '在线人数[t] = 在线人数[t-1] + 进入[t] - 离开[t] (在线人数 before the first row = 0)',
      'Σ成交金额 = compass GMV 133433',
      'Σ成交人数 = compass 成交人数 205',
      'Σ进入直播间人数 = compass 观看次数 (PV)',
      'Σ评论次数 = round(人均评论次数 × UV) = 1153',
      'max 在线人数 = compass 最高在线人数',
    ],
    samples: [
      sample(grid, 2, 1, '时间'),
      sample(grid, peakIdx + 2, 1, '在线人数', S.peakOnline),
      sample(grid, trend.n + 1, 1, '在线人数', trend.online[trend.n - 1]),
    ],
  };
}

// =============================================================================================
// 10. kpi-2026-11.xlsx
{
  const header = [
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
  const D = (y, m, d) => new Date(Date.UTC(y, m - 1, d));
  const people = [
    ['张伟', '运营', D(2024, 3, 11), 1500000, 1623400, '12.5%', 4, null, null, null, null, null, null, null, null],
    ['李娜', '运营,场控', D(2025, 7, 1), 800000, 712300, '-3.2%', 2, null, null, null, null, null, null, null, null],
    ['王芳', '主播', D(2023, 10, 8), 1200000, 1310000, null, null, '4.8%', 82, 356, null, null, null, null, null],
    ['赵磊', '主播', D(2026, 9, 1), 300000, 342000, null, null, '5.6%', 95, 128, null, null, null, null, null],
    ['陈静', '选品', D(2025, 2, 17), null, null, null, null, null, null, null, 3.2, '18.5%', 6, null, null],
    ['刘洋', '选品', D(2026, 10, 12), null, null, null, null, null, null, null, 2.1, '26.0%', 3, null, null],
    ['杨帆', '数据分析', D(2024, 11, 4), null, null, null, null, null, null, null, null, null, null, 88, '60%'],
    ['周敏', '主播', D(2025, 12, 15), 600000, 540000, null, null, '3.9%', 71, 210, null, null, null, null, null],
  ];
  const grid = [header, ...people];
  const wb = newWorkbook();
  const ws = addSheet(wb, 'KPI', grid, { widths: header.map((h) => Math.max(10, h.length * 2)) });
  for (let r = 2; r <= people.length + 1; r++) ws.getCell(r, 3).numFmt = 'yyyy-mm-dd';
  put('kpi-2026-11.xlsx', await workbookBuffer(wb));
  const isoDate = (d) => d.toISOString().slice(0, 10);
  const g = grid.map((row, i) => (i === 0 ? row : row.map((v) => (v instanceof Date ? isoDate(v) : v))));
  expected['kpi-2026-11.xlsx'] = {
    platform: 'generic',
    sheet: 'KPI',
    headerRow: 1,
    dataRows: people.length,
    headers: header,
    roles: Object.fromEntries(people.map((p) => [p[0], p[1].split(',')])),
    newcomersWithin3Months: people
      .filter((p) => p[2] >= D(2026, 8, 1))
      .map((p) => ({ name: p[0], joined: isoDate(p[2]) })),
    sums: sums(grid, 1, ['GMV目标', 'GMV实际', '流程改进数', '人均停留时长(秒)', '新增粉丝团', '新品引入数']),
    gmvAchievement: Object.fromEntries(people.filter((p) => p[3]).map((p) => [p[0], clean(p[4] / p[3], 8)])),
    samples: [
      {
        row: 2,
        header: '入职日期',
        raw: '2024-03-11 (Excel date cell, exceljs reads Date 2024-03-11T00:00:00Z)',
        value: '2024-03-11',
      },
      sample(g, 3, 1, '流量增长率', -0.032),
      sample(g, 3, 1, '岗位', '运营,场控'),
      sample(g, 8, 1, '策略采纳率', 0.6),
      sample(g, 7, 1, '退货率', 0.26),
    ],
    quirks: [
      '入职日期 are real date cells (UTC midnight); month of the sheet = 2026-11',
      '李娜 holds two roles "运营,场控"',
      'negative 流量增长率 "-3.2%"',
      'cells not relevant to a role are empty',
    ],
  };
}

// =============================================================================================
// bad inputs
{
  const r = mulberry32(0xbadf00d);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const rest = Buffer.alloc(2048 - png.length);
  for (let i = 0; i < rest.length; i++) rest[i] = Math.floor(r() * 256);
  put('bad/not-a-csv.csv', Buffer.concat([png, rest]));
  put('bad/empty.csv', Buffer.alloc(0));
  const productHeader = [
    '商品ID',
    '商品名称',
    '直播间价格',
    '用户支付金额',
    '成交件数',
    '商品点击人数',
    '商品曝光人数',
  ];
  put('bad/header-only.csv', productHeader.join(',') + '\n');
  const prod = files.get('douyin-products.xlsx');
  put('bad/truncated.xlsx', prod.subarray(0, Math.floor(prod.length * 0.6)));
  const bad = [
    productHeader,
    ...LIST_PRODUCTS.slice(0, 6).map((p) => [p.id, p.name, yuan(p.price), yuan(p.gmv), p.items, p.clickers, p.exposed]),
  ];
  bad[4][3] = '12,3O4'; // spreadsheet row 5 (header = row 1), 4th data row
  put('bad/bad-number.csv', toCsv(bad));
  const mc = [
    ['订单编号', '下单时间', '商品名称', '订单状态'],
    ...Array.from({ length: 5 }, (_, i) => [
      digits(19, '69'),
      fmtSlash(STREAM_START + 600 + i * 97),
      PRODUCTS[i].name,
      '已支付',
    ]),
  ];
  put('bad/missing-column.csv', toCsv(mc));
  const badEntries = {
    'not-a-csv.csv': { bytes: 2048, what: 'PNG signature + PRNG bytes: not text in any encoding' },
    'empty.csv': { bytes: 0 },
    'header-only.csv': { encoding: 'utf-8', delimiter: ',', headerRow: 1, dataRows: 0, headers: productHeader },
    'truncated.xlsx': {
      bytes: Math.floor(prod.length * 0.6),
      of: 'douyin-products.xlsx',
      what: 'first 60 % of the bytes: no central directory',
    },
    'bad-number.csv': {
      encoding: 'utf-8',
      delimiter: ',',
      headerRow: 1,
      dataRows: 6,
      badCell: {
        row: 5,
        column: 4,
        columnLetter: 'D',
        header: '用户支付金额',
        raw: '12,3O4',
        what: 'letter O instead of zero',
      },
    },
    'missing-column.csv': {
      encoding: 'utf-8',
      delimiter: ',',
      headerRow: 1,
      dataRows: 5,
      headers: mc[0],
      missing: 'any amount column (订单金额 / 实付金额)',
    },
  };
  for (const [k, v] of Object.entries(badEntries)) expected[`bad/${k}`] = { platform: 'generic', ...v };
}

// =============================================================================================
// session-20261118/: the root CSVs of the same stream, copied byte for byte
for (const f of ['minute-trend.csv', 'comments.csv', 'orders.csv', 'consultations.csv'])
  put(`${SESSION_DIR}/${f}`, files.get(f));

// =============================================================================================
// 11. retro-expected.json: what a post-stream retro of the 11/18 stream must show, derived from the
//     cells as written (parseCell) — never from src/ — and checked against hand-computed literals.
const retroExpected = (() => {
  const { basic, board, kv, channelsGrid, prodGrid, overallGrid } = GRIDS;
  const at1 = (grid, header, row = 2, headerRow = 1) =>
    parseCell(grid[row - 1][colOf(grid, headerRow, header)], header);
  const kvOf = (key) => parseCell(kv.find((r) => r[0] === key)[1], key);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const PAID = new Set(['千川PC版', '品牌投放', '小店随心推', '其他投放', '千川品牌投放']);

  // ---- stream and summary (workbook cells) --------------------------------------------------
  const when = at1(basic, '直播时间');
  const stream = {
    account: basic[1][colOf(basic, 1, '达人昵称')],
    platform: 'douyin',
    start: when.start,
    end: when.end,
    durationSeconds: at1(basic, '直播时长'),
  };
  const totalRow = channelsGrid.findIndex((r) => r[0] === '整体') + 1;
  assert.equal(totalRow, 2);
  const isProductRow = (row) => !String(row[0]).startsWith('-');
  const m = {
    gmv: at1(basic, '直播间用户支付金额'),
    orders: kvOf('成交订单数'),
    buyers: kvOf('成交人数'),
    itemsSold: sumCol(prodGrid, 1, '成交件数', isProductRow),
    uv: at1(board, '直播间观看人数'),
    pv: at1(channelsGrid, '观看次数', totalRow),
    avgDwellSeconds: at1(board, '人均观看时长'),
    productExposed: kvOf('商品曝光人数'),
    productClickers: at1(board, '商品点击人数'),
    refundAmount: at1(board, '退款金额'),
    paidSpend: at1(channelsGrid, '千川消耗', totalRow),
    newFollowers: at1(board, '新增粉丝数'),
  };
  // hand-computed (see the report in the commit): every count as the model has it
  assert.deepEqual(m, {
    gmv: 133433,
    orders: 228,
    buyers: 205,
    itemsSold: 267,
    uv: 6782,
    pv: 9440,
    avgDwellSeconds: 65,
    productExposed: 4880,
    productClickers: 1492,
    refundAmount: 6001,
    paidSpend: 20950.4,
    newFollowers: 312,
  });
  assert.deepEqual(stream, {
    account: ACCOUNT,
    platform: 'douyin',
    start: '2026-11-18T19:58:02+08:00',
    end: '2026-11-18T23:12:40+08:00',
    durationSeconds: 11678,
  });
  const summary = {
    gmv: m.gmv,
    gmvField: '直播间用户支付金额',
    orders: m.orders,
    buyers: m.buyers,
    itemsSold: m.itemsSold,
    uv: m.uv,
    pv: m.pv,
    uvValue: m.gmv / m.uv,
    gpm: (m.gmv / m.pv) * 1000,
    avgDwellSeconds: m.avgDwellSeconds,
    productExposed: m.productExposed,
    productClickers: m.productClickers,
    productClickRate: m.productClickers / m.productExposed,
    clickToOrderRate: m.buyers / m.productClickers,
    viewToOrderRate: m.buyers / m.uv,
    refundAmount: m.refundAmount,
    refundRate: m.refundAmount / m.gmv,
    paidSpend: m.paidSpend,
    roi: m.gmv / m.paidSpend,
    newFollowers: m.newFollowers,
  };
  // hand arithmetic: 133433/6782 = 19.6745…, 133433/9440×1000 = 14134.8517…, 1492/4880 = 0.305737…
  assert.ok(
    Math.abs(summary.uvValue - 19.6745797) < 1e-6 &&
      Math.abs(summary.gpm - 14134.8516949) < 1e-6 &&
      Math.abs(summary.productClickRate - 0.3057377049) < 1e-9,
  );
  // the separate CSV export must say the same
  const ov = (h) => parseCell(overallGrid[1][colOf(overallGrid, 1, h)], h);
  for (const [h, v] of [
    ['直播间用户支付金额', m.gmv],
    ['成交订单数', m.orders],
    ['成交人数', m.buyers],
    ['直播间观看人数', m.uv],
    ['观看次数', m.pv],
    ['人均观看时长', m.avgDwellSeconds],
    ['商品曝光人数', m.productExposed],
    ['商品点击人数', m.productClickers],
    ['退款金额', m.refundAmount],
    ['新增粉丝数', m.newFollowers],
  ]) {
    assert.equal(ov(h), v, `整体数据.csv ${h}`);
  }

  // ---- stated figures vs. recomputed ----------------------------------------------------------
  const stated = [
    [
      '直播间商品曝光-点击率(人数)',
      '整体看板',
      board,
      summary.productClickRate,
      'productClickRate',
      '商品点击人数 / 商品曝光人数',
    ],
    [
      '直播间观看-成交率(人数)',
      '整体看板',
      board,
      summary.viewToOrderRate,
      'viewToOrderRate',
      '成交人数 / 直播间观看人数',
    ],
    [
      '直播间商品点击-成交率(人数)',
      '整体看板',
      board,
      summary.clickToOrderRate,
      'clickToOrderRate',
      '成交人数 / 商品点击人数',
    ],
    ['千次观看用户支付金额', '基本信息', basic, summary.gpm, 'gpm', '直播间用户支付金额 / 观看次数 × 1000'],
  ].map(([header, sheet, grid, recomputed, metric, formula]) => {
    const raw = grid[1][colOf(grid, 1, header)];
    assert.equal(overallGrid[1][colOf(overallGrid, 1, header)], String(raw), `整体数据.csv states the same ${header}`);
    const isRate = String(raw).endsWith('%');
    const decimals = (String(raw).replace(/[%¥,]/g, '').split('.')[1] || '').length;
    const tolerance = 0.5 / 10 ** (isRate ? decimals + 2 : decimals); // half a unit of the last decimal shown; rates as fractions
    const value = parseCell(raw, header);
    const difference = value - recomputed;
    return {
      header,
      sheet,
      alsoIn: `${SESSION_DIR}/整体数据.csv`,
      metric,
      formula,
      raw,
      stated: value,
      recomputed,
      difference,
      tolerance,
      agrees: Math.abs(difference) <= tolerance,
    };
  });
  assert.deepEqual(
    stated.map((x) => x.agrees),
    [false, true, true, true],
  );
  assert.ok(Math.abs(stated[0].difference - 0.004962295) < 1e-8);

  // ---- channels -------------------------------------------------------------------------------
  const chAt = (r, h) => parseCell(channelsGrid[r - 1][colOf(channelsGrid, 1, h)], h);
  const chRows = channelsGrid
    .slice(1)
    .map((row, i) => i + 2)
    .filter((r) => channelsGrid[r - 1][0] !== '整体');
  const channels = chRows.map((r) => {
    const name = channelsGrid[r - 1][0];
    const c = {
      name,
      row: r,
      paid: PAID.has(name),
      uv: chAt(r, '观看人数'),
      pv: chAt(r, '观看次数'),
      gmv: chAt(r, '用户支付金额'),
      orders: chAt(r, '成交订单数'),
      spend: chAt(r, '千川消耗'),
    };
    return { ...c, uvShare: c.uv / m.uv, gmvShare: c.gmv / m.gmv, conversionRate: c.orders / c.pv };
  });
  const group = (paid) => {
    const xs = channels.filter((c) => c.paid === paid);
    const g = {
      channels: xs.map((c) => c.name),
      uv: sumBy(xs, 'uv'),
      pv: sumBy(xs, 'pv'),
      gmv: sumBy(xs, 'gmv'),
      orders: sumBy(xs, 'orders'),
    };
    return { ...g, uvShare: g.uv / m.uv, gmvShare: g.gmv / m.gmv, conversionRate: g.orders / g.pv };
  };
  const channelGroups = { natural: group(false), paid: group(true) };
  assert.deepEqual(
    [
      channelGroups.natural.uv,
      channelGroups.natural.pv,
      channelGroups.natural.gmv,
      channelGroups.paid.uv,
      channelGroups.paid.pv,
      channelGroups.paid.gmv,
    ],
    [5370, 7530, 113844, 1412, 1910, 19589],
  );
  assert.equal(channelGroups.paid.uv + channelGroups.natural.uv, m.uv);

  // ---- products -------------------------------------------------------------------------------
  const pAt = (r, h) => parseCell(prodGrid[r - 1][colOf(prodGrid, 1, h)], h);
  const products = prodGrid
    .map((row, i) => i + 1)
    .filter((r) => r > 1 && isProductRow(prodGrid[r - 1]))
    .map((r) => {
      const p = {
        id: String(prodGrid[r - 1][0]),
        name: prodGrid[r - 1][1],
        row: r,
        gmv: pAt(r, '用户支付金额'),
        itemsSold: pAt(r, '成交件数'),
        buyers: pAt(r, '成交人数'),
        exposed: pAt(r, '商品曝光人数'),
        clickers: pAt(r, '商品点击人数'),
      };
      const clickRate = p.clickers / p.exposed;
      const conversionRate = p.buyers / p.clickers;
      const rules = [];
      if (clickRate < 0.1) rules.push('product-click-low');
      if (conversionRate < 0.05) rules.push('product-conversion-low');
      return { ...p, clickRate, conversionRate, rules };
    })
    .sort((a, b) => b.gmv - a.gmv)
    .map((p, i) => ({ rank: i + 1, ...p }));
  assert.equal(products.length, 8);
  // the integer comparisons agree with the double ones (no rounding trap in the fixtures)
  for (const p of products) {
    assert.equal(p.rules.includes('product-click-low'), p.clickers * 10 < p.exposed, p.name);
    assert.equal(p.rules.includes('product-conversion-low'), p.buyers * 20 < p.clickers, p.name);
  }
  const byName = (frag) => products.find((p) => p.name.includes(frag));
  const thr = (p, what) => ({ id: p.id, name: p.name, row: p.row, what });
  const thresholdProducts = {
    clickRateExactly10: thr(byName('登山鞋'), '215/2150 = 0.1 exactly: product-click-low must NOT fire'),
    clickRateJustBelow10: thr(byName('双肩包'), '143/1431 = 0.09993: product-click-low fires'),
    conversionExactly5: thr(byName('女款软壳'), '28/560 = 0.05 exactly: product-conversion-low must NOT fire'),
    conversionJustBelow5: thr(byName('硬壳'), '21/421 = 0.04988: product-conversion-low fires'),
  };
  assert.equal(byName('登山鞋').clickRate, 0.1);
  assert.deepEqual(byName('登山鞋').rules, []);
  assert.deepEqual(byName('双肩包').rules, ['product-click-low']);
  assert.equal(byName('女款软壳').conversionRate, 0.05);
  assert.deepEqual(byName('女款软壳').rules, []);
  assert.deepEqual(byName('硬壳').rules, ['product-conversion-low']);
  assert.deepEqual(
    products.map((p) => p.gmv),
    [43152, 28578, 20970, 13188, 10360, 6965, 6230, 3990],
  );
  assert.equal(sumBy(products, 'gmv'), m.gmv);

  const streamRules = {
    'uv-value-low': { threshold: 1.0, value: summary.uvValue, fires: summary.uvValue < 1.0 },
    'uv-value-critical': { threshold: 0.8, value: summary.uvValue, fires: summary.uvValue < 0.8 },
  };

  // ---- comparison with earlier streams (live list) -----------------------------------------------
  const LL = GRIDS.liveList;
  const llAt = (r, h) => parseCell(LL[r - 1][colOf(LL, 1, h)], h);
  const llStreams = LL.slice(1)
    .map((row, i) => i + 2)
    .map((r) => ({
      row: r,
      account: LL[r - 1][1],
      start: llAt(r, '开播时间'),
      uv: llAt(r, '观看人数'),
      gmv: llAt(r, '成交金额'),
      buyers: llAt(r, '成交人数'),
    }))
    .map((s) => ({ ...s, uvValue: s.gmv / s.uv, viewToOrderRate: s.buyers / s.uv }));
  const METRICS = ['uv', 'gmv', 'uvValue', 'viewToOrderRate'];
  const pickM = (s) => Object.fromEntries(METRICS.map((k) => [k, s[k]]));
  const compare = (cur, earlier) => {
    const sorted = [...earlier].sort((a, b) => (a.start < b.start ? -1 : 1));
    const last7 = sorted.slice(-7);
    const prev = sorted[sorted.length - 1];
    const medianUv = median(last7.map((s) => s.uv));
    const uvDrop = 1 - cur.uv / medianUv;
    return {
      earlierStreams: sorted.length,
      previous: { row: prev.row, start: prev.start, ...pickM(prev) },
      baseline: {
        rule: 'median of each metric over the last 7 earlier streams (fewer if fewer exist)',
        streams: last7.length,
        rows: last7.map((s) => s.row),
        starts: last7.map((s) => s.start),
        ...Object.fromEntries(METRICS.map((k) => [k, median(last7.map((s) => s[k]))])),
      },
      uvDrop,
      uvDropFires: uvDrop >= 0.5,
    };
  };
  const sessionDay = stream.start.slice(0, 10);
  const syEarlier = (day) => llStreams.filter((s) => s.account === ACCOUNT && s.start.slice(0, 10) < day);
  const sessionCmp = { current: pickM(summary), ...compare(summary, syEarlier(sessionDay)) };
  assert.equal(sessionCmp.earlierStreams, 10);
  assert.equal(sessionCmp.previous.start, '2026-11-14T20:00:00+08:00');
  assert.equal(sessionCmp.baseline.uv, 6210); // sorted 3070 5880 6050 [6210] 6300 6400 6620
  const liveListCase = (row, wantDrop) => {
    const cur = llStreams.find((s) => s.row === row);
    const c = compare(cur, syEarlier(cur.start.slice(0, 10)));
    assert.ok(Math.abs(c.uvDrop - wantDrop) < 1e-12, `row ${row} drop`);
    return { row, start: cur.start, account: cur.account, current: pickM(cur), ...c };
  };
  const uvDropCases = { exactly50: liveListCase(16, 0.5), exactly49: liveListCase(6, 0.49) };
  assert.equal(uvDropCases.exactly50.uvDropFires, true);
  assert.equal(uvDropCases.exactly49.uvDropFires, false);
  // the live list's own 11/18 row is the session stream: same UV/GMV/buyers
  const llSession = llStreams.find((s) => s.account === ACCOUNT && s.start.startsWith(sessionDay));
  assert.deepEqual([llSession.uv, llSession.gmv, llSession.buyers], [m.uv, m.gmv, m.buyers]);

  // ---- taobao: the latest session of taobao-sessions-gbk.csv -----------------------------------
  const TB = GRIDS.taobao;
  const tAt = (r, h) => parseCell(TB[r - 1][colOf(TB, 2, h)], h);
  const tbRows = TB.slice(2)
    .map((row, i) => i + 3)
    .map((r) => ({
      row: r,
      streamId: TB[r - 1][colOf(TB, 2, '场次id')],
      start: tAt(r, '直播开播时间'),
      gmv: tAt(r, '成交金额（元）'),
      uv: tAt(r, '观看人数'),
      pv: tAt(r, '观看次数'),
      buyers: tAt(r, '成交人数'),
      orders: tAt(r, '成交笔数'),
      itemsSold: tAt(r, '成交件数'),
      avgDwellSeconds: tAt(r, '人均观看时长（秒）'),
      productClickers: tAt(r, '商品点击人数'),
      refundAmount: tAt(r, '退款金额'),
      newFollowers: tAt(r, '新增粉丝数'),
      trafficCouponSpend: tAt(r, '流量券消耗'),
      durationSeconds: tAt(r, '开播时长'),
    }))
    .map((s) => ({ ...s, uvValue: s.gmv / s.uv, viewToOrderRate: s.buyers / s.uv }));
  const latest = [...tbRows].sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  const t = latest;
  const taobao = {
    file: 'taobao-sessions-gbk.csv',
    row: t.row,
    streamId: t.streamId,
    start: t.start,
    durationSeconds: t.durationSeconds,
    summary: {
      gmv: t.gmv,
      gmvField: '成交金额（元）',
      orders: t.orders,
      ordersField: '成交笔数',
      buyers: t.buyers,
      itemsSold: t.itemsSold,
      uv: t.uv,
      pv: t.pv,
      uvValue: t.gmv / t.uv,
      gpm: (t.gmv / t.pv) * 1000,
      avgDwellSeconds: t.avgDwellSeconds,
      productExposed: null,
      productClickers: t.productClickers,
      productClickRate: null,
      clickToOrderRate: t.buyers / t.productClickers,
      viewToOrderRate: t.buyers / t.uv,
      refundAmount: t.refundAmount,
      refundRate: t.refundAmount / t.gmv,
      paidSpend: null,
      roi: null,
      newFollowers: t.newFollowers,
    },
    notes: [
      'no 商品曝光人数 in this file: productExposed and productClickRate are null. Its 商品点击率 column is 商品点击人数 / 观看人数, a different metric',
      `paidSpend null: the file has 流量券消耗 (${t.trafficCouponSpend === null ? '"-"' : t.trafficCouponSpend} on this row), not treated as paid-traffic spend here`,
    ],
    comparison: {
      current: pickM(t),
      ...compare(
        t,
        tbRows.filter((s) => s.start < t.start),
      ),
    },
  };
  assert.equal(t.row, 14);
  assert.equal(taobao.comparison.earlierStreams, 11);
  assert.equal(taobao.comparison.baseline.streams, 7);

  return {
    _about:
      'Hand-checked values a post-stream retro must show. Session = fixtures/douyin-compass-session.xlsx (same numbers in fixtures/session-20261118/). ' +
      'Derived from the cells as written, following /work/shared/PLATFORMS.md metric definitions; unrounded doubles (compare with toBeCloseTo). Rates are fractions, money in yuan, durations in seconds.',
    sources: {
      workbook: 'douyin-compass-session.xlsx',
      folder: `${SESSION_DIR}/`,
      folderFiles: [
        '整体数据.csv',
        '渠道分析.csv',
        '商品明细.csv',
        'minute-trend.csv',
        'comments.csv',
        'orders.csv',
        'consultations.csv',
      ],
      folderFileHeaders: {
        '整体数据.csv': overallGrid[0],
        '渠道分析.csv': channelsGrid[0],
        '商品明细.csv': prodGrid[0],
      },
      folderFileDataRows: {
        '整体数据.csv': 1,
        '渠道分析.csv': channelsGrid.length - 1,
        '商品明细.csv': prodGrid.length - 1,
      },
      copiesOfRoot: ['minute-trend.csv', 'comments.csv', 'orders.csv', 'consultations.csv'],
      liveList: 'douyin-live-list.xlsx',
    },
    stream,
    summary,
    stated,
    statedDisagreeing: stated.filter((x) => !x.agrees).map((x) => x.header),
    channels,
    channelGroups,
    products,
    thresholdProducts,
    productRules: {
      'product-click-low': 'clickRate < 0.10 (strictly)',
      'product-conversion-low': 'conversionRate < 0.05 (strictly)',
      fired: Object.fromEntries(
        ['product-click-low', 'product-conversion-low'].map((k) => [
          k,
          products.filter((p) => p.rules.includes(k)).map((p) => p.id),
        ]),
      ),
    },
    streamRules,
    comparison: {
      rule:
        'earlier streams of the same account in douyin-live-list.xlsx (start strictly before the session day; the 11/18 row itself excluded); previous = the latest of them; ' +
        'baseline = median per metric of the last 7; uvDrop = 1 - uv / baseline.uv; uv-drop fires at uvDrop >= 0.5',
      session: sessionCmp,
      liveListCases: uvDropCases,
    },
    taobao,
  };
})();

// =============================================================================================
// 12. week-2026-W47/: the folder a Monday cron job finds on 2026-11-23 for the weekly report
//     (周度复盘报告) of ISO week 2026-W47 = Mon 2026-11-16 … Sun 2026-11-22 (Asia/Shanghai), and
//     weekly-expected.json. Its own PRNG (seed 202647): nothing above changes.
//     Independent of the files above (the 11/18 山野 stream here is NOT the compass-session stream).
const WEEK_DIR = 'week-2026-W47';
const weekly = (() => {
  const wr = mulberry32(202647);
  const wInt = (lo, hi) => lo + Math.floor(wr() * (hi - lo + 1));
  const wUni = (lo, hi) => lo + wr() * (hi - lo);
  const wDigits = (n, first) => {
    let s = first;
    while (s.length < n) s += String(wInt(0, 9));
    return s;
  };
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const ymd = (t) => {
    const x = bj(t);
    return `${x.y}${pad2(x.mo)}${pad2(x.d)}`;
  };
  const weekOf = (day) => (day >= 16 ? 'W47' : day >= 9 ? 'W46' : 'W45');
  const money = (cents) => (cents / 100).toFixed(2); // CSV amounts: plain numbers with 2 decimals
  // integer total split by weights: floor, then the largest remainders (ties: lower index)
  function apportion(total, weights) {
    const W = weights.reduce((a, b) => a + b, 0);
    if (W === 0) {
      assert.equal(total, 0);
      return weights.map(() => 0);
    }
    const raw = weights.map((w) => (total * w) / W);
    const out = raw.map(Math.floor);
    let rest = total - out.reduce((a, b) => a + b, 0);
    const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; rest > 0; k++, rest--) out[order[k][1]]++;
    return out;
  }
  const SY = ACCOUNT;
  const XL = '小鹿美妆官方';
  const ACCTS = [SY, XL];
  const SHORT = { [SY]: '山野', [XL]: '小鹿' };

  // ---- schedule: 6 streams per account per week, W45..W47, chronological ---------------------------
  // 山野 idx 15 (11/19) = 0.51 × median(idx 8..14) = 0.51 × 6400 = 3264 (drop 49 %: does not fire);
  // 小鹿 idx 15 (11/20) = 0.5 × median(idx 8..14) = 0.5 × 9940 = 4970 (drop exactly 50 %: fires).
  const PLAN = {
    [SY]: {
      uv: [6120, 5980, 6350, 6240, 6510, 6080, 6420, 6300, 6580, 6190, 6350, 6700, 6380, 6640, 6400, 3264, 6280, 6550],
      slots: [
        [2, 20, 0],
        [3, 20, 0],
        [4, 20, 0],
        [6, 20, 0],
        [7, 10, 0],
        [8, 20, 0],
        [9, 20, 0],
        [10, 20, 0],
        [12, 20, 0],
        [13, 20, 0],
        [14, 10, 0],
        [15, 20, 0],
        [16, 20, 0],
        [17, 20, 0],
        [18, 20, 0],
        [19, 20, 0],
        [21, 10, 0],
        [22, 20, 0],
      ],
      unpaid: [4, 10, 16],
      anchors: ['山哥', '阿泽'],
      titles: [
        '冬季徒步装备专场',
        '冲锋衣宠粉福利',
        '周末户外穿搭',
        '登山鞋新品首发',
        '山野会员日',
        '双11返场 冲锋衣直降',
      ],
    },
    [XL]: {
      uv: [
        9650, 10120, 9880, 10400, 9720, 10250, 9900, 10310, 9560, 10050, 9800, 10180, 9940, 10220, 9760, 4970, 10080,
        9870,
      ],
      slots: [
        [2, 19, 30],
        [3, 19, 30],
        [5, 20, 0],
        [6, 19, 30],
        [7, 20, 0],
        [8, 10, 0],
        [9, 19, 30],
        [11, 19, 30],
        [12, 20, 0],
        [13, 19, 30],
        [14, 20, 0],
        [15, 10, 0],
        [16, 19, 30],
        [17, 19, 30],
        [18, 20, 0],
        [20, 19, 30],
        [21, 20, 0],
        [22, 10, 0],
      ],
      unpaid: [3, 9, 14],
      anchors: ['小雅', '鹿鹿'],
      titles: [
        '秋冬保湿专场',
        '口红试色 新色上架',
        '小鹿美妆 宠粉日',
        '早C晚A护肤课',
        '会员专属场 积分兑换',
        '周末囤货 面霜买一送一',
      ],
    },
  };
  const streams = [];
  for (const acct of ACCTS) {
    const P = PLAN[acct];
    P.slots.forEach(([day, h, mi], idx) =>
      streams.push({
        account: acct,
        idx,
        day,
        week: weekOf(day),
        start: at(day, h, mi),
        uv: P.uv[idx],
        paid: !P.unpaid.includes(idx),
        anchor: P.anchors[idx % 3 === 2 ? 1 : 0],
        title: P.titles[idx % P.titles.length],
        outdoor: acct === SY,
      }),
    );
  }
  const w47 = (acct) => streams.filter((s) => s.account === acct && s.week === 'W47');
  for (const acct of ACCTS)
    assert.deepEqual(
      ['W45', 'W46', 'W47'].map((w) => streams.filter((s) => s.account === acct && s.week === w).length),
      [6, 6, 6],
    );

  // ---- products of the W47 streams (weekly sums designed first) ---------------------------------------
  // fixed per-stream [exposed, clickers, buyers], keyed by the stream's position in the account's W47 (0..5)
  const FIXED = {
    // click exactly 3.00 % over the week: 180 / 6000 (per stream 3.5 %, 2.5 %, 2.5 %, 2.5 %: the mean of rates is 2.75 %)
    A: { 0: [3000, 105, 11], 1: [1000, 25, 3], 3: [1000, 25, 2], 4: [1000, 25, 3] },
    // click 2.99 %: 299 / 10000 (per stream 1.975 %, 3.65 %, 3.65 %, 3.7 %: the mean of rates is 3.24 %)
    B: { 0: [4000, 79, 7], 1: [2000, 73, 6], 2: [2000, 73, 6], 5: [2000, 74, 5] },
    // conversion exactly 3.00 %: 45 / 1500 (per stream 3.67 %, 2 %, 2 %: the mean of rates is 2.56 %)
    C: { 0: [4500, 900, 33], 2: [2500, 300, 6], 4: [2500, 300, 6] },
    // conversion 2.90 %: 58 / 2000 (per stream 2.57 %, 4 %, 3.5 %, 3.5 %: the mean of rates is 3.39 %)
    D: { 0: [7000, 1400, 36], 1: [1500, 200, 8], 3: [1500, 200, 7], 4: [1500, 200, 7] },
    // shown once, 420 exposed: click 9 / 420 = 2.14 %, no buyer ("not enough data")
    E: { 3: [420, 9, 0] },
  };
  const CATALOG = {
    [SY]: [
      { ...PRODUCTS[0], in: [0, 1, 2, 3, 4, 5] },
      { ...PRODUCTS[1], in: [0, 2, 4] },
      { ...PRODUCTS[2], in: [1, 3, 5] },
      { ...PRODUCTS[3], in: [0, 1, 3, 4], fixed: 'A' },
      { ...PRODUCTS[4], in: [0, 2, 3, 5] },
      { ...PRODUCTS[5], in: [1, 2, 4, 5] },
      { ...PRODUCTS[6], in: [0, 1, 2, 5], fixed: 'B' },
      { ...PRODUCTS[7], in: [0, 1, 2, 3, 4, 5] },
      {
        id: '3650123456789012799',
        name: '户外保暖帽 针织（新品）',
        short: '针织保暖帽',
        price: 59,
        in: [3],
        fixed: 'E',
      },
    ],
    [XL]: [
      {
        id: '3712080011223344501',
        name: '小鹿 玻尿酸保湿面霜 50g',
        short: '保湿面霜',
        price: 199,
        in: [0, 1, 2, 3, 4, 5],
      },
      { id: '3712080011223344536', name: '丝绒雾面口红 #316 豆沙色', short: '雾面口红', price: 129, in: [0, 1, 3, 5] },
      {
        id: '3712080011223344578',
        name: '烟酰胺焕亮精华液 30ml',
        short: '焕亮精华液',
        price: 269,
        in: [0, 2, 4],
        fixed: 'C',
      },
      { id: '3712080011223344602', name: '温和净透卸妆油 200ml', short: '卸妆油', price: 99, in: [1, 2, 4, 5] },
      { id: '3712080011223344645', name: '轻薄持妆气垫粉底 15g', short: '气垫粉底', price: 169, in: [0, 2, 3, 5] },
      {
        id: '3712080011223344683',
        name: '补水修护面膜 10片装（福利款）',
        short: '补水面膜10片',
        price: 79,
        in: [0, 1, 3, 4],
        fixed: 'D',
      },
      { id: '3712080011223344719', name: '清透防晒乳 SPF50+ 50ml', short: '防晒乳', price: 119, in: [1, 2, 4] },
      { id: '3712080011223344750', name: '抗皱紧致眼霜 15g', short: '紧致眼霜', price: 229, in: [0, 2, 3, 5] },
    ],
  };
  for (const acct of ACCTS) {
    const ss = w47(acct);
    ss.forEach((s, k) => {
      s.pos = k;
      s.products = [];
      for (const p of CATALOG[acct]) {
        if (!p.in.includes(k)) continue;
        let exposed, clickers, buyers;
        if (p.fixed) [exposed, clickers, buyers] = FIXED[p.fixed][k];
        else {
          exposed = Math.round(s.uv * wUni(0.28, 0.62));
          clickers = Math.round(exposed * wUni(0.08, 0.22));
          buyers = Math.max(1, Math.round(clickers * wUni(0.05, 0.14)));
        }
        const items = buyers === 0 ? 0 : buyers + Math.floor(buyers * 0.12) + (p.price < 100 ? wInt(0, 3) : wInt(0, 1));
        s.products.push({
          id: p.id,
          name: p.name,
          short: p.short,
          price: p.price,
          fixed: p.fixed || null,
          exposed,
          clickers,
          buyers,
          items,
          gmv: p.price * items,
          explained: wInt(1, 4),
        });
      }
      assert.ok(s.products.length >= 5 && s.products.length <= 6);
    });
    for (const p of CATALOG[acct])
      if (p.fixed) assert.deepEqual(Object.keys(FIXED[p.fixed]).map(Number), p.in, p.short);
  }

  // ---- stream figures --------------------------------------------------------------------------------
  for (const s of streams) {
    s.minutes = s.outdoor ? 150 + 15 * wInt(0, 4) : 180 + 30 * wInt(0, 2);
    s.end = s.start + s.minutes * 60;
    s.id = wDigits(19, '74');
    s.pv = Math.round(s.uv * wUni(1.32, 1.48));
    s.exposed = Math.round(s.uv / wUni(0.08, 0.13));
    s.exposures = Math.round((s.exposed * wUni(1.35, 1.65)) / 100) * 100;
    s.dwellSec = 3 * wInt(20, 40); // (分钟) cell = dwellSec / 60, exact to 2 decimals
    s.dwellMin = Number((s.dwellSec / 60).toFixed(2));
    assert.equal(Math.round(s.dwellMin * 60 * 1e6) / 1e6, s.dwellSec);
    s.avgOnline = Math.round((s.uv * s.dwellSec) / (s.minutes * 60));
    s.peak = Math.round(s.avgOnline * wUni(2.4, 3.4));
    s.comments = Math.round(s.uv * wUni(0.12, 0.22));
    if (s.week === 'W47') {
      s.items = sumBy(s.products, 'items');
      s.gmvCents = sumBy(s.products, 'gmv') * 100;
      s.buyers = Math.round(sumBy(s.products, 'buyers') * 0.9);
      const maxExp = Math.max(...s.products.map((p) => p.exposed));
      const maxClk = Math.max(...s.products.map((p) => p.clickers));
      s.pExposed = Math.round(s.uv * 0.78);
      assert.ok(s.pExposed > maxExp, 'product exposure within the stream');
      s.pClickers = Math.max(Math.round(sumBy(s.products, 'clickers') * 0.85), maxClk);
    } else {
      s.buyers = Math.round(s.uv * wUni(0.024, 0.034));
      s.gmvCents = s.buyers * (s.outdoor ? wInt(80000, 95000) : wInt(17000, 21000)) + wInt(0, 99); // per-buyer amount like W47's product mix
      s.pExposed = Math.round(s.uv * wUni(0.66, 0.78));
      s.pClickers = Math.round(s.pExposed * wUni(0.18, 0.28));
    }
    s.orders = s.buyers + Math.round(s.buyers * 0.06) + wInt(1, 6);
    if (s.week !== 'W47') s.items = s.orders + wInt(10, 40);
    s.refundCents = Math.round(s.gmvCents * wUni(0.02, 0.07));
    s.refundOrders = Math.max(1, Math.round(s.orders * 0.04));
    s.spendCents = s.paid ? Math.round(s.gmvCents * wUni(0.08, 0.18)) : null;
    s.newFollowers = Math.round(s.uv * wUni(0.03, 0.05));
    s.fanClub = Math.round(s.uv * 0.011 + wr() * 20);
    s.likes = Math.round(s.uv * wUni(2, 5));
    s.shares = Math.round(s.uv * 0.004 + wr() * 10);
    if (s.week !== 'W47') s.paidUv = s.paid ? Math.round(s.uv * wUni(0.15, 0.25)) : 0;
  }

  // ---- channels of the W47 streams ----------------------------------------------------------------------
  // [name, paid, uv share, pv/uv, orders per pv (relative)]
  const CH = [
    ['直播推荐', false, 0.4, 1.25, 0.8],
    ['短视频引流', false, 0.15, 1.35, 1.14],
    ['关注', false, 0.11, 1.6, 1.45],
    ['搜索', false, 0.05, 1.3, 1.3],
    ['其他', false, 0.03, 1.2, 0.3],
    ['千川PC版', true, 0.2, 1.3, 0.9],
    ['小店随心推', true, 0.06, 1.3, 0.9],
  ];
  const S47 = streams.filter((s) => s.week === 'W47');
  for (const s of S47) {
    const uvW = CH.map(([, paid, share]) => (paid && !s.paid ? 0 : share * wUni(0.85, 1.15)));
    const uvs = apportion(s.uv, uvW);
    const pvs = apportion(
      s.pv,
      uvs.map((u, i) => u * CH[i][3] * wUni(0.95, 1.05)),
    );
    const ords = apportion(
      s.orders,
      pvs.map((p, i) => p * CH[i][4] * wUni(0.9, 1.1)),
    );
    s.ch = CH.map(([name, paid], i) => ({ name, paid, uv: uvs[i], pv: pvs[i], orders: ords[i] }));
    s.paidUv = s.ch.filter((c) => c.paid).reduce((a, c) => a + c.uv, 0);
  }
  // short-video viewers convert ~15 % better than the week's average (Σorders/ΣPV): move single orders
  // between 直播推荐 and 短视频引流 of the same stream (stream totals unchanged) until the nearest integer.
  const chSum = (name, k) => S47.reduce((a, s) => a + s.ch.find((c) => c.name === name)[k], 0);
  const allOrders = sumBy(S47, 'orders');
  const allPv = sumBy(S47, 'pv');
  let diff = Math.round(1.15 * (allOrders / allPv) * chSum('短视频引流', 'pv')) - chSum('短视频引流', 'orders');
  for (let i = 0; diff !== 0; i++) {
    const s = S47[i % S47.length];
    const plaza = s.ch[0];
    const sv = s.ch[1];
    if (diff > 0 && plaza.orders > 0) {
      plaza.orders--;
      sv.orders++;
      diff--;
    } else if (diff < 0 && sv.orders > 0) {
      sv.orders--;
      plaza.orders++;
      diff++;
    }
  }
  for (const s of S47) {
    const g = apportion(
      s.gmvCents,
      s.ch.map((c) => c.orders * wUni(0.8, 1.2)),
    );
    s.ch.forEach((c, i) => {
      c.gmvCents = g[i];
    });
    if (s.paid) {
      const qc = Math.round(s.spendCents * wUni(0.75, 0.85));
      s.ch[5].spendCents = qc;
      s.ch[6].spendCents = s.spendCents - qc;
    }
    for (const c of s.ch) {
      if (c.spendCents === undefined) c.spendCents = null;
      assert.ok(c.pv >= c.uv && c.orders <= c.pv, `${c.name} pv/uv/orders`);
      if (c.paid && !s.paid) assert.ok(c.uv === 0 && c.gmvCents === 0);
    }
  }

  // ---- live list: 直播明细_全部账号_20261102_20261122.xlsx ----------------------------------------------
  const LIVE = '直播明细_全部账号_20261102_20261122.xlsx';
  const byNewest = [...streams].sort(
    (a, b) => b.start - a.start || ACCTS.indexOf(a.account) - ACCTS.indexOf(b.account),
  );
  const llHeader = GRIDS.liveList[0];
  const llGrid = [llHeader];
  for (const s of byNewest) {
    const gmv = s.gmvCents / 100;
    const spend = s.spendCents === null ? null : s.spendCents / 100;
    s.row = llGrid.length + 1;
    llGrid.push([
      s.id,
      s.account,
      s.anchor,
      s.title,
      fmtSlashShort(s.start),
      fmtSlashShort(s.end),
      s.minutes,
      s.exposed,
      wan(s.exposures),
      pct(s.uv, s.exposed),
      s.uv,
      s.pv,
      s.uv - s.paidUv,
      s.paidUv,
      s.peak,
      s.avgOnline,
      s.dwellMin,
      Math.round(s.comments * 0.41),
      s.comments,
      s.likes,
      s.shares,
      s.fanClub,
      s.newFollowers,
      s.fanClub,
      s.pExposed,
      s.pClickers,
      gmv,
      clean(gmv / (s.minutes / 60), 2),
      clean((gmv / s.pv) * 1000, 2),
      s.items,
      s.buyers,
      s.orders,
      clean(gmv / s.buyers, 2),
      s.refundCents / 100,
      s.refundOrders,
      pct(s.buyers, s.pClickers),
      pct(s.buyers, s.uv),
      Math.round(s.buyers * 0.3),
      spend === null ? '-' : spend,
      spend === null ? '-' : clean(gmv / spend, 2),
    ]);
  }
  assert.equal(llGrid[0].length, 40);

  // ---- channel CSVs and product workbooks -----------------------------------------------------------------
  const CH_HEADER = ['渠道名称', '观看人数', '观看次数', '用户支付金额', '成交订单数', '千川消耗'];
  const PROD_HEADER = [
    '商品ID',
    '商品名称',
    '用户支付金额',
    '成交件数',
    '成交人数',
    '商品曝光人数',
    '商品点击人数',
    '讲解次数',
  ];
  const chGrids = {};
  const prodGrids = {};
  const chronological = [...S47].sort(
    (a, b) => a.start - b.start || ACCTS.indexOf(a.account) - ACCTS.indexOf(b.account),
  );
  for (const s of chronological) {
    s.channelFile = `渠道_${s.account}_${ymd(s.start)}.csv`;
    s.productFile = `商品_${s.account}_${ymd(s.start)}.xlsx`;
    const chGrid = textGrid([
      CH_HEADER,
      ['整体', s.uv, s.pv, money(s.gmvCents), s.orders, s.spendCents === null ? '-' : money(s.spendCents)],
      ...s.ch.map((c) => [
        c.name,
        c.uv,
        c.pv,
        money(c.gmvCents),
        c.orders,
        c.spendCents === null ? '-' : money(c.spendCents),
      ]),
    ]);
    chGrids[s.channelFile] = chGrid;
    prodGrids[s.productFile] = [
      PROD_HEADER,
      ...[...s.products]
        .sort((a, b) => b.gmv - a.gmv || (a.id < b.id ? -1 : 1))
        .map((p) => [p.id, p.name, yuan(p.gmv), p.items, p.buyers, p.exposed, p.clickers, p.explained]),
    ];
  }
  return {
    wr,
    wInt,
    median,
    apportion,
    streams,
    S47,
    chronological,
    llGrid,
    LIVE,
    chGrids,
    prodGrids,
    CH,
    CH_HEADER,
    PROD_HEADER,
    SHORT,
    ACCTS,
    SY,
    XL,
    CATALOG,
    FIXED,
  };
})();

const weeklyExpected = await (async () => {
  const {
    wr,
    wInt,
    median,
    streams,
    S47,
    chronological,
    llGrid,
    LIVE,
    chGrids,
    prodGrids,
    CH,
    CH_HEADER,
    PROD_HEADER,
    ACCTS,
    SY,
    XL,
    CATALOG,
  } = weekly;
  const D = (f) => `${WEEK_DIR}/${f}`;
  // ---- write the exports -------------------------------------------------------------------------------
  {
    const wb = newWorkbook();
    addSheet(wb, '直播间明细', llGrid, { textCols: [0], widths: llGrid[0].map((h) => Math.max(10, h.length * 2)) });
    put(D(LIVE), await workbookBuffer(wb));
  }
  for (const [f, g] of Object.entries(chGrids)) put(D(f), toCsv(g));
  for (const [f, g] of Object.entries(prodGrids)) {
    const wb = newWorkbook();
    addSheet(wb, '商品列表', g, { textCols: [0], widths: [24, 36, 14, 10, 10, 14, 14, 10] });
    put(D(f), await workbookBuffer(wb));
  }
  // consultations of the week: 150 rows, each containing exactly one of the five topic keywords
  const CONSULT = '客服咨询_2026W47.csv';
  const TOPICS = [
    [
      '尺码',
      42,
      [
        ['175/140斤穿什么尺码？', '男款三合一冲锋衣'],
        ['冲锋衣尺码偏大吗', '女款软壳冲锋衣'],
        ['女生160穿什么尺码', '女款软壳冲锋衣'],
        ['尺码表在哪看', '速干徒步裤'],
        ['登山鞋尺码标准吗', '登山鞋'],
        ['尺码不合适能换吗', '抓绒衣'],
      ],
    ],
    [
      '防水',
      36,
      [
        ['冲锋衣防水效果怎么样', '男款三合一冲锋衣'],
        ['防水等级多少', '硬壳冲锋衣'],
        ['登山鞋防水吗', '登山鞋'],
        ['暴雨天防水吗', '男款三合一冲锋衣'],
        ['防晒乳防水防汗吗', '防晒乳'],
        ['气垫粉底防水吗', '气垫粉底'],
      ],
    ],
    [
      '发货',
      31,
      [
        ['什么时候发货', '保湿面霜'],
        ['今天能发货吗', '男款三合一冲锋衣'],
        ['发货用什么快递', '雾面口红'],
        ['预售多久发货', '硬壳冲锋衣'],
        ['发货地是哪里', '羊毛袜3双装'],
      ],
    ],
    [
      '退换',
      24,
      [
        ['不合适可以退换吗', '速干徒步裤'],
        ['退换运费谁出', '登山鞋'],
        ['吊牌剪了还能退换吗', '抓绒衣'],
        ['过敏了能退换吗', '焕亮精华液'],
      ],
    ],
    [
      '材质',
      17,
      [
        ['面料材质是什么', '男款三合一冲锋衣'],
        ['内胆材质是抓绒吗', '男款三合一冲锋衣'],
        ['袜子材质羊毛含量多少', '羊毛袜3双装'],
        ['口红管是什么材质', '雾面口红'],
      ],
    ],
  ];
  const consult = [];
  for (const [topic, n, texts] of TOPICS)
    for (let i = 0; i < n; i++)
      consult.push({ topic, text: texts[i % texts.length][0], prod: texts[i % texts.length][1] });
  for (let i = consult.length - 1; i > 0; i--) {
    const j = Math.floor(wr() * (i + 1));
    [consult[i], consult[j]] = [consult[j], consult[i]];
  }
  const agents = ['客服-小林', '客服-阿杰', '客服-糖糖', '客服-小美'];
  const nicks = [
    '户外老张',
    '小鹿粉',
    '登山的阿明',
    '王女士',
    '用户9x8k2',
    '晴天',
    'Lily',
    '老陈',
    '追风',
    '喵喵',
    '大山',
    '周周',
    '慢慢走',
    '北漂小刘',
    '陈先生',
    '阿May',
    '橙子汽水',
    '林深见鹿',
  ];
  const unanswered = new Set([37, 112]);
  const recs = consult.map((c, i) => {
    const t = at(16, 9, 0) + Math.floor((i / consult.length) * (7 * 86400 - 10 * 3600)) + wInt(0, 1800);
    const secs = unanswered.has(i) ? null : wr() < 0.7 ? wInt(3, 15) : wInt(16, 80);
    return { ...c, t, secs, nick: nicks[wInt(0, nicks.length - 1)], agent: agents[i % agents.length] };
  });
  const cGrid = textGrid([
    ['咨询时间', '首次回复时间', '首次响应时长(秒)', '买家昵称', '咨询内容', '关联商品', '客服'],
    ...recs.map((x) => [
      fmtSlash(x.t),
      x.secs === null ? '-' : fmtSlash(x.t + x.secs),
      x.secs === null ? '-' : x.secs,
      x.nick,
      x.text,
      x.prod,
      x.secs === null ? '' : x.agent,
    ]),
  ]);
  assert.equal(
    cGrid[0].join(','),
    files.get('consultations.csv').toString('utf8').split('\n')[0],
    'same columns as consultations.csv',
  );
  put(D(CONSULT), toCsv(cGrid));
  // damaged product workbook: the first half of the bytes of the last 小鹿 product export
  const DAMAGED = '损坏的导出.xlsx';
  const damagedOf = chronological.filter((s) => s.account === XL).at(-1).productFile;
  const whole = files.get(D(damagedOf));
  put(D(DAMAGED), whole.subarray(0, Math.floor(whole.length * 0.5)));
  const NOTE = '备注.txt';
  const NOTE_TEXT = '本周直播数据已从罗盘导出，周一例会前请勿移动或改名。——运营小林\n';
  put(D(NOTE), NOTE_TEXT);

  // ---- expected values: from the cells as written (parseCell), cross-checked against the model ---------
  const llAt = (r, h) => parseCell(llGrid[r - 1][colOf(llGrid, 1, h)], h);
  const ll = llGrid
    .slice(1)
    .map((row, i) => i + 2)
    .map((r) => ({
      row: r,
      account: llGrid[r - 1][1],
      start: llAt(r, '开播时间'),
      uv: llAt(r, '观看人数'),
      pv: llAt(r, '观看次数'),
      gmv: llAt(r, '成交金额'),
      buyers: llAt(r, '成交人数'),
      orders: llAt(r, '成交订单数'),
      avgDwellSeconds: llAt(r, '人均观看时长(分钟)'),
      paidSpend: llAt(r, '投放消耗'),
    }));
  const inWeek = (since, until) => (x) => x.start.slice(0, 10) >= since && x.start.slice(0, 10) <= until;
  const isW47 = inWeek('2026-11-16', '2026-11-22');
  const isW46 = inWeek('2026-11-09', '2026-11-15');
  const chrono = (a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : ACCTS.indexOf(a.account) - ACCTS.indexOf(b.account);
  const cents = (xs, k) => xs.reduce((a, x) => a + Math.round((x[k] ?? 0) * 100), 0) / 100;
  const w47Streams = ll
    .filter(isW47)
    .sort(chrono)
    .map((x) => {
      const m = chronological.find((s) => s.row === x.row);
      assert.deepEqual(
        [x.uv, x.pv, x.gmv, x.buyers, x.orders, x.avgDwellSeconds, x.paidSpend],
        [
          m.uv,
          m.pv,
          m.gmvCents / 100,
          m.buyers,
          m.orders,
          m.dwellSec,
          m.spendCents === null ? null : m.spendCents / 100,
        ],
      );
      return {
        account: x.account,
        start: x.start,
        row: x.row,
        uv: x.uv,
        pv: x.pv,
        gmv: x.gmv,
        buyers: x.buyers,
        orders: x.orders,
        uvValue: x.gmv / x.uv,
        gpm: (x.gmv / x.pv) * 1000,
        viewToOrderRate: x.buyers / x.uv,
        avgDwellSeconds: x.avgDwellSeconds,
        paidSpend: x.paidSpend,
        channelFile: m.channelFile,
        productFile: m.productFile,
      };
    });
  assert.equal(w47Streams.length, 12);
  const total = (xs) => {
    const t = {
      streams: xs.length,
      gmv: cents(xs, 'gmv'),
      uv: sumBy(xs, 'uv'),
      pv: sumBy(xs, 'pv'),
      buyers: sumBy(xs, 'buyers'),
      orders: sumBy(xs, 'orders'),
      paidSpend: cents(xs, 'paidSpend'),
      streamsWithoutSpend: xs.filter((x) => x.paidSpend === null).length,
    };
    return { ...t, uvValue: t.gmv / t.uv, gpm: (t.gmv / t.pv) * 1000, viewToOrderRate: t.buyers / t.uv };
  };
  const weekTotals = (filter) => ({
    ...total(ll.filter(filter)),
    byAccount: Object.fromEntries(ACCTS.map((a) => [a, total(ll.filter(filter).filter((x) => x.account === a))])),
  });
  const T47 = weekTotals(isW47);
  const T46 = weekTotals(isW46);
  const change = (a, b) =>
    Object.fromEntries(['gmv', 'uv', 'uvValue', 'viewToOrderRate'].map((k) => [k, a[k] / b[k] - 1]));
  const changeVsPreviousWeek = {
    ...change(T47, T46),
    byAccount: Object.fromEntries(ACCTS.map((a) => [a, change(T47.byAccount[a], T46.byAccount[a])])),
  };
  assert.equal(T47.streams, 12);
  assert.equal(T46.streams, 12);
  assert.equal(ll.filter(inWeek('2026-11-02', '2026-11-08')).length, 12);

  // channels: the 12 channel files
  const chTotals = new Map(
    CH.map(([name, paid]) => [name, { name, paid, uv: 0, pv: 0, gmv: 0, orders: 0, spend: 0, files: 0 }]),
  );
  let gmvCentsAll = 0;
  for (const s of w47Streams) {
    const g = chGrids[s.channelFile];
    assert.deepEqual(g[0], CH_HEADER);
    assert.equal(g[1][0], '整体');
    const at2 = (r, h) => parseCell(g[r - 1][colOf(g, 1, h)], h);
    assert.equal(at2(2, '观看人数'), s.uv);
    assert.equal(at2(2, '用户支付金额'), s.gmv);
    assert.equal(at2(2, '观看次数'), s.pv);
    assert.equal(at2(2, '成交订单数'), s.orders);
    assert.equal(at2(2, '千川消耗'), s.paidSpend);
    for (const h of ['观看人数', '观看次数', '用户支付金额', '成交订单数', '千川消耗']) {
      const sum = g.slice(2).reduce((a, row) => a + Math.round((parseCell(row[colOf(g, 1, h)], h) ?? 0) * 100), 0);
      assert.equal(sum, Math.round((at2(2, h) ?? 0) * 100), `${s.channelFile} ${h} sums to 整体`);
    }
    for (let r = 3; r <= g.length; r++) {
      const c = chTotals.get(g[r - 1][0]);
      c.uv += at2(r, '观看人数');
      c.pv += at2(r, '观看次数');
      c.orders += at2(r, '成交订单数');
      c.files++;
      c.gmvCents = (c.gmvCents || 0) + Math.round(at2(r, '用户支付金额') * 100);
      c.spendCents = (c.spendCents || 0) + Math.round((at2(r, '千川消耗') ?? 0) * 100);
      gmvCentsAll += Math.round(at2(r, '用户支付金额') * 100);
    }
  }
  const chList = [...chTotals.values()].map(({ gmvCents, spendCents, ...c }) => ({
    ...c,
    gmv: gmvCents / 100,
    spend: c.paid ? spendCents / 100 : null,
  }));
  const avg = {
    orders: sumBy(chList, 'orders'),
    pv: sumBy(chList, 'pv'),
    uv: sumBy(chList, 'uv'),
    gmv: gmvCentsAll / 100,
  };
  avg.conversionRate = avg.orders / avg.pv;
  assert.deepEqual([avg.orders, avg.pv, avg.uv, avg.gmv], [T47.orders, T47.pv, T47.uv, T47.gmv]);
  const channels = chList.map((c) => ({
    ...c,
    conversionRate: c.orders / c.pv,
    vsAverage: c.orders / c.pv / avg.conversionRate - 1,
    uvShare: c.uv / avg.uv,
    gmvShare: c.gmv / avg.gmv,
  }));
  const chBy = (n) => channels.find((c) => c.name === n);
  assert.ok(
    Math.abs(chBy('短视频引流').vsAverage - 0.15) < 0.005,
    `short video vs average ${chBy('短视频引流').vsAverage}`,
  );
  assert.ok(chBy('直播推荐').vsAverage < 0);

  // products: summed over the W47 product files (never averaging rates)
  const prodTotals = new Map();
  for (const s of w47Streams) {
    const g = prodGrids[s.productFile];
    const pAt = (r, h) => parseCell(g[r - 1][colOf(g, 1, h)], h);
    for (let r = 2; r <= g.length; r++) {
      const id = String(g[r - 1][0]);
      assert.equal(id.length, 19);
      const p = prodTotals.get(id) || {
        id,
        name: g[r - 1][1],
        account: s.account,
        streams: 0,
        files: [],
        exposed: 0,
        clickers: 0,
        buyers: 0,
        itemsSold: 0,
        gmv: 0,
        perStream: [],
      };
      const x = {
        file: s.productFile,
        exposed: pAt(r, '商品曝光人数'),
        clickers: pAt(r, '商品点击人数'),
        buyers: pAt(r, '成交人数'),
      };
      p.streams++;
      p.files.push(s.productFile);
      p.exposed += x.exposed;
      p.clickers += x.clickers;
      p.buyers += x.buyers;
      p.itemsSold += pAt(r, '成交件数');
      p.gmv += pAt(r, '用户支付金额');
      p.perStream.push({
        ...x,
        clickRate: x.clickers / x.exposed,
        conversionRate: x.clickers ? x.buyers / x.clickers : null,
      });
      prodTotals.set(id, p);
    }
    assert.equal(
      g.slice(1).reduce((a, row) => a + parseCell(row[2]), 0),
      s.gmv,
      `${s.productFile} products sum to the stream GMV`,
    );
  }
  const products = [...prodTotals.values()]
    .map((p) => {
      const clickRate = p.clickers / p.exposed;
      const conversionRate = p.buyers / p.clickers;
      const eliminate = [];
      if (clickRate < 0.03) eliminate.push('weekly-click-eliminate');
      if (conversionRate < 0.03) eliminate.push('weekly-conversion-eliminate');
      assert.equal(eliminate.includes('weekly-click-eliminate'), p.clickers * 100 < 3 * p.exposed);
      assert.equal(eliminate.includes('weekly-conversion-eliminate'), p.buyers * 100 < 3 * p.clickers);
      const { perStream, ...rest } = p;
      return {
        ...rest,
        clickRate,
        conversionRate,
        eliminate,
        meanOfStreamClickRates: perStream.reduce((a, x) => a + x.clickRate, 0) / perStream.length,
        meanOfStreamConversionRates: perStream.reduce((a, x) => a + (x.conversionRate ?? 0), 0) / perStream.length,
      };
    })
    .sort((a, b) => ACCTS.indexOf(a.account) - ACCTS.indexOf(b.account) || b.gmv - a.gmv || (a.id < b.id ? -1 : 1));
  assert.equal(products.length, 17);
  const pBy = (short) => {
    const acct = ACCTS.find((a) => CATALOG[a].some((p) => p.short === short));
    const id = CATALOG[acct].find((p) => p.short === short).id;
    return products.find((p) => p.id === id);
  };
  const A = pBy('速干徒步裤');
  const B = pBy('双肩包30L');
  const C = pBy('焕亮精华液');
  const Dp = pBy('补水面膜10片');
  const E = pBy('针织保暖帽');
  // hand arithmetic
  assert.deepEqual([A.exposed, A.clickers, A.streams], [6000, 180, 4]);
  assert.equal(A.clickRate, 0.03);
  assert.deepEqual(A.eliminate, []);
  assert.deepEqual([B.exposed, B.clickers, B.streams], [10000, 299, 4]);
  assert.equal(B.clickRate, 0.0299);
  assert.deepEqual(B.eliminate, ['weekly-click-eliminate']);
  assert.deepEqual([C.clickers, C.buyers, C.streams], [1500, 45, 3]);
  assert.equal(C.conversionRate, 0.03);
  assert.deepEqual(C.eliminate, []);
  assert.deepEqual([Dp.clickers, Dp.buyers, Dp.streams], [2000, 58, 4]);
  assert.equal(Dp.conversionRate, 0.029);
  assert.deepEqual(Dp.eliminate, ['weekly-conversion-eliminate']);
  assert.deepEqual([E.exposed, E.clickers, E.buyers, E.streams], [420, 9, 0, 1]);
  assert.ok(
    A.meanOfStreamClickRates < 0.03 &&
      B.meanOfStreamClickRates > 0.03 &&
      C.meanOfStreamConversionRates < 0.03 &&
      Dp.meanOfStreamConversionRates > 0.03,
    'averaging rates would get all four wrong',
  );
  const others = products.filter((p) => ![A, B, C, Dp, E].includes(p));
  for (const p of others)
    assert.ok(p.clickRate >= 0.06 && p.conversionRate >= 0.04 && p.eliminate.length === 0, `healthy ${p.name}`);
  const ref = (p, what) => ({
    id: p.id,
    name: p.name,
    account: p.account,
    streams: p.streams,
    files: p.files,
    exposed: p.exposed,
    clickers: p.clickers,
    buyers: p.buyers,
    clickRate: p.clickRate,
    conversionRate: p.conversionRate,
    eliminate: p.eliminate,
    what,
  });

  // anomalies: every W47 stream against the median UV of its account's previous 7 streams (any week)
  const anomalies = w47Streams.map((s) => {
    const prev = ll
      .filter((x) => x.account === s.account && x.start < s.start)
      .sort(chrono)
      .slice(-7);
    assert.equal(prev.length, 7);
    const base = median(prev.map((x) => x.uv));
    const uvDrop = 1 - s.uv / base;
    return {
      account: s.account,
      start: s.start,
      row: s.row,
      uv: s.uv,
      previous7Rows: prev.map((x) => x.row),
      previous7Uv: prev.map((x) => x.uv),
      baselineMedian7: base,
      uvDrop,
      fires: uvDrop >= 0.5,
    };
  });
  const fired = anomalies.filter((a) => a.fires);
  assert.equal(fired.length, 1);
  assert.deepEqual([fired[0].account, fired[0].uv, fired[0].baselineMedian7, fired[0].uvDrop], [XL, 4970, 9940, 0.5]);
  const near = anomalies.filter((a) => a.uvDrop >= 0.3);
  assert.equal(near.length, 2);
  const a49 = near.find((a) => a.account === SY);
  assert.deepEqual([a49.uv, a49.baselineMedian7], [3264, 6400]);
  assert.ok(Math.abs(a49.uvDrop - 0.49) < 1e-12 && !a49.fires);

  // consultations
  const body = cGrid.slice(1);
  const KEYS = TOPICS.map(([t]) => t);
  for (const r of body) assert.equal(KEYS.filter((k) => r[4].includes(k)).length, 1, r[4]);
  const topicCounts = Object.fromEntries(KEYS.map((k) => [k, body.filter((r) => r[4].includes(k)).length]));
  assert.deepEqual(topicCounts, Object.fromEntries(TOPICS.map(([t, n]) => [t, n])));
  const answered = recs.filter((x) => x.secs !== null);

  const readable = [
    {
      file: LIVE,
      kind: 'douyin live list (直播明细), sheet 直播间明细',
      rows: llGrid.length - 1,
      headerRow: 1,
      covers: '2026-11-02 … 2026-11-22 (W45, W46, W47), 2 accounts × 6 streams per week',
    },
    ...w47Streams.map((s) => ({
      file: s.channelFile,
      kind: 'douyin channel analysis (渠道分析) CSV, UTF-8, 整体 first',
      account: s.account,
      start: s.start,
      rows: chGrids[s.channelFile].length - 1,
    })),
    ...w47Streams.map((s) => ({
      file: s.productFile,
      kind: 'douyin product list, sheet 商品列表, 商品ID TEXT',
      account: s.account,
      start: s.start,
      rows: prodGrids[s.productFile].length - 1,
    })),
    {
      file: CONSULT,
      kind: 'customer-service consultations (same columns as fixtures/consultations.csv)',
      rows: body.length,
    },
  ];
  return {
    _about:
      `Hand-checked values the weekly report (周度复盘报告, liveops retro over a folder or a date range) must show for fixtures/${WEEK_DIR}/. ` +
      'Derived from the cells as written (never from src/), following /work/shared/PLATFORMS.md: UV value = GMV/UV, GPM = GMV/PV×1000, view-to-order = buyers/UV, ' +
      'channel conversion = orders/PV, click rate = Σclickers/Σexposed, conversion = Σbuyers/Σclickers (sum the counts, then divide). Unrounded doubles: compare with toBeCloseTo. ' +
      'Money in yuan, rates as fractions, durations in seconds, datetimes ISO +08:00, rows as a spreadsheet numbers them (header = row 1). ' +
      'This folder is independent of the other fixtures (its 11/18 山野 stream is not the compass-session stream).',
    folder: `${WEEK_DIR}/`,
    week: { id: '2026-W47', since: '2026-11-16', until: '2026-11-22', timezone: 'Asia/Shanghai', runOn: '2026-11-23' },
    files: {
      readable,
      damaged: [
        {
          file: DAMAGED,
          bytes: Math.floor(whole.length * 0.5),
          of: damagedOf,
          ofBytes: whole.length,
          what: 'first 50 % of the bytes of a product workbook (no zip central directory): list as skipped, do not stop',
        },
      ],
      notExports: [
        { file: NOTE, what: 'a plain-text note, not an export: ignore (mention at most)', text: NOTE_TEXT.trim() },
      ],
      count: readable.length + 2,
    },
    streams: w47Streams,
    totals: {
      W47: T47,
      W46: T46,
      changeVsPreviousWeek,
      note: 'weekly totals from the live list rows whose 开播时间 falls in the week; ratios = Σ/Σ (never the mean of stream ratios); paidSpend = Σ投放消耗 ("-" counts as nothing)',
    },
    channels: {
      rule: 'summed per channel over the 12 channel files of W47 (the 整体 rows excluded); conversionRate = Σorders/ΣPV (观看次数); vsAverage = conversionRate / average.conversionRate - 1',
      average: avg,
      byChannel: channels,
      shortVideo: { name: '短视频引流', vsAverage: chBy('短视频引流').vsAverage },
      livePlaza: { name: '直播推荐', vsAverage: chBy('直播推荐').vsAverage },
      note: 'paid channels (千川PC版, 小店随心推) are 0 in the two streams without spend; 千川消耗 "-" on natural channels',
    },
    products: {
      rule:
        'per product over all W47 product files: clickRate = Σ商品点击人数/Σ商品曝光人数, conversionRate = Σ成交人数/Σ商品点击人数; ' +
        'weekly-click-eliminate fires if clickRate < 0.03, weekly-conversion-eliminate if conversionRate < 0.03 (strictly below)',
      list: products,
      eliminated: products
        .filter((p) => p.eliminate.length)
        .map((p) => ({ id: p.id, name: p.name, eliminate: p.eliminate })),
      boundaries: {
        clickRateExactly3_00: ref(
          A,
          '180/6000 = 0.03 exactly: NOT eliminated. The mean of its per-stream click rates is 0.0275 (would wrongly eliminate)',
        ),
        clickRate2_99: ref(
          B,
          '299/10000 = 0.0299: weekly-click-eliminate. The mean of its per-stream click rates is ~0.0325 (would wrongly keep)',
        ),
        conversionExactly3_00: ref(
          C,
          '45/1500 = 0.03 exactly: NOT eliminated. The mean of its per-stream conversion rates is ~0.0256 (would wrongly eliminate)',
        ),
        conversionBelow3: ref(
          Dp,
          '58/2000 = 0.029: weekly-conversion-eliminate. The mean of its per-stream conversion rates is ~0.0339 (would wrongly keep)',
        ),
      },
      notEnoughData: {
        ...ref(
          E,
          'shown in 1 stream only, 420 people exposed (< 500): both rates are low (9/420 = 0.0214, 0/9 = 0) but the sample is too small; ' +
            'a report should say "not enough data" rather than (or besides) eliminating it; eliminate lists what the strict rules would fire',
        ),
      },
    },
    anomalies: {
      rule: 'per account, chronological over the whole live list (W45…W47); baseline = median 观看人数 of the previous 7 streams of the same account (any week); uvDrop = 1 - uv/baseline; uv-drop fires at uvDrop >= 0.5',
      streams: anomalies,
      fired: fired.map((a) => ({
        account: a.account,
        start: a.start,
        row: a.row,
        uv: a.uv,
        baselineMedian7: a.baselineMedian7,
        uvDrop: a.uvDrop,
      })),
      notFiring49: {
        account: a49.account,
        start: a49.start,
        row: a49.row,
        uv: a49.uv,
        baselineMedian7: a49.baselineMedian7,
        uvDrop: a49.uvDrop,
      },
    },
    consultations: {
      file: CONSULT,
      messages: body.length,
      topics: Object.fromEntries(KEYS.map((k) => [k, { count: topicCounts[k], share: topicCounts[k] / body.length }])),
      topicNote: 'every row contains exactly one of 尺码/防水/发货/退换/材质 in 咨询内容',
      response: {
        answered: answered.length,
        unanswered: recs.length - answered.length,
        within15: answered.filter((x) => x.secs <= 15).length,
        over15: answered.filter((x) => x.secs > 15).length,
      },
      first: iso(recs[0].t),
      last: iso(recs[recs.length - 1].t),
    },
  };
})();

// =============================================================================================
// write everything
expected._conventions = {
  rows: 'spreadsheet row numbers: the first line of a file / first row of a sheet is row 1',
  money: 'yuan as plain numbers ("¥1,234.50" → 1234.5)',
  rates: 'fractions ("12.34%" → 0.1234)',
  units: '"4.66万" → 46600, "1.2w" → 12000',
  durations:
    'seconds ("1分5秒" → 65, "2小时3分17秒" → 7397, "00:03:25" → 205); columns whose header says (分钟) are converted minutes → seconds in sums and samples',
  datetimes: 'ISO strings with +08:00',
  nothing: '"-", "--", "—" and empty cells are null and are skipped in sums',
  floats: 'sums are rounded to 4 decimals and rates/derived ratios are unrounded doubles: compare with toBeCloseTo',
  generator:
    'scripts/build-fixtures.mjs; values derived by parsing the written cells and cross-checked against the generator model',
};
const W_MD = (() => {
  const w = weeklyExpected;
  const pc = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} %`;
  const byName = (n) => w.channels.byChannel.find((c) => c.name === n);
  return {
    topics: Object.entries(w.consultations.topics)
      .map(([k, v]) => `${k} ${v.count}`)
      .join(' / ')
      .replace(/^尺码 /, ''),
    damagedOf: w.files.damaged[0].of,
    avg: `${w.channels.average.orders}/${w.channels.average.pv} = ${(w.channels.average.conversionRate * 100).toFixed(3)} %`,
    sv: `${byName('短视频引流').orders}/${byName('短视频引流').pv} → ${pc(byName('短视频引流').vsAverage)}`,
    plaza: `${byName('直播推荐').orders}/${byName('直播推荐').pv} → ${pc(byName('直播推荐').vsAverage)}`,
  };
})();
const EXPECTED_MD = `# fixtures

Generated by \`node scripts/build-fixtures.mjs\` (deterministic, byte-stable; do not edit by hand).
Hand-checked values that tests assert on are in \`expected.json\`, keyed by file name; its
\`_conventions\` entry says how values are given (rows as a spreadsheet numbers them, money in yuan,
rates as fractions, durations in seconds, (分钟) columns converted to seconds, datetimes ISO +08:00,
"-"/"--"/empty = null). Derived ratios are unrounded doubles: compare with \`toBeCloseTo\`.

| file | what | quirks |
|---|---|---|
| douyin-compass-session.xlsx | Compass 整场数据下载 of the 2026-11-18 stream of 山野户外旗舰店 (19:58:02–23:12:40), 6 sheets | 基本信息/整体看板: header row 1 + one value row; 流量分析-流量转化: key/value, no header; 渠道分析: \`整体\` is the FIRST data row (row 2), channels sum to it, \`-\` 千川消耗 on unpaid channels, 其他 has 0 orders (笔单价 \`-\`); 商品明细: 8 products, SKU child rows (商品ID \`-<id>-n\`, exposure/click \`-\`) directly under 4 of them; product IDs are 19-digit TEXT cells; 整体看板 商品点击人数 is the string \`"1,492"\`; 整体看板 直播间商品曝光-点击率(人数) is stated \`31.07%\` but 1492/4880 = 30.57 % (deliberately 0.5 pp off); product thresholds: 登山鞋 click 215/2150 = exactly 10 %, 双肩包30L 143/1431 = 9.99 %, 女款软壳 conversion 28/560 = exactly 5 %, 硬壳 21/421 = 4.99 % |
| session-20261118/ | the same 11/18 stream as separate Compass CSV downloads: \`整体数据.csv\`, \`渠道分析.csv\`, \`商品明细.csv\`, plus byte-identical copies of minute-trend.csv, comments.csv, orders.csv, consultations.csv | UTF-8 (no BOM), LF, comma. 整体数据: one header + one value row = the 基本信息 and 整体看板 columns (same header names and printed values, incl. the off 31.07 %) + 观看次数, 成交订单数, 成交人数, 商品曝光人数; 渠道分析: the 渠道分析 sheet, \`整体\` first; 商品明细: the 商品明细 sheet with SKU child rows (IDs as plain digits, SKU IDs \`-<id>-n\`). Same numbers as the workbook |
| douyin-compass-session-namesfirst.xlsx | the same workbook re-zipped with \`xl/worksheets/sheet*.xml\` before \`xl/workbook.xml\` | exceljs's streaming reader names the sheets Sheet1..Sheet6 |
| douyin-live-list.xlsx | Compass 直播明细, sheet 直播间明细, 30 streams × 40 columns, 2 accounts, Nov 2026 | newest first; 曝光次数 as \`x.xx万\`; (分钟) columns; \`-\` spend; 场次ID text; one 山野 stream drops exactly 50 % vs the median of its previous 7, another 49 % (see \`uvDrop\`); the 11/18 row is the session stream |
| douyin-products.xlsx | Compass live product list, sheet 商品列表, 15 products | full-width （人数） headers; exact threshold products (click 3.00/2.99/9.99/10.00 %, conversion 5.00/4.99/3.00 %, see \`thresholdProducts\`); \`20万\` exposure; a product with no sales; 成交人数 column present |
| taobao-sessions-gbk.csv | 生意参谋 直播分场次效果, 12 sessions | GBK, CRLF, a title line (row 1) before the header (row 2); quoted \`"12,345.60"\`; a 场次信息 with an ASCII comma; \`-\` cells; 开播时长 \`2小时3分17秒\`; 12-digit 场次id |
| taobao-anchor.csv | Taobao anchor (达人) list, 8 streams | UTF-8 with BOM, TAB-delimited, \`1.2w\` counts, \`--\` |
| comments.csv | 300 live comments of the 11/18 stream | 100 questions, exactly 20 of them about 防水 (20 %); 6 more non-question rows mention 防水; \`扣1\`, emoji; formula-like rows starting with = + - @ |
| orders.csv | 200 order lines of the 11/18 stream | 19-digit ids (keep as strings); 10 unpaid (待支付: empty 支付时间, amounts still filled); 10 orders with 2 lines; masked phones; quoted \`"¥1,299.00"\`. Not reconciled with the workbook |
| selection.xlsx | 选品表, sheet 选品池, 15 products | merged title in row 1, header row 2; 佣金率 \`"20%"\` strings and two numeric 0% cells; stock < 50, exactly 50, a sold-out 福利款; empty 商品角色 / 商品ID; embedded newline in 常见问题 |
| consultations.csv | 120 customer-service consultations | topics 尺码/防水/发货/退换/材质 + not-on-sale asks (儿童款, 羽绒服, 登山杖); response times of exactly 15 s and 16 s; one unanswered row with \`-\` |
| minute-trend.csv | minute trend 19:58–23:12 of the 11/18 stream (195 rows) | 在线 = previous + 进入 − 离开; sums match the workbook (GMV, buyers, PV, comments; max online = 最高在线人数) |
| kpi-2026-11.xlsx | KPI input, sheet KPI, 8 people | 入职日期 real date cells; \`运营,场控\`; negative growth rate; role-irrelevant cells empty |
| bad/not-a-csv.csv | 2 KB: PNG signature + PRNG bytes | binary |
| bad/empty.csv | 0 bytes | |
| bad/header-only.csv | a product-list header and nothing else | |
| bad/truncated.xlsx | first 60 % of douyin-products.xlsx | no central directory |
| bad/bad-number.csv | product list; row 5 (4th data row) 用户支付金额 is \`12,3O4\` (letter O) | |
| bad/missing-column.csv | orders with 订单编号, 下单时间, 商品名称, 订单状态 and no amount column | |

No zip bomb is stored here: tests generate it.

## retro-expected.json

What \`liveops retro\` must show for the 11/18 stream (the workbook, or the \`session-20261118/\` folder), derived from the
written cells with the platforms' metric definitions (GPM on PV, UV value on UV, click rate = clickers / exposed people,
conversion = buyers / clickers, refund rate = refund / paid amount), unrounded:
\`stream\`; \`summary\` (GMV = 用户支付金额, items sold over product rows only, PV from the \`整体\` channel row, paid spend and
ROI from its 千川消耗); \`stated\` (the four rates/amounts the export prints vs. recomputed, with tolerance = half a unit of
the last printed decimal; exactly one disagrees: 直播间商品曝光-点击率(人数), see \`statedDisagreeing\`); \`channels\` and
\`channelGroups\` (natural / paid; conversion = orders / PV, the (次数) definition); \`products\` ranked by GMV with the
rules that fire and \`thresholdProducts\` (exactly 10 % / 9.99 % click, exactly 5 % / 4.99 % conversion: "below" is
strict); \`streamRules\` (uv-value-low / -critical); \`comparison\` with the earlier streams of douyin-live-list.xlsx
(previous stream, per-metric median of the last 7, uvDrop) for the session and for the live list's rows 16 (drop
exactly 50 %: fires) and 6 (49 %: does not); \`taobao\`: the latest session of taobao-sessions-gbk.csv (row 14) with its
summary (no exposure column: productExposed / productClickRate null) and comparison.

## week-2026-W47/ and weekly-expected.json

The folder a Monday cron job finds on 2026-11-23 for the weekly report (周度复盘报告) of ISO week 2026-W47 =
Mon 2026-11-16 … Sun 2026-11-22 (Asia/Shanghai). Independent of the files above (own PRNG; its 11/18 山野 stream is not
the compass-session stream; the 山野 product IDs and names are reused).

| file | what | quirks |
|---|---|---|
| 直播明细_全部账号_20261102_20261122.xlsx | Compass 直播明细, sheet 直播间明细, the 40 columns of douyin-live-list.xlsx, 36 streams: 山野户外旗舰店 and 小鹿美妆官方 × 6 per week × W45, W46, W47 | newest first; starts 20:00, some 19:30 / 10:00; \`-\` 投放消耗/投放ROI on 6 streams (2 in W47); 人均观看时长(分钟) in steps of 0.05 (whole seconds); a W47 row's 成交金额 = Σ 用户支付金额 of its product file, its 观看人数/观看次数/成交金额/成交订单数/投放消耗 = the \`整体\` row of its channel file |
| 渠道_<account>_<yyyymmdd>.csv (12) | channel analysis of each W47 stream: \`渠道名称,观看人数,观看次数,用户支付金额,成交订单数,千川消耗\` | UTF-8, no BOM, LF; \`整体\` first, then 直播推荐, 短视频引流, 关注, 搜索, 其他, 千川PC版, 小店随心推, summing exactly to it; amounts with 2 decimals; \`-\` 千川消耗 on natural channels and on both paid channels (all zero) of the 2 unpaid streams |
| 商品_<account>_<yyyymmdd>.xlsx (12) | product list of each W47 stream, sheet 商品列表: 商品ID, 商品名称, 用户支付金额, 成交件数, 成交人数, 商品曝光人数, 商品点击人数, 讲解次数 | 5–6 products per stream, 17 products recurring across an account's streams; 19-digit TEXT IDs; \`¥12,345\` amounts; rows by GMV |
| 客服咨询_2026W47.csv | 150 consultations over the week, columns of consultations.csv | each row contains exactly one of 尺码 ${W_MD.topics} ; 2 unanswered rows \`-\` |
| 损坏的导出.xlsx | first 50 % of the bytes of ${W_MD.damagedOf} | no zip central directory: list it as skipped, do not stop |
| 备注.txt | one line of Chinese text | not an export: ignore politely |

\`weekly-expected.json\` (unrounded; ratios are Σ/Σ, never a mean of rates): \`week\`; \`files\` (readable / damaged /
notExports); \`streams\` (the 12 W47 streams, chronological, with their live-list row, uv, pv, gmv, buyers, orders, uvValue,
gpm, viewToOrderRate, avgDwellSeconds, paidSpend or null, and their channel / product file); \`totals\` (W47, W46, byAccount,
changeVsPreviousWeek for gmv, uv, uvValue, viewToOrderRate); \`channels\` (per channel over the 12 files: conversion =
Σorders/ΣPV and vsAverage against Σorders/ΣPV of all channels = ${W_MD.avg}: 短视频引流 ${W_MD.sv}, 直播推荐 ${W_MD.plaza});
\`products\` (per product over all W47 files, with the rules that fire, strictly below 3 %) and its \`boundaries\`:
速干徒步裤 click 180/6000 = exactly 3.00 % (kept), 户外双肩包 30L 299/10000 = 2.99 % (weekly-click-eliminate),
烟酰胺焕亮精华液 conversion 45/1500 = exactly 3.00 % (kept), 补水修护面膜 58/2000 = 2.90 % (weekly-conversion-eliminate) —
each in 3–4 streams, with per-stream rates chosen so that the MEAN of the stream rates falls on the other side of 3 % —
and \`notEnoughData\`: 户外保暖帽 针织（新品）, 1 stream, 420 exposed, 9 clickers, 0 buyers; \`anomalies\` (every W47 stream vs
the median UV of its account's previous 7 streams, any week): 小鹿美妆官方 2026-11-20 4970 vs 9940 = exactly 50 % (uv-drop
fires), 山野户外旗舰店 2026-11-19 3264 vs 6400 = 49 % (does not); \`consultations\` (counts and shares per topic).
`;
for (const [rel, buf] of files) {
  await mkdir(dirname(join(OUT, rel)), { recursive: true });
  await writeFile(join(OUT, rel), buf);
}
await writeFile(
  join(OUT, 'expected.json'),
  JSON.stringify({ _conventions: expected._conventions, ...expected }, null, 2) + '\n',
);
await writeFile(join(OUT, 'retro-expected.json'), JSON.stringify(retroExpected, null, 2) + '\n');
await writeFile(join(OUT, 'weekly-expected.json'), JSON.stringify(weeklyExpected, null, 2) + '\n');
await writeFile(join(OUT, 'EXPECTED.md'), EXPECTED_MD);
console.log(`wrote ${files.size + 4} files to fixtures/`);
