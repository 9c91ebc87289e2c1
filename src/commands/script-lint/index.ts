/**
 * `liveops script lint <files...> [--pool 选品表.xlsx]`: finds words the Advertising Law forbids in
 * a live script before they are said on air. Markdown and text scripts are read line by line; CSV
 * and XLSX scripts cell by cell (sheet, cell address, and line/column inside the cell).
 *
 * A gate for the pre-stream checklist or a git hook: exit 3 when any error-level finding is
 * present, 0 when clean or only warnings, 2 on bad input (missing file, unreadable pool).
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import type { ComplianceSettings } from '../../config/compliance-section.js';
import type { Context } from '../../context.js';
import { createLinter, type Exempted, type Finding, type Linter } from '../../domain/compliance/lint.js';
import { InputError, UsageError } from '../../errors.js';
import { columnLetter } from '../../io/column-letter.js';
import { sniffEncoding } from '../../io/read/encoding.js';
import { fsError, openRawSource } from '../../io/read/raw.js';
import { renderExempted, renderScriptLint } from './render.js';
import { present } from '../../ui/present.js';

export interface ScriptLintOptions {
  /** Scripts: .md, .txt (any text), .csv, .xlsx. */
  files: string[];
  /** Selection tables whose 商品名称 protect the listed words inside product names and trademarks. */
  pool: string[];
}

/** One finding, located in its file: line/column for text; sheet (xlsx), cell, and line/column inside the cell for tables. */
export type { ScriptFinding, ScriptLintReport } from './report.js';
import type { ScriptFinding, ScriptLintReport } from './report.js';

const SHEET_EXT = new Set(['.csv', '.tsv', '.xlsx', '.xlsm', '.xls']);
const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Rethrow a reader's InputError with the file as the user wrote it. */
function asGiven<T>(shown: string, work: () => Promise<T>): Promise<T> {
  return work().catch((e: unknown) => {
    if (e instanceof InputError) throw new InputError({ ...e.location, file: shown }, e.problem);
    throw e;
  });
}

/** A text script's characters: UTF-8 (with or without BOM), GB18030/GBK or UTF-16 with a BOM. */
function decodeText(shown: string, buf: Buffer): string {
  if (buf.length === 0) return '';
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (!utf16 && buf.includes(0)) {
    throw new InputError(
      { file: shown },
      'not a text script: looks binary (it contains NUL bytes); expected Markdown, text, CSV or XLSX',
    );
  }
  const sniffed = sniffEncoding(shown, buf, true);
  const encoding = sniffed.encoding === 'utf-8-bom' || sniffed.encoding === 'ascii' ? 'utf-8' : sniffed.encoding;
  return new TextDecoder(encoding).decode(buf.subarray(sniffed.bomLength));
}

function lintTextFile(
  linter: Linter,
  shown: string,
  buf: Buffer,
  exempted: Array<Exempted & { where: string }>,
): ScriptFinding[] {
  const result = linter.lint(decodeText(shown, buf));
  for (const x of result.exempted) exempted.push({ ...x, where: `${shown}:${x.line}:${x.column}` });
  return result.findings.map((f) => ({ file: shown, sheet: null, cell: null, ...f }));
}

async function lintSheets(
  linter: Linter,
  path: string,
  shown: string,
  exempted: Array<Exempted & { where: string }>,
): Promise<ScriptFinding[]> {
  return asGiven(shown, async () => {
    const source = await openRawSource(path);
    const out: ScriptFinding[] = [];
    for await (const sheet of source.sheets) {
      const sheetName = source.format === 'xlsx' ? sheet.name : null;
      for await (const row of sheet.rows) {
        row.cells.forEach((value, i) => {
          if (typeof value !== 'string') return;
          const cell = `${columnLetter(i + 1)}${row.rowNumber}`;
          const result = linter.lint(value);
          const where = `${shown}${sheetName === null ? '' : ` [${sheetName}]`}!${cell}`;
          for (const x of result.exempted) exempted.push({ ...x, where });
          for (const f of result.findings) out.push({ file: shown, sheet: sheetName, cell, ...f });
        });
      }
    }
    return out;
  });
}

/** Product names from the selection tables: every table with a 商品名称 column counts. */
async function poolNames(ctx: Context, pool: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const p of pool) {
    let found = false;
    await asGiven(p, async () => {
      // Loaded only with --pool: linting a script needs no table detection.
      const { openTables } = await import('../../io/read/tables.js');
      const { collect } = await import('../../model/collect.js');
      for await (const table of openTables(resolve(ctx.cwd, p), { headerMap: ctx.config.headers, strict: true })) {
        if (!table.columns.some((c) => c.field === 'productName')) continue;
        found = true;
        await collect(table, { productName: (name) => names.push(name) });
      }
    });
    if (!found)
      throw new UsageError(
        `--pool ${p}: no selection table (选品表) with a 商品名称 column found in it; run liveops inspect ${p}`,
      );
  }
  return names;
}

export async function runScriptLint(ctx: Context, opts: ScriptLintOptions): Promise<number> {
  if (opts.files.length === 0)
    throw new UsageError('missing scripts: pass one or more script files, e.g. `liveops script lint 脚本.md`');
  // Until src/config/resolve.ts carries the section, a Config without it means the defaults.
  const settings: ComplianceSettings = ctx.config.compliance;
  const productNames = await poolNames(ctx, opts.pool);
  const linter = createLinter({ allow: settings.allow, deny: settings.deny, productNames });

  const findings: ScriptFinding[] = [];
  const exempted: Array<Exempted & { where: string }> = [];
  for (const shown of opts.files) {
    const path = resolve(ctx.cwd, shown);
    if (SHEET_EXT.has(extname(shown).toLowerCase())) {
      findings.push(...(await lintSheets(linter, path, shown, exempted)));
      continue;
    }
    const buf = await readFile(path).catch((e: NodeJS.ErrnoException) => {
      throw fsError(shown, e);
    });
    const magic = (sig: number[]) => sig.every((b, i) => buf[i] === b);
    // A workbook saved without its extension is still a workbook.
    if (magic(ZIP) || magic(OLE)) findings.push(...(await lintSheets(linter, path, shown, exempted)));
    else findings.push(...lintTextFile(linter, shown, buf, exempted));
  }

  const report: ScriptLintReport = {
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    files: [...opts.files],
  };
  const code = report.errors > 0 ? 3 : 0;
  // -q keeps the findings (the results) and drops the summary line.
  await present(ctx, report, {
    render: (r, lang, paint) => renderScriptLint(r, lang, paint, { summary: true }),
    quietRender: (r, lang, paint) => renderScriptLint(r, lang, paint, { summary: false }),
  });
  if (ctx.term.verbose && exempted.length) ctx.term.stderr.write(renderExempted(exempted, ctx.lang));
  return code;
}
