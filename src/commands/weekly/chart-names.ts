/** The charts a weekly template can place (`{{chart:week}}` …): named apart so naming them loads no chart code. */
export const WEEKLY_CHART_NAMES = ['week', 'streams', 'channels', 'target'] as const;
