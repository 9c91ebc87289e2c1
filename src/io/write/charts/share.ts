/**
 * Channel share: each channel's part of the UV and of the GMV, as two 100 % stacked bars one above
 * the other, so a channel that brings many viewers and few sales shows as a segment that shrinks.
 * (Two donuts side by side ask the reader to compare angles; aligned segments read at a glance.)
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { formatValue } from './formatters.js';
import {
  baseOption,
  categoryAxisStyle,
  DEFAULT_WIDTH,
  gridBox,
  legend,
  PALETTE,
  titleHeight,
  valueAxis,
} from './style.js';
import { emWidth, truncateLabel } from './truncate.js';
import type { Chart, ChartFrame } from './types.js';

export interface ChannelShareInput extends ChartFrame {
  channels: ReadonlyArray<{ name: string; uv: number; gmv: number }>;
  /** The two bars' labels, e.g. "UV 占比" and "GMV 占比". */
  uvLabel: string;
  gmvLabel: string;
}

/** Segments narrower than this share show no label (there is no room for one). */
const MIN_LABELLED = 0.04;

export function channelShareChart(input: ChannelShareInput): Chart {
  const channels = input.channels.filter((c) => c.uv > 0 || c.gmv > 0).sort((a, b) => b.gmv - a.gmv || b.uv - a.uv);
  const uvTotal = channels.reduce((s, c) => s + Math.max(0, c.uv), 0);
  const gmvTotal = channels.reduce((s, c) => s + Math.max(0, c.gmv), 0);
  const share = (v: number, total: number) => (total > 0 ? Math.max(0, v) / total : 0);
  const width = input.width ?? DEFAULT_WIDTH;
  const plotWidth = width - 140;
  const series: BarSeriesOption[] = channels.map((c, i) => ({
    type: 'bar',
    name: c.name,
    stack: 'share',
    barWidth: 44,
    itemStyle: { color: PALETTE[i % PALETTE.length], borderColor: '#ffffff', borderWidth: 1 },
    data: [share(c.uv, uvTotal), share(c.gmv, gmvTotal)],
    label: {
      show: true,
      position: 'inside',
      color: '#ffffff',
      fontSize: 12,
      formatter: (p) => {
        const v = Number(p.value);
        if (v < MIN_LABELLED) return '';
        const pct = formatValue(v, 'rate');
        // The name too where the segment is wide enough for it.
        const room = (v * plotWidth) / 12;
        const name = truncateLabel(c.name, room - 1);
        return emWidth(`${name} ${pct}`) <= room && !name.endsWith('…') ? `${name} ${pct}` : pct;
      },
    },
  }));
  const top = titleHeight(input);
  const option: EChartsOption = {
    ...baseOption(input),
    legend: {
      ...legend(
        channels.map((c) => c.name),
        0,
      ),
      top: undefined,
      bottom: 12,
      left: 16,
      right: undefined,
    },
    grid: gridBox(top, 48),
    xAxis: valueAxis('rate', { min: 0, max: 1 }),
    yAxis: { type: 'category', inverse: true, data: [input.uvLabel, input.gmvLabel], ...categoryAxisStyle },
    series,
  };
  return { kind: 'channelShare', title: input.title, width, height: input.height ?? 300, option };
}
