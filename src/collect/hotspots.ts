/**
 * Hotspot counters for comments and consultations, and who acts on each dictionary topic's suggested action.
 */
import type { Config } from '../config/resolve.js';
import type { Context } from '../context.js';
import type { HotspotCounter, HotspotOptions, HotspotResult, Segmenter } from '../domain/hotspots.js';
import type { HotspotSource } from '../domain/retro/input.js';
import { topicOwner } from '../domain/topics.js';

// The word segmenter takes a moment to load: once per run, and only when there are texts to count.
let segmenter: Promise<Segmenter> | null = null;

export async function newHotspotCounter(ctx: Context, source: 'comments' | 'consultations'): Promise<HotspotCounter> {
  const { HotspotCounter: Counter, loadSegmenter } = await import('../domain/hotspots.js');
  segmenter ??= loadSegmenter();
  return new Counter(source, await segmenter, hotspotOptions(ctx.config));
}

/** The config's topics (`topics:`) and keyword rules (`hotspots:`) as the counter takes them. */
export function hotspotOptions(config: Pick<Config, 'topics' | 'hotspots'>): HotspotOptions {
  const { stopwords, minCount, minShare } = config.hotspots;
  return {
    ...(config.topics ? { topics: config.topics } : {}),
    ...(stopwords.length ? { stopwords } : {}),
    minKeywordCount: minCount,
    minKeywordShare: minShare,
  };
}

/**
 * Attach to each hotspot who acts on its topic's suggested action (null: none suggested). What to
 * do is worded by the localisers, from the topic.
 */
export function withActions(r: HotspotResult): HotspotSource {
  return {
    source: r.source,
    messages: r.messages,
    questions: r.questions,
    hotspots: r.hotspots.map((h) => ({ ...h, owner: h.fromDictionary ? topicOwner(h.topic) : null })),
  };
}
