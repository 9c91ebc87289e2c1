/**
 * Reading typed record values: a finite number, a non-empty string or a boolean, else null.
 */
import type { Cell } from './retro/input.js';

export const num = (v: Cell | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const str = (v: Cell | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const bool = (v: Cell | undefined): boolean | null => (typeof v === 'boolean' ? v : null);
