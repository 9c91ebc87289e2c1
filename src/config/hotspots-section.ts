/**
 * The config file's `hotspots:` section: which undictionaried keywords of comments and
 * consultations are reported (domain/hotspots.ts). The topics themselves are `topics:`.
 */
import { HOTSPOT_DEFAULTS } from '../domain/hotspot-defaults.js';
import type { HotspotsSection } from './file-schema.js';

export type { HotspotsSection };

export interface HotspotSettings {
  /** Added to the built-in stop-words. */
  stopwords: string[];
  minCount: number;
  minShare: number;
}

export function resolveHotspots(s: HotspotsSection | undefined): HotspotSettings {
  return {
    stopwords: s?.stopwords ?? [],
    minCount: s?.minCount ?? HOTSPOT_DEFAULTS.minKeywordCount,
    minShare: s?.minShare ?? HOTSPOT_DEFAULTS.minKeywordShare,
  };
}
