/**
 * The compliance lint engine: text in, findings out. Pure (no fs, no console), so the drafting half
 * of `liveops script` lints a draft before writing it with the same rules the `lint` command uses.
 *
 * How a text is read:
 *   1. Full-width ASCII (１００％, ＮＯ．１) is read as half-width; positions do not move.
 *   2. Every entry of the word list (defaults, then the team's `deny`) is matched everywhere.
 *   3. Left to right, the longest match at a position wins (最有效 rather than 最) and the text it
 *      covers is not matched again.
 *   4. A match lying wholly inside a safe stretch is exempt: the team's `allow` phrases and product
 *      names (for every match), the built-in span rules of exemptions.ts (for default entries only:
 *      a team that denies 最近 means it).
 *   5. Context rules: a negation just before it → exempt; a grade word in a sentence citing a
 *      standard → exempt; a ranking claim with a time and a source in its sentence → warning; a
 *      word inside a viewer's quoted question → warning.
 * Lines and columns are 1-based; a column counts characters (a Chinese character or an emoji is 1).
 */
import {
  NEGATION_BEFORE,
  SOURCE_QUALIFIER,
  SPAN_RULES,
  STANDARD_CITED,
  TIME_QUALIFIER,
  VIEWER_QUESTION_BEFORE,
  type DowngradeKind,
  type ExemptionKind,
} from './exemptions.js';
import { DEFAULT_TERMS, type CategoryId, type Severity, type Term } from './terms.js';

/** A team's extra phrase (config `compliance.deny`). */
export interface DenyEntry {
  phrase: string;
  category?: CategoryId;
  severity?: Severity;
  suggestion?: string;
}

export interface LintOptions {
  /** Phrases never flagged (config `compliance.allow`): a match inside one is exempt. */
  allow?: string[];
  /** Extra phrases to flag (config `compliance.deny`); one equal to a default entry replaces it. */
  deny?: DenyEntry[];
  /** Product names and trademarks from the selection table: a listed word inside one is exempt. */
  productNames?: string[];
}

export interface Finding {
  /** 1-based line in the text. */
  line: number;
  /** 1-based column in characters. */
  column: number;
  /** The words as written in the text. */
  phrase: string;
  /** The list entry that matched (最 for 最美, 最后N件 for 最后3件). */
  term: string;
  category: CategoryId;
  severity: Severity;
  suggestion: string;
  /** The words around it, on its line. */
  context: string;
  /** Why an error was lowered to a warning, or null. */
  note: DowngradeKind | null;
}

/** A match that is not a finding, and the rule that let it through (tests, `--verbose`). */
export interface Exempted {
  line: number;
  column: number;
  phrase: string;
  term: string;
  rule: ExemptionKind;
}

export interface LintResult {
  findings: Finding[];
  exempted: Exempted[];
}

export interface Linter {
  lint(text: string): LintResult;
}

interface Matcher {
  term: Term;
  re: RegExp;
  team: boolean;
}

interface Candidate {
  start: number;
  end: number;
  matcher: Matcher;
}

interface Span {
  start: number;
  end: number;
  kind: ExemptionKind;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ASCII_WORD = /[A-Za-z0-9]/;

/** A literal entry → its regular expression; ASCII words and numbers only match whole (100% not in 2100%). */
function literalSource(phrase: string): string {
  const p = toHalfWidth(phrase);
  let src = escapeRe(p);
  if (ASCII_WORD.test(p[0] ?? '')) src = `(?<![A-Za-z0-9.])${src}`;
  if (ASCII_WORD.test(p[p.length - 1] ?? '')) src = `${src}(?![A-Za-z0-9])`;
  return src;
}

function matcher(term: Term, team: boolean): Matcher {
  return { term, re: new RegExp(term.pattern ?? literalSource(term.phrase), 'giu'), team };
}

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space → half-width, one UTF-16 unit for one. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const DEFAULT_MATCHERS: Matcher[] = DEFAULT_TERMS.map((t) => matcher(t, false));
const BUILTIN_SPANS = SPAN_RULES.map((r) => ({ kind: r.kind, re: new RegExp(r.pattern, 'giu') }));
const NEGATION = new RegExp(NEGATION_BEFORE, 'u');
const STANDARD = new RegExp(STANDARD_CITED, 'iu');
const TIME = new RegExp(TIME_QUALIFIER, 'iu');
const SOURCE = new RegExp(SOURCE_QUALIFIER, 'u');
const VIEWER = new RegExp(VIEWER_QUESTION_BEFORE, 'u');
const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,。！？!?；;、\n：:]/;
const QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"' };

