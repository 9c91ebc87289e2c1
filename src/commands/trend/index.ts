/**
 * `liveops trend`: an account's or an anchor's metric over its streams, weeks or months, from the
 * history, as a table on the terminal and, with -o, a page (html, with its chart), Markdown or JSON.
 */
import type { Context } from '../../context.js';
import { historyNote, historyStreams } from '../../collect/history.js';
import type { HistoryStream } from '../../domain/history/records.js';
import { trendOf, type TrendBy, type TrendMetric, type TrendStream } from '../../domain/history/trend.js';
import { parseIsoWeek, isDay } from '../../domain/week.js';
import { lastDayOf } from '../../clock.js';
import { UsageError } from '../../errors.js';
import { localiseTrend, trendText, type TrendReport } from '../../i18n/trend.js';
import { htmlTemplateHelpers } from '../../i18n/html.js';
import {
  displayPath,
  formatFromPath,
  isFolderArg,
  notAnOutputName,
  onlyFormats,
  reportTarget,
  writeReport,
  type OutputFormat,
} from '../../io/write/output.js';
import { fileNamePart } from '../../text-safety.js';
import { chartsDrawn } from '../../ui/charts.js';
import { present } from '../../ui/present.js';
import { TREND_CHART_NAMES } from './chart-names.js';
import { renderTrendSummary, trendLogLine } from './render.js';
import { numberCell, textCell } from '../../domain/history/cells.js';

export interface TrendOptions {
  account?: string | undefined;
  anchor?: string | undefined;
  by: TrendBy;
  metric: TrendMetric;
  since?: string | undefined;
  until?: string | undefined;
  format?: OutputFormat | undefined;
  template?: string | undefined;
}

const WRITES: OutputFormat[] = ['xlsx', 'html', 'md', 'json'];

/** --since/--until: a day, a month (its first or last day) or an ISO week. */
export function boundOf(flag: '--since' | '--until', text: string | undefined): string | null {
  if (text === undefined) return null;
  const v = text.trim().replace(/\//g, '-');
  if (isDay(v)) return v;
  if (/^\d{4}-\d{2}$/.test(v) && Number(v.slice(5)) >= 1 && Number(v.slice(5)) <= 12)
    return flag === '--since' ? `${v}-01` : lastDayOf(v);
  const w = parseIsoWeek(v);
  if (w) return flag === '--since' ? w.since : w.until;
  throw new UsageError(`${flag} ${text}: expected a day (2026-11-02), a month (2026-11) or an ISO week (2026-W45)`);
}

function trendStream(s: HistoryStream): TrendStream {
  const start = s.start_time instanceof Date ? s.start_time.toISOString() : textCell(s.start_time);
  return {
    key: String(s.stream_key),
    account: s.account,
    anchor: textCell(s.anchor),
    title: textCell(s.title),
    start,
    gmv: numberCell(s.gmv),
    uv: numberCell(s.uv),
    buyers: numberCell(s.buyers),
    productClickers: numberCell(s.product_clickers),
    productExposed: numberCell(s.product_exposed),
    avgDwellSeconds: numberCell(s.avg_dwell_s),
  };
}

/** Whose streams: --anchor (of any account), --account, or the history's only account. */
function subjectOf(opts: TrendOptions, all: HistoryStream[]): TrendReport['subject'] {
  if (opts.account && opts.anchor) throw new UsageError('trend: --account or --anchor, not both');
  if (opts.anchor) return { kind: 'anchor', name: opts.anchor };
  if (opts.account) return { kind: 'account', name: opts.account };
  const accounts = [...new Set(all.map((s) => s.account))].sort();
  if (accounts.length === 1) return { kind: 'account', name: accounts[0]! };
  throw new UsageError(
    accounts.length === 0
      ? 'trend: the history has no streams yet (run liveops retro, or liveops history import <stream lists>)'
      : `trend: pass --account (the history has ${accounts.join(', ')}) or --anchor`,
  );
}

export async function runTrend(ctx: Context, opts: TrendOptions): Promise<number> {
  const note = historyNote(ctx);
  if (!ctx.history || !note)
    throw new UsageError(
      'trend: no history this run (--no-history, LIVEOPS_HISTORY=off or history: false in the config): the trend is read from the history',
    );
  const since = boundOf('--since', opts.since);
  const until = boundOf('--until', opts.until);
  if (since && until && since > until) throw new UsageError(`--since ${opts.since} is after --until ${opts.until}`);
  const format = opts.format ?? (ctx.out ? (formatFromPath(ctx.out) ?? 'html') : undefined);
  if (format) onlyFormats(format, WRITES, 'trend');
  if (ctx.out && ctx.out !== '-' && !(await isFolderArg(ctx.cwd, ctx.out)) && !formatFromPath(ctx.out))
    throw notAnOutputName(ctx.out);
  const all = await historyStreams(ctx, note, opts.account ? { account: opts.account } : {});
  const subject = subjectOf(opts, all);
  const mine = all.filter((s) => (subject.kind === 'anchor' ? s.anchor === subject.name : s.account === subject.name));
  const trend = trendOf(mine.map(trendStream), { metric: opts.metric, by: opts.by, since, until });
  const report = localiseTrend(
    trend,
    { subject, metric: opts.metric, by: opts.by, since, until, history: note },
    ctx.lang,
  );
  if (format) await writeTrend(ctx, opts, report, format);
  await present(ctx, report, { render: renderTrendSummary, logLine: trendLogLine(report) });
  return 0;
}

async function writeTrend(ctx: Context, opts: TrendOptions, report: TrendReport, format: OutputFormat): Promise<void> {
  const who = fileNamePart(report.subject.name, 60, 'trend');
  const name = `${ctx.lang === 'zh' ? '趋势' : 'trend'}_${who}_${report.metric}_${report.by}.${format}`;
  const target = await reportTarget(ctx.cwd, ctx.out, name);
  const written = await writeReport({
    target,
    format,
    model: format === 'json' ? report : { ...report, labels: trendText[ctx.lang] },
    template: 'trend',
    templateOverride: opts.template,
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
    helpers: htmlTemplateHelpers(ctx.lang),
    charts: {
      names: TREND_CHART_NAMES,
      build: async () => (await import('./charts.js')).trendCharts(report),
    },
    onCharts: chartsDrawn(ctx.term, ctx.lang, (drawn) => (report.charts = drawn)),
  });
  report.outputs.push(displayPath(ctx.cwd, written));
}
