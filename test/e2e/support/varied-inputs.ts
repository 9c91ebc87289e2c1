/**
 * 10 k-row exports written the untidy way real back offices and teams write them, deterministic
 * (a seeded generator), for the reading-path test: the same inputs go through the current reader
 * and their figures are compared with the ones the reader before the byte-level work gave.
 *
 * Untidy on purpose: sub-order lines repeating an order, three date-time spellings, money as
 * "￥389.00", "1,014", "¥1,014.50", "1.2万" and "-", counts as "2件", quoted names holding commas,
 * quotes and line breaks, text that looks like a formula, a few cells that are not numbers (in
 * the untidy twins), a rate-only product list with rates on both sides of 3 %, and GBK twins.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import iconv from 'iconv-lite';

function generator(seed: number): { next: () => number; pick: <T>(xs: readonly T[]) => T; int: (n: number) => number } {
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: (xs) => xs[Math.floor(next() * xs.length)]!, int: (n) => Math.floor(next() * n) };
}

const PRODUCTS = [
  '山野 男款三合一冲锋衣 防水透湿',
  '女款软壳冲锋衣,防风保暖',
  '速干徒步裤 "男女同款"',
  '防滑登山鞋 中帮',
  '户外双肩包 30L',
  '美利奴羊毛徒步袜 3双装',
  '碳素登山杖 2支装',
  '轻量羽绒马甲',
  '=HYPERLINK("http://x")',
  '西湖龙井 明前特级 250g',
  '胎菊 花草茶\n礼盒装',
  '保温杯 316不锈钢',
];
const NICKS = ['山里人', '周周', '阿花🌸', '小李同学', 'Tom', '@admin', '+86用户', '徒步爱好者'];
const CHANNELS = ['直播推荐', '短视频引流', '关注', '搜索', '千川PC版', '个人主页&店铺&橱窗', '其他', '-'];
const STATUSES = ['已支付', '已支付', '已支付', '交易成功', '待支付', '已退款', '已关闭', '待发货'];
const COMMENTS = [
  '有没有防水的？',
  '这个尺码怎么选',
  '什么时候发货',
  '多少钱',
  '太贵了',
  '质量差，退货',
  '扣1',
  '1',
  '主播好美',
  '冲锋衣防水吗？下雨天能穿吗',
  '鞋子偏码吗，平时穿42',
  '能便宜点吗',
  '发货太慢了，等了一周',
  '包邮吗？',
  '"有赠品吗",谢谢',
  '客服不回消息',
  '这个颜色好看吗？',
  '=1+2',
  '',
  '🔥🔥🔥',
];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A moment of the stream of 2026-11-18 (20:00 on), in one of three spellings. */
function at(second: number, style: number): string {
  const h = 20 + Math.floor(second / 3600);
  const m = Math.floor(second / 60) % 60;
  const s = second % 60;
  if (style === 0) return `2026/11/18 ${pad(h)}:${pad(m)}:${pad(s)}`;
  if (style === 1) return `2026-11-18 ${pad(h)}:${pad(m)}:${pad(s)}`;
  return `2026/11/18 ${h}:${pad(m)}`;
}

function money(yuan: number, style: number): string {
  switch (style) {
    case 0:
      return `"￥${yuan.toFixed(2)}"`;
    case 1:
      return `"${yuan.toLocaleString('en-US')}"`;
    case 2:
      return `"¥${yuan.toLocaleString('en-US', { minimumFractionDigits: 2 })}"`;
    case 3:
      return yuan >= 10000 ? `${(yuan / 10000).toFixed(2)}万` : String(yuan);
    default:
      return String(yuan);
  }
}

