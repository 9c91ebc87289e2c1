/**
 * The schedule's stages on small hand-made months: which streams a month has, who is put on them,
 * which products go into each line-up — as codes and numbers — and then the words for them.
 */
import { describe, expect, it } from 'vitest';
import type { ScheduleSettings } from '../../src/config/schedule-section.js';
import {
  buildSchedule,
  peopleAssigner,
  productRotation,
  streamDrafts,
  teamStage,
  type PoolProduct,
  type ScheduleInput,
  type ScheduleProblem,
  type StreamDraft,
} from '../../src/domain/schedule/plan.js';
import { localiseSchedule } from '../../src/i18n/schedule.js';

const SETTINGS: ScheduleSettings = {
  annualGmv: null,
  monthWeights: {},
  typeWeights: { 日常场: 1, 专场: 1.5, 品牌联名场: 2, 会员专属场: 1.2 },
  account: '山野',
  // February 2027 starts on a Monday: Mondays are the 1st, 8th, 15th and 22nd.
  slots: [{ weekdays: [1], time: '20:00-22:00', account: null, type: '日常场', theme: null }],
  special: [],
  anchors: [],
  assistants: [],
  productMix: { 引流款: 1, 利润款: 2, 形象款: 1 },
  members: [],
  benefits: { 日常场: '福袋', 专场: '满减', 品牌联名场: '赠品', 会员专属场: '复购券' },
};

function input(settings: Partial<ScheduleSettings> = {}, pool: PoolProduct[] = []): ScheduleInput {
  return {
    month: '2027-02',
    settings: { ...SETTINGS, ...settings },
    monthTarget: null,
    pool,
    stockLow: 50,
    rehearsalDays: 2,
    retroHours: 24,
    roleTiers: { trafficMaxPrice: 100, imageMinPrice: 1000, profitMinCommission: 0.2 },
  };
}

const drafted = (settings: Partial<ScheduleSettings>) =>
  streamDrafts(input(settings)).drafts.map((d) => [d.date, d.time, d.type, d.theme]);

describe('streamDrafts: the streams of the month', () => {
  it('one stream per slot weekday, at the slot time, on the default account', () => {
    const { drafts } = streamDrafts(input());
    expect(drafts.map((d) => d.date)).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']);
    expect(
      drafts.every((d) => d.time === '20:00-22:00' && d.account === '山野' && d.type === '日常场' && d.theme === null),
    ).toBe(true);
  });

  it('a special stream replaces the slot stream of its day and account, and adds one on a free day; other months are ignored', () => {
    const special: ScheduleSettings['special'] = [
      { date: '2027-02-08', time: null, account: null, type: '专场', theme: '开学季' },
      { date: '2027-02-09', time: '19:00-21:00', account: null, type: '品牌联名场', theme: null },
      { date: '2027-03-01', time: null, account: null, type: '专场', theme: '三月' },
    ];
    expect(drafted({ special })).toEqual([
      ['2027-02-01', '20:00-22:00', '日常场', null],
      ['2027-02-08', '20:00-22:00', '专场', { kind: 'given', text: '开学季' }],
      ['2027-02-09', '19:00-21:00', '品牌联名场', null],
      ['2027-02-15', '20:00-22:00', '日常场', null],
      ['2027-02-22', '20:00-22:00', '日常场', null],
    ]);
  });

  it("members' streams fall on the configured day and every repurchase cycle after, themed by their category's repurchase day", () => {
    const members = [{ category: '美妆', repurchaseDays: 14, day: 10, time: null, account: null }];
    const { drafts, memberStreams } = streamDrafts(input({ members }));
    expect(memberStreams).toEqual([{ category: '美妆', dates: ['2027-02-10', '2027-02-24'] }]);
    expect(drafts.filter((d) => d.type === '会员专属场').map((d) => [d.date, d.time, d.theme])).toEqual([
      ['2027-02-10', '20:00-22:00', { kind: 'repurchase-day', category: '美妆' }],
      ['2027-02-24', '20:00-22:00', { kind: 'repurchase-day', category: '美妆' }],
    ]);
    expect(drafts).toHaveLength(6);
  });

  it("a members' day on a slot day becomes the members' stream; day 31 in February is the 28th", () => {
    const onMonday = drafted({
      members: [{ category: '户外', repurchaseDays: 30, day: 15, time: null, account: null }],
    });
    expect(onMonday).toHaveLength(4);
    expect(onMonday[2]).toEqual([
      '2027-02-15',
      '20:00-22:00',
      '会员专属场',
      { kind: 'repurchase-day', category: '户外' },
    ]);
    const late = streamDrafts(
      input({ members: [{ category: '户外', repurchaseDays: 30, day: 31, time: null, account: null }] }),
    );
    expect(late.memberStreams[0]!.dates).toEqual(['2027-02-28']);
  });

  it('streams are in order of date, then start time, then account', () => {
    const slots: ScheduleSettings['slots'] = [
      { weekdays: [1], time: '21:00-23:00', account: '山野二号', type: '日常场', theme: null },
      { weekdays: [1], time: '21:00-23:00', account: '小鹿', type: '日常场', theme: null },
      { weekdays: [1], time: '19:00-21:00', account: '山野', type: '日常场', theme: null },
    ];
    const firstDay = streamDrafts(input({ slots })).drafts.filter((d) => d.date === '2027-02-01');
    expect(firstDay.map((d) => [d.time, d.account])).toEqual([
      ['19:00-21:00', '山野'],
      ['21:00-23:00', '小鹿'],
      ['21:00-23:00', '山野二号'],
    ]);
  });
});

