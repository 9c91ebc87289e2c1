/**
 * The words of `select` (淘汰清单): the domain's codes and numbers (domain/select/report.ts) turned
 * into the report the command prints with --json, writes and renders, zh or en.
 */
import { fmtRate } from '../format.js';
import type { ProductRole } from '../domain/roles.js';
import { PRODUCT_ROLE_LABELS } from './product-roles.js';
import type { ProductRef, SelectAction, SelectFacts, StockWarning, SupplierFlag } from '../domain/select/report.js';
import { HOTSPOT_SOURCE_LABELS, ROLE_LABELS, ROLE_SOURCE_LABELS, type Lang } from './labels.js';
import { periodNote } from './messages.js';
import { RULE_ACTIONS, ruleNames } from './rules.js';
import { counted } from './plural.js';

// The select texts quote no threshold: their actions are given none.
const noThreshold = (): number => 0;

/** A configured bound as the playbook writes it: 5%, 7.5% (no needless decimals). */
const fmtBound = (r: number): string => `${Number((r * 100).toFixed(2))}%`;

const TEXT = {
  zh: {
    restock: (n: string) => `为「${n}」补货`,
    addRole: (n: number, role: string) => `选品池缺少 ${n} 个${role}：补充${role}`,
    priceHigh: (p: string, min: string) => `直播价只比竞品低 ${p}，低于 ${min}：与供应商重新议价`,
    priceLow: (p: string, max: string) => `直播价比竞品低 ${p}，超过 ${max}：核实品质与利润`,
    priceAbove: (p: string) => `直播价比竞品高 ${p}：与供应商重新议价`,
    terms: (list: string) => `供应商缺少：${list}`,
    backups: (cat: string, n: number, need: number) => `「${cat}」只有 ${n} 个供应商，需要 ${need} 个备选`,
    candidate: (k: string) => `评估引入「${k}」`,
    inPoolNotListed: (k: string, item: string) => `「${k}」已在选品池（${item}）但尚未上架：加快上架`,
    term: { qcReport: '质检报告', sevenDayReturns: '七天无理由', shippingInsurance: '运费险' } as Record<
      string,
      string
    >,
    termJoiner: '、',
    flagJoiner: '；',
  },
  en: {
    restock: (n: string) => `Restock "${n}"`,
    addRole: (n: number, role: string) => `The pool lacks ${counted(n, `${role} product`)}: add some`,
    priceHigh: (p: string, min: string) =>
      `Live price only ${p} below competitors (under ${min}): renegotiate with the supplier`,
    priceLow: (p: string, max: string) => `Live price ${p} below competitors (over ${max}): check quality and margin`,
    priceAbove: (p: string) => `Live price ${p} above competitors: renegotiate with the supplier`,
    terms: (list: string) => `Supplier lacks: ${list}`,
    backups: (cat: string, n: number, need: number) =>
      `"${cat}" has ${counted(n, 'supplier')}; ${counted(need, 'backup')} ${need === 1 ? 'is' : 'are'} needed`,
    candidate: (k: string) => `Consider bringing in "${k}"`,
    inPoolNotListed: (k: string, item: string) => `"${k}" is in the pool (${item}) but not listed yet: list it`,
    term: {
      qcReport: 'QC report',
      sevenDayReturns: '7-day no-reason returns',
      shippingInsurance: 'shipping insurance',
    } as Record<string, string>,
    termJoiner: ', ',
    flagJoiner: '; ',
  },
};

type Words = (typeof TEXT)[Lang];

/** A product in a sentence: its name, else its 商品ID. */
const productName = (p: ProductRef): string => p.name ?? p.id ?? '—';

function flagText(f: SupplierFlag, T: Words): string {
  switch (f.code) {
    case 'above-competitor':
      return T.priceAbove(fmtRate(f.above, 2));
    case 'discount-below-min':
      return T.priceHigh(fmtRate(f.lowerBy, 2), fmtBound(f.minDiscount));
    case 'discount-above-max':
      return T.priceLow(fmtRate(f.lowerBy, 2), fmtBound(f.maxDiscount));
    case 'missing-terms':
      return T.terms(f.terms.map((t) => T.term[t] ?? t).join(T.termJoiner));
  }
}

const stockMessage = (action: StockWarning['action'], subject: ProductRef, T: Words, lang: Lang): string =>
  action === 'delist'
    ? RULE_ACTIONS['stock-delist']![lang](productName(subject), noThreshold)
    : T.restock(productName(subject));

const candidateText = (c: { keyword: string; inPool: string | null }, T: Words): string =>
  c.inPool ? T.inPoolNotListed(c.keyword, c.inPool) : T.candidate(c.keyword);

