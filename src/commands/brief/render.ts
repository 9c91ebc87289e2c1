/**
 * The morning brief on a terminal; its words are in src/i18n/brief.ts.
 */
import { fmtCount, fmtMoney, type Lang } from '../../format.js';
import { briefText, type LocalisedBrief } from '../../i18n/brief.js';
import type { Palette } from '../../ui/terminal.js';

export function renderBrief(b: LocalisedBrief, lang: Lang, p: Palette): string {
  const m = briefText[lang];
  const out = [p.bold(m.title(b.date)), `  ${p.dim(b.summary)}`, '', p.bold(m.streams)];
  if (!b.streams.length) out.push(`  ${m.none}`);
  for (const s of b.streams) {
    const people = [s.anchor, s.assistant].filter(Boolean).join(' / ');
    out.push(
      `  ${s.time}  ${s.account ?? ''}  ${s.type ?? ''}${s.theme ? `·${s.theme}` : ''}  ${people}  ${p.dim(`${m.target} ${fmtMoney(s.gmvTarget)}${s.uvTarget !== null ? ` · ${m.uv} ${fmtCount(s.uvTarget)}` : ''}`)}`,
    );
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
  if (!r.lowStock.length && !r.rehearsals.length && !r.overdueRetros.length && !r.openActions.length)
    out.push(`  ${p.green(m.noRisk)}`);
  for (const o of b.outputs) out.push('', `${m.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
