import { localiseNegative } from '../../src/i18n/negative.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { NegativeCounter } from '../../src/domain/cs/negative.js';
import { percentile, ResponseAccumulator } from '../../src/domain/cs/response.js';
import { maskBuyer } from '../../src/domain/retro/report.js';

const FIX = join(import.meta.dirname, '../../fixtures');
const E = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'))['consultations.csv'];

describe('first response (cs-response: within 15 s, exactly 15 s is on time)', () => {
  it('15 s is within, 16 s is over', () => {
    const acc = new ResponseAccumulator(15);
    for (const s of [15, 16, 14, null]) acc.add({ seconds: s, time: null, text: null, agent: '客服A', buyer: null });
    const r = acc.result();
    expect(r).toMatchObject({
      consultations: 4,
      answered: 3,
      unanswered: 1,
      overLine: 1,
      medianSeconds: 15,
      maxSeconds: 16,
    });
    expect(r.overLineShare).toBeCloseTo(1 / 3, 12);
  });

  it('percentiles interpolate: p90 of 1…10 is 9.1, median of 1…4 is 2.5', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('on the consultations fixture: hand-computed counts, mean, max and the slowest', () => {
    const rows = parse(readFileSync(join(FIX, 'consultations.csv')), { columns: true }) as Array<
      Record<string, string>
    >;
    const acc = new ResponseAccumulator(15, 3);
    for (const r of rows) {
      const v = r['首次响应时长(秒)']!;
      acc.add({
        seconds: v === '-' || v === '' ? null : Number(v),
        time: r['咨询时间']!,
        text: r['咨询内容']!,
        agent: r['客服']!,
        buyer: r['买家昵称']!,
      });
    }
    const s = acc.result();
    expect([s.answered, s.unanswered, s.overLine, s.answered - s.overLine]).toEqual([
      E.response.answered,
      E.response.unanswered,
      E.response.over15,
      E.response.within15,
    ]);
    expect(s.meanSeconds).toBeCloseTo(E.response.meanSeconds, 5);
    expect(s.maxSeconds).toBe(E.response.maxSeconds);
    expect(s.slowest).toHaveLength(3);
    expect(s.slowest[0]!.seconds).toBe(74);
    const sorted = rows
      .map((r) => r['首次响应时长(秒)']!)
      .filter((v) => v !== '-' && v !== '')
      .map(Number)
      .sort((a, b) => a - b);
    expect(s.medianSeconds).toBe(sorted[59]); // 119 values: the 60th
  });
});

describe('negative comments (舆情)', () => {
  it('counts per topic on the fixture, once per message per topic, with the prepared reply', () => {
    const rows = parse(readFileSync(join(FIX, 'cs', 'comments-negative.csv')), { columns: true }) as Array<
      Record<string, string>
    >;
    const c = new NegativeCounter();
    for (const r of rows) c.add(r['评论内容']!);
    const r = c.result();
    const worded = localiseNegative(r, 'zh')!;
    // 质量: 起球, 开胶/质量不好 · 假货: 假货 · 发货: 还没发货, 物流太慢/快递慢 · 退款: 退款…投诉 — "什么时候发货" is a question, not a complaint.
    expect(r.topics.map((t) => [t.topic, t.count])).toEqual([
      ['发货', 2],
      ['质量', 2],
      ['假货', 1],
      ['退款', 1],
    ]);
    expect([r.messages, r.negative]).toEqual([20, 6]);
    expect(r.share).toBeCloseTo(0.3, 12);
    expect(worded.topics.find((t) => t.topic === '假货')).toMatchObject({ owner: 'ops', label: '假货质疑' });
    expect(worded.topics[0]!.reply).toMatch(/订单号/);
  });

  it('the team can add words and topics', () => {
    const c = new NegativeCounter({ 质量: ['缩水'], 客服态度: ['客服不理人'] });
    for (const t of ['洗了就缩水', '客服不理人', '很好']) c.add(t);
    expect(c.result().topics.map((t) => [t.topic, t.count])).toEqual([
      ['客服态度', 1],
      ['质量', 1],
    ]);
  });
});

describe('buyer masking for files that go to chat groups', () => {
  it.each([
    ['周周', '周*'],
    ['登山的阿明', '登***'],
    ['buyer1234567', 'bu****67'],
    ['13812345678', '138****5678'],
    ['186****0595', '186****0595'],
    [null, null],
  ])('%s → %s', (raw, masked) => expect(maskBuyer(raw)).toBe(masked));
});
