/**
 * Comment and consultation hotspots, checked against fixtures/expected.json and against plain
 * filters over the fixture CSVs (parsed here with csv-parse, not through the project's readers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HotspotCounter,
  isQuestion,
  loadSegmenter,
  type HotspotResult,
  type Segmenter,
} from '../../src/domain/hotspots.js';
import { DEFAULT_TOPICS, mergeTopics, topicOwner } from '../../src/domain/topics.js';
import { withActions } from '../../src/collect/hotspots.js';
import { localiseHotspot, topicActionText, topicLabel } from '../../src/i18n/topics.js';

const FIX = join(import.meta.dirname, '../../fixtures');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')) as Record<string, any>;

function texts(file: string, column: string): string[] {
  const rows = parse(readFileSync(join(FIX, file)), { columns: true }) as Record<string, string>[];
  return rows.map((r) => {
    const t = r[column];
    if (t === undefined) throw new Error(`${file}: no column ${column}`);
    return t;
  });
}

/** expected.json's questionRule for comments.csv, written out independently of isQuestion. */
const plainQuestion = (t: string) => ['？', '?', '吗', '怎么', '多少', '能不能', '有没有'].some((w) => t.includes(w));
const synonymsOf = (topic: string) => DEFAULT_TOPICS[topic]!.synonyms;
const mentions = (t: string, words: readonly string[]) => words.some((w) => t.includes(w));

function run(source: 'comments' | 'consultations', seg: Segmenter, msgs: (string | null)[], opts = {}): HotspotResult {
  const c = new HotspotCounter(source, seg, opts);
  for (const m of msgs) c.add(m);
  return c.result();
}
const find = (r: HotspotResult, topic: string) => r.hotspots.find((h) => h.topic === topic);
/** The hotspots as the retro prints them (labels and actions are words, attached at the edge). */
const wordedAll = (r: HotspotResult) => withActions(r).hotspots.map((h) => localiseHotspot(h, 'zh'));
const worded = (r: HotspotResult, topic: string) => wordedAll(r).find((h) => h.topic === topic);

/** Splits on spaces: for tests that are about counting, not about Chinese segmentation. */
const spaces: Segmenter = { cut: (t) => t.split(/\s+/) };

function expectSortedAndSane(r: HotspotResult): void {
  for (let i = 1; i < r.hotspots.length; i++) {
    const a = r.hotspots[i - 1]!;
    const b = r.hotspots[i]!;
    expect(a.count > b.count || (a.count === b.count && a.topic < b.topic), `${a.topic} before ${b.topic}`).toBe(true);
  }
  for (const h of r.hotspots) {
    expect(h.source).toBe(r.source);
    expect(h.share).toBe(h.count / r.questions);
    expect(h.examples.length).toBeGreaterThan(0);
    expect(h.examples.length).toBeLessThanOrEqual(3);
    expect(new Set(h.examples).size).toBe(h.examples.length);
  }
}

let seg: Segmenter;
beforeAll(async () => {
  seg = await loadSegmenter();
});

describe('isQuestion', () => {
  it.each([
    '防水吗',
    '怎么选尺码',
    '多少钱?',
    '多少钱？',
    '能不能便宜点',
    '有没有大码',
    '什么时候发货？',
    '几天到',
    '几号链接',
    '穿几码',
    '发货地是哪里',
    '是否包邮',
    '可以机洗吗',
    '@主播 多少钱',
    '什么时候发货',
    '面料是什么',
    '啥时候有货',
    '咋洗',
    '几件起发',
    '保质期多久',
    '每日坚果有几种',
  ])('%s is a question', (t) => expect(isQuestion(t)).toBe(true));
  it.each([
    '扣1',
    '好看',
    '主播好',
    '已拍',
    '防水很好',
    '冲锋衣不错',
    '想要长款羽绒服',
    '哈哈哈',
    '-_-',
    '+1',
    '=1+2',
    '几个人在看',
    '',
  ])('%s is not a question', (t) => expect(isQuestion(t)).toBe(false));
});

