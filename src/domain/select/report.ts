/**
 * The selector's weekly work (选品): the elimination list from the week's product figures, the
 * pool's roles and balance, stock warnings, supplier checks and candidates to bring in. Pure.
 */
import { fmtRate } from '../../format.js';
import * as M from '../metrics.js';
import { aggregateProducts, type ProductRow, type ProductWeek } from '../products.js';
import type { PoolItem } from '../../model/entities.js';
import type { HotspotSource } from '../retro/input.js';
import { fires, hit, thresholdOf, type Role } from '../rules.js';
import { ROLE_LABELS } from '../../i18n/labels.js';
import type { WeekRange } from '../week.js';
import { normaliseRole, PRODUCT_ROLE_LABELS, PRODUCT_ROLES, roleTiers, suggestRole, type ProductRole } from '../roles.js';
import type { NotUsed } from '../../model/not-used.js';

export type Lang = 'zh' | 'en';
export { PRODUCT_ROLES, PRODUCT_ROLE_LABELS, type ProductRole };

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
  lang: Lang;
}

export interface SelectInput {
  week: WeekRange;
  productTables: ProductRow[][];
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
  '合适', '吊牌', '等级', '运费', '含量', '女生', '男生', '宝宝', '尺寸', '大小', '里面', '外面', '质量', '价格', '颜色', '暴雨', '下雨', '雨天',
  '冬天', '夏天', '天气', '适合', '身高', '体重', '偏大', '偏小', '面料', '成分', '材质', '衣服', '东西', '链接', '优惠', '活动', '直播间',
]);

/**
 * Words that name a product end like one (…衣, …裤, …鞋, …款, …霜): customers' other frequent words
 * (标准, 过敏, 预售) are not candidates to bring in.
 */
const PRODUCT_NOUN = /[衣服裤裙衫袍甲鞋靴包帽袜杖款套装霜乳液膜油露粉膏笔器杯壶锅碗镜伞垫巾绳灯表链戒镯篷罩袋箱盒机]$/;

/** A configured bound as the playbook writes it: 5%, 7.5% (no needless decimals). */
const fmtBound = (r: number): string => `${Number((r * 100).toFixed(2))}%`;

const TEXT = {
  zh: {
    restock: (n: string) => `为「${n}」补货`,
    delist: (n: string) => `福利款「${n}」已售罄：下架`,
    eliminate: (n: string) => `淘汰或替换「${n}」`,
    addRole: (n: number, role: string) => `选品池缺少 ${n} 个${role}：补充${role}`,
    priceHigh: (p: string, min: string) => `直播价只比竞品低 ${p}，低于 ${min}：与供应商重新议价`,
    priceLow: (p: string, max: string) => `直播价比竞品低 ${p}，超过 ${max}：核实品质与利润`,
    priceAbove: (p: string) => `直播价比竞品高 ${p}：与供应商重新议价`,
    terms: (list: string) => `供应商缺少：${list}`,
    backups: (cat: string, n: number, need: number) => `「${cat}」只有 ${n} 个供应商，需要 ${need} 个备选`,
    candidate: (k: string) => `评估引入「${k}」`,
    inPoolNotListed: (k: string, item: string) => `「${k}」已在选品池（${item}）但尚未上架：加快上架`,
    term: { qcReport: '质检报告', sevenDayReturns: '七天无理由', shippingInsurance: '运费险' } as Record<string, string>,
  },
  en: {
    restock: (n: string) => `Restock "${n}"`,
    delist: (n: string) => `Giveaway product "${n}" is sold out: delist it`,
    eliminate: (n: string) => `Eliminate or replace "${n}"`,
    addRole: (n: number, role: string) => `The pool lacks ${n} ${role} product(s): add some`,
    priceHigh: (p: string, min: string) => `Live price only ${p} below competitors (under ${min}): renegotiate with the supplier`,
    priceLow: (p: string, max: string) => `Live price ${p} below competitors (over ${max}): check quality and margin`,
    priceAbove: (p: string) => `Live price ${p} above competitors: renegotiate with the supplier`,
    terms: (list: string) => `Supplier lacks: ${list}`,
    backups: (cat: string, n: number, need: number) => `"${cat}" has ${n} supplier(s); ${need} backups are needed`,
    candidate: (k: string) => `Consider bringing in "${k}"`,
    inPoolNotListed: (k: string, item: string) => `"${k}" is in the pool (${item}) but not listed yet: list it`,
    term: { qcReport: 'QC report', sevenDayReturns: '7-day no-reason returns', shippingInsurance: 'shipping insurance' } as Record<string, string>,
  },
};

/**
 * Stock warnings for listed products only: an item not on sale yet (no 商品ID, in no stream this
 * week) has nothing to restock. A sold-out giveaway is delisted (the rule's delist variant).
 */
