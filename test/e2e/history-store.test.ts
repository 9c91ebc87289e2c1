/**
 * The history holds up like the rest of liveops: two runs at once both land and neither waits for
 * the other (there is no lock to wait on); a run killed mid-write leaves the history as it was; a
 * damaged file is reported and skipped, never a crash; an account's name never builds a path outside
 * the history's folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAll, partitionDir, partitionOfFolder, partitionValue } from '../../src/io/history/store.js';
import type { SkippedFile } from '../../src/model/history.js';
import { FIXTURES, liveops, ROOT, STACK, tempDir } from './run.js';

const WRITER = join(ROOT, 'test', 'e2e', 'support', 'history-writer.mjs');
const KEY = 'retro|douyin|山野户外旗舰店|at:2026-11-18T20:00';

let tmp: ReturnType<typeof tempDir>;
let root: string;
beforeEach(() => {
  tmp = tempDir();
  root = join(tmp.dir, 'h');
});
afterEach(() => tmp.cleanup());

function writer(key: string, marker: string, rows: number, runs = 1): Promise<{ code: number | null; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [WRITER, root, key, marker, String(rows), String(runs)], { stdio: 'pipe' });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => done({ code, err }));
  });
}

async function table(name: 'streams' | 'products' | 'alerts' | 'runs', skipped: SkippedFile[] = []) {
  return readAll(root, name, {}, skipped);
}

/** What the history holds for a record: one whole run, or nothing — never rows of two runs, never part of one. */
async function wholeRun(key: string): Promise<string | null> {
  const streams = (await table('streams')).filter((r) => r.record_key === key);
  const products = (await table('products')).filter((r) => r.record_key === key);
  const alerts = (await table('alerts')).filter((r) => r.record_key === key);
  if (streams.length === 0) {
    expect(products).toHaveLength(0);
    expect(alerts).toHaveLength(0);
    return null;
  }
  expect(streams).toHaveLength(1);
  const marker = String(streams[0]!.title);
  expect(products).toHaveLength(Number(streams[0]!.gmv));
  expect(new Set(products.map((p) => p.name))).toEqual(new Set([marker]));
  expect(alerts.map((a) => a.subject)).toEqual([marker]);
  return marker;
}

describe('two runs at once', () => {
  it('cron and an operator recording different streams at once: both land, whole', async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `retro|douyin|山野户外旗舰店|at:2026-11-1${i}T20:00`);
    const results = await Promise.all(keys.map((k, i) => writer(k, `w${i}`, 2000)));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    for (const [i, k] of keys.entries()) expect(await wholeRun(k)).toBe(`w${i}#0`);
    expect(await table('runs')).toHaveLength(6);
  });

  it('six processes re-recording the same stream at once: one whole run is read, never two doubled', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => writer(KEY, `same${i}`, 500, 3)));
    expect(results.every((r) => r.code === 0)).toBe(true);
    const marker = await wholeRun(KEY);
    expect(marker).toMatch(/^same\d#\d$/);
    // A later run of the record, alone, leaves just its own files.
    await writer(KEY, 'last', 10);
    expect(await wholeRun(KEY)).toBe('last#0');
    const dir = partitionDir(root, 'products', { platform: 'douyin', account: '山野户外旗舰店', month: '2026-11' });
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('two liveops commands at once (an import and a retro) both record', async () => {
    const env = { LIVEOPS_HISTORY: root, NO_COLOR: '1', PATH: process.env.PATH ?? '', HOME: tmp.dir, TZ: 'UTC' };
    const run = (args: string[]) =>
      new Promise<number | null>((done) => {
        const p = spawn(process.execPath, [join(ROOT, 'bin', 'liveops.js'), ...args], {
          cwd: tmp.dir,
          env,
          stdio: 'ignore',
        });
        p.on('exit', done);
      });
    const codes = await Promise.all([
      run(['history', 'import', join(FIXTURES, 'douyin-live-list.xlsx')]),
      run(['retro', join(FIXTURES, 'douyin-compass-session.xlsx'), '-o', join(tmp.dir, 'r.json')]),
    ]);
    expect(codes).toEqual([0, 0]);
    const commands = (await table('runs')).map((r) => r.command);
    expect(commands).toContain('retro');
    expect(commands).toContain('import');
  });
});

