/**
 * From raw rows to tables: find the header row (not always row 1), the layout (table, one record
 * under a header, or key/value pairs in columns A/B), map headers to fields, detect kind and
 * platform, and stream typed records. Rows keep the numbers a spreadsheet shows.
 */
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import { columnLetter } from '../column-letter.js';
import { detectKind, detectPlatform, REQUIRED, type Layout, type Platform, type TableKind } from './detect.js';
import { fieldDef } from './fields.js';
import { buildHeaderIndex, type HeaderIndex, type HeaderMapping, type HeaderRole } from './headers.js';
import { openRawSource, type RawCell, type RawRow, type RawSheet, type RawSource } from './raw.js';
import { EXPECTED, parseValue, type DurationUnit, type ExpectedKey, type ParseOptions, type Value } from './values.js';

export interface Column {
  index: number;
  /** Spreadsheet column letter (A, B, … AA). */
  letter: string;
  header: string;
  field: string | null;
  /** Set when an earlier column already maps to the same field; this one is ignored. */
  duplicateOf?: string;
  durationUnit?: DurationUnit;
  scale?: number;
  /** A bare number in this rate column is a percentage (header "(%)"): 5 → 0.05. */
  percent?: 100 | 1000;
  /** The unit the header (or its config mapping) states, as written: 万元, %, 秒. */
  unit?: string;
  /** actual: the figure itself; target: the goal for `field` on the same row (GMV目标, 转化率目标). */
  role: HeaderRole;
  /** The header was mapped by the config's `headers:`. */
  viaConfig?: boolean;
}

export interface ValueProblem {
  row: number;
  column: string;
  header: string;
  raw: string;
  /** Key of EXPECTED: what the cell should have been. */
  expected: ExpectedKey;
}

/**
 * A value read but unlikely as written, naming its cell:
 *   rate-above-100     a proportion over 100 %;
 *   money-vs-target    a figure ~10⁴ off its target on the same row (`target`: its header and value);
 *   unended-last-row   CSV: the file stops in its last row, with no line break after it (`row`);
 *                      a cut file, or a writer that leaves the last line open;
 *   duplicate-differs  a header that appears twice with other values under the second (`row` the
 *                      first row where they differ, `value` how many rows differ, `first` the column used).
 */
export type ValueWarning =
  | { code: 'rate-above-100'; row: number; column: string; header: string; value: number }
  | {
      code: 'money-vs-target';
      row: number;
      column: string;
      header: string;
      value: number;
      target: { header: string; value: number };
    }
  | { code: 'unended-last-row'; row: number }
  | {
      code: 'duplicate-differs';
      row: number;
      column: string;
      header: string;
      value: number;
      first: { column: string; header: string };
    };

/** At most this many warnings are kept per table. */
const MAX_WARNINGS = 50;

export type RowRole = 'data' | 'total' | 'sku';

export interface TableRecord {
  row: number;
  role: RowRole;
  /** For SKU child rows: the row of the product they belong to. */
  parentRow?: number;
  values: Record<string, Value>;
  /** Targets set on the row for a field (a 目标 column beside it), by field id. */
  targets?: Record<string, Value>;
}

export interface Table {
  file: string;
  format: 'csv' | 'xlsx';
  /** xlsx only: who made the workbook ("liveops" for liveops's own reports). */
  creator: string | null;
  /** CSV only: utf-8, utf-8-bom, gb18030, utf-16le/be. */
  readonly encoding: string | undefined;
  delimiter?: string;
  /** Sheet name for workbooks; undefined for CSV. */
  sheet?: string;
  layout: Layout;
  kind: TableKind;
  platform: Platform;
  /** Row of the header line; for key/value sheets the first key row. null when the sheet is empty. */
  headerRow: number | null;
  /** Text found above the header (report titles, date ranges). */
  titleRows: string[];
  columns: Column[];
  /** Headers no field matched, in column order. */
  unmapped: Column[];
  /** Required field groups (one of each) this kind lacks. */
  missingRequired: string[][];
  empty: boolean;
  /** Problems found so far (non-strict reading); complete once records() has been consumed. */
  problems: ValueProblem[];
  problemCount: number;
  /**
   * Values read but unlikely as written (a rate above 100 %, money 10⁴ off its target on the same
   * row), each naming its cell; complete once records() has been consumed.
   */
  warnings: ValueWarning[];
  /** Streams the typed records. Can be consumed once (this or `batches`). */
  records(): AsyncIterable<TableRecord>;
  /** The typed records in batches (each batch of rows the reader gives): what large inputs are read through. */
  batches(): AsyncIterable<TableRecord[]>;
}

