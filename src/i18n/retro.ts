/**
 * The retro's words: domain/retro/report.ts returns codes and numbers (RetroFacts); localiseRetro
 * turns them into the report the command prints with --json and hands to its writers and renderer,
 * in the run's language, figures rounded as they are shown.
 */
import { localiseNegative, negativeTopicsText } from './negative.js';
import { fmtChange, fmtCount, fmtMoney, fmtRate, fmtUnit } from '../format.js';
import { COMPARISON_SIGN, thresholdOf } from '../domain/rules.js';
import type { Role, Severity } from '../domain/rules.js';
import type {
  AlertSubject,
  RetroAction,
  RetroAlert,
  RetroCheck,
  RetroComparison,
  RetroFacts,
} from '../domain/retro/report.js';
import { PLATFORM_LABELS, type PlatformId } from '../model/platforms.js';
import {
  HOTSPOT_SOURCE_LABELS,
  METRIC_LABELS,
  metricLabel,
  metricUnit,
  ROLE_LABELS,
  SEVERITY_LABELS,
  sheetUnitOf,
  type Lang,
  type SheetUnit,
} from './labels.js';
import { RULE_ACTIONS, ruleName, ruleNames, ruleText } from './rules.js';
import { hotspotLabel, localiseHotspot, topicActionText, type LocalisedHotspot } from './topics.js';

type CsResponse = Extract<RetroAlert['detail'], { kind: 'cs-response' }>;
type NegativeSpike = Extract<RetroAlert['detail'], { kind: 'negative-spike' }>;

/** Words the retro report uses, in the team's language (zh) and in English. */
const RETRO_TEXT = {
  zh: {
    sep: '：',
    listSep: '、',
    stream: '整场',
    cs: '客服',
    sentiment: '舆情',
    product: (name: string) => `商品「${name}」`,
    stock: '库存',
    recentMedian: '近期中位数',
    csResponse: (d: CsResponse, share: number, tolerance: number) =>
      `首次响应超过 ${d.line} 秒的咨询占 ${fmtRate(share, 1)}（${d.overLine}/${d.answered}），超过容忍度 ${fmtRate(tolerance, 0)}；中位数 ${d.medianSeconds} 秒，P90 ${d.p90Seconds?.toFixed(1)} 秒`,
    negativeSpike: (d: NegativeSpike, share: number) =>
      `负面评论/咨询占 ${fmtRate(share, 1)}（${d.negative}/${d.messages}）：${negativeTopicsText(d.topics, 'zh')}。建议评估是否暂停直播并发布说明（由负责人决定）`,
    checkAction: (label: string, stated: string, computed: string) =>
      `核对导出数据：${label} 平台显示 ${stated}，按计数计算为 ${computed}`,
    checkEvidence: (source: string) => `来源：${source}`,
    hotspotEvidence: (label: string, count: number, questions: number, share: string, source: string) =>
      `${label}：${share} 的${source === 'comments' ? '评论提问' : '客服咨询'}（${count}/${questions}）`,
    missingAction: (labels: string) => `下次导出时补充：${labels}（本次复盘无法计算）`,
    computed: '计算',
  },
  en: {
    sep: ': ',
    listSep: ', ',
    stream: 'stream',
    cs: 'customer service',
    sentiment: 'sentiment',
    product: (name: string) => `product "${name}"`,
    stock: 'stock',
    recentMedian: 'recent median',
    csResponse: (d: CsResponse, share: number, tolerance: number) =>
      `${fmtRate(share, 1)} of first responses (${d.overLine}/${d.answered}) took over ${d.line} s, above the ${fmtRate(tolerance, 0)} tolerance; median ${d.medianSeconds} s, p90 ${d.p90Seconds?.toFixed(1)} s`,
    negativeSpike: (d: NegativeSpike, share: number) =>
      `${fmtRate(share, 1)} of comments and consultations are negative (${d.negative}/${d.messages}): ${negativeTopicsText(d.topics, 'en')}. Consider pausing the stream and issuing a statement (people decide)`,
    checkAction: (label: string, stated: string, computed: string) =>
      `Check the export: ${label} shows ${stated} on the platform but ${computed} from the counts`,
    checkEvidence: (source: string) => `source: ${source}`,
    hotspotEvidence: (label: string, count: number, questions: number, share: string, source: string) =>
      `${label}: ${share} of ${source === 'comments' ? 'questions in comments' : 'consultations'} (${count}/${questions})`,
    missingAction: (labels: string) => `Export these next time: ${labels} (this retro could not compute them)`,
    computed: 'computed',
  },
};

