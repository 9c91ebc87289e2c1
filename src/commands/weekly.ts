/**
 * `liveops retro --weekly <folder|files...>`: the weekly report (周度复盘报告), made to run from cron:
 * never prompts, writes a dated report atomically, logs one line on stderr, and exits
 * 0 (written), 3 (written, with alerts or skipped files) or 2 (nothing usable).
 */
import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Context } from '../context.js';
import type { HotspotCounter } from '../domain/hotspots.js';
import type { Row } from '../domain/retro/input.js';
import { lastWeek, isDay, parseIsoWeek, previousRange, rangeOf, type WeekRange } from '../domain/week.js';
import { buildWeeklyReport, type ChannelRow, type ProductRow, type WeeklyStream } from '../domain/weekly/report.js';
import { InputError, isUserError, UsageError } from '../errors.js';
import { openTables } from '../io/read/tables.js';
import { assertWritable } from '../io/write/atomic.js';
import { formatFromPath, writeReport, type OutputFormat } from '../io/write/output.js';
import { weeklyText } from '../messages.js';
import { palette } from '../ui/terminal.js';
import { expandInputs, newHotspotCounter, streamFromRow, withActions } from './inputs.js';
import { renderWeeklySummary, weeklyLogLine } from './weekly-render.js';
import { retroHelpers } from './retro-render.js';

export interface WeeklyOptions {
  inputs: string[];
  week?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  format?: OutputFormat | undefined;
  template?: string | undefined;
  baselineCount: number;
  now: Date;
}

export function resolveWeek(opts: Pick<WeeklyOptions, 'week' | 'since' | 'until' | 'now'>): WeekRange {
  if (opts.week) {
    const w = parseIsoWeek(opts.week);
    if (!w) throw new UsageError(`--week ${opts.week}: expected an ISO week such as 2026-W47`);
    if (opts.since || opts.until) throw new UsageError('give either --week or --since/--until, not both');
    return w;
  }
  if (opts.since || opts.until) {
    if (!opts.since || !opts.until) throw new UsageError('--since and --until go together (e.g. --since 2026-11-16 --until 2026-11-22)');
    for (const [flag, v] of [['--since', opts.since], ['--until', opts.until]] as const) {
      if (!isDay(v)) throw new UsageError(`${flag} ${v}: expected a date such as 2026-11-16`);
    }
    if (opts.since > opts.until) throw new UsageError(`--since ${opts.since} is after --until ${opts.until}`);
    return rangeOf(opts.since, opts.until);
  }
  return lastWeek(opts.now);
}

/** What one file contributed; merged only if the whole file could be read. */
interface FileData {
  streams: WeeklyStream[];
  channels: ChannelRow[];
  productTables: ProductRow[][];
  texts: Array<{ source: 'comments' | 'consultations'; text: string | null }>;
  used: boolean;
  ignoredKinds: string[];
}

