/**
 * `liveops retro <files...>`: the post-stream retro. Reads whatever the operator exported for one
 * stream (one Compass workbook, or separate files in any order), computes the figures, fires the
 * playbook's rules, writes the retro workbook and prints a summary.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Context } from '../../context.js';
import type { HotspotCounter } from '../../domain/hotspots.js';
import { exportsIn } from '../../collect/files.js';
import { newHotspotCounter, withActions } from '../../collect/hotspots.js';
import type { BaselineStream, RetroInput } from '../../domain/retro/input.js';
import type { Channel, ProductLine, Stream, TrendPoint, VideoReferral } from '../../model/entities.js';
import { collect, headerIn, StreamFacts } from '../../model/collect.js';
import { NegativeCounter } from '../../domain/cs/negative.js';
import { ResponseAccumulator } from '../../domain/cs/response.js';
import { OrdersAccumulator } from '../../domain/retro/orders.js';
import { buildRetroReport } from '../../domain/retro/report.js';
import { localiseRetro, type RetroReport } from '../../i18n/retro.js';
import { runClock, shanghaiIso } from '../../clock.js';
import {
  historyFailure,
  historyNote,
  historyStreams,
  plannedStreams,
  recordInHistory,
  type HistoryNote,
} from '../../collect/history.js';
import { InputError, UsageError } from '../../errors.js';
import { openTables, type Table } from '../../io/read/tables.js';
import { LIVEOPS_CREATOR } from '../../io/write/cells.js';
import { assertWritable } from '../../io/write/atomic.js';
import {
  displayPath,
  formatFromPath,
  isFolderArg,
  notAnOutputName,
  onlyFormats,
  outputFormat,
  STDOUT,
  writeReport,
  type OutputFormat,
} from '../../io/write/output.js';
import { fileAndSheet, retroText, valueWarningText, withReasons } from '../../i18n/messages.js';
import { askForFiles } from '../../ui/prompts.js';
import { chartsDrawn } from '../../ui/charts.js';
import { startProgress, type Progress } from '../../ui/progress.js';
import { renderRetroSummary } from './render.js';
import { RETRO_CHART_NAMES } from './chart-names.js';
import { htmlTemplateHelpers } from '../../i18n/html.js';
import { present } from '../../ui/present.js';
import { anyEmptyExport, firstReason, noRows, notUsedBefore, type NotUsed } from '../../model/not-used.js';
import { fileNamePart } from '../../text-safety.js';

export interface RetroOptions {
  files: string[];
  baseline: string[];
  stream?: string | undefined;
  account?: string | undefined;
  format?: OutputFormat | undefined;
  template?: string | undefined;
  baselineCount: number;
  /** Mask buyer identifiers in outputs (default); --no-mask keeps them. */
  mask: boolean;
}

/** Everything gathered from the files, before the report is built. */
/** What the inputs add up to before the report is built; the shared fields mean what they mean in RetroInput. */
interface Gathered extends Pick<
  RetroInput,
  | 'channels'
  | 'channelTotal'
  | 'channelTable'
  | 'products'
  | 'productTable'
  | 'skuRows'
  | 'trend'
  | 'videos'
  | 'stock'
  | 'inputs'
> {
  /** The stream as its summary sheets state it, first sheet per figure wins. */
  facts: StreamFacts;
  summaryTables: number;
  /** Streams of stream lists, with their table and row and the table's headers. */
  streamRows: Array<{ table: string; row: number; stream: Stream; header: (field: string) => string | undefined }>;
  orders: OrdersAccumulator | null;
  /** One counter per source, across files: comments of several exports add up. */
  counters: Partial<Record<'comments' | 'consultations', HotspotCounter>>;
  response: ResponseAccumulator | null;
  negative: NegativeCounter | null;
  platforms: string[];
  /** Files that gave the retro nothing, and why (worked out once every pass has read them). */
  ignored: NotUsed[];
  /** Per file, what each of its tables that gave nothing was; and the files that gave something. */
  notUsedIn: Map<string, NotUsed[]>;
  usedFiles: Set<string>;
  /** Files left out of the retro, and why (dated outside the stream, an optional file that cannot be read). */
  leftOut: Array<{ file: string; reason: string }>;
  /** Rows left out of files that were used, for their date. */
  rowsOutside: Array<{ file: string; rows: number }>;
  /** Values read as written but unlikely meant so, one line each, naming the cell. */
  readWarnings: string[];
}

