/**
 * Spawns bin/liveops.js as a user (or cron) would: no TTY, no colour, a clean environment.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'liveops.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Options for node itself, e.g. ['--import', preload]. */
  nodeArgs?: string[];
  /** A command to run node under, e.g. setpriv dropping root's override of file permissions. */
  prefix?: string[];
}

export function liveops(args: string[], opts: RunOptions = {}): Run {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: opts.cwd ?? tmpdir(),
    NO_COLOR: '1',
    // A test that uses the history gives its own folder (env LIVEOPS_HISTORY): runs never feed each other.
    LIVEOPS_HISTORY: 'off',
    TZ: 'UTC',
  };
  const argv = [...(opts.nodeArgs ?? []), BIN, ...args];
  const [cmd, ...rest] = opts.prefix ? [...opts.prefix, process.execPath, ...argv] : [process.execPath, ...argv];
  const r = spawnSync(cmd!, rest, {
    cwd: opts.cwd ?? ROOT,
    env: { ...env, ...opts.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): { dir: string; files: () => string[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'liveops-e2e-'));
  return { dir, files: () => readdirSync(dir).sort(), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A stack trace in user-facing output is a bug. */
export const STACK = /\n\s+at .+\(.+:\d+:\d+\)|node:internal|Error: .*\n\s+at /;
