/**
 * The script drafts talk as the shop's category does: a tea shop's and a beauty shop's drafts carry
 * no apparel cue, an apparel shop keeps its own, selling points are said in a scene sentence, and
 * nothing is printed as "-". The categories are data (templates/script-categories.yaml): checked
 * on reading, with errors naming the file and the key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadScriptCategories,
  parseScriptCategories,
  type ScriptCategories,
} from '../../src/config/script-categories.js';
import { SCRIPT_DEFAULTS } from '../../src/config/script-section.js';
import { lintText } from '../../src/domain/compliance/lint.js';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';
import { categoryOf, productCategory } from '../../src/domain/script/categories.js';
import { buildDraft, type ScriptProduct } from '../../src/domain/script/draft.js';
import { ConfigError } from '../../src/errors.js';
import { localiseDraft, type LocalisedDraft } from '../../src/i18n/script.js';

const CATEGORIES = await loadScriptCategories({ templatesDir: null, cwd: process.cwd() });

/** What an assistant is told to show for clothes: none of it belongs in a tea or beauty draft. */
const APPAREL_ZH = ['面料', '做工', '吊牌', '尺码', '上身', '版型', '走线', '洗涤'];
const APPAREL_EN = /\b(fabric|stitching|label|sizes?|fit|worn|washing)\b/i;

const item = (name: string, extra: Partial<ScriptProduct> = {}): ScriptProduct => ({
  id: name,
  name,
  role: '利润款',
  category: null,
  price: 99,
  dailyPrice: 129,
  stock: 200,
  sellingPoints: null,
  faq: null,
  giveaway: false,
  ...extra,
});

const TEA = [
  item('西湖龙井 明前 250g', { category: '绿茶', sellingPoints: '豆香浓郁；芽叶匀整', faq: '-' }),
  item('胎菊 桐乡杭白菊 50g', { role: '引流款', category: '花草茶', sellingPoints: '胎菊，清甜', faq: '—' }),
  item('云南普洱 熟茶饼 357g', {
    role: '形象款',
    category: '普洱',
    sellingPoints: '陈香醇厚',
    faq: '能放多久？越放越香',
  }),
];
const BEAUTY = [
  item('丝绒雾面口红 #316', { role: '引流款', category: '口红', sellingPoints: '显白；不沾杯', faq: '-' }),
  item('保湿修护面霜 50ml', { category: '面霜', sellingPoints: '滋润，清爽', faq: '敏感肌能用吗？温和配方' }),
];
const APPAREL = [
  item('法式碎花连衣裙', { category: '连衣裙', sellingPoints: '显瘦；雪纺', faq: '偏大吗？标准码' }),
  item('纯棉圆领T恤', { role: '引流款', category: 'T恤', sellingPoints: '纯棉', faq: null }),
];

function draftOf(
  products: ScriptProduct[],
  lang: 'zh' | 'en' = 'zh',
  shop: string | null = null,
  categories: ScriptCategories = CATEGORIES,
): LocalisedDraft {
  const built = buildDraft({
    stream: {
      date: '2027-03-01',
      time: '20:00-22:00',
      account: '小店',
      anchor: null,
      assistant: null,
      type: null,
      theme: null,
      benefit: null,
      gmvTarget: null,
    },
    products,
    talkPoints: [],
    settings: SCRIPT_DEFAULTS,
    thresholds: RULE_DEFAULTS.thresholds,
    categories: { set: categories.set, shop },
  });
  return localiseDraft(built, lang, categories);
}

/** Every line the draft says or cues: talk, assistant, floor, the run-sheet and the cue sheet. */
function linesOf(d: LocalisedDraft): string[] {
  return [
    ...d.timeline.flatMap((s) => [...s.parts.flatMap((p) => p.talk), ...s.assistant, ...s.floor]),
    ...d.runSheet.flatMap((r) => [r.talk, r.assistant, r.floor].join('\n').split('\n')),
    ...d.cueSheet.map((c) => c.cue),
  ];
}

