/**
 * The improvement items over time: events folded into items (the latest found gives the words and
 * the due date, a done after it closes the item, a point found again in a later stream reopens it,
 * a re-run retro of the same stream does not), statuses as of a given instant (overdue strictly
 * after the due date), the filters and groups `liveops actions` lists, and the items the brief and
 * the weekly report carry over.
 */
import { describe, expect, it } from 'vitest';
import {
  actionEvents,
  countStatuses,
  filterActions,
  foldActions,
  groupActions,
  openItems,
  statusOf,
  type ActionEvent,
} from '../../src/domain/history/actions.js';

const T = (iso: string) => Date.parse(iso);
const PART = { platform: 'douyin', account: '山野户外旗舰店', month: '2026-11' };

let run = 0;
function found(id: string, at: string, due: string, more: Partial<ActionEvent> = {}): ActionEvent {
  return {
    id,
    event: 'found',
    at: T(at),
    runId: `r${String(++run).padStart(4, '0')}`,
    partition: PART,
    streamKey: `douyin|山野户外旗舰店|at:${at.slice(0, 16)}`,
    owner: 'anchor',
    person: null,
    rule: 'product-click-low',
    subject: 'product:1',
    what: `what of ${at}`,
    action: `action of ${at}`,
    due: T(due),
    lang: 'zh',
    ...more,
  };
}
function done(id: string, at: string): ActionEvent {
  return { ...found(id, at, at), event: 'done', due: null, what: null, action: null, streamKey: null };
}

const S1 = '2026-11-18T23:00:00+08:00';
const DUE1 = '2026-11-25T23:00:00+08:00';
const S2 = '2026-11-26T23:00:00+08:00';
const DUE2 = '2026-12-03T23:00:00+08:00';
const NOW = T('2026-11-20T10:00:00+08:00');

describe('folding the events into items', () => {
  it('the latest found gives the words, owner, person and due date; the streams are counted', () => {
    const [it1] = foldActions(
      [found('A1', S2, DUE2, { person: '小林' }), found('A1', S1, DUE1)],
      T('2026-11-27T10:00:00+08:00'),
    );
    expect(it1).toMatchObject({
      id: 'A1',
      status: 'open',
      action: `action of ${S2}`,
      person: '小林',
      due: T(DUE2),
      foundAt: T(S2),
      firstFoundAt: T(S1),
      streams: 2,
      doneAt: null,
      reopened: false,
    });
  });

  it('a done after the latest found closes the item', () => {
    const [it1] = foldActions([found('A1', S1, DUE1), done('A1', '2026-11-19T12:00:00+08:00')], NOW);
    expect(it1).toMatchObject({ status: 'done', doneAt: T('2026-11-19T12:00:00+08:00') });
  });

  it('the same stream found again after the done (the retro re-run) keeps it done', () => {
    const events = [found('A1', S1, DUE1), done('A1', '2026-11-19T12:00:00+08:00'), found('A1', S1, DUE1)];
    const [it1] = foldActions(events, NOW);
    expect(it1!.status).toBe('done');
    expect(it1!.streams).toBe(1);
  });

  it('found again in a later stream after the done: reopened, with the later stream’s due date', () => {
    const events = [found('A1', S1, DUE1), done('A1', '2026-11-19T12:00:00+08:00'), found('A1', S2, DUE2)];
    const [it1] = foldActions(events, T('2026-11-27T10:00:00+08:00'));
    expect(it1).toMatchObject({ status: 'open', reopened: true, doneAt: null, due: T(DUE2), streams: 2 });
    // Done again: closed again, still marked as once reopened.
    const [again] = foldActions([...events, done('A1', '2026-11-28T09:00:00+08:00')], T('2026-11-29T00:00:00Z'));
    expect(again).toMatchObject({ status: 'done', reopened: true, doneAt: T('2026-11-28T09:00:00+08:00') });
  });

  it('a done alone is no item; events after `now` are not counted yet', () => {
    expect(foldActions([done('A9', S1)], NOW)).toEqual([]);
    const [it1] = foldActions([found('A1', S1, DUE1), done('A1', '2026-11-21T12:00:00+08:00')], NOW);
    expect(it1!.status).toBe('open');
    expect(foldActions([found('A1', S2, DUE2)], NOW)).toEqual([]);
  });

  it('a done and a found at the same instant: the done counts as after it', () => {
    const [it1] = foldActions([done('A1', S1), found('A1', S1, DUE1)], NOW);
    // The done's run is the earlier one here: at the same instant a found still comes first, and never reopens.
    expect(it1!.status).toBe('done');
  });
});

