/**
 * XLSX outputs from workbook templates a team edits in Excel or WPS.
 *
 * - A cell holding only `{{summary.gmv}}` takes that value: a number stays a number and keeps the
 *   cell's style and number format; null (a missing metric) leaves the cell empty.
 * - Text around placeholders is interpolated: `截至 {{stream.end}}`.
 * - A row whose first cell starts with `{{#each products}}` is repeated once per item; its cells
 *   name the item's fields (`{{name}}`, `{{gmv}}`), `{{@no}}` is the item's number (1, 2, …), and
 *   fields of the whole report are still reachable by their full path. A path may run through
 *   lists: `{{#each files.tables}}` repeats over every table of every file, and `{{file}}` there
 *   is the field of the file the table belongs to.
 * - Filters: `{{avgDwellSeconds | time}}` seconds → a time for `[h]:mm:ss` formats;
 *   `{{start | date}}` an ISO date-time → a date cell; `{{start | datetime}}` → "2026-11-18 19:58";
 *   `{{rules | join}}` a list → "a, b"; `{{agrees | check}}` true/false → ✓/✗.
 * - A sheet whose repeated rows all name data the report does not have (null, e.g. no minute
 *   trend in the export) is left out.
 * - A placeholder naming a field the report lacks is an error naming the sheet and cell.
 *
 * The output is written with exceljs's streaming writer, row by row, so large tables do not
 * build a whole workbook in memory.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { MODEL_SHEET, modelChunks } from '../own-model.js';
import type ExcelJS from 'exceljs';
import { InputError } from '../../errors.js';
import { columnLetter } from '../column-letter.js';
import { guardXlsx } from '../read/zip-guard.js';
import { LIVEOPS_CREATOR, safeCell } from './cells.js';
import { lookup } from './model-path.js';

// Field names may be Chinese (products.引流款), so paths are letters and digits of any script.
const PLACEHOLDER = /\{\{\s*([@\p{L}\p{N}_.]+)\s*(?:\|\s*(\w+)\s*)?\}\}/gu;
const EXACT = /^\{\{\s*([@\p{L}\p{N}_.]+)\s*(?:\|\s*(\w+)\s*)?\}\}$/u;
const EACH = /^\{\{#each\s+([\p{L}\p{N}_.]+)\s*\}\}/u;

type CellValue = ExcelJS.CellValue;

interface Scope {
  /** The current item of a repeated row, or null outside one. */
  item: unknown;
  /** The objects the item sits in, nearest first (for paths that run through lists). */
  parents: unknown[];
  no: number;
  root: unknown;
}

class PlaceholderError extends Error {}

function cellText(v: CellValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return null;
}

function resolve(path: string, scope: Scope): unknown {
  if (path === '@no') return scope.no;
  const scopes = [scope.item, ...scope.parents].filter((s) => s !== null && typeof s === 'object');
  for (const s of scopes) {
    const hit = lookup(s, path);
    if (hit.found) return hit.value;
  }
  const inRoot = lookup(scope.root, path);
  if (inRoot.found) return inRoot.value;
  const first = scopes.length ? lookup(scopes[0], path) : inRoot;
  const available = first.found ? [] : first.available;
  throw new PlaceholderError(
    `unknown placeholder {{${path}}}: the report has no field "${path}"` +
      (available.length
        ? ` (fields there: ${available.slice(0, 15).join(', ')}${available.length > 15 ? ', …' : ''})`
        : ''),
  );
}

interface ListItem {
  item: unknown;
  parents: unknown[];
}

type ListLookup = { found: true; items: ListItem[] | null } | { found: false; missing: string; available: string[] };

/**
 * The items a `{{#each path}}` row repeats over. The path may run through lists, which are
 * flattened; each item keeps the objects it sits in. null when the report does not have the data.
 */
function lookupList(root: unknown, path: string): ListLookup {
  let frontier: ListItem[] = [{ item: root, parents: [] }];
  let absent = false;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i] as string;
    const next: ListItem[] = [];
    for (const f of frontier) {
      const containers = Array.isArray(f.item) ? f.item.map((v) => ({ item: v as unknown, parents: f.parents })) : [f];
      for (const c of containers) {
        if (c.item === null || c.item === undefined) {
          absent = true;
          continue;
        }
        if (typeof c.item !== 'object' || !Object.prototype.hasOwnProperty.call(c.item, key)) {
          return {
            found: false,
            missing: parts.slice(0, i + 1).join('.'),
            available: typeof c.item === 'object' ? Object.keys(c.item) : [],
          };
        }
        next.push({ item: (c.item as Record<string, unknown>)[key], parents: [c.item, ...c.parents] });
      }
    }
    frontier = next;
  }
  // The data is absent when the path ran into null (no consultations → no response statistics).
  if (frontier.length === 0 && absent) return { found: true, items: null };
  if (frontier.length > 0 && frontier.every((f) => f.item === null || f.item === undefined))
    return { found: true, items: null };
  const items: ListItem[] = [];
  for (const f of frontier) {
    if (f.item === null || f.item === undefined) continue;
    if (!Array.isArray(f.item)) return { found: false, missing: path, available: [] };
    for (const v of f.item) items.push({ item: v, parents: f.parents });
  }
  return { found: true, items };
}