type Words = (typeof RETRO_TEXT)[Lang];

export interface Alert {
  rule: string;
  /** The rule's name, for sheets (the id stays in `rule`). */
  ruleLabel: string;
  severity: Severity;
  severityLabel: string;
  subject: string;
  /** The subject's ids, for machines: the product an alert is about (null for the stream, CS…). */
  productId: string | null;
  /** The stream's platform id and account, on every alert of its retro. */
  streamId: string | null;
  account: string | null;
  value: number;
  threshold: number;
  /** The unit of value and threshold, for sheets (money, rate, count, duration, number). */
  unit: SheetUnit;
  owner: Role;
  ownerLabel: string;
  /** A variant of the rule that changes who acts (stock-low: 'delist' for a sold-out giveaway), or null. */
  variant: string | null;
  message: string;
}

export interface Action {
  no: number;
  what: string;
  evidence: string;
  owner: Role;
  ownerLabel: string;
  action: string;
  rule: string | null;
  ruleLabel: string | null;
}

/** The retro as the command prints it with --json and its writers and renderer show it. */
export interface RetroReport extends Omit<
  RetroFacts,
  'stream' | 'sources' | 'checks' | 'comparison' | 'alerts' | 'hotspots' | 'actions'
> {
  stream: RetroFacts['stream'] & { platformLabel: string };
  /** Where each figure came from: "表 · 表头", or how it was computed; null when missing. */
  sources: Record<string, string | null>;
  /** Figures the export states and liveops recomputed from counts. */
  checks: Array<RetroCheck & { label: string; unit: SheetUnit }>;
  comparison:
    | (Omit<RetroComparison, 'metrics'> & {
        metrics: Array<RetroComparison['metrics'][number] & { label: string; unit: SheetUnit }>;
      })
    | null;
  /** Each product with the names of the rules it fired (`flags` keeps the ids). */
  products: Array<NonNullable<RetroFacts['products']>[number] & { flagLabels: string }> | null;
  alerts: Alert[];
  hotspots: Array<LocalisedHotspot & { sourceLabel: string }> | null;
  actions: Action[];
  /** The files written, filled in by the command once they are. */
  outputs: string[];
  /** The charts put into the workbook, and whether a Chinese font drew their labels (null: none placed). */
  charts: { drawn: number; cjkFont: boolean | null } | null;
}

/** What an alert calls a product: its name, else its id, else its place in the product list. */
function productLabel(s: Extract<AlertSubject, { kind: 'product' }>): string {
  return s.name ?? s.id ?? (s.rank !== null ? `#${s.rank}` : '—');
}

function subjectText(s: AlertSubject, T: Words): string {
  return s.kind === 'product' ? T.product(productLabel(s)) : T[s.kind];
}

/** A rule's configured threshold, as the retro applied it (the report lists every one its texts name). */
type Th = (rule: string) => number;

function alertMessage(a: RetroAlert, subject: string, lang: Lang, th: Th): string {
  const T = RETRO_TEXT[lang];
  const because = `${T.sep}${ruleText(a.rule, lang)}`;
  const d = a.detail;
  switch (d.kind) {
    case 'stream-figure': {
      const shown = (v: number) => fmtUnit(v, d.unit, a.threshold, lang);
      return `${metricLabel(d.metric, lang)} ${shown(a.value)} ${COMPARISON_SIGN[d.comparison]} ${shown(a.threshold)}${because}`;
    }
    case 'product-rate':
      return `${subject} ${metricLabel(d.metric, lang)} ${fmtRate(a.value)} < ${fmtRate(a.threshold)}${because}`;
    case 'stock':
      return `${subject} ${T.stock} ${fmtCount(a.value)} < ${fmtCount(a.threshold)}${because}`;
    case 'delist':
      return `${subject}${T.sep}${RULE_ACTIONS['stock-delist']![lang](a.subject.kind === 'product' ? productLabel(a.subject) : subject, th)}`;
    case 'uv-drop':
      return `${metricLabel('uv', lang)} ${fmtCount(d.uv)} vs ${T.recentMedian} ${fmtCount(d.median)}（${fmtChange(d.change)}）${because}`;
    case 'cs-response':
      return T.csResponse(d, a.value, a.threshold);
    case 'negative-spike':
      return T.negativeSpike(d, a.value);
  }
}

