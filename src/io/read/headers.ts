/**
 * Header normalisation and matching. Platforms change header text between exports and over time:
 * full-width vs half-width brackets and colons, spaces, case, a unit in brackets ("(元)", "(秒)").
 */
import { FIELDS, GOAL_FIELD } from './fields.js';
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

/**
 * What a header's unit says about its values. The unit travels with the column, whichever way the
 * header matched (a built-in alias or the config's `headers:`), and is applied when the values are
 * read: `GMV完成(万元)` 168.5 → ¥1,685,000; `商品转化率(%)` 5 → 0.05.
 */
export interface HeaderUnit {
  /** The unit as written, for messages: 万元, %, 秒. */
  text: string;
  /** Multiplier for money and counts (万元 → 10000, 亿 → 1e8, 分 in a money column → 0.01). */
  scale?: number;
  /** A bare number in a rate column is a percentage (per mille): 5 → 0.05. */
  percent?: 100 | 1000;
  durationUnit?: DurationUnit;
}

/** Units in trailing brackets, after normalisation. `分` is minutes for a duration, fen for money. */
const UNITS: Array<[RegExp, (type: string) => Omit<HeaderUnit, 'text'> | null]> = [
  [/^(?:秒|s|sec|秒数)$/, () => ({ durationUnit: 'seconds' })],
  [/^(?:分钟|min|mins|minutes)$/, () => ({ durationUnit: 'minutes' })],
  [/^分$/, (type) => (type === 'money' ? { scale: 0.01 } : { durationUnit: 'minutes' })],
  [/^(?:小时|h|hours)$/, () => ({ durationUnit: 'hours' })],
  [/^(?:元|¥|cny|rmb|人民币|人民币元)$/, () => ({})],
  [/^(?:万元|万|w|万人|万次|万件)$/, () => ({ scale: 10000 })],
  [/^(?:亿元|亿)$/, () => ({ scale: 1e8 })],
  [/^(?:天|日|day|days|人|个|件|次|单|笔|分数|点)$/, () => ({})],
  [/^%$/, (type) => (type === 'rate' ? { percent: 100 } : {})],
  [/^‰$/, (type) => (type === 'rate' ? { percent: 1000 } : {})],
];

/** The unit of a trailing bracket, or null when the bracket is not a unit ("(人数)", "(次数)"). */
function unitOf(text: string, type: string): HeaderUnit | null {
  for (const [re, make] of UNITS) {
    if (!re.test(text)) continue;
    const u = make(type);
    return u ? { text, ...u } : null;
  }
  return null;
}

/** How a config mapping may state a unit: `GMV完成: { field: gmv, unit: 万元 }`. */
export const MAPPING_UNITS = [
  '元',
  '万元',
  '亿元',
  '分',
  '%',
  '‰',
  '秒',
  '分钟',
  '小时',
  '件',
  '万件',
  '人',
  '万人',
  '次',
  '万次',
] as const;

export interface HeaderMapping {
  field: string;
  unit?: string;
}

/** actual: the figure itself; target: the goal set for it on the same row (GMV目标, 转化率目标). */
export type HeaderRole = 'actual' | 'target';

export interface HeaderMatch {
  field: string;
  role: HeaderRole;
  /** The mapping came from the config's `headers:`. */
  viaConfig: boolean;
  unit?: HeaderUnit;
  durationUnit?: DurationUnit;
  scale?: number;
  percent?: 100 | 1000;
}

export interface HeaderIndex {
  match(header: string): HeaderMatch | null;
}

/** A target column: "GMV目标", "目标GMV", "流量增长目标", "转化率目标值". */
const TARGET = [/^目标(?:值)?(.+)$/, /^(.+?)(?:的)?目标(?:值)?$/];

/**
 * Build a matcher from the catalogue plus the user's mapping (config `headers:`), which wins over
 * the built-in aliases. Either way the header's own unit applies; a mapping may state one too.
 */
