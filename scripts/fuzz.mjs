// npm run fuzz: damaged and hostile exports through inspect, retro and select (issue 17).
//
// The corpus (scripts/lib/fuzz-inputs.mjs) is made at run time from the real exports in fixtures/,
// each input from its own seed: mixed line endings, cuts at many offsets, unbalanced quotes, NUL
// bytes, BOMs / UTF-16 / GBK / invalid UTF-8, huge fields, 10k+ columns, headerless, empty and
// header-only files, duplicate headers, formula payloads, control characters, damaged workbooks
// (cut, CRC, sharedStrings, not a zip, zip bombs, a CSV named .xlsx) and csv-spectrum's cases.
// Every input is run (spawned, no TTY, TZ=UTC, NO_COLOR=1, HOME and cwd fresh temp folders) as
//   liveops inspect <file>
//   liveops retro <file> [douyin-compass-session.xlsx] -o out/      (comments, consultations, selection: beside the stream)
//   liveops select wk --week 2026-W47 -o out/                       (wk/ = the input + a good product list)
// each with a 30 s limit, alternately with --json and without. A run fails on
//   stack-trace          a stack trace in stdout or stderr
//   exit-1               exit 1 (a bug)
//   hang                 no exit within 30 s (killed)
//   leftover-file        a temp file left, a file written although the exit says nothing was, a
//                        file outside out/, or a written output that is not a whole file
//   exit-2-file-unnamed  exit 2 whose message does not name the input file
//   damage-unnamed       exit 0/3 on a damaged input without naming the damage; or an input that
//                        holds the same table as its fixture (line endings, BOM, GBK, payloads…)
//                        read with other row counts and nothing said
// and on a few more that belong to the same promise (README: exit codes, formula safety):
//   unexpected-exit      an exit code other than 0/1/2/3, or a signal
//   nothing-written      retro/select exit 0/3 with no output in out/
//   clean-refused        an unchanged fixture not read (exit other than 0/3)
//   formula-in-output    a payload from the input became a formula (<f>) in a written workbook
//   control-in-output    a control character (ESC, BEL, C1, DEL, bare CR, bidi) reached the terminal
//                        output or an output file name
//   check-too-loose      a "names the damage" pattern matches the output of a clean fixture (a
//                        broken check: it would pass anything)
// It prints the inputs, runs, exit-code histogram, each failure class with its count, and each
// failure with its input, command and first lines of output; exit 1 when any class is above 0.
// The full results go to bench/fuzz/report.json.
//
//   npm run fuzz                          everything (~400 inputs, ~1,260 runs; ~8-9 min on 2 idle cores)
//   npm run fuzz -- --quick               a ~60-input subset (every class) for developers
//   npm run fuzz -- --only truncation,xlsx --match orders   some classes / inputs whose id contains a text
//   npm run fuzz -- --list                the inputs, without running them
//   npm run fuzz -- --keep                keep the folders of failed runs (their path is printed)
//   npm run fuzz -- --max 5               print the first 5 failures of each class (default: every one)
//   npm run fuzz -- --skip-clean --match X  faster: without the clean fixtures' runs (no comparison with them, no self-check)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, DAMAGE, GOOD_PRODUCTS, NEEDS_STREAM, SESSION } from './lib/fuzz-inputs.mjs';

const require = createRequire(import.meta.url);
const JSZip = require('jszip');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'liveops.js');
const FIXTURES = join(ROOT, 'fixtures');
const REPORT = join(ROOT, 'bench', 'fuzz', 'report.json');

const argv = process.argv.slice(2);
const flag = (n) => argv.includes(`--${n}`);
const opt = (n, d) => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : d;
};
const QUICK = flag('quick');
const PARALLEL = Number(opt('parallel', 2));
const TIMEOUT_S = Number(opt('timeout', 30));
const ONLY = opt('only', null)?.split(',');
const MATCH = opt('match', null);
const KEEP = flag('keep');
const SKIP_CLEAN = flag('skip-clean');
const SHOW = Number(opt('max', Infinity));
const QUICK_SIZE = 60;

