import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => {
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
  copyFileSync(join(FIXTURES, 'selection.xlsx'), join(tmp.dir, '选品表.xlsx'));
  const r = liveops(['schedule', '--month', '2026-12', '--pool', '选品表.xlsx', '--no-ics', '-q'], { cwd: tmp.dir });
  expect(r.code).toBe(0);
});

describe('liveops script from the schedule and the pool', () => {
  let run: ReturnType<typeof liveops>;
  let draft: Record<string, any>;
  beforeAll(() => {
    run = liveops(
      [
        '--json',
        'script',
        '--date',
        '2026-12-02',
        '--schedule',
        '排期表_2026-12.xlsx',
        '--pool',
        '选品表.xlsx',
        '-o',
        'out/',
      ],
      { cwd: tmp.dir },
    );
    draft = JSON.parse(run.stdout);
  });

  it('writes the Markdown draft, the run-sheet and the cue sheet', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(STACK);
    expect(draft.outputs).toEqual([
      'out/脚本_2026-12-02_山野户外旗舰店.md',
      'out/脚本_2026-12-02_山野户外旗舰店.xlsx',
      'out/场控提示单_2026-12-02_山野户外旗舰店.xlsx',
    ]);
  });

  it('has the products the schedule planned, in order, with stock figures from the pool', () => {
    const planned = draft.timeline
      .filter((s: { kind: string }) => s.kind === 'product')
      .map((s: { title: string }) => s.title);
    expect(planned).toEqual([
      '速干徒步裤 男女同款 四面弹',
      '碳素登山杖 三节伸缩 2支装',
      '山野 男款三合一冲锋衣 防水透湿 可拆卸抓绒内胆',
      '山野 女款软壳冲锋衣 防风保暖 修身',
      '防滑登山鞋 中帮 防水耐磨',
    ]);
    expect(draft.timeline.find((s: { title: string }) => s.title.startsWith('速干')).product.stock).toBe(520);
    expect(draft.totals.minutes).toBe(180);
  });

  it('the run-sheet workbook has one row per part with the talk and the cues', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'out', '脚本_2026-12-02_山野户外旗舰店.xlsx'));
    const ws = wb.getWorksheet('流程')!;
    expect(ws.rowCount).toBe(1 + draft.runSheet.length);
    expect(ws.getRow(3).getCell(4).value).toBe('速干徒步裤 男女同款 四面弹');
    expect(String(ws.getRow(3).getCell(9).value)).toContain('上架「速干徒步裤 男女同款 四面弹」');
    const cues = new ExcelJS.Workbook();
    await cues.xlsx.readFile(join(tmp.dir, 'out', '场控提示单_2026-12-02_山野户外旗舰店.xlsx'));
    expect(cues.getWorksheet('场控提示单')!.rowCount).toBe(1 + draft.cueSheet.length);
  });

  it("a team's edited template changes the draft", () => {
    const tpl = join(tmp.dir, '我们的脚本.md.eta');
    writeFileSync(
      tpl,
      '# <%= it.stream.account %> 脚本\n<% for (const s of it.timeline) { -%>\n<%= s.start %> <%= s.title %>\n<% } -%>\n',
    );
    const r = liveops(
      [
        'script',
        '--date',
        '2026-12-02',
        '--schedule',
        '排期表_2026-12.xlsx',
        '--pool',
        '选品表.xlsx',
        '-o',
        'team/',
        '--template',
        tpl,
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(0);
    const md = readFileSync(join(tmp.dir, 'team', '脚本_2026-12-02_山野户外旗舰店.md'), 'utf8');
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# 山野户外旗舰店 脚本',
      '20:00 开场预热',
      '20:10 速干徒步裤 男女同款 四面弹',
    ]);
  });

  it('from the pool alone with --products and --duration', () => {
    const r = liveops(
      [
        '--json',
        'script',
        '--products',
        '3650123456789012345,速干徒步裤 男女同款 四面弹',
        '--duration',
        '90',
        '--start',
        '19:30',
        '--pool',
        '选品表.xlsx',
        '-o',
        'pool/',
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.stream).toMatchObject({ start: '19:30', end: '21:00', durationMinutes: 90 });
    expect(d.timeline.map((s: { title: string }) => s.title)).toEqual([
      '开场预热',
      '山野 男款三合一冲锋衣 防水透湿 可拆卸抓绒内胆',
      '速干徒步裤 男女同款 四面弹',
      '下播预告与收尾',
    ]);
  });

  it('the draft is linted before it is written: a banned word in the selling points is named, exit 3', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '选品表.xlsx'));
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(2).values as unknown[]).indexOf('卖点');
    ws.getRow(3).getCell(col).value = '全网最低价；最有效的防水面料';
    await wb.xlsx.writeFile(join(tmp.dir, '选品表-违规.xlsx'));
    const r = liveops(
      [
        '--json',
        'script',
        '--products',
        '3650123456789012345',
        '--duration',
        '60',
        '--pool',
        '选品表-违规.xlsx',
        '-o',
        'lint/',
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(3);
    const d = JSON.parse(r.stdout);
    expect(d.lint.findings.map((f: { phrase: string; severity: string }) => [f.phrase, f.severity])).toEqual([
      ['全网最低价', 'error'],
      ['最有效', 'error'],
    ]);
    expect(r.stderr).toMatch(
      /合规检查：20:10「山野 男款三合一冲锋衣 防水透湿 可拆卸抓绒内胆」讲解中的「最有效」（错误）→/,
    );
    // The draft is still written, for the team to fix.
    expect(d.outputs).toHaveLength(3);
  });

  it('bad input is exit 2 with what to pass', () => {
    expect(liveops(['script'], { cwd: tmp.dir }).stderr).toMatch(/missing the stream: pass --schedule/);
    expect(
      liveops(['script', '--date', '2026-12-03', '--schedule', '排期表_2026-12.xlsx'], { cwd: tmp.dir }).stderr,
    ).toMatch(/--date 2026-12-03: no stream that day/);
    const unknown = liveops(['script', '--products', '不存在的商品', '--duration', '60', '--pool', '选品表.xlsx'], {
      cwd: tmp.dir,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"不存在的商品" is not in the pool/);
  });
});
