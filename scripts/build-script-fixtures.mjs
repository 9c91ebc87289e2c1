// Builds the compliance lint's workbook fixtures (deterministic: fixed dates, fixed zip part order):
//   fixtures/scripts/脚本.xlsx   a run-sheet (直播脚本) and a cue sheet (场控提示) with planted terms in
//     known cells, a two-line cell, exempt phrases, numbers and an empty row;
//   fixtures/scripts/选品表.xlsx a selection table whose product names hold listed words
//     (永久牌, 绝对伏特加, 最生活): inside those names they are not findings.
// The findings these should give are written by hand in fixtures/scripts/expected.json.
// Run: node scripts/build-script-fixtures.mjs
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { FIXED_DATE, workbookBytes } from './lib/xlsx.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'scripts');

function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'liveops fixtures';
  wb.lastModifiedBy = 'liveops fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** rows: arrays of cell values, row 1 first; null leaves a cell (or a whole row) empty. */
function fill(ws, rows) {
  rows.forEach((row, r) => {
    (row ?? []).forEach((v, c) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      if (typeof v === 'string' && v.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  ws.getRow(1).font = { bold: true };
}

async function save(wb, file) {
  await writeFile(join(OUT, file), await workbookBytes(wb));
  console.log(`wrote fixtures/scripts/${file}`);
}

// 脚本.xlsx — the cells named in expected.json ("xlsx") are where the planted terms are.
{
  const wb = workbook();
  const run = wb.addWorksheet('直播脚本');
  fill(run, [
    /* 1 */ ['时间', '环节', '商品', '主播话术', '助播动作', '场控动作'],
    /* 2 */ [
      '20:00',
      '开场',
      null,
      '家人们晚上好！最近降温了，今天给大家带来冬季徒步装备。',
      '展示直播间福利牌',
      '开播提醒',
    ],
    /* 3 */ ['20:10', '讲解', '山野 三合一冲锋衣', '这是本店最新款，顶级面料，防水透湿。', '近景展示面料', null],
    /* 4 */ ['20:25', '讲解', '永久牌 C型 通勤自行车', '永久牌自行车，骑行轻快。', '展示车架', '上架 2号链接'],
    /* 5 */ ['20:40', '逼单', '艾草足贴', '第一，材料天然；\n第二，能治疗失眠。', '举牌：每人最多限购2件', '库存提醒'],
    /* 6 */ null,
    /* 7 */ ['21:00', '福利', '保温杯', 750, '抽一个特等奖', '错过再等一年！'],
  ]);
  const cues = wb.addWorksheet('场控提示');
  fill(cues, [
    /* 1 */ ['时间', '提示'],
    /* 2 */ ['20:37', '3分钟后切换商品'],
    /* 3 */ ['20:55', '喊：最后3件！马上涨价'],
  ]);
  await save(wb, '脚本.xlsx');
}

// 选品表.xlsx — a selection table; 商品名称 holds trademarks with listed words in them.
{
  const wb = workbook();
  const ws = wb.addWorksheet('选品池');
  fill(ws, [
    ['商品ID', '商品名称', '品类', '商品角色', '直播价', '库存'],
    ['P001', '山野 三合一冲锋衣', '冲锋衣', '利润款', 599, 120],
    ['P002', '永久牌 C型 通勤自行车', '自行车', '形象款', 1299, 30],
    ['P003', '绝对伏特加 经典原味 700ml', '酒水', '利润款', 119, 200],
    ['P004', '最生活 纯棉毛巾 3条装', '家居', '引流款', 39.9, 500],
    ['P005', '艾草足贴 30贴', '个护', '引流款', 19.9, 800],
  ]);
  await save(wb, '选品表.xlsx');
}
