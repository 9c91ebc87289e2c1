/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML reports (`--format html`) opened in a real browser, Debian's chromium headless through
 * puppeteer-core, as a phone (390 px) and a desktop (1280 px) would: the page loads with no
 * console error and asks for nothing beyond itself (no network, no script), nothing is wider than
 * a phone's screen, the charts are drawn and hold the report's words, and each screenshot has
 * something on it. Fails, never skips, when there is no chromium: CI installs it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourCount, decodePng } from './png-pixels.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/liveops.js');
const FIXTURES = join(ROOT, 'fixtures');
const WEEK = join(FIXTURES, 'week-2026-W47');

/** The browser: $CHROMIUM, else the first of Debian's and others' names on the PATH. */
function chromiumPath(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error('no chromium found: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM');
}

let dir: string;
let browser: Browser;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-html-'));
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Run liveops, writing `out` in the temp folder; a report with findings exits 3, which is fine here. */
function liveops(args: string[], out: string): string {
  const file = join(dir, out);
  try {
    execFileSync(process.execPath, [BIN, ...args, '-o', file, '--force'], {
      cwd: dir,
      stdio: 'pipe',
      timeout: 120_000,
    });
  } catch (e) {
    if ((e as { status?: number }).status !== 3) throw e;
  }
  return file;
}

interface Visit {
  page: Page;
  problems: string[];
  requests: string[];
}

/** Open `file` at `width`, recording console errors, page errors and every request but the page's own. */
async function visit(file: string, width: number): Promise<Visit> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  const self = pathToFileURL(file).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('request', (r) => {
    if (r.url() !== self) requests.push(r.url());
  });
  await page.setViewport({ width, height: 800, deviceScaleFactor: 1 });
  await page.goto(self, { waitUntil: 'load' });
  return { page, problems, requests };
}

/** What a screenshot of the whole page shows: its size and how many colours (a blank page has one). */
async function screenshot(page: Page) {
  const png = Buffer.from(await page.screenshot({ fullPage: true, type: 'png' }));
  const pixels = decodePng(png);
  let ink = 0;
  for (let i = 0; i < pixels.data.length; i += 4) if (pixels.data[i]! < 160) ink++;
  return {
    width: pixels.width,
    height: pixels.height,
    colours: colourCount(pixels.data),
    ink: ink / (pixels.width * pixels.height),
  };
}

const reports = [
  {
    name: 'retro',
    make: () => liveops(['retro', join(FIXTURES, 'douyin-compass-session.xlsx')], 'retro.html'),
    charts: 3,
    words: ['直播复盘', '山野户外旗舰店', '¥133,433.00', '商品点击率低'],
    chartWords: ['商品成交金额', '直播推荐'],
  },
  {
    name: 'weekly',
    make: () => liveops(['retro', '--weekly', WEEK, '--week', '2026-W47'], 'weekly.html'),
    charts: 3,
    words: ['周度复盘报告 2026-W47', '¥1,175,794.00', '户外双肩包 30L 轻量 登山徒步'],
    chartWords: ['各场成交金额', '渠道归因'],
  },
  {
    name: 'select',
    make: () =>
      liveops(['select', WEEK, '--week', '2026-W47', '--pool', join(FIXTURES, 'selection.xlsx')], 'select.html'),
    charts: 2,
    words: ['选品周报 2026-W47', '淘汰建议（2）', '2.99%'],
    chartWords: ['3%'],
  },
  {
    name: 'retro in English',
    make: () => liveops(['retro', join(FIXTURES, 'douyin-compass-session.xlsx'), '--lang', 'en'], 'retro.en.html'),
    charts: 3,
    words: ['Stream retro', 'Key figures', 'Improvements (3)'],
    chartWords: ['GMV by product', 'Channel share'],
  },
];

describe.each(reports)('the $name HTML report in chromium', (r) => {
  let file: string;
  beforeAll(() => {
    file = r.make();
  }, 120_000);

  it('is one file that asks for nothing: no script, no link, no request beyond itself', async () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:)?\/\//i);
    const { page, problems, requests } = await visit(file, 1280);
    await page.close();
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.each([
    { device: 'phone', width: 390 },
    { device: 'desktop', width: 1280 },
  ])(
    'reads on a $device ($width px): nothing wider than the screen, charts drawn, a screenshot that is not blank',
    async ({ width }) => {
      const { page, problems } = await visit(file, width);
      const facts = await page.evaluate(() => ({
        text: document.body.innerText,
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        charts: [...document.querySelectorAll('svg.chart')].map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, text: svg.textContent ?? '' };
        }),
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      }));
      const shot = await screenshot(page);
      await page.close();
      expect(problems).toEqual([]);
      for (const w of r.words) expect(facts.text).toContain(w);
      // A wide table or chart scrolls in its own box; the page itself never does.
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
      expect(facts.charts.length).toBeGreaterThanOrEqual(r.charts);
      for (const c of facts.charts) {
        expect(c.width).toBeGreaterThan(300);
        expect(c.height).toBeGreaterThan(100);
      }
      const chartText = facts.charts.map((c) => c.text).join(' ');
      for (const w of r.chartWords) expect(chartText).toContain(w);
      // Each chart's clip paths are its own: no id twice on the page.
      expect(new Set(facts.ids).size).toBe(facts.ids.length);
      expect(shot.width).toBe(width);
      expect(shot.height).toBeGreaterThan(1000);
      expect(shot.colours).toBeGreaterThan(50);
      expect(shot.ink).toBeGreaterThan(0.01);
    },
  );

  it('prints on A4 with the screen-only scrolling off', async () => {
    const { page } = await visit(file, 1280);
    await page.emulateMediaType('print');
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('.scroll, figure')].map((e) => getComputedStyle(e).overflowX),
    );
    const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
    await page.close();
    expect(overflow.every((o) => o === 'visible')).toBe(true);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
  });
});