export interface TableOptions {
  /** Config `headers:` mapping, header text → field id (or { field, unit }). */
  headerMap?: Record<string, string | HeaderMapping>;
  /** Throw an InputError at the first value problem instead of collecting it. */
  strict?: boolean;
  /** How many problems to keep for reporting (all are counted). */
  maxProblems?: number;
}

const LOOKAHEAD = 30;
const HEADER_SEARCH = 20;
const TOTAL_WORDS = new Set(['整体', '合计', '总计', '汇总', '总体', '全部', 'total', '总和']);

function cellText(c: RawCell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
}

/** How many cells of a row hold something (no array made: this runs on every row). */
function nonEmpty(r: RawRow): number {
  let n = 0;
  for (const c of r.cells) {
    if (c === null || c === undefined) continue;
    if (typeof c !== 'string' || c.trim().length !== 0) n++;
  }
  return n;
}

function headerScore(row: RawRow, index: HeaderIndex): number {
  let n = 0;
  for (const c of row.cells) if (typeof c === 'string' && index.match(c)) n++;
  return n;
}

interface Head {
  layout: Layout;
  headerRow: number | null;
  titleRows: string[];
  columns: Column[];
  /** Buffered rows after the header that are data. */
  dataStart: number;
}

/**
 * Map one header to its field. `seen` holds the fields already taken by earlier columns: a second
 * column for the same field is marked as a duplicate and ignored.
 */
function toColumn(
  header: string,
  index: number,
  letter: string,
  headers: HeaderIndex,
  seen: Map<string, string>,
): Column {
  const col: Column = { index, letter, header, field: null, role: 'actual' };
  const m = header ? headers.match(header) : null;
  if (!m) return col;
  const key = `${m.role}:${m.field}`;
  const first = seen.get(key);
  if (first !== undefined) {
    col.duplicateOf = first;
    return col;
  }
  seen.set(key, header);
  col.field = m.field;
  col.role = m.role;
  if (m.viaConfig) col.viaConfig = true;
  if (m.unit) col.unit = m.unit.text;
  if (m.durationUnit) col.durationUnit = m.durationUnit;
  if (m.scale !== undefined) col.scale = m.scale;
  if (m.percent !== undefined) col.percent = m.percent;
  return col;
}

function mapColumns(headers: RawCell[], index: HeaderIndex): Column[] {
  const seen = new Map<string, string>();
  return headers.map((h, i) => toColumn(cellText(h), i, columnLetter(i + 1), index, seen));
}

