import { describe, expect, it } from 'vitest';
import { buildBrief, type BriefStream } from '../../src/domain/brief.js';
import { localiseBrief } from '../../src/i18n/brief.js';

const stream = (
  date: string,
  time: string,
  account: string,
  products: string[] = [],
  extra: Partial<BriefStream> = {},
): BriefStream => ({
  date,
  time,
  account,
  anchor: '小林',
  assistant: '小周',
  type: '日常场',
  theme: null,
  gmvTarget: 60000,
  products,
  ...extra,
});

const STREAMS = [
  stream('2026-12-01', '20:00-23:00', '山野户外旗舰店'), // retro written
  stream('2026-12-02', '20:00-23:00', '山野户外旗舰店'), // ended 2026-12-02 23:00: 34 h before 09:00 on the 4th → overdue
  stream('2026-12-03', '20:00-23:00', '山野户外旗舰店'), // ended 10 h ago: not yet overdue (24 h)
  stream('2026-12-04', '20:00-23:00', '山野户外旗舰店', ['速干徒步裤', '加厚摇粒绒抓绒衣', '保温杯'], {
    theme: '双12预热',
  }),
  stream('2026-12-04', '19:30-22:30', '小鹿美妆官方', ['面膜'], { anchor: '莉莉' }),
  stream('2026-12-06', '19:30-22:30', '小鹿美妆官方', [], { anchor: '莉莉' }), // rehearsal due on the 4th
];

function brief(extra: Partial<Parameters<typeof buildBrief>[0]> = {}) {
  const built = buildBrief({
    date: '2026-12-04',
    now: new Date('2026-12-04T01:00:00Z'), // 09:00 in Beijing
    streams: STREAMS,
    stock: new Map([
      ['速干徒步裤', 520],
      ['加厚摇粒绒抓绒衣', 12],
      ['保温杯', 50],
      ['面膜', 49],
    ]),
    stockLow: 50,
    rehearsalDays: 2,
    retroHours: 24,
    retrosDone: new Set(['山野户外旗舰店_2026-12-01']),
    lastRetro: {
      file: '复盘_山野户外旗舰店_2026-12-01.xlsx',
      actions: [{ no: 1, owner: '主播', action: '延长讲解', evidence: '点击率 8%' }],
    },
    uvValueByAccount: new Map([['山野户外旗舰店', 20]]),
    ...extra,
  });
  return localiseBrief(built, 'zh');
}

describe('the morning brief', () => {
  const b = brief();

  it("lists today's streams in time order with targets and people", () => {
    expect(b.streams.map((s) => [s.time, s.account, s.anchor])).toEqual([
      ['19:30-22:30', '小鹿美妆官方', '莉莉'],
      ['20:00-23:00', '山野户外旗舰店', '小林'],
    ]);
    // ¥60,000 at the account's recent UV value of ¥20 needs 3,000 viewers; no UV value known → null.
    expect(b.streams.map((s) => s.uvTarget)).toEqual([null, 3000]);
  });

  it("flags products in today's plan below the stock line (49 yes, 50 no)", () => {
    expect(b.risks.lowStock.map((x) => [x.product, x.stock])).toEqual([
      ['面膜', 49],
      ['加厚摇粒绒抓绒衣', 12],
    ]);
  });

  it('rehearsals due today: streams two days ahead', () => {
    expect(b.risks.rehearsals.map((x) => [x.streamDate, x.account])).toEqual([['2026-12-06', '小鹿美妆官方']]);
  });

  it('retros overdue: ended more than 24 h ago and no retro file', () => {
    expect(b.risks.overdueRetros).toEqual([
      { date: '2026-12-02', time: '20:00-23:00', account: '山野户外旗舰店', endedHoursAgo: 34 },
    ]);
    // At 22:59 on the 3rd the stream of the 2nd is 23 h 59 min old: not yet overdue.
    expect(brief({ date: '2026-12-03', now: new Date('2026-12-03T14:59:00Z') }).risks.overdueRetros).toEqual([]);
    expect(
      brief({ date: '2026-12-03', now: new Date('2026-12-03T15:01:00Z') }).risks.overdueRetros.map((x) => x.date),
    ).toEqual(['2026-12-02']);
  });

  it('carries the open items of the last retro', () => {
    expect(b.risks.openActions).toEqual([{ no: 1, owner: '主播', action: '延长讲解', evidence: '点击率 8%' }]);
    expect(b.summary).toBe('今天 2 场直播；库存预警 2 个；今日彩排 1 场；复盘逾期 1 场；上场改进项 1 条');
  });
});