/** What an alert's value and threshold are: the rule's unit for a stream figure, else by its kind. */
function alertUnit(a: RetroAlert): SheetUnit {
  switch (a.detail.kind) {
    case 'stream-figure':
      return sheetUnitOf(a.detail.unit);
    case 'stock':
    case 'delist':
      return 'count';
    default:
      return 'rate';
  }
}

function localiseAlert(a: RetroAlert, lang: Lang, th: Th): Alert {
  const subject = subjectText(a.subject, RETRO_TEXT[lang]);
  return {
    rule: a.rule,
    ruleLabel: ruleName(a.rule, lang),
    severity: a.severity,
    severityLabel: SEVERITY_LABELS[a.severity][lang],
    subject,
    productId: a.subject.kind === 'product' ? a.subject.id : null,
    streamId: a.streamId,
    account: a.account,
    value: a.value,
    threshold: a.threshold,
    unit: alertUnit(a),
    owner: a.owner,
    ownerLabel: ROLE_LABELS[a.owner][lang],
    variant: a.variant,
    message: alertMessage(a, subject, lang, th),
  };
}

/**
 * The name an action text puts in its quotes: what the subject quotes (「…」 or "…"), else the whole
 * subject. Taken from the worded subject, as the list always has, so a name the pattern does not
 * span (one with a line break) reads as it always did.
 */
function quotedName(subject: string): string {
  const m = /「(.+)」|"(.+)"/.exec(subject);
  return m?.[1] ?? m?.[2] ?? subject;
}

/** What a point of the improvement list says: what it is about, the evidence, and the action. */
function pointText(
  p: RetroAction,
  alerts: Map<RetroAlert, Alert>,
  lang: Lang,
  th: Th,
): { what: string; evidence: string; action: string } {
  const T = RETRO_TEXT[lang];
  switch (p.kind) {
    case 'rule-alert': {
      const a = alerts.get(p.alert)!;
      const name = quotedName(a.subject);
      const def = RULE_ACTIONS[a.rule];
      const action =
        a.variant === 'delist'
          ? RULE_ACTIONS['stock-delist']![lang](name, th)
          : def
            ? def[lang](name, th)
            : ruleText(a.rule, lang);
      return { what: `${a.subject}${T.sep}${ruleText(a.rule, lang)}`, evidence: a.message, action };
    }
    case 'talk-point': {
      const h = p.hotspot;
      const label = hotspotLabel(h, lang);
      return {
        what: label,
        evidence: T.hotspotEvidence(label, h.count, p.questions, fmtRate(h.share, 0), h.source),
        action: topicActionText(h.topic, lang)!,
      };
    }
    case 'check': {
      const k = p.check;
      const label = metricLabel(k.metric, lang);
      const show = (x: number) => (k.metric === 'gpm' ? fmtMoney(x) : fmtRate(x));
      return {
        what: label,
        evidence: T.checkEvidence(k.source),
        action: T.checkAction(label, show(k.stated), show(k.computed)),
      };
    }
    case 'missing-figures': {
      const labels = p.metrics.map((k) => metricLabel(k, lang)).join(T.listSep);
      return { what: labels, evidence: '', action: T.missingAction(labels) };
    }
  }
}

