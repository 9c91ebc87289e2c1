/**
 * The month's KPI report (月度KPI): each person's metrics scored against their targets, weighted
 * per role, combined across roles by shares, ranked within each role; and the incentives (sprint
 * bonus, growth allowance, innovation awards). Pure: the sheet's rows in, codes and numbers out;
 * localiseKpi words and formats them into the report the command prints and writes.
 */
import type { KpiSettings } from '../../config/kpi-section.js';
import { KPI_METRICS, KPI_ROLES, type KpiMetric, type KpiRole } from './metrics.js';
import type { FigureSource } from '../history/plan-records.js';
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
  /** Figures the sheet left empty that the history filled (or could not), by field id. */
  sources?: Record<string, FigureSource>;
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

export type TargetSource = 'sheet' | 'config' | 'default';

/**
 * A figure or a target a score needs that the sheet does not give: whose role and metric it is,
 * and the sheet's header for it when the sheet has a column (else the renderer names the metric).
 */
export interface MissingFigure {
  role: KpiRole;
  metric: string;
  what: 'figure' | 'target';
  header: string | null;
}

/** Something about the sheet or the config worth telling, that scores nothing. */
export type KpiNote =
  /** The person's 岗位 names no role at all. */
  | { code: 'no-kpi-role'; name: string; roleText: string }
  /** Roles of the person the playbook gives no KPI (场控, 助播, 客服). */
  | { code: 'not-kpi-role'; name: string; words: string[] }
  /** Words of the 岗位 cell that match no role (map them with kpi.roleWords). */
  | { code: 'unknown-role'; name: string; words: string[] }
  /** A name under the config's kpi.shares that is not on this month's sheet. */
  | { code: 'shares-not-on-sheet'; name: string };

/** One metric of one role for one person: the figure, its target, the achievement and the points. */
export function scoreMetric(
  m: KpiMetric,
  p: Pick<KpiPersonInput, 'figures' | 'targets' | 'sources'>,
  s: KpiSettings,
  headers: Record<string, string>,
) {
  const actual = p.figures[m.field] ?? null;
  // The person's own target on the sheet wins over the config's and the default.
  const sheetTarget = (m.targetField ? (p.figures[m.targetField] ?? null) : null) ?? p.targets?.[m.field] ?? null;
  const configured = s.targets[m.role][m.id] ?? null;
  const target = sheetTarget ?? configured;
  const targetSource: TargetSource | null =
    sheetTarget !== null
      ? 'sheet'
      : configured === null
        ? null
        : s.configuredTargets[m.role].includes(m.id)
          ? 'config'
          : 'default';
  const weight = s.weights[m.role][m.id] ?? 0;
  const missing: MissingFigure[] = [];
  if (actual === null) missing.push({ role: m.role, metric: m.id, what: 'figure', header: headers[m.field] ?? null });
  if (target === null)
    missing.push({
      role: m.role,
      metric: m.id,
      what: 'target',
      header: m.targetField ? (headers[m.targetField] ?? null) : null,
    });
  const from = p.sources?.[m.field] ?? null;
  const a =
    actual !== null && target !== null
      ? achievement(actual, target, { lowerIsBetter: m.lowerIsBetter, cap: s.cap })
      : null;
  return {
    metric: m.id,
    unit: m.unit,
    lowerIsBetter: m.lowerIsBetter,
    actual,
    target,
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
    /** What is missing; a metric with weight 0 never makes a score incomplete. */
    missing,
    /** Where the figure came from: the sheet, or the history (the month's streams the anchor anchored); null when missing. */
    source: actual === null ? null : from?.source === 'history' ? ('history' as const) : ('sheet' as const),
    /** The history's streams behind the figure, or why the history could not give it (the sheet left it empty). */
    history: from,
  };
}

export type KpiMetricScore = ReturnType<typeof scoreMetric>;

/**
 * How a newcomer's growth allowance was decided: no KPI role to score, a score still incomplete,
 * or the total against the bar.
 */
export type AllowanceStatus = 'no-kpi-role' | 'undetermined' | 'meets-bar' | 'below-bar';

