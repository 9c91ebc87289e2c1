/**
 * The morning brief's stages on a small hand-made week: today's streams and their traffic
 * targets, low stock in today's plan, rehearsals due, retros overdue — and the summary line's words.
 */
import { describe, expect, it } from 'vitest';
import {
  buildBrief,
  lowStock,
  overdueRetros,
  rehearsalsDue,
  streamsToday,
  type BriefInput,
  type BriefStream,
} from '../../src/domain/brief.js';
import { localiseBrief } from '../../src/i18n/brief.js';

const stream = (date: string, time: string, account: string | null, extra: Partial<BriefStream> = {}): BriefStream => ({
  date,
  time,
  account,
  anchor: '小林',
  assistant: '小周',
  type: '日常场',
  theme: null,
  gmvTarget: 10_000,
  products: [],
  ...extra,
});

function input(streams: BriefStream[], extra: Partial<BriefInput> = {}): BriefInput {
  return {
    date: '2027-02-10',
    now: new Date('2027-02-10T01:00:00Z'), // 09:00 in Beijing
    streams,
    stock: new Map(),
    stockLow: 50,
    rehearsalDays: 2,
    retroHours: 24,
    retrosDone: new Set(),
    lastRetro: null,
    uvValueByAccount: new Map(),
    ...extra,
  };
}

describe("streamsToday: today's streams and the viewers their targets need", () => {
  it('only today, in time order', () => {
    const today = streamsToday(
      input([
        stream('2027-02-10', '20:00-22:00', '山野'),
        stream('2027-02-11', '19:00-21:00', '山野'),
        stream('2027-02-10', '19:30-21:30', '小鹿'),
      ]),
    );
    expect(today.map((s) => [s.time, s.account])).toEqual([
      ['19:30-21:30', '小鹿'],
      ['20:00-22:00', '山野'],
    ]);
  });

  it('¥10,000 at a recent UV value of ¥3 needs 3,334 viewers (rounded up); no UV value or no target, no viewer target', () => {
    const today = streamsToday(
      input(
        [
          stream('2027-02-10', '18:00-20:00', '山野'),
          stream('2027-02-10', '20:00-22:00', '小鹿'),
          stream('2027-02-10', '22:00-23:00', '山野', { gmvTarget: null }),
        ],
        {
          uvValueByAccount: new Map([['山野', 3]]),
        },
      ),
    );
    expect(today.map((s) => [s.uvTarget, s.recentUvValue])).toEqual([
      [3334, 3],
      [null, null],
      [null, 3],
    ]);
  });
});

describe('lowStock: products of today below the stock line', () => {
  it('49 under a line of 50 is a risk, 50 is not, an unknown stock is not', () => {
    const today = [stream('2027-02-10', '20:00-22:00', '山野', { products: ['冲锋衣', '速干裤', '保温杯'] })];
    const risks = lowStock(
      today,
      input(today, {
        stock: new Map([
          ['冲锋衣', 49],
          ['速干裤', 50],
        ]),
      }),
    );
    expect(risks).toEqual([{ account: '山野', time: '20:00-22:00', product: '冲锋衣', stock: 49, threshold: 50 }]);
  });
});

describe('rehearsalsDue: streams whose rehearsal is today', () => {
  it('two days ahead: on the 10th, the streams of the 12th', () => {
    const due = rehearsalsDue(
      input([
        stream('2027-02-11', '20:00-22:00', '山野'),
        stream('2027-02-12', '19:00-21:00', '小鹿', { theme: '开学季' }),
      ]),
    );
    expect(due).toEqual([
      {
        streamDate: '2027-02-12',
        time: '19:00-21:00',
        account: '小鹿',
        anchor: '小林',
        assistant: '小周',
        theme: '开学季',
      },
    ]);
  });
});

describe('overdueRetros: ended more than 24 h ago, no retro file, within the last week', () => {
  // The stream of the 9th ends at 22:00 Beijing time, 14:00 UTC.
  const ninth = stream('2027-02-09', '20:00-22:00', '山野');

  it('23 h 59 min after the end it is not overdue; 24 h 01 min after, it is, with the whole hours since the end', () => {
    expect(overdueRetros(input([ninth], { now: new Date('2027-02-10T13:59:00Z') }))).toEqual([]);
    expect(overdueRetros(input([ninth], { now: new Date('2027-02-10T14:01:00Z') }))).toEqual([
      { date: '2027-02-09', time: '20:00-22:00', account: '山野', endedHoursAgo: 24 },
    ]);
  });

  it('a stream past midnight ends the next day', () => {
    // Ends 01:00 on the 10th (17:00 UTC on the 9th): 24 h later is 17:00 UTC on the 10th.
    const late = stream('2027-02-09', '23:00-01:00', '山野');
    expect(overdueRetros(input([late], { date: '2027-02-11', now: new Date('2027-02-10T16:59:00Z') }))).toEqual([]);
    expect(
      overdueRetros(input([late], { date: '2027-02-11', now: new Date('2027-02-10T17:01:00Z') })).map(
        (x) => x.endedHoursAgo,
      ),
    ).toEqual([24]);
  });

  it('a retro file for the account and date clears it; a stream more than seven days back is not listed', () => {
    const now = new Date('2027-02-10T23:00:00Z');
    expect(overdueRetros(input([ninth], { now, retrosDone: new Set(['山野_2027-02-09']) }))).toEqual([]);
    expect(
      overdueRetros(
        input([stream('2027-02-02', '20:00-22:00', '山野'), stream('2027-02-03', '20:00-22:00', '山野')], { now }),
      ).map((x) => x.date),
    ).toEqual(['2027-02-03']);
  });
});

describe('buildBrief and its summary line', () => {
  const streams = [
    stream('2027-02-09', '20:00-22:00', '山野'),
    stream('2027-02-10', '20:00-22:00', '山野', { products: ['冲锋衣'] }),
    stream('2027-02-12', '20:00-22:00', '山野'),
  ];
  const lastRetro = {
    file: '复盘_山野_2027-02-09.xlsx',
    actions: [
      { no: 1, owner: '主播', action: '延长讲解', evidence: null },
      { no: 2, owner: null, action: '补货', evidence: null },
    ],
  };
  const brief = buildBrief(
    input(streams, { now: new Date('2027-02-10T15:00:00Z'), stock: new Map([['冲锋衣', 10]]), lastRetro }),
  );

  it('the risks carry the open items and the file they come from', () => {
    expect([
      brief.streams.length,
      brief.risks.lowStock.length,
      brief.risks.rehearsals.length,
      brief.risks.overdueRetros.length,
    ]).toEqual([1, 1, 1, 1]);
    expect(brief.risks.openActions).toBe(lastRetro.actions);
    expect(brief.risks.lastRetro).toBe('复盘_山野_2027-02-09.xlsx');
    expect(buildBrief(input(streams)).risks).toMatchObject({ openActions: [], lastRetro: null });
  });

  it('the summary counts each, in zh and en', () => {
    expect(localiseBrief(brief, 'zh').summary).toBe(
      '今天 1 场直播；库存预警 1 个；今日彩排 1 场；复盘逾期 1 场；上场改进项 2 条',
    );
    expect(localiseBrief(brief, 'en').summary).toBe(
      '1 stream today; 1 low-stock product; 1 rehearsal today; 1 retro overdue; 2 open items from the last retro',
    );
    expect(localiseBrief(brief, 'en').outputs).toEqual([]);
  });
});
