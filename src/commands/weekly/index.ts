/**
 * `liveops retro --weekly <folder|files...>`: the weekly report (周度复盘报告), made to run from cron:
 * never prompts, writes a dated report atomically, logs one line on stderr, and exits
 * 0 (written), 3 (written, with alerts or skipped files) or 2 (nothing usable).
 */

import { anyEmptyExport } from '../../model/not-used.js';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { inRange, lastWeek, isDay, parseIsoWeek, previousRange, rangeOf, type WeekRange } from '../../domain/week.js';
import { historyFailure, historyNote, type HistoryNote } from '../../collect/history.js';
import { buildWeeklyReport } from '../../domain/weekly/report.js';
import { UsageError } from '../../errors.js';
import { assertWritable } from '../../io/write/atomic.js';
import {
  displayPath,
  onlyFormats,
  outputFormat,
  reportTarget,
  writeReport,
  type OutputFormat,
} from '../../io/write/output.js';
import { periodNote, weeklyText, withReasons } from '../../i18n/messages.js';
import { chartsDrawn } from '../../ui/charts.js';
import { WEEKLY_CHART_NAMES } from './chart-names.js';
import { localiseWeekly } from '../../i18n/weekly.js';
import { readExports } from '../../collect/exports.js';
import { expandInputs } from '../../collect/files.js';
import { renderWeeklySummary, weeklyLogLine } from './render.js';
import { htmlTemplateHelpers } from '../../i18n/html.js';
import { present } from '../../ui/present.js';
import { unfinishedAsOf } from '../../clock.js';
import { readActionEvents } from '../../collect/actions.js';

export interface WeeklyOptions {
  inputs: string[];
  week?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  format?: OutputFormat | undefined;
  template?: string | undefined;
  baselineCount: number;
  now: Date;
  /** Read the week from the history (every account's retros) instead of a folder of exports. */
  fromHistory?: boolean;
  /** With fromHistory: one account's streams only. */
  account?: string | undefined;
}

export function resolveWeek(opts: Pick<WeeklyOptions, 'week' | 'since' | 'until' | 'now'>): WeekRange {
  if (opts.week) {
    const w = parseIsoWeek(opts.week);
    if (!w) throw new UsageError(`--week ${opts.week}: expected an ISO week such as 2026-W47`);
    if (opts.since || opts.until) throw new UsageError('give either --week or --since/--until, not both');
    return w;
  }
  if (opts.since || opts.until) {
    if (!opts.since || !opts.until)
      throw new UsageError('--since and --until go together (e.g. --since 2026-11-16 --until 2026-11-22)');
    for (const [flag, v] of [
      ['--since', opts.since],
      ['--until', opts.until],
    ] as const) {
      if (!isDay(v)) throw new UsageError(`${flag} ${v}: expected a date such as 2026-11-16`);
    }
    if (opts.since > opts.until) throw new UsageError(`--since ${opts.since} is after --until ${opts.until}`);
    return rangeOf(opts.since, opts.until);
  }
  return lastWeek(opts.now);
}

function checkInputs(ctx: Context, opts: WeeklyOptions): void {
  if (opts.fromHistory) {
    if (!ctx.history)
      throw new UsageError(
        '--from-history: the history is off this run (--no-history, LIVEOPS_HISTORY=off or history: false in the config)',
      );
    if (opts.inputs.length)
      throw new UsageError('--from-history reads the week from the history: pass no export folder with it');
    return;
  }
  if (opts.account) throw new UsageError('--account goes with --from-history (the exports name their account)');
  if (opts.inputs.length === 0) {
    throw new UsageError(
      "missing input: pass the folder of the week's exports, e.g. `liveops retro --weekly exports/ --out reports/`, or --from-history",
    );
  }
}

/** The week's streams, channels and products: from the exports given, or from the history. */
async function weekInputs(
  ctx: Context,
  opts: WeeklyOptions,
  week: WeekRange,
  previous: WeekRange,
  note: HistoryNote | null,
) {
  if (!opts.fromHistory) {
    const { files, ignored } = await expandInputs(ctx.cwd, opts.inputs);
    return { ...(await readExports(ctx, files, ignored, week)), ignored };
  }
  const { historyWeek } = await import('../../collect/weekly-history.js');
  const h = await historyWeek(ctx, note, week, previous, opts.account);
  const weekStreams = h.streams.filter((s) => inRange(s.start, week)).length;
  note?.used.push(
    ctx.lang === 'zh'
      ? `本周 ${weekStreams} 场、商品行 ${h.productRows} 行`
      : `${weekStreams} streams and ${h.productRows} product rows of the week`,
  );
  return {
    streams: h.streams,
    channels: h.channels,
    products: h.products,
    hotspots: [],
    skipped: note?.skipped ?? [],
    response: null,
    negative: null,
    unusedColumns: [],
    outside: [],
    rowsOutside: [],
    readWarnings: [],
    ignored: [],
  };
}

