/**
 * The script draft on a terminal, and its words.
 */
import type { Lang } from '../../format.js';
import type { Draft } from '../../domain/script/draft.js';
import type { Palette } from '../../ui/terminal.js';
import { padDisplay } from '../../ui/width.js';

export const scriptText = {
  zh: {
    notInPool: (n: string) => `「${n}」不在选品表里：脚本中只有名称，没有卖点和库存`,
    noProducts: (d: string) => `${d} 这场没有排商品：先用 liveops schedule --pool 排好商品`,
    title: '直播脚本',
    cues: (n: number) => `场控提示 ${n} 条`,
    wrote: '已写入',
    finding: (time: string, seg: string, part: string, phrase: string, sev: string, suggestion: string) =>
      `合规检查：${time}「${seg}」${part}中的「${phrase}」（${sev === 'error' ? '错误' : '警告'}）→ ${suggestion}`,
  },
  en: {
    notInPool: (n: string) => `"${n}" is not in the selection table: the script has its name only, no selling points or stock`,
    noProducts: (d: string) => `the stream of ${d} has no products: plan them with liveops schedule --pool first`,
    title: 'Script draft',
    cues: (n: number) => `${n} floor-control cues`,
    wrote: 'wrote',
    finding: (time: string, seg: string, part: string, phrase: string, sev: string, suggestion: string) =>
      `compliance: ${time} "${seg}" ${part}: "${phrase}" (${sev}) → ${suggestion}`,
  },
};

export function renderScriptSummary(d: Draft & { outputs: string[] }, lang: Lang, p: Palette): string {
  const m = scriptText[lang];
  const s = d.stream;
  const out = [p.bold(`${m.title} ${s.date} ${s.start}–${s.end}`) + p.dim(` · ${s.account ?? ''} · ${s.durationMinutes} min · ${m.cues(d.cueSheet.filter((c) => c.who === 'floor-control').length)}`)];
  for (const seg of d.timeline) {
    out.push(`  ${seg.start}–${seg.end}  ${padDisplay(seg.title, 44)} ${p.dim(`${seg.minutes} min${seg.product ? ` · ${seg.product.role}` : ''}`)}`);
  }
  for (const o of d.outputs) out.push(`${m.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
