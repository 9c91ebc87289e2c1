/**
 * Product figures over several streams: sum the counts, then divide — never average rates. A
 * product in N product exports was shown in N streams. Used by the weekly report and `select`.
 */
import * as M from './metrics.js';
import type { ProductFigures } from '../model/entities.js';
import { fires, thresholdOf } from './rules.js';

/** One product in one export: the figures of model/entities.ts (tests may leave out items sold and sources). */
export type ProductRow = Omit<ProductFigures, 'itemsSold' | 'sources'> &
  Partial<Pick<ProductFigures, 'itemsSold' | 'sources'>>;

/** A product's week: its figures summed over the streams, then the rates. */
export interface ProductWeek extends Omit<ProductFigures, 'sources'> {
  /** Streams the product was shown in; null when one product list covers the whole week. */
  streams: number | null;
  clickRate: number | null;
  conversionRate: number | null;
  /** Elimination rules that fired (weekly-click-eliminate, weekly-conversion-eliminate). */
  rules: string[];
  /** Shown in enough streams to enough people to be judged. */
  enoughData: boolean;
  /** Counts derived, in at least one stream, from a rate the export states (exposed = clickers ÷ rate). */
  derived: Array<'exposed' | 'clickers' | 'buyers'>;
}

export interface Minimums {
  minStreams: number;
  minExposures: number;
}

const SUMMED = ['exposed', 'clickers', 'buyers', 'orders', 'gmv', 'itemsSold', 'refundAmount', 'explanations'] as const;

export function aggregateProducts(
  tables: ProductRow[][],
  thresholds: Record<string, number>,
  min: Minimums,
): ProductWeek[] {
  const th = (id: string) => thresholdOf(id, thresholds);
  const byKey = new Map<
    string,
    Omit<ProductWeek, 'clickRate' | 'conversionRate' | 'rules' | 'enoughData' | 'streams' | 'derived'> & {
      streams: number;
      derived: Set<'exposed' | 'clickers' | 'buyers'>;
    }
  >();
  for (const table of tables) {
    const seen = new Set<string>();
    for (const p of table) {
      const key = p.id ?? `name:${p.name}`;
      const cur = byKey.get(key) ?? {
        id: p.id,
        name: p.name,
        streams: 0,
        exposed: null,
        clickers: null,
        buyers: null,
        orders: null,
        gmv: null,
        itemsSold: null,
        refundAmount: null,
        explanations: null,
        derived: new Set<'exposed' | 'clickers' | 'buyers'>(),
      };
      for (const [k, how] of Object.entries(p.sources ?? {}))
        if (how === 'derived') cur.derived.add(k as 'exposed' | 'clickers' | 'buyers');
      if (!seen.has(key)) cur.streams++;
      seen.add(key);
      cur.name ??= p.name;
      for (const k of SUMMED) cur[k] = M.sum([cur[k], p[k] ?? null]);
      byKey.set(key, cur);
    }
  }
  // One product list over the week says nothing about how many streams a product was in.
  const streamsKnown = tables.length > 1;
  return [...byKey.values()]
    .map((p) => {
      const clickRate = M.clickRate(p.clickers, p.exposed);
      const conversionRate = M.clickToOrderRate(p.buyers, p.clickers);
      const rules: string[] = [];
      // playbook: weekly click rate < 3 % → start elimination; weekly conversion < 3 % → eliminate.
      if (fires('below', clickRate, th('weekly-click-eliminate'))) rules.push('weekly-click-eliminate');
      if (fires('below', conversionRate, th('weekly-conversion-eliminate'))) rules.push('weekly-conversion-eliminate');
      const enoughData = (!streamsKnown || p.streams >= min.minStreams) && (p.exposed ?? 0) >= min.minExposures;
      return {
        ...p,
        streams: streamsKnown ? p.streams : null,
        clickRate,
        conversionRate,
        rules,
        enoughData,
        derived: [...p.derived].sort(),
      };
    })
    .sort((a, b) => (b.gmv ?? 0) - (a.gmv ?? 0));
}