/**
 * Which part of the inputs a pass reads: the stream itself first (summary, stream list), so that
 * the rest can be checked against its time; the baseline reads stream lists only.
 */
type Phase = 'stream' | 'rest' | 'baseline';
const STREAM_KINDS = new Set(['stream-summary', 'stream-list']);
/** Inputs a retro can do without: one that cannot be read is left out with a warning. */
const OPTIONAL_KINDS = new Set(['comments', 'consultations']);
/** Kinds whose rows are dated (comment, consultation, payment time): rows far from the stream belong to another one. */
const DATED_KINDS = new Set(['comments', 'consultations', 'orders']);
/** What a retro reads; other tables (a KPI sheet…) are listed as ignored. */
const RETRO_KINDS = new Set([
  'stream-summary',
  'stream-list',
  'channels',
  'products',
  'minute-trend',
  'short-video',
  'orders',
  'selection',
  'comments',
  'consultations',
]);

/** The stream's time, widened: comments start before it, orders and consultations go on after it. */
export interface StreamWindow {
  /** The window's ends as the reader writes date-times (Asia/Shanghai, +08:00), to compare rows as text. */
  fromIso: string;
  toIso: string;
  label: string;
  /** The stream's account, when its summary names one: a file of another account is not its. */
  account: string | null;
}

const tableName = (t: Table) => t.sheet ?? basename(t.file, extname(t.file));

async function gather(
  ctx: Context,
  files: string[],
  g: Gathered,
  phase: Phase,
  window: StreamWindow | null = null,
): Promise<void> {
  for (const f of files) {
    const abs = resolve(ctx.cwd, f);
    const st = await stat(abs).catch(() => null);
    if (st?.isDirectory()) throw new UsageError(`${f}: is a directory; pass the export files in it (e.g. ${f}/*.xlsx)`);
    if (phase === 'rest' && g.leftOut.some((l) => l.file === f)) continue;
    const progress = await startProgress(ctx.term, f);
    let reading: string | null = null;
    try {
      for await (const t of openTables(abs, { headerMap: ctx.config.headers, strict: true })) {
        reading = t.kind;
        if ((await gatherTable(ctx, f, t, g, phase, window, progress)) === 'stop') break;
      }
    } catch (e) {
      // Comments or consultations that cannot be read: the retro goes on without them, and says so.
      if (phase !== 'baseline' && reading !== null && OPTIONAL_KINDS.has(reading) && e instanceof InputError) {
        g.leftOut.push({
          file: f,
          reason: `${e.location.row !== undefined ? `row ${e.location.row}: ` : ''}${e.problem}`,
        });
        continue;
      }
      throw e;
    } finally {
      progress.done();
    }
  }
}

