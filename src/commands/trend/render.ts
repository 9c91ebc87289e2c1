/**
 * `trend` on a terminal: one line per period (its streams, the figure, why there is none), the
 * overall figure and its definition; and its log line for cron.
 */
import type { Lang } from '../../format.js';
import { fmtMetric, trendText, type TrendReport } from '../../i18n/trend.js';
import { counted } from '../../i18n/plural.js';
import { fit, table } from '../../ui/layout.js';
import type { Palette } from '../../ui/terminal.js';

export function trendLogLine(r: TrendReport): string {
  const shown = r.periods.filter((p) => p.value !== null).length;
  const overall = r.overall.value === null ? 'none' : fmtMetric(r.metric, r.overall.value, 'en');
  return `liveops trend ${r.subject.kind} ${r.subject.name} ${r.metric} by ${r.by}: ${counted(r.periods.length, 'period')} (${shown} with a figure), ${counted(r.overall.streams, 'stream')}, overall ${overall}${r.outputs.length ? ` → ${r.outputs.join(', ')}` : ''}`;
}

export function renderTrendSummary(r: TrendReport, lang: Lang, p: Palette, width = 80): string {
  const t = trendText[lang];
  const out: string[] = [p.bold(r.title), p.dim(`${t.how}${lang === 'zh' ? '：' : ': '}${r.definition}`)];
  if (r.periods.length) {
    const rows = r.periods.map((x) => [
      r.by === 'stream' && x.title ? `${x.id} ${x.title}` : x.id,
      String(x.streams),
      x.why ? p.dim(x.shown) : x.shown,
      x.why ? p.yellow(x.note) : p.dim(x.note),
    ]);
    rows.push([p.bold(t.overall), String(r.overall.streams), p.bold(r.overall.shown), p.dim(r.overall.note)]);
    out.push(
      '',
      ...table(
        [[t.period, t.streams, t.value, t.note].map((h) => p.dim(h)), ...rows],
        [{ wrap: true }, { align: 'right' }, { align: 'right' }, { wrap: true }],
        width,
        { indent: 2 },
      ),
    );
  }
  for (const n of r.notes) out.push(...fit([`  ${p.yellow(n)}`], width));
  for (const o of r.outputs) out.push(`${t.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
