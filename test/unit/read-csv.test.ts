import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError } from '../../src/errors.js';
import { detectDelimiter } from '../../src/io/read/csv.js';
import { PREFIX_BYTES, utf8CompleteLength } from '../../src/io/read/encoding.js';
import { openRawSource, type OpenOptions, type RawRow } from '../../src/io/read/raw.js';
import { inputError } from './expect-error.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-read-csv-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function write(content: string | Buffer, name = `f${n++}.csv`): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** The rows as a spreadsheet numbers them; `lines: true` keeps the physical lines each spans. */
async function readCsv(file: string, opts?: OpenOptions & { lines?: boolean }) {
  const src = await openRawSource(file, opts);
  const sheets: { name: string; index: number; rows: RawRow[] }[] = [];
  for await (const s of src.sheets) {
    const rows: RawRow[] = [];
    for await (const r of s.rows) {
      if (!opts?.lines) {
        delete r.line;
        delete r.lastLine;
      }
      rows.push(r);
    }
    sheets.push({ name: s.name, index: s.index, rows });
  }
  expect(sheets).toHaveLength(1);
  return { src, rows: sheets[0]!.rows, sheet: sheets[0]! };
}

/** Hand-written GBK bytes for the characters the tests use (checked against TextDecoder below). */
const GBK: Record<string, string> = {
  中: 'd6d0',
  文: 'cec4',
  成: 'b3c9',
  交: 'bdbb',
  金: 'bdf0',
  额: 'b6ee',
  观: 'b9db',
  看: 'bfb4',
  人: 'c8cb',
  数: 'cafd',
  直: 'd6b1',
  播: 'b2a5',
  间: 'bce4',
  抖: 'b6b6',
  音: 'd2f4',
  号: 'bac5',
  商: 'c9cc',
  品: 'c6b7',
};
function gbk(s: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) parts.push(Buffer.from(ch, 'latin1'));
    else if (GBK[ch]) parts.push(Buffer.from(GBK[ch], 'hex'));
    else throw new Error(`no GBK bytes for ${ch} in the test table`);
  }
  return Buffer.concat(parts);
}

