/**
 * The one collector: a table's records become entities (entities.ts), once, the same way for
 * every command. A record's loose values (field id → value) are read here and nowhere else.
 */
import type { Value } from '../io/read/values.js';
import type { RowRole, Table, TableRecord } from '../io/read/tables.js';
import type {
  Channel,
  Comment,
  Consultation,
  FactSource,
  KpiRow,
  OrderLine,
  PoolItem,
  ProductLine,
  SourcedStream,
  Stream,
  StreamKey,
  TrendPoint,
  VideoReferral,
} from './entities.js';

type Values = Record<string, Value>;

// — reading one value: a finite number, a non-empty string, a boolean, else null —
const num = (v: Value | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: Value | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
const bool = (v: Value | undefined): boolean | null => (typeof v === 'boolean' ? v : null);
/** An id: text, or a number the sheet stored as one (an xlsx cell typed as a number). */
const idText = (v: Value | undefined): string | null =>
  str(v) ?? (typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

/** Seconds from one date-time to a later one (a consultation's reply after it); null if either is missing or the order is reversed. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const d = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(d) && d >= 0 ? d : null;
}

/** The field ids a stream's key is read from, first found wins (a start–end range gives start and end). */
const STREAM_FIELDS: Record<StreamKey, readonly string[]> = {
  account: ['account'],
  streamId: ['streamId'],
  title: ['streamTitle'],
  start: ['start', 'streamTime'],
  end: ['end', 'streamTime'],
  durationSeconds: ['duration'],
  uv: ['uv'],
  pv: ['pv'],
  gmv: ['gmv'],
  orders: ['orders'],
  buyers: ['buyers'],
  itemsSold: ['itemsSold'],
  avgDwellSeconds: ['avgDwell'],
  productExposed: ['productExposed'],
  productClickers: ['productClickers'],
  refundAmount: ['refundAmount'],
  paidSpend: ['paidSpend'],
  newFollowers: ['newFollowers'],
  newFanClub: ['newLiveClub'],
  peakOnline: ['peakOnline'],
  avgOnline: ['avgOnline'],
  productClickRate: ['productClickRate'],
  clickToOrderRate: ['clickToOrderRate'],
  viewToOrderRate: ['viewToOrderRate'],
  gpm: ['gpm'],
};
const STREAM_KEYS = Object.keys(STREAM_FIELDS) as StreamKey[];

/** A stream as one record describes it (a stream list's row, or one record of a summary sheet). */
export function streamOf(v: Values): Stream {
  const range = v.streamTime && typeof v.streamTime === 'object' ? v.streamTime : null;
  return {
    account: str(v.account),
    streamId: idText(v.streamId),
    title: str(v.streamTitle),
    start: str(v.start) ?? range?.start ?? null,
    end: str(v.end) ?? range?.end ?? null,
    durationSeconds: num(v.duration),
    uv: num(v.uv),
    pv: num(v.pv),
    gmv: num(v.gmv),
    orders: num(v.orders),
    buyers: num(v.buyers),
    itemsSold: num(v.itemsSold),
    avgDwellSeconds: num(v.avgDwell),
    productExposed: num(v.productExposed),
    productClickers: num(v.productClickers),
    refundAmount: num(v.refundAmount),
    paidSpend: num(v.paidSpend),
    newFollowers: num(v.newFollowers),
    newFanClub: num(v.newLiveClub),
    peakOnline: num(v.peakOnline),
    avgOnline: num(v.avgOnline),
    productClickRate: num(v.productClickRate),
    clickToOrderRate: num(v.clickToOrderRate),
    viewToOrderRate: num(v.viewToOrderRate),
    gpm: num(v.gpm),
  };
}

export const emptyStream = (): Stream => streamOf({});

/** The duration from start and end when the export states none. */
function withDuration<S extends Stream>(s: S): S {
  if (s.durationSeconds !== null || !s.start || !s.end) return s;
  const d = (Date.parse(s.end) - Date.parse(s.start)) / 1000;
  return { ...s, durationSeconds: Number.isFinite(d) && d >= 0 ? d : null };
}

/**
 * One stream from several summary sheets (Compass's 基本信息, 整体看板, 流量转化…): the first sheet that
 * gives a figure wins, and the figure keeps where it was read.
 */
export class StreamFacts {
  private readonly s: Stream = emptyStream();
  private readonly sources: Partial<Record<StreamKey, FactSource>> = {};

  /** `header(field)`: the export's header of a field id in the table the stream was read from. */
  add(s: Stream, table: string, header: (field: string) => string | undefined): void {
    for (const k of STREAM_KEYS) {
      const value = s[k];
      if (value === null || this.s[k] !== null) continue;
      (this.s as unknown as Record<StreamKey, unknown>)[k] = value;
      const field = STREAM_FIELDS[k].find((f) => header(f) !== undefined) ?? STREAM_FIELDS[k][0]!;
      this.sources[k] = { table, header: header(field) ?? field };
    }
  }

  get empty(): boolean {
    return STREAM_KEYS.every((k) => this.s[k] === null);
  }

  stream(): SourcedStream {
    return withDuration({ ...this.s, sources: { ...this.sources } });
  }
}

export function channelOf(v: Values, total: boolean): Channel {
  return {
    channel: str(v.channel),
    total,
    uv: num(v.uv),
    pv: num(v.pv),
    gmv: num(v.gmv),
    orders: num(v.orders),
    buyers: num(v.buyers),
    avgDwellSeconds: num(v.avgDwell),
    paidSpend: num(v.paidSpend),
  };
}

/**
 * A product row. Counts win; where an export states a rate but lacks a count (Compass's live
 * product list gives 商品点击人数 with 商品曝光-点击率（人数） and 商品点击-成交转化率（人数）, no exposure or
 * buyer counts), the missing count is derived from the stated rate and said so:
 *   exposed = clickers ÷ stated click rate,  buyers = clickers × stated conversion.
 * Derived counts are kept unrounded, so the rate recomputed from them is the stated rate exactly
 * (a product stated at 3.00 % is not below a 3 % rule).
 */
export function productOf(v: Values): ProductLine {
  let exposed = num(v.productExposed);
  let clickers = num(v.productClickers);
  let buyers = num(v.buyers);
  // A stated rate above 100 % is not one (a bare 8.5 meant as 8.5 %, said by the reader): nothing is derived from it.
  const proportion = (x: number | null) => (x !== null && x >= 0 && x <= 1 ? x : null);
  const clickRate = proportion(num(v.productClickRate));
  const conversion = proportion(num(v.clickToOrderRate));
  const sources: ProductLine['sources'] = {};
  if (exposed === null && clickers !== null && clickRate !== null && clickRate > 0) {
    exposed = clickers / clickRate;
    sources.exposed = 'derived';
  }
  if (clickers === null && exposed !== null && clickRate !== null) {
    clickers = exposed * clickRate;
    sources.clickers = 'derived';
  }
  if (buyers === null && clickers !== null && conversion !== null) {
    buyers = clickers * conversion;
    sources.buyers = 'derived';
  }
  return {
    id: idText(v.productId),
    name: str(v.productName),
    exposed,
    clickers,
    buyers,
    orders: num(v.orders),
    gmv: num(v.gmv),
    itemsSold: num(v.itemsSold),
    refundAmount: num(v.refundAmount),
    explanations: num(v.explanations),
    sources,
    listedAt: str(v.listedAt),
    stock: num(v.stock),
    account: str(v.account),
  };
}

export const trendPointOf = (v: Values): TrendPoint => ({
  time: str(v.time),
  online: num(v.online),
  entries: num(v.entries),
  leaves: num(v.leaves),
  gmv: num(v.gmv),
  buyers: num(v.buyers),
  comments: num(v.comments),
});

export const videoOf = (v: Values): VideoReferral => ({
  name: str(v.videoName),
  published: str(v.videoPublishTime),
  exposures: num(v.videoEntryExposures),
  referrals: num(v.videoReferrals),
  clickRate: num(v.videoEntryClickRate),
});

export function orderLineOf(v: Values): OrderLine {
  return {
    orderId: str(v.orderId),
    status: str(v.orderStatus) ?? '',
    orderTime: str(v.orderTime),
    payTime: str(v.payTime),
    amount: num(v.paidAmount) ?? num(v.orderAmount) ?? num(v.gmv) ?? 0,
    quantity: num(v.quantity),
    productId: str(v.productId),
    productName: str(v.productName),
    userId: str(v.userId),
    nickname: str(v.nickname),
    phone: str(v.phone),
    account: str(v.account),
  };
}

export const commentOf = (v: Values): Comment => ({
  text: str(v.commentText),
  time: str(v.commentTime),
  nickname: str(v.nickname),
  account: str(v.account),
});

/** A consultation; its first response is stated in seconds, or the time between consult and first reply. */
export function consultationOf(v: Values): Consultation {
  const time = str(v.consultTime);
  return {
    seconds: num(v.firstResponse) ?? secondsBetween(time, str(v.firstReplyTime)),
    time,
    text: str(v.consultText),
    agent: str(v.agent),
    buyer: str(v.nickname),
    account: str(v.account),
  };
}

export function poolItemOf(file: string, row: number, v: Values): PoolItem {
  return {
    row,
    file,
    id: str(v.productId),
    name: str(v.productName),
    category: str(v.category),
    role: str(v.productRole),
    livePrice: num(v.price),
    dailyPrice: num(v.dailyPrice),
    competitorPrice: num(v.competitorPrice),
    commissionRate: num(v.commissionRate),
    stock: num(v.stock),
    supplier: str(v.supplier),
    qcReport: bool(v.qcReport),
    sevenDayReturns: bool(v.sevenDayReturns),
    shippingInsurance: bool(v.shippingInsurance),
    restockDays: num(v.restockDays),
    sellingPoints: str(v.sellingPoints),
    faq: str(v.faq),
    giveaway: v.giveaway === true,
  };
}

/** A KPI sheet's row; `fields`: the figure fields the month's KPI reads. */
export function kpiRowOf(r: TableRecord, fields: readonly string[]): KpiRow {
  const v = r.values;
  const figures: Record<string, number | null> = {};
  for (const f of fields) figures[f] = num(v[f]);
  const targets: Record<string, number | null> = {};
  for (const [f, tv] of Object.entries(r.targets ?? {})) targets[f] = num(tv);
  const hire = str(v.hireDate);
  // Names and roles typed by hand carry stray spaces (" 王磊").
  const trimmed = (x: Value | undefined) => str(typeof x === 'string' ? x.trim() : x);
  return {
    row: r.row,
    name: trimmed(v.personName),
    roleText: trimmed(v.staffRole),
    hireDate: hire ? hire.slice(0, 10) : null,
    figures,
    targets,
  };
}

/** Where an entity was read: its table, its row, and what the reader made of the row. */
export interface At {
  table: Table;
  row: number;
  role: RowRole;
}

/**
 * What a command does with each entity of a table. A handler left out means the command has no
 * use for that entity (its rows are still read and counted).
 */
export interface EntitySink {
  /** A stream summary's record (one of the facts about this stream). */
  summary?(s: Stream, at: At): void;
  /** A stream list's row (one stream of many). */
  stream?(s: Stream, at: At): void;
  channel?(c: Channel, at: At): void;
  product?(p: ProductLine, at: At): void;
  /** Compass: SKU child rows repeat their product's figures per variant; totals use products only. */
  sku?(at: At): void;
  trendPoint?(p: TrendPoint, at: At): void;
  video?(v: VideoReferral, at: At): void;
  orderLine?(o: OrderLine, at: At): void;
  poolItem?(p: PoolItem, at: At): void;
  comment?(c: Comment, at: At): void;
  consultation?(c: Consultation, at: At): void;
  kpiRow?(k: KpiRow, at: At): void;
  /** The product a record names, in a table of any kind (a script's products are checked against every list). */
  productName?(name: string, at: At): void;
  /** Called on every record read (progress). */
  tick?(rows: number): void;
}

/** Table kinds the collector makes entities of. */
export const ENTITY_KINDS = new Set<string>([
  'stream-summary',
  'stream-list',
  'channels',
  'products',
  'minute-trend',
  'short-video',
  'orders',
  'selection',
  'comments',
  'consultations',
  'kpi',
]);

/**
 * Read a table whole and give each of its records, as an entity, to the sink. Returns the number
 * of records read, or null for a kind no entity is made of (the table is not read). `file`: the
 * file as the user named it, for the pool items that keep it.
 */
export async function collect(
  t: Table,
  sink: EntitySink,
  opts: { kpiFields?: readonly string[]; file?: string } = {},
): Promise<number | null> {
  if (!ENTITY_KINDS.has(t.kind) && !sink.productName) return null;
  let rows = 0;
  for await (const batch of t.batches())
    for (const r of batch) {
      rows++;
      sink.tick?.(rows);
      const at: At = { table: t, row: r.row, role: r.role };
      const v = r.values;
      if (sink.productName) {
        const name = typeof v.productName === 'string' ? v.productName.trim() : '';
        if (name !== '') sink.productName(name, at);
      }
      switch (t.kind) {
        case 'stream-summary':
          sink.summary?.(streamOf(v), at);
          break;
        case 'stream-list':
          if (r.role === 'data') sink.stream?.(streamOf(v), at);
          break;
        case 'channels':
          sink.channel?.(channelOf(v, r.role === 'total'), at);
          break;
        case 'products':
          if (r.role === 'sku') sink.sku?.(at);
          else if (r.role === 'data') sink.product?.(productOf(v), at);
          break;
        case 'minute-trend':
          sink.trendPoint?.(trendPointOf(v), at);
          break;
        case 'short-video':
          sink.video?.(videoOf(v), at);
          break;
        case 'orders':
          sink.orderLine?.(orderLineOf(v), at);
          break;
        case 'selection':
          if (r.role === 'data') sink.poolItem?.(poolItemOf(opts.file ?? t.file, r.row, v), at);
          break;
        case 'comments':
          sink.comment?.(commentOf(v), at);
          break;
        case 'consultations':
          sink.consultation?.(consultationOf(v), at);
          break;
        case 'kpi':
          if (r.role === 'data') sink.kpiRow?.(kpiRowOf(r, opts.kpiFields ?? []), at);
          break;
      }
    }
  return rows;
}

/** The export's header of a field id in a table (undefined when the table has no such column). */
export function headerIn(t: Table): (field: string) => string | undefined {
  const byField = new Map<string, string>();
  for (const c of t.columns)
    if (c.field && c.role !== 'target' && !byField.has(c.field)) byField.set(c.field, c.header);
  return (field) => byField.get(field);
}
