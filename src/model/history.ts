/**
 * The history's tables: what every recorded run leaves behind, as data. One schema for liveops's
 * own reader, the README's documentation and any engine that loads the Parquet files (DuckDB,
 * Spark, Trino): a table is a folder, partitioned `platform=…/account=…/month=…` (Hive style);
 * partition values are not stored inside the files.
 */

/** A column's type in the Parquet files: double for every number (counts included), timestamps as UTC instants. */
export type HistoryColumnType = 'string' | 'double' | 'boolean' | 'timestamp' | 'json';

export interface HistoryColumn {
  name: string;
  type: HistoryColumnType;
  doc: string;
}

/** The partition keys, in folder order. */
export const PARTITION_KEYS = ['platform', 'account', 'month'] as const;
export type HistoryPartition = Record<(typeof PARTITION_KEYS)[number], string>;

/** The account of team-wide records (a select over every account's exports, a KPI month). */
export const ALL_ACCOUNTS = '_all';

const c = (name: string, type: HistoryColumnType, doc: string): HistoryColumn => ({ name, type, doc });

/** Columns every table starts with: the run that wrote the row and the record it belongs to. */
const RUN_COLUMNS: HistoryColumn[] = [
  c(
    'run_id',
    'string',
    'the run that wrote the row: "<ms when written>-<8 hex>", sorts in the order runs were written',
  ),
  c('record_key', 'string', 'what the run records; a later run with the same key replaces it'),
];

const STREAM_KEY = c('stream_key', 'string', 'platform|account|stream id, or start minute when the export has no id');

