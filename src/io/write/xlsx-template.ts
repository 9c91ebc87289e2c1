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
 * - Several rows repeat together when `{{/each}}` closes the first cell of the block's last row:
 *   `{{#each weeks}}{{mon.day}}` on one row and `{{mon.lines | lines}}{{/each}}` on the next write
 *   two rows per week (a calendar's day numbers above each day's streams).
 * - Filters: `{{avgDwellSeconds | time}}` seconds → a time for `[h]:mm:ss` formats;
 *   `{{start | date}}` an ISO date-time → a date cell (`yyyy-mm-dd`); `{{start | datetime}}` → a
 *   date-time cell (`yyyy-mm-dd hh:mm`), or "2026-11-18 19:58" inside text; `{{rules | join}}` a
 *   list → "a, b"; `{{streams | lines}}` a list → one item a line; `{{fires | bool:预警:正常}}`
 *   true/false → the two words (default 是/否; `check` gives ✓/✗); `{{value | unit}}` a figure in
 *   the format of its item's `unit` (money, rate, count, duration, number), for columns whose rows
 *   hold figures of different units.
 * - Text whose placeholders are all empty is left out ("导出中没有的指标：" with nothing missing);
 *   `{{#if path}}` opening a row's first cell writes the row only when `path` has a value.
 * - Text wider than its column, or of several lines, wraps (`wrapText`), so nothing is cut off on
 *   screen or on paper; its row is made as high as its lines (LibreOffice does not grow it), and a
 *   row the template gives a height keeps at least that height.
 * - The template's conditional formats are kept, over the rows as filled: a range on a repeated
 *   row covers every copy of it; formulas are kept as written, so relative references move with
 *   their range (`LEN(A3)=0` over A4:G4 greys a calendar day under an empty day number).
 * - `{{pagebreak}}` alone in a row's first cell ends the printed page there (a manual row break).
 * - `{{chart:channels}}` alone in a cell puts that chart's picture there (its top-left corner at the
 *   cell); a template without one draws none. The names are the report's (`FillOptions.charts`).
 * - A sheet whose repeated rows all name data the report does not have (null, e.g. no minute
 *   trend in the export) is left out.
 * - A placeholder naming a field the report lacks is an error naming the sheet and cell.
 *
 * The output is written with exceljs's streaming writer, row by row, so large tables do not
 * build a whole workbook in memory.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { MODEL_SHEET, modelChunks } from '../own-model.js';
import type ExcelJS from 'exceljs';
import type { Chart } from './charts/index.js';
import { InputError } from '../../errors.js';
import { columnLetter } from '../column-letter.js';
import { guardXlsx } from '../read/zip-guard.js';
import { LIVEOPS_CREATOR, safeCell } from './cells.js';
import { lookup } from './model-path.js';

