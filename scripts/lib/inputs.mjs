// Large, deterministic inputs for `npm run bench` and `npm run stress`: orders, comments and product
// CSVs as the platforms export them (CRLF, quoted money, Chinese text), UTF-8 or GBK.
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';

/** Bump when a generator's output changes, so cached inputs are made again. */
const GENERATOR_VERSION = 2;

let seed = 20261126;
export const reseed = (s) => {
  seed = s;
};
export const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
export const pick = (xs) => xs[Math.floor(rand() * xs.length)];

/**
 * A unique numeric ID of `digits` digits for row `i` (a prefix, then i zero-padded). Built as a
 * string: `1e16 + i` is past 2^53, where half of such numbers collide.
 */
export const idOf = (prefix, i, digits = 19) => `${prefix}${String(i).padStart(digits - prefix.length, '0')}`;

export const PRODUCT_NAMES = [
  '山野 男款三合一冲锋衣 防水透湿',
  '山野 女款软壳冲锋衣 防风保暖',
  '速干徒步裤 男女同款',
  '防滑登山鞋 中帮',
  '户外双肩包 30L',
  '美利奴羊毛徒步袜 3双装',
  '碳素登山杖 2支装',
  '轻量羽绒马甲',
];
const NICKS = ['户外老张', '登山的阿明', '追风', '周周', '小鹿妈妈', '爱跑步的猫', '山里人', '露营达人'];
const COMMENTS = [
  '这件冲锋衣防水吗？',
  '175的穿什么码',
  '什么时候发货',
  '扣1',
  '主播好看',
  '有没有儿童款',
  '多少钱',
  '颜色好看',
  '已拍',
  '能不能便宜点',
  '面料是什么',
  '=HYPERLINK("x")',
];
const CHANNELS = ['直播推荐', '短视频引流', '关注', '搜索', '千川PC版'];

/** Encodes text as GBK (iconv-lite comes with the dependencies). */
export async function gbkEncoder() {
  const iconv = (await import('iconv-lite')).default;
  return (text) => iconv.encode(text, 'gbk');
}

/** Writes `count` lines after `header`, unless the same file (count and generator) is there. */
export async function writeLines(file, header, count, line, encode) {
  const stamp = `${count} v${GENERATOR_VERSION}`;
  if (
    existsSync(file) &&
    statSync(file).size > 0 &&
    existsSync(`${file}.rows`) &&
    readFileSync(`${file}.rows`, 'utf8').trim() === stamp
  )
    return;
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
  writeFileSync(`${file}.rows`, stamp);
}

/** A time during the stream of 2026-11-18 (20:00 on), cycling every 3 hours of rows. */
export const streamTime = (i, base) => {
  const s = base + (i % 10800);
  return `2026/11/18 ${String(20 + (Math.floor(s / 3600) % 4)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

export const ORDERS_HEADER =
  '订单编号,子订单编号,下单时间,支付时间,商品ID,商品名称,商品数量,订单金额,实付金额,订单状态,买家昵称,流量来源';
export const orderLine = (i) => {
  reseed(1000 + i);
  const paid = rand() > 0.05;
  const amount = (99 + Math.floor(rand() * 1200)).toFixed(2);
  return `${idOf('69', i)},${idOf('68', i)},${streamTime(i, 0)},${paid ? streamTime(i, 30) : ''},36501234567890${String(12345 + (i % 8)).padStart(5, '0')},${PRODUCT_NAMES[i % 8]},${1 + (i % 3)},"￥${amount}","￥${amount}",${paid ? '已支付' : '待支付'},${pick(NICKS)}${i % 5000},${pick(CHANNELS)}`;
};

export const COMMENTS_HEADER = '评论时间,用户昵称,用户ID,评论内容';
export const commentLine = (i) => {
  reseed(5000 + i);
  return `${streamTime(i, 0)},${pick(NICKS)},${100000 + (i % 90000)},${JSON.stringify(pick(COMMENTS)).replace(/\\"/g, '""')}`;
};

export const PRODUCTS_HEADER = '商品ID,商品名称,用户支付金额,成交件数,成交人数,商品曝光人数,商品点击人数,讲解次数';
/** Product rows over `distinct` products (one row per product and stream, as weekly lists are). */
export const productRow = (i, distinct) => {
  reseed(9000 + i);
  const exposed = 1000 + Math.floor(rand() * 50000);
  const clickers = Math.floor(exposed * (0.01 + rand() * 0.2));
  const buyers = Math.floor(clickers * (0.01 + rand() * 0.1));
  return [
    idOf('37', i % distinct),
    `商品 ${i % distinct}`,
    buyers * 199,
    buyers,
    buyers,
    exposed,
    clickers,
    1 + (i % 4),
  ];
};

/** A stream summary, so a retro has a stream to report on. */
export const SUMMARY_CSV =
  '达人昵称,直播时间,直播间用户支付金额,直播间观看人数,观看次数,成交人数,成交订单数\r\n山野户外旗舰店,2026/11/18 20:00:00-2026/11/18 23:00:00,"¥1,234,567",812345,1203456,45678,51234\r\n';

/** A product-list CSV line over `distinct` products (productRow joined; no field needs quoting). */
export const productLine = (i, distinct) => productRow(i, distinct).join(',');

/**
 * Writes a product-list workbook of `count` rows over `distinct` products (shared strings, as
 * platform exports are written), unless the same one is there (a `.rows` stamp as writeLines).
 */
export async function writeProductsXlsx(file, count, distinct) {
  const stamp = `${count} d${distinct} v${GENERATOR_VERSION}`;
  if (
    existsSync(file) &&
    statSync(file).size > 0 &&
    existsSync(`${file}.rows`) &&
    readFileSync(`${file}.rows`, 'utf8').trim() === stamp
  )
    return false;
  const ExcelJS = (await import('exceljs')).default;
  const { renameSync } = await import('node:fs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: `${file}.tmp`,
    useSharedStrings: true,
    useStyles: false,
  });
  const ws = wb.addWorksheet('商品列表');
  ws.addRow(PRODUCTS_HEADER.split(',')).commit();
  for (let i = 0; i < count; i++) ws.addRow(productRow(i, distinct)).commit();
  ws.commit();
  await wb.commit();
  renameSync(`${file}.tmp`, file);
  writeFileSync(`${file}.rows`, stamp);
  return true;
}
