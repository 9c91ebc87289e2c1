/**
 * The compliance lint engine: text in, findings out. Pure (no fs, no console), so the drafting half
 * of `liveops script` lints a draft before writing it with the same rules the `lint` command uses.
 *
 * How a text is read:
 *   1. It is folded first (normalise.ts): traditional characters as simplified, full-width as
 *      half-width, pinyin and spaced-out spellings (最 好, zui hao) as the word, 第1 as 第一. Findings
 *      are reported where their words are in the original line, in the original spelling.
 *   2. Every entry of the word list (defaults, then the team's `deny`) is matched everywhere.
 *   3. Left to right, the longest match at a position wins (最有效 rather than 最) and the text it
 *      covers is not matched again.
 *   4. A match lying wholly inside a safe stretch is exempt: the team's `allow` phrases and product
 *      names (for every match), the built-in span rules of exemptions.ts (for default entries only:
 *      a team that denies 最近 means it).
 *   5. Context rules: a negation just before it → exempt; a grade word in a sentence citing a
 *      standard → exempt; a ranking claim with a time and a source in its sentence → warning; a
 *      word inside a viewer's question, quoted or reported (有人问是不是…), → warning.
 * Lines and columns are 1-based; a column counts characters (a Chinese character or an emoji is 1).
 */
import {
  NEGATION_BEFORE,
  QUESTION_MARKER,
  REPORTED_QUESTION,
  SOURCE_QUALIFIER,
  SPAN_RULES,
  STANDARD_CITED,
  TIME_QUALIFIER,
  VIEWER_QUESTION_BEFORE,
  type DowngradeKind,
  type ExemptionKind,
} from './exemptions.js';
import { normalise, normaliseText, originalRange, toHalfWidth } from './normalise.js';
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
  /** The entry folded and lower-cased: a team entry with the same key replaces a default one. */
  key: string;
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

type SpanRules = Array<{ kind: ExemptionKind; re: RegExp }>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ASCII_WORD = /[A-Za-z0-9]/;

/** A literal entry → its regular expression; ASCII words and numbers only match whole (100% not in 2100%). */
function literalSource(phrase: string): string {
  const p = normaliseText(phrase);
  let src = escapeRe(p);
  if (ASCII_WORD.test(p[0] ?? '')) src = `(?<![A-Za-z0-9.])${src}`;
  if (ASCII_WORD.test(p[p.length - 1] ?? '')) src = `${src}(?![A-Za-z0-9])`;
  return src;
}

function matcher(term: Term, team: boolean): Matcher {
  const key = normaliseText(term.phrase).toLowerCase();
  return { term, re: new RegExp(term.pattern ?? literalSource(term.phrase), 'giu'), team, key };
}

let defaultMatchers: Matcher[] | undefined;
const BUILTIN_SPANS = SPAN_RULES.map((r) => ({ kind: r.kind, re: new RegExp(r.pattern, 'giu') }));
const NEGATION = new RegExp(NEGATION_BEFORE, 'u');
const STANDARD = new RegExp(STANDARD_CITED, 'iu');
const TIME = new RegExp(TIME_QUALIFIER, 'iu');
const SOURCE = new RegExp(SOURCE_QUALIFIER, 'u');
const VIEWER = new RegExp(VIEWER_QUESTION_BEFORE, 'u');
const REPORTED = new RegExp(REPORTED_QUESTION, 'gu');
const ASKS = new RegExp(QUESTION_MARKER, 'u');
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
  const unique = [...new Set(phrases.map((p) => normaliseText(p.trim())).filter((p) => p !== ''))];
  return unique.map((p) => ({ kind, re: new RegExp(escapeRe(p), 'giu') }));
}

/**
 * The parts of product names that protect a listed word: the whole name and each of its words
 * (split on spaces and brackets) that is longer than the listed word inside it — 永久牌, 绝对伏特加,
 * 最生活 — but never a part that is nothing but the listed word (a product called "极品 大红袍" does
 * not make every 极品 safe). Names are folded as the text is (頂級 → 顶级, spaces between characters).
 */
