/**
 * The month as a printed calendar lays it out (月历): weeks from Monday to Sunday, each day of the
 * month in its weekday's column with the streams that start on it in the order they start, and
 * no day where the week runs before the 1st or past the month's last day. Pure: the month and its
 * streams in, the grid out; src/i18n/schedule.ts words each day's streams.
 */

/** A day of the month in the grid, with the streams that start on it. */
export interface CalendarDay<S> {
  /** "2026-12-05". */
  date: string;
  day: number;
  streams: S[];
}

/** Seven days, Monday first; null where the day belongs to the month before or after. */
export type CalendarWeek<S> = Array<CalendarDay<S> | null>;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The weeks of `month` ("2026-12"): four to six rows of seven. A stream is on the day of its
 * `date` (a stream past midnight is on the day it starts); a day's streams are in `start` order.
 */
export function monthCalendar<S extends { date: string; start: string }>(
  month: string,
  streams: readonly S[],
): CalendarWeek<S>[] {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  // Calendar arithmetic in UTC: the dates are the team's (Asia/Shanghai) dates already.
  const daysIn = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, mon - 1, 1)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const byDate = new Map<string, S[]>();
  for (const s of streams) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  const weeks: CalendarWeek<S>[] = [];
  for (let first = 1 - lead; first <= daysIn; first += 7) {
    const week: CalendarWeek<S> = [];
    for (let day = first; day < first + 7; day++) {
      if (day < 1 || day > daysIn) {
        week.push(null);
        continue;
      }
      const date = `${month}-${pad(day)}`;
      const on = [...(byDate.get(date) ?? [])].sort((a, b) => a.start.localeCompare(b.start));
      week.push({ date, day, streams: on });
    }
    weeks.push(week);
  }
  return weeks;
}
