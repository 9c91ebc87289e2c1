/**
 * The CLI entry loads no heavy module: `--help` and the plain commands must not pay for exceljs,
 * inquirer, the CSV parser, the template engine or the word segmenter.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const HEAVY = [
  '/exceljs/',
  '/@inquirer/',
  '/inquirer/',
  '/papaparse/',
  '/eta/',
  '/@node-rs/jieba',
  '/ora/',
  '/chalk/',
  '/zod/',
];

function loaded(args: string[], name: string, status = 0): string[] {
  const trace = join(tmp.dir, `${name}.txt`);
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/e2e/support/trace-imports.mjs'), BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LIVEOPS_TRACE_IMPORTS: trace, HOME: tmp.dir },
    cwd: tmp.dir,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(status);
  return existsSync(trace) ? readFileSync(trace, 'utf8').trim().split('\n') : [];
}

describe('startup cost', () => {
  it('liveops --help loads no heavy module', () => {
    const urls = loaded(['--help'], 'help');
    expect(urls.some((u) => u.includes('/commander/'))).toBe(true);
    for (const h of HEAVY)
      expect(
        urls.filter((u) => u.includes(h)),
        h,
      ).toEqual([]);
  });

  it('liveops retro --help and script lint --help load no heavy module either', () => {
    for (const args of [
      ['retro', '--help'],
      ['script', 'lint', '--help'],
      ['kpi', '--help'],
    ]) {
      const urls = loaded(args, args.join('-'));
      for (const h of HEAVY)
        expect(
          urls.filter((u) => u.includes(h)),
          `${args.join(' ')} ${h}`,
        ).toEqual([]);
    }
  });

  it('script lint of a Markdown script loads no reader: no exceljs, yauzl, papaparse or table detection', () => {
    // exempt.md plants findings: lint exits 3.
    const urls = loaded(['script', 'lint', join(FIXTURES, 'scripts', 'exempt.md')], 'lint-md', 3);
    expect(urls.some((u) => u.includes('/domain/compliance/lint.js'))).toBe(true);
    for (const h of [...HEAVY, '/yauzl/', '/io/read/tables.js', '/io/read/csv.js', '/io/read/xlsx.js']) {
      expect(
        urls.filter((u) => u.includes(h)),
        h,
      ).toEqual([]);
    }
  });

  it('inspect of a CSV does not load exceljs or yauzl; of an xlsx it does', () => {
    const csv = loaded(['inspect', join(FIXTURES, 'orders.csv')], 'csv');
    expect(csv.filter((u) => u.includes('/exceljs/') || u.includes('/yauzl/'))).toEqual([]);
    const xlsx = loaded(['inspect', join(FIXTURES, 'douyin-products.xlsx')], 'xlsx');
    expect(xlsx.some((u) => u.includes('/exceljs/'))).toBe(true);
    expect(xlsx.some((u) => u.includes('/yauzl/'))).toBe(true);
  });
});