describe('peopleAssigner: the fewest streams so far among those free', () => {
  const stream = (date: string, time: string, account: string | null = '山野'): StreamDraft => ({
    date,
    time,
    account,
    type: '日常场',
    theme: null,
  });
  const person = (name: string, daysOff: string[] = [], accounts: string[] | null = null) => ({
    name,
    daysOff,
    accounts,
  });

  it('two streams at once need two people; then the load decides, ties go to whoever is listed first', () => {
    const assign = peopleAssigner();
    const anchors = [person('小林'), person('阿杰')];
    expect(assign(anchors, stream('2027-02-01', '20:00-22:00'), null)).toBe('小林');
    expect(assign(anchors, stream('2027-02-01', '21:00-23:00', '山野二号'), null)).toBe('阿杰');
    // One stream each: the tie goes to 小林; then 阿杰 has fewer.
    expect(assign(anchors, stream('2027-02-02', '20:00-22:00'), null)).toBe('小林');
    expect(assign(anchors, stream('2027-02-03', '20:00-22:00'), null)).toBe('阿杰');
  });

  it('a stream that starts when the other ends is no clash', () => {
    const assign = peopleAssigner();
    const only = [person('小林')];
    expect(assign(only, stream('2027-02-01', '20:00-22:00'), null)).toBe('小林');
    expect(assign(only, stream('2027-02-01', '22:00-23:00'), null)).toBe('小林');
    expect(assign(only, stream('2027-02-01', '21:59-23:00'), null)).toBeNull();
  });

  it('a stream past midnight clashes with the evening before it ends and with the next night early hours', () => {
    const assign = peopleAssigner();
    const only = [person('小林')];
    expect(assign(only, stream('2027-02-01', '21:00-01:00'), null)).toBe('小林');
    // 20:00-23:00 the same day overlaps 21:00-01:00; so does 00:30-02:00 the next day.
    expect(assign(only, stream('2027-02-01', '20:00-23:00', '山野二号'), null)).toBeNull();
    expect(assign(only, stream('2027-02-02', '00:30-02:00', '山野二号'), null)).toBeNull();
    // It ends at 01:00: a stream from 01:00 on is free.
    expect(assign(only, stream('2027-02-02', '01:00-03:00', '山野二号'), null)).toBe('小林');
  });

  it('days off by weekday (ISO: 1 is Monday) or by date, and account limits, are kept', () => {
    const assign = peopleAssigner();
    const people = [person('周一休', ['1']), person('二号休', ['2027-02-02']), person('只播小鹿', [], ['小鹿'])];
    expect(assign(people, stream('2027-02-01', '20:00-22:00'), null)).toBe('二号休');
    expect(assign(people, stream('2027-02-02', '20:00-22:00'), null)).toBe('周一休');
    expect(assign(people, stream('2027-02-03', '20:00-22:00', '小鹿'), null)).toBe('只播小鹿');
    // A stream without an account is nobody's who is limited to accounts.
    expect(assign([person('只播小鹿', [], ['小鹿'])], stream('2027-02-04', '20:00-22:00', null), null)).toBeNull();
  });

  it("the assistant is never the stream's anchor, and nobody free is null", () => {
    const assign = peopleAssigner();
    const both = [person('小林'), person('小周')];
    expect(assign(both, stream('2027-02-01', '20:00-22:00'), '小林')).toBe('小周');
    expect(assign([person('小林')], stream('2027-02-02', '20:00-22:00'), '小林')).toBeNull();
  });
});

