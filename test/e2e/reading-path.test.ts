/**
 * Every figure the reading path gives on 10 k-row untidy inputs, against the figures the reader
 * before issue 19's faster path gave on the same inputs (test/e2e/golden/reading-path/, written
 * by commit 0b0c628's code). A faster path that moves one figure, one problem or one warning
 * fails here, naming the command and the first difference.
 *
 * To write the goldens again (only when a figure is meant to change, and say why in the commit):
 *   LIVEOPS_UPDATE_GOLDEN=1 npx vitest run test/e2e/reading-path.test.ts --project utc
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { liveops, ROOT, tempDir } from './run.js';
import { writeVariedInputs } from './support/varied-inputs.js';

const GOLDEN = join(ROOT, 'test', 'e2e', 'golden', 'reading-path');
const UPDATE = process.env.LIVEOPS_UPDATE_GOLDEN === '1';
const NOW = { LIVEOPS_NOW: '2026-11-28T10:00:00+08:00' };

const CASES: Array<{ name: string; args: string[]; out?: string }> = [
  {
    name: 'retro-orders-comments',
    args: ['retro', '整体数据.csv', 'orders.csv', 'comments.csv', '--format', 'json', '-o', 'out.json'],
    out: 'out.json',
  },
  {
    name: 'retro-orders-gbk',
    args: ['retro', '整体数据.csv', 'orders-gbk.csv', '--format', 'json', '-o', 'out.json'],
    out: 'out.json',
  },
  {
    name: 'select-counts-rates',
    args: ['select', 'products.csv', 'product-rates.csv', '--week', '2026-W47', '--format', 'json', '-o', 'out.json'],
    out: 'out.json',
  },
  {
    name: 'select-counts-gbk',
    args: ['select', 'products-gbk.csv', '--week', '2026-W47', '--format', 'json', '-o', 'out.json'],
    out: 'out.json',
  },
  {
    name: 'inspect',
    args: ['inspect', 'orders.csv', 'orders-gbk.csv', 'orders-untidy.csv', 'products-untidy.csv', '--json'],
  },
  { name: 'retro-untidy', args: ['retro', '整体数据.csv', 'orders-untidy.csv', '--format', 'json', '-o', 'out.json'] },
  {
    name: 'select-untidy',
    args: [
      'select',
      'products-untidy.csv',
      'product-rates.csv',
      '--week',
      '2026-W47',
      '--format',
      'json',
      '-o',
      'out.json',
    ],
    out: 'out.json',
  },
];

let work: ReturnType<typeof tempDir>;
beforeAll(() => {
  work = tempDir();
  writeVariedInputs(work.dir);
});
afterAll(() => work.cleanup());

/** What a run gave, with the temporary folder's path taken out. */
function outcome(args: string[], out?: string): string {
  const r = liveops([...args, '--force'], { cwd: work.dir, env: NOW });
  const strip = (s: string): string => s.split(work.dir).join('<dir>');
  const written =
    out && existsSync(join(work.dir, out)) ? JSON.parse(strip(readFileSync(join(work.dir, out), 'utf8'))) : null;
  const stdout = written
    ? strip(r.stdout)
    : r.stdout.trim().startsWith('{')
      ? JSON.parse(strip(r.stdout))
      : strip(r.stdout);
  return JSON.stringify({ code: r.code, stdout, stderr: strip(r.stderr), written }, null, 1) + '\n';
}

describe('the reading path gives the same figures as before on 10 k-row untidy inputs', () => {
  it.each(CASES)('$name', ({ name, args, out }) => {
    const got = outcome(args, out);
    const file = join(GOLDEN, `${name}.json`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, got);
    }
    expect(got).toBe(readFileSync(file, 'utf8'));
  });
});
