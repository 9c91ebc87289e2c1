/**
 * The retro's minute curve marks a dashed line at each minute a product was listed during the
 * stream (首次上架时间), named by the product (issue 20); products listed before the stream, after
 * it, or at no minute of the trend mark none.
 */
import { describe, expect, it } from 'vitest';
import { CURVE_SWITCHES, retroCharts } from '../../src/commands/retro/charts.js';
import { listingsOnTrend, trendMinutes, wallMinute } from '../../src/domain/retro/switches.js';
import type { RetroReport } from '../../src/i18n/retro.js';
import { renderSvg } from '../../src/io/write/charts/index.js';

const hhmm = (i: number) => `${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
/** 19:58 … 23:12, as the reader writes fixtures/minute-trend.csv's 时间 ("19:58:00"). */
const MINUTES = Array.from({ length: 195 }, (_, i) => `${hhmm(19 * 60 + 58 + i)}:00`);
const START = '2026-11-18T19:58:02+08:00';

describe('wallMinute', () => {
  it.each([
    ['19:58', { dated: null, ofDay: 19 * 60 + 58 }],
    ['19:58:59', { dated: null, ofDay: 19 * 60 + 58 }],
    ['2026-11-18T19:58:59+08:00', { ofDay: 19 * 60 + 58 }],
    // The same instant written in UTC is the same Shanghai minute.
    ['2026-11-18T11:58:00Z', { ofDay: 19 * 60 + 58 }],
    ['2026-11-18T19:58:00', { ofDay: 19 * 60 + 58 }],
    ['24:00', null],
    ['第3分钟', null],
  ])('%s → %j', (time, want) => {
    const m = wallMinute(time);
    if (want === null) expect(m).toBeNull();
    else expect(m).toMatchObject(want);
  });

  it('a date-time in UTC and in Shanghai are the same dated minute', () => {
    expect(wallMinute('2026-11-18T11:58:00Z')!.dated).toBe(wallMinute('2026-11-18T19:58:00+08:00')!.dated);
  });
});

describe('trendMinutes', () => {
  it('times of day are dated from the stream start, past midnight on the next day', () => {
    const m = trendMinutes(['23:59', '00:00', '00:01'], '2026-11-18T23:58:40+08:00');
    const base = wallMinute('2026-11-18T23:59:00+08:00')!.dated!;
    expect(m.map((x) => x!.dated)).toEqual([base, base + 1, base + 2]);
  });
  it('a trend that starts after midnight of an evening stream is on the next day', () => {
    const m = trendMinutes(['00:10'], '2026-11-18T23:58:00+08:00');
    expect(m[0]!.dated).toBe(wallMinute('2026-11-19T00:10:00+08:00')!.dated);
  });
  it('without a stream start, times of day stay undated', () => {
    expect(trendMinutes(['19:58'], null)).toEqual([{ dated: null, ofDay: 19 * 60 + 58 }]);
  });
});

describe('listingsOnTrend', () => {
  const p = (name: string, listedAt: string | null) => ({ name, listedAt });
  it.each([
    ['listed during the stream, seconds in', p('羽绒服', '2026-11-18T20:05:13+08:00'), 7],
    ['listed at the first minute', p('开场款', '2026-11-18T19:58:00+08:00'), 0],
    ['listed before the stream (pre-mounted)', p('预挂', '2026-11-18T19:30:00+08:00'), null],
    ['listed after the last minute', p('晚到', '2026-11-18T23:50:00+08:00'), null],
    ['listed on another day at a minute of the curve', p('上周', '2026-11-11T20:05:00+08:00'), null],
    ['without a listed time', p('无时间', null), null],
  ])('%s', (_, product, index) => {
    const got = listingsOnTrend(MINUTES, [product], START);
    expect(got).toEqual(index === null ? [] : [{ index, products: [product] }]);
  });

  it('without a stream start, matches by the time of day', () => {
    const product = p('羽绒服', '2026-11-11T20:05:00+08:00');
    expect(listingsOnTrend(MINUTES, [product], null)).toEqual([{ index: 7, products: [product] }]);
  });

  it('a trend of full date-times matches the listed date-time', () => {
    const times = ['2026-11-18T19:58:00+08:00', '2026-11-18T19:59:00+08:00', '2026-11-18T20:00:00+08:00'];
    const product = p('羽绒服', '2026-11-18T19:59:40+08:00');
    expect(listingsOnTrend(times, [product, p('上周', '2026-11-11T19:59:00+08:00')], null)).toEqual([
      { index: 1, products: [product] },
    ]);
  });

  it('in time order, products at one minute together in the order given', () => {
    const [a, b, c] = [
      p('A', '2026-11-18T21:10:05+08:00'),
      p('B', '2026-11-18T20:40:00+08:00'),
      p('C', '2026-11-18T21:10:59+08:00'),
    ];
    expect(listingsOnTrend(MINUTES, [a, b, c], START)).toEqual([
      { index: 42, products: [b] },
      { index: 72, products: [a, c] },
    ]);
  });
});

// ————————————————————————————————————— the retro's chart —————————————————————————————————————

function report(products: Array<{ name: string; gmv: number; listedAt: string | null }>): RetroReport {
  return {
    stream: { start: START },
    thresholds: {},
    products: products.map((x, i) => ({
      ...x,
      rank: i + 1,
      id: `P${i + 1}`,
      clickRate: null,
      conversionRate: null,
      exposed: null,
      flags: [],
    })),
    channels: null,
    trend: MINUTES.map((time, i) => ({ time, online: 40 + (i % 30) })),
    comparison: null,
  } as unknown as RetroReport;
}

type MarkLines = Array<{ xAxis: string; label: { formatter: string } }>;
const markLines = (r: RetroReport, lang: 'zh' | 'en' = 'zh') => {
  const chart = retroCharts(r, lang).trend!;
  const series = (chart.option.series as Array<{ markLine: { data: MarkLines } }>)[0]!;
  return { chart, lines: series.markLine.data.map((d) => [d.xAxis, d.label.formatter]) };
};

describe('the retro’s minute curve', () => {
  // Ranked by GMV, as the retro ranks them.
  const listed = [
    { name: '冲锋衣', gmv: 43152, listedAt: '2026-11-18T19:30:00+08:00' },
    { name: '硬壳冲锋衣', gmv: 28578, listedAt: '2026-11-18T20:40:00+08:00' },
    { name: '软壳冲锋衣', gmv: 20970, listedAt: '2026-11-18T20:05:13+08:00' },
    { name: '登山鞋', gmv: 13188, listedAt: '2026-11-18T21:10:05+08:00' },
    { name: '徒步裤', gmv: 10360, listedAt: '2026-11-18T21:10:59+08:00' },
    { name: '徒步袜', gmv: 6230, listedAt: '2026-11-18T23:50:00+08:00' },
    { name: '双肩包', gmv: 3990, listedAt: null },
  ];

  it('a switch line at each minute a product was listed, named by it; the axis in HH:MM', async () => {
    const { chart, lines } = markLines(report(listed));
    // 冲锋衣 was on the shelf before the stream, 徒步袜 after its last minute, 双肩包 has no time.
    expect(lines).toEqual([
      ['20:05', '软壳冲锋衣'],
      ['20:40', '硬壳冲锋衣'],
      ['21:10', '登山鞋等2款'],
    ]);
    expect(chart.option.title).toMatchObject({ subtext: '虚线：商品上架' });
    const svg = await renderSvg(chart);
    for (const label of ['软壳冲锋衣', '硬壳冲锋衣', '登山鞋等2款', '虚线：商品上架', '19:58'])
      expect(svg).toContain(label);
    // One dashed vertical line per switch.
    const vertical = [...svg.matchAll(/<path d="M([-\d.]+) [-\d.]+L([-\d.]+) [-\d.]+"[^>]*stroke-dasharray/g)].filter(
      (m) => m[1] === m[2],
    );
    expect(vertical).toHaveLength(3);
  });

  it('in English', () => {
    const { chart, lines } = markLines(report(listed), 'en');
    expect(lines[2]).toEqual(['21:10', '登山鞋 +1']);
    expect(chart.option.title).toMatchObject({ subtext: 'dashed: a product listed' });
  });

  it('a long name is cut, and the count of products at that minute kept whole', () => {
    const long = '【直播专享】山野男款三合一冲锋衣防水透湿';
    const { lines } = markLines(
      report([
        { name: long, gmv: 2, listedAt: '2026-11-18T20:00:00+08:00' },
        { name: '袜子', gmv: 1, listedAt: '2026-11-18T20:00:30+08:00' },
      ]),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]![1]).toBe('山野男款三…等2款');
  });

  it(`no listing during the stream: no lines, no subtitle`, () => {
    const { chart, lines } = markLines(report(listed.slice(0, 1)));
    expect(lines).toEqual([]);
    expect(chart.option.title).toMatchObject({ subtext: '' });
  });

  it(`more than ${CURVE_SWITCHES} listing minutes: those of the products with most GMV, in time order, and said`, () => {
    // 20 products listed 5 minutes apart, the later the more GMV.
    const many = Array.from({ length: 20 }, (_, i) => ({
      name: `商品${i + 1}`,
      gmv: 1000 + i,
      listedAt: `2026-11-18T${hhmm(20 * 60 + 5 * i)}:00+08:00`,
    })).reverse();
    const { chart, lines } = markLines(report(many));
    expect(lines).toEqual(Array.from({ length: 12 }, (_, k) => [hhmm(20 * 60 + 5 * (k + 8)), `商品${k + 9}`]));
    expect(chart.option.title).toMatchObject({ subtext: '虚线：商品上架（成交金额最高的 12 次，共 20 次）' });
  });
});
