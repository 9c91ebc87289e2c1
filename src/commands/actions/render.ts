/**
 * `liveops actions` on a terminal: items grouped by who acts, overdue first, each with its id (to
 * type into `liveops actions done`), its due date and what to do; words in src/i18n/actions.ts.
 */
import type { Lang } from '../../format.js';
import type { ActionStatus } from '../../domain/history/actions.js';
import type { HistoryNote } from '../../model/history.js';
import { actionsText, type LocalisedItem, type localiseGroups } from '../../i18n/actions.js';
import { fit, item } from '../../ui/layout.js';
import type { Palette } from '../../ui/terminal.js';

export interface ActionsListing {
  now: string;
  filter: { owner: string | null; account: string | null; all: boolean };
  counts: Record<ActionStatus, number>;
  /** Items in the history at all (before the filter): none yet says so. */
  known: number;
  groups: ReturnType<typeof localiseGroups>;
  history: HistoryNote;
}

export interface ActionsDone {
  now: string;
  closed: LocalisedItem[];
  alreadyDone: LocalisedItem[];
  history: HistoryNote;
}

function mark(it: LocalisedItem, p: Palette): string {
  if (it.status === 'overdue') return p.red('✗');
  if (it.status === 'done') return p.green('✓');
  return p.cyan('•');
}

/** One item: mark, id, due date, what to do; then the account and how often it was found, dimmed. */
export function itemLines(it: LocalisedItem, lang: Lang, p: Palette, width: number, indent = '  '): string[] {
  const m = actionsText[lang];
  const due = `${m.due} ${it.dueText}`;
  const status = it.status === 'open' ? p.dim(`${it.statusLabel} · ${due}`) : `${it.statusLabel} · ${due}`;
  const colour = it.status === 'overdue' ? p.red : it.status === 'done' ? p.green : (s: string) => s;
  const notes = [it.account, m.found(it.streams), it.reopened ? m.reopened : ''].filter(Boolean).join(' · ');
  return [
    ...item(`${indent}${mark(it, p)} ${p.bold(it.id)} `, `${colour(`[${status}]`)} ${it.text}`, width),
    ...(notes ? [`${indent}    ${p.dim(notes)}`] : []),
  ];
}

export function renderActions(r: ActionsListing, lang: Lang, p: Palette, width = 80): string {
  const m = actionsText[lang];
  const out = [
    p.bold(`${m.title} · ${r.now.slice(0, 16).replace('T', ' ')}`),
    `  ${m.summary(r.counts, r.filter.all)}`,
  ];
  if (r.known === 0) out.push('', `  ${m.noneYet(r.history.dir)}`);
  else if (r.groups.length === 0) out.push('', `  ${p.green(m.none)}`);
  for (const g of r.groups) {
    out.push('', p.bold(`${g.ownerLabel}${g.person ? ` · ${g.person}` : ''}`));
    for (const it of g.items) out.push(...itemLines(it, lang, p, width));
  }
  if (r.counts.open + r.counts.overdue > 0) out.push('', p.dim(m.hint));
  return `${fit(out, width).join('\n')}\n`;
}

export function renderDone(r: ActionsDone, lang: Lang, p: Palette, width = 80): string {
  const m = actionsText[lang];
  const out: string[] = [];
  for (const it of r.closed) out.push(...item(`${p.green('✓')} `, m.closed(it.id, it.text), width));
  for (const it of r.alreadyDone) out.push(`${p.dim('·')} ${m.already(it.id)}`);
  return `${fit(out, width).join('\n')}\n`;
}
