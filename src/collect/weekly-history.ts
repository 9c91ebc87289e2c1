/**
 * The weekly report's inputs from the history instead of a folder of exports (`retro --weekly
 * --from-history`): the streams of the week and of the months before it (the baselines), the week's
 * product rows summed as each file is read (bounded memory: one file is one stream's products) and
 * the week's channel rows. What an MCN's cron runs over hundreds of accounts' retros.
 */
import type { Context } from '../context.js';
import {
  addImportedStream,
  latestStreams,
  NO_ACCOUNT,
  uniqueStreams,
  type HistoryStream,
  type StreamParts,
} from '../domain/history/records.js';
import type { Stream } from '../model/entities.js';
import { ProductTally } from '../domain/products.js';
import { inRange, type WeekRange } from '../domain/week.js';
import type { ChannelRow, WeeklyStream } from '../domain/weekly/report.js';
import type { HistoryNote } from '../model/history.js';
import { historyFiles, historyRows, recordInHistory } from './history.js';
import { instantCell, numberCell, textCell } from '../domain/history/cells.js';
import { addToMonth } from '../clock.js';

export interface HistoryWeek {
  streams: WeeklyStream[];
  channels: ChannelRow[];
  products: ProductTally;
  /** Product rows read (the week's), and files read, for the summary. */
  productRows: number;
}

/** The months ("2026-11") from `monthsBefore` months before `since` through `until`. */
function monthsOf(since: string, until: string, monthsBefore = 0): string[] {
  const out = [addToMonth(since.slice(0, 7), -monthsBefore)];
  while (out.at(-1)! < until.slice(0, 7)) out.push(addToMonth(out.at(-1)!, 1));
  return out;
}

function weeklyStreamOf(r: HistoryStream): WeeklyStream {
  return {
    account: r.account === NO_ACCOUNT ? null : r.account,
    start: instantCell(r.start_time),
    uv: numberCell(r.uv),
    pv: numberCell(r.pv),
    gmv: numberCell(r.gmv),
    buyers: numberCell(r.buyers),
    orders: numberCell(r.orders),
    avgDwellSeconds: numberCell(r.avg_dwell_s),
    paidSpend: numberCell(r.paid_spend),
    streamId: textCell(r.stream_id),
    title: textCell(r.title),
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
  const inWeek = new Set(
    chosen.filter((r) => inRange(instantCell(r.start_time), week)).map((r) => String(r.stream_key)),
  );
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
        id: textCell(r.product_id),
        name: textCell(r.name),
        exposed: numberCell(r.exposed),
        clickers: numberCell(r.clickers),
        buyers: numberCell(r.buyers),
        orders: null,
        gmv: numberCell(r.gmv),
        itemsSold: numberCell(r.items_sold),
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
          channel: textCell(r.channel) ?? '—',
          uv: numberCell(r.uv),
          pv: numberCell(r.pv),
          gmv: numberCell(r.gmv),
          orders: numberCell(r.orders),
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
  const parts: StreamParts = new Map();
  for (const s of streams)
    if (s.platform && inRange(s.start, week)) addImportedStream(parts, s.platform, s as unknown as Stream);
  for (const { partition, rows } of parts.values()) {
    const unique = uniqueStreams(rows);
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
