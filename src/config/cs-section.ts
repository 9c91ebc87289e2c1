/**
 * The config file's `cs:` section: customer-service response tolerance and negative-comment
 * (舆情) words. The spike threshold is the rule `negative-spike` under `rules:`.
 */
import { z } from 'zod';

const share = z.number().min(0).max(1);

export const csSectionSchema = z
  .object({
    /** Alert when more than this share of first responses is over the cs-response line (15 s). */
    responseTolerance: share.optional(),
    /** Extra words per negative topic (质量, 假货, 发货, 退款) or new topics. */
    negativeWords: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
  })
  .strict();

export type CsSection = z.infer<typeof csSectionSchema>;

export interface CsSettings {
  responseTolerance: number;
  negativeWords: Record<string, string[]>;
}

export const CS_DEFAULTS = { responseTolerance: 0.1 };

export function resolveCs(s: CsSection | undefined): CsSettings {
  return {
    responseTolerance: s?.responseTolerance ?? CS_DEFAULTS.responseTolerance,
    negativeWords: s?.negativeWords ?? {},
  };
}
