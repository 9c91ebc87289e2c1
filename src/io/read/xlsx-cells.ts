/**
 * What a worksheet cell becomes (the rules in xlsx.ts's header), given the value exceljs's
 * worksheet reader would have put in it: shared by the byte-level sheet scanner (sheet-scan.ts),
 * which builds those same values without exceljs, and by the exceljs reader kept to compare them.
 */
import { InputError } from '../../errors.js';
import type { RawCell } from './source.js';

/** Excel's maximum number of characters in a cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * What exceljs puts in a cell whose shared-string index is not in the table (it would have been
 * `undefined`, an empty cell). It reaches the cell as a JSON value, unchanged.
 */
export class MissingSharedString {
  constructor(readonly index: string) {}
}

/**
 * The value a `t="s"` cell gets: the table's entry, or a MissingSharedString where exceljs's
 * `sharedStrings[parseInt(text)]` finds nothing for an integer (or NaN) index. An index so large
 * that it prints as 1e+21 is looked up as that name and comes back empty, as in exceljs.
 */
export function sharedStringAt(strings: readonly unknown[], index: number): unknown {
  const v = strings[index];
  if (v !== undefined) return v;
  const prop = String(index);
  return prop === 'NaN' || /^-?\d+$/.test(prop) ? new MissingSharedString(prop) : undefined;
}

export type Where = () => { file: string; sheet: string; row: number; column: string };

export function toCell(v: unknown, where: Where, numFmt: () => string | undefined, date1904: boolean): RawCell {
  switch (typeof v) {
    case 'string':
      return text(v, where);
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
    case 'object': {
      if (v === null) return null;
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.richText)) {
        let s = '';
        for (const run of o.richText as { text?: unknown }[]) {
          if (typeof run?.text === 'string') s += run.text;
        }
        return text(s, where);
      }
      if ('formula' in o || 'sharedFormula' in o) {
        const r = o.result;
        if (typeof r === 'number' && Number.isFinite(r) && isDateFormat(numFmt())) return excelToDate(r, date1904);
        if (r === undefined || r === null || (typeof r === 'object' && 'error' in r)) return null;
        return toCell(r, where, numFmt, date1904);
      }
      if ('error' in o) return null;
      if ('text' in o) return toCell(o.text, where, numFmt, date1904); // hyperlink {text, hyperlink}
      return null; // {sharedString: n} cannot happen with sharedStrings: 'cache'
    }
    default:
      return null;
  }
}

export function text(s: string, where: Where): string | null {
  if (s.length > MAX_CELL_CHARS) {
    throw new InputError(
      where(),
      `the cell holds ${s.length} characters, more than Excel's limit of ${MAX_CELL_CHARS}: is this a real export?`,
    );
  }
  const t = s.trim();
  return t.length === 0 ? null : t;
}

/** exceljs's own test (lib/utils/utils.js isDateFmt). */
export function isDateFormat(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** Same as exceljs's utils.excelToDate. */
export function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs's utils.xmlDecode, which its reader applies to string cells already decoded by saxes. */
export function xmlDecodeAgain(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}
