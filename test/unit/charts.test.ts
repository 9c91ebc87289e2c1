/**
 * Each chart, read back from its SVG: the labels a reader sees, one bar or point per figure in
 * the right order and colour, the threshold lines where the thresholds are on the axes; and the
 * same input gives the same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baselineComparisonChart,
  channelShareChart,
  kpiScoreChart,
  minuteCurveChart,
  productGmvChart,
  rateScatterChart,
  renderSvg,
  roleMixChart,
  streamComparisonChart,
  targetAchievementChart,
  type Chart,
} from '../../src/io/write/charts/index.js';
import { CHART_FONT_FAMILY, TONE } from '../../src/io/write/charts/style.js';
import { truncateLabel } from '../../src/io/write/charts/truncate.js';

// ————————————————————————————————————— reading an SVG —————————————————————————————————————

interface SvgText {
  text: string;
  x: number;
  y: number;
  anchor: string;
  style: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

function texts(svg: string): SvgText[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const [x, y] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(m[1]!)?.slice(1) ?? ['0', '0']).map(Number);
    return { text: decode(m[2]!), x: x!, y: y!, anchor: attr(m[1]!, 'text-anchor'), style: attr(m[1]!, 'style') };
  });
}

const labels = (svg: string) => texts(svg).map((t) => t.text);

interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  series: number;
  index: number;
}

/** Bars: rectangles ECharts tags with their series and data index. */
function bars(svg: string): Bar[] {
  return (
    [...svg.matchAll(/<path d="M([-\d.]+) ([-\d.]+)l([-\d.]+) 0l0 ([-\d.]+)l[-\d.]+ 0Z"([^>]*)>/g)]
      // A series' own shapes (not the legend's swatches), drawn and in place.
      .filter(
        (m) =>
          m[5]!.includes('ecmeta_ssr_type="chart"') && !m[5]!.includes('transform=') && attr(m[5]!, 'fill') !== 'none',
      )
      .map((m) => {
        const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
        return {
          x: Math.min(x, x + w),
          y: Math.min(y, y + h),
          width: Math.abs(w),
          height: Math.abs(h),
          fill: attr(m[5]!, 'fill'),
          series: Number(attr(m[5]!, 'ecmeta_series_index')),
          index: Number(attr(m[5]!, 'ecmeta_data_index')),
        };
      })
  );
}

/** Scatter symbols (not the silent mark points). */
function symbols(svg: string): Array<{ x: number; y: number; fill: string; series: number }> {
  return [...svg.matchAll(/<path d="[^"]*" transform="matrix\(([^)]*)\)"([^>]*)>/g)]
    .filter((m) => m[2]!.includes('ecmeta_series_index') && !m[2]!.includes('ecmeta_silent'))
    .map((m) => {
      const t = m[1]!.split(',').map(Number);
      return { x: t[4]!, y: t[5]!, fill: attr(m[2]!, 'fill'), series: Number(attr(m[2]!, 'ecmeta_series_index')) };
    });
}

