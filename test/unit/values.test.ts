import { describe, expect, it } from 'vitest';
import { isMissing, parseValue, parseDecimal, type ValueType, type DurationUnit } from '../../src/io/read/values.js';

type Row = [raw: string | number | boolean | Date | null, expected: unknown];

function table(
  type: ValueType,
  rows: Row[],
  opts: { durationUnit?: DurationUnit; scale?: number; percent?: 100 | 1000 } = {},
) {
  for (const [raw, expected] of rows) {
    it(`${type}: ${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => {
      const r = parseValue(raw, type, opts);
      if (expected === 'FAIL') {
        expect(r.ok).toBe(false);
      } else {
        expect(r).toEqual({ ok: true, value: expected });
      }
    });
  }
}

describe('money', () => {
  table('money', [
    ['¥236,552', 236552],
    ['¥26,439.25', 26439.25],
    ['￥1,234.50', 1234.5],
    ['4.66万', 46600],
    ['1.2w', 12000],
    ['3.5W', 35000],
    ['12,345', 12345],
    ['1,234.50元', 1234.5],
    ['1.5亿', 150000000],
    [1299, 1299],
    ['-¥12.5', -12.5],
    ['１２３', 123], // full-width digits
    ['12,3O4', 'FAIL'], // letter O
    ['12,34', 'FAIL'], // a comma that is not a thousands separator
    ['abc', 'FAIL'],
    ['1.2.3', 'FAIL'],
  ]);
  table(
    'money',
    [
      [12345, 123.45],
      ['12345', 123.45],
    ],
    { scale: 0.01 },
  ); // WeChat Channels: fen
  it('1.2万 is exactly 12000, not 11999.999…', () => expect(parseDecimal('1.2万')).toBe(12000));
});

describe('missing markers are null for every numeric type', () => {
  for (const raw of ['-', '—', '--', '——', '', '  ', null, '暂无', '–']) {
    for (const type of ['money', 'count', 'rate', 'duration', 'datetime'] as ValueType[]) {
      it(`${type}: ${JSON.stringify(raw)} → null`, () =>
        expect(parseValue(raw, type)).toEqual({ ok: true, value: null }));
    }
  }
});

describe('isMissing: markers in any case, padded with any space trim removes', () => {
  for (const raw of [
    'N/A',
    'NULL',
    'None',
    'NA',
    ' - ',
    '\u3000--\u3000',
    '\u00a0暂无',
    '\ufeff-',
    '\t/',
    '-%',
    ' 无数据 ',
  ]) {
    it(`${JSON.stringify(raw)} is missing`, () => expect(isMissing(raw)).toBe(true));
  }
  for (const raw of ['0', '-1', '--x', 'nan', 'No', '暂无数据库', '无', '\u3000¥12', 'none of these', '-'.repeat(30)]) {
    it(`${JSON.stringify(raw)} is a value`, () => expect(isMissing(raw)).toBe(false));
  }
});

describe('counts', () => {
  table('count', [
    ['6782', 6782],
    ['12,345', 12345],
    ['1.2万', 12000],
    ['3.5w', 35000],
    ['12.8万', 128000],
    [6782, 6782],
    ['六千', 'FAIL'],
  ]);
  it.each<[string, number]>([
    ['5次', 5],
    ['12 件', 12],
    ['1.2万人', 12000],
    ['3场', 3],
  ])('%s, a count with its measure word, is %s', (raw, n) =>
    expect(parseValue(raw, 'count')).toEqual({ ok: true, value: n }),
  );
  it('a measure word does not make money of a count, nor a count of text', () =>
    expect(parseValue('次', 'count').ok).toBe(false));
});

describe('rates', () => {
  table('rate', [
    ['0.68%', 0.0068],
    ['10.12%', 0.1012],
    ['12.34%', 0.1234],
    ['3.00%', 0.03],
    ['2.99%', 0.0299],
    ['100%', 1],
    ['0.0068', 0.0068], // API exports give fractions
    [0.0308, 0.0308], // a percent-formatted xlsx cell holds the fraction
    ['较上周期↑17.74%', 0.1774],
    ['较上周期↓3.2%', -0.032],
    ['5‰', 0.005],
    ['12.34 %', 0.1234],
    ['abc%', 'FAIL'],
  ]);
});

describe('rates in a column whose header says (%): a bare number is a percentage', () => {
  table(
    'rate',
    [
      ['5', 0.05],
      [5, 0.05],
      ['4.2', 0.042],
      ['2.99', 0.0299],
      ['3', 0.03],
      ['5%', 0.05], // a cell with its own % is read as it says
      ['0', 0],
    ],
    { percent: 100 },
  );
  table('rate', [['5', 0.005]], { percent: 1000 });
});

describe('money in a column whose header says 万元', () => {
  table(
    'money',
    [
      ['168.5', 1685000],
      [168.5, 1685000],
      ['1,500', 15000000],
      // A cell that states its own unit is read as it says, not scaled again.
      ['150万', 1500000],
      ['¥1,234', 1234],
      ['￥860,000', 860000],
    ],
    { scale: 10000 },
  );
});

describe('durations (seconds)', () => {
  table('duration', [
    ['1分5秒', 65],
    ['2小时3分17秒', 7397],
    ['3小时14分38秒', 11678],
    ['3分25秒', 205],
    ['45秒', 45],
    ['2小时', 7200],
    ['00:03:25', 205],
    ['03:25', 205],
    ['65', 65],
    [65, 65],
    ['1.5分钟', 90],
    ['abc', 'FAIL'],
  ]);
  table(
    'duration',
    [
      [1.35, 81],
      ['2', 120],
      ['1分5秒', 65],
    ],
    { durationUnit: 'minutes' },
  );
  table('duration', [[1.5, 5400]], { durationUnit: 'hours' });
});

describe('date-times in Asia/Shanghai', () => {
  table('datetime', [
    ['2026/07/28 08:15:49', '2026-07-28T08:15:49+08:00'],
    ['2026/11/3 20:00', '2026-11-03T20:00:00+08:00'],
    ['2026-11-03 20:00:05', '2026-11-03T20:00:05+08:00'],
    ['2026-11-03', '2026-11-03T00:00:00+08:00'],
    ['20261103', '2026-11-03T00:00:00+08:00'],
    ['2026年11月3日 20:00', '2026-11-03T20:00:00+08:00'],
    // Excel serial 46329.5 = 2026-11-03 12:00 wall-clock.
    [46329.5, '2026-11-03T12:00:00+08:00'],
    ['46329.5', '2026-11-03T12:00:00+08:00'],
    // exceljs date cells: UTC fields carry the wall-clock time.
    [new Date(Date.UTC(2026, 10, 3, 20, 0, 0)), '2026-11-03T20:00:00+08:00'],
    ['2026/02/30 10:00', 'FAIL'],
    ['2026/11/03 25:00', 'FAIL'],
    ['yesterday', 'FAIL'],
  ]);
  table('date', [
    ['2026/11/3', '2026-11-03'],
    ['20261103', '2026-11-03'],
  ]);
  table('datetime-range', [
    [
      '2026/07/28 08:15:49-2026/07/28 15:44:39',
      { start: '2026-07-28T08:15:49+08:00', end: '2026-07-28T15:44:39+08:00' },
    ],
    [
      '2026-07-28 08:15:49-2026-07-28 15:44:39',
      { start: '2026-07-28T08:15:49+08:00', end: '2026-07-28T15:44:39+08:00' },
    ],
    [
      '2026/11/18 19:58:02 ~ 2026/11/18 23:12:40',
      { start: '2026-11-18T19:58:02+08:00', end: '2026-11-18T23:12:40+08:00' },
    ],
    ['2026/11/18 19:58', 'FAIL'],
  ]);
  table('time', [
    ['20:03', '20:03:00'],
    ['20:03:15', '20:03:15'],
    [0.5, '12:00:00'],
    ['2026/11/18 20:03', '2026-11-18T20:03:00+08:00'],
    ['25:00', 'FAIL'],
  ]);
});

describe('ids stay text and refuse lost precision', () => {
  table('id', [
    ['3650123456789012345', '3650123456789012345'],
    ['-3650123456789012345-1', '-3650123456789012345-1'],
    [123456, '123456'],
    [3650123456789012000, 'FAIL'],
  ]);
  it('names the precision problem', () => {
    expect(parseValue(3650123456789012000, 'id')).toEqual({ ok: false, expected: 'id-precision' });
  });
  it.each(['3.70001E+18', '3.7E+18', '3.70001e+18', '3.70001E18'])(
    '%s, an ID Excel turned into scientific notation in a CSV, is refused like a numeric one',
    (raw) => expect(parseValue(raw, 'id')).toEqual({ ok: false, expected: 'id-precision' }),
  );
  it('an ID that only looks like a number stays as written', () =>
    expect(parseValue('3700012345678900123', 'id')).toEqual({ ok: true, value: '3700012345678900123' }));
});

describe('durations in time-formatted cells', () => {
  it('a time cell (exceljs: a date on 1899-12-30) is its time of day in seconds', () =>
    expect(parseValue(new Date(Date.UTC(1899, 11, 30, 0, 3, 25)), 'duration')).toEqual({ ok: true, value: 205 }));
  it('a cell holding a real date is a moment, not a duration of 127 years', () =>
    expect(parseValue(new Date(Date.UTC(2026, 10, 26, 19, 40, 6)), 'duration').ok).toBe(false));
});

describe('booleans', () => {
  table('boolean', [
    ['是', true],
    ['否', false],
    ['有', true],
    ['无', false],
    ['Y', true],
    ['n', false],
    [true, true],
    ['也许', 'FAIL'],
  ]);
});

describe('text', () => {
  table('text', [
    ['  山野户外旗舰店 ', '山野户外旗舰店'],
    ['-', '-'], // in a text column "-" is what someone wrote, e.g. a comment
    [null, null],
    [12, '12'],
  ]);
});
