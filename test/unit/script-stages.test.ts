/**
 * The script draft's stages on small hand-made input: a product's segment (its parts, talk and
 * cues as codes), the run-sheet's rows, the reminders and checks of the whole draft — and then
 * the words for them.
 */
import { describe, expect, it } from 'vitest';
import { loadScriptCategories } from '../../src/config/script-categories.js';
import { SCRIPT_DEFAULTS } from '../../src/config/script-section.js';
import {
  buildDraft,
  items,
  productSegment,
  runSheetOf,
  sellingPoints,
  type Cue,
  type CueAction,
  type DraftInput,
  type ScriptProduct,
  type Segment,
} from '../../src/domain/script/draft.js';
import { localiseDraft } from '../../src/i18n/script.js';

const product = (name: string, extra: Partial<ScriptProduct> = {}): ScriptProduct => ({
  id: name,
  name,
  role: '利润款',
  category: '冲锋衣',
  price: 299,
  dailyPrice: 399,
  stock: 30,
  sellingPoints: '防水透湿；三合一可拆卸',
  faq: '会掉色吗？不会；能机洗吗？能；起球吗？不会',
  giveaway: false,
  ...extra,
});

const JACKET = product('防水冲锋衣');
// The built-in categories (templates/script-categories.yaml): 冲锋衣 is 户外.
const CATEGORIES = await loadScriptCategories({ templatesDir: null, cwd: process.cwd() });

function input(products: ScriptProduct[] = [JACKET], time = '20:00-21:00'): DraftInput {
  return {
    stream: {
      date: '2027-02-01',
      time,
      account: '山野',
      anchor: '小林',
      assistant: '小周',
      type: '日常场',
      theme: null,
      benefit: '福袋',
      gmvTarget: null,
    },
    products,
    talkPoints: [{ topic: '防水', share: 0.234, source: 'comments', action: '淋水测试' }],
    settings: SCRIPT_DEFAULTS,
    thresholds: {
      'stock-low': 50,
      'segment-reminder': 3,
      'floor-refresh': 5,
      'uv-value-critical': 0.8,
      'product-click-low': 0.1,
    },
    categories: { set: CATEGORIES.set, shop: null },
  };
}

/** productSegment with a recording cue callback: the segment and the cues it gave, in order. */
function segment(p: ScriptProduct, i = 1, at = 20 * 60 + 10, len = 40) {
  const cues: Array<{ minute: number; who: Cue['who']; what: CueAction; rule: string | null }> = [];
  const seg = productSegment(input([p]), p, i, at, len, 2, (minute, who, what, rule = null) =>
    cues.push({ minute, who, what, rule }),
  );
  return { seg, cues };
}