const segment = (d: LocalisedDraft, name: string) => d.timeline.find((s) => s.title === name)!;
const explain = (d: LocalisedDraft, name: string) => segment(d, name).parts[0]!.talk;
/** A line that is a label with nothing after it ("常见问题：-"), or nothing at all. */
const PLACEHOLDER_LINE = /(^|[：:])\s*[-—–]?\s*$/;

describe('categoryOf: the longest keyword the words contain', () => {
  it.each([
    ['绿茶', '茶'],
    ['花草茶', '茶'],
    ['西湖龙井', '茶'],
    ['菊花', '茶'],
    ['普洱', '茶'],
    ['茶几', '家居'],
    ['冲锋衣', '户外'],
    ['登山鞋', '户外'],
    ['鞋靴', '服饰'],
    ['连衣裙', '服饰'],
    ['口红', '美妆'],
    ['面霜', '美妆'],
    ['坚果零食', '食品'],
    ['蓝牙耳机', '数码'],
    ['美妆', '美妆'],
    ['宠物用品', null],
  ])('%s → %s', (words, id) => expect(categoryOf(words, CATEGORIES.set)).toBe(id));

  it("a product's 品类 first, then the shop's category, then its name (words of two characters or more), then the neutral one", () => {
    const c = (p: { category: string | null; name: string }, shop: string | null = null) =>
      productCategory(p, { set: CATEGORIES.set, shop });
    expect(c({ category: '口红', name: '龙井' }, '茶')).toBe('美妆');
    expect(c({ category: null, name: '无名样品' }, '茶')).toBe('茶');
    expect(c({ category: '其他', name: '无名样品' }, '茶')).toBe('茶');
    expect(c({ category: null, name: '西湖龙井 250g' })).toBe('茶');
    // A bare 裤 or 茶 in a name says too little: only a 品类 cell is read on one character.
    expect(c({ category: null, name: '奶茶色 托特包' })).toBe('default');
    expect(c({ category: null, name: '猫抓板' })).toBe('default');
  });
});

describe("a tea shop's and a beauty shop's drafts", () => {
  for (const [shop, products] of [
    ['tea', TEA],
    ['beauty', BEAUTY],
  ] as const) {
    it(`${shop}: no apparel cue, in Chinese or in English`, () => {
      const zh = linesOf(draftOf([...products]));
      for (const cue of APPAREL_ZH) expect(zh.filter((l) => l.includes(cue))).toEqual([]);
      const en = linesOf(draftOf([...products], 'en'));
      expect(en.filter((l) => APPAREL_EN.test(l))).toEqual([]);
    });

    it(`${shop}: no "-" placeholder, no FAQ line for a FAQ of "-", and no parameter line`, () => {
      const d = draftOf([...products]);
      const lines = linesOf(d);
      expect(lines.filter((l) => PLACEHOLDER_LINE.test(l) && l !== '')).toEqual([]);
      expect(lines.filter((l) => /常见问题|核心优势/.test(l))).toEqual([]);
      expect(explain(d, products[0]!.name).filter((l) => l.startsWith('有家人问'))).toEqual([]);
    });
  }

  it('tea: the selling points 胎菊，清甜 are a scene sentence, from the tea phrases', () => {
    const talk = explain(draftOf(TEA), '胎菊 桐乡杭白菊 50g');
    // Second product: the tea's second selling sentence.
    expect(talk).toContain('大家看这个茶汤，胎菊一朵朵舒展开，入口是清甜的。');
    expect(draftOf([TEA[1]!]).timeline[1]!.parts[0]!.talk).toContain(
      '冲一杯给大家看，胎菊一朵朵舒展开，入口是清甜的。',
    );
  });

  it('tea: a FAQ the pool has is taken up, the close-up shows the leaves and the cup', () => {
    const d = draftOf(TEA);
    expect(explain(d, '云南普洱 熟茶饼 357g')).toContain('有家人问：能放多久？越放越香');
    expect(segment(d, '西湖龙井 明前 250g').assistant[0]).toBe(
      '特写：西湖龙井 明前 250g的干茶，再拍冲泡后的茶汤颜色和叶底',
    );
    expect(segment(d, '西湖龙井 明前 250g').categoryLabel).toBe('茶');
  });

  it('beauty: a swatch and the texture for the assistant, shades and skin types for the viewers', () => {
    const d = draftOf(BEAUTY);
    expect(segment(d, '丝绒雾面口红 #316').assistant[0]).toBe(
      '特写：丝绒雾面口红 #316在手臂上试色，自然光和补光下各拍一次',
    );
    expect(segment(d, '丝绒雾面口红 #316').parts[1]!.talk).toContain('什么肤质、想要哪个色号，打在评论区，我帮你挑');
  });
});

