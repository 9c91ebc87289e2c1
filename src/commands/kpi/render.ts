/**
 * `kpi` on a terminal (a table per role, aligned by display width, within the terminal's width),
 * and its log line.
 */
import { fmtMoney, fmtRate, type Lang } from '../../format.js';
import { KPI_ROLES } from '../../domain/kpi/metrics.js';
import type { Palette } from '../../ui/terminal.js';
import { fit, item, tableRows, unbroken, type Column } from '../../ui/layout.js';
import { displayWidth } from '../../ui/width.js';
import { kpiText, type KpiReport } from '../../i18n/kpi.js';
import { periodNote } from '../../i18n/messages.js';
import { counted } from '../../i18n/plural.js';

/** Points, rounded half up as a person would by hand (55.615 → 55.62, not the float's 55.61). */
const round = (v: number, digits: number) => (Math.round(v * 10 ** digits + 1e-7) / 10 ** digits).toFixed(digits);
const pts = (v: number | null | undefined) => (v === null || v === undefined ? '—' : round(v, 1));

export function kpiLogLine(r: KpiReport, written: string, code: number): string {
  const allowances = r.incentives.growthAllowance.filter((g) => g.eligible === true).length;
  const bonused = r.incentives.sprintBonus.filter((b) => b.bonus > 0).length;
  return (
    `liveops kpi ${r.month}${periodNote(r.unfinished, 'en')}: ${counted(r.people.length, 'person', 'people')}, ${r.incomplete.length} incomplete, ` +
    `sprint bonus ${fmtMoney(r.incentives.sprintBonusTotal)} (${bonused} ${bonused === 1 ? 'person' : 'people'}), ` +
    `${allowances} growth allowance${allowances === 1 ? '' : 's'}, ${r.incentives.innovation.length} innovation award${r.incentives.innovation.length === 1 ? '' : 's'} → ${written} (exit ${code})`
  );
}

