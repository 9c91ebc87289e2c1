/**
 * Progress on stderr for work that takes more than a moment — only on a terminal, never in cron
 * logs, never with --quiet. The spinner library is loaded only when it will be shown.
 */
import type { Terminal } from './terminal.js';

export interface Progress {
  /** Report how far along the work is, e.g. rows read so far. Cheap to call on every row. */
  tick(text: () => string): void;
  done(): void;
}

const SILENT: Progress = { tick: () => undefined, done: () => undefined };
const SHOW_AFTER_MS = 300;
const REFRESH_MS = 100;

export async function startProgress(term: Terminal, label: string): Promise<Progress> {
  if (!term.color || !term.stderrTty || term.quiet) return SILENT;
  const { default: ora } = await import('ora');
  const started = Date.now();
  let last = 0;
  let spinner: ReturnType<typeof ora> | null = null;
  return {
    tick(text) {
      const now = Date.now();
      if (now - last < REFRESH_MS || now - started < SHOW_AFTER_MS) return;
      last = now;
      const line = `${label} ${text()}`;
      if (!spinner) spinner = ora({ text: line, stream: process.stderr, discardStdin: false }).start();
      else spinner.text = line;
    },
    done() {
      spinner?.stop();
    },
  };
}
