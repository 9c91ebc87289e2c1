/**
 * The selector's weekly work (选品): the elimination list from the week's product figures, the
 * pool's roles and balance, stock warnings, supplier checks and candidates to bring in. Pure.
 */
import * as M from '../metrics.js';
import { aggregateProducts, type ProductTally, type ProductWeek } from '../products.js';
import type { PoolItem } from '../../model/entities.js';
import type { HotspotSource } from '../retro/input.js';
import { fires, hit, thresholdOf, type Role } from '../rules.js';
import type { WeekRange } from '../week.js';
import { normaliseRole, PRODUCT_ROLES, roleTiers, suggestRole, type ProductRole } from '../roles.js';
import type { NotUsed } from '../../model/not-used.js';

export { PRODUCT_ROLES, type ProductRole };

/** A product of the selection table (选品表), as the model reads it. */
export type { PoolItem };

export interface SelectSettings {
  thresholds: Record<string, number>;
  minStreams: number;
  minExposures: number;
  roleMix: Record<ProductRole, number>;
  /** A product at or above this commission is a profit product when its role is not given. */
  profitMinCommission: number;
  /** Price tiers for suggested roles; null = the pool's thirds. */
  trafficMaxPrice: number | null;
  imageMinPrice: number | null;
  supplierPrice: { minDiscount: number; maxDiscount: number };
  supplierTerms: string[];
}

export interface SelectInput {
  week: WeekRange;
  /** The week's product tables, summed as read (a product in N tables was in N streams). */
  products: ProductTally;
  pool: PoolItem[];
  hotspots: HotspotSource[];
  skipped: Array<{ file: string; reason: string }>;
  /** Inputs that gave nothing, and why. */
  ignored: NotUsed[];
  /** Headers of the files used that no field matched (no figure came from them). */
  unusedColumns?: Array<{ file: string; sheet: string | null; headers: string[] }>;
  /** Files left out as dated outside the week, and rows left out of the others for their date. */
  outside?: Array<{ file: string; reason: string }>;
  rowsOutside?: Array<{ file: string; rows: number }>;
  /** Values read as written but unlikely meant so (a rate above 100 %), one line each. */
  readWarnings?: string[];
}

/** Words customers use that are not products (attributes, people, weather…). */
const NOT_PRODUCTS = new Set([
  '合适',
  '吊牌',
  '等级',
  '运费',
  '含量',
  '女生',
  '男生',
  '宝宝',
  '尺寸',
  '大小',
  '里面',
  '外面',
  '质量',
  '价格',
  '颜色',
  '暴雨',
  '下雨',
  '雨天',
  '冬天',
  '夏天',
  '天气',
  '适合',
  '身高',
  '体重',
  '偏大',
  '偏小',
  '面料',
  '成分',
  '材质',
  '衣服',
  '东西',
  '链接',
  '优惠',
  '活动',
  '直播间',
]);

/**
 * Words that name a product end like one (…衣, …裤, …鞋, …款, …霜): customers' other frequent words
 * (标准, 过敏, 预售) are not candidates to bring in.
 */
const PRODUCT_NOUN = /[衣服裤裙衫袍甲鞋靴包帽袜杖款套装霜乳液膜油露粉膏笔器杯壶锅碗镜伞垫巾绳灯表链戒镯篷罩袋箱盒机]$/;

/** A product a finding is about: its 商品ID and name as the pool or the exports give them. */
export interface ProductRef {
  kind: 'product';
  id: string | null;
  name: string | null;
}

const productRef = (p: { id: string | null; name: string | null }): ProductRef => ({
  kind: 'product',
  id: p.id,
  name: p.name,
});

/**
 * Stock warnings for listed products only: an item not on sale yet (no 商品ID, in no stream this
 * week) has nothing to restock. A sold-out giveaway is delisted (the rule's delist variant, which
 * floor control acts on).
 */
