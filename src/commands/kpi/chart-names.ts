/** The charts a KPI template can place (`{{chart:scores}}`): named apart so naming them loads no chart code. */
export const KPI_CHART_NAMES = ['scores'] as const;
