/**
 * The words of `kpi` (月度KPI): the names of the KPI roles and metrics, the report's sentences
 * (notes, missing figures, the growth allowance's reason) and the figures as people read them —
 * localiseKpi turns the domain's codes and numbers (domain/kpi/report.ts) into the report the
 * command prints with --json, writes and renders — and the command's own words (kpiText).
 */
import { fmtCount, fmtDuration, fmtMoney, fmtRate } from '../format.js';
import type { KpiRole, KpiUnit } from '../domain/kpi/metrics.js';
import type {
  TargetSource,
  AllowanceStatus,
  KpiFacts,
  KpiMetricScore,
  KpiNote,
  KpiPersonScore,
  MissingFigure,
  ShareProblem,
} from '../domain/kpi/report.js';
import type { Lang } from './labels.js';
import type { FigureSource } from '../domain/history/plan-records.js';
import { periodNote } from './messages.js';
import { counted } from './plural.js';

/** The KPI roles as the team calls them (not the improvement list's roles: i18n/labels.ts ROLE_LABELS). */
const KPI_ROLE_LABELS: Record<KpiRole, { zh: string; en: string }> = {
  ops: { zh: '运营', en: 'Operations' },
  anchor: { zh: '主播', en: 'Anchor' },
  selector: { zh: '选品', en: 'Selector' },
  data: { zh: '数据分析', en: 'Data analyst' },
};

/** Each KPI metric's name, by its id in domain/kpi/metrics.ts. */
const KPI_METRIC_LABELS: Record<string, { zh: string; en: string }> = {
  gmvAchievement: { zh: 'GMV达成', en: 'GMV achievement' },
  trafficGrowth: { zh: '流量增长', en: 'Traffic growth' },
  processImprovements: { zh: '流程改进', en: 'Process improvements' },
  productConversion: { zh: '商品转化率', en: 'Product conversion' },
  dwellTime: { zh: '人均停留时长', en: 'Average dwell' },
  newFanClub: { zh: '新增粉丝团', en: 'New fan-club members' },
  productRoi: { zh: '商品ROI', en: 'Product ROI' },
  returnRate: { zh: '退货率', en: 'Return rate' },
  newProducts: { zh: '新品引入', en: 'New products' },
  reportQuality: { zh: '报告质量', en: 'Report quality' },
  strategyAdoption: { zh: '策略采纳率', en: 'Strategy adoption' },
};

const metricName = (id: string, lang: Lang): string => KPI_METRIC_LABELS[id]?.[lang] ?? id;

/** The report's sentences (what the command's words, kpiText below, do not cover). */
const REPORT_TEXT = {
  zh: {
    notKpiRole: (name: string, words: string) => `${name}：${words} 不是 KPI 岗位，不计分`,
    unknownRole: (name: string, words: string) =>
      `${name}：岗位「${words}」无法对应 KPI 岗位（运营、主播、选品、数据分析），不计分；可在配置 kpi.roleWords 中映射`,
    noKpiRole: (name: string, roleText: string) => `${name}：岗位「${roleText}」没有 KPI，未计分`,
    sharesIgnored: (name: string) => `配置 kpi.shares 中的「${name}」不在本月名单中`,
    targetFor: (label: string) => `${label}目标`,
    noKpiRoleReason: '没有 KPI 岗位',
    meets: (bar: number) => `达到 ${bar} 分`,
    below: (bar: number) => `低于 ${bar} 分`,
    joiner: '、',
    of: (label: string, rank: number, of: number) => `${label} ${rank}/${of}`,
    undetermined: '待定（数据不完整）',
  },
  en: {
    notKpiRole: (name: string, words: string) => `${name}: ${words} has no KPI; not scored`,
    unknownRole: (name: string, words: string) =>
      `${name}: role "${words}" matches no KPI role (运营, 主播, 选品, 数据分析); not scored — map it with kpi.roleWords in the config`,
    noKpiRole: (name: string, roleText: string) => `${name}: role "${roleText}" has no KPI; not scored`,
    sharesIgnored: (name: string) => `"${name}" in the config's kpi.shares is not on this month's sheet`,
    targetFor: (label: string) => `${label} target`,
    noKpiRoleReason: 'no KPI role',
    meets: (bar: number) => `meets ${bar} points`,
    below: (bar: number) => `below ${bar} points`,
    joiner: ', ',
    of: (label: string, rank: number, of: number) => `${label} ${rank}/${of}`,
    undetermined: 'undetermined (incomplete data)',
  },
};