describe("productSegment: a product's part of the stream", () => {
  it('a 40-minute segment splits 50/15/20/15 into explain, interact, push and benefit', () => {
    const { seg } = segment(JACKET);
    expect(seg).toMatchObject({ no: 2, kind: 'product', start: '20:10', end: '20:50', minutes: 40, product: JACKET });
    expect(seg.parts.map((p) => [p.part, p.start, p.end, p.minutes])).toEqual([
      ['explain', '20:10', '20:30', 20],
      ['interact', '20:30', '20:36', 6],
      ['push', '20:36', '20:44', 8],
      ['benefit', '20:44', '20:50', 6],
    ]);
  });

  it('the explanation: a use scene first, then the selling points, two FAQs, the price and a retro topic the product concerns', () => {
    const { seg } = segment(JACKET);
    expect(seg.category).toBe('户外');
    expect(seg.parts[0]!.talk).toEqual([
      // Second product of the stream (i = 1): the category's second patterns; no scene of the team's own.
      { kind: 'scene', category: '户外', product: '防水冲锋衣', variant: 1, scene: null },
      { kind: 'selling', category: '户外', points: ['防水透湿', '三合一可拆卸'], variant: 1 },
      { kind: 'faq', text: '会掉色吗？不会' },
      { kind: 'faq', text: '能机洗吗？能' },
      { kind: 'price', price: 299, dailyPrice: 399 },
      { kind: 'retro-topic', topic: '防水', share: 0.234, action: '淋水测试' },
    ]);
    expect(seg.parts.slice(1).map((p) => p.talk)).toEqual([
      [
        { kind: 'interact', product: '防水冲锋衣' },
        { kind: 'faq-prompt', category: '户外', product: '防水冲锋衣', variant: 1 },
      ],
      [{ kind: 'push', stock: 30 }],
      [{ kind: 'benefit', benefit: '福袋' }],
    ]);
  });

  it('no category a keyword knows: the neutral one; no price, no price line; no FAQ, no FAQ line; a topic the product does not mention is not in its talk', () => {
    const { seg } = segment(product('礼品卡', { category: '其他', price: null, sellingPoints: '轻薄', faq: null }));
    expect(seg.category).toBe('default');
    expect(seg.parts[0]!.talk).toEqual([
      { kind: 'scene', category: 'default', product: '礼品卡', variant: 1, scene: null },
      { kind: 'selling', category: 'default', points: ['轻薄'], variant: 1 },
    ]);
  });

  it("the team's own scenes (config script.scenes) by 品类 word come before the category's", () => {
    const own = { ...input([JACKET]), settings: { ...SCRIPT_DEFAULTS, scenes: { 冲锋衣: ['雨天送娃上学', '夜跑'] } } };
    const seg = productSegment(own, JACKET, 1, 20 * 60, 40, 2, () => undefined);
    expect(seg.parts[0]!.talk[0]).toEqual({
      kind: 'scene',
      category: '户外',
      product: '防水冲锋衣',
      variant: 1,
      scene: '夜跑',
    });
  });

  it('a FAQ or selling point that is only a placeholder ("-", "—", 无, N/A) is left out', () => {
    const { seg } = segment(product('P', { sellingPoints: '-', faq: '—；无；N/A' }));
    expect(seg.parts[0]!.talk.map((l) => l.kind)).toEqual(['scene', 'price']);
    const some = segment(product('P', { sellingPoints: '轻薄；-', faq: '-；能机洗吗？能' })).seg.parts[0]!.talk;
    expect(some.filter((l) => l.kind === 'selling' || l.kind === 'faq')).toEqual([
      { kind: 'selling', category: '户外', points: ['轻薄'], variant: 1 },
      { kind: 'faq', text: '能机洗吗？能' },
    ]);
  });

  it('cues: list at the start, close-up and the demonstration, the countdown when the push starts, the delist at the end', () => {
    const { seg, cues } = segment(JACKET);
    // The push starts after 20 + 6 minutes, at 20:36: 14 minutes left of the segment.
    expect(cues).toEqual([
      { minute: 1210, who: 'floor-control', what: { kind: 'list', product: '防水冲锋衣' }, rule: null },
      {
        minute: 1210,
        who: 'assistant',
        what: { kind: 'close-up', product: '防水冲锋衣', category: '户外', variant: 1 },
        rule: null,
      },
      { minute: 1210, who: 'assistant', what: { kind: 'demo', action: '淋水测试' }, rule: null },
      { minute: 1236, who: 'assistant', what: { kind: 'countdown', minutes: 14 }, rule: null },
      {
        minute: 1210,
        who: 'floor-control',
        what: { kind: 'stock', product: '防水冲锋衣', stock: 30, threshold: 50 },
        rule: 'stock-low',
      },
      { minute: 1250, who: 'floor-control', what: { kind: 'delist', product: '防水冲锋衣' }, rule: null },
    ]);
    expect(seg.assistant.map((c) => c.kind)).toEqual(['close-up', 'demo', 'countdown']);
    expect(seg.floor.map((f) => [f.time, f.cue.kind])).toEqual([
      [null, 'list'],
      [null, 'stock'],
      [null, 'delist'],
    ]);
  });

  it('stock 49 under a line of 50 is a stock alert; 50 is not', () => {
    const alerts = (stock: number) =>
      segment(product('P', { stock })).cues.filter((c) => c.rule === 'stock-low').length;
    expect(alerts(49)).toBe(1);
    expect(alerts(50)).toBe(0);
    expect(segment(product('P', { stock: null })).cues.some((c) => c.rule === 'stock-low')).toBe(false);
  });
});

