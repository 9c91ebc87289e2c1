/**
 * Writing a command's report: one model, rendered to xlsx / csv / md / html / json, from the team's
 * template or the built-in one, always through the atomic writer.
 */
import type { ChartSet, ChartsDrawn } from './xlsx-template.js';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from './atomic.js';
import { neutralizeFormula } from './cells.js';
import { lookup } from './model-path.js';
import { renderTextTemplate } from './text-template.js';

export type OutputFormat = 'xlsx' | 'csv' | 'md' | 'html' | 'json';
export const OUTPUT_FORMATS: OutputFormat[] = ['xlsx', 'csv', 'md', 'html', 'json'];

/** Built-in templates ship in the package's templates/ folder (beside src/ and dist/). */
export const BUILTIN_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../templates');

export function formatFromPath(path: string): OutputFormat | null {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
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

/**
 * The formats a command writes: any other (asked with --format or by -o's extension) is refused,
 * naming those it does write.
 */
export function onlyFormats(format: OutputFormat, writes: readonly OutputFormat[], command: string): void {
  if (writes.includes(format)) return;
  const names = writes.map((f) => `.${f}`);
  const list = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  throw new UsageError(`${command} does not write .${format}: it writes ${list} (use --format ${writes.join('|')})`);
}

/** `-o -`: the report goes to stdout, in the format asked (a workbook only into a pipe or a file). */
export const STDOUT = '-';

/**
 * Whether `-o` names a folder (created if missing): it ends in a path separator, is an existing
 * directory, or has no extension at all (`-o reports`). `-o -` is stdout, not a folder.
 */
export async function isFolderArg(cwd: string, out: string): Promise<boolean> {
  if (out === STDOUT) return false;
  if (out.endsWith('/') || out.endsWith(sep) || extname(out) === '') return true;
  return (await stat(resolve(cwd, out)).catch(() => null))?.isDirectory() === true;
}

/**
 * Where a report goes: `-o file`, `fileName` in the folder `-o` names (default: here), or stdout
 * for `-o -`. A file whose extension is not an output format is refused, naming the ones there are.
 */
export async function reportTarget(cwd: string, out: string | undefined, fileName: string): Promise<string> {
  const arg = out ?? '.';
  if (arg === STDOUT) return STDOUT;
  if (await isFolderArg(cwd, arg)) return join(resolve(cwd, arg), fileName);
  if (!formatFromPath(arg)) throw notAnOutputName(arg);
  return resolve(cwd, arg);
}

/** `-o notes.txt`: neither a file liveops writes nor a folder. */
export function notAnOutputName(arg: string): UsageError {
  return new UsageError(
    `-o ${arg}: not an output file name (.xlsx, .csv, .md, .html or .json) nor a folder; for a folder write ${arg.replace(/\.[^./\\]*$/, '')}/`,
  );
}

export type TemplateFormat = 'xlsx' | 'md' | 'html';

/** Template file names: `<name>.xlsx`, `<name>.md.eta`, `<name>.html.eta`; English variants `<name>.en.xlsx`. */
export function templateFileName(name: string, format: TemplateFormat, lang: 'zh' | 'en'): string {
  const suffix = format === 'xlsx' ? '.xlsx' : `.${format}.eta`;
  return lang === 'en' ? `${name}.en${suffix}` : `${name}${suffix}`;
}

/**
 * The template to use: --template, else the team's templates folder (config `templatesDir`),
 * else the built-in one. English looks for the `.en` variant first in each place.
 */
export function findTemplate(
  name: string,
  format: TemplateFormat,
  opts: { override?: string | undefined; templatesDir?: string | null; lang: 'zh' | 'en'; cwd: string },
): string {
  if (opts.override) {
    const p = resolve(opts.cwd, opts.override);
    if (!existsSync(p)) throw new UsageError(`template not found: ${opts.override}`);
    return p;
  }
  const names =
    opts.lang === 'en'
      ? [templateFileName(name, format, 'en'), templateFileName(name, format, 'zh')]
      : [templateFileName(name, format, 'zh')];
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
  const records = rows.map((r) =>
    table.columns.map((c) => {
      const v = lookup(r, c.path);
      return csvCell(v.found ? v.value : null);
    }),
  );
  return stringify([table.columns.map((c) => c.header), ...records], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\s,"]/,
  });
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
  /** Helpers for text templates (formatting money, rates); an HTML template also has chart() and style(). */
  helpers?: object;
  /**
   * The charts an xlsx template may place with `{{chart:name}}` (an HTML one with
   * `<%~ it.h.chart('name') %>`), and what came of drawing them.
   */
  charts?: ChartSet;
  onCharts?: (drawn: ChartsDrawn) => void;
}

