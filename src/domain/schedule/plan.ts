/**
 * The month's stream schedule (直播排期表): streams from the recurring slots, special and
 * members-only streams, anchors and assistants rotated fairly without double-booking, the product
 * line-up by role rotated and within stock, benefits, GMV targets, rehearsal and retro deadlines,
 * and the team stage. Pure: settings and pool in, plan out — codes and numbers; localiseSchedule
 * words them.
 */
import { addDays, format, getDaysInMonth, getISODay, parseISO } from 'date-fns';
import type { ScheduleSettings, StreamType } from '../../config/schedule-section.js';
import { PRODUCT_ROLES, normaliseRole, roleTiers, suggestRole, type ProductRole } from '../roles.js';
import { allocate, decomposeAnnual, type AnnualPlan } from './targets.js';
import { shanghaiIso } from '../../clock.js';

export interface PoolProduct {
  id: string | null;
  name: string | null;
  role: string | null;
  livePrice: number | null;
  commissionRate: number | null;
  stock: number | null;
  giveaway: boolean;
}

export interface ScheduleInput {
  /** "2026-12". */
  month: string;
  settings: ScheduleSettings;
  /** The month's GMV target when given directly (--target); else from the annual target. */
  monthTarget: number | null;
  pool: PoolProduct[];
  stockLow: number;
  rehearsalDays: number;
  retroHours: number;
  roleTiers: { trafficMaxPrice: number | null; imageMinPrice: number | null; profitMinCommission: number };
  /** Products the latest selection (select, from the history) eliminated: never planned. */
  eliminated?: EliminatedProduct[];
  /** Today in Beijing ("2026-11-30"): rehearsals before it are already past. Absent: not checked. */
  today?: string | null;
}

/** A product of the latest selection's elimination list (淘汰清单), and the week of that selection. */
export interface EliminatedProduct {
  id: string | null;
  name: string | null;
  week: string;
  rules: string[];
}

export type Stage = 'startup' | 'growth' | 'mature';

/** SPEC: ≤ 10 streams a month startup, 10–30 growth, ≥ 30 mature (10 is startup, 30 is mature). */
export function teamStage(streams: number): Stage {
  if (streams <= 10) return 'startup';
  if (streams >= 30) return 'mature';
  return 'growth';
}

/** A stream's theme: the one the config gives, or a members' stream's repurchase day of its category. */
export type StreamTheme = { kind: 'given'; text: string } | { kind: 'repurchase-day'; category: string };

/** A stream of the month before people, products and targets are put on it. */
export interface StreamDraft {
  date: string;
  time: string;
  account: string | null;
  type: StreamType;
  theme: StreamTheme | null;
}

/** What the plan could not do: too few products of a role in the pool, or nobody free for a stream. */
export type ScheduleProblem =
  | { kind: 'pool-short'; role: ProductRole; available: number; needed: number }
  | { kind: 'no-anchor' | 'no-assistant'; date: string; time: string };

/** Why a product of the pool is not in any line-up. */
export type Exclusion =
  | { name: string; why: 'not-listed' }
  | { name: string; why: 'low-stock'; stock: number; threshold: number }
  | { name: string; why: 'eliminated'; week: string; rules: string[] };

/** The elimination a pool product is on: by 商品ID, or by name when either side has no ID. */
export function eliminationOf(p: PoolProduct, eliminated: EliminatedProduct[]): EliminatedProduct | null {
  return (
    eliminated.find((e) =>
      p.id !== null && e.id !== null ? e.id === p.id : p.name !== null && e.name !== null && e.name === p.name,
    ) ?? null
  );
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};
/**
 * A stream's minutes on one clock over the days: "21:00-01:00" on 12-01 ends at 01:00 on 12-02, so
 * it clashes with 20:00-23:00 that day and with 00:30-02:00 the next.
 */