/** ISO "2026-11-18T19:58:02+08:00" → a Date whose UTC fields are that wall-clock time (Excel has no zones). */
function isoToExcelDate(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(v);
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

function applyFilter(value: unknown, filter: string | undefined): unknown {
  if (!filter || value === null || value === undefined) return value;
  switch (filter) {
    case 'time':
      return typeof value === 'number' ? value / 86400 : value;
    case 'date':
      return isoToExcelDate(value) ?? value;
    case 'datetime':
      // For text: "2026-11-18 19:58" rather than the ISO form.
      return typeof value === 'string'
        ? value.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?.*$/, '$1 $2')
        : value;
    case 'join':
      return Array.isArray(value) ? value.join(', ') : value;
    case 'check':
      return typeof value === 'boolean' ? (value ? '✓' : '✗') : value;
    default:
      throw new PlaceholderError(`unknown filter "${filter}" (filters: time, date, datetime, join, check)`);
  }
}

/** The value a template cell takes in `scope`. */
function fill(template: CellValue, scope: Scope): CellValue {
  const text = cellText(template);
  if (text === null) return template; // numbers, formulas, dates: kept as the template has them
  const exact = EXACT.exec(text);
  if (exact) return safeCell(applyFilter(resolve(exact[1]!, scope), exact[2])) as CellValue;
  if (!text.includes('{{')) return template;
  const out = text.replace(PLACEHOLDER, (_m, path: string, filter?: string) => {
    const v = applyFilter(resolve(path, scope), filter);
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.join(', ');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
  // Only a value at the start can make the cell look like a formula.
  return text.trimStart().startsWith('{{') ? (safeCell(out) as CellValue) : out;
}

interface Block {
  row: number;
  /** Items to repeat, or null when the report does not have that data. */
  items: ListItem[] | null;
}

function eachPath(row: ExcelJS.Row): string | null {
  const first = cellText(row.getCell(1).value);
  return first ? (EACH.exec(first)?.[1] ?? null) : null;
}

function shiftRange(range: string, offsetAt: (row: number) => number): string {
  return range.replace(
    /([A-Z]+)(\d+)/g,
    (_m, col: string, row: string) => `${col}${Number(row) + offsetAt(Number(row))}`,
  );
}

function cellRef(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'row' in v && 'column' in v) {
    const { row, column } = v as { row: number; column: number };
    return `${columnLetter(column)}${row}`;
  }
  return null;
}

/** exceljs gives an autofilter as "A1:F1" or as { from, to } with refs or {row, column}. */
function autoFilterRange(f: unknown): string | null {
  if (typeof f === 'string') return /^[A-Z]+\d+:[A-Z]+\d+$/.test(f) ? f : null;
  if (f && typeof f === 'object' && 'from' in f && 'to' in f) {
    const from = cellRef((f as { from: unknown }).from);
    const to = cellRef((f as { to: unknown }).to);
    return from && to ? `${from}:${to}` : null;
  }
  return null;
}

export interface FillOptions {
  /** Template path, for messages. */
  templateLabel: string;
  /** What the model is (retro, schedule…): it is kept in the workbook to be read back (own-model.ts). */
  modelKind?: string;
}

/**
 * Fill `templateFile` with `model` and write the workbook to `outFile` (a temp file: the caller
 * moves it into place).
 */
export async function fillXlsxTemplate(
  templateFile: string,
  model: object,
  outFile: string,
  opts: FillOptions,
): Promise<void> {
  await guardXlsx(templateFile);
  const { default: Excel } = await import('exceljs');
  const template = new Excel.Workbook();
  try {
    await template.xlsx.readFile(templateFile);
  } catch (e) {
    throw new InputError({ file: opts.templateLabel }, `cannot read the template workbook: ${(e as Error).message}`);
  }
  // Our own stream, so that on an error it is closed before the caller removes the temp file.
  const stream = createWriteStream(outFile);
  // exceljs listens for the stream's errors only once it finalises, and an error before that
  // (EACCES at open, ENOSPC mid-way) leaves its commit pending forever: the run would end with
  // exit 0 and nothing written. The stream's first error settles the write instead.
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const writer = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  // Marks the report as liveops's own, so a later run never reads it back as a platform export.
  writer.creator = LIVEOPS_CREATOR;
  try {
    const work = (async () => {
      if ((await fillSheets(template, writer, model, opts)) === 0) {
        throw new InputError(
          { file: opts.templateLabel },
          'every sheet of the template was left out: the report has none of the data it names',
        );
      }
      if (opts.modelKind) {
        // The model itself, for liveops to read back: never through the template's labels.
        const ws = writer.addWorksheet(MODEL_SHEET, { state: 'veryHidden' });
        for (const row of modelChunks(opts.modelKind, model)) ws.addRow(row).commit();
        ws.commit();
      }
      await writer.commit();
    })();
    // Once the stream has failed, whatever the writer still does fails too: that is not news.
    work.catch(() => undefined);
    await Promise.race([failed, work]);
  } catch (e) {
    stream.destroy();
    // `finished`, not once('close'): a stream that failed has closed already, and a wait for its
    // 'close' event would never end.
    await finished(stream).catch(() => undefined);
    throw e;
  }
}

async function fillSheets(
  template: ExcelJS.Workbook,
  writer: ExcelJS.stream.xlsx.WorkbookWriter,
  model: object,
  opts: FillOptions,
): Promise<number> {
  let written = 0;
  for (const ws of template.worksheets) {
    // Which rows repeat, and over what.
    const blocks: Block[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const path = eachPath(ws.getRow(r));
      if (!path) continue;
      const found = lookupList(model, path);
      if (!found.found) {
        throw new InputError(
          { file: opts.templateLabel },
          `${ws.name}!A${r}: unknown placeholder {{#each ${path}}}: the report has no list "${found.missing}"` +
            (found.available.length ? ` (fields there: ${found.available.slice(0, 15).join(', ')})` : ''),
        );
      }
      blocks.push({ row: r, items: found.items });
    }
    if (blocks.length > 0 && blocks.every((b) => b.items === null)) continue; // no data for this sheet

    const out = writer.addWorksheet(ws.name, {
      views: ws.views,
      properties: ws.properties,
      pageSetup: ws.pageSetup,
      state: ws.state,
    });
    const columnCount = Math.max(ws.columnCount, 1);
    const cols: Array<Partial<ExcelJS.Column>> = [];
    for (let c = 1; c <= columnCount; c++) {
      const col = ws.getColumn(c);
      const def: Partial<ExcelJS.Column> = {};
      if (col.width !== undefined) def.width = col.width;
      if (col.hidden) def.hidden = true;
      cols.push(def);
    }
    out.columns = cols;

    // Rows added by the repeated blocks above a template row shift it down.
    const offsetAt = (row: number) =>
      blocks.filter((b) => b.row < row).reduce((s, b) => s + (b.items?.length ?? 0) - 1, 0);
    // Merges, moved to where their rows land. exceljs's streaming writer needs a merge's rows
    // uncommitted when the merge is made, so rows are committed once no pending merge spans them.
    const merges = ((ws.model as { merges?: string[] }).merges ?? [])
      .filter((range) => !blocks.some((b) => b.row === Number(/\d+/.exec(range)?.[0] ?? 0))) // not repeated with their row
      .map((range) => {
        const shifted = shiftRange(range, offsetAt);
        const rows = (shifted.match(/\d+/g) ?? []).map(Number);
        return { range: shifted, top: Math.min(...rows), bottom: Math.max(...rows) };
      })
      .sort((a, b) => a.bottom - b.bottom);
    let committed = 0;
    let outRow = 0;
    const settle = () => {
      while (merges.length && merges[0]!.bottom <= outRow) out.mergeCells(merges.shift()!.range);
      const pendingTop = Math.min(outRow + 1, ...merges.map((m) => m.top));
      const upTo = pendingTop - 1;
      if (upTo > committed) {
        out.getRow(upTo).commit();
        committed = upTo;
      }
    };
    const writeRow = (tpl: ExcelJS.Row, scope: Scope, stripEach: boolean) => {
      outRow++;
      const row = out.getRow(outRow);
      if (tpl.height) row.height = tpl.height;
      for (let c = 1; c <= columnCount; c++) {
        const t = tpl.getCell(c);
        let value = t.value;
        if (stripEach && c === 1) {
          const text = cellText(value) ?? '';
          value = text.replace(EACH, '');
        }
        try {
          const v = fill(value, scope);
          const cell = row.getCell(c);
          if (v !== null && v !== undefined && v !== '') cell.value = v;
          if (t.style && Object.keys(t.style).length) cell.style = t.style;
        } catch (e) {
          if (e instanceof PlaceholderError)
            throw new InputError({ file: opts.templateLabel }, `${ws.name}!${t.address}: ${e.message}`);
          throw e;
        }
      }
      settle();
    };

    for (let r = 1; r <= ws.rowCount; r++) {
      const tpl = ws.getRow(r);
      const block = blocks.find((b) => b.row === r);
      if (!block) {
        writeRow(tpl, { item: null, parents: [], no: 0, root: model }, false);
        continue;
      }
      (block.items ?? []).forEach((it, i) =>
        writeRow(tpl, { item: it.item, parents: it.parents, no: i + 1, root: model }, true),
      );
    }
    for (const m of merges) out.mergeCells(m.range);

    const filter = autoFilterRange(ws.autoFilter);
    if (filter) {
      // The filter spans the table as filled: from its (shifted) header to the last row written.
      const [from, to] = filter.split(':') as [string, string];
      out.autoFilter = `${shiftRange(from, offsetAt)}:${to.replace(/\d+$/, String(Math.max(outRow, 1)))}`;
    }
    out.commit();
    written++;
  }
  return written;
}
