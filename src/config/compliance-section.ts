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
import type { ComplianceSection } from './file-schema.js';
import type { DenyEntry } from '../domain/compliance/lint.js';

export type { ComplianceSection };

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