export function renderKpiSummary(r: KpiReport, lang: Lang, p: Palette, width = 80): string {
  const m = kpiText[lang];
  const sep = lang === 'zh' ? '、' : ', ';
  const aside = (s: string) => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  const out: string[] = [
    p.bold(m.title(r.month) + r.periodNote) + p.dim(` (${m.people(r.people.length)})`),
    p.dim(`  ${m.scale(r.settings.cap)}`),
  ];
  for (const role of KPI_ROLES) {
    const t = r.roles[role];
    const weights = t.weights
      .map((w, i, all) =>
        // "· " ends a line rather than starts one.
        unbroken(
          `${w.label} ${fmtRate(w.weight, 0)}${w.lowerIsBetter ? aside(m.lowerIsBetter) : ''}${i < all.length - 1 ? ' ·' : ''}`,
        ),
      )
      .join(' ');
    out.push('', `${p.bold(t.label)} ${p.dim(`${m.weights}: ${weights}`)}`);
    if (!t.people.length) {
      out.push(`  ${p.dim(m.noOne)}`);
      continue;
    }
    const multi = t.people.some((x) => x.share !== 1);
    const head = [m.rank, m.name, ...t.weights.map((w) => w.label), ...(multi ? [m.share] : []), m.score];
    const rows = t.people.map((x) => [
      x.rank === null ? '—' : String(x.rank),
      x.name,
      ...t.weights.map((w) => pts(x.metrics[w.metric]?.score)),
      ...(multi ? [fmtRate(x.share, 0)] : []),
      x.complete ? round(x.score as number, 2) : m.incomplete,
    ]);
    // Rank and figures right-aligned; a metric's header wraps (not its figures) when the table is too wide.
    const columns: Column[] = head.map((_, i) => (i === 1 ? {} : { align: 'right', wrap: i > 1 }));
    const [headLines, ...rowLines] = tableRows([head, ...rows], columns, width);
    out.push(...headLines!.map((l) => p.dim(l)));
    t.people.forEach((x, i) => {
      const lines = rowLines[i]!;
      if (x.complete) return out.push(...lines);
      const note = p.dim(`(${m.missing} ${x.missing.join(sep)}; ${m.atLeast} ${round(x.scoreSoFar, 2)})`);
      const last = lines.at(-1)!;
      // The note after the row when it fits there, else under the name.
      out.push(...lines.slice(0, -1).map((l) => p.yellow(l)));
      if (displayWidth(last) + 1 + displayWidth(note) <= width) out.push(`${p.yellow(last)} ${note}`);
      else out.push(p.yellow(last), ...item(' '.repeat(8), note, width));
    });
  }

  const multiRole = r.people.filter((x) => x.roles.length > 1);
  if (multiRole.length) {
    out.push('');
    for (const x of multiRole) {
      const parts = x.roleScores.map((rs) => `${rs.roleLabel} ${pts(rs.score)} × ${fmtRate(rs.share, 0)}`).join(' + ');
      out.push(`  ${x.name}: ${parts} = ${x.total === null ? m.incomplete : round(x.total, 2)}`);
    }
  }

  out.push('', p.bold(m.incentives));
  const bonus = r.incentives.sprintBonus;
  out.push(
    ...item(
      `  ${m.sprintBonus}: `,
      bonus.length
        ? `${bonus.map((b) => unbroken(`${b.name} ${b.bonus > 0 ? fmtMoney(b.bonus) : p.dim(`${fmtMoney(0)} (${m.atOrBelow})`)}`)).join(sep)}  ${p.dim(unbroken(`${m.total} ${fmtMoney(r.incentives.sprintBonusTotal)}`))}`
        : m.none,
      width,
    ),
  );
  const ga = r.incentives.growthAllowance;
  out.push(`  ${m.growthAllowance(r.settings.newcomerMonths, r.settings.bar)}:${ga.length ? '' : ` ${m.none}`}`);
  for (const g of ga) {
    const mark = g.eligible === true ? p.green('✓') : g.eligible === false ? p.red('✗') : p.yellow('?');
    const what = g.eligible === true ? m.eligible : g.eligible === false ? m.notEligible : g.reason;
    out.push(
      `    ${mark} ${g.name} ${p.dim(`(${g.hireDate ?? '—'})`)} ${pts(g.total ?? null)} ${what}${g.amount ? ` ${fmtMoney(g.amount)}` : ''}`,
    );
  }
  const inn = r.incentives.innovation;
  out.push(
    ...item(
      `  ${m.innovation}: `,
      inn.length
        ? inn
            .map(
              (i) =>
                `${unbroken(`${i.name} ${i.count}`)}${i.proposals.length ? aside(i.proposals.join(sep)) : ''}${i.amount ? ` ${fmtMoney(i.amount)}` : ''}`,
            )
            .join(sep)
        : r.incentives.proposalsColumn
          ? m.none
          : p.dim(m.noProposalsColumn),
      width,
    ),
  );

  if (r.fromHistory.length) {
    out.push('', p.bold(m.fromHistory));
    for (const h of r.fromHistory)
      out.push(
        ...item(
          '  ',
          h.valueText !== null
            ? `${h.name} ${h.label} ${h.valueText}: ${p.dim(h.text)}`
            : p.yellow(`${h.name} ${h.label} ${m.stillEmpty}: ${h.text}`),
          width,
        ),
      );
  }
  if (r.incomplete.length) {
    out.push('', p.yellow(m.incompleteTitle(r.incomplete.length)));
    for (const x of r.incomplete) out.push(`  ${x.name}: ${m.missing} ${x.missing.join(sep)}`);
  }
  if (r.notes.length) {
    out.push('', p.bold(m.notes));
    for (const n of r.notes) out.push(`  ${n}`);
  }
  for (const o of r.outputs) out.push('', `${m.wrote} ${o}`);
  return `${fit(out, width).join('\n')}\n`;
}
