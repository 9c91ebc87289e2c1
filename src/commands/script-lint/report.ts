/** What `script lint` finds, per file and cell: the report its renderer and --json show. */
import type { Exempted, Finding } from '../../domain/compliance/lint.js';

/** Where in a script file: line/column of the text, or of the cell or paragraph they are in. */
export interface ScriptLocation {
  file: string;
  /** The sheet of an xlsx script; null for text, CSV and Word. */
  sheet: string | null;
  /** Cell address (B3) for CSV and XLSX scripts; null for text and Word. */
  cell: string | null;
  /** 1-based paragraph of a Word (.docx) script, empty ones counted; null for the others. */
  paragraph: number | null;
}

export interface ScriptFinding extends ScriptLocation, Finding {}

/** A match let through (`--verbose`), where it is. */
export type ExemptedAt = Exempted & ScriptLocation;

export interface ScriptLintReport {
  findings: ScriptFinding[];
  errors: number;
  warnings: number;
  /** The files checked, as given. */
  files: string[];
}
