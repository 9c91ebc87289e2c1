/**
 * Every prompt lives here. With no terminal (cron) or --no-input, nothing is asked: the command
 * fails with exit 2 naming the flag or argument to pass instead.
 */
import { UsageError } from '../errors.js';
import type { Terminal } from './terminal.js';

/** The prompt functions used; injectable so the flow can be tested without a terminal. */
export interface Prompter {
  checkbox(opts: {
    message: string;
    choices: Array<{ name: string; value: string; checked?: boolean }>;
  }): Promise<string[]>;
  input(opts: { message: string; default?: string; validate?: (v: string) => boolean | string }): Promise<string>;
}

/**
 * A prompt that ends when the user closes the input (Ctrl-D) as when they press Ctrl-C: cancelled.
 * Without this, the closed input leaves the prompt pending and the run ends as unfinished.
 */
let pending = 0;

/** A prompt is waiting for an answer (the run cannot have ended unfinished: the user closed the input). */
export const promptPending = (): boolean => pending > 0;

function cancelOnClosedInput<T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const onEnd = () => ac.abort();
  process.stdin.once('end', onEnd);
  pending++;
  return ask(ac.signal).finally(() => {
    pending--;
    process.stdin.removeListener('end', onEnd);
  });
}

async function inquirerPrompter(): Promise<Prompter> {
  const { checkbox, input } = await import('@inquirer/prompts');
  return {
    checkbox: (o) =>
      cancelOnClosedInput((signal) => checkbox({ ...o, required: true }, { output: process.stderr, signal })),
    input: (o) => cancelOnClosedInput((signal) => input(o, { output: process.stderr, signal })),
  };
}

export interface MissingInput {
  /** What is missing, for the message: "input files". */
  what: string;
  /** How to pass it: "one or more export files, e.g. liveops inspect 整场数据.xlsx". */
  howToPass: string;
}

function missing(m: MissingInput, term: Terminal): UsageError {
  const why = term.interactive ? '' : ' (no terminal to ask: running without a TTY or with --no-input)';
  return new UsageError(`missing ${m.what}: pass ${m.howToPass}${why}`);
}

/** Ask the user to pick files among `candidates`; without a terminal, fail naming what to pass. */
export async function askForFiles(
  term: Terminal,
  m: MissingInput & { message: string; candidates: string[] },
  prompter?: Prompter,
): Promise<string[]> {
  if (!term.interactive) throw missing(m, term);
  if (m.candidates.length === 0)
    throw new UsageError(`missing ${m.what}: no CSV or XLSX exports in this folder; pass ${m.howToPass}`);
  const p = prompter ?? (await inquirerPrompter());
  return p.checkbox({ message: m.message, choices: m.candidates.map((c) => ({ name: c, value: c })) });
}

/** Ask for one value with a default; without a terminal, fail naming the flag. */
export async function askForValue(
  term: Terminal,
  m: MissingInput & { message: string; default?: string; validate?: (v: string) => boolean | string },
  prompter?: Prompter,
): Promise<string> {
  if (!term.interactive) throw missing(m, term);
  const p = prompter ?? (await inquirerPrompter());
  const opts: Parameters<Prompter['input']>[0] = { message: m.message };
  if (m.default !== undefined) opts.default = m.default;
  if (m.validate) opts.validate = m.validate;
  return p.input(opts);
}