export function buildHeaderIndex(userMap: Record<string, string | HeaderMapping> = {}): HeaderIndex {
  const exact = new Map<string, { field: string; scale?: number; viaConfig: boolean; unit?: string }>();
  for (const f of FIELDS.values()) {
    for (const alias of [f.zh, ...f.aliases]) {
      const key = normalizeHeader(alias);
      const scale = f.aliasScale?.[alias];
      // First definition wins: aliases are listed from most to least specific.
      if (!exact.has(key))
        exact.set(
          key,
          scale === undefined ? { field: f.id, viaConfig: false } : { field: f.id, scale, viaConfig: false },
        );
    }
  }
  for (const [header, m] of Object.entries(userMap)) {
    const mapping = typeof m === 'string' ? { field: m } : m;
    exact.set(normalizeHeader(header), {
      field: mapping.field,
      viaConfig: true,
      ...(mapping.unit ? { unit: mapping.unit } : {}),
    });
  }

  /** The header as it stands, or without its trailing unit bracket. */
  const lookup = (key: string): { hit: NonNullable<ReturnType<typeof exact.get>>; unitText: string | null } | null => {
    const hit = exact.get(key);
    const bracket = /^(.+?)\(([^()]*)\)$/.exec(key);
    if (hit) return { hit, unitText: bracket ? bracket[2]! : null };
    // Only a unit is stripped: "(人数)" and "(次数)" name different fields.
    if (!bracket || !UNITS.some(([re]) => re.test(bracket[2]!))) return null;
    const base = exact.get(bracket[1]!);
    return base ? { hit: base, unitText: bracket[2]! } : null;
  };

  const build = (found: NonNullable<ReturnType<typeof lookup>>, role: HeaderRole): HeaderMatch => {
    const { hit } = found;
    const def = FIELDS.get(hit.field);
    const type = def?.type ?? 'text';
    const stated = hit.unit !== undefined ? normalizeHeader(hit.unit) : null;
    const unit = stated !== null ? unitOf(stated, type) : found.unitText !== null ? unitOf(found.unitText, type) : null;
    const m: HeaderMatch = { field: hit.field, role, viaConfig: hit.viaConfig };
    // The unit a header states replaces the one its alias implies (pay_gmv is fen; pay_gmv(分) is fen once, pay_gmv(元) yuan).
    const scale = unit ? (unit.scale ?? 1) : (hit.scale ?? 1);
    if (scale !== 1) m.scale = scale;
    if (unit) {
      m.unit = unit;
      if (unit.durationUnit) m.durationUnit = unit.durationUnit;
      if (unit.percent) m.percent = unit.percent;
    }
    return m;
  };

  return {
    match(header: string): HeaderMatch | null {
      const key = normalizeHeader(header);
      if (key === '') return null;
      const direct = lookup(key);
      if (direct) return build(direct, 'actual');
      // A target beside its figure: the same name with 目标 before or after it.
      const bracket = /^(.+?)(\([^()]*\))$/.exec(key);
      const name = bracket ? bracket[1]! : key;
      for (const re of TARGET) {
        const t = re.exec(name);
        if (!t?.[1]) continue;
        const inner = lookup(t[1] + (bracket ? bracket[2]! : ''));
        // A goal field's own 目标 is no target of anything.
        if (!inner || FIELDS.get(inner.hit.field)?.targetOf !== undefined) continue;
        // The target of a figure that has a goal field is that field (业绩目标 of 业绩 → gmvTarget).
        const goal = GOAL_FIELD.get(inner.hit.field);
        return goal ? { ...build(inner, 'actual'), field: goal } : build(inner, 'target');
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

/** Counted per time (次数, 人次, 次) versus per person (人数): never the one for the other. */
const TIMES = /次数|人次|\(次\)|次$/;
const PEOPLE = /人数|\(人\)/;

/**
 * The field an unknown header most likely means, for the "map it in the config" hint. Nothing for
 * a target column (…目标): mapping it to the figure would score the goal as the result.
 */
/** Words of a rate or share header. */
const RATE = /率|占比|比例|%/;

export function suggestField(header: string): { field: string; alias: string } | null {
  const key = normalizeHeader(header);
  // No alias is anywhere near this long; comparing one would cost time for no suggestion.
  if (key.length > 64) return null;
  if (key.includes('目标')) return null;
  const times = TIMES.test(key);
  const people = PEOPLE.test(key);
  const rate = RATE.test(key);
  let best: { field: string; alias: string } | null = null;
  let bestScore = 0.5;
  for (const f of FIELDS.values()) {
    for (const alias of [f.zh, ...f.aliases]) {
      const a = normalizeHeader(alias);
      if ((times && PEOPLE.test(a)) || (people && TIMES.test(a))) continue;
      // A count is not a rate: 商品点击人次 is no 商品点击率.
      if (!rate && RATE.test(a)) continue;
      const s = similarity(key, a);
      if (s > bestScore) {
        bestScore = s;
        best = { field: f.id, alias };
      }
    }
  }
  return best;
}