function productPhrases(names: string[], matchers: Matcher[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const n = toHalfWidth(name.trim()); // split on the name's own spaces, then fold each part
    if (!n) continue;
    for (const raw of [n, ...n.split(/[\s()[\]【】「」<>《》,，、/|+·:：;；]+/)]) {
      const part = normaliseText(raw);
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

/** For every offset of a text, where the stretch it is in starts (after the last `stop` before it). */
function startsAt(text: string, stop: RegExp): Int32Array {
  const out = new Int32Array(text.length + 1);
  for (let i = 1; i <= text.length; i++) out[i] = stop.test(text[i - 1] as string) ? i : (out[i - 1] as number);
  return out;
}

/** For every offset of a text, where the stretch it is in ends (at the first `stop` from it on). */
function endsAt(text: string, stop: RegExp): Int32Array {
  const out = new Int32Array(text.length + 1);
  out[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) out[i] = stop.test(text[i] as string) ? i : (out[i + 1] as number);
  return out;
}

/** A quotation on a line: the offsets of its quote marks, and whether it reads as a viewer's question. */
interface Quote {
  open: number;
  close: number;
  question: boolean;
}

/** The quotations of one line, each a viewer's question when it ends in ？ or follows 问, 弹幕, 留言…. */
function quotesOf(line: string): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  let close = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (open < 0 && QUOTES[c] !== undefined) {
      open = i;
      close = QUOTES[c];
    } else if (open >= 0 && c === close) {
      const asked = /[?？]\s*$/.test(line.slice(open + 1, i));
      out.push({ open, close: i, question: asked || VIEWER.test(line.slice(Math.max(0, open - 12), open)) });
      open = -1;
    }
  }
  return out;
}

/**
 * The questions the anchor reports in a sentence (有人问是不是全网最低), as [from, to) offsets in
 * it: from the reporting words to the end of the clause that asks (是不是, 吗, ？) — so the answer
 * after it (…，我告诉你就是全网最低) is the anchor's own claim.
 */
function reportedQuestions(sentence: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of sentence.matchAll(REPORTED)) {
    const from = m.index + m[0].length;
    const rest = sentence.slice(from, from + 120);
    const ask = ASKS.exec(rest);
    const tail = ask ? rest.slice(ask.index + ask[0].length) : rest;
    const clause = /[，,：:]/.exec(tail);
    out.push([from, from + (rest.length - tail.length) + (clause ? clause.index : tail.length)]);
  }
  return out;
}

/**
 * Up to 15 characters either side of [from, to) on its line, with … where the line goes on; read
 * from a window of 40 UTF-16 units either side (20 characters at least), so a long line costs no more.
 */
function contextOf(text: string, lineStart: number, lineEnd: number, from: number, to: number): string {
  const ws = Math.max(lineStart, from - 40);
  const we = Math.min(lineEnd, to + 40);
  const window = text.slice(ws, we);
  const chars = Array.from(we === lineEnd ? window.replace(/\r$/, '') : window);
  const a = charCount(window, 0, from - ws);
  const b = a + charCount(window, from - ws, to - ws);
  const lo = Math.max(0, a - 15);
  const hi = Math.min(chars.length, b + 15);
  return `${lo > 0 ? '…' : ''}${chars.slice(lo, hi).join('').trim()}${hi < chars.length ? '…' : ''}`;
}

/** The default list's matchers, built once, on first use (its entries are folded as the text is). */
function defaults(): Matcher[] {
  defaultMatchers ??= DEFAULT_TERMS.map((t) => matcher(t, false));
  return defaultMatchers;
}

/** Every match of every entry in the folded text: longest first at a position, then the team's, then the more specific entry. */
function candidatesIn(norm: string, matchers: Matcher[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const m of matchers) allMatches(m.re, norm, (start, end) => candidates.push({ start, end, matcher: m }));
  // For the same words, a team entry before a default one, then the more specific entry (最佳
  // before the bare 最 that also reads 最佳).
  return candidates.sort(
    (x, y) =>
      x.start - y.start ||
      y.end - x.end ||
      Number(y.matcher.team) - Number(x.matcher.team) ||
      y.matcher.term.phrase.length - x.matcher.term.phrase.length,
  );
}

/** Each rule's safe stretches in the text, in the rules' order (one rule's are in order and never overlap). */
function spansIn(norm: string, rules: SpanRules): Span[][] {
  return rules.map((r) => {
    const out: Span[] = [];
    allMatches(r.re, norm, (start, end) => out.push({ start, end, kind: r.kind }));
    return out;
  });
}

/** The first rule with a stretch holding [start, end) wholly: its last stretch starting at or before `start`. */
function safeSpan(rules: Span[][], start: number, end: number): Span | undefined {
  for (const spans of rules) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((spans[mid] as Span).start <= start) lo = mid;
      else hi = mid - 1;
    }
    const s = spans[lo];
    if (s && s.start <= start && end <= s.end) return s;
  }
  return undefined;
}

/** 1-based line starts of a text, and where an offset falls in them. */
function lineIndex(text: string): (at: number) => { line: number; lineStart: number; lineEnd: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    const next = starts[lo + 1];
    return { line: lo + 1, lineStart: starts[lo] as number, lineEnd: next === undefined ? text.length : next - 1 };
  };
}

type Verdict = { exempt: ExemptionKind } | { severity: Severity; note: DowngradeKind | null };

/** What a sentence says around its matches, worked out once for all of them. */
interface SentenceFacts {
  standard: boolean;
  timeAndSource: boolean;
  /** Reported viewer questions, as offsets in the text. */
  questions: Array<[number, number]>;
}

/** The folded text with its safe stretches, clauses, sentences and lines, each read once. */
interface TextUnderLint {
  norm: string;
  teamSafe: Span[][];
  builtinSafe: Span[][];
  clauseStart: Int32Array;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  lineStart: Int32Array;
  lineEnd: Int32Array;
  sentences: Map<number, SentenceFacts>;
  quotes: Map<number, Quote[]>;
}

