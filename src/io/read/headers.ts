/**
 * Header normalisation and matching. Platforms change header text between exports and over time:
 * full-width vs half-width brackets and colons, spaces, case, a unit in brackets ("(元)", "(秒)").
 */
import { FIELDS } from './fields.js';
import type { DurationUnit } from './values.js';

/** NFKC folds full-width forms (（）：Ａ) to half-width; then drop spaces and colons, lowercase. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(/[\s:\u00a0\u3000]/g, '')
    .replace(/\*+$/, '') // "成交金额*" marks a required column in some templates
    .toLowerCase();
}

/** A unit in trailing brackets that does not change which field a header is. */
const UNIT_SUFFIX: Array<[RegExp, { durationUnit?: DurationUnit; scale?: number }]> = [
  [/\((?:秒|s|sec|秒数)\)$/, { durationUnit: 'seconds' }],
  [/\((?:分钟|分|min|mins|minutes)\)$/, { durationUnit: 'minutes' }],
  [/\((?:小时|h|hours)\)$/, { durationUnit: 'hours' }],
  [/\((?:元|¥|cny|rmb|人民币)\)$/, {}],
  [/\((?:万元|万)\)$/, { scale: 10000 }],
  [/\((?:天|日|day|days)\)$/, {}],
  [/\((?:人|个|件|次|单|笔|%)\)$/, {}],
];

export interface HeaderMatch {
  field: string;
  durationUnit?: DurationUnit;
  scale?: number;
}

export interface HeaderIndex {
  match(header: string): HeaderMatch | null;
}

/**
 * Build a matcher from the catalogue plus the user's mapping (config `headers:`), which wins over
 * the built-in aliases.
 */
export function buildHeaderIndex(userMap: Record<string, string> = {}): HeaderIndex {
  const exact = new Map<string, HeaderMatch>();
  for (const f of FIELDS.values()) {
    for (const alias of [f.zh, ...f.aliases]) {
      const key = normalizeHeader(alias);
      const scale = f.aliasScale?.[alias];
      // First definition wins: aliases are listed from most to least specific.
      if (!exact.has(key)) exact.set(key, scale === undefined ? { field: f.id } : { field: f.id, scale });
    }
  }
  for (const [header, field] of Object.entries(userMap)) exact.set(normalizeHeader(header), { field });

  return {
    match(header: string): HeaderMatch | null {
      const key = normalizeHeader(header);
      if (key === '') return null;
      const hit = exact.get(key);
      if (hit) return hit;
      for (const [re, unit] of UNIT_SUFFIX) {
        if (!re.test(key)) continue;
        const base = exact.get(key.replace(re, ''));
        if (base) return { ...base, ...unit };
      }
      return null;
    },
  };
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return s.length === 1 ? [s] : out;
}

/** Dice similarity of character bigrams: 1 = same, 0 = nothing in common. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = [...y];
  let hits = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      hits++;
      pool.splice(i, 1);
    }
  }
  return (2 * hits) / (x.length + y.length);
}

/** The field an unknown header most likely means, for the "map it in the config" hint. */
export function suggestField(header: string): { field: string; alias: string } | null {
  const key = normalizeHeader(header);
  let best: { field: string; alias: string } | null = null;
  let bestScore = 0.5;
  for (const f of FIELDS.values()) {
    for (const alias of [f.zh, ...f.aliases]) {
      const s = similarity(key, normalizeHeader(alias));
      if (s > bestScore) {
        bestScore = s;
        best = { field: f.id, alias };
      }
    }
  }
  return best;
}
