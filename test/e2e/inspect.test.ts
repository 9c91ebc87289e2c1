import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Report {
  files: Array<{
    file: string;
    format: string | null;
    encoding: string | null;
    error: string | null;
    tables: Array<{
      sheet: string | null;
      platform: string;
      kind: string;
      layout: string;
      headerRow: number | null;
      rows: number;
      unmapped: string[];
      columns: Array<{ header: string; field: string | null; suggestion?: string }>;
    }>;
  }>;
  errors: string[];
}

const json = (args: string[], cwd = FIXTURES) => {
  const r = liveops(['--json', 'inspect', ...args], { cwd });
  return { ...r, report: JSON.parse(r.stdout) as Report };
};

describe('liveops inspect on every fixture', () => {
  const ALL: Array<[file: string, platform: string, kinds: string[]]> = [
    [
      'douyin-compass-session.xlsx',
      'douyin',
      ['stream-summary', 'stream-summary', 'stream-summary', 'channels', 'short-video', 'products'],
    ],
    ['douyin-live-list.xlsx', 'douyin', ['stream-list']],
    ['douyin-products.xlsx', 'douyin', ['products']],
    ['taobao-sessions-gbk.csv', 'taobao', ['stream-list']],
    ['taobao-anchor.csv', 'taobao', ['stream-list']],
    ['comments.csv', 'generic', ['comments']],
    ['orders.csv', 'generic', ['orders']],
    ['selection.xlsx', 'generic', ['selection']],
    ['consultations.csv', 'generic', ['consultations']],
    ['minute-trend.csv', 'generic', ['minute-trend']],
    ['kpi-2026-11.xlsx', 'generic', ['kpi']],
  ];

  it('names the platform and kind of each, maps every column, and exits 0 (one JSON object on stdout)', () => {
    const r = json(ALL.map(([f]) => f));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.report.errors).toEqual([]);
    for (const [file, platform, kinds] of ALL) {
      const f = r.report.files.find((x) => x.file === file)!;
      expect(f.error, file).toBeNull();
      expect(
        f.tables.map((t) => t.kind),
        file,
      ).toEqual(kinds);
      for (const t of f.tables) {
        expect(t.platform, `${file} ${t.sheet}`).toBe(platform);
        expect(t.unmapped, `${file} ${t.sheet}`).toEqual([]);
        expect(
          t.columns.every((c) => c.field !== null),
          `${file} ${t.sheet}`,
        ).toBe(true);
      }
    }
  });

  it('prints a readable summary in Chinese by default and English with --lang en', () => {
    const zh = liveops(['inspect', 'taobao-sessions-gbk.csv'], { cwd: FIXTURES });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('淘宝直播 · 场次列表 · 表格 · 表头第2行 · 12 行数据');
    expect(zh.stdout).toMatch(/成交金额（元）\s+→ gmv/);
    expect(zh.stdout).toContain('gb18030');
    const en = liveops(['--lang', 'en', 'inspect', 'taobao-sessions-gbk.csv'], { cwd: FIXTURES });
    expect(en.stdout).toContain('Taobao Live · stream list · table · header on row 2 · 12 data rows');
  });

  it('shows SKU child rows and the total row apart from data rows', () => {
    // That line is 81 columns: wider than the 80 a pipe gets.
    const r = liveops(['inspect', 'douyin-compass-session.xlsx'], { cwd: FIXTURES, env: { COLUMNS: '120' } });
    expect(r.stdout).toContain('[商品分析-商品明细] 抖音 · 商品数据 · 表格 · 表头第1行 · 8 行数据，11 行SKU明细');
    expect(r.stdout).toContain('[流量分析-渠道分析] 抖音 · 流量渠道 · 表格 · 表头第1行 · 8 行数据，1 行合计');
    expect(r.stdout).toContain('[流量分析-流量转化] 抖音 · 单场汇总 · 键值对 · 第1行起 8 项指标');
  });
});

describe('an export with a header liveops does not know', () => {
  const file = join(tmp.dir, 'kuaishou-live.csv');
  beforeAll(() => {
    writeFileSync(
      file,
      '直播开始时间,场观,支付GMV,成交订单数,退款金额(退款日)\n2026/11/20 20:00,1.2万,"¥8,800",120,300\n',
    );
  });

  it('names the header and shows how to map it in the config', () => {
    const r = liveops(['inspect', file], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/C +支付GMV +未识别/);
    expect(r.stdout).toContain('liveops.config.yaml');
    expect(r.stdout).toMatch(/headers:\n\s+"支付GMV": gmv/);
    expect(r.stdout).toContain('快手');
  });

  it('with the mapping in the config file the header is recognised', () => {
    const dir = tempDir();
    try {
      copyFileSync(file, join(dir.dir, 'kuaishou-live.csv'));
      writeFileSync(join(dir.dir, 'liveops.config.yaml'), 'headers:\n  支付GMV: gmv\n  直播开始时间: start\n');
      const r = json(['kuaishou-live.csv'], dir.dir);
      expect(r.code).toBe(0);
      const t = r.report.files[0]!.tables[0]!;
      expect(t.unmapped).toEqual([]);
      expect(t.columns.map((c) => c.field)).toEqual(['start', 'uv', 'gmv', 'orders', 'refundAmount']);
      expect(t.platform).toBe('kuaishou');
      // One stream in one row: a summary of that stream.
      expect(t.kind).toBe('stream-summary');
    } finally {
      dir.cleanup();
    }
  });
});

