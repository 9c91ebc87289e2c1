/**
 * The config file: zod schema and defaults. Defaults are the playbook's numbers (domain/rules.ts).
 */
import { z } from 'zod';
import { FIELDS } from '../io/read/fields.js';
import { RULE_DEFAULTS, THRESHOLD_RULES } from '../domain/rules.js';

const ruleIds = THRESHOLD_RULES.map((r) => r.id);

const rate = z.number().min(0).max(1);

const thresholdsSchema = z
  .object(Object.fromEntries(ruleIds.map((id) => [id, z.number().nonnegative().optional()])))
  .strict();

export const configSchema = z
  .object({
    lang: z.enum(['zh', 'en']).optional(),
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
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

export interface Config {
  /** Where the config came from, or null for built-in defaults. */
  source: string | null;
  lang: 'zh' | 'en';
  headers: Record<string, string>;
  thresholds: Record<string, number>;
  supplierPrice: { minDiscount: number; maxDiscount: number };
  supplierTerms: string[];
  retroDeadline: { sheetHours: number; meetingHours: number };
}

/** Merge in one place: file, then defaults (flags are applied by the caller on top). */
export function resolveConfig(file: ConfigFile, source: string | null): Config {
  const thresholds = { ...RULE_DEFAULTS.thresholds };
  for (const [id, v] of Object.entries(file.rules ?? {})) if (typeof v === 'number') thresholds[id] = v;
  return {
    source,
    lang: file.lang ?? 'zh',
    headers: file.headers ?? {},
    thresholds,
    supplierPrice: file.supplierPrice ?? RULE_DEFAULTS.supplierPrice,
    supplierTerms: file.supplierTerms ?? RULE_DEFAULTS.supplierTerms,
    retroDeadline: file.retroDeadline ?? RULE_DEFAULTS.retroDeadline,
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
