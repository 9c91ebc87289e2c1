/**
 * `select` on a terminal, laid out within its width (src/ui/layout.ts), and its log line for cron.
 */
import { fmtCount, fmtRate, fmtRateVs, type Lang } from '../../format.js';
import type { SelectReport } from '../../i18n/select.js';
import { periodNote, readNoteLines, selectText } from '../../i18n/messages.js';
import { metricLabel } from '../../i18n/labels.js';
import { fit, item, table, unbroken } from '../../ui/layout.js';
import type { Palette } from '../../ui/terminal.js';
import { counted } from '../../i18n/plural.js';

export function selectLogLine(r: SelectReport, written: string, code: number): string {
  const flagged = r.suppliers.filter((s) => s.flags.length).length;
  return (
    `liveops select ${r.week.id}${periodNote(r.unfinished, 'en')}: ${counted(r.products.length, 'product')}, ${r.eliminate.length} to eliminate, ${r.insufficient.length} not enough data, ` +
    `${r.stock.length} stock warning${r.stock.length === 1 ? '' : 's'}, ${flagged} supplier flag${flagged === 1 ? '' : 's'}, ${r.skipped.length} skipped file${r.skipped.length === 1 ? '' : 's'}` +
    `${r.ignored.length ? `, ${r.ignored.length} file${r.ignored.length === 1 ? '' : 's'} not used` : ''}` +
    `${r.outside.length ? `, ${r.outside.length} file${r.outside.length === 1 ? '' : 's'} outside the week` : ''} → ${written} (exit ${code})`
  );
}

export function renderSelectSummary(r: SelectReport, lang: Lang, p: Palette, width = 80): string {
  const m = selectText[lang];
  const sep = lang === 'zh' ? '、' : ', ';
  const streams = (n: number | null) => `${n ?? '—'} ${lang === 'en' && n === 1 ? 'stream' : m.streams}`;
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
      ...item(
        `  ${p.yellow('✗')} `,
        `${e.name ?? e.id} ${p.dim(`${unbroken(`${m.click} ${click}`)} · ${unbroken(`${m.conversion} ${conversion}`)} · ${unbroken(streams(e.streams))}${derived} [${e.rules.join(', ')}]`)}`,
        width,
      ),
    );
  }
  if (r.insufficient.length)
    out.push(
      `  ${p.dim(m.insufficient(r.insufficient.map((x) => unbroken(`${x.name ?? x.id} (${streams(x.streams)}, ${metricLabel('productExposed', lang)} ${fmtCount(x.exposed)})`)).join(sep)))}`,
    );
  if (r.pool.size) {
    out.push('', p.bold(m.pool(r.pool.size)));
    // One role a line: its count, its share of the pool and the playbook's target share.
    out.push(
      ...table(
        r.pool.balance.map((b) => [
          b.label,
          String(b.count),
          fmtRate(b.share, 0),
          p.dim(`${m.target} ${fmtRate(b.target, 0)}`),
        ]),
        [{}, { align: 'right' }, { align: 'right' }, {}],
        width,
      ),
    );
  }
  if (r.stock.length) {
    out.push('', p.bold(m.stock(r.stock.length)));
    for (const s of r.stock)
      out.push(
        ...item(
          `  ${s.action === 'delist' ? p.red('✗') : p.yellow('!')} `,
          `${s.message} ${p.dim(`(${s.stock})`)}`,
          width,
        ),
      );
  }
  const flagged = r.suppliers.filter((s) => s.flags.length);
  if (flagged.length || r.backupSuppliers.some((b) => b.fires)) {
    out.push('', p.bold(m.suppliers(flagged.length + r.backupSuppliers.filter((x) => x.fires).length)));
    for (const s of flagged)
      out.push(
        ...item(
          '  ! ',
          `${s.name ?? s.id} ${p.dim(`(${s.supplier ?? '—'})`)}: ${s.flags.join(lang === 'zh' ? '；' : '; ')}`,
          width,
        ),
      );
    for (const b of r.backupSuppliers.filter((x) => x.fires)) out.push(...item('  ! ', b.message ?? '', width));
  }
  if (r.candidates.length) {
    out.push('', p.bold(m.candidates));
    for (const c of r.candidates.slice(0, 8))
      out.push(...item('  + ', `${c.suggestion} ${p.dim(`(${c.count}, ${fmtRate(c.share, 0)})`)}`, width));
  }
  out.push(...readNoteLines(r, lang, p, m));
  return `${fit(out, width).join('\n')}\n`;
}
