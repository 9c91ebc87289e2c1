/**
 * The KPI scale and the incentive rules, as small pure functions.
 *
 * Scale: achievement ratio = actual ÷ target (lower is better: target ÷ actual), floored at 0 and
 * capped at `cap` (default 1.2); score = ratio × 100 points. At target = 100 points, the cap = 120.
 */
import type { KpiRole } from './metrics.js';

export interface Achievement {
  /** actual ÷ target (or target ÷ actual), before the floor and the cap; null for a zero actual when lower is better. */
  ratio: number | null;
  /** The ratio that is scored: floored at 0, capped. */
  scoredRatio: number;
  capped: boolean;
  /** Points: scoredRatio × 100. */
  score: number;
}

export function achievement(
  actual: number,
  target: number,
  opts: { lowerIsBetter: boolean; cap: number },
): Achievement {
  if (!(target > 0)) throw new RangeError(`a KPI target must be above 0 (got ${target})`);
  let ratio: number | null;
  if (opts.lowerIsBetter) {
    // A return rate of 0 is as good as it gets: the cap.
    ratio = actual <= 0 ? null : target / actual;
  } else ratio = actual / target;
  const raw = ratio ?? Number.POSITIVE_INFINITY;
  const scoredRatio = Math.min(Math.max(raw, 0), opts.cap);
  return { ratio, scoredRatio, capped: raw > opts.cap, score: scoredRatio * 100 };
}

/** Monthly sprint bonus: rate × (GMV − target) above target; nothing at or below it. */
export function sprintBonus(gmv: number, target: number, rate: number): number {
  return gmv > target ? (gmv - target) * rate : 0;
}

/** "2026-11" → { first: "2026-11-01", last: "2026-11-30" }, or null when it is not a month. */
export function monthRange(month: string): { first: string; last: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${String(days).padStart(2, '0')}` };
}

/** A calendar date `months` months before `date` (YYYY-MM-DD), the day clamped to that month's end. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A newcomer is someone hired within `months` months before the month's end: on or after
 * `monthsBefore(monthEnd, months)` and not after the month's end.
 */
export function isNewcomer(hireDate: string | null, monthEnd: string, months: number): boolean {
  if (!hireDate) return false;
  const day = hireDate.slice(0, 10);
  return day >= monthsBefore(monthEnd, months) && day <= monthEnd;
}

/**
 * Competition ranking ("1, 1, 3") by score, highest first; scores within 1e-9 points tie (sums of
 * weighted floats). Entries with a null score (incomplete) get no rank.
 */
export function rank<T>(items: T[], score: (t: T) => number | null): Map<T, number> {
  const scored = items.filter((t) => score(t) !== null).sort((a, b) => (score(b) as number) - (score(a) as number));
  const ranks = new Map<T, number>();
  scored.forEach((t, i) => {
    const prev = scored[i - 1];
    ranks.set(
      t,
      prev !== undefined && Math.abs((score(prev) as number) - (score(t) as number)) < 1e-9
        ? (ranks.get(prev) as number)
        : i + 1,
    );
  });
  return ranks;
}

export interface ParsedRoles {
  roles: KpiRole[];
  /** Words of the 岗位 cell that are roles without a KPI (场控, 助播, 客服) or unknown. */
  other: Array<{ word: string; known: boolean }>;
}

const SEPARATORS = /[,，、/／;；|｜+＋&＆\s]+|和|及/;

/** "运营,场控" / "主播/助播" → the KPI roles and the other roles, in the order written. */
export function parseRoles(text: string, words: Record<string, KpiRole | null>): ParsedRoles {
  const roles: KpiRole[] = [];
  const other: ParsedRoles['other'] = [];
  const keys = Object.keys(words).sort((a, b) => b.length - a.length);
  for (const raw of text.split(SEPARATORS)) {
    const word = raw.trim();
    if (!word) continue;
    const key = Object.prototype.hasOwnProperty.call(words, word) ? word : keys.find((k) => word.includes(k));
    const role = key === undefined ? undefined : words[key];
    if (role) {
      if (!roles.includes(role)) roles.push(role);
    } else other.push({ word, known: role === null });
  }
  return { roles, other };
}
