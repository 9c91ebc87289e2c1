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
 *
 * What makes a keyword worth reading (issue 20: a team's real comments gave 今年, 合适, 包装 beside
 * 小包装, and 礼盒 beside 手提袋 from one and the same question):
 * - it carries a subject: stop-words and filler (topics.ts, plus config's), single characters,
 *   numbers with a measure word (一盒, 两件, 几天), punctuation and measurements never count;
 * - it counts once per question, however often the question repeats it;
 * - near-duplicates are one hotspot: a word contained in another (包装 ⊂ 小包装; xl ⊂ XXL, in any
 *   case), or two words that come from the same questions (礼盒 and 手提袋: at least two thirds of
 *   each one's questions mention both). The hotspot is named by the more frequent word, counts the
 *   union of the questions (each once) and lists the merged words (`words: ['礼盒', '手提袋']`);
 * - a keyword all of whose questions are already one dictionary topic's (等级 from 防水等级多少,
 *   吊牌 from 吊牌剪了还能退换吗) is a detail of that topic, not a hotspot of its own: it is listed in
 *   the topic's `words`, and the topic's count (its questions) does not change;
 * - it is asked often enough: at least `minKeywordCount` questions and `minKeywordShare` of them
 *   (a merged hotspot by its union). Dictionary topics are always reported, as before.
 */
import { HOTSPOT_DEFAULTS } from './hotspot-defaults.js';
import { TextMemo } from './text-memo.js';
import { DEFAULT_STOPWORDS, LIVE_COMMERCE_WORDS, DEFAULT_TOPICS, mergeTopics } from './topics.js';

export interface HotspotOptions {
  /** Topic dictionary: topic → synonyms. Default: the built-in one; config can add topics or synonyms (merge: user synonyms are added to built-in ones of the same topic). */
  topics?: Record<string, string[]>;
  /** Words that are never reported as keywords (particles, greetings, filler: 主播, 宝宝, 今年, 合适…); default list built in (topics.ts). Words given here are added to the built-in list. */
  stopwords?: string[];
  /**
   * Minimum count and share (of questions) for an undictionaried keyword — or merged keywords, by
   * their union — to be reported, and for a keyword to be listed as a topic's detail. Defaults 3
   * and 0.03 (both inclusive: 3 of 100 questions is shown, 2 is not, 3 of 101 is not).
   */
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
  /**
   * The words the hotspot stands for, its own first: a keyword and the keywords merged into it
   * (['礼盒', '手提袋']), or a dictionary topic and the frequent keywords whose every question is
   * already the topic's (['防水', '等级']). The counter always sets it; optional because hotspots
   * written before it (an earlier retro's --json) have none.
   */
  words?: string[];
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

export { HOTSPOT_DEFAULTS };

/**
 * The question rule: ？ ? 吗 怎么 多少 能不能 有没有, and also 几天/几号/几码/几种, 哪 (哪里, 哪个…) and
 * 是否, 什么 (什么时候发货), 啥, 咋, 多久 (保质期多久: a team's own comments ask so, with no mark)
 * (可以…吗 is covered by 吗). On fixtures/comments.csv the extension adds no row: 100 questions
 * either way.
 */
const QUESTION = /[？?]|吗|怎么|多少|多久|能不能|有没有|几[天号码件时点种]|哪|是否|什么|啥|咋/;

/** Whether a comment is a question (consultations are all questions: see HotspotCounter). */
export function isQuestion(text: string): boolean {
  return QUESTION.test(text);
}

/**
 * Merging near-duplicates (see the file comment) needs to know which words come from the same
 * questions, and the counter must stay bounded however many comments come (1 M and more), so it
 * never keeps the questions. It keeps, besides each word's count, how many questions had each
 * *pattern*: the set of keywords and topics one question mentions, when it has two or more (礼盒 +
 * 手提袋; 防水 + 等级). Live questions repeat and their patterns repeat even more, so a few thousand
 * patterns usually describe a whole stream. From them, once the stream is read, come the overlaps
 * between the candidate words (the `MAX_MERGE_CANDIDATES` most frequent words seen at least twice)
 * and the dictionary topics, and the exact union of a merged hotspot's questions — which pairwise
 * counts alone cannot give for three or more merged words. Bounded: past `MAX_PATTERNS`, the rarest
 * patterns are forgotten (those seen once first); then overlaps can only be undercounted, so words
 * merge less rather than wrongly, and a merged count can only err towards the sum of its words.
 */
const MAX_PATTERNS = 50_000;
const MAX_MERGE_CANDIDATES = 1000;
/** A word from one question only is never merged (nor shown at the default minimum). */
const MERGE_MIN_COUNT = 2;
/** Two words come from the same questions when both appear in at least 2/3 of the questions of each (3·both ≥ 2·max). */
const SAME_QUESTIONS = { num: 2, den: 3 } as const;
/** Marks a topic (by its index) in a pattern; keywords are letters only, so never start with it. */
const TOPIC_MARK = '\u0001';
const SEP = '\u0000';

/** A number and a measure word (一盒, 两件, 几天, 每天): how much, never what. */
const QUANTITY =
  /^[一二两三四五六七八九十百千万几半每][个件盒箱袋包斤克瓶罐份次款套双条只块元号码天种位张支根粒片台对]$/u;

/** A keyword that shows up in more than this share of the questions says nothing (it is the product itself). */
const UBIQUITOUS_SHARE = 0.8;
/** …judged only on streams with at least this many questions. */
const UBIQUITOUS_MIN_QUESTIONS = 20;
/** Bound on distinct keywords tracked; beyond it, the rarest words (those seen once first) are forgotten (lossy counting). */
const MAX_TRACKED_KEYWORDS = 200_000;

/** Letters (any script) and marks only: no punctuation, emoji, numbers or measurements (175cm). */
const WORDLIKE = /^[\p{L}\p{M}]+$/u;

interface Tally {
  count: number;
  examples: string[];
}

/** What one message asks about: its topics and keywords (each once, in order) and its pattern key (null under two items). */
interface Reading {
  topics: string[];
  keywords: string[];
  pattern: string | null;
}

/**
 * Keeps a map under `bound` entries by forgetting the rarest: those counted once, then twice… until
 * it is back under three quarters of the bound (so that it is not pruned again at the next entry).
 */
function forgetRarest<V>(map: Map<string, V>, bound: number, countOf: (v: V) => number): void {
  if (map.size <= bound) return;
  const target = Math.floor((bound * 3) / 4);
  for (let floor = 1; map.size > target; floor++) {
    for (const [key, v] of map) if (countOf(v) <= floor) map.delete(key);
  }
}

/** Most questions first, then the shorter word (包装 before 小包装), then by code point: the order words are merged in. */
function byRank(a: [string, Tally], b: [string, Tally]): number {
  return b[1].count - a[1].count || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
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
  private readonly memo = new TextMemo<Reading | null>();
  private readonly keywordTallies = new Map<string, Tally>();
  /** Questions per pattern (two or more items): see MAX_PATTERNS. */
  private readonly patterns = new Map<string, number>();
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
    forgetRarest(this.keywordTallies, MAX_TRACKED_KEYWORDS, (t) => t.count);
    if (seen.pattern !== null) {
      this.patterns.set(seen.pattern, (this.patterns.get(seen.pattern) ?? 0) + 1);
      forgetRarest(this.patterns, MAX_PATTERNS, (n) => n);
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
    for (const [key, n] of other.patterns) this.patterns.set(key, (this.patterns.get(key) ?? 0) + n);
    forgetRarest(this.keywordTallies, MAX_TRACKED_KEYWORDS, (t) => t.count);
    forgetRarest(this.patterns, MAX_PATTERNS, (n) => n);
  }

  result(): HotspotResult {
    const q = this.questions;
    const share = (count: number) => (q === 0 ? 0 : count / q);
    const ubiquitous = (count: number) => q >= UBIQUITOUS_MIN_QUESTIONS && share(count) > UBIQUITOUS_SHARE;
    const enough = (count: number) =>
      count >= this.minKeywordCount && share(count) >= this.minKeywordShare && !ubiquitous(count);

    const ranked = [...this.keywordTallies].filter(([, t]) => !ubiquitous(t.count)).sort(byRank);
    let n = 0;
    while (n < ranked.length && n < MAX_MERGE_CANDIDATES && ranked[n]![1].count >= MERGE_MIN_COUNT) n++;
    const candidates = ranked.slice(0, n);
    const { foldedInto, group } = this.mergeCandidates(candidates);

    const hotspots: Hotspot[] = [];
    this.topics.forEach(([topic], t) => {
      const tally = this.topicTallies.get(topic);
      if (!tally) return;
      const details = candidates.filter(([, k], i) => foldedInto[i] === t && enough(k.count)).map(([w]) => w);
      hotspots.push(this.hotspot(topic, tally.count, true, [tally], [topic, ...details]));
    });
    const unions = this.unions(candidates, group);
    for (const [head, union] of unions) {
      if (!enough(union)) continue;
      const members = candidates.filter((_, i) => group[i] === head);
      hotspots.push(
        this.hotspot(
          candidates[head]![0],
          union,
          false,
          members.map(([, t]) => t),
          members.map(([w]) => w),
        ),
      );
    }
    // Words past the candidates (only with a minimum below MERGE_MIN_COUNT, or past
    // MAX_MERGE_CANDIDATES frequent words) are shown as they are.
    for (const [word, t] of ranked.slice(n))
      if (enough(t.count)) hotspots.push(this.hotspot(word, t.count, false, [t], [word]));
    hotspots.sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
    return { source: this.source, messages: this.messages, questions: q, hotspots };
  }

  private hotspot(topic: string, count: number, fromDictionary: boolean, tallies: Tally[], words: string[]): Hotspot {
    const examples: string[] = [];
    for (const t of tallies)
      for (const e of t.examples) if (examples.length < this.maxExamples && !examples.includes(e)) examples.push(e);
    const share = this.questions === 0 ? 0 : count / this.questions;
    return { topic, count, share, source: this.source, fromDictionary, examples, words };
  }

  /** Each pattern's question count, candidate words (their indices; other words left out) and topics (their indices). */
  private *items(index: Map<string, number>): Generator<{ n: number; words: number[]; topics: number[] }> {
    for (const [key, n] of this.patterns) {
      const words: number[] = [];
      const topics: number[] = [];
      for (const item of key.split(SEP)) {
        if (item.startsWith(TOPIC_MARK)) topics.push(Number(item.slice(1)));
        else {
          const i = index.get(item);
          if (i !== undefined) words.push(i);
        }
      }
      yield { n, words, topics };
    }
  }

  /**
   * Which candidate words are a dictionary topic's detail (`foldedInto`: the topic's index, else
   * -1) and which hotspot each other one belongs to (`group`: its head's index). Candidates come
   * ranked (byRank): a word joins the first, most frequent, head it is contained in, that it
   * contains, or that comes from the same questions; else it heads a hotspot of its own. Words are
   * compared with heads only, so merges never chain (A like B, B like C, A unlike C).
   */
  private mergeCandidates(candidates: [string, Tally][]): { foldedInto: Int32Array; group: Int32Array } {
    const n = candidates.length;
    const nTopics = this.topics.length;
    const index = new Map(candidates.map(([w], i) => [w, i]));
    const both = new Map<number, number>();
    const inTopic = new Map<number, number>();
    for (const { n: count, words, topics } of this.items(index)) {
      for (let a = 0; a < words.length; a++) {
        for (let b = a + 1; b < words.length; b++) {
          const key = Math.min(words[a]!, words[b]!) * n + Math.max(words[a]!, words[b]!);
          both.set(key, (both.get(key) ?? 0) + count);
        }
        for (const t of topics)
          inTopic.set(words[a]! * nTopics + t, (inTopic.get(words[a]! * nTopics + t) ?? 0) + count);
      }
    }
    const topicCount = (t: number) => this.topicTallies.get(this.topics[t]![0])?.count ?? 0;
    const foldedInto = new Int32Array(n).fill(-1);
    const group = new Int32Array(n).fill(-1);
    const heads: number[] = [];
    for (let i = 0; i < n; i++) {
      const [word, { count }] = candidates[i]!;
      // Every question of the word is one topic's (the largest such topic).
      for (let t = 0; t < nTopics; t++) {
        if (
          (inTopic.get(i * nTopics + t) ?? 0) >= count &&
          (foldedInto[i]! < 0 || topicCount(t) > topicCount(foldedInto[i]!))
        )
          foldedInto[i] = t;
      }
      if (foldedInto[i]! >= 0) continue;
      const lower = word.toLowerCase();
      const head = heads.find((h) => {
        const [headWord, { count: headCount }] = candidates[h]!;
        const headLower = headWord.toLowerCase();
        const shared = both.get(h * n + i) ?? 0;
        return (
          headLower.includes(lower) ||
          lower.includes(headLower) ||
          SAME_QUESTIONS.den * shared >= SAME_QUESTIONS.num * Math.max(headCount, count)
        );
      });
      if (head === undefined) heads.push(i);
      group[i] = head ?? i;
    }
    return { foldedInto, group };
  }

  /**
   * Each head's hotspot count: the questions that mention any of its words, each once — the sum of
   * its words' counts less, for every pattern with k > 1 of its words, the k − 1 extra times each
   * of the pattern's questions was counted. Exact while no pattern was forgotten (MAX_PATTERNS).
   */
  private unions(candidates: [string, Tally][], group: Int32Array): Map<number, number> {
    const unions = new Map<number, number>();
    candidates.forEach(([, t], i) => {
      if (group[i]! >= 0) unions.set(group[i]!, (unions.get(group[i]!) ?? 0) + t.count);
    });
    const index = new Map(candidates.map(([w], i) => [w, i]));
    for (const { n, words } of this.items(index)) {
      const inGroup = new Map<number, number>();
      for (const i of words) if (group[i]! >= 0) inGroup.set(group[i]!, (inGroup.get(group[i]!) ?? 0) + 1);
      for (const [g, k] of inGroup) if (k > 1) unions.set(g, unions.get(g)! - n * (k - 1));
    }
    // A forgotten pattern can only leave a union too large, never below its most frequent word.
    for (const [g, u] of unions) unions.set(g, Math.max(u, candidates[g]![1].count));
    return unions;
  }

  private tally(map: Map<string, Tally>, key: string, text: string): void {
    let t = map.get(key);
    if (!t) map.set(key, (t = { count: 0, examples: [] }));
    t.count++;
    if (t.examples.length < this.maxExamples && !t.examples.includes(text)) t.examples.push(text);
  }

  /** What a message asks about (see Reading); null when it is no question. */
  private read(text: string): Reading | null {
    if (this.source === 'comments' && !isQuestion(text)) return null;
    const topics: string[] = [];
    const items: string[] = [];
    this.topics.forEach(([topic, synonyms], t) => {
      if (!synonyms.some((s) => text.includes(s))) return;
      topics.push(topic);
      items.push(TOPIC_MARK + t);
    });
    const keywords: string[] = [];
    for (const raw of this.segmenter.cut(text)) {
      const word = raw.trim();
      if (!keywords.includes(word) && this.isKeyword(word)) keywords.push(word);
    }
    items.push(...[...keywords].sort());
    // Topic-only patterns say nothing about keywords: not kept.
    const pattern = keywords.length > 0 && items.length > 1 ? items.join(SEP) : null;
    return { topics, keywords, pattern };
  }

  private isKeyword(word: string): boolean {
    if ([...word].length < 2 || !WORDLIKE.test(word) || QUANTITY.test(word)) return false;
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
