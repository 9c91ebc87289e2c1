/**
 * How good a gate `script lint` is, measured on fixtures/compliance/corpus.tsv: labelled sentences
 * of live-commerce talk, violations of every category and allowed uses of listed words.
 *
 *   recall    = violations stopped (an error of the row's category) / violations
 *   precision = violations stopped / rows stopped (an allowed row with any error is a false alarm)
 *
 * Both figures are printed, with each category's, and the test fails below 0.97 for either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveCompliance } from '../../src/config/compliance-section.js';
import { complianceSectionSchema } from '../../src/config/file-schema.js';
import { createLinter } from '../../src/domain/compliance/lint.js';
import { CATEGORY_IDS, type CategoryId } from '../../src/domain/compliance/terms.js';

const DIR = join(import.meta.dirname, '../../fixtures/compliance');
const THRESHOLD = 0.97;

interface Row {
  line: number;
  verdict: 'error' | 'allowed';
  category: CategoryId;
  sentence: string;
  note: string;
}

function readCorpus(): Row[] {
  const rows: Row[] = [];
  const lines = readFileSync(join(DIR, 'corpus.tsv'), 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '' || text.startsWith('#') || text.startsWith('verdict\t')) return;
    const [verdict, category, sentence, note = ''] = text.split('\t');
    if ((verdict !== 'error' && verdict !== 'allowed') || !CATEGORY_IDS.includes(category as CategoryId) || !sentence)
      throw new Error(`corpus.tsv:${i + 1}: expected verdict<TAB>category<TAB>sentence<TAB>note, got ${text}`);
    rows.push({ line: i + 1, verdict, category: category as CategoryId, sentence, note });
  });
  return rows;
}

const rows = readCorpus();
const pool = readFileSync(join(DIR, 'pool.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));
const team = resolveCompliance(
  complianceSectionSchema.parse(
    (parseYaml(readFileSync(join(DIR, 'team.yaml'), 'utf8')) as { compliance: unknown }).compliance,
  ),
);
const linter = createLinter({ allow: team.allow, deny: team.deny, productNames: pool });

const judged = rows.map((row) => {
  const errors = linter.lint(row.sentence).findings.filter((f) => f.severity === 'error');
  return { row, errors, stopped: errors.length > 0, caught: errors.some((f) => f.category === row.category) };
});
const violations = judged.filter((j) => j.row.verdict === 'error');
const allowed = judged.filter((j) => j.row.verdict === 'allowed');
const caught = violations.filter((j) => j.caught);
const missed = violations.filter((j) => !j.caught);
const falseAlarms = allowed.filter((j) => j.stopped);
const recall = caught.length / violations.length;
const precision = caught.length / (caught.length + falseAlarms.length);

const pct = (x: number) => x.toFixed(3);
function report(): string {
  const lines = [
    `compliance corpus: ${rows.length} sentences, ${violations.length} violations, ${allowed.length} allowed`,
    `  recall    ${pct(recall)} (${caught.length}/${violations.length})`,
    `  precision ${pct(precision)} (${caught.length}/${caught.length + falseAlarms.length})`,
    '  category       violations  caught  allowed  false alarms',
  ];
  for (const c of CATEGORY_IDS) {
    const v = violations.filter((j) => j.row.category === c);
    const a = allowed.filter((j) => j.row.category === c);
    lines.push(
      `  ${c.padEnd(13)}  ${String(v.length).padStart(10)}  ${String(v.filter((j) => j.caught).length).padStart(6)}  ${String(a.length).padStart(7)}  ${String(a.filter((j) => j.stopped).length).padStart(12)}`,
    );
  }
  for (const j of missed)
    lines.push(`  missed      corpus.tsv:${j.row.line}  ${j.row.sentence}  ${j.errors.map((f) => f.phrase).join(' ')}`);
  for (const j of falseAlarms)
    lines.push(`  false alarm corpus.tsv:${j.row.line}  ${j.row.sentence}  ${j.errors.map((f) => f.phrase).join(' ')}`);
  return lines.join('\n');
}

describe('the compliance corpus (fixtures/compliance/corpus.tsv)', () => {
  it('is big enough to measure a gate: ≥ 150 violations across every category, ≥ 150 allowed uses', () => {
    expect(violations.length).toBeGreaterThanOrEqual(150);
    expect(allowed.length).toBeGreaterThanOrEqual(150);
    for (const c of CATEGORY_IDS) expect(violations.filter((j) => j.row.category === c).length, c).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.sentence)).size, 'no sentence twice').toBe(rows.length);
  });

  it(`stops violations with recall ≥ ${THRESHOLD} and precision ≥ ${THRESHOLD}`, () => {
    console.log(report());
    expect(recall, report()).toBeGreaterThanOrEqual(THRESHOLD);
    expect(precision, report()).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
