/**
 * The 9:00 morning brief (晨会简报): today's streams with their targets and people, and the risk
 * points — products in today's plan below the stock line, rehearsals due today, retros overdue,
 * open items of the last retro's improvement list, and the history's open and overdue items
 * (carried over from earlier streams until done). Pure: data in, brief out — counts and facts;
 * localiseBrief words the summary.
 */
import { addDays, format, parseISO } from 'date-fns';
import * as M from './metrics.js';
import { fires } from './rules.js';
import { openItems, type ActionEvent } from './history/actions.js';

export interface BriefStream {
  date: string;
  time: string;
  account: string | null;
  anchor: string | null;
  assistant: string | null;
  type: string | null;
  theme: string | null;
  gmvTarget: number | null;
  products: string[];
}

export interface BriefInput {
  /** "2026-12-03" (Asia/Shanghai). */
  date: string;
  /** The current instant, for what is overdue. */
  now: Date;
  streams: BriefStream[];
  /** Stock per product name or ID, from the selection table. */
  stock: Map<string, number>;
  stockLow: number;
  rehearsalDays: number;
  retroHours: number;
  /** Retro files present in the output folder, by stream: "<account>_<date>". */
  retrosDone: Set<string>;
  lastRetro: {
    file: string;
    actions: Array<{ no: number | null; owner: string | null; action: string; evidence: string | null }>;
  } | null;
  /** Median UV value of each account's recent streams, when a stream list was given. */
  uvValueByAccount: Map<string, number>;
  /** The improvement items' events of the history (none without one). */
  actionEvents?: ActionEvent[];
}

const endOf = (s: BriefStream) => {
  const [from, to] = s.time.split('-') as [string, string];
  const overnight = to <= from;
  const day = overnight ? format(addDays(parseISO(s.date), 1), 'yyyy-MM-dd') : s.date;
  return Date.parse(`${day}T${to}:00+08:00`);
};

/** Today's streams in time order, with the viewers the GMV target needs at the account's recent UV value. */
export function streamsToday(input: BriefInput) {
  return input.streams
    .filter((s) => s.date === input.date)
    .sort((a, b) => a.time.localeCompare(b.time))
    .map((s) => {
      const uvValue = s.account ? (input.uvValueByAccount.get(s.account) ?? null) : null;
      return {
        ...s,
        // Viewers needed to reach the GMV target at the account's recent UV value.
        uvTarget: uvValue !== null && s.gmvTarget !== null ? Math.ceil(M.ratio(s.gmvTarget, uvValue) ?? 0) : null,
        recentUvValue: uvValue,
      };
    });
}

/** Products in today's streams whose stock is below the stock line (strictly: 49 of 50 is, 50 is not). */
export function lowStock(today: BriefStream[], input: BriefInput) {
  return today.flatMap((s) =>
    s.products
      .map((p) => ({ product: p, stock: input.stock.get(p) ?? null }))
      .filter((x) => fires('below', x.stock, input.stockLow))
      .map((x) => ({
        account: s.account,
        time: s.time,
        product: x.product,
        stock: x.stock as number,
        threshold: input.stockLow,
      })),
  );
}

/** The streams whose rehearsal is today: those `rehearsalDays` ahead. */
export function rehearsalsDue(input: BriefInput) {
  const rehearsalFor = format(addDays(parseISO(input.date), input.rehearsalDays), 'yyyy-MM-dd');
  return input.streams
    .filter((s) => s.date === rehearsalFor)
    .map((s) => ({
      streamDate: s.date,
      time: s.time,
      account: s.account,
      anchor: s.anchor,
      assistant: s.assistant,
      theme: s.theme,
    }));
}

/** A stream's figures for an account's recent UV value (from a stream list or the history). */
export interface UvValueStream {
  account: string | null;
  start: string | null;
  gmv: number | null;
  uv: number | null;
}

/** Per account, the median UV value of its last 7 streams before `date`: the traffic a target needs. */
export function recentUvValues(streams: UvValueStream[], date: string): Map<string, number> {
  const byAccount = new Map<string, number[]>();
  for (const s of streams
    .filter((x) => x.start && x.start.slice(0, 10) < date)
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))) {
    const v = M.uvValue(s.gmv, s.uv);
    if (v === null || !s.account) continue;
    const list = byAccount.get(s.account) ?? [];
    if (list.length < 7) list.push(v);
    byAccount.set(s.account, list);
  }
  return new Map([...byAccount].map(([a, list]) => [a, M.median(list)!]));
}

/** Streams of the last seven days that ended more than `retroHours` ago and have no retro file. */
export function overdueRetros(input: BriefInput) {
  const nowMs = input.now.getTime();
  return input.streams
    .filter((s) => s.date < input.date && s.date >= format(addDays(parseISO(input.date), -7), 'yyyy-MM-dd'))
    .filter((s) => nowMs - endOf(s) > input.retroHours * 3600_000)
    .filter((s) => !input.retrosDone.has(`${s.account ?? ''}_${s.date}`))
    .map((s) => ({
      date: s.date,
      time: s.time,
      account: s.account,
      endedHoursAgo: Math.floor((nowMs - endOf(s)) / 3600_000),
    }));
}

export function buildBrief(input: BriefInput) {
  const streams = streamsToday(input);
  return {
    date: input.date,
    streams,
    risks: {
      lowStock: lowStock(streams, input),
      rehearsals: rehearsalsDue(input),
      overdueRetros: overdueRetros(input),
      openActions: input.lastRetro ? input.lastRetro.actions : [],
      lastRetro: input.lastRetro?.file ?? null,
      /** The history's items open or overdue now, carried over from earlier streams while not done. */
      items: openItems(input.actionEvents ?? [], input.now.getTime()),
    },
  };
}

/** The brief as facts and counts; what the command prints, with its summary line, is localiseBrief's. */
export type Brief = ReturnType<typeof buildBrief>;
