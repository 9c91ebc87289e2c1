/**
 * Charts for the workbooks (issue 20): pure builders from already-localised figures to a Chart
 * (an ECharts option and its size), rendered to SVG by ECharts server-side and to PNG by resvg.
 * Both libraries load on first use. Put a PNG into a written workbook with ../xlsx-images.ts.
 *
 *   const chart = productGmvChart({ title: '商品 GMV 排行', products });
 *   const { png, displayWidth, displayHeight, cjkFont } = await chartToPng(chart);
 */
export type { Chart, ChartFrame, ValueFormat } from './types.js';
export { productGmvChart, kpiScoreChart, streamComparisonChart } from './bars.js';
export type { ProductGmvInput, KpiScoreInput, StreamComparisonInput } from './bars.js';
export { channelShareChart } from './share.js';
export type { ChannelShareInput } from './share.js';
export { rateScatterChart } from './scatter.js';
export type { RateScatterInput } from './scatter.js';
export { minuteCurveChart } from './minute-curve.js';
export type { MinuteCurveInput } from './minute-curve.js';
export { baselineComparisonChart, targetAchievementChart, roleMixChart } from './comparisons.js';
export type { BaselineComparisonInput, TargetAchievementInput, RoleMixInput } from './comparisons.js';
export { renderSvg } from './render-svg.js';
export { svgToPng, chartToPng, systemCjkFonts } from './png.js';
export type { PngOptions, RenderedPng, ChartPngOptions } from './png.js';
export { findCjkFonts } from './fonts.js';
export { mostBy, SCATTER_POINTS } from './truncate.js';
export type { CjkFont, FontSearch } from './fonts.js';