/** One improvement-list line: what to do, and the figures that show why. */
function actionWords(a: SelectAction, T: Words, lang: Lang): { action: string; evidence: string } {
  switch (a.kind) {
    case 'eliminate':
      return {
        action: RULE_ACTIONS.eliminate![lang](productName(a.subject), noThreshold),
        evidence: `${fmtRate(a.clickRate)} / ${fmtRate(a.conversionRate)}, ${a.streams ?? '—'}`,
      };
    case 'restock':
    case 'delist':
      return { action: stockMessage(a.kind, a.subject, T, lang), evidence: `${a.stock}` };
    case 'add-role':
      return { action: T.addRole(a.gap, PRODUCT_ROLE_LABELS[a.role][lang]), evidence: `${a.count}/${a.kept}` };
    case 'supplier':
      // The pool row's name, else its ID, as the list has always shown it (no dash for neither).
      return {
        action: `${a.subject.name ?? a.subject.id}: ${a.flags.map((f) => flagText(f, T)).join(T.flagJoiner)}`,
        evidence: a.supplier ?? '',
      };
    case 'backup-suppliers':
      return { action: T.backups(a.category, a.suppliers, a.required), evidence: a.names.join(', ') };
    case 'candidate':
      return { action: candidateText(a, T), evidence: `${a.count} (${fmtRate(a.share, 0)})` };
  }
}

const roleLabel = (role: ProductRole | null, lang: Lang): string | null =>
  role === null ? null : PRODUCT_ROLE_LABELS[role][lang];

/** A product with its role's name (`role` keeps the code: 引流款…). */
function withRoleLabel<P extends { role: ProductRole | null }>(p: P, lang: Lang): P & { roleLabel: string | null } {
  return { ...p, roleLabel: roleLabel(p.role, lang) };
}

/** …and the names of the rules that put it on the list (`rules` keeps the ids). */
function withLabels<P extends { rules: string[]; role: ProductRole | null }>(
  p: P,
  lang: Lang,
): P & { roleLabel: string | null; ruleLabels: string } {
  return { ...withRoleLabel(p, lang), ruleLabels: ruleNames(p.rules, lang) };
}

/** The select report in words: what `select --json` prints and its writers and renderer receive. */
export function localiseSelect(r: SelectFacts, lang: Lang) {
  const T = TEXT[lang];
  return {
    week: r.week,
    eliminate: r.eliminate.map((p) => withLabels(p, lang)),
    insufficient: r.insufficient.map((p) => withLabels(p, lang)),
    products: r.products.map((p) => withRoleLabel(p, lang)),
    pool: {
      size: r.pool.size,
      items: r.pool.items.map((i) => ({
        ...i,
        roleLabel: roleLabel(i.role, lang),
        roleSourceLabel: ROLE_SOURCE_LABELS[i.roleSource][lang],
      })),
      balance: r.pool.balance.map(({ role, ...b }) => ({ role, label: PRODUCT_ROLE_LABELS[role][lang], ...b })),
      tiers: r.pool.tiers,
    },
    stock: r.stock.map(({ variant: _variant, ...w }) => ({
      ...w,
      ownerLabel: ROLE_LABELS[w.owner][lang],
      message: stockMessage(w.action, { kind: 'product', id: w.id, name: w.name }, T, lang),
    })),
    suppliers: r.suppliers.map((s) => ({ ...s, flags: s.flags.map((f) => flagText(f, T)) })),
    backupSuppliers: r.backupSuppliers.map((b) => ({
      ...b,
      message: b.fires ? T.backups(b.category, b.suppliers, b.required) : null,
    })),
    candidates: r.candidates.map((c) => ({
      ...c,
      sourceLabel: HOTSPOT_SOURCE_LABELS[c.source][lang],
      suggestion: candidateText(c, T),
    })),
    actions: r.actions.map((a) => ({
      no: a.no,
      owner: a.owner,
      ownerLabel: ROLE_LABELS[a.owner][lang],
      ...actionWords(a, T, lang),
      rule: a.rules.length ? a.rules.join(', ') : null,
      ruleLabel: a.rules.length ? ruleNames(a.rules, lang) : null,
    })),
    thresholds: r.thresholds,
    minimums: r.minimums,
    skipped: r.skipped,
    ignored: r.ignored,
    unusedColumns: r.unusedColumns,
    outside: r.outside,
    rowsOutside: r.rowsOutside,
    readWarnings: r.readWarnings,
    /** "（未完结：数据截至 2026-12-01）" when the period has not ended yet, else empty. */
    periodNote: periodNote(r.unfinished, lang),
    unfinished: r.unfinished,
    /** The files written, as shown to the user (the command adds them). */
    outputs: [] as string[],
    /** The charts put into the workbook, and whether a Chinese font drew their labels (null: none placed). */
    charts: null as { drawn: number; cjkFont: boolean | null } | null,
  };
}

export type SelectReport = ReturnType<typeof localiseSelect>;
