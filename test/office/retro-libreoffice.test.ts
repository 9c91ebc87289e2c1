/**
 * Checks that need LibreOffice, run by `npm run test:office` (which `.ci/run` runs after installing
 * it), never by `npm test`: the retro workbook opened as a user's spreadsheet program opens it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, liveops, tempDir } from '../e2e/run.js';

const X = JSON.parse(readFileSync(join(FIXTURES, 'retro-expected.json'), 'utf8'));

describe('the retro workbook opens clean in LibreOffice', () => {
  it('converts headless to CSV, sheet by sheet, with the figures in place', () => {
    const dir = tempDir();
    try {
      copyFileSync(join(FIXTURES, 'douyin-compass-session.xlsx'), join(dir.dir, 's.xlsx'));
      expect(liveops(['retro', 's.xlsx', '-o', 'retro.xlsx'], { cwd: dir.dir }).code).toBe(0);
      execFileSync(
        'soffice',
        [
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          'csv',
          'retro.xlsx',
        ],
        {
          cwd: dir.dir,
          stdio: 'pipe',
          timeout: 120_000,
          env: { ...process.env, HOME: dir.dir, LIVEOPS_HISTORY: 'off' },
        },
      );
      const sheets = readdirSync(join(dir.dir, 'csv')).sort();
      // _liveops is the very hidden sheet holding the report for liveops to read back.
      expect(sheets).toEqual([
        'retro-_liveops.csv',
        'retro-商品.csv',
        'retro-图表.csv',
        'retro-改进清单.csv',
        'retro-概览.csv',
        'retro-渠道.csv',
      ]);
      const overview = readFileSync(join(dir.dir, 'csv', 'retro-概览.csv'), 'utf8').split('\n');
      expect(overview).toContain('成交金额（直播间用户支付金额）,133433,基本信息 · 直播间用户支付金额,,,,');
      expect(overview).toContain('观看人数 UV,6782,整体看板 · 直播间观看人数,,,,');
      const uvValue = overview.find((l) => l.startsWith('UV价值,'))!.split(',')[1]!;
      expect(Number(uvValue)).toBeCloseTo(X.summary.uvValue, 9);
      const products = readFileSync(join(dir.dir, 'csv', 'retro-商品.csv'), 'utf8')
        .trim()
        .split('\n');
      expect(products).toHaveLength(1 + X.products.length);
      expect(products[1]).toContain(X.products[0].name);
    } finally {
      dir.cleanup();
    }
  }, 180_000);
});
