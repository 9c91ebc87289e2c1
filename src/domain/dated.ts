/**
 * Which days an input is about, so a file or row from another week (or another stream) is left
 * out and said, never mixed in. Pure: names and ISO date-times in, days out.
 */

/** The day or range of days a file name carries: 商品_20261116.xlsx, 直播明细_20261101_20261130.xlsx. */
export function daysInName(name: string): { from: string; to: string } | null {
  const days = [...name.matchAll(/(?<!\d)(20\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])(?!\d)/g)].map(
    (m) => `${m[1]}-${m[2]}-${m[3]}`,
  );
  if (days.length === 0) return null;
  const sorted = [...days].sort();
  return { from: sorted[0]!, to: sorted[sorted.length - 1]! };
}

/** The Shanghai day of an ISO date-time with offset ("2026-11-26T19:35:00+08:00" → "2026-11-26"). */
export function dayOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}

/** Whether [from, to] (days, inclusive) meets [since, until]. */
export function overlaps(r: { from: string; to: string }, since: string, until: string): boolean {
  return r.from <= until && r.to >= since;
}
