/** Stream types and weekdays, as the config's schedule: section writes them (used by the schema and the schedule settings). */

export const STREAM_TYPES = ['日常场', '专场', '品牌联名场', '会员专属场'] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
  周日: 7,
  周天: 7,
};

/** "mon", "周一", "一" or 1–7 (Monday = 1) → 1–7. */
export function weekdayOf(v: string | number): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 7 ? v : null;
  const key = v.trim().toLowerCase();
  if (/^[1-7]$/.test(key)) return Number(key);
  return WEEKDAYS[key] ?? WEEKDAYS[key.slice(0, 3)] ?? null;
}
