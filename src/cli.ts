/**
 * The command line: declares commands and global options, lazy-loads each command's module (so a
 * command's heavy dependencies cost nothing to the others), and is the one error boundary that maps
 * errors to exit codes.
 *
 * Exit codes: 0 written · 1 unexpected failure (a bug) · 2 usage or bad input · 3 written, with
 * findings that should gate (e.g. banned words found, alerts in an unattended run) · 4 could not
 * write the output (full disk, read-only or foreign folder) · 5 not written: the output exists and
 * --force was not given · 130 cancelled.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError, Help, Option } from 'commander';
import { displayWidth } from './ui/width.js';
import { wrapText } from './ui/wrap.js';
import { runClock } from './clock.js';
import { ConfigError, ExitError, InputError, isUserError, jsonErrorText, UsageError, WriteError } from './errors.js';
import type { Context, GlobalOptions } from './context.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

export const EXIT = { ok: 0, bug: 1, usage: 2, findings: 3, cannotWrite: 4, exists: 5, cancelled: 130 } as const;

async function makeContext(cmd: Command): Promise<Context> {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const { detectTerminal } = await import('./ui/terminal.js');
  const { loadConfig } = await import('./config/load.js');
  const cwd = process.cwd();
  const config = await loadConfig({ cwd, explicit: g.config });
  if (g.json && g.out === '-')
    throw new UsageError(
      '--json and -o - both write to stdout: use one (-o - --format json writes the report as JSON)',
    );
  const term = detectTerminal({ input: g.input, quiet: g.quiet, verbose: g.verbose });
  if (term.verbose) {
    const { configShown } = await import('./ui/present.js');
    const shown = configShown(cwd, config.source);
    term.stderr.write(
      `liveops: config: ${config.source ? shown : `${shown} (no liveops.config.yaml here or above)`}\n`,
    );
  }
  const { resolve } = await import('node:path');
  const historyEnv = process.env.LIVEOPS_HISTORY;
  const history =
    g.history === false || historyEnv === 'off' || historyEnv === '0' || config.historyDir === null
      ? null
      : resolve(cwd, historyEnv || config.historyDir);
  return {
    cwd,
    env: process.env,
    config,
    history,
    lang: g.lang ?? config.lang,
    json: g.json,
    out: g.out,
    force: g.force,
    term,
  };
}

export function buildProgram(): Command {
  const program = new Command();
  // Set before subcommands are added: they inherit these settings.
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  // Descriptions are paragraphs, wrapped once here, counting a Chinese character as two columns.
  // A terminal that reports no width (columns 0) gets 80; option descriptions wrap on narrow ones too.
  program.configureHelp({
    helpWidth: process.stdout.isTTY && process.stdout.columns > 0 ? Math.min(process.stdout.columns, 100) : 80,
    minWidthToWrap: 20,
    displayWidth,
    boxWrap: (s: string, width: number) => wrapText(s, width),
    // "(default: false)" on a switch says nothing and leaves a stub line.
    optionDescription(option) {
      return Help.prototype.optionDescription.call(this, option).replace(/ \(default: false\)$/, '');
    },
  });
  program
    .name('liveops')
    .description(
      '直播电商运营工具 · toolkit for live-stream e-commerce teams (Douyin, Taobao Live, Kuaishou, WeChat Channels). Reads the CSV/XLSX files the platforms export and writes the documents the team works from.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--config <file>', 'config file (default: liveops.config.yaml here or above, or $LIVEOPS_CONFIG)')
    .addOption(new Option('--lang <lang>', 'labels in outputs: zh (default) or en').choices(['zh', 'en']))
    .option(
      '--json',
      'print exactly one JSON object on stdout instead of the terminal summary, also on a failure ({"error": {code, message, file, row, column}})',
      false,
    )
    .option('-o, --out <path>', 'the output file, or a folder (ends in /, exists, or has no extension); - for stdout')
    .option('--force', 'overwrite output files that already exist', false)
    .option('--no-input', 'never prompt; fail with exit 2 naming what is missing (implied without a TTY)')
    .option(
      '--no-history',
      'record nothing in the history and read nothing from it (default: .liveops/history next to the config, or $LIVEOPS_HISTORY; off also by history: false in the config)',
    )
    .option('-q, --quiet', 'print nothing but results and errors', false)
    .option(
      '--verbose',
      'print details of what is read and decided, first the config file used (and stack traces of bugs)',
      false,
    )
    .showHelpAfterError('(run liveops --help for usage)')
    .addHelpText(
      'after',
      `
Exit codes:
  0    written
  1    unexpected failure (a bug: please report it with --verbose output)
  2    usage error or bad input (the message names file, row and column)
  3    written, with findings that should gate (banned words, alerts, files
       left out)
  4    could not write the output (disk full, folder read-only or not yours);
       nothing is left behind
  5    not written: the output already exists (pass --force to overwrite)
  130  cancelled (Ctrl-C); 143 stopped (SIGTERM): nothing is left behind

Start with:  liveops inspect <export>    what liveops recognises in an export`,
    );

  addInspect(program);
  addRetro(program);
  addSchedule(program);
  addScript(program);
  addSelect(program);
  addKpi(program);
  addHistory(program);
  addTrend(program);
  addActions(program);
  addInit(program);

  return program;
}

function addInspect(program: Command): void {
  program
    .command('inspect')
    .summary('识别 · show what liveops recognises in exports (platform, table kind, columns, problems)')
    .description(
      'For each file and sheet: the platform and table kind detected, the header row, the row count, each header with the field it maps to, headers it could not map (and how to map them in the config file), and value problems with their row and column. Exits 2 when a file cannot be used as it is.',
    )
    .argument('[files...]', 'CSV or XLSX exports (on a terminal, omitted files are picked from this folder)')
    .option('--fields', 'list every field id liveops knows, for mapping headers in the config file', false)
    .option(
      '--template <file>',
      'template for -o: an .xlsx workbook or an .md.eta text template (default: templates/inspect.*)',
    )
    .addHelpText(
      'after',
      `
Examples:
  liveops inspect 整场数据.xlsx
  liveops inspect exports/*.csv --json
  liveops inspect 整场数据.xlsx -o 识别结果.xlsx
      also write the report (.xlsx, .md or .json)
  liveops inspect --fields
      field ids for the config file's headers: section`,
    )
    .action(async (files: string[], opts: { fields: boolean; template?: string }, cmd: Command) => {
      const ctx = await makeContext(cmd);
      const { runInspect } = await import('./commands/inspect/index.js');
      process.exitCode = await runInspect(ctx, { files, fields: opts.fields, template: opts.template });
    });
}

const RETRO_HELP = `
A file of another day or account, or an unreadable comments/consultations
file, is left out and named (leftOut in --json); the retro is still written,
exit 3. A file that gives nothing (empty, header only, no known header) is
named with why (ignored in --json); an empty or header-only one is exit 3.

Weekly report (unattended): never prompts; writes 周报_<week>.xlsx atomically
into --out; one log line on stderr; exit 0 written, 3 written with alerts,
skipped files or an empty/header-only export, 2 nothing usable, 4 could not
write, 5 already written.
  liveops retro --weekly exports/ --out reports/
  liveops retro --weekly exports/ --week 2026-W47 --out reports/ --force
  liveops retro --weekly --from-history --week 2026-W48 --out reports/
      the week over every account's retros in the history (bounded memory)

Examples:
  liveops retro 整场数据.xlsx
  liveops retro 整场数据.xlsx --baseline 直播明细_202611.xlsx
  liveops retro exports/1118/*.csv -o 复盘/
      several files of one stream; the output in a folder
  liveops retro 整场数据.xlsx --format md
      a Markdown summary for the team's chat
  liveops retro 整场数据.xlsx --format html
      one self-contained page with the charts, for a phone or the printer
  liveops retro 整场数据.xlsx --json
      the report as one JSON object on stdout`;

function addRetro(program: Command): void {
  program
    .command('retro')
    .summary('复盘 · post-stream retro sheet (数据复盘表): figures, alerts by role, improvement list')
    .description(
      "Reads what the operator exported for one stream — one Compass 整场数据 workbook, or separate files in any order (summary, products, channels, minute trend, comments, orders, consultations, selection table) — computes the figures with the platforms' definitions, fires the playbook's rules, compares with earlier streams, finds comment/consultation hotspots, and writes the retro workbook next to the first input as 复盘_<account>_<date>.xlsx (or -o)." +
        '\n\n' +
        "A stream list export (Compass 直播明细, Taobao 分场次效果) as the input: the latest stream (or --stream) is retro'd and the earlier ones are its baseline.",
    )
    .argument('[files...]', 'exports of the stream (on a terminal, omitted files are picked from this folder)')
    .option(
      '--baseline <files...>',
      "stream list exports (e.g. Compass 直播明细) to compare with earlier streams (default: the account's last streams in the history)",
    )
    .option(
      '--baseline-count <n>',
      'how many earlier streams make the median',
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--baseline-count ${v}: expected a whole number ≥ 1`);
        return n;
      },
      7,
    )
    .option(
      '--stream <date|id>',
      'with a stream list as input: the stream to retro (2026-11-18, "2026-11-18 20:00" or its ID)',
    )
    .option('--account <name>', 'the account, when the exports do not name it (or to pick one in a stream list)')
    .addOption(
      new Option('--format <format>', 'xlsx, md, html or json (default: from -o, else xlsx)').choices([
        'xlsx',
        'md',
        'html',
        'json',
      ]),
    )
    .option(
      '--template <file>',
      'template to fill: an .xlsx workbook, an .md.eta or .html.eta text template (default: templates/retro.* or weekly.*)',
    )
    .option('--no-mask', 'keep buyer nicknames and phone numbers in the unpaid-order follow-up (masked by default)')
    .option('--weekly', "the weekly report (周度复盘报告) over a folder of the week's exports, for cron", false)
    .option('--week <id>', 'with --weekly: the ISO week, e.g. 2026-W47 (default: last complete week)')
    .option('--since <date>', 'with --weekly: first day of the range, e.g. 2026-11-16')
    .option('--until <date>', 'with --weekly: last day of the range, e.g. 2026-11-22')
    .option(
      '--from-history',
      "with --weekly: the week from the history (every account's retros) instead of a folder of exports; --account for one",
      false,
    )
    .addHelpText('after', RETRO_HELP)
    .action(
      async (
        files: string[],
        opts: {
          baseline?: string[];
          baselineCount: number;
          stream?: string;
          account?: string;
          format?: 'xlsx' | 'md' | 'html' | 'json';
          template?: string;
          weekly: boolean;
          week?: string;
          since?: string;
          until?: string;
          fromHistory: boolean;
          mask: boolean;
        },
        cmd: Command,
      ) => {
        const ctx = await makeContext(cmd);
        if (opts.weekly) {
          const { runWeekly } = await import('./commands/weekly/index.js');
          process.exitCode = await runWeekly(ctx, {
            inputs: files,
            week: opts.week,
            since: opts.since,
            until: opts.until,
            format: opts.format,
            template: opts.template,
            baselineCount: opts.baselineCount,
            now: runClock(process.env),
            fromHistory: opts.fromHistory,
            account: opts.account,
          });
          return;
        }
        if (opts.week || opts.since || opts.until || opts.fromHistory)
          throw new UsageError('--week, --since, --until and --from-history go with --weekly');
        const { runRetro } = await import('./commands/retro/index.js');
        process.exitCode = await runRetro(ctx, {
          files,
          baseline: opts.baseline ?? [],
          baselineCount: opts.baselineCount,
          stream: opts.stream,
          account: opts.account,
          format: opts.format,
          template: opts.template,
          mask: opts.mask,
        });
      },
    );
}

function addSchedule(program: Command): void {
  program
    .command('schedule')
    .summary("排期 · the month's stream schedule (直播排期表) with GMV targets, people, products and a calendar")
    .description(
      "Builds the month's schedule from the config file's schedule: section (or flags): streams from the weekly slots, themed/brand/members-only streams, anchors and assistants rotated without double-booking, products by role (引流款/利润款/形象款) rotated within stock, benefits, GMV targets decomposed annual → quarter → month → stream (adding up exactly), rehearsal dates and retro deadlines, and the team stage. Writes 排期表_<month>.xlsx (the schedule, a month calendar 月历 that prints on one landscape A4 page, targets, products and people) and 排期表_<month>.ics. On a terminal, a missing month, target or slots is asked.",
    )
    .option('--month <yyyy-mm>', 'the month to schedule, e.g. 2026-12')
    .option('--target <gmv>', "the month's GMV target in CNY (default: from schedule.annualGmv)", (v) => {
      const n = Number(v.replace(/[,，]/g, ''));
      if (!(n > 0)) throw new UsageError(`--target ${v}: expected an amount such as 1000000`);
      return n;
    })
    .option(
      '--slots <spec>',
      'weekly slots, e.g. "1,3,5@20:00-23:00" or "一三五@20:00-23:00" (default: schedule.slots)',
    )
    .option('--account <name>', 'the account for slots that do not name one')
    .option('--pool <files...>', 'the selection table (选品表) for the product line-up')
    .addOption(new Option('--format <format>', 'xlsx (default) or json').choices(['xlsx', 'json']))
    .option('--template <file>', 'template to fill (default: templates/schedule.xlsx)')
    .option('--no-ics', 'do not write the .ics calendar')
    .option('--brief [date]', 'the 9:00 morning brief (晨会简报) for a day (default today): streams, targets, risks')
    .option(
      '--schedule <file>',
      'with --brief: the schedule written by liveops schedule (default: planned from the config)',
    )
    .option(
      '--baseline <files...>',
      'with --brief: a stream list (Compass 直播明细) for viewer targets from recent UV value',
    )
    .addHelpText(
      'after',
      `
Morning brief (retros are looked for in the -o folder):
  liveops schedule --brief [--pool 选品表.xlsx] [-o 复盘/]

Examples:
  liveops schedule --month 2026-12 --pool 选品表.xlsx
  liveops schedule --month 2026-12 --target 1500000 \\
      --slots "1,3,5@20:00-23:00" --account 山野户外旗舰店
  liveops schedule --month 2026-12 --json`,
    )
    .action(
      async (
        opts: {
          month?: string;
          target?: number;
          slots?: string;
          account?: string;
          pool?: string[];
          format?: 'xlsx' | 'json';
          template?: string;
          ics: boolean;
          brief?: string | true;
          schedule?: string;
          baseline?: string[];
        },
        cmd: Command,
      ) => {
        const ctx = await makeContext(cmd);
        if (opts.brief !== undefined) {
          const { runBrief } = await import('./commands/brief/index.js');
          process.exitCode = await runBrief(ctx, {
            date: opts.brief,
            schedule: opts.schedule,
            pool: opts.pool ?? [],
            baseline: opts.baseline ?? [],
            target: opts.target,
            now: runClock(process.env),
          });
          return;
        }
        const { runSchedule } = await import('./commands/schedule/index.js');
        process.exitCode = await runSchedule(ctx, { ...opts, pool: opts.pool ?? [], now: runClock(process.env) });
      },
    );
}

function addScript(program: Command): void {
  const script = program
    .command('script')
    .summary('脚本 · a timed script draft, run-sheet and floor-control cue sheet for a stream (直播脚本)')
    .description(
      "Drafts the script of a stream of the schedule (or of products from the pool): opening, one segment per product in the plan with scene-based talk from the selling points (卖点), FAQ, interaction, closing push with real stock figures and benefits, timed to fill the stream; the assistant's cues; and the floor-control cue sheet (list and delist, stock alerts, a reminder 3 minutes before every switch, metric checks every 5 minutes). Writes 脚本_<date>_<account>.md, a run-sheet 脚本_<date>_<account>.xlsx and 场控提示单_<date>_<account>.xlsx." +
        "\n\nThe scenes, the selling-point sentences, the close-ups and the FAQ prompts fit each product's category (服饰, 美妆, 茶, 食品, 户外, 家居, 数码; else a neutral one), found from its 品类 column, else the config's script.category, else its name. They are template data: script-categories.yaml, your copy in templatesDir first.",
    )
    .option('--date <yyyy-mm-dd>', "the stream's date in the schedule")
    .option('--schedule <file>', 'the schedule written by liveops schedule (.xlsx or --json output)')
    .option(
      '--pool <file>',
      'the selection table (选品表) with selling points, FAQ, prices and stock (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--retro <file>', 'the last retro (.xlsx or --json): its hotspots become talk points')
    .option('--products <list>', 'without a schedule: product IDs or names from the pool, comma-separated, in order')
    .option('--duration <minutes>', "without a schedule: the stream's length in minutes", (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 10 || n > 720)
        throw new UsageError(`--duration ${v}: expected minutes between 10 and 720`);
      return n;
    })
    .option('--start <hh:mm>', 'without a schedule: when the stream starts (default 20:00)')
    .option('--account <name>', 'the account (to pick among several streams that day)')
    .option('--template <file>', 'an .md.eta or .xlsx template for the draft or run-sheet')
    .addHelpText(
      'after',
      `
Examples:
  liveops script --date 2026-12-03 --schedule 排期表_2026-12.xlsx \\
      --pool 选品表.xlsx
  liveops script --date 2026-12-03 --schedule 排期表_2026-12.xlsx \\
      --pool 选品表.xlsx --retro 复盘_山野户外旗舰店_2026-11-18.xlsx
  liveops script --products "3650123456789012345,速干徒步裤" \\
      --duration 120 --pool 选品表.xlsx`,
    )
    .action(
      async (
        opts: {
          date?: string;
          schedule?: string;
          pool?: string[];
          retro?: string;
          products?: string;
          duration?: number;
          start?: string;
          account?: string;
          template?: string;
        },
        cmd: Command,
      ) => {
        const ctx = await makeContext(cmd);
        const { runScript } = await import('./commands/script/index.js');
        process.exitCode = await runScript(ctx, { ...opts, pool: opts.pool ?? [] });
      },
    );
  script
    .command('lint')
    .summary(
      '合规检查 · find words the Advertising Law forbids (极限词, medical claims, fake urgency…) before they are said on air',
    )
    .description(
      'Reads Markdown or text scripts line by line, CSV/XLSX run-sheets cell by cell and Word scripts (.docx) paragraph by paragraph, and lists every absolute or forbidden claim (广告法 art. 9: 最/第一/国家级/绝对/100%…; medical claims for non-medical goods; fake urgency; false endorsement; superstition) with its position, category, severity and a suggested rewording. An old .doc or WPS .wps is refused: save it as .docx or .txt.' +
        '\n\n' +
        'Reads through the spellings that dodge a filter: traditional characters (頂級), full-width (ＮＯ．１), 第1, spaces or symbols between characters (最 好, 最-好) and pinyin (zui hao); positions and quoted words are those of the script as written.' +
        '\n\n' +
        "Knows what the 2023 enforcement guide on absolute terms allows: words that only contain a banned character (最近, 第一次, 首付), comparisons among the shop's own products (本店最新款, 我们家最畅销的一款是…, but not 我们家的茶最好), grades defined by standards (一级能效, 特级初榨), product names and trademarks from the selection table, negations (不能代替药物治疗); a ranking with a time and a source (2025年…销量第一（数据来源：…）) and a viewer's question read out (有人问是不是全网最低) are warnings. The team extends the list in the config file (compliance.allow, compliance.deny)." +
        '\n\n' +
        'Exit 3 when an error-level word is found (a gate for the pre-stream checklist or a git hook), 0 when clean or only warnings, 2 on bad input.',
    )
    .argument('<files...>', 'scripts: .md, .txt, .csv, .xlsx or .docx')
    .option(
      '--pool <file>',
      'the selection table (选品表): words inside its product names are not findings (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .addHelpText(
      'after',
      `
Output: one line per finding —
  file:line:column (file [sheet]!B3 for a workbook, file 第12段第5字 for
  a Word script)  phrase  category  severity  → rewording

Examples:
  liveops script lint 脚本_2026-12-03.md
  liveops script lint 脚本_2026-12-03.xlsx --pool 选品表.xlsx
  liveops script lint 直播脚本.docx
  liveops --json script lint scripts/*.md
      { findings[], errors, warnings, files[] }
  git diff --name-only --cached -- '*.md' | xargs -r liveops script lint
      a pre-commit hook`,
    )
    .action(async (files: string[], opts: { pool?: string[] }, cmd: Command) => {
      const ctx = await makeContext(cmd);
      // `script` has a --pool of its own that commander also reads after `lint`: take both.
      const parentPool = cmd.parent?.opts<{ pool?: string[] }>().pool ?? [];
      const { runScriptLint } = await import('./commands/script-lint/index.js');
      process.exitCode = await runScriptLint(ctx, { files, pool: [...(opts.pool ?? []), ...parentPool] });
    });
}

function addSelect(program: Command): void {
  program
    .command('select')
    .summary('选品 · weekly elimination list (淘汰清单), pool balance, stock and supplier checks, candidates')
    .description(
      "Aggregates the week's product exports (one per stream, or a product list over the week) — summed counts, then rates — and lists products to eliminate (weekly click rate or conversion below 3 %), products with not enough data, the pool's roles (引流款/利润款/形象款, from the selection table or suggested) and balance, stock warnings, supplier checks and candidates customers ask for." +
        '\n\n' +
        'Runs unattended like the weekly report: exit 0 written, 3 written with something to act on, skipped files or an empty/header-only export, 2 nothing usable, 4 could not write, 5 already written.',
    )
    .argument('[inputs...]', "the week's product exports, consultations or comments (files or folders)")
    .option('--pool <files...>', 'the selection table (选品表) with roles, prices, stock and suppliers')
    .option(
      '--week <id>',
      'the ISO week the report is for, e.g. 2026-W47 (default: last complete week); names the output',
    )
    .addOption(
      new Option('--format <format>', 'xlsx (default), csv (the elimination list alone), html or json').choices([
        'xlsx',
        'csv',
        'html',
        'json',
      ]),
    )
    .option('--template <file>', 'template to fill (default: templates/select.xlsx, select.html.eta)')
    .addHelpText(
      'after',
      `
Examples:
  liveops select exports/week47/ --pool 选品表.xlsx
  liveops select exports/week47/*.xlsx --pool 选品表.xlsx --week 2026-W47 \\
      -o reports/
  liveops select exports/week47/ --pool 选品表.xlsx --format csv
      the elimination list alone`,
    )
    .action(
      async (
        inputs: string[],
        opts: { pool?: string[]; week?: string; format?: 'xlsx' | 'csv' | 'html' | 'json'; template?: string },
        cmd: Command,
      ) => {
        const ctx = await makeContext(cmd);
        const { runSelect } = await import('./commands/select/index.js');
        process.exitCode = await runSelect(ctx, {
          inputs,
          pool: opts.pool ?? [],
          week: opts.week,
          format: opts.format,
          template: opts.template,
          now: runClock(process.env),
        });
      },
    );
}

function addKpi(program: Command): void {
  program
    .command('kpi')
    .summary('KPI · monthly role KPIs and incentives (月度KPI与激励)')
    .description(
      "Scores each person's month from the team's KPI sheet (姓名, 岗位, 入职日期, GMV目标, GMV实际 and the role figures) with the playbook's weights: operations — GMV achievement 40 %, traffic growth 30 %, process improvements 30 %; anchor — product conversion 40 %, dwell 30 %, new fan-club members 30 %; selector — product ROI 50 %, return rate 30 % (lower is better), new products 20 %; data analyst — report quality 50 %, strategy adoption 50 %." +
        '\n\n' +
        'Each metric scores actual ÷ target × 100 (lower is better: target ÷ actual), capped at 120; a target column beside a figure (…目标) wins over the config; a missing figure makes the score incomplete, never zero. Several roles (运营,主播) are scored per role, combined by shares (equal unless kpi.shares says otherwise) and ranked within each role.' +
        '\n\n' +
        'Incentives: sprint bonus 1 % of GMV above target, growth allowance for newcomers (hired within 3 months) at 80 points or more, innovation awards from a 采纳提案 column. Weights, targets, cap and rates: kpi: in the config.' +
        '\n\n' +
        'Exit 0 written, 2 bad input (nothing written), 4 could not write, 5 the output exists (use --force).',
    )
    .argument('[file]', "the month's KPI sheet (.xlsx or .csv)")
    .option('--month <month>', 'the month the sheet is for, e.g. 2026-11; names the output KPI_<month>.xlsx')
    .addOption(
      new Option('--format <format>', 'xlsx (default), csv (one row per person) or json').choices([
        'xlsx',
        'csv',
        'json',
      ]),
    )
    .option('--template <file>', 'template to fill (default: templates/kpi.xlsx)')
    .addHelpText(
      'after',
      `
Examples:
  liveops kpi --month 2026-11 kpi_2026-11.xlsx
  liveops kpi --month 2026-11 kpi_2026-11.xlsx -o reports/ --force
  liveops --json kpi --month 2026-11 kpi_2026-11.xlsx > kpi.json
  liveops kpi --month 2026-11 kpi_2026-11.xlsx --format csv
      one row per person`,
    )
    .action(
      async (
        file: string | undefined,
        opts: { month?: string; format?: 'xlsx' | 'csv' | 'json'; template?: string },
        cmd: Command,
      ) => {
        const ctx = await makeContext(cmd);
        const { runKpi } = await import('./commands/kpi/index.js');
        process.exitCode = await runKpi(ctx, {
          file,
          month: opts.month,
          format: opts.format,
          template: opts.template,
          now: runClock(process.env),
        });
      },
    );
}

function addHistory(program: Command): void {
  const history = program
    .command('history')
    .summary('历史 · the history of every stream: import past stream lists, see what it holds')
    .description(
      'The history (.liveops/history next to the config, or $LIVEOPS_HISTORY) is a partitioned Parquet dataset (platform/account/month) that every retro records into. history import seeds it from past stream-list exports; history info says what it holds.',
    );
  history
    .command('import')
    .summary('导入 · record the streams of stream-list exports (Compass 直播明细, 生意参谋 分场次效果)')
    .description(
      "Records every stream of the stream lists in the history, one record per file and account+month: importing the same export again replaces its record, never doubles a stream, and a stream that has a retro keeps the retro's figures." +
        '\n\n' +
        'Exit 0 imported, 2 bad input or no history (nothing recorded), 3 imported with files skipped, 4 could not write the history.',
    )
    .argument('<files...>', 'stream-list exports (.xlsx or .csv)')
    .addHelpText(
      'after',
      `
Examples:
  liveops history import 直播明细_全部账号_20261101_20261130.xlsx
  liveops history import exports/直播明细_*.xlsx 分场次效果_202611.csv
  liveops --json history import 直播明细_202611.xlsx`,
    )
    .action(async (files: string[], _opts: object, cmd: Command) => {
      const ctx = await makeContext(cmd);
      const { runHistoryImport } = await import('./commands/history/index.js');
      process.exitCode = await runHistoryImport(ctx, files);
    });
  history
    .command('info')
    .summary('概况 · where the history is, its tables, accounts and months, skipped files')
    .description(
      'Where the history is, each table with its files and rows, the accounts and months it covers, and the files it skips (damaged or incomplete), with why.',
    )
    .action(async (_opts: object, cmd: Command) => {
      const ctx = await makeContext(cmd);
      const { runHistoryInfo } = await import('./commands/history/info.js');
      process.exitCode = await runHistoryInfo(ctx);
    });
}

function addTrend(program: Command): void {
  program
    .command('trend')
    .summary("趋势 · an account's or an anchor's metric over streams, weeks or months, from the history")
    .description(
      "One metric of an account's (--account) or an anchor's (--anchor) streams in the history, per stream, ISO week (Monday–Sunday, Beijing time) or month, as a table and, with -o, a page with its chart (.html), Markdown or JSON. Every rate is a ratio of sums over the period (UV value = Σ GMV ÷ Σ viewers; conversion = Σ buyers ÷ Σ product clickers; view-conversion = Σ buyers ÷ Σ viewers; click-rate = Σ product clickers ÷ Σ product-exposed; dwell = the viewer-weighted mean); a period without a figure says why, never 0." +
        '\n\n' +
        'Exit 0 shown (and written), 2 usage error or no history, 4 could not write, 5 the output exists (use --force).',
    )
    .option('--account <name>', 'the account (default: the only one in the history)')
    .option('--anchor <name>', 'an anchor, over every account (streams whose schedule names them)')
    .addOption(
      new Option('--by <period>', 'stream, week or month').choices(['stream', 'week', 'month']).default('week'),
    )
    .addOption(
      new Option('--metric <metric>', 'the figure')
        .choices(['gmv', 'uv', 'uv-value', 'conversion', 'view-conversion', 'dwell', 'click-rate'])
        .default('uv-value'),
    )
    .option('--since <day|month|week>', 'from (2026-09-01, 2026-09 or 2026-W36)')
    .option('--until <day|month|week>', 'to, inclusive')
    .addOption(
      new Option('--format <format>', 'xlsx, html, md or json (default: from -o)').choices([
        'xlsx',
        'html',
        'md',
        'json',
      ]),
    )
    .option('--template <file>', 'template to fill (default: templates/trend.xlsx, trend.html.eta, trend.md.eta)')
    .addHelpText(
      'after',
      `
Examples:
  liveops trend --account 山野户外旗舰店
  liveops trend --account 山野户外旗舰店 --metric conversion --by month
  liveops trend --account 山野户外旗舰店 --by stream --since 2026-11-16
  liveops trend --anchor 李娜 --metric dwell --by stream -o trend.html
  liveops trend --account 山野户外旗舰店 --by month -o 趋势.xlsx
      the periods with each figure's two sums, and the chart
  liveops --json trend --account 小鹿美妆官方 --metric gmv`,
    )
    .action(
      async (
        opts: {
          account?: string;
          anchor?: string;
          by: 'stream' | 'week' | 'month';
          metric: 'gmv' | 'uv' | 'uv-value' | 'conversion' | 'view-conversion' | 'dwell' | 'click-rate';
          since?: string;
          until?: string;
          format?: 'xlsx' | 'html' | 'md' | 'json';
          template?: string;
        },
        cmd: Command,
      ) => {
        const ctx = await makeContext(cmd);
        const { runTrend } = await import('./commands/trend/index.js');
        process.exitCode = await runTrend(ctx, opts);
      },
    );
}

function addActions(program: Command): void {
  const actions = program
    .command('actions')
    .summary('改进清单 · the improvement items the retros recorded: open and overdue by owner; close them')
    .description(
      'Lists the improvement items (改进清单) every retro records in the history, each with a stable id, the role (and person) who acts, a due date and a status: open, overdue (past its due date) or done. Open and overdue items are grouped by role and person, overdue first. An item found again in a later retro is the same item; one found again in a stream after it was done is reopened.' +
        '\n\n' +
        "Due dates (the playbook's deadlines): fixing the data is due within the retro deadline after the stream (retroDeadline.sheetHours, 24 h); what the anchor, floor control or the selector change is due at the rehearsal of the account's next planned stream (2 days before it, at the earliest a day after this one), or a week after the stream when none is planned." +
        '\n\n' +
        'Exit 0 listed, 3 listed with overdue items, 2 no history this run (--no-history, LIVEOPS_HISTORY=off) or bad input, 4 the history could not be written.',
    )
    .option('--owner <role|person>', 'only the items of a role (anchor, 主播…) or a person')
    .option('--account <name>', 'only the items of an account')
    .option('--all', 'also the items done', false)
    .addHelpText(
      'after',
      `
Examples:
  liveops actions
  liveops actions --owner 主播 --account 山野户外旗舰店
  liveops actions done A0188aud
  liveops actions --all --json`,
    )
    .action(async (opts: { owner?: string; account?: string; all: boolean }, cmd: Command) => {
      const ctx = await makeContext(cmd);
      const { runActions } = await import('./commands/actions/index.js');
      process.exitCode = await runActions(ctx, opts);
    });
  actions
    .command('done')
    .summary('close improvement items by their ids')
    .description(
      'Records that the items are done (a done event in the history, next to the item). An id the history does not have is exit 2, naming it, and nothing is recorded.',
    )
    .argument('<ids...>', 'item ids, as liveops actions lists them (e.g. A0188aud)')
    .action(async (ids: string[], _opts: unknown, cmd: Command) => {
      const ctx = await makeContext(cmd);
      const { runActionsDone } = await import('./commands/actions/index.js');
      process.exitCode = await runActionsDone(ctx, ids);
    });
}

function addInit(program: Command): void {
  program
    .command('init')
    .summary('初始化 · write a commented config file and editable copies of the output templates')
    .description(
      'Writes liveops.config.yaml (every playbook threshold and KPI weight at its default, each explained) and copies the default templates into templates/ for the team to edit. Commands run in that folder (or below it) use them. Never overwrites a file without --force.',
    )
    .argument('[dir]', 'folder to initialise (default: this folder)')
    .addHelpText('after', '\nExamples:\n  liveops init\n  liveops init team-config --lang en')
    .action(async (dir: string | undefined, _opts: unknown, cmd: Command) => {
      const ctx = await makeContext(cmd);
      const { runInit } = await import('./commands/init/index.js');
      process.exitCode = await runInit(ctx, { dir });
    });
}

/** What a failed run tells: its exit code, a stable code for machines, and the message. */
interface Failure {
  exit: number;
  code: 'usage' | 'input' | 'config' | 'exists' | 'write' | 'cancelled' | 'bug';
  message: string;
  /** Printed on stderr, or null when it has been printed already (commander's own messages). */
  line: string | null;
  /** `files`: every path concerned when there are several (init's existing config and templates). */
  location?: { file?: string; files?: string[]; sheet?: string; row?: number; column?: string };
}

