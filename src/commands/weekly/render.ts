/**
 * The weekly report on a terminal, and the one log line for monitoring.
 */
import { fmtChange, fmtCount, fmtMoney, fmtRate, type Lang } from '../../format.js';
import type { LocalisedWeeklyReport } from '../../i18n/weekly.js';
import { periodNote, readNoteLines, weeklyText } from '../../i18n/messages.js';
import type { Palette } from '../../ui/terminal.js';
import { padDisplay } from '../../ui/width.js';

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

export function renderWeeklySummary(r: LocalisedWeeklyReport, lang: Lang, p: Palette): string {
  const m = weeklyText[lang];
  const t = r.totals;
  const out: string[] = [];
  out.push(p.bold(`${m.title} ${r.week.id} (${r.week.since} – ${r.week.until})${r.periodNote}`));
  out.push(
    `  ${m.streams} ${t.streams}   GMV ${p.bold(fmtMoney(t.gmv))}   UV ${fmtCount(t.uv)}   ${m.uvValue} ${fmtMoney(t.uvValue)}   GPM ${fmtMoney(t.gpm)}   ${m.conversion} ${fmtRate(t.viewToOrderRate)}`,
  );
  if (r.change) {
    out.push(
      `  ${m.vsPrevious(r.previousWeek.id)}  GMV ${fmtChange(r.change.gmv)}   UV ${fmtChange(r.change.uv)}   ${m.uvValue} ${fmtChange(r.change.uvValue)}   ${m.conversion} ${fmtChange(r.change.viewToOrderRate)}`,
    );
  }
  if (r.targetAchievement.achievement !== null) {
    out.push(
      `  ${m.target} ${fmtMoney(r.targetAchievement.target)} · ${m.achieved} ${fmtRate(r.targetAchievement.achievement, 1)}`,
    );
  }
  for (const a of r.byAccount)
    out.push(
      `  ${p.dim(`${a.account}: ${a.streams} ${m.streamsShort}, GMV ${fmtMoney(a.gmv)}, ${m.uvValue} ${fmtMoney(a.uvValue)}`)}`,
    );
  if (r.attribution.channels.length) {
    out.push('', p.bold(m.attribution(fmtRate(r.attribution.averageConversion))));
    for (const c of r.attribution.channels.slice(0, 8)) {
      out.push(
        `  ${padDisplay(c.name, 12)} UV ${fmtCount(c.uv).padStart(8)}  GMV ${fmtMoney(c.gmv).padStart(14)}  ${m.orderConversion} ${fmtRate(c.conversionRate)} (${fmtChange(c.vsAverage)})`,
      );
    }
    for (const s of r.attribution.suggestions) out.push(`  → ${s.suggestion}`);
  }
  if (r.eliminate.length || r.insufficient.length) {
    out.push('', p.bold(m.eliminate(r.eliminate.length)));
    for (const e of r.eliminate)
      out.push(
        `  ${p.yellow('✗')} ${e.name ?? e.id} ${p.dim(`${m.click} ${fmtRate(e.clickRate)}, ${m.conversion} ${fmtRate(e.conversionRate)}, ${e.streams ?? '—'} ${m.streamsShort} [${e.rules.join(', ')}]`)}`,
      );
    if (r.insufficient.length)
      out.push(
        `  ${p.dim(m.insufficient(r.insufficient.map((x) => x.name ?? x.id).join(lang === 'zh' ? '、' : ', ')))}`,
      );
  }
  if (r.alerts.length) {
    out.push('', p.bold(m.alerts(r.alerts.length)));
    for (const a of r.alerts)
      out.push(`  ${p.red('✗')} ${p.dim(`[${a.rule}]`)} ${a.message} ${p.dim(`→ ${a.ownerLabel}`)}`);
  }
  if (r.hotspots?.length) {
    out.push('', p.bold(m.hotspots));
    out.push(
      `  ${r.hotspots
        .slice(0, 6)
        .map((h) => `${h.labelText} ${fmtRate(h.share, 0)}`)
        .join(' · ')}`,
    );
  }
  out.push(...readNoteLines(r, lang, p, m));
  return `${out.join('\n')}\n`;
}
