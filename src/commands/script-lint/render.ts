/**
 * What `liveops script lint` prints on a terminal: one line per finding, the way compilers and
 * linters do (so editors can jump to it), then a count.
 *
 *   脚本.md:12:5  最有效  极限词  错误  → 效果显著（附检测报告）
 *   脚本.xlsx [脚本]!C4  第一  极限词  错误  → 写明排名的来源与时间…
 */
import type { Lang } from '../../context.js';
import type { Exempted } from '../../domain/compliance/lint.js';
import { CATEGORY_LABELS } from '../../domain/compliance/terms.js';
import type { Palette } from '../../ui/terminal.js';
import type { ScriptFinding, ScriptLintReport } from './report.js';

const SEVERITY = { zh: { error: '错误', warning: '警告' }, en: { error: 'error', warning: 'warning' } } as const;

const NOTES = {
  zh: { 'time-and-source': '已注明时间与来源：保留出处并确保可证明', 'viewer-question': '观众提问：转述即可，不要复述或认可' },
  en: { 'time-and-source': 'time and source given: keep the source on screen and be able to prove it', 'viewer-question': "a viewer's question: paraphrase it, do not repeat or confirm it" },
} as const;

const RULES: Record<Exempted['rule'], { zh: string; en: string }> = {
  'safe-word': { zh: '普通词语', en: 'common word' },
  ordinal: { zh: '序数', en: 'ordinal' },
  enumeration: { zh: '分点列举', en: 'enumeration' },
  'own-line': { zh: '自我比较', en: 'own product line' },
  'consumer-tip': { zh: '消费提示', en: 'consumer tip' },
  'quantity-limit': { zh: '数量限定', en: 'quantity limit' },
  'standard-grade': { zh: '标准分级', en: 'standard grade' },
  'official-title': { zh: '官方称号', en: 'official title' },
  'product-name': { zh: '商品名称/商标', en: 'product name' },
  allow: { zh: '团队白名单', en: 'team allow list' },
  negation: { zh: '否定表述', en: 'negation' },
  'standard-cited': { zh: '引用标准', en: 'standard cited' },
};

/** `file:line:column` for text, `file [sheet]!B3` for xlsx, `file!B3` for CSV. */
export function findingLocation(f: Pick<ScriptFinding, 'file' | 'sheet' | 'cell' | 'line' | 'column'>): string {
  if (f.cell === null) return `${f.file}:${f.line}:${f.column}`;
  return `${f.file}${f.sheet === null ? '' : ` [${f.sheet}]`}!${f.cell}`;
}

export function renderScriptLint(report: ScriptLintReport, lang: Lang, p: Palette, opts: { summary: boolean }): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const sev = SEVERITY[lang][f.severity];
    const note = f.note ? p.dim(lang === 'zh' ? `  （${NOTES.zh[f.note]}）` : `  (${NOTES.en[f.note]})`) : '';
    lines.push(
      `${findingLocation(f)}  ${p.bold(f.phrase)}  ${CATEGORY_LABELS[f.category][lang]}  ${f.severity === 'error' ? p.red(sev) : p.yellow(sev)}  → ${f.suggestion}${note}`,
    );
  }
  if (opts.summary) {
    if (lines.length) lines.push('');
    lines.push(summaryLine(report, lang));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(r: ScriptLintReport, lang: Lang): string {
  const n = r.files.length;
  if (lang === 'zh') {
    if (r.findings.length === 0) return `检查了 ${n} 个文件：未发现违规用语`;
    return `检查了 ${n} 个文件：${r.errors} 处错误，${r.warnings} 处警告`;
  }
  const files = `${n} file${n === 1 ? '' : 's'} checked`;
  if (r.findings.length === 0) return `${files}: no banned words found`;
  return `${files}: ${r.errors} error${r.errors === 1 ? '' : 's'}, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}`;
}

/** `--verbose`: what was let through, and why. */
export function renderExempted(list: Array<Exempted & { where: string }>, lang: Lang): string {
  const head = lang === 'zh' ? '未计入（豁免）：' : 'exempt:';
  const where = (x: Exempted & { where: string }) => (x.where.includes('!') ? `${x.where}:${x.line}:${x.column}` : x.where);
  return `${head}\n${list.map((x) => `  ${where(x)}  ${x.phrase}  ${RULES[x.rule][lang]}`).join('\n')}\n`;
}
