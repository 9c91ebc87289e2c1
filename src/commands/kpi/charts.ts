/**
 * The month's KPI chart (issue 20): each person's role score, ranked within the role, with the KPI
 * bar (达标线) drawn. Loaded only when a workbook is written.
 */
import type { Lang } from '../../format.js';
import type { KpiReport } from '../../i18n/kpi.js';
import { kpiScoreChart, type Chart } from '../../io/write/charts/index.js';
import type { KPI_CHART_NAMES } from './chart-names.js';

const WORDS = {
  zh: { title: (month: string) => `${month} 岗位KPI得分`, bar: (n: number) => `达标线 ${n}` },
  en: { title: (month: string) => `${month} KPI scores by role`, bar: (n: number) => `KPI bar ${n}` },
};

export function kpiCharts(r: KpiReport, lang: Lang): Record<(typeof KPI_CHART_NAMES)[number], Chart | null> {
  const W = WORDS[lang];
  const people = Object.values(r.roles).flatMap((role) =>
    role.people.filter((p) => p.score !== null).map((p) => ({ name: p.name, role: role.label, score: p.score! })),
  );
  const top = Math.max(100, ...people.map((p) => p.score));
  return {
    scores: people.length
      ? kpiScoreChart({
          title: W.title(r.month),
          people,
          maxScore: Math.ceil(top / 20) * 20,
          passScore: { score: r.settings.bar, label: W.bar(r.settings.bar) },
        })
      : null,
  };
}
