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
import { errnoCode, InputError, UsageError, WriteError } from '../../errors.js';

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
  installCleanup();
  pending.add(temp);
  try {
    await mkdir(dir, { recursive: true });
    if ((await stat(abs).catch(() => null))?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
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
    completed.push(abs);
    return abs;
  } catch (e) {
    const code = errnoCode(e);
    if (code && !(e instanceof InputError)) throw new WriteError(target, code, (e as Error).message);
    throw e;
  } finally {
    await unlink(temp).catch(() => undefined);
    pending.delete(temp);
  }
}
