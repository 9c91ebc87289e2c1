#!/usr/bin/env node
// npm run matrix: the history at an MCN's scale (issue 22). Generates 200 accounts × 4 weeks of
// retros (~11 k streams, ~1 M product rows) into a history, written the way a sharded deployment
// writes it: N worker processes, each recording only its own accounts' partitions through liveops's
// own store (one run per stream, as `liveops retro` records). Then runs the weekly report over all
// of it from the history (`retro --weekly --from-history`), measures its time and peak memory, and
// checks its totals against DuckDB querying the same Parquet files. Fails (exit 1) on a difference,
// a peak memory over the bound, or a run that did not write its report.
//
//   npm run matrix                         200 accounts × 4 weeks, 4 writers
//   npm run matrix -- --accounts 20        a smaller matrix
//   npm run matrix -- --keep --dir /tmp/m  keep the history to query it yourself
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './lib/prng.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ACCOUNTS = Number(arg('accounts', 200));
const WORKERS = Number(arg('workers', 4));
/** Four ISO weeks, Monday 2026-10-26 (W44) to Sunday 2026-11-22 (W47): two months' partitions. */
const FIRST_DAY = Date.parse('2026-10-26T00:00:00+08:00');
const DAYS = 28;
const REPORT_WEEK = '2026-W47';
/** Peak RSS the weekly report over the whole matrix may reach (bounded memory: it does not hold the product rows). */
const RSS_BOUND_MIB = Number(arg('rss-bound', 512));
const PLATFORMS = ['douyin', 'taobao', 'kuaishou', 'wechat'];
const CHANNELS = [
  ['推荐feed', false],
  ['直播广场', false],
  ['关注', false],
  ['短视频引流', false],
  ['千川PC版', true],
  ['其他', false],
];

const accountName = (i) => `矩阵账号${String(i + 1).padStart(3, '0')}`;
const round2 = (x) => Math.round(x * 100) / 100;
const pad = (n) => String(n).padStart(2, '0');

