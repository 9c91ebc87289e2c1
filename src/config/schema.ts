/**
 * The config file: zod schema and defaults. Defaults are the playbook's numbers (domain/rules.ts).
 */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { FIELDS } from '../io/read/fields.js';
import { RULE_DEFAULTS, THRESHOLD_RULES } from '../domain/rules.js';
import { kpiSectionSchema, resolveKpi, type KpiSettings } from './kpi-section.js';
import { resolveSchedule, scheduleSectionSchema, type ScheduleSettings } from './schedule-section.js';
import { resolveScript, scriptSectionSchema, type ScriptSettings } from './script-section.js';
import { csSectionSchema, resolveCs, type CsSettings } from './cs-section.js';
import { complianceSectionSchema, resolveCompliance, type ComplianceSettings } from './compliance-section.js';

const ruleIds = THRESHOLD_RULES.map((r) => r.id);

/** A product needs this much exposure in the week before it is judged for elimination. */
export const SELECT_DEFAULTS = {
  minStreams: 2,
  minExposures: 500,
  /** Target mix of the pool by role (引流款 traffic drivers, 利润款 profit, 形象款 image). */
  roleMix: { 引流款: 0.3, 利润款: 0.5, 形象款: 0.2 },
  /** Without a role in the selection table, a product with at least this commission is 利润款. */
  profitMinCommission: 0.2,
};

const rate = z.number().min(0).max(1);

const thresholdsSchema = z
  .object(Object.fromEntries(ruleIds.map((id) => [id, z.number().nonnegative().optional()])))
  .strict();

export const configSchema = z
  .object({
    lang: z.enum(['zh', 'en']).optional(),
    /** The team's edited templates (from `liveops init`), relative to the config file. */
    templatesDir: z.string().min(1).optional(),
    /** Map export headers the tool does not know to field ids: { "支付GMV": "gmv" }. */
    headers: z
      .record(z.string().min(1), z.string())
      .superRefine((map, ctx) => {
        for (const [header, field] of Object.entries(map)) {
          if (!FIELDS.has(field)) {
            ctx.addIssue({
              code: 'custom',
              path: [header],
              message: `"${field}" is not a field liveops knows (run \`liveops inspect --fields\` for the list)`,
            });
          }
        }
      })
      .optional(),
    rules: thresholdsSchema.optional(),
    supplierPrice: z
      .object({ minDiscount: rate, maxDiscount: rate })
      .strict()
      .refine((p) => p.minDiscount <= p.maxDiscount, { message: 'minDiscount must not be above maxDiscount' })
      .optional(),
    supplierTerms: z.array(z.enum(['qcReport', 'sevenDayReturns', 'shippingInsurance'])).optional(),
    retroDeadline: z.object({ sheetHours: z.number().positive(), meetingHours: z.number().positive() }).strict().optional(),
    kpi: kpiSectionSchema.optional(),
    schedule: scheduleSectionSchema.optional(),
    script: scriptSectionSchema.optional(),
    cs: csSectionSchema.optional(),
    compliance: complianceSectionSchema.optional(),
    /** GMV targets: a weekly one, or monthly ones ("2026-11": 3000000) prorated by day. */
    targets: z
      .object({
        weeklyGmv: z.number().positive().optional(),
        monthlyGmv: z.record(z.string().regex(/^\d{4}-\d{2}$/, 'months are written 2026-11'), z.number().positive()).optional(),
      })
      .strict()
      .optional(),
    /** Below these a product is "not enough data" rather than eliminated. */
    select: z
      .object({
        minStreams: z.number().int().min(1).optional(),
        minExposures: z.number().int().min(0).optional(),
        roleMix: z
          .object({ 引流款: rate, 利润款: rate, 形象款: rate })
          .strict()
          .refine((m) => Math.abs(m.引流款 + m.利润款 + m.形象款 - 1) < 1e-9, { message: 'the role mix must add up to 100%' })
          .optional(),
        profitMinCommission: rate.optional(),
        trafficMaxPrice: z.number().positive().optional(),
        imageMinPrice: z.number().positive().optional(),
      })
      .strict()
      .optional(),
    /** Comment/consultation topics: topic → synonyms, added to the built-in dictionary. */
    topics: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

export interface Config {
  /** Where the config came from, or null for built-in defaults. */
  source: string | null;
  lang: 'zh' | 'en';
  /** Absolute path of the team's templates folder, or null for the built-in templates only. */
  templatesDir: string | null;
  headers: Record<string, string>;
  thresholds: Record<string, number>;
  supplierPrice: { minDiscount: number; maxDiscount: number };
  supplierTerms: string[];
  retroDeadline: { sheetHours: number; meetingHours: number };
  kpi: KpiSettings;
  schedule: ScheduleSettings;
  script: ScriptSettings;
  cs: CsSettings;
  compliance: ComplianceSettings;
  topics: Record<string, string[]> | null;
  targets: { weeklyGmv: number | null; monthlyGmv: Record<string, number> };
  select: {
    minStreams: number;
    minExposures: number;
    roleMix: { 引流款: number; 利润款: number; 形象款: number };
    profitMinCommission: number;
    trafficMaxPrice: number | null;
    imageMinPrice: number | null;
  };
}

/** Merge in one place: file, then defaults (flags are applied by the caller on top). */
export function resolveConfig(file: ConfigFile, source: string | null): Config {
  const thresholds = { ...RULE_DEFAULTS.thresholds };
  for (const [id, v] of Object.entries(file.rules ?? {})) if (typeof v === 'number') thresholds[id] = v;
  return {
    source,
    lang: file.lang ?? 'zh',
    templatesDir: file.templatesDir && source ? resolve(dirname(source), file.templatesDir) : null,
    headers: file.headers ?? {},
    thresholds,
    supplierPrice: file.supplierPrice ?? RULE_DEFAULTS.supplierPrice,
    supplierTerms: file.supplierTerms ?? RULE_DEFAULTS.supplierTerms,
    retroDeadline: file.retroDeadline ?? RULE_DEFAULTS.retroDeadline,
    topics: file.topics ?? null,
    targets: { weeklyGmv: file.targets?.weeklyGmv ?? null, monthlyGmv: file.targets?.monthlyGmv ?? {} },
    select: {
      minStreams: file.select?.minStreams ?? SELECT_DEFAULTS.minStreams,
      minExposures: file.select?.minExposures ?? SELECT_DEFAULTS.minExposures,
      roleMix: file.select?.roleMix ?? SELECT_DEFAULTS.roleMix,
      profitMinCommission: file.select?.profitMinCommission ?? SELECT_DEFAULTS.profitMinCommission,
      trafficMaxPrice: file.select?.trafficMaxPrice ?? null,
      imageMinPrice: file.select?.imageMinPrice ?? null,
    },
    kpi: resolveKpi(file.kpi),
    schedule: resolveSchedule(file.schedule),
    script: resolveScript(file.script),
    cs: resolveCs(file.cs),
    compliance: resolveCompliance(file.compliance),
  };
}

/** zod issues → "rules.uv-value-low: expected number, received string". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const where = issue.path.length ? ` in ${path}` : '';
      return `unknown key ${keys}${where}`;
    }
    return `${path}: ${issue.message}`;
  });
}
