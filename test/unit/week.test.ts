import { describe, expect, it } from 'vitest';
import { isoWeekOf, lastWeek, parseIsoWeek, previousRange, rangeOf } from '../../src/domain/week.js';

describe('ISO weeks in Asia/Shanghai', () => {
  it.each([
    // Monday 08:00 in Beijing is 00:00 UTC: last week is W47.
    ['2026-11-23T00:00:00Z', '2026-W47', '2026-11-16', '2026-11-22'],
    // Sunday 23:30 Beijing (15:30 UTC): still in W47, so last week is W46.
    ['2026-11-22T15:30:00Z', '2026-W46', '2026-11-09', '2026-11-15'],
    // Sunday 16:30 UTC is already Monday 00:30 in Beijing.
    ['2026-11-22T16:30:00Z', '2026-W47', '2026-11-16', '2026-11-22'],
    // Across the year: 2027-01-04 (Monday) → last week is 2026-W53.
    ['2027-01-04T02:00:00Z', '2026-W53', '2026-12-28', '2027-01-03'],
  ])('at %s the last complete week is %s', (now, id, since, until) => {
    expect(lastWeek(new Date(now))).toEqual({ id, since, until });
  });

  it('parses week ids and rejects impossible ones', () => {
    expect(parseIsoWeek('2026-W47')).toEqual({ id: '2026-W47', since: '2026-11-16', until: '2026-11-22' });
    expect(parseIsoWeek('2026w1')).toEqual({ id: '2026-W01', since: '2025-12-29', until: '2026-01-04' });
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2026-47')).toBeNull();
  });

  it('ranges and the range before them', () => {
    expect(rangeOf('2026-11-16', '2026-11-22').id).toBe('2026-W47');
    expect(rangeOf('2026-11-16', '2026-11-18')).toEqual({
      id: '2026-11-16_2026-11-18',
      since: '2026-11-16',
      until: '2026-11-18',
    });
    expect(previousRange(isoWeekOf('2026-11-18'))).toEqual({
      id: '2026-W46',
      since: '2026-11-09',
      until: '2026-11-15',
    });
    expect(previousRange(rangeOf('2026-11-16', '2026-11-18'))).toEqual({
      id: '2026-11-13_2026-11-15',
      since: '2026-11-13',
      until: '2026-11-15',
    });
  });
});
