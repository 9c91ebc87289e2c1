/**
 * A retro input whose stream summary (整体看板) states `summary` (field id → value, as a reader gives
 * them, each read from the header `headers` names), with nothing else exported unless `rest` says so.
 */
import type { RetroInput } from '../../src/domain/retro/input.js';
import type { Value } from '../../src/io/read/values.js';
import { StreamFacts, streamOf } from '../../src/model/collect.js';

export function retroInput(
  summary: Record<string, Value>,
  headers: Record<string, string> = {},
  rest: Partial<RetroInput> = {},
): RetroInput {
  const facts = new StreamFacts();
  facts.add(streamOf(summary), '整体看板', (f) => headers[f] ?? 'h');
  return {
    platform: 'douyin',
    stream: facts.stream(),
    channels: null,
    channelTotal: null,
    channelTable: null,
    products: null,
    productTable: null,
    skuRows: 0,
    trend: null,
    videos: null,
    orders: null,
    hotspots: [],
    stock: [],
    baseline: [],
    inputs: [],
    account: null,
    response: null,
    negative: null,
    mask: true,
    ...rest,
  };
}