// Field names may be Chinese (products.引流款), so paths are letters and digits of any script.
// A filter may take arguments after colons: {{fires | bool:预警:正常}}.
const PLACEHOLDER = /\{\{\s*([@\p{L}\p{N}_.]+)\s*(?:\|\s*(\w+)((?::[^:{}|]*)*)\s*)?\}\}/gu;
const EXACT = /^\{\{\s*([@\p{L}\p{N}_.]+)\s*(?:\|\s*(\w+)((?::[^:{}|]*)*)\s*)?\}\}$/u;
const EACH = /^\{\{#each\s+([\p{L}\p{N}_.]+)\s*\}\}/u;
const END_EACH = /\{\{\/each\s*\}\}/u;
const CHART = /^\{\{\s*chart:([\w-]+)\s*\}\}$/u;
const PAGE_BREAK = /^\{\{\s*pagebreak\s*\}\}$/u;
const IF = /^\{\{#if\s+([\p{L}\p{N}_.]+)\s*\}\}/u;

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

/** Excel's width of a column with none set, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;

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
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v);
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

/**
 * The number format of each unit a report names (`unit` beside a figure whose unit varies from row
 * to row: an alert's value and threshold, a compared metric): one format per figure, never one
 * column's format over figures of different units.
 */
export const UNIT_FORMATS: Record<string, string> = {
  money: '¥#,##0.00',
  rate: '0.00%',
  count: '#,##0',
  duration: '[h]:mm:ss',
  number: '#,##0.00',
  // KPI figures' own units (domain/kpi/metrics.ts).
  seconds: '[h]:mm:ss',
  points: '0.0',
  ratio: '0.00',
};
const TIME_UNITS = new Set(['duration', 'seconds']);
const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const FILTERS = 'time, date, datetime, join, lines, check, bool:是:否, unit';

/** A filled cell: its value, and the number format its filter gives it (else the template's). */
interface Filled {
  value: CellValue;
  numFmt?: string;
  /** `{{chart:name}}`: the cell is where that chart's picture goes. */
  chart?: string;
}

/** Where a chart goes: the output sheet and cell its placeholder landed on. */
interface ChartPlacement {
  sheet: string;
  cell: string;
  name: string;
}

/** The unit a `| unit` filter formats by: the `unit` field of the item the cell is filled from. */
function scopeUnit(scope: Scope): string | null {
  for (const s of [scope.item, ...scope.parents]) {
    if (s && typeof s === 'object' && 'unit' in s) {
      const u = (s as { unit: unknown }).unit;
      return typeof u === 'string' ? u : null;
    }
  }
  return null;
}

/**
 * Apply a filter. `exact`: the placeholder is the whole cell, so a date can be a date cell and a
 * figure can take its unit's format; inside text, dates are written "2026-11-18 19:58".
 */
function applyFilter(value: unknown, filter: string | undefined, args: string[], scope: Scope, exact: boolean) {
  const out = (v: unknown, numFmt?: string) => ({ value: v, numFmt });
  if (!filter) return out(value);
  if (value === null || value === undefined) {
    if (['bool', 'check', 'unit', 'time', 'join', 'lines'].includes(filter)) return out(value);
  }
  switch (filter) {
    case 'time':
      return out(typeof value === 'number' ? value / 86400 : value);
    case 'date': {
      const d = isoToExcelDate(value);
      if (!exact) return out(typeof value === 'string' ? value.slice(0, 10) : value);
      return d ? out(d, DATE_FORMAT) : out(value);
    }
    case 'datetime': {
      const d = isoToExcelDate(value);
      if (exact && d) return out(d, /T\d{2}:\d{2}/.test(String(value)) ? DATETIME_FORMAT : DATE_FORMAT);
      return out(
        typeof value === 'string' ? value.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?.*$/, '$1 $2') : value,
      );
    }
    case 'join':
      return out(Array.isArray(value) ? value.join(', ') : value);
    case 'lines':
      if (!Array.isArray(value)) return out(value);
      return out(value.length ? value.join('\n') : null);
    case 'check':
      return out(typeof value === 'boolean' ? (value ? '✓' : '✗') : value);
    case 'bool': {
      const [yes = '是', no = '否'] = args;
      return out(typeof value === 'boolean' ? (value ? yes : no) : value);
    }
    case 'unit': {
      const unit = scopeUnit(scope);
      if (typeof value !== 'number' || unit === null) return out(value);
      if (!(unit in UNIT_FORMATS))
        throw new PlaceholderError(`unknown unit "${unit}" (units: ${Object.keys(UNIT_FORMATS).join(', ')})`);
      return out(TIME_UNITS.has(unit) ? value / 86400 : value, UNIT_FORMATS[unit]);
    }
    default:
      throw new PlaceholderError(`unknown filter "${filter}" (filters: ${FILTERS})`);
  }
}

const filterArgs = (raw: string | undefined): string[] =>
  raw
    ? raw
        .split(':')
        .slice(1)
        .map((a) => a.trim())
    : [];

/** "label：{{x}}" — text that only introduces its placeholder. */
const LABELLED = /^[^{}]*[：:]\s*\{\{[^{}]+\}\}\s*$/u;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The value a template cell takes in `scope`. Text whose every placeholder is empty (no missing
 * metrics: "导出中没有的指标：{{missing | join}}") is left out rather than printed as a label
 * followed by nothing.
 */
function fill(template: CellValue, scope: Scope): Filled {
  const text = cellText(template);
  if (text === null) return { value: template }; // numbers, formulas, dates: kept as the template has them
  const chart = CHART.exec(text);
  if (chart) return { value: null, chart: chart[1]! };
  const exact = EXACT.exec(text);
  if (exact) {
    const f = applyFilter(resolve(exact[1]!, scope), exact[2], filterArgs(exact[3]), scope, true);
    return {
      value: safeCell(f.value) as CellValue,
      ...(f.numFmt ? { numFmt: f.numFmt } : {}),
    };
  }
  if (!text.includes('{{')) return { value: template };
  let placeholders = 0;
  let empty = 0;
  const out = text.replace(PLACEHOLDER, (_m, path: string, filter?: string, args?: string) => {
    const v = applyFilter(resolve(path, scope), filter, filterArgs(args), scope, false).value;
    placeholders++;
    if (isEmpty(v)) {
      empty++;
      return '';
    }
    if (Array.isArray(v)) return v.join(', ');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
  // Nothing to show: "导出中没有的指标：{{missing | join}}" is left out; a title keeps its words
  // without the separator that led to the missing part ("直播复盘 · ").
  if (placeholders > 0 && empty === placeholders) {
    if (LABELLED.test(text)) return { value: null };
    return { value: out.replace(/[\s·:：,，、（(]+$/u, '') };
  }
  // Only a value at the start can make the cell look like a formula.
  return { value: text.trimStart().startsWith('{{') ? (safeCell(out) as CellValue) : out };
}

/** Excel's column width is in characters of the default font: a Chinese character takes two. */
function sheetWidth(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) {
      const c = ch.codePointAt(0)!;
      w +=
        c >= 0x1100 &&
        (c <= 0x115f ||
          (c >= 0x2e80 && c <= 0xa4cf) ||
          (c >= 0xac00 && c <= 0xd7a3) ||
          (c >= 0xf900 && c <= 0xfaff) ||
          (c >= 0xfe30 && c <= 0xfe4f) ||
          (c >= 0xff00 && c <= 0xff60) ||
          (c >= 0xffe0 && c <= 0xffe6) ||
          c >= 0x20000)
          ? 2
          : 1;
    }
    longest = Math.max(longest, w);
  }
  return longest;
}

interface Block {
  /** The block's first and last template rows (the same row for a block of one row). */
  row: number;
  last: number;
  /** Items to repeat, or null when the report does not have that data. */
  items: ListItem[] | null;
}

const blockRows = (b: Block) => b.last - b.row + 1;

const firstText = (row: ExcelJS.Row): string => cellText(row.getCell(1).value) ?? '';

function eachPath(row: ExcelJS.Row): string | null {
  return EACH.exec(firstText(row))?.[1] ?? null;
}

/**
 * The repeated blocks of a template sheet and the items each repeats over: a `{{#each}}` row, down
 * to the row whose first cell `{{/each}}` closes when one does before the next block.
 */
function findBlocks(ws: ExcelJS.Worksheet, model: object, templateLabel: string): Block[] {
  const blocks: Block[] = [];
  const fail = (r: number, message: string): never => {
    throw new InputError({ file: templateLabel }, `${ws.name}!A${r}: ${message}`);
  };
  for (let r = 1; r <= ws.rowCount; r++) {
    const path = eachPath(ws.getRow(r));
    if (!path) {
      if (END_EACH.test(firstText(ws.getRow(r)))) fail(r, '{{/each}} closes no {{#each}} row above it');
      continue;
    }
    let last = r;
    if (!END_EACH.test(firstText(ws.getRow(r)))) {
      for (let q = r + 1; q <= ws.rowCount && !eachPath(ws.getRow(q)); q++) {
        if (END_EACH.test(firstText(ws.getRow(q)))) {
          last = q;
          break;
        }
      }
    }
    const found = lookupList(model, path);
    if (!found.found) {
      fail(
        r,
        `unknown placeholder {{#each ${path}}}: the report has no list "${found.missing}"` +
          (found.available.length ? ` (fields there: ${found.available.slice(0, 15).join(', ')})` : ''),
      );
    } else blocks.push({ row: r, last, items: found.items });
    r = last;
  }
  return blocks;
}

/** "B2:D5" → [top, left, bottom, right] (1-based). */
function rangeBounds(range: string): [number, number, number, number] {
  const cells = range.split(':').map((ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [Number(m[2]), col] as const;
  });
  const [a, b = a] = cells as [readonly [number, number], (readonly [number, number])?];
  return [Math.min(a[0], b![0]), Math.min(a[1], b![1]), Math.max(a[0], b![0]), Math.max(a[1], b![1])];
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

/** The charts a report can draw: their names (for the template's `{{chart:name}}`), built only when a template asks. */
export interface ChartSet {
  names: readonly string[];
  /** Each chart by name; null when the report has no data for it (no minute trend: no curve). */
  build: () => Promise<Record<string, Chart | null>>;
}

/**
 * What the charts came to: how many were drawn, and whether a Chinese font was found to draw them
 * (null in an HTML page: the reader's browser draws the labels, with the reader's fonts).
 */
export interface ChartsDrawn {
  drawn: number;
  cjkFont: boolean | null;
}

export interface FillOptions {
  /** Template path, for messages. */
  templateLabel: string;
  charts?: ChartSet;
  /** Told once the charts are in the workbook (not called when the template places none). */
  onCharts?: (drawn: ChartsDrawn) => void;
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
  const placements: ChartPlacement[] = [];
  try {
    const work = (async () => {
      if ((await fillSheets(template, writer, model, opts, placements)) === 0) {
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
    if (!stream.writableFinished) await finished(stream);
  } catch (e) {
    stream.destroy();
    // `finished`, not once('close'): a stream that failed has closed already, and a wait for its
    // 'close' event would never end.
    await finished(stream).catch(() => undefined);
    throw e;
  }
  if (placements.length > 0) await drawCharts(outFile, placements, opts);
}

/**
 * The charts the template places, drawn (ECharts → SVG → PNG) and put at their cells. The streaming
 * writer cannot hold pictures, so they go into the finished workbook (xlsx-images.ts), written
 * beside it and moved over it.
 */
async function drawCharts(outFile: string, placements: ChartPlacement[], opts: FillOptions): Promise<void> {
  const built = await opts.charts!.build();
  const { chartToPng } = await import('./charts/index.js');
  const { addImagesToXlsx } = await import('./xlsx-images.js');
  const images = [];
  let cjkFont = true;
  for (const p of placements) {
    const chart = built[p.name];
    if (!chart) continue;
    const r = await chartToPng(chart);
    cjkFont &&= r.cjkFont;
    images.push({
      sheetName: p.sheet,
      cell: p.cell,
      png: r.png,
      widthPx: r.displayWidth,
      heightPx: r.displayHeight,
      description: chart.title,
    });
  }
  if (images.length > 0) {
    const withCharts = `${outFile}.charts`;
    try {
      await addImagesToXlsx(outFile, withCharts, images);
      await rename(withCharts, outFile);
    } finally {
      await rm(withCharts, { force: true });
    }
  }
  opts.onCharts?.({ drawn: images.length, cjkFont: images.length === 0 || cjkFont });
}

/** A template row's cells filled in `scope`, and the path its `{{#if}}` names (null without one). */
function fillRow(
  tpl: ExcelJS.Row,
  scope: Scope,
  stripEach: boolean,
  columnCount: number,
  placeholderError: (cell: ExcelJS.Cell, e: PlaceholderError) => never,
): { filled: Array<{ t: ExcelJS.Cell; f: Filled }>; condition: string | null } {
  const filled: Array<{ t: ExcelJS.Cell; f: Filled }> = [];
  const condition = IF.exec(cellText(tpl.getCell(1).value) ?? '')?.[1] ?? null;
  for (let c = 1; c <= columnCount; c++) {
    const t = tpl.getCell(c);
    let value = t.value;
    if (stripEach && c === 1) value = (cellText(value) ?? '').replace(EACH, '').replace(END_EACH, '');
    if (c === 1 && condition !== null) value = (cellText(value) ?? '').replace(IF, '');
    try {
      filled.push({ t, f: fill(value, scope) });
    } catch (e) {
      if (e instanceof PlaceholderError) placeholderError(t, e);
      throw e;
    }
  }
  return { filled, condition };
}

/** The `{{chart:name}}` cells of a written row, as placements at the output row (an unknown name is an error). */
function placeCharts(
  filled: Array<{ t: ExcelJS.Cell; f: Filled }>,
  sheet: string,
  outRow: number,
  opts: FillOptions,
  placements: ChartPlacement[],
): void {
  filled.forEach(({ t, f }, i) => {
    if (f.chart === undefined) return;
    if (!opts.charts?.names.includes(f.chart))
      throw new InputError(
        { file: opts.templateLabel },
        `${sheet}!${t.address}: unknown chart {{chart:${f.chart}}}` +
          (opts.charts ? ` (charts of this report: ${opts.charts.names.join(', ')})` : ': this report draws no charts'),
      );
    placements.push({ sheet, cell: `${columnLetter(i + 1)}${outRow}`, name: f.chart });
  });
}

/** Every cell inside a merge of the template: a merged title spans columns, so its width is not theirs. */
function mergedCells(ws: ExcelJS.Worksheet): Set<string> {
  const merged = new Set<string>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const [top, left, bottom, right] = rangeBounds(range);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) merged.add(`${columnLetter(c)}${r}`);
  }
  return merged;
}

/** A line of 11 pt text, in points: a wrapped row is this times its lines high. */
const LINE_POINTS = 15;
/** Excel's tallest row. */
const MAX_ROW_POINTS = 409;

/**
 * A filled row's cells, with the template's style, the filter's number format, and wrap where text
 * overflows. Returns the lines its tallest wrapped cell takes: LibreOffice does not grow a row to
 * its wrapped text on opening a workbook (Excel does), so the row is given that height.
 */
function writeCells(
  row: ExcelJS.Row,
  filled: Array<{ t: ExcelJS.Cell; f: Filled }>,
  widths: number[],
  merged: Set<string>,
): number {
  let lines = 1;
  filled.forEach(({ t, f: { value: v, numFmt } }, i) => {
    const c = i + 1;
    const cell = row.getCell(c);
    if (v !== null && v !== undefined && v !== '') cell.value = v;
    if (t.style && Object.keys(t.style).length) cell.style = t.style;
    if (numFmt) cell.numFmt = numFmt;
    // Text wider than its column, or of several lines, wraps in it (a merged title keeps its one line).
    if (typeof v === 'string' && !merged.has(t.address)) {
      const width = widths[c - 1] ?? DEFAULT_COLUMN_WIDTH;
      if ((sheetWidth(v) > width || v.includes('\n')) && !t.alignment?.wrapText)
        cell.alignment = { ...(t.alignment ?? {}), wrapText: true, vertical: t.alignment?.vertical ?? 'top' };
      if (cell.alignment?.wrapText) lines = Math.max(lines, wrappedLines(v, width));
    }
  });
  return lines;
}

/** A row as high as its wrapped text, every cell of it read from the top as the wrapped one is. */
function tallRow(row: ExcelJS.Row, lines: number, columns: number): void {
  row.height = linesPoints(lines);
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    if (cell.value !== null && !cell.alignment?.vertical)
      cell.alignment = { ...(cell.alignment ?? {}), vertical: 'top' };
  }
}

/**
 * A Chinese character is two display columns but, in the fonts spreadsheets draw it with, about 1.6
 * to 1.8 widths of the digit a column's width counts: text is this much of its display width.
 */
const GLYPH_RATIO = 0.8;

/** The height of `lines` lines of text, in points, within Excel's tallest row. */
const linesPoints = (lines: number) => Math.min(MAX_ROW_POINTS, lines * LINE_POINTS);

/** The lines `text` takes wrapped in a column `width` characters wide. */
function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((sheetWidth(line) * GLYPH_RATIO) / usable)), 0);
}

/**
 * Where a range of the template lands in the output. A range over part of a repeated block's rows
 * (a calendar's day numbers) is one range per copy; a range over a whole block, or one running
 * into or past it, stretches over every copy; a range below a block moves down with the rows.
 */
function landRange(range: string, blocks: Block[], offsetAt: (row: number) => number): string[] {
  const [top, left, bottom, right] = rangeBounds(range);
  const ref = (from: number, to: number) => `${columnLetter(left)}${from}:${columnLetter(right)}${to}`;
  const blockOf = (row: number) => blocks.find((b) => b.row <= row && row <= b.last);
  const copies = (b: Block) => b.items?.length ?? 0;
  const inner = blockOf(top);
  if (inner && bottom <= inner.last && !(top === inner.row && bottom === inner.last)) {
    const at = offsetAt(inner.row);
    return Array.from({ length: copies(inner) }, (_, i) =>
      ref(top + at + i * blockRows(inner), bottom + at + i * blockRows(inner)),
    );
  }
  const end = blockOf(bottom);
  const from = top + offsetAt(top);
  const to = bottom + offsetAt(bottom) + (end ? (copies(end) - 1) * blockRows(end) : 0);
  return to >= from ? [ref(from, to)] : [];
}

/** The template sheet's conditional formats, over the rows as filled. */
function keepConditionalFormats(
  ws: ExcelJS.Worksheet,
  out: ExcelJS.Worksheet,
  blocks: Block[],
  offsetAt: (row: number) => number,
): void {
  const formats = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const cf of formats ?? []) {
    const ref = cf.ref
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((r) => landRange(r, blocks, offsetAt))
      .join(' ');
    if (ref) out.addConditionalFormatting({ ...cf, ref });
  }
}

async function fillSheets(
  template: ExcelJS.Workbook,
  writer: ExcelJS.stream.xlsx.WorkbookWriter,
  model: object,
  opts: FillOptions,
  placements: ChartPlacement[],
): Promise<number> {
  let written = 0;
  for (const ws of template.worksheets) {
    // Which rows repeat, and over what.
    const blocks = findBlocks(ws, model, opts.templateLabel);
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
    const widths = cols.map((c) => c.width ?? DEFAULT_COLUMN_WIDTH);
    const merged = mergedCells(ws);

    // Rows added by the repeated blocks above a template row shift it down.
    const offsetAt = (row: number) =>
      blocks.filter((b) => b.last < row).reduce((s, b) => s + ((b.items?.length ?? 0) - 1) * blockRows(b), 0);
    // Merges, moved to where their rows land. exceljs's streaming writer needs a merge's rows
    // uncommitted when the merge is made, so rows are committed once no pending merge spans them.
    const merges = ((ws.model as { merges?: string[] }).merges ?? [])
      .filter((range) => !blocks.some((b) => b.row <= rangeBounds(range)[0] && rangeBounds(range)[0] <= b.last)) // not repeated with their rows
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
      // `{{pagebreak}}` alone in the first cell: the printed page ends with this (empty) row, so a
      // chart below it starts on a page of its own instead of being cut across two.
      if (PAGE_BREAK.test(firstText(tpl))) {
        row.addPageBreak();
        settle();
        return;
      }
      const { filled, condition } = fillRow(tpl, scope, stripEach, columnCount, (t, e) => {
        throw new InputError({ file: opts.templateLabel }, `${ws.name}!${t.address}: ${e.message}`);
      });
      // `{{#if path}}` in the first cell: a row about data the report may lack (周目标 … 达成率 with
      // no target set) is left blank, labels and all, rather than printed beside empty cells.
      if (condition !== null && isEmpty(resolve(condition, scope))) {
        settle();
        return;
      }
      const lines = writeCells(row, filled, widths, merged);
      // A row the template gives a height keeps it, and grows when its wrapped text needs more.
      if (tpl.height) row.height = Math.max(tpl.height, linesPoints(lines));
      else if (lines > 1) tallRow(row, lines, columnCount);
      placeCharts(filled, ws.name, outRow, opts, placements);
      settle();
    };

    for (let r = 1; r <= ws.rowCount; r++) {
      const block = blocks.find((b) => b.row === r);
      if (!block) {
        writeRow(ws.getRow(r), { item: null, parents: [], no: 0, root: model }, false);
        continue;
      }
      (block.items ?? []).forEach((it, i) => {
        for (let q = block.row; q <= block.last; q++)
          writeRow(ws.getRow(q), { item: it.item, parents: it.parents, no: i + 1, root: model }, true);
      });
      r = block.last;
    }
    for (const m of merges) out.mergeCells(m.range);
    keepConditionalFormats(ws, out, blocks, offsetAt);

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
