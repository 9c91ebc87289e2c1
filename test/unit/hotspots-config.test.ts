/**
 * The config's `hotspots:` keys reach the counter (issue 20): a keyword asked in 2 questions is a
 * hotspot with `minCount: 2` and not at the default 3; a stop-word from the config is never one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hotspotOptions } from '../../src/collect/hotspots.js';
import { loadConfig } from '../../src/config/load.js';
import { HotspotCounter, type Segmenter } from '../../src/domain/hotspots.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-hotspots-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Splits on spaces: these tests are about which words count, not about Chinese segmentation. */
const spaces: Segmenter = { cut: (t) => t.split(/\s+/) };

/** 20 consultations: 登山杖 in 13, 礼盒 in 5, 儿童款 in 2 (10 % of them, but only 2 questions). */
const QUESTIONS = [
  ...Array<string>(13).fill('登山杖 吗'),
  ...Array<string>(5).fill('礼盒 吗'),
  ...Array<string>(2).fill('儿童款 吗'),
];

async function hotspotWords(config: string | null): Promise<string[]> {
  if (config !== null) writeFileSync(join(dir, 'liveops.config.yaml'), config);
  const c = await loadConfig({ cwd: dir, env: {} });
  const counter = new HotspotCounter('consultations', spaces, hotspotOptions(c));
  for (const q of QUESTIONS) counter.add(q);
  return counter.result().hotspots.map((h) => h.topic);
}

describe('hotspots: config keys', () => {
  it.each([
    ['no config: at least 3 questions', null, ['登山杖', '礼盒']],
    ['minCount 2: 儿童款 from its 2 questions', 'hotspots: { minCount: 2 }\n', ['登山杖', '礼盒', '儿童款']],
    ['minShare 30 %: only 登山杖 (65 %)', 'hotspots: { minShare: "30%" }\n', ['登山杖']],
    ['stop-word 礼盒 from the config', 'hotspots: { stopwords: [礼盒] }\n', ['登山杖']],
    ['both', 'hotspots: { minCount: 2, stopwords: [礼盒] }\n', ['登山杖', '儿童款']],
  ])('%s', async (_, config, want) => {
    expect(await hotspotWords(config)).toEqual(want);
  });

  it('the config’s topics still come with its keyword rules', async () => {
    writeFileSync(join(dir, 'liveops.config.yaml'), 'topics: { 配件: [登山杖] }\nhotspots: { minCount: 5 }\n');
    const opts = hotspotOptions(await loadConfig({ cwd: dir, env: {} }));
    expect(opts).toEqual({ topics: { 配件: ['登山杖'] }, minKeywordCount: 5, minKeywordShare: 0.03 });
  });
});
