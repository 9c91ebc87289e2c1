/**
 * The built-in stylesheet of the HTML reports: one column that reads on a 360 px phone and widens
 * to 960 px on a desktop; figures as tiles; wide tables scroll sideways instead of squeezing; on
 * paper (A4) nothing scrolls and no section or chart is cut across a page. System fonts only (the
 * page loads nothing), with the Chinese faces of Windows, macOS and Linux named.
 */
export const HTML_STYLE = `<style>
:root { color-scheme: light; --ink: #1f2329; --muted: #646a73; --line: #dee0e3; --soft: #f5f6f7; --accent: #3370ff; --warn: #d83931; --note: #de7802; --ok: #2ea121; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 16px; background: #fff; color: var(--ink); font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif; }
main { max-width: 960px; margin: 0 auto; }
header h1 { font-size: 1.35rem; line-height: 1.35; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
section { margin-top: 24px; }
h2 { font-size: 1.1rem; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 16px 0 6px; }
p.note, .muted { color: var(--muted); font-size: 0.9rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; margin: 0; }
.tile { background: var(--soft); border-radius: 8px; padding: 8px 12px; }
.tile dt { color: var(--muted); font-size: 0.82rem; }
.tile dd { margin: 0; font-size: 1.15rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.tile dd small { font-size: 0.8rem; font-weight: 400; color: var(--muted); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { min-width: 10em; }
ul.items, ol.items { margin: 0; padding-left: 1.3em; }
ul.items li, ol.items li { margin: 4px 0; }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 0.8rem; font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
.badge.critical { background: var(--warn); }
.badge.warning { background: var(--note); }
.badge.ok { background: var(--ok); }
.badge.owner { background: var(--accent); }
.up { color: var(--ok); }
.down { color: var(--warn); }
figure { margin: 12px 0; overflow-x: auto; -webkit-overflow-scrolling: touch; }
svg.chart { display: block; width: 100%; height: auto; min-width: 520px; }
footer { margin-top: 32px; color: var(--muted); font-size: 0.8rem; }
@media (max-width: 480px) {
  body { padding: 12px; font-size: 14px; }
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  th, td { padding: 5px 6px; }
}
@media print {
  @page { size: A4; margin: 12mm; }
  body { padding: 0; font-size: 11pt; }
  main { max-width: none; }
  .scroll, figure { overflow: visible; }
  svg.chart { min-width: 0; }
  figure, tr, li, .tile { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .badge, .tile, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>`;
