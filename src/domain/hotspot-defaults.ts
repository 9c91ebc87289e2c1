/**
 * The hotspot rules' defaults (see hotspots.ts), apart from the counter so that the config can
 * name them without loading it: at least 3 questions and 3 % of them, 3 examples per topic.
 */
export const HOTSPOT_DEFAULTS = { minKeywordCount: 3, minKeywordShare: 0.03, examples: 3 } as const;
