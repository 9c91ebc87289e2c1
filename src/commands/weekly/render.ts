/**
 * The weekly report on a terminal, laid out within its width (src/ui/layout.ts), and the one log
 * line for monitoring.
 */
import { fmtChange, fmtCount, fmtMoney, fmtRate, type Lang } from '../../format.js';
import type { LocalisedWeeklyReport } from '../../i18n/weekly.js';
import { periodNote, readNoteLines, weeklyText } from '../../i18n/messages.js';
import type { Palette } from '../../ui/terminal.js';
import { alertLines, figures, fit, item, table, unbroken } from '../../ui/layout.js';

/** "liveops weekly 2026-W47: 12 streams, GMV ¥1,234 (+5.0% vs 2026-W46), 1 alert, 1 skipped → reports/周报_2026-W47.xlsx (exit 3)" */
export function weeklyLogLine(r: LocalisedWeeklyReport, _lang: Lang, written: string | null, code: number): string {
  const parts = [
    `${r.streams.length} stream${r.streams.length === 1 ? '' : 's'}`,
    `GMV ${fmtMoney(r.totals.gmv)}${r.change ? ` (${fmtChange(r.change.gmv)} vs ${r.previousWeek.id})` : ''}`,
    `${r.alerts.length} alert${r.alerts.length === 1 ? '' : 's'}`,
    `${r.eliminate.length} to eliminate`,
    `${r.skipped.length} skipped file${r.skipped.length === 1 ? '' : 's'}`,
    ...(r.outside.length ? [`${r.outside.length} file${r.outside.length === 1 ? '' : 's'} outside the week`] : []),
    ...(r.ignored.length ? [`${r.ignored.length} file${r.ignored.length === 1 ? '' : 's'} not used`] : []),
  ];
  return `liveops weekly ${r.week.id}${periodNote(r.unfinished, 'en')}: ${parts.join(', ')}${written ? ` → ${written}` : ' → nothing written'} (exit ${code})`;
}

/** Traffic attribution: each channel's viewers, GMV and conversion against the average, then the suggestions. */
function attributionLines(r: LocalisedWeeklyReport, m: (typeof weeklyText)[Lang], p: Palette, width: number): string[] {
  if (!r.attribution.channels.length) return [];
  const out: string[] = [];
  out.push('', p.bold(m.attribution(fmtRate(r.attribution.averageConversion))));
  const right = { align: 'right' } as const;
  out.push(
    ...table(
      [
        ['', 'UV', 'GMV', m.orderConversion, ''].map((h) => p.dim(h)),
        ...r.attribution.channels
          .slice(0, 8)
          .map((c) => [
            c.name,
            fmtCount(c.uv),
            fmtMoney(c.gmv),
            fmtRate(c.conversionRate),
            `(${fmtChange(c.vsAverage)})`,
          ]),
      ],
      [{ wrap: true }, right, right, right, { ...right, gap: 1 }],
      width,
    ),
  );
  for (const s of r.attribution.suggestions) out.push(...item('  → ', s.suggestion, width));
  return out;
}

export function renderWeeklySummary(r: LocalisedWeeklyReport, lang: Lang, p: Palette, width = 80): string {
  const m = weeklyText[lang];
  const t = r.totals;
  const out: string[] = [];
  out.push(p.bold(`${m.title} ${r.week.id} (${r.week.since} – ${r.week.until})${r.periodNote}`));
  out.push(
    ...figures(
      [
        [p.dim(m.streams), String(t.streams)],
        [p.dim('GMV'), p.bold(fmtMoney(t.gmv))],
        [p.dim('UV'), fmtCount(t.uv)],
        [p.dim(m.uvValue), fmtMoney(t.uvValue)],
        [p.dim('GPM'), fmtMoney(t.gpm)],
        [p.dim(m.conversion), fmtRate(t.viewToOrderRate)],
      ],
      width,
      { perLine: [6, 3, 2, 1] },
    ),
  );
  if (r.change) {
    out.push(
      ...item(
        `  ${p.dim(m.vsPrevious(r.previousWeek.id))}  `,
        [
          `GMV ${fmtChange(r.change.gmv)}`,
          `UV ${fmtChange(r.change.uv)}`,
          `${m.uvValue} ${fmtChange(r.change.uvValue)}`,
          `${m.conversion} ${fmtChange(r.change.viewToOrderRate)}`,
        ]
          .map(unbroken)
          .join('   '),
        width,
      ),
    );
  }
  if (r.targetAchievement.achievement !== null) {
    out.push(
      `  ${m.target} ${fmtMoney(r.targetAchievement.target)} · ${m.achieved} ${fmtRate(r.targetAchievement.achievement, 1)}`,
    );
  }
  if (r.byAccount.length) {
    const right = { align: 'right' } as const;
    out.push(
      ...table(
        r.byAccount.map((a) => [
          p.dim(a.account),
          p.dim(m.streamCount(a.streams)),
          p.dim('GMV'),
          p.dim(fmtMoney(a.gmv)),
          p.dim(m.uvValue),
          p.dim(fmtMoney(a.uvValue)),
        ]),
        [{ wrap: true }, right, { gap: 3 }, { ...right, gap: 1 }, { gap: 3 }, { ...right, gap: 1 }],
        width,
      ),
    );
  }
  out.push(...attributionLines(r, m, p, width));
  if (r.eliminate.length || r.insufficient.length) {
    out.push('', p.bold(m.eliminate(r.eliminate.length)));
    for (const e of r.eliminate)
      out.push(
        ...item(
          `  ${p.yellow('✗')} `,
          `${e.name ?? e.id} ${p.dim(`${m.click} ${fmtRate(e.clickRate)}, ${m.conversion} ${fmtRate(e.conversionRate)}, ${m.streamCount(e.streams)} [${e.rules.join(', ')}]`)}`,
          width,
        ),
      );
    if (r.insufficient.length)
      out.push(
        `  ${p.dim(m.insufficient(r.insufficient.map((x) => x.name ?? x.id).join(lang === 'zh' ? '、' : ', ')))}`,
      );
  }
  if (r.alerts.length) {
    out.push('', p.bold(m.alerts(r.alerts.length)));
    out.push(
      ...alertLines(
        r.alerts.map((a) => ({
          mark: p.red('✗'),
          rule: p.dim(`[${a.rule}]`),
          message: a.message,
          owner: p.dim(`→ ${a.ownerLabel}`),
        })),
        width,
      ),
    );
  }
  if (r.openItems.length) {
    // The history's improvement items open at the week's end (carried over: found before the week).
    const o = r.openItems;
    out.push('', p.bold(lang === 'zh' ? `待办改进项（${o.length}）` : `Improvement items still open (${o.length})`));
    for (const x of o.slice(0, 10))
      out.push(
        ...item(
          `  ${x.status === 'overdue' ? p.red('✗') : p.cyan('•')} ${x.id} `,
          `[${x.who} · ${x.statusLabel} · ${x.dueText}] ${x.text}`,
          width,
        ),
      );
    if (o.length > 10) out.push(`  ${p.dim(lang === 'zh' ? `……另有 ${o.length - 10} 条` : `… ${o.length - 10} more`)}`);
  }
  if (r.hotspots?.length) {
    out.push('', p.bold(m.hotspots));
    out.push(
      `  ${r.hotspots
        .slice(0, 6)
        .map((h) => unbroken(`${h.labelText} ${fmtRate(h.share, 0)}`))
        .join(' · ')}`,
    );
  }
  out.push(...readNoteLines(r, lang, p, m));
  return `${fit(out, width).join('\n')}\n`;
}
