/**
 * What every command receives: the working folder, the merged config, global flags, the terminal.
 * Commands take `cwd` from here and never chdir.
 */
import type { Config } from './config/resolve.js';
import type { Prompter } from './ui/prompts.js';
import type { Terminal } from './ui/terminal.js';

export type Lang = 'zh' | 'en';

export interface GlobalOptions {
  config?: string;
  lang?: Lang;
  json: boolean;
  out?: string;
  force: boolean;
  input: boolean;
  quiet: boolean;
  verbose: boolean;
  /** --no-history: record nothing and read nothing from the history. */
  history: boolean;
}

export interface Context {
  cwd: string;
  env: NodeJS.ProcessEnv;
  config: Config;
  lang: Lang;
  json: boolean;
  out: string | undefined;
  force: boolean;
  term: Terminal;
  /**
   * The history's folder (absolute), or null/absent: none this run (--no-history, LIVEOPS_HISTORY=off,
   * `history: false` in the config; contexts built in tests).
   */
  history?: string | null;
  /** Tests inject answers here; by default prompts use inquirer. */
  prompter?: Prompter;
}