function underLint(norm: string, teamSpans: SpanRules, withSpans: boolean): TextUnderLint {
  return {
    norm,
    teamSafe: withSpans ? spansIn(norm, teamSpans) : [],
    builtinSafe: withSpans ? spansIn(norm, BUILTIN_SPANS) : [],
    clauseStart: startsAt(norm, CLAUSE_END),
    sentenceStart: startsAt(norm, SENTENCE_END),
    sentenceEnd: endsAt(norm, SENTENCE_END),
    lineStart: startsAt(norm, /\n/),
    lineEnd: endsAt(norm, /\n/),
    sentences: new Map(),
    quotes: new Map(),
  };
}

function sentenceFacts(t: TextUnderLint, start: number, end: number): SentenceFacts {
  let facts = t.sentences.get(start);
  if (!facts) {
    const sentence = t.norm.slice(start, end);
    facts = {
      standard: STANDARD.test(sentence),
      timeAndSource: TIME.test(sentence) && SOURCE.test(sentence),
      questions: reportedQuestions(sentence).map(([a, b]) => [start + a, start + b]),
    };
    t.sentences.set(start, facts);
  }
  return facts;
}

/** Is [start, end) inside a viewer's question, reported in its sentence or quoted on its line? */
function inViewerQuestion(t: TextUnderLint, facts: SentenceFacts, start: number, end: number): boolean {
  if (facts.questions.some(([a, b]) => a <= start && end <= b)) return true;
  const ls = t.lineStart[start] as number;
  let quotes = t.quotes.get(ls);
  if (!quotes) {
    quotes = quotesOf(t.norm.slice(ls, t.lineEnd[start]));
    t.quotes.set(ls, quotes);
  }
  return quotes.some((q) => q.question && q.open < start - ls && end - ls <= q.close);
}

/** What one match is: exempt (and by which rule), or a finding with its severity. */
function verdictOf(t: TextUnderLint, c: Candidate): Verdict {
  const { term, team } = c.matcher;
  const safe = safeSpan(t.teamSafe, c.start, c.end) ?? (team ? undefined : safeSpan(t.builtinSafe, c.start, c.end));
  if (safe) return { exempt: safe.kind };
  // A negation right before the word, in its clause: 32 characters hold the longest (谈不上说是任何这个就是药物的).
  const before = Math.max(t.clauseStart[c.start] as number, c.start - 32);
  if (NEGATION.test(t.norm.slice(before, c.start))) return { exempt: 'negation' };
  const facts = sentenceFacts(t, t.sentenceStart[c.start] as number, t.sentenceEnd[c.end] as number);
  if (term.grade && facts.standard) return { exempt: 'standard-cited' };
  if (term.severity === 'warning') return { severity: 'warning', note: null };
  if (term.factual && facts.timeAndSource) return { severity: 'warning', note: 'time-and-source' };
  if (inViewerQuestion(t, facts, c.start, c.end)) return { severity: 'warning', note: 'viewer-question' };
  return { severity: 'error', note: null };
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
  const replaced = new Set(teamTerms.map((t) => normaliseText(t.phrase).toLowerCase()));
  const matchers = [...teamMatchers, ...defaults().filter((m) => !replaced.has(m.key))];
  const teamSpans: SpanRules = [
    ...literalSpans(opts.allow ?? [], 'allow'),
    ...literalSpans(productPhrases(opts.productNames ?? [], matchers), 'product-name'),
  ];

  return {
    lint(text: string): LintResult {
      const norm = normalise(text);
      const candidates = candidatesIn(norm.text, matchers);
      const t = underLint(norm.text, teamSpans, candidates.length > 0);
      const origLine = lineIndex(text);
      const findings: Finding[] = [];
      const exempted: Exempted[] = [];
      let cursor = 0;
      // A column is counted on from the match before it on the same line: a long line is read once.
      let counted = { lineStart: -1, at: 0, chars: 0 };
      for (const c of candidates) {
        if (c.start < cursor) continue;
        cursor = c.end;
        const [from, to] = originalRange(norm, c.start, c.end);
        const pos = origLine(from);
        if (counted.lineStart !== pos.lineStart) counted = { lineStart: pos.lineStart, at: pos.lineStart, chars: 0 };
        counted.chars += charCount(text, counted.at, from);
        counted.at = from;
        const column = counted.chars + 1;
        const phrase = text.slice(from, to);
        const v = verdictOf(t, c);
        if ('exempt' in v) {
          exempted.push({ line: pos.line, column, phrase, term: c.matcher.term.phrase, rule: v.exempt });
          continue;
        }
        const { term } = c.matcher;
        findings.push({
          line: pos.line,
          column,
          phrase,
          term: term.phrase,
          category: term.category,
          severity: v.severity,
          suggestion: term.suggestion,
          context: contextOf(text, pos.lineStart, pos.lineEnd, from, to),
          note: v.note,
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