const FAILURES = {
  'stack-trace': 'a stack trace in stdout or stderr',
  'exit-1': 'exit 1 (an unexpected failure: a bug)',
  hang: `no exit within ${TIMEOUT_S} s (killed)`,
  'leftover-file': 'a temp or partial file left, or a file written although nothing should be',
  'exit-2-file-unnamed': 'exit 2 whose message does not name the input file',
  'damage-unnamed':
    'exit 0/3 on a damaged input (or one read with other row counts than its fixture) without naming the damage',
  'unexpected-exit': 'an exit code other than 0/1/2/3, or killed by a signal',
  'nothing-written': 'retro/select exit 0/3 and nothing in out/',
  'clean-refused': 'an unchanged fixture not read (exit other than 0/3)',
  'formula-in-output': 'a formula payload became a formula in a written workbook',
  'control-in-output': 'a control character reached the terminal output or an output file name',
  'check-too-loose': 'a "names the damage" pattern matches the output of a clean fixture',
};

/** What a stack trace looks like (V8 frames, node internals). */
const STACK = /(?:^|\n)\s+at (?:.+ \()?(?:file:|node:|\/|[A-Za-z]:\\)[^\n]*:\d+:\d+\)?|node:internal/;
/** liveops's temp names (`.<name>.<pid>.<hex>.tmp`) and any other temp-looking name. */
const TEMP = /\.tmp$|\.tmp-|\.partial$|\.crdownload$|^~\$|\.swp$/;
/** Characters that must not reach a terminal raw: C0 but \t \n, DEL, C1, bidi overrides/isolates; a bare CR. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
/** The --json keys that carry what went wrong. */
const DAMAGE_KEYS = new Set([
  'error',
  'errors',
  'problems',
  'readWarnings',
  'warnings',
  'leftOut',
  'skipped',
  'ignored',
  'outside',
  'rowsOutside',
  'missingRequired',
  'notes',
  'issues',
  'damage',
]);

const escape = (s) =>
  s.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const clip = (s, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

// ---------------------------------------------------------------------------------------------
const t0 = Date.now();
let corpus = buildCorpus(FIXTURES);
{
  const ids = new Set();
  for (const i of corpus) {
    if (ids.has(i.id)) throw new Error(`fuzz: two inputs with the id ${i.id}`);
    ids.add(i.id);
  }
}
const fullCount = corpus.length;
const clean = corpus.filter((i) => i.cls === 'clean');
let rest = corpus.filter((i) => i.cls !== 'clean');
if (ONLY) rest = rest.filter((i) => ONLY.includes(i.cls));
if (MATCH) rest = rest.filter((i) => i.id.includes(MATCH));
if (QUICK) {
  const byClass = new Map();
  for (const i of rest) byClass.set(i.cls, [...(byClass.get(i.cls) ?? []), i]);
  const want = QUICK_SIZE - clean.length;
  const picked = [];
  for (const list of byClass.values()) {
    const k = Math.max(1, Math.round((list.length * want) / rest.length));
    for (let j = 0; j < k; j++) picked.push(list[Math.floor((j * list.length) / k)]);
  }
  rest = picked;
}
corpus = [...(SKIP_CLEAN ? [] : clean), ...rest];

if (flag('list')) {
  for (const i of corpus)
    console.log(
      `${i.id.padEnd(64)} ${i.cls === 'clean' ? 'reference' : i.damage ? `damaged: ${i.damage.kind}` : i.same ? `same table (${i.same.why})` : i.expectRows !== null ? `${i.expectRows} rows` : 'robustness'} — ${i.note}`,
    );
  console.log(`${corpus.length} inputs`);
  process.exit(0);
}

/** The newest build output: a build during the run (another shell's npm test) can fail runs on half-written modules. */
function distStamp() {
  let newest = 0;
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.js')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  visit(join(ROOT, 'dist'));
  return newest;
}
const DIST_AT_START = distStamp();
const HALF_BUILT = /does not provide an export named|Cannot find module|ERR_MODULE_NOT_FOUND|ERR_INTERNAL_ASSERTION/;

const TMP = mkdtempSync(join(tmpdir(), 'liveops-fuzz-'));
const companion = (file) => readFileSync(join(FIXTURES, file));
const SESSION_BYTES = companion(SESSION);
const GOOD = GOOD_PRODUCTS.split('/').pop();
const GOOD_BYTES = companion(GOOD_PRODUCTS);
const GOOD_ALT = '商品_山野户外旗舰店_20261117.xlsx';
const GOOD_ALT_BYTES = companion(`week-2026-W47/${GOOD_ALT}`);

let seq = 0;
function walk(dir, base = dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out);
    else out.push(relative(base, p));
  }
  return out;
}

