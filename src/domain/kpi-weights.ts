/**
 * The playbook's KPI weights per role (SPEC.md, `kpi`). Each role's weights add up to 1.
 */
export const KPI_ROLES = ['ops', 'anchor', 'selector', 'data'] as const;
export type KpiRole = (typeof KPI_ROLES)[number];

export interface KpiMetricDef {
  id: string;
  weight: number;
  /** Lower values score better (return rate). */
  lowerIsBetter?: boolean;
  help: string;
}

export const KPI_DEFAULTS: Record<KpiRole, { help: string; metrics: KpiMetricDef[] }> = {
  ops: {
    help: 'operations (直播运营)',
    metrics: [
      { id: 'gmvAchievement', weight: 0.4, help: 'GMV achievement vs. target' },
      { id: 'trafficGrowth', weight: 0.3, help: 'traffic growth' },
      { id: 'processImprovements', weight: 0.3, help: 'process improvements' },
    ],
  },
  anchor: {
    help: 'anchor (主播)',
    metrics: [
      { id: 'productConversion', weight: 0.4, help: 'product conversion' },
      { id: 'dwellTime', weight: 0.3, help: 'average dwell time' },
      { id: 'newFanClub', weight: 0.3, help: 'new fan-club members' },
    ],
  },
  selector: {
    help: 'selector (选品)',
    metrics: [
      { id: 'productRoi', weight: 0.5, help: 'product ROI' },
      { id: 'returnRate', weight: 0.3, lowerIsBetter: true, help: 'return rate (lower is better)' },
      { id: 'newProducts', weight: 0.2, help: 'new products introduced' },
    ],
  },
  data: {
    help: 'data analyst (数据分析)',
    metrics: [
      { id: 'reportQuality', weight: 0.5, help: 'report quality' },
      { id: 'strategyAdoption', weight: 0.5, help: 'strategy adoption rate' },
    ],
  },
};

export function defaultKpiWeights(): Record<KpiRole, Record<string, number>> {
  return Object.fromEntries(
    KPI_ROLES.map((r) => [r, Object.fromEntries(KPI_DEFAULTS[r].metrics.map((m) => [m.id, m.weight]))]),
  ) as Record<KpiRole, Record<string, number>>;
}
