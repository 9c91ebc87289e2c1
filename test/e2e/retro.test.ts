/**
 * liveops retro end to end, against the hand-computed values in fixtures/retro-expected.json.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const X = JSON.parse(readFileSync(join(FIXTURES, 'retro-expected.json'), 'utf8'));
const tmp = tempDir();
afterAll(() => tmp.cleanup());

type Report = Record<string, any>;

function retroJson(args: string[], cwd = tmp.dir): { report: Report; code: number | null; stderr: string } {
  const r = liveops(['--json', 'retro', ...args], { cwd });
  expect(r.stderr, r.stderr).not.toMatch(STACK);
  return { report: r.code === 0 ? JSON.parse(r.stdout) : {}, code: r.code, stderr: r.stderr };
}

function expectFigures(actual: Record<string, unknown>, expected: Record<string, unknown>, keys: string[]) {
  for (const k of keys) {
    const want = expected[k];
    if (typeof want === 'number') expect(actual[k], k).toBeCloseTo(want, 9);
    else expect(actual[k], k).toEqual(want);
  }
}

const SUMMARY_KEYS = [
  'gmv',
  'gmvField',
  'orders',
  'buyers',
  'itemsSold',
  'uv',
  'pv',
  'uvValue',
  'gpm',
  'avgDwellSeconds',
  'productExposed',
  'productClickers',
  'productClickRate',
  'clickToOrderRate',
  'viewToOrderRate',
  'refundAmount',
  'refundRate',
  'paidSpend',
  'roi',
  'newFollowers',
];

describe('retro of the Compass 整场 workbook, with the live list as baseline', () => {
  let r: Report;
  let code: number | null;
  beforeAll(() => {
    copyFileSync(join(FIXTURES, 'douyin-compass-session.xlsx'), join(tmp.dir, '整场数据.xlsx'));
    ({ report: r, code } = retroJson(['整场数据.xlsx', '--baseline', join(FIXTURES, 'douyin-live-list.xlsx')]));
  });

  it('exits 0 and writes 复盘_<account>_<date>.xlsx next to the input', () => {
    expect(code).toBe(0);
    expect(r.outputs).toEqual(['复盘_山野户外旗舰店_2026-11-18.xlsx']);
    expect(existsSync(join(tmp.dir, '复盘_山野户外旗舰店_2026-11-18.xlsx'))).toBe(true);
  });

  it('names the stream', () => {
    expect(r.stream).toMatchObject(X.stream);
  });

  it("every figure equals the hand-computed value (GMV keeps the export's field name)", () => {
    expectFigures(r.summary, X.summary, SUMMARY_KEYS);
    expect(r.summary.gmvField).toBe('直播间用户支付金额');
    expect(r.missing).toEqual([]);
  });

  it('items sold are summed over product rows only, never SKU rows', () => {
    expect(r.summary.itemsSold).toBe(X.summary.itemsSold);
    expect(r.sources.itemsSold).toMatch(/商品分析-商品明细/);
  });

  it('reports the stated rate that disagrees with the counts, and only that one', () => {
    const off = r.checks.filter((c: { agrees: boolean }) => !c.agrees);
    expect(off).toHaveLength(1);
    expect(off[0]).toMatchObject({ metric: 'productClickRate', stated: 0.3107 });
    expect(off[0].computed).toBeCloseTo(X.summary.productClickRate, 12);
    expect(
      r.checks
        .filter((c: { agrees: boolean }) => c.agrees)
        .map((c: { metric: string }) => c.metric)
        .sort(),
    ).toEqual(['clickToOrderRate', 'gpm', 'viewToOrderRate']);
    expect(
      r.actions.some((a: { owner: string; action: string }) => a.owner === 'data' && /31\.07%/.test(a.action)),
    ).toBe(true);
  });

  it('channels: UV, PV, GMV, shares and conversion per source; natural vs paid', () => {
    expect(r.channels.map((c: { name: string }) => c.name)).toEqual(X.channels.map((c: { name: string }) => c.name));
    r.channels.forEach((c: Record<string, unknown>, i: number) =>
      expectFigures(c, X.channels[i], ['paid', 'uv', 'pv', 'gmv', 'orders', 'uvShare', 'gmvShare', 'conversionRate']),
    );
    for (const g of ['natural', 'paid'])
      expectFigures(r.channelGroups[g], X.channelGroups[g], ['uv', 'pv', 'gmv', 'uvShare', 'gmvShare']);
  });

  it('products ranked by GMV with their rates and the rules they fire (boundaries: 10.00 % and 5.00 % do not fire)', () => {
    expect(r.products.map((p: { id: string }) => p.id)).toEqual(X.products.map((p: { id: string }) => p.id));
    r.products.forEach((p: Record<string, unknown>, i: number) => {
      expectFigures(p, X.products[i], [
        'rank',
        'name',
        'gmv',
        'itemsSold',
        'buyers',
        'exposed',
        'clickers',
        'clickRate',
        'conversionRate',
      ]);
      expect(p.flags, String(p.name)).toEqual(X.products[i].rules);
    });
    const byId = (id: string) => r.products.find((p: { id: string }) => p.id === id);
    expect(byId(X.thresholdProducts.clickRateExactly10.id).flags).not.toContain('product-click-low');
    expect(byId(X.thresholdProducts.clickRateJustBelow10.id).flags).toContain('product-click-low');
    expect(byId(X.thresholdProducts.conversionExactly5.id).flags).not.toContain('product-conversion-low');
    expect(byId(X.thresholdProducts.conversionJustBelow5.id).flags).toContain('product-conversion-low');
  });

  it('alerts carry rule id, subject, value, threshold, owner and message; UV value rules do not fire at ¥19.67', () => {
    expect(r.alerts.map((a: { rule: string }) => a.rule).sort()).toEqual([
      'product-click-low',
      'product-conversion-low',
    ]);
    const click = r.alerts.find((a: { rule: string }) => a.rule === 'product-click-low');
    expect(click).toMatchObject({ owner: 'anchor', ownerLabel: '主播', threshold: 0.1, severity: 'warning' });
    expect(click.subject).toContain(X.thresholdProducts.clickRateJustBelow10.name);
    expect(click.value).toBeCloseTo(143 / 1431, 12);
    expect(click.message).toMatch(/9\.99% < 10\.00%/);
    expect(X.streamRules['uv-value-low'].fires).toBe(false);
  });

  it('compares with the previous stream and the median of the last 7 of the same account', () => {
    const c = r.comparison;
    const s = X.comparison.session;
    expect(c.baselineStreams).toBe(s.baseline.streams);
    expect(c.previousStart).toBe(s.previous.start);
    for (const m of c.metrics) {
      expect(m.current, m.metric).toBeCloseTo(s.current[m.metric], 9);
      expect(m.previous, m.metric).toBeCloseTo(s.previous[m.metric], 9);
      expect(m.median, m.metric).toBeCloseTo(s.baseline[m.metric], 9);
    }
    expect(c.uvDrop).toBeCloseTo(s.uvDrop, 12);
  });
});

describe('retro of separate CSV exports of the same stream, in any order', () => {
  let r: Report;
  beforeAll(() => {
    cpSync(join(FIXTURES, 'session-20261118'), join(tmp.dir, 'sep'), { recursive: true });
    const files = readdirSync(join(tmp.dir, 'sep'))
      .sort()
      .reverse()
      .map((f) => join('sep', f));
    r = retroJson(files).report;
  });

  it('gives the same figures as the workbook', () => {
    expectFigures(r.summary, X.summary, SUMMARY_KEYS);
    expect(r.channels).toHaveLength(X.channels.length);
    expect(r.products.map((p: { id: string }) => p.id)).toEqual(X.products.map((p: { id: string }) => p.id));
  });

  it('adds the minute trend and the comment and consultation hotspots (防水 = 20 % of questions)', () => {
    expect(r.trend).toHaveLength(195);
    const waterproof = r.hotspots.find(
      (h: { topic: string; source: string }) => h.topic === '防水' && h.source === 'comments',
    );
    expect(waterproof).toMatchObject({ count: 20, share: 0.2, fromDictionary: true });
    const asks = r.hotspots.filter(
      (h: { source: string; fromDictionary: boolean }) => h.source === 'consultations' && !h.fromDictionary,
    );
    expect(asks.find((h: { topic: string }) => h.topic === '儿童款')?.count).toBe(8);
    expect(r.questions).toEqual([
      { source: 'comments', messages: 300, questions: 100 },
      { source: 'consultations', messages: 120, questions: 120 },
    ]);
    // A tenth or more of the questions → a talk-optimisation point for the anchor.
    expect(
      r.actions.some(
        (a: { owner: string; evidence: string; action: string }) =>
          a.owner === 'anchor' && /防水/.test(a.evidence) && /演示/.test(a.action),
      ),
    ).toBe(true);
  });
});

describe('retro of a Taobao 生意参谋 per-stream CSV in GBK', () => {
  let r: Report;
  beforeAll(() => {
    copyFileSync(join(FIXTURES, 'taobao-sessions-gbk.csv'), join(tmp.dir, 'taobao.csv'));
    r = retroJson(['taobao.csv']).report;
  });

  it('retros the latest session with the figures the file supports; the rest is missing, not guessed', () => {
    expect(r.stream).toMatchObject({
      platform: 'taobao',
      id: X.taobao.streamId,
      start: X.taobao.start,
      durationSeconds: X.taobao.durationSeconds,
    });
    const keys = SUMMARY_KEYS.filter((k) => k !== 'paidSpend' && k !== 'roi');
    expectFigures(r.summary, X.taobao.summary, keys);
    expect(r.summary.gmvField).toBe('成交金额（元）');
    expect(r.summary.productExposed).toBeNull();
    expect(r.summary.productClickRate).toBeNull();
    expect(r.missing).toEqual(expect.arrayContaining(['productExposed', 'productClickRate']));
    // liveops counts 流量券消耗 (traffic coupons bought for the stream) as paid-traffic spend.
    expect(r.summary.paidSpend).toBe(601);
    expect(r.sources.paidSpend).toMatch(/流量券消耗/);
  });

  it('compares with the earlier sessions in the same file', () => {
    const s = X.taobao.comparison;
    expect(r.comparison.previousStart).toBe(s.previous.start);
    for (const m of r.comparison.metrics) {
      expect(m.previous, m.metric).toBeCloseTo(s.previous[m.metric], 9);
      expect(m.median, m.metric).toBeCloseTo(s.baseline[m.metric], 9);
    }
  });
});

describe('uv-drop at its boundary (Compass live list, one account)', () => {
  it.each([
    ['2026-11-12', 'exactly50', true],
    ['2026-11-24', 'exactly49', false],
  ] as const)('stream of %s: drop %s fires: %s', (date, key, fires) => {
    const c = X.comparison.liveListCases[key];
    const { report, code } = retroJson([
      join(FIXTURES, 'douyin-live-list.xlsx'),
      '--stream',
      date,
      '--account',
      c.account,
      '-o',
      join(tmp.dir, `drop-${date}.json`),
    ]);
    expect(code).toBe(0);
    expect(report.comparison.uvDrop).toBeCloseTo(c.uvDrop, 12);
    expect(report.comparison.metrics[0].median).toBeCloseTo(c.baseline.uv, 9);
    const alert = report.alerts.find((a: { rule: string }) => a.rule === 'uv-drop');
    if (fires) expect(alert).toMatchObject({ owner: 'data', threshold: 0.5, severity: 'critical' });
    else expect(alert).toBeUndefined();
  });
});

describe('outputs and errors', () => {
  it('a Markdown summary with --format md, in English with --lang en', () => {
    copyFileSync(join(FIXTURES, 'douyin-compass-session.xlsx'), join(tmp.dir, 'en.xlsx'));
    const r = liveops(['--lang', 'en', 'retro', 'en.xlsx', '--format', 'md'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const md = readFileSync(join(tmp.dir, 'retro_山野户外旗舰店_2026-11-18.md'), 'utf8');
    expect(md).toContain('# Stream retro · 山野户外旗舰店 · 2026-11-18');
    // List lines, not a table: the chat apps' Markdown (企业微信, 钉钉) shows a table as its pipes.
    expect(md).toContain('- GMV (直播间用户支付金额): **¥133,433.00**');
    expect(md).toContain('- UV value / GPM: ¥19.67 / ¥14,134.85');
    expect(r.stdout).toContain('Alerts (2)');
  });

  it('keeps an existing retro without --force', () => {
    copyFileSync(join(FIXTURES, 'douyin-compass-session.xlsx'), join(tmp.dir, 'again.xlsx'));
    const out = join(tmp.dir, 'again-retro.xlsx');
    expect(liveops(['retro', 'again.xlsx', '-o', out], { cwd: tmp.dir }).code).toBe(0);
    const before = readFileSync(out);
    const r = liveops(['retro', 'again.xlsx', '-o', out], { cwd: tmp.dir });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/again-retro\.xlsx already exists; pass --force/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(liveops(['retro', 'again.xlsx', '-o', out, '--force'], { cwd: tmp.dir }).code).toBe(0);
  });

  it('bad input: exit 2 with file, row and column; no output file', () => {
    const dir = tempDir();
    try {
      copyFileSync(join(FIXTURES, 'bad', 'bad-number.csv'), join(dir.dir, 'products.csv'));
      const r = liveops(['retro', 'products.csv'], { cwd: dir.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/products\.csv:5: column 用户支付金额: "12,3O4" is not an amount/);
      expect(r.stderr).not.toMatch(STACK);
      expect(dir.files()).toEqual(['products.csv']);
    } finally {
      dir.cleanup();
    }
  });

  it('a second run over the same folder skips the retro it wrote and keeps its findings', () => {
    const dir = tempDir();
    try {
      cpSync(join(FIXTURES, 'session-20261118'), join(dir.dir, 'in'), { recursive: true });
      expect(liveops(['retro', 'in/整体数据.csv', 'in/渠道分析.csv', 'in/商品明细.csv'], { cwd: dir.dir }).code).toBe(
        0,
      );
      const files = readdirSync(join(dir.dir, 'in')).map((f) => join('in', f));
      expect(files).toContain('in/复盘_山野户外旗舰店_2026-11-18.xlsx');
      const r = liveops(['--json', 'retro', ...files, '--force'], { cwd: dir.dir });
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.ignored).toEqual([
        {
          file: 'in/复盘_山野户外旗舰店_2026-11-18.xlsx',
          sheet: null,
          why: 'liveops-report',
          reason: 'liveops 生成的报表，不作为导出数据读取',
        },
      ]);
      expect(
        report.checks.filter((c: { agrees: boolean }) => !c.agrees).map((c: { metric: string }) => c.metric),
      ).toEqual(['productClickRate']);
      expect(report.inputs.map((i: { file: string }) => i.file)).not.toContain(
        'in/复盘_山野户外旗舰店_2026-11-18.xlsx',
      );
    } finally {
      dir.cleanup();
    }
  });

  it('a header-only export is no data: exit 2, nothing written', () => {
    const dir = tempDir();
    try {
      copyFileSync(join(FIXTURES, 'bad', 'header-only.csv'), join(dir.dir, 'products.csv'));
      const r = liveops(['retro', 'products.csv'], { cwd: dir.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no stream data in products\.csv/);
      expect(dir.files()).toEqual(['products.csv']);
    } finally {
      dir.cleanup();
    }
  });

  it('files with no stream data: exit 2 saying what retro needs', () => {
    const r = liveops(['retro', join(FIXTURES, 'kpi-2026-11.xlsx')], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no stream data in .*kpi-2026-11\.xlsx/);
  });

  it('without files and without a terminal: exit 2 naming what to pass', () => {
    const r = liveops(['retro'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing input files: pass the exports of the stream/);
  });
});