/** The improvement items of the accounts the report is about (those of the week's streams, or --account). */
async function weekActionEvents(
  ctx: Context,
  note: HistoryNote | null,
  streams: Array<{ account: string | null; start: string | null }>,
  week: WeekRange,
  account: string | undefined,
) {
  const events = await readActionEvents(ctx, note, { account });
  const accounts = new Set(streams.filter((s) => s.account && inRange(s.start, week)).map((s) => s.account));
  return accounts.size ? events.filter((e) => accounts.has(e.partition.account)) : events;
}

export async function runWeekly(ctx: Context, opts: WeeklyOptions): Promise<number> {
  const m = weeklyText[ctx.lang];
  checkInputs(ctx, opts);
  const week = resolveWeek(opts);
  const previous = previousRange(week);
  const format: OutputFormat = outputFormat(opts.format, ctx.out);
  onlyFormats(format, ['xlsx', 'md', 'html', 'json'], 'the weekly report');
  const target = await reportTarget(ctx.cwd, ctx.out, `${ctx.lang === 'zh' ? '周报' : 'weekly'}_${week.id}.${format}`);
  await assertWritable(target, { force: ctx.force });

  const note = historyNote(ctx);
  const {
    streams: all,
    channels,
    products,
    hotspots,
    skipped,
    response,
    negative,
    unusedColumns,
    outside,
    rowsOutside,
    readWarnings,
    ignored,
  } = await weekInputs(ctx, opts, week, previous, note);
  // The history's improvement items: those open at the week's end go into the report.
  const actionEvents = await weekActionEvents(ctx, note, all, week, opts.account);
  const facts = buildWeeklyReport(
    {
      week,
      previous,
      streams: all,
      channels,
      products,
      hotspots,
      response,
      negative,
      responseTolerance: ctx.config.cs.responseTolerance,
      skipped,
      ignored: withReasons(ignored, ctx.lang),
      unusedColumns,
      outside,
      rowsOutside,
      readWarnings,
      targets: ctx.config.targets,
      minStreams: ctx.config.select.minStreams,
      minExposures: ctx.config.select.minExposures,
      actionEvents,
    },
    { thresholds: ctx.config.thresholds, baselineCount: opts.baselineCount },
  );
  const report: ReturnType<typeof localiseWeekly> & { history?: HistoryNote | null } = localiseWeekly(facts, ctx.lang);
  if (note) report.history = note;

  // Product exports carry no dates: they count for the week only when the folder has no streams
  // of other weeks to contradict that.
  if (report.streams.length === 0 && (all.length > 0 || report.products.length === 0)) {
    const line = weeklyLogLine(report, ctx.lang, null, 2);
    ctx.term.stderr.write(`${line}\n`);
    throw new UsageError(
      `${m.nothing(week)}${skipped.length ? `; ${m.skippedFiles(skipped.map((s) => `${s.file} (${s.reason})`).join('; '))}` : ''}`,
    );
  }

  // A week not over yet (a --week of this week): partial figures, said in the title and the log line.
  report.unfinished = unfinishedAsOf(week.until, opts.now);
  report.periodNote = periodNote(report.unfinished, ctx.lang);
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
    helpers: htmlTemplateHelpers(ctx.lang),
    charts: {
      names: WEEKLY_CHART_NAMES,
      build: async () => (await import('./charts.js')).weeklyCharts(report, ctx.lang),
    },
    onCharts: chartsDrawn(ctx.term, ctx.lang, (drawn) => (report.charts = drawn)),
  });
  const shown = displayPath(ctx.cwd, written);
  report.outputs.push(shown);
  if (note && !opts.fromHistory) {
    const { recordWeekStreams } = await import('../../collect/weekly-history.js');
    await recordWeekStreams(ctx, note, all, week, opts.inputs, opts.now);
  }
  const code = report.alerts.length > 0 || skipped.length > 0 || anyEmptyExport(ignored) ? 3 : 0;
  // The log line is the one a monitoring system reads.
  await present(ctx, report, { render: renderWeeklySummary, logLine: weeklyLogLine(report, ctx.lang, shown, code) });
  const failed = historyFailure(ctx, note);
  if (failed) return failed;
  return code;
}