describe('bad input: exit 2, a message naming file/row/column, no stack trace, no output file', () => {
  let bomb: string;
  beforeAll(async () => {
    // An xlsx whose one sheet inflates to 300 MB of a repeated character: small on disk.
    bomb = join(tmp.dir, 'bomb.xlsx');
    const z = new yazl.ZipFile();
    z.addBuffer(
      Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '[Content_Types].xml',
    );
    z.addBuffer(
      Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="商品" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/workbook.xml',
    );
    z.addBuffer(
      Buffer.from(
        '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/_rels/workbook.xml.rels',
    );
    const chunk = Buffer.alloc(1 << 20, 'a');
    let left = 300;
    z.addReadStream(
      new Readable({
        read() {
          this.push(left-- > 0 ? chunk : null);
        },
      }),
      'xl/worksheets/sheet1.xml',
    );
    z.end();
    const parts: Buffer[] = [];
    for await (const c of z.outputStream as AsyncIterable<Buffer>) parts.push(c);
    writeFileSync(bomb, Buffer.concat(parts));
  }, 60_000);

  const CASES: Array<[name: string, file: () => string, message: RegExp]> = [
    ['not a CSV', () => join(FIXTURES, 'bad/not-a-csv.csv'), /bad\/not-a-csv\.csv: not a CSV file: looks binary/],
    ['an empty file', () => join(FIXTURES, 'bad/empty.csv'), /bad\/empty\.csv: file is empty/],
    [
      'a truncated xlsx',
      () => join(FIXTURES, 'bad/truncated.xlsx'),
      /bad\/truncated\.xlsx: not a valid \.xlsx file \(the zip is damaged or truncated\)/,
    ],
    [
      'a non-number in a number column',
      () => join(FIXTURES, 'bad/bad-number.csv'),
      /bad\/bad-number\.csv:5: column 用户支付金额: "12,3O4" is not an amount such as ¥1,234\.50/,
    ],
    [
      'a missing required column',
      () => join(FIXTURES, 'bad/missing-column.csv'),
      /bad\/missing-column\.csv:1: missing a required column for orders \(订单\): 订单金额 \/ 实付金额/,
    ],
    ['a directory', () => join(FIXTURES, 'bad'), /bad: is a directory; pass the export files in it/],
    ['a missing file', () => join(tmp.dir, 'nope.csv'), /nope\.csv: file not found/],
    ['an xlsx that inflates to hundreds of MB', () => bomb, /bomb\.xlsx: refusing to read: .*inflate/],
  ];

  it.each(CASES)('%s', (_name, file, message) => {
    const out = join(tmp.dir, `report-${_name.replace(/\W+/g, '-')}.json`);
    const started = Date.now();
    const r = liveops(['inspect', file(), '-o', out], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^liveops: error: /m);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
    expect(tmp.files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('one bad file among good ones: the good ones are still reported, exit 2', () => {
    const r = json(['orders.csv', 'bad/empty.csv']);
    expect(r.code).toBe(2);
    expect(r.report.files[0]!.tables[0]!.kind).toBe('orders');
    expect(r.report.files[1]!.error).toMatch(/file is empty/);
    expect(r.report.errors).toHaveLength(1);
  });

  it('a header-only file is recognised, with zero data rows', () => {
    const r = json(['bad/header-only.csv']);
    expect(r.code).toBe(0);
    expect(r.report.files[0]!.tables[0]!.rows).toBe(0);
    expect(r.report.files[0]!.tables[0]!.kind).toBe('products');
  });
});

describe('writing the report with -o', () => {
  it('writes JSON atomically and refuses to overwrite without --force', () => {
    const out = join(tmp.dir, 'inspect.json');
    const first = liveops(['inspect', join(FIXTURES, 'orders.csv'), '-o', out], { cwd: tmp.dir });
    expect(first.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(written.files[0]!.tables[0]!.kind).toBe('orders');
    const again = liveops(['inspect', join(FIXTURES, 'orders.csv'), '-o', out], { cwd: tmp.dir });
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/inspect\.json already exists; pass --force/);
    const forced = liveops(['inspect', join(FIXTURES, 'comments.csv'), '-o', out, '--force'], { cwd: tmp.dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"comments"');
  });
});
