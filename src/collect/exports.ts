/**
 * Reading a folder of exports for the commands that look at many streams (the weekly report,
 * select): each file is read whole or not at all; a file that cannot be read is listed as
 * skipped and the rest goes on (cron must not stop at one bad file).
 */
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import { NegativeCounter, type NegativeResult } from '../domain/cs/negative.js';
import { ResponseAccumulator, type Consultation, type ResponseStats } from '../domain/cs/response.js';
import type { HotspotCounter } from '../domain/hotspots.js';
import { ProductTally } from '../domain/products.js';
import { dayOf, daysInName, overlaps } from '../domain/dated.js';
import type { HotspotSource } from '../domain/retro/input.js';
import type { ChannelRow, WeeklyStream } from '../domain/weekly/report.js';
import { InputError, isUserError } from '../errors.js';
import { openTables } from '../io/read/tables.js';
import { fileAndSheet, valueWarningText, type UnusedColumns } from '../i18n/messages.js';
import { newHotspotCounter, withActions } from './hotspots.js';
import type { Channel, PoolItem } from '../model/entities.js';
import { collect, StreamFacts } from '../model/collect.js';
import { firstReason, noRows, notUsedBefore, type NotUsed } from '../model/not-used.js';

/** What one file contributed; merged only if the whole file could be read. */
interface FileData {
  /** Rows of selection tables (选品表), with their spreadsheet row numbers. */
  pool: PoolItem[];
  streams: WeeklyStream[];
  channels: ChannelRow[];
  /** Product tables summed as read: a table's rows are never kept. */
  products: ProductTally;
  texts: Array<{ source: 'comments' | 'consultations'; text: string | null }>;
  consultations: Consultation[];
  used: boolean;
  /** Tables that gave nothing, and why (the file's reason when none gave anything). */
  notUsed: NotUsed[];
  unused: UnusedColumns[];
  /** Set when the whole file is about days outside the period: why it was left out. */
  outside: string | null;
  /** Rows left out for their date (comments, consultations of other days). */
  rowsOutside: number;
  /** Values read as written but unlikely meant so, one line each. */
  warnings: string[];
}

/** The days a report covers; files and rows dated outside them are left out and listed. */
export interface Period {
  id: string;
  since: string;
  until: string;
}

/** What the weekly report and select read; a file's other tables (orders, minute trend…) are listed as not used. */
const READ_KINDS = new Set([
  'stream-summary',
  'stream-list',
  'channels',
  'products',
  'selection',
  'comments',
  'consultations',
]);

