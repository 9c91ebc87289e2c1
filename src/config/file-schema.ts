/**
 * Every zod schema of the config file, in one module: loaded only when a config file exists
 * (see load.ts), so commands without one never pay for importing zod.
 */
import { z } from 'zod';
import { CATEGORY_IDS } from '../domain/compliance/terms.js';
import { KPI_METRICS } from '../domain/kpi/metrics.js';
import { KPI_DEFAULTS, KPI_ROLES, type KpiRole } from '../domain/kpi-weights.js';
import { THRESHOLD_RULES } from '../domain/rules.js';
import { FIELDS } from '../io/read/fields.js';
import { MAPPING_UNITS } from '../io/read/headers.js';
import { STREAM_TYPES, weekdayOf } from './stream-types.js';

const ruleIds = THRESHOLD_RULES.map((r) => r.id);

// — compliance: —
const phrase = z.string().trim().min(1, 'a phrase cannot be empty');

/** A bare phrase is short for `{ phrase }`; read as an entry so that errors name the field. */
const denyEntry = z.preprocess(
  (v) => (typeof v === 'string' ? { phrase: v } : v),
  z
    .object({
      phrase,
      category: z.enum(CATEGORY_IDS).optional(),
      severity: z.enum(['error', 'warning']).optional(),
      suggestion: z.string().trim().min(1).optional(),
    })
    .strict(),
);

export const complianceSectionSchema = z
  .object({
    /** Phrases never flagged: a listed word inside one of them is not a finding. */
    allow: z.array(phrase).optional(),
    /** Extra phrases to flag, bare or with category, severity and suggestion. */
    deny: z.array(denyEntry).optional(),
  })
  .strict()
  .superRefine((section, ctx) => {
    const allowed = new Set((section.allow ?? []).map((p) => p.toLowerCase()));
    (section.deny ?? []).forEach((d, i) => {
      if (allowed.has(d.phrase.toLowerCase())) {
        ctx.addIssue({
          code: 'custom',
          path: ['deny', i],
          message: `"${d.phrase}" is both in allow and in deny; keep it in one of them`,
        });
      }
    });
  });

export type ComplianceSection = z.infer<typeof complianceSectionSchema>;

// — kpi: —
const sumsTo100 = (what: string) => ({
  error: (issue: { input: unknown }) => {
    const sum = Object.values(issue.input as Record<string, number>).reduce((a, b) => a + b, 0);
    return `${what} add up to ${+(sum * 100).toFixed(4)}%; they must add up to 100%`;
  },
});
const addsUpTo1 = (w: Record<string, unknown>) =>
  Math.abs(Object.values(w).reduce((a: number, b) => a + (b as number), 0) - 1) < 1e-9;

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
    weights: z
      .object(Object.fromEntries(KPI_ROLES.map((r) => [r, roleWeights(r).optional()])))
      .strict()
      .optional(),
    targets: z
      .object(Object.fromEntries(KPI_ROLES.map((r) => [r, roleTargets(r).optional()])))
      .strict()
      .optional(),
    cap: z.number().min(1, 'the cap must be at least 1 (100 %)').optional(),
    sprintBonusRate: z.number().min(0).max(1).optional(),
    bar: z.number().min(0).optional(),
    newcomerMonths: z.number().int().min(1).optional(),
    growthAllowance: z.number().nonnegative().optional(),
    innovationAward: z.number().nonnegative().optional(),
    /** Per person: the share of each of their KPI roles in their total (adding up to 100 %). Default: equal shares. */
    shares: z
      .record(
        z.string().min(1),
        z.partialRecord(kpiRole, z.number().min(0).max(1)).refine(addsUpTo1, sumsTo100('shares')),
      )
      .optional(),
    /** The team's role words (岗位) → a KPI role, or null for a role without KPI. Added to the built-in ones. */
    roleWords: z.record(z.string().min(1), kpiRole.nullable()).optional(),
  })
  .strict();

export type KpiSection = z.infer<typeof kpiSectionSchema>;

// — schedule: —
const weekday = z
  .union([z.string(), z.number()])
  .refine((v) => weekdayOf(v) !== null, { message: 'expected a weekday: mon…sun, 周一…周日 or 1–7' });
