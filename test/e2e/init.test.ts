import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, liveops, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('liveops init, then a command using that config and those templates', () => {
  it('writes a commented config with every threshold and weight at its default, and the templates', () => {
    const r = liveops(['init'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(tmp.files()).toEqual(['liveops.config.yaml', 'templates']);
    const text = readFileSync(join(tmp.dir, 'liveops.config.yaml'), 'utf8');
    const cfg = parse(text);
    expect(cfg.rules['weekly-click-eliminate']).toBe(0.03);
    expect(cfg.rules['uv-drop']).toBe(0.5);
    expect(cfg.rules['stock-low']).toBe(50);
    expect(cfg.kpi.weights.selector).toEqual({ productRoi: 0.5, returnRate: 0.3, newProducts: 0.2 });
    expect(cfg.templatesDir).toBe('templates');
    expect(cfg.history).toEqual({ dir: '.liveops/history' });
    // Every rule line carries a one-line explanation.
    for (const line of text.split('\n').filter((l) => /^ {2}[a-z-]+: [\d.]+/.test(l))) expect(line).toMatch(/# \S/);
    expect(r.stdout).toContain('templates/inspect.xlsx');
  });

  it('never overwrites without --force', () => {
    writeFileSync(join(tmp.dir, 'liveops.config.yaml'), 'lang: en\n');
    const r = liveops(['init'], { cwd: tmp.dir });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(
      /^liveops: not written: liveops\.config\.yaml and 35 more files already exist \(liveops\.config\.yaml, templates\/brief\.en\.md\.eta, templates\/brief\.md\.eta, …\); pass --force to overwrite them \(exit 5\)\n$/,
    );
    const j = JSON.parse(liveops(['init', '--json'], { cwd: tmp.dir }).stdout);
    expect(j.error).toMatchObject({ code: 'exists', exit: 5, file: 'liveops.config.yaml' });
    expect(j.error.files).toHaveLength(36);
    expect(j.error.files).toContain('templates/inspect.xlsx');
    expect(readFileSync(join(tmp.dir, 'liveops.config.yaml'), 'utf8')).toBe('lang: en\n');
    expect(liveops(['init', '--force', '--lang', 'zh'], { cwd: tmp.dir }).code).toBe(0);
    expect(readFileSync(join(tmp.dir, 'liveops.config.yaml'), 'utf8')).toContain('weekly-click-eliminate');
  });

  it("the team's edited template is used by the command, and the config's thresholds are read", async () => {
    // A team edits its copy: renames a header and adds a title row above the table.
    const tpl = join(tmp.dir, 'templates', 'inspect.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tpl);
    const ws = wb.getWorksheet('识别结果')!;
    ws.getCell('A1').value = '导出文件';
    ws.spliceRows(1, 0, ['山野户外 · 导出识别']);
    await wb.xlsx.writeFile(tpl);

    const out = join(tmp.dir, '识别.xlsx');
    const r = liveops(['inspect', join(FIXTURES, 'douyin-products.xlsx'), join(FIXTURES, 'orders.csv'), '-o', out], {
      cwd: tmp.dir,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/已写入 识别\.xlsx/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const sheet = back.getWorksheet('识别结果')!;
    expect(sheet.getCell('A1').value).toBe('山野户外 · 导出识别');
    expect(sheet.getCell('A2').value).toBe('导出文件');
    expect((sheet.getRow(3).values as unknown[]).slice(1, 8)).toEqual([
      join(FIXTURES, 'douyin-products.xlsx'),
      '商品列表',
      '抖音',
      '商品数据',
      '表格',
      1,
      15,
    ]);
    expect(sheet.getCell('A4').value).toBe(join(FIXTURES, 'orders.csv'));
    expect(sheet.getCell('G4').value).toBe(200);
  });

  it('a template with an unknown placeholder fails naming its cell, and writes nothing', async () => {
    const tpl = join(tmp.dir, 'templates', 'inspect.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(tpl);
    wb.getWorksheet('识别结果')!.getCell('C3').value = '{{platfrom}}';
    await wb.xlsx.writeFile(tpl);
    const out = join(tmp.dir, '识别2.xlsx');
    const r = liveops(['inspect', join(FIXTURES, 'orders.csv'), '-o', out], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/templates\/inspect\.xlsx: 识别结果!C3: unknown placeholder \{\{platfrom\}\}/);
    expect(tmp.files()).not.toContain('识别2.xlsx');
    expect(tmp.files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a Markdown report from the text template', () => {
    const out = join(tmp.dir, '识别.md');
    const r = liveops(['inspect', join(FIXTURES, 'taobao-sessions-gbk.csv'), '-o', out], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('| — | 淘宝直播 | 场次列表 | 2 | 12 | — |');
    expect(md).toContain('| S | 成交金额（元） | gmv | 成交金额 |');
  });
});
