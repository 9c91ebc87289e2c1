// The DuckDB anchor of `npm run bench`, dev-only: never a dependency of liveops. It is looked for at
// bench time, in this order:
//   1. the npm package @duckdb/node-api resolvable from bench/.anchors/node_modules (installed by
//      `npm run bench:anchors`, from the npm registry; the engine is a binary inside the package);
//   2. a `duckdb` CLI on PATH.
// Neither there: the bench prints a note and has no DuckDB figure (it never makes one up).
//
// Run as a child, `node scripts/bench-duckdb.mjs <kind> <file>`, it runs the kind's query through
// @duckdb/node-api and prints one JSON line: the engine's version, threads and the query's result
// row (so a run that read nothing is seen). The bench loads it with bench-rss.mjs's hook, so the peak
// RSS it reports is that node child's own (node's own ~45 MB included, as liveops's figure includes it).
//
// The queries are read_csv of the file plus the aggregation the liveops command amounts to, one scan
// each, and one result row (nothing big crosses into JavaScript):
//   orders   (retro):  paid lines grouped by 订单编号 (sum of 实付金额 with its ￥ taken off, items,
//                      first/last 下单时间); then paid orders, GMV and distinct buyers over the orders
//   products (select): grouped by 商品ID (sums of 用户支付金额, 成交人数, 商品曝光人数, 商品点击人数,
//                      rows as streams); then products and the totals
//   comments (retro hotspots): grouped by 评论内容 (messages, distinct 用户ID); then texts, messages
// Extension auto-install and auto-load are switched off, so a query never reaches for the network.
// GBK: DuckDB reads UTF-8, UTF-16 and Latin-1 itself; any other encoding needs the `encodings`
// extension, which is downloaded from DuckDB's own site, not a package registry: not to be had
// offline, so the bench says so instead of a figure. xlsx likewise needs the `excel` extension.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ANCHORS = join(ROOT, 'bench', '.anchors');

const PAID = `NOT regexp_matches(coalesce("订单状态", ''), '待支付|未支付|待付款|未付款|已取消|交易关闭')`;
const money = (col) =>
  `TRY_CAST(replace(replace(replace(CAST("${col}" AS VARCHAR), '￥', ''), '¥', ''), ',', '') AS DECIMAL(18, 2))`;

/** The query for one input, or null when DuckDB cannot read it offline (the reason in `why`). */
export function duckdbQuery(kind, file, encoding) {
  if (kind === 'xlsx')
    return { sql: null, why: 'DuckDB reads xlsx only through its excel extension, a download: not offline' };
  if (encoding !== 'utf-8')
    return { sql: null, why: 'DuckDB has no GBK reader offline (it needs the encodings extension, a download)' };
  const src = `read_csv('${file.replace(/'/g, "''")}', header = true)`;
  const pre = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; ';
  if (kind === 'orders') {
    return {
      sql: `${pre}SELECT count(*) AS paid_orders, sum(amount) AS gmv, sum(items) AS items, count(DISTINCT buyer) AS buyers, min(first) AS first, max(last) AS last FROM (
  SELECT "订单编号", sum(${money('实付金额')}) AS amount, sum("商品数量") AS items, min("下单时间") AS first, max("下单时间") AS last, any_value("买家昵称") AS buyer
  FROM ${src} WHERE ${PAID} GROUP BY "订单编号")`,
    };
  }
  if (kind === 'products') {
    return {
      sql: `${pre}SELECT count(*) AS products, sum(gmv) AS gmv, sum(buyers) AS buyers, sum(exposed) AS exposed, sum(clickers) AS clickers, sum(streams) AS streams FROM (
  SELECT "商品ID", any_value("商品名称") AS name, sum("用户支付金额") AS gmv, sum("成交人数") AS buyers, sum("商品曝光人数") AS exposed, sum("商品点击人数") AS clickers, count(*) AS streams
  FROM ${src} GROUP BY "商品ID")`,
    };
  }
  if (kind === 'comments') {
    return {
      sql: `${pre}SELECT count(*) AS texts, sum(messages) AS messages, max(users) AS most_users FROM (
  SELECT "评论内容", count(*) AS messages, count(DISTINCT "用户ID") AS users FROM ${src} GROUP BY "评论内容")`,
    };
  }
  throw new Error(`no DuckDB query for ${kind}`);
}

/** Where DuckDB is, if anywhere: { via: 'node-api', module } or { via: 'cli', bin } or { via: null, note }. */
export function findDuckdb(prefer = 'auto') {
  if (prefer === 'off') return { via: null, note: 'DuckDB anchor switched off (--duckdb off)' };
  if (prefer !== 'cli') {
    try {
      const module = createRequire(join(ANCHORS, 'package.json')).resolve('@duckdb/node-api');
      return { via: 'node-api', module };
    } catch {
      // not installed there
    }
  }
  if (prefer !== 'node') {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && existsSync(join(dir, 'duckdb'))) return { via: 'cli', bin: join(dir, 'duckdb') };
    }
  }
  return {
    via: null,
    note: 'DuckDB not installed: no @duckdb/node-api in bench/.anchors and no duckdb CLI on PATH; the DuckDB anchor is skipped (`npm run bench:anchors` installs it, dev-only)',
  };
}

// — as a child: run one query through @duckdb/node-api —
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [kind, file] = process.argv.slice(2);
  const found = findDuckdb('node');
  if (found.via !== 'node-api') {
    console.error(found.note);
    process.exit(2);
  }
  const { DuckDBInstance } = await import(pathToFileURL(found.module).href);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const { sql } = duckdbQuery(kind, file, 'utf-8');
  const statements = sql.split(/;\s*(?=SET|SELECT)/);
  for (const s of statements.slice(0, -1)) await con.run(s);
  const rows = (await con.runAndReadAll(statements.at(-1))).getRowObjectsJson();
  const meta = (
    await con.runAndReadAll("SELECT version() AS version, current_setting('threads') AS threads")
  ).getRowObjectsJson()[0];
  console.log(JSON.stringify({ version: meta.version, threads: Number(meta.threads), result: rows[0] }));
}