/** Decide the layout and header from the first rows of a sheet. */
function findHead(rows: RawRow[], index: HeaderIndex): Head {
  const candidates = rows.slice(0, HEADER_SEARCH);
  // Key/value sheets (Compass 流量分析-流量转化): a field name in column A, its value in B, no header row.
  const maxWidth = Math.max(0, ...candidates.map(nonEmpty));
  const kvRows = candidates.filter((r) => typeof r.cells[0] === 'string' && index.match(r.cells[0]) !== null);
  let best: RawRow | undefined;
  let bestScore = 0;
  for (const r of candidates) {
    const s = headerScore(r, index);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  if (maxWidth <= 3 && kvRows.length >= 3 && kvRows.length > bestScore) {
    const first = rows.indexOf(kvRows[0] as RawRow);
    // Key/value columns are the keys; `index` holds the row each value is on (column B).
    const seen = new Map<string, string>();
    const kvColumns = rows
      .slice(first)
      .filter((r) => cellText(r.cells[0] ?? null) !== '')
      .map((r) => toColumn(cellText(r.cells[0] ?? null), r.rowNumber, 'B', index, seen));
    return {
      layout: 'key-value',
      headerRow: kvRows[0]?.rowNumber ?? null,
      titleRows: rows.slice(0, first).map((r) => r.cells.map(cellText).filter(Boolean).join(' ')),
      columns: kvColumns,
      dataStart: rows.length,
    };
  }
  if (!best || bestScore < 2) {
    // No known headers: take the first row that looks like one (≥ 2 text cells, the widest early row).
    const textRows = candidates
      .slice(0, 10)
      .filter((r) => r.cells.filter((c) => typeof c === 'string' && c !== '').length >= 2);
    const widest = Math.max(0, ...textRows.map(nonEmpty));
    best = textRows.find((r) => nonEmpty(r) === widest) ?? candidates[0];
  }
  if (!best) return { layout: 'table', headerRow: null, titleRows: [], columns: [], dataStart: 0 };
  const at = rows.indexOf(best);
  const dataRows = rows.length - at - 1;
  return {
    layout: dataRows === 1 && rows.length < LOOKAHEAD ? 'single-record' : 'table',
    headerRow: best.rowNumber,
    titleRows: rows.slice(0, at).map((r) => r.cells.map(cellText).filter(Boolean).join(' ')),
    columns: mapColumns(best.cells, index),
    dataStart: at + 1,
  };
}

/** Each column's parser, worked out once per table rather than once per cell. */
function columnParser(table: Table, col: Column): ((raw: RawCell) => ReturnType<typeof parseValue>) | null {
  if (!col.field) return null;
  const def = fieldDef(col.field);
  const durationUnit = col.durationUnit ?? def.durationUnit ?? (table.kind === 'stream-list' ? 'minutes' : undefined);
  const parseOpts: ParseOptions = {};
  if (durationUnit) parseOpts.durationUnit = durationUnit;
  if (col.scale !== undefined) parseOpts.scale = col.scale;
  if (col.percent !== undefined) parseOpts.percent = col.percent;
  const type = def.type;
  return (raw) => parseValue(raw, type, parseOpts);
}

function parseCell(
  table: Table,
  col: Column,
  parse: ((raw: RawCell) => ReturnType<typeof parseValue>) | null,
  raw: RawCell,
  row: number,
  opts: TableOptions,
  maxProblems: number,
): Value {
  if (!parse) return null;
  const r = parse(raw);
  if (r.ok) return r.value;
  reportProblem(table, col, raw, row, r.expected, opts, maxProblems);
  return null;
}

/** A cell that is not what its column needs: an InputError when strict, else counted and kept. */
function reportProblem(
  table: Table,
  col: Column,
  raw: RawCell,
  row: number,
  expected: ExpectedKey,
  opts: TableOptions,
  maxProblems: number,
): void {
  const text = cellText(raw);
  if (opts.strict) {
    throw new InputError(
      { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}), row, column: col.header },
      `"${text}" is not ${EXPECTED[expected].en}${lostCurrency(text, expected)}`,
    );
  }
  table.problemCount++;
  if (table.problems.length < maxProblems)
    table.problems.push({ row, column: col.letter, header: col.header, raw: text, expected });
}

/** Wider than any export: a header row is looked for in the first rows, and one this wide is not one. */
const MAX_COLUMNS = 10_000;
const MAX_HEADER_CELL = 64 * 1024;

/**
 * A row among the first ones (where the header is looked for) with more than 10,000 columns or a
 * cell over 64 KB is no export: refused at once, naming the row, rather than matched for minutes.
 */
function refuseAbsurdRow(meta: TableMeta, r: RawRow): void {
  const where = { file: meta.file, ...(meta.sheet !== undefined ? { sheet: meta.sheet } : {}), row: r.rowNumber };
  if (r.cells.length > MAX_COLUMNS) {
    throw new InputError(
      where,
      `has ${r.cells.length.toLocaleString('en-US')} columns; an export has far fewer (at most ${MAX_COLUMNS.toLocaleString('en-US')} are read): is this the right file?`,
    );
  }
  for (const c of r.cells) {
    if (typeof c === 'string' && c.length > MAX_HEADER_CELL) {
      throw new InputError(
        where,
        `has a cell of ${c.length.toLocaleString('en-US')} characters among the first rows, where the header is looked for; a header is far shorter (at most 64 KB): is this the right file?`,
      );
    }
  }
}

/**
 * A stray quote in a CSV pairs with the next quote, rows or even the rest of the file away: the rows
 * between become one field, and are lost without a word. Legitimate multi-line fields (a comment
 * written over two lines) hold text, not lines shaped like rows of the file. Refuse a record whose
 * quoted field holds lines shaped like rows: in the header, any line with the delimiter in it; in a
 * data row without the header's number of columns, a line with at least width − 2 delimiters; in a
 * row of the right width (the quotes happened to pair up there), two lines with a whole row's.
 */