export function stockWarnings(pool: PoolItem[], isListed: (p: PoolItem) => boolean, th: (id: string) => number) {
  return pool
    .filter(
      (p) =>
        isListed(p) && p.stock !== null && (fires('below', p.stock, th('stock-low')) || (p.giveaway && p.stock <= 0)),
    )
    .map((p) => {
      const delist = p.giveaway && (p.stock as number) <= 0;
      const { rule, owner, variant, threshold } = hit(
        'stock-low',
        p.stock as number,
        th('stock-low'),
        delist ? 'delist' : null,
      );
      return {
        row: p.row,
        id: p.id,
        name: p.name,
        stock: p.stock as number,
        giveaway: p.giveaway,
        listed: isListed(p),
        rule,
        variant,
        threshold,
        action: delist ? ('delist' as const) : ('restock' as const),
        owner,
      };
    });
}

export type StockWarning = ReturnType<typeof stockWarnings>[number];

/**
 * Why a supplier's row needs a look: the live price against competitors' (the share it is lower
 * by, and the configured bound it misses), or the terms the config requires that it lacks.
 */
export type SupplierFlag =
  | { code: 'above-competitor'; /** How much dearer than competitors (a share of their price). */ above: number }
  | { code: 'discount-below-min'; lowerBy: number; minDiscount: number }
  | { code: 'discount-above-max'; lowerBy: number; maxDiscount: number }
  | { code: 'missing-terms'; terms: string[] };

/** Suppliers: price against competitors, terms, and backups per category. */
export function supplierChecks(pool: PoolItem[], s: SelectSettings, th: (id: string) => number) {
  const suppliers = pool.map((p) => {
    const lowerBy = p.livePrice !== null && p.competitorPrice ? 1 - p.livePrice / p.competitorPrice : null;
    let priceFlag: 'ok' | 'too-high' | 'suspiciously-low' | null = null;
    const flags: SupplierFlag[] = [];
    if (lowerBy !== null) {
      // playbook: 5–10 % below competitors. Less is not competitive; more is worth a second look.
      if (lowerBy < s.supplierPrice.minDiscount) {
        priceFlag = 'too-high';
        flags.push(
          lowerBy < 0
            ? { code: 'above-competitor', above: -lowerBy }
            : { code: 'discount-below-min', lowerBy, minDiscount: s.supplierPrice.minDiscount },
        );
      } else if (lowerBy > s.supplierPrice.maxDiscount) {
        priceFlag = 'suspiciously-low';
        flags.push({ code: 'discount-above-max', lowerBy, maxDiscount: s.supplierPrice.maxDiscount });
      } else priceFlag = 'ok';
    }
    const missingTerms = s.supplierTerms.filter(
      (t) => p[t as 'qcReport' | 'sevenDayReturns' | 'shippingInsurance'] !== true,
    );
    if (missingTerms.length) flags.push({ code: 'missing-terms', terms: missingTerms });
    return {
      row: p.row,
      id: p.id,
      name: p.name,
      supplier: p.supplier,
      category: p.category,
      livePrice: p.livePrice,
      competitorPrice: p.competitorPrice,
      lowerBy,
      priceFlag,
      qcReport: p.qcReport,
      sevenDayReturns: p.sevenDayReturns,
      shippingInsurance: p.shippingInsurance,
      missingTerms,
      commissionRate: p.commissionRate,
      restockDays: p.restockDays,
      flags,
    };
  });
  const categories = [...new Set(pool.map((p) => p.category ?? '—'))].sort();
  const backupSuppliers = categories.map((category) => {
    const names = [
      ...new Set(pool.filter((p) => (p.category ?? '—') === category && p.supplier).map((p) => p.supplier as string)),
    ].sort();
    return {
      category,
      suppliers: names.length,
      names,
      required: th('backup-suppliers'),
      fires: fires('below', names.length, th('backup-suppliers')),
    };
  });
  return { suppliers, backupSuppliers };
}

