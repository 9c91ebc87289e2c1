/**
 * The words of the improvement items (改进清单) kept in the history: `liveops actions`, and the
 * items the morning brief and the weekly report show. Chinese by default, English with --lang en.
 * An item's own words (what, action) stay in the language the retro recorded them in.
 */
import type { ActionGroup, ActionItem, ActionStatus } from '../domain/history/actions.js';
import { shanghaiIso } from '../clock.js';
import { ROLE_LABELS, type Lang } from './labels.js';
import { counted } from './plural.js';

export const STATUS_LABELS: Record<ActionStatus, { zh: string; en: string }> = {
  open: { zh: '进行中', en: 'open' },
  overdue: { zh: '已逾期', en: 'overdue' },
  done: { zh: '已完成', en: 'done' },
};

const iso = (t: number | null) => (t === null ? null : shanghaiIso(t));

/** An item as --json prints it and the templates read it: times in Beijing, labels in `lang`. */
export function localiseItem<T extends ActionItem>(it: T, lang: Lang) {
  const { partition: _partition, due, foundAt, firstFoundAt, doneAt, ...rest } = it;
  return {
    ...rest,
    statusLabel: STATUS_LABELS[it.status][lang],
    ownerLabel: it.owner ? (ROLE_LABELS[it.owner]?.[lang] ?? it.owner) : '—',
    /** "主播 张三", or the role alone. */
    who: `${it.owner ? (ROLE_LABELS[it.owner]?.[lang] ?? it.owner) : '—'}${it.person ? ` ${it.person}` : ''}`,
    text: it.action ?? it.what ?? it.subject ?? it.id,
    due: iso(due),
    dueText: due === null ? '—' : shanghaiIso(due).slice(0, 16).replace('T', ' '),
    foundAt: iso(foundAt),
    firstFoundAt: iso(firstFoundAt),
    doneAt: iso(doneAt),
  };
}

export type LocalisedItem = ReturnType<typeof localiseItem>;

export function localiseGroups(groups: ActionGroup[], lang: Lang) {
  return groups.map((g) => ({
    owner: g.owner,
    ownerLabel: g.owner ? (ROLE_LABELS[g.owner]?.[lang] ?? g.owner) : '—',
    person: g.person,
    items: g.items.map((it) => localiseItem(it, lang)),
  }));
}

/** Every role's labels, to match `--owner 主播` or `--owner anchor`. */
export const ROLE_NAMES: Record<string, string[]> = Object.fromEntries(
  Object.entries(ROLE_LABELS).map(([k, v]) => [k, [v.zh, v.en]]),
);

export const actionsText = {
  zh: {
    title: '改进清单',
    summary: (n: Record<ActionStatus, number>, all: boolean) =>
      `进行中 ${n.open} 条，已逾期 ${n.overdue} 条${all ? `，已完成 ${n.done} 条` : ''}`,
    none: '没有待办的改进项',
    noneYet: (dir: string) => `历史 ${dir} 里还没有改进项：复盘（liveops retro）会记入改进清单`,
    due: '截止',
    found: (streams: number) => (streams > 1 ? `已在 ${streams} 场中发现` : ''),
    reopened: '完成后再次发现，已重新打开',
    closed: (id: string, text: string) => `已完成 ${id}：${text}`,
    already: (id: string) => `${id} 已是完成状态，未重复记录`,
    hint: '完成后运行：liveops actions done <编号>',
    noHistory:
      '没有可用的历史（--no-history、LIVEOPS_HISTORY=off 或配置中 history: false）：改进清单保存在历史中，去掉这些设置后再运行',
    unknown: (ids: string[], dir: string) =>
      `历史 ${dir} 中没有改进项 ${ids.join('、')}（运行 liveops actions 查看编号）`,
  },
  en: {
    title: 'Improvement items',
    summary: (n: Record<ActionStatus, number>, all: boolean) =>
      `${n.open} open, ${n.overdue} overdue${all ? `, ${n.done} done` : ''}`,
    none: 'no open items',
    noneYet: (dir: string) =>
      `no items in the history ${dir} yet: a retro (liveops retro) records its improvement list`,
    due: 'due',
    found: (streams: number) => (streams > 1 ? `found in ${counted(streams, 'stream')}` : ''),
    reopened: 'found again after it was done: reopened',
    closed: (id: string, text: string) => `Done ${id}: ${text}`,
    already: (id: string) => `${id} was already done: not recorded again`,
    hint: 'when one is done: liveops actions done <id>',
    // The errors are English only, as liveops's errors are.
    noHistory:
      'no history this run (--no-history, LIVEOPS_HISTORY=off or history: false in the config): the improvement items live in the history; run without them',
    unknown: (ids: string[], dir: string) =>
      `no improvement item ${ids.join(', ')} in the history ${dir} (run liveops actions to see the ids)`,
  },
};
