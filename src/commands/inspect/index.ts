/**
 * `liveops inspect <files...>`: what liveops recognises in each export — the first thing a user
 * runs on a new export. Reads every row (streaming) to count rows and find value problems.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { formatLocation, InputError, isUserError, UsageError } from '../../errors.js';
import { KIND_LABELS, PLATFORM_LABELS, type Layout, type Platform, type TableKind } from '../../io/read/detect.js';
import { FIELDS, fieldLabel } from '../../io/read/fields.js';
import { suggestField } from '../../io/read/headers.js';
import { EXPECTED, type ValueType } from '../../io/read/values.js';
import { openTables, type ValueProblem } from '../../io/read/tables.js';
import { assertWritable } from '../../io/write/atomic.js';
import { formatFromPath, writeReport } from '../../io/write/output.js';
import { fileAndSheet, inspectText, valueWarningText } from '../../i18n/messages.js';
import { askForFiles } from '../../ui/prompts.js';
import { startProgress } from '../../ui/progress.js';
import { logger, type Palette } from '../../ui/terminal.js';
import { displayWidth, padDisplay } from '../../ui/width.js';
import { present } from '../../ui/present.js';
import { fitText } from '../../ui/layout.js';

export interface InspectColumn {
  column: string;
  header: string;
  field: string | null;
  label: string | null;
  type: string | null;
  typeLabel: string | null;
  /** target: the column is the goal for `field` on each row (流量增长目标). */
  role: 'actual' | 'target';
  /** The unit the header states (万元, %, 秒), applied to its values. */
  unit?: string;
  /** The mapping came from the config's headers:. */
  viaConfig?: boolean;
  duplicateOf?: string;
  suggestion?: string;
}

export interface InspectTable {
  sheet: string | null;
  platform: Platform;
  platformLabel: string;
  kind: TableKind;
  kindLabel: string;
  layout: Layout;
  layoutLabel: string;
  headerRow: number | null;
  titleRows: string[];
  rows: number;
  totalRows: number;
  skuRows: number;
  columns: InspectColumn[];
  unmapped: string[];
  missingRequired: string[][];
  problems: ValueProblem[];
  problemCount: number;
  /** Values read but unlikely as written (a rate over 100 %, a duplicate header with other values), one line each. */
  warnings: string[];
}

export interface InspectFile {
  file: string;
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  delimiter: string | null;
  error: string | null;
  tables: InspectTable[];
}

export interface InspectReport {
  files: InspectFile[];
  /** One line per problem that makes the exit code 2. */
  errors: string[];
}

const EXPORT_EXT = new Set(['.csv', '.xlsx', '.tsv', '.txt']);

async function candidates(cwd: string): Promise<string[]> {
  const names = await readdir(cwd).catch(() => [] as string[]);
  return names.filter((n) => EXPORT_EXT.has(extname(n).toLowerCase()) && !n.startsWith('.')).sort();
}