const csvText = (t: string): string => (/[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

export function ordersCsv(rows: number, untidy = false): string {
  const g = generator(20261201);
  const lines = [
    '订单编号,子订单编号,下单时间,支付时间,商品ID,商品名称,商品数量,订单金额,实付金额,订单状态,买家昵称,流量来源',
  ];
  let order = 0;
  for (let i = 0; i < rows; i++) {
    if (i === 0 || g.next() > 0.2) order++;
    const status = g.pick(STATUSES);
    const unpaid = status === '待支付' || status === '已关闭';
    const second = Math.min(10799, Math.floor((i / rows) * 10800) + g.int(60));
    const style = g.int(3);
    const product = g.int(PRODUCTS.length);
    const qty = 1 + g.int(3);
    const amount = (49 + g.int(1500)) * qty + (g.next() > 0.5 ? 0.5 : 0);
    const paid = untidy && i % 997 === 13 ? 'abc' : i % 499 === 7 ? '-' : money(amount, g.int(5));
    lines.push(
      [
        `69${pad(order, 17)}`,
        `68${pad(i, 17)}`,
        at(second, style),
        unpaid ? '' : at(Math.min(10799, second + 20), style),
        `36501234567890${pad(12345 + product, 5)}`,
        csvText(PRODUCTS[product]!),
        i % 7 === 0 ? `${qty}件` : String(qty),
        money(amount, 0),
        paid,
        status,
        csvText(`${g.pick(NICKS)}${g.int(3000)}`),
        g.pick(CHANNELS),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export function commentsCsv(rows: number): string {
  const g = generator(20261202);
  const lines = ['评论时间,用户昵称,用户ID,评论内容'];
  for (let i = 0; i < rows; i++) {
    const second = Math.min(10799, Math.floor((i / rows) * 10800));
    lines.push(
      [at(second, g.int(2)), csvText(g.pick(NICKS)), String(100000 + g.int(4000)), csvText(g.pick(COMMENTS))].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** A week's product list with counts: one row per product and stream, 600 products. */
export function productCountsCsv(rows: number, untidy = false): string {
  const g = generator(20261203);
  const lines = ['商品ID,商品名称,用户支付金额,成交件数,成交人数,商品曝光人数,商品点击人数,讲解次数,库存'];
  for (let i = 0; i < rows; i++) {
    const p = i % 600;
    const exposed = 500 + g.int(30000);
    // Click rates around the 3 % line, some exactly on it.
    const clickers = p % 50 === 0 ? Math.round(exposed * 0.03) : Math.floor(exposed * (0.005 + g.next() * 0.12));
    const buyers = Math.floor(clickers * (0.005 + g.next() * 0.1));
    const gmv = buyers * (59 + (p % 40) * 10);
    lines.push(
      [
        `37${pad(p, 17)}`,
        csvText(p % 97 === 5 ? `${PRODUCTS[p % PRODUCTS.length]!} ${p}` : `商品 ${p}`),
        i % 1999 === 3 ? '-' : money(gmv, g.int(5)),
        String(buyers),
        String(buyers),
        exposed >= 10000 && g.next() > 0.7 ? `${(exposed / 10000).toFixed(4)}万` : String(exposed),
        String(clickers),
        String(1 + g.int(4)),
        untidy && i % 1777 === 9 ? 'n/a?' : String(g.int(400)),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** Compass's live product list with only clickers and the stated rates, 300 products. */
export function productRatesCsv(rows: number): string {
  const g = generator(20261204);
  const lines = [
    '商品ID,商品名称,直播间价格,用户支付金额,商品点击人数,商品曝光-点击率（人数）,商品点击-成交转化率（人数）',
  ];
  for (let i = 0; i < rows; i++) {
    const p = 1000 + (i % 300);
    const clickRate = p % 30 === 0 ? '3.00%' : p % 30 === 1 ? '2.99%' : `${(0.5 + g.next() * 15).toFixed(2)}%`;
    const conversion = p % 45 === 0 ? '3.00%' : `${(0.5 + g.next() * 9).toFixed(2)}%`;
    lines.push(
      [
        `37${pad(p, 17)}`,
        `商品 ${p}`,
        money(59 + (p % 50) * 10, 2),
        money(g.int(50000), g.int(4)),
        String(50 + g.int(2000)),
        clickRate,
        conversion,
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export const SUMMARY =
  '达人昵称,直播时间,直播间用户支付金额,直播间观看人数,观看次数,成交人数,成交订单数\r\n' +
  '山野户外旗舰店,2026/11/18 20:00:00-2026/11/18 23:00:00,"¥1,234,567",81234,120345,4567,5123\r\n';

/**
 * Writes every input into `dir`: UTF-8, GBK twins of the orders and the product counts (with ￥,
 * as GBK has no ¥), and untidy twins holding a few cells that are not numbers.
 */
export function writeVariedInputs(dir: string, rows = 10_000): void {
  const gbk = (text: string): Buffer => iconv.encode(text.replace(/¥/g, '￥'), 'gbk');
  const orders = ordersCsv(rows);
  const counts = productCountsCsv(rows);
  writeFileSync(join(dir, '整体数据.csv'), SUMMARY);
  writeFileSync(join(dir, 'orders.csv'), orders);
  writeFileSync(join(dir, 'orders-gbk.csv'), gbk(orders));
  writeFileSync(join(dir, 'comments.csv'), commentsCsv(rows));
  writeFileSync(join(dir, 'products.csv'), counts);
  writeFileSync(join(dir, 'products-gbk.csv'), gbk(counts));
  writeFileSync(join(dir, 'product-rates.csv'), productRatesCsv(rows));
  writeFileSync(join(dir, 'orders-untidy.csv'), ordersCsv(rows, true));
  writeFileSync(join(dir, 'products-untidy.csv'), gbk(productCountsCsv(rows, true)));
}