/** Candidates: what customers ask for that the pool does not cover (on sale: a listed pool product or one in this week's exports). */
export function candidatesOf(
  input: Pick<SelectInput, 'pool' | 'hotspots'>,
  products: Array<Pick<ProductWeek, 'name'>>,
) {
  // Covered means on sale: a listed pool product (with an ID) or a product in this week's exports.
  const poolText = [
    ...input.pool
      .filter((p) => p.id !== null)
      .map((p) => `${p.name ?? ''} ${p.category ?? ''} ${p.sellingPoints ?? ''}`),
    ...products.map((p) => p.name ?? ''),
  ];
  const covers = (keyword: string) => {
    const core = keyword.replace(/[款子]$/, '');
    return poolText.some((t) => t.includes(keyword) || (core.length >= 2 && t.includes(core)));
  };
  const seen = new Set<string>();
  const candidates = input.hotspots
    .flatMap((h) => h.hotspots.map((x) => ({ ...x, questions: h.questions })))
    .filter((h) => !h.fromDictionary && !NOT_PRODUCTS.has(h.topic) && PRODUCT_NOUN.test(h.topic))
    .sort((a, b) => b.count - a.count)
    .filter((h) => {
      if (seen.has(h.topic)) return false;
      seen.add(h.topic);
      return true;
    })
    .map((h) => {
      const core = h.topic.replace(/[款子]$/, '');
      const notListed = input.pool.find(
        (p) =>
          p.id === null && p.name !== null && (p.name.includes(h.topic) || (core.length >= 2 && p.name.includes(core))),
      );
      return {
        keyword: h.topic,
        count: h.count,
        share: h.share,
        source: h.source,
        examples: h.examples,
        /** The pool item (not listed yet) that already is this product, or null: bring it in. */
        inPool: notListed ? notListed.name : null,
        covered: covers(h.topic),
      };
    })
    .filter((c) => !c.covered)
    .map(({ covered: _covered, ...c }) => c);
  return candidates;
}

export type Candidate = ReturnType<typeof candidatesOf>[number];

/** The pool's mix of roles (products kept this week) against the configured targets. */
export function roleBalance(kept: Array<{ role: ProductRole }>, roleMix: Record<ProductRole, number>) {
  return PRODUCT_ROLES.map((role) => {
    const count = kept.filter((i) => i.role === role).length;
    const share = M.ratio(count, kept.length);
    const target = roleMix[role];
    const targetCount = Math.round(target * kept.length);
    return { role, count, share, target, targetCount, gap: targetCount - count };
  });
}

/**
 * One line of the selector's improvement list, in codes and numbers: what to do (`kind`), about
 * what, the figures that show why, who acts and the rules behind it (none for a role gap or a
 * candidate).
 */
