/**
 * The retro on a terminal, laid out within its width (src/ui/layout.ts): figures in aligned
 * columns, alerts and the improvement list wrapped under their text.
 */
import { fmtChange, fmtCount, fmtDuration, fmtMoney, fmtRate, fmtTimeRange, type Lang } from '../../format.js';
import type { RetroReport } from '../../i18n/retro.js';
import { metricLabel } from '../../i18n/labels.js';
import { notUsedLines, outsideLines, retroText, unusedColumnsLines } from '../../i18n/messages.js';
import { PLATFORM_LABELS, type Platform } from '../../io/read/detect.js';
import type { Palette } from '../../ui/terminal.js';
import { alertLines, figures, fit, item, table, unbroken } from '../../ui/layout.js';

/** The title, the stream's figures (GMV first, the rest in aligned columns) and the traffic split. */
function headLines(r: RetroReport, lang: Lang, p: Palette, width: number): string[] {
  const m = retroText[lang];
  const s = r.summary;
  const out: string[] = [];
  const when = r.stream.start ? fmtTimeRange(r.stream.start, r.stream.end) : m.undated;
  const platform =
    r.stream.platform === 'generic'
      ? ''
      : ` · ${PLATFORM_LABELS[r.stream.platform as Platform]?.[lang] ?? r.stream.platform}`;
  out.push(
    p.bold(`${m.title} · ${r.stream.account ?? m.unknownAccount} · ${when}`) +
      p.dim(` (${fmtDuration(r.stream.durationSeconds, lang)}${platform})`),
  );
  // "成交金额（直播间用户支付金额）", but not "成交金额（成交金额（元））".
  const open = lang === 'zh' ? '（' : ' (';
  const close = lang === 'zh' ? '）' : ')';
  const gmvLabel =
    s.gmvField && s.gmvField.startsWith(metricLabel('gmv', lang))
      ? s.gmvField
      : `${metricLabel('gmv', lang)}${s.gmvField ? `${open}${s.gmvField}${close}` : ''}`;
  // GMV first, on its own line; then the other figures four a line, or two on a narrower terminal.
  out.push(`  ${p.dim(gmvLabel)} ${p.bold(fmtMoney(s.gmv))}`);
  const figure = (key: string, value: string): [string, string] => [p.dim(metricLabel(key, lang)), value];
  out.push(
    ...figures(
      [
        figure('orders', fmtCount(s.orders)),
        figure('buyers', fmtCount(s.buyers)),
        figure('itemsSold', fmtCount(s.itemsSold)),
        figure('newFollowers', fmtCount(s.newFollowers)),
        figure('uv', fmtCount(s.uv)),
        figure('pv', fmtCount(s.pv)),
        figure('uvValue', fmtMoney(s.uvValue)),
        [p.dim('GPM'), fmtMoney(s.gpm)],
        figure('avgDwellSeconds', fmtDuration(s.avgDwellSeconds, lang)),
        figure('productClickRate', fmtRate(s.productClickRate)),
        figure('clickToOrderRate', fmtRate(s.clickToOrderRate)),
        figure('viewToOrderRate', fmtRate(s.viewToOrderRate)),
        figure('refundAmount', fmtMoney(s.refundAmount)),
        figure('refundRate', fmtRate(s.refundRate)),
        figure('paidSpend', fmtMoney(s.paidSpend)),
        [p.dim('ROI'), s.roi === null ? '—' : s.roi.toFixed(2)],
      ],
      width,
      { perLine: [4, 2, 1] },
    ),
  );
  if (r.channelGroups) {
    const g = r.channelGroups;
    out.push(
      `  ${p.dim(m.traffic)} ${m.natural} ${fmtRate(g.natural.uvShare, 1)} / ${m.paid} ${fmtRate(g.paid.uvShare, 1)} ${p.dim(m.ofViewers)}`,
    );
  }
  return out;
}

export function renderRetroSummary(r: RetroReport, lang: Lang, p: Palette, width = 80): string {
  const m = retroText[lang];
  const out: string[] = headLines(r, lang, p, width);
  if (r.comparison) {
    out.push('', p.bold(m.comparison(r.comparison.baselineStreams)));
    const rows = r.comparison.metrics.map((c) => {
      const show =
        c.metric === 'uv' ? fmtCount : c.metric === 'viewToOrderRate' ? (x: number | null) => fmtRate(x) : fmtMoney;
      return [
        c.label,
        show(c.current),
        p.dim(m.vsPrevious),
        fmtChange(c.previousChange),
        p.dim(m.vsMedian),
        fmtChange(c.medianChange),
      ];
    });
    const right = { align: 'right' } as const;
    out.push(...table(rows, [{}, right, { gap: 3 }, { ...right, gap: 1 }, { gap: 3 }, { ...right, gap: 1 }], width));
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
  out.push(
    ...alertLines(
      r.alerts.map((a) => ({
        mark: a.severity === 'critical' ? p.red('✗') : p.yellow('!'),
        rule: p.dim(`[${a.rule}]`),
        message: a.message,
        owner: p.dim(`→ ${a.ownerLabel}`),
      })),
      width,
    ),
  );
  if (r.hotspots?.length) {
    out.push('', p.bold(m.hotspots));
    for (const source of ['comments', 'consultations'] as const) {
      const top = r.hotspots.filter((h) => h.source === source).slice(0, 4);
      if (top.length)
        out.push(
          ...item(
            `  ${p.dim(source === 'comments' ? m.fromComments : m.fromConsultations)}  `,
            top.map((h) => unbroken(`${h.labelText} ${fmtRate(h.share, 0)} (${h.count})`)).join('   '),
            width,
          ),
        );
    }
  }
  if (r.actions.length) {
    out.push('', p.bold(m.actions(r.actions.length)));
    const shown = r.actions.slice(0, 10);
    const numberWidth = Math.max(...shown.map((a) => String(a.no).length));
    for (const a of shown)
      out.push(
        ...item(`  ${String(a.no).padStart(numberWidth)}. `, `${p.cyan(`[${a.ownerLabel}]`)} ${a.action}`, width),
      );
    if (r.actions.length > 10) out.push(`  ${p.dim(m.more(r.actions.length - 10))}`);
  }
  if (r.missing.length)
    out.push(
      '',
      ...item(
        `${p.dim(m.missing)} `,
        r.missing.map((k) => unbroken(metricLabel(k, lang))).join(lang === 'zh' ? '、' : ', '),
        width,
      ),
    );
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
  return `${fit(out, width).join('\n')}\n`;
}