describe('comments.csv', () => {
  const exp = expected['comments.csv'];
  const all = texts('comments.csv', '评论内容');
  const questions = all.filter(plainQuestion);
  let r: HotspotResult;
  beforeAll(() => {
    r = run('comments', seg, all);
  });

  it("the extended question rule finds exactly the rows of expected.json's rule", () => {
    expect(exp.questionRule).toContain('？ or ? or 吗 or 怎么 or 多少 or 能不能 or 有没有');
    expect(questions).toHaveLength(100);
    for (const t of all) expect(isQuestion(t), t).toBe(plainQuestion(t));
    expect(r.messages).toBe(300);
    expect(r.questions).toBe(exp.questions);
    expect(r.questions).toBe(100);
  });

  it('防水: 20 questions, share 0.2 exactly; the 6 non-question mentions are not counted', () => {
    const h = worded(r, '防水')!;
    expect(h).toMatchObject({ count: 20, share: 0.2, fromDictionary: true, label: { zh: '防水', en: 'waterproof' } });
    expect(h.count).toBe(exp.waterproofQuestions);
    expect(h.share).toBe(exp.waterproofShareOfQuestions);
    expect(all.filter((t) => t.includes('防水'))).toHaveLength(exp['rowsMentioning防水']);
  });

  it('尺码 and 发货 agree with keywordRows and with a plain filter over the questions', () => {
    for (const topic of ['尺码', '发货']) {
      const rowsWithWord = all.filter((t) => t.includes(topic)).length;
      const questionsWithWord = questions.filter((t) => t.includes(topic)).length;
      expect(rowsWithWord).toBe(exp.keywordRows[topic]);
      expect(questionsWithWord).toBeLessThanOrEqual(exp.keywordRows[topic]);
      // The topic also matches its synonyms (发什么快递？ is a 发货 question).
      const bySynonym = questions.filter((t) => mentions(t, synonymsOf(topic))).length;
      expect(find(r, topic)!.count, topic).toBe(bySynonym);
      expect(find(r, topic)!.count).toBeGreaterThanOrEqual(questionsWithWord);
    }
    // Measured: every row that says 尺码 is a question; 发货 9 by the word, 12 with 快递/包邮/物流.
    expect(questions.filter((t) => t.includes('尺码'))).toHaveLength(9);
    expect(find(r, '尺码')!.count).toBe(9);
    expect(questions.filter((t) => t.includes('发货'))).toHaveLength(9);
    expect(find(r, '发货')!.count).toBe(12);
  });

  it('every dictionary topic equals a plain synonym filter over the questions', () => {
    for (const topic of Object.keys(DEFAULT_TOPICS)) {
      const n = questions.filter((t) => mentions(t, synonymsOf(topic))).length;
      expect(find(r, topic)?.count ?? 0, topic).toBe(n);
    }
    expect(find(r, '价格')!.count).toBe(15);
  });

  it('扣1 (12 rows, none a question) and 冲锋衣 are not hotspots; keywords pass the thresholds', () => {
    expect(all.filter((t) => t.includes('扣1'))).toHaveLength(exp.keywordRows['扣1']);
    expect(find(r, '扣1')).toBeUndefined();
    for (const h of wordedAll(r).filter((x) => !x.fromDictionary)) {
      expect(h.label).toBeNull();
      expect(h.count).toBeGreaterThanOrEqual(3);
      expect(h.share).toBeGreaterThanOrEqual(0.03);
      expect([...h.topic].length).toBeGreaterThanOrEqual(2);
      expect(h.topic).not.toMatch(/[\d\p{P}\p{S}]/u);
      expect(['主播', '宝宝', '什么', '怎么', '多少', '有没有', '可以', '直播间']).not.toContain(h.topic);
      expect(questions.filter((t) => t.includes(h.topic)).length, h.topic).toBeGreaterThanOrEqual(h.count);
    }
  });

  it('keywords worth reading: XL and XXL one hotspot, 福利 with 袜子; 店铺, 新疆, 预售, 裤子 are topic details', () => {
    // Before issue 20: 14 keywords (XL 3 and XXL 3 apart, 两件 3, 店铺 3, 新疆 3, 预售 3, 裤子 3 …).
    const keywords = r.hotspots.filter((h) => !h.fromDictionary).map((h) => [h.topic, h.count, h.words]);
    expect(keywords).toEqual([
      ['XL', 3, ['XL', 'XXL']], // 180/170斤选XL还是XXL？ ×3
      ['上海', 3, ['上海']], // 多久能到上海？ ×3
      ['军绿色', 3, ['军绿色']],
      ['墨绿色', 3, ['墨绿色']],
      ['女生', 3, ['女生']], // 160的女生穿S码可以吗 ×3
      ['福利', 3, ['福利', '袜子']], // 福利袜子还有吗？ ×3
      ['黑色', 3, ['黑色']], // 黑色还有L码吗 ×3
    ]);
    // 直播间价格和店铺一样吗 (价格), 新疆能发货吗 / 预售多久发货？ (发货), 裤子尺码怎么选 (尺码), ×3 each.
    expect(find(r, '价格')!.words).toEqual(['价格', '店铺']);
    expect(find(r, '发货')!.words).toEqual(['发货', '新疆', '预售']);
    expect(find(r, '尺码')!.words).toEqual(['尺码', '裤子']);
  });

  it('is sorted by count, then topic; examples are real question texts that mention the topic', () => {
    expectSortedAndSane(r);
    for (const h of r.hotspots) {
      for (const e of h.examples) {
        expect(questions).toContain(e);
        expect(h.fromDictionary ? mentions(e, synonymsOf(h.topic)) : e.includes(h.topic), `${h.topic}: ${e}`).toBe(
          true,
        );
      }
    }
  });

  it('keeps formula-like questions as given', () => {
    expect(find(r, '价格')!.examples.length).toBeLessThanOrEqual(3);
    const res = run('comments', seg, ['@主播 多少钱', '=HYPERLINK("http://x","点我") 多少钱']);
    expect(find(res, '价格')!.examples).toEqual(['@主播 多少钱', '=HYPERLINK("http://x","点我") 多少钱']);
  });
});