/** One table of file `f` in this pass: read into `g`, named as not used, or left out with why. 'stop' ends the file. */
async function gatherTable(
  ctx: Context,
  f: string,
  t: Table,
  g: Gathered,
  phase: Phase,
  window: StreamWindow | null,
  progress: Progress,
): Promise<'next' | 'stop'> {
  const onlyStreamLists = phase === 'baseline';
  // The stream pass reads the stream's own tables; the rest pass everything else, once.
  if (phase === 'stream' && !STREAM_KINDS.has(t.kind)) return 'next';
  const notUsed = (n: NotUsed) => {
    if (!onlyStreamLists) g.notUsedIn.set(f, [...(g.notUsedIn.get(f) ?? []), n]);
  };
  // A report liveops wrote (a retro next to its inputs) is never read back as an export; the rest pass names it.
  if (t.creator === LIVEOPS_CREATOR) {
    if (phase === 'rest') notUsed({ file: f, sheet: null, why: 'liveops-report' });
    return 'stop';
  }
  if (phase === 'rest' && STREAM_KINDS.has(t.kind)) return 'next';
  if (t.empty) {
    if (phase === 'rest') notUsed({ file: f, sheet: t.sheet ?? null, why: 'empty' });
    return 'next';
  }
  if (t.missingRequired.length) {
    // A table that looks like something but lacks what makes it usable is bad input.
    const { fieldLabel } = await import('../../io/read/fields.js');
    throw new InputError(
      { file: f, ...(t.sheet ? { sheet: t.sheet } : {}), ...(t.headerRow ? { row: t.headerRow } : {}) },
      `missing a required column: ${t.missingRequired.map((grp) => grp.map((x) => fieldLabel(x, 'zh')).join(' / ')).join('; ')}`,
    );
  }
  if (onlyStreamLists && t.kind !== 'stream-list' && t.kind !== 'stream-summary') return 'next';
  if (t.platform !== 'generic') g.platforms.push(t.platform);
  const skip = notUsedBefore(f, t, RETRO_KINDS);
  if (skip) {
    notUsed(skip);
    return 'next';
  }
  const member = membership(window, t.kind);
  const read = await readTable(ctx, t, g, onlyStreamLists, member.belongs, progress);
  if (!read.rows) {
    notUsed(noRows(f, t));
    return 'next';
  }
  g.usedFiles.add(f);
  const { outside } = member;
  const allOutside = outside.seen > 0 && outside.rows === outside.seen;
  await keepTable(ctx, t, g, read, allOutside, onlyStreamLists);
  if (allOutside) {
    g.leftOut.push({
      file: f,
      reason: outside.first
        ? outsideStream(ctx, outside.first, window!)
        : otherAccount(ctx, outside.otherAccount!, window!),
    });
    return 'next';
  }
  if (outside.rows > 0) g.rowsOutside.push({ file: f, rows: outside.rows });
  for (const w of t.warnings) g.readWarnings.push(valueWarningText(w, ctx.lang, fileAndSheet(f, t.sheet)));
  g.inputs.push({
    file: f,
    sheet: t.sheet ?? null,
    kind: t.kind,
    platform: t.platform,
    rows: read.rows,
    unused: t.unmapped.map((c) => c.header),
  });
  return 'next';
}

/**
 * Which rows belong to the stream: rows that name another account, and (for dated kinds) rows dated
 * outside the stream's window, do not; `outside` counts what could be judged and what was left out.
 */
function membership(window: StreamWindow | null, kind: string) {
  const outside = { rows: 0, seen: 0, first: null as string | null, otherAccount: null as string | null };
  const dated = window !== null && DATED_KINDS.has(kind);
  const belongs = (account: string | null, at: string | null): boolean => {
    const named = window?.account && account !== null ? account : null;
    if (!dated && named === null) return true;
    outside.seen++;
    if (named !== null && named !== window!.account) {
      outside.rows++;
      outside.otherAccount ??= named;
      return false;
    }
    // Read date-times are all "YYYY-MM-DDTHH:mm:ss+08:00": compared as text, no Date.parse a row.
    if (at === null || !isShanghaiIso(at) || (at >= window!.fromIso && at <= window!.toIso)) return true;
    outside.rows++;
    outside.first ??= at;
    return false;
  };
  return { belongs, outside };
}

/** What one table gave, before it is kept: a file that turns out unreadable half-way leaves nothing behind. */
interface TableRead {
  rows: number;
  channels: Channel[];
  channelTotal: Channel | null;
  products: ProductLine[];
  sku: number;
  trend: TrendPoint[];
  videos: VideoReferral[];
  counter: HotspotCounter | null;
  negative: NegativeCounter | null;
  response: ResponseAccumulator | null;
}