/** Beijing wall time of an instant, as the readers write it. */
function beijing(ms) {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+08:00`;
}

function isoWeek(day) {
  const d = new Date(`${day}T00:00:00Z`);
  // The week's Thursday decides its year; its week is the count of weeks from that year's 1 January.
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return `${thursday.getUTCFullYear()}-W${pad(1 + Math.floor((thursday.getTime() - jan1) / (7 * 86400_000)))}`;
}

/** One account's streams: 1–3 a day, ~90 of its 120 products in each. */
function* accountStreams(i) {
  const rand = mulberry32(1000 + i);
  const account = accountName(i);
  const platform = PLATFORMS[i % PLATFORMS.length];
  const catalogue = Array.from({ length: 120 }, (_, k) => ({
    id: `${String(i + 1).padStart(3, '0')}${String(k + 1).padStart(4, '0')}`,
    name: `商品${k + 1}号·${account}`,
    price: 29 + Math.floor(rand() * 300),
    appeal: 0.02 + rand() * 0.12,
  }));
  for (let day = 0; day < DAYS; day++) {
    const n = 1 + Math.floor(rand() * 3);
    for (let s = 0; s < n; s++) {
      const startMs = FIRST_DAY + day * 86400_000 + (10 + s * 5) * 3600_000;
      const durationS = 3 * 3600 + Math.floor(rand() * 3600);
      const start = beijing(startMs);
      const date = start.slice(0, 10);
      const uv = 2000 + Math.floor(rand() * 30000);
      const products = [];
      for (const p of catalogue) {
        if (products.length >= 90 || rand() < 0.25) continue;
        const exposed = Math.floor(uv * (0.05 + rand() * 0.3));
        const clickers = Math.floor(exposed * p.appeal * (0.5 + rand()));
        const buyers = Math.floor(clickers * (0.01 + rand() * 0.12));
        const items = buyers + Math.floor(rand() * buyers * 0.3);
        products.push({ p, exposed, clickers, buyers, items, gmv: round2(items * p.price) });
      }
      const gmv = round2(products.reduce((a, x) => a + x.gmv, 0));
      const buyers = products.reduce((a, x) => a + x.buyers, 0);
      yield {
        account,
        platform,
        start,
        end: beijing(startMs + durationS * 1000),
        date,
        week: isoWeek(date),
        durationS,
        uv,
        pv: Math.floor(uv * (1.4 + rand())),
        gmv,
        buyers,
        orders: buyers + Math.floor(rand() * buyers * 0.1),
        dwell: 40 + Math.floor(rand() * 120),
        products,
        rand,
      };
    }
  }
}

/** A stream as liveops's retro records it: its rows by table, one partition. */
function streamRun(s, version) {
  const key = `${s.platform}|${s.account}|at:${s.start.slice(0, 16)}`;
  const partition = { platform: s.platform, account: s.account, month: s.date.slice(0, 7) };
  const base = { stream_key: key };
  const exposed = s.products.reduce((a, x) => a + x.exposed, 0);
  const clickers = s.products.reduce((a, x) => a + x.clickers, 0);
  let left = s.uv;
  const channels = CHANNELS.map(([name, paid], k) => {
    const uv = k === CHANNELS.length - 1 ? left : Math.floor(left * (0.2 + s.rand() * 0.3));
    left -= uv;
    return { ...base, date: s.date, channel: name, paid, uv, pv: Math.floor(uv * 1.5), gmv: null, orders: null };
  });
  return {
    command: 'retro',
    recordKey: `retro|${key}`,
    recordedAt: new Date(Date.parse(s.end) + 3600_000),
    version,
    inputs: [`matrix/${s.account}/${s.date}.xlsx`],
    partition,
    parts: [
      {
        table: 'streams',
        partition,
        rows: [
          {
            ...base,
            source: 'retro',
            stream_id: null,
            title: `${s.account} ${s.date}`,
            start_time: s.start,
            end_time: s.end,
            date: s.date,
            week: s.week,
            duration_s: s.durationS,
            gmv: s.gmv,
            gmv_field: '成交金额',
            orders: s.orders,
            buyers: s.buyers,
            items_sold: s.products.reduce((a, x) => a + x.items, 0),
            uv: s.uv,
            pv: s.pv,
            avg_dwell_s: s.dwell,
            product_exposed: exposed,
            product_clickers: clickers,
            refund_amount: null,
            paid_spend: round2(s.gmv * 0.08),
            new_followers: Math.floor(s.uv * 0.01),
            new_fan_club: Math.floor(s.uv * 0.002),
            peak_online: Math.floor(s.uv * 0.05),
            view_to_order_rate: null,
            anchor: null,
          },
        ],
      },
      {
        table: 'products',
        partition,
        rows: s.products.map((x) => ({
          ...base,
          date: s.date,
          week: s.week,
          product_id: x.p.id,
          name: x.p.name,
          gmv: x.gmv,
          items_sold: x.items,
          buyers: x.buyers,
          exposed: x.exposed,
          clickers: x.clickers,
        })),
      },
      { table: 'channels', partition, rows: channels },
    ],
  };
}

/** A worker: record the streams of accounts i ≡ shard (mod shards), only their partitions. */
async function worker(history, shard, shards) {
  const { recordRun } = await import(pathToFileURL(join(ROOT, 'dist', 'io', 'history', 'store.js')).href);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  let streams = 0;
  let products = 0;
  for (let i = shard; i < ACCOUNTS; i += shards)
    for (const s of accountStreams(i)) {
      await recordRun(history, streamRun(s, version));
      streams++;
      products += s.products.length;
    }
  process.send({ streams, products });
}

function du(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

async function generate(history) {
  const t0 = Date.now();
  const results = await Promise.all(
    Array.from(
      { length: WORKERS },
      (_, shard) =>
        new Promise((resolve, reject) => {
          const child = fork(fileURLToPath(import.meta.url), [
            '--worker',
            String(shard),
            '--history',
            history,
            ...process.argv.slice(2),
          ]);
          let got = null;
          child.on('message', (m) => (got = m));
          child.on('exit', (code) =>
            code === 0 && got ? resolve(got) : reject(new Error(`writer ${shard} exited ${code}`)),
          );
        }),
    ),
  );
  const streams = results.reduce((a, r) => a + r.streams, 0);
  const products = results.reduce((a, r) => a + r.products, 0);
  return { streams, products, seconds: (Date.now() - t0) / 1000, ...du(history) };
}

function weeklyReport(history, dir) {
  const out = join(dir, 'weekly.json');
  const rssFile = join(dir, 'rss.txt');
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(ROOT, 'scripts', 'bench-rss.mjs')).href,
      join(ROOT, 'bin', 'liveops.js'),
      'retro',
      '--weekly',
      '--from-history',
      '--week',
      REPORT_WEEK,
      '--format',
      'json',
      '-o',
      out,
      '--force',
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        LIVEOPS_HISTORY: history,
        LIVEOPS_BENCH_RSS: rssFile,
        LIVEOPS_NOW: '2026-11-30T09:00:00+08:00',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (Date.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 3) {
    console.error(r.stderr);
    throw new Error(`the weekly report exited ${r.status}`);
  }
  const rssMiB = Number(readFileSync(rssFile, 'utf8').split(' ')[0]) / 1024;
  return { report: JSON.parse(readFileSync(out, 'utf8')), seconds, rssMiB, code: r.status, log: r.stderr.trim() };
}

async function duckdb(history) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const t0 = Date.now();
  const q = async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJS();
  const glob = (t) => `read_parquet('${join(history, t)}/**/*.parquet', hive_partitioning = true)`;
  const [totals] = await q(
    `SELECT count(*) AS streams, sum(gmv) AS gmv, sum(uv) AS uv, sum(pv) AS pv, sum(buyers) AS buyers,
            count(DISTINCT account) AS accounts
       FROM ${glob('streams')} WHERE week = '${REPORT_WEEK}'`,
  );
  const [products] = await q(
    `SELECT count(DISTINCT product_id) AS products, count(*) AS rows, sum(exposed) AS exposed,
            sum(clickers) AS clickers, sum(buyers) AS buyers
       FROM ${glob('products')} WHERE week = '${REPORT_WEEK}'`,
  );
  const [all] = await q(`SELECT count(*) AS streams FROM ${glob('streams')}`);
  const [allProducts] = await q(`SELECT count(*) AS rows FROM ${glob('products')}`);
  return { totals, products, all, allProducts, seconds: (Date.now() - t0) / 1000 };
}

function compare(report, db) {
  const diffs = [];
  const near = (what, got, want, tol = 0.005) => {
    if (got === null || got === undefined || Math.abs(Number(got) - Number(want)) > tol)
      diffs.push(`${what}: report ${got}, DuckDB ${want}`);
  };
  const t = report.totals;
  near('streams', t.streams, db.totals.streams, 0);
  near('GMV', t.gmv, db.totals.gmv, 0.01);
  near('UV', t.uv, db.totals.uv, 0);
  near('PV', t.pv, db.totals.pv, 0);
  near('buyers', t.buyers, db.totals.buyers, 0);
  near('accounts', report.byAccount.length, db.totals.accounts, 0);
  near('products', report.products.length, db.products.products, 0);
  const sum = (k) => report.products.reduce((a, p) => a + (p[k] ?? 0), 0);
  near('product exposures', sum('exposed'), db.products.exposed, 0);
  near('product clickers', sum('clickers'), db.products.clickers, 0);
  near('product buyers', sum('buyers'), db.products.buyers, 0);
  return diffs;
}

async function main() {
  if (process.argv.includes('--worker')) {
    await worker(arg('history'), Number(arg('worker')), WORKERS);
    return;
  }
  const keep = process.argv.includes('--keep');
  const dir = arg('dir', null) ?? mkdtempSync(join(tmpdir(), 'liveops-matrix-'));
  const history = join(dir, 'history');
  rmSync(history, { recursive: true, force: true });
  mkdirSync(history, { recursive: true });
  try {
    const g = await generate(history);
    console.log(
      `matrix: ${ACCOUNTS} accounts × 4 weeks: ${g.streams} streams, ${g.products} product rows, ` +
        `recorded by ${WORKERS} writers in ${g.seconds.toFixed(1)} s (${g.files} files, ${(g.bytes / 2 ** 20).toFixed(1)} MiB)`,
    );
    const w = weeklyReport(history, dir);
    console.log(
      `weekly ${REPORT_WEEK} from the history: ${w.report.totals.streams} streams, ${w.report.products.length} products, ` +
        `${w.seconds.toFixed(1)} s, peak RSS ${w.rssMiB.toFixed(0)} MiB (bound ${RSS_BOUND_MIB} MiB), exit ${w.code}`,
    );
    console.log(`  ${w.log.split('\n').pop()}`);
    const db = await duckdb(history);
    console.log(
      `DuckDB over the same files: ${db.all.streams} streams, ${db.allProducts.rows} product rows in all; ` +
        `${REPORT_WEEK}: ${db.totals.streams} streams, GMV ${Number(db.totals.gmv).toFixed(2)}, ${db.products.products} products ` +
        `(${db.seconds.toFixed(1)} s)`,
    );
    const diffs = compare(w.report, db);
    if (Number(db.all.streams) !== g.streams)
      diffs.push(`streams recorded ${g.streams}, DuckDB reads ${db.all.streams}`);
    if (Number(db.allProducts.rows) !== g.products)
      diffs.push(`product rows recorded ${g.products}, DuckDB reads ${db.allProducts.rows}`);
    if (w.rssMiB > RSS_BOUND_MIB) diffs.push(`peak RSS ${w.rssMiB.toFixed(0)} MiB over the bound ${RSS_BOUND_MIB} MiB`);
    if (diffs.length) {
      console.error(`matrix: FAILED\n  ${diffs.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log('matrix: the weekly report agrees with DuckDB on every total');
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept: ${dir}`);
  }
}

await main();
