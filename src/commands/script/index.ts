/**
 * `liveops script --date 2026-12-03 --schedule 排期表_2026-12.xlsx --pool 选品表.xlsx`: a timed script
 * draft for a stream of the schedule (or from the pool alone with --products and --duration),
 * written as Markdown, an xlsx run-sheet and the floor-control cue sheet, from templates the team
 * can edit. Each product is talked about as its category is (templates/script-categories.yaml, or
 * the team's copy). The draft is linted for banned advertising words before it is written.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { normaliseRole, roleTiers, suggestRole, type ProductRole } from '../../domain/roles.js';
import { buildDraft, type ScriptProduct, type ScriptStream, type TalkPoint } from '../../domain/script/draft.js';
import { categoryOf, type DraftCategories } from '../../domain/script/categories.js';
import type { ScriptCategories } from '../../config/script-categories.js';
import type { Finding } from '../../domain/compliance/lint.js';
import { ConfigError, UsageError } from '../../errors.js';
import { readOwnModel } from '../../io/read/own-workbook.js';
import { assertWritable } from '../../io/write/atomic.js';
import { displayPath, isFolderArg, writeReport } from '../../io/write/output.js';
import { logger } from '../../ui/terminal.js';
import { unusedColumnsLines } from '../../i18n/messages.js';
import { readExports } from '../../collect/exports.js';
import { expandInputs } from '../../collect/files.js';
import { renderScriptSummary } from './render.js';
import { localiseDraft, scriptText, type LocalisedDraft } from '../../i18n/script.js';
import { topicActionText } from '../../i18n/topics.js';
import { readScheduleFile } from '../../collect/schedule-file.js';
import { present } from '../../ui/present.js';
import { fileNamePart, visible } from '../../text-safety.js';

export interface ScriptOptions {
  date?: string | undefined;
  schedule?: string | undefined;
  pool: string[];
  retro?: string | undefined;
  products?: string | undefined;
  duration?: number | undefined;
  start?: string | undefined;
  account?: string | undefined;
  template?: string | undefined;
}

/** Hotspots of the last retro (its --json, or the report its workbook carries) that a tenth or more of questions ask about. */
async function readTalkPoints(ctx: Context, file: string): Promise<TalkPoint[]> {
  const abs = resolve(ctx.cwd, file);
  const rows: Array<{ topic: string; share: number; source: string }> = [];
  if (extname(abs).toLowerCase() === '.json') {
    const report = JSON.parse(await readFile(abs, 'utf8').catch(() => '{}')) as {
      hotspots?: Array<{ topic: string; share: number; source: string }>;
    };
    for (const h of report.hotspots ?? []) rows.push({ topic: h.topic, share: h.share, source: h.source });
  } else {
    // The report the retro workbook carries, not its 评论热点 sheet's labels.
    const report = await readOwnModel(
      abs,
      file,
      'retro',
      'pass a retro written by liveops retro (.xlsx or its --json)',
    );
    for (const h of (report.hotspots as Array<{ topic: string; share: number; source: string }> | null) ?? [])
      rows.push({ topic: h.topic, share: h.share, source: h.source });
  }
  // One point per topic: comments and consultations may both raise it; keep the larger share.
  const best = new Map<string, { topic: string; share: number; source: string }>();
  for (const r of rows) if (!best.has(r.topic) || best.get(r.topic)!.share < r.share) best.set(r.topic, r);
  return [...best.values()]
    .filter((r) => r.share >= 0.1 && topicActionText(r.topic, ctx.lang) !== null)
    .sort((a, b) => b.share - a.share)
    .map((r) => ({ topic: r.topic, share: r.share, source: r.source, action: topicActionText(r.topic, ctx.lang)! }));
}

/** A draft as it is presented and written: the localised draft, its lint, the warnings and the files written. */
type ScriptDraft = LocalisedDraft & {
  lint: { findings: ScriptFinding[]; errors: number; warnings: number };
  warnings: string[];
  outputs: string[];
};
/** A banned word of the draft, with the segment, part and time it is in. */
type ScriptFinding = Finding & { segment: string; part: string; time: string };

