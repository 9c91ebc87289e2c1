// npm run stress: the runs that once ended with exit 0 and nothing written (issue 14), repeated
// until a lost wake-up would show. retro, select and inspect on generated 250 k-row comments,
// orders and product CSVs, UTF-8 and GBK, each run 20 times, two at a time so both cores are
// busy. Every run must exit 0 or 3 and leave its output file; anything else is a failure.
//
//   npm run stress                      everything (a few minutes on 2 cores)
//   npm run stress -- --runs 5 --rows 50000
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COMMENTS_HEADER,
  commentLine,
  gbkEncoder,
  ORDERS_HEADER,
  orderLine,
  PRODUCTS_HEADER,
  productRow,
  SUMMARY_CSV,
  writeLines,
} from './lib/inputs.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'stress');
const BIN = join(ROOT, 'bin', 'liveops.js');

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ROWS = arg('rows', 250_000);
const RUNS = arg('runs', 20);
const PARALLEL = arg('parallel', 2);

mkdirSync(OUT, { recursive: true });
const t0 = Date.now();
const gbk = await gbkEncoder();
const productLine = (i) => productRow(i, 1000).join(',');
for (const [name, header, line] of [
  ['comments', COMMENTS_HEADER, commentLine],
  ['orders', ORDERS_HEADER, orderLine],
  ['products', PRODUCTS_HEADER, productLine],
]) {
  await writeLines(join(OUT, `${name}.csv`), header, ROWS, line);
  await writeLines(join(OUT, `${name}-gbk.csv`), header, ROWS, line, gbk);
}
writeFileSync(join(OUT, '整体数据.csv'), SUMMARY_CSV);
console.log(`inputs: ${ROWS.toLocaleString('en-US')} rows each, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

/** Each case: a command line with OUTPUT where its output goes. */
const CASES = [];
for (const enc of ['', '-gbk']) {
  const e = enc ? 'GBK' : 'UTF-8';
  CASES.push([
    `retro comments (${e})`,
    ['retro', '整体数据.csv', `comments${enc}.csv`, '--format', 'json', '-o', 'OUTPUT.json'],
  ]);
  CASES.push([
    `retro orders (${e})`,
    ['retro', '整体数据.csv', `orders${enc}.csv`, '--format', 'json', '-o', 'OUTPUT.json'],
  ]);
  // A comments file next to the product files, as a selector's week folder has.
  CASES.push([
    `select products + comments (${e})`,
    [
      'select',
      `products${enc}.csv`,
      `comments${enc}.csv`,
      '--week',
      '2026-W47',
      '--format',
      'json',
      '-o',
      'OUTPUT.json',
    ],
  ]);
  CASES.push([`inspect comments (${e})`, ['inspect', `comments${enc}.csv`, '-o', 'OUTPUT.json']]);
  CASES.push([`inspect orders (${e})`, ['inspect', `orders${enc}.csv`, '-o', 'OUTPUT.json']]);
  CASES.push([`inspect products (${e})`, ['inspect', `products${enc}.csv`, '-o', 'OUTPUT.json']]);
}

const jobs = [];
for (const [name, argv] of CASES) for (let i = 1; i <= RUNS; i++) jobs.push({ name, argv, i });

function runJob(job, slot) {
  const output = join('runs', `${job.name.replace(/[^a-zA-Z0-9]+/g, '-')}-${job.i}`);
  rmSync(join(OUT, `${output}.json`), { force: true });
  const argv = job.argv.map((a) => a.replace('OUTPUT', output));
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: OUT,
      env: { ...process.env, NO_COLOR: '1', LIVEOPS_HISTORY: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const written = existsSync(join(OUT, `${output}.json`));
      const ok = (code === 0 || code === 3) && written;
      resolve({
        ...job,
        slot,
        code,
        signal,
        written,
        ok,
        seconds: (Date.now() - started) / 1000,
        stderr: stderr.slice(0, 1000),
      });
    });
  });
}

mkdirSync(join(OUT, 'runs'), { recursive: true });
const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: PARALLEL }, async (_, slot) => {
    while (next < jobs.length) {
      const r = await runJob(jobs[next++], slot);
      results.push(r);
      if (!r.ok)
        console.log(
          `FAIL ${r.name} #${r.i}: exit ${r.code}${r.signal ? ` (${r.signal})` : ''}, output ${r.written ? 'written' : 'NOT written'}\n${r.stderr}`,
        );
    }
  }),
);

console.log(`\n${'case'.padEnd(36)} ${'runs'.padStart(5)} ${'ok'.padStart(5)} ${'median s'.padStart(9)}`);
for (const [name] of CASES) {
  const rs = results.filter((r) => r.name === name);
  const secs = rs.map((r) => r.seconds).sort((a, b) => a - b);
  console.log(
    `${name.padEnd(36)} ${String(rs.length).padStart(5)} ${String(rs.filter((r) => r.ok).length).padStart(5)} ${secs[Math.floor(secs.length / 2)].toFixed(2).padStart(9)}`,
  );
}
rmSync(join(OUT, 'runs'), { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
console.log(`\nstress: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
