/**
 * `liveops schedule --brief [date]`: the 9:00 morning brief (晨会简报) — today's streams with
 * targets, people and slots, and the risk points: low stock in today's plan, rehearsals due,
 * retros overdue, open items from the last retro, and the history's open and overdue improvement
 * items. Markdown for the team's chat, terminal, --json.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { buildBrief, recentUvValues, type BriefStream } from '../../domain/brief.js';
import { instantCell, numberCell } from '../../domain/history/cells.js';
import { localiseBrief, type LocalisedBrief } from '../../i18n/brief.js';
import { UsageError } from '../../errors.js';
import { readOwnModel } from '../../io/read/own-workbook.js';
import { isFolderArg, STDOUT, writeReport } from '../../io/write/output.js';
import { renderBrief } from './render.js';
import { readExports } from '../../collect/exports.js';
import { expandInputs } from '../../collect/files.js';
import { readScheduleFile } from '../../collect/schedule-file.js';
import { lineUp, planMonth, readPool } from '../../collect/plan.js';
import { present } from '../../ui/present.js';
import { addToMonth, shanghaiDate } from '../../clock.js';
import { historyNote, historyStreams, type HistoryNote } from '../../collect/history.js';
import { readActionEvents } from '../../collect/actions.js';

export interface BriefOptions {
  date: string | true;
  schedule?: string | undefined;
  pool: string[];
  baseline: string[];
  target?: number | undefined;
  now: Date;
}

const RETRO_FILE = /^(?:复盘|retro)_(.+)_(\d{4}-\d{2}-\d{2})\.(?:xlsx|md|json)$/;

/** The improvement list of a retro workbook liveops wrote: from the report it carries, not its labels. */
async function readActions(
  file: string,
  shown: string,
): Promise<Array<{ no: number | null; owner: string | null; action: string; evidence: string | null }>> {
  const report = await readOwnModel(file, shown, 'retro', 'write the retro again with liveops retro');
  const actions = Array.isArray(report.actions) ? (report.actions as Array<Record<string, unknown>>) : [];
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return actions
    .filter((x) => text(x.action))
    .map((x) => ({
      no: typeof x.no === 'number' ? x.no : null,
      owner: text(x.ownerLabel) ?? text(x.owner),
      action: text(x.action)!,
      evidence: text(x.evidence),
    }));
}

/** The history's note on the brief: what it took from the history, and the files it skipped. */
function withHistory(ctx: Context, note: HistoryNote | null, brief: LocalisedBrief): void {
  if (!note) return;
  const n = brief.risks.items.length;
  if (n) note.used.push(ctx.lang === 'zh' ? `待办改进项 ${n} 条` : `${n} improvement item${n === 1 ? '' : 's'} to do`);
  brief.history = note;
}

/**
 * What the brief takes from the history's streams: a stream retro'd (its retro recorded, wherever
 * its workbook went) is not overdue; without --baseline, an account's UV value is the median of its
 * last 7 streams before the day.
 */
async function fromHistory(
  ctx: Context,
  note: HistoryNote | null,
  date: string,
  retrosDone: Set<string>,
  uvValueByAccount: Map<string, number> | null,
): Promise<void> {
  if (!note) return;
  const months = [-2, -1, 0].map((d) => addToMonth(date.slice(0, 7), d));
  const streams = (await historyStreams(ctx, note, { months }))
    .map((r) => ({ r, day: typeof r.date === 'string' ? r.date : null }))
    .filter((x) => x.day !== null && x.day <= date);
  const { NO_ACCOUNT } = await import('../../domain/history/records.js');
  const account = (a: string) => (a === NO_ACCOUNT ? '' : a);
  let retros = 0;
  for (const { r, day } of streams)
    if (r.source === 'retro') {
      retrosDone.add(`${account(r.account)}_${day}`);
      retros++;
    }
  if (retros) note.used.push(ctx.lang === 'zh' ? `已复盘 ${retros} 场` : `${retros} streams retro'd`);
  if (!uvValueByAccount) return;
  const recent = streams.map(({ r }) => ({
    account: r.account === NO_ACCOUNT ? null : r.account,
    start: instantCell(r.start_time),
    gmv: numberCell(r.gmv),
    uv: numberCell(r.uv),
  }));
  for (const [a, v] of recentUvValues(recent, date)) uvValueByAccount.set(a, v);
}

