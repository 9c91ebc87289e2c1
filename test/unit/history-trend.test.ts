/**
 * The trend's figures: ratios of sums per period (never means of per-stream rates), empty periods
 * shown as such, and streams placed by their Beijing day (a Sunday 23:59 stream is that week's).
 */
import { describe, expect, it } from 'vitest';
import { beijingDay, figureOf, trendOf, type TrendStream } from '../../src/domain/history/trend.js';

function stream(start: string | null, f: Partial<TrendStream> = {}): TrendStream {
  return {
    key: `k|${start}`,
    account: '山野',
    anchor: null,
    title: null,
    start,
    gmv: null,
    uv: null,
    buyers: null,
    productClickers: null,
    productExposed: null,
    avgDwellSeconds: null,
    ...f,
  };
}

describe('a week’s figure is a ratio of sums', () => {
  it('UV value of W47 = Σgmv ÷ Σuv, not the mean of the streams’ UV values', () => {
    const streams = [
      stream('2026-11-16T20:00:00+08:00', { gmv: 1000, uv: 100 }), // 10 per viewer
      stream('2026-11-18T20:00:00+08:00', { gmv: 4500, uv: 900 }), // 5 per viewer
    ];
    const t = trendOf(streams, { metric: 'uv-value', by: 'week', since: null, until: null });
    expect(t.periods).toHaveLength(1);
    // (1,000 + 4,500) ÷ (100 + 900) = 5.5; the mean of the per-stream values would be 7.5.
    expect(t.periods[0]).toMatchObject({ id: '2026-W47', streams: 2, numerator: 5500, divisor: 1000, value: 5.5 });
  });

  it('conversion, view-conversion, click rate and UV-weighted dwell', () => {
    const streams = [
      stream('2026-11-16T20:00:00+08:00', {
        uv: 100,
        buyers: 10,
        productClickers: 50,
        productExposed: 80,
        avgDwellSeconds: 60,
      }),
      stream('2026-11-17T20:00:00+08:00', {
        uv: 300,
        buyers: 20,
        productClickers: 150,
        productExposed: 320,
        avgDwellSeconds: 100,
      }),
    ];
    const at = (metric: Parameters<typeof trendOf>[1]['metric']) =>
      trendOf(streams, { metric, by: 'week', since: null, until: null }).periods[0]!.value;
    expect(at('conversion')).toBeCloseTo(30 / 200, 12);
    expect(at('view-conversion')).toBeCloseTo(30 / 400, 12);
    expect(at('click-rate')).toBeCloseTo(200 / 400, 12);
    // (60 × 100 + 100 × 300) ÷ 400 = 90 s, not the plain mean of 80 s.
    expect(at('dwell')).toBeCloseTo(90, 12);
    expect(at('gmv')).toBeNull();
    expect(at('uv')).toBe(400);
  });

  it('a stream lacking a figure is left out of both sums and counted as incomplete', () => {
    const f = figureOf('uv-value', [
      stream('2026-11-16T20:00:00+08:00', { gmv: 100, uv: 10 }),
      stream(null, { gmv: 50 }),
    ]);
    expect(f).toMatchObject({ streams: 2, incomplete: 1, numerator: 100, divisor: 10, value: 10, why: null });
  });
});

describe('periods without a figure say why', () => {
  it('a week with no stream between two with streams is shown empty, not as 0', () => {
    const streams = [
      stream('2026-11-02T20:00:00+08:00', { gmv: 200, uv: 100 }),
      stream('2026-11-16T20:00:00+08:00', { gmv: 300, uv: 100 }),
    ];
    const t = trendOf(streams, { metric: 'uv-value', by: 'week', since: null, until: null });
    expect(t.periods.map((p) => [p.id, p.value, p.why])).toEqual([
      ['2026-W45', 2, null],
      ['2026-W46', null, 'no-streams'],
      ['2026-W47', 3, null],
    ]);
    expect(t.overall).toMatchObject({ streams: 2, value: 2.5 });
  });

  it('streams without the figures, and a divisor of 0', () => {
    expect(figureOf('conversion', [stream('2026-11-02T20:00:00+08:00', { gmv: 1 })]).why).toBe('missing-figures');
    expect(figureOf('uv-value', [stream('2026-11-02T20:00:00+08:00', { gmv: 0, uv: 0 })])).toMatchObject({
      value: null,
      why: 'zero-divisor',
    });
  });

  it('--since and --until bound the periods, the empty ones at either end included', () => {
    const t = trendOf([stream('2026-11-10T20:00:00+08:00', { gmv: 10, uv: 5 })], {
      metric: 'uv-value',
      by: 'month',
      since: '2026-10-01',
      until: '2026-12-31',
    });
    expect(t.periods.map((p) => [p.id, p.since, p.until, p.value, p.why])).toEqual([
      ['2026-10', '2026-10-01', '2026-10-31', null, 'no-streams'],
      ['2026-11', '2026-11-01', '2026-11-30', 2, null],
      ['2026-12', '2026-12-01', '2026-12-31', null, 'no-streams'],
    ]);
  });
});

describe('weeks end on Sunday night, Beijing time', () => {
  const sunday = stream('2026-11-22T23:59:00+08:00', { gmv: 100, uv: 10 });
  const monday = stream('2026-11-23T00:00:00+08:00', { gmv: 300, uv: 10 });

  it('Sunday 23:59 is W47, Monday 00:00 is W48', () => {
    const t = trendOf([sunday, monday], { metric: 'uv-value', by: 'week', since: null, until: null });
    expect(t.periods.map((p) => [p.id, p.since, p.until, p.streams, p.value])).toEqual([
      ['2026-W47', '2026-11-16', '2026-11-22', 1, 10],
      ['2026-W48', '2026-11-23', '2026-11-29', 1, 30],
    ]);
  });

  it('the same instants written in UTC land in the same weeks', () => {
    expect(beijingDay('2026-11-22T15:59:00Z')).toBe('2026-11-22');
    expect(beijingDay('2026-11-22T16:00:00Z')).toBe('2026-11-23');
    const t = trendOf(
      [stream('2026-11-22T15:59:00Z', { gmv: 100, uv: 10 }), stream('2026-11-22T16:00:00Z', { gmv: 300, uv: 10 })],
      {
        metric: 'uv-value',
        by: 'week',
        since: null,
        until: null,
      },
    );
    expect(t.periods.map((p) => [p.id, p.value])).toEqual([
      ['2026-W47', 10],
      ['2026-W48', 30],
    ]);
  });

  it('by stream: one period per stream, in Beijing time, in order', () => {
    const t = trendOf([monday, sunday], { metric: 'uv-value', by: 'stream', since: null, until: null });
    expect(t.periods.map((p) => [p.id, p.value])).toEqual([
      ['2026-11-22 23:59', 10],
      ['2026-11-23 00:00', 30],
    ]);
  });

  it('--until a Sunday keeps Sunday 23:59 and leaves Monday 00:00 out', () => {
    const t = trendOf([sunday, monday], { metric: 'uv-value', by: 'week', since: null, until: '2026-11-22' });
    expect(t.periods.map((p) => p.id)).toEqual(['2026-W47']);
  });
});