const num = (v: Row[string] | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: Row[string] | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

async function readFile(ctx: Context, file: string, counters: Partial<Record<'comments' | 'consultations', HotspotCounter>>): Promise<FileData> {
  const d: FileData = { streams: [], channels: [], productTables: [], texts: [], used: false, ignoredKinds: [] };
  const summary: Row = {};
  let channelTotal: Row | null = null;
  for await (const t of openTables(resolve(ctx.cwd, file), { headerMap: ctx.config.headers, strict: true })) {
    if (t.empty) continue;
    switch (t.kind) {
      case 'stream-summary':
        for await (const r of t.records()) for (const [k, v] of Object.entries(r.values)) if (v !== null && summary[k] === undefined) summary[k] = v;
        break;
      case 'stream-list':
        for await (const r of t.records()) {
          if (r.role !== 'data') continue;
          d.streams.push({ ...streamFromRow(r.values), source: `${basename(file)}:${r.row}` });
        }
        break;
      case 'channels':
        for await (const r of t.records()) {
          if (r.role === 'total') {
            channelTotal = r.values;
            continue;
          }
          const name = str(r.values.channel);
          if (name) d.channels.push({ channel: name, uv: num(r.values.uv), pv: num(r.values.pv), gmv: num(r.values.gmv), orders: num(r.values.orders), buyers: num(r.values.buyers) });
        }
        break;
      case 'products': {
        const rows: ProductRow[] = [];
        for await (const r of t.records()) {
          if (r.role !== 'data') continue; // Compass SKU child rows and totals are not products
          const v = r.values;
          rows.push({
            id: str(v.productId),
            name: str(v.productName),
            exposed: num(v.productExposed),
            clickers: num(v.productClickers),
            buyers: num(v.buyers),
            orders: num(v.orders),
            gmv: num(v.gmv),
            refundAmount: num(v.refundAmount),
            explanations: num(v.explanations),
          });
        }
        d.productTables.push(rows);
        break;
      }
      case 'comments':
      case 'consultations': {
        counters[t.kind] ??= await newHotspotCounter(ctx, t.kind);
        const field = t.kind === 'comments' ? 'commentText' : 'consultText';
        for await (const r of t.records()) d.texts.push({ source: t.kind, text: str(r.values[field]) });
        break;
      }
      default:
        d.ignoredKinds.push(t.kind);
        continue;
    }
    d.used = true;
  }
  if (Object.keys(summary).length) {
    // One stream's workbook (Compass 整场): PV and spend live on the channel table's 整体 row.
    const s = streamFromRow(summary);
    d.streams.push({
      ...s,
      pv: s.pv ?? num(channelTotal?.pv),
      paidSpend: s.paidSpend ?? num(channelTotal?.paidSpend),
      source: basename(file),
    });
  }
  return d;
}

const HOURS_2 = 2 * 3600 * 1000;

/** The same stream from a workbook and a stream list: keep the first (workbooks come first). */
function dedupe(streams: WeeklyStream[]): WeeklyStream[] {
  const out: WeeklyStream[] = [];
  for (const s of streams) {
    const t = Date.parse(s.start ?? '');
    const twin = out.find((o) => o.account === s.account && Number.isFinite(t) && Math.abs(Date.parse(o.start ?? '') - t) < HOURS_2);
    if (!twin) out.push(s);
  }
  return out;
}

export async function runWeekly(ctx: Context, opts: WeeklyOptions): Promise<number> {
  const m = weeklyText[ctx.lang];
  if (opts.inputs.length === 0) {
    throw new UsageError('missing input: pass the folder of the week\'s exports, e.g. `liveops retro --weekly exports/ --out reports/`');
  }
  const week = resolveWeek(opts);
  const previous = previousRange(week);
  const format: OutputFormat = opts.format ?? (ctx.out ? (formatFromPath(ctx.out) ?? 'xlsx') : 'xlsx');
  if (format === 'csv') throw new UsageError('the weekly report is written as .xlsx, .md or .json');
  const outArg = ctx.out ?? '.';
  const outIsDir = outArg.endsWith('/') || outArg.endsWith(sep) || (await stat(resolve(ctx.cwd, outArg)).catch(() => null))?.isDirectory() === true || !formatFromPath(outArg);
  const name = `${ctx.lang === 'zh' ? '周报' : 'weekly'}_${week.id}.${format}`;
  const target = outIsDir ? join(resolve(ctx.cwd, outArg), name) : resolve(ctx.cwd, outArg);
  await assertWritable(target, { force: ctx.force });

  const { files, ignored } = await expandInputs(ctx.cwd, opts.inputs);
  const skipped: Array<{ file: string; reason: string }> = [];
  const counters: Partial<Record<'comments' | 'consultations', HotspotCounter>> = {};
  const streams: WeeklyStream[] = [];
  const listStreams: WeeklyStream[] = [];
  const channels: ChannelRow[] = [];
  const productTables: ProductRow[][] = [];
  for (const f of files) {
    let d: FileData;
    try {
      d = await readFile(ctx, f, counters);
    } catch (e) {
      // Cron must not stop at one bad file: list it, report the rest.
      if (!isUserError(e)) throw e;
      const reason = e instanceof InputError ? e.message.slice(e.location.file.length).replace(/^[\s:]+/, '') : e.message;
      skipped.push({ file: f, reason });
      continue;
    }
    if (!d.used) {
      ignored.push(f);
      continue;
    }
    // Streams from one-stream workbooks first, so they win over the same stream in a list.
    for (const s of d.streams) (s.source.includes(':') ? listStreams : streams).push(s);
    channels.push(...d.channels);
    productTables.push(...d.productTables);
    for (const t of d.texts) counters[t.source]!.add(t.text);
  }
  const all = dedupe([...streams, ...listStreams]);
  const report = buildWeeklyReport(
    {
      week,
      previous,
      streams: all,
      channels,
      productTables,
      hotspots: (['comments', 'consultations'] as const).flatMap((k) => (counters[k] ? [withActions(counters[k]!.result())] : [])),
      skipped,
      ignored,
      targets: ctx.config.targets,
      minStreams: ctx.config.select.minStreams,
      minExposures: ctx.config.select.minExposures,
    },
    { thresholds: ctx.config.thresholds, lang: ctx.lang, baselineCount: opts.baselineCount },
  );

  // Product exports carry no dates: they count for the week only when the folder has no streams
  // of other weeks to contradict that.
  if (report.streams.length === 0 && (all.length > 0 || report.products.length === 0)) {
    const line = weeklyLogLine(report, ctx.lang, null, 2);
    ctx.term.stderr.write(`${line}\n`);
    throw new UsageError(
      `${m.nothing(week)}${skipped.length ? `; ${m.skippedFiles(skipped.map((s) => `${s.file} (${s.reason})`).join('; '))}` : ''}`,
    );
  }

  const written = await writeReport({
    target,
    format,
    model: report,
    template: 'weekly',
    templateOverride: opts.template,
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
    helpers: retroHelpers(ctx.lang),
  });
  const shown = relative(ctx.cwd, written).startsWith('..') ? written : relative(ctx.cwd, written);
  report.outputs.push(shown);
  const code = report.alerts.length > 0 || skipped.length > 0 ? 3 : 0;
  if (ctx.json) ctx.term.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!ctx.term.quiet) ctx.term.stdout.write(renderWeeklySummary(report, ctx.lang, await palette(ctx.term.color && Boolean(process.stdout.isTTY))));
  // The one line a monitoring system reads.
  ctx.term.stderr.write(`${weeklyLogLine(report, ctx.lang, shown, code)}\n`);
  return code;
}
