/**
 * The topic dictionary's words at the edge: the domain counts hotspots by topic and says who acts
 * on a topic's suggestion; src/i18n/topics.ts gives a built-in topic its label and its action, and
 * leaves a team's own topic (config `topics`) and a keyword their own name.
 */
import { ProductTally } from '../../src/domain/products.js';
import { describe, expect, it } from 'vitest';
import { withActions } from '../../src/collect/hotspots.js';
import { HotspotCounter, type Segmenter } from '../../src/domain/hotspots.js';
import type { HotspotInput } from '../../src/domain/retro/input.js';
import { DEFAULT_TOPICS, topicOwner } from '../../src/domain/topics.js';
import { parseIsoWeek, previousRange } from '../../src/domain/week.js';
import { buildWeeklyReport } from '../../src/domain/weekly/report.js';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';
import { hotspotLabel, localiseHotspot, topicActionText, topicLabel } from '../../src/i18n/topics.js';
import { localiseWeekly } from '../../src/i18n/weekly.js';

/** Splits on spaces: these tests are about words, not about Chinese segmentation. */
const spaces: Segmenter = { cut: (t) => t.split(/\s+/) };

const SIZE_ZH = '讲解时给出尺码建议（身高体重对照），展示尺码表';
const SIZE_EN = 'give size advice while presenting (height/weight chart) and show the size table';

function counted(msgs: string[], topics?: Record<string, string[]>) {
  const c = new HotspotCounter('comments', spaces, {
    ...(topics ? { topics } : {}),
    minKeywordCount: 2,
    minKeywordShare: 0,
  });
  for (const m of msgs) c.add(m);
  return withActions(c.result());
}

const hotspot = (topic: string, over: Partial<HotspotInput> = {}): HotspotInput => ({
  topic,
  count: 2,
  share: 0.2,
  source: 'consultations',
  fromDictionary: true,
  examples: [],
  owner: null,
  ...over,
});

describe('the domain counts topics and says who acts; it carries no words', () => {
  const r = counted(['多大码 合适吗', '尺码 偏大吗', '能保修吗', '有 儿童款 吗', '有 儿童款 吗？'], { 保修: ['保修'] });

  it('a hotspot is its topic, its counts, its source, whether the dictionary has it and who acts', () => {
    for (const h of r.hotspots)
      expect(Object.keys(h)).toEqual([
        'topic',
        'count',
        'share',
        'source',
        'fromDictionary',
        'examples',
        'words',
        'owner',
      ]);
    expect(r.hotspots.map((h) => [h.topic, h.count, h.fromDictionary, h.owner])).toEqual([
      ['儿童款', 2, false, null],
      ['尺码', 2, true, 'anchor'],
      ['保修', 1, true, null],
    ]);
  });

  it('no label and no action text: not the English label, not the suggestion', () => {
    const json = JSON.stringify(r);
    expect(json).not.toContain('size');
    expect(json).not.toContain(SIZE_ZH);
    expect(JSON.stringify(DEFAULT_TOPICS)).not.toContain('size');
    expect(topicOwner('发货')).toBe('cs');
  });
});

describe('i18n/topics.ts words them', () => {
  it('尺码 is "size" in English, with its action and who acts', () => {
    const en = localiseHotspot(hotspot('尺码', { owner: 'anchor' }), 'en');
    expect(en.labelText).toBe('size');
    expect(en.label).toEqual({ zh: '尺码', en: 'size' });
    expect(en.action).toEqual({ zh: SIZE_ZH, en: SIZE_EN, owner: 'anchor' });
    expect(localiseHotspot(hotspot('尺码', { owner: 'anchor' }), 'zh').labelText).toBe('尺码');
    expect(topicActionText('尺码', 'en')).toBe(SIZE_EN);
  });

  it('keeps the keys in the order --json has always printed', () => {
    expect(Object.keys(localiseHotspot(hotspot('尺码', { owner: 'anchor' }), 'zh'))).toEqual([
      'topic',
      'label',
      'count',
      'share',
      'source',
      'fromDictionary',
      'examples',
      'words',
      'action',
      'labelText',
    ]);
  });

  it('names the words merged into a hotspot after its label, up to three', () => {
    const box = hotspot('礼盒', { fromDictionary: false, words: ['礼盒', '手提袋'] });
    expect(localiseHotspot(box, 'zh')).toMatchObject({ labelText: '礼盒（手提袋）', words: ['礼盒', '手提袋'] });
    expect(localiseHotspot(box, 'en').labelText).toBe('礼盒 (手提袋)');
    const rain = hotspot('防水', { owner: 'anchor', words: ['防水', '等级', '暴雨', '鞋子', '帽子'] });
    expect(localiseHotspot(rain, 'zh').labelText).toBe('防水（等级、暴雨、鞋子等）');
    expect(localiseHotspot(rain, 'en').labelText).toBe('waterproof (等级, 暴雨, 鞋子, …)');
    // The action's evidence keeps the plain name.
    expect(hotspotLabel(rain, 'zh')).toBe('防水');
    // A hotspot from before `words` (an earlier retro's --json) stands for its topic alone.
    expect(localiseHotspot(hotspot('尺码'), 'zh')).toMatchObject({ labelText: '尺码', words: ['尺码'] });
    expect(localiseHotspot(hotspot('尺码', { words: ['尺码'] }), 'zh').labelText).toBe('尺码');
  });

  it("a team's own topic keeps its name in both languages and suggests nothing", () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(localiseHotspot(hotspot('保修'), lang)).toMatchObject({
        topic: '保修',
        label: null,
        action: null,
        labelText: '保修',
      });
    }
    // A name that is also an Object property is still just a name.
    expect(hotspotLabel({ topic: 'constructor', fromDictionary: true }, 'en')).toBe('constructor');
    expect(topicLabel('constructor', 'en')).toBeNull();
  });

  it('a keyword is called by itself, even where it reads like a topic', () => {
    expect(localiseHotspot(hotspot('儿童款', { fromDictionary: false }), 'en')).toMatchObject({
      label: null,
      action: null,
      labelText: '儿童款',
    });
  });

  it('the weekly talk point takes its action and its name from the topic', () => {
    const week = parseIsoWeek('2026-W47')!;
    const report = buildWeeklyReport(
      {
        week,
        previous: previousRange(week),
        streams: [],
        channels: [],
        products: new ProductTally(),
        response: null,
        negative: null,
        responseTolerance: 0.1,
        hotspots: [
          { source: 'consultations', messages: 10, questions: 10, hotspots: [hotspot('尺码', { owner: 'anchor' })] },
        ],
        skipped: [],
        ignored: [],
        targets: { weeklyGmv: null, monthlyGmv: {} },
        minStreams: 1,
        minExposures: 1,
      },
      { thresholds: RULE_DEFAULTS.thresholds, baselineCount: 7 },
    );
    expect(localiseWeekly(report, 'en').actions).toEqual([
      {
        no: 1,
        owner: 'anchor',
        ownerLabel: 'anchor',
        action: SIZE_EN,
        evidence: 'size (20% of consultations)',
        rule: null,
        ruleLabel: null,
      },
    ]);
  });
});