/** One spawn of liveops on `input` (bytes given), laid out for `cmd`. */
async function runOne(input, bytes, cmd, json, slot) {
  const dir = join(TMP, `run-${++seq}`);
  const home = join(TMP, `home-${slot}`);
  mkdirSync(dir, { recursive: true });
  mkdirSync(home, { recursive: true });
  const placed = new Set();
  const put = (rel, data) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), data);
    placed.add(rel);
  };
  let args;
  if (cmd === 'inspect') {
    put(input.name, bytes);
    args = ['inspect', input.name];
  } else if (cmd === 'retro') {
    put(input.name, bytes);
    const extra = NEEDS_STREAM.has(input.kind) && input.name !== SESSION ? [SESSION] : [];
    for (const e of extra) put(e, SESSION_BYTES);
    args = ['retro', input.name, ...extra, '-o', 'out/'];
  } else {
    put(join('wk', input.name), bytes);
    if (input.name === GOOD) put(join('wk', GOOD_ALT), GOOD_ALT_BYTES);
    else put(join('wk', GOOD), GOOD_BYTES);
    args = ['select', 'wk', '--week', '2026-W47', '-o', 'out/'];
  }
  if (json) args.push('--json');
  const started = Date.now();
  const res = await new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        TZ: 'UTC',
        NO_COLOR: '1',
        HOME: home,
        LANG: 'C.UTF-8',
        LIVEOPS_NOW: '2026-12-01T09:00:00+08:00',
        LIVEOPS_HISTORY: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const cap = 16 << 20;
    const out = { stdout: [], stderr: [], n: { stdout: 0, stderr: 0 }, cut: false };
    for (const s of ['stdout', 'stderr'])
      child[s].on('data', (d) => {
        if (out.n[s] < cap) out[s].push(d);
        else out.cut = true;
        out.n[s] += d.length;
      });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_S * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        timedOut,
        stdout: Buffer.concat(out.stdout).toString('utf8'),
        stderr: Buffer.concat(out.stderr).toString('utf8'),
        cut: out.cut,
      });
    });
  });
  const files = walk(dir).filter((f) => !placed.has(f));
  const run = { input, cmd, json, args, dir, ...res, seconds: (Date.now() - started) / 1000, files, outputs: [] };
  if (json && !res.timedOut && !res.cut) {
    try {
      run.parsed = JSON.parse(res.stdout);
    } catch {
      run.parsed = null;
      run.badJson = true;
    }
  }
  // Written outputs: whole files? formulas from the payloads?
  for (const f of files) {
    const o = { file: f, ok: true, why: null, formulas: 0 };
    const p = join(dir, f);
    try {
      const size = statSync(p).size;
      if (size === 0) Object.assign(o, { ok: false, why: 'empty file' });
      else if (f.endsWith('.xlsx')) {
        const zip = await JSZip.loadAsync(readFileSync(p));
        for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
          const xml = await zip.files[name].async('string');
          o.formulas += (xml.match(/<f[ >][^<]*(?:FUZZ|cmd\|)[^<]*<\/f>/g) ?? []).length;
        }
      } else if (f.endsWith('.json')) JSON.parse(readFileSync(p, 'utf8'));
    } catch (e) {
      Object.assign(o, { ok: false, why: `not a whole file: ${e.message.split('\n')[0]}` });
    }
    run.outputs.push(o);
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// What the runs say.
// ---------------------------------------------------------------------------------------------
/** The text in which a damage must be named: stderr, and the human output or the --json keys that carry problems. */
function damageText(run) {
  const parts = [run.stderr];
  if (!run.json || !run.parsed) parts.push(run.stdout);
  else {
    const visit = (v) => {
      if (!v || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        const empty =
          x === null ||
          x === undefined ||
          x === '' ||
          (Array.isArray(x) && x.length === 0) ||
          (typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0);
        if (DAMAGE_KEYS.has(k) && !empty) parts.push(`${k}: ${JSON.stringify(x)}`);
        else if (typeof x === 'object') visit(x);
      }
    };
    visit(run.parsed);
    for (const t of fileTables(run)) parts.push(`kind: ${t.kind ?? 'unknown'}`);
  }
  return parts.join('\n');
}

