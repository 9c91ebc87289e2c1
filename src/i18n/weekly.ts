/**
 * The weekly report's words, zh and en: the domain (domain/weekly/report.ts) returns codes and
 * numbers; `localiseWeekly` turns them into the report `--json` prints and the writers and the
 * terminal summary read — alert messages, owner labels, channel suggestions, the improvement list.
 */
import { localiseNegative, negativeTopicsText } from './negative.js';
import { fmtChange, fmtCount, fmtRate, fmtUnit } from '../format.js';
import { HOTSPOT_SOURCE_LABELS, ROLE_LABELS, sheetUnitOf, type Lang, type SheetUnit } from './labels.js';
import { RULE_ACTIONS, ruleName, ruleNames, ruleText } from './rules.js';
import { hotspotLabel, localiseHotspot, topicActionText } from './topics.js';
import { ruleById, thresholdOf } from '../domain/rules.js';
import type {
  ChannelSuggestion,
  StreamSubject,
  WeeklyAction,
  WeeklyAlert,
  WeeklyReport,
} from '../domain/weekly/report.js';
import { counted } from './plural.js';
import { localiseItem } from './actions.js';
import type { HistoryNote } from '../model/history.js';

const TEXT = {
  zh: {
    shiftBudget: (better: string, pct: string, worse: string | null) =>
      `${better}观众的转化率比平均高 ${pct}${worse ? `，且优于${worse}` : ''}：把预算向${better}倾斜`,
    review: (name: string, pct: string) => `${name}的转化率比平均低 ${pct}：复核该渠道的人群与承接话术`,
    eliminateEvidence: (click: string, conversion: string, streams: number | null) =>
      `点击率 ${click}, 转化率 ${conversion}, ${streams ?? '—'} 场`,
    hotspot: (label: string, share: string) => `${label}（${share} 的咨询）`,
    cs: '客服',
    sentiment: '舆情',
    csMessage: (share: string, r: { line: number; overLine: number; answered: number; medianSeconds: number | null }) =>
      `本周首次响应超过 ${r.line} 秒的咨询占 ${share}（${r.overLine}/${r.answered}），中位数 ${r.medianSeconds} 秒`,
    sentimentMessage: (
      share: string,
      n: { negative: number; messages: number; topics: Array<{ topic: string; count: number }> },
    ) => `本周负面评论/咨询占 ${share}（${n.negative}/${n.messages}）：${negativeTopicsText(n.topics, 'zh')}`,
  },
  en: {
    shiftBudget: (better: string, pct: string, worse: string | null) =>
      `${better} viewers convert ${pct} better than average${worse ? `, and better than ${worse}` : ''}: shift budget towards ${better}`,
    review: (name: string, pct: string) =>
      `${name} converts ${pct} worse than average: review its audience and the talk that receives it`,
    eliminateEvidence: (click: string, conversion: string, streams: number | null) =>
      `click rate ${click}, conversion ${conversion}, ${streams === null ? '— streams' : counted(streams, 'stream')}`,
    hotspot: (label: string, share: string) => `${label} (${share} of consultations)`,
    cs: 'customer service',
    sentiment: 'sentiment',
    csMessage: (share: string, r: { line: number; overLine: number; answered: number; medianSeconds: number | null }) =>
      `${share} of this week's first responses (${r.overLine}/${r.answered}) took over ${r.line} s; median ${r.medianSeconds} s`,
    sentimentMessage: (share: string, n: { negative: number; messages: number }) =>
      `${share} of this week's comments and consultations are negative (${n.negative}/${n.messages})`,
  },
};

/** How attribution measured conversion. */
const BASIS_TEXT = {
  'orders-per-view': { zh: '成交订单数 ÷ 观看次数', en: 'orders ÷ PV' },
  'buyers-per-viewer': { zh: '成交人数 ÷ 观看人数', en: 'buyers ÷ UV' },
} as const;

/** "山野户外旗舰店 2026-11-18 20:00": a stream by its account, else its title or platform id (Taobao 场次信息 / 场次id). */
function streamLabel(s: StreamSubject): string {
  const who = s.account ?? s.title ?? (s.streamId ? `#${s.streamId}` : '—');
  return `${who} ${s.start?.slice(0, 16).replace('T', ' ') ?? ''}`;
}

function subjectText(a: WeeklyAlert, lang: Lang): string {
  if ('baseline' in a) return streamLabel(a.subject);
  return 'response' in a ? TEXT[lang].cs : TEXT[lang].sentiment;
}

function alertMessage(a: WeeklyAlert, lang: Lang): string {
  const T = TEXT[lang];
  if ('response' in a) return T.csMessage(fmtRate(a.value, 1), a.response);
  if ('negative' in a) return T.sentimentMessage(fmtRate(a.value, 1), a.negative);
  const label = streamLabel(a.subject);
  const shown = a.baseline
    ? `${fmtCount(a.baseline.uv)} vs ${fmtCount(a.baseline.median)} (${fmtChange(-a.value)})`
    : fmtUnit(a.value, ruleById(a.rule)!.unit, a.threshold, lang);
  return `${label}: ${shown} — ${ruleText(a.rule, lang)}`;
}