describe('an apparel shop still gets its cues', () => {
  const d = draftOf(APPAREL);

  it('fabric, stitching and label close up; size for the viewers', () => {
    expect(segment(d, '法式碎花连衣裙').assistant[0]).toBe('特写：近距离展示法式碎花连衣裙的面料、做工、吊牌');
    expect(segment(d, '纯棉圆领T恤').assistant[0]).toBe('特写：纯棉圆领T恤穿上走几步看版型，再近拍走线和细节');
    expect(segment(d, '法式碎花连衣裙').parts[1]!.talk).toContain('报一下身高体重，我帮你看尺码');
  });

  it('its selling points in a try-on sentence; a product with no FAQ has no FAQ line', () => {
    expect(explain(d, '法式碎花连衣裙')).toContain('我穿上给大家看，看着很显瘦，雪纺。');
    expect(explain(d, '法式碎花连衣裙')).toContain('有家人问：偏大吗？标准码');
    expect(explain(d, '纯棉圆领T恤').filter((l) => l.startsWith('有家人问'))).toEqual([]);
  });
});

describe('the category from the config, and the neutral default', () => {
  it("the shop's category applies when the pool has no 品类", () => {
    const noColumn = TEA.map((p, i) => ({ ...p, category: null, name: `礼盒${i + 1}号` }));
    const d = draftOf(noColumn, 'zh', '茶');
    expect(d.timeline.filter((s) => s.kind === 'product').map((s) => s.category)).toEqual(['茶', '茶', '茶']);
    expect(d.timeline[1]!.assistant[0]).toMatch(/^特写：.*的干茶/);
  });

  it('an unknown category gets the neutral talk: no apparel, tea or beauty cue', () => {
    const d = draftOf([item('猫抓板', { category: '宠物用品', sellingPoints: '耐抓；不掉屑' })]);
    const seg = d.timeline[1]!;
    expect(seg.category).toBe('default');
    expect(seg.categoryLabel).toBe('通用');
    expect(seg.assistant[0]).toBe('特写：近距离展示猫抓板的细节和包装');
    expect(seg.parts[0]!.talk.slice(0, 2)).toEqual([
      '在家的时候，猫抓板就用得上，我拿在手上给大家看看。',
      '给大家看看实物，耐抓，不掉屑。',
    ]);
    expect(draftOf([item('猫抓板', { category: '宠物用品' })], 'en').timeline[1]!.categoryLabel).toBe('general');
  });
});

describe('English drafts', () => {
  const en = draftOf(TEA, 'en');

  it('role labels in English in the run-sheet and the segments', () => {
    expect(en.timeline.filter((s) => s.kind === 'product').map((s) => s.roleLabel)).toEqual([
      'profit',
      'traffic driver',
      'image',
    ]);
    expect([...new Set(en.runSheet.map((r) => r.roleLabel))]).toEqual([null, 'profit', 'traffic driver', 'image']);
  });

  it('the talk in English, the pool words kept where no phrase says them', () => {
    expect(explain(en, '胎菊 桐乡杭白菊 50g')).toContain(
      'Look at the colour of the tea: the little chrysanthemum buds open one by one, it tastes clean and sweet.',
    );
    expect(explain(en, '西湖龙井 明前 250g')[1]).toBe(
      'Let me brew a cup for you: a roasted-bean aroma comes up, 芽叶匀整.',
    );
  });
});

