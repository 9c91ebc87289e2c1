/**
 * Product figures over several streams: sum the counts, then divide — never average rates. A
 * product in N product exports was shown in N streams. Used by the weekly report and `select`.
 */
import * as M from './metrics.js';
import { owned } from './owned.js';
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

type Derived = 'exposed' | 'clickers' | 'buyers';
type ProductSums = Omit<
  ProductWeek,
  'clickRate' | 'conversionRate' | 'rules' | 'enoughData' | 'streams' | 'derived'
> & {
  streams: number;
  derived: Set<Derived>;
  /** The table (its number in this tally) of the last row added: a product counts once per table. */
  lastTable: number;
};

/**
 * Products summed as their rows arrive, one entry per product: a 4 M-row product list over 1,000
 * products holds 1,000 entries, never the rows. A table is begun, its rows added, and a reader that
 * decides to keep it merges it into the week's tally. Sums run in row order; merging a table adds its
 * sums at once, which is the same figure as adding its rows one by one up to float rounding in the
 * last digit when a product has several rows in a later table.
 */
export class ProductTally {
  private readonly byKey = new Map<string, ProductSums>();
  /** Product tables in the tally: more than one means each is a stream (a product in N tables was in N streams). */
  tables = 0;

  /** The tally of these tables, row by row (what tests and small inputs pass). */
  static of(tables: ProductRow[][]): ProductTally {
    const t = new ProductTally();
    for (const table of tables) {
      t.beginTable();
      for (const p of table) t.add(p);
    }
    return t;
  }

  beginTable(): void {
    this.tables++;
  }

  add(p: ProductRow): void {
    const key = p.id ?? `name:${p.name}`;
    let cur = this.byKey.get(key);
    if (!cur) {
      const ownKey = owned(key);
      cur = {
        id: p.id === null ? null : ownKey,
        name: owned(p.name),
        streams: 0,
        exposed: null,
        clickers: null,
        buyers: null,
        orders: null,
        gmv: null,
        itemsSold: null,
        refundAmount: null,
        explanations: null,
        derived: new Set<Derived>(),
        lastTable: -1,
      };
      this.byKey.set(ownKey, cur);
    }
    const sources = p.sources;
    if (sources) for (const k in sources) if (sources[k as Derived] === 'derived') cur.derived.add(k as Derived);
    if (cur.lastTable !== this.tables) {
      cur.streams++;
      cur.lastTable = this.tables;
    }
    if (cur.name === null && p.name !== null) cur.name = owned(p.name);
    for (const k of SUMMED) cur[k] = M.sumOfTwo(cur[k], p[k]);
  }

  /**
   * Add another tally (a table or a file that was kept): its tables, streams and sums. The other
   * tally is used up: its entries become this one's (no copy), so it is not added to again.
   */
  merge(other: ProductTally): void {
    this.tables += other.tables;
    for (const [key, o] of other.byKey) {
      const cur = this.byKey.get(key);
      if (!cur) {
        // Of no table of this tally: a row added to this tally later counts a new stream.
        o.lastTable = -1;
        this.byKey.set(key, o);
        continue;
      }
      cur.streams += o.streams;
      cur.name ??= o.name;
      for (const d of o.derived) cur.derived.add(d);
      for (const k of SUMMED) cur[k] = M.sumOfTwo(cur[k], o[k]);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  products(): IterableIterator<ProductSums> {
    return this.byKey.values();
  }
}

export function aggregateProducts(
  tally: ProductTally,
  thresholds: Record<string, number>,
  min: Minimums,
): ProductWeek[] {
  const th = (id: string) => thresholdOf(id, thresholds);
  // One product list over the week says nothing about how many streams a product was in.
  const streamsKnown = tally.tables > 1;
  return [...tally.products()]
    .map((p) => {
      const clickRate = M.clickRate(p.clickers, p.exposed);
      const conversionRate = M.clickToOrderRate(p.buyers, p.clickers);
      const rules: string[] = [];
      // playbook: weekly click rate < 3 % → start elimination; weekly conversion < 3 % → eliminate.
      if (fires('below', clickRate, th('weekly-click-eliminate'))) rules.push('weekly-click-eliminate');
      if (fires('below', conversionRate, th('weekly-conversion-eliminate'))) rules.push('weekly-conversion-eliminate');
      const enoughData = (!streamsKnown || p.streams >= min.minStreams) && (p.exposed ?? 0) >= min.minExposures;
      const { lastTable: _lastTable, ...sums } = p;
      return {
        ...sums,
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
