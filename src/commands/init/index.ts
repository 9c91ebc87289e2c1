/**
 * `liveops init [dir]`: a commented config file and copies of the default templates to edit.
 * Never overwrites a file without --force.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { renderConfigYaml } from '../../config/config-file.js';
import type { Context } from '../../context.js';
import { errnoCode, UsageError, WriteError } from '../../errors.js';
import { OutputExistsError, writeFileAtomic } from '../../io/write/atomic.js';
import { BUILTIN_TEMPLATES } from '../../io/write/output.js';
import { initText } from '../../i18n/messages.js';
import { logger } from '../../ui/terminal.js';

export const CONFIG_FILE = 'liveops.config.yaml';

export async function runInit(ctx: Context, opts: { dir?: string | undefined }): Promise<number> {
  const dir = resolve(ctx.cwd, opts.dir ?? '.');
  if (existsSync(dir) && !(await import('node:fs')).statSync(dir).isDirectory()) {
    throw new WriteError(relative(ctx.cwd, dir) || dir, 'ENOTDIR');
  }
  const templates = (await readdir(BUILTIN_TEMPLATES)).filter((n) => !n.startsWith('.')).sort();
  const targets = [join(dir, CONFIG_FILE), ...templates.map((n) => join(dir, 'templates', n))];
  // Refuse before writing anything, so a half-initialised folder never happens.
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length && !ctx.force) {
    const [first, ...others] = existing.map((e) => relative(ctx.cwd, e) || e);
    throw new OutputExistsError(first!, others);
  }
  // All or nothing: when one write fails (full disk, read-only folder), what this run wrote before
  // it is removed again, so the folder is never left half-initialised.
  const made = await mkdir(join(dir, 'templates'), { recursive: true }).catch((e: unknown) => {
    throw new WriteError(relative(ctx.cwd, join(dir, 'templates')), errnoCode(e) ?? 'EIO', (e as Error).message);
  });
  const written: string[] = [];
  try {
    written.push(
      await writeFileAtomic(targets[0]!, renderConfigYaml({ lang: ctx.lang, templatesDir: 'templates' }), {
        force: ctx.force,
      }),
    );
    for (const n of templates) {
      written.push(
        await writeFileAtomic(join(dir, 'templates', n), await readFile(join(BUILTIN_TEMPLATES, n)), {
          force: ctx.force,
        }),
      );
    }
  } catch (e) {
    if (!ctx.force) await Promise.all(written.map((w) => rm(w, { force: true })));
    if (made) await rm(made, { recursive: true, force: true });
    throw e;
  }
  const shown = written.map((w) => relative(ctx.cwd, w) || w);
  if (ctx.json) {
    ctx.term.stdout.write(`${JSON.stringify({ outputs: shown })}\n`);
  } else {
    const m = initText[ctx.lang];
    ctx.term.stdout.write(`${m.done}\n${shown.map((s) => `  ${s}`).join('\n')}\n${m.next}\n`);
  }
  logger(ctx.term).debug(`templates copied from ${BUILTIN_TEMPLATES}`);
  return 0;
}