describe('the built-in sentences pass the compliance lint', () => {
  it('every scene, selling sentence, close-up and FAQ prompt of every category', () => {
    const said: string[] = [];
    for (const [id, byLang] of Object.entries(CATEGORIES.talk)) {
      for (const t of Object.values(byLang)) {
        const fill = (p: string, v: Record<string, string>) => p.replace(/\{(\w+)\}/g, (_, k: string) => v[k]!);
        for (const pattern of t.sceneTalk)
          for (const scene of t.scenes) said.push(fill(pattern, { scene, product: '样品' }));
        for (const pattern of t.sellingTalk)
          said.push(fill(pattern, { points: Object.values(t.phrases).join('，') || '轻便' }));
        for (const p of [...t.closeUps, ...t.faqPrompts]) said.push(fill(p, { product: '样品' }));
        expect(t.sellingTalk.length, id).toBeGreaterThan(0);
      }
    }
    expect(said.length).toBeGreaterThan(150);
    expect(said.flatMap((s) => lintText(s).map((f) => `${s}: ${f.phrase}`))).toEqual([]);
  });
});

describe('the data file is checked on reading: the file, the key and what was expected', () => {
  async function problems(yaml: string): Promise<string> {
    try {
      await parseScriptCategories(yaml, 'team/script-categories.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).exitCode).toBe(2);
      return (e as Error).message;
    }
    throw new Error('expected a ConfigError');
  }
  const BASE = readFileSync(new URL('../../templates/script-categories.yaml', import.meta.url), 'utf8');
  const withCategory = (entry: string) => `${BASE}\n  宠物:\n${entry}`;

  it.each([
    [
      'keywords not a list',
      withCategory('    keywords: 猫砂\n'),
      'categories.宠物.keywords: expected a list of words, such as [龙井, 普洱, 菊花]',
    ],
    [
      'a misspelt placeholder',
      withCategory("    closeUps:\n      zh: ['特写：{prodcut}的细节']\n"),
      'categories.宠物.closeUps.zh.0: unknown placeholder {prodcut}: expected {product}',
    ],
    [
      'a selling sentence without {points}',
      withCategory("    sellingTalk:\n      zh: ['给大家看看']\n"),
      'categories.宠物.sellingTalk.zh.0: expected {points} in the sentence',
    ],
    [
      'a keyword of another category',
      withCategory('    keywords: [猫砂, 龙井]\n'),
      'categories.宠物.keywords.1: "龙井" is also a keyword of 茶: keep it in one category',
    ],
    ['an unknown key', withCategory('    scene: { zh: [在家] }\n'), 'unknown key "scene" in categories.宠物'],
  ])('%s', async (_, yaml, message) => {
    const m = await problems(yaml);
    expect(m).toMatch(/^team\/script-categories\.yaml: invalid script categories:\n/);
    expect(m).toContain(message);
  });

  it('the neutral default must say everything in both languages', async () => {
    const m = await problems(BASE.replace("    en: ['Close-up: the details and the packaging of {product}']\n", ''));
    expect(m).toContain('default.closeUps.en:');
  });

  it('broken YAML names its line', async () => {
    expect(await problems('default:\n  label: { zh: 通用\n')).toMatch(/line \d+:/);
  });

  it("a category may say only its keywords: the rest is the default's", async () => {
    const c = await parseScriptCategories(withCategory('    keywords: [猫砂, 猫抓板]\n'), 'x.yaml');
    expect(categoryOf('猫抓板', c.set)).toBe('宠物');
    expect(c.talk['宠物']!.zh.closeUps).toEqual(c.talk.default!.zh.closeUps);
    expect(c.talk['宠物']!.zh.label).toBe('宠物');
  });
});