function allMatches(re: RegExp, text: string, each: (start: number, end: number) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    each(m.index, m.index + m[0].length);
  }
}

function literalSpans(phrases: string[], kind: ExemptionKind): Array<{ kind: ExemptionKind; re: RegExp }> {
  const unique = [...new Set(phrases.map((p) => toHalfWidth(p.trim())).filter((p) => p !== ''))];
  return unique.map((p) => ({ kind, re: new RegExp(escapeRe(p), 'giu') }));
}

/**
 * The parts of product names that protect a listed word: the whole name and each of its words
 * (split on spaces and brackets) that is longer than the listed word inside it — 永久牌, 绝对伏特加,
 * 最生活 — but never a part that is nothing but the listed word (a product called "极品 大红袍" does
 * not make every 极品 safe).
 */
function productPhrases(names: string[], matchers: Matcher[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const n = toHalfWidth(name.trim());
    if (!n) continue;
    for (const part of [n, ...n.split(/[\s()[\]【】「」<>《》,，、/|+·:：;；]+/)]) {
      if (part.length < 2) continue;
      const holds = matchers.some((m) => {
        let shorter = false;
        allMatches(m.re, part, (s, e) => {
          if (e - s < part.length) shorter = true;
        });
        return shorter;
      });
      if (holds) out.add(part);
    }
  }
  return [...out];
}

/** Code points between two UTF-16 offsets. */
function charCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate belongs to the character before it
  }
  return n;
}

function boundsAround(text: string, start: number, end: number, stop: RegExp): [number, number] {
  let a = start;
  while (a > 0 && !stop.test(text[a - 1] as string)) a--;
  let b = end;
  while (b < text.length && !stop.test(text[b] as string)) b++;
  return [a, b];
}

/** Is [start, end) inside a quotation on its line that reads as a viewer's question? */
function inViewerQuestion(line: string, start: number, end: number): boolean {
  let open = -1;
  let close = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (open < 0 && QUOTES[c] !== undefined) {
      open = i;
      close = QUOTES[c];
    } else if (open >= 0 && c === close) {
      if (open < start && end <= i) {
        const quoted = line.slice(open + 1, i);
        return /[?？]\s*$/.test(quoted) || VIEWER.test(line.slice(0, open));
      }
      open = -1;
    }
  }
  return false;
}

function contextOf(line: string, from: number, to: number): string {
  const chars = Array.from(line.replace(/\r$/, ''));
  const a = charCount(line, 0, from);
  const b = a + charCount(line, from, to);
  const lo = Math.max(0, a - 15);
  const hi = Math.min(chars.length, b + 15);
  return `${lo > 0 ? '…' : ''}${chars.slice(lo, hi).join('').trim()}${hi < chars.length ? '…' : ''}`;
}

