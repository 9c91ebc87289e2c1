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
  /** stderr is a TTY, NO_COLOR is unset, not in CI: colour and progress are allowed. */
  color: boolean;
  quiet: boolean;
  verbose: boolean;
}

export function detectTerminal(opts: { input: boolean; quiet: boolean; verbose: boolean; env?: NodeJS.ProcessEnv }): Terminal {
  const env = opts.env ?? process.env;
  const stderrTty = Boolean(process.stderr.isTTY);
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: opts.input && Boolean(process.stdin.isTTY) && stderrTty && !env.CI,
    color: stderrTty && !noColor && env.TERM !== 'dumb' && !env.CI,
    quiet: opts.quiet,
    verbose: opts.verbose,
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