export async function runScript(ctx: Context, opts: ScriptOptions): Promise<number> {
  const m = scriptText[ctx.lang];
  checkScriptFlags(opts);
  const poolProducts = await readPool(ctx, opts);
  const { stream, products, warnings } = await chooseStream(ctx, opts, poolProducts);
  const talkPoints = opts.retro ? await readTalkPoints(ctx, opts.retro) : [];
  const { loadScriptCategories } = await import('../../config/script-categories.js');
  const categories = await loadScriptCategories({ templatesDir: ctx.config.templatesDir, cwd: ctx.cwd });
  const built = draftScript(ctx, { stream, products, talkPoints, categories });
  const draft = await lintDraft(ctx, built, poolProducts, products, warnings);
  await writeScript(ctx, opts, stream, draft);

  await present(ctx, draft, { render: renderScriptSummary });
  for (const w of warnings) ctx.term.stderr.write(`liveops: warning: ${w}\n`);
  for (const f of draft.lint.findings) {
    ctx.term.stderr.write(`${m.finding(f.time, f.segment, f.part, f.phrase, f.severity, f.suggestion)}\n`);
  }
  // Like `script lint`: exit 3 when the draft carries an error-level word, so it gates the checklist.
  return draft.lint.errors > 0 ? 3 : 0;
}

/** The flags checked before anything is read: a well-formed --date, and a stream to draft (a schedule or products). */
function checkScriptFlags(opts: ScriptOptions): void {
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date))
    throw new UsageError(`--date ${visible(opts.date)}: expected a date such as 2026-12-03`);
  if (!opts.schedule && !opts.products) {
    throw new UsageError(
      'missing the stream: pass --schedule 排期表_2026-12.xlsx --date 2026-12-03, or --products "id1,id2" --duration 180 with --pool',
    );
  }
}

/** The pool (--pool): products with their roles, selling points, FAQ and stock; none without --pool. */
async function readPool(ctx: Context, opts: ScriptOptions): Promise<ScriptProduct[]> {
  const poolProducts: ScriptProduct[] = [];
  if (opts.pool.length) {
    const { files, ignored } = await expandInputs(ctx.cwd, opts.pool);
    const ex = await readExports(ctx, files, ignored);
    if (ex.skipped.length) throw new UsageError(`--pool ${ex.skipped[0]!.file}: ${ex.skipped[0]!.reason}`);
    if (!ex.pool.length) throw new UsageError(`--pool ${opts.pool.join(' ')}: no selection table (选品表) found`);
    for (const line of unusedColumnsLines(ex.unusedColumns, ctx.lang)) logger(ctx.term).warn(line);
    const tiers = roleTiers(
      ex.pool.map((p) => p.livePrice),
      ctx.config.select,
    );
    for (const p of ex.pool) {
      const name = p.name ?? p.id;
      if (!name) continue;
      poolProducts.push({
        id: p.id,
        name,
        role: normaliseRole(p.role) ?? suggestRole(p, tiers),
        category: p.category,
        price: p.livePrice,
        dailyPrice: p.dailyPrice,
        stock: p.stock,
        sellingPoints: p.sellingPoints,
        faq: p.faq,
        giveaway: p.giveaway,
      });
    }
  }
  return poolProducts;
}

/** The pool's product of that name or ID. */
function inPool(poolProducts: ScriptProduct[], n: string): ScriptProduct | null {
  return poolProducts.find((p) => p.name === n || p.id === n) ?? null;
}

/** A stream and its products, with the warnings choosing them raised. */
interface ChosenStream {
  stream: ScriptStream;
  products: ScriptProduct[];
  warnings: string[];
}

