/**
 * Ctrl-C at a prompt, on a real terminal: util-linux `script` gives liveops a pseudo-terminal, so
 * the prompt is the real one (inquirer in raw mode) and Ctrl-C reaches it as a keypress.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Runs `liveops args` on a pseudo-terminal; once `waitFor` shows, types `keys`. */
function onTerminal(args: string[], waitFor: string, keys: string): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: tmp.dir,
      env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, TERM: 'xterm', TZ: 'UTC' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let typed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt within 30 s; the terminal showed:\n${screen}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      if (!typed && screen.includes(waitFor)) {
        typed = true;
        child.stdin.write(keys);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

describe('Ctrl-C at a prompt', () => {
  it('inspect with no files asks which export; Ctrl-C there exits 130 with one line, no trace', async () => {
    copyFileSync(join(FIXTURES, 'orders.csv'), join(tmp.dir, 'orders.csv'));
    const r = await onTerminal(['inspect'], '选择要识别的导出文件', '\x03');
    expect(r.screen).toContain('orders.csv'); // the picker offered the export in the folder
    expect(r.code).toBe(130);
    expect(r.screen).toContain('liveops: 已取消 (cancelled)');
    expect(r.screen).not.toMatch(STACK);
  });

  it('retro with no files: Ctrl-C at the picker leaves no output file behind', async () => {
    const before = readdirSync(tmp.dir).sort();
    const r = await onTerminal(['retro'], 'orders.csv', '\x03');
    expect(r.code).toBe(130);
    expect(r.screen).toContain('已取消');
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
  });
});

describe('Ctrl-D (end of input) at a prompt', () => {
  it('schedule asks the month; Ctrl-D there is a cancellation (130), never "ended before finishing"', async () => {
    const r = await onTerminal(['schedule'], '排哪个月', '\x04');
    expect(r.code).toBe(130);
    expect(r.screen).toContain('liveops: 已取消 (cancelled)');
    expect(r.screen).not.toMatch(/internal error|ended before finishing/);
    expect(r.screen).not.toMatch(STACK);
  });
});
