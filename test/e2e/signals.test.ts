/**
 * A run stopped mid-write — Ctrl-C (SIGINT), a cron or systemd timeout (SIGTERM), a closed
 * terminal (SIGHUP) — removes its temp file, exits 128 + the signal's number with one line on
 * stderr, and leaves nothing under the output's name. What a SIGKILL leaves (nothing can remove it
 * then) is removed by a later run in that folder once it is an hour old.
 *
 * The write is made slow deterministically: test/helpers/slow-writes.mjs (a `--import` preload)
 * creates the temp file and then holds the write back, so the signal always lands mid-write.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, liveops, ROOT, STACK, tempDir } from './run.js';

const SLOW_WRITES = join(ROOT, 'test', 'helpers', 'slow-writes.mjs');
const TEMP = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;
const tmp = tempDir();
afterAll(() => tmp.cleanup());

beforeAll(() => {
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
  for (const f of ['selection.xlsx', 'douyin-compass-session.xlsx']) copyFileSync(join(FIXTURES, f), join(tmp.dir, f));
});

let n = 0;
/** A fresh output folder name under the test's working folder. */
const outDir = (): { name: string; dir: string } => {
  const name = `out${++n}`;
  return { name, dir: join(tmp.dir, name) };
};

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The temp file seen before the signal was sent. */
  temp: string;
}

/**
 * Runs `liveops args` with writes into `dir` held back; once a temp file whose name contains
 * `match` shows in `dir`, sends `signal` and waits for the run to end.
 */
function interruptMidWrite(args: string[], dir: string, signal: NodeJS.Signals, match = ''): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', SLOW_WRITES, BIN, ...args], {
      cwd: tmp.dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmp.dir,
        NO_COLOR: '1',
        TZ: 'UTC',
        LIVEOPS_TEST_SLOW_DIR: dir,
        LIVEOPS_TEST_SLOW_MATCH: match,
        LIVEOPS_HISTORY: 'off',
        // Before the December schedule's rehearsals, so no warning about them comes before the line tested.
        LIVEOPS_NOW: '2026-11-20T10:00:00+08:00',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let temp = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdout.resume();
    const poll = setInterval(() => {
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        return; // the folder is not there yet
      }
      const t = names.find((f) => TEMP.test(f) && f.includes(match));
      if (t && !temp) {
        temp = t;
        clearInterval(poll);
        child.kill(signal);
      }
    }, 10);
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`no temp file in ${dir} within 20 s; stderr:\n${stderr}`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr, temp });
    });
  });
}

const EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function expectCleanInterrupt(r: Interrupted, signal: NodeJS.Signals, dir: string): void {
  expect(r.temp).toMatch(TEMP);
  expect(r.signal, r.stderr).toBeNull(); // liveops exited itself, after cleaning up
  expect(r.code, r.stderr).toBe(EXIT[signal]);
  expect(r.stderr).toBe(`liveops: interrupted (${signal}); nothing was written\n`);
  expect(r.stderr).not.toMatch(STACK);
  expect(readdirSync(dir)).toEqual([]); // neither the temp file nor the output
}

const RETRO_XLSX = (out: string) => ['retro', 'douyin-compass-session.xlsx', '-o', `${out}/`];
const RETRO_MD = (out: string) => ['retro', 'douyin-compass-session.xlsx', '--format', 'md', '-o', `${out}/`];
const REPEATS = [1, 2, 3, 4, 5];

describe('a signal mid-write', () => {
  it.each(REPEATS)('a SIGINT mid-write that leaves no file: exit 130, one line (run %i of 5)', async () => {
    const out = outDir();
    const r = await interruptMidWrite(RETRO_XLSX(out.name), out.dir, 'SIGINT');
    expectCleanInterrupt(r, 'SIGINT', out.dir);
  });

  it.each(REPEATS)(
    'a SIGTERM (cron or systemd timeout) mid-write leaves no file: exit 143, one line (run %i of 5)',
    async () => {
      const out = outDir();
      const r = await interruptMidWrite(RETRO_XLSX(out.name), out.dir, 'SIGTERM');
      expectCleanInterrupt(r, 'SIGTERM', out.dir);
    },
  );

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'a text report (written whole, not streamed): %s leaves no file',
    async (signal) => {
      const out = outDir();
      const r = await interruptMidWrite(RETRO_MD(out.name), out.dir, signal);
      expectCleanInterrupt(r, signal, out.dir);
    },
  );

  it('with one output already in place, the line names it and it stays; the unfinished one is gone', async () => {
    const out = outDir();
    const args = ['schedule', '--month', '2026-12', '--pool', 'selection.xlsx', '-o', `${out.name}/`];
    const r = await interruptMidWrite(args, out.dir, 'SIGTERM', '.ics.');
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toMatch(/^liveops: interrupted \(SIGTERM\); only these were written: \S+排期表_2026-12\.xlsx\n$/);
    expect(readdirSync(out.dir)).toEqual(['排期表_2026-12.xlsx']);
  });
});

describe('temp files a SIGKILL left behind', () => {
  it('a later run removes liveops temp files older than an hour, and nothing else', () => {
    const out = outDir();
    mkdirSync(out.dir);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const leave = (name: string, mtime?: Date) => {
      writeFileSync(join(out.dir, name), 'half a workbook');
      if (mtime) utimesSync(join(out.dir, name), mtime, mtime);
    };
    leave('.x.xlsx.1234.deadbeef.tmp', twoHoursAgo); // a SIGKILLed run's: removed
    leave('.复盘.md.99.0badf00d.tmp', twoHoursAgo); // also removed
    leave('.y.xlsx.1234.cafebabe.tmp'); // fresh: another run may be writing it
    leave('.notes.tmp', twoHoursAgo); // not liveops's name
    leave('x.xlsx.1234.deadbeef.tmp', twoHoursAgo); // not hidden: not liveops's name
    leave('.x.xlsx.1234.DEADBEEF.tmp', twoHoursAgo); // liveops writes lower-case hex only
    const r = liveops(RETRO_MD(out.name), { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out.dir).sort()).toEqual(
      [
        '.notes.tmp',
        '.x.xlsx.1234.DEADBEEF.tmp',
        '.y.xlsx.1234.cafebabe.tmp',
        'x.xlsx.1234.deadbeef.tmp',
        '复盘_山野户外旗舰店_2026-11-18.md',
      ].sort(),
    );
  });
});

describe('a stop while reading, before anything is written', () => {
  it('SIGTERM while a big comments file is read: exit 143, one line, and with --json one object', async () => {
    const out = outDir();
    const rows = Array.from({ length: 400_000 }, (_, i) => `2026-11-18 20:00:00,观众${i},这个多少钱有没有优惠`).join(
      '\n',
    );
    writeFileSync(join(tmp.dir, 'big-comments.csv'), `评论时间,昵称,评论内容\n${rows}\n`);
    const child = spawn(
      process.execPath,
      [BIN, '--json', 'retro', 'douyin-compass-session.xlsx', 'big-comments.csv', '-o', `${out.name}/`],
      {
        cwd: tmp.dir,
        env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, TZ: 'UTC', NO_COLOR: '1', LIVEOPS_HISTORY: 'off' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    setTimeout(() => child.kill('SIGTERM'), 1500);
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code, stderr).toBe(143);
    expect(stderr).toBe('liveops: interrupted (SIGTERM); nothing was written\n');
    expect(JSON.parse(stdout).error).toMatchObject({ code: 'cancelled', exit: 143 });
  });
});
