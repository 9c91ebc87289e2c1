/**
 * The one output step every command prints through: `--json` (one object on stdout, with the
 * config file used), the human summary (unless -q), and the one-line log a monitoring system reads
 * (always, on stderr, also with -q and --json: it is how cron knows what happened).
 */
import { relative } from 'node:path';
import type { Context, Lang } from '../context.js';
import { palette, type Palette } from './terminal.js';
import type { HistoryNote } from '../model/history.js';
import { historyLines } from '../i18n/history.js';

export interface Presentation<R> {
  /**
   * The summary a person reads on the terminal (or in a pipe, uncoloured), laid out for `width`
   * columns (Terminal.width; src/ui/layout.ts lays lines out in it). A lint's findings stay one
   * line each, as compilers print them, for editors to jump to.
   */
  render: (report: R, lang: Lang, paint: Palette, width: number) => string;
  /** The log line for cron and monitoring, without its newline. */
  logLine?: string;
  /** -q: a summary that keeps only the results (e.g. the findings of a lint), instead of nothing. */
  quietRender?: (report: R, lang: Lang, paint: Palette, width: number) => string;
}

/** The config file a run used, as shown in --json and the verbose log: its path here, or "defaults". */
export function configShown(cwd: string, source: string | null): string {
  return source ? relative(cwd, source) || source : 'defaults';
}

export async function present<R extends object>(ctx: Context, report: R, how: Presentation<R>): Promise<void> {
  const { term } = ctx;
  if (ctx.json) {
    term.stdout.write(`${JSON.stringify({ ...report, config: configShown(ctx.cwd, ctx.config.source) }, null, 2)}\n`);
  } else if (ctx.out === '-') {
    // -o -: stdout carries the report itself; the summary would corrupt it.
  } else if (!term.quiet) {
    term.stdout.write(how.render(report, ctx.lang, await palette(term.stdoutColor), term.width));
    const note = (report as { history?: HistoryNote | null }).history;
    if (note) for (const line of historyLines(note, ctx.lang)) term.stdout.write(`${line}\n`);
  } else if (how.quietRender) {
    term.stdout.write(how.quietRender(report, ctx.lang, await palette(term.stdoutColor), term.width));
  }
  if (how.logLine) term.stderr.write(`${how.logLine}\n`);
}
