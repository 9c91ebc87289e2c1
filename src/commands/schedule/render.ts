/**
 * The schedule on a terminal, laid out within its width (src/ui/layout.ts); its words are in
 * src/i18n/schedule.ts.
 */
import { fmtMoney, type Lang } from '../../format.js';
import { scheduleText, type LocalisedSchedule } from '../../i18n/schedule.js';
import { fit, item, table } from '../../ui/layout.js';
import type { Palette } from '../../ui/terminal.js';

export function renderScheduleSummary(plan: LocalisedSchedule, lang: Lang, p: Palette, width = 80): string {
  const m = scheduleText[lang];
  const aside = (s: string) => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  const out: string[] = [];
  out.push(
    p.bold(`${m.title} ${plan.month}`) +
      p.dim(` · ${m.streams(plan.streams.length)} · ${m.target} ${fmtMoney(plan.targets.month)}`),
  );
  out.push(`  ${p.dim(m.stage)} ${plan.stage.label}: ${plan.stage.hint}`);
  out.push('');
  // One stream a line; the month is in the title, so a day reads 12-02. A long type·theme or a
  // pair of names wraps within its column on a narrow terminal.
  out.push(
    ...table(
      plan.streams.map((s) => [
        String(s.no),
        `${s.date.slice(5)} ${s.weekdayLabel}`,
        s.time,
        s.account ?? '—',
        s.typeLabel + (s.theme ? `·${s.theme}` : ''),
        [s.anchor, s.assistant].filter(Boolean).join(' / ') || '—',
        fmtMoney(s.gmvTarget),
      ]),
      [{ align: 'right' }, {}, { gap: 1 }, { wrap: true }, { wrap: true }, { wrap: true }, { align: 'right' }],
      width,
    ),
  );
  if (plan.excluded.length) {
    out.push('', p.dim(m.excluded));
    for (const e of plan.excluded) out.push(...item('  - ', p.dim(`${e.name}${aside(e.reason)}`), width));
  }
  if (plan.pastRehearsals.length) {
    out.push('', p.yellow(m.pastRehearsals));
    for (const r of plan.pastRehearsals) out.push(...item('  ! ', r.message, width));
  }
  if (plan.problems.length) {
    out.push('', p.yellow(m.problems));
    for (const x of plan.problems) out.push(...item('  ! ', x, width));
  }
  for (const o of plan.outputs) out.push('', `${m.wrote} ${o}`);
  return `${fit(out, width).join('\n')}\n`;
}
