import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fmtRateVs } from '../../src/format.js';
import { neutralizeFormula } from '../../src/io/write/cells.js';
import { renderCsv, writeReport } from '../../src/io/write/output.js';
import { escapeMarkdown, renderTextTemplate } from '../../src/io/write/text-template.js';
import { fillXlsxTemplate } from '../../src/io/write/xlsx-template.js';
import { inputError } from './expect-error.js';
import { unzipAll } from '../helpers/zip-parts.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-writers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DANGEROUS = [
  '=HYPERLINK("http://x","点我")',
  '+86 138 0000 0000',
  '-_-',
  '@主播 多少钱',
  '\tx',
  '\r\nx',
  '\nx',
  '＝1+1',
  '＋1',
  '－1',
  '＠a',
];

const model = {
  stream: { account: '山野户外旗舰店', end: '2026-11-18T23:12:40+08:00' },
  summary: { gmv: 133433, uvValue: 19.674, avgDwellSeconds: 65, refundRate: null },
  products: [
    {
      id: '3650123456789012345',
      name: '轻量冲锋衣',
      gmv: 89990.5,
      clickRate: 0.0299,
      rules: ['weekly-click-eliminate'],
    },
    { id: '3650123456789012346', name: '=HYPERLINK("http://x","点我")', gmv: -12.5, clickRate: 0.03, rules: [] },
    { id: '3650123456789012347', name: '-_-', gmv: 0, clickRate: null, rules: [] },
  ],
  trend: null,
  files: [
    {
      file: 'a.xlsx',
      tables: [
        { sheet: 'S1', rows: 3 },
        { sheet: 'S2', rows: 4 },
      ],
    },
    { file: 'b.csv', tables: [{ sheet: null, rows: 5 }] },
  ],
};

