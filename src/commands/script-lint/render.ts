/**
 * What `liveops script lint` prints on a terminal: one line per finding, the way compilers and
 * linters do (so editors can jump to it), then a count.
 *
 *   脚本.md:12:5  最有效  极限词  错误  → 效果显著（附检测报告）
 *   脚本.xlsx [脚本]!C4  第一  极限词  错误  → 写明排名的来源与时间…
 *   脚本.docx 第12段第5字  顶级  极限词  错误  → 高品质/高端（说明材质与工艺）
 */
import type { Lang } from '../../context.js';
import { CATEGORY_LABELS, EXEMPTION_LABELS, NOTES, SEVERITY } from '../../i18n/script-lint.js';
import type { Palette } from '../../ui/terminal.js';
import type { ExemptedAt, ScriptLocation, ScriptLintReport } from './report.js';

/**
 * `file:line:column` for text, `file [sheet]!B3` for xlsx, `file!B3` for CSV, and for Word
 * `file 第12段第5字` (`paragraph 12, column 5`), with the line when the paragraph has several.
 */
export function findingLocation(f: ScriptLocation & { line: number; column: number }, lang: Lang = 'zh'): string {
  if (f.paragraph !== null) {
    if (lang === 'en')
      return `${f.file} paragraph ${f.paragraph}, ${f.line > 1 ? `line ${f.line}, ` : ''}column ${f.column}`;
    return `${f.file} 第${f.paragraph}段${f.line > 1 ? `第${f.line}行` : ''}第${f.column}字`;
  }
  if (f.cell === null) return `${f.file}:${f.line}:${f.column}`;
  return `${f.file}${f.sheet === null ? '' : ` [${f.sheet}]`}!${f.cell}`;
}

export function renderScriptLint(report: ScriptLintReport, lang: Lang, p: Palette, opts: { summary: boolean }): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const sev = SEVERITY[lang][f.severity];
    const note = f.note ? p.dim(lang === 'zh' ? `  （${NOTES.zh[f.note]}）` : `  (${NOTES.en[f.note]})`) : '';
    lines.push(
      `${findingLocation(f, lang)}  ${p.bold(f.phrase)}  ${CATEGORY_LABELS[f.category][lang]}  ${f.severity === 'error' ? p.red(sev) : p.yellow(sev)}  → ${f.suggestion}${note}`,
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
export function renderExempted(list: ExemptedAt[], lang: Lang): string {
  const head = lang === 'zh' ? '未计入（豁免）：' : 'exempt:';
  const where = (x: ExemptedAt) =>
    x.cell === null ? findingLocation(x, lang) : `${findingLocation(x, lang)}:${x.line}:${x.column}`;
  return `${head}\n${list.map((x) => `  ${where(x)}  ${x.phrase}  ${EXEMPTION_LABELS[x.rule][lang]}`).join('\n')}\n`;
}
