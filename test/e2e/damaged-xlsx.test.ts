/**
 * Issue 17, end to end: a workbook whose parts were cut or changed is an error naming the part —
 * exit 2 for inspect and retro, a skipped file with its reason for select and the weekly report —
 * never a shorter table read with exit 0 ("select used 6 of 15 products, 0 skipped files").
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { unzipAll, zipTo, type Part } from '../helpers/zip-parts.js';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const GOOD = '商品_测试店_20261118.xlsx';
const BAD = '商品_测试店_20261119.xlsx';
const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';

/** `parts` with `name`'s text replaced. */
const edit = (parts: Part[], name: string, f: (xml: string) => string): Part[] =>
  parts.map((p) => (p.name === name ? { name, data: Buffer.from(f(p.data.toString('utf8'))) } : p));
const half = (s: string) => s.slice(0, Math.floor(s.length / 2));

/** Damages, each written as BAD into its own folder beside a copy of GOOD. */
const DAMAGES: Array<[name: string, part: RegExp, build: (parts: Part[], file: string) => Promise<unknown>]> = [
  [
    'the sheet cut in half',
    /xl\/worksheets\/sheet1\.xml ends in the middle of its XML, before <\/worksheet>/,
    (p, f) => zipTo(f, edit(p, SHEET, half)),
  ],
  [
    'the shared strings cut in half',
    /xl\/sharedStrings\.xml ends in the middle of its XML, before <\/sst>/,
    (p, f) => zipTo(f, edit(p, STRINGS, half)),
  ],
  [
    'the shared strings with fewer items than referenced',
    /cell [A-Z]+\d+ in xl\/worksheets\/sheet1\.xml refers to shared string \d+, but xl\/sharedStrings\.xml holds only 10/,
    (p, f) =>
      zipTo(
        f,
        edit(p, STRINGS, (xml) => {
          const items = [...xml.matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
          return xml.replace(items.join(''), items.slice(0, 10).join(''));
        }),
      ),
  ],
  [
    'a header cell that refers to a shared string past the end (the table would read as headerless)',
    /cell A1 in xl\/worksheets\/sheet1\.xml refers to shared string 99999, but xl\/sharedStrings\.xml holds only \d+/,
    (p, f) =>
      zipTo(
        f,
        edit(p, SHEET, (xml) => {
          const out = xml.replace(/(<c r="A1"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$199999$2');
          expect(out).not.toBe(xml);
          return out;
        }),
      ),
  ],
  [
    'a byte changed in the stored sheet (CRC-32)',
    /xl\/worksheets\/sheet1\.xml fails its CRC-32 check \(the file was cut or changed after it was written\)/,
    async (p, f) => {
      const bytes = await zipTo(f, p, [SHEET]);
      const at = bytes.indexOf('<v>1037</v>'); // 1037 exposures → 1137: the XML stays good
      expect(at).toBeGreaterThan(0);
      bytes[at + 4] = '1'.charCodeAt(0);
      writeFileSync(f, bytes);
    },
  ],
];

const folder = (i: number) => `case${i}`;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品列表');
  ws.addRow(['商品ID', '商品名称', '商品曝光人数', '商品点击人数', '成交人数', '用户支付金额']);
  for (let i = 1; i <= 15; i++)
    ws.addRow([`3700${1000 + i}`, `测试商品${i}号`, 1000 + i * 37, 100 + i * 3, 10 + i, 1234.5 + i]);
  const good = join(tmp.dir, GOOD);
  await wb.xlsx.writeFile(good);
  const parts = await unzipAll(good);
  for (const [i, [, , build]] of DAMAGES.entries()) {
    mkdirSync(join(tmp.dir, folder(i)));
    copyFileSync(good, join(tmp.dir, folder(i), GOOD));
    await build(parts, join(tmp.dir, folder(i), BAD));
  }
  // A Compass session workbook (retro) and a week of exports (weekly), each with one damaged part.
  const session = await unzipAll(join(FIXTURES, 'douyin-compass-session.xlsx'));
  await zipTo(join(tmp.dir, '整场数据.xlsx'), edit(session, SHEET, half));
  cpSync(join(FIXTURES, 'week-2026-W47'), join(tmp.dir, 'week47'), { recursive: true });
  const product = await unzipAll(join(FIXTURES, 'week-2026-W47', '商品_小鹿美妆官方_20261116.xlsx'));
  await zipTo(join(tmp.dir, 'week47', '商品_小鹿美妆官方_20261116.xlsx'), edit(product, STRINGS, half));
}, 60_000);

describe('liveops inspect on a damaged workbook', () => {
  it.each(DAMAGES.map(([name, part], i) => [name, part, i] as const))(
    '%s → exit 2 naming the file and the part',
    (_name, part, i) => {
      const r = liveops(['inspect', join(folder(i), BAD)], { cwd: tmp.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toMatch(
        new RegExp(
          `^liveops: error: case${i}/${BAD}( \\[商品列表\\](:\\d+: column [A-Z]+)?)?: the workbook is damaged: ${part.source}.*; export it again$`,
          'm',
        ),
      );
    },
  );

  it('the good workbook beside them reads whole: 15 data rows', () => {
    const r = liveops(['inspect', GOOD], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/表头第1行 · 15 行数据/);
  });
});

describe('liveops select on a folder with a good and a damaged product export', () => {
  it.each(DAMAGES.map(([name, part], i) => [name, part, i] as const))(
    '%s → the damaged file is skipped with its reason, the good one used whole',
    (_name, part, i) => {
      const r = liveops(['--json', 'select', folder(i), '--week', '2026-W47', '-o', `out${i}/`], { cwd: tmp.dir });
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(3); // written, with a skipped file
      const report = JSON.parse(r.stdout);
      expect(report.skipped).toHaveLength(1);
      expect(report.skipped[0].file).toBe(`${folder(i)}/${BAD}`);
      expect(report.skipped[0].reason).toMatch(
        new RegExp(
          `^(\\[商品列表\\]( row \\d+, column [A-Z]+)?: )?the workbook is damaged: ${part.source}.*; export it again$`,
        ),
      );
      expect(report.products).toHaveLength(15);
      expect(r.stderr).toMatch(/: 15 products, .*1 skipped file/);
    },
  );
});

describe('liveops retro and the weekly report', () => {
  it('retro on a session workbook with a sheet cut in half → exit 2 naming the part', () => {
    const r = liveops(['retro', '整场数据.xlsx', '-o', 'retro.xlsx'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(
      /^liveops: error: (.*\/)?整场数据\.xlsx \[基本信息\]: the workbook is damaged: xl\/worksheets\/sheet1\.xml ends in the middle of its XML/m,
    );
  });

  it('the weekly report skips a product export whose shared strings were cut, naming the part', () => {
    const r = liveops(['--json', 'retro', '--weekly', 'week47', '--week', '2026-W47', '--out', 'weekly/'], {
      cwd: tmp.dir,
    });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    const skipped = Object.fromEntries(report.skipped.map((s: { file: string; reason: string }) => [s.file, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(['week47/商品_小鹿美妆官方_20261116.xlsx', 'week47/损坏的导出.xlsx']);
    expect(skipped['week47/商品_小鹿美妆官方_20261116.xlsx']).toMatch(
      /^the workbook is damaged: xl\/sharedStrings\.xml ends in the middle of its XML, before <\/sst>/,
    );
    expect(readFileSync(join(tmp.dir, 'weekly', '周报_2026-W47.xlsx')).length).toBeGreaterThan(0);
  });
});