/** One person's KPI: each role's weighted score, the total by share, the sprint bonus and the growth allowance. */
export function scorePerson(
  p: KpiPersonInput,
  input: Pick<KpiInput, 'headers'>,
  s: KpiSettings,
  monthEnd: string,
  notes: KpiNote[],
) {
  const parsed = parseRoles(p.roleText, s.roleWords);
  const known = parsed.other.filter((o) => o.known).map((o) => o.word);
  const unknown = parsed.other.filter((o) => !o.known).map((o) => o.word);
  if (!parsed.roles.length && !unknown.length) notes.push({ code: 'no-kpi-role', name: p.name, roleText: p.roleText });
  else {
    if (known.length) notes.push({ code: 'not-kpi-role', name: p.name, words: known });
    if (unknown.length) notes.push({ code: 'unknown-role', name: p.name, words: unknown });
  }
  const configuredShares = s.shares[p.name];
  const roleScores = parsed.roles.map((role) => {
    const metrics = KPI_METRICS[role].map((m) => scoreMetric(m, p, s, input.headers));
    const missing = metrics.filter((m) => m.weight > 0).flatMap((m) => m.missing);
    const complete = missing.length === 0;
    const scoreSoFar = metrics.reduce((sum, m) => sum + (m.weighted ?? 0), 0);
    return {
      role,
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
  const gmvTarget =
    p.figures.gmvTarget ?? (parsed.roles.includes('ops') ? (s.targets.ops.gmvAchievement ?? null) : null);
  const bonus = gmv !== null && gmvTarget !== null ? sprintBonus(gmv, gmvTarget, s.sprintBonusRate) : null;
  const newcomer = isNewcomer(p.hireDate, monthEnd, s.newcomerMonths);
  const eligible = !newcomer ? null : total === null ? null : total >= s.bar;
  const status: AllowanceStatus = !roleScores.length
    ? 'no-kpi-role'
    : eligible === null
      ? 'undetermined'
      : eligible
        ? 'meets-bar'
        : 'below-bar';
  return {
    row: p.row,
    name: p.name,
    roleText: p.roleText,
    roles: parsed.roles,
    otherRoles: parsed.other.map((o) => o.word),
    hireDate: p.hireDate,
    newcomer,
    /** Σ share × role score; null when incomplete or without a KPI role. */
    total,
    totalSoFar,
    complete,
    missing: roleScores.flatMap((r) => r.missing),
    roleScores,
    gmv,
    gmvTarget,
    gmvAbove: gmv !== null && gmvTarget !== null ? gmv - gmvTarget : null,
    sprintBonus: bonus,
    growthAllowance: newcomer ? { eligible, amount: eligible ? s.growthAllowance : null, status } : null,
    proposals: p.proposals,
    proposalCount: p.proposalCount,
  };
}

export type KpiPersonScore = ReturnType<typeof scorePerson>;

/** Ranks within one role, by the role score (complete scores only); sets each role score's rank and of. */
export function rankedRole(people: KpiPersonScore[], role: KpiRole, s: Pick<KpiSettings, 'weights'>) {
  const entries = people.flatMap((person) =>
    person.roleScores.filter((r) => r.role === role).map((r) => ({ person, r })),
  );
  const ranks = rank(entries, (e) => e.r.score);
  for (const e of entries) {
    e.r.rank = ranks.get(e) ?? null;
    e.r.of = ranks.size;
  }
  const ordered = [...entries].sort(
    (a, b) => (a.r.rank ?? Infinity) - (b.r.rank ?? Infinity) || a.person.row - b.person.row,
  );
  return {
    role,
    weights: KPI_METRICS[role].map((m) => ({
      metric: m.id,
      weight: s.weights[role][m.id] ?? 0,
      lowerIsBetter: m.lowerIsBetter,
    })),
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

/** Every role's weights and default or configured targets, and where each person's target comes from. */
export function weightTable(
  input: Pick<KpiInput, 'targetHeaders'>,
  s: Pick<KpiSettings, 'weights' | 'targets' | 'configuredTargets'>,
) {
  return KPI_ROLES.flatMap((role) =>
    KPI_METRICS[role].map((m) => ({
      role,
      metric: m.id,
      weight: s.weights[role][m.id] ?? 0,
      unit: m.unit,
      lowerIsBetter: m.lowerIsBetter,
      target: s.targets[role][m.id] ?? null,
      targetSource:
        m.targetField || input.targetHeaders?.[m.field]
          ? ('sheet' as const)
          : s.configuredTargets[role].includes(m.id)
            ? ('config' as const)
            : ('default' as const),
    })),
  );
}

/** The month's incentives: sprint bonuses above the GMV target, newcomers' growth allowances, innovation awards. */
export function incentivesOf(
  people: KpiPersonScore[],
  s: Pick<KpiSettings, 'sprintBonusRate' | 'bar' | 'innovationAward'>,
  proposalsColumn: string | null,
) {
  const withBonus = people.filter((p) => p.sprintBonus !== null);
  return {
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
        amount: p.growthAllowance!.amount,
        status: p.growthAllowance!.status,
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
    proposalsColumn,
  };
}

export function buildKpiReport(input: KpiInput, s: KpiSettings) {
  const range = monthRange(input.month);
  if (!range) throw new RangeError(`not a month: ${input.month}`);
  const newcomerSince = monthsBefore(range.last, s.newcomerMonths);
  const notes: KpiNote[] = [];
  const names = new Set(input.people.map((p) => p.name));
  for (const name of Object.keys(s.shares)) if (!names.has(name)) notes.push({ code: 'shares-not-on-sheet', name });

  const people = input.people.map((p) => scorePerson(p, input, s, range.last, notes));

  const roleTable = (role: KpiRole) => rankedRole(people, role, s);
  const roles = {
    ops: roleTable('ops'),
    anchor: roleTable('anchor'),
    selector: roleTable('selector'),
    data: roleTable('data'),
  } satisfies Record<KpiRole, unknown>;

  const scores = people.flatMap((p) =>
    p.roleScores.flatMap((r) =>
      r.metrics.map((m) => ({
        row: p.row,
        name: p.name,
        role: r.role,
        share: r.share,
        ...m,
        roleScore: r.score,
        rank: r.rank,
        total: p.total,
        sprintBonus: p.sprintBonus,
      })),
    ),
  );

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
    weights: weightTable(input, s),
    people,
    roles,
    scores,
    incentives: incentivesOf(people, s, input.proposalsColumn),
    incomplete: people
      .filter((p) => p.roles.length > 0 && !p.complete)
      .map((p) => ({ name: p.name, row: p.row, missing: p.missing, totalSoFar: p.totalSoFar })),
    /** The reader's lines about the sheet, as the command worded them; shown before the notes. */
    readWarnings: input.readWarnings ?? [],
    notes,
    input: { file: input.file, sheet: input.sheet, people: input.people.length },
    /** Set by the command when the period has not ended yet (today in Beijing is within it or before its end): figures are partial. */
    unfinished: null as { asOf: string } | null,
  };
}

/** What buildKpiReport finds; the printed and written report is localiseKpi's KpiReport. */
export type KpiFacts = ReturnType<typeof buildKpiReport>;

/** Configured shares that do not match a person's KPI roles: the roles given and the roles the sheet means. */
export interface ShareProblem {
  name: string;
  roleText: string;
  given: KpiRole[];
  roles: KpiRole[];
}

/**
 * Shares in the config for a person must cover exactly their KPI roles. Returns a problem per
 * person whose configured shares name a role they do not hold, or miss one they hold.
 */
export function shareProblems(
  people: Array<{ name: string; roleText: string }>,
  s: Pick<KpiSettings, 'shares' | 'roleWords'>,
): ShareProblem[] {
  const problems: ShareProblem[] = [];
  for (const p of people) {
    const shares = s.shares[p.name];
    if (!shares) continue;
    const roles = parseRoles(p.roleText, s.roleWords).roles;
    const given = Object.keys(shares) as KpiRole[];
    const extra = given.filter((r) => !roles.includes(r));
    const lacking = roles.filter((r) => !given.includes(r));
    if (extra.length || lacking.length) problems.push({ name: p.name, roleText: p.roleText, given, roles });
  }
  return problems;
}