/**
 * How a figure reads to people, in its unit. The sheet writes these strings (actualText,
 * targetText) beside the numbers.
 */
export function formatFigure(v: number | null, unit: KpiUnit, lang: Lang): string {
  if (v === null) return '—';
  switch (unit) {
    case 'money':
      return fmtMoney(v);
    case 'rate':
      return fmtRate(v, 1);
    case 'seconds':
      return fmtDuration(v, lang);
    case 'ratio':
      return v.toFixed(2);
    default:
      return fmtCount(v);
  }
}

/** A missing figure by the sheet's header, else by the metric's name ("GMV达成目标"). */
export function missingText(m: MissingFigure, lang: Lang): string {
  if (m.header !== null) return m.header;
  const label = metricName(m.metric, lang);
  return m.what === 'figure' ? label : REPORT_TEXT[lang].targetFor(label);
}

/** A person's missing figures; with several roles each says whose role it is for. */
const personMissing = (missing: MissingFigure[], severalRoles: boolean, lang: Lang): string[] =>
  missing.map((m) =>
    severalRoles ? `${missingText(m, lang)} (${KPI_ROLE_LABELS[m.role][lang]})` : missingText(m, lang),
  );

export function noteText(n: KpiNote, lang: Lang): string {
  const T = REPORT_TEXT[lang];
  switch (n.code) {
    case 'no-kpi-role':
      return T.noKpiRole(n.name, n.roleText);
    case 'not-kpi-role':
      return T.notKpiRole(n.name, n.words.join(T.joiner));
    case 'unknown-role':
      return T.unknownRole(n.name, n.words.join(T.joiner));
    case 'shares-not-on-sheet':
      return T.sharesIgnored(n.name);
  }
}

function allowanceReason(status: AllowanceStatus, bar: number, lang: Lang): string {
  const T = REPORT_TEXT[lang];
  switch (status) {
    case 'no-kpi-role':
      return T.noKpiRoleReason;
    case 'undetermined':
      return T.undetermined;
    case 'meets-bar':
      return T.meets(bar);
    case 'below-bar':
      return T.below(bar);
  }
}

/** A configured shares entry that does not match the sheet, for the config error (English, roles named in `lang`). */
export function shareProblemText(p: ShareProblem, lang: Lang): string {
  const label = (r: KpiRole) => `${r} (${KPI_ROLE_LABELS[r][lang]})`;
  return `kpi.shares.${p.name}: gives ${p.given.map(label).join(', ') || 'no role'}, but the sheet's 岗位 "${p.roleText}" means ${p.roles.map(label).join(', ') || 'no KPI role'}`;
}

/** Where a target came from: the KPI sheet's own column, the config file, or the playbook's default. */
const TARGET_SOURCES: Record<TargetSource, { zh: string; en: string }> = {
  sheet: { zh: 'KPI表', en: 'KPI sheet' },
  config: { zh: '配置文件', en: 'config file' },
  default: { zh: '默认', en: 'default' },
};

/** What the history needs for each anchor figure, named as the exports name the counts. */
const HISTORY_NEEDS: Record<string, { zh: string; en: string }> = {
  productConversion: { zh: '成交人数和商品点击人数', en: 'buyers and product clickers' },
  dwellTime: { zh: '观看人数和人均停留时长', en: 'viewers and average dwell' },
  newFanClub: { zh: '新增粉丝团', en: 'new fan-club members' },
};

