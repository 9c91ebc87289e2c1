/**
 * Aggregates an orders export row by row (a big stream has hundreds of thousands of lines): keeps
 * counts and sets of IDs, never the rows. Lines of one order (子订单) carry their own amounts.
 */
import type { OrderLine } from '../../model/entities.js';
import { addOwned } from '../owned.js';
import { OrderIdSet } from './id-set.js';
import type { OrdersSummary, UnpaidLine } from './input.js';

const UNPAID = /待支付|未支付|待付款|未付款|已取消|交易关闭/;
/** Still payable: worth a follow-up (a cancelled or closed order is not). */
const PENDING = /待支付|未支付|待付款|未付款/;
const KEEP_LINES = 5000;
const REFUNDED = /退款成功|已退款|退货退款/;

export class OrdersAccumulator {
  private paid = new OrderIdSet();
  private unpaid = new OrderIdSet();
  private buyers = new Set<string>();
  private anyBuyer = false;
  private gmv = 0;
  private refund = 0;
  private items = 0;
  private first: string | null = null;
  private last: string | null = null;
  private pendingIds = new OrderIdSet();
  private pendingItems = 0;
  private pendingAmount = 0;
  private pendingLines: UnpaidLine[] = [];
  private pendingTruncated = false;
  private pendingByProduct = new Map<
    string,
    { productId: string | null; productName: string | null; orders: OrderIdSet; items: number; amount: number }
  >();

  add(o: OrderLine): void {
    const id = o.orderId;
    if (!id) return;
    const status = o.status;
    const isPaid = !UNPAID.test(status) && (o.payTime !== null ? true : status !== '');
    const amount = o.amount;
    const when = o.orderTime;
    if (when) {
      if (this.first === null || when < this.first) this.first = when;
      if (this.last === null || when > this.last) this.last = when;
    }
    if (!isPaid) {
      this.unpaid.add(id);
      if (PENDING.test(status) || (status === '' && o.payTime === null)) this.addPending(id, o);
      return;
    }
    this.paid.add(id);
    this.gmv += amount;
    if (REFUNDED.test(status)) this.refund += amount;
    this.items += o.quantity ?? 0;
    const buyer = o.userId ?? o.nickname;
    if (buyer !== null) {
      this.anyBuyer = true;
      addOwned(this.buyers, buyer);
    }
  }

  private addPending(id: string, o: OrderLine): void {
    const { quantity, amount, productId, productName } = o;
    this.pendingIds.add(id);
    this.pendingItems += quantity ?? 0;
    this.pendingAmount += amount;
    const key = productId ?? productName ?? '—';
    const p = this.pendingByProduct.get(key) ?? {
      productId,
      productName,
      orders: new OrderIdSet(),
      items: 0,
      amount: 0,
    };
    p.orders.add(id);
    p.items += quantity ?? 0;
    p.amount += amount;
    this.pendingByProduct.set(key, p);
    if (this.pendingLines.length >= KEEP_LINES) {
      this.pendingTruncated = true;
      return;
    }
    this.pendingLines.push({
      orderId: id,
      time: o.orderTime,
      productId,
      productName,
      quantity,
      amount,
      buyer: o.nickname ?? o.userId,
      phone: o.phone,
    });
  }

  result(): OrdersSummary {
    return {
      paidOrders: this.paid.size,
      // An order with a paid line is paid, even if another of its lines is not.
      unpaidOrders: this.unpaid.countNotIn(this.paid),
      gmv: Math.round(this.gmv * 100) / 100,
      buyers: this.anyBuyer ? this.buyers.size : null,
      refundAmount: Math.round(this.refund * 100) / 100,
      itemsSold: this.items,
      first: this.first,
      last: this.last,
      unpaid: {
        orders: this.pendingIds.size,
        items: this.pendingItems,
        amount: Math.round(this.pendingAmount * 100) / 100,
        byProduct: [...this.pendingByProduct.values()]
          .map((p) => ({
            productId: p.productId,
            productName: p.productName,
            orders: p.orders.size,
            items: p.items,
            amount: Math.round(p.amount * 100) / 100,
          }))
          .sort((a, b) => b.amount - a.amount),
        lines: this.pendingLines,
        truncated: this.pendingTruncated,
      },
    };
  }
}
