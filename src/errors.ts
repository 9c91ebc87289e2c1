/**
 * Typed errors. One top-level boundary (src/cli.ts) maps them to exit codes:
 *   InputError / UsageError / ConfigError → 2 (the user can fix the input),
 *   WriteError → 4 (the output could not be written: the user's disk or folder),
 *   anything else → 1 (a bug).
 */
import { visible } from './text-safety.js';

/** Where in an input a problem is. Rows are numbered as a spreadsheet shows them (header line = row 1). */
export interface InputLocation {
  file: string;
  sheet?: string;
  row?: number;
  /** Column header text as it appears in the file, or a column letter when there is no header. */
  column?: string;
}

export function formatLocation(loc: InputLocation): string {
  let s = loc.file;
  if (loc.sheet !== undefined) s += ` [${loc.sheet}]`;
  if (loc.row !== undefined) s += `:${loc.row}`;
  if (loc.column !== undefined) s += `: column ${loc.column}`;
  return s;
}

/** Bad input: a file the tool cannot use as given. Exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly location: InputLocation,
    readonly problem: string,
  ) {
    // One line per error: a value from the file is shown with its controls as escapes, never acted on.
    super(visible(`${formatLocation(location)}: ${problem}`));
    this.problem = visible(problem);
    this.name = 'InputError';
  }
}

/** Wrong use of the command line (missing argument, bad flag value). Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Invalid config file, or a data file the team edits beside it (`what` says which). Exit code 2. */
export class ConfigError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly problems: string[],
    what = 'config',
  ) {
    super(`${file}: invalid ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The user has already been told what happened; exit with this code and print nothing more. */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitError';
  }
}

/** Why a write failed, in words a user acts on (zh / en), by errno. */
const WRITE_CAUSES: Record<string, { zh: string; en: string; fix: string }> = {
  ENOSPC: { zh: '磁盘空间不足', en: 'no space left on device', fix: 'free some space or write elsewhere with -o' },
  EDQUOT: { zh: '超出磁盘配额', en: 'disk quota exceeded', fix: 'free some space or write elsewhere with -o' },
  EROFS: { zh: '只读文件系统', en: 'read-only file system', fix: 'write elsewhere with -o' },
  EACCES: {
    zh: '没有写入权限',
    en: 'permission denied',
    fix: "check the folder's permissions or write elsewhere with -o",
  },
  EPERM: {
    zh: '不允许写入',
    en: 'operation not permitted',
    fix: "check the folder's permissions or write elsewhere with -o",
  },
  EISDIR: { zh: '目标是一个文件夹', en: 'is a directory', fix: 'give a file name, or a folder with -o folder/' },
  ENOTDIR: {
    zh: '路径中有一段不是文件夹',
    en: 'a part of the path is a file, not a folder',
    fix: 'choose another -o path',
  },
  EEXIST: { zh: '路径中有同名文件', en: 'a file is in the way', fix: 'choose another -o path' },
  ENAMETOOLONG: { zh: '文件名过长', en: 'file name too long', fix: 'choose a shorter -o path' },
  EMFILE: { zh: '打开的文件过多', en: 'too many open files', fix: 'try again' },
  EIO: { zh: '磁盘读写错误', en: 'input/output error', fix: 'check the disk' },
};

/**
 * An output could not be written (full disk, read-only or foreign folder, a file where a folder
 * should be). Exit code 4. Nothing is left under the output's name.
 */
export class WriteError extends Error {
  readonly exitCode = 4;
  constructor(
    /** The path that could not be written, as shown to the user. */
    readonly path: string,
    /** The errno code, e.g. ENOSPC. */
    readonly code: string,
    detail?: string,
  ) {
    const cause = WRITE_CAUSES[code];
    super(
      cause
        ? `cannot write ${path}: ${cause.zh} / ${cause.en} (${code}) — ${cause.fix}; nothing was written`
        : `cannot write ${path}: ${detail ?? code}; nothing was written`,
    );
    this.name = 'WriteError';
  }
}

/** A file-system error code (ENOSPC, EACCES…), or null for anything else. */
export function errnoCode(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

export function isUserError(e: unknown): e is InputError | UsageError | ConfigError {
  return e instanceof InputError || e instanceof UsageError || e instanceof ConfigError;
}

/**
 * The one object `--json` prints when a run fails: what went wrong (`code`), the exit code, the
 * message, and where (file, row, column; the files that exist…). The error boundary in cli.ts and
 * the signal handler in io/write/atomic.ts both print it.
 */
export function jsonErrorText(code: string, exit: number, message: string, where: object = {}): string {
  return `${JSON.stringify({ error: { code, exit, message, ...where } }, null, 2)}\n`;
}