async function readFile(
  ctx: Context,
  file: string,
  counters: Partial<Record<'comments' | 'consultations', HotspotCounter>>,
  period: Period | null,
): Promise<FileData> {
  const d = emptyFileData();
  // A file named for days outside the period (商品_20261110.xlsx in W47's folder).
  const named = period ? daysInName(basename(file)) : null;
  const namedOutside = period && named && !overlaps(named, period.since, period.until) ? named : null;
  /** A row dated outside the period (by its comment/consultation time or listing time). */
  const outsideDay = (at: string | null): boolean =>
    period !== null && at !== null && !overlaps({ from: dayOf(at), to: dayOf(at) }, period.since, period.until);
  const summary = new StreamFacts();
  let channelTotal: Channel | null = null;
  for await (const t of openTables(resolve(ctx.cwd, file), { headerMap: ctx.config.headers, strict: true })) {
    const skip = notUsedBefore(file, t, READ_KINDS);
    if (skip) {
      d.notUsed.push(skip);
      // A report liveops wrote is not an export: a weekly folder may hold last week's report.
      if (skip.why === 'liveops-report') return d;
      continue;
    }
    const products = new ProductTally();
    products.beginTable();
    let productRows = 0;
    let productsOutside = 0;
    let listed: string | null = null;
    let seen = 0;
    let firstOutside: string | null = null;
    const before = d.rowsOutside;
    /** A comment or consultation of a day in the period; one of another day is counted out. */
    const ofPeriod = (at: string | null): boolean => {
      seen++;
      if (!outsideDay(at)) return true;
      d.rowsOutside++;
      firstOutside ??= at;
      return false;
    };
    const rows = await collect(
      t,
      {
        summary: (s) => summary.add(s, basename(file), () => undefined),
        stream: (s, at) => d.streams.push({ ...s, platform: t.platform, source: `${basename(file)}:${at.row}` }),
        channel: (c) => {
          if (c.total) channelTotal = c;
          else if (c.channel) d.channels.push({ ...c, channel: c.channel });
        },
        product: (p) => {
          // Compass SKU child rows and totals are not products (the collector gives data rows only).
          if (period && p.listedAt !== null && outsideDay(p.listedAt)) {
            productsOutside++;
            listed ??= p.listedAt;
          }
          products.add(p);
          productRows++;
        },
        poolItem: (p) => d.pool.push(p),
        comment: (c) => {
          if (ofPeriod(c.time)) d.texts.push({ source: 'comments', text: c.text });
        },
        consultation: (c) => {
          if (!ofPeriod(c.time)) return;
          d.texts.push({ source: 'consultations', text: c.text });
          d.consultations.push(c);
        },
      },
      { file },
    );
    if (!rows) {
      d.notUsed.push(noRows(file, t));
      continue;
    }
    if (t.kind === 'comments' || t.kind === 'consultations') {
      counters[t.kind] ??= await newHotspotCounter(ctx, t.kind);
      // Every row dated outside the period: the file is about other days.
      if (seen > 0 && d.rowsOutside - before === seen && firstOutside) {
        d.outside = outsideReason(ctx, dayOf(firstOutside), period!);
        return d;
      }
    }
    if (t.kind === 'products') {
      // A stream's product list is about one day: listed on days outside the period, it is left out.
      if (productRows > 0 && productsOutside === productRows && listed) {
        d.outside = outsideReason(ctx, dayOf(listed), period!);
        return d;
      }
      d.products.merge(products);
    }
    d.used = true;
    for (const w of t.warnings) d.warnings.push(valueWarningText(w, ctx.lang, fileAndSheet(file, t.sheet)));
    if (t.unmapped.length) d.unused.push({ file, sheet: t.sheet ?? null, headers: t.unmapped.map((c) => c.header) });
  }
  return closeFile(ctx, file, d, summary, channelTotal, namedOutside, period);
}

function emptyFileData(): FileData {
  return {
    streams: [],
    channels: [],
    products: new ProductTally(),
    texts: [],
    consultations: [],
    pool: [],
    used: false,
    notUsed: [],
    unused: [],
    outside: null,
    rowsOutside: 0,
    warnings: [],
  };
}

/**
 * A file read whole: a file named for days outside the period keeps only what is dated itself (its
 * streams, a selection table); a one-stream workbook's summary becomes its stream.
 */
function closeFile(
  ctx: Context,
  file: string,
  d: FileData,
  summary: StreamFacts,
  channelTotal: Channel | null,
  namedOutside: { from: string; to: string } | null,
  period: Period | null,
): FileData {
  if (namedOutside) {
    // Its products, comments and consultations are another period's; its streams may still be
    // compared with (the weekly report's previous week), and are dated themselves.
    d.products = new ProductTally();
    d.texts = [];
    d.consultations = [];
    // A selection table is not about a week: it stays.
    if (d.streams.length === 0 && summary.empty && d.pool.length === 0) {
      d.outside = outsideReason(
        ctx,
        namedOutside.from === namedOutside.to ? namedOutside.from : `${namedOutside.from}–${namedOutside.to}`,
        period!,
      );
      return d;
    }
  }
  if (!summary.empty) {
    // One stream's workbook (Compass 整场): PV and spend live on the channel table's 整体 row.
    const s = summary.stream();
    const total = channelTotal;
    d.streams.push({
      ...s,
      pv: s.pv ?? total?.pv ?? null,
      paidSpend: s.paidSpend ?? total?.paidSpend ?? null,
      source: basename(file),
    });
  }
  return d;
}

/** "[sheet] row 2, column 商品ID: …" — an InputError's place within its file, and the problem. */
function whereInFile(e: InputError): string {
  const l = e.location;
  const at = [
    l.sheet !== undefined ? `[${l.sheet}]` : null,
    l.row !== undefined ? `row ${l.row}` : null,
    l.column !== undefined ? `column ${l.column}` : null,
  ].filter(Boolean);
  return at.length ? `${at.join(', ').replace('], ', '] ')}: ${e.problem}` : e.problem;
}

