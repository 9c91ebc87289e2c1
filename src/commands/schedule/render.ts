/**
 * The schedule on a terminal; its words are in src/i18n/schedule.ts.
 */
import { fmtMoney, type Lang } from '../../format.js';
import { scheduleText, type LocalisedSchedule } from '../../i18n/schedule.js';
import type { Palette } from '../../ui/terminal.js';
import { padDisplay } from '../../ui/width.js';

export function renderScheduleSummary(plan: LocalisedSchedule, lang: Lang, p: Palette): string {
  const m = scheduleText[lang];
  const out: string[] = [];
  out.push(
    p.bold(`${m.title} ${plan.month}`) +
      p.dim(` · ${plan.streams.length} ${m.streams} · ${m.target} ${fmtMoney(plan.targets.month)}`),
  );
  out.push(`  ${p.dim(m.stage)} ${plan.stage.label}: ${plan.stage.hint}`);
  out.push('');
  for (const s of plan.streams) {
    const people = [s.anchor, s.assistant].filter(Boolean).join(' / ') || '—';
    out.push(
      `  ${String(s.no).padStart(2)} ${s.date} ${s.weekdayLabel} ${s.time}  ${padDisplay(s.account ?? '—', 16)} ${padDisplay(s.typeLabel + (s.theme ? `·${s.theme}` : ''), 22)} ${padDisplay(people, 12)} ${fmtMoney(s.gmvTarget).padStart(14)}`,
    );
  }
  if (plan.excluded.length)
    out.push(
      '',
      p.dim(`${m.excluded} ${plan.excluded.map((e) => `${e.name}（${e.reason}）`).join(lang === 'zh' ? '、' : '; ')}`),
    );
  if (plan.problems.length) {
    out.push('', p.yellow(m.problems));
    for (const x of plan.problems) out.push(`  ! ${x}`);
  }
  for (const o of plan.outputs) out.push('', `${m.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
