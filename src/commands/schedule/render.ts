/**
 * The schedule on a terminal, and its words.
 */
import { fmtMoney, type Lang } from '../../format.js';
import type { SchedulePlan } from '../../domain/schedule/plan.js';
import type { Palette } from '../../ui/terminal.js';
import { padDisplay } from '../../ui/width.js';

export const scheduleText = {
  zh: {
    askMonth: '排哪个月？（如 2026-12）',
    badMonth: '请输入 2026-12 这样的月份',
    askSlots: '每周哪几天、几点开播？（如 1,3,5@20:00-23:00，多个用 ; 分隔）',
    badSlots: '格式如 1,3,5@20:00-23:00 或 一三五@20:00-23:00',
    askTarget: (m: string) => `${m} 的 GMV 目标（元）？`,
    badTarget: '请输入大于 0 的金额',
    noStreams: (m: string) => `${m} 没有可排的场次：检查 schedule.slots 的星期和 schedule.special 的日期`,
    title: '直播排期表',
    streams: '场',
    target: '月目标',
    stage: '团队阶段',
    problems: '需要处理：',
    wrote: '已写入',
    excluded: '未排入的商品：',
  },
  en: {
    askMonth: 'Which month? (e.g. 2026-12)',
    badMonth: 'a month such as 2026-12',
    askSlots: 'Which weekdays and hours? (e.g. 1,3,5@20:00-23:00; several separated by ;)',
    badSlots: 'e.g. 1,3,5@20:00-23:00',
    askTarget: (m: string) => `GMV target for ${m} (CNY)?`,
    badTarget: 'an amount above 0',
    noStreams: (m: string) => `no streams to schedule in ${m}: check the weekdays of schedule.slots and the dates of schedule.special`,
    title: 'Stream schedule',
    streams: 'streams',
    target: 'month target',
    stage: 'team stage',
    problems: 'To sort out:',
    wrote: 'wrote',
    excluded: 'Products left out:',
  },
};

export function renderScheduleSummary(plan: SchedulePlan, lang: Lang, p: Palette): string {
  const m = scheduleText[lang];
  const out: string[] = [];
  out.push(p.bold(`${m.title} ${plan.month}`) + p.dim(` · ${plan.streams.length} ${m.streams} · ${m.target} ${fmtMoney(plan.targets.month)}`));
  out.push(`  ${p.dim(m.stage)} ${plan.stage.label}: ${plan.stage.hint}`);
  out.push('');
  for (const s of plan.streams) {
    const people = [s.anchor, s.assistant].filter(Boolean).join(' / ') || '—';
    out.push(
      `  ${String(s.no).padStart(2)} ${s.date} ${s.weekdayLabel} ${s.time}  ${padDisplay(s.account ?? '—', 16)} ${padDisplay(s.typeLabel + (s.theme ? `·${s.theme}` : ''), 22)} ${padDisplay(people, 12)} ${fmtMoney(s.gmvTarget).padStart(14)}`,
    );
  }
  if (plan.excluded.length) out.push('', p.dim(`${m.excluded} ${plan.excluded.map((e) => `${e.name}（${e.reason}）`).join(lang === 'zh' ? '、' : '; ')}`));
  if (plan.problems.length) {
    out.push('', p.yellow(m.problems));
    for (const x of plan.problems) out.push(`  ! ${x}`);
  }
  for (const o of plan.outputs) out.push('', `${m.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