describe('a run killed mid-write', () => {
  it('leaves the history as it was: the earlier run whole, or the new one whole, never part of one', async () => {
    expect((await writer(KEY, 'before', 300)).code).toBe(0);
    // Kill a writer of 200,000 product rows at several moments of its write.
    for (const delay of [120, 250, 400, 550, 700, 900]) {
      const p = spawn(process.execPath, [WRITER, root, KEY, `killed${delay}`, '200000'], { stdio: 'ignore' });
      const exited = new Promise((r) => p.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      p.kill('SIGKILL');
      await exited;
      const marker = await wholeRun(KEY);
      expect(marker === 'before#0' || /^killed\d+#0$/.test(String(marker))).toBe(true);
    }
    // At least one kill landed mid-write: it left files of a run that never committed, which are not read.
    const runId = (f: string) => /\.(\d{13}-[0-9a-f]{8})\./.exec(f)?.[1];
    const all = spawnSync('find', [root, '-type', 'f'], { encoding: 'utf8' }).stdout.trim().split('\n');
    const committed = new Set(all.filter((f) => f.includes(`${sep}runs${sep}`)).map(runId));
    expect(all.filter((f) => !committed.has(runId(f))).length).toBeGreaterThan(0);
  });

  it('files a killed run left are not read; after a minute they are reported as an incomplete run', async () => {
    expect((await writer(KEY, 'before', 5)).code).toBe(0);
    const dir = partitionDir(root, 'products', { platform: 'douyin', account: '山野户外旗舰店', month: '2026-11' });
    const [name] = readdirSync(dir);
    // A later run's products file, without its runs file (the commit): killed between two moves.
    const orphan = join(
      dir,
      name!.replace(/\.(\d{13})-/, (_, ms) => `.${String(Number(ms) + 1000)}-`),
    );
    writeFileSync(orphan, 'PAR1 half written');
    let skipped: SkippedFile[] = [];
    await table('products', skipped);
    expect(skipped).toEqual([]);
    expect(await wholeRun(KEY)).toBe('before#0');
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(orphan, old, old);
    skipped = [];
    await table('products', skipped);
    expect(skipped).toEqual([{ file: orphan, reason: 'incomplete run (killed before it finished): not read' }]);
  });
});

describe('a damaged file', () => {
  it('is reported with why and skipped; the other files are read', async () => {
    await writer(KEY, 'a', 5);
    await writer(KEY.replace('18', '19'), 'b', 5);
    const dir = partitionDir(root, 'products', { platform: 'douyin', account: '山野户外旗舰店', month: '2026-11' });
    const [first] = readdirSync(dir).sort();
    truncateSync(join(dir, first!), Math.floor(statSync(join(dir, first!)).size / 2));
    const skipped: SkippedFile[] = [];
    const rows = await table('products', skipped);
    expect(rows).toHaveLength(5);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.file).toBe(join(dir, first!));
    expect(skipped[0]!.reason).toMatch(/^cannot be read: /);
  });

  it('a retro over a history with a damaged streams file names it in its summary and still writes, no trace', () => {
    const env = { LIVEOPS_HISTORY: root, LIVEOPS_NOW: '2026-11-19T10:00:00+08:00' };
    expect(liveops(['history', 'import', join(FIXTURES, 'douyin-live-list.xlsx')], { cwd: tmp.dir, env }).code).toBe(0);
    const streams = join(root, 'streams');
    const files = spawnSync('find', [streams, '-name', '*.parquet'], { encoding: 'utf8' }).stdout.trim().split('\n');
    writeFileSync(files[0]!, 'not parquet at all');
    const r = liveops(['retro', join(FIXTURES, 'douyin-compass-session.xlsx'), '-o', 'r.json'], { cwd: tmp.dir, env });
    expect(r.stderr + r.stdout).not.toMatch(STACK);
    expect([0, 3]).toContain(r.code);
    expect(existsSync(join(tmp.dir, 'r.json'))).toBe(true);
    expect(r.stdout).toContain(relative(tmp.dir, files[0]!));
  });
});

describe('partition folders', () => {
  const names = ['../../etc', 'a/b', '..', '.hidden', '_all', 'C:\\Windows', '100%真', 'x=y', '山野户外旗舰店', ''];
  it.each(names)('account %j stays inside the history and reads back as written', (account) => {
    const dir = partitionDir(root, 'streams', { platform: 'douyin', account, month: '2026-11' });
    const rel = relative(join(root, 'streams'), dir);
    expect(rel.startsWith('..')).toBe(false);
    const parts = rel.split(sep);
    expect(parts).toHaveLength(3);
    expect(partitionOfFolder(parts)).toEqual({
      platform: 'douyin',
      account: account === '' ? '_' : account,
      month: '2026-11',
    });
  });

  it('Chinese stays as it is; a slash, a leading dot and % are escaped the way DuckDB and Spark unescape', () => {
    expect(partitionValue('山野户外旗舰店')).toBe('山野户外旗舰店');
    expect(partitionValue('a/b')).toBe('a%2Fb');
    expect(partitionValue('.hidden')).toBe('%2Ehidden');
    expect(partitionValue('100%')).toBe('100%25');
  });
});
