import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSchedule } from '../../src/commands/schedule/index.js';
import { scheduleIcs } from '../../src/commands/schedule/ics.js';
import { loadConfig } from '../../src/config/load.js';
import { resolveSchedule, type ScheduleSection } from '../../src/config/schedule-section.js';
import type { Context } from '../../src/context.js';
import { buildSchedule, teamStage, type PoolProduct } from '../../src/domain/schedule/plan.js';
import { allocate, decomposeAnnual } from '../../src/domain/schedule/targets.js';
import { localiseSchedule } from '../../src/i18n/schedule.js';
import { UsageError } from '../../src/errors.js';
import type { Prompter } from '../../src/ui/prompts.js';
import { plainTerminal } from '../../src/ui/terminal.js';

const FIX = join(import.meta.dirname, '../../fixtures');
const sum = (xs: Array<number | null>) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

describe('GMV target decomposition adds up exactly', () => {
  it('annual 12,000,000 over 4 quarters and 12 months, evenly', () => {
    const plan = decomposeAnnual(12_000_000, {});
    expect(plan.months.map((m) => m.gmv)).toEqual(Array(12).fill(1_000_000));
    expect(plan.quarters.map((q) => q.gmv)).toEqual([3_000_000, 3_000_000, 3_000_000, 3_000_000]);
  });

  it('with seasonal weights (双11 ×2, 双12 ×1.5): largest remainders, earlier months first', () => {
    // 12,000,000 / 13.5 = 888,888.89 per unit weight: Jan–Oct get the 10 leftover yuan.
    const plan = decomposeAnnual(12_000_000, { 11: 2, 12: 1.5 });
    expect(plan.months.map((m) => m.gmv)).toEqual([...Array(10).fill(888_889), 1_777_777, 1_333_333]);
    expect(sum(plan.months.map((m) => m.gmv))).toBe(12_000_000);
    expect(plan.quarters.map((q) => q.gmv)).toEqual([2_666_667, 2_666_667, 2_666_667, 3_999_999]);
    expect(sum(plan.quarters.map((q) => q.gmv))).toBe(12_000_000);
  });

  it.each([
    [1_333_333, [1, 1, 1]],
    [100, [1, 1, 1, 1, 1, 1, 1]],
    [1_000_000, [1, 1.5, 2, 1.2, 1, 1]],
    [999.99, [1, 1, 1]],
  ])('%d split by %j sums exactly and is deterministic', (total, weights) => {
    const a = allocate(total, weights);
    expect(Math.round(sum(a) * 100)).toBe(Math.round(total * 100));
    expect(allocate(total, weights)).toEqual(a);
  });

  it('remainders go to the earlier stream on ties', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0.05, [1, 1])).toEqual([0.03, 0.02]);
  });
});

describe('team stage at its boundaries (≤ 10 startup, ≥ 30 mature)', () => {
  it.each([
    [1, 'startup'],
    [10, 'startup'],
    [11, 'growth'],
    [29, 'growth'],
    [30, 'mature'],
    [45, 'mature'],
  ])('%d streams a month → %s', (n, stage) => expect(teamStage(n)).toBe(stage));
});

const SECTION: ScheduleSection = {
  annualGmv: 12_000_000,
  monthWeights: { '11': 2, '12': 1.5 },
  account: '山野户外旗舰店',
  slots: [
    { weekdays: [1, 3, 5], time: '20:00-23:00' },
    { weekdays: ['sat'], time: '19:30-22:30', account: '小鹿美妆官方' },
    // A second account at the same hour on Mondays: two streams at once need two anchors.
    { weekdays: ['mon'], time: '21:00-23:00', account: '山野户外二号店' },
  ],
  special: [{ date: '2026-12-18', type: '品牌联名场', theme: '山野×国家地理' }],
  roster: {
    anchors: [{ name: '小林', daysOff: ['sat'] }, { name: '阿杰' }, { name: '莉莉' }],
    assistants: [{ name: '小周' }, { name: '小吴', daysOff: ['fri'] }, { name: '小郑' }],
  },
  productMix: { 引流款: 1, 利润款: 2, 形象款: 1 },
  members: [{ category: '美妆', repurchaseDays: 30, day: 15, account: '小鹿美妆官方', time: '19:30-22:30' }],
};

