/** The charts a retro template can place (`{{chart:productGmv}}` …): named apart so naming them loads no chart code. */
export const RETRO_CHART_NAMES = ['productGmv', 'productRates', 'channels', 'trend', 'baseline'] as const;