/** The words the domain's source notes use ("orders · Σ paid", "表 · 整体 · paidSpend"), worded. */
const SOURCE_WORDS: Record<string, { zh: string; en: string }> = {
  orders: { zh: '订单明细', en: 'orders' },
  'minute trend': { zh: '分钟趋势', en: 'minute trend' },
  paid: { zh: '实付金额', en: 'paid amount' },
  'paid orders': { zh: '已付款订单数', en: 'paid orders' },
  'distinct buyers': { zh: '去重买家数', en: 'distinct buyers' },
  quantity: { zh: '件数', en: 'quantity' },
  refunded: { zh: '退款金额', en: 'refunds' },
  'max online': { zh: '最高在线', en: 'peak online' },
  整体: { zh: '整体', en: 'total' },
  avgDwell: { zh: '人均观看时长', en: 'average dwell' },
};

/** A source note in the reader's words: the table as named, then what was read or summed (Σ). */
function sourceText(where: string, lang: Lang): string {
  return where
    .split(' · ')
    .map((part, i) => {
      const sum = part.startsWith('Σ ');
      const key = sum ? part.slice(2) : part;
      const word = SOURCE_WORDS[key]?.[lang] ?? (i > 0 && key in METRIC_LABELS ? metricLabel(key, lang) : key);
      return sum ? `Σ ${word}` : word;
    })
    .join(' · ');
}

/** A formula of figure keys ("gmv ÷ uv") in the figures' labels. */
const formulaText = (formula: string, lang: Lang) =>
  formula.replace(/[A-Za-z]+/g, (key) => (key in METRIC_LABELS ? metricLabel(key, lang) : key));

function localiseSources(sources: RetroFacts['sources'], T: Words, lang: Lang): RetroReport['sources'] {
  const out: RetroReport['sources'] = {};
  for (const [key, s] of Object.entries(sources))
    out[key] =
      s === null
        ? null
        : s.kind === 'read'
          ? sourceText(s.where, lang)
          : `${T.computed}${T.sep}${formulaText(s.formula, lang)}`;
  return out;
}

export function localiseRetro(r: RetroFacts, lang: Lang): RetroReport {
  const T = RETRO_TEXT[lang];
  const th: Th = (rule) => thresholdOf(rule, r.thresholds);
  const alerts = new Map(r.alerts.map((a) => [a, localiseAlert(a, lang, th)]));
  const { account, platform, ...stream } = r.stream;
  return {
    stream: {
      account,
      platform,
      platformLabel: PLATFORM_LABELS[platform as PlatformId]?.[lang] ?? platform,
      ...stream,
    },
    summary: r.summary,
    sources: localiseSources(r.sources, T, lang),
    checks: r.checks.map(({ metric, ...k }) => ({
      metric,
      label: metricLabel(metric, lang),
      unit: metricUnit(metric),
      ...k,
      source: sourceText(k.source, lang),
    })),
    channels: r.channels,
    channelGroups: r.channelGroups,
    products: r.products && r.products.map((p) => ({ ...p, flagLabels: ruleNames(p.flags, lang) })),
    trend: r.trend,
    videos: r.videos,
    comparison: r.comparison && {
      ...r.comparison,
      metrics: r.comparison.metrics.map(({ metric, ...m }) => ({
        metric,
        label: metricLabel(metric, lang),
        unit: metricUnit(metric),
        ...m,
      })),
    },
    alerts: [...alerts.values()],
    hotspots:
      r.hotspots &&
      r.hotspots.map((h) => ({ ...localiseHotspot(h, lang), sourceLabel: HOTSPOT_SOURCE_LABELS[h.source][lang] })),
    questions: r.questions,
    actions: r.actions.map((p) => {
      const { what, evidence, action } = pointText(p, alerts, lang, th);
      return {
        no: p.no,
        what,
        evidence,
        owner: p.owner,
        ownerLabel: ROLE_LABELS[p.owner][lang],
        action,
        rule: p.rule,
        ruleLabel: p.rule === null ? null : ruleName(p.rule, lang),
      };
    }),
    customerService: { ...r.customerService, negative: localiseNegative(r.customerService.negative, lang) },
    missing: r.missing,
    inputs: r.inputs,
    leftOut: r.leftOut,
    ignored: r.ignored,
    rowsOutside: r.rowsOutside,
    readWarnings: r.readWarnings,
    thresholds: r.thresholds,
    outputs: [],
    charts: null,
  };
}