const POOL: PoolProduct[] = [
  { id: 'A1', name: '引流A', role: '引流款', livePrice: 59, commissionRate: 0.1, stock: 500, giveaway: false },
  { id: 'A2', name: '引流B', role: '引流款', livePrice: 79, commissionRate: 0.1, stock: 500, giveaway: false },
  { id: 'P1', name: '利润A', role: '利润款', livePrice: 399, commissionRate: 0.25, stock: 300, giveaway: false },
  { id: 'P2', name: '利润B', role: '利润款', livePrice: 499, commissionRate: 0.25, stock: 300, giveaway: false },
  { id: 'P3', name: '利润C', role: '利润款', livePrice: 599, commissionRate: 0.25, stock: 300, giveaway: false },
  { id: 'P4', name: '利润D', role: '利润款', livePrice: 699, commissionRate: 0.25, stock: 49, giveaway: false }, // below the stock line
  { id: 'I1', name: '形象A', role: '形象款', livePrice: 1299, commissionRate: 0.15, stock: 80, giveaway: false },
  { id: null, name: '待上架', role: '引流款', livePrice: 99, commissionRate: 0.2, stock: 100, giveaway: false },
];

function plan(month = '2026-12', section: ScheduleSection = SECTION, monthTarget: number | null = null) {
  const built = buildSchedule({
    month,
    settings: resolveSchedule(section),
    monthTarget,
    pool: POOL,
    stockLow: 50,
    rehearsalDays: 2,
    retroHours: 24,
    roleTiers: { trafficMaxPrice: null, imageMinPrice: null, profitMinCommission: 0.2 },
  });
  return localiseSchedule(built, 'zh');
}

