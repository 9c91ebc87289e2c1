/**
 * `liveops select <files|folders...> --pool 选品表.xlsx`: the selector's weekly elimination list,
 * pool balance, stock and supplier checks, and candidates. Runs unattended with the weekly
 * report's conventions: exit 0 written, 3 written with something to act on or skipped files,
 * 2 nothing usable.
 */

import { anyEmptyExport } from '../../model/not-used.js';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { buildSelectReport, type PoolItem } from '../../domain/select/report.js';
import { localiseSelect, type SelectReport } from '../../i18n/select.js';
import { lastWeek, parseIsoWeek } from '../../domain/week.js';
import { UsageError } from '../../errors.js';
import { assertWritable } from '../../io/write/atomic.js';
import {
  displayPath,
  onlyFormats,
  outputFormat,
  reportTarget,
  writeReport,
  type CsvTable,
  type OutputFormat,
} from '../../io/write/output.js';
import { selectText, withReasons } from '../../i18n/messages.js';
import { chartsDrawn } from '../../ui/charts.js';
import { htmlTemplateHelpers } from '../../i18n/html.js';
import { SELECT_CHART_NAMES } from './chart-names.js';
import { askForFiles } from '../../ui/prompts.js';
import { readExports } from '../../collect/exports.js';
import { expandInputs, exportsIn } from '../../collect/files.js';
import { renderSelectSummary, selectLogLine } from './render.js';
import { present } from '../../ui/present.js';
import { unfinishedAsOf } from '../../clock.js';
import { historyFailure, historyNote, recordInHistory, type HistoryNote } from '../../collect/history.js';

export interface SelectOptions {
  inputs: string[];
  pool: string[];
  week?: string | undefined;
  format?: OutputFormat | undefined;
  template?: string | undefined;
  now: Date;
}

export function eliminationCsv(lang: 'zh' | 'en'): CsvTable {
  const zh = lang === 'zh';
  return {
    list: 'eliminate',
    columns: [
      { path: 'id', header: zh ? '商品ID' : 'Product ID' },
      { path: 'name', header: zh ? '商品名称' : 'Product' },
      { path: 'roleLabel', header: zh ? '商品角色' : 'Role' },
      { path: 'streams', header: zh ? '场次' : 'Streams' },
      { path: 'exposed', header: zh ? '曝光人数' : 'Exposed' },
      { path: 'clickers', header: zh ? '点击人数' : 'Clickers' },
      { path: 'buyers', header: zh ? '成交人数' : 'Buyers' },
      { path: 'gmv', header: zh ? '成交金额' : 'GMV' },
      { path: 'clickRate', header: zh ? '周点击率' : 'Weekly click rate' },
      { path: 'conversionRate', header: zh ? '周转化率' : 'Weekly conversion' },
      { path: 'rules', header: zh ? '规则' : 'Rules' },
    ],
  };
}

export async function runSelect(ctx: Context, opts: SelectOptions): Promise<number> {
  const m = selectText[ctx.lang];
  let inputs = opts.inputs;
  if (inputs.length === 0) {
    inputs = await askForFiles(
      ctx.term,
      {
        what: 'input files',
        howToPass:
          "the week's product exports (files or a folder), e.g. `liveops select exports/week47/ --pool 选品表.xlsx`",
        message: m.pickFiles,
        candidates: await exportsIn(ctx.cwd),
      },
      ctx.prompter,
    );
  }
  const week = opts.week ? parseIsoWeek(opts.week) : lastWeek(opts.now);
  if (!week) throw new UsageError(`--week ${opts.week}: expected an ISO week such as 2026-W47`);
  const format: OutputFormat = outputFormat(opts.format, ctx.out);
  onlyFormats(format, ['xlsx', 'csv', 'html', 'json'], 'select');
  const target = await reportTarget(
    ctx.cwd,
    ctx.out,
    `${ctx.lang === 'zh' ? '淘汰清单' : 'elimination'}_${week.id}.${format}`,
  );
  await assertWritable(target, { force: ctx.force });

  const { files, ignored } = await expandInputs(ctx.cwd, [...inputs, ...opts.pool]);
  const ex = await readExports(ctx, files, ignored, week);
  for (const p of opts.pool) {
    if (ex.skipped.some((s) => s.file === p))
      throw new UsageError(`--pool ${p}: ${ex.skipped.find((s) => s.file === p)!.reason}`);
    if (!ex.pool.some((r) => r.file === p))
      throw new UsageError(`--pool ${p}: no selection table (选品表) found in it; run liveops inspect ${p}`);
  }
  const pool = ex.pool;
  if (ex.products.tables === 0 && pool.length === 0) {
    ctx.term.stderr.write(`liveops select ${week.id}: nothing written (exit 2)\n`);
    const outside = ex.outside.length ? `; ${ex.outside.map((o) => `${o.file}: ${o.reason}`).join('; ')}` : '';
    throw new UsageError(
      `${m.nothing} (${week.id})${ex.skipped.length ? `; ${m.skippedFiles(ex.skipped.map((s) => `${s.file} (${s.reason})`).join('; '))}` : ''}${outside}`,
    );
  }
  const facts = buildSelectReport(
    {
      week,
      products: ex.products,
      pool,
      hotspots: ex.hotspots,
      skipped: ex.skipped,
      ignored: withReasons(ignored, ctx.lang),
      unusedColumns: ex.unusedColumns,
      outside: ex.outside,
      rowsOutside: ex.rowsOutside,
      readWarnings: ex.readWarnings,
    },
    {
      thresholds: ctx.config.thresholds,
      ...ctx.config.select,
      supplierPrice: ctx.config.supplierPrice,
      supplierTerms: ctx.config.supplierTerms,
    },
  );
  facts.unfinished = unfinishedAsOf(week.until, opts.now);
  const report: SelectReport & { history?: HistoryNote | null } = localiseSelect(facts, ctx.lang);
  const written = await writeReport({
    target,
    format,
    model: report,
    template: 'select',
    templateOverride: opts.template,
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
    csv: eliminationCsv(ctx.lang),
    helpers: htmlTemplateHelpers(ctx.lang),
    charts: {
      names: SELECT_CHART_NAMES,
      build: async () => (await import('./charts.js')).selectCharts(report, ctx.lang),
    },
    onCharts: chartsDrawn(ctx.term, ctx.lang, (drawn) => (report.charts = drawn)),
  });
  const shown = displayPath(ctx.cwd, written);
  report.outputs.push(shown);
  const findings =
    report.eliminate.length +
    report.stock.length +
    report.suppliers.filter((x) => x.flags.length).length +
    report.backupSuppliers.filter((b) => b.fires).length;
  const note = historyNote(ctx);
  if (note) {
    // The week's eliminations, for the schedules after it: of the one account the exports name, else of all.
    const { selectParts } = await import('../../domain/history/plan-records.js');
    const accounts = new Set(ex.streams.map((s) => s.account).filter((a): a is string => !!a));
    const account = accounts.size === 1 ? [...accounts][0]! : null;
    const rec = selectParts(week, account, facts.eliminate);
    await recordInHistory(ctx, note, { command: 'select', inputs: [...inputs, ...opts.pool], ...rec }, opts.now);
    report.history = note;
  }
  const code = note?.error ? 4 : findings > 0 || ex.skipped.length > 0 || anyEmptyExport(ignored) ? 3 : 0;
  await present(ctx, report, { render: renderSelectSummary, logLine: selectLogLine(report, shown, code) });
  historyFailure(ctx, note);
  return code;
}
