/**
 * The one model between the readers and the domain: what an export's rows are about, typed, with
 * the unit already applied (money in yuan, rates as proportions, durations in seconds). The readers
 * give table records (field id → value); `collect.ts` turns each record into one of these, once.
 * The domain reads these and never a record's loose values.
 */

/** Where a figure was read: the table (sheet or file) and the export's own header text. */
export interface FactSource {
  table: string;
  header: string;
}

/** The identity of a stream and the figures an export states for it (null: not in the export). */
export interface Stream {
  account: string | null;
  /** The platform's own id of the stream (Taobao 场次id) and its title (场次信息, 直播标题). */
  streamId: string | null;
  title: string | null;
  /** Date-times as the reader writes them ("2026-11-26T19:30:00+08:00"). */
  start: string | null;
  end: string | null;
  durationSeconds: number | null;
  uv: number | null;
  pv: number | null;
  gmv: number | null;
  orders: number | null;
  buyers: number | null;
  itemsSold: number | null;
  avgDwellSeconds: number | null;
  productExposed: number | null;
  productClickers: number | null;
  refundAmount: number | null;
  paidSpend: number | null;
  newFollowers: number | null;
  /** New fan-club (直播团 / 粉丝团) members. */
  newFanClub: number | null;
  peakOnline: number | null;
  avgOnline: number | null;
  /** Rates and GPM as the export states them; the domain recomputes them from counts and compares. */
  productClickRate: number | null;
  clickToOrderRate: number | null;
  viewToOrderRate: number | null;
  gpm: number | null;
}

export type StreamKey = keyof Stream;

/** A stream gathered from several summary sheets, each figure with where it was read. */
export interface SourcedStream extends Stream {
  sources: Partial<Record<StreamKey, FactSource>>;
}

/** One row of a traffic-channel table; `total` marks the table's own total row (整体). */
export interface Channel {
  channel: string | null;
  total: boolean;
  uv: number | null;
  pv: number | null;
  gmv: number | null;
  orders: number | null;
  buyers: number | null;
  avgDwellSeconds: number | null;
  paidSpend: number | null;
}

/** How a figure was obtained: counted in the export, or derived from a rate it states. */
export type FigureSource = 'counted' | 'derived';

/**
 * One product's figures from one export row, the same for the retro, the weekly report and
 * `select`. Counts win; a count the export lacks may be derived from a rate it states.
 */
export interface ProductFigures {
  id: string | null;
  name: string | null;
  exposed: number | null;
  clickers: number | null;
  buyers: number | null;
  orders: number | null;
  gmv: number | null;
  itemsSold: number | null;
  refundAmount: number | null;
  explanations: number | null;
  /** Counts derived from a stated rate, by field: `{ exposed: 'derived' }`. */
  sources: Partial<Record<'exposed' | 'clickers' | 'buyers', FigureSource>>;
}

/** A product row of a stream's product list: its figures, and what places it in a stream. */
export interface ProductLine extends ProductFigures {
  /** When it was put on the shelf (首次上架时间): dates the list. */
  listedAt: string | null;
  stock: number | null;
  account: string | null;
}

/** A minute of the stream's trend (分钟数据). */
export interface TrendPoint {
  time: string | null;
  online: number | null;
  entries: number | null;
  leaves: number | null;
  gmv: number | null;
  buyers: number | null;
  comments: number | null;
}

/** A short video that sent viewers to the stream (短视频引流). */
export interface VideoReferral {
  name: string | null;
  published: string | null;
  exposures: number | null;
  referrals: number | null;
  clickRate: number | null;
}

/** One line of an orders export (an order, or one of its sub-orders with its own amount). */
export interface OrderLine {
  orderId: string | null;
  status: string;
  orderTime: string | null;
  payTime: string | null;
  /** Paid amount, else the order amount, else the line's GMV; 0 when none is given. */
  amount: number;
  quantity: number | null;
  productId: string | null;
  productName: string | null;
  userId: string | null;
  nickname: string | null;
  phone: string | null;
  account: string | null;
}

/** A viewer's comment during the stream. */
export interface Comment {
  text: string | null;
  time: string | null;
  nickname: string | null;
  account: string | null;
}

/** A customer-service consultation, with its first response in seconds when known. */
export interface Consultation {
  seconds: number | null;
  time: string | null;
  text: string | null;
  agent: string | null;
  buyer: string | null;
  account?: string | null;
}

/** A product of the selection table (选品表). */
export interface PoolItem {
  row: number;
  file: string;
  id: string | null;
  name: string | null;
  category: string | null;
  role: string | null;
  livePrice: number | null;
  dailyPrice: number | null;
  competitorPrice: number | null;
  commissionRate: number | null;
  stock: number | null;
  supplier: string | null;
  qcReport: boolean | null;
  sevenDayReturns: boolean | null;
  shippingInsurance: boolean | null;
  restockDays: number | null;
  sellingPoints: string | null;
  faq: string | null;
  giveaway: boolean;
}

/** One person's row of the month's KPI sheet. */
export interface KpiRow {
  row: number;
  name: string | null;
  roleText: string | null;
  /** yyyy-mm-dd. */
  hireDate: string | null;
  /** The month's figures by field id (gmv, gmvTarget, trafficGrowth, …); null: not on the row. */
  figures: Record<string, number | null>;
  /** Targets the row sets beside a figure (a 目标 column), by field id. */
  targets: Record<string, number | null>;
}
