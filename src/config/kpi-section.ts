/**
 * The config file's `kpi:` section: role weights (each role adds up to 100 %). Kept apart so the
 * kpi command's settings live in one place.
 */
import { z } from 'zod';
import { defaultKpiWeights, KPI_DEFAULTS, KPI_ROLES, type KpiRole } from '../domain/kpi-weights.js';

/** One role's weights: the playbook's metric ids, each 0–1, adding up to 100 %. */
const roleWeights = (role: KpiRole) =>
  z
    .object(Object.fromEntries(KPI_DEFAULTS[role].metrics.map((m) => [m.id, z.number().min(0).max(1)])))
    .strict()
    .refine((w) => Math.abs(Object.values(w).reduce((a, b) => a + (b as number), 0) - 1) < 1e-9, {
      error: (issue) => {
        const sum = Object.values(issue.input as Record<string, number>).reduce((a, b) => a + b, 0);
        return `weights add up to ${+(sum * 100).toFixed(4)}%; they must add up to 100%`;
      },
    });

export const kpiSectionSchema = z
  .object({ weights: z.object(Object.fromEntries(KPI_ROLES.map((r) => [r, roleWeights(r).optional()]))).strict().optional() })
  .strict();

export type KpiSection = z.infer<typeof kpiSectionSchema>;

export interface KpiSettings {
  weights: Record<KpiRole, Record<string, number>>;
}

export function resolveKpi(section: KpiSection | undefined): KpiSettings {
  return {
    weights: { ...defaultKpiWeights(), ...(section?.weights as Partial<Record<KpiRole, Record<string, number>>> | undefined) },
  };
}
