/**
 * What select, schedule and kpi leave in the history and read back: the latest selection that
 * applies to a month, an anchor's month from the streams they anchored (hand-computed figures).
 */
import { describe, expect, it } from 'vitest';
import {
  anchorFigures,
  fillAnchorFigures,
  latestEliminations,
  scheduleParts,
  selectParts,
  weekStart,
} from '../../src/domain/history/plan-records.js';
import type { HistoryStream } from '../../src/domain/history/records.js';

const run = (key: string) => ({ command: 'select', record_key: key });
const elim = (key: string, week: string, id: string, name: string) => ({
  record_key: key,
  week,
  product_id: id,
  name,
  rules: 'weekly-click-eliminate',
});

describe('the latest selection for a month', () => {
  it('weeks start on their Monday', () => {
    expect(weekStart('2026-W48')).toBe('2026-11-23');
    expect(weekStart('2026-W49')).toBe('2026-11-30');
    expect(weekStart('2026-11-16_2026-11-22')).toBe('2026-11-16');
  });

  it('the latest week starting on or before the month’s first day, of the account or of all', () => {
    const runs = [
      run('select|2026-W47|_all'),
      run('select|2026-W48|山野'),
      run('select|2026-W49|别的店'),
      run('select|2026-W50|山野'),
    ];
    const rows = [
      elim('select|2026-W47|_all', '2026-W47', 'A', '背包'),
      elim('select|2026-W48|山野', '2026-W48', 'B', '帽子'),
      elim('select|2026-W49|别的店', '2026-W49', 'C', '杯子'),
      elim('select|2026-W50|山野', '2026-W50', 'D', '袜子'),
    ];
    // W50 starts 12-07, after 12-01; W49 is another account's: W48 of 山野.
    expect(latestEliminations(runs, rows, '2026-12', ['山野'])).toEqual({
      week: '2026-W48',
      keys: ['select|2026-W48|山野'],
      products: [{ id: 'B', name: '帽子', week: '2026-W48', rules: ['weekly-click-eliminate'] }],
    });
    expect(latestEliminations(runs, rows, '2026-11', ['山野'])).toBeNull();
  });

  it('a later selection that eliminated nothing leaves nothing out', () => {
    const runs = [run('select|2026-W47|_all'), run('select|2026-W48|_all')];
    const rows = [elim('select|2026-W47|_all', '2026-W47', 'A', '背包')];
    expect(latestEliminations(runs, rows, '2026-12', [])).toEqual({
      week: '2026-W48',
      keys: ['select|2026-W48|_all'],
      products: [],
    });
  });

  it('select rows key on the week and the account; schedule rows go to each stream’s account', () => {
    const s = selectParts({ id: '2026-W47', since: '2026-11-16' }, null, [
      { id: 'A', name: '背包', rules: ['weekly-click-eliminate'], clickRate: 0.0299, conversionRate: 0.08, streams: 4 },
    ]);
    expect(s.recordKey).toBe('select|2026-W47|_all');
    expect(s.partition).toEqual({ platform: 'generic', account: '_all', month: '2026-11' });
    expect(s.parts[0]!.rows[0]).toMatchObject({ rules: 'weekly-click-eliminate', click_rate: 0.0299, streams: 4 });
    const p = scheduleParts('2026-12', '山野', [
      {
        date: '2026-12-02',
        start: '2026-12-02T20:00:00+08:00',
        time: '20:00-23:00',
        account: null,
        anchor: '小林',
        assistant: null,
        type: '日常场',
        theme: null,
        products: ['背包'],
        gmvTarget: 100,
        rehearsal: '2026-11-30',
      },
      {
        date: '2026-12-05',
        start: '2026-12-05T19:30:00+08:00',
        time: '19:30-22:30',
        account: '小鹿',
        anchor: '莉莉',
        assistant: null,
        type: '日常场',
        theme: null,
        products: [],
        gmvTarget: 100,
        rehearsal: '2026-12-03',
      },
    ]);
    expect(p.recordKey).toBe('schedule|2026-12|山野');
    expect(p.parts.map((x) => [x.partition.account, x.rows.length])).toEqual([
      ['山野', 1],
      ['小鹿', 1],
    ]);
  });
});

const st = (anchor: string | null, f: Record<string, number | null>) =>
  ({ platform: 'douyin', account: '山野', month: '2026-11', anchor, ...f }) as unknown as HistoryStream;

describe('an anchor’s month from the streams they anchored', () => {
  const streams = [
    st('小林', { buyers: 120, product_clickers: 2000, uv: 5000, avg_dwell_s: 80, new_fan_club: 150 }),
    st('小林', { buyers: 90, product_clickers: 1500, uv: 3000, avg_dwell_s: 120, new_fan_club: 60 }),
    st('小林', { buyers: null, product_clickers: 700, uv: null, avg_dwell_s: 50, new_fan_club: 10 }),
    st('阿杰', { buyers: 1, product_clickers: 1, uv: 1, avg_dwell_s: 1, new_fan_club: 1 }),
  ];

  it('conversion a ratio of sums, dwell UV-weighted, fan-club summed', () => {
    const [conv, dwell, fans] = anchorFigures(streams, '小林');
    // (120 + 90) ÷ (2000 + 1500) = 0.06 (the third stream has no buyers); (5000×80 + 3000×120) ÷ 8000 = 95.
    expect(conv).toMatchObject({ field: 'clickToOrderRate', streams: 2, of: 3 });
    expect(conv!.value).toBeCloseTo(0.06, 12);
    expect(dwell).toEqual({ field: 'avgDwell', value: 95, streams: 2, of: 3 });
    expect(fans).toEqual({ field: 'newFanClub', value: 220, streams: 3, of: 3 });
  });

  it('nothing anchored, or no counts: no figure, and why', () => {
    expect(anchorFigures(streams, '莉莉').map((f) => f.value === null && f.reason)).toEqual([
      'no-streams',
      'no-streams',
      'no-streams',
    ]);
    const bare = [st('小周', { buyers: 3, product_clickers: 0, uv: null, avg_dwell_s: 40, new_fan_club: null })];
    expect(anchorFigures(bare, '小周').map((f) => f.value === null && f.reason)).toEqual([
      'no-counts',
      'no-counts',
      'no-counts',
    ]);
  });

  it('fills only the anchors’ empty figures', () => {
    const people = [
      {
        row: 2,
        name: '小林',
        role: 'anchor',
        figures: { clickToOrderRate: 0.05, avgDwell: null } as Record<string, number | null>,
      },
      { row: 3, name: '阿杰', role: 'ops', figures: {} as Record<string, number | null> },
    ];
    expect(fillAnchorFigures(people, streams, (p) => p.role === 'anchor')).toBe(2);
    expect(people[0]!.figures).toEqual({ clickToOrderRate: 0.05, avgDwell: 95, newFanClub: 220 });
    expect(people[1]!.figures).toEqual({});
  });
});