const clockSpan = (time: string) => time.split('-').map(minutes) as [number, number];
const span = (date: string, time: string): [number, number] => {
  const day = Date.parse(`${date}T00:00:00Z`) / 60_000;
  const [from, to] = clockSpan(time);
  return [day + from, day + (to <= from ? to + 1440 : to)];
};
const overlaps = (a: { date: string; time: string }, b: { date: string; time: string }) => {
  const [a0, a1] = span(a.date, a.time);
  const [b0, b1] = span(b.date, b.time);
  return a0 < b1 && b0 < a1;
};
const pad = (n: number) => String(n).padStart(2, '0');
const given = (text: string | null): StreamTheme | null => (text === null ? null : { kind: 'given', text });

function isoAt(date: string, hhmm: string, plusDays = 0): string {
  const d = plusDays ? format(addDays(parseISO(date), plusDays), 'yyyy-MM-dd') : date;
  return `${d}T${hhmm}:00+08:00`;
}

/** The dates a members-only stream falls on: the configured day, then every repurchase cycle. */
function memberDates(month: string, day: number, cycle: number): string[] {
  const daysIn = getDaysInMonth(parseISO(`${month}-01`));
  const out: string[] = [];
  for (let d = Math.min(day, daysIn); d <= daysIn; d += cycle) out.push(`${month}-${pad(d)}`);
  return out;
}

/** The month's streams: recurring slots, then special and members-only streams that replace or add. */
export function streamDrafts(input: ScheduleInput): {
  drafts: StreamDraft[];
  memberStreams: Array<{ category: string; dates: string[] }>;
} {
  const { settings: s } = input;
  const daysIn = getDaysInMonth(parseISO(`${input.month}-01`));
  const defaultTime = s.slots[0]?.time ?? '20:00-23:00';
  let drafts: StreamDraft[] = [];
  for (let d = 1; d <= daysIn; d++) {
    const date = `${input.month}-${pad(d)}`;
    const wd = getISODay(parseISO(date));
    for (const slot of s.slots) {
      if (slot.weekdays.includes(wd))
        drafts.push({
          date,
          time: slot.time,
          account: slot.account ?? s.account,
          type: slot.type,
          theme: given(slot.theme),
        });
    }
  }
  const place = (x: StreamDraft) => {
    const same = drafts.find((d) => d.date === x.date && d.account === x.account);
    if (same) Object.assign(same, { type: x.type, theme: x.theme ?? same.theme, time: x.time });
    else drafts.push(x);
  };
  for (const sp of s.special.filter((x) => x.date.startsWith(`${input.month}-`))) {
    place({
      date: sp.date,
      time: sp.time ?? defaultTime,
      account: sp.account ?? s.account,
      type: sp.type,
      theme: given(sp.theme),
    });
  }
  const memberStreams: Array<{ category: string; dates: string[] }> = [];
  for (const m of s.members) {
    const dates = memberDates(input.month, m.day, m.repurchaseDays);
    memberStreams.push({ category: m.category, dates });
    for (const date of dates) {
      place({
        date,
        time: m.time ?? defaultTime,
        account: m.account ?? s.account,
        type: '会员专属场',
        theme: { kind: 'repurchase-day', category: m.category },
      });
    }
  }
  drafts = drafts.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      clockSpan(a.time)[0] - clockSpan(b.time)[0] ||
      (a.account ?? '').localeCompare(b.account ?? ''),
  );
  return { drafts, memberStreams };
}

type Person = ScheduleSettings['anchors'][number];

/** People for each stream: the fewest streams so far among those working that day and free at that time. */
export function peopleAssigner(): (people: Person[], d: StreamDraft, not: string | null) => string | null {
  const load = new Map<string, number>();
  const booked: Array<{ name: string; date: string; time: string }> = [];
  const assign = (people: Person[], d: StreamDraft, not: string | null): string | null => {
    const wd = String(getISODay(parseISO(d.date)));
    const free = people.filter(
      (p) =>
        p.name !== not &&
        !p.daysOff.includes(wd) &&
        !p.daysOff.includes(d.date) &&
        (p.accounts === null || (d.account !== null && p.accounts.includes(d.account))) &&
        !booked.some((b) => b.name === p.name && overlaps(b, d)),
    );
    free.sort((a, b) => (load.get(a.name) ?? 0) - (load.get(b.name) ?? 0) || people.indexOf(a) - people.indexOf(b));
    const chosen = free[0];
    if (!chosen) return null;
    load.set(chosen.name, (load.get(chosen.name) ?? 0) + 1);
    booked.push({ name: chosen.name, date: d.date, time: d.time });
    return chosen.name;
  };
  return assign;
}

