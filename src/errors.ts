/**
 * Typed errors. One top-level boundary (src/cli.ts) maps them to exit codes:
 *   InputError / UsageError → 2 (the user can fix it), anything else → 1 (a bug).
 */

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
    super(`${formatLocation(location)}: ${problem}`);
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

/** Invalid config file. Exit code 2. */
export class ConfigError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
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

export function isUserError(e: unknown): e is InputError | UsageError | ConfigError {
  return e instanceof InputError || e instanceof UsageError || e instanceof ConfigError;
}
