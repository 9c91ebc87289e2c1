/**
 * Segment switches on the minute curve (issue 20): a product put on the shelf during the stream
 * (首次上架时间 / 挂载时间) marks the minute of the trend it was listed at, so that a rise or a drop
 * in viewers can be read against what was being sold. Pure: the trend's time labels and the
 * products' listed times in, minutes of the trend out.
 *
 * Every time is Shanghai wall-clock: the readers write date-times as "…+08:00", and a trend export
 * may give the time of day alone ("19:58"), dated then by the stream's start.
 */

const DAY = 24 * 60;
/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET = 8 * 60;
const HALF_DAY = DAY / 2;

const TIME_OF_DAY = /^(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A point of the Shanghai clock, in minutes: since 1970 when the time is dated (null otherwise), and of the day. */
export interface WallMinute {
  dated: number | null;
  ofDay: number;
}

/** "19:58", "19:58:30" or "2026-11-18T19:58:30+08:00" → its minute on the Shanghai clock; null when it is no time. */
export function wallMinute(time: string): WallMinute | null {
  const s = time.trim();
  const tod = TIME_OF_DAY.exec(s);
  if (tod) {
    const [h, m] = [Number(tod[1]), Number(tod[2])];
    return h < 24 && m < 60 ? { dated: null, ofDay: h * 60 + m } : null;
  }
  const dt = DATE_TIME.exec(s);
  if (!dt) return null;
  // A date-time without a zone is Shanghai's, like every date-time the readers write.
  const ms = Date.parse(dt[1] ? s : `${s}+08:00`);
  if (!Number.isFinite(ms)) return null;
  const dated = Math.floor(ms / 60_000) + SHANGHAI_OFFSET;
  return { dated, ofDay: ((dated % DAY) + DAY) % DAY };
}

/**
 * The trend's minutes, dated: as given, or times of day dated from the stream's start (a trend
 * that starts more than 12 hours away from it on the clock is on the day after or before; each
 * step back on the clock is midnight). Undated when neither the trend nor the start has a date.
 */
export function trendMinutes(times: readonly string[], streamStart: string | null): Array<WallMinute | null> {
  const start = streamStart === null ? null : wallMinute(streamStart);
  let day: number | null = start?.dated == null ? null : start.dated - start.ofDay;
  let previous: number | null = null;
  return times.map((time) => {
    const m = wallMinute(time);
    if (m === null || m.dated !== null || day === null) return m;
    if (previous === null) {
      if (m.ofDay < start!.ofDay - HALF_DAY) day += DAY;
      else if (m.ofDay > start!.ofDay + HALF_DAY) day -= DAY;
    } else if (m.ofDay < previous) day += DAY;
    previous = m.ofDay;
    return { dated: day + m.ofDay, ofDay: m.ofDay };
  });
}

/** The products listed at one minute of the trend, in the order given (the retro's: most GMV first). */
export interface Listing<P> {
  /** Index in the trend. */
  index: number;
  products: P[];
}

/**
 * The products listed during the stream, by the minute of the trend they were listed at, in time
 * order. A product listed before the trend's first minute, after its last, or at a minute the
 * trend lacks is on no minute; so is one without a listed time. When the trend's minutes are
 * undated (no date in them, no stream start), a listed time matches by its time of day.
 */
export function listingsOnTrend<P extends { listedAt: string | null }>(
  times: readonly string[],
  products: readonly P[],
  streamStart: string | null,
): Array<Listing<P>> {
  const dated = new Map<number, number>();
  const ofDay = new Map<number, number>();
  trendMinutes(times, streamStart).forEach((m, i) => {
    if (m === null) return;
    if (m.dated !== null) {
      if (!dated.has(m.dated)) dated.set(m.dated, i);
    } else if (!ofDay.has(m.ofDay)) ofDay.set(m.ofDay, i);
  });
  const at = new Map<number, P[]>();
  for (const p of products) {
    const listed = p.listedAt === null ? null : wallMinute(p.listedAt);
    if (listed === null) continue;
    const index = (listed.dated !== null ? dated.get(listed.dated) : undefined) ?? ofDay.get(listed.ofDay);
    if (index === undefined) continue;
    const here = at.get(index);
    if (here) here.push(p);
    else at.set(index, [p]);
  }
  return [...at.entries()].sort((a, b) => a[0] - b[0]).map(([index, list]) => ({ index, products: list }));
}