describe('a selling-points cell into single points, a FAQ cell into questions', () => {
  it.each([
    ['胎菊，清甜', ['胎菊', '清甜']],
    ['防水透湿；三合一可拆卸。', ['防水透湿', '三合一可拆卸']],
    ['四面弹,速干、透气', ['四面弹', '速干', '透气']],
    ['GORE-TEX 面料, 专业登山', ['GORE-TEX 面料', '专业登山']],
    ['10,000mAh 大容量', ['10,000mAh 大容量']],
    ['=SUM(1,2)', ['=SUM(1,2)']],
    ['light, warm', ['light, warm']],
    ['-', []],
    ['—；无', []],
    [null, []],
  ])('%s → %j', (cell, points) => expect(sellingPoints(cell)).toEqual(points));

  it.each([
    ['会掉色吗？不会；能机洗吗？能', ['会掉色吗？不会', '能机洗吗？能']],
    [
      '尺码偏大半码？建议按平时尺码拍\n能机洗吗？可以，30度以下',
      ['尺码偏大半码？建议按平时尺码拍', '能机洗吗？可以，30度以下'],
    ],
    ['-', []],
    ['N/A', []],
    ['暂无', []],
    ['', []],
  ])('%j → %j', (cell, faqs) => expect(items(cell)).toEqual(faqs));
});

describe('runSheetOf: one row per part with the cues that fall in it', () => {
  // A stream from 23:50: a ten-minute opening, then a product from midnight.
  const start = 23 * 60 + 50;
  const P = product('防水冲锋衣');
  const timeline: Segment[] = [
    {
      no: 1,
      kind: 'opening',
      start: '23:50',
      end: '00:00',
      minutes: 10,
      product: null,
      parts: [{ part: 'explain', start: '23:50', end: '00:00', minutes: 10, talk: [{ kind: 'farewell' }] }],
      assistant: [],
      floor: [],
      category: null,
    },
    {
      no: 2,
      kind: 'product',
      start: '00:00',
      end: '00:30',
      minutes: 30,
      product: P,
      parts: [
        { part: 'explain', start: '00:00', end: '00:20', minutes: 20, talk: [] },
        { part: 'interact', start: '00:20', end: '00:30', minutes: 10, talk: [] },
      ],
      assistant: [],
      floor: [],
      category: '户外',
    },
  ];
  const cue = (minute: number, who: Cue['who'], what: CueAction, rule: string | null = null): Cue => ({
    time: '',
    minute,
    who,
    cue: what,
    rule,
  });
  const list: CueAction = { kind: 'list', product: P.name };
  const closeUp: CueAction = { kind: 'close-up', product: P.name, category: '户外', variant: 0 };
  const check: CueAction = { kind: 'check', uvValue: 0.8, clickRate: 0.1 };
  const countdown: CueAction = { kind: 'countdown', minutes: 10 };
  const cues = [
    cue(5, 'floor-control', check, 'floor-refresh'),
    cue(10, 'floor-control', list),
    cue(10, 'assistant', closeUp),
    cue(30, 'assistant', countdown),
  ];
  const rows = runSheetOf(timeline, cues, start);

  it('a row per part, carrying its segment, product and role', () => {
    expect(rows.map((r) => [r.start, r.end, r.minutes, r.kind, r.product, r.role, r.part])).toEqual([
      ['23:50', '00:00', 10, 'opening', null, null, 'explain'],
      ['00:00', '00:20', 20, 'product', '防水冲锋衣', '利润款', 'explain'],
      ['00:20', '00:30', 10, 'product', '防水冲锋衣', '利润款', 'interact'],
    ]);
    expect(rows[0]!.talk).toEqual([{ kind: 'farewell' }]);
  });

  it("a cue at a part's end is the next part's, across midnight too; the 5-minute checks stay off the floor column", () => {
    // Minute 10 after 23:50 is 00:00: the product's explanation, not the opening; minute 30 (00:20) is the interaction.
    expect(rows.map((r) => r.floor)).toEqual([[], [list], []]);
    expect(rows.map((r) => r.assistant)).toEqual([[], [closeUp], [countdown]]);
  });
});

