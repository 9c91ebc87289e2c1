/**
 * Comment and consultation hotspots (SPEC.md, `retro`): what viewers and buyers ask about, as a
 * share of the questions asked. Pure and streaming: `HotspotCounter.add` takes one message at a
 * time and keeps counts (plus a few example questions per topic), never the texts themselves.
 *
 * Two kinds of hotspot:
 * - dictionary topics (尺码, 防水, 发货 …, see topics.ts, extendable by config): a message mentions a
 *   topic when it contains any of its synonyms as a substring;
 * - undictionaried keywords: words the segmenter finds in question texts that no topic covers
 *   (e.g. 儿童款 when buyers keep asking for a product that is not on sale), reported once they are
 *   frequent enough.
 */
import { TextMemo } from './text-memo.js';
import { DEFAULT_STOPWORDS, LIVE_COMMERCE_WORDS, DEFAULT_TOPICS, mergeTopics } from './topics.js';

export interface HotspotOptions {
  /** Topic dictionary: topic → synonyms. Default: the built-in one; config can add topics or synonyms (merge: user synonyms are added to built-in ones of the same topic). */
  topics?: Record<string, string[]>;
  /** Words that are never reported as keywords (particles, greetings, 主播, 宝宝…); default list built in. Words given here are added to the built-in list. */
  stopwords?: string[];
  /** Minimum count and share (of questions) for an undictionaried keyword to be reported. Defaults 3 and 0.03. */
  minKeywordCount?: number;
  minKeywordShare?: number;
  /** How many example questions to keep per topic (default 3). */
  examples?: number;
}

export interface Hotspot {
  /** The dictionary topic (e.g. 防水), or the keyword itself for an undictionaried keyword; the localisers word it. */
  topic: string;
  /** Question messages that mention the topic (each message once per topic). */
  count: number;
  /** count / questions of the source. */
  share: number;
  source: 'comments' | 'consultations';
  fromDictionary: boolean;
  /** Up to `examples` distinct question texts, as given (not formula-neutralised). */
  examples: string[];
}

export interface HotspotResult {
  source: 'comments' | 'consultations';
  /** Non-empty messages seen. */
  messages: number;
  /** Messages that are questions (all of them for consultations). */
  questions: number;
  /** Sorted by count descending, then topic. */
  hotspots: Hotspot[];
}

export interface Segmenter {
  cut(text: string): string[];
}

export const HOTSPOT_DEFAULTS = { minKeywordCount: 3, minKeywordShare: 0.03, examples: 3 } as const;

/**
 * The question rule: ？ ? 吗 怎么 多少 能不能 有没有, and also 几天/几号/几码, 哪 (哪里, 哪个…) and
 * 是否, 什么 (什么时候发货), 啥, 咋 (可以…吗 is covered by 吗). On fixtures/comments.csv the extension adds no row: 100 questions
 * either way.
 */
const QUESTION = /[？?]|吗|怎么|多少|能不能|有没有|几[天号码件时点]|哪|是否|什么|啥|咋/;

/** Whether a comment is a question (consultations are all questions: see HotspotCounter). */
export function isQuestion(text: string): boolean {
  return QUESTION.test(text);
}

/** A keyword that shows up in more than this share of the questions says nothing (it is the product itself). */
const UBIQUITOUS_SHARE = 0.8;
/** …judged only on streams with at least this many questions. */
const UBIQUITOUS_MIN_QUESTIONS = 20;
/** Bound on distinct keywords tracked; beyond it, words seen once are forgotten (lossy counting). */
const MAX_TRACKED_KEYWORDS = 200_000;

/** Letters (any script) and marks only: no punctuation, emoji, numbers or measurements (175cm). */
const WORDLIKE = /^[\p{L}\p{M}]+$/u;

interface Tally {
  count: number;
  examples: string[];
}

export class HotspotCounter {
  private readonly topics: [topic: string, synonyms: string[]][];
  private readonly synonyms: Set<string>;
  private readonly synonymList: string[];
  private readonly stopwords: Set<string>;
  private readonly minKeywordCount: number;
  private readonly minKeywordShare: number;
  private readonly maxExamples: number;
  private readonly topicTallies = new Map<string, Tally>();
  /** Each message text's topics and keywords, for the next time the same text comes. */
  private readonly memo = new TextMemo<{ topics: string[]; keywords: string[] } | null>();
  private readonly keywordTallies = new Map<string, Tally>();
  private messages = 0;
  private questions = 0;

  constructor(
    private readonly source: 'comments' | 'consultations',
    private readonly segmenter: Segmenter,
    opts: HotspotOptions = {},
  ) {
    this.topics = Object.entries(mergeTopics(opts.topics));
    this.synonymList = [...new Set(this.topics.flatMap(([, s]) => s))];
    this.synonyms = new Set(this.synonymList);
    this.stopwords = new Set([...DEFAULT_STOPWORDS, ...(opts.stopwords ?? [])].map((w) => w.trim().toLowerCase()));
    this.minKeywordCount = opts.minKeywordCount ?? HOTSPOT_DEFAULTS.minKeywordCount;
    this.minKeywordShare = opts.minKeywordShare ?? HOTSPOT_DEFAULTS.minKeywordShare;
    this.maxExamples = Math.max(0, Math.floor(opts.examples ?? HOTSPOT_DEFAULTS.examples));
  }

