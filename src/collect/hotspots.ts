/**
 * Hotspot counters for comments and consultations, and the suggested action of each dictionary topic.
 */
import type { Context } from '../context.js';
import type { HotspotCounter, HotspotResult, Segmenter } from '../domain/hotspots.js';
import type { HotspotSource } from '../domain/retro/input.js';
import { topicAction } from '../domain/topics.js';

// The word segmenter takes a moment to load: once per run, and only when there are texts to count.
let segmenter: Promise<Segmenter> | null = null;

export async function newHotspotCounter(ctx: Context, source: 'comments' | 'consultations'): Promise<HotspotCounter> {
  const { HotspotCounter: Counter, loadSegmenter } = await import('../domain/hotspots.js');
  segmenter ??= loadSegmenter();
  return new Counter(source, await segmenter, ctx.config.topics ? { topics: ctx.config.topics } : {});
}

/** Attach each dictionary topic's suggested action (who acts, what to do) to its hotspot. */
export function withActions(r: HotspotResult): HotspotSource {
  return {
    source: r.source,
    messages: r.messages,
    questions: r.questions,
    hotspots: r.hotspots.map((h) => ({ ...h, action: h.fromDictionary ? topicAction(h.topic) : null })),
  };
}