/** A table's rows through the one collector, each entity kept apart (or straight into `g` where order does not matter). */
async function readTable(
  ctx: Context,
  t: Table,
  g: Gathered,
  onlyStreamLists: boolean,
  belongs: (account: string | null, at: string | null) => boolean,
  progress: Progress,
): Promise<TableRead> {
  const name = tableName(t);
  const header = headerIn(t);
  // This file's comments and consultations are counted apart and added once the file has been
  // read whole, so a file that turns out unreadable half-way leaves nothing behind.
  const counter = t.kind === 'comments' || t.kind === 'consultations' ? await newHotspotCounter(ctx, t.kind) : null;
  const r: TableRead = {
    rows: 0,
    channels: [],
    channelTotal: null,
    products: [],
    sku: 0,
    trend: [],
    videos: [],
    counter,
    negative: counter ? new NegativeCounter(ctx.config.cs.negativeWords) : null,
    response: t.kind === 'consultations' ? new ResponseAccumulator(ctx.config.thresholds['cs-response'] ?? 15) : null,
  };
  if (t.kind === 'orders') g.orders ??= new OrdersAccumulator();
  r.rows = (await collect(t, {
    tick: (n) => progress.tick(() => `${n.toLocaleString('en-US')} rows`),
    summary: (s, at) => {
      if (onlyStreamLists) g.streamRows.push({ table: name, row: at.row, stream: s, header });
      else g.facts.add(s, name, header);
    },
    stream: (s, at) => g.streamRows.push({ table: name, row: at.row, stream: s, header }),
    channel: (c) => {
      if (c.total) r.channelTotal = c;
      else r.channels.push(c);
    },
    sku: () => r.sku++,
    product: (p) => {
      if (belongs(p.account, null)) r.products.push(p);
    },
    trendPoint: (p) => r.trend.push(p),
    video: (v) => r.videos.push(v),
    orderLine: (o) => {
      if (belongs(o.account, o.payTime ?? o.orderTime)) g.orders!.add(o);
    },
    poolItem: (p) => g.stock.push({ id: p.id, name: p.name, stock: p.stock, giveaway: p.giveaway }),
    comment: (c) => {
      if (!belongs(c.account, c.time)) return;
      counter!.add(c.text);
      r.negative!.add(c.text);
    },
    consultation: (c) => {
      if (!belongs(c.account ?? null, c.time)) return;
      counter!.add(c.text);
      r.negative!.add(c.text);
      r.response!.add(c);
    },
  }))!;
  return r;
}

/** Keep what a table gave: the first table of each kind wins; comments and consultations add up. */
async function keepTable(
  ctx: Context,
  t: Table,
  g: Gathered,
  r: TableRead,
  allOutside: boolean,
  onlyStreamLists: boolean,
): Promise<void> {
  const name = tableName(t);
  switch (t.kind) {
    case 'stream-summary':
      if (!onlyStreamLists) g.summaryTables++;
      break;
    case 'channels':
      if (g.channels === null) {
        g.channels = r.channels;
        g.channelTotal = r.channelTotal;
        g.channelTable = name;
      }
      break;
    case 'products':
      // A product list none of whose rows is this stream's is left out, not used.
      if (g.products === null && !allOutside) {
        g.products = r.products;
        g.productTable = name;
        g.skuRows = r.sku;
      }
      break;
    case 'minute-trend':
      g.trend ??= r.trend;
      break;
    case 'short-video':
      g.videos ??= r.videos;
      break;
    case 'comments':
    case 'consultations':
      if (allOutside) break;
      (g.counters[t.kind] ??= await newHotspotCounter(ctx, t.kind)).merge(r.counter!);
      (g.negative ??= new NegativeCounter(ctx.config.cs.negativeWords)).merge(r.negative!);
      if (r.response)
        (g.response ??= new ResponseAccumulator(ctx.config.thresholds['cs-response'] ?? 15)).merge(r.response);
      break;
  }
}

/** What every read date-time looks like; `d` stands for a digit. */
const SHANGHAI_ISO = 'dddd-dd-ddTdd:dd:dd+08:00';

/** Whether `at` has SHANGHAI_ISO's shape, checked by character codes (every dated row passes here). */
function isShanghaiIso(at: string): boolean {
  if (at.length !== SHANGHAI_ISO.length) return false;
  for (let i = 0; i < at.length; i++) {
    const c = at.charCodeAt(i);
    const want = SHANGHAI_ISO.charCodeAt(i);
    if (want === 100 ? c < 48 || c > 57 : c !== want) return false; // 100: 'd'
  }
  return true;
}

function outsideStream(ctx: Context, at: string, w: StreamWindow): string {
  const day = at.slice(0, 16).replace('T', ' ');
  return ctx.lang === 'zh'
    ? `时间为 ${day}，不属于 ${w.label} 的直播`
    : `dated ${day}, not of the stream of ${w.label}`;
}