async function inspectFile(
  ctx: Context,
  display: string,
  abs: string,
): Promise<{ file: InspectFile; errors: string[] }> {
  const out: InspectFile = { file: display, format: null, encoding: null, delimiter: null, error: null, tables: [] };
  const errors: string[] = [];
  const progress = await startProgress(ctx.term, display);
  try {
    for await (const t of openTables(abs, { headerMap: ctx.config.headers, maxProblems: 50 })) {
      out.format = t.format;
      out.delimiter = t.delimiter ?? null;
      let rows = 0;
      let totalRows = 0;
      let skuRows = 0;
      for await (const r of t.records()) {
        if (r.role === 'total') totalRows++;
        else if (r.role === 'sku') skuRows++;
        else rows++;
        progress.tick(() => `${(rows + totalRows + skuRows).toLocaleString('en-US')} rows`);
      }
      out.encoding = t.encoding ?? null;
      const where = { file: display, ...(t.sheet !== undefined ? { sheet: t.sheet } : {}) };
      let suggested = 0;
      const table: InspectTable = {
        sheet: t.sheet ?? null,
        platform: t.platform,
        platformLabel: PLATFORM_LABELS[t.platform][ctx.lang],
        kind: t.kind,
        kindLabel: KIND_LABELS[t.kind][ctx.lang],
        layout: t.layout,
        layoutLabel: inspectText[ctx.lang].layout[t.layout],
        headerRow: t.headerRow,
        titleRows: t.titleRows,
        rows,
        totalRows,
        skuRows,
        columns: t.columns.map((c) => {
          const col: InspectColumn = {
            column: t.layout === 'key-value' ? `A${c.index}` : c.letter,
            header: c.header,
            field: c.field,
            label: c.field ? fieldLabel(c.field, ctx.lang) : null,
            type: c.field ? (FIELDS.get(c.field)?.type ?? null) : null,
            typeLabel: null,
            role: c.role,
          };
          if (col.type) col.typeLabel = inspectText[ctx.lang].valueType[col.type as ValueType] ?? col.type;
          if (c.unit) col.unit = c.unit;
          if (c.viaConfig) col.viaConfig = true;
          if (c.duplicateOf) col.duplicateOf = c.duplicateOf;
          if (!c.field && !c.duplicateOf && c.header && suggested++ < MAX_SUGGESTIONS) {
            const s = suggestField(c.header);
            if (s) col.suggestion = s.field;
          }
          return col;
        }),
        unmapped: t.unmapped.map((c) => c.header),
        missingRequired: t.missingRequired,
        problems: t.problems,
        problemCount: t.problemCount,
        warnings: t.warnings.map((w) => valueWarningText(w, ctx.lang, fileAndSheet(display, t.sheet))),
      };
      out.tables.push(table);
      for (const group of t.missingRequired) {
        const names = group.map((f) => fieldLabel(f, 'zh')).join(' / ');
        errors.push(
          `${formatLocation({ ...where, ...(t.headerRow ? { row: t.headerRow } : {}) })}: missing a required column for ${KIND_LABELS[t.kind].en} (${KIND_LABELS[t.kind].zh}): ${names}`,
        );
      }
      for (const p of t.problems) {
        errors.push(
          `${formatLocation({ ...where, row: p.row, column: p.header })}: "${p.raw}" is not ${EXPECTED[p.expected].en}`,
        );
      }
      if (t.problemCount > t.problems.length) {
        errors.push(`${formatLocation(where)}: … and ${t.problemCount - t.problems.length} more value problems`);
      }
    }
    if (
      out.tables.length === 0 ||
      out.tables.every((t) => t.rows + t.totalRows + t.skuRows === 0 && t.headerRow === null)
    ) {
      throw new InputError({ file: display }, 'contains no data (no rows in any sheet)');
    }
  } catch (e) {
    if (!isUserError(e)) throw e;
    const message = e instanceof InputError ? `${display}${e.message.slice(e.location.file.length)}` : e.message;
    out.error = message;
    errors.push(message);
  } finally {
    progress.done();
  }
  return { file: out, errors };
}

