#!/usr/bin/env node
/**
 * `npm run screenshots [-- --out <folder>]`: the README's pictures, made from the bundled sample
 * the way a team would see them — the retro workbook printed by LibreOffice (its first page and
 * its 图表 page, through pdftoppm), and the HTML retro in chromium at a phone's and a desktop's
 * width. Default folder: docs/screenshots. Needs LibreOffice, poppler-utils, chromium and a CJK
 * font (Debian: libreoffice-calc-nogui poppler-utils chromium fonts-noto-cjk); fails, naming what
 * is missing, rather than leave a picture out.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const OUT = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : join(ROOT, 'docs/screenshots'));
const SAMPLE = [join(ROOT, 'fixtures/douyin-compass-session.xlsx'), join(ROOT, 'fixtures/comments.csv')];

function need(cmd, pkg) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'pipe' });
  } catch {
    throw new Error(`${cmd} not found: install ${pkg}`);
  }
}

const chromium = () => {
  for (const c of [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean)) {
    try {
      return execFileSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).trim();
    } catch {
      // next
    }
  }
  throw new Error('chromium not found: install chromium (or set CHROMIUM)');
};

need('soffice', 'libreoffice-calc-nogui');
need('pdftoppm', 'poppler-utils');
const browserPath = chromium();

const work = mkdtempSync(join(tmpdir(), 'liveops-shots-'));
mkdirSync(OUT, { recursive: true });
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: work, stdio: 'pipe', env: { ...process.env, HOME: work } });
const liveops = (argv) => {
  try {
    run(process.execPath, [join(ROOT, 'bin/liveops.js'), ...argv, '--force']);
  } catch (e) {
    if (e.status !== 3) throw new Error(`liveops ${argv.join(' ')}: exit ${e.status}\n${e.stderr}`);
  }
};

try {
  // The retro workbook, printed: its first page (复盘) and the page of its 图表 sheet.
  liveops(['retro', ...SAMPLE, '-o', join(work, 'retro.xlsx')]);
  run('soffice', [
    `-env:UserInstallation=${pathToFileURL(join(work, 'lo')).href}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    join(work, 'retro.xlsx'),
  ]);
  run('pdftoppm', ['-png', '-r', '80', join(work, 'retro.pdf'), join(work, 'page')]);
  const pages = readdirSync(work)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort();
  if (pages.length < 2) throw new Error(`the retro printed ${pages.length} page(s); expected its sheets`);
  const text = execFileSync('pdftotext', ['-layout', join(work, 'retro.pdf'), '-'], { encoding: 'utf8' }).split('\f');
  const chartsPage = text.findIndex((p) => p.includes('图表'));
  copyFileSync(join(work, pages[0]), join(OUT, 'retro-workbook.png'));
  copyFileSync(join(work, pages[chartsPage >= 0 ? chartsPage : pages.length - 1]), join(OUT, 'retro-charts.png'));

  // The HTML retro in chromium: a phone's first screens and a desktop's.
  liveops(['retro', ...SAMPLE, '-o', join(work, 'retro.html')]);
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox'] });
  try {
    for (const [name, width, height, scale] of [
      ['retro-html-phone.png', 390, 1600, 2],
      ['retro-html-desktop.png', 1280, 1400, 1],
    ]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height, deviceScaleFactor: scale });
      await page.goto(pathToFileURL(join(work, 'retro.html')).href, { waitUntil: 'load' });
      await page.screenshot({ path: join(OUT, name), type: 'png' });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(
    `screenshots in ${OUT}: retro-workbook.png, retro-charts.png, retro-html-phone.png, retro-html-desktop.png`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