  /** One comment or consultation. Null, empty and blank texts are ignored. */
  add(text: string | null): void {
    if (text == null || text.trim() === '') return;
    this.messages++;
    const seen = this.memo.get(text, (t) => this.read(t));
    if (seen === null) return;
    this.questions++;
    for (const topic of seen.topics) this.tally(this.topicTallies, topic, text);
    for (const word of seen.keywords) this.tally(this.keywordTallies, word, text);
    if (this.keywordTallies.size > MAX_TRACKED_KEYWORDS) {
      for (const [word, t] of this.keywordTallies) if (t.count <= 1) this.keywordTallies.delete(word);
    }
  }

  /** Add what another counter of the same source and settings has counted (one file's share). */
  merge(other: HotspotCounter): void {
    this.messages += other.messages;
    this.questions += other.questions;
    for (const [mine, theirs] of [
      [this.topicTallies, other.topicTallies],
      [this.keywordTallies, other.keywordTallies],
    ] as const) {
      for (const [key, t] of theirs) {
        const m = mine.get(key);
        if (!m) {
          mine.set(key, { count: t.count, examples: [...t.examples] });
          continue;
        }
        m.count += t.count;
        for (const e of t.examples)
          if (m.examples.length < this.maxExamples && !m.examples.includes(e)) m.examples.push(e);
      }
    }
  }

  result(): HotspotResult {
    const q = this.questions;
    const share = (count: number) => (q === 0 ? 0 : count / q);
    const hotspots: Hotspot[] = [];
    for (const [topic, t] of this.topicTallies) {
      hotspots.push({
        topic,
        count: t.count,
        share: share(t.count),
        source: this.source,
        fromDictionary: true,
        examples: [...t.examples],
      });
    }
    for (const [word, t] of this.keywordTallies) {
      const s = share(t.count);
      if (t.count < this.minKeywordCount || s < this.minKeywordShare) continue;
      if (q >= UBIQUITOUS_MIN_QUESTIONS && s > UBIQUITOUS_SHARE) continue;
      hotspots.push({
        topic: word,
        count: t.count,
        share: s,
        source: this.source,
        fromDictionary: false,
        examples: [...t.examples],
      });
    }
    hotspots.sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
    return { source: this.source, messages: this.messages, questions: q, hotspots };
  }

  private tally(map: Map<string, Tally>, key: string, text: string): void {
    let t = map.get(key);
    if (!t) map.set(key, (t = { count: 0, examples: [] }));
    t.count++;
    if (t.examples.length < this.maxExamples && !t.examples.includes(text)) t.examples.push(text);
  }

  /** What a message asks about: its topics and keywords (each once, in order); null when it is no question. */
  private read(text: string): { topics: string[]; keywords: string[] } | null {
    if (this.source === 'comments' && !isQuestion(text)) return null;
    const topics: string[] = [];
    for (const [topic, synonyms] of this.topics) if (synonyms.some((s) => text.includes(s))) topics.push(topic);
    const keywords: string[] = [];
    for (const raw of this.segmenter.cut(text)) {
      const word = raw.trim();
      if (!keywords.includes(word) && this.isKeyword(word)) keywords.push(word);
    }
    return { topics, keywords };
  }

  private isKeyword(word: string): boolean {
    if ([...word].length < 2 || !WORDLIKE.test(word)) return false;
    if (this.stopwords.has(word.toLowerCase()) || this.synonyms.has(word)) return false;
    // A word containing a synonym (优惠券 ⊃ 优惠) is already counted under that topic.
    return !this.synonymList.some((s) => word.includes(s));
  }
}

let segmenter: Promise<Segmenter> | undefined;

/**
 * @node-rs/jieba with its default dictionary plus the live-commerce words and the built-in topic
 * synonyms, so 儿童款, 主播, 冲锋衣, 七天无理由 … come out whole. Loaded on first use only (the
 * dictionary takes a moment), then shared.
 */
export function loadSegmenter(): Promise<Segmenter> {
  segmenter ??= (async () => {
    const [{ Jieba }, { dict }] = await Promise.all([import('@node-rs/jieba'), import('@node-rs/jieba/dict.js')]);
    const jieba = Jieba.withDict(dict);
    const words = new Set([...LIVE_COMMERCE_WORDS, ...Object.values(DEFAULT_TOPICS).flatMap((d) => d.synonyms)]);
    const userDict = [...words]
      .filter((w) => [...w].length >= 2)
      .map((w) => `${w} 20000 n`)
      .join('\n');
    jieba.loadDict(Buffer.from(`${userDict}\n`, 'utf8'));
    return { cut: (text: string) => jieba.cut(text, false) };
  })();
  segmenter.catch(() => {
    segmenter = undefined;
  });
  return segmenter;
}