/** What a --json run said went wrong, in one line: its error, or its warnings / left-out / skipped entries. */
function jsonGist(run) {
  const j = run.parsed;
  if (j.error) return `error: ${j.error.message ?? JSON.stringify(j.error)}`;
  const said = damageText({ ...run, stderr: '' })
    .split('\n')
    .filter((l) => l && !l.startsWith('kind: '));
  const read = signature(run);
  return `${said.length ? said.join(' | ') : '(no error, warning, left-out or skipped entry)'}${read ? `; read: ${read}` : ''}`;
}

const sameFile = (f, name) => typeof f === 'string' && (f === name || f.endsWith(`/${name}`));
/** The tables a --json run reports for the input file: inspect's files[].tables, retro's inputs[]. */
function fileTables(run) {
  const j = run.parsed;
  if (!j) return [];
  if (run.cmd === 'inspect')
    return (j.files ?? []).filter((f) => sameFile(f.file, run.input.name)).flatMap((f) => f.tables ?? []);
  if (run.cmd === 'retro') return (j.inputs ?? []).filter((i) => sameFile(i.file, run.input.name));
  return [];
}
const tableRows = (t) => (t.rows ?? 0) + (t.totalRows ?? 0) + (t.skuRows ?? 0);
/** How a --json run read the input file: kinds and row counts, "left out", or null when it does not say. */
function signature(run) {
  const j = run.parsed;
  if (!j || (run.cmd !== 'inspect' && run.cmd !== 'retro')) return null;
  if (run.cmd === 'inspect') {
    const f = (j.files ?? []).find((x) => sameFile(x.file, run.input.name));
    if (!f) return null;
    if (f.error) return 'error';
  } else if ((j.leftOut ?? []).some((l) => sameFile(l.file, run.input.name))) return 'left out';
  const ts = fileTables(run);
  return ts.length ? ts.map((t) => `${t.kind ?? '?'}:${tableRows(t)}`).join(' ') : 'no tables';
}
const totalRows = (run) => {
  const ts = fileTables(run);
  return ts.length ? ts.reduce((s, t) => s + tableRows(t), 0) : null;
};

function rowMentioned(text, name, d) {
  const ns = [...new Set([d.row, d.line].filter((n) => Number.isInteger(n)))];
  if (!ns.length) return false;
  const alt = ns.join('|');
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `(?:\\brow|\\bline|第|行)\\s*(?:${alt})(?!\\d)|${esc}(?: \\[[^\\]]*\\])?:(?:${alt})(?!\\d)|"(?:row|line)":\\s*(?:${alt})(?!\\d)`,
    'i',
  ).test(text);
}

const baseline = new Map(); // `${base}|${cmd}` → signature of the clean fixture
const baselineUsed = new Map(); // `${base}|${cmd}` → whether the command uses the clean fixture at all

/** From a --json run: does the command use the input file (select: not under ignored; retro: read or left out)? */
function usedBy(run) {
  const j = run.parsed;
  if (!j) return null;
  if (run.cmd === 'select')
    return !(j.ignored ?? []).some((f) => sameFile(typeof f === 'string' ? f : f?.file, run.input.name));
  if (run.cmd === 'retro')
    return fileTables(run).length > 0 || (j.leftOut ?? []).some((l) => sameFile(l.file, run.input.name));
  return true;
}
/** The command set the input aside as a file it has no use for (listed under 未使用的文件 / ignored). */
function unusedNow(run) {
  if (run.json && run.parsed) return usedBy(run) === false;
  const t = `${run.stdout}\n${run.stderr}`;
  return run.cmd === 'select' && /未使用的文件|files? not used/.test(t) && t.includes(run.input.name);
}
const cleanTexts = []; // { input, cmd, json, text } for the self-check

