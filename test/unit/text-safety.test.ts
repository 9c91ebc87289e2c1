import { describe, expect, it } from 'vitest';
import { cleanText, fileNamePart, neutralizeFormula, visible } from '../../src/text-safety.js';

describe('text that must stay text in a spreadsheet, also after a CSV round trip', () => {
  it.each([
    ['=3+3', "'=3+3"],
    ['\u200b=3+3', "'\u200b=3+3"], // a zero-width space LibreOffice drops on opening
    ['\ufeff+1', "'\ufeff+1"],
    ['\u202e-2+3', "'\u202e-2+3"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\n=1', "'\n=1"],
    ['＝1+1', "'＝1+1"],
    ['-20℃ 极寒羽绒服', "'-20℃ 极寒羽绒服"],
    ['山野 冲锋衣', '山野 冲锋衣'],
    ['  价格 = 99', '  价格 = 99'],
    ['', ''],
  ])('%j → %j', (text, safe) => expect(neutralizeFormula(text)).toBe(safe));
});

describe('text read from an export carries no control sequence', () => {
  it.each([
    ['山野\u001b[31m红\u001b[0m店', '山野红店'],
    ['店\u001b]0;pwned\u0007名', '店名'],
    ['a\rb', 'a\nb'], // a bare CR is a line break, never a carriage return on a terminal
    ['a\r\nb', 'a\nb'],
    ['shop\u202egnp.exe', 'shopgnp.exe'],
    ['bell\u0007 del\u007f c1\u0085', 'bell del c1'],
    ['👨‍👩‍👧 家庭装', '👨‍👩‍👧 家庭装'], // zero-width joiners hold the emoji together
  ])('%j → %j', (raw, clean) => expect(cleanText(raw)).toBe(clean));

  it('a message shows controls as escapes, on one line', () => {
    expect(visible('"a\nb\u001b[2J"')).toBe('"a\\nb\\x1b[2J"');
    expect(visible('x\u202ey')).toBe('x\\u202ey');
  });
});

describe('a piece of a file name is never a path', () => {
  it.each([
    ['x/../../../../tmp/t/pwned', 'x_tmp_t_pwned'],
    ['..', 'unnamed'],
    ['shop\u202egnp.exe', 'shopgnp.exe'],
    ['店\u001b[31m名', '店名'],
    ['a\u007fb\u0085c', 'abc'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['山野 户外:旗舰店?', '山野_户外_旗舰店'],
    ['', 'unnamed'],
  ])('%j → %j', (s, name) => expect(fileNamePart(s)).toBe(name));

  it('cut at a whole character within the byte budget: an emoji is never split', () => {
    const name = fileNamePart('👨‍👩‍👧'.repeat(10), 40);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(40);
    expect(name).not.toContain('\ufffd');
    expect([...new Intl.Segmenter().segment(name)].every((g) => g.segment === '👨‍👩‍👧')).toBe(true);
    expect(fileNamePart('店'.repeat(30), 60)).toBe('店'.repeat(20));
  });

  it('NFC: the same name typed two ways is one file name', () => expect(fileNamePart('e\u0301')).toBe('\u00e9'));
});
