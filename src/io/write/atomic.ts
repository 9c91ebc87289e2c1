/**
 * Every output file goes through here: written to a temp file in the target folder, then moved into
 * place in one step, so a crash or a bad input never leaves a half-written file. An existing file
 * is kept unless `force` is set; without force the move is a hard link, which fails if another
 * process created the target meanwhile (two cron runs at once cannot clobber each other).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { link, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';

const pending = new Set<string>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const f of pending) {
      try {
        unlinkSync(f);
      } catch {
        // already gone
      }
    }
  });
}

export class OutputExistsError extends UsageError {
  constructor(readonly path: string) {
    super(`${path} already exists; pass --force to overwrite it`);
  }
}

export interface WriteOptions {
  force?: boolean;
}

/** Refuse early, before any work, when the target exists and --force was not given. */
export async function assertWritable(target: string, opts: WriteOptions = {}): Promise<void> {
  if (opts.force) return;
  if (existsSync(target)) throw new OutputExistsError(target);
}

/**
 * Write `content` (or let `produce` write the temp file) to `target` atomically. Returns the
 * absolute path written.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array | ((tempPath: string) => Promise<void>),
  opts: WriteOptions = {},
): Promise<string> {
  const abs = resolve(target);
  await assertWritable(abs, opts);
  const dir = dirname(abs);
  await mkdir(dir, { recursive: true });
  try {
    if ((await stat(abs)).isDirectory()) throw new UsageError(`${target} is a directory; give a file name to write`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  const temp = join(dir, `.${basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  installCleanup();
  pending.add(temp);
  try {
    if (typeof content === 'function') await content(temp);
    else await writeFile(temp, content);
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
    return abs;
  } finally {
    await unlink(temp).catch(() => undefined);
    pending.delete(temp);
  }
}