function refuseJoinedRows(meta: TableMeta, r: RawRow, columns: Column[], header: boolean): void {
  // Only a CSV record with a quoted line break in it (the reader gives its last line) can be one.
  const delimiter = meta.delimiter;
  if (r.lastLine === undefined || delimiter === undefined) return;
  const width = columns.length;
  const misshapen = r.cells.length !== width;
  const need = header ? 1 : misshapen ? Math.max(1, width - 2) : Math.max(1, width - 1);
  const enough = header || misshapen ? 1 : 2;
  for (let i = 0; i < r.cells.length; i++) {
    const c = r.cells[i];
    if (typeof c !== 'string' || (!c.includes('\n') && !c.includes('\r'))) continue;
    const inner = c.split(/\r\n|\r|\n/).slice(1);
    const rowLike = inner.filter((l) => l.split(delimiter).length - 1 >= need).length;
    if (rowLike < enough) continue;
    const where = {
      file: meta.file,
      row: r.rowNumber,
      column: header ? columnLetter(i + 1) : columns[i]?.header || columnLetter(i + 1),
    };
    const lines = r.line !== undefined ? `lines ${r.line}–${r.lastLine}` : `${inner.length + 1} lines`;
    throw new InputError(
      where,
      header
        ? `a quote (") in the header row is not closed where the header ends: the header runs over ${lines} and swallows rows of data; remove the stray quote or export the file again`
        : `a quoted field runs over ${lines}, ${rowLike} of them shaped like rows of their own${misshapen ? `, and the row has ${r.cells.length} of ${width} columns` : ''}: a stray quote (") joined rows into one; remove it or export the file again`,
    );
  }
}

/** Excel, saving a CSV as GBK, writes "?" for a ¥ it cannot encode: say so. */
function lostCurrency(text: string, expected: ExpectedKey): string {
  return expected === 'money' && /^\?[\d,.]+$/.test(text)
    ? ' (the ¥ was probably lost when the file was saved as GBK: write ￥ or no sign, or save as "CSV UTF-8")'
    : '';
}

/**
 * Durations some systems export as the moment they ended: a 首次响应时间 of 2026/11/26 19:35:05
 * beside the 咨询时间 it answers. Such a cell is read as the time between the two.
 */
const DURATION_SINCE: Record<string, string> = { firstResponse: 'consultTime', duration: 'start' };

/**
 * A duration column beside its start that holds the time of day it ended (首次响应时间 19:35:08
 * beside 咨询时间 2026/11/26 19:35:00), read as a clock duration of 19 hours. Read as the time on
 * the start's day instead when that is an hour or more as a duration, and, as a moment, at or after
 * the start and no more than half that duration later (a real "01:30:00" response after a
 * consultation at 00:10 stays 90 minutes).
 */
