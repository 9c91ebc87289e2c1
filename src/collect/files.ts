/**
 * Folders and files on the command line → the export files to read.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { NotUsed } from '../model/not-used.js';

export const EXPORT_EXT = new Set(['.csv', '.xlsx', '.tsv', '.txt']);

export const isExportName = (n: string) =>
  EXPORT_EXT.has(extname(n).toLowerCase()) && !n.startsWith('.') && !n.startsWith('~$');

/** Export files in a folder (not its subfolders), sorted. */
export async function exportsIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter(isExportName).sort();
}

/**
 * Files and folders → the files to read (folders give their export files; other files in a
 * folder are listed as ignored). A path that does not exist is a usage error.
 */
export async function expandInputs(cwd: string, inputs: string[]): Promise<{ files: string[]; ignored: NotUsed[] }> {
  const files: string[] = [];
  const ignored: NotUsed[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const st = await stat(abs).catch(() => null);
    if (!st) throw new UsageError(`${input}: no such file or folder`);
    if (!st.isDirectory()) {
      files.push(input);
      continue;
    }
    for (const name of (await readdir(abs)).sort()) {
      if (name.startsWith('.')) continue;
      const child = join(input, name);
      const cst = await stat(join(abs, name)).catch(() => null);
      if (!cst?.isFile()) continue;
      if (isExportName(name) && extname(name).toLowerCase() !== '.txt') files.push(child);
      else ignored.push({ file: child, sheet: null, why: 'not-an-export' });
    }
  }
  return { files, ignored };
}
