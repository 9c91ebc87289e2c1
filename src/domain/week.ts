/**
 * ISO weeks in Asia/Shanghai: "2026-W47" = Monday 2026-11-16 … Sunday 2026-11-22. Dates are plain
 * "YYYY-MM-DD" strings (wall-clock days in Shanghai); `now` is passed in, never read here.
 */
import { addDays, format, getISOWeek, getISOWeekYear, parseISO, setISOWeek, startOfISOWeek } from 'date-fns';
import { shanghaiDay } from '../clock.js';

export interface WeekRange {
  /** "2026-W47", or "2026-11-16_2026-11-22" for a range that is not one ISO week. */
  id: string;
  since: string;
  until: string;
}

const ymd = (d: Date) => format(d, 'yyyy-MM-dd');

export function isoWeekOf(day: string): WeekRange {
  const d = parseISO(day);
  const start = startOfISOWeek(d);
  return weekFrom(start);
}

function weekFrom(monday: Date): WeekRange {
  const id = `${getISOWeekYear(monday)}-W${String(getISOWeek(monday)).padStart(2, '0')}`;
  return { id, since: ymd(monday), until: ymd(addDays(monday, 6)) };
}

/** The last complete ISO week before `now` (a Monday-morning cron job reports last week). */
export function lastWeek(now: Date): WeekRange {
  const today = shanghaiDay(now);
  return weekFrom(addDays(startOfISOWeek(today), -7));
}

/** "2026-W47" → its range, or null when the text is not such a week. */
export function parseIsoWeek(text: string): WeekRange | null {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  // The ISO year's week 1 contains January 4th.
  const monday = startOfISOWeek(setISOWeek(new Date(year, 0, 4), week));
  if (getISOWeekYear(monday) !== year || getISOWeek(monday) !== week) return null;
  return weekFrom(monday);
}

/** A since/until range; its id is the ISO week when it is exactly one. */
export function rangeOf(since: string, until: string): WeekRange {
  const w = isoWeekOf(since);
  if (w.since === since && w.until === until) return w;
  return { id: `${since}_${until}`, since, until };
}

/** The range of the same length right before `r`. */
export function previousRange(r: WeekRange): WeekRange {
  const since = parseISO(r.since);
  const until = parseISO(r.until);
  const days = Math.round((until.getTime() - since.getTime()) / 86400000) + 1;
  return rangeOf(ymd(addDays(since, -days)), ymd(addDays(until, -days)));
}

/** Is the Shanghai date of an ISO date-time (…+08:00) within the range? */
export function inRange(isoDateTime: string | null, r: WeekRange): boolean {
  if (!isoDateTime) return false;
  const day = isoDateTime.slice(0, 10);
  return day >= r.since && day <= r.until;
}

export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(parseISO(text).getTime()) && ymd(parseISO(text)) === text;
}

export function daysIn(r: WeekRange): string[] {
  const out: string[] = [];
  for (let d = parseISO(r.since); ymd(d) <= r.until; d = addDays(d, 1)) out.push(ymd(d));
  return out;
}
