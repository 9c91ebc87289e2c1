/**
 * `select` on a terminal, and its log line for cron.
 */
import { fmtCount, fmtRate, fmtRateVs, type Lang } from '../../format.js';
import type { SelectReport } from '../../i18n/select.js';
import { periodNote, readNoteLines, selectText } from '../../i18n/messages.js';
import type { Palette } from '../../ui/terminal.js';

export function selectLogLine(r: SelectReport, written: string, code: number): string {
  const flagged = r.suppliers.filter((s) => s.flags.length).length;
  return (
    `liveops select ${r.week.id}${periodNote(r.unfinished, 'en')}: ${r.products.length} products, ${r.eliminate.length} to eliminate, ${r.insufficient.length} not enough data, ` +
    `${r.stock.length} stock warning${r.stock.length === 1 ? '' : 's'}, ${flagged} supplier flag${flagged === 1 ? '' : 's'}, ${r.skipped.length} skipped file${r.skipped.length === 1 ? '' : 's'}` +
    `${r.ignored.length ? `, ${r.ignored.length} file${r.ignored.length === 1 ? '' : 's'} not used` : ''}` +
    `${r.outside.length ? `, ${r.outside.length} file${r.outside.length === 1 ? '' : 's'} outside the week` : ''} → ${written} (exit ${code})`
  );
}

export function renderSelectSummary(r: SelectReport, lang: Lang, p: Palette): string {
  const m = selectText[lang];
  const out: string[] = [
    p.bold(`${m.title} ${r.week.id}${r.periodNote}`) + p.dim(` (${r.products.length} ${m.products})`),
  ];
  out.push('', p.bold(m.eliminate(r.eliminate.length)));
  if (!r.eliminate.length) out.push(`  ${p.green(m.none)}`);
  for (const e of r.eliminate) {
    const derived = e.derived.length ? ` · ${m.derived}` : '';
    const click = fmtRateVs(e.clickRate, r.thresholds['weekly-click-eliminate'] ?? 0.03);
    const conversion = fmtRateVs(e.conversionRate, r.thresholds['weekly-conversion-eliminate'] ?? 0.03);
    out.push(
      `  ${p.yellow('✗')} ${e.name ?? e.id} ${p.dim(`${m.click} ${click} · ${m.conversion} ${conversion} · ${e.streams ?? '—'} ${m.streams}${derived} [${e.rules.join(', ')}]`)}`,
    );
  }
  if (r.insufficient.length)
    out.push(
      `  ${p.dim(m.insufficient(r.insufficient.map((x) => `${x.name ?? x.id} (${x.streams ?? '—'} ${m.streams}, ${fmtCount(x.exposed)})`).join(lang === 'zh' ? '、' : ', ')))}`,
    );
  if (r.pool.size) {
    out.push('', p.bold(m.pool(r.pool.size)));
    out.push(
      `  ${r.pool.balance.map((b) => `${b.label} ${b.count} (${fmtRate(b.share, 0)} / ${m.target} ${fmtRate(b.target, 0)})`).join('   ')}`,
    );
  }
  if (r.stock.length) {
    out.push('', p.bold(m.stock(r.stock.length)));
    for (const s of r.stock)
      out.push(`  ${s.action === 'delist' ? p.red('✗') : p.yellow('!')} ${s.message} ${p.dim(`(${s.stock})`)}`);
  }
  const flagged = r.suppliers.filter((s) => s.flags.length);
  if (flagged.length || r.backupSuppliers.some((b) => b.fires)) {
    out.push('', p.bold(m.suppliers(flagged.length + r.backupSuppliers.filter((x) => x.fires).length)));
    for (const s of flagged)
      out.push(
        `  ! ${s.name ?? s.id} ${p.dim(`(${s.supplier ?? '—'})`)}: ${s.flags.join(lang === 'zh' ? '；' : '; ')}`,
      );
    for (const b of r.backupSuppliers.filter((x) => x.fires)) out.push(`  ! ${b.message}`);
  }
  if (r.candidates.length) {
    out.push('', p.bold(m.candidates));
    for (const c of r.candidates.slice(0, 8))
      out.push(`  + ${c.suggestion} ${p.dim(`(${c.count}, ${fmtRate(c.share, 0)})`)}`);
  }
  out.push(...readNoteLines(r, lang, p, m));
  return `${out.join('\n')}\n`;
}