function readAsTimeOfDay(values: Record<string, Value>, col: Column, raw: RawCell): void {
  const d = values[col.field!];
  const from = values[DURATION_SINCE[col.field!]!];
  if (typeof d !== 'number' || d < 3600 || d >= 86400 || typeof from !== 'string' || from.length < 19) return;
  const clock = raw instanceof Date || (typeof raw === 'string' && /^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$/.test(raw));
  if (!clock) return;
  const hh = Math.floor(d / 3600);
  const mm = Math.floor((d % 3600) / 60);
  const ss = Math.round(d % 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = `${from.slice(0, 10)}T${pad(hh)}:${pad(mm)}:${pad(ss)}${from.slice(19)}`;
  const diff = (Date.parse(at) - Date.parse(from)) / 1000;
  if (Number.isFinite(diff) && diff >= 0 && diff <= d / 2) values[col.field!] = diff;
}

interface PlausibilityPlan {
  /** Proportion columns: a value above 100 % is a warning. */
  rates: Column[];
  /** Money figures and their targets on the same row. */
  pairs: Array<{ actual: Column; target: Column }>;
}

/** Worked out once per table: which columns to check on every row. */
function plausibilityPlan(columns: Column[]): PlausibilityPlan {
  const find = (field: string, role: HeaderRole) => columns.find((c) => c.field === field && c.role === role);
  const rates = columns.filter(
    (c) => c.role === 'actual' && c.field && fieldDef(c.field).type === 'rate' && !fieldDef(c.field).unbounded,
  );
  const pairs: PlausibilityPlan['pairs'] = [];
  for (const c of columns) {
    if (!c.field) continue;
    // A 目标 column says whose target it is; a goal field (GMV目标) says it in the catalogue.
    const of = c.role === 'target' ? c.field : fieldDef(c.field).targetOf;
    const actual = of !== undefined ? find(of, 'actual') : undefined;
    if (actual && fieldDef(actual.field!).type === 'money') pairs.push({ actual, target: c });
  }
  return { rates, pairs };
}

/** Warn about values read as written but unlikely meant so; each warning names its cell. */
function checkPlausible(table: Table, plan: PlausibilityPlan, rec: TableRecord): void {
  for (const c of plan.rates) {
    const v = rec.values[c.field!];
    if (typeof v === 'number' && v > 1)
      table.warnings.push({ row: rec.row, column: c.letter, header: c.header, code: 'rate-above-100', value: v });
  }
  for (const { actual, target } of plan.pairs) {
    const a = rec.values[actual.field!];
    const t = target.role === 'target' ? rec.targets?.[target.field!] : rec.values[target.field!];
    if (typeof a !== 'number' || typeof t !== 'number' || a <= 0 || t <= 0) continue;
    const ratio = a / t;
    // A month's GMV is rarely 1/1000 or 1000× its target; 10⁴ is one column in 万元 and one in 元.
    if (ratio < 1e-3 || ratio > 1e3) {
      table.warnings.push({
        row: rec.row,
        column: actual.letter,
        header: actual.header,
        code: 'money-vs-target',
        value: a,
        target: { header: target.header, value: t },
      });
    }
  }
}

/** Two readings of one field agree (numbers to rounding). */
function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** Kinds whose exports carry a total row (整体, 合计) or SKU child rows. */
const KINDS_WITH_TOTALS = new Set<TableKind>([
  'channels',
  'products',
  'selection',
  'stream-list',
  'stream-summary',
  'short-video',
  'minute-trend',
  'kpi',
]);

const LONGEST_TOTAL_WORD = Math.max(...[...TOTAL_WORDS].map((w) => w.length));

/** The row's label: the first of its channel, product name, account, product ID and first cell that holds text. */
function rowLabel(values: Record<string, Value>, cells: RawCell[]): string {
  return (
    trimmedText(values.channel) ??
    trimmedText(values.productName) ??
    trimmedText(values.account) ??
    trimmedText(values.productId) ??
    trimmedText(cells[0]) ??
    ''
  );
}

/** The text trimmed, or undefined when it is not text or only spaces. */
function trimmedText(v: Value | RawCell | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function rowRole(kind: TableKind, values: Record<string, Value>, cells: RawCell[]): RowRole {
  if (!KINDS_WITH_TOTALS.has(kind)) return 'data';
  const label = rowLabel(values, cells);
  if (label.length <= LONGEST_TOTAL_WORD && TOTAL_WORDS.has(label.toLowerCase())) return 'total';
  // Compass 商品明细: SKU child rows carry the parent's ID prefixed with "-".
  if (
    (kind === 'products' || kind === 'selection') &&
    typeof values.productId === 'string' &&
    values.productId.startsWith('-')
  ) {
    return 'sku';
  }
  return 'data';
}

type TableMeta = { file: string; format: 'csv' | 'xlsx'; delimiter?: string; sheet?: string };

/** The sheet's first rows, read ahead to find its header; the batch iterator goes on from there. */
interface Lookahead {
  it: AsyncIterator<RawRow[]>;
  buffered: RawRow[];
  /** Rows of the last batch read that came after the lookahead's: the first after it. */
  rest: RawRow[];
  done: boolean;
  /**
   * A file damaged within its first rows (a quote never closed) still shows what it is: the error
   * is kept and raised where its row comes, when the records are read.
   */
  damage: unknown;
}

/** A sheet's rows in batches: the reader's own, or one row each. */
async function* batchesOf(raw: RawSheet): AsyncGenerator<RawRow[]> {
  if (raw.batches) {
    yield* raw.batches;
    return;
  }
  for await (const r of raw.rows) yield [r];
}

async function lookahead(meta: TableMeta, raw: RawSheet): Promise<Lookahead> {
  const ahead: Lookahead = { it: batchesOf(raw), buffered: [], rest: [], done: false, damage: null };
  while (ahead.buffered.length < LOOKAHEAD) {
    let n: IteratorResult<RawRow[]>;
    try {
      n = await ahead.it.next();
    } catch (e) {
      if (!(e instanceof InputError) || ahead.buffered.length === 0) throw e;
      ahead.damage = e;
      ahead.done = true;
      break;
    }
    if (n.done) {
      ahead.done = true;
      break;
    }
    const batch = n.value;
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i]!;
      if (ahead.buffered.length === LOOKAHEAD) {
        ahead.rest = batch.slice(i);
        break;
      }
      if (nonEmpty(r) > 0) {
        refuseAbsurdRow(meta, r);
        ahead.buffered.push(r);
      }
    }
  }
  return ahead;
}