/** A figure from the history, or why the history could not give it: "取自历史（3 场）". */
export function historySourceText(metric: string, h: FigureSource, lang: Lang): string {
  const zh = lang === 'zh';
  const needs = HISTORY_NEEDS[metric]?.[lang] ?? metric;
  if (h.source === 'history') {
    const n =
      h.streams === h.of
        ? zh
          ? `${h.of} 场`
          : counted(h.of, 'stream')
        : zh
          ? `${h.of} 场中的 ${h.streams} 场`
          : `${h.streams} of ${counted(h.of, 'stream')}`;
    return zh ? `取自历史（本月其主播的 ${n}）` : `from the history (${n} they anchored this month)`;
  }
  switch (h.reason) {
    case 'no-streams':
      return zh ? '历史中本月没有其主播的场次' : 'the history has no stream they anchored this month';
    case 'no-counts':
      return zh
        ? `本月其主播的 ${h.of} 场${h.of === 1 ? '' : '都'}缺${needs}`
        : `the ${counted(h.of, 'stream')} they anchored this month lack ${needs}`;
    case 'some-missing':
      return zh
        ? `本月其主播的 ${h.of} 场中只有 ${h.streams} 场有${needs}`
        : `only ${h.streams} of the ${counted(h.of, 'stream')} they anchored this month have ${needs}`;
  }
}

const SOURCE_LABELS = { sheet: { zh: '表格', en: 'sheet' }, history: { zh: '历史', en: 'history' } } as const;

function localiseMetric(m: KpiMetricScore, lang: Lang) {
  return {
    metric: m.metric,
    label: metricName(m.metric, lang),
    unit: m.unit,
    lowerIsBetter: m.lowerIsBetter,
    actual: m.actual,
    actualText: formatFigure(m.actual, m.unit, lang),
    target: m.target,
    targetText: formatFigure(m.target, m.unit, lang),
    targetSource: m.targetSource,
    targetSourceLabel: m.targetSource === null ? null : TARGET_SOURCES[m.targetSource][lang],
    ratio: m.ratio,
    scoredRatio: m.scoredRatio,
    capped: m.capped,
    score: m.score,
    weight: m.weight,
    weighted: m.weighted,
    missing: m.missing.map((x) => missingText(x, lang)),
    source: m.source,
    sourceLabel: m.source === null ? null : SOURCE_LABELS[m.source][lang],
    /** The history's streams behind the figure, or why it could not give it; null when the sheet gave it. */
    history: m.history ? { ...m.history, text: historySourceText(m.metric, m.history, lang) } : null,
  };
}

/** Every figure the history filled or could not fill, person by person: the summary's lines. */
function fromHistory(people: KpiPersonScore[], lang: Lang) {
  return people.flatMap((p) =>
    p.roleScores.flatMap((r) =>
      r.metrics.flatMap((m) =>
        m.history
          ? [
              {
                name: p.name,
                row: p.row,
                role: r.role,
                metric: m.metric,
                label: metricName(m.metric, lang),
                value: m.source === 'history' ? m.actual : null,
                valueText: m.source === 'history' ? formatFigure(m.actual, m.unit, lang) : null,
                source: m.source === 'history' ? ('history' as const) : null,
                streams: m.history.streams,
                of: m.history.of,
                reason: m.history.source === 'history-gap' ? m.history.reason : null,
                text: historySourceText(m.metric, m.history, lang),
              },
            ]
          : [],
      ),
    ),
  );
}

function localisePerson(p: KpiPersonScore, bar: number, lang: Lang) {
  const T = REPORT_TEXT[lang];
  const roleLabel = (r: KpiRole) => KPI_ROLE_LABELS[r][lang];
  return {
    row: p.row,
    name: p.name,
    roleText: p.roleText,
    roles: p.roles,
    roleLabels: p.roles.map(roleLabel).join(T.joiner),
    otherRoles: p.otherRoles,
    hireDate: p.hireDate,
    newcomer: p.newcomer,
    total: p.total,
    totalSoFar: p.totalSoFar,
    complete: p.complete,
    missing: personMissing(p.missing, p.roleScores.length > 1, lang),
    rankText: p.roleScores
      .filter((r) => r.rank !== null)
      .map((r) => T.of(roleLabel(r.role), r.rank as number, r.of))
      .join(' · '),
    roleScores: p.roleScores.map((r) => ({
      role: r.role,
      roleLabel: roleLabel(r.role),
      share: r.share,
      score: r.score,
      scoreSoFar: r.scoreSoFar,
      complete: r.complete,
      missing: r.missing.map((x) => missingText(x, lang)),
      rank: r.rank,
      of: r.of,
      metrics: r.metrics.map((m) => localiseMetric(m, lang)),
    })),
    gmv: p.gmv,
    gmvTarget: p.gmvTarget,
    gmvAbove: p.gmvAbove,
    sprintBonus: p.sprintBonus,
    growthAllowance: p.growthAllowance
      ? {
          eligible: p.growthAllowance.eligible,
          amount: p.growthAllowance.amount,
          reason: allowanceReason(p.growthAllowance.status, bar, lang),
        }
      : null,
    proposals: p.proposals,
    proposalCount: p.proposalCount,
  };
}

