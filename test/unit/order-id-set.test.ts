/**
 * Orders are counted by distinct order ID (子订单 lines repeat one). The retro keeps the IDs in
 * OrderIdSet (domain/retro/id-set.ts): digits as two numbers, anything else as text. It must count
 * exactly what a set of strings counts.
 */
import { describe, expect, it } from 'vitest';
import { OrderIdSet } from '../../src/domain/retro/id-set.js';

describe('the order-ID set', () => {
  it("counts Douyin's 19-digit IDs exactly, past 2^53 where two IDs would collide as numbers", () => {
    const s = new OrderIdSet();
    // 6934567890123456788 and …789 are the same JS number; they are two orders.
    for (const id of ['6934567890123456788', '6934567890123456789', '6934567890123456789']) s.add(id);
    expect(s.size).toBe(2);
    expect(s.has('6934567890123456788')).toBe(true);
    expect(s.has('6934567890123456787')).toBe(false);
  });

  it('keeps "0123" and "123" apart, and IDs with letters or dashes as text', () => {
    const s = new OrderIdSet();
    for (const id of ['0123', '123', '00123', 'TB-2026-1', 'TB-2026-1', '12345678901234567890']) s.add(id);
    expect(s.size).toBe(5);
    expect(s.has('123')).toBe(true);
    expect(s.has('TB-2026-1')).toBe(true);
    expect(s.has('0000123')).toBe(false);
  });

  it('agrees with a set of strings on 200,000 random IDs of every length (the table grows many times)', () => {
    const s = new OrderIdSet();
    const ref = new Set<string>();
    let seed = 42;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 200_000; i++) {
      const len = 1 + Math.floor(rand() * 19);
      let id = '';
      for (let k = 0; k < len; k++) id += Math.floor(rand() * (k < 3 ? 3 : 10));
      if (rand() < 0.01) id = `X${id}`;
      s.add(id);
      ref.add(id);
    }
    expect(s.size).toBe(ref.size);
    for (const id of [...ref].slice(0, 5000)) expect(s.has(id)).toBe(true);
  });

  it('counts the unpaid orders that have no paid line', () => {
    const paid = new OrderIdSet();
    const unpaid = new OrderIdSet();
    for (const id of ['1001', '1002', 'A-7']) paid.add(id);
    for (const id of ['1002', '1003', '1004', 'A-7', 'A-8']) unpaid.add(id);
    // 1003, 1004 and A-8 were never paid; 1002 and A-7 were, on another line.
    expect(unpaid.countNotIn(paid)).toBe(3);
  });
});