/** The stream to draft: the schedule's stream of --date (and --account), or one made from --products and --duration. */
async function chooseStream(ctx: Context, opts: ScriptOptions, poolProducts: ScriptProduct[]): Promise<ChosenStream> {
  const chosen = opts.schedule
    ? await streamFromSchedule(ctx, opts, opts.schedule, poolProducts)
    : streamFromFlags(ctx, opts, poolProducts);
  if (!chosen.products.length) throw new UsageError(scriptText[ctx.lang].noProducts(chosen.stream.date));
  return chosen;
}

/** The schedule's one stream of --date (and --account); its products as the pool has them, or by name alone. */
async function streamFromSchedule(
  ctx: Context,
  opts: ScriptOptions,
  schedule: string,
  poolProducts: ScriptProduct[],
): Promise<ChosenStream> {
  const m = scriptText[ctx.lang];
  const warnings: string[] = [];
  if (!opts.date) throw new UsageError('missing the date: pass --date 2026-12-03 with --schedule');
  const all = await readScheduleFile(ctx, schedule);
  const matches = all.filter((s) => s.date === opts.date && (!opts.account || s.account === opts.account));
  if (!matches.length)
    throw new UsageError(
      `--date ${opts.date}: no stream that day in ${schedule}${opts.account ? ` for ${opts.account}` : ''}`,
    );
  if (matches.length > 1)
    throw new UsageError(
      `--date ${opts.date}: ${matches.length} streams that day (${matches.map((x) => x.account).join(', ')}); add --account`,
    );
  const { productNames, ...stream } = matches[0]!;
  const products = (['引流款', '利润款', '形象款'] as ProductRole[]).flatMap((role) =>
    productNames[role].map((n): ScriptProduct => {
      const p = inPool(poolProducts, n);
      if (!p) warnings.push(m.notInPool(n));
      return p
        ? { ...p, role }
        : {
            id: null,
            name: n,
            role,
            category: null,
            price: null,
            dailyPrice: null,
            stock: null,
            sellingPoints: null,
            faq: null,
            giveaway: false,
          };
    }),
  );
  return { stream, products, warnings };
}

/** A stream made from the flags: --products from the pool, from --start (20:00) for --duration minutes. */
function streamFromFlags(ctx: Context, opts: ScriptOptions, poolProducts: ScriptProduct[]): ChosenStream {
  if (!poolProducts.length) throw new UsageError('--products needs --pool 选品表.xlsx to know the products');
  if (!opts.duration) throw new UsageError('missing the duration: pass --duration 180 (minutes) with --products');
  const startAt = opts.start ?? '20:00';
  if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(startAt))
    throw new UsageError(`--start ${startAt}: expected a time such as 20:00`);
  const [h, mm] = startAt.split(':').map(Number);
  const endMin = (h! * 60 + mm! + opts.duration) % (24 * 60);
  const products = opts
    .products!.split(/[,，]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((n) => {
      const p = inPool(poolProducts, n);
      if (!p)
        throw new UsageError(
          `--products: "${n}" is not in the pool (give a 商品ID or 商品名称 from ${opts.pool.join(', ')})`,
        );
      return p;
    });
  const stream: ScriptStream = {
    date: opts.date ?? '',
    time: `${startAt}-${String(Math.floor(endMin / 60)).padStart(2, '0')}:${String(endMin % 60).padStart(2, '0')}`,
    account: opts.account ?? ctx.config.schedule.account,
    anchor: null,
    assistant: null,
    type: null,
    theme: null,
    benefit: null,
    gmvTarget: null,
  };
  return { stream, products, warnings: [] };
}

/**
 * The shop's one category (config `script.category`), as an id of the data file: the id itself or
 * a word its keywords match. A word that matches none is a config error, not a silent default.
 */
function shopCategory(ctx: Context, categories: ScriptCategories): DraftCategories {
  const word = ctx.config.script.category;
  if (word === null) return { set: categories.set, shop: null };
  const shop = categoryOf(word, categories.set);
  if (shop === null) {
    const ids = categories.set.map((c) => c.id).join(', ');
    throw new ConfigError(ctx.config.source ?? 'config', [
      `script.category: "${word}" is not a category of ${categories.file} (${ids}) nor a word their keywords match`,
    ]);
  }
  return { set: categories.set, shop };
}