/** An alert's value and threshold: a rate (the drop, the share of late responses or negatives), else the rule's unit. */
function alertUnit(a: WeeklyAlert): SheetUnit {
  if ('response' in a || 'negative' in a || a.baseline) return 'rate';
  return sheetUnitOf(ruleById(a.rule)!.unit);
}

function localiseAlert(a: WeeklyAlert, lang: Lang) {
  const ids = 'baseline' in a ? a.subject : { streamId: null, account: null, start: null };
  return {
    rule: a.rule,
    ruleLabel: ruleName(a.rule, lang),
    subject: subjectText(a, lang),
    streamId: ids.streamId,
    account: ids.account,
    start: ids.start,
    value: a.value,
    threshold: a.threshold,
    unit: alertUnit(a),
    severity: a.severity,
    owner: a.owner,
    ownerLabel: ROLE_LABELS[a.owner][lang],
    message: alertMessage(a, lang),
  };
}

function suggestionText(s: ChannelSuggestion, lang: Lang): string {
  const T = TEXT[lang];
  return s.kind === 'shift-budget'
    ? T.shiftBudget(s.channel, fmtRate(s.vsAverage, 1), s.worse)
    : T.review(s.channel, fmtRate(-s.vsAverage, 1));
}

/** What to do and on what evidence, for one line of the improvement list. */
function actionText(
  a: WeeklyAction,
  lang: Lang,
  thresholds: Readonly<Record<string, number>>,
): { action: string; evidence: string } {
  const T = TEXT[lang];
  const th = (id: string) => thresholdOf(id, thresholds);
  switch (a.code) {
    case 'investigate-drop':
      return {
        action: RULE_ACTIONS['uv-drop']![lang]('', th),
        evidence: alertMessage(a.alert, lang),
      };
    case 'channel':
      return {
        action: suggestionText(a.suggestion, lang),
        evidence: `${a.suggestion.channel}: ${fmtChange(a.suggestion.vsAverage)}`,
      };
    case 'eliminate': {
      const p = a.product;
      return {
        action: RULE_ACTIONS.eliminate![lang](p.name ?? p.id ?? '—', th),
        evidence: T.eliminateEvidence(fmtRate(p.clickRate), fmtRate(p.conversionRate), p.streams),
      };
    }
    case 'hotspot':
      return {
        action: topicActionText(a.hotspot.topic, lang)!,
        evidence: T.hotspot(hotspotLabel(a.hotspot, lang), fmtRate(a.hotspot.share, 0)),
      };
  }
}

function localiseAction(a: WeeklyAction, lang: Lang, thresholds: Readonly<Record<string, number>>) {
  const { action, evidence } = actionText(a, lang, thresholds);
  return {
    no: a.no,
    owner: a.owner,
    ownerLabel: ROLE_LABELS[a.owner][lang],
    action,
    evidence,
    rule: a.rules.length ? a.rules.join(', ') : null,
    ruleLabel: a.rules.length ? ruleNames(a.rules, lang) : null,
  };
}

/** The weekly report in `lang`: the domain's report with every code worded and every number it quotes rounded. */
export function localiseWeekly(report: WeeklyReport, lang: Lang) {
  return {
    // Spread, then replaced in place: the keys keep the domain's order, which is the order --json prints.
    ...report,
    attribution: {
      ...report.attribution,
      basis: BASIS_TEXT[report.attribution.basis][lang],
      averageConversionText: fmtRate(report.attribution.averageConversion),
      suggestions: report.attribution.suggestions.map((s) => ({
        channel: s.channel,
        vsAverage: s.vsAverage,
        suggestion: suggestionText(s, lang),
      })),
    },
    streams: report.streams.map((s) => ({ ...s, alertLabels: ruleNames(s.alerts, lang) })),
    eliminate: report.eliminate.map((p) => ({ ...p, ruleLabels: ruleNames(p.rules, lang) })),
    insufficient: report.insufficient.map((p) => ({ ...p, ruleLabels: ruleNames(p.rules, lang) })),
    hotspots:
      report.hotspots?.map((h) => ({
        ...localiseHotspot(h, lang),
        sourceLabel: HOTSPOT_SOURCE_LABELS[h.source][lang],
      })) ?? null,
    alerts: report.alerts.map((a) => localiseAlert(a, lang)),
    customerService: { ...report.customerService, negative: localiseNegative(report.customerService.negative, lang) },
    actions: report.actions.map((a) => localiseAction(a, lang, report.thresholds)),
    openItems: report.openItems.map((x) => ({ ...localiseItem(x, lang), carriedOver: x.carriedOver })),
    /** Set by the command when the period has not ended yet: "（未完结：数据截至 2026-12-01）", else empty. */
    periodNote: '',
    /** The period has not ended (today in Beijing is within it or before its end): figures are partial. */
    unfinished: null as { asOf: string } | null,
    outputs: [] as string[],
    /** The charts put into the workbook, and whether a Chinese font drew their labels (null: none placed). */
    charts: null as { drawn: number; cjkFont: boolean | null } | null,
    /** Set by the command when there is a history: where, and which of its files were skipped. */
    history: undefined as HistoryNote | undefined,
  };
}

export type LocalisedWeeklyReport = ReturnType<typeof localiseWeekly>;
