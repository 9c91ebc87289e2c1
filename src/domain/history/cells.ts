/**
 * A history row's cells as read back from Parquet (hyparquet gives numbers, strings, Dates and
 * nulls): one reading of each kind for every module that reads the history, so an empty string, a
 * NaN or a missing column is "not known" everywhere alike.
 */
import { shanghaiIso } from '../../clock.js';

/** A finite number, else null. */
export const numberCell = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A non-empty string, else null. */
export const textCell = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A timestamp as the readers write date-times (Beijing, +08:00), else null. */
export const instantCell = (v: unknown): string | null => (v instanceof Date ? shanghaiIso(v) : textCell(v));

/** A timestamp in ms since the epoch, else null. */
export const msCell = (v: unknown): number | null => {
  const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : null;
};