/** The timed draft of the stream, its products and the retro's talk points, in the operator's language. */
function draftScript(
  ctx: Context,
  what: { stream: ScriptStream; products: ScriptProduct[]; talkPoints: TalkPoint[]; categories: ScriptCategories },
): LocalisedDraft {
  const { stream, products, talkPoints, categories } = what;
  return localiseDraft(
    buildDraft({
      stream,
      products,
      talkPoints,
      settings: ctx.config.script,
      thresholds: ctx.config.thresholds,
      categories: shopCategory(ctx, categories),
    }),
    ctx.lang,
    categories,
  );
}

/**
 * The draft is linted before it is written: banned words that came in with the selling points,
 * FAQ or benefits are named with the segment and line they are in. Product names are exempt.
 */
async function lintDraft(
  ctx: Context,
  built: LocalisedDraft,
  poolProducts: ScriptProduct[],
  products: ScriptProduct[],
  warnings: string[],
): Promise<ScriptDraft> {
  const { lintText } = await import('../../domain/compliance/lint.js');
  const comp = ctx.config.compliance;
  const lintOpts = {
    allow: comp.allow,
    deny: comp.deny,
    productNames: [...poolProducts.map((p) => p.name), ...products.map((p) => p.name)],
  };
  const findings = built.timeline.flatMap((seg) =>
    seg.parts.flatMap((part) =>
      lintText(part.talk.join('\n'), lintOpts).map((f) => ({
        segment: seg.title,
        part: part.label,
        time: part.start,
        ...f,
      })),
    ),
  );
  return {
    ...built,
    lint: {
      findings,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
    warnings,
    outputs: [],
  };
}

/** The outputs, into the -o folder: Markdown draft, xlsx run-sheet, cue sheet; their paths go into `draft.outputs`. */
async function writeScript(ctx: Context, opts: ScriptOptions, stream: ScriptStream, draft: ScriptDraft): Promise<void> {
  const outArg = ctx.out ?? '.';
  const outDir = resolve(ctx.cwd, outArg);
  const isDir = await isFolderArg(ctx.cwd, outArg);
  if (!isDir) throw new UsageError('-o for script is a folder: it writes the draft, the run-sheet and the cue sheet');
  // Names from the schedule or a flag never build a path: no separator, no .., no control character.
  const stem =
    `${fileNamePart(stream.date || 'draft', 10, 'draft')}_${fileNamePart(stream.account ?? '', 40, '')}`.replace(
      /_$/,
      '',
    );
  const zh = ctx.lang === 'zh';
  const targets = {
    md: join(outDir, `${zh ? '脚本' : 'script'}_${stem}.md`),
    xlsx: join(outDir, `${zh ? '脚本' : 'script'}_${stem}.xlsx`),
    cues: join(outDir, `${zh ? '场控提示单' : 'cue-sheet'}_${stem}.xlsx`),
  };
  for (const t of Object.values(targets)) await assertWritable(t, { force: ctx.force });
  const common = {
    model: draft,
    templatesDir: ctx.config.templatesDir,
    lang: ctx.lang,
    cwd: ctx.cwd,
    force: ctx.force,
  } as const;
  const show = (p: string) => displayPath(ctx.cwd, p);
  const md = await writeReport({
    ...common,
    target: targets.md,
    format: 'md',
    template: 'script',
    templateOverride: opts.template?.endsWith('.eta') ? opts.template : undefined,
  });
  const xlsx = await writeReport({
    ...common,
    target: targets.xlsx,
    format: 'xlsx',
    template: 'script',
    templateOverride: opts.template?.endsWith('.xlsx') ? opts.template : undefined,
  });
  const cues = await writeReport({ ...common, target: targets.cues, format: 'xlsx', template: 'cuesheet' });
  draft.outputs.push(show(md), show(xlsx), show(cues));
}