function outsideReason(ctx: Context, days: string, period: Period): string {
  return ctx.lang === 'zh'
    ? `日期为 ${days}，不在 ${period.id}（${period.since} 至 ${period.until}）内`
    : `dated ${days}, outside ${period.id} (${period.since} to ${period.until})`;
}

const HOURS_2 = 2 * 3600 * 1000;

/** The same stream from a workbook and a stream list: keep the first (workbooks come first). */
function dedupe(streams: WeeklyStream[]): WeeklyStream[] {
  const out: WeeklyStream[] = [];
  for (const s of streams) {
    const t = Date.parse(s.start ?? '');
    const twin = out.find(
      (o) => o.account === s.account && Number.isFinite(t) && Math.abs(Date.parse(o.start ?? '') - t) < HOURS_2,
    );
    if (!twin) out.push(s);
  }
  return out;
}

export interface Exports {
  streams: WeeklyStream[];
  channels: ChannelRow[];
  products: ProductTally;
  pool: PoolItem[];
  hotspots: HotspotSource[];
  /** First-response statistics of all consultations, and negative comments/consultations. */
  response: ResponseStats | null;
  negative: NegativeResult | null;
  skipped: Array<{ file: string; reason: string }>;
  /** Headers of the files used that no field matched (no figure came from them). */
  unusedColumns: UnusedColumns[];
  /** Files left out because they are about days outside the period, and why. */
  outside: Array<{ file: string; reason: string }>;
  /** Rows left out of files that were used, for their date (comments of another day). */
  rowsOutside: Array<{ file: string; rows: number }>;
  /** Values read as written but unlikely meant so (a rate above 100 %), one line each. */
  readWarnings: string[];
}

/** Read every file; `ignored` collects the files that hold nothing these commands use. */
export async function readExports(
  ctx: Context,
  files: string[],
  ignored: NotUsed[],
  period: Period | null = null,
): Promise<Exports> {
  const skipped: Exports['skipped'] = [];
  const counters: Partial<Record<'comments' | 'consultations', HotspotCounter>> = {};
  const streams: WeeklyStream[] = [];
  const listStreams: WeeklyStream[] = [];
  const out: Exports = {
    streams: [],
    channels: [],
    products: new ProductTally(),
    pool: [],
    hotspots: [],
    response: null,
    negative: null,
    skipped,
    unusedColumns: [],
    outside: [],
    rowsOutside: [],
    readWarnings: [],
  };
  let response: ResponseAccumulator | null = null;
  let negative: NegativeCounter | null = null;
  for (const f of files) {
    let d: FileData;
    try {
      d = await readFile(ctx, f, counters, period);
    } catch (e) {
      if (!isUserError(e)) throw e;
      const reason = e instanceof InputError ? whereInFile(e) : e.message;
      skipped.push({ file: f, reason });
      continue;
    }
    if (d.outside) {
      out.outside.push({ file: f, reason: d.outside });
      continue;
    }
    if (!d.used) {
      ignored.push(firstReason(d.notUsed) ?? { file: f, sheet: null, why: 'empty' });
      continue;
    }
    if (d.rowsOutside) out.rowsOutside.push({ file: f, rows: d.rowsOutside });
    // Streams from one-stream workbooks first, so they win over the same stream in a list.
    for (const s of d.streams) (s.source.includes(':') ? listStreams : streams).push(s);
    out.channels.push(...d.channels);
    out.unusedColumns.push(...d.unused);
    out.readWarnings.push(...d.warnings);
    out.products.merge(d.products);
    out.pool.push(...d.pool);
    for (const t of d.texts) {
      counters[t.source]!.add(t.text);
      (negative ??= new NegativeCounter(ctx.config.cs.negativeWords)).add(t.text);
    }
    for (const c of d.consultations)
      (response ??= new ResponseAccumulator(ctx.config.thresholds['cs-response'] ?? 15)).add(c);
  }
  out.streams = dedupe([...streams, ...listStreams]);
  out.response = response ? (response as ResponseAccumulator).result() : null;
  out.negative = negative ? (negative as NegativeCounter).result() : null;
  out.hotspots = (['comments', 'consultations'] as const).flatMap((k) =>
    counters[k] ? [withActions(counters[k]!.result())] : [],
  );
  return out;
}
