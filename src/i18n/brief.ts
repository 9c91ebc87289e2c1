/**
 * The words of the morning brief (晨会简报): its one-line summary, and the brief's terminal words.
 * The domain's brief (facts and counts) in, the brief the command prints with --json and writes.
 */
import type { Brief } from '../domain/brief.js';
import type { Lang } from './labels.js';
import type { HistoryNote } from '../model/history.js';
import { counted } from './plural.js';
import { localiseItem } from './actions.js';

/** The brief with its summary line, keys in the order the --json and the template have always had. */
export function localiseBrief(brief: Brief, lang: Lang) {
  const r = brief.risks;
  const [streams, lowStock, rehearsals, overdue, open] = [
    brief.streams.length,
    r.lowStock.length,
    r.rehearsals.length,
    r.overdueRetros.length,
    r.openActions.length,
  ];
  const itemsOverdue = r.items.filter((x) => x.status === 'overdue').length;
  // The history's items are said only when there are some: a brief without a history reads as it always has.
  const items = r.items.length
    ? lang === 'zh'
      ? `；待办改进项 ${r.items.length} 条（逾期 ${itemsOverdue} 条）`
      : `; ${counted(r.items.length, 'improvement item')} to do (${itemsOverdue} overdue)`
    : '';
  return {
    ...brief,
    risks: { ...r, items: r.items.map((x) => ({ ...localiseItem(x, lang), carriedOver: x.carriedOver })) },
    summary:
      lang === 'zh'
        ? `今天 ${streams} 场直播；库存预警 ${lowStock} 个；今日彩排 ${rehearsals} 场；复盘逾期 ${overdue} 场；上场改进项 ${open} 条${items}`
        : `${counted(streams, 'stream')} today; ${counted(lowStock, 'low-stock product')}; ${counted(rehearsals, 'rehearsal')} today; ` +
          `${counted(overdue, 'retro')} overdue; ${counted(open, 'open item')} from the last retro${items}`,
    /** Filled by the command with the file it wrote. */
    outputs: [] as string[],
    /** Filled by the command when there is a history: where, and which of its files were skipped. */
    history: undefined as HistoryNote | undefined,
  };
}

export type LocalisedBrief = ReturnType<typeof localiseBrief>;

/** The brief on a terminal. */
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
    items: '待办改进项（历史）：',
    carried: '延续',
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
    overdue: (d: string, a: string, h: number) =>
      `Retro overdue: ${a}'s stream of ${d} ended ${h} h ago and has no retro`,
    actions: (f: string) => `Open items from the last retro (${f}):`,
    items: 'Improvement items to do (history):',
    carried: 'carried over',
    noRisk: 'no risks',
    wrote: 'wrote',
  },
};
