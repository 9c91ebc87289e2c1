/** The charts a trend page can place (`<%~ it.h.chart('trend') %>`): named apart so naming them loads no chart code. */
export const TREND_CHART_NAMES = ['trend'] as const;