async function failureOf(e: unknown, verbose: boolean): Promise<Failure | null> {
  if (e instanceof ExitError) return null;
  if (e instanceof CommanderError) {
    // commander has already printed its message (or the help, or the version: exit 0).
    if (e.exitCode === 0) return null;
    return { exit: EXIT.usage, code: 'usage', message: e.message.replace(/^error: /, ''), line: null };
  }
  // Ctrl-C or a closed input at a prompt: the user stopped, nothing is wrong with liveops.
  if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
    return { exit: EXIT.cancelled, code: 'cancelled', message: 'cancelled', line: 'liveops: 已取消 (cancelled)' };
  }
  const { OutputExistsError } = await import('./io/write/atomic.js');
  if (e instanceof OutputExistsError) {
    // Not a failure of the job: a re-run or a catch-up found its output already there.
    return {
      exit: EXIT.exists,
      code: 'exists',
      message: e.message,
      line: `liveops: not written: ${e.message} (exit ${EXIT.exists})`,
      location: { file: e.path, ...(e.others.length ? { files: [e.path, ...e.others] } : {}) },
    };
  }
  if (e instanceof WriteError) {
    return {
      exit: EXIT.cannotWrite,
      code: 'write',
      message: e.message,
      line: `liveops: error: ${e.message}`,
      location: { file: e.path },
    };
  }
  if (e instanceof InputError) {
    const { file, sheet, row, column } = e.location;
    const location = Object.fromEntries(
      Object.entries({ file, sheet, row, column }).filter(([, v]) => v !== undefined),
    );
    return { exit: EXIT.usage, code: 'input', message: e.message, line: `liveops: error: ${e.message}`, location };
  }
  const env = environmentError(e);
  if (env)
    return {
      exit: EXIT.usage,
      code: 'input',
      message: env.message,
      line: `liveops: error: ${env.message}`,
      ...(env.path ? { location: { file: env.path } } : {}),
    };
  if (isUserError(e)) {
    const code = e instanceof ConfigError ? 'config' : 'usage';
    return {
      exit: EXIT.usage,
      code,
      message: e.message,
      line: `liveops: error: ${e.message}`,
      ...(e instanceof ConfigError ? { location: { file: e.file } } : {}),
    };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    exit: EXIT.bug,
    code: 'bug',
    message: err.message,
    line:
      `liveops: unexpected error (this is a bug in liveops, please report it): ${err.message}\n` +
      (verbose ? `${err.stack ?? ''}` : 'run again with --verbose for details'),
  };
}

