/**
 * The one place that knows about terminals: whether we may prompt, whether to colour, and where
 * logs go. Results go to stdout; logs, progress and errors to stderr.
 */
import type { Writable } from 'node:stream';

export interface Terminal {
  stdout: Writable;
  stderr: Writable;
  /** stdin and stderr are TTYs and --no-input was not given: prompts are allowed. */
  interactive: boolean;
  /** Colour and progress on stderr: a TTY, NO_COLOR unset, not in CI, not TERM=dumb; or FORCE_COLOR. */
  color: boolean;
  /** Colour in what goes to stdout (the summary): the same rules, for stdout. */
  stdoutColor: boolean;
  /** stdout is a terminal (a person reads it), not a pipe or a file. */
  stdoutTty: boolean;
  /** stderr is a terminal: progress may be drawn there (never into a log file, FORCE_COLOR or not). */
  stderrTty: boolean;
  /** Columns the summary is laid out in: COLUMNS when set, else the terminal's; 80 for a pipe, a file or cron. */
  width: number;
  quiet: boolean;
  verbose: boolean;
}

/**
 * Whether to colour a stream (clig.dev): NO_COLOR set and non-empty turns colour off, always;
 * FORCE_COLOR turns it on without a TTY (FORCE_COLOR=0 or false turns it off); otherwise a TTY
 * outside CI whose TERM is not dumb.
 */
export function colourFor(tty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force.trim());
  return tty && env.TERM !== 'dumb' && !env.CI;
}

/** Narrower than this, no layout reads well: COLUMNS=5 still gives 20. */
const MIN_WIDTH = 20;

/**
 * The width the summary is laid out in. `COLUMNS` (a whole number) wins, on a terminal or not: it
 * is how a user sets the width of a pipe or a cron log (`COLUMNS=120 liveops retro … | less`), as
 * for ls and git. Otherwise the terminal's columns; 80 when stdout is no terminal.
 */
export function widthFor(tty: boolean, columns: number | undefined, env: NodeJS.ProcessEnv): number {
  const set = /^\s*\d+\s*$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  if (set > 0) return Math.max(MIN_WIDTH, set);
  return tty && columns ? Math.max(MIN_WIDTH, columns) : 80;
}

export function detectTerminal(opts: {
  input: boolean;
  quiet: boolean;
  verbose: boolean;
  env?: NodeJS.ProcessEnv;
}): Terminal {
  const env = opts.env ?? process.env;
  const stderrTty = Boolean(process.stderr.isTTY);
  const stdoutTty = Boolean(process.stdout.isTTY);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: opts.input && Boolean(process.stdin.isTTY) && stderrTty && !env.CI,
    color: colourFor(stderrTty, env),
    stdoutColor: colourFor(stdoutTty, env),
    stdoutTty,
    stderrTty,
    width: widthFor(stdoutTty, process.stdout.columns, env),
    quiet: opts.quiet,
    verbose: opts.verbose,
  };
}

/** A terminal for tests: no TTY, no colour, 80 columns; give the streams to read what was printed. */
export function plainTerminal(over: Partial<Terminal> & Pick<Terminal, 'stdout' | 'stderr'>): Terminal {
  return {
    interactive: false,
    color: false,
    stdoutColor: false,
    stdoutTty: false,
    stderrTty: false,
    width: 80,
    quiet: false,
    verbose: false,
    ...over,
  };
}

export type Paint = (s: string) => string;

export interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
}

const plain: Paint = (s) => s;
const PLAIN: Palette = { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };

/** Colours for a stream: chalk only when colour is allowed, and only then is chalk loaded. */
export async function palette(enabled: boolean): Promise<Palette> {
  if (!enabled) return PLAIN;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
}

export function logger(term: Terminal): Logger {
  const write = (s: string) => term.stderr.write(`${s}\n`);
  return {
    info: (m) => {
      if (!term.quiet) write(m);
    },
    warn: (m) => write(`liveops: warning: ${m}`),
    debug: (m) => {
      if (term.verbose) write(`liveops: ${m}`);
    },
  };
}
