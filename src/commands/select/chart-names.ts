/** The charts a select template can place (`{{chart:productRates}}` …): named apart so naming them loads no chart code. */
export const SELECT_CHART_NAMES = ['productRates', 'roleMix'] as const;
