/**
 * Every workbook liveops writes, read back as the team reads it (issue 20): no internal id on a
 * page, no figure stored as text, every rate a percentage. Each command runs on the fixtures in
 * both languages, as a user would, and every xlsx it writes is audited cell by cell.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkbook, type Finding } from '../helpers/workbook-audit.js';
import { FIXTURES, liveops, tempDir } from './run.js';

const F = (p: string) => join(FIXTURES, p);
const NOW = { LIVEOPS_NOW: '2026-11-28T10:00:00+08:00' };

const runs = (lang: 'zh' | 'en', out: string): Array<{ name: string; args: string[]; cwd?: string }> =>
  [
    {
      name: 'retro, the Compass workbook with comments, consultations and orders',
      args: [
        'retro',
        F('douyin-compass-session.xlsx'),
        F('comments.csv'),
        F('consultations.csv'),
        F('orders.csv'),
        '-o',
        join(out, 'retro.xlsx'),
      ],
    },
    {
      name: 'retro, the per-table CSVs of one stream',
      args: [
        'retro',
        ...readdirSync(F('session-20261118')).map((f) => F(`session-20261118/${f}`)),
        '-o',
        join(out, 'retro2.xlsx'),
      ],
    },
    {
      name: 'the weekly report',
      args: ['retro', '--weekly', F('week-2026-W47'), '--week', '2026-W47', '--out', join(out, 'weekly')],
    },
    {
      name: 'select',
      args: [
        'select',
        F('week-2026-W47'),
        '--pool',
        F('selection.xlsx'),
        '--week',
        '2026-W47',
        '-o',
        join(out, 'select/'),
      ],
    },
    { name: 'kpi', args: ['kpi', F('kpi-2026-11.xlsx'), '--month', '2026-11', '-o', join(out, 'kpi.xlsx')] },
    {
      name: 'schedule',
      args: ['schedule', '--month', '2026-12', '--pool', F('scripts/选品表.xlsx'), '-o', join(out, 'schedule/')],
      cwd: out,
    },
    {
      name: 'script',
      args: [
        'script',
        '--products',
        'P001,P002',
        '--duration',
        '120',
        '--pool',
        F('scripts/选品表.xlsx'),
        '-o',
        join(out, 'script/'),
      ],
    },
    { name: 'inspect', args: ['inspect', F('douyin-compass-session.xlsx'), '-o', join(out, 'inspect.xlsx')] },
  ].map((r) => ({ ...r, args: ['--lang', lang, ...r.args, '--force'] }));

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
    .map((e) => join(e.parentPath, e.name));
}

describe('the audit itself', () => {
  it('finds an id, a figure kept as text and a rate without % in a workbook written wrong on purpose', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const tmp = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('概览');
    ws.addRow(['商品', '点击率', '规则']).eachCell((c) => (c.font = { bold: true }));
    ws.addRow(['龙井', 0.0299, 'weekly-click-eliminate']);
    ws.addRow(['白茶', 0.03, '周点击率低']).getCell(2).numFmt = '0.00%';
    ws.addRow(['成交金额', '¥1,685,000.00']);
    const file = join(tmp.dir, 'wrong.xlsx');
    await wb.xlsx.writeFile(file);
    const found = await auditWorkbook(file, 'zh');
    tmp.cleanup();
    expect(found.map((f) => `${f.cell} ${f.kind}`)).toEqual([
      'B2 rate-not-percent',
      'C2 internal-id',
      'B4 number-as-text',
    ]);
  });
});

for (const lang of ['zh', 'en'] as const) {
  describe(`every workbook written in ${lang}, read back`, () => {
    const tmp = tempDir();
    const findings: Array<Finding & { file: string }> = [];
    let files: string[] = [];
    beforeAll(async () => {
      copyFileSync(F('schedule/liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
      for (const r of runs(lang, tmp.dir)) {
        const run = liveops(r.args, { cwd: r.cwd ?? tmp.dir, env: NOW });
        expect([0, 3], `${r.name}: ${run.stderr}`).toContain(run.code);
      }
      files = xlsxUnder(tmp.dir);
      for (const f of files)
        for (const x of await auditWorkbook(f, lang)) findings.push({ ...x, file: f.slice(tmp.dir.length + 1) });
    }, 180_000);
    afterAll(() => tmp.cleanup());

    it('writes a workbook for every command', () => {
      expect(files.length).toBeGreaterThanOrEqual(9);
    });
    const show = (kind: Finding['kind']) =>
      findings.filter((f) => f.kind === kind).map((f) => `${f.file} ${f.sheet}!${f.cell}: ${f.text}`);
    it('no internal id on a page (labels for sources, roles, owners, rules)', () => {
      expect(show('internal-id')).toEqual([]);
    });
    it('no figure stored as text', () => {
      expect(show('number-as-text')).toEqual([]);
    });
    it('every rate formatted as a percentage', () => {
      expect(show('rate-not-percent')).toEqual([]);
    });
  });
}