/** The rows after the lookahead's, in batches. */
async function* restOf(ahead: Lookahead): AsyncGenerator<RawRow[]> {
  if (ahead.rest.length > 0) yield ahead.rest;
  while (!ahead.done) {
    const n = await ahead.it.next();
    if (n.done) break;
    yield n.value;
  }
}

/** A key/value sheet (Compass 流量分析-流量转化: a metric name in column A, its value in B) is one record. */
async function keyValueRecord(
  table: Table,
  head: Head,
  ahead: Lookahead,
  mapped: Array<{ col: Column; parse: ReturnType<typeof columnParser> }>,
  opts: TableOptions,
  maxProblems: number,
): Promise<TableRecord> {
  const values: Record<string, Value> = {};
  let rowNo = head.headerRow ?? 1;
  const byRow = new Map(ahead.buffered.map((r) => [r.rowNumber, r]));
  if (ahead.damage) throw ahead.damage;
  // Later rows of a long key/value sheet past the lookahead.
  for await (const batch of restOf(ahead)) for (const r of batch) if (nonEmpty(r) > 0) byRow.set(r.rowNumber, r);
  for (const { col, parse } of mapped) {
    const r = byRow.get(col.index);
    if (!r) continue;
    rowNo = r.rowNumber;
    if (col.role === 'target') continue;
    values[col.field!] = parseCell(table, col, parse, r.cells[1] ?? null, r.rowNumber, opts, maxProblems);
  }
  return { row: head.headerRow ?? rowNo, role: 'data', values };
}

/**
 * A table's typed records, from the rows after its header (the lookahead's, then the rest), in
 * batches: the records of each batch of rows the reader gives.
 */