export type SelectAction = { no: number; owner: Role; rules: string[] } & (
  | {
      kind: 'eliminate';
      subject: ProductRef;
      clickRate: number | null;
      conversionRate: number | null;
      streams: number | null;
    }
  | { kind: 'restock' | 'delist'; subject: ProductRef; stock: number }
  | { kind: 'add-role'; role: ProductRole; gap: number; count: number; kept: number }
  | { kind: 'supplier'; subject: ProductRef; supplier: string | null; flags: SupplierFlag[] }
  | { kind: 'backup-suppliers'; category: string; suppliers: number; required: number; names: string[] }
  | { kind: 'candidate'; keyword: string; inPool: string | null; count: number; share: number }
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The improvement list for the selector (stock goes to whoever its rule names). */
export function selectActions(r: {
  eliminate: Array<{
    id: string | null;
    name: string | null;
    clickRate: number | null;
    conversionRate: number | null;
    streams: number | null;
    rules: string[];
  }>;
  stock: StockWarning[];
  balance: Array<{ role: ProductRole; gap: number; count: number }>;
  kept: number;
  suppliers: ReturnType<typeof supplierChecks>['suppliers'];
  backupSuppliers: ReturnType<typeof supplierChecks>['backupSuppliers'];
  candidates: Candidate[];
}): SelectAction[] {
  const { eliminate, stock, balance, kept, suppliers, backupSuppliers, candidates } = r;
  const actions: SelectAction[] = [];
  const add = (a: DistributiveOmit<SelectAction, 'no'>) =>
    actions.push({ no: actions.length + 1, ...a } as SelectAction);
  for (const e of eliminate)
    add({
      owner: 'selector',
      rules: e.rules,
      kind: 'eliminate',
      subject: productRef(e),
      clickRate: e.clickRate,
      conversionRate: e.conversionRate,
      streams: e.streams,
    });
  for (const st of stock)
    add({ owner: st.owner, rules: [st.rule], kind: st.action, subject: productRef(st), stock: st.stock });
  for (const b of balance.filter((x) => x.gap > 0))
    add({ owner: 'selector', rules: [], kind: 'add-role', role: b.role, gap: b.gap, count: b.count, kept });
  for (const sp of suppliers.filter((x) => x.flags.length)) {
    add({
      owner: 'selector',
      rules: [sp.missingTerms.length ? 'supplier-terms' : 'supplier-price'],
      kind: 'supplier',
      subject: productRef(sp),
      supplier: sp.supplier,
      flags: sp.flags,
    });
  }
  for (const b of backupSuppliers.filter((x) => x.fires)) {
    add({
      owner: 'selector',
      rules: ['backup-suppliers'],
      kind: 'backup-suppliers',
      category: b.category,
      suppliers: b.suppliers,
      required: b.required,
      names: b.names,
    });
  }
  for (const c of candidates)
    add({
      owner: 'selector',
      rules: [],
      kind: 'candidate',
      keyword: c.keyword,
      inPool: c.inPool,
      count: c.count,
      share: c.share,
    });
  return actions;
}

/** Each key's first item (in list order); items without a key are left out. */
function firstBy<T>(xs: readonly T[], key: (x: T) => string | null): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of xs) {
    const k = key(x);
    if (k !== null && !m.has(k)) m.set(k, x);
  }
  return m;
}

/** Each key's first position in the list; items without a key are left out. */
function firstIndexBy<T>(xs: readonly T[], key: (x: T) => string | null): Map<string, number> {
  const m = new Map<string, number>();
  xs.forEach((x, i) => {
    const k = key(x);
    if (k !== null && !m.has(k)) m.set(k, i);
  });
  return m;
}

/**
 * The week's selection facts in codes and numbers; localiseSelect words them into
 * the report the command prints and writes.
 */
