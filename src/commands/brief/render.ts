/**
 * The morning brief on a terminal, laid out within its width (src/ui/layout.ts); its words are in
 * src/i18n/brief.ts.
 */
import { fmtCount, fmtMoney, type Lang } from '../../format.js';
import { briefText, type LocalisedBrief } from '../../i18n/brief.js';
import { fit, item, table, unbroken } from '../../ui/layout.js';
import type { Palette } from '../../ui/terminal.js';

export function renderBrief(b: LocalisedBrief, lang: Lang, p: Palette, width = 80): string {
  const m = briefText[lang];
  const out = [p.bold(m.title(b.date)), ...item('  ', p.dim(b.summary), width), '', p.bold(m.streams)];
  if (!b.streams.length) out.push(`  ${m.none}`);
  // One stream a line: time, account, type·theme and people aligned, then the targets.
  out.push(
    ...table(
      b.streams.map((s) => [
        s.time,
        s.account ?? '',
        `${s.type ?? ''}${s.theme ? `·${s.theme}` : ''}`,
        [s.anchor, s.assistant].filter(Boolean).join(' / '),
        p.dim(
          [
            unbroken(`${m.target} ${fmtMoney(s.gmvTarget)}`),
            ...(s.uvTarget !== null ? [unbroken(`${m.uv} ${fmtCount(s.uvTarget)}`)] : []),
          ].join(' · '),
        ),
      ]),
      [{}, { wrap: true }, { wrap: true }, { wrap: true }, { wrap: true }],
      width,
    ),
  );
  out.push('', p.bold(m.risks));
  const r = b.risks;
  for (const x of r.lowStock)
    out.push(...item(`  ${p.yellow('!')} `, m.lowStock(x.product, x.stock, x.threshold), width));
  for (const x of r.rehearsals)
    out.push(...item(`  ${p.cyan('•')} `, m.rehearsal(x.streamDate, x.time, x.account ?? ''), width));
  for (const x of r.overdueRetros)
    out.push(...item(`  ${p.red('✗')} `, m.overdue(x.date, x.account ?? '', x.endedHoursAgo), width));
  if (r.lastRetro && r.openActions.length) {
    out.push(`  ${m.actions(r.lastRetro)}`);
    for (const a of r.openActions) out.push(...item(`    ${a.no ?? '-'}. `, `[${a.owner ?? ''}] ${a.action}`, width));
  }
  if (r.items.length) {
    out.push(`  ${m.items}`);
    for (const x of r.items)
      out.push(
        ...item(
          `    ${x.status === 'overdue' ? p.red('✗') : p.cyan('•')} ${p.bold(x.id)} `,
          `[${x.who} · ${x.statusLabel} · ${x.dueText}${x.carriedOver ? ` · ${m.carried}` : ''}] ${x.text}${p.dim(` (${x.account})`)}`,
          width,
        ),
      );
  }
  if (!r.lowStock.length && !r.rehearsals.length && !r.overdueRetros.length && !r.openActions.length && !r.items.length)
    out.push(`  ${p.green(m.noRisk)}`);
  for (const o of b.outputs) out.push('', `${m.wrote} ${o}`);
  return `${fit(out, width).join('\n')}\n`;
}