describe('the month schedule', () => {
  const p = plan();

  it('streams from the slots, specials and members-only streams, in order', () => {
    // Dec 2026: Mon/Wed/Fri = 13 days, Sat = 4, second account Mondays = 4, the members' stream on
    // Tuesday the 15th = 22; the 18th becomes the collab.
    expect(p.streams).toHaveLength(22);
    expect(p.streams.find((s) => s.date === '2026-12-18')).toMatchObject({
      type: '品牌联名场',
      theme: '山野×国家地理',
      account: '山野户外旗舰店',
    });
    expect(p.streams.map((s) => s.no)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const sorted = [...p.streams].sort((a, b) => a.start.localeCompare(b.start));
    expect(p.streams.map((s) => s.id)).toEqual(sorted.map((s) => s.id));
  });

  it("members' streams on the configured day of each repurchase cycle", () => {
    expect(p.streams.filter((s) => s.type === '会员专属场').map((s) => [s.date, s.account, s.time])).toEqual([
      ['2026-12-15', '小鹿美妆官方', '19:30-22:30'],
    ]);
    const fortnightly = plan('2026-12', {
      ...SECTION,
      members: [{ category: '美妆', repurchaseDays: 14, day: 1, account: '小鹿美妆官方' }],
    });
    expect(fortnightly.members).toEqual([{ category: '美妆', dates: ['2026-12-01', '2026-12-15', '2026-12-29'] }]);
    const late = plan('2027-02', {
      ...SECTION,
      members: [{ category: '美妆', repurchaseDays: 30, day: 31, account: '小鹿美妆官方' }],
    });
    expect(late.members[0]!.dates).toEqual(['2027-02-28']);
  });

  it('no one is double-booked, days off are respected, and the load is fair', () => {
    for (const a of p.streams) {
      for (const b of p.streams) {
        if (a === b || a.date !== b.date) continue;
        const [a0, a1] = a.time.split('-');
        const [b0, b1] = b.time.split('-');
        if (a0! < b1! && b0! < a1!) {
          expect(a.anchor, `${a.id} vs ${b.id}`).not.toBe(b.anchor);
          expect(a.assistant, `${a.id} vs ${b.id}`).not.toBe(b.assistant);
        }
      }
      expect(a.anchor).not.toBeNull();
      expect(a.anchor).not.toBe(a.assistant);
    }
    expect(p.streams.filter((s) => s.weekday === 6).map((s) => s.anchor)).not.toContain('小林');
    expect(p.streams.filter((s) => s.weekday === 5).map((s) => s.assistant)).not.toContain('小吴');
    const loads = p.staffing.filter((x) => x.role === 'anchor').map((x) => x.streams);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
  });

  it('products by role, rotated, within stock; unlisted and low-stock products left out', () => {
    for (const s of p.streams) {
      expect(s.products.引流款).toHaveLength(1);
      expect(s.products.利润款).toHaveLength(2);
      expect(s.products.形象款).toEqual(['形象A']);
      expect(s.products.利润款).not.toContain('利润D');
    }
    // Consecutive streams do not show the same traffic driver when there are two to rotate.
    for (let i = 1; i < p.streams.length; i++)
      expect(p.streams[i]!.products.引流款).not.toEqual(p.streams[i - 1]!.products.引流款);
    expect(p.excluded.map((e) => e.name).sort()).toEqual(['利润D', '待上架']);
    // Three profit products, two per stream, 22 streams: 44 places, P1 takes the first of every three.
    expect(p.productPlan.find((x) => x.id === 'P1')!.appearances).toBe(15);
  });

  it('stream targets add up exactly to the month target, weighted by stream type', () => {
    expect(p.targets.month).toBe(1_333_333);
    expect(sum(p.streams.map((s) => s.gmvTarget))).toBe(1_333_333);
    const collab = p.streams.find((s) => s.type === '品牌联名场')!;
    const daily = p.streams.find((s) => s.type === '日常场')!;
    expect(collab.gmvTarget! / daily.gmvTarget!).toBeCloseTo(2, 2);
    const given = plan('2026-12', SECTION, 1_000_000.5);
    expect(Math.round(sum(given.streams.map((s) => s.gmvTarget)) * 100)).toBe(100_000_050);
  });

  it('rehearsal two days before, retro sheet due 24 h after the end', () => {
    const first = p.streams[0]!;
    expect(first).toMatchObject({
      date: '2026-12-02',
      rehearsal: '2026-11-30',
      start: '2026-12-02T20:00:00+08:00',
      end: '2026-12-02T23:00:00+08:00',
      retroDeadline: '2026-12-03T23:00:00+08:00',
    });
    expect(p.stage).toMatchObject({ stage: 'growth', streams: 22 });
  });
});

describe('the .ics calendar', () => {
  it('parses back (RFC 5545) with a stream and a rehearsal per scheduled stream, at the right instants', () => {
    const p = plan();
    const text = scheduleIcs(p, 'zh', new Date('2026-11-26T00:00:00Z'));
    const comp = new ICAL.Component(ICAL.parse(text));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2 * p.streams.length);
    const first = events.find((e) => e.uid === '2026-12-01@liveops')!;
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-12-02T15:00:00.000Z');
    expect(first.summary).toBe('直播 山野户外旗舰店 · 日常场');
    expect(first.description).toContain('GMV目标: ¥');
    const rehearsal = events.find((e) => e.uid === '2026-12-01-rehearsal@liveops')!;
    expect(rehearsal.startDate.toJSDate().toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });
});

describe('prompts for what is missing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liveops-schedule-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function context(
    interactive: boolean,
    answers: Record<string, string>,
    asked: string[],
  ): Promise<{ ctx: Context; out: () => string }> {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (c) => (text += c));
    const prompter: Prompter = {
      checkbox: async () => [],
      input: async (o) => {
        asked.push(o.message);
        const key = Object.keys(answers).find((k) => o.message.includes(k))!;
        const v = answers[key]!;
        if (o.validate) expect(o.validate(v)).toBe(true);
        return v;
      },
    };
    const config = await loadConfig({ cwd: dir, env: {} });
    const ctx: Context = {
      cwd: dir,
      env: {},
      config,
      lang: 'zh',
      json: true,
      out: undefined,
      force: false,
      term: plainTerminal({ stdout, stderr: new PassThrough(), interactive, quiet: true }),
      prompter,
    };
    return { ctx, out: () => text };
  }

  it('on a terminal, asks the month, the slots and the target, and uses the answers', async () => {
    const asked: string[] = [];
    const { ctx, out } = await context(
      true,
      { 排哪个月: '2027-01', 几点开播: '一三五@20:00-22:00', GMV: '600000' },
      asked,
    );
    expect(await runSchedule(ctx, { pool: [], ics: false, now: new Date('2026-12-20T00:00:00Z') })).toBe(0);
    expect(asked).toHaveLength(3);
    const report = JSON.parse(out());
    expect(report.month).toBe('2027-01');
    expect(report.streams).toHaveLength(13);
    expect(report.streams[0]).toMatchObject({ date: '2027-01-01', time: '20:00-22:00' });
    expect(sum(report.streams.map((s: { gmvTarget: number }) => s.gmvTarget))).toBe(600000);
    expect(readFileSync(join(dir, '排期表_2027-01.xlsx')).length).toBeGreaterThan(1000);
  });

  it("on the evening of 30 Nov in Beijing, next month is 2026-12 whatever the machine's zone", async () => {
    // 20:30 in Beijing is 12:30 UTC and 04:30 in Los Angeles; a +8 h shift on a Shanghai machine gave 2027-01.
    const defaults: Array<string | undefined> = [];
    const { ctx } = await context(true, { 排哪个月: '2026-12', 几点开播: '一三五@20:00-22:00', GMV: '600000' }, []);
    const prompter = ctx.prompter!;
    ctx.prompter = { ...prompter, input: async (o) => (defaults.push(o.default), prompter.input(o)) };
    ctx.force = true;
    await runSchedule(ctx, { pool: [], ics: false, now: new Date('2026-11-30T20:30:00+08:00') });
    expect(defaults[0]).toBe('2026-12');
  });

  it('without a terminal, asks nothing and names the flag to pass', async () => {
    const asked: string[] = [];
    const { ctx } = await context(false, {}, asked);
    const e = await runSchedule(ctx, { pool: [], ics: false, now: new Date() }).catch((x) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/missing the month: pass --month 2026-12 \(no terminal to ask/);
    expect(asked).toEqual([]);
    const e2 = await runSchedule(ctx, { month: '2026-12', pool: [], ics: false, now: new Date() }).catch((x) => x);
    expect(e2.message).toMatch(/missing stream slots: pass --slots "1,3,5@20:00-23:00"/);
    const e3 = await runSchedule(ctx, {
      month: '2026-12',
      slots: '1,3,5@20:00-23:00',
      pool: [],
      ics: false,
      now: new Date(),
    }).catch((x) => x);
    expect(e3.message).toMatch(/missing the month's GMV target: pass --target 1000000/);
  });

  it('the fixture config is valid', async () => {
    copyFileSync(join(FIX, 'schedule', 'liveops.config.yaml'), join(dir, 'liveops.config.yaml'));
    const c = await loadConfig({ cwd: dir, env: {} });
    expect(c.schedule.slots).toHaveLength(2);
    writeFileSync(
      join(dir, 'liveops.config.yaml'),
      'schedule:\n  slots:\n    - { weekdays: [funday], time: "20:00-23:00" }\n',
    );
    await expect(loadConfig({ cwd: dir, env: {} })).rejects.toThrow(
      /schedule\.slots\.0\.weekdays\.0: expected a weekday/,
    );
  });
});