export const HISTORY_TABLES = {
  runs: [
    ...RUN_COLUMNS,
    c('command', 'string', 'retro, weekly, select, schedule, kpi, import, actions'),
    c('recorded_at', 'timestamp', 'when the run was recorded'),
    c('version', 'string', 'liveops version'),
    c('inputs', 'json', 'the input files, as given'),
  ],
  streams: [
    ...RUN_COLUMNS,
    STREAM_KEY,
    c('source', 'string', 'retro (computed from one stream’s exports) or import (a stream list row)'),
    c('stream_id', 'string', 'the platform’s id of the stream, when the export has one'),
    c('title', 'string', 'stream title'),
    c('start_time', 'timestamp', 'start'),
    c('end_time', 'timestamp', 'end'),
    c('date', 'string', 'start date in Beijing, YYYY-MM-DD'),
    c('week', 'string', 'ISO week of the start in Beijing, YYYY-Www'),
    c('duration_s', 'double', 'duration in seconds'),
    c('gmv', 'double', 'GMV in yuan (the export’s own field, see gmv_field)'),
    c('gmv_field', 'string', 'the export’s name for GMV (成交金额, 用户支付金额…)'),
    c('orders', 'double', 'paid orders'),
    c('buyers', 'double', 'buyers'),
    c('items_sold', 'double', 'items sold (product rows only)'),
    c('uv', 'double', 'unique viewers'),
    c('pv', 'double', 'views'),
    c('avg_dwell_s', 'double', 'average dwell per viewer, seconds'),
    c('product_exposed', 'double', 'people shown a product'),
    c('product_clickers', 'double', 'people who clicked a product'),
    c('refund_amount', 'double', 'refunds in yuan'),
    c('paid_spend', 'double', 'paid-traffic spend in yuan'),
    c('new_followers', 'double', 'new followers'),
    c('new_fan_club', 'double', 'new fan-club (直播团) members'),
    c('peak_online', 'double', 'peak concurrent viewers'),
    c('view_to_order_rate', 'double', 'stated buyers ÷ viewers, when buyers are not given'),
    c('anchor', 'string', 'who anchored it, from the schedule, when known'),
  ],
  products: [
    ...RUN_COLUMNS,
    STREAM_KEY,
    c('date', 'string', 'stream date in Beijing'),
    c('week', 'string', 'ISO week of the stream'),
    c('product_id', 'string', 'product id'),
    c('name', 'string', 'product name'),
    c('gmv', 'double', 'GMV in yuan'),
    c('items_sold', 'double', 'items sold'),
    c('buyers', 'double', 'buyers'),
    c('exposed', 'double', 'people shown the product (derived from a stated rate where the export has no count)'),
    c('clickers', 'double', 'people who clicked it'),
  ],
  channels: [
    ...RUN_COLUMNS,
    STREAM_KEY,
    c('date', 'string', 'stream date in Beijing'),
    c('channel', 'string', 'traffic channel'),
    c('paid', 'boolean', 'a paid channel'),
    c('uv', 'double', 'viewers'),
    c('pv', 'double', 'views'),
    c('gmv', 'double', 'GMV in yuan'),
    c('orders', 'double', 'orders'),
  ],
  alerts: [
    ...RUN_COLUMNS,
    STREAM_KEY,
    c('date', 'string', 'stream date in Beijing'),
    c('rule', 'string', 'rule id'),
    c('severity', 'string', 'severity'),
    c('owner', 'string', 'role that acts'),
    c('subject', 'string', 'stream, product:<id or name>, cs, sentiment'),
    c('value', 'double', 'the figure'),
    c('threshold', 'double', 'the rule’s line'),
  ],
  actions: [
    ...RUN_COLUMNS,
    c('action_id', 'string', 'stable id: the same point found again is the same item'),
    c('event', 'string', 'found (a retro listed it) or done (liveops actions done)'),
    c('at', 'timestamp', 'when: the stream’s end for found, the run for done'),
    STREAM_KEY,
    c('owner', 'string', 'role that acts'),
    c('person', 'string', 'the person in that role for the stream, when the schedule says'),
    c('rule', 'string', 'rule id, when a rule fired'),
    c('subject', 'string', 'what the item is about'),
    c('what', 'string', 'the item, as the retro words it'),
    c('action', 'string', 'what to do'),
    c('due', 'timestamp', 'due by'),
    c('lang', 'string', 'language of what/action'),
  ],
  eliminations: [
    ...RUN_COLUMNS,
    c('week', 'string', 'the week the selection is for'),
    c('product_id', 'string', 'product id'),
    c('name', 'string', 'product name'),
    c('rules', 'string', 'rule ids that put it on the list, comma separated'),
    c('click_rate', 'double', 'weekly click rate'),
    c('conversion_rate', 'double', 'weekly conversion'),
    c('streams', 'double', 'streams it was shown in'),
  ],
  planned: [
    ...RUN_COLUMNS,
    c('date', 'string', 'stream date'),
    c('start_time', 'timestamp', 'planned start'),
    c('slot', 'string', 'time slot as planned'),
    c('anchor', 'string', 'anchor'),
    c('assistant', 'string', 'assistant'),
    c('type', 'string', 'stream type'),
    c('theme', 'string', 'theme'),
    c('products', 'json', 'product names planned, in order'),
    c('gmv_target', 'double', 'GMV target in yuan'),
    c('rehearsal', 'string', 'rehearsal date'),
  ],
  scores: [
    ...RUN_COLUMNS,
    c('person', 'string', 'who'),
    c('role', 'string', 'role'),
    c('score', 'double', 'weighted score'),
    c('bonus', 'double', 'incentive in yuan'),
    c('figures', 'json', 'the figures scored, with where each came from'),
  ],
} satisfies Record<string, HistoryColumn[]>;

export type HistoryTable = keyof typeof HISTORY_TABLES;

/** A row as written and read: column name → value (null: not known). */
export type HistoryRow = Record<string, string | number | boolean | Date | null | unknown[] | object>;

/** One table's rows of one partition, as a run writes them. */
export interface HistoryPart {
  table: HistoryTable;
  partition: HistoryPartition;
  rows: HistoryRow[];
}

/** A file the history's reader skipped, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** What a run did with the history: in every command's `--json` as `history`, and one summary line. */
export interface HistoryNote {
  /** The history's folder, as shown (relative to the working folder when inside it). */
  dir: string;
  /** Files written by this run; 0 when it recorded nothing. */
  recorded: number;
  /** Files of an earlier run of the same record (the same stream retro'd again) that this one replaced. */
  replaced: number;
  /** What the run read from it (e.g. "baseline: 7 streams"). */
  used: string[];
  /** Files skipped when reading, and why (a damaged file is reported, never a crash). */
  skipped: SkippedFile[];
  /** The write failed: the message (the report itself was written); the command exits 4. */
  error: string | null;
}