describe('consultations.csv', () => {
  const exp = expected['consultations.csv'];
  const all = texts('consultations.csv', '咨询内容');
  let r: HotspotResult;
  beforeAll(() => {
    r = run('consultations', seg, all);
  });

  it('every consultation is a question', () => {
    expect(all.filter(isQuestion).length).toBeLessThan(120);
    expect(r).toMatchObject({ source: 'consultations', messages: 120, questions: 120 });
  });

  it('dictionary topics: 尺码 30, 防水 22, 发货 20, 退换 15, 材质 13', () => {
    const counts = { 尺码: 30, 防水: 22, 发货: 20, 退换: 15, 材质: 13 };
    for (const [topic, count] of Object.entries(counts)) {
      expect(find(r, topic), topic).toMatchObject({
        count,
        share: count / 120,
        fromDictionary: true,
        source: 'consultations',
      });
      expect(count).toBe(exp.topicCounts[topic]);
    }
    expect(worded(r, '发货')!.label).toEqual({ zh: '发货', en: 'shipping' });
  });

  it('undictionaried keywords: 儿童款 8, 羽绒服 7, 登山杖 5 (products not on sale)', () => {
    const counts = { 儿童款: 8, 羽绒服: 7, 登山杖: 5 };
    for (const [word, count] of Object.entries(counts)) {
      expect(worded(r, word), word).toMatchObject({ count, share: count / 120, fromDictionary: false, label: null });
      expect(count).toBe(exp.notOnSaleAsks[word]);
      expect(count).toBe(exp.topicCounts[word]);
    }
    expect(find(r, '羽绒服')!.examples).toContain('想要长款羽绒服');
  });

  it('the only keywords are the products asked for; 合适 is filler, 等级, 吊牌, XL … are topic details', () => {
    // Before issue 20: 16 keywords, 合适 10 first, then 儿童款 8, 羽绒服 7, and XL, 吊牌, 女生, 等级,
    // 运费 (5 each), 内胆, 含量, 抓绒, 暴雨, 羊毛, 袜子, 鞋子 (4 each) beside 登山杖 5.
    expect(r.hotspots.filter((h) => !h.fromDictionary).map((h) => h.topic)).toEqual(Object.keys(exp.notOnSaleAsks));
    expect(Object.keys(exp.notOnSaleAsks)).toEqual(['儿童款', '羽绒服', '登山杖']);
    const words = Object.fromEntries(r.hotspots.filter((h) => h.fromDictionary).map((h) => [h.topic, h.words]));
    expect(words).toEqual({
      尺码: ['尺码', 'XL', '女生'], // 180cm尺码选XL够吗 ×5, 女生160穿什么尺码 ×5
      防水: ['防水', '等级', '暴雨', '鞋子'], // 防水等级多少 ×5, 暴雨天防水吗 ×4, 鞋子防水吗 ×4
      发货: ['发货'],
      退换: ['退换', '吊牌', '运费'], // 吊牌剪了还能退换吗 ×5, 退换运费谁出 ×5
      材质: ['材质', '内胆', '含量', '抓绒', '羊毛', '袜子'], // 袜子材质羊毛含量多少 ×4, 内胆材质是抓绒吗 ×4
      链接: ['链接'],
    });
  });

  it('is sorted, with the five dictionary topics on top', () => {
    expectSortedAndSane(r);
    expect(r.hotspots.slice(0, 5).map((h) => h.topic)).toEqual(['尺码', '防水', '发货', '退换', '材质']);
    for (const h of r.hotspots) for (const e of h.examples) expect(all).toContain(e);
  });
});

