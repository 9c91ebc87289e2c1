/**
 * `--format html` (issue 20): one self-contained page per retro, weekly report and selection, its
 * charts inline, every value from an export escaped, written like every output (atomically, never
 * over a file without --force), and refused by the commands that do not write it. The page in a
 * real browser is test/render/html-report.render.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, tempDir } from './run.js';

const F = (p: string) => join(FIXTURES, p);
const svgCount = (html: string) => html.match(/<svg class="chart"/g)?.length ?? 0;

describe('liveops retro --format html', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('writes one page with the retro, its charts inline and no script, and says how many charts in --json', () => {
    const out = join(tmp.dir, '复盘.html');
    const run = liveops(['--json', 'retro', F('douyin-compass-session.xlsx'), '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('<h1>直播复盘 · 山野户外旗舰店</h1>');
    expect(html).toContain('¥133,433.00');
    expect(html).not.toMatch(/<script\b|<link\b|@import|url\(http/i);
    // GMV by product, rates and channels: the fixture has no minute trend and no earlier streams.
    expect(svgCount(html)).toBe(3);
    expect(html).toContain('aria-label="商品成交金额"');
    const report = JSON.parse(run.stdout) as { charts: unknown; outputs: string[] };
    expect(report.charts).toEqual({ drawn: 3, cjkFont: null });
    expect(report.outputs).toEqual([out]);
  });

  it('gives each chart its own ids, so one chart never clips with another one’s path', () => {
    const html = readFileSync(join(tmp.dir, '复盘.html'), 'utf8');
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it('keeps a product named like markup as text, in the tables and in the charts', () => {
    const csv = join(tmp.dir, '商品.csv');
    writeFileSync(
      csv,
      [
        '商品ID,商品名称,商品曝光人数,商品点击人数,成交人数,成交金额',
        '1001,"<script>alert(1)</script>防风夹克",5000,600,40,"¥8,000"',
        '1002,"<img src=x onerror=alert(2)> 登山杖",3000,150,5,"¥990"',
        '1003,"A&B ""双肩包"" \'30L\'",2000,300,30,"¥4,500"',
      ].join('\n'),
    );
    const out = join(tmp.dir, 'hostile.html');
    const run = liveops(['retro', csv, '--account', '测试店', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;防风夹克');
    expect(html).toContain('A&amp;B &quot;双肩包&quot; &#39;30L&#39;');
    // Its click rate 150 ÷ 3000 = 5.00 % is under the 10 % line: the alert names it, escaped.
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; 登山杖');
    expect(html).toContain('5.00% &lt; 10.00%');
  });

  it('never writes over a page without --force, and leaves none behind when the input is bad', () => {
    const out = join(tmp.dir, '复盘.html');
    const again = liveops(['retro', F('douyin-compass-session.xlsx'), '-o', out]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('--force');
    const empty = join(tmp.dir, 'empty.csv');
    writeFileSync(empty, '商品ID,商品名称,商品曝光人数\n');
    const bad = liveops(['retro', empty, '-o', join(tmp.dir, 'bad.html')]);
    expect(bad.code).toBe(2);
    expect(existsSync(join(tmp.dir, 'bad.html'))).toBe(false);
  });

  it("a team's own template: values escaped, an unknown chart named with the report's charts", () => {
    const template = join(tmp.dir, 'mine.html.eta');
    writeFileSync(
      template,
      '<p><%= it.stream.account %></p>\n<%~ it.h.chart("channels") %>\n<%~ it.h.chart("funnel") %>\n',
    );
    const run = liveops([
      'retro',
      F('douyin-compass-session.xlsx'),
      '--template',
      template,
      '-o',
      join(tmp.dir, 'mine.html'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mine.html.eta:3');
    expect(run.stderr).toContain('no chart named "funnel"');
    expect(run.stderr).toContain('productGmv, productRates, channels, trend, baseline');
    expect(existsSync(join(tmp.dir, 'mine.html'))).toBe(false);
  });

  it('.htm is HTML too, and English has its own words', () => {
    const out = join(tmp.dir, 'retro.htm');
    const run = liveops(['retro', F('douyin-compass-session.xlsx'), '--lang', 'en', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>Alerts (2)</h2>');
    expect(html).toContain('<h2>Improvements (3)</h2>');
    // No Chinese brackets or colons in the page's own words (product names keep theirs).
    const headings = [...html.matchAll(/<(h[12]|dt|th)>(.*?)<\/\1>/g)].map((m) => m[2]);
    expect(headings.length).toBeGreaterThan(20);
    for (const h of headings) expect(h).not.toMatch(/[（）：、]/);
  });
});

describe('the weekly report and select as HTML', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const week = F('week-2026-W47');

  it('the weekly report: totals against last week, eliminations, its charts', () => {
    const out = join(tmp.dir, '周报.html');
    const run = liveops(['retro', '--weekly', week, '--week', '2026-W47', '-o', out]);
    expect(run.code, run.stderr).toBe(3); // written, with alerts and a skipped file
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>周度复盘报告 2026-W47</h1>');
    expect(html).toContain('¥1,175,794.00');
    expect(html).toContain('<h2>淘汰建议（2）</h2>');
    expect(html).toContain('户外双肩包 30L 轻量 登山徒步');
    expect(html).toContain('损坏的导出.xlsx');
    expect(svgCount(html)).toBe(3); // week vs last week, streams, channels; no target set
  });

  it('select: the elimination list at its 3 % boundary, the role mix, both charts', () => {
    const out = join(tmp.dir, '淘汰清单.html');
    const run = liveops(['select', week, '--week', '2026-W47', '--pool', F('selection.xlsx'), '-o', out]);
    expect(run.code, run.stderr).toBe(3);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h2>淘汰建议（2）</h2>');
    // 299 ÷ 10,000 = 2.99 %: under the 3 % line, eliminated.
    expect(html).toMatch(/户外双肩包 30L 轻量 登山徒步<\/td>.*2\.99%/);
    expect(html).toContain('<h2>角色占比 vs 目标</h2>');
    expect(svgCount(html)).toBe(2);
  });

  it('kpi and schedule say they do not write HTML, and write nothing', () => {
    const kpi = liveops(['kpi', '--month', '2026-11', F('kpi-2026-11.xlsx'), '-o', join(tmp.dir, 'kpi.html')]);
    expect(kpi.code).toBe(2);
    expect(kpi.stderr).toContain('kpi does not write .html: it writes .xlsx, .csv or .json');
    expect(existsSync(join(tmp.dir, 'kpi.html'))).toBe(false);
  });
});
