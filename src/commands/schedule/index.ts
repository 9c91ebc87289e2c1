/**
 * `liveops schedule --month 2026-12 --pool 选品表.xlsx`: the month's stream schedule with targets,
 * written as 排期表_<month>.xlsx and an .ics calendar of streams and rehearsals. On a terminal,
 * what is missing (month, target, slots) is asked; without one, the flag to pass is named.
 */

import { dirname, join } from 'node:path';
import { parseSlots } from '../../config/schedule-section.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { assertWritable, writeFileAtomic } from '../../io/write/atomic.js';
import {
  displayPath,
  onlyFormats,
  outputFormat,
  reportTarget,
  STDOUT,
  writeReport,
  type OutputFormat,
} from '../../io/write/output.js';
import { askForValue } from '../../ui/prompts.js';
import { lineUp, planMonth, readPool } from '../../collect/plan.js';
import type { LocalisedSchedule } from '../../i18n/schedule.js';
import { logger } from '../../ui/terminal.js';
import { renderScheduleSummary } from './render.js';
import { scheduleText } from '../../i18n/schedule.js';
import { scheduleIcs } from './ics.js';
import { present } from '../../ui/present.js';
import { addToMonth, runClock, shanghaiDate, shanghaiMonth } from '../../clock.js';
import { historyFailure, historyNote, historyRows, recordInHistory, type HistoryNote } from '../../collect/history.js';
import type { ScheduleSettings } from '../../config/schedule-section.js';
import type { Eliminated } from '../../domain/history/plan-records.js';

