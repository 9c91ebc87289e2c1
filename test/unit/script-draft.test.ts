import { describe, expect, it } from 'vitest';
import { loadScriptCategories } from '../../src/config/script-categories.js';
import { SCRIPT_DEFAULTS } from '../../src/config/script-section.js';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';
import { buildDraft, type ScriptProduct } from '../../src/domain/script/draft.js';
import { localiseDraft } from '../../src/i18n/script.js';

const product = (
  name: string,
  role: ScriptProduct['role'],
  stock: number | null,
  extra: Partial<ScriptProduct> = {},
): ScriptProduct => ({
  id: name,
  name,
  role,
  category: '冲锋衣',
  price: 299,
  dailyPrice: 399,
  stock,
  sellingPoints: '防水透湿；三合一可拆卸',
  faq: '会掉色吗？不会',
  giveaway: false,
  ...extra,
});

// The built-in categories (templates/script-categories.yaml): 冲锋衣 is 户外.
const CATEGORIES = await loadScriptCategories({ templatesDir: null, cwd: process.cwd() });

const PRODUCTS = [
  product('引流裤', '引流款', 520),
  product('防水冲锋衣', '利润款', 30),
  product('软壳衣', '利润款', 180),
  product('联名款', '形象款', 80),
];

function draft(
  time = '20:00-23:00',
  products = PRODUCTS,
  talkPoints: Parameters<typeof buildDraft>[0]['talkPoints'] = [],
) {
  const built = buildDraft({
    stream: {
      date: '2026-12-03',
      time,
      account: '山野户外旗舰店',
      anchor: '小林',
      assistant: '小周',
      type: '日常场',
      theme: null,
      benefit: '整点福袋',
      gmvTarget: 64413,
    },
    products,
    talkPoints,
    settings: SCRIPT_DEFAULTS,
    thresholds: RULE_DEFAULTS.thresholds,
    categories: { set: CATEGORIES.set, shop: null },
  });
  return localiseDraft(built, 'zh', CATEGORIES);
}

const min = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

describe('a timed script draft', () => {
  const d = draft();

  it('has every product of the plan, in order, between the opening and the close', () => {
    expect(d.timeline.map((s) => s.title)).toEqual([
      '开场预热',
      '引流裤',
      '防水冲锋衣',
      '软壳衣',
      '联名款',
      '下播预告与收尾',
    ]);
  });

  it("clock times follow on and add up to the stream's duration", () => {
    expect(d.stream.durationMinutes).toBe(180);
    expect(d.totals.minutes).toBe(180);
    expect(d.timeline[0]!.start).toBe('20:00');
    expect(d.timeline.at(-1)!.end).toBe('23:00');
    for (let i = 1; i < d.timeline.length; i++) expect(d.timeline[i]!.start).toBe(d.timeline[i - 1]!.end);
    for (const seg of d.timeline) {
      expect(seg.parts.reduce((a, p) => a + p.minutes, 0)).toBe(seg.minutes);
      expect(seg.parts[0]!.start).toBe(seg.start);
      expect(seg.parts.at(-1)!.end).toBe(seg.end);
    }
    // Profit products get the long segments (15 vs 8 base minutes), scaled to fill 165 minutes.
    const len = Object.fromEntries(d.timeline.map((s) => [s.title, s.minutes]));
    // 165 min × 8/48, 15/48, 15/48, 10/48 = 27.5, 51.56, 51.56, 34.38: the two leftover minutes go to the largest fractions.
    expect(len).toEqual({ 开场预热: 10, 引流裤: 27, 防水冲锋衣: 52, 软壳衣: 52, 联名款: 34, 下播预告与收尾: 5 });
  });

  it('reminds floor control 3 minutes before every segment switch', () => {
    const reminders = d.cues.filter((c) => c.rule === 'segment-reminder');
    expect(reminders.map((c) => c.time)).toEqual(
      d.timeline.slice(1).map((s) => {
        const m = min(s.start) - 3;
        return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      }),
    );
    expect(reminders[0]!.cue).toBe('3 分钟后切换到：引流裤，助播备好样品，场控备好商品链接');
  });

  it('checks the metrics every 5 minutes against the live thresholds', () => {
    const checks = d.cues.filter((c) => c.rule === 'floor-refresh');
    expect(checks).toHaveLength(35);
    expect(checks[0]).toMatchObject({ time: '20:05', who: 'floor-control' });
    expect(checks[0]!.cue).toContain('UV价值低于 ¥0.80');
    expect(checks[0]!.cue).toContain('点击率低于 10%');
  });

  it('uses the real stock figures: a closing push and a stock alert below the line', () => {
    const jacket = d.timeline.find((s) => s.title === '防水冲锋衣')!;
    expect(jacket.parts.find((p) => p.part === 'push')!.talk[0]).toBe('库存只剩 30 件，拍完就恢复日常价');
    expect(d.cues.filter((c) => c.rule === 'stock-low').map((c) => c.cue)).toEqual([
      '库存紧张：「防水冲锋衣」仅 30 件（低于 50），提醒主播并准备售罄话术',
    ]);
    const pants = d.timeline.find((s) => s.title === '引流裤')!;
    expect(pants.parts.find((p) => p.part === 'push')!.talk[0]).toBe('本场备货 520 件，这个价格只在今天直播间');
  });

  it('talks in scenes before parameters: an outdoor scene, the selling points said in a sentence, the FAQ taken up', () => {
    const explain = d.timeline[1]!.parts[0]!;
    expect(explain.label).toBe('讲解');
    expect(explain.talk.slice(0, 3)).toEqual([
      '周末爬山突遇阵雨，有它在身上，心里就踏实。',
      '我现场给大家试，防水透湿，三合一可拆卸。',
      '有家人问：会掉色吗？不会',
    ]);
  });

  it('lists and delists each product, with close-ups and countdowns for the assistant', () => {
    const floor = d.cues.filter((c) => c.who === 'floor-control' && !c.rule).map((c) => `${c.time} ${c.cue}`);
    expect(floor[0]).toBe('20:10 上架「引流裤」，弹出商品卡');
    expect(floor[1]).toBe('20:37 下架「引流裤」（或改为日常价）');
    expect(d.cues.find((c) => c.who === 'assistant')!.cue).toBe(
      '特写：引流裤的面料、拉链和压胶细节，现场做淋水或拉扯演示',
    );
  });

  it('a retro hotspot becomes a demonstration in the segments of the products it concerns', () => {
    const withRetro = draft('20:00-23:00', PRODUCTS, [
      { topic: '防水', share: 0.2, source: 'comments', action: '增加防水演示（淋水测试）' },
    ]);
    const jacket = withRetro.timeline.find((s) => s.title === '防水冲锋衣')!;
    expect(jacket.assistant).toContain('演示：增加防水演示（淋水测试）');
    expect(jacket.parts[0]!.talk).toContain('上场复盘：防水 占提问 20% → 增加防水演示（淋水测试）');
    // Every sample product lists 防水透湿 in its selling points, so each segment gets the demonstration.
    expect(withRetro.cues.filter((c) => c.cue.startsWith('演示：'))).toHaveLength(4);
  });

  it('a stream past midnight keeps its clock', () => {
    const late = draft('22:00-01:00');
    expect(late.stream.durationMinutes).toBe(180);
    expect(late.timeline.at(-1)!.end).toBe('01:00');
    expect(late.totals.minutes).toBe(180);
  });
});
