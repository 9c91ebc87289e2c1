/**
 * `liveops kpi --month 2026-11 kpi_2026-11.xlsx`: the month's role KPIs and incentives from the
 * team's KPI sheet (姓名, 岗位, 入职日期, the figures). Exit 0 written, 2 bad input (file, row and
 * column named; nothing written).
 */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { KPI_METRICS, KPI_ROLES } from '../../domain/kpi/metrics.js';
import { buildKpiReport, shareProblems, type KpiPersonInput } from '../../domain/kpi/report.js';
import { monthRange, parseRoles } from '../../domain/kpi/score.js';
import {
  historyFailure,
  historyNote,
  historyStreams,
  recordInHistory,
  type HistoryNote,
} from '../../collect/history.js';
import { InputError, UsageError } from '../../errors.js';
import { openRawSource, type RawCell } from '../../io/read/raw.js';
import { openTables, tableLocation, type Column, type Table } from '../../io/read/tables.js';
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
import { askForFiles, askForValue } from '../../ui/prompts.js';
import { exportsIn } from '../../collect/files.js';
import { kpiLogLine, renderKpiSummary } from './render.js';
import { kpiText, localiseKpi, shareProblemText, type KpiReport } from '../../i18n/kpi.js';
import { unusedColumnsLines, valueWarningText } from '../../i18n/messages.js';
import { KPI_CHART_NAMES } from './chart-names.js';
import { chartsDrawn } from '../../ui/charts.js';
import { collect } from '../../model/collect.js';
import type { KpiRow } from '../../model/entities.js';
import { present } from '../../ui/present.js';
import { addToMonth, lastDayOf, shanghaiMonth, unfinishedAsOf } from '../../clock.js';
import { cleanText } from '../../text-safety.js';

export interface KpiOptions {
  /** The KPI sheet (one file); asked for on a terminal when absent. */
  file?: string | undefined;
  /** YYYY-MM; asked for on a terminal when absent. */
  month?: string | undefined;
  format?: OutputFormat | undefined;
  template?: string | undefined;
  now: Date;
}

/** The figures a KPI sheet can carry: every metric's field and the per-person targets. */
const FIGURE_FIELDS = [
  ...new Set(
    KPI_ROLES.flatMap((r) => KPI_METRICS[r].flatMap((m) => (m.targetField ? [m.field, m.targetField] : [m.field]))),
  ),
];

/** A column whose header names adopted proposals (采纳提案, 创新提案, 提案): the innovation awards. */
const PROPOSALS_HEADER = /提案|proposal/i;

