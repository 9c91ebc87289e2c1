/**
 * The weekly report's inputs from the history instead of a folder of exports (`retro --weekly
 * --from-history`): the streams of the week and of the months before it (the baselines), the week's
 * product rows summed as each file is read (bounded memory: one file is one stream's products) and
 * the week's channel rows. What an MCN's cron runs over hundreds of accounts' retros.
 */
import type { Context } from '../context.js';
import {
  importedStreamRow,
  latestStreams,
  NO_ACCOUNT,
  partitionOf,
  type HistoryStream,
} from '../domain/history/records.js';
import type { Stream } from '../model/entities.js';
import { ProductTally } from '../domain/products.js';
import { inRange, type WeekRange } from '../domain/week.js';
import type { ChannelRow, WeeklyStream } from '../domain/weekly/report.js';
import { shanghaiIso } from '../clock.js';
import type { HistoryNote, HistoryPartition, HistoryRow } from '../model/history.js';
import { historyFiles, historyRows, recordInHistory } from './history.js';

export interface HistoryWeek {
  streams: WeeklyStream[];
  channels: ChannelRow[];
  products: ProductTally;
  /** Product rows read (the week's), and files read, for the summary. */
  productRows: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const iso = (v: unknown): string | null => (v instanceof Date ? shanghaiIso(v) : str(v));

/** The months ("2026-11") from `monthsBefore` months before `since` through `until`. */
export function monthsOf(since: string, until: string, monthsBefore = 0): string[] {
  let y = Number(since.slice(0, 4));
  let m = Number(since.slice(5, 7)) - monthsBefore;
  while (m < 1) {
    m += 12;
    y--;
  }
  const out: string[] = [];
  const last = until.slice(0, 7);
  for (;;) {
    const id = `${y}-${String(m).padStart(2, '0')}`;
    out.push(id);
    if (id >= last) return out;
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

function weeklyStreamOf(r: HistoryStream): WeeklyStream {
  return {
    account: r.account === NO_ACCOUNT ? null : r.account,
    start: iso(r.start_time),
    uv: num(r.uv),
    pv: num(r.pv),
    gmv: num(r.gmv),
    buyers: num(r.buyers),
    orders: num(r.orders),
    avgDwellSeconds: num(r.avg_dwell_s),
    paidSpend: num(r.paid_spend),
    streamId: str(r.stream_id),
    title: str(r.title),
    source: `history:${r.account}/${r.month}`,
  };
}

export async function historyWeek(
  ctx: Context,
  note: HistoryNote | null,
  week: WeekRange,
  previous: WeekRange,
  account: string | undefined,
): Promise<HistoryWeek> {
  // Two months before the week: enough earlier streams for every stream's baseline of 7.
  const rows = (await historyRows(ctx, note, 'streams', {
    account,
    months: monthsOf(previous.since, week.until, 2),
  })) as HistoryStream[];
  const chosen = latestStreams(rows);
  const inWeek = new Set(chosen.filter((r) => inRange(iso(r.start_time), week)).map((r) => String(r.stream_key)));
  const products = new ProductTally();
  let productRows = 0;
  const months = monthsOf(week.since, week.until);
  for await (const f of historyFiles(ctx, note, 'products', { account, months })) {
    const key = f.rows[0]?.stream_key;
    if (typeof key !== 'string' || !inWeek.has(key)) continue;
    // One file is one stream's product list: a product in N files was in N streams.
    products.beginTable();
    for (const r of f.rows) {
      products.add({
        id: str(r.product_id),
        name: str(r.name),
        exposed: num(r.exposed),
        clickers: num(r.clickers),
        buyers: num(r.buyers),
        orders: null,
        gmv: num(r.gmv),
        itemsSold: num(r.items_sold),
        refundAmount: null,
        explanations: null,
      });
      productRows++;
    }
  }
  const channels: ChannelRow[] = [];
  for await (const f of historyFiles(ctx, note, 'channels', { account, months }))
    for (const r of f.rows)
      if (typeof r.stream_key === 'string' && inWeek.has(r.stream_key))
        channels.push({
          channel: str(r.channel) ?? '—',
          uv: num(r.uv),
          pv: num(r.pv),
          gmv: num(r.gmv),
          orders: num(r.orders),
          buyers: null,
        });
  return { streams: chosen.map(weeklyStreamOf), channels, products, productRows };
}

/**
 * A weekly report over exports records the week's streams its stream lists gave (as `history
 * import` would, one record per week and partition: the same week again replaces it). A stream also
 * retro'd keeps the retro's figures; one-stream workbooks are recorded by their own retro.
 */
export async function recordWeekStreams(
  ctx: Context,
  note: HistoryNote | null,
  streams: WeeklyStream[],
  week: WeekRange,
  inputs: string[],
  now: Date,
): Promise<void> {
  const parts = new Map<string, { partition: HistoryPartition; rows: HistoryRow[] }>();
  for (const s of streams) {
    if (!s.platform || !inRange(s.start, week)) continue;
    const partition = partitionOf(s.platform, s.account, s.start);
    const k = `${partition.platform}\u0000${partition.account}\u0000${partition.month}`;
    const part = parts.get(k) ?? { partition, rows: [] };
    parts.set(k, part);
    part.rows.push(importedStreamRow(s.platform, s as unknown as Stream));
  }
  for (const { partition, rows } of parts.values()) {
    const unique = [...new Map(rows.map((r) => [String(r.stream_key), r])).values()];
    await recordInHistory(
      ctx,
      note,
      {
        command: 'weekly',
        recordKey: `weekly|${week.id}|${partition.platform}|${partition.account}|${partition.month}`,
        inputs,
        partition,
        parts: [{ table: 'streams', partition, rows: unique }],
      },
      now,
    );
  }
}