describe('HotspotCounter options and edge cases', () => {
  const msgs = ['下雨天能穿吗', '防水吗', '这件防水吗？防水等级多少', '能保修吗', '坏了能维修吗', '好看'];

  it('config adds synonyms to a built-in topic and adds new topics', () => {
    const plain = run('comments', spaces, msgs);
    expect(find(plain, '防水')!.count).toBe(2);
    expect(find(plain, '保修')).toBeUndefined();
    const conf = run('comments', spaces, msgs, { topics: { 防水: ['下雨天能穿'], 保修: ['保修', '维修'] } });
    expect(worded(conf, '防水')).toMatchObject({
      count: 3,
      fromDictionary: true,
      label: { zh: '防水', en: 'waterproof' },
    });
    expect(find(conf, '防水')!.examples).toEqual(['下雨天能穿吗', '防水吗', '这件防水吗？防水等级多少']);
    expect(worded(conf, '保修')).toMatchObject({ count: 2, share: 2 / 5, fromDictionary: true, label: null });
    expect(conf.questions).toBe(5);
    // The built-in dictionary is untouched by a merge.
    expect(DEFAULT_TOPICS['防水']!.synonyms).not.toContain('下雨天能穿');
    expect(mergeTopics({ 防水: ['下雨天能穿'] })['防水']).toEqual(['防水', '防雨', '漏水', '下雨天能穿']);
  });

  it('a message counts once per topic', () => {
    const r = run('comments', spaces, ['防水吗？防水等级多少，防雨吗']);
    expect(find(r, '防水')!.count).toBe(1);
  });

  it('ignores null, empty and blank texts', () => {
    const r = run('consultations', spaces, [null, '', '   ', '\n']);
    expect(r).toEqual({ source: 'consultations', messages: 0, questions: 0, hotspots: [] });
    const r2 = run('comments', spaces, [null, '扣1', '好看']);
    expect(r2).toEqual({ source: 'comments', messages: 2, questions: 0, hotspots: [] });
  });

  it('keeps counts, not texts: a few examples however many messages', () => {
    const c = new HotspotCounter('comments', seg);
    for (let i = 0; i < 5000; i++) c.add(`第${i}位宝宝问：冲锋衣防水吗？羽绒服有吗`);
    const r = c.result();
    expect(find(r, '防水')).toMatchObject({ count: 5000, share: 1 });
    for (const h of r.hotspots) expect(h.examples).toHaveLength(3);
    const one = run('comments', spaces, ['防水吗 a', '防水吗 b'], { examples: 1 });
    expect(find(one, '防水')!.examples).toEqual(['防水吗 a']);
  });

  it('keyword thresholds, stopwords and filters', () => {
    const q = (s: string) => `${s} 吗`;
    // 登山杖 is asked apart from the topics: a word whose every question is a topic's is that
    // topic's detail (hotspots-reading.test.ts), not a keyword.
    const stream = [
      ...Array.from({ length: 3 }, () => q('登山杖 主播 宝宝 123 🔥 ！！')),
      ...Array.from({ length: 3 }, () => q('优惠券 防水')),
      ...Array.from({ length: 2 }, () => q('护膝')),
      ...Array.from({ length: 92 }, (_, i) => q(`杂项${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`)),
    ];
    const r = run('comments', spaces, stream);
    expect(r.questions).toBe(100);
    const keywords = r.hotspots.filter((h) => !h.fromDictionary).map((h) => h.topic);
    expect(keywords).toContain('登山杖');
    // 护膝: 2 < 3; 主播/宝宝: stopwords; 123, 🔥, ！！: not words; 优惠券 contains 优惠 (价格); 防水: a topic.
    for (const w of ['护膝', '主播', '宝宝', '123', '🔥', '！！', '优惠券', '防水']) expect(keywords).not.toContain(w);
    expect(find(r, '价格')!.count).toBe(3);
    // Lower thresholds report 护膝; a share threshold above 3 % drops 登山杖; user stopwords apply.
    expect(find(run('comments', spaces, stream, { minKeywordCount: 2, minKeywordShare: 0.02 }), '护膝')!.count).toBe(2);
    expect(find(run('comments', spaces, stream, { minKeywordCount: 2 }), '护膝')).toBeUndefined();
    expect(find(run('comments', spaces, stream, { minKeywordShare: 0.05 }), '登山杖')).toBeUndefined();
    expect(find(run('comments', spaces, stream, { stopwords: ['登山杖'] }), '登山杖')).toBeUndefined();
  });

  it('drops a word that is in nearly every question (the product itself)', () => {
    const stream = Array.from({ length: 30 }, (_, i) => `冲锋衣 ${i % 3 === 0 ? '登山杖' : '帐篷'} 吗`);
    const keywords = run('comments', spaces, stream).hotspots.map((h) => h.topic);
    expect(keywords).toEqual(['帐篷', '登山杖']);
  });
});