function stockWarnings(pool: PoolItem[], isListed: (p: PoolItem) => boolean, th: (id: string) => number, T: (typeof TEXT)[Lang], lang: Lang) {
  return pool
    .filter((p) => isListed(p) && p.stock !== null && (fires('below', p.stock, th('stock-low')) || (p.giveaway && p.stock <= 0)))
    .map((p) => {
      const delist = p.giveaway && (p.stock as number) <= 0;
      const { owner } = hit('stock-low', p.stock as number, th('stock-low'), delist ? 'delist' : null);
      return {
        row: p.row, id: p.id, name: p.name, stock: p.stock as number, giveaway: p.giveaway, listed: isListed(p),
        rule: 'stock-low', threshold: th('stock-low'), action: delist ? ('delist' as const) : ('restock' as const),
        owner, ownerLabel: ROLE_LABELS[owner][lang], message: delist ? T.delist(p.name ?? p.id ?? '—') : T.restock(p.name ?? p.id ?? '—'),
      };
    });
}

/** Suppliers: price against competitors, terms, and backups per category. */
function supplierChecks(pool: PoolItem[], s: SelectSettings, th: (id: string) => number, T: (typeof TEXT)[Lang]) {
  const suppliers = pool.map((p) => {
    const lowerBy = p.livePrice !== null && p.competitorPrice ? 1 - p.livePrice / p.competitorPrice : null;
    let priceFlag: 'ok' | 'too-high' | 'suspiciously-low' | null = null;
    const flags: string[] = [];
    if (lowerBy !== null) {
      // playbook: 5–10 % below competitors. Less is not competitive; more is worth a second look.
      if (lowerBy < s.supplierPrice.minDiscount) {
        priceFlag = 'too-high';
        flags.push(lowerBy < 0 ? T.priceAbove(fmtRate(-lowerBy, 2)) : T.priceHigh(fmtRate(lowerBy, 2), fmtBound(s.supplierPrice.minDiscount)));
      } else if (lowerBy > s.supplierPrice.maxDiscount) {
        priceFlag = 'suspiciously-low';
        flags.push(T.priceLow(fmtRate(lowerBy, 2), fmtBound(s.supplierPrice.maxDiscount)));
      } else priceFlag = 'ok';
    }
    const missingTerms = s.supplierTerms.filter((t) => p[t as 'qcReport' | 'sevenDayReturns' | 'shippingInsurance'] !== true);
    if (missingTerms.length) flags.push(T.terms(missingTerms.map((t) => T.term[t] ?? t).join(s.lang === 'zh' ? '、' : ', ')));
    return {
      row: p.row, id: p.id, name: p.name, supplier: p.supplier, category: p.category, livePrice: p.livePrice,
      competitorPrice: p.competitorPrice, lowerBy, priceFlag, qcReport: p.qcReport, sevenDayReturns: p.sevenDayReturns,
      shippingInsurance: p.shippingInsurance, missingTerms, commissionRate: p.commissionRate, restockDays: p.restockDays, flags,
    };
  });
  const categories = [...new Set(pool.map((p) => p.category ?? '—'))].sort();
  const backupSuppliers = categories.map((category) => {
    const names = [...new Set(pool.filter((p) => (p.category ?? '—') === category && p.supplier).map((p) => p.supplier as string))].sort();
    const fired = fires('below', names.length, th('backup-suppliers'));
    return { category, suppliers: names.length, names, required: th('backup-suppliers'), fires: fired, message: fired ? T.backups(category, names.length, th('backup-suppliers')) : null };
  });
  return { suppliers, backupSuppliers };
}

/** Candidates: what customers ask for that the pool does not cover (on sale: a listed pool product or one in this week's exports). */
function candidatesOf(input: SelectInput, products: ProductWeek[], T: (typeof TEXT)[Lang]) {
  // Covered means on sale: a listed pool product (with an ID) or a product in this week's exports.
  const poolText = [...input.pool.filter((p) => p.id !== null).map((p) => `${p.name ?? ''} ${p.category ?? ''} ${p.sellingPoints ?? ''}`), ...products.map((p) => p.name ?? '')];
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
      const notListed = input.pool.find((p) => p.id === null && p.name !== null && (p.name.includes(h.topic) || (core.length >= 2 && p.name.includes(core))));
      return {
        keyword: h.topic,
        count: h.count,
        share: h.share,
        source: h.source,
        examples: h.examples,
        inPool: notListed ? notListed.name : null,
        covered: covers(h.topic),
      };
    })
    .filter((c) => !c.covered)
    .map(({ covered: _covered, ...c }) => ({ ...c, suggestion: c.inPool ? T.inPoolNotListed(c.keyword, c.inPool) : T.candidate(c.keyword) }));
  return candidates;
}

