/**
 * Aggregates an orders export row by row (a big stream has hundreds of thousands of lines): keeps
 * counts and sets of IDs, never the rows. Lines of one order (子订单) carry their own amounts.
 */
import type { Cell, OrdersSummary } from './input.js';

const UNPAID = /待支付|未支付|待付款|未付款|已取消|交易关闭/;
const REFUNDED = /退款成功|已退款|退货退款/;

export class OrdersAccumulator {
  private paid = new Set<string>();
  private unpaid = new Set<string>();
  private buyers = new Set<string>();
  private anyBuyer = false;
  private gmv = 0;
  private refund = 0;
  private items = 0;
  private first: string | null = null;
  private last: string | null = null;

  add(v: Record<string, Cell>): void {
    const id = typeof v.orderId === 'string' ? v.orderId : null;
    if (!id) return;
    const status = typeof v.orderStatus === 'string' ? v.orderStatus : '';
    const isPaid = !UNPAID.test(status) && (v.payTime !== null && v.payTime !== undefined ? true : status !== '');
    const amount = typeof v.paidAmount === 'number' ? v.paidAmount : typeof v.orderAmount === 'number' ? v.orderAmount : typeof v.gmv === 'number' ? v.gmv : 0;
    const when = typeof v.orderTime === 'string' ? v.orderTime : null;
    if (when) {
      if (this.first === null || when < this.first) this.first = when;
      if (this.last === null || when > this.last) this.last = when;
    }
    if (!isPaid) {
      this.unpaid.add(id);
      return;
    }
    this.paid.add(id);
    this.gmv += amount;
    if (REFUNDED.test(status)) this.refund += amount;
    this.items += typeof v.quantity === 'number' ? v.quantity : 0;
    const buyer = typeof v.userId === 'string' ? v.userId : typeof v.nickname === 'string' ? v.nickname : null;
    if (buyer !== null) {
      this.anyBuyer = true;
      this.buyers.add(buyer);
    }
  }

  result(): OrdersSummary {
    // An order with a paid line is paid, even if another of its lines is not.
    for (const id of this.paid) this.unpaid.delete(id);
    return {
      paidOrders: this.paid.size,
      unpaidOrders: this.unpaid.size,
      gmv: Math.round(this.gmv * 100) / 100,
      buyers: this.anyBuyer ? this.buyers.size : null,
      refundAmount: Math.round(this.refund * 100) / 100,
      itemsSold: this.items,
      first: this.first,
      last: this.last,
    };
  }
}