/** Why the system refused to read an input or the working folder, in words a user acts on. */
const READ_CAUSES: Record<string, string> = {
  ELOOP: 'too many symbolic links (a link that points back to itself?)',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'is a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error: check the disk',
};

/**
 * A file-system error on reading (an input, the working folder): not a bug in liveops but the
 * machine's state, so exit 2 naming the path and the cause. Failed writes are WriteErrors already.
 */
function environmentError(e: unknown): { message: string; path: string | null } | null {
  const err = e as NodeJS.ErrnoException | null;
  if (!(err instanceof Error) || typeof err.code !== 'string' || !/^E[A-Z]+$/.test(err.code)) return null;
  if (err.syscall === 'uv_cwd')
    return {
      message: 'the current folder no longer exists (deleted or moved?); cd into an existing folder and run again',
      path: null,
    };
  if (!['stat', 'lstat', 'open', 'read', 'scandir', 'realpath', 'access', 'opendir'].includes(err.syscall ?? ''))
    return null;
  const path = typeof err.path === 'string' ? err.path : null;
  const cause = READ_CAUSES[err.code] ?? err.code;
  return { message: `cannot read ${path ?? 'an input'}: ${cause} (${err.code})`, path };
}

/**
 * Tell the failure on stderr; with --json also as one object on stdout, so a script that reads
 * stdout always gets an object: {"error": {"code", "exit", "message", "file", "row", "column"}}.
 */
async function printError(e: unknown, argv: string[]): Promise<number> {
  if (e instanceof ExitError) return e.exitCode;
  const f = await failureOf(e, argv.includes('--verbose'));
  if (f === null) return EXIT.ok;
  if (f.line !== null) process.stderr.write(`${f.line}\n`);
  if (argv.includes('--json')) {
    process.stdout.write(jsonErrorText(f.code, f.exit, f.message, f.location));
  }
  return f.exit;
}

/** A reader that stops reading (`liveops retro --help | head -3`) is not an error: end quietly, exit 0. */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(EXIT.ok);
    });
  }
}

export async function main(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipe();
  const { handleSignalsForRun } = await import('./io/write/atomic.js');
  handleSignalsForRun({ json: argv.includes('--json') });
  const program = buildProgram();
  let command = 'liveops';
  program.hook('preAction', (_program, action) => {
    command = action.parent && action.parent !== program ? `${action.parent.name()} ${action.name()}` : action.name();
  });
  const { runGuarded } = await import('./lifecycle.js');
  await runGuarded(
    () => command,
    async () => {
      try {
        await program.parseAsync(argv);
      } catch (e) {
        process.exitCode = await printError(e, argv);
      }
    },
  );
}