describe('encoding', () => {
  it('the hand-written GBK table is right', () => {
    const all = Object.keys(GBK).join('');
    expect(new TextDecoder('gb18030').decode(gbk(all))).toBe(all);
  });

  it('reads UTF-8', async () => {
    const { src, rows, sheet } = await readCsv(write('直播间,成交金额\n抖音号,"¥236,552"\n', '直播明细.csv'));
    expect(src.format).toBe('csv');
    expect(src.encoding).toBe('utf-8');
    expect(src.delimiter).toBe(',');
    expect(sheet.name).toBe('直播明细');
    expect(sheet.index).toBe(0);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['直播间', '成交金额'] },
      { rowNumber: 2, cells: ['抖音号', '¥236,552'] },
    ]);
  });

  it('strips a UTF-8 BOM', async () => {
    const file = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('商品,观看人数\n中文,12\n')]));
    const { src, rows } = await readCsv(file);
    expect(src.encoding).toBe('utf-8-bom');
    expect(rows[0]!.cells).toEqual(['商品', '观看人数']);
    expect(rows[1]!.cells).toEqual(['中文', '12']);
  });

  it('reads GBK (as gb18030)', async () => {
    const file = write(gbk('直播间,成交金额,观看人数\r\n抖音号,12,34\r\n中文,,5\r\n'));
    const { src, rows } = await readCsv(file);
    expect(src.encoding).toBe('gb18030');
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['直播间', '成交金额', '观看人数'] },
      { rowNumber: 2, cells: ['抖音号', '12', '34'] },
      { rowNumber: 3, cells: ['中文', null, '5'] },
    ]);
  });

  it('decodes GBK that appears only after a pure-ASCII first MiB', async () => {
    const header = 'id,name,amount\n';
    const filler: string[] = [];
    let size = header.length;
    let i = 0;
    while (size <= PREFIX_BYTES + 100_000) {
      const line = `${i},sku-${i},${i * 3}\n`;
      filler.push(line);
      size += line.length;
      i++;
    }
    const file = write(
      Buffer.concat([Buffer.from(header + filler.join('')), gbk(`${i},直播间中文,99\n`), gbk(`${i + 1},商品,1\n`)]),
    );
    const { src, rows } = await readCsv(file);
    expect(src.encoding).toBe('gb18030'); // decided while streaming
    expect(rows).toHaveLength(i + 3);
    expect(rows[i + 1]).toEqual({ rowNumber: i + 2, cells: [String(i), '直播间中文', '99'] });
    expect(rows[i + 2]).toEqual({ rowNumber: i + 3, cells: [String(i + 1), '商品', '1'] });
    expect(rows[5]!.cells).toEqual(['4', 'sku-4', '12']);
  });

  it('decodes UTF-8 that appears only after a pure-ASCII first MiB', async () => {
    const ascii = 'a,b\n'.repeat(PREFIX_BYTES / 4 + 10);
    const file = write(ascii + '成交金额,中文\n');
    const { src, rows } = await readCsv(file);
    expect(src.encoding).toBe('utf-8');
    expect(rows.at(-1)).toEqual({ rowNumber: PREFIX_BYTES / 4 + 11, cells: ['成交金额', '中文'] });
  });

  it('is not fooled by a UTF-8 character split exactly at the 1 MiB prefix cut', async () => {
    // '中' is 3 bytes in UTF-8; put its first byte at PREFIX_BYTES - 1.
    const head = 'x,' + 'y'.repeat(PREFIX_BYTES - 1 - 2 - 1) + '\n';
    const buf = Buffer.concat([Buffer.from(head), Buffer.from('中文,成交金额\n')]);
    expect(buf[PREFIX_BYTES - 1]).toBe(0xe4);
    expect(utf8CompleteLength(buf.subarray(0, PREFIX_BYTES))).toBe(PREFIX_BYTES - 1);
    const { src, rows } = await readCsv(write(buf));
    expect(src.encoding).toBe('utf-8');
    expect(rows[1]).toEqual({ rowNumber: 2, cells: ['中文', '成交金额'] });
  });

  it('reports a file that turns from UTF-8 into something else instead of mojibake', async () => {
    const file = write(
      Buffer.concat([Buffer.from('中文,a\n'), Buffer.from('b,c\n'.repeat(PREFIX_BYTES / 4)), gbk('成交金额,1\n')]),
    );
    const e = await inputError(readCsv(file));
    // 9 bytes of row 1, then 262,144 rows of 4 bytes: the GBK row starts at byte 1,048,585.
    expect(e.problem).toMatch(/invalid UTF-8 at byte 1048585 \(line 262146\), although the rest of the file is UTF-8/);
  });

  describe('a small UTF-8 file that fails validation is damaged UTF-8, not GBK mojibake', () => {
    const rows = [
      '直播间,抖音号,商品成交金额',
      ...Array.from({ length: 20 }, (_, i) => `2026-11-18 20:${10 + i}:00,抖音号${i},中文商品`),
    ];
    const utf8 = Buffer.from(rows.join('\n') + '\n');
    const line3 = Buffer.byteLength(rows.slice(0, 2).join('\n') + '\n');

    it('one flipped byte is named by byte and line', async () => {
      const bad = Buffer.from(utf8);
      const at = line3 + '2026-11-18 20:11:00,'.length; // the first byte of 抖
      bad[at] = 0xff;
      const e = await inputError(readCsv(write(bad)));
      expect(e.problem).toBe(
        `invalid UTF-8 at byte ${at} (line 3), although the rest of the file is UTF-8: it mixes encodings or is damaged; re-save it as UTF-8`,
      );
    });

    it('a file cut inside a character says it is cut off', async () => {
      const cut = utf8.subarray(0, utf8.length - 2); // "品\n" → the first two of 品's three bytes
      const e = await inputError(readCsv(write(cut)));
      expect(e.problem).toBe(
        `the file ends in the middle of a UTF-8 character (byte ${cut.length - 2}, line 21): it is truncated (cut off); export it again`,
      );
    });

    it('a row pasted in GBK into a UTF-8 file is named', async () => {
      const mixed = Buffer.concat([utf8, gbk('2026-11-18 21:00:00,抖音号,中文\n')]);
      const e = await inputError(readCsv(write(mixed)));
      expect(e.problem).toMatch(new RegExp(`^invalid UTF-8 at byte ${utf8.length + 20} \\(line 22\\)`));
    });

    it('a GBK file with the same rows is still read as GBK', async () => {
      const { src, rows: got } = await readCsv(write(gbk(rows.join('\r\n') + '\r\n')));
      expect(src.encoding).toBe('gb18030');
      expect(got[3]!.cells).toEqual(['2026-11-18 20:12:00', '抖音号2', '中文商品']);
    });

    it('a GBK file with only a few Chinese characters is still read as GBK', async () => {
      const { src, rows: got } = await readCsv(write(gbk('id,name,gmv\n1,商品,12\n2,abc,3\n')));
      expect(src.encoding).toBe('gb18030');
      expect(got[1]!.cells).toEqual(['1', '商品', '12']);
    });
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text", tab-delimited)', async () => {
    const body = Buffer.from('商品\t成交金额\r\n中文\t12\r\n', 'utf16le');
    const { src, rows } = await readCsv(write(Buffer.concat([Buffer.from([0xff, 0xfe]), body]), 'u.txt'));
    expect(src.encoding).toBe('utf-16le');
    expect(src.delimiter).toBe('\t');
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['商品', '成交金额'] },
      { rowNumber: 2, cells: ['中文', '12'] },
    ]);
  });

  it('honours a forced encoding', async () => {
    const { src, rows } = await readCsv(write(gbk('中文,1\n')), { encoding: 'gb18030' });
    expect(src.encoding).toBe('gb18030');
    expect(rows[0]!.cells).toEqual(['中文', '1']);
  });
});