const product = (
  id: string | null,
  name: string,
  role: string | null,
  livePrice: number,
  commissionRate: number,
  stock: number | null,
): PoolProduct => ({
  id,
  name,
  role,
  livePrice,
  commissionRate,
  stock,
  giveaway: false,
});

const POOL: PoolProduct[] = [
  product('T1', '引流一', '引流款', 59, 0.1, 500),
  product('T2', '引流二', '引流款', 79, 0.1, 50), // at the stock line of 50: in
  product('P1', '利润一', '利润款', 299, 0.25, 49), // below it: out
  product(null, '待上架', '引流款', 99, 0.2, 100),
  product('P2', '利润二', null, 399, 0.25, 300), // no role: 399 is above the traffic tier (100), commission 25 % ≥ 20 % → profit
  product('P3', '利润三', '利润款', 499, 0.25, 300),
  product('I1', '形象一', null, 1299, 0.05, null), // no role: 1,299 is at or above the image tier (1,000) → image
];

describe('productRotation: listed, in stock, by role, rotated', () => {
  it('a product without an ID or below the stock line is left out, with the figures that say why', () => {
    const { excluded, roleOf } = productRotation(input({}, POOL), []);
    expect(excluded).toEqual([
      { name: '利润一', why: 'low-stock', stock: 49, threshold: 50 },
      { name: '待上架', why: 'not-listed' },
    ]);
    expect([...roleOf.entries()].map(([p, role]) => [p.id, role])).toEqual([
      ['T1', '引流款'],
      ['T2', '引流款'],
      ['P2', '利润款'],
      ['P3', '利润款'],
      ['I1', '形象款'],
    ]);
  });

  it('each stream takes the mix per role, the next ones in turn, and counts where each product appears', () => {
    const { lineUp, appearances } = productRotation(input({}, POOL), []);
    expect(lineUp(1)).toEqual({ 引流款: ['引流一'], 利润款: ['利润二', '利润三'], 形象款: ['形象一'] });
    expect(lineUp(2)).toEqual({ 引流款: ['引流二'], 利润款: ['利润二', '利润三'], 形象款: ['形象一'] });
    expect(lineUp(3).引流款).toEqual(['引流一']);
    expect(appearances.get(POOL[0]!)).toEqual([1, 3]);
    expect(appearances.get(POOL[1]!)).toEqual([2]);
    expect(appearances.get(POOL[6]!)).toEqual([1, 2, 3]);
  });

  it('a role the pool has too few of is a problem with both counts, and the line-up takes what there is', () => {
    const problems: ScheduleProblem[] = [];
    const { lineUp } = productRotation(input({ productMix: { 引流款: 1, 利润款: 3, 形象款: 1 } }, POOL), problems);
    expect(problems).toEqual([{ kind: 'pool-short', role: '利润款', available: 2, needed: 3 }]);
    expect(lineUp(1).利润款).toEqual(['利润二', '利润三']);
  });

  it('without a pool there is nothing to plan and nothing to warn about', () => {
    const problems: ScheduleProblem[] = [];
    const { lineUp } = productRotation(input(), problems);
    expect(problems).toEqual([]);
    expect(lineUp(1)).toEqual({ 引流款: [], 利润款: [], 形象款: [] });
  });
});

