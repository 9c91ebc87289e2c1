/**
 * `kpi` on a terminal (a table per role, aligned for Chinese characters), and its log line.
 */
import { fmtMoney, fmtRate, type Lang } from '../../format.js';
import { KPI_ROLES } from '../../domain/kpi/metrics.js';
import type { Palette } from '../../ui/terminal.js';
import { displayWidth, padDisplay, padDisplayStart } from '../../ui/width.js';
import { kpiText, type KpiReport } from '../../i18n/kpi.js';
import { periodNote } from '../../i18n/messages.js';

/** Points, rounded half up as a person would by hand (55.615 → 55.62, not the float's 55.61). */
const round = (v: number, digits: number) => (Math.round(v * 10 ** digits + 1e-7) / 10 ** digits).toFixed(digits);
const pts = (v: number | null | undefined) => (v === null || v === undefined ? '—' : round(v, 1));

export function kpiLogLine(r: KpiReport, written: string, code: number): string {
  const allowances = r.incentives.growthAllowance.filter((g) => g.eligible === true).length;
  const bonused = r.incentives.sprintBonus.filter((b) => b.bonus > 0).length;
  return (
    `liveops kpi ${r.month}${periodNote(r.unfinished, 'en')}: ${r.people.length} people, ${r.incomplete.length} incomplete, ` +
    `sprint bonus ${fmtMoney(r.incentives.sprintBonusTotal)} (${bonused} ${bonused === 1 ? 'person' : 'people'}), ` +
    `${allowances} growth allowance${allowances === 1 ? '' : 's'}, ${r.incentives.innovation.length} innovation award${r.incentives.innovation.length === 1 ? '' : 's'} → ${written} (exit ${code})`
  );
}

/** Rows of cells → aligned lines; `right` marks the columns aligned right (numbers). */
function table(rows: string[][], right: boolean[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map(
    (r) =>
      `  ${r
        .map((c, i) => (right[i] ? padDisplayStart(c, widths[i]!) : padDisplay(c, widths[i]!)))
        .join('  ')
        .trimEnd()}`,
  );
}

export function renderKpiSummary(r: KpiReport, lang: Lang, p: Palette): string {
  const m = kpiText[lang];
  const sep = lang === 'zh' ? '、' : ', ';
  const out: string[] = [
    p.bold(m.title(r.month) + r.periodNote) + p.dim(` (${m.people(r.people.length)})`),
    p.dim(`  ${m.scale(r.settings.cap)}`),
  ];
  for (const role of KPI_ROLES) {
    const t = r.roles[role];
    const weights = t.weights
      .map((w) => `${w.label} ${fmtRate(w.weight, 0)}${w.lowerIsBetter ? `（${m.lowerIsBetter}）` : ''}`)
      .join(' · ');
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
    const right = head.map((_, i) => i !== 1);
    const lines = table([head, ...rows], right);
    out.push(p.dim(lines[0]!));
    lines.slice(1).forEach((l, i) => {
      const x = t.people[i]!;
      out.push(
        x.complete
          ? l
          : `${p.yellow(l)} ${p.dim(`(${m.missing} ${x.missing.join(sep)}; ${m.atLeast} ${round(x.scoreSoFar, 2)})`)}`,
      );
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
    `  ${m.sprintBonus}: ${
      bonus.length
        ? `${bonus.map((b) => `${b.name} ${b.bonus > 0 ? fmtMoney(b.bonus) : p.dim(`${fmtMoney(0)} (${m.atOrBelow})`)}`).join(sep)}  ${p.dim(`${m.total} ${fmtMoney(r.incentives.sprintBonusTotal)}`)}`
        : m.none
    }`,
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
    `  ${m.innovation}: ${
      inn.length
        ? inn
            .map(
              (i) =>
                `${i.name} ${i.count}${i.proposals.length ? `（${i.proposals.join(sep)}）` : ''}${i.amount ? ` ${fmtMoney(i.amount)}` : ''}`,
            )
            .join(sep)
        : r.incentives.proposalsColumn
          ? m.none
          : p.dim(m.noProposalsColumn)
    }`,
  );

  if (r.incomplete.length) {
    out.push('', p.yellow(m.incompleteTitle(r.incomplete.length)));
    for (const x of r.incomplete) out.push(`  ${x.name}: ${m.missing} ${x.missing.join(sep)}`);
  }
  if (r.notes.length) {
    out.push('', p.bold(m.notes));
    for (const n of r.notes) out.push(`  ${n}`);
  }
  for (const o of r.outputs) out.push('', `${m.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
