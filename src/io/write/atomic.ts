/**
 * Every output file goes through here: written to a temp file in the target folder, then moved into
 * place in one step, so a crash or a bad input never leaves a half-written file. An existing file
 * is kept unless `force` is set; without force the move is a hard link, which fails if another
 * process created the target meanwhile (two cron runs at once cannot clobber each other).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { link, lstat, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoCode, InputError, jsonErrorText, UsageError, WriteError } from '../../errors.js';

/** A temp file being written, and what it becomes. */
interface Pending {
  target: string;
  /** Set once the temp file is complete and being moved into place: its inode, to tell afterwards whether the move happened. */
  moving?: { dev: number; ino: number };
}

const pending = new Map<string, Pending>();
let exitHookInstalled = false;

/**
 * Remove every pending temp file, synchronously (this runs from the 'exit' hook and from a signal
 * handler, where nothing asynchronous runs any more). Returns the targets whose move into place had
 * already happened when the signal came: complete files, which stay.
 */
function removePending(): string[] {
  const landed: string[] = [];
  for (const [temp, p] of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone (never created, or moved into place by a rename)
    }
    if (p.moving) {
      // The temp file was complete; a link or rename that ran before the unlink above put it in
      // place whole, one that had not run yet now fails. The target holds our inode iff it ran.
      try {
        const now = statSync(p.target, { throwIfNoEntry: false });
        if (now && now.dev === p.moving.dev && now.ino === p.moving.ino) landed.push(p.target);
      } catch {
        // cannot be looked at (EACCES, ENOTDIR): not ours, then
      }
    }
  }
  pending.clear();
  return landed;
}

/** The conventional exit codes of a process ended by a signal: 128 + its number. */
const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT;

/**
 * Ctrl-C, a cron or systemd timeout (SIGTERM), a closed terminal (SIGHUP) during a write: remove
 * the temp files, say what was (not) written, exit 128 + the signal's number. Node runs no 'exit'
 * hook when a signal kills it, so without this the hidden temp file would stay.
 */
function onSignal(signal: HandledSignal): void {
  // A target can be in both: moved into place, its temp name not yet unlinked.
  const written = [...new Set([...completed, ...removePending()])];
  const what = written.length === 0 ? 'nothing was written' : `only these were written: ${written.join(', ')}`;
  const message = `interrupted (${signal}); ${what}`;
  try {
    process.stderr.write(`liveops: ${message}\n`);
    // --json: stdout still gets its one object.
    if (runWide.json) process.stdout.write(jsonErrorText('cancelled', SIGNAL_EXIT[signal], message));
  } catch {
    // no stderr left (a closed terminal): the exit code still says it
  }
  process.exit(SIGNAL_EXIT[signal]);
}

/** Set by the CLI: the handlers stay for the whole run, so a stop while reading gets its line too. */
const runWide = { on: false, json: false };

/**
 * For the whole run (the CLI calls this once): SIGINT, SIGTERM and SIGHUP end it with one line
 * and 128 + the signal's number also while reading or computing, and with --json one object on
 * stdout. A prompt is unaffected: inquirer reads Ctrl-C as a keypress in raw mode.
 */
export function handleSignalsForRun(opts: { json: boolean }): void {
  runWide.json = opts.json;
  if (runWide.on) return;
  runWide.on = true;
  if (pending.size === 0) for (const s of Object.keys(SIGNAL_EXIT) as HandledSignal[]) process.on(s, onSignal);
}

/**
 * The signal handlers are there only while a temp file exists: at a prompt, or while reading and
 * computing, a signal keeps its default effect (inquirer sees Ctrl-C at a prompt as a keypress
 * anyway, and maps it to ExitPromptError, exit 130 in src/cli.ts).
 */
function track(temp: string, target: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => void removePending());
  }
  if (pending.size === 0 && !runWide.on)
    for (const s of Object.keys(SIGNAL_EXIT) as HandledSignal[]) process.on(s, onSignal);
  pending.set(temp, { target });
}

function untrack(temp: string): void {
  if (!pending.delete(temp)) return;
  if (pending.size === 0 && !runWide.on)
    for (const s of Object.keys(SIGNAL_EXIT) as HandledSignal[]) process.removeListener(s, onSignal);
}

