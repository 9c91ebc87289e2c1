/**
 * The month's KPI report (月度KPI): each person's metrics scored against their targets, weighted
 * per role, combined across roles by shares, ranked within each role; and the incentives (sprint
 * bonus, growth allowance, innovation awards). Pure: the sheet's rows in, the report model out.
 */
import { fmtCount, fmtDuration, fmtMoney, fmtRate, type Lang } from '../../format.js';
import type { KpiSettings } from '../../config/kpi-section.js';
import { KPI_METRICS, KPI_ROLE_LABELS, KPI_ROLES, type KpiMetric, type KpiRole, type KpiUnit } from './metrics.js';
import { achievement, isNewcomer, monthRange, monthsBefore, parseRoles, rank, sprintBonus } from './score.js';

export interface KpiPersonInput {
  /** Row in the sheet, as a spreadsheet shows it. */
  row: number;
  name: string;
  /** The 岗位 cell as written: "运营,场控". */
  roleText: string;
  /** YYYY-MM-DD, or null when the sheet does not say. */
  hireDate: string | null;
  /** The month's figures by field id (gmv, gmvTarget, trafficGrowth, …); null = missing. */
  figures: Record<string, number | null>;
  /** Per-person targets from 目标 columns beside a figure (流量增长目标, 转化率目标), by field id. */
  targets?: Record<string, number | null>;
  /** Adopted proposals (采纳提案); empty when none or when the sheet has no such column. */
  proposals: string[];
  proposalCount: number;
}

export interface KpiInput {
  month: string;
  file: string;
  sheet: string | null;
  /** Header text in the sheet per field id, for naming missing figures. */
  headers: Record<string, string>;
  /** Header text of each per-person target column, by the field it is the target of. */
  targetHeaders?: Record<string, string>;
  /** Header of the adopted-proposals column, or null when the sheet has none. */
  proposalsColumn: string | null;
  people: KpiPersonInput[];
  /** Cells read as written but unlikely meant so, one line each (shown with the notes). */
  readWarnings?: string[];
}

export type KpiReportSettings = KpiSettings & { lang: Lang };

const TEXT = {
  zh: {
    notKpiRole: (name: string, words: string) => `${name}：${words} 不是 KPI 岗位，不计分`,
    unknownRole: (name: string, words: string) => `${name}：岗位「${words}」无法对应 KPI 岗位（运营、主播、选品、数据分析），不计分；可在配置 kpi.roleWords 中映射`,
    noKpiRole: (name: string, roleText: string) => `${name}：岗位「${roleText}」没有 KPI，未计分`,
    sharesIgnored: (name: string) => `配置 kpi.shares 中的「${name}」不在本月名单中`,
    targetFor: (label: string) => `${label}目标`,
    incomplete: '数据不完整',
    noKpiRoleReason: '没有 KPI 岗位',
    meets: (bar: number) => `达到 ${bar} 分`,
    below: (bar: number) => `低于 ${bar} 分`,
    joiner: '、',
    of: (label: string, rank: number, of: number) => `${label} ${rank}/${of}`,
    yes: '符合',
    no: '不符合',
    undetermined: '待定（数据不完整）',
  },
  en: {
    notKpiRole: (name: string, words: string) => `${name}: ${words} has no KPI; not scored`,
    unknownRole: (name: string, words: string) => `${name}: role "${words}" matches no KPI role (运营, 主播, 选品, 数据分析); not scored — map it with kpi.roleWords in the config`,
    noKpiRole: (name: string, roleText: string) => `${name}: role "${roleText}" has no KPI; not scored`,
    sharesIgnored: (name: string) => `"${name}" in the config's kpi.shares is not on this month's sheet`,
    targetFor: (label: string) => `${label} target`,
    incomplete: 'incomplete data',
    noKpiRoleReason: 'no KPI role',
    meets: (bar: number) => `meets ${bar} points`,
    below: (bar: number) => `below ${bar} points`,
    joiner: ', ',
    of: (label: string, rank: number, of: number) => `${label} ${rank}/${of}`,
    yes: 'eligible',
    no: 'not eligible',
    undetermined: 'undetermined (incomplete data)',
  },
};

/** How a figure reads to people, in its unit. */
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

export type TargetSource = 'sheet' | 'config' | 'default';

