/**
 * A chart to SVG text, with ECharts's server-side SVG renderer: no DOM, no canvas.
 *
 * ECharts is loaded on first use (it takes a few hundred milliseconds to import), so a command
 * that draws no chart never pays for it.
 *
 * The same chart gives the same bytes: animation is off, and the ids zrender numbers per instance
 * and per process (`zr3-c0` clip paths, `zr3-cls-17` hover classes) are renumbered in the order
 * they appear. The hover classes and their <style> only serve a browser's mouse: they are dropped.
 */
import type { Chart } from './types.js';

type ECharts = typeof import('echarts/core');

let loading: Promise<ECharts> | null = null;

function loadECharts(): Promise<ECharts> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([
      charts.BarChart,
      charts.LineChart,
      charts.ScatterChart,
      charts.PieChart,
      components.GridComponent,
      components.TitleComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      components.MarkPointComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The chart as a standalone SVG document (width × height CSS pixels, with a viewBox). */
export async function renderSvg(chart: Chart): Promise<string> {
  const echarts = await loadECharts();
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
  });
  try {
    instance.setOption(chart.option);
    return stableSvg(instance.renderToSVGString());
  } finally {
    instance.dispose();
  }
}

/** zrender's per-process ids renumbered from 0, and its hover-only CSS dropped. */
export function stableSvg(svg: string): string {
  const withoutHover = svg
    .replace(/\s*<style\s*><!\[CDATA\[[\s\S]*?\]\]>\s*<\/style>/g, '')
    .replace(/ class="(?:zr\d+-cls-\d+ ?)+"/g, '');
  const renumbered = new Map<string, string>();
  const counts = new Map<string, number>();
  return withoutHover.replace(/\bzr\d+-([a-z])(\d+)\b/g, (id, kind: string) => {
    let stable = renumbered.get(id);
    if (!stable) {
      const n = counts.get(kind) ?? 0;
      counts.set(kind, n + 1);
      stable = `zr0-${kind}${n}`;
      renumbered.set(id, stable);
    }
    return stable;
  });
}
