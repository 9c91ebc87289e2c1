/**
 * The KPI metrics as data: which input field each one reads, its unit, whether lower is better,
 * and its default monthly target. The weights themselves are the playbook's (../kpi-weights.ts);
 * the metrics' and roles' names are with the kpi command's words (localiseKpi's module).
 */
import { KPI_DEFAULTS, KPI_ROLES, type KpiRole } from '../kpi-weights.js';

export { KPI_ROLES, type KpiRole };

export type KpiUnit = 'money' | 'rate' | 'count' | 'seconds' | 'points' | 'ratio';

export interface KpiMetric {
  id: string;
  role: KpiRole;
  /** The field of the KPI sheet (src/io/read/fields.ts) that carries the month's figure. */
  field: string;
  /** A per-person target column in the sheet, when there is one (GMV目标). */
  targetField: string | null;
  unit: KpiUnit;
  lowerIsBetter: boolean;
  /**
   * Default monthly target, in the metric's unit; null when the target is per person only
   * (GMV achievement: each person's GMV目标).
   */
  defaultTarget: number | null;
}

/**
 * Default targets are the team's usual monthly bar, chosen so that "at target" is 100 points:
 * - product conversion 5 %: the playbook's `product-conversion-low` threshold;
 * - return rate 20 %: a common apparel/beauty live-commerce ceiling (lower is better);
 * - the others are round monthly goals a director would set and is expected to override.
 */
const DEFS: Record<string, Omit<KpiMetric, 'id' | 'role' | 'lowerIsBetter'>> = {
  gmvAchievement: { field: 'gmv', targetField: 'gmvTarget', unit: 'money', defaultTarget: null },
  trafficGrowth: { field: 'trafficGrowth', targetField: null, unit: 'rate', defaultTarget: 0.1 },
  processImprovements: { field: 'processImprovements', targetField: null, unit: 'count', defaultTarget: 3 },
  productConversion: { field: 'clickToOrderRate', targetField: null, unit: 'rate', defaultTarget: 0.05 },
  dwellTime: { field: 'avgDwell', targetField: null, unit: 'seconds', defaultTarget: 90 },
  newFanClub: { field: 'newFanClub', targetField: null, unit: 'count', defaultTarget: 200 },
  productRoi: { field: 'productRoi', targetField: null, unit: 'ratio', defaultTarget: 3 },
  returnRate: { field: 'refundRate', targetField: null, unit: 'rate', defaultTarget: 0.2 },
  newProducts: { field: 'newProducts', targetField: null, unit: 'count', defaultTarget: 5 },
  reportQuality: { field: 'reportQuality', targetField: null, unit: 'points', defaultTarget: 90 },
  strategyAdoption: { field: 'strategyAdoption', targetField: null, unit: 'rate', defaultTarget: 0.5 },
};

export const KPI_METRICS: Record<KpiRole, KpiMetric[]> = Object.fromEntries(
  KPI_ROLES.map((role) => [
    role,
    KPI_DEFAULTS[role].metrics.map((m) => {
      const def = DEFS[m.id];
      if (!def) throw new Error(`KPI metric ${m.id} has no definition in domain/kpi/metrics.ts`);
      return { id: m.id, role, lowerIsBetter: m.lowerIsBetter === true, ...def };
    }),
  ]),
) as Record<KpiRole, KpiMetric[]>;

/** Default targets, per role and metric (null: per person only). */
export function defaultKpiTargets(): Record<KpiRole, Record<string, number | null>> {
  return Object.fromEntries(
    KPI_ROLES.map((r) => [r, Object.fromEntries(KPI_METRICS[r].map((m) => [m.id, m.defaultTarget]))]),
  ) as Record<KpiRole, Record<string, number | null>>;
}

/**
 * The team's role words (岗位) → KPI roles. null: a role the playbook gives no KPI (场控 floor
 * control, 助播 assistant, 客服 customer service) — noted, not scored.
 * Matched as whole words first, then by the longest word a role text contains.
 */
export const ROLE_WORDS: Record<string, KpiRole | null> = {
  运营: 'ops',
  直播运营: 'ops',
  运营专员: 'ops',
  直播运营专员: 'ops',
  主播: 'anchor',
  带货主播: 'anchor',
  选品: 'selector',
  选品专员: 'selector',
  数据: 'data',
  数据分析: 'data',
  数据分析师: 'data',
  场控: null,
  助播: null,
  客服: null,
};
