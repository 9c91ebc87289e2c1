/**
 * The config file's `kpi:` section: role weights (each role adds up to 100 %), targets, the scale's
 * cap, incentive rates, people's shares between roles and the team's role words. Kept apart so the
 * kpi command's settings live in one place. Defaults: the playbook's weights and
 * src/domain/kpi/metrics.ts.
 */
import { z } from 'zod';
import { defaultKpiTargets, KPI_METRICS, ROLE_WORDS } from '../domain/kpi/metrics.js';
import { defaultKpiWeights, KPI_DEFAULTS, KPI_ROLES, type KpiRole } from '../domain/kpi-weights.js';

/** Defaults of the scale and the incentives (README, `liveops kpi`). */
export const KPI_SCALE_DEFAULTS = {
  /** Achievement ratios are capped here: 1.2 → at most 120 points per metric. */
  cap: 1.2,
  /** Sprint bonus: this share of GMV above the person's target. */
  sprintBonusRate: 0.01,
  /** The KPI bar, in points, a newcomer must reach for the growth allowance. */
  bar: 80,
  /** Hired within this many months before the month's end = a newcomer. */
  newcomerMonths: 3,
  /** Growth allowance amount (yuan); null: only eligibility is listed. */
  growthAllowance: null as number | null,
  /** Innovation award per adopted proposal (yuan); null: proposals are only listed. */
  innovationAward: null as number | null,
};

const sumsTo100 = (what: string) => ({
  error: (issue: { input: unknown }) => {
    const sum = Object.values(issue.input as Record<string, number>).reduce((a, b) => a + b, 0);
    return `${what} add up to ${+(sum * 100).toFixed(4)}%; they must add up to 100%`;
  },
});
const addsUpTo1 = (w: Record<string, unknown>) => Math.abs(Object.values(w).reduce((a: number, b) => a + (b as number), 0) - 1) < 1e-9;

/** One role's weights: the playbook's metric ids, each 0–1, adding up to 100 %. */
const roleWeights = (role: KpiRole) =>
  z
    .object(Object.fromEntries(KPI_DEFAULTS[role].metrics.map((m) => [m.id, z.number().min(0).max(1)])))
    .strict()
    .refine(addsUpTo1, sumsTo100('weights'));

/** One role's targets, each optional and above 0, in the metric's unit (rates as fractions). */
const roleTargets = (role: KpiRole) =>
  z.object(Object.fromEntries(KPI_METRICS[role].map((m) => [m.id, z.number().positive().optional()]))).strict();

const kpiRole = z.enum(KPI_ROLES);

export const kpiSectionSchema = z
  .object({
    weights: z.object(Object.fromEntries(KPI_ROLES.map((r) => [r, roleWeights(r).optional()]))).strict().optional(),
    targets: z.object(Object.fromEntries(KPI_ROLES.map((r) => [r, roleTargets(r).optional()]))).strict().optional(),
    cap: z.number().min(1, 'the cap must be at least 1 (100 %)').optional(),
    sprintBonusRate: z.number().min(0).max(1).optional(),
    bar: z.number().min(0).optional(),
    newcomerMonths: z.number().int().min(1).optional(),
    growthAllowance: z.number().nonnegative().optional(),
    innovationAward: z.number().nonnegative().optional(),
    /** Per person: the share of each of their KPI roles in their total (adding up to 100 %). Default: equal shares. */
    shares: z.record(z.string().min(1), z.partialRecord(kpiRole, z.number().min(0).max(1)).refine(addsUpTo1, sumsTo100('shares'))).optional(),
    /** The team's role words (岗位) → a KPI role, or null for a role without KPI. Added to the built-in ones. */
    roleWords: z.record(z.string().min(1), kpiRole.nullable()).optional(),
  })
  .strict();

export type KpiSection = z.infer<typeof kpiSectionSchema>;

export interface KpiSettings {
  weights: Record<KpiRole, Record<string, number>>;
  /** Per role and metric; null: per person only (GMV目标 in the sheet). */
  targets: Record<KpiRole, Record<string, number | null>>;
  /** Which targets the config file set (the others are defaults). */
  configuredTargets: Record<KpiRole, string[]>;
  cap: number;
  sprintBonusRate: number;
  bar: number;
  newcomerMonths: number;
  growthAllowance: number | null;
  innovationAward: number | null;
  shares: Record<string, Partial<Record<KpiRole, number>>>;
  roleWords: Record<string, KpiRole | null>;
}

export function resolveKpi(section: KpiSection | undefined): KpiSettings {
  const targets = defaultKpiTargets();
  const configuredTargets = Object.fromEntries(KPI_ROLES.map((r) => [r, [] as string[]])) as Record<KpiRole, string[]>;
  for (const role of KPI_ROLES) {
    const given = (section?.targets as Partial<Record<KpiRole, Record<string, number | undefined>>> | undefined)?.[role];
    for (const [id, v] of Object.entries(given ?? {})) {
      if (typeof v !== 'number') continue;
      targets[role][id] = v;
      configuredTargets[role].push(id);
    }
  }
  return {
    weights: { ...defaultKpiWeights(), ...(section?.weights as Partial<Record<KpiRole, Record<string, number>>> | undefined) },
    targets,
    configuredTargets,
    cap: section?.cap ?? KPI_SCALE_DEFAULTS.cap,
    sprintBonusRate: section?.sprintBonusRate ?? KPI_SCALE_DEFAULTS.sprintBonusRate,
    bar: section?.bar ?? KPI_SCALE_DEFAULTS.bar,
    newcomerMonths: section?.newcomerMonths ?? KPI_SCALE_DEFAULTS.newcomerMonths,
    growthAllowance: section?.growthAllowance ?? KPI_SCALE_DEFAULTS.growthAllowance,
    innovationAward: section?.innovationAward ?? KPI_SCALE_DEFAULTS.innovationAward,
    shares: (section?.shares ?? {}) as Record<string, Partial<Record<KpiRole, number>>>,
    roleWords: { ...ROLE_WORDS, ...(section?.roleWords ?? {}) },
  };
}
