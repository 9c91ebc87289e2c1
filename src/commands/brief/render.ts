/**
 * The morning brief on a terminal.
 */
import { fmtCount, fmtMoney, type Lang } from '../../format.js';
import type { Brief } from '../../domain/brief.js';
import type { Palette } from '../../ui/terminal.js';

export const briefText = {
  zh: {
    title: (d: string) => `晨会简报 ${d}`,
    streams: '今日直播',
    none: '今天没有直播',
    target: '目标',
    uv: '需要观看人数',
    risks: '风险点',
    lowStock: (p: string, n: number, line: number) => `库存不足：「${p}」仅 ${n} 件（低于 ${line}）`,
    rehearsal: (d: string, t: string, a: string) => `今日彩排：${d} ${t} ${a} 的直播`,
    overdue: (d: string, a: string, h: number) => `复盘逾期：${d} ${a} 的直播结束已 ${h} 小时，还没有复盘表`,
    actions: (f: string) => `上场改进清单（${f}）：`,
    noRisk: '没有风险点',
    wrote: '已写入',
  },
  en: {
    title: (d: string) => `Morning brief ${d}`,
    streams: "Today's streams",
    none: 'no stream today',
    target: 'target',
    uv: 'viewers needed',
    risks: 'Risks',
    lowStock: (p: string, n: number, line: number) => `Low stock: "${p}" has ${n} (below ${line})`,
    rehearsal: (d: string, t: string, a: string) => `Rehearsal today for ${a} on ${d} ${t}`,
    overdue: (d: string, a: string, h: number) => `Retro overdue: ${a}'s stream of ${d} ended ${h} h ago and has no retro`,
    actions: (f: string) => `Open items from the last retro (${f}):`,
    noRisk: 'no risks',
    wrote: 'wrote',
  },
};

export function renderBrief(b: Brief, lang: Lang, p: Palette): string {
  const m = briefText[lang];
  const out = [p.bold(m.title(b.date)), `  ${p.dim(b.summary)}`, '', p.bold(m.streams)];
  if (!b.streams.length) out.push(`  ${m.none}`);
  for (const s of b.streams) {
    const people = [s.anchor, s.assistant].filter(Boolean).join(' / ');
    out.push(`  ${s.time}  ${s.account ?? ''}  ${s.type ?? ''}${s.theme ? `·${s.theme}` : ''}  ${people}  ${p.dim(`${m.target} ${fmtMoney(s.gmvTarget)}${s.uvTarget !== null ? ` · ${m.uv} ${fmtCount(s.uvTarget)}` : ''}`)}`);
  }
  out.push('', p.bold(m.risks));
  const r = b.risks;
  for (const x of r.lowStock) out.push(`  ${p.yellow('!')} ${m.lowStock(x.product, x.stock, x.threshold)}`);
  for (const x of r.rehearsals) out.push(`  ${p.cyan('•')} ${m.rehearsal(x.streamDate, x.time, x.account ?? '')}`);
  for (const x of r.overdueRetros) out.push(`  ${p.red('✗')} ${m.overdue(x.date, x.account ?? '', x.endedHoursAgo)}`);
  if (r.lastRetro && r.openActions.length) {
    out.push(`  ${m.actions(r.lastRetro)}`);
    for (const a of r.openActions) out.push(`    ${a.no ?? '-'}. [${a.owner ?? ''}] ${a.action}`);
  }
  if (!r.lowStock.length && !r.rehearsals.length && !r.overdueRetros.length && !r.openActions.length) out.push(`  ${p.green(m.noRisk)}`);
  for (const o of b.outputs) out.push('', `${m.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