function otherAccount(ctx: Context, account: string, w: StreamWindow): string {
  return ctx.lang === 'zh'
    ? `账号为「${account}」，不是本场的「${w.account}」`
    : `of the account "${account}", not this stream's "${w.account}"`;
}

/** The stream's window from its facts: start–end (or start + duration), from an hour before to a day after. */
function streamWindow(g: Gathered): StreamWindow | null {
  const { start, end, durationSeconds, account } = g.facts.stream();
  const from = start ? Date.parse(start) : NaN;
  if (!Number.isFinite(from)) return null;
  const to = end ? Date.parse(end) : durationSeconds !== null ? from + durationSeconds * 1000 : from + 6 * 3600_000;
  const lo = from - 3600_000;
  const hi = (Number.isFinite(to) ? to : from) + 24 * 3600_000;
  return { fromIso: shanghaiIso(lo), toIso: shanghaiIso(hi), label: start!.slice(0, 16).replace('T', ' '), account };
}

function emptyGathered(): Gathered {
  return {
    facts: new StreamFacts(),
    summaryTables: 0,
    streamRows: [],
    channels: null,
    channelTotal: null,
    channelTable: null,
    products: null,
    productTable: null,
    skuRows: 0,
    trend: null,
    videos: null,
    orders: null,
    stock: [],
    counters: {},
    response: null,
    negative: null,
    inputs: [],
    platforms: [],
    ignored: [],
    notUsedIn: new Map(),
    usedFiles: new Set(),
    leftOut: [],
    rowsOutside: [],
    readWarnings: [],
  };
}

function baselineFrom(s: Stream): BaselineStream {
  return {
    account: s.account,
    start: s.start,
    uv: s.uv,
    gmv: s.gmv,
    buyers: s.buyers,
    viewToOrderRate: s.viewToOrderRate,
  };
}