function localiseRole(t: KpiFacts['roles'][KpiRole], lang: Lang) {
  return {
    role: t.role,
    label: KPI_ROLE_LABELS[t.role][lang],
    weights: t.weights.map((w) => ({
      metric: w.metric,
      label: metricName(w.metric, lang),
      weight: w.weight,
      lowerIsBetter: w.lowerIsBetter,
    })),
    people: t.people.map((x) => ({
      ...x,
      missing: x.missing.map((m) => missingText(m, lang)),
      metrics: Object.fromEntries(Object.entries(x.metrics).map(([id, m]) => [id, localiseMetric(m, lang)])),
    })),
  };
}

function localiseIncentives(i: KpiFacts['incentives'], lang: Lang) {
  const m = kpiText[lang];
  return {
    sprintBonus: i.sprintBonus,
    sprintBonusTotal: i.sprintBonusTotal,
    growthAllowance: i.growthAllowance.map(({ status, ...g }) => ({
      name: g.name,
      row: g.row,
      hireDate: g.hireDate,
      total: g.total,
      totalSoFar: g.totalSoFar,
      bar: g.bar,
      eligible: g.eligible,
      eligibleText: g.eligible === null ? REPORT_TEXT[lang].undetermined : g.eligible ? m.eligible : m.notEligible,
      amount: g.amount,
      reason: allowanceReason(status, g.bar, lang),
    })),
    innovation: i.innovation,
    proposalsColumn: i.proposalsColumn,
  };
}

/** The KPI report in words and formatted figures: what `kpi --json` prints and its writers and renderer receive. */
export function localiseKpi(r: KpiFacts, lang: Lang) {
  const roleLabel = (role: KpiRole) => KPI_ROLE_LABELS[role][lang];
  const severalRoles = new Map(r.people.map((p) => [p.row, p.roleScores.length > 1]));
  return {
    month: r.month,
    monthStart: r.monthStart,
    monthEnd: r.monthEnd,
    newcomerSince: r.newcomerSince,
    settings: r.settings,
    weights: r.weights.map((w) => ({
      role: w.role,
      roleLabel: roleLabel(w.role),
      metric: w.metric,
      label: metricName(w.metric, lang),
      weight: w.weight,
      unit: w.unit,
      lowerIsBetter: w.lowerIsBetter,
      target: w.target,
      targetText: formatFigure(w.target, w.unit, lang),
      targetSource: w.targetSource,
      targetSourceLabel: w.targetSource === null ? null : TARGET_SOURCES[w.targetSource][lang],
    })),
    people: r.people.map((p) => localisePerson(p, r.settings.bar, lang)),
    roles: {
      ops: localiseRole(r.roles.ops, lang),
      anchor: localiseRole(r.roles.anchor, lang),
      selector: localiseRole(r.roles.selector, lang),
      data: localiseRole(r.roles.data, lang),
    },
    scores: r.scores.map(({ row, name, role, share, roleScore, rank, total, sprintBonus, ...m }) => ({
      row,
      name,
      role,
      roleLabel: roleLabel(role),
      share,
      ...localiseMetric(m, lang),
      roleScore,
      rank,
      total,
      sprintBonus,
    })),
    incentives: localiseIncentives(r.incentives, lang),
    incomplete: r.incomplete.map((x) => ({
      name: x.name,
      row: x.row,
      missing: personMissing(x.missing, severalRoles.get(x.row) === true, lang),
      totalSoFar: x.totalSoFar,
    })),
    notes: [...r.readWarnings, ...r.notes.map((n) => noteText(n, lang))],
    /** Anchors' figures the sheet left empty: filled from the history (source history), or still empty and why. */
    fromHistory: fromHistory(r.people, lang),
    input: r.input,
    /** "（未完结：数据截至 2026-12-01）" when the period has not ended yet, else empty. */
    periodNote: periodNote(r.unfinished, lang),
    unfinished: r.unfinished,
    /** The files written, as shown to the user (the command adds them). */
    outputs: [] as string[],
    /** The charts put into the workbook, and whether a Chinese font drew their labels (null: none placed). */
    charts: null as { drawn: number; cjkFont: boolean | null } | null,
  };
}