async function buildTemplate(file: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('概览', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.getColumn(1).width = 30;
  ws.getCell('A1').value = '成交金额';
  ws.getCell('B1').value = '{{summary.gmv}}';
  ws.getCell('B1').numFmt = '¥#,##0.00';
  ws.getCell('B1').font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getCell('A2').value = 'UV价值';
  ws.getCell('B2').value = '{{ summary.uvValue }}';
  ws.getCell('B2').numFmt = '0.00';
  ws.getCell('A3').value = '截至 {{stream.end}}（{{stream.account}}）';
  ws.getCell('B3').value = '{{summary.avgDwellSeconds | time}}';
  ws.getCell('B3').numFmt = '[h]:mm:ss';
  ws.getCell('C3').value = '{{summary.refundRate}}';
  ws.getCell('C3').numFmt = '0.00%';
  ws.getRow(5).values = ['商品', '成交金额', '序号', '账号', '点击率', '规则'];
  ws.getCell('A6').value = '{{#each products}}{{name}}';
  ws.getCell('B6').value = '{{gmv}}';
  ws.getCell('B6').numFmt = '#,##0.00';
  ws.getCell('C6').value = '{{@no}}';
  ws.getCell('D6').value = '{{stream.account}}';
  ws.getCell('E6').value = '{{clickRate}}';
  ws.getCell('E6').numFmt = '0.00%';
  ws.getCell('F6').value = '{{rules | join}}';
  ws.getCell('A7').value = '合计';
  ws.getCell('B7').value = '{{summary.gmv}}';
  ws.getCell('A8').value = '说明：数据来自平台导出';
  ws.mergeCells('A8:C8');
  ws.autoFilter = 'A5:F5';
  const trend = wb.addWorksheet('趋势');
  trend.getRow(1).values = ['时间', '在线'];
  trend.getCell('A2').value = '{{#each trend}}{{time}}';
  const nested = wb.addWorksheet('表');
  nested.getCell('A1').value = '{{#each files.tables}}{{file}}';
  nested.getCell('B1').value = '{{sheet}}';
  nested.getCell('C1').value = '{{rows}}';
  edit?.(wb);
  await wb.xlsx.writeFile(file);
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('xlsx templates', () => {
  let out: ExcelJS.Workbook;
  beforeAll(async () => {
    const tpl = join(dir, 'retro-team.xlsx');
    await buildTemplate(tpl);
    const target = join(dir, 'filled.xlsx');
    await fillXlsxTemplate(tpl, model, target, { templateLabel: 'retro-team.xlsx' });
    out = await readBack(target);
  });

  it('fills a placeholder with a number that stays a number, keeping style and number format', () => {
    const b1 = out.getWorksheet('概览')!.getCell('B1');
    expect(b1.value).toBe(133433);
    expect(b1.numFmt).toBe('¥#,##0.00');
    expect(b1.font?.bold).toBe(true);
    expect(b1.font?.color?.argb).toBe('FFC00000');
    expect(out.getWorksheet('概览')!.getCell('B2').value).toBeCloseTo(19.674, 9);
  });

  it('interpolates text, converts seconds for a time format, and leaves a missing metric empty', () => {
    const ws = out.getWorksheet('概览')!;
    expect(ws.getCell('A3').value).toBe('截至 2026-11-18T23:12:40+08:00（山野户外旗舰店）');
    // The cell holds 65 s as a fraction of a day; exceljs reads a time-formatted number back as a Date.
    const b3 = ws.getCell('B3').value as Date;
    expect((b3.getTime() - Date.UTC(1899, 11, 30)) / 1000).toBeCloseTo(65, 6);
    expect(ws.getCell('B3').numFmt).toBe('[h]:mm:ss');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('C3').numFmt).toBe('0.00%');
  });

  it('repeats the {{#each}} row once per item and shifts what follows', () => {
    const ws = out.getWorksheet('概览')!;
    const rows = [6, 7, 8].map((r) => ws.getRow(r).values as unknown[]);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['轻量冲锋衣', 89990.5, 1, '山野户外旗舰店', 0.0299, 'weekly-click-eliminate'],
      ['\'=HYPERLINK("http://x","点我")', -12.5, 2, '山野户外旗舰店', 0.03],
      ["'-_-", 0, 3, '山野户外旗舰店'],
    ]);
    expect(ws.getCell('B7').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E8').numFmt).toBe('0.00%');
    // The total row and the note moved down by two rows; the merge moved with the note.
    expect(ws.getCell('A9').value).toBe('合计');
    expect(ws.getCell('B9').value).toBe(133433);
    expect(ws.getCell('A10').value).toBe('说明：数据来自平台导出');
    expect((ws.model as { merges: string[] }).merges).toEqual(['A10:C10']);
    expect(ws.autoFilter).toBe('A5:F10');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
  });

  it('leaves out a sheet whose data the report does not have', () => {
    expect(out.worksheets.map((w) => w.name)).toEqual(['概览', '表']);
  });

  it('repeats over a path that runs through lists, with the parent fields reachable', () => {
    const ws = out.getWorksheet('表')!;
    expect([1, 2, 3].map((r) => (ws.getRow(r).values as unknown[]).slice(1))).toEqual([
      ['a.xlsx', 'S1', 3],
      ['a.xlsx', 'S2', 4],
      ['b.csv', undefined, 5],
    ]);
  });

  it('an unknown placeholder fails naming the sheet and cell', async () => {
    const tpl = join(dir, 'typo.xlsx');
    await buildTemplate(tpl, (wb) => {
      wb.getWorksheet('概览')!.getCell('B2').value = '{{summary.uvValu}}';
    });
    const e = await inputError(fillXlsxTemplate(tpl, model, join(dir, 'never.xlsx'), { templateLabel: 'typo.xlsx' }));
    expect(e.message).toMatch(
      /^typo\.xlsx: 概览!B2: unknown placeholder \{\{summary\.uvValu\}\}: the report has no field "summary\.uvValu" \(fields there: gmv, uvValue/,
    );
  });

  it('an unknown field inside a repeated row names the template cell', async () => {
    const tpl = join(dir, 'typo2.xlsx');
    await buildTemplate(tpl, (wb) => {
      wb.getWorksheet('概览')!.getCell('E6').value = '{{clickrate}}';
    });
    const e = await inputError(fillXlsxTemplate(tpl, model, join(dir, 'never2.xlsx'), { templateLabel: 'typo2.xlsx' }));
    expect(e.message).toMatch(/概览!E6: unknown placeholder \{\{clickrate\}\}/);
  });

  it('an unknown list in {{#each}} fails naming the row', async () => {
    const tpl = join(dir, 'typo3.xlsx');
    await buildTemplate(tpl, (wb) => {
      wb.getWorksheet('概览')!.getCell('A6').value = '{{#each product}}{{name}}';
    });
    const e = await inputError(fillXlsxTemplate(tpl, model, join(dir, 'never3.xlsx'), { templateLabel: 'typo3.xlsx' }));
    expect(e.message).toMatch(/概览!A6: unknown placeholder \{\{#each product\}\}: the report has no list "product"/);
  });
});

describe('xlsx templates: blocks of rows, conditional formats, row heights', () => {
  // A calendar's shape: a row of day numbers above a row of each day's streams, per week.
  const weeks = {
    title: '2026年12月',
    weeks: [
      { mon: { day: null, lines: [] }, tue: { day: 1, lines: ['20:00 日常场 · 小林'] } },
      {
        mon: { day: 7, lines: ['19:30 日常场', '20:00 专场·双12', '21:00 会员专属场', '22:00 日常场'] },
        tue: { day: 8, lines: [] },
      },
    ],
  };
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const tpl = join(dir, 'calendar.xlsx');
    const wb = new ExcelJS.Workbook();
    const t = wb.addWorksheet('月历');
    t.columns = [{ width: 20 }, { width: 20 }];
    t.getCell('A1').value = '{{title}}';
    t.mergeCells('A1:B1');
    t.getRow(2).values = ['一', '二'];
    t.getCell('A3').value = '{{#each weeks}}{{mon.day}}';
    t.getCell('B3').value = '{{tue.day}}';
    t.getRow(3).height = 18;
    t.getCell('A4').value = '{{mon.lines | lines}}{{/each}}';
    t.getCell('B4').value = '{{tue.lines | lines}}';
    t.getRow(4).height = 30;
    t.getCell('A5').value = '灰格不在本月';
    t.mergeCells('A5:B5');
    const grey = { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: 'FFF2F2F2' } } };
    t.addConditionalFormatting({
      ref: 'A3:B3',
      rules: [{ type: 'expression', priority: 1, formulae: ['LEN(A3)=0'], style: grey }],
    });
    t.addConditionalFormatting({
      ref: 'A4:B4',
      rules: [{ type: 'expression', priority: 2, formulae: ['LEN(A3)=0'], style: grey }],
    });
    t.addConditionalFormatting({
      ref: 'A3:B4 A5',
      rules: [{ type: 'expression', priority: 3, formulae: ['FALSE'], style: grey }],
    });
    await wb.xlsx.writeFile(tpl);
    await fillXlsxTemplate(tpl, weeks, join(dir, 'calendar-out.xlsx'), { templateLabel: 'calendar.xlsx' });
    ws = (await readBack(join(dir, 'calendar-out.xlsx'))).getWorksheet('月历')!;
  });

  it('a block closed by {{/each}} repeats its two rows per week, and what follows moves down by them', () => {
    expect([3, 4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1))).toEqual([
      [undefined, 1],
      [undefined, '20:00 日常场 · 小林'],
      [7, 8],
      ['19:30 日常场\n20:00 专场·双12\n21:00 会员专属场\n22:00 日常场'],
    ]);
    expect(ws.getCell('A7').value).toBe('灰格不在本月');
    expect((ws.model as { merges: string[] }).merges.sort()).toEqual(['A1:B1', 'A7:B7']);
  });

  it('a list with | lines is one item a line, and wraps', () => {
    expect(ws.getCell('A6').alignment?.wrapText).toBe(true);
  });

  it('a row keeps its template height and grows to the lines its text takes', () => {
    expect([3, 4, 5].map((r) => ws.getRow(r).height)).toEqual([18, 30, 18]);
    // Four lines, 15 points each.
    expect(ws.getRow(6).height).toBe(60);
  });

  it('conditional formats cover every copy of their rows, and move with the rows below', () => {
    const cf = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(cf.map((c) => [c.ref, (c.rules[0] as { formulae: string[] }).formulae[0]])).toEqual([
      ['A3:B3 A5:B5', 'LEN(A3)=0'],
      ['A4:B4 A6:B6', 'LEN(A3)=0'],
      ['A3:B6 A7:A7', 'FALSE'],
    ]);
  });

  it('a {{/each}} with no {{#each}} above it is an error naming the row', async () => {
    const tpl = join(dir, 'stray-end.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A2').value = '{{title}}{{/each}}';
    await wb.xlsx.writeFile(tpl);
    const e = await inputError(
      fillXlsxTemplate(tpl, weeks, join(dir, 'never4.xlsx'), { templateLabel: 'stray-end.xlsx' }),
    );
    expect(e.message).toMatch(/^stray-end\.xlsx: S!A2: \{\{\/each\}\} closes no \{\{#each\}\} row above it/);
  });
});

describe('formula safety', () => {
  it.each(DANGEROUS)('%j is neutralised', (s) => expect(neutralizeFormula(s)).toBe(`'${s}`));
  it.each(['山野', '12', '1-2', 'a=b', '价格 = 99'])('%j is left alone', (s) => expect(neutralizeFormula(s)).toBe(s));
  // A spreadsheet skips leading spaces before it looks for a formula sign.
  it('" =x" gets the apostrophe', () => expect(neutralizeFormula(' =x')).toBe("' =x"));

  it('xlsx read back: every dangerous text is text with a leading apostrophe; numbers stay numbers', async () => {
    const m = { rows: [...DANGEROUS.map((name, i) => ({ name, n: -i }))] };
    const tpl = join(dir, 'safety.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = '{{#each rows}}{{name}}';
    ws.getCell('B1').value = '{{n}}';
    await wb.xlsx.writeFile(tpl);
    await fillXlsxTemplate(tpl, m, join(dir, 'safety-out.xlsx'), { templateLabel: 'safety.xlsx' });
    const back = (await readBack(join(dir, 'safety-out.xlsx'))).getWorksheet('S')!;
    DANGEROUS.forEach((s, i) => {
      // xlsx stores line breaks in text as LF.
      expect(back.getCell(i + 1, 1).value).toBe(`'${s.replace(/\r\n/g, '\n')}`);
      expect(back.getCell(i + 1, 1).formula).toBeUndefined();
      expect(back.getCell(i + 1, 2).value).toBe(i === 0 ? 0 : -i);
    });
  });

  it('csv read back: UTF-8 BOM, CRLF, RFC 4180 quoting, dangerous text neutralised, numbers as numbers', async () => {
    const m = { list: DANGEROUS.map((name, i) => ({ name, gmv: -i * 1.5, note: 'a, "b"' })) };
    const csv = await renderCsv(m, {
      list: 'list',
      columns: [
        { path: 'name', header: '商品' },
        { path: 'gmv', header: '成交金额' },
        { path: 'note', header: '备注' },
      ],
    });
    expect(csv.startsWith('\uFEFF商品,成交金额,备注\r\n')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['商品', '成交金额', '备注']);
    DANGEROUS.forEach((s, i) => {
      expect(rows[i + 1]![0]).toBe(`'${s}`);
      expect(rows[i + 1]![1]).toBe(String(-i * 1.5));
      expect(rows[i + 1]![2]).toBe('a, "b"');
    });
  });
});

describe('{{pagebreak}}: where a printed page ends', () => {
  it('a row holding it alone ends its page (a manual row break at that output row, below rows that repeated), and is written empty', async () => {
    const tpl = join(dir, 'pagebreak.xlsx');
    const wb = new ExcelJS.Workbook();
    const t = wb.addWorksheet('图表');
    t.getCell('A1').value = '{{#each items}}{{name}}';
    t.getCell('A2').value = '{{pagebreak}}';
    t.getCell('A3').value = '下一页';
    await wb.xlsx.writeFile(tpl);
    const out = join(dir, 'pagebreak-out.xlsx');
    await fillXlsxTemplate(tpl, { items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, out, {
      templateLabel: 'pagebreak.xlsx',
    });
    const sheet = (await unzipAll(out)).find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
    // Three item rows, then the break's row (4): the page ends after it, 下一页 starts the next.
    expect([...sheet.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => m[1])).toEqual(['4']);
    const ws = (await readBack(out)).getWorksheet('图表')!;
    expect(ws.getCell('A4').value).toBeNull();
    expect(ws.getCell('A5').value).toBe('下一页');
  });
});

describe('text templates (eta, Markdown)', () => {
  it('renders fields with Markdown escaping', async () => {
    const out = await renderTextTemplate(
      '# <%= it.stream.account %>\n| <%= it.products[1].name %> | <%= it.summary.gmv %> |\n',
      model,
      { file: 't.md.eta' },
    );
    // No backslash escapes (chat apps show them as written): look-alikes that are never markup or a link.
    expect(out).toBe('# 山野户外旗舰店\n| =HYPERLINK("http：//x","点我") | 133433 |\n');
    expect(escapeMarkdown('a|b *c* [d](e) <x>')).toBe('a｜b ＊c＊ ［d］(e) ＜x>');
    expect(escapeMarkdown('12.5% +3')).toBe('12.5% +3');
    expect(escapeMarkdown('line1\nline2')).toBe('line1 line2');
  });

  it('a field the model lacks is an error naming the template line', async () => {
    const e = await inputError(
      renderTextTemplate('ok\n<%= it.summary.gmv %>\n<%= it.summary.gvm %>\n', model, { file: 'retro.md.eta' }),
    );
    expect(e.message).toMatch(
      /^retro\.md\.eta:3: template: unknown placeholder: the report has no field "summary\.gvm"/,
    );
  });

  it('loops over lists and reads item fields strictly', async () => {
    const out = await renderTextTemplate('<% for (const p of it.products) { %>- <%= p.name %>\n<% } %>', model, {
      file: 'x',
    });
    expect(out).toBe('- 轻量冲锋衣\n- =HYPERLINK("http：//x","点我")\n- -＿-\n');
    const e = await inputError(
      renderTextTemplate('<% for (const p of it.products) { %><%= p.nme %><% } %>', model, { file: 'y' }),
    );
    expect(e.message).toMatch(/no field "products\.nme"/);
  });
});

describe('writeReport: atomic, no clobber', () => {
  it('an error mid-way (a bad template) leaves nothing behind', async () => {
    const tpl = join(dir, 'bad.xlsx');
    await buildTemplate(tpl, (wb) => {
      wb.getWorksheet('概览')!.getCell('B2').value = '{{nope}}';
    });
    const sub = mkdtempSync(join(dir, 'out-'));
    const target = join(sub, '复盘.xlsx');
    await expect(
      writeReport({
        target,
        format: 'xlsx',
        model,
        template: 'inspect',
        templateOverride: tpl,
        lang: 'zh',
        cwd: dir,
        force: false,
      }),
    ).rejects.toThrow(/unknown placeholder/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('an existing output is kept without force and replaced with it', async () => {
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old');
    await expect(
      writeReport({ target, format: 'json', model, template: 'inspect', lang: 'zh', cwd: dir, force: false }),
    ).rejects.toThrow(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    await writeReport({ target, format: 'json', model, template: 'inspect', lang: 'zh', cwd: dir, force: true });
    expect(JSON.parse(readFileSync(target, 'utf8')).summary.gmv).toBe(133433);
  });
});

describe('a rate beside its threshold', () => {
  it.each<[number, number, string]>([
    [90 / 3001, 0.03, '2.999%'],
    [0.0299, 0.03, '2.99%'],
    [0.03, 0.03, '3.00%'],
    [0.0283, 0.03, '2.83%'],
    [0.09996, 0.1, '9.996%'],
  ])('%s against %s reads %s', (v, t, shown) => expect(fmtRateVs(v, t)).toBe(shown));
});