describe('topics and the segmenter', () => {
  it('every built-in topic has labels, an action in both languages and an owner', () => {
    expect(Object.keys(DEFAULT_TOPICS)).toEqual([
      '尺码',
      '防水',
      '发货',
      '价格',
      '颜色',
      '材质',
      '退换',
      '质量',
      '保暖',
      '链接',
    ]);
    const en = Object.keys(DEFAULT_TOPICS).map((t) => topicLabel(t, 'en'));
    expect(en).toEqual([
      'size',
      'waterproof',
      'shipping',
      'price',
      'colour',
      'material',
      'returns',
      'quality',
      'warmth',
      'link',
    ]);
    for (const t of Object.keys(DEFAULT_TOPICS)) {
      expect(topicActionText(t, 'zh')).toMatch(/\p{Script=Han}/u);
      expect(topicActionText(t, 'en')).toMatch(/^[\x20-\x7e]+$/);
      expect(topicOwner(t)).toBe(t === '发货' || t === '退换' ? 'cs' : 'anchor');
    }
    expect(topicActionText('防水', 'zh')).toContain('淋水测试');
    expect(topicLabel('保修', 'zh')).toBeNull();
    expect(topicActionText('保修', 'zh')).toBeNull();
    expect(topicOwner('保修')).toBeNull();
  });

  it('jieba keeps live-commerce words whole, loaded once', async () => {
    expect(await loadSegmenter()).toBe(seg);
    expect(seg.cut('有没有儿童款冲锋衣')).toEqual(['有没有', '儿童款', '冲锋衣']);
    expect(seg.cut('冲锋衣防水吗')).toEqual(['冲锋衣', '防水', '吗']);
    expect(seg.cut('主播扣1上车')).toEqual(['主播', '扣1', '上车']);
    expect(seg.cut('直播间有登山杖吗')).toContain('登山杖');
    expect(seg.cut('七天无理由退货吗')).toContain('七天无理由');
  });
});
