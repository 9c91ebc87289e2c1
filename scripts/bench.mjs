// npm run bench: speed and memory of the real commands on large inputs, next to the floors (a bare
// line count and bare csv-parse over the same files), in one run. Inputs are generated
// deterministically into bench/out/ (git-ignored); results are printed as a table and written as
// JSON to bench/out/results-<time>.json so runs can be compared.
//
//   npm run bench                 everything (about 3–5 minutes on 2 cores)
//   npm run bench -- --rows 250000 --only retro,floor
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'liveops.js');
const HOOK = join(ROOT, 'scripts', 'bench-rss.mjs');

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const ROWS = Number(arg('rows', 1_000_000));
const PRODUCTS = Number(arg('products', 200_000));
const only = arg('only', '')?.split(',').filter(Boolean) ?? [];
const want = (name) => only.length === 0 || only.includes(name);

mkdirSync(OUT, { recursive: true });

// — deterministic data —
let seed = 20261126;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const PRODUCT_NAMES = ['山野 男款三合一冲锋衣 防水透湿', '山野 女款软壳冲锋衣 防风保暖', '速干徒步裤 男女同款', '防滑登山鞋 中帮', '户外双肩包 30L', '美利奴羊毛徒步袜 3双装', '碳素登山杖 2支装', '轻量羽绒马甲'];
const NICKS = ['户外老张', '登山的阿明', '追风', '周周', '小鹿妈妈', '爱跑步的猫', '山里人', '露营达人'];
const COMMENTS = ['这件冲锋衣防水吗？', '175的穿什么码', '什么时候发货', '扣1', '主播好看', '有没有儿童款', '多少钱', '颜色好看', '已拍', '能不能便宜点', '面料是什么', '=HYPERLINK("x")'];
const CHANNELS = ['直播推荐', '短视频引流', '关注', '搜索', '千川PC版'];

/** Encodes text as GB18030/GBK (iconv-lite comes with the dependencies). */
async function gbkEncoder() {
  const iconv = (await import('iconv-lite')).default;
  return (text) => iconv.encode(text, 'gbk');
}

async function writeLines(file, header, count, line, encode) {
  if (existsSync(file) && statSync(file).size > 0 && readFileSync(`${file}.rows`, 'utf8').trim() === String(count)) return;
  const out = createWriteStream(file);
  const put = async (text) => {
    if (!out.write(encode ? encode(text) : text)) await once(out, 'drain');
  };
  await put(`${header}\r\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `${line(i)}\r\n`;
    if (chunk.length > 1 << 20) {
      await put(chunk);
      chunk = '';
    }
  }
  await put(chunk);
  out.end();
  await once(out, 'finish');
  writeFileSync(`${file}.rows`, String(count));
}

const day = (i, base) => {
  const s = base + (i % 10800);
  return `2026/11/18 ${String(20 + Math.floor(s / 3600) % 4).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

async function generate() {
  const t0 = Date.now();
  const gbk = await gbkEncoder();
  const ordersHeader = '订单编号,子订单编号,下单时间,支付时间,商品ID,商品名称,商品数量,订单金额,实付金额,订单状态,买家昵称,流量来源';
  const orderLine = (i) => {
    seed = 1000 + i;
    const paid = rand() > 0.05;
    const amount = (99 + Math.floor(rand() * 1200)).toFixed(2);
    return `69${String(1e16 + i)},68${String(1e16 + i)},${day(i, 0)},${paid ? day(i, 30) : ''},36501234567890${String(12345 + (i % 8)).padStart(5, '0')},${PRODUCT_NAMES[i % 8]},${1 + (i % 3)},"￥${amount}","￥${amount}",${paid ? '已支付' : '待支付'},${pick(NICKS)}${i % 5000},${pick(CHANNELS)}`;
  };
  const commentsHeader = '评论时间,用户昵称,用户ID,评论内容';
  const commentLine = (i) => {
    seed = 5000 + i;
    return `${day(i, 0)},${pick(NICKS)},${100000 + (i % 90000)},${JSON.stringify(pick(COMMENTS)).replace(/\\"/g, '""')}`;
  };
  await writeLines(join(OUT, 'orders-1m.csv'), ordersHeader, ROWS, orderLine);
  await writeLines(join(OUT, 'orders-1m-gbk.csv'), ordersHeader, ROWS, orderLine, gbk);
  await writeLines(join(OUT, 'comments-1m.csv'), commentsHeader, ROWS, commentLine);
  await writeLines(join(OUT, 'comments-1m-gbk.csv'), commentsHeader, ROWS, commentLine, gbk);
  // A summary row so the retro has a stream to report on.
  writeFileSync(join(OUT, '整体数据.csv'), '达人昵称,直播时间,直播间用户支付金额,直播间观看人数,观看次数,成交人数,成交订单数\r\n山野户外旗舰店,2026/11/18 20:00:00-2026/11/18 23:00:00,"¥1,234,567",812345,1203456,45678,51234\r\n');

  const xlsx = join(OUT, `products-${PRODUCTS}.xlsx`);
  if (!existsSync(xlsx)) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false, useStyles: false });
    const ws = wb.addWorksheet('商品列表');
    ws.addRow(['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数', '讲解次数']).commit();
    for (let i = 0; i < PRODUCTS; i++) {
      seed = 9000 + i;
      const exposed = 1000 + Math.floor(rand() * 50000);
      const clickers = Math.floor(exposed * (0.01 + rand() * 0.2));
      const buyers = Math.floor(clickers * (0.01 + rand() * 0.1));
      ws.addRow([`37${String(1e16 + (i % (PRODUCTS / 4)))}`, `商品 ${i % (PRODUCTS / 4)}`, buyers * 199, buyers, buyers, exposed, clickers, 1 + (i % 4)]).commit();
    }
    ws.commit();
    await wb.commit();
  }
  return (Date.now() - t0) / 1000;
}

