/**
 * The config file's `cs:` section: customer-service response tolerance and negative-comment
 * (舆情) words. The spike threshold is the rule `negative-spike` under `rules:`.
 */
import type { CsSection } from './file-schema.js';

export type { CsSection };

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
