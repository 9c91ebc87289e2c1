/**
 * The config file's `compliance:` section: the team's additions to the compliance lint's word
 * list (src/domain/compliance/terms.ts). Kept apart so `liveops script lint` and the drafting half
 * of `liveops script` read the same settings.
 *
 *   compliance:
 *     allow: [永久牌, 第一坊]            # phrases never flagged (trademarks, shop names)
 *     deny:                              # extra phrases to flag
 *       - 秒杀全网                        #   a bare phrase: 团队词表, error
 *       - phrase: 闭眼入
 *         category: absolute             #   absolute | medical | urgency | endorsement | superstition | custom
 *         severity: warning              #   error (exit 3) | warning
 *         suggestion: 推荐入手（说明适合谁）
 *
 * A deny phrase equal to a default entry replaces it (to change its severity or suggestion); an
 * allow phrase equal to a default entry switches it off.
 */
import { z } from 'zod';
import type { DenyEntry } from '../domain/compliance/lint.js';
import { CATEGORY_IDS } from '../domain/compliance/terms.js';

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
        ctx.addIssue({ code: 'custom', path: ['deny', i], message: `"${d.phrase}" is both in allow and in deny; keep it in one of them` });
      }
    });
  });

export type ComplianceSection = z.infer<typeof complianceSectionSchema>;

export interface ComplianceSettings {
  allow: string[];
  deny: DenyEntry[];
}

/** The section with its defaults: empty lists (the shipped word list applies as it is). */
export function resolveCompliance(section: ComplianceSection | undefined): ComplianceSettings {
  return {
    allow: [...(section?.allow ?? [])],
    deny: (section?.deny ?? []).map((d): DenyEntry => {
      const entry: DenyEntry = { phrase: d.phrase, category: d.category ?? 'custom', severity: d.severity ?? 'error' };
      if (d.suggestion !== undefined) entry.suggestion = d.suggestion;
      return entry;
    }),
  };
}
