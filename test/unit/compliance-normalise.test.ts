/**
 * The spellings that slip a banned word past a filter are read as the word (normalise.ts), and the
 * finding still names the words where they are written, as they are written.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/domain/compliance/lint.js';
import { normalise, originalRange } from '../../src/domain/compliance/normalise.js';

/** "phrase@line:column severity" of every finding. */
const found = (text: string) => lintText(text).map((f) => `${f.phrase}@${f.line}:${f.column} ${f.severity}`);

describe('folding', () => {
  it.each([
    ['頂級龍井 國家級工藝', '顶级龙井国家级工艺'], // traditional → simplified; the space between two characters goes
    ['ＮＯ．１ ＴＯＰ１ １００％', 'NO.1 TOP1 100%'], // full-width → half-width
    ['第①名', '第一名'], // circled digit, then the rank numeral
    ['最 好', '最好'],
    ['最-好', '最好'],
    ['最.好', '最好'],
    ['最～好', '最好'],
    ['最🔥好', '最好'],
    ['最  *好', '最好'],
    ['第 1 名', '第一 名'],
    ['销量第1', '销量第一'],
    ['zui hao的', '最好的'], // pinyin of the listed words
    ['Zuì hǎo', '最好'],
    ['di yi 名', '第一名'],
    ['销量第10', '销量第10'], // not a rank of one
    ['第1.5倍', '第1.5倍'],
    ['一.面料', '一.面料'], // an enumeration keeps its dot
    ['最，好', '最,好'], // clause punctuation is kept (as half-width)
    ['最|好', '最|好'], // and so are a table's and a list's separators
    ['最\n好', '最\n好'], // and line breaks
    ['价格 199 元', '价格 199 元'], // spaces next to a number stay
    ['今天上新 weiyi 老师推荐', '今天上新唯一老师推荐'], // a whole pinyin word only
    ['zuiderzee', 'zuiderzee'],
    ['最近上新了很多款', '最近上新了很多款'], // simplified text comes out as it went in
  ])('%s → %s', (text, folded) => {
    expect(normalise(text).text).toBe(folded);
  });

  it('maps every folded unit back to the original', () => {
    const n = normalise('家人们，zui 好的 頂級 面料');
    const at = (word: string) => {
      const i = n.text.indexOf(word);
      const [a, b] = originalRange(n, i, i + word.length);
      return '家人们，zui 好的 頂級 面料'.slice(a, b);
    };
    expect(n.text).toBe('家人们,最好的顶级面料');
    expect(at('最好')).toBe('zui 好');
    expect(at('顶级')).toBe('頂級');
    expect(at('顶级面料')).toBe('頂級 面料');
  });
});

describe('findings are reported in the original text', () => {
  it.each([
    ['主播：頂級龍井', ['頂級@1:4 error']],
    ['國家級工藝，一針一線', ['國家級@1:1 error']],
    ['這是全網最低價', ['全網最低價@1:3 error']],
    ['这是最 好 的面料', ['最 好@1:3 error']],
    ['这是最-好的选择', ['最-好@1:3 error']],
    ['最.好.的.面.料', ['最.好@1:1 error']],
    ['这是最～好的一批', ['最～好@1:3 error']],
    ['这个锅是zui好用的', ['zui好@1:5 error']],
    ['这款是销量第1', ['销量第1@1:4 error']],
    ['这款茶是第1名', ['第1@1:5 error']],
    ['好评率Ｎｏ．１', ['Ｎｏ．１@1:4 error']],
    ['ＴＯＰ１热卖款', ['ＴＯＰ１@1:1 error']],
    ['第一行\n🔥国 家 级工艺', ['国 家 级@2:2 error']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('quotes the words around a finding from the original line', () => {
    const [f] = lintText('家人们，这是頂級的龍井茶');
    expect(f?.context).toBe('家人们，这是頂級的龍井茶');
    expect(f?.suggestion).toBe('高品质/高端（说明材质与工艺）');
  });

  it('traditional text that holds no banned word stays clean', () => {
    expect(found('最近天氣轉涼，第一次來直播間的寶寶點個關注')).toEqual([]);
  });

  it('a product name is folded as the text is', () => {
    expect(lintText('頂級牌 保溫杯，今天上新', { productNames: ['顶级牌 保温杯'] })).toEqual([]);
    expect(lintText('极品 大红袍 250g 今晚上架', { productNames: ['極品 大紅袍 250g'] })).toEqual([]);
  });

  it('a team phrase is folded too: a deny entry in traditional characters finds the simplified words', () => {
    expect(lintText('闭 眼 入', { deny: [{ phrase: '閉眼入' }] }).map((f) => f.phrase)).toEqual(['闭 眼 入']);
  });
});