/** Render and write atomically. Returns the absolute path written, or "-" for stdout. */
export async function writeReport(o: WriteReportOptions): Promise<string> {
  if (o.target === STDOUT) return writeToStdout(o);
  const label = (p: string) => displayPath(o.cwd, p);
  switch (o.format) {
    case 'json':
      return writeFileAtomic(o.target, `${JSON.stringify(o.model, null, 2)}\n`, { force: o.force });
    case 'csv': {
      if (!o.csv) throw new UsageError('this command has no CSV output; use .xlsx, .md or .json');
      return writeFileAtomic(o.target, await renderCsv(o.model, o.csv), { force: o.force });
    }
    case 'md': {
      const file = templateOf(o, 'md');
      const text = await renderTextTemplate(await readFile(file, 'utf8'), o.model, {
        file: label(file),
        helpers: o.helpers ?? {},
      });
      return writeFileAtomic(o.target, text, { force: o.force });
    }
    case 'html': {
      const file = templateOf(o, 'html');
      const { renderHtmlReport } = await import('./html.js');
      const text = await renderHtmlReport(await readFile(file, 'utf8'), o.model, {
        file: label(file),
        helpers: o.helpers ?? {},
        lang: o.lang,
        ...(o.charts ? { charts: o.charts } : {}),
        ...(o.onCharts ? { onCharts: o.onCharts } : {}),
      });
      return writeFileAtomic(o.target, text, { force: o.force });
    }
    case 'xlsx': {
      const file = templateOf(o, 'xlsx');
      const { fillXlsxTemplate } = await import('./xlsx-template.js');
      return writeFileAtomic(
        o.target,
        (temp) =>
          fillXlsxTemplate(file, o.model, temp, {
            templateLabel: label(file),
            modelKind: o.template,
            ...(o.charts ? { charts: o.charts } : {}),
            ...(o.onCharts ? { onCharts: o.onCharts } : {}),
          }),
        { force: o.force },
      );
    }
  }
}

function templateOf(o: WriteReportOptions, format: TemplateFormat): string {
  return findTemplate(o.template, format, {
    override: o.templateOverride,
    templatesDir: o.templatesDir ?? null,
    lang: o.lang,
    cwd: o.cwd,
  });
}

/**
 * `-o -`: the report rendered as it would be into a file, written to stdout. A workbook is binary:
 * into a pipe or a redirect only, never onto a terminal.
 */
async function writeToStdout(o: WriteReportOptions): Promise<string> {
  const out = process.stdout;
  if (o.format === 'xlsx' && out.isTTY) {
    throw new UsageError(
      '-o -: an .xlsx workbook is not for a terminal; redirect it to a file (-o - > report.xlsx), or ask for --format json (see --help for the formats this command writes)',
    );
  }
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'liveops-stdout-'));
  try {
    const file = await writeReport({ ...o, target: join(dir, `report.${o.format}`), force: true });
    const bytes = await readFile(file);
    await new Promise<void>((done, fail) => out.write(bytes, (e) => (e ? fail(e) : done())));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return STDOUT;
}
