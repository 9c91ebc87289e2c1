/**
 * English counts say "1 stream", "2 streams" (issue 20's leftovers: the brief said "1 streams
 * today", the schedule "product(s)"); Chinese keeps its measure words.
 */
import { describe, expect, it } from 'vitest';
import { renderScheduleSummary } from '../../src/commands/schedule/render.js';
import { buildSchedule, type ScheduleInput } from '../../src/domain/schedule/plan.js';
import { counted } from '../../src/i18n/plural.js';
import { localiseSchedule, scheduleText } from '../../src/i18n/schedule.js';
import { weeklyText } from '../../src/i18n/messages.js';
import { kpiText } from '../../src/i18n/kpi.js';
import type { Palette } from '../../src/ui/terminal.js';

describe('counted', () => {
  it.each([
    [0, 'stream', undefined, '0 streams'],
    [1, 'stream', undefined, '1 stream'],
    [2, 'stream', undefined, '2 streams'],
    [1, 'low-stock product', undefined, '1 low-stock product'],
    [1, 'person', 'people', '1 person'],
    [8, 'person', 'people', '8 people'],
  ])('%i %s → %s', (n, one, many, want) => {
    expect(counted(n, one, many)).toBe(want);
  });
});

describe('the English texts that count', () => {
  it.each([
    [scheduleText.en.streams(1), '1 stream'],
    [scheduleText.en.streams(12), '12 streams'],
    [scheduleText.zh.streams(1), '1 场'],
    [weeklyText.en.streamCount(1), '1 stream'],
    [weeklyText.en.streamCount(null), '— streams'],
    [weeklyText.zh.streamCount(3), '3 场'],
    [kpiText.en.people(1), '1 person'],
    [kpiText.en.growthAllowance(1, 80), 'Growth allowance (hired within 1 month, 80 points or more)'],
  ])('%s', (got, want) => {
    expect(got).toBe(want);
  });
});

const PLAIN = ((s: string) => s) as Palette['bold'];
const palette: Palette = { bold: PLAIN, dim: PLAIN, red: PLAIN, yellow: PLAIN, green: PLAIN, cyan: PLAIN };

describe('the schedule summary', () => {
  // One Monday slot in a month with one special Monday stream: February 2027 has four Mondays.
  const input = (weekdays: number[]): ScheduleInput => ({
    month: '2027-02',
    settings: {
      annualGmv: null,
      monthWeights: {},
      typeWeights: { 日常场: 1, 专场: 1.5, 品牌联名场: 2, 会员专属场: 1.2 },
      account: '山野',
      slots: weekdays.length ? [{ weekdays, time: '20:00-22:00', account: null, type: '日常场', theme: null }] : [],
      special: [{ date: '2027-02-09', time: '19:00-21:00', account: null, type: '专场', theme: null }],
      anchors: [],
      assistants: [],
      productMix: { 引流款: 0, 利润款: 0, 形象款: 0 },
      members: [],
      benefits: { 日常场: '福袋', 专场: '满减', 品牌联名场: '赠品', 会员专属场: '复购券' },
    },
    monthTarget: 100000,
    pool: [],
    stockLow: 50,
    rehearsalDays: 2,
    retroHours: 24,
    roleTiers: { trafficMaxPrice: 100, imageMinPrice: 1000, profitMinCommission: 0.2 },
  });
  const title = (weekdays: number[], lang: 'zh' | 'en') =>
    renderScheduleSummary(localiseSchedule(buildSchedule(input(weekdays)), lang), lang, palette).split('\n')[0];

  it.each([
    [[], 'en', 'Stream schedule 2027-02 · 1 stream · month target'],
    [[1], 'en', 'Stream schedule 2027-02 · 5 streams · month target'],
    [[], 'zh', '直播排期表 2027-02 · 1 场 · 月目标'],
  ] as const)('slots on %j, %s: "%s"', (weekdays, lang, want) => {
    expect(title([...weekdays], lang)).toContain(want);
  });
});