function check(run) {
  const f = [];
  const fail = (cls, detail, sub = null) => f.push({ cls, detail, sub });
  const { input, code } = run;
  const both = `${run.stdout}\n${run.stderr}`;
  if (STACK.test(run.stdout) || STACK.test(run.stderr)) fail('stack-trace', 'a stack trace in the output');
  if (run.timedOut) fail('hang', `killed after ${TIMEOUT_S} s`);
  else if (code === 1)
    fail(
      'exit-1',
      HALF_BUILT.test(run.stderr)
        ? 'exit 1 — a module missing or half-written: dist/ rebuilt during the run?'
        : 'exit 1',
    );
  else if (code === null || ![0, 1, 2, 3].includes(code))
    fail('unexpected-exit', code === null ? `killed by ${run.signal}` : `exit ${code}`);
  const written = code === 0 || code === 3;
  if (!run.timedOut) {
    for (const o of run.outputs) {
      const base = o.file.split('/').pop();
      if (TEMP.test(base)) fail('leftover-file', `temp file left: ${o.file}`);
      else if (!written) fail('leftover-file', `exit ${code}, yet ${o.file} was written`);
      else if (!o.file.startsWith('out/')) fail('leftover-file', `written outside out/: ${o.file}`);
      else if (!o.ok) fail('leftover-file', `${o.file}: ${o.why}`);
      if (o.formulas) fail('formula-in-output', `${o.file}: ${o.formulas} cell(s) with a payload as a formula`);
      if (CONTROL.test(o.file))
        fail('control-in-output', `an output file name with a control character: ${JSON.stringify(o.file)}`);
    }
    if (written && run.cmd !== 'inspect' && !run.outputs.some((o) => o.file.startsWith('out/')))
      fail('nothing-written', `exit ${code} and nothing in out/`);
  }
  const terminal = run.json ? run.stderr : both;
  if (CONTROL.test(terminal)) {
    const m = terminal.match(CONTROL)[0];
    fail('control-in-output', `${JSON.stringify(m)} in ${run.json ? 'stderr' : 'the output'}`);
  }
  if (code === 2 && !both.includes(input.name)) fail('exit-2-file-unnamed', `exit 2 without naming ${input.name}`);
  if (input.cls === 'clean' && !written && !run.timedOut)
    fail('clean-refused', `exit ${code} on the unchanged fixture`);
  if (written) {
    const text = damageText(run);
    // A file the command has no use for even as a clean export (select and an orders CSV) is
    // set aside unread: its damage changes nothing and is not asked for.
    run.moot = !!input.damage && baselineUsed.get(`${input.base}|${run.cmd}`) === false && unusedNow(run);
    if (input.damage && !run.moot) {
      const d = input.damage;
      const zero = (d.kind === 'empty' || d.kind === 'no-rows') && run.json && totalRows(run) === 0;
      if (!d.words.test(text) && !rowMentioned(text, input.name, d) && !zero)
        fail('damage-unnamed', `exit ${code}: ${DAMAGE[d.kind].what} — not named`, d.kind);
    }
    const sig = signature(run);
    if (input.same && sig !== null) {
      const ref = baseline.get(`${input.base}|${run.cmd}`);
      if (ref !== undefined) run.compared = ref === sig ? 'same' : 'differs';
      if (ref !== undefined && ref !== sig && !input.same.words.test(text))
        fail(
          'damage-unnamed',
          `exit ${code}: read as [${sig}], the fixture reads as [${ref}] — nothing said`,
          `misread (${input.same.why})`,
        );
    }
    if (input.expectRows !== null && sig !== null) {
      const n = totalRows(run);
      run.compared = n === input.expectRows ? 'same' : 'differs';
      if (n !== input.expectRows && sig !== 'left out')
        fail(
          'damage-unnamed',
          `exit ${code}: ${n ?? 'no'} rows read, the file has ${input.expectRows} — nothing said`,
          `misread (${input.cls})`,
        );
    }
  }
  return f;
}

// ---------------------------------------------------------------------------------------------
// The pool: two inputs at a time, each input's runs one after another.
// ---------------------------------------------------------------------------------------------
const CMDS = ['inspect', 'retro', 'select'];
const results = [];
let done = 0;
let lastTick = Date.now();