describe('buildSchedule: codes the words are made from', () => {
  it('nobody free for a stream is a problem naming the stream; the stage is the count of streams', () => {
    // One anchor with Mondays off and one assistant: every Monday stream lacks an anchor.
    const plan = buildSchedule(
      input({
        anchors: [{ name: '小林', daysOff: ['1'], accounts: null }],
        assistants: [{ name: '小周', daysOff: [], accounts: null }],
      }),
    );
    expect(plan.problems).toEqual(
      ['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22'].map((date) => ({
        kind: 'no-anchor',
        date,
        time: '20:00-22:00',
      })),
    );
    expect(plan.stage).toEqual({ stage: 'startup', streams: 4 });
    expect(plan.staffing).toEqual([
      { name: '小林', role: 'anchor', streams: 0 },
      { name: '小周', role: 'assistant', streams: 4 },
    ]);
  });

  it('the team stage: ≤ 10 streams startup, ≥ 30 mature, growth between', () => {
    expect([10, 11, 29, 30].map(teamStage)).toEqual(['startup', 'growth', 'growth', 'mature']);
  });
});

describe('localiseSchedule: the words', () => {
  // A members' stream on Wednesday the 3rd, when both the anchor and the assistant are off.
  const off = (name: string) => ({ name, daysOff: ['3'], accounts: null });
  const plan = buildSchedule(
    input(
      {
        members: [{ category: '美妆', repurchaseDays: 30, day: 3, time: null, account: null }],
        anchors: [off('小林')],
        assistants: [off('小周')],
      },
      POOL,
    ),
  );

  it("stage, weekday, stream type and the members' theme, zh and en", () => {
    const zh = localiseSchedule(plan, 'zh');
    const en = localiseSchedule(plan, 'en');
    expect(zh.stage).toEqual({
      stage: 'startup',
      label: '初创期',
      streams: 5,
      hint: '单账号、每月≤10场：岗位合并——运营兼场控，主播兼助播',
    });
    expect(en.stage.label).toBe('startup');
    const members = (s: typeof zh) => s.streams.find((x) => x.type === '会员专属场')!;
    expect([members(zh).weekdayLabel, members(zh).typeLabel, members(zh).theme]).toEqual([
      '周三',
      '会员专属场',
      '美妆会员复购日',
    ]);
    expect([members(en).weekdayLabel, members(en).typeLabel, members(en).theme]).toEqual([
      'Wed',
      'members-only',
      "美妆 members' repurchase day",
    ]);
  });

  it('why a product is left out, and what the plan could not do', () => {
    const zh = localiseSchedule(plan, 'zh');
    const en = localiseSchedule(plan, 'en');
    expect(zh.excluded).toEqual([
      { name: '利润一', reason: '库存 49 低于 50' },
      { name: '待上架', reason: '尚未上架（无商品ID）' },
    ]);
    expect(en.excluded.map((x) => x.reason)).toEqual(['stock 49 below 50', 'not listed yet (no product ID)']);
    expect(zh.problems).toEqual(['2027-02-03 20:00-22:00：没有可排的主播', '2027-02-03 20:00-22:00：没有可排的助播']);
    expect(en.problems).toEqual([
      '2027-02-03 20:00-22:00: no anchor available',
      '2027-02-03 20:00-22:00: no assistant available',
    ]);
    expect(en.staffing.map((x) => x.roleLabel)).toEqual(['anchor', 'assistant']);
    expect(zh.staffing.map((x) => x.roleLabel)).toEqual(['主播', '助播']);
  });

  it('a pool short of a role, in words', () => {
    const short = buildSchedule(input({ productMix: { 引流款: 3, 利润款: 2, 形象款: 1 } }, POOL));
    expect(localiseSchedule(short, 'zh').problems).toEqual(['选品池只有 2 个可排的引流款，每场需要 3 个']);
    expect(localiseSchedule(short, 'en').problems).toEqual([
      'the pool has 2 traffic driver products to schedule; each stream needs 3',
    ]);
  });
});