export function buildSelectReport(input: SelectInput, s: SelectSettings) {
  const th = (id: string) => thresholdOf(id, s.thresholds);
  const products: ProductWeek[] = aggregateProducts(input.products, s.thresholds, s);
  const poolById = new Map(input.pool.filter((p) => p.id).map((p) => [p.id as string, p]));
  // Lookups by map, not by scanning a list per product: a week of 100 k products against a pool of hundreds.
  const poolByName = firstBy(input.pool, (x) => x.name);
  const poolOf = (p: { id: string | null; name: string | null }) =>
    (p.id ? poolById.get(p.id) : undefined) ?? (p.name !== null ? poolByName.get(p.name) : undefined) ?? null;

  // — roles: from the table, or suggested from price and commission —
  const tiers = roleTiers(
    input.pool.map((p) => p.livePrice),
    s,
  );
  const suggest = (p: PoolItem): ProductRole => suggestRole(p, tiers);
  // The first product of the week with the pool item's ID or name.
  const weekAt = (xs: Map<string, number>, key: string | null) => (key !== null ? (xs.get(key) ?? Infinity) : Infinity);
  // Made only when there is a pool to look up: a week with no pool skips both.
  const weekById = input.pool.length > 0 ? firstIndexBy(products, (x) => x.id) : new Map<string, number>();
  const weekByName = input.pool.length > 0 ? firstIndexBy(products, (x) => x.name) : new Map<string, number>();
  const weekOf = (p: PoolItem) => products[Math.min(weekAt(weekById, p.id), weekAt(weekByName, p.name))] ?? null;
  // On sale: the pool gives its 商品ID, or the product was shown in a stream this week.
  const isListed = (p: PoolItem) => p.id !== null || weekOf(p) !== null;
  const items = input.pool.map((p) => {
    const given = normaliseRole(p.role);
    const w = weekOf(p);
    return {
      row: p.row,
      id: p.id,
      name: p.name,
      category: p.category,
      role: given ?? suggest(p),
      roleSource: given ? ('table' as const) : ('suggested' as const),
      livePrice: p.livePrice,
      commissionRate: p.commissionRate,
      stock: p.stock,
      supplier: p.supplier,
      listed: isListed(p),
      streamsThisWeek: w?.streams ?? 0,
      clickRate: w?.clickRate ?? null,
      conversionRate: w?.conversionRate ?? null,
      eliminate: w ? w.rules.length > 0 && w.enoughData : false,
    };
  });
  const pick = (p: ProductWeek) => ({
    id: p.id,
    name: p.name,
    streams: p.streams,
    exposed: p.exposed,
    clickers: p.clickers,
    buyers: p.buyers,
    gmv: p.gmv,
    clickRate: p.clickRate,
    conversionRate: p.conversionRate,
    rules: p.rules,
    /** Counts derived from the rates the exports state (exposed = clickers ÷ click rate). */
    derived: p.derived,
    // The role the pool gives (or suggests) for this product; null when it is not in the pool.
    role: (() => {
      const item = poolOf(p);
      return item ? (itemByRowAndId.get(rowAndId(item))?.role ?? null) : null;
    })(),
  });
  const rowAndId = (i: { row: number; id: string | null }) => (i.id === null ? `${i.row}` : `${i.row}:${i.id}`);
  const itemByRowAndId = firstBy(items, rowAndId);
  const eliminate = products.filter((p) => p.rules.length > 0 && p.enoughData).map(pick);
  const insufficient = products.filter((p) => !p.enoughData).map(pick);

  const kept = items.filter((i) => !i.eliminate);
  const balance = roleBalance(kept, s.roleMix);
  const stock = stockWarnings(input.pool, isListed, th);
  const { suppliers, backupSuppliers } = supplierChecks(input.pool, s, th);
  const candidates = candidatesOf(input, products);
  const actions = selectActions({
    eliminate,
    stock,
    balance,
    kept: kept.length,
    suppliers,
    backupSuppliers,
    candidates,
  });

  return {
    week: input.week,
    eliminate,
    insufficient,
    products: products.map(pick),
    pool: { size: items.length, items, balance, tiers },
    stock,
    suppliers,
    backupSuppliers,
    candidates,
    actions,
    thresholds: Object.fromEntries(
      ['weekly-click-eliminate', 'weekly-conversion-eliminate', 'stock-low', 'backup-suppliers'].map((id) => [
        id,
        th(id),
      ]),
    ),
    minimums: { streams: s.minStreams, exposures: s.minExposures },
    skipped: input.skipped,
    ignored: input.ignored,
    unusedColumns: input.unusedColumns ?? [],
    outside: input.outside ?? [],
    rowsOutside: input.rowsOutside ?? [],
    readWarnings: input.readWarnings ?? [],
    /** Set by the command when the period has not ended yet (today in Beijing is within it or before its end): figures are partial. */
    unfinished: null as { asOf: string } | null,
  };
}

/** What buildSelectReport finds; the printed and written report is localiseSelect's SelectReport. */
export type SelectFacts = ReturnType<typeof buildSelectReport>;
