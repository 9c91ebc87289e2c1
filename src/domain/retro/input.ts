/**
 * What the retro is computed from: the facts the exports carried, gathered by the command from
 * whatever tables the operator gave (one workbook or several files). Plain data: no I/O here.
 */

import type { Channel, ProductLine, SourcedStream, TrendPoint, VideoReferral } from '../../model/entities.js';
import type { Hotspot } from '../hotspots.js';
import type { Role } from '../rules.js';
import type { NotUsed } from '../../model/not-used.js';

export interface OrdersSummary {
  /** Distinct orders that were paid (have a payment time or a paid status). */
  paidOrders: number;
  unpaidOrders: number;
  /** Sum of the amounts of paid orders (refunded ones included: GMV is before refunds). */
  gmv: number;
  /** Distinct buyers among paid orders, when the export identifies buyers. */
  buyers: number | null;
  refundAmount: number;
  itemsSold: number;
  first: string | null;
  last: string | null;
  /** Orders placed but not paid (待支付), for customer service to follow up. */
  unpaid: UnpaidOrders;
}

export interface UnpaidLine {
  orderId: string;
  time: string | null;
  productId: string | null;
  productName: string | null;
  quantity: number | null;
  amount: number | null;
  buyer: string | null;
  phone: string | null;
}

export interface UnpaidOrders {
  orders: number;
  items: number;
  amount: number;
  byProduct: Array<{
    productId: string | null;
    productName: string | null;
    orders: number;
    items: number;
    amount: number;
  }>;
  lines: UnpaidLine[];
  /** More unpaid lines than were kept. */
  truncated: boolean;
}

export interface BaselineStream {
  account: string | null;
  start: string | null;
  uv: number | null;
  gmv: number | null;
  buyers: number | null;
  /** As stated by the export, used when buyers are not given. */
  viewToOrderRate: number | null;
}

export interface StockItem {
  id: string | null;
  name: string | null;
  stock: number | null;
  giveaway: boolean;
}

/**
 * A hotspot as counted, with who acts on its topic's suggested talk point: null when the dictionary
 * suggests none (a team's own topic, a keyword). The suggestion's words are the localisers'.
 */
export interface HotspotInput extends Hotspot {
  owner: Role | null;
}

export interface HotspotSource {
  source: 'comments' | 'consultations';
  messages: number;
  questions: number;
  hotspots: HotspotInput[];
}

export interface RetroInput {
  platform: string;
  /** The stream as its summary sheets state it, first one found per figure wins (summary sheets before tables). */
  stream: SourcedStream;
  /** Channel rows and the total row (整体), if a channel table was given. */
  channels: Channel[] | null;
  channelTotal: Channel | null;
  channelTable: string | null;
  /** Product summary rows (never SKU child rows) and how many SKU rows were set apart. */
  products: ProductLine[] | null;
  productTable: string | null;
  skuRows: number;
  trend: TrendPoint[] | null;
  videos: VideoReferral[] | null;
  orders: OrdersSummary | null;
  hotspots: HotspotSource[];
  stock: StockItem[];
  /** Earlier streams (any account; the report keeps the stream's own account). */
  baseline: BaselineStream[];
  /** Each table read; `unused` lists its headers no field matched (no figure came from them). */
  inputs: Array<{ file: string; sheet: string | null; kind: string; platform: string; rows: number; unused: string[] }>;
  /** Files left out, and why: dated outside the stream, or optional and unreadable. */
  leftOut?: Array<{ file: string; reason: string }>;
  /** Inputs that gave nothing (empty, header only, no known header, another kind of table), and why. */
  ignored?: NotUsed[];
  /** Rows left out of files that were used, for their date. */
  rowsOutside?: Array<{ file: string; rows: number }>;
  /** Values read as written but unlikely meant so (a rate above 100 %), one line each. */
  readWarnings?: string[];
  /** --account, when the exports do not name the account. */
  account: string | null;
  /** First-response statistics of the consultations, and negative comments/consultations. */
  response: import('../cs/response.js').ResponseStats | null;
  negative: import('../cs/negative.js').NegativeResult | null;
  /** Buyer identifiers are masked in outputs unless the user asks otherwise (--no-mask). */
  mask: boolean;
}
