/**
 * The config file's `kpi:` section: role weights (each role adds up to 100 %), targets, the scale's
 * cap, incentive rates, people's shares between roles and the team's role words. Kept apart so the
 * kpi command's settings live in one place. Defaults: the playbook's weights and
 * src/domain/kpi/metrics.ts.
 */
import type { KpiSection } from './file-schema.js';
import { defaultKpiTargets, ROLE_WORDS } from '../domain/kpi/metrics.js';
import { defaultKpiWeights, KPI_ROLES, type KpiRole } from '../domain/kpi-weights.js';

export type { KpiSection };

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
    const given = (section?.targets as Partial<Record<KpiRole, Record<string, number | undefined>>> | undefined)?.[
      role
    ];
    for (const [id, v] of Object.entries(given ?? {})) {
      if (typeof v !== 'number') continue;
      targets[role][id] = v;
      configuredTargets[role].push(id);
    }
  }
  return {
    weights: {
      ...defaultKpiWeights(),
      ...(section?.weights as Partial<Record<KpiRole, Record<string, number>>> | undefined),
    },
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
