import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer } from '../../src/io/read/csv-tokenizer.js';

/** Tokenize `text` fed in the given pieces; records with the line each starts on. */
function tokenize(pieces: string[], delimiter = ','): Array<[number, string[]]> {
  const t = new CsvTokenizer(delimiter, 1000);
  const out: Array<[number, string[]]> = [];
  const drain = () => {
    const { records, lines } = t.take();
    records.forEach((r, i) => out.push([lines[i]!, r]));
  };
  for (const p of pieces) {
    t.push(p);
    drain();
  }
  t.end();
  drain();
  return out;
}

/** Every way of cutting `text` in two, and one character at a time, gives the same records. */
function expectChunkIndependent(text: string): Array<[number, string[]]> {
  const whole = tokenize([text]);
  for (let cut = 0; cut <= text.length; cut++)
    expect(tokenize([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
  expect(tokenize([...text])).toEqual(whole);
  return whole;
}

describe('CSV tokenizer: records as Excel opens them', () => {
  it.each<[string, string, Array<[number, string[]]>]>([
    [
      'LF',
      'a,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CR LF',
      'a,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'lone CR',
      'a,b\r1,2\r',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CR, LF and CR LF mixed in one file, each line ending its record',
      'a\r\nb\nc\rd\n\re',
      [
        [1, ['a']],
        [2, ['b']],
        [3, ['c']],
        [4, ['d']],
        [5, ['']],
        [6, ['e']],
      ],
    ],
    [
      'an empty line is a record of one empty field',
      'a\n\nb',
      [
        [1, ['a']],
        [2, ['']],
        [3, ['b']],
      ],
    ],
    [
      'no newline at the end',
      'a,b\n1,',
      [
        [1, ['a', 'b']],
        [2, ['1', '']],
      ],
    ],
    [
      'quoted delimiter, quote and line breaks',
      'x,"a,b","say ""hi""","l1\r\nl2\nl3"\nnext',
      [
        [1, ['x', 'a,b', 'say "hi"', 'l1\r\nl2\nl3']],
        [4, ['next']],
      ],
    ],
    ['a quote inside an unquoted field is a character', '27" monitor,1\n', [[1, ['27" monitor', '1']]]],
    ['text after a closing quote is kept', '"ab"cd,e\n', [[1, ['abcd', 'e']]]],
    ['an empty quoted field', '"",x\n', [[1, ['', 'x']]]],
    [
      'a lone CR inside quotes is a line break of its own',
      '"a\rb",c\rd',
      [
        [1, ['a\rb', 'c']],
        [3, ['d']],
      ],
    ],
  ])('%s', (_name, text, records) => {
    expect(expectChunkIndependent(text)).toEqual(records);
  });

  it('takes tab and semicolon delimiters', () => {
    expect(tokenize(['a\tb;c\n'], '\t')).toEqual([[1, ['a', 'b;c']]]);
    expect(tokenize(['a\tb;c\n'], ';')).toEqual([[1, ['a\tb', 'c']]]);
  });

  it('a quote never closed is an error naming the record and the line it starts on', () => {
    const t = new CsvTokenizer(',', 1000);
    t.push('a\nb\n"never\nclosed,x\n');
    const e = (() => {
      try {
        t.end();
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(CsvSyntaxError);
    expect(e).toMatchObject({ kind: 'unclosed-quote', record: 3, line: 3 });
  });

  it('a field longer than the limit is an error as soon as it is read (memory stays bounded)', () => {
    const t = new CsvTokenizer(',', 10);
    t.push('ok\n"');
    expect(() => t.push('x'.repeat(11))).toThrow(CsvSyntaxError);
  });
});