// — measuring —
function run(name, argv, { rows = null, env = {} } = {}) {
  const rssFile = join(OUT, `.rss-${process.pid}`);
  rmSync(rssFile, { force: true }); // never report the previous run's figure
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', HOOK, ...argv], {
    cwd: OUT,
    env: { ...process.env, NO_COLOR: '1', LIVEOPS_BENCH_RSS: rssFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : null;
  if (r.status !== 0 && r.status !== 3) {
    console.error(`${name}: exit ${r.status}\n${r.stderr.toString().slice(0, 2000)}`);
  }
  return { name, wall, rowsPerSecond: rows ? rows / wall : null, peakRssMb: rss, exit: r.status };
}

const results = [];
const floorOf = {};
const add = (row, floorName) => {
  if (floorName && floorOf[floorName]) row.ratioToFloor = row.wall / floorOf[floorName].wall;
  results.push(row);
  const f = (x, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));
  console.log(`${row.name.padEnd(44)} ${f(row.wall).padStart(8)} s ${row.rowsPerSecond ? `${Math.round(row.rowsPerSecond).toLocaleString('en-US').padStart(11)} rows/s` : ''.padStart(18)} ${f(row.peakRssMb, 0).padStart(6)} MB ${row.ratioToFloor ? `×${row.ratioToFloor.toFixed(2)} floor` : ''}`);
};

console.log(`generating inputs into bench/out (${ROWS.toLocaleString('en-US')} rows, ${PRODUCTS.toLocaleString('en-US')} products)…`);
const genSeconds = await generate();
console.log(`inputs ready in ${genSeconds.toFixed(1)} s\n`);
console.log(`${'run'.padEnd(44)} ${'wall'.padStart(10)} ${'throughput'.padStart(18)} ${'peak RSS'.padStart(9)}`);

const FLOOR = join(ROOT, 'scripts', 'bench-floor.mjs');
if (want('floor')) {
  add(run('floor: node -e 0', ['-e', '0']));
  floorOf.node = results.at(-1);
  for (const f of ['orders-1m.csv', 'orders-1m-gbk.csv', 'comments-1m.csv']) {
    add(run(`floor: line count ${f}`, [FLOOR, 'lines', f], { rows: ROWS }));
    floorOf[`lines:${f}`] = results.at(-1);
    add(run(`floor: bare csv-parse ${f}`, [FLOOR, 'csv-parse', f], { rows: ROWS }));
    add(run(`floor: bare papaparse ${f}`, [FLOOR, 'papaparse', f], { rows: ROWS }));
    floorOf[`csv:${f}`] = results.at(-1);
  }
}
if (want('startup')) {
  add(run('liveops --help', [BIN, '--help']), 'node');
  add(run('liveops script lint (a script)', [BIN, 'script', 'lint', join(ROOT, 'fixtures', 'scripts', 'exempt.md')]), 'node');
}
if (want('inspect')) {
  add(run('inspect orders (UTF-8)', [BIN, 'inspect', 'orders-1m.csv'], { rows: ROWS }), 'lines:orders-1m.csv');
  add(run('inspect orders (GBK)', [BIN, 'inspect', 'orders-1m-gbk.csv'], { rows: ROWS }), 'lines:orders-1m-gbk.csv');
}
if (want('retro')) {
  add(run('retro orders (UTF-8)', [BIN, 'retro', '整体数据.csv', 'orders-1m.csv', '--format', 'json', '-o', 'retro-orders.json', '--force'], { rows: ROWS }), 'csv:orders-1m.csv');
  add(run('retro orders (GBK)', [BIN, 'retro', '整体数据.csv', 'orders-1m-gbk.csv', '--format', 'json', '-o', 'retro-orders-gbk.json', '--force'], { rows: ROWS }), 'csv:orders-1m-gbk.csv');
  add(run('retro comments (hotspots)', [BIN, 'retro', '整体数据.csv', 'comments-1m.csv', '--format', 'json', '-o', 'retro-comments.json', '--force'], { rows: ROWS }), 'csv:comments-1m.csv');
}
if (want('select')) {
  add(run(`select products xlsx (${PRODUCTS.toLocaleString('en-US')} rows)`, [BIN, 'select', `products-${PRODUCTS}.xlsx`, '--week', '2026-W47', '--format', 'json', '-o', 'select.json', '--force'], { rows: PRODUCTS }));
}

const file = join(OUT, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ node: process.version, rows: ROWS, products: PRODUCTS, at: new Date().toISOString(), results }, null, 2)}\n`);
console.log(`\nresults: ${file.slice(ROOT.length + 1)}`);