export interface ScheduleOptions {
  month?: string | undefined;
  target?: number | undefined;
  slots?: string | undefined;
  account?: string | undefined;
  pool: string[];
  format?: OutputFormat | undefined;
  template?: string | undefined;
  ics: boolean;
  now: Date;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function runSchedule(ctx: Context, opts: ScheduleOptions): Promise<number> {
  const m = scheduleText[ctx.lang];
  const settings = { ...ctx.config.schedule };
  const nextMonth = addToMonth(shanghaiMonth(opts.now), 1);

  // — what is missing is asked on a terminal, named otherwise —
  let month = opts.month;
  if (!month) {
    month = await askForValue(
      ctx.term,
      {
        what: 'the month',
        howToPass: '--month 2026-12',
        message: m.askMonth,
        default: nextMonth,
        validate: (v) => MONTH.test(v) || m.badMonth,
      },
      ctx.prompter,
    );
  }
  if (!MONTH.test(month)) throw new UsageError(`--month ${month}: expected a month such as 2026-12`);
  if (opts.account) settings.account = opts.account;
  if (opts.slots) {
    const slots = parseSlots(opts.slots, settings.account);
    if (!slots)
      throw new UsageError(
        `--slots ${opts.slots}: expected weekdays@time, e.g. "1,3,5@20:00-23:00" or "一三五@20:00-23:00" (several separated by ;)`,
      );
    settings.slots = slots;
  }
  if (settings.slots.length === 0) {
    const answer = await askForValue(
      ctx.term,
      {
        what: 'stream slots',
        howToPass: '--slots "1,3,5@20:00-23:00" (or schedule.slots in the config file)',
        message: m.askSlots,
        default: '1,3,5@20:00-23:00',
        validate: (v) => parseSlots(v, settings.account) !== null || m.badSlots,
      },
      ctx.prompter,
    );
    settings.slots = parseSlots(answer, settings.account)!;
  }
  let target = opts.target ?? null;
  if (target === null && settings.annualGmv === null) {
    const answer = await askForValue(
      ctx.term,
      {
        what: "the month's GMV target",
        howToPass: '--target 1000000 (or schedule.annualGmv in the config file)',
        message: m.askTarget(month),
        validate: (v) => (Number(v.replace(/[,，]/g, '')) > 0 ? true : m.badTarget),
      },
      ctx.prompter,
    );
    target = Number(answer.replace(/[,，]/g, ''));
  }

  const format_: OutputFormat = outputFormat(opts.format, ctx.out);
  onlyFormats(format_, ['xlsx', 'json'], 'schedule');
  const target_ = await reportTarget(
    ctx.cwd,
    ctx.out,
    `${ctx.lang === 'zh' ? '排期表' : 'schedule'}_${month}.${format_}`,
  );
  const icsTarget = join(dirname(target_), `${ctx.lang === 'zh' ? '排期表' : 'schedule'}_${month}.ics`);
  // -o -: the schedule alone goes to stdout; the calendar needs a file.
  const withIcs = opts.ics && target_ !== STDOUT;
  if (target_ !== STDOUT) await assertWritable(target_, { force: ctx.force });
  if (withIcs) await assertWritable(icsTarget, { force: ctx.force });

  // — the pool (选品表) for the product line-up —
  const pool = await readPool(ctx, opts.pool, true);
  const note = historyNote(ctx);
  const elimination = await latestSelection(ctx, note, month, settings);
  const plan: LocalisedSchedule & { history?: HistoryNote | null } = planMonth(ctx, month, settings, target, pool, {
    eliminated: elimination?.products ?? [],
    today: shanghaiDate(runClock(ctx.env)),
  });
  if (plan.streams.length === 0) throw new UsageError(m.noStreams(month));
  if (note && elimination) {
    const names = elimination.products.map((e) => e.name ?? e.id ?? '—');
    note.used.push(names.length ? m.eliminated(elimination.week, names) : m.eliminatedNone(elimination.week));
  }
  for (const r of plan.pastRehearsals) logger(ctx.term).warn(r.message);

  const written = await writeReport({
    target: target_,
    format: format_,
    model: plan,
    template: 'schedule',
    templateOverride: opts.template,
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
  });
  const show = (p: string) => displayPath(ctx.cwd, p);
  plan.outputs.push(show(written));
  if (withIcs) {
    const ics = await writeFileAtomic(icsTarget, scheduleIcs(plan, ctx.lang, opts.now), { force: ctx.force });
    plan.outputs.push(show(ics));
  }
  if (note) plan.history = await recordPlan(ctx, note, month, settings.account, plan, opts.pool);
  await present(ctx, plan, { render: renderScheduleSummary });
  const failed = historyFailure(ctx, note);
  if (failed) return failed;
  return 0;
}

/** The month's planned streams into the history, under `schedule|<month>|<account>`: a re-run replaces them. */
async function recordPlan(
  ctx: Context,
  note: HistoryNote,
  month: string,
  account: string | null,
  plan: LocalisedSchedule,
  inputs: string[],
): Promise<HistoryNote> {
  const { scheduleParts } = await import('../../domain/history/plan-records.js');
  const rows = plan.streams.map((st) => ({ ...st, products: lineUp(st.products) }));
  await recordInHistory(
    ctx,
    note,
    { command: 'schedule', inputs, ...scheduleParts(month, account, rows) },
    runClock(ctx.env),
  );
  return note;
}

/**
 * The latest selection (select runs in the history) for the month: of the schedule's accounts or
 * of all accounts, its week starting on or before the month's first day. Null without a history or
 * a selection.
 */
async function latestSelection(
  ctx: Context,
  note: HistoryNote | null,
  month: string,
  settings: ScheduleSettings,
): Promise<{ week: string; products: Eliminated[] } | null> {
  if (!note) return null;
  const { latestEliminations, NO_PLATFORM } = await import('../../domain/history/plan-records.js');
  const accounts = [settings.account, ...settings.slots.map((s) => s.account)].filter((a): a is string => !!a);
  // Selections are recorded under the generic platform: the retros' runs need not be read.
  const runs = await historyRows(ctx, note, 'runs', { platform: NO_PLATFORM });
  const eliminations = await historyRows(ctx, note, 'eliminations', { platform: NO_PLATFORM });
  return latestEliminations(runs, eliminations, month, [...new Set(accounts)]);
}
