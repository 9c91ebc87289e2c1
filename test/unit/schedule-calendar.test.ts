/**
 * The month calendar (月历) the schedule workbook prints: weeks Monday to Sunday, worked by hand.
 * December 2026 starts on a Tuesday and has 31 days: its first Monday is blank, and it takes five
 * week rows, the last from Monday the 28th to Thursday the 31st.
 */
import { describe, expect, it } from 'vitest';
import type { ScheduleSettings } from '../../src/config/schedule-section.js';
import { monthCalendar } from '../../src/domain/schedule/calendar.js';
import { buildSchedule } from '../../src/domain/schedule/plan.js';
import { localiseSchedule } from '../../src/i18n/schedule.js';

const stream = (date: string, hhmm: string, name: string) => ({ date, start: `${date}T${hhmm}:00+08:00`, name });
const days = (week: Array<{ day: number } | null>) => week.map((d) => d?.day ?? null);

describe('monthCalendar: the weeks of a month, Monday first', () => {
  const december = monthCalendar('2026-12', [
    stream('2026-12-12', '20:00', '双12 专场'),
    stream('2026-12-12', '19:30', '小鹿 日常场'),
    stream('2026-12-31', '21:00', '跨年场'),
  ]);

  it('2026-12 starts on a Tuesday: the first Monday is blank, and 31 days take five weeks', () => {
    expect(december.map(days)).toEqual([
      [null, 1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12, 13],
      [14, 15, 16, 17, 18, 19, 20],
      [21, 22, 23, 24, 25, 26, 27],
      [28, 29, 30, 31, null, null, null],
    ]);
    expect(december[0]![1]).toMatchObject({ date: '2026-12-01', day: 1 });
  });

  it('a day with two streams lists both in the order they start; a day without any has none', () => {
    expect(december[1]![5]!.streams.map((s) => s.name)).toEqual(['小鹿 日常场', '双12 专场']);
    expect(december[1]![6]!.streams).toEqual([]);
    expect(december[4]![3]!.streams.map((s) => s.name)).toEqual(['跨年场']);
  });

  it.each([
    ['2027-02', 'Monday', 28, 4],
    ['2027-03', 'Monday', 31, 5],
    ['2026-08', 'Saturday', 31, 6],
    ['2026-11', 'Sunday', 30, 6],
  ])('%s starts on a %s and has %i days: %i weeks', (month, _weekday, daysIn, weeks) => {
    const grid = monthCalendar(month, []);
    expect(grid).toHaveLength(weeks);
    expect(grid.every((w) => w.length === 7)).toBe(true);
    expect(grid.flat().filter((d) => d !== null)).toHaveLength(daysIn);
  });

  it('a stream past midnight stays on the day it starts', () => {
    const grid = monthCalendar('2026-12', [stream('2026-12-01', '23:30', '夜场')]);
    expect(grid[0]![1]!.streams).toHaveLength(1);
    expect(grid[0]![2]!.streams).toHaveLength(0);
  });
});

describe('the calendar in words, zh and en', () => {
  const settings: ScheduleSettings = {
    annualGmv: null,
    monthWeights: {},
    typeWeights: { 日常场: 1, 专场: 1.5, 品牌联名场: 2, 会员专属场: 1.2 },
    account: '山野户外旗舰店',
    // Wednesdays on 山野, Saturdays on 小鹿; the 12th is a Saturday with a 双12 special on 山野 too.
    slots: [
      { weekdays: [3], time: '20:00-23:00', account: null, type: '日常场', theme: null },
      { weekdays: [6], time: '19:30-22:30', account: '小鹿美妆官方', type: '日常场', theme: null },
    ],
    special: [{ date: '2026-12-12', time: '20:00-23:00', account: null, type: '专场', theme: '双12' }],
    anchors: [
      { name: '小林', daysOff: [], accounts: null },
      { name: '阿杰', daysOff: [], accounts: null },
    ],
    assistants: [],
    productMix: { 引流款: 0, 利润款: 0, 形象款: 0 },
    members: [],
    benefits: { 日常场: '福袋', 专场: '满减', 品牌联名场: '赠品', 会员专属场: '复购券' },
  };
  const plan = (s: ScheduleSettings) =>
    buildSchedule({
      month: '2026-12',
      settings: s,
      monthTarget: null,
      pool: [],
      stockLow: 50,
      rehearsalDays: 2,
      retroHours: 24,
      roleTiers: { trafficMaxPrice: 100, imageMinPrice: 1000, profitMinCommission: 0.2 },
    });
  const zh = localiseSchedule(plan(settings), 'zh').calendar;
  const en = localiseSchedule(plan(settings), 'en').calendar;

  it("the month's name and its count of streams, one stream a stream", () => {
    expect([zh.monthLabel, en.monthLabel]).toEqual(['2026年12月', 'December 2026']);
    // Five Wednesdays, four Saturdays and the 双12 special.
    expect([zh.streamsLabel, en.streamsLabel]).toEqual(['10 场', '10 streams']);
    const one = { ...settings, slots: [], special: settings.special };
    expect(localiseSchedule(plan(one), 'en').calendar.streamsLabel).toBe('1 stream');
  });

  it('a day outside the month has no number and no lines; a rest day has its number and no lines', () => {
    expect(zh.weeks[0]!.mon).toEqual({ date: null, day: null, inMonth: false, lines: [] });
    expect(zh.weeks[0]!.tue).toEqual({ date: '2026-12-01', day: 1, inMonth: true, lines: [] });
    expect(zh.weeks[4]!.fri).toMatchObject({ day: null, inMonth: false });
  });

  it('each stream on its day: start time, type·theme, anchor, and under it the account when the month has two', () => {
    // The anchors take turns: 小林 the 2nd and 9th, 阿杰 the 5th, so 阿杰 has the 12th's first stream.
    expect(zh.weeks[1]!.sat.lines).toEqual([
      '19:30 日常场 · 阿杰',
      '（小鹿美妆官方）',
      '20:00 专场·双12 · 小林',
      '（山野户外旗舰店）',
    ]);
    expect(en.weeks[1]!.sat.lines).toEqual([
      '19:30 daily · 阿杰',
      '(小鹿美妆官方)',
      '20:00 themed·双12 · 小林',
      '(山野户外旗舰店)',
    ]);
  });

  it('one account: no account on the lines; no anchor on the roster: none on them', () => {
    const one = localiseSchedule(plan({ ...settings, slots: settings.slots.slice(0, 1), anchors: [] }), 'zh');
    expect(one.calendar.weeks[0]!.wed.lines).toEqual(['20:00 日常场']);
    expect(one.calendar.weeks[1]!.sat.lines).toEqual(['20:00 专场·双12']);
  });
});