function scoreMetric(m: KpiMetric, p: KpiPersonInput, s: KpiReportSettings, headers: Record<string, string>) {
  const T = TEXT[s.lang];
  const actual = p.figures[m.field] ?? null;
  // The person's own target on the sheet wins over the config's and the default.
  const sheetTarget = (m.targetField ? (p.figures[m.targetField] ?? null) : null) ?? p.targets?.[m.field] ?? null;
  const configured = s.targets[m.role][m.id] ?? null;
  const target = sheetTarget ?? configured;
  const targetSource: TargetSource | null =
    sheetTarget !== null ? 'sheet' : configured === null ? null : s.configuredTargets[m.role].includes(m.id) ? 'config' : 'default';
  const weight = s.weights[m.role][m.id] ?? 0;
  const missing: string[] = [];
  if (actual === null) missing.push(headers[m.field] ?? m.label[s.lang]);
  if (target === null) missing.push(m.targetField ? (headers[m.targetField] ?? T.targetFor(m.label[s.lang])) : T.targetFor(m.label[s.lang]));
  const a = actual !== null && target !== null ? achievement(actual, target, { lowerIsBetter: m.lowerIsBetter, cap: s.cap }) : null;
  return {
    metric: m.id,
    label: m.label[s.lang],
    unit: m.unit,
    lowerIsBetter: m.lowerIsBetter,
    actual,
    actualText: formatFigure(actual, m.unit, s.lang),
    target,
    targetText: formatFigure(target, m.unit, s.lang),
    targetSource,
    /** actual ÷ target (lower is better: target ÷ actual), before floor and cap. */
    ratio: a ? a.ratio : null,
    /** The ratio scored: floored at 0, capped at settings.cap. */
    scoredRatio: a ? a.scoredRatio : null,
    capped: a ? a.capped : null,
    /** Points: scoredRatio × 100; null when the figure or its target is missing. */
    score: a ? a.score : null,
    weight,
    weighted: a ? a.score * weight : null,
    /** What is missing (header names); a metric with weight 0 never makes a score incomplete. */
    missing,
  };
}

export type KpiMetricScore = ReturnType<typeof scoreMetric>;

/** One person's KPI: each role's weighted score, the total by share, the sprint bonus and the growth allowance. */
function scorePerson(p: KpiInput['people'][number], input: KpiInput, s: KpiReportSettings, monthEnd: string, notes: string[]) {
  const T = TEXT[s.lang];
  const roleLabel = (r: KpiRole) => KPI_ROLE_LABELS[r][s.lang];
  const parsed = parseRoles(p.roleText, s.roleWords);
  const known = parsed.other.filter((o) => o.known).map((o) => o.word);
  const unknown = parsed.other.filter((o) => !o.known).map((o) => o.word);
  if (!parsed.roles.length && !unknown.length) notes.push(T.noKpiRole(p.name, p.roleText));
  else {
    if (known.length) notes.push(T.notKpiRole(p.name, known.join(T.joiner)));
    if (unknown.length) notes.push(T.unknownRole(p.name, unknown.join(T.joiner)));
  }
  const configuredShares = s.shares[p.name];
  const roleScores = parsed.roles.map((role) => {
    const metrics = KPI_METRICS[role].map((m) => scoreMetric(m, p, s, input.headers));
    const missing = metrics.filter((m) => m.weight > 0).flatMap((m) => m.missing);
    const complete = missing.length === 0;
    const scoreSoFar = metrics.reduce((sum, m) => sum + (m.weighted ?? 0), 0);
    return {
      role,
      roleLabel: roleLabel(role),
      share: configuredShares ? (configuredShares[role] ?? 0) : 1 / parsed.roles.length,
      /** Σ weight × metric score; null when a figure is missing (see scoreSoFar). */
      score: complete ? scoreSoFar : null,
      /** The weighted sum of the figures present: what the score is at least. */
      scoreSoFar,
      complete,
      missing,
      rank: null as number | null,
      of: 0,
      metrics,
    };
  });
  const complete = roleScores.length > 0 && roleScores.every((r) => r.complete);
  const totalSoFar = roleScores.length ? roleScores.reduce((sum, r) => sum + r.share * r.scoreSoFar, 0) : null;
  const total = complete ? totalSoFar : null;
  const gmv = p.figures.gmv ?? null;
  const gmvTarget = p.figures.gmvTarget ?? (parsed.roles.includes('ops') ? (s.targets.ops.gmvAchievement ?? null) : null);
  const bonus = gmv !== null && gmvTarget !== null ? sprintBonus(gmv, gmvTarget, s.sprintBonusRate) : null;
  const newcomer = isNewcomer(p.hireDate, monthEnd, s.newcomerMonths);
  const eligible = !newcomer ? null : total === null ? null : total >= s.bar;
  return {
    row: p.row,
    name: p.name,
    roleText: p.roleText,
    roles: parsed.roles,
    roleLabels: parsed.roles.map(roleLabel).join(T.joiner),
    otherRoles: parsed.other.map((o) => o.word),
    hireDate: p.hireDate,
    newcomer,
    /** Σ share × role score; null when incomplete or without a KPI role. */
    total,
    totalSoFar,
    complete,
    missing: roleScores.flatMap((r) => r.missing.map((m) => (roleScores.length > 1 ? `${m} (${r.roleLabel})` : m))),
    rankText: '',
    roleScores,
    gmv,
    gmvTarget,
    gmvAbove: gmv !== null && gmvTarget !== null ? gmv - gmvTarget : null,
    sprintBonus: bonus,
    growthAllowance: newcomer
      ? {
          eligible,
          amount: eligible ? s.growthAllowance : null,
          reason: !roleScores.length ? T.noKpiRoleReason : eligible === null ? T.undetermined : eligible ? T.meets(s.bar) : T.below(s.bar),
        }
      : null,
    proposals: p.proposals,
    proposalCount: p.proposalCount,
  };
}

