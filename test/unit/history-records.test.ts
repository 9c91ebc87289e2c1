/**
 * What a retro leaves in the history: one stream record per stream, the same improvement item
 * under the same id however often it is found, due dates from the playbook's deadlines, and the
 * history's streams as the next retro's baseline.
 */
import { describe, expect, it } from 'vitest';
import {
  actionId,
  baselineOf,
  dueOf,
  latestStreams,
  plannedAround,
  retroParts,
  streamKey,
  type HistoryStream,
  type PlannedStream,
} from '../../src/domain/history/records.js';
import { buildRetroReport, type RetroPoint } from '../../src/domain/retro/report.js';
import { RULE_DEFAULTS } from '../../src/domain/rules.js';
import { retroInput } from '../helpers/retro-input.js';

const H = 3600_000;
const due = { sheetHours: 24, rehearsalDays: 2 };

function productPoint(id: string | null, name: string | null, rule = 'product-click-low'): RetroPoint {
  const alert = {
    rule,
    severity: 'warning' as const,
    owner: 'anchor' as const,
    value: 0.05,
    threshold: 0.1,
    variant: null,
    subject: { kind: 'product' as const, id, name, rank: 1 },
    streamId: null,
    account: '山野',
    detail: { kind: 'product-rate' as const, metric: 'productClickRate' as const },
  };
  return { owner: 'anchor', rule, kind: 'rule-alert', alert };
}

describe('a stream is one record, whichever export it came from', () => {
  it.each([
    [
      'the platform’s id when the export has one',
      'taobao',
      '店',
      '9001',
      '2026-11-18T19:58:02+08:00',
      'taobao|店|id:9001',
    ],
    [
      'else its start to the minute',
      'douyin',
      '山野',
      null,
      '2026-11-18T19:58:02+08:00',
      'douyin|山野|at:2026-11-18T19:58',
    ],
    ['undated without either', 'douyin', null, null, null, 'douyin||at:undated'],
  ])('%s', (_, platform, account, id, start, key) => {
    expect(streamKey(platform, account, id, start)).toBe(key);
  });

  it('an imported stream and its retro are one stream, the retro’s figures winning', () => {
    const row = (source: string, run: string, gmv: number): HistoryStream => ({
      platform: 'douyin',
      account: '山野',
      month: '2026-11',
      stream_key: source === 'retro' ? 'douyin|山野|at:2026-11-18T19:58' : 'douyin|山野|id:77',
      source,
      run_id: run,
      start_time: new Date('2026-11-18T11:58:30Z'),
      gmv,
    });
    const kept = latestStreams([row('retro', '1', 133433), row('import', '2', 130000)]);
    expect(kept.map((r) => r.gmv)).toEqual([133433]);
  });
});

describe('an improvement item keeps its id', () => {
  it('the same product and rule in the next retro of the account is the same item', () => {
    expect(actionId('douyin', '山野', productPoint('3601', '冲锋衣'))).toBe(
      actionId('douyin', '山野', productPoint('3601', '冲锋衣 新款标题')),
    );
  });
  it.each([
    ['another product', productPoint('3602', '冲锋衣')],
    ['another rule on the product', productPoint('3601', '冲锋衣', 'product-conversion-low')],
  ])('%s is another item', (_, other) => {
    expect(actionId('douyin', '山野', other)).not.toBe(actionId('douyin', '山野', productPoint('3601', '冲锋衣')));
  });
  it('another account’s same finding is its own item', () => {
    expect(actionId('douyin', '小鹿', productPoint('3601', null))).not.toBe(
      actionId('douyin', '山野', productPoint('3601', null)),
    );
  });
  it('ids are short enough to type: A and 7 characters', () => {
    expect(actionId('douyin', '山野', productPoint('3601', null))).toMatch(/^A[0-9a-z]{7}$/);
  });
});

