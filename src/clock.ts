/**
 * The one Shanghai clock. Live-commerce teams work on Beijing time whatever zone the machine is
 * set to (a cloud server in UTC, a laptop in Los Angeles): "today", "this month", "last week" and
 * every date-time liveops writes are Asia/Shanghai wall-clock, computed here and nowhere else.
 * Pure: `now` is passed in. The CLI reads the machine's clock once (or LIVEOPS_NOW, to rerun a past
 * day's job or to test one).
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, format } from 'date-fns';
import { UsageError } from './errors.js';

export const ZONE = 'Asia/Shanghai';

const inShanghai = (at: Date | number) => new TZDate(typeof at === 'number' ? at : at.getTime(), ZONE);

/** The Shanghai calendar day of an instant: "2026-11-30". */
export const shanghaiDate = (now: Date): string => format(inShanghai(now), 'yyyy-MM-dd');

/** The Shanghai month of an instant: "2026-11". */
export const shanghaiMonth = (now: Date): string => format(inShanghai(now), 'yyyy-MM');

/** An instant as the readers write date-times: "2026-11-26T19:30:00+08:00". */
export const shanghaiIso = (at: Date | number): string => format(inShanghai(at), "yyyy-MM-dd'T'HH:mm:ssxxx");

/** "2026-12" + 1 → "2027-01": months counted on the calendar, not from an instant. */
export function addToMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return format(addMonths(new Date(Date.UTC(y, m - 1, 15)), n), 'yyyy-MM');
}

/** The Shanghai calendar day as a local midnight Date, for date-fns's calendar maths (weeks). */
export function shanghaiDay(now: Date): Date {
  const [y, m, d] = shanghaiDate(now).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/**
 * The instant the run happens at: the machine's clock, or LIVEOPS_NOW (an ISO date-time such as
 * 2026-11-30T20:30:00+08:00) to rerun a past day's job as of that day.
 */
export function runClock(env: NodeJS.ProcessEnv): Date {
  const given = env.LIVEOPS_NOW;
  if (!given) return new Date();
  const t = Date.parse(given);
  if (!Number.isFinite(t))
    throw new UsageError(`LIVEOPS_NOW=${given}: expected an ISO date-time such as 2026-11-30T20:30:00+08:00`);
  return new Date(t);
}

/**
 * A period that has not ended as of `now` (in Beijing): the report on it is partial. `until` is
 * its last day ("2026-12-06"); null when it is over.
 */
export function unfinishedAsOf(until: string, now: Date): { asOf: string } | null {
  const today = shanghaiDate(now);
  return until >= today ? { asOf: today } : null;
}

/** The last day of a month: "2026-11" → "2026-11-30". */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