describe('delimiters', () => {
  it('detects tab', async () => {
    const { src, rows } = await readCsv(write('商品\t成交金额\t备注\n中文\t¥1,299\ta,b\n'));
    expect(src.delimiter).toBe('\t');
    expect(rows[1]!.cells).toEqual(['中文', '¥1,299', 'a,b']);
  });

  it('detects semicolon', async () => {
    const { src, rows } = await readCsv(write('a;b;c\n1,5;2;3\n4;5;6\n'));
    expect(src.delimiter).toBe(';');
    expect(rows[1]!.cells).toEqual(['1,5', '2', '3']);
  });

  it('ignores delimiters inside quotes when counting', () => {
    expect(detectDelimiter('"a;b;c",d\n"e;f;g",h\n')).toBe(',');
    expect(detectDelimiter('a\tb\n"x,y,z"\tw\n')).toBe('\t');
  });

  it('defaults to comma for a single column', async () => {
    const { src, rows } = await readCsv(write('成交金额\n12\n'));
    expect(src.delimiter).toBe(',');
    expect(rows.map((r) => r.cells)).toEqual([['成交金额'], ['12']]);
  });

  it('honours a forced delimiter', async () => {
    const { rows } = await readCsv(write('a;b,c\n'), { delimiter: ';' });
    expect(rows[0]!.cells).toEqual(['a', 'b,c']);
  });
});