/** Ranks within one role, by the role score (complete scores only). */
function rankedRole(people: Array<ReturnType<typeof scorePerson>>, role: KpiRole, s: KpiReportSettings) {
  const roleLabel = (r: KpiRole) => KPI_ROLE_LABELS[r][s.lang];
  const entries = people.flatMap((person) => person.roleScores.filter((r) => r.role === role).map((r) => ({ person, r })));
  const ranks = rank(entries, (e) => e.r.score);
  for (const e of entries) {
    e.r.rank = ranks.get(e) ?? null;
    e.r.of = ranks.size;
  }
  const ordered = [...entries].sort((a, b) => (a.r.rank ?? Infinity) - (b.r.rank ?? Infinity) || a.person.row - b.person.row);
  return {
    role,
    label: roleLabel(role),
    weights: KPI_METRICS[role].map((m) => ({ metric: m.id, label: m.label[s.lang], weight: s.weights[role][m.id] ?? 0, lowerIsBetter: m.lowerIsBetter })),
    people: ordered.map(({ person, r }) => ({
      rank: r.rank,
      of: r.of,
      name: person.name,
      row: person.row,
      share: r.share,
      score: r.score,
      scoreSoFar: r.scoreSoFar,
      complete: r.complete,
      missing: r.missing,
      /** By metric id, for templates: {{metrics.gmvAchievement.score}}. */
      metrics: Object.fromEntries(r.metrics.map((m) => [m.metric, m])) as Record<string, KpiMetricScore>,
      total: person.total,
      sprintBonus: person.sprintBonus,
    })),
  };
}

