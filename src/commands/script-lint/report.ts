/** What `script lint` finds, per file and cell: the report its renderer and --json show. */
import type { Finding } from '../../domain/compliance/lint.js';

export interface ScriptFinding extends Finding {
  file: string;
  /** The sheet of an xlsx script; null for text and CSV. */
  sheet: string | null;
  /** Cell address (B3) for CSV and XLSX scripts; null for text. */
  cell: string | null;
}

export interface ScriptLintReport {
  findings: ScriptFinding[];
  errors: number;
  warnings: number;
  /** The files checked, as given. */
  files: string[];
}