export async function runBrief(ctx: Context, opts: BriefOptions): Promise<number> {
  const today = shanghaiDate(opts.now);
  const date = opts.date === true ? today : opts.date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--brief ${date}: expected a date such as 2026-12-03`);

  // — the pool: stock per product, and products for the plan —
  const pool = await readPool(ctx, opts.pool, false);
  const stock = new Map<string, number>();
  for (const p of pool) if (p.stock !== null) for (const k of [p.name, p.id]) if (k) stock.set(k, p.stock);

  // — streams: the schedule file, or the plan the config makes (this month and its neighbours) —
  let streams: BriefStream[];
  if (opts.schedule) {
    streams = (await readScheduleFile(ctx, opts.schedule)).map((s) => ({ ...s, products: lineUp(s.productNames) }));
  } else {
    if (!ctx.config.schedule.slots.length)
      throw new UsageError(
        'the brief needs the schedule: pass --schedule 排期表_2026-12.xlsx, or set schedule.slots in the config file',
      );
    const months = [-1, 0, 1].map((d) => addToMonth(date.slice(0, 7), d));
    streams = months.flatMap((month) =>
      planMonth(
        ctx,
        month,
        ctx.config.schedule,
        month === date.slice(0, 7) ? (opts.target ?? null) : null,
        pool,
      ).streams.map((s) => ({
        date: s.date,
        time: s.time,
        account: s.account,
        anchor: s.anchor,
        assistant: s.assistant,
        type: s.typeLabel,
        theme: s.theme,
        gmvTarget: s.gmvTarget,
        products: lineUp(s.products),
      })),
    );
  }

  // — retros present in the output folder; the last one's improvement list —
  const outArg = ctx.out ?? '.';
  const outDir = resolve(ctx.cwd, outArg);
  const isDir = await isFolderArg(ctx.cwd, outArg);
  const folder = isDir ? outDir : ctx.cwd;
  const names = await readdir(folder).catch(() => [] as string[]);
  const retros = names.map((n) => ({ n, m: RETRO_FILE.exec(n) })).filter((x) => x.m);
  const retrosDone = new Set(retros.map((x) => `${x.m![1]}_${x.m![2]}`));
  const lastXlsx = retros
    .filter((x) => x.n.endsWith('.xlsx') && x.m![2]! < date)
    .sort((a, b) => a.m![2]!.localeCompare(b.m![2]!))
    .pop();
  const lastRetro = lastXlsx
    ? {
        file: relative(ctx.cwd, join(folder, lastXlsx.n)) || lastXlsx.n,
        actions: await readActions(join(folder, lastXlsx.n), lastXlsx.n),
      }
    : null;

  // — recent UV value per account, for traffic targets —
  const uvValueByAccount = new Map<string, number>();
  if (opts.baseline.length) {
    const { files, ignored } = await expandInputs(ctx.cwd, opts.baseline);
    const ex = await readExports(ctx, files, ignored);
    for (const [a, v] of recentUvValues(ex.streams, date)) uvValueByAccount.set(a, v);
  }

  // — the history: retros recorded there are done; recent UV value when no --baseline; the
  // improvement items open or overdue now (carried over until done) —
  const note = historyNote(ctx);
  await fromHistory(ctx, note, date, retrosDone, opts.baseline.length ? null : uvValueByAccount);
  const actionEvents = await readActionEvents(ctx, note);

  const facts = buildBrief({
    date,
    now: opts.now,
    streams,
    stock,
    stockLow: ctx.config.thresholds['stock-low'] ?? 50,
    rehearsalDays: ctx.config.thresholds.rehearsal ?? 2,
    retroHours: ctx.config.retroDeadline.sheetHours,
    retrosDone,
    lastRetro,
    uvValueByAccount,
    actionEvents,
  });
  const brief = localiseBrief(facts, ctx.lang);
  withHistory(ctx, note, brief);
  const target =
    ctx.out === STDOUT ? STDOUT : join(folder, `${ctx.lang === 'zh' ? '晨会简报' : 'morning-brief'}_${date}.md`);
  const written = await writeReport({
    target,
    format: 'md',
    model: brief,
    template: 'brief',
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
  });
  brief.outputs.push(relative(ctx.cwd, written) || written);
  await present(ctx, brief, { render: renderBrief });
  return 0;
}