export function renderInspect(report: InspectReport, lang: 'zh' | 'en', p: Palette): string {
  const m = inspectText[lang];
  const lines: string[] = [];
  for (const f of report.files) {
    const meta = [f.format?.toUpperCase(), f.encoding, f.delimiter ? m.delimiter(f.delimiter) : null]
      .filter(Boolean)
      .join(' · ');
    lines.push(p.bold(f.file) + (meta ? p.dim(`  (${meta})`) : ''));
    if (f.error) {
      lines.push(`  ${p.red(m.cannotRead)} ${f.error}`, '');
      continue;
    }
    for (const t of f.tables) {
      const name = t.sheet !== null ? `[${t.sheet}] ` : '';
      const kind = t.kind === 'unknown' ? p.yellow(KIND_LABELS[t.kind][lang]) : KIND_LABELS[t.kind][lang];
      const facts = [
        PLATFORM_LABELS[t.platform][lang],
        kind,
        m.layout[t.layout],
        ...(t.layout === 'key-value'
          ? [m.kvItems(t.headerRow ?? 1, t.columns.length)]
          : [t.headerRow !== null ? m.headerRow(t.headerRow) : m.emptySheet, m.rows(t.rows, t.totalRows, t.skuRows)]),
      ];
      lines.push(`  ${p.cyan(name)}${facts.join(' · ')}`);
      if (t.titleRows.length) lines.push(`    ${p.dim(m.title)} ${t.titleRows.join(' | ')}`);
      const width = Math.min(28, Math.max(0, ...t.columns.map((c) => displayWidth(c.header))));
      for (const c of t.columns) {
        const head = `${c.column.padEnd(4)} ${padDisplay(c.header, width)}`;
        if (c.field) {
          const facts = [c.label, c.type, c.unit ? m.unit(c.unit) : null, c.viaConfig ? m.viaConfig : null]
            .filter(Boolean)
            .join(', ');
          lines.push(`    ${head} → ${c.role === 'target' ? m.targetOf(c.field) : c.field} ${p.dim(`(${facts})`)}`);
        } else if (c.duplicateOf) lines.push(`    ${head} ${p.dim(m.duplicate(c.duplicateOf))}`);
        else if (c.header)
          lines.push(`    ${head} ${p.yellow(m.unmapped)}${c.suggestion ? p.dim(` ${m.maybe(c.suggestion)}`) : ''}`);
      }
      if (t.unmapped.length) {
        lines.push(`    ${p.yellow(m.unmappedHint)}`);
        lines.push('      headers:');
        for (const c of t.columns.filter((c) => t.unmapped.includes(c.header))) {
          lines.push(`        "${c.header}": ${c.suggestion ?? '<field id>'}`);
        }
        lines.push(`    ${p.dim(m.fieldsHint)}`);
      }
      for (const g of t.missingRequired) {
        lines.push(`    ${p.red(m.missingRequired(g.map((f) => `${fieldLabel(f, lang)} (${f})`).join(' / ')))}`);
      }
      for (const pr of t.problems.slice(0, 20)) {
        lines.push(`    ${p.red(m.problem(pr.row, pr.column, pr.header, pr.raw, EXPECTED[pr.expected][lang]))}`);
      }
      if (t.problemCount > Math.min(20, t.problems.length))
        lines.push(`    ${p.red(m.moreProblems(t.problemCount - Math.min(20, t.problems.length)))}`);
      for (const w of t.warnings) lines.push(`    ${p.yellow(w)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderFields(lang: 'zh' | 'en'): string {
  const rows = [...FIELDS.values()].map(
    (f) => `${f.id.padEnd(24)} ${f.type.padEnd(15)} ${f[lang]}  ${f.aliases.slice(0, 4).join(', ')}`,
  );
  return `${inspectText[lang].fieldsTitle}\n${rows.join('\n')}\n`;
}

export interface InspectOptions {
  files: string[];
  fields: boolean;
  template?: string | undefined;
}

/** Unknown headers that get a suggested field; a sheet wider than that is no export to map by hand. */
const MAX_SUGGESTIONS = 500;

export async function runInspect(ctx: Context, opts: InspectOptions): Promise<number> {
  if (opts.fields) {
    const fields = [...FIELDS.values()].map((f) => ({
      id: f.id,
      type: f.type,
      zh: f.zh,
      en: f.en,
      aliases: f.aliases,
    }));
    await present(ctx, { fields }, { render: (_, lang) => renderFields(lang) });
    return 0;
  }
  // Check the output before reading anything: a wrong name should not cost a long read.
  if (ctx.out === '-')
    throw new UsageError(
      '-o -: inspect prints its report to stdout already (with --json as JSON); -o names a file to write it to',
    );
  const target = ctx.out ? resolve(ctx.cwd, ctx.out) : null;
  const format = target ? formatFromPath(target) : null;
  if (target && (!format || format === 'csv')) {
    throw new UsageError(`cannot write ${ctx.out}: inspect writes .xlsx, .md or .json`);
  }
  if (target) await assertWritable(target, { force: ctx.force });
  let files = opts.files;
  if (files.length === 0) {
    files = await askForFiles(
      ctx.term,
      {
        what: 'input files',
        howToPass: 'one or more export files, e.g. `liveops inspect 整场数据.xlsx`',
        message: inspectText[ctx.lang].pickFiles,
        candidates: await candidates(ctx.cwd),
      },
      ctx.prompter,
    );
  }

  const report: InspectReport = { files: [], errors: [] };
  for (const f of files) {
    const abs = resolve(ctx.cwd, f);
    const display = relative(ctx.cwd, abs).startsWith('..') ? abs : f;
    // A directory is a usage mistake worth naming plainly before any reader sees it.
    const st = await stat(abs).catch(() => null);
    if (st?.isDirectory()) {
      const msg = `${display}: is a directory; pass the export files in it (e.g. ${display}/*.xlsx)`;
      report.files.push({ file: display, format: null, encoding: null, delimiter: null, error: msg, tables: [] });
      report.errors.push(msg);
      continue;
    }
    const { file, errors } = await inspectFile(ctx, display, abs);
    report.files.push(file);
    report.errors.push(...errors);
  }

  await present(ctx, report, { render: (r, lang, p, width) => fitText(renderInspect(r, lang, p), width) });
  for (const e of report.errors) ctx.term.stderr.write(`liveops: error: ${e}\n`);
  if (report.errors.length) return 2;
  if (target && format) {
    const written = await writeReport({
      target,
      format,
      model: report,
      template: 'inspect',
      templateOverride: opts.template,
      templatesDir: ctx.config.templatesDir,
      lang: ctx.lang,
      cwd: ctx.cwd,
      force: ctx.force,
    });
    if (!ctx.json) logger(ctx.term).info(inspectText[ctx.lang].wrote(relative(ctx.cwd, written)));
  }
  return 0;
}