describe('overdue: strictly after the due date', () => {
  const item = { doneAt: null, due: T(DUE1) };
  it('exactly at the due instant it is still open; a millisecond later it is overdue', () => {
    expect(statusOf(item, T(DUE1))).toBe('open');
    expect(statusOf(item, T(DUE1) + 1)).toBe('overdue');
    expect(statusOf(item, T(DUE1) - 1)).toBe('open');
  });
  it('done wins over overdue; no due date is never overdue', () => {
    expect(statusOf({ doneAt: T(S1), due: T(DUE1) }, T(DUE1) + 1)).toBe('done');
    expect(statusOf({ doneAt: null, due: null }, T('2030-01-01T00:00:00Z'))).toBe('open');
  });
  it('the fold uses the same line', () => {
    expect(foldActions([found('A1', S1, DUE1)], T(DUE1))[0]!.status).toBe('open');
    expect(foldActions([found('A1', S1, DUE1)], T(DUE1) + 1)[0]!.status).toBe('overdue');
  });
});

describe('what liveops actions lists', () => {
  const events = [
    found('A1', S1, DUE1, { person: '小林' }),
    found('A2', S1, '2026-11-19T23:00:00+08:00', { owner: 'data', subject: 'check:x' }),
    found('A3', S1, '2026-11-19T20:00:00+08:00', { person: '小林', subject: 'product:2' }),
    found('A4', S1, DUE1, { partition: { ...PART, account: '小鹿美妆官方' }, owner: 'selector' }),
    found('A5', S1, DUE1),
    done('A5', '2026-11-19T09:00:00+08:00'),
  ];
  const items = foldActions(events, NOW);
  const labels = { anchor: ['主播', 'anchor'], data: ['数据分析', 'data analyst'] };

  it('open and overdue by default, done with all; by account; by role id, label or person', () => {
    const ids = (f: Parameters<typeof filterActions>[1]) =>
      filterActions(items, { roleLabels: labels, ...f })
        .map((x) => x.id)
        .sort();
    expect(ids({})).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(ids({ all: true })).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(ids({ account: '小鹿美妆官方' })).toEqual(['A4']);
    expect(ids({ owner: '主播' })).toEqual(['A1', 'A3']);
    expect(ids({ owner: 'Anchor' })).toEqual(['A1', 'A3']);
    expect(ids({ owner: '小林' })).toEqual(['A1', 'A3']);
    expect(ids({ owner: 'data' })).toEqual(['A2']);
    expect(countStatuses(filterActions(items, { all: true }))).toEqual({ open: 2, overdue: 2, done: 1 });
  });

  it('grouped by role in the loop’s order, then person; overdue first, then by due date', () => {
    const groups = groupActions(filterActions(items, {}));
    expect(groups.map((g) => [g.owner, g.person, g.items.map((x) => [x.id, x.status])])).toEqual([
      [
        'anchor',
        '小林',
        [
          ['A3', 'overdue'],
          ['A1', 'open'],
        ],
      ],
      ['selector', null, [['A4', 'open']]],
      ['data', null, [['A2', 'overdue']]],
    ]);
  });
});

describe('carried over', () => {
  const S0 = '2026-11-14T23:00:00+08:00';
  const events = [
    found('A1', S0, DUE1),
    found('A2', S0, DUE1, { subject: 'product:2' }),
    found('A2', S1, DUE1, { subject: 'product:2' }),
    found('A3', S1, DUE1, { subject: 'product:3' }),
    found('A4', S0, DUE1),
    done('A4', '2026-11-15T10:00:00+08:00'),
  ];

  it('the brief: an item of an earlier stream still open is carried over; one of the latest stream is not', () => {
    const items = openItems(events, NOW);
    expect(items.map((x) => [x.id, x.carriedOver])).toEqual([
      ['A1', true],
      ['A2', false],
      ['A3', false],
    ]);
  });

  it('the weekly report: open at the week’s end, carried over when first found before the week', () => {
    const weekStart = T('2026-11-16T00:00:00+08:00');
    const weekEnd = T('2026-11-23T00:00:00+08:00') - 1;
    const items = openItems([...events, done('A3', '2026-11-24T09:00:00+08:00')], weekEnd, weekStart);
    // A3's done comes after the week: it was open at its end.
    expect(items.map((x) => [x.id, x.status, x.carriedOver])).toEqual([
      ['A1', 'open', true],
      ['A2', 'open', true],
      ['A3', 'open', false],
    ]);
  });
});

describe('reading the table’s rows', () => {
  it('rows as events; a row without an id, a known event or a time is left out', () => {
    const row = {
      run_id: '1763478000000-abcdef12',
      record_key: 'retro|x',
      action_id: 'A1',
      event: 'found',
      at: new Date(S1),
      stream_key: 'k',
      owner: 'anchor',
      person: null,
      rule: 'product-click-low',
      subject: 'product:1',
      what: 'w',
      action: 'a',
      due: new Date(DUE1),
      lang: 'zh',
      ...PART,
    };
    const events = actionEvents([
      row,
      { ...row, action_id: null },
      { ...row, event: 'later' },
      { ...row, at: null },
      { ...row, event: 'done', due: null },
    ]);
    expect(events.map((e) => [e.id, e.event, e.at, e.due])).toEqual([
      ['A1', 'found', T(S1), T(DUE1)],
      ['A1', 'done', T(S1), null],
    ]);
    expect(events[0]!.partition).toEqual(PART);
  });
});