describe('due dates follow the playbook’s deadlines', () => {
  const end = Date.parse('2026-11-18T23:12:40+08:00');
  it('fixing the export’s data is due within the retro deadline (24 h)', () => {
    const check = {
      owner: 'data' as const,
      rule: null,
      kind: 'check' as const,
      check: {
        metric: 'productClickRate',
        stated: 0.3107,
        computed: 0.3057,
        difference: 0.005,
        agrees: false,
        source: 'x',
      },
    };
    expect(dueOf(check, end, null, due)).toBe(end + 24 * H);
  });
  it('the anchor’s change is due at the next planned stream’s rehearsal, 2 days before it', () => {
    const next = Date.parse('2026-11-25T20:00:00+08:00');
    expect(new Date(dueOf(productPoint('1', null), end, next, due)).toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });
  it('…but never sooner than a day after the stream', () => {
    const next = Date.parse('2026-11-20T20:00:00+08:00');
    expect(dueOf(productPoint('1', null), end, next, due)).toBe(end + 24 * H);
  });
  it('with no stream planned, a week after (the next weekly retro)', () => {
    expect(dueOf(productPoint('1', null), end, null, due)).toBe(end + 7 * 24 * H);
  });
});

describe('the planned stream a retro was, and the next one', () => {
  const plan = (date: string, start: string, anchor: string): PlannedStream => ({
    account: '山野',
    platform: 'douyin',
    date,
    start,
    anchor,
    assistant: '小周',
    products: [],
  });
  const planned = [
    plan('2026-11-18', '2026-11-18T12:00:00.000Z', '林夏'),
    plan('2026-11-18', '2026-11-18T02:00:00.000Z', '早场主播'),
    plan('2026-11-21', '2026-11-21T12:00:00.000Z', '阿泽'),
  ];
  it('same account and day, the nearest start', () => {
    const r = plannedAround(planned, '山野', '2026-11-18T19:58:02+08:00');
    expect([r.this?.anchor, r.next?.anchor]).toEqual(['林夏', '阿泽']);
  });
  it('another account’s plan is not this stream’s', () => {
    expect(plannedAround(planned, '小鹿', '2026-11-18T19:58:02+08:00')).toEqual({ this: null, next: null });
  });
});

describe('a retro’s rows', () => {
  const facts = buildRetroReport(
    retroInput({
      account: '山野',
      start: '2026-11-18T19:58:02+08:00',
      end: '2026-11-18T23:12:40+08:00',
      gmv: 133433,
      uv: 6782,
      pv: 9440,
      buyers: 205,
      productExposed: 1000,
      productClickers: 50,
      newLiveClub: 88,
    }),
    { thresholds: RULE_DEFAULTS.thresholds, baselineCount: 7 },
  );
  const planned: PlannedStream[] = [
    {
      account: '山野',
      platform: 'douyin',
      date: '2026-11-18',
      start: null,
      anchor: '林夏',
      assistant: null,
      products: [],
    },
  ];
  const rec = retroParts(facts, [], { lang: 'zh', planned, due });
  const table = (t: string) => rec.parts.find((p) => p.table === t)!.rows;

  it('go to the stream’s platform, account and month, keyed by the stream', () => {
    expect(rec.partition).toEqual({ platform: 'douyin', account: '山野', month: '2026-11' });
    expect(rec.recordKey).toBe('retro|douyin|山野|at:2026-11-18T19:58');
  });
  it('the stream row carries the figures, its week and the anchor of its planned stream', () => {
    expect(table('streams')[0]).toMatchObject({
      gmv: 133433,
      uv: 6782,
      buyers: 205,
      new_fan_club: 88,
      date: '2026-11-18',
      week: '2026-W47',
      anchor: '林夏',
    });
  });
  it('a UV value of ¥0.50 is two found items (< ¥0.8 floor control, < ¥1.0 director), due a week after the stream; missing figures within 24 h', () => {
    const low = buildRetroReport(
      retroInput({
        account: '山野',
        start: '2026-11-18T19:58:02+08:00',
        end: '2026-11-18T23:12:40+08:00',
        gmv: 1000,
        uv: 2000,
      }),
      { thresholds: RULE_DEFAULTS.thresholds, baselineCount: 7 },
    );
    const rows = retroParts(low, [{ no: 1, what: '强化逼单', action: '逼单话术' }], {
      lang: 'zh',
      planned: [],
      due,
    }).parts.find((p) => p.table === 'actions')!.rows;
    expect(rows.map((r) => [r.event, r.owner, r.rule, (r.due as Date).toISOString()])).toEqual([
      ['found', 'floor-control', 'uv-value-critical', '2026-11-25T15:12:40.000Z'],
      ['found', 'director', 'uv-value-low', '2026-11-25T15:12:40.000Z'],
      // PV, buyers and clickers not exported: the ops item to export them is due within the 24 h retro deadline.
      ['found', 'ops', null, '2026-11-19T15:12:40.000Z'],
    ]);
    expect(rows[0]).toMatchObject({ what: '强化逼单', action: '逼单话术', subject: 'stream' });
  });
  it('history streams become the baseline in Beijing time', () => {
    const b = baselineOf([
      {
        platform: 'douyin',
        account: '山野',
        month: '2026-11',
        start_time: new Date('2026-11-14T12:00:00Z'),
        uv: 6300,
        gmv: 116723.14,
        buyers: 201,
      },
    ]);
    expect(b).toEqual([
      {
        account: '山野',
        start: '2026-11-14T20:00:00+08:00',
        uv: 6300,
        gmv: 116723.14,
        buyers: 201,
        viewToOrderRate: null,
      },
    ]);
  });
});
