/**
 * One Shanghai clock: these run in UTC, Asia/Shanghai and America/Los_Angeles (vitest projects),
 * and must give the same Beijing days in all three.
 */
import { describe, expect, it } from 'vitest';
import { addToMonth, runClock, shanghaiDate, shanghaiIso, shanghaiMonth } from '../../src/clock.js';
import { lastWeek } from '../../src/domain/week.js';

describe('Beijing time, whatever zone the machine is in', () => {
  it.each([
    // instant, Beijing day, Beijing month
    ['2026-11-30T20:30:00+08:00', '2026-11-30', '2026-11'], // evening of the 30th
    ['2026-11-30T23:59:59+08:00', '2026-11-30', '2026-11'],
    ['2026-12-01T00:00:00+08:00', '2026-12-01', '2026-12'], // midnight turns the month
    ['2026-11-30T16:30:00Z', '2026-12-01', '2026-12'], // 00:30 in Beijing, still the 30th in UTC
    ['2026-12-31T16:00:00Z', '2027-01-01', '2027-01'],
  ])('%s is %s in %s', (at, day, month) => {
    expect(shanghaiDate(new Date(at))).toBe(day);
    expect(shanghaiMonth(new Date(at))).toBe(month);
  });

  it('months are counted on the calendar', () => {
    expect([
      addToMonth('2026-11', 1),
      addToMonth('2026-12', 1),
      addToMonth('2026-01', -1),
      addToMonth('2026-03', -1),
    ]).toEqual(['2026-12', '2027-01', '2025-12', '2026-02']);
  });

  it('date-times are written as the readers write them, +08:00', () => {
    expect(shanghaiIso(Date.parse('2026-11-26T11:30:00Z'))).toBe('2026-11-26T19:30:00+08:00');
  });

  it('last week: on Monday 00:30 in Beijing (Sunday in UTC and Los Angeles) the last complete week is the one just ended', () => {
    expect(lastWeek(new Date('2026-11-23T00:30:00+08:00')).id).toBe('2026-W47');
    expect(lastWeek(new Date('2026-11-22T23:30:00+08:00')).id).toBe('2026-W46');
  });

  it('LIVEOPS_NOW reruns a past day; a wrong one is a usage error naming it', () => {
    expect(runClock({ LIVEOPS_NOW: '2026-11-30T20:30:00+08:00' }).toISOString()).toBe('2026-11-30T12:30:00.000Z');
    expect(() => runClock({ LIVEOPS_NOW: 'yesterday' })).toThrow(/LIVEOPS_NOW=yesterday: expected an ISO date-time/);
  });
});