describe('rows and row numbers', () => {
  it('handles quoted commas and embedded newlines: one row per record, as a spreadsheet numbers them', async () => {
    const text =
      [
        '商品,备注,金额', //                      row 1, line 1
        '"A, B","第一行\n第二行",1', //           row 2, lines 2-3
        'C,"x\r\ny\r\nz",2', //                   row 3, lines 4-6
        'D,"say ""hi""",3', //                    row 4, line 7
      ].join('\r\n') + '\r\n';
    const { rows } = await readCsv(write(text));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['商品', '备注', '金额'] },
      { rowNumber: 2, cells: ['A, B', '第一行\n第二行', '1'] },
      { rowNumber: 3, cells: ['C', 'x\r\ny\r\nz', '2'] },
      { rowNumber: 4, cells: ['D', 'say "hi"', '3'] },
    ]);
  });

  it('gives each row the physical lines it spans, for messages a text editor can follow', async () => {
    const { rows } = await readCsv(write('a,b\r\n"x\r\ny",1\r\n\r\nz,2'), { lines: true });
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'], line: 1 },
      { rowNumber: 2, cells: ['x\r\ny', '1'], line: 2, lastLine: 3 },
      { rowNumber: 4, cells: ['z', '2'], line: 5, unended: true },
    ]);
  });

  it('skips empty and blank lines but counts them', async () => {
    const { rows } = await readCsv(write('a,b\n\n1,2\n , \n,,\n\n3,4\n\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 3, cells: ['1', '2'] },
      { rowNumber: 7, cells: ['3', '4'] },
    ]);
  });

  it('reads CRLF and lone-CR line endings, trims cells and turns empty ones into null', async () => {
    const crlf = await readCsv(write('a , b,\r\n 1 ,,x\r\n'));
    expect(crlf.rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b', null] },
      { rowNumber: 2, cells: ['1', null, 'x'] },
    ]);
    const cr = await readCsv(write('a,b\r\r1,2\r'));
    expect(cr.rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 3, cells: ['1', '2'] },
    ]);
  });

  it('accepts ragged rows and a last line without newline', async () => {
    const { rows } = await readCsv(write('a,b,c\n1\n2,3,4,5'));
    expect(rows.map((r) => r.cells)).toEqual([['a', 'b', 'c'], ['1'], ['2', '3', '4', '5']]);
  });

  it('keeps a stray quote inside an unquoted field, like Excel', async () => {
    const { rows } = await readCsv(write('name,size\n27" monitor,1\n'));
    expect(rows[1]!.cells).toEqual(['27" monitor', '1']);
  });

  it('can iterate the rows of a CSV sheet twice', async () => {
    const src = await openRawSource(write('a,b\n1,2\n'));
    for await (const s of src.sheets) {
      const first: RawRow[] = [];
      for await (const r of s.rows) first.push(r);
      const second: RawRow[] = [];
      for await (const r of s.rows) second.push(r);
      expect(second).toEqual(first);
      expect(first).toHaveLength(2);
    }
  });

  it('stops reading when the consumer breaks early', async () => {
    const src = await openRawSource(write('a,b\n'.repeat(100_000)));
    let count = 0;
    for await (const s of src.sheets) {
      for await (const r of s.rows) {
        count++;
        if (r.rowNumber === 3) break;
      }
    }
    expect(count).toBe(3);
  });
});

describe('errors', () => {
  it('unclosed quote → InputError naming the line where the row starts', async () => {
    const e = await inputError(readCsv(write('a,b\n1,2\n3,"never closed\n4,5\n6,7\n')));
    expect(e.location.row).toBe(3);
    expect(e.problem).toMatch(/unclosed quote.*line 3/);
  });

  it('binary garbage → InputError', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const e = await inputError(openRawSource(write(bytes, 'garbage.csv')));
    expect(e.problem).toMatch(/not a CSV file: looks binary/);
  });

  it('binary without NUL bytes (control characters) → InputError', async () => {
    const bytes = Buffer.alloc(2000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + (i % 31);
    const e = await inputError(openRawSource(write(bytes)));
    expect(e.problem).toMatch(/looks binary/);
  });

  it('empty file → InputError', async () => {
    const e = await inputError(openRawSource(write('')));
    expect(e.problem).toBe('file is empty');
  });

  it('directory → InputError', async () => {
    const d = join(dir, 'a-dir.csv');
    mkdirSync(d);
    const e = await inputError(openRawSource(d));
    expect(e.problem).toBe('is a directory, expected a .csv or .xlsx file');
  });

  it('missing file → InputError', async () => {
    const e = await inputError(openRawSource(join(dir, 'nope.csv')));
    expect(e.problem).toBe('file not found');
    expect(e.location.file).toBe(join(dir, 'nope.csv'));
  });

  it('old .xls (OLE) → InputError, whatever the extension', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    const e = await inputError(openRawSource(write(ole, 'report.csv')));
    expect(e.problem).toMatch(/\.xls.*save it.*\.xlsx or \.csv/);
  });
});
