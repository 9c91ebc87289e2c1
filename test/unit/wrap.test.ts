import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { wrapText } from '../../src/ui/wrap.js';

describe('wrapping help text at a width in columns', () => {
  it('breaks between Chinese characters, each two columns wide', () => {
    const out = wrapText('一二三四五六七八九十', 8);
    expect(out.split('\n')).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('甲乙丙，丁戊。', 6).split('\n');
    expect(lines.every((l) => !/^[，。]/.test(l))).toBe(true);
    expect(lines.join('')).toBe('甲乙丙，丁戊。');
  });

  it('breaks English at spaces, keeps paragraphs, leaves a word wider than the line whole', () => {
    expect(wrapText('the quick brown fox\n\njumps', 10)).toBe('the quick\nbrown fox\n\njumps');
    expect(wrapText('a 3650123456789012345 b', 8)).toBe('a\n3650123456789012345\nb');
  });

  it('mixed text stays within the width', () => {
    const text =
      'Reads what the operator exported for one stream — one Compass 整场数据 workbook, or separate files (直播明细, 分场次效果)';
    for (const line of wrapText(text, 30).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(30);
  });
});