export type KpiReport = ReturnType<typeof localiseKpi>;

/** The kpi command's own words: prompts, the terminal summary's headings and columns. */
export const kpiText = {
  zh: {
    pickFile: '选择本月的 KPI 数据表',
    askMonth: 'KPI 月份（如 2026-11）',
    badMonth: '请输入月份，如 2026-11',
    title: (month: string) => `月度 KPI ${month}`,
    people: (n: number) => `${n} 人`,
    weights: '权重',
    rank: '排名',
    name: '姓名',
    score: '得分',
    share: '占比',
    incomplete: '不完整',
    missing: '缺',
    lowerIsBetter: '越低越好',
    noOne: '（无人）',
    incentives: '激励',
    sprintBonus: '冲刺奖金',
    total: '合计',
    growthAllowance: (months: number, bar: number) => `成长津贴（入职 ${months} 个月内，达到 ${bar} 分）`,
    innovation: '创新奖（采纳提案）',
    none: '无',
    noProposalsColumn: '无（表中没有“采纳提案”列）',
    atOrBelow: '未超目标',
    incompleteTitle: (n: number) => `数据不完整，未排名（${n}）`,
    atLeast: '至少',
    notes: '说明',
    fromHistory: '主播数据取自历史（表格未填）：',
    stillEmpty: '仍空',
    scale: (cap: number) => `计分：实际 ÷ 目标 × 100（越低越好的指标：目标 ÷ 实际），上限 ${Math.round(cap * 100)} 分`,
    wrote: '已写入',
    newcomer: '新人',
    eligible: '符合',
    notEligible: '不符合',
  },
  en: {
    pickFile: "Pick the month's KPI sheet",
    askMonth: 'KPI month (e.g. 2026-11)',
    badMonth: 'enter a month such as 2026-11',
    title: (month: string) => `Monthly KPI ${month}`,
    people: (n: number) => counted(n, 'person', 'people'),
    weights: 'weights',
    rank: 'Rank',
    name: 'Name',
    score: 'Score',
    share: 'Share',
    incomplete: 'incomplete',
    missing: 'missing',
    lowerIsBetter: 'lower is better',
    noOne: '(no one)',
    incentives: 'Incentives',
    sprintBonus: 'Sprint bonus',
    total: 'total',
    growthAllowance: (months: number, bar: number) =>
      `Growth allowance (hired within ${counted(months, 'month')}, ${bar} points or more)`,
    innovation: 'Innovation awards (adopted proposals)',
    none: 'none',
    noProposalsColumn: 'none (the sheet has no adopted-proposals column)',
    atOrBelow: 'not above target',
    incompleteTitle: (n: number) => `Incomplete data, not ranked (${n})`,
    atLeast: 'at least',
    notes: 'Notes',
    fromHistory: 'Anchor figures from the history (empty in the sheet):',
    stillEmpty: 'still empty',
    scale: (cap: number) =>
      `Scale: actual ÷ target × 100 (lower is better: target ÷ actual), at most ${Math.round(cap * 100)} points`,
    wrote: 'wrote',
    newcomer: 'newcomer',
    eligible: 'eligible',
    notEligible: 'not eligible',
  },
};
