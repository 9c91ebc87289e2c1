/**
 * What was worked out for a text, kept for the next time the same text comes: live comments repeat
 * (扣1, 多少钱, 有没有优惠), and segmenting or scanning a dictionary per message is most of what a
 * hotspot count costs. Bounded: past `cap` texts the memo starts afresh, so a stream of a million
 * distinct comments holds at most `cap` of them. Keys are copies (owned), never views into a
 * parser's chunk.
 */
import { owned } from './owned.js';

export class TextMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly cap = 20_000) {}

  get(text: string, compute: (text: string) => V): V {
    const hit = this.map.get(text);
    if (hit !== undefined) return hit;
    const value = compute(text);
    if (this.map.size >= this.cap) this.map.clear();
    this.map.set(owned(text), value);
    return value;
  }
}