async function* records(
  table: Table,
  head: Head,
  ahead: Lookahead,
  opts: TableOptions,
  maxProblems: number,
): AsyncGenerator<TableRecord[]> {
  const { kind } = table;
  const parsers = head.columns.map((c) => columnParser(table, c));
  const mapped = head.columns.map((c, i) => ({ col: c, parse: parsers[i]! })).filter((x) => x.col.field !== null);
  if (head.layout === 'key-value') {
    yield [await keyValueRecord(table, head, ahead, mapped, opts, maxProblems)];
    return;
  }
  let lastProductRow: number | undefined;
  const plan = plausibilityPlan(head.columns);
  // Duration columns that may hold the moment they ended, beside the start they are measured from;
  // decided once here, so the per-cell loop only reads a flag.
  const cells = mapped.map((x) => ({
    ...x,
    since:
      DURATION_SINCE[x.col.field!] !== undefined && head.columns.some((c) => c.field === DURATION_SINCE[x.col.field!]),
  }));
  const sinceCells = cells.filter((c) => c.since);
  const twins = twinsOf(table, head);
  let shortRows = 0;
  const emit = (r: RawRow): TableRecord | null => {
    const filled = nonEmpty(r);
    if (filled === 0) return null;
    refuseJoinedRows(table, r, head.columns, false);
    const short = r.cells.length < head.columns.length;
    if (short && !r.unended) shortRows++;
    if (r.unended) table.warnings.push({ code: 'unended-last-row', row: r.rowNumber });
    // A last row with fewer fields than the header and no line break after it, in a file whose
    // other rows are whole: the file was cut (an exporter that drops trailing empty fields drops them on other rows too).
    if (r.unended && short && shortRows === 0 && head.columns.length >= 2) {
      throw new InputError(
        { file: table.file, row: r.rowNumber },
        `the last row has ${r.cells.length} of ${head.columns.length} columns and the file ends in the middle of it: the file seems cut off; export it again`,
      );
    }
    // A lone note under a table ("数据来源：…") is not a record.
    if (
      filled === 1 &&
      head.columns.length >= 4 &&
      kind !== 'comments' &&
      kind !== 'consultations' &&
      !cellText(r.cells[0] ?? null).match(/^-?\d/)
    ) {
      const only = r.cells.findIndex((c) => cellText(c) !== '');
      const col = head.columns[only];
      if (!col || col.field === null || fieldDef(col.field).type === 'text') return null;
    }
    const values: Record<string, Value> = {};
    let targets: Record<string, Value> | undefined;
    let endedAt: Array<{ col: Column; raw: RawCell; at: string }> | undefined;
    for (const { col, parse, since } of cells) {
      const raw = r.cells[col.index] ?? null;
      if (since && !parse!(raw).ok) {
        const at = parseValue(raw, 'datetime');
        if (at.ok && typeof at.value === 'string') {
          (endedAt ??= []).push({ col, raw, at: at.value });
          continue;
        }
      }
      const v = parseCell(table, col, parse, raw, r.rowNumber, opts, maxProblems);
      if (col.role === 'target') (targets ??= {})[col.field!] = v;
      else values[col.field!] = v;
    }
    for (const { col } of sinceCells) readAsTimeOfDay(values, col, r.cells[col.index] ?? null);
    for (const e of endedAt ?? []) {
      const from = values[DURATION_SINCE[e.col.field!]!];
      const seconds = typeof from === 'string' ? (Date.parse(e.at) - Date.parse(from)) / 1000 : NaN;
      if (Number.isFinite(seconds) && seconds >= 0) {
        values[e.col.field!] = seconds;
      } else {
        values[e.col.field!] = null;
        if (typeof from === 'string') reportProblem(table, e.col, e.raw, r.rowNumber, 'duration', opts, maxProblems);
      }
    }
    if (twins.length) compareTwins(twins, r);
    const role = rowRole(kind, values, r.cells);
    const rec: TableRecord = { row: r.rowNumber, role, values };
    if (targets) rec.targets = targets;
    if (table.warnings.length < MAX_WARNINGS && (plan.rates.length || plan.pairs.length))
      checkPlausible(table, plan, rec);
    if (role === 'data') lastProductRow = r.rowNumber;
    if (role === 'sku' && lastProductRow !== undefined) rec.parentRow = lastProductRow;
    return rec;
  };
  const emitAll = (rows: RawRow[]): TableRecord[] => {
    const out: TableRecord[] = [];
    for (const r of rows) {
      const rec = emit(r);
      if (rec) out.push(rec);
    }
    return out;
  };
  const first = emitAll(ahead.buffered.slice(head.dataStart));
  if (first.length > 0) yield first;
  if (ahead.damage) throw ahead.damage;
  for await (const rows of restOf(ahead)) {
    const batch = emitAll(rows);
    if (batch.length > 0) yield batch;
  }
  warnTwins(table, twins);
}

/** A header given twice, with the column of the same name before it (the one that is read). */
interface Twin {
  dup: Column;
  first: Column;
  parse: NonNullable<ReturnType<typeof columnParser>>;
  /** Rows where the second column holds another value than the first, and the first of them. */
  differs: number;
  row: number;
}

// A header given twice: the first column is read; say so when the second holds other values.
function twinsOf(table: Table, head: Head): Twin[] {
  return head.columns
    .filter((c) => c.duplicateOf !== undefined)
    .map((dup) => {
      const first = head.columns.find((c) => c.field !== null && c.header === dup.duplicateOf && c.index < dup.index);
      return first ? { dup, first, parse: columnParser(table, first)!, differs: 0, row: 0 } : null;
    })
    .filter((t) => t !== null);
}

function compareTwins(twins: Twin[], r: RawRow): void {
  for (const t of twins) {
    const b = t.parse(r.cells[t.dup.index] ?? null);
    if (!b.ok || b.value === null) continue;
    const a = t.parse(r.cells[t.first.index] ?? null);
    if (a.ok && sameValue(a.value, b.value)) continue;
    if (t.differs++ === 0) t.row = r.rowNumber;
  }
}