/** Pick the stream to retro from a stream list: --stream (date, date-time or ID), else the latest. */
function pickStream(
  rows: Gathered['streamRows'],
  want: string | undefined,
  account: string | undefined,
): Gathered['streamRows'][number] {
  let candidates = rows.filter((r) => !account || r.stream.account === account);
  if (want) {
    const w = want.trim().replace(/\//g, '-');
    candidates = candidates.filter(
      (r) => (r.stream.start !== null && r.stream.start.startsWith(w)) || r.stream.streamId === want,
    );
    if (candidates.length === 0)
      throw new UsageError(`--stream ${want}: no stream in the stream list starts then or has that ID`);
  }
  candidates.sort((a, b) => (b.stream.start ?? '').localeCompare(a.stream.start ?? ''));
  const top = candidates[0];
  if (!top)
    throw new UsageError(
      account ? `--account ${account}: no stream of that account in the stream list` : 'the stream list has no streams',
    );
  const sameStart = candidates.filter(
    (c) => c.stream.start === top.stream.start && c.stream.account !== top.stream.account,
  );
  if (want && sameStart.length) {
    const accounts = [top, ...sameStart].map((c) => String(c.stream.account)).join(', ');
    throw new UsageError(`--stream ${want} matches streams of several accounts (${accounts}); add --account`);
  }
  return top;
}

function defaultOutput(report: RetroReport, firstInput: string, format: OutputFormat, lang: 'zh' | 'en'): string {
  const date = fileNamePart(report.stream.start?.slice(0, 10) ?? 'undated', 10, 'undated');
  const account = fileNamePart(report.stream.account ?? basename(firstInput, extname(firstInput)), 60, 'account');
  const stem = `${lang === 'zh' ? '复盘' : 'retro'}_${account}_${date}`;
  return join(dirname(firstInput), `${stem}.${format}`);
}

export async function runRetro(ctx: Context, opts: RetroOptions): Promise<number> {
  const files = opts.files.length === 0 ? await askForInputs(ctx) : opts.files;
  const out = await checkOutput(ctx, opts);
  const { g, baselineRows } = await gatherInputs(ctx, opts, files);
  assertStreamData(g, files);
  const note = historyNote(ctx);
  const account = g.facts.stream().account ?? opts.account ?? null;
  // No --baseline and no stream list given: the account's recent streams come from the history.
  if (baselineRows.length === 0 && note) {
    const { baselineOf } = await import('../../domain/history/records.js');
    const earlier = baselineOf(await historyStreams(ctx, note, account ? { account } : {}));
    baselineRows.push(...earlier);
  }
  const facts = buildRetroReport(retroInput(ctx, opts, g, baselineRows), {
    thresholds: ctx.config.thresholds,
    baselineCount: opts.baselineCount,
    cs: ctx.config.cs,
  });
  const report: RetroReport & { history?: HistoryNote | null } = localiseRetro(facts, ctx.lang);
  if (note && !opts.baseline.length && facts.comparison && g.streamRows.length === 0)
    note.used.push(
      ctx.lang === 'zh'
        ? `对比基线 ${facts.comparison.baselineStreams} 场`
        : `baseline of ${facts.comparison.baselineStreams} streams`,
    );
  await writeRetro(ctx, opts, report, files, out);
  if (note) {
    const { retroParts } = await import('../../domain/history/records.js');
    const planned = await plannedStreams(ctx, note, account ? { account } : {});
    const rec = retroParts(facts, report.actions, {
      lang: ctx.lang,
      planned,
      due: { sheetHours: ctx.config.retroDeadline.sheetHours, rehearsalDays: 2 },
    });
    await recordInHistory(ctx, note, { command: 'retro', inputs: files, ...rec }, runClock(ctx.env));
    report.history = note;
  }

  await present(ctx, report, { render: renderRetroSummary });
  const failed = historyFailure(ctx, note);
  if (failed) return failed;
  // Written, but without a file the operator gave: exit 3 so a script notices.
  return report.leftOut.length > 0 || anyEmptyExport(report.ignored) ? 3 : 0;
}

/** No files given: ask for them among the exports in the folder. */
async function askForInputs(ctx: Context): Promise<string[]> {
  return askForFiles(
    ctx.term,
    {
      what: 'input files',
      howToPass:
        'the exports of the stream, e.g. `liveops retro 整场数据.xlsx` (one workbook, or several files of one stream)',
      message: retroText[ctx.lang].pickFiles,
      candidates: await exportsIn(ctx.cwd),
    },
    ctx.prompter,
  );
}

/** Where the retro goes: its format, and -o as a folder, stdout or a file. */
interface RetroOutput {
  format: OutputFormat;
  outIsDir: boolean;
  toStdout: boolean;
}

/** The output's format, and an explicit output file checked before the (possibly long) read. */
async function checkOutput(ctx: Context, opts: RetroOptions): Promise<RetroOutput> {
  const format: OutputFormat = outputFormat(opts.format, ctx.out);
  onlyFormats(format, ['xlsx', 'md', 'html', 'json'], 'retro');
  const outIsDir = ctx.out !== undefined && (await isFolderArg(ctx.cwd, ctx.out));
  const toStdout = ctx.out === STDOUT;
  if (ctx.out && !outIsDir && !toStdout) {
    if (!formatFromPath(ctx.out)) throw notAnOutputName(ctx.out);
    await assertWritable(resolve(ctx.cwd, ctx.out), { force: ctx.force });
  }
  return { format, outIsDir, toStdout };
}

/**
 * The passes over the inputs: the stream first, then everything else checked against its time, then
 * the --baseline files; the streams to compare with, and the files that gave nothing, named once.
 */
async function gatherInputs(
  ctx: Context,
  opts: RetroOptions,
  files: string[],
): Promise<{ g: Gathered; baselineRows: BaselineStream[] }> {
  const g = emptyGathered();
  await gather(ctx, files, g, 'stream');
  const baselineRows: BaselineStream[] = [];
  if (g.summaryTables === 0 && g.streamRows.length > 0) {
    // A stream list given as the input: retro one of its streams, the others are its baseline.
    const chosen = pickStream(g.streamRows, opts.stream, opts.account);
    g.facts.add(chosen.stream, `${chosen.table}:${chosen.row}`, chosen.header);
    for (const r of g.streamRows) if (r !== chosen) baselineRows.push(baselineFrom(r.stream));
  } else {
    for (const r of g.streamRows) baselineRows.push(baselineFrom(r.stream));
  }
  await gather(ctx, files, g, 'rest', streamWindow(g));
  if (opts.baseline.length) {
    const b = emptyGathered();
    await gather(ctx, opts.baseline, b, 'baseline');
    for (const r of b.streamRows) baselineRows.push(baselineFrom(r.stream));
    if (b.streamRows.length === 0)
      throw new UsageError(
        `--baseline ${opts.baseline.join(' ')}: no stream list found (expected e.g. a Compass 直播明细 export)`,
      );
  }
  // A file none of whose tables gave anything (and not left out with its own reason) is named once.
  for (const f of files) {
    if (g.usedFiles.has(f) || g.leftOut.some((l) => l.file === f)) continue;
    g.ignored.push(firstReason(g.notUsedIn.get(f) ?? []) ?? { file: f, sheet: null, why: 'empty' });
  }
  return { g, baselineRows };
}

/** A header with no rows under it is no data (a header-only export must not make an empty retro). */
function assertStreamData(g: Gathered, files: string[]): void {
  const ordersSeen = g.orders
    ? (({ paidOrders, unpaidOrders }) => paidOrders + unpaidOrders)(g.orders.result()) > 0
    : false;
  const hasStreamData =
    !g.facts.empty ||
    Boolean(g.channels?.length) ||
    Boolean(g.products?.length) ||
    ordersSeen ||
    Boolean(g.trend?.length);
  if (!hasStreamData) {
    throw new UsageError(
      `no stream data in ${files.join(', ')}: retro needs a stream summary, stream list, channel, product, orders or minute-trend export (run liveops inspect to see what the files contain)`,
    );
  }
}

/** What the report is built from: the gathered figures, the baseline streams and the options. */
function retroInput(ctx: Context, opts: RetroOptions, g: Gathered, baselineRows: BaselineStream[]): RetroInput {
  const platform = mostCommon(g.platforms) ?? 'generic';
  return {
    platform,
    stream: g.facts.stream(),
    channels: g.channels,
    channelTotal: g.channelTotal,
    channelTable: g.channelTable,
    products: g.products,
    productTable: g.productTable,
    skuRows: g.skuRows,
    trend: g.trend,
    videos: g.videos,
    orders: g.orders ? g.orders.result() : null,
    hotspots: (['comments', 'consultations'] as const).flatMap((k) =>
      g.counters[k] ? [withActions(g.counters[k].result())] : [],
    ),
    stock: g.stock,
    baseline: baselineRows,
    inputs: g.inputs,
    account: opts.account ?? null,
    response: g.response ? g.response.result() : null,
    negative: g.negative ? g.negative.result() : null,
    mask: opts.mask,
    leftOut: g.leftOut,
    ignored: withReasons(g.ignored, ctx.lang),
    rowsOutside: g.rowsOutside,
    readWarnings: g.readWarnings,
  };
}

/** The report written to stdout, the -o file, the -o folder or next to the first input; its path goes into `report.outputs`. */
async function writeRetro(
  ctx: Context,
  opts: RetroOptions,
  report: RetroReport,
  files: string[],
  { format, outIsDir, toStdout }: RetroOutput,
): Promise<void> {
  const firstInput = resolve(ctx.cwd, files[0]!);
  const target = toStdout
    ? STDOUT
    : ctx.out && !outIsDir
      ? resolve(ctx.cwd, ctx.out)
      : outIsDir
        ? join(resolve(ctx.cwd, ctx.out!), basename(defaultOutput(report, firstInput, format, ctx.lang)))
        : defaultOutput(report, firstInput, format, ctx.lang);
  const written = await writeReport({
    target,
    format,
    model: report,
    template: 'retro',
    templateOverride: opts.template,
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
    helpers: htmlTemplateHelpers(ctx.lang),
    charts: {
      names: RETRO_CHART_NAMES,
      build: async () => (await import('./charts.js')).retroCharts(report, ctx.lang),
    },
    onCharts: chartsDrawn(ctx.term, ctx.lang, (drawn) => (report.charts = drawn)),
  });
  report.outputs.push(displayPath(ctx.cwd, written));
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
