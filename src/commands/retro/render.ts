/**
 * The retro on a terminal.
 */
import { fmtChange, fmtCount, fmtDuration, fmtMoney, fmtRate, type Lang } from '../../format.js';
import type { RetroReport } from '../../i18n/retro.js';
import { metricLabel } from '../../i18n/labels.js';
import { notUsedLines, outsideLines, retroText, unusedColumnsLines } from '../../i18n/messages.js';
import { PLATFORM_LABELS, type Platform } from '../../io/read/detect.js';
import type { Palette } from '../../ui/terminal.js';
import { padDisplay, padDisplayStart } from '../../ui/width.js';

export function renderRetroSummary(r: RetroReport, lang: Lang, p: Palette): string {
  const m = retroText[lang];
  const s = r.summary;
  const out: string[] = [];
  const when = r.stream.start
    ? `${r.stream.start.slice(0, 16).replace('T', ' ')}${r.stream.end ? `–${r.stream.end.slice(11, 16)}` : ''}`
    : m.undated;
  out.push(
    p.bold(`${m.title} · ${r.stream.account ?? m.unknownAccount} · ${when}`) +
      p.dim(
        ` (${fmtDuration(r.stream.durationSeconds, lang)} · ${PLATFORM_LABELS[r.stream.platform as Platform]?.[lang] ?? r.stream.platform})`,
      ),
  );
  const cell = (label: string, value: string) => `${p.dim(label)} ${value}`;
  // "成交金额（直播间用户支付金额）", but not "成交金额（成交金额（元））".
  const gmvLabel =
    s.gmvField && s.gmvField.startsWith(metricLabel('gmv', lang))
      ? s.gmvField
      : `${metricLabel('gmv', lang)}${s.gmvField ? `（${s.gmvField}）` : ''}`;
  out.push(
    `  ${[cell(gmvLabel, p.bold(fmtMoney(s.gmv))), cell(metricLabel('orders', lang), fmtCount(s.orders)), cell(metricLabel('buyers', lang), fmtCount(s.buyers)), cell(metricLabel('itemsSold', lang), fmtCount(s.itemsSold))].join('   ')}`,
    `  ${[cell(metricLabel('uv', lang), fmtCount(s.uv)), cell(metricLabel('pv', lang), fmtCount(s.pv)), cell(metricLabel('uvValue', lang), fmtMoney(s.uvValue)), cell('GPM', fmtMoney(s.gpm))].join('   ')}`,
    `  ${[cell(metricLabel('avgDwellSeconds', lang), fmtDuration(s.avgDwellSeconds, lang)), cell(metricLabel('productClickRate', lang), fmtRate(s.productClickRate)), cell(metricLabel('clickToOrderRate', lang), fmtRate(s.clickToOrderRate)), cell(metricLabel('viewToOrderRate', lang), fmtRate(s.viewToOrderRate))].join('   ')}`,
    `  ${[cell(metricLabel('refundAmount', lang), `${fmtMoney(s.refundAmount)} (${fmtRate(s.refundRate)})`), cell(metricLabel('paidSpend', lang), fmtMoney(s.paidSpend)), cell('ROI', s.roi === null ? '—' : s.roi.toFixed(2)), cell(metricLabel('newFollowers', lang), fmtCount(s.newFollowers))].join('   ')}`,
  );
  if (r.channelGroups) {
    const g = r.channelGroups;
    out.push(
      `  ${p.dim(m.traffic)} ${m.natural} ${fmtRate(g.natural.uvShare, 1)} / ${m.paid} ${fmtRate(g.paid.uvShare, 1)} ${p.dim(m.ofViewers)}`,
    );
  }
  if (r.comparison) {
    out.push('', p.bold(m.comparison(r.comparison.baselineStreams)));
    for (const c of r.comparison.metrics) {
      const show =
        c.metric === 'uv' ? fmtCount : c.metric === 'viewToOrderRate' ? (x: number | null) => fmtRate(x) : fmtMoney;
      out.push(
        `  ${padDisplay(c.label, 16)} ${padDisplayStart(show(c.current), 12)}   ${m.vsPrevious} ${padDisplayStart(fmtChange(c.previousChange), 7)}   ${m.vsMedian} ${padDisplayStart(fmtChange(c.medianChange), 7)}`,
      );
    }
  }
  const disagreements = r.checks.filter((c) => !c.agrees);
  if (disagreements.length) {
    out.push('', p.yellow(m.checks));
    for (const c of disagreements) {
      const show = c.metric === 'gpm' ? fmtMoney : (x: number) => fmtRate(x);
      out.push(
        `  ${c.label}: ${m.stated} ${show(c.stated)}, ${m.computed} ${show(c.computed)} ${p.dim(`(${c.source})`)}`,
      );
    }
  }
  out.push('', p.bold(m.alerts(r.alerts.length)));
  if (r.alerts.length === 0) out.push(`  ${p.green(m.noAlerts)}`);
  for (const a of r.alerts) {
    const paint = a.severity === 'critical' ? p.red : p.yellow;
    out.push(
      `  ${paint(a.severity === 'critical' ? '✗' : '!')} ${p.dim(`[${a.rule}]`)} ${a.message} ${p.dim(`→ ${a.ownerLabel}`)}`,
    );
  }
  if (r.hotspots?.length) {
    out.push('', p.bold(m.hotspots));
    for (const source of ['comments', 'consultations'] as const) {
      const top = r.hotspots.filter((h) => h.source === source).slice(0, 4);
      if (top.length)
        out.push(
          `  ${p.dim(source === 'comments' ? m.fromComments : m.fromConsultations)}  ${top.map((h) => `${h.labelText} ${fmtRate(h.share, 0)} (${h.count})`).join('   ')}`,
        );
    }
  }
  if (r.actions.length) {
    out.push('', p.bold(m.actions(r.actions.length)));
    for (const a of r.actions.slice(0, 10)) out.push(`  ${a.no}. ${p.cyan(`[${a.ownerLabel}]`)} ${a.action}`);
    if (r.actions.length > 10) out.push(`  ${p.dim(m.more(r.actions.length - 10))}`);
  }
  if (r.missing.length)
    out.push('', `${p.dim(m.missing)} ${r.missing.map((k) => metricLabel(k, lang)).join(lang === 'zh' ? '、' : ', ')}`);
  for (const o of r.outputs) out.push('', `${m.wrote} ${o}`);
  if (r.readWarnings.length) out.push('', ...r.readWarnings.map((l) => p.yellow(l)));
  const outside = outsideLines(r.leftOut, r.rowsOutside, lang);
  if (outside.length) out.push('', ...outside.map((l) => p.yellow(l)));
  const notUsed = notUsedLines(r.ignored, lang);
  if (notUsed.length) out.push('', ...notUsed.map((l) => p.yellow(l)));
  const unused = unusedColumnsLines(
    r.inputs.map((i) => ({ file: i.file, sheet: i.sheet, headers: i.unused })),
    lang,
  );
  if (unused.length) out.push('', ...unused.map((l) => p.dim(l)));
  return `${out.join('\n')}\n`;
}