function warnTwins(table: Table, twins: Twin[]): void {
  for (const t of twins) {
    if (t.differs === 0) continue;
    table.warnings.push({
      code: 'duplicate-differs',
      row: t.row,
      column: t.dup.letter,
      header: t.dup.header,
      value: t.differs,
      first: { column: t.first.letter, header: t.first.header },
    });
  }
}

/**
 * In a product table, a bare 曝光人数 / 曝光次数 (a team's own sheet, without 商品) counts the
 * product's exposure: a row is a product, and a live room's exposure has no per-product figure.
 * Elsewhere the same headers stay the live room's exposure (Compass 直播明细).
 */
const PRODUCT_EXPOSURE: Record<string, string> = { exposedUsers: 'productExposed', exposures: 'productExposures' };

function readExposureAsProducts(columns: Column[], fields: Set<string>): void {
  for (const [room, product] of Object.entries(PRODUCT_EXPOSURE)) {
    if (!fields.has(room) || fields.has(product)) continue;
    fields.delete(room);
    fields.add(product);
    for (const col of columns) if (col.field === room) col.field = product;
  }
}

async function buildTable(
  meta: TableMeta,
  source: RawSource,
  raw: RawSheet,
  index: HeaderIndex,
  opts: TableOptions,
): Promise<Table> {
  const ahead = await lookahead(meta, raw);
  const { buffered } = ahead;
  const head = findHead(buffered, index);
  for (const r of buffered.slice(0, head.dataStart)) refuseJoinedRows(meta, r, head.columns, true);
  const fields = new Set(
    head.columns
      .filter((c) => c.role === 'actual')
      .map((c) => c.field)
      .filter((f): f is string => f !== null),
  );
  const kind = detectKind(fields, head.layout);
  if (kind === 'products' || kind === 'selection') readExposureAsProducts(head.columns, fields);
  const headers = head.columns.map((c) => c.header).filter(Boolean);
  const context = [...head.titleRows, meta.sheet ?? '', basename(meta.file)];
  const platform = detectPlatform(headers, context);
  // Damage before anything recognisable (the header row itself unreadable): that is what to say.
  if (ahead.damage && kind === 'unknown') throw ahead.damage;
  const missingRequired = (REQUIRED[kind] ?? []).filter((group) => !group.some((f) => fields.has(f)));
  const maxProblems = opts.maxProblems ?? 200;
  let consumed = false;

  const table: Table = {
    ...meta,
    creator: source.creator ?? null,
    // A CSV whose first MiB is ASCII settles its encoding while streaming: read it late.
    get encoding() {
      return source.encoding;
    },
    layout: head.layout,
    kind,
    platform,
    headerRow: head.headerRow,
    titleRows: head.titleRows,
    columns: head.columns,
    unmapped: head.columns.filter((c) => c.header !== '' && c.field === null && !c.duplicateOf),
    missingRequired,
    empty: buffered.length === 0,
    problems: [],
    problemCount: 0,
    warnings: [],
    batches: () => {
      if (consumed) throw new Error('Table.records() can be consumed once');
      consumed = true;
      return records(table, head, ahead, opts, maxProblems);
    },
    records: () => {
      const batches = table.batches();
      return {
        async *[Symbol.asyncIterator]() {
          for await (const batch of batches) yield* batch;
        },
      };
    },
  };

  return table;
}

/**
 * Open a CSV or XLSX export and yield its tables, one per sheet, in workbook order. Each table's
 * records must be consumed (or abandoned) before the next table is requested.
 */
export async function* openTables(file: string, opts: TableOptions = {}): AsyncGenerator<Table> {
  const source = await openRawSource(file);
  const index = buildHeaderIndex(opts.headerMap);
  for await (const sheet of source.sheets) {
    const meta: TableMeta = { file, format: source.format };
    if (source.delimiter) meta.delimiter = source.delimiter;
    if (source.format === 'xlsx') meta.sheet = sheet.name;
    yield await buildTable(meta, source, sheet, index, opts);
  }
}

/** Where a table is, for messages: "file [sheet]". */
export function tableLocation(t: Pick<Table, 'file' | 'sheet'>): { file: string; sheet?: string } {
  return t.sheet === undefined ? { file: t.file } : { file: t.file, sheet: t.sheet };
}