/** Products: listed, in stock, by role, rotated so streams do not repeat the same line-up. */
export function productRotation(input: ScheduleInput, problems: ScheduleProblem[]) {
  const { settings: s } = input;
  const tiers = roleTiers(
    input.pool.map((p) => p.livePrice),
    input.roleTiers,
  );
  const excluded: Exclusion[] = [];
  const byRole: Record<ProductRole, PoolProduct[]> = { 引流款: [], 利润款: [], 形象款: [] };
  const roleOf = new Map<PoolProduct, ProductRole>();
  for (const p of input.pool) {
    const name = p.name ?? p.id ?? '—';
    const out = eliminationOf(p, input.eliminated ?? []);
    if (out) {
      excluded.push({ name, why: 'eliminated', week: out.week, rules: out.rules });
      continue;
    }
    if (p.id === null) {
      excluded.push({ name, why: 'not-listed' });
      continue;
    }
    if (p.stock !== null && p.stock < input.stockLow) {
      excluded.push({ name, why: 'low-stock', stock: p.stock, threshold: input.stockLow });
      continue;
    }
    const role = normaliseRole(p.role) ?? suggestRole(p, tiers);
    roleOf.set(p, role);
    byRole[role].push(p);
  }
  const cursor: Record<ProductRole, number> = { 引流款: 0, 利润款: 0, 形象款: 0 };
  const appearances = new Map<PoolProduct, number[]>();
  const lineUp = (no: number) => {
    const out = {} as Record<ProductRole, string[]>;
    for (const role of PRODUCT_ROLES) {
      const list = byRole[role];
      const want = Math.min(s.productMix[role], list.length);
      out[role] = [];
      for (let k = 0; k < want; k++) {
        const p = list[(cursor[role] + k) % list.length]!;
        out[role].push(p.name ?? p.id!);
        appearances.set(p, [...(appearances.get(p) ?? []), no]);
      }
      cursor[role] = (cursor[role] + want) % Math.max(list.length, 1);
    }
    return out;
  };
  // Without a pool there is no line-up to plan, and nothing to warn about.
  for (const role of input.pool.length ? PRODUCT_ROLES : []) {
    if (byRole[role].length < s.productMix[role]) {
      problems.push({ kind: 'pool-short', role, available: byRole[role].length, needed: s.productMix[role] });
    }
  }
  return { lineUp, roleOf, appearances, excluded };
}

/** Streams whose rehearsal is before today (Beijing): the stream goes ahead without one unless moved. */
export function rehearsalsBefore(
  streams: Array<{ no: number; date: string; time: string; account: string | null; rehearsal: string }>,
  today: string | null,
) {
  if (today === null) return [];
  return streams
    .filter((st) => st.rehearsal < today)
    .map((st) => ({ no: st.no, date: st.date, time: st.time, account: st.account, rehearsal: st.rehearsal }));
}

