/**
 * The HTML report (`--format html`): one self-contained page from an .html.eta template a team can
 * edit — no network, no script, the stylesheet inline and every chart an inline SVG — readable on a
 * phone in the team chat and printable on A4.
 *
 * A template places a chart with `<%~ it.h.chart('channels') %>` (nothing when the report has no
 * data for it) and the built-in stylesheet with `<%~ it.h.style() %>`; values print escaped with
 * `<%= … %>` as in the Markdown templates.
 */
import type { ChartSet, ChartsDrawn } from './xlsx-template.js';
import type { Chart } from './charts/types.js';
import { htmlText } from '../../text-safety.js';
import { renderTextTemplate } from './text-template.js';
import { HTML_STYLE } from './html-style.js';

export interface HtmlOptions {
  /** The template's path as shown in messages. */
  file: string;
  helpers: object;
  lang: 'zh' | 'en';
  charts?: ChartSet;
  /** Told how many charts the page shows; `cjkFont` is null: the reader's browser draws their labels. */
  onCharts?: (drawn: ChartsDrawn) => void;
}

/** Whether a template asks for charts at all (one that does not pays nothing for them). */
const PLACES_CHARTS = /\bh\.chart\s*\(/;

export async function renderHtmlReport(template: string, model: object, o: HtmlOptions): Promise<string> {
  const drawsCharts = o.charts !== undefined && PLACES_CHARTS.test(template);
  const svgs = drawsCharts ? await chartSvgs(o.charts!) : new Map<string, string | null>();
  const names = o.charts?.names ?? [];
  const placed = new Set<string>();
  const chart = (name: string): string => {
    if (!names.includes(name)) {
      const known = names.length ? `: this report's charts are ${names.join(', ')}` : ': this report has no charts';
      throw new Error(`no chart named "${name}"${known}`);
    }
    const svg = svgs.get(name) ?? null;
    if (svg) placed.add(name);
    return svg ?? '';
  };
  const html = await renderTextTemplate(template, model, {
    file: o.file,
    helpers: { ...o.helpers, chart, style: () => HTML_STYLE, lang: o.lang },
    escape: 'html',
  });
  if (drawsCharts) o.onCharts?.({ drawn: placed.size, cjkFont: null });
  return html;
}

/** Every chart of the set drawn as an SVG to inline (null: no data for it). */
async function chartSvgs(set: ChartSet): Promise<Map<string, string | null>> {
  const { renderSvg } = await import('./charts/render-svg.js');
  const built = await set.build();
  const out = new Map<string, string | null>();
  for (const name of set.names) {
    const c = built[name] ?? null;
    out.set(name, c ? inlineSvg(await renderSvg(c), c, name) : null);
  }
  return out;
}

/**
 * A chart's SVG document as an element of the page: its ids made the chart's own (every chart
 * numbers its clip paths from zr0-c0, and a page holds several), scaled to the column's width with
 * its aspect kept, and named for a screen reader by its title.
 */
export function inlineSvg(svg: string, chart: Chart, name: string): string {
  const prefix = `chart-${name.replace(/[^A-Za-z0-9_-]/g, '')}-`;
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/\bzr0-/g, prefix);
  const label = htmlText(chart.title);
  return body.replace(
    /^<svg width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/,
    (_, w: string) =>
      `<svg class="chart" role="img" aria-label="${label}" style="width:100%;max-width:${w}px;height:auto"`,
  );
}