/** The improvement list for the selector (stock goes to whoever its rule names). */
function selectActions(
  r: {
    eliminate: Array<{ id: string | null; name: string | null; clickRate: number | null; conversionRate: number | null; streams: number | null; rules: string[] }>;
    stock: ReturnType<typeof stockWarnings>;
    balance: Array<{ gap: number; label: string; count: number }>;
    kept: number;
    suppliers: ReturnType<typeof supplierChecks>['suppliers'];
    backupSuppliers: ReturnType<typeof supplierChecks>['backupSuppliers'];
    candidates: ReturnType<typeof candidatesOf>;
  },
  lang: Lang,
) {
  const T = TEXT[lang];
  const { eliminate, stock, balance, kept, suppliers, backupSuppliers, candidates } = r;
  const actions: Array<{ no: number; owner: Role; ownerLabel: string; action: string; evidence: string; rule: string | null }> = [];
  const add = (owner: Role, action: string, evidence: string, rule: string | null) =>
    actions.push({ no: actions.length + 1, owner, ownerLabel: ROLE_LABELS[owner][lang], action, evidence, rule });
  for (const e of eliminate) add('selector', T.eliminate(e.name ?? e.id ?? '—'), `${fmtRate(e.clickRate)} / ${fmtRate(e.conversionRate)}, ${e.streams ?? '—'}`, e.rules.join(', '));
  for (const st of stock) add(st.owner, st.message, `${st.stock}`, 'stock-low');
  for (const b of balance.filter((x) => x.gap > 0)) add('selector', T.addRole(b.gap, b.label), `${b.count}/${kept}`, null);
  for (const sp of suppliers.filter((x) => x.flags.length)) add('selector', `${sp.name ?? sp.id}: ${sp.flags.join(lang === 'zh' ? '；' : '; ')}`, sp.supplier ?? '', sp.missingTerms.length ? 'supplier-terms' : 'supplier-price');
  for (const b of backupSuppliers.filter((x) => x.fires)) add('selector', b.message!, b.names.join(', '), 'backup-suppliers');
  for (const c of candidates) add('selector', c.suggestion, `${c.count} (${fmtRate(c.share, 0)})`, null);
  return actions;
}

export function buildSelectReport(input: SelectInput, s: SelectSettings) {
  const T = TEXT[s.lang];
  const th = (id: string) => thresholdOf(id, s.thresholds);
  const products: ProductWeek[] = aggregateProducts(input.productTables, s.thresholds, s);
  const poolById = new Map(input.pool.filter((p) => p.id).map((p) => [p.id as string, p]));
  const poolOf = (p: { id: string | null; name: string | null }) =>
    (p.id ? poolById.get(p.id) : undefined) ?? input.pool.find((x) => x.name !== null && x.name === p.name) ?? null;

  // — roles: from the table, or suggested from price and commission —
  const tiers = roleTiers(input.pool.map((p) => p.livePrice), s);
  const suggest = (p: PoolItem): ProductRole => suggestRole(p, tiers);
  const weekOf = (p: PoolItem) => products.find((x) => (p.id !== null && x.id === p.id) || (p.name !== null && x.name === p.name)) ?? null;
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
      return item ? (items.find((i) => i.row === item.row && i.id === item.id)?.role ?? null) : null;
    })(),
  });
  const eliminate = products.filter((p) => p.rules.length > 0 && p.enoughData).map(pick);
  const insufficient = products.filter((p) => !p.enoughData).map(pick);

  const kept = items.filter((i) => !i.eliminate);
  const balance = PRODUCT_ROLES.map((role) => {
    const count = kept.filter((i) => i.role === role).length;
    const share = M.ratio(count, kept.length);
    const target = s.roleMix[role];
    const targetCount = Math.round(target * kept.length);
    return { role, label: PRODUCT_ROLE_LABELS[role][s.lang], count, share, target, targetCount, gap: targetCount - count };
  });

  const stock = stockWarnings(input.pool, isListed, th, T, s.lang);

  const { suppliers, backupSuppliers } = supplierChecks(input.pool, s, th, T);

  const candidates = candidatesOf(input, products, T);

  const actions = selectActions({ eliminate, stock, balance, kept: kept.length, suppliers, backupSuppliers, candidates }, s.lang);

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
    thresholds: Object.fromEntries(['weekly-click-eliminate', 'weekly-conversion-eliminate', 'stock-low', 'backup-suppliers'].map((id) => [id, th(id)])),
    minimums: { streams: s.minStreams, exposures: s.minExposures },
    skipped: input.skipped,
    ignored: input.ignored,
    unusedColumns: input.unusedColumns ?? [],
    outside: input.outside ?? [],
    rowsOutside: input.rowsOutside ?? [],
    readWarnings: input.readWarnings ?? [],
    /** Set by the command when the period has not ended yet: "（未完结：数据截至 2026-12-01）", else empty. */
    periodNote: '',
    /** The period has not ended (today in Beijing is within it or before its end): figures are partial. */
    unfinished: null as { asOf: string } | null,
    outputs: [] as string[],
  };
}

export type SelectReport = ReturnType<typeof buildSelectReport>;