describe('buildDraft: reminders and checks', () => {
  const d = buildDraft(input([JACKET, product('软壳衣', { stock: 300 })]));

  it('a reminder 3 minutes before each switch names the next segment, and goes on the floor list of the one before', () => {
    const reminders = d.cues.filter((c) => c.rule === 'segment-reminder');
    // 60 minutes: opening 10, closing 5, 45 for two profit products of equal weight: 23 and 22.
    expect(reminders.map((c) => [c.time, c.cue])).toEqual([
      ['20:07', { kind: 'reminder', minutes: 3, next: { kind: 'product', product: '防水冲锋衣' } }],
      ['20:30', { kind: 'reminder', minutes: 3, next: { kind: 'product', product: '软壳衣' } }],
      ['20:52', { kind: 'reminder', minutes: 3, next: { kind: 'closing', product: null } }],
    ]);
    expect(d.timeline[0]!.floor).toEqual([{ time: '20:07', cue: reminders[0]!.cue }]);
  });

  it('floor control checks every 5 minutes against the live thresholds, as numbers', () => {
    const checks = d.cues.filter((c) => c.rule === 'floor-refresh');
    expect(checks.map((c) => c.minute)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]);
    expect(checks[0]!.cue).toEqual({ kind: 'check', uvValue: 0.8, clickRate: 0.1 });
  });
});

describe('localiseDraft: the words', () => {
  const d = buildDraft(input([product('防水冲锋衣', { price: 1299.5, dailyPrice: null })]));
  const zh = localiseDraft(d, 'zh', CATEGORIES);
  const en = localiseDraft(d, 'en', CATEGORIES);

  it('titles and part labels: the opening and closing are one part named after the segment', () => {
    expect(zh.timeline.map((s) => s.title)).toEqual(['开场预热', '防水冲锋衣', '下播预告与收尾']);
    expect(en.timeline.map((s) => s.parts.map((p) => p.label))).toEqual([
      ['Opening and warm-up'],
      ['Explanation', 'Interaction', 'Closing push', 'Benefits'],
      ['Next-stream preview and close'],
    ]);
  });

  it('prices with ¥ and digit groups, the retro share rounded to a whole percent', () => {
    const explain = zh.timeline[1]!.parts[0]!.talk;
    expect(explain).toContain('价格：直播间 ¥1,299.5，今天只在直播间有这个价。');
    expect(explain).toContain('上场复盘：防水 占提问 23% → 淋水测试');
  });

  it('the check shows the thresholds as ¥0.80 and 10%; the floor list puts the clock before a reminder', () => {
    expect(en.cues.find((c) => c.rule === 'floor-refresh')!.cue).toBe(
      'Refresh online / click / conversion: UV value below ¥0.80 → cue the anchor to strengthen the closing talk; click rate below 10% → extend the current product',
    );
    expect(zh.timeline[0]!.floor).toEqual(['20:07 3 分钟后切换到：防水冲锋衣，助播备好样品，场控备好商品链接']);
    expect(en.cueSheet.map((c) => c.whoLabel)).toContain('floor control');
    expect(zh.runSheet[1]).toMatchObject({
      segment: '防水冲锋衣',
      part: '讲解',
      assistant: '特写：防水冲锋衣的面料、拉链和压胶细节，现场做淋水或拉扯演示\n演示：淋水测试',
    });
  });

  it('the role in English as a label, its code kept: the run-sheet and the segments', () => {
    expect(en.runSheet.map((r) => [r.role, r.roleLabel])[1]).toEqual(['利润款', 'profit']);
    expect(zh.runSheet[1]!.roleLabel).toBe('利润款');
    expect(en.timeline.map((s) => s.roleLabel)).toEqual([null, 'profit', null]);
    expect(en.timeline.map((s) => s.categoryLabel)).toEqual([null, 'outdoor', null]);
  });
});
