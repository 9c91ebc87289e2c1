/**
 * Writing a command's report: one model, rendered to xlsx / csv / md / json, from the team's
 * template or the built-in one, always through the atomic writer.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from './atomic.js';
import { neutralizeFormula } from './cells.js';
import { lookup } from './model-path.js';
import { renderTextTemplate } from './text-template.js';

export type OutputFormat = 'xlsx' | 'csv' | 'md' | 'json';
export const OUTPUT_FORMATS: OutputFormat[] = ['xlsx', 'csv', 'md', 'json'];

/** Built-in templates ship in the package's templates/ folder (beside src/ and dist/). */
export const BUILTIN_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../templates');

export function formatFromPath(path: string): OutputFormat | null {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'markdown') return 'md';
  return (OUTPUT_FORMATS as string[]).includes(ext) ? (ext as OutputFormat) : null;
}

/** A path as shown to the user: relative to `cwd` when it lies below it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}

/** The format asked for: `--format`, else the extension of `-o`, else xlsx. */
export function outputFormat(asked: OutputFormat | undefined, out: string | undefined): OutputFormat {
  return asked ?? (out ? (formatFromPath(out) ?? 'xlsx') : 'xlsx');
}

/** Whether `-o` names a folder: it ends in a path separator or is an existing directory. */
export async function isFolderArg(cwd: string, out: string): Promise<boolean> {
  return out.endsWith('/') || out.endsWith(sep) || (await stat(resolve(cwd, out)).catch(() => null))?.isDirectory() === true;
}

/**
 * Where a report goes: `-o file`, or `fileName` in the folder `-o` names (default: here). A path
 * without an output extension (.xlsx, .csv, .md, .json) is taken as a folder too.
 */
export async function reportTarget(cwd: string, out: string | undefined, fileName: string): Promise<string> {
  const arg = out ?? '.';
  const folder = (await isFolderArg(cwd, arg)) || !formatFromPath(arg);
  return folder ? join(resolve(cwd, arg), fileName) : resolve(cwd, arg);
}

/** Template file names: `<name>.xlsx` and `<name>.md.eta`, English variants `<name>.en.xlsx`. */
export function templateFileName(name: string, format: 'xlsx' | 'md', lang: 'zh' | 'en'): string {
  const suffix = format === 'xlsx' ? '.xlsx' : '.md.eta';
  return lang === 'en' ? `${name}.en${suffix}` : `${name}${suffix}`;
}

/**
 * The template to use: --template, else the team's templates folder (config `templatesDir`),
 * else the built-in one. English looks for the `.en` variant first in each place.
 */
export function findTemplate(
  name: string,
  format: 'xlsx' | 'md',
  opts: { override?: string | undefined; templatesDir?: string | null; lang: 'zh' | 'en'; cwd: string },
): string {
  if (opts.override) {
    const p = resolve(opts.cwd, opts.override);
    if (!existsSync(p)) throw new UsageError(`template not found: ${opts.override}`);
    return p;
  }
  const names = opts.lang === 'en' ? [templateFileName(name, format, 'en'), templateFileName(name, format, 'zh')] : [templateFileName(name, format, 'zh')];
  for (const dir of [opts.templatesDir, BUILTIN_TEMPLATES]) {
    if (!dir) continue;
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  throw new Error(`built-in template ${names[0]} is missing from ${BUILTIN_TEMPLATES}`);
}

export interface CsvTable {
  /** Path of the list in the model, e.g. "eliminate". */
  list: string;
  columns: Array<{ path: string; header: string }>;
}

function csvCell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  // Rates and scores keep 6 decimals in CSV (0.0802676, not 0.0802675585284281): rounding is the writer's job.
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6) : null;
  if (Array.isArray(v)) return neutralizeFormula(v.join(', '));
  if (typeof v === 'object') return neutralizeFormula(JSON.stringify(v));
  return neutralizeFormula(String(v));
}

/** UTF-8 with BOM (so Excel shows Chinese), RFC 4180 quoting, CRLF, formula-safe text. */
export async function renderCsv(model: object, table: CsvTable): Promise<string> {
  const list = lookup(model, table.list);
  const rows = list.found && Array.isArray(list.value) ? (list.value as object[]) : [];
  const { stringify } = await import('csv-stringify/sync');
  const records = rows.map((r) => table.columns.map((c) => {
    const v = lookup(r, c.path);
    return csvCell(v.found ? v.value : null);
  }));
  return stringify([table.columns.map((c) => c.header), ...records], { bom: true, record_delimiter: 'windows', quoted_match: /[\s,"]/ });
}

export interface WriteReportOptions {
  target: string;
  format: OutputFormat;
  model: object;
  /** Template name, e.g. "retro": templates/retro.xlsx, templates/retro.md.eta. */
  template: string;
  templateOverride?: string | undefined;
  templatesDir?: string | null;
  csv?: CsvTable;
  lang: 'zh' | 'en';
  cwd: string;
  force: boolean;
  /** Helpers for text templates (formatting money, rates). */
  helpers?: object;
}

/** Render and write atomically. Returns the absolute path written. */
export async function writeReport(o: WriteReportOptions): Promise<string> {
  const label = (p: string) => displayPath(o.cwd, p);
  switch (o.format) {
    case 'json':
      return writeFileAtomic(o.target, `${JSON.stringify(o.model, null, 2)}\n`, { force: o.force });
    case 'csv': {
      if (!o.csv) throw new UsageError('this command has no CSV output; use .xlsx, .md or .json');
      return writeFileAtomic(o.target, await renderCsv(o.model, o.csv), { force: o.force });
    }
    case 'md': {
      const file = findTemplate(o.template, 'md', { override: o.templateOverride, templatesDir: o.templatesDir ?? null, lang: o.lang, cwd: o.cwd });
      const text = await renderTextTemplate(await readFile(file, 'utf8'), o.model, { file: label(file), helpers: o.helpers ?? {} });
      return writeFileAtomic(o.target, text, { force: o.force });
    }
    case 'xlsx': {
      const file = findTemplate(o.template, 'xlsx', { override: o.templateOverride, templatesDir: o.templatesDir ?? null, lang: o.lang, cwd: o.cwd });
      const { fillXlsxTemplate } = await import('./xlsx-template.js');
      return writeFileAtomic(o.target, (temp) => fillXlsxTemplate(file, o.model, temp, { templateLabel: label(file), modelKind: o.template }), { force: o.force });
    }
  }
}