export function buildSchedule(input: ScheduleInput) {
  const { settings: s } = input;
  const problems: ScheduleProblem[] = [];
  const { drafts, memberStreams } = streamDrafts(input);
  const assign = peopleAssigner();
  const { lineUp, roleOf, appearances, excluded } = productRotation(input, problems);

  // — targets —
  let annual: AnnualPlan | null = null;
  if (s.annualGmv !== null) annual = decomposeAnnual(s.annualGmv, s.monthWeights);
  const monthNo = Number(input.month.slice(5, 7));
  const monthTarget = input.monthTarget ?? annual?.months[monthNo - 1]?.gmv ?? null;
  const monthTargetSource = input.monthTarget !== null ? 'given' : annual ? 'annual' : null;
  const streamTargets =
    monthTarget !== null && drafts.length
      ? allocate(
          monthTarget,
          drafts.map((d) => s.typeWeights[d.type]),
        )
      : drafts.map(() => null);

  const giveaways = input.pool
    .filter((p) => p.giveaway && p.id !== null && (p.stock === null || p.stock > 0))
    .map((p) => p.name ?? p.id!);
  const streams = drafts.map((d, i) => {
    const no = i + 1;
    const [t0, t1] = d.time.split('-') as [string, string];
    const anchor = assign(s.anchors, d, null);
    const assistant = assign(s.assistants, d, anchor);
    if (s.anchors.length && !anchor) problems.push({ kind: 'no-anchor', date: d.date, time: d.time });
    if (s.assistants.length && !assistant) problems.push({ kind: 'no-assistant', date: d.date, time: d.time });
    const products = lineUp(no);
    const wd = getISODay(parseISO(d.date));
    const [from, to] = clockSpan(d.time);
    const end = isoAt(d.date, t1, to <= from ? 1 : 0);
    return {
      no,
      id: `${input.month}-${pad(no)}`,
      date: d.date,
      weekday: wd,
      time: d.time,
      start: isoAt(d.date, t0),
      end,
      account: d.account,
      anchor,
      assistant,
      type: d.type,
      theme: d.theme,
      products,
      productList: PRODUCT_ROLES.flatMap((r) => products[r].map((n) => `${r}:${n}`)),
      benefit: s.benefits[d.type],
      giveaways,
      gmvTarget: streamTargets[i] ?? null,
      rehearsal: format(addDays(parseISO(d.date), -input.rehearsalDays), 'yyyy-MM-dd'),
      retroDeadline: new Date(Date.parse(end) + input.retroHours * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  });
  // The retro deadline in Shanghai time, like every other time here.
  for (const st of streams) st.retroDeadline = shanghai(st.retroDeadline);

  const today = input.today ?? null;
  const pastRehearsals = rehearsalsBefore(streams, today);
  const eliminated = (input.eliminated ?? []).map((e) => ({
    ...e,
    inPool: input.pool.some((p) => eliminationOf(p, [e]) !== null),
  }));

  const stage = teamStage(streams.length);
  const staffing = [
    ...s.anchors.map((p) => ({
      name: p.name,
      role: 'anchor' as const,
      streams: streams.filter((x) => x.anchor === p.name).length,
    })),
    ...s.assistants.map((p) => ({
      name: p.name,
      role: 'assistant' as const,
      streams: streams.filter((x) => x.assistant === p.name).length,
    })),
  ];
  const productPlan = [...roleOf.entries()].map(([p, role]) => ({
    id: p.id,
    name: p.name,
    role,
    roleSource: normaliseRole(p.role) ? ('table' as const) : ('suggested' as const),
    stock: p.stock,
    appearances: appearances.get(p)?.length ?? 0,
    streams: appearances.get(p) ?? [],
  }));

  return {
    month: input.month,
    stage: { stage, streams: streams.length },
    targets: {
      annual: annual?.annual ?? null,
      quarters: annual?.quarters ?? null,
      months: annual?.months ?? null,
      month: monthTarget,
      monthSource: monthTargetSource,
      streamsTotal:
        monthTarget === null ? null : (streamTargets as Array<number | null>).reduce<number>((a, b) => a + (b ?? 0), 0),
    },
    streams,
    members: memberStreams,
    productPlan,
    excluded,
    /** The latest selection's eliminated products (from the history), left out of every line-up. */
    eliminated,
    /** Streams whose rehearsal date is already past (before today in Beijing). */
    pastRehearsals,
    today,
    staffing,
    problems,
  };
}

export type SchedulePlan = ReturnType<typeof buildSchedule>;

/** "2026-12-02T15:00:00Z" → "2026-12-02T23:00:00+08:00". */
function shanghai(utcIso: string): string {
  return shanghaiIso(Date.parse(utcIso));
}