async function pool(items, jobsOf) {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async (_, slot) => {
      while (next < items.length) {
        const input = items[next++];
        let bytes;
        try {
          bytes = await input.make();
        } catch (e) {
          throw new Error(`fuzz: cannot make ${input.id}: ${e.stack}`);
        }
        for (const [cmd, json] of jobsOf(input)) {
          const run = await runOne(input, bytes, cmd, json, slot);
          run.failures = check(run);
          if (input.cls === 'clean') {
            if (json) {
              baseline.set(`${input.base}|${cmd}`, signature(run));
              baselineUsed.set(`${input.base}|${cmd}`, usedBy(run));
            }
            // The self-check reads the runs that use the file (an unused file's listing is no damage report).
            if ((run.code === 0 || run.code === 3) && baselineUsed.get(`${input.base}|${cmd}`) !== false)
              cleanTexts.push({ input, cmd, json, text: damageText(run) });
          }
          if (!(KEEP && run.failures.length)) rmSync(run.dir, { recursive: true, force: true });
          if (run.parsed) run.gist = jsonGist(run);
          delete run.parsed;
          run.stdout = run.stdout.slice(0, 4000);
          run.stderr = run.stderr.slice(0, 4000);
          results.push(run);
        }
        done++;
        if (Date.now() - lastTick > 15_000) {
          lastTick = Date.now();
          process.stderr.write(
            `fuzz: ${done}/${corpus.length} inputs, ${results.length} runs, ${results.filter((r) => r.failures.length).length} failing, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
          );
        }
      }
    }),
  );
}

console.log(
  `liveops fuzz: ${corpus.length} inputs${corpus.length < fullCount ? ` (of ${fullCount})` : ''}, ${PARALLEL} at a time, ${TIMEOUT_S} s limit per run; temp ${TMP}`,
);
// The clean fixtures first, both ways: the reference for the `same` inputs and the self-check.
if (!SKIP_CLEAN)
  await pool(clean, () =>
    CMDS.flatMap((c) => [
      [c, true],
      [c, false],
    ]),
  );
// Then the rest, --json alternating per input and command so both outputs are exercised.
const indexInClass = new Map();
await pool(rest, (input) => {
  const k = indexInClass.get(input.cls) ?? 0;
  indexInClass.set(input.cls, k + 1);
  return CMDS.map((c, ci) => [c, (k + ci) % 2 === 0]);
});

// Self-check: a pattern that finds "the damage" in a clean fixture's output would pass anything.
const loose = [];
const patterns = [
  ...Object.entries(DAMAGE).map(([k, d]) => [k, d.words]),
  ...[...new Set(corpus.filter((i) => i.same).map((i) => i.same.why))].map((w) => [
    `misread (${w})`,
    corpus.find((i) => i.same?.why === w).same.words,
  ]),
];
for (const [kind, words] of patterns)
  for (const c of cleanTexts) {
    const m = c.text.match(words);
    if (m)
      loose.push({
        kind,
        where: `${c.cmd}${c.json ? ' --json' : ''} on ${c.input.name}`,
        match: m[0],
        context: c.text.slice(Math.max(0, m.index - 60), m.index + 60),
      });
  }

// ---------------------------------------------------------------------------------------------
// The report.
// ---------------------------------------------------------------------------------------------
const seconds = (Date.now() - t0) / 1000;
const counts = Object.fromEntries(Object.keys(FAILURES).map((k) => [k, 0]));
const failed = [];
for (const r of results)
  for (const x of r.failures) {
    counts[x.cls]++;
    failed.push({ run: r, ...x });
  }
counts['check-too-loose'] = loose.length;

const hist = (rs) => {
  const h = new Map();
  for (const r of rs) {
    const k = r.timedOut ? 'timeout' : r.code === null ? `signal ${r.signal}` : String(r.code);
    h.set(k, (h.get(k) ?? 0) + 1);
  }
  return [...h]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');
};
const byClass = new Map();
for (const i of corpus) byClass.set(i.cls, (byClass.get(i.cls) ?? 0) + 1);
const failingInputs = new Set(failed.map((f) => f.run.input.id));
const commandLine = (r) => `liveops ${r.args.join(' ')}`;

console.log('');
console.log(`inputs: ${corpus.length} (${[...byClass].map(([c, n]) => `${c} ${n}`).join(', ')})`);
console.log(
  `  damaged: ${corpus.filter((i) => i.damage).length}, same table as a fixture: ${corpus.filter((i) => i.same).length}, known row count: ${corpus.filter((i) => i.expectRows !== null).length}`,
);
console.log(
  `runs: ${results.length} in ${seconds.toFixed(0)} s (${results.filter((r) => r.json).length} with --json); slowest ${Math.max(...results.map((r) => r.seconds)).toFixed(1)} s`,
);
console.log(`exit codes: ${hist(results)}`);
for (const c of CMDS) console.log(`  ${c.padEnd(8)} ${hist(results.filter((r) => r.cmd === c))}`);
const badJson = results.filter((r) => r.badJson);
const compared = results.filter((r) => r.compared);
console.log(
  `  tables compared with their fixture's (or the known row count): ${compared.length} --json runs, ${compared.filter((r) => r.compared === 'same').length} read alike`,
);
const moot = results.filter((r) => r.moot);
if (moot.length)
  console.log(
    `  (${moot.length} runs of a damaged file the command does not use even clean — select and ${[...new Set(moot.map((r) => r.input.base))].join(', ')} — were not asked to name the damage)`,
  );
if (badJson.length)
  console.log(
    `  (${badJson.length} --json runs printed something other than one JSON object on stdout, e.g. ${badJson[0].input.id} ${badJson[0].cmd})`,
  );
const distAtEnd = distStamp();
if (distAtEnd !== DIST_AT_START)
  console.log(
    `  WARNING: dist/ was rebuilt during the run (last at ${new Date(distAtEnd).toISOString()}): runs at that moment may have failed on a half-built dist/`,
  );
console.log('');
console.log('failure classes:');
for (const [k, what] of Object.entries(FAILURES)) {
  let line = `  ${k.padEnd(20)} ${String(counts[k]).padStart(4)}   ${what}`;
  const subs = new Map();
  for (const x of failed.filter((x) => x.cls === k && x.sub)) subs.set(x.sub, (subs.get(x.sub) ?? 0) + 1);
  if (subs.size)
    line += `\n${[...subs]
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => `${' '.repeat(27)}${String(n).padStart(4)} ${s}`)
      .join('\n')}`;
  console.log(line);
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  `  ${'total'.padEnd(20)} ${String(total).padStart(4)}   over ${failingInputs.size} of ${corpus.length} inputs`,
);

if (loose.length) {
  console.log('\ncheck-too-loose (fix the pattern in scripts/lib/fuzz-inputs.mjs):');
  for (const l of loose.slice(0, SHOW))
    console.log(
      `  ${l.kind}: matches ${JSON.stringify(l.match)} in ${l.where}: …${escape(clip(l.context.replace(/\n/g, ' '), 140))}…`,
    );
}
for (const k of Object.keys(FAILURES)) {
  const xs = failed.filter((x) => x.cls === k);
  if (!xs.length) continue;
  console.log(`\n${k} (${xs.length}):`);
  for (const x of xs.slice(0, SHOW)) {
    const r = x.run;
    console.log(`  ${r.input.id} [${r.input.note}]`);
    console.log(
      `    $ ${escape(commandLine(r))}   → ${r.timedOut ? 'timeout' : `exit ${r.code}`}${KEEP ? `   (${r.dir})` : ''}`,
    );
    console.log(`    ${escape(x.detail)}`);
    const err = r.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const out =
      r.json && r.gist !== undefined
        ? [`--json: ${r.gist}`]
        : r.stdout
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
    const lines = [...err.slice(0, 2), ...out].slice(0, 3);
    for (const l of lines) console.log(`    | ${escape(clip(l))}`);
  }
  if (xs.length > SHOW) console.log(`  … ${xs.length - SHOW} more (in ${relative(ROOT, REPORT)})`);
}

mkdirSync(dirname(REPORT), { recursive: true });
writeFileSync(
  REPORT,
  JSON.stringify(
    {
      when: new Date().toISOString(),
      inputs: corpus.length,
      runs: results.length,
      seconds,
      exitCodes: hist(results),
      failures: counts,
      loose,
      failed: failed.map((x) => ({
        class: x.cls,
        sub: x.sub,
        detail: x.detail,
        input: x.run.input.id,
        note: x.run.input.note,
        command: commandLine(x.run),
        exit: x.run.code,
        timedOut: x.run.timedOut,
        json: x.run.gist,
        stderr: x.run.stderr.slice(0, 2000),
        stdout: x.run.stdout.slice(0, 2000),
      })),
    },
    null,
    1,
  ),
);
if (!KEEP) rmSync(TMP, { recursive: true, force: true });
console.log(
  `\nfuzz: ${total === 0 ? 'PASS' : 'FAIL'} — ${corpus.length} inputs, ${results.length} runs, ${total} failure(s) in ${seconds.toFixed(0)} s; details in ${relative(ROOT, REPORT)}`,
);
process.exit(total === 0 ? 0 : 1);