export function buildKpiReport(input: KpiInput, s: KpiReportSettings) {
  const T = TEXT[s.lang];
  const range = monthRange(input.month);
  if (!range) throw new RangeError(`not a month: ${input.month}`);
  const newcomerSince = monthsBefore(range.last, s.newcomerMonths);
  const roleLabel = (r: KpiRole) => KPI_ROLE_LABELS[r][s.lang];
  const notes: string[] = [...(input.readWarnings ?? [])];
  const names = new Set(input.people.map((p) => p.name));
  for (const name of Object.keys(s.shares)) if (!names.has(name)) notes.push(T.sharesIgnored(name));

  const people = input.people.map((p) => scorePerson(p, input, s, range.last, notes));

  const roleTable = (role: KpiRole) => rankedRole(people, role, s);
  const roles = { ops: roleTable('ops'), anchor: roleTable('anchor'), selector: roleTable('selector'), data: roleTable('data') } satisfies Record<KpiRole, unknown>;
  for (const p of people) p.rankText = p.roleScores.filter((r) => r.rank !== null).map((r) => T.of(r.roleLabel, r.rank as number, r.of)).join(' · ');

  const scores = people.flatMap((p) =>
    p.roleScores.flatMap((r) =>
      r.metrics.map((m) => ({
        row: p.row,
        name: p.name,
        role: r.role,
        roleLabel: r.roleLabel,
        share: r.share,
        ...m,
        roleScore: r.score,
        rank: r.rank,
        total: p.total,
        sprintBonus: p.sprintBonus,
      })),
    ),
  );

  const weights = KPI_ROLES.flatMap((role) =>
    KPI_METRICS[role].map((m) => ({
      role,
      roleLabel: roleLabel(role),
      metric: m.id,
      label: m.label[s.lang],
      weight: s.weights[role][m.id] ?? 0,
      unit: m.unit,
      lowerIsBetter: m.lowerIsBetter,
      target: s.targets[role][m.id] ?? null,
      targetText: formatFigure(s.targets[role][m.id] ?? null, m.unit, s.lang),
      targetSource: m.targetField || input.targetHeaders?.[m.field] ? ('sheet' as const) : s.configuredTargets[role].includes(m.id) ? ('config' as const) : ('default' as const),
    })),
  );

  const withBonus = people.filter((p) => p.sprintBonus !== null);
  return {
    month: input.month,
    monthStart: range.first,
    monthEnd: range.last,
    newcomerSince,
    settings: {
      cap: s.cap,
      sprintBonusRate: s.sprintBonusRate,
      bar: s.bar,
      newcomerMonths: s.newcomerMonths,
      growthAllowance: s.growthAllowance,
      innovationAward: s.innovationAward,
    },
    weights,
    people,
    roles,
    scores,
    incentives: {
      sprintBonus: withBonus.map((p) => ({
        name: p.name,
        row: p.row,
        gmv: p.gmv,
        gmvTarget: p.gmvTarget,
        above: p.gmvAbove,
        rate: s.sprintBonusRate,
        bonus: p.sprintBonus as number,
      })),
      sprintBonusTotal: withBonus.reduce((sum, p) => sum + (p.sprintBonus as number), 0),
      growthAllowance: people
        .filter((p) => p.growthAllowance !== null)
        .map((p) => ({
          name: p.name,
          row: p.row,
          hireDate: p.hireDate,
          total: p.total,
          totalSoFar: p.totalSoFar,
          bar: s.bar,
          eligible: p.growthAllowance!.eligible,
          eligibleText: p.growthAllowance!.eligible === null ? T.undetermined : p.growthAllowance!.eligible ? T.yes : T.no,
          amount: p.growthAllowance!.amount,
          reason: p.growthAllowance!.reason,
        })),
      innovation: people
        .filter((p) => p.proposalCount > 0)
        .map((p) => ({
          name: p.name,
          row: p.row,
          count: p.proposalCount,
          proposals: p.proposals,
          amount: s.innovationAward === null ? null : s.innovationAward * p.proposalCount,
        })),
      /** The adopted-proposals column found in the sheet, or null. */
      proposalsColumn: input.proposalsColumn,
    },
    incomplete: people.filter((p) => p.roles.length > 0 && !p.complete).map((p) => ({ name: p.name, row: p.row, missing: p.missing, totalSoFar: p.totalSoFar })),
    notes,
    input: { file: input.file, sheet: input.sheet, people: input.people.length },
    /** Set by the command when the period has not ended yet: "（未完结：数据截至 2026-12-01）", else empty. */
    periodNote: '',
    /** The period has not ended (today in Beijing is within it or before its end): figures are partial. */
    unfinished: null as { asOf: string } | null,
    outputs: [] as string[],
  };
}

export type KpiReport = ReturnType<typeof buildKpiReport>;

/**
 * Shares in the config for a person must cover exactly their KPI roles. Returns a problem per
 * person whose configured shares name a role they do not hold, or miss one they hold.
 */
export function shareProblems(people: Array<{ name: string; roleText: string }>, s: Pick<KpiSettings, 'shares' | 'roleWords'>, lang: Lang): string[] {
  const problems: string[] = [];
  for (const p of people) {
    const shares = s.shares[p.name];
    if (!shares) continue;
    const roles = parseRoles(p.roleText, s.roleWords).roles;
    const given = Object.keys(shares) as KpiRole[];
    const extra = given.filter((r) => !roles.includes(r));
    const lacking = roles.filter((r) => !given.includes(r));
    if (extra.length || lacking.length) {
      const label = (r: KpiRole) => `${r} (${KPI_ROLE_LABELS[r][lang]})`;
      problems.push(
        `kpi.shares.${p.name}: gives ${given.map(label).join(', ') || 'no role'}, but the sheet's 岗位 "${p.roleText}" means ${roles.map(label).join(', ') || 'no KPI role'}`,
      );
    }
  }
  return problems;
}