const timeRange = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time range such as 20:00-23:00');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-12-12');
const streamType = z.enum(STREAM_TYPES);
const money = z.number().positive();

const slot = z
  .object({
    weekdays: z.array(weekday).min(1),
    time: timeRange,
    account: z.string().min(1).optional(),
    type: streamType.optional(),
    theme: z.string().optional(),
  })
  .strict();

const person = z
  .object({
    name: z.string().min(1),
    /** Weekdays or dates the person does not work. */
    daysOff: z.array(z.union([weekday, day])).optional(),
    /** Accounts the person streams for (default: any). */
    accounts: z.array(z.string()).optional(),
  })
  .strict();

export const scheduleSectionSchema = z
  .object({
    /** Annual GMV target, decomposed into quarters, months and streams. */
    annualGmv: money.optional(),
    /** Seasonal weight per month ("11": 1.5 for 双11); months not named weigh 1. */
    monthWeights: z.record(z.string().regex(/^(0?[1-9]|1[0-2])$/, 'months are 1–12'), z.number().positive()).optional(),
    /** GMV weight per stream type (a brand collab carries more of the month's target). */
    typeWeights: z.partialRecord(streamType, z.number().positive()).optional(),
    /** The default account when a slot does not name one. */
    account: z.string().min(1).optional(),
    slots: z.array(slot).optional(),
    /** Streams on given dates: themed (专场), brand collab (品牌联名场)… */
    special: z
      .array(
        z
          .object({
            date: day,
            time: timeRange.optional(),
            account: z.string().optional(),
            type: streamType,
            theme: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    roster: z
      .object({ anchors: z.array(person).optional(), assistants: z.array(person).optional() })
      .strict()
      .optional(),
    /** Products per stream by role. */
    productMix: z
      .object({ 引流款: z.number().int().min(0), 利润款: z.number().int().min(0), 形象款: z.number().int().min(0) })
      .strict()
      .optional(),
    /** Members-only streams from a category's repurchase cycle. */
    members: z
      .array(
        z
          .object({
            category: z.string().min(1),
            repurchaseDays: z.number().int().min(1),
            day: z.number().int().min(1).max(31),
            time: timeRange.optional(),
            account: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    /** Benefit strategy (福利策略) per stream type. */
    benefits: z.partialRecord(streamType, z.string()).optional(),
  })
  .strict();

export type ScheduleSection = z.infer<typeof scheduleSectionSchema>;

// — script: —
const minutes = z.number().int().min(0).max(240);
const share = z.number().min(0).max(1);

export const scriptSectionSchema = z
  .object({
    openingMinutes: minutes.optional(),
    closingMinutes: minutes.optional(),
    /** Base length of a product's segment by role (引流款 short, 利润款 long); scaled to fill the stream. */
    segmentMinutes: z.object({ 引流款: minutes, 利润款: minutes, 形象款: minutes }).strict().optional(),
    /** How a segment is shared between explanation, interaction, closing push and benefits. */
    parts: z
      .object({ explain: share, interact: share, push: share, benefit: share })
      .strict()
      .refine((p) => Math.abs(p.explain + p.interact + p.push + p.benefit - 1) < 1e-9, {
        message: 'the parts must add up to 100%',
      })
      .optional(),
    /** The team's use scenes per 品类 word or category id, before the category's own: { 冲锋衣: [雨天通勤, 周末登山] }. */
    scenes: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
    /** The shop's one category, for a selection table without 品类: an id of script-categories.yaml (茶) or a word its keywords match (龙井). */
    category: z.string().trim().min(1, 'expected a category such as 茶 or 美妆').optional(),
  })
  .strict();

export type ScriptSection = z.infer<typeof scriptSectionSchema>;

// — cs: —
const csShare = z.number().min(0).max(1);

export const csSectionSchema = z
  .object({
    /** Alert when more than this share of first responses is over the cs-response line (15 s). */
    responseTolerance: csShare.optional(),
    /** Extra words per negative topic (质量, 假货, 发货, 退款) or new topics. */
    negativeWords: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
  })
  .strict();

export type CsSection = z.infer<typeof csSectionSchema>;

// — hotspots: —
const SHARE_EXPECTED = 'expected a share of the questions from 0 to 1, such as 0.03 or "3%"';
/** "3%" → 0.03; anything else is left for the number check to judge. */
const percentText = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(v);
  return m ? Number(m[1]) / 100 : v;
};

export const hotspotsSectionSchema = z
  .object({
    /** Words never reported as keywords, added to the built-in stop-words (主播, 宝宝, 今年…). */
    stopwords: z
      .array(z.string().trim().min(1, 'a stop-word cannot be empty'), { error: 'expected a list of words' })
      .optional(),
    /** A keyword is a hotspot from this many questions on (default 3). */
    minCount: z
      .number({ error: 'expected a whole number of questions, at least 1 (such as 3)' })
      .int('expected a whole number of questions, at least 1 (such as 3)')
      .min(1, 'expected a whole number of questions, at least 1 (such as 3)')
      .optional(),
    /** …and from this share of the questions on (default 3 %). */
    minShare: z
      .preprocess(percentText, z.number({ error: SHARE_EXPECTED }).min(0, SHARE_EXPECTED).max(1, SHARE_EXPECTED))
      .optional(),
  })
  .strict();

export type HotspotsSection = z.infer<typeof hotspotsSectionSchema>;

// — the file —
const rate = z.number().min(0).max(1);

const thresholdsSchema = z
  .object(Object.fromEntries(ruleIds.map((id) => [id, z.number().nonnegative().optional()])))
  .strict();

export const configSchema = z
  .object({
    lang: z.enum(['zh', 'en']).optional(),
    /** The team's edited templates (from `liveops init`), relative to the config file. */
    templatesDir: z.string().min(1).optional(),
    /**
     * Map export headers the tool does not know to field ids: { "支付GMV": "gmv" }, or with the
     * unit their values are in when the header does not say it: { "GMV完成": { field: gmv, unit: 万元 } }.
     */
    headers: z
      .record(
        z.string().min(1),
        z.union([z.string(), z.object({ field: z.string(), unit: z.enum(MAPPING_UNITS).optional() }).strict()]),
      )
      .superRefine((map, ctx) => {
        for (const [header, m] of Object.entries(map)) {
          const field = typeof m === 'string' ? m : m.field;
          if (!FIELDS.has(field)) {
            ctx.addIssue({
              code: 'custom',
              path: typeof m === 'string' ? [header] : [header, 'field'],
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
    retroDeadline: z
      .object({ sheetHours: z.number().positive(), meetingHours: z.number().positive() })
      .strict()
      .optional(),
    kpi: kpiSectionSchema.optional(),
    schedule: scheduleSectionSchema.optional(),
    script: scriptSectionSchema.optional(),
    cs: csSectionSchema.optional(),
    compliance: complianceSectionSchema.optional(),
    /** GMV targets: a weekly one, or monthly ones ("2026-11": 3000000) prorated by day. */
    targets: z
      .object({
        weeklyGmv: z.number().positive().optional(),
        monthlyGmv: z
          .record(z.string().regex(/^\d{4}-\d{2}$/, 'months are written 2026-11'), z.number().positive())
          .optional(),
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
          .refine((m) => Math.abs(m.引流款 + m.利润款 + m.形象款 - 1) < 1e-9, {
            message: 'the role mix must add up to 100%',
          })
          .optional(),
        profitMinCommission: rate.optional(),
        trafficMaxPrice: z.number().positive().optional(),
        imageMinPrice: z.number().positive().optional(),
      })
      .strict()
      .optional(),
    /** Comment/consultation topics: topic → synonyms, added to the built-in dictionary. */
    topics: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
    /** Which undictionaried keywords are hotspots: extra stop-words, minimum questions and share. */
    hotspots: hotspotsSectionSchema.optional(),
    /** The history of runs (retro, select, schedule, kpi): where it is kept, or false to keep none. */
    history: z
      .union([
        z.literal(false),
        z
          .object({
            /** Folder of the history, relative to the config file (default .liveops/history). */
            dir: z.string().trim().min(1, 'expected a folder, such as .liveops/history').optional(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

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
