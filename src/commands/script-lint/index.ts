/**
 * `liveops script lint <files...> [--pool 选品表.xlsx]`: finds words the Advertising Law forbids in
 * a live script before they are said on air. Markdown and text scripts are read line by line; CSV
 * and XLSX scripts cell by cell (sheet, cell address, and line/column inside the cell); Word
 * scripts (.docx) paragraph by paragraph (paragraph number, and line/column inside it). An old
 * binary .doc or WPS .wps is refused with what to save it as.
 *
 * A gate for the pre-stream checklist or a git hook: exit 3 when any error-level finding is
 * present, 0 when clean or only warnings, 2 on bad input (missing file, unreadable pool).
 */
import { open, readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import type { ComplianceSettings } from '../../config/compliance-section.js';
import type { Context } from '../../context.js';
import { createLinter, type Linter } from '../../domain/compliance/lint.js';
import { InputError, UsageError } from '../../errors.js';
import { columnLetter } from '../../io/column-letter.js';
import { sniffEncoding } from '../../io/read/encoding.js';
import { fsError, openRawSource } from '../../io/read/raw.js';
import { renderExempted, renderScriptLint } from './render.js';
import { present } from '../../ui/present.js';

export interface ScriptLintOptions {
  /** Scripts: .md, .txt (any text), .csv, .xlsx, .docx. */
  files: string[];
  /** Selection tables whose 商品名称 protect the listed words inside product names and trademarks. */
  pool: string[];
}

/** One finding, located in its file: line/column for text; sheet (xlsx), cell, and line/column inside the cell for tables; paragraph and line/column inside it for Word. */
export type { ScriptFinding, ScriptLintReport } from './report.js';
import type { ExemptedAt, ScriptFinding, ScriptLintReport } from './report.js';

const SHEET_EXT = new Set(['.csv', '.tsv', '.xlsx', '.xlsm', '.xls']);
const WORD_EXT = new Set(['.docx', '.docm', '.dotx', '.doc', '.dot', '.wps', '.wpt']);
const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

const SAVE_AS = 'open it in Word or WPS and save as .docx or .txt';
/** How a script file is read, decided by its first bytes and its name. */
type ScriptKind = 'text' | 'sheets' | 'docx';

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
      'not a text script: looks binary (it contains NUL bytes); expected Markdown, text, CSV, XLSX or a Word .docx',
    );
  }
  const sniffed = sniffEncoding(shown, buf, true);
  const encoding = sniffed.encoding === 'utf-8-bom' || sniffed.encoding === 'ascii' ? 'utf-8' : sniffed.encoding;
  return new TextDecoder(encoding).decode(buf.subarray(sniffed.bomLength));
}

function lintTextFile(linter: Linter, shown: string, buf: Buffer, exempted: ExemptedAt[]): ScriptFinding[] {
  const result = linter.lint(decodeText(shown, buf));
  for (const x of result.exempted) exempted.push({ ...x, file: shown, sheet: null, cell: null, paragraph: null });
  return result.findings.map((f) => ({ file: shown, sheet: null, cell: null, paragraph: null, ...f }));
}

async function lintSheets(
  linter: Linter,
  path: string,
  shown: string,
  exempted: ExemptedAt[],
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
          for (const x of result.exempted)
            exempted.push({ ...x, file: shown, sheet: sheetName, cell, paragraph: null });
          for (const f of result.findings) out.push({ file: shown, sheet: sheetName, cell, paragraph: null, ...f });
        });
      }
    }
    return out;
  });
}

/** The first bytes of a file (fewer for a shorter file). */
async function head(path: string, shown: string): Promise<Buffer> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw fsError(shown, e);
  });
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0).catch((e: NodeJS.ErrnoException) => {
      throw fsError(shown, e);
    });
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Text, sheets or a Word document — by content first: a zip is a .docx when it holds
 * word/document.xml (whatever its name), an OLE file is an old .doc/.wps unless named as a
 * workbook (then the workbook reader says what to do with an .xls).
 */
async function scriptKind(path: string, shown: string): Promise<ScriptKind> {
  const ext = extname(shown).toLowerCase();
  const bytes = await head(path, shown);
  const magic = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  // A name the workbook reader owns: it says what to do with an .xls or a damaged .xlsx.
  if (SHEET_EXT.has(ext) && (magic(OLE) || magic(ZIP))) return 'sheets';
  if (magic(OLE)) {
    const what = WORD_EXT.has(ext)
      ? `this is an old binary Word/WPS document (.doc, .wps) or a password-protected one, which cannot be read: ${SAVE_AS}`
      : 'this is an old binary Office/WPS file (.doc, .wps, .xls) or a password-protected one, which cannot be read: ' +
        'open it in Word, Excel or WPS and save a script as .docx or .txt, a run-sheet as .xlsx or .csv';
    throw new InputError({ file: shown }, what);
  }
  if (magic(ZIP)) {
    const { zipKind } = await import('../../io/read/docx.js');
    const kind = await asGiven(shown, () => zipKind(path, WORD_EXT.has(ext) ? '.docx' : '.docx or .xlsx'));
    if (kind === 'docx') return 'docx';
    if (kind === 'odt') throw new InputError({ file: shown }, `this is an OpenDocument text (.odt): ${SAVE_AS}`);
    if (kind === 'other' && WORD_EXT.has(ext))
      throw new InputError({ file: shown }, `not a Word .docx document (the zip has no word/document.xml): ${SAVE_AS}`);
    return 'sheets'; // a workbook saved without its extension is still a workbook
  }
  if (magic(RTF)) throw new InputError({ file: shown }, `this is an RTF document, which cannot be read: ${SAVE_AS}`);
  if (WORD_EXT.has(ext))
    throw new InputError({ file: shown }, `not a Word .docx document (it is not a zip archive): ${SAVE_AS}`);
  return SHEET_EXT.has(ext) ? 'sheets' : 'text';
}

/** A Word script, paragraph by paragraph: the paragraph's number stands where a row would. */
async function lintDocx(linter: Linter, path: string, shown: string, exempted: ExemptedAt[]): Promise<ScriptFinding[]> {
  const { readDocxParagraphs } = await import('../../io/read/docx.js');
  const paragraphs = await asGiven(shown, () => readDocxParagraphs(path));
  const out: ScriptFinding[] = [];
  for (const p of paragraphs) {
    if (p.text.trim() === '') continue;
    const result = linter.lint(p.text);
    for (const x of result.exempted) exempted.push({ ...x, file: shown, sheet: null, cell: null, paragraph: p.number });
    for (const f of result.findings) out.push({ file: shown, sheet: null, cell: null, paragraph: p.number, ...f });
  }
  return out;
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
  const exempted: ExemptedAt[] = [];
  for (const shown of opts.files) {
    const path = resolve(ctx.cwd, shown);
    const kind = await scriptKind(path, shown);
    if (kind === 'sheets') findings.push(...(await lintSheets(linter, path, shown, exempted)));
    else if (kind === 'docx') findings.push(...(await lintDocx(linter, path, shown, exempted)));
    else {
      const buf = await readFile(path).catch((e: NodeJS.ErrnoException) => {
        throw fsError(shown, e);
      });
      findings.push(...lintTextFile(linter, shown, buf, exempted));
    }
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
