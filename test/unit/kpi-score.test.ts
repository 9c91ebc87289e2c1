/**
 * The KPI scale and incentive rules, as the playbook states them: achievement ratio × 100 points,
 * capped at 120 %, "lower is better" inverted, bonus only above target, newcomers within 3 months.
 */
import { describe, expect, it } from 'vitest';
import { ROLE_WORDS } from '../../src/domain/kpi/metrics.js';
import {
  achievement,
  isNewcomer,
  monthRange,
  monthsBefore,
  parseRoles,
  rank,
  sprintBonus,
} from '../../src/domain/kpi/score.js';

const higher = { lowerIsBetter: false, cap: 1.2 };
const lower = { lowerIsBetter: true, cap: 1.2 };

describe('achievement: actual ÷ target × 100, floored at 0, capped at 120 %', () => {
  it.each([
    ['at target', 3, 3, 100, false],
    ['below target', 2.1, 3, 70, false],
    ['exactly the cap (6 new products vs 5)', 6, 5, 120, false],
    ['above the cap (356 fan-club members vs 200)', 356, 200, 120, true],
    ['negative traffic growth scores 0, not below', -0.032, 0.1, 0, false],
  ])('%s', (_name, actual, target, score, capped) => {
    const a = achievement(actual, target, higher);
    expect(a.score).toBeCloseTo(score, 9);
    expect(a.capped).toBe(capped);
  });

  it('keeps the raw ratio next to the scored one', () => {
    expect(achievement(4, 3, higher)).toMatchObject({ ratio: 4 / 3, scoredRatio: 1.2, capped: true });
  });

  it('a cap of 1.5 lets 1.3 through', () => {
    expect(achievement(1.3, 1, { lowerIsBetter: false, cap: 1.5 }).score).toBeCloseTo(130, 9);
  });
});

describe('lower is better (return rate): target ÷ actual', () => {
  it.each([
    ['18.5 % against 20 % scores above 100', 0.185, 108.1081081],
    ['20 % against 20 % is 100', 0.2, 100],
    ['26 % against 20 % scores below 100', 0.26, 76.9230769],
    ['10 % against 20 % is capped at 120', 0.1, 120],
    ['nothing returned (0 %) is the cap', 0, 120],
  ])('%s', (_name, actual, score) => {
    expect(achievement(actual, 0.2, lower).score).toBeCloseTo(score, 6);
  });

  it('a higher return rate never scores better than a lower one', () => {
    expect(achievement(0.26, 0.2, lower).score).toBeLessThan(achievement(0.185, 0.2, lower).score);
  });
});

describe('sprint bonus: rate × GMV above target, none at or below it', () => {
  it.each([
    ['below target', 712300, 800000, 0],
    ['exactly at target', 500000, 500000, 0],
    ['one yuan above', 500001, 500000, 0.01],
    ['above target', 1623400, 1500000, 1234],
  ])('%s', (_name, gmv, target, bonus) => {
    expect(sprintBonus(gmv, target, 0.01)).toBeCloseTo(bonus, 9);
  });
});

describe('newcomers: hired within 3 months before the month’s end', () => {
  it.each([
    ['2026-08-29', false],
    ['2026-08-30', true],
    ['2026-09-01', true],
    ['2026-11-30', true],
    ['2026-12-01', false],
    [null, false],
  ])('hired %s → newcomer in 2026-11: %s', (hired, newcomer) => {
    expect(isNewcomer(hired, '2026-11-30', 3)).toBe(newcomer);
  });

  it.each([
    ['2026-11-30', 3, '2026-08-30'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2026-02-28', 3, '2025-11-28'],
    ['2026-01-31', 1, '2025-12-31'],
  ])('%s − %i months = %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });

  it.each([
    ['2026-11', { first: '2026-11-01', last: '2026-11-30' }],
    ['2028-02', { first: '2028-02-01', last: '2028-02-29' }],
    ['2026-13', null],
    ['2026-1', null],
    ['11月', null],
  ])('month %s', (month, range) => {
    expect(monthRange(month)).toEqual(range);
  });
});

describe('role words (岗位) → KPI roles', () => {
  it.each([
    ['运营', ['ops'], []],
    ['直播运营', ['ops'], []],
    ['运营,场控', ['ops'], ['场控']],
    ['主播/助播', ['anchor'], ['助播']],
    ['运营，主播', ['ops', 'anchor'], []],
    ['主播、选品', ['anchor', 'selector'], []],
    ['数据', ['data'], []],
    ['数据分析', ['data'], []],
    ['客服', [], ['客服']],
    ['剪辑', [], ['剪辑']],
  ])('%s', (text, roles, other) => {
    const r = parseRoles(text, ROLE_WORDS);
    expect(r.roles).toEqual(roles);
    expect(r.other.map((o) => o.word)).toEqual(other);
  });

  it('场控 is a known role without KPI; an unknown word is flagged as unknown', () => {
    expect(parseRoles('运营,场控,剪辑', ROLE_WORDS).other).toEqual([
      { word: '场控', known: true },
      { word: '剪辑', known: false },
    ]);
  });

  it('the team can add its own words', () => {
    expect(parseRoles('投手', { ...ROLE_WORDS, 投手: 'ops' }).roles).toEqual(['ops']);
  });
});

describe('rank within a role', () => {
  it('highest first; ties share a rank (1, 1, 3); incomplete scores are not ranked', () => {
    const people = [
      { n: 'a', s: 106 },
      { n: 'b', s: 50 + 36 + 20 },
      { n: 'c', s: 60 + 100 * 0.3 + 16 },
      { n: 'd', s: 90 },
      { n: 'e', s: null },
    ];
    const r = rank(people, (p) => p.s);
    expect(people.map((p) => r.get(p) ?? null)).toEqual([1, 1, 1, 4, null]);
  });
});