/** "kpi_2026-11.xlsx" → "2026-11" (a default for the prompt, never taken silently). */
function monthInName(file: string): string | null {
  const m = /(20\d{2})[-_.年]?(0[1-9]|1[0-2])(?!\d)/.exec(basename(file));
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The month before the one it is now in Beijing. */
const previousMonth = (now: Date): string => addToMonth(shanghaiMonth(now), -1);

/**
 * Adopted proposals in one cell: a count ("2"), or titles separated by ；;、 or line breaks. Commas
 * stay inside a title (优化开场话术，提升停留); the cell is read raw, so its text is cleaned here.
 */
export function parseProposals(cell: RawCell): { count: number; titles: string[] } {
  if (cell === null || cell === undefined || cell === '') return { count: 0, titles: [] };
  if (typeof cell === 'number') return { count: Math.max(0, Math.round(cell)), titles: [] };
  const text = cleanText(String(cell)).trim();
  if (/^\d+$/.test(text)) return { count: Number(text), titles: [] };
  if (/^(-+|—+|无|没有|none|n\/a|0)$/i.test(text)) return { count: 0, titles: [] };
  const titles = text
    .split(/[;；、\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return { count: titles.length, titles };
}

/** The proposals column's cells by row, read from the raw sheet (the field catalogue has no such field). */
async function readProposals(file: string, table: Table, col: Column): Promise<Map<number, RawCell>> {
  const cells = new Map<number, RawCell>();
  const source = await openRawSource(file);
  for await (const sheet of source.sheets) {
    if (table.sheet !== undefined && sheet.name !== table.sheet) continue;
    for await (const r of sheet.rows)
      if (r.rowNumber > (table.headerRow ?? 0)) cells.set(r.rowNumber, r.cells[col.index] ?? null);
    break;
  }
  return cells;
}

/** Read the sheet; problems name the file as the user wrote it, not its absolute path. */
async function readKpiSheet(ctx: Context, file: string) {
  const abs = resolve(ctx.cwd, file);
  try {
    return await readKpiTable(ctx, file, abs);
  } catch (e) {
    if (e instanceof InputError && e.location.file === abs) throw new InputError({ ...e.location, file }, e.problem);
    throw e;
  }
}

async function readKpiTable(ctx: Context, file: string, abs: string) {
  for await (const t of openTables(abs, { headerMap: ctx.config.headers, strict: true })) {
    if (t.empty || t.kind !== 'kpi') continue;
    const loc = { ...tableLocation(t), file };
    const header = (field: string) => t.columns.find((c) => c.field === field)?.header ?? field;
    const headers = Object.fromEntries(
      t.columns.filter((c) => c.field && c.role === 'actual').map((c) => [c.field as string, c.header]),
    );
    const targetHeaders = Object.fromEntries(
      t.columns.filter((c) => c.field && c.role === 'target').map((c) => [c.field as string, c.header]),
    );
    const proposalsCol = t.unmapped.find((c) => PROPOSALS_HEADER.test(c.header)) ?? null;
    const rows: KpiPersonInput[] = [];
    const seen = new Map<string, number>();
    const people: KpiRow[] = [];
    await collect(t, { kpiRow: (k) => people.push(k) }, { kpiFields: FIGURE_FIELDS });
    for (const { row, name, roleText, hireDate, figures, targets } of people) {
      const r = { row };
      if (!name && !roleText) continue; // a note or an empty line under the table
      if (!name)
        throw new InputError(
          { ...loc, row: r.row, column: header('personName') },
          "empty: every row needs the person's name",
        );
      if (!roleText)
        throw new InputError(
          { ...loc, row: r.row, column: header('staffRole') },
          'empty: expected a role such as 运营, 主播, 选品 or 数据分析 (several: 运营,场控)',
        );
      const first = seen.get(name);
      if (first !== undefined)
        throw new InputError(
          { ...loc, row: r.row, column: header('personName') },
          `"${name}" is already on row ${first}: one row per person`,
        );
      seen.set(name, r.row);
      if (figures.gmvTarget !== null && figures.gmvTarget !== undefined && figures.gmvTarget <= 0) {
        throw new InputError(
          { ...loc, row: r.row, column: header('gmvTarget') },
          `${figures.gmvTarget} is not a GMV target: expected an amount above 0`,
        );
      }
      rows.push({ row, name, roleText, hireDate, figures, targets, proposals: [], proposalCount: 0 });
    }
    if (proposalsCol) {
      const cells = await readProposals(abs, t, proposalsCol);
      for (const p of rows) {
        const parsed = parseProposals(cells.get(p.row) ?? null);
        p.proposals = parsed.titles;
        p.proposalCount = parsed.count;
      }
    }
    const unused = t.unmapped.filter((c) => c !== proposalsCol).map((c) => c.header);
    const readWarnings = [
      ...t.warnings.map((w) => valueWarningText(w, ctx.lang, file)),
      ...unusedColumnsLines([{ file, sheet: t.sheet ?? null, headers: unused }], ctx.lang),
    ];
    return {
      table: t,
      headers,
      targetHeaders,
      readWarnings,
      proposalsColumn: proposalsCol?.header ?? null,
      people: rows,
    };
  }
  throw new UsageError(`${file}: no KPI sheet found (a table with 姓名 and 岗位 columns); run liveops inspect ${file}`);
}

export function kpiCsv(lang: 'zh' | 'en'): CsvTable {
  const zh = lang === 'zh';
  return {
    list: 'people',
    columns: [
      { path: 'name', header: zh ? '姓名' : 'Name' },
      { path: 'roleText', header: zh ? '岗位' : 'Role' },
      { path: 'roleLabels', header: zh ? 'KPI岗位' : 'KPI roles' },
      { path: 'total', header: zh ? '总分' : 'Total' },
      { path: 'complete', header: zh ? '数据完整' : 'Complete' },
      { path: 'rankText', header: zh ? '排名' : 'Rank' },
      { path: 'gmv', header: zh ? 'GMV实际' : 'GMV' },
      { path: 'gmvTarget', header: zh ? 'GMV目标' : 'GMV target' },
      { path: 'sprintBonus', header: zh ? '冲刺奖金' : 'Sprint bonus' },
      { path: 'growthAllowance.eligible', header: zh ? '成长津贴' : 'Growth allowance' },
      { path: 'proposalCount', header: zh ? '采纳提案' : 'Adopted proposals' },
      { path: 'missing', header: zh ? '缺少' : 'Missing' },
    ],
  };
}

export async function runKpi(ctx: Context, opts: KpiOptions): Promise<number> {
  const m = kpiText[ctx.lang];
  let file = opts.file;
  if (!file) {
    const picked = await askForFiles(
      ctx.term,
      {
        what: 'the KPI sheet',
        howToPass: "the month's KPI sheet, e.g. `liveops kpi --month 2026-11 kpi_2026-11.xlsx`",
        message: m.pickFile,
        candidates: await exportsIn(ctx.cwd),
      },
      ctx.prompter,
    );
    if (picked.length !== 1) throw new UsageError('liveops kpi reads one KPI sheet: pick one file');
    file = picked[0] as string;
  }
  let month = opts.month;
  if (!month) {
    month = await askForValue(
      ctx.term,
      {
        what: '--month',
        howToPass: '--month 2026-11 (the month the KPI sheet is for)',
        message: m.askMonth,
        default: monthInName(file) ?? previousMonth(opts.now),
        validate: (v) => (monthRange(v.trim()) ? true : m.badMonth),
      },
      ctx.prompter,
    );
    month = month.trim();
  }
  if (!monthRange(month)) throw new UsageError(`--month ${month}: expected a month such as 2026-11`);
  // A month that has not begun in Beijing has no figures to score.
  if (month > shanghaiMonth(opts.now))
    throw new UsageError(
      `--month ${month}: that month has not begun yet (it is ${shanghaiMonth(opts.now)} in Beijing)`,
    );

  // The input first: a missing sheet is the problem to tell, even when last month's output exists.
  const st = await stat(resolve(ctx.cwd, file)).catch(() => null);
  if (!st) throw new UsageError(`${file}: no such file`);
  if (st.isDirectory())
    throw new UsageError(`${file}: is a folder; pass the KPI sheet itself (e.g. ${file}/kpi_${month}.xlsx)`);
  const format: OutputFormat = outputFormat(opts.format, ctx.out);
  onlyFormats(format, ['xlsx', 'csv', 'json'], 'kpi');
  const target = await reportTarget(ctx.cwd, ctx.out, `KPI_${month}.${format}`);
  await assertWritable(target, { force: ctx.force });
  const sheet = await readKpiSheet(ctx, file);
  const problems = shareProblems(sheet.people, ctx.config.kpi).map((p) => shareProblemText(p, ctx.lang));
  if (problems.length) throw new UsageError(`${ctx.config.source ?? 'config'}: ${problems.join('; ')}`);

  const note = historyNote(ctx);
  if (note) await anchorsFromHistory(ctx, note, month, sheet.people);
  const facts = buildKpiReport(
    {
      month,
      file,
      sheet: sheet.table.sheet ?? null,
      headers: sheet.headers,
      targetHeaders: sheet.targetHeaders,
      readWarnings: sheet.readWarnings,
      proposalsColumn: sheet.proposalsColumn,
      people: sheet.people,
    },
    ctx.config.kpi,
  );
  facts.unfinished = unfinishedAsOf(lastDayOf(month), opts.now);
  const report: KpiReport & { history?: HistoryNote | null } = localiseKpi(facts, ctx.lang);
  const written = await writeReport({
    target,
    format,
    model: report,
    template: 'kpi',
    templateOverride: opts.template,
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
    csv: kpiCsv(ctx.lang),
    charts: {
      names: KPI_CHART_NAMES,
      build: async () => (await import('./charts.js')).kpiCharts(report, ctx.lang),
    },
    onCharts: chartsDrawn(ctx.term, ctx.lang, (drawn) => (report.charts = drawn)),
  });
  const shown = displayPath(ctx.cwd, written);
  report.outputs.push(shown);
  if (note) {
    const { kpiParts } = await import('../../domain/history/plan-records.js');
    const people = facts.people.flatMap((p) =>
      p.roleScores.map((r) => ({
        name: p.name,
        role: r.role,
        score: r.score,
        bonus: p.sprintBonus,
        figures: Object.fromEntries(
          r.metrics.map((x) => [x.metric, { actual: x.actual, target: x.target, score: x.score, source: x.source }]),
        ),
      })),
    );
    await recordInHistory(ctx, note, { command: 'kpi', inputs: [file], ...kpiParts(month, people) }, opts.now);
    report.history = note;
  }
  const code = note?.error ? 4 : 0;
  await present(ctx, report, { render: renderKpiSummary });
  ctx.term.stderr.write(`${kpiLogLine(report, shown, code)}\n`);
  historyFailure(ctx, note);
  return code;
}

/**
 * The anchors' conversion, dwell and new fan-club figures the sheet leaves empty, from the month's
 * streams in the history that they anchored (the retro takes the anchor from the schedule).
 */
async function anchorsFromHistory(
  ctx: Context,
  note: HistoryNote,
  month: string,
  people: KpiPersonInput[],
): Promise<void> {
  const { fillAnchorFigures } = await import('../../domain/history/plan-records.js');
  const isAnchor = (p: KpiPersonInput) => parseRoles(p.roleText, ctx.config.kpi.roleWords).roles.includes('anchor');
  if (!people.some(isAnchor)) return;
  const streams = await historyStreams(ctx, note, { months: [month] });
  const filled = fillAnchorFigures(people, streams, isAnchor);
  if (filled > 0) {
    const anchored = streams.filter((s) => people.some((p) => isAnchor(p) && s.anchor === p.name)).length;
    note.used.push(
      ctx.lang === 'zh'
        ? `主播数据 ${filled} 项（${month} 其主播的 ${anchored} 场）`
        : `${filled} anchor figures (${anchored} streams they anchored in ${month})`,
    );
  }
}