/** Build a linter once (word list, team lists, product names), then lint many texts with it. */
export function createLinter(opts: LintOptions = {}): Linter {
  const teamTerms: Term[] = (opts.deny ?? [])
    .filter((d) => d.phrase.trim() !== '')
    .map((d) => ({
      phrase: d.phrase.trim(),
      category: d.category ?? 'custom',
      severity: d.severity ?? 'error',
      suggestion: d.suggestion ?? '删去或改写（团队词表）',
    }));
  const teamMatchers = teamTerms.map((t) => matcher(t, true));
  const replaced = new Set(teamTerms.map((t) => toHalfWidth(t.phrase).toLowerCase()));
  const matchers = [
    ...teamMatchers,
    ...DEFAULT_MATCHERS.filter((m) => !replaced.has(toHalfWidth(m.term.phrase).toLowerCase())),
  ];
  const teamSpans = [
    ...literalSpans(opts.allow ?? [], 'allow'),
    ...literalSpans(productPhrases(opts.productNames ?? [], matchers), 'product-name'),
  ];

  return {
    lint(text: string): LintResult {
      const norm = toHalfWidth(text);
      const candidates: Candidate[] = [];
      for (const m of matchers) allMatches(m.re, norm, (start, end) => candidates.push({ start, end, matcher: m }));
      // Longest first at a position; for the same words, a team entry before a default one, then
      // the more specific entry (最佳 before the bare 最 that also reads 最佳).
      candidates.sort(
        (x, y) =>
          x.start - y.start ||
          y.end - x.end ||
          Number(y.matcher.team) - Number(x.matcher.team) ||
          y.matcher.term.phrase.length - x.matcher.term.phrase.length,
      );

      const spans = (rules: Array<{ kind: ExemptionKind; re: RegExp }>): Span[] => {
        const out: Span[] = [];
        for (const r of rules) allMatches(r.re, norm, (start, end) => out.push({ start, end, kind: r.kind }));
        return out;
      };
      const teamSafe = candidates.length ? spans(teamSpans) : [];
      const builtinSafe = candidates.length ? spans(BUILTIN_SPANS) : [];

      const lineStarts = [0];
      for (let i = 0; i < norm.length; i++) if (norm[i] === '\n') lineStarts.push(i + 1);
      const where = (at: number) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((lineStarts[mid] as number) <= at) lo = mid;
          else hi = mid - 1;
        }
        const lineStart = lineStarts[lo] as number;
        const next = lineStarts[lo + 1];
        const lineEnd = next === undefined ? norm.length : next - 1;
        return { line: lo + 1, lineStart, lineEnd, column: charCount(norm, lineStart, at) + 1 };
      };

      const findings: Finding[] = [];
      const exempted: Exempted[] = [];
      let cursor = 0;
      for (const c of candidates) {
        if (c.start < cursor) continue;
        cursor = c.end;
        const { term, team } = c.matcher;
        const pos = where(c.start);
        const phrase = text.slice(c.start, c.end);
        const exempt = (rule: ExemptionKind) =>
          exempted.push({ line: pos.line, column: pos.column, phrase, term: term.phrase, rule });
        const inside = (s: Span) => s.start <= c.start && c.end <= s.end;

        const safe = teamSafe.find(inside) ?? (team ? undefined : builtinSafe.find(inside));
        if (safe) {
          exempt(safe.kind);
          continue;
        }
        const [clauseStart] = boundsAround(norm, c.start, c.end, CLAUSE_END);
        if (NEGATION.test(norm.slice(clauseStart, c.start))) {
          exempt('negation');
          continue;
        }
        const [sentenceStart, sentenceEnd] = boundsAround(norm, c.start, c.end, SENTENCE_END);
        const sentence = norm.slice(sentenceStart, sentenceEnd);
        if (term.grade && STANDARD.test(sentence)) {
          exempt('standard-cited');
          continue;
        }
        let severity = term.severity;
        let note: DowngradeKind | null = null;
        if (severity === 'error' && term.factual && TIME.test(sentence) && SOURCE.test(sentence)) {
          severity = 'warning';
          note = 'time-and-source';
        }
        const lineText = norm.slice(pos.lineStart, pos.lineEnd);
        if (severity === 'error' && inViewerQuestion(lineText, c.start - pos.lineStart, c.end - pos.lineStart)) {
          severity = 'warning';
          note = 'viewer-question';
        }
        findings.push({
          line: pos.line,
          column: pos.column,
          phrase,
          term: term.phrase,
          category: term.category,
          severity,
          suggestion: term.suggestion,
          context: contextOf(text.slice(pos.lineStart, pos.lineEnd), c.start - pos.lineStart, c.end - pos.lineStart),
          note,
        });
      }
      return { findings, exempted };
    },
  };
}

/** Lint one text with the default list and the team's lists: what the drafting half calls before writing a draft. */
export function lintText(text: string, opts: LintOptions = {}): Finding[] {
  return createLinter(opts).lint(text).findings;
}