/** liveops's temp names: `.<basename>.<pid>.<8 hex>.tmp`. */
const TEMP_NAME = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;
/** A temp file untouched this long is a leftover (a SIGKILL, a power cut): no write stalls for an hour. */
export const STALE_TEMP_MS = 60 * 60 * 1000;
const swept = new Set<string>();

/**
 * Remove liveops temp files older than an hour from `dir`, once per folder per run: nothing else
 * would ever remove what a SIGKILL left. Fresh ones may be another run's write in progress, and
 * files of any other name are not ours: both stay. Never fails the write.
 */
async function sweepStaleTemps(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const cutoff = Date.now() - STALE_TEMP_MS;
  await Promise.all(
    names
      .filter((n) => TEMP_NAME.test(n))
      .map(async (n) => {
        const file = join(dir, n);
        try {
          const st = await lstat(file);
          if (st.isFile() && st.mtimeMs < cutoff) await unlink(file);
        } catch {
          // gone meanwhile, or not ours to remove (a read-only folder): leave it
        }
      }),
  );
}

export class OutputExistsError extends UsageError {
  /** `others`: more paths that exist too (init's config and templates); `path` is the first. */
  constructor(
    readonly path: string,
    readonly others: readonly string[] = [],
  ) {
    super(
      others.length === 0
        ? `${path} already exists; pass --force to overwrite it`
        : `${path} and ${others.length} more file${others.length === 1 ? '' : 's'} already exist (${[path, ...others].slice(0, 3).join(', ')}${others.length > 2 ? ', …' : ''}); pass --force to overwrite them`,
    );
  }
}

export interface WriteOptions {
  force?: boolean;
}

/** Refuse early, before any work, when the target exists and --force was not given. */
export async function assertWritable(target: string, opts: WriteOptions = {}): Promise<void> {
  if (opts.force) {
    // --force replaces a file liveops (or a person) wrote, never a link, a pipe or a device.
    const st = await lstat(target).catch(() => null);
    if (st && !st.isFile() && !st.isDirectory()) {
      const what = st.isSymbolicLink()
        ? 'a symbolic link'
        : st.isFIFO()
          ? 'a named pipe (FIFO)'
          : st.isSocket()
            ? 'a socket'
            : 'a device';
      throw new UsageError(`${target} is ${what}, not a file: --force replaces only regular files; choose another -o`);
    }
    return;
  }
  if (existsSync(target)) throw new OutputExistsError(target);
}

/** Files this process has moved into place, in order (for the message when a run cannot finish). */
const completed: string[] = [];
export function writtenSoFar(): readonly string[] {
  return completed;
}

/**
 * Write `content` (or let `produce` write the temp file) to `target` atomically. Returns the
 * absolute path written. A file-system failure (full disk, read-only or foreign folder, a file
 * where a folder should be) is a WriteError naming `target`; the temp file is removed and nothing
 * appears under the target's name.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array | ((tempPath: string) => Promise<void>),
  opts: WriteOptions = {},
): Promise<string> {
  const abs = resolve(target);
  await assertWritable(abs, opts);
  const dir = dirname(abs);
  const temp = join(dir, `.${basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await sweepStaleTemps(dir);
  track(temp, abs);
  try {
    await mkdir(dir, { recursive: true });
    if ((await stat(abs).catch(() => null))?.isDirectory())
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (typeof content === 'function') await content(temp);
    else await writeFile(temp, content);
    const written = await stat(temp);
    const p = pending.get(temp);
    if (p) p.moving = { dev: written.dev, ino: written.ino };
    if (opts.force) {
      await rename(temp, abs);
    } else {
      try {
        await link(temp, abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputExistsError(target);
        // Filesystems without hard links: check, then move.
        if (existsSync(abs)) throw new OutputExistsError(target);
        await rename(temp, abs);
      }
    }
    completed.push(abs);
    return abs;
  } catch (e) {
    const code = errnoCode(e);
    if (code && !(e instanceof InputError)) throw new WriteError(target, code, (e as Error).message);
    throw e;
  } finally {
    await unlink(temp).catch(() => undefined);
    untrack(temp);
  }
}
