/**
 * Column widths on a terminal: liveops measures ASCII and Chinese text itself (fast), and must give
 * what string-width gives for every character of those ranges.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/width.js';

const ranges: Array<[number, number]> = [
  [0x20, 0x7e],
  [0x3000, 0x3029],
  [0x302e, 0x303e],
  [0x4e00, 0x9fff],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
];

describe('display width', () => {
  it('is string-width for every character measured directly', () => {
    const extra = [0xb7, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026];
    const codes = [...ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)), ...extra];
    const wrong = codes.filter((c) => displayWidth(String.fromCodePoint(c)) !== stringWidth(String.fromCodePoint(c)));
    expect(wrong.map((c) => c.toString(16))).toEqual([]);
  });

  it('counts a Chinese character as two columns and ASCII as one; colour codes and emoji go to string-width', () => {
    expect(displayWidth('GMV 成交金额：¥1,234')).toBe(20);
    expect(displayWidth('淘汰清单_2026-W47.xlsx')).toBe(stringWidth('淘汰清单_2026-W47.xlsx'));
    expect(displayWidth('\u001b[31m错误\u001b[39m')).toBe(4);
    expect(displayWidth('👍 好')).toBe(stringWidth('👍 好'));
  });
});
