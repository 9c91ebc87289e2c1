/**
 * The weekly report from the history (`retro --weekly --from-history`), over what `history import`
 * and `retro` recorded. Figures by hand from fixtures/douyin-live-list.xlsx, W47 (16–22 Nov):
 *   山野户外旗舰店 11-18 19:58 ¥133,433.00 UV 6,782 buyers 205 (retro'd too: its products come from the retro)
 *                  11-20 20:00 ¥89,781.97  UV 6,200 buyers 144
 *                  11-22 20:00 ¥114,861.78 UV 6,700 buyers 163   → 3 streams, ¥338,076.75, UV 19,682
 *   小鹿美妆官方   11-17, 11-19, 11-21                            → 3 streams, ¥121,844.91, UV 29,589
 *   the week: 6 streams, ¥459,921.66, UV 49,271, buyers 1,291.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

let tmp: ReturnType<typeof tempDir>;
const env = () => ({ LIVEOPS_HISTORY: join(tmp.dir, 'h'), LIVEOPS_NOW: '2026-11-30T09:00:00+08:00' });
const run = (args: string[], extra: Record<string, string> = {}) =>
  liveops(args, { cwd: tmp.dir, env: { ...env(), ...extra } });

beforeAll(() => {
  tmp = tempDir();
  expect(run(['history', 'import', join(FIXTURES, 'douyin-live-list.xlsx')]).code).toBe(0);
  expect(run(['retro', join(FIXTURES, 'douyin-compass-session.xlsx'), '-o', 'r.json']).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('the weekly report from the history', () => {
  it('gives the week’s totals, per account, with the retro’s products', () => {
    const r = run(['retro', '--weekly', '--from-history', '--week', '2026-W47', '-o', 'w.json']);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    const w = JSON.parse(readFileSync(join(tmp.dir, 'w.json'), 'utf8'));
    expect(w.totals.streams).toBe(6);
    expect(w.totals.gmv).toBeCloseTo(459921.66, 2);
    expect(w.totals.uv).toBe(49271);
    expect(w.totals.buyers).toBe(1291);
    expect(w.byAccount.map((a: { account: string; streams: number; gmv: number }) => [a.account, a.streams])).toEqual([
      ['小鹿美妆官方', 3],
      ['山野户外旗舰店', 3],
    ]);
    expect(w.byAccount[1].gmv).toBeCloseTo(338076.75, 2);
    // The 11-18 retro's product list: 8 products, in one stream.
    expect(w.products).toHaveLength(8);
    expect(w.history.used).toEqual(['本周 6 场、商品行 8 行']);
    expect(r.stdout).toContain('取自历史：本周 6 场、商品行 8 行');
  });

  it('--account: one account’s week', () => {
    const r = run([
      'retro',
      '--weekly',
      '--from-history',
      '--week',
      '2026-W47',
      '--account',
      '山野户外旗舰店',
      '--json',
    ]);
    const w = JSON.parse(r.stdout);
    expect(w.totals.streams).toBe(3);
    expect(w.totals.gmv).toBeCloseTo(338076.75, 2);
    expect(w.totals.uv).toBe(19682);
    // The 11-18 retro's three improvement items are 山野户外旗舰店's, still open at the week's end.
    expect(w.openItems).toHaveLength(3);
    const other = run([
      'retro',
      '--weekly',
      '--from-history',
      '--week',
      '2026-W47',
      '--account',
      '小鹿美妆官方',
      '--json',
      '-o',
      'xl.json',
    ]);
    expect(JSON.parse(other.stdout).openItems).toEqual([]);
  });

  it('a week the history has no streams of is exit 2, nothing written', () => {
    const r = run(['retro', '--weekly', '--from-history', '--week', '2026-W40', '-o', 'w40.json']);
    expect(r.code).toBe(2);
    expect(tmp.files()).not.toContain('w40.json');
  });

  it('with the history off, or with an export folder as well: exit 2 saying why', () => {
    const off = run(['retro', '--weekly', '--from-history', '--week', '2026-W47', '--no-history']);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('--from-history: the history is off this run');
    const both = run(['retro', '--weekly', 'exports/', '--from-history', '--week', '2026-W47']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('pass no export folder with it');
  });
});

describe('the weekly report over a folder of exports', () => {
  it('records the week’s streams of its stream lists; the same week again replaces them, never doubles', () => {
    const own = tempDir();
    try {
      cpSync(join(FIXTURES, 'week-2026-W47'), join(own.dir, 'exports'), { recursive: true });
      const at = {
        cwd: own.dir,
        env: { LIVEOPS_HISTORY: join(own.dir, 'h'), LIVEOPS_NOW: '2026-11-30T09:00:00+08:00' },
      };
      const first = liveops(['--json', 'retro', '--weekly', 'exports', '--week', '2026-W47', '--out', 'a/'], at);
      const fromFolder = JSON.parse(first.stdout);
      expect(fromFolder.history.recorded).toBeGreaterThan(0);
      const again = liveops(['--json', 'retro', '--weekly', 'exports', '--week', '2026-W47', '--out', 'b/'], at);
      expect(JSON.parse(again.stdout).history.replaced).toBe(fromFolder.history.recorded);
      const h = liveops(['--json', 'retro', '--weekly', '--from-history', '--week', '2026-W47', '--out', 'c/'], at);
      const fromHistory = JSON.parse(h.stdout);
      // The same streams, the same totals: 12 streams of 2 accounts (fixtures/weekly-expected.json).
      expect(fromHistory.totals.streams).toBe(fromFolder.totals.streams);
      expect(fromHistory.totals.streams).toBe(12);
      expect(fromHistory.totals.gmv).toBeCloseTo(fromFolder.totals.gmv, 2);
      expect(fromHistory.totals.uv).toBe(fromFolder.totals.uv);
    } finally {
      own.cleanup();
    }
  });
});
