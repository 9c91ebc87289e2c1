/**
 * The readers' hot paths (date-times, plain numbers and money, text checked for controls, counts
 * with a measure word) read by character codes instead of regexes: they must give exactly what the
 * general rules give, on the spellings they take and on the ones they hand on.
 */
import { describe, expect, it } from 'vitest';

import { parseDateTime, parseDecimal, parseValue } from '../../src/io/read/values.js';
import * as M from '../../src/domain/metrics.js';
import { cleanText } from '../../src/text-safety.js';

// The general rules, as the readers wrote them before the hot paths (values.ts, text-safety.ts).
const DATETIME_RE =
  /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?(?:[T\s]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?)?(?:\.\d+)?(?:Z|\+08:?00)?$/;
function generalDateTime(raw: string): string | null {
  const m = DATETIME_RE.exec(raw.normalize('NFKC').trim().replace(/\s+/g, ' '));
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return null;
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}+08:00`;
}
const generalNeedsCleaning = (s: string): boolean =>
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(s);

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('date-times read by character codes give what the general rule gives', () => {
  it.each([
    ['2026/11/18 20:00:05', '2026-11-18T20:00:05+08:00'],
    ['2026-11-18 20:00', '2026-11-18T20:00:00+08:00'],
    ['2026/11/3 8:05:00', '2026-11-03T08:05:00+08:00'],
    ['2026-11-18T20:00:05', '2026-11-18T20:00:05+08:00'],
    ['2024/02/29 10:00:00', '2024-02-29T10:00:00+08:00'],
    ['2000/02/29 10:00', '2000-02-29T10:00:00+08:00'],
    ['1900/02/29 10:00', null],
    ['2026/02/29 10:00', null],
    ['2026/04/31 10:00', null],
    ['2026/11/18 24:00', null],
    ['2026/11/18 20:60', null],
    ['2026/11/18 20:00:60', null],
    ['2026/13/18 20:00', null],
    ['2026/11/18 20:00:05.5', '2026-11-18T20:00:05+08:00'],
    ['2026/11/18  20:00', '2026-11-18T20:00:00+08:00'],
    ['2026.11.18 20:00', '2026-11-18T20:00:00+08:00'],
    ['1899/12/31 10:00', '1899-12-31T10:00:00+08:00'],
    ['2026/11-18 20:00', '2026-11-18T20:00:00+08:00'],
  ])('%s → %s', (raw, iso) => {
    const r = parseDateTime(raw);
    expect(r.ok ? r.value : null).toBe(iso);
    expect(generalDateTime(raw)).toBe(iso);
  });

  it('agrees with the general rule on 20,000 spellings made of digits and separators', () => {
    const rand = lcg(7);
    const parts = ['2026', '1999', '0026', '11', '2', '29', '30', '31', '0', '00', '8', '23', '24', '59', '60', '123'];
    const seps = ['/', '-', ' ', 'T', ':', '.', '', '  '];
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const k = 3 + Math.floor(rand() * 5);
      for (let j = 0; j < k; j++) {
        s += parts[Math.floor(rand() * parts.length)];
        if (j < k - 1) s += seps[Math.floor(rand() * seps.length)];
      }
      const r = parseDateTime(s);
      const got = r.ok ? r.value : null;
      // Compact (20261103) and serial spellings are the general path's own, not the regex's.
      if (/^\d+(?:\.\d+)?$/.test(s) || /^\d{8}/.test(s)) continue;
      expect([s, got]).toEqual([s, generalDateTime(s)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(15_000);
  });
});

describe('plain numbers and money read by character codes', () => {
  it.each([
    ['1234', 1234],
    ['-12.5', -12.5],
    ['¥1234.50', 1234.5],
    ['￥389.00', 389],
    ['¥-5', -5],
    ['1.', null],
    ['.5', 0.5],
    ['+3', 3],
    ['¥', null],
    ['-', null],
    ['1,234.5', 1234.5],
    ['1.2万', 12000],
    ['１２３', 123],
  ])('%s → %s', (text, n) => {
    expect(parseDecimal(text)).toBe(n);
  });
});

describe('a count with its measure word', () => {
  it.each([
    ['5次', 5],
    ['12 件', 12],
    ['1.2万人', 12000],
    ['3 ', 3],
    ['7', 7],
    ['五次', null],
  ])('%s → %s', (text, n) => {
    const r = parseValue(text, 'count');
    expect(r.ok ? r.value : null).toBe(n);
  });
});

describe('text is cleaned exactly when the general rule says it holds a control or bidi mark', () => {
  it('on every character up to U+FFFF, alone and inside text', () => {
    let cleaned = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const s = `商品${ch}名`;
      const changed = cleanText(s) !== s;
      if (generalNeedsCleaning(s)) cleaned++;
      // Tab and line feed are kept, so "needs cleaning" does not always change the text.
      if (!generalNeedsCleaning(s)) expect([c, changed]).toEqual([c, false]);
      else if (c !== 0x09 && c !== 0x0a) expect([c, changed]).toEqual([c, true]);
    }
    expect(cleaned).toBeGreaterThan(60);
  });
});

describe('sums kept row by row add two figures as sum() adds them', () => {
  it.each([
    [1, 2],
    [null, 5],
    [5, null],
    [null, null],
    [undefined, 3],
    [-0, -0],
    [0.1, 0.2],
  ] as Array<[number | null | undefined, number | null | undefined]>)('%s + %s', (a, b) => {
    expect(Object.is(M.sumOfTwo(a, b), M.sum([a, b]))).toBe(true);
  });
});
