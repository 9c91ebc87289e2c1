/**
 * Text from viewers and products must never become a formula — not in the xlsx we write, and not
 * after a user re-saves it as CSV and opens that (text-safety.ts: past invisible and bidi characters
 * to the first visible one).
 */
import { neutralizeFormula } from '../../text-safety.js';

export { neutralizeFormula };

/** A cell value ready for a sheet: numbers stay numbers, strings are made safe. */
export function safeCell(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  if (Array.isArray(v)) return neutralizeFormula(v.map((x) => String(x)).join(', '));
  if (typeof v === 'object') return neutralizeFormula(JSON.stringify(v));
  return neutralizeFormula(String(v));
}

/** The creator liveops writes into its own workbooks, so they are never read back as exports. */
export const LIVEOPS_CREATOR = 'liveops';
