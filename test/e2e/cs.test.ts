/**
 * Customer service and risk end to end: first response in the retro, unpaid-order follow-up with
 * masking, negative comments with the crisis suggestion, and the morning brief.
 */
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, tempDir } from './run.js';

const E = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => {
  cpSync(join(FIXTURES, 'session-20261118'), join(tmp.dir, 'in'), { recursive: true });
  copyFileSync(join(FIXTURES, 'selection.xlsx'), join(tmp.dir, '选品表.xlsx'));
  copyFileSync(join(FIXTURES, 'cs', 'comments-negative.csv'), join(tmp.dir, '差评.csv'));
});

const retro = (args: string[]) => {
  const r = liveops(['--json', 'retro', ...args], { cwd: tmp.dir });
  return { code: r.code, report: JSON.parse(r.stdout), stderr: r.stderr };
};

describe('customer service in the retro', () => {
  let report: Record<string, any>;
  beforeAll(() => {
    ({ report } = retro([
      'in/整体数据.csv',
      'in/商品明细.csv',
      'in/consultations.csv',
      'in/orders.csv',
      '选品表.xlsx',
      '-o',
      'cs1.xlsx',
    ]));
  });

  it('first response: median, p90, share over 15 s; alert to CS above the tolerance', () => {
    const r = report.customerService.response;
    expect([r.answered, r.unanswered, r.overLine]).toEqual([
      E['consultations.csv'].response.answered,
      1,
      E['consultations.csv'].response.over15,
    ]);
    expect(r.overLineShare).toBeCloseTo(33 / 119, 12);
    const alert = report.alerts.find((a: { rule: string }) => a.rule === 'cs-response');
    expect(alert).toMatchObject({ owner: 'cs', ownerLabel: '客服', threshold: 0.1 });
    expect(alert.message).toMatch(/首次响应超过 15 秒的咨询占 27\.7%（33\/119）/);
  });

  it('unpaid orders by product with the stock left, buyers masked', () => {
    const u = report.customerService.unpaid;
    expect([u.orders, u.items]).toEqual([E['orders.csv'].unpaidOrders, 10]);
    const goreTex = u.byProduct.find((p: { productName: string }) => p.productName.includes('GORE-TEX'));
    expect(goreTex).toMatchObject({ stock: 45, stockLow: true });
    for (const l of u.lines) {
      expect(l.buyer).toMatch(/\*/);
      expect(l.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
  });

  it('--no-mask keeps the buyers as exported', () => {
    const { report: r } = retro(['in/整体数据.csv', 'in/orders.csv', '--no-mask', '-o', 'cs2.json']);
    const nicknames = readFileSync(join(tmp.dir, 'in', 'orders.csv'), 'utf8');
    for (const l of r.customerService.unpaid.lines) expect(nicknames).toContain(l.buyer);
  });

  it('the workbook has the 客服, 未付款跟进 and 舆情 sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'cs1.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['客服', '未付款跟进', '舆情']));
    expect(wb.getWorksheet('未付款跟进')!.getCell('A1').value).toBe('下单未付款 10 单，10 件，¥5390（买家信息已脱敏）');
  });
});

describe('negative comments', () => {
  it('a spike over 5 % raises a critical alert that suggests — not decides — a pause and a statement', () => {
    const { report } = retro(['in/整体数据.csv', '差评.csv', '-o', 'neg.json']);
    const neg = report.customerService.negative;
    expect([neg.messages, neg.negative]).toEqual([20, 6]);
    const alert = report.alerts.find((a: { rule: string }) => a.rule === 'negative-spike');
    expect(alert).toMatchObject({ severity: 'critical', owner: 'ops', threshold: 0.05, value: 0.3 });
    expect(alert.message).toMatch(/建议评估是否暂停直播并发布说明（由负责人决定）/);
  });
});

describe('the morning brief', () => {
  it("today's streams and the risks, as Markdown for the chat", () => {
    const dir = tempDir();
    try {
      copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(dir.dir, 'liveops.config.yaml'));
      const r = liveops(['--json', 'schedule', '--brief', '2026-12-05', '--pool', join(FIXTURES, 'selection.xlsx')], {
        cwd: dir.dir,
      });
      expect(r.code).toBe(0);
      const b = JSON.parse(r.stdout);
      expect(
        b.streams.map((s: { time: string; account: string; anchor: string }) => [s.time, s.account, s.anchor]),
      ).toEqual([['19:30-22:30', '小鹿美妆官方', '莉莉']]);
      expect(b.risks.rehearsals.map((x: { streamDate: string }) => x.streamDate)).toEqual(['2026-12-07']);
      expect(b.outputs).toEqual(['晨会简报_2026-12-05.md']);
      expect(readFileSync(join(dir.dir, '晨会简报_2026-12-05.md'), 'utf8')).toContain('# 晨会简报 2026-12-05');
    } finally {
      dir.cleanup();
    }
  });
});