/** Dashed straight lines (the rule lines): their two ends. */
function dashed(svg: string): Array<{ x1: number; y1: number; x2: number; y2: number }> {
  return [...svg.matchAll(/<path d="M([-\d.]+) ([-\d.]+)L([-\d.]+) ([-\d.]+)"([^>]*stroke-dasharray[^>]*)>/g)].map(
    (m) => {
      const [x1, y1, x2, y2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      return { x1, y1, x2, y2 };
    },
  );
}

/**
 * An axis's value → pixel mapping, from its tick labels: the row (x axis) or column (y axis) of
 * labels that all parse as numbers.
 */
function axis(svg: string, which: 'x' | 'y', parse: (s: string) => number | null): (v: number) => number {
  const ticks = texts(svg)
    .map((t) => ({ ...t, value: parse(t.text) }))
    .filter((t) => t.value !== null && t.anchor === (which === 'x' ? 'middle' : 'end'));
  const groups = new Map<number, typeof ticks>();
  for (const t of ticks) {
    const key = Math.round(which === 'x' ? t.y : t.x);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const row = [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
  const sorted = [...row].sort((a, b) => a.value! - b.value!);
  const [lo, hi] = [sorted[0]!, sorted[sorted.length - 1]!];
  const pos = (t: SvgText) => (which === 'x' ? t.x : t.y);
  return (v) => pos(lo) + ((v - lo.value!) / (hi.value! - lo.value!)) * (pos(hi) - pos(lo));
}

const percent = (s: string) => (/^-?\d+(\.\d+)?%$/.test(s) ? Number(s.slice(0, -1)) / 100 : null);
const plain = (s: string) => (/^-?[\d,]+(\.\d+)?$/.test(s) ? Number(s.replace(/,/g, '')) : null);

const svgOf = (chart: Chart) => renderSvg(chart);

/** Within a pixel: ECharts moves thin lines to half pixels so that they draw sharp. */
const nearPixel = (expected: number) => expect.closeTo(expected, -0.3);

// ————————————————————————————————————— inputs —————————————————————————————————————

const LONG_NAME = '【直播专享】羊绒大衣女中长款2026新款加厚双面呢';
const products = [
  { name: LONG_NAME, gmv: 128400 },
  { name: '加绒打底裤', gmv: 56320.5 },
  { name: '羽绒服 轻薄款', gmv: 98000 },
  { name: '真丝围巾', gmv: 12000, marked: true },
  { name: '保温杯 500ml', gmv: 8800, marked: true },
  { name: '雪地靴', gmv: 45600 },
];

const scatterProducts = [
  { name: '羊绒大衣', clickRate: 0.152, conversionRate: 0.081 },
  { name: '加绒打底裤', clickRate: 0.12, conversionRate: 0.032, marked: true },
  { name: '羽绒服', clickRate: 0.18, conversionRate: 0.062 },
  { name: '真丝围巾', clickRate: 0.064, conversionRate: 0.021, marked: true },
  { name: '毛线帽', clickRate: 0.058, conversionRate: 0.019, marked: true },
  { name: '手套', clickRate: 0.11, conversionRate: 0.058 },
];

const minutes = Array.from({ length: 120 }, (_, i) => `${20 + Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}`);
const viewers = minutes.map((_, i) => 800 + ((i * 37) % 500) + (i === 70 ? 2000 : 0));

function allCharts(): Chart[] {
  return [
    productGmvChart({ title: '商品 GMV 排行', products }),
    kpiScoreChart({
      title: 'KPI 得分',
      people: [
        { name: '小雨', role: '主播', score: 86.5 },
        { name: '王芳', role: '场控', score: 91 },
      ],
    }),
    streamComparisonChart({
      title: 'GMV',
      streams: ['周一', '周二'],
      series: [{ name: '本周', values: [1, 2] }],
      format: 'yuan',
    }),
    channelShareChart({
      title: '渠道',
      uvLabel: 'UV',
      gmvLabel: 'GMV',
      channels: [
        { name: '自然推荐', uv: 3, gmv: 5 },
        { name: '付费', uv: 1, gmv: 5 },
      ],
    }),
    rateScatterChart({
      title: '点击 × 转化',
      xName: '点击率',
      yName: '转化率',
      thresholds: { clickRate: 0.1, conversionRate: 0.05 },
      seriesNames: { normal: '保留', marked: '淘汰' },
      products: scatterProducts,
    }),
    minuteCurveChart({
      title: '在线人数',
      seriesName: '在线',
      times: minutes,
      values: viewers,
      switches: [{ at: '20:30', label: '羽绒服' }],
    }),
    baselineComparisonChart({
      title: '基线',
      baselineLabel: '中位数 = 100',
      metrics: [{ name: 'GMV', current: 2, baseline: 1, format: 'yuan' }],
    }),
    targetAchievementChart({
      title: '目标',
      actualLabel: '实际',
      targetLabel: '目标',
      items: [{ name: 'GMV', actual: 1, target: 2, format: 'yuan' }],
    }),
    roleMixChart({
      title: '角色',
      actualLabel: '实际',
      targetLabel: '计划',
      roles: [{ name: '引流款', actual: 0.3, target: 0.2 }],
    }),
  ];
}

// ————————————————————————————————————— every chart —————————————————————————————————————

describe('every chart', () => {
  it('gives the same bytes for the same input, also after other charts were drawn in between', async () => {
    const first = await Promise.all(allCharts().map(svgOf));
    const again = [];
    for (const chart of allCharts().reverse()) again.unshift(await svgOf(chart));
    expect(again).toEqual(first);
    for (const svg of first) {
      // zrender's per-process ids renumbered, its hover-only CSS gone.
      expect(svg).not.toMatch(/zr[1-9]\d*-/);
      expect(svg).not.toContain('class="');
      expect(svg).not.toContain('<style');
    }
  });

  it('is a titled SVG of its size whose every text names the CJK font families, on white', async () => {
    for (const chart of allCharts()) {
      const svg = await svgOf(chart);
      expect(svg).toMatch(
        new RegExp(
          `^<svg width="${chart.width}" height="${chart.height}" [^>]*viewBox="0 0 ${chart.width} ${chart.height}"`,
        ),
      );
      expect(labels(svg)).toContain(chart.title);
      for (const t of texts(svg)) expect(t.style, t.text).toContain(`font-family:${CHART_FONT_FAMILY}`);
      expect(svg).toMatch(/<rect width="\d+" height="\d+" x="0" y="0" fill="#ffffff"/);
    }
  });

  it('names "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei" and sans-serif', () => {
    expect(CHART_FONT_FAMILY.split(',').map((f) => f.trim().replace(/'/g, ''))).toEqual([
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'PingFang SC',
      'Microsoft YaHei',
      'WenQuanYi Zen Hei',
      'sans-serif',
    ]);
  });

  it('loads ECharts and resvg only when a chart is drawn (start-up time): no static import of either', () => {
    const dir = join(import.meta.dirname, '../../src/io/write/charts');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      const staticImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(
        staticImports.filter((m) => m!.startsWith('echarts') || m!.startsWith('@resvg')),
        file,
      ).toEqual([]);
    }
  });
});

// ————————————————————————————————————— bars —————————————————————————————————————

describe('productGmvChart', () => {
  it('ranks products by GMV, largest on top, each bar with its amount', async () => {
    const svg = await svgOf(productGmvChart({ title: '商品 GMV 排行', subtitle: '前 6', products }));
    const shown = bars(svg).sort((a, b) => a.y - b.y);
    expect(shown).toHaveLength(6);
    const widths = shown.map((b) => b.width);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    const names = ['羽绒服 轻薄款', '加绒打底裤', '雪地靴', '真丝围巾', '保温杯 500ml'];
    const ys = names.map((n) => texts(svg).find((t) => t.text === n)!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(labels(svg)).toEqual(
      expect.arrayContaining(['¥128,400', '¥98,000', '¥56,321', '¥45,600', '¥12,000', '¥8,800', '前 6']),
    );
  });

  it('cuts a long name without its promotion tag, and keeps the full name out', async () => {
    const svg = await svgOf(productGmvChart({ title: 'GMV', products }));
    const cut = truncateLabel(LONG_NAME, 14);
    expect(cut).toMatch(/^羊绒大衣.*…$/);
    expect(labels(svg)).toContain(cut);
    expect(svg).not.toContain('直播专享');
  });

  it('draws marked products (eliminated) in the alert colour, with a legend when given names', async () => {
    const svg = await svgOf(
      productGmvChart({ title: 'GMV', products, seriesNames: { normal: '保留', marked: '淘汰' } }),
    );
    const shown = bars(svg).sort((a, b) => a.y - b.y);
    expect(shown.map((b) => b.fill)).toEqual([
      TONE.primary,
      TONE.primary,
      TONE.primary,
      TONE.primary,
      TONE.alert,
      TONE.alert,
    ]);
    expect(labels(svg)).toEqual(expect.arrayContaining(['保留', '淘汰']));
  });

  it.each([
    [25, undefined, 20],
    [25, 10, 10],
    [3, undefined, 3],
  ])('%i products, limit %s → %i bars', async (n, limit, expected) => {
    const many = Array.from({ length: n }, (_, i) => ({ name: `商品${i + 1}`, gmv: 1000 * (i + 1) }));
    const svg = await svgOf(productGmvChart({ title: 'GMV', products: many, ...(limit ? { limit } : {}) }));
    expect(bars(svg)).toHaveLength(expected);
    expect(labels(svg)).toContain(`¥${(n * 1000).toLocaleString('en-US')}`);
  });
});

describe('kpiScoreChart', () => {
  const people = [
    { name: '阿杰', role: '主播', score: 72 },
    { name: '王芳', role: '场控', score: 91 },
    { name: '小雨', role: '主播', score: 86.5 },
    { name: '李雷', role: '场控', score: 58.25 },
    { name: '陈晨', role: '运营', score: 77 },
  ];

  it('groups people by role (in order of first appearance), ranks them within it, one colour per role', async () => {
    const svg = await svgOf(kpiScoreChart({ title: 'KPI', people, passScore: { score: 60, label: '合格 60' } }));
    const order = ['小雨', '阿杰', '王芳', '李雷', '陈晨'];
    const ys = order.map((n) => texts(svg).find((t) => t.text === n)!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const shown = bars(svg).sort((a, b) => a.y - b.y);
    expect(shown.map((b) => b.series)).toEqual([0, 0, 1, 1, 2]);
    expect(new Set(shown.map((b) => b.fill)).size).toBe(3);
    expect(labels(svg)).toEqual(expect.arrayContaining(['主播', '场控', '运营', '86.5', '72.0', '91.0', '77.0']));
  });

  it('draws the pass mark as a dashed line at its score', async () => {
    const svg = await svgOf(kpiScoreChart({ title: 'KPI', people, passScore: { score: 60, label: '合格 60' } }));
    const x = axis(svg, 'x', plain);
    const lines = dashed(svg);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.x1).toEqual(nearPixel(x(60)));
    expect(lines[0]!.x1).toBe(lines[0]!.x2);
    expect(labels(svg)).toContain('合格 60');
  });
});

describe('streamComparisonChart', () => {
  const input = {
    title: 'UV 价值（每场）',
    streams: ['周一 晚场', '周二 晚场', '周三 晚场'],
    series: [
      { name: '本周', values: [1.23, null, 0.98] },
      { name: '上周', values: [1.1, 1.95, 1.2] },
    ],
    format: 'yuan' as const,
  };

  it('this week beside last week for every stream, a missing figure as no bar', async () => {
    const svg = await svgOf(streamComparisonChart(input));
    const shown = bars(svg);
    expect(shown.filter((b) => b.series === 0)).toHaveLength(2);
    expect(shown.filter((b) => b.series === 1)).toHaveLength(3);
    expect(new Set(shown.filter((b) => b.series === 0).map((b) => b.fill))).toEqual(new Set([TONE.primary]));
    expect(new Set(shown.filter((b) => b.series === 1).map((b) => b.fill))).toEqual(new Set([TONE.context]));
    expect(labels(svg)).toEqual(
      expect.arrayContaining(['周一 晚场', '周二 晚场', '周三 晚场', '本周', '上周', '¥1.23', '¥0.98', '¥1.95']),
    );
    // Bar heights follow the values: 1.95 is the tallest, 0.98 the shortest.
    const heights = shown.sort((a, b) => a.height - b.height);
    expect(heights[0]!.series).toBe(0);
    expect(heights[heights.length - 1]!.series).toBe(1);
  });

  it('refuses a series whose values do not match the streams', () => {
    expect(() => streamComparisonChart({ ...input, series: [{ name: '本周', values: [1] }] })).toThrow(
      'series "本周": 1 values for 3 streams',
    );
  });
});

// ————————————————————————————————————— share —————————————————————————————————————

describe('channelShareChart', () => {
  const channels = [
    { name: '自然推荐', uv: 42000, gmv: 180000 },
    { name: '短视频引流', uv: 18000, gmv: 120000 },
    { name: '千川付费', uv: 9000, gmv: 95000 },
    { name: '搜索', uv: 1000, gmv: 5000 },
  ];

  it('splits the UV bar and the GMV bar by channel, each summing to 100 %', async () => {
    const svg = await svgOf(
      channelShareChart({ title: '渠道占比', uvLabel: 'UV 占比', gmvLabel: 'GMV 占比', channels }),
    );
    const shown = bars(svg);
    expect(shown).toHaveLength(8);
    const x = axis(svg, 'x', percent);
    const uvTotal = channels.reduce((s, c) => s + c.uv, 0);
    for (const row of [0, 1]) {
      const segments = shown.filter((b) => b.index === row).sort((a, b) => a.x - b.x);
      // From 0 % to 100 %, give or take the white 1 px borders between segments.
      expect(segments[0]!.x).toEqual(expect.closeTo(x(0), 0));
      expect(segments[3]!.x + segments[3]!.width).toEqual(expect.closeTo(x(1), -0.5));
      if (row === 0) {
        const widths = segments.map((b) => b.width);
        const expected = channels.map((c) => x(c.uv / uvTotal) - x(0));
        widths.forEach((w, i) => expect(w).toEqual(expect.closeTo(expected[i]!, -0.5)));
      }
    }
    // 42,000 of 70,000 viewers; 180,000 of 400,000 yuan.
    expect(labels(svg)).toEqual(expect.arrayContaining(['自然推荐 60.0%', '自然推荐 45.0%', 'UV 占比', 'GMV 占比']));
    // A sliver too narrow for a label shows none (搜索: 1.4 % of UV).
    expect(labels(svg).some((l) => l.includes('1.4%'))).toBe(false);
    expect(labels(svg)).toContain('搜索'); // in the legend
  });
});

// ————————————————————————————————————— scatter —————————————————————————————————————

describe('rateScatterChart', () => {
  it.each([
    ['retro', 0.1, 0.05],
    ['select', 0.03, 0.03],
  ])('%s: dashed lines at click rate %f and conversion rate %f, on percentage axes', async (_c, click, conversion) => {
    const svg = await svgOf(
      rateScatterChart({
        title: '点击 × 转化',
        xName: '点击率',
        yName: '转化率',
        thresholds: { clickRate: click, conversionRate: conversion },
        seriesNames: { normal: '保留', marked: '淘汰' },
        products: scatterProducts,
      }),
    );
    const x = axis(svg, 'x', percent);
    const y = axis(svg, 'y', percent);
    const lines = dashed(svg);
    expect(lines).toHaveLength(2);
    const vertical = lines.find((l) => l.x1 === l.x2)!;
    const horizontal = lines.find((l) => l.y1 === l.y2)!;
    expect(vertical.x1).toEqual(nearPixel(x(click)));
    expect(horizontal.y1).toEqual(nearPixel(y(conversion)));
    expect(labels(svg)).toEqual(expect.arrayContaining(['0%', '点击率', '转化率']));
  });

  it('draws every product once, marked ones apart and named, at their rates', async () => {
    const svg = await svgOf(
      rateScatterChart({
        title: '点击 × 转化',
        xName: '点击率',
        yName: '转化率',
        thresholds: { clickRate: 0.1, conversionRate: 0.05 },
        seriesNames: { normal: '保留', marked: '淘汰' },
        products: scatterProducts,
      }),
    );
    const points = symbols(svg);
    expect(points.filter((p) => p.series === 0)).toHaveLength(3);
    expect(points.filter((p) => p.series === 1)).toHaveLength(3);
    expect(new Set(points.filter((p) => p.series === 1).map((p) => p.fill))).toEqual(new Set([TONE.alert]));
    const x = axis(svg, 'x', percent);
    const y = axis(svg, 'y', percent);
    for (const p of scatterProducts) {
      const near = points.filter((s) => Math.abs(s.x - x(p.clickRate)) < 1 && Math.abs(s.y - y(p.conversionRate)) < 1);
      expect(near, p.name).toHaveLength(1);
    }
    const all = labels(svg);
    expect(all).toEqual(expect.arrayContaining(['加绒打底裤', '真丝围巾', '毛线帽']));
    expect(all).not.toContain('羊绒大衣');
  });

  it('keeps the labels of close points apart', async () => {
    const svg = await svgOf(
      rateScatterChart({
        title: '点击 × 转化',
        xName: '点击率',
        yName: '转化率',
        thresholds: { clickRate: 0.1, conversionRate: 0.05 },
        seriesNames: { normal: '保留', marked: '淘汰' },
        products: scatterProducts,
      }),
    );
    const named = texts(svg).filter((t) => ['真丝围巾', '毛线帽'].includes(t.text));
    expect(named).toHaveLength(2);
    const box = (t: SvgText) => {
      const w = t.text.length * 12;
      const x0 = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
      return { x0, x1: x0 + w, y0: t.y - 7, y1: t.y + 7 };
    };
    const [a, b] = named.map(box) as [ReturnType<typeof box>, ReturnType<typeof box>];
    const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    expect(overlap).toBe(false);
  });
});

// ————————————————————————————————————— line —————————————————————————————————————

describe('minuteCurveChart', () => {
  const input = {
    title: '在线人数（分钟）',
    seriesName: '在线人数',
    times: minutes,
    values: viewers,
    switches: [
      { at: '20:15', label: '羊绒大衣' },
      { at: '21:05', label: '【直播专享】加绒打底裤超长名字' },
    ],
  };

  it('marks each segment switch with a dashed line at its minute, labelled', async () => {
    const svg = await svgOf(minuteCurveChart(input));
    const lines = dashed(svg).filter((l) => l.x1 === l.x2);
    expect(lines).toHaveLength(2);
    // The category axis runs from the first minute to the last (no gap at the ends).
    const ticks = texts(svg).filter((t) => minutes.includes(t.text));
    const [first, last] = [ticks[0]!, ticks[ticks.length - 1]!];
    const [i0, i1] = [minutes.indexOf(first.text), minutes.indexOf(last.text)];
    const at = (i: number) => first.x + ((i - i0) / (i1 - i0)) * (last.x - first.x);
    expect(lines.map((l) => l.x1).sort((a, b) => a - b)).toEqual([nearPixel(at(15)), nearPixel(at(65))]);
    expect(labels(svg)).toEqual(
      expect.arrayContaining(['羊绒大衣', truncateLabel('【直播专享】加绒打底裤超长名字', 9)]),
    );
  });

  it('draws one line through every minute and labels the peak', async () => {
    const svg = await svgOf(minuteCurveChart(input));
    const line = [...svg.matchAll(/<path d="(M[^"]+)" fill="none"[^>]*stroke="#4c72b0"/g)].map((m) => m[1]!);
    expect(line).toHaveLength(1);
    expect(line[0]!.match(/[ML]/g)).toHaveLength(minutes.length);
    expect(labels(svg)).toContain(Math.max(...viewers).toLocaleString('en-US'));
  });

  it.each([
    [{ switches: [{ at: '19:59', label: '开场' }] }, 'segment switch "开场" at 19:59: no such minute on the curve'],
    [{ values: [1, 2] }, '2 values for 120 minutes'],
  ])('refuses %j', (over, message) => {
    expect(() => minuteCurveChart({ ...input, ...over })).toThrow(message);
  });
});

// ————————————————————————————————————— comparisons —————————————————————————————————————

describe('baselineComparisonChart', () => {
  const metrics = [
    { name: 'GMV', current: 182000, baseline: 150000, format: 'yuan' as const },
    { name: 'UV 价值', current: 1.42, baseline: 1.6, format: 'yuan' as const },
    { name: '点击率', current: 0.112, baseline: 0.098, format: 'rate' as const },
    { name: '退款率', current: 0.12, baseline: 0.09, format: 'rate' as const, higherIsBetter: false },
    { name: '观看人数', current: 52000, baseline: null, format: 'count' as const },
  ];

  it('draws each figure as an index of its baseline (= 100), with figure, baseline and change', async () => {
    const svg = await svgOf(
      baselineComparisonChart({ title: '本场 vs 中位数', baselineLabel: '中位数 = 100', metrics }),
    );
    const x = axis(svg, 'x', plain);
    const shown = bars(svg).sort((a, b) => a.y - b.y);
    expect(shown).toHaveLength(4); // a figure with no baseline is left out
    expect(shown[0]!.x + shown[0]!.width).toBeCloseTo(x((182000 / 150000) * 100), 0);
    expect(shown.map((b) => b.fill)).toEqual([TONE.primary, TONE.alert, TONE.primary, TONE.alert]);
    expect(labels(svg)).toEqual(
      expect.arrayContaining([
        '¥182,000 / ¥150,000  +21%',
        '¥1.42 / ¥1.60  −11%',
        '11.2% / 9.8%  +14%',
        '12.0% / 9.0%  +33%',
        '中位数 = 100',
      ]),
    );
    expect(labels(svg)).not.toContain('观看人数');
    const line = dashed(svg);
    expect(line).toHaveLength(1);
    expect(line[0]!.x1).toEqual(nearPixel(x(100)));
  });
});

describe('targetAchievementChart', () => {
  it('shows each figure against its target: bar to its share, 100 % line, actual / target and %', async () => {
    const svg = await svgOf(
      targetAchievementChart({
        title: '目标达成',
        actualLabel: '实际',
        targetLabel: '目标',
        items: [
          { name: 'GMV', actual: 820000, target: 1000000, format: 'yuan' },
          { name: '观看人数', actual: 410000, target: 380000, format: 'count' },
          { name: '转化率', actual: 0.031, target: 0.03, format: 'rate' },
        ],
      }),
    );
    const x = axis(svg, 'x', percent);
    expect(labels(svg)).toEqual(
      expect.arrayContaining([
        '100%',
        '¥820,000 / ¥1,000,000  82.0%',
        '410,000 / 380,000  107.9%',
        '3.1% / 3.0%  103.3%',
      ]),
    );
    const actual = bars(svg)
      .filter((b) => b.series === 1)
      .sort((a, b) => a.y - b.y);
    expect(actual.map((b) => b.x + b.width - x(0))).toEqual([
      expect.closeTo(x(0.82) - x(0), 0),
      expect.closeTo(x(410 / 380) - x(0), 0),
      expect.closeTo(x(0.031 / 0.03) - x(0), 0),
    ]);
    expect(actual.map((b) => b.fill)).toEqual([TONE.primary, TONE.good, TONE.good]);
    expect(dashed(svg)[0]!.x1).toEqual(nearPixel(x(1)));
  });
});

describe('roleMixChart', () => {
  it('groups actual and planned share per role', async () => {
    const svg = await svgOf(
      roleMixChart({
        title: '商品角色结构',
        actualLabel: '实际',
        targetLabel: '计划',
        roles: [
          { name: '引流款', actual: 0.35, target: 0.2 },
          { name: '利润款', actual: 0.45, target: 0.6 },
          { name: '形象款', actual: 0.2, target: 0.2 },
        ],
      }),
    );
    const y = axis(svg, 'y', percent);
    const shown = bars(svg);
    expect(shown).toHaveLength(6);
    const profit = shown.filter((b) => b.index === 1).sort((a, b) => a.series - b.series);
    expect(profit.map((b) => b.height)).toEqual([expect.closeTo(y(0) - y(0.45), 0), expect.closeTo(y(0) - y(0.6), 0)]);
    expect(labels(svg)).toEqual(
      expect.arrayContaining(['引流款', '利润款', '形象款', '35.0%', '60.0%', '实际', '计划']),
    );
  });
});
