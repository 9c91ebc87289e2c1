/**
 * The Markdown summaries a team posts to its chat (企业微信, 钉钉 and 飞书 robots): the stream's
 * time on Beijing time as people say it, platforms by name, headings and list lines (those apps
 * show a table as its pipes), and no backslash escapes, which they show as written. Text from data
 * stays inert all the same: never markup, a link, an HTML tag, a mention or a control sequence.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownText } from '../../src/text-safety.js';
import { FIXTURES, liveops, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const SESSION = join(FIXTURES, 'douyin-compass-session.xlsx');
const WEEK = join(FIXTURES, 'week-2026-W47');

/** What a chat app would render as markup, a link, a tag or a mention, or show as an escape. */
const ACTIVE = /\\|\*\*[^*]*[^*\s][^*]*\*\*|(?<!\*)\*(?!\*)|_|`|\[|\]|\||~|<[A-Za-z/!?@]|&#?\w+;|:\/\/|www\./;

describe('markdownText: a value as it reads in a chat message', () => {
  it.each([
    ['a comparison stays as written', '点击率 4.99% < 5.00%', '点击率 4.99% < 5.00%'],
    ['a minus and a formula-looking name stay', '-20℃ 极寒羽绒服 =3+3', '-20℃ 极寒羽绒服 =3+3'],
    ['an ampersand in a name stays', 'Tom & Jerry 联名款', 'Tom & Jerry 联名款'],
    ['bold, italics, code, strikethrough', '**爆款** _新品_ `x` ~~原价~~', '＊＊爆款＊＊ ＿新品＿ ｀x｀ ～～原价～～'],
    ['a link and an image', '[点我](http://evil.example) ![](x.png)', '［点我］(http：//evil.example) !［］(x.png)'],
    ['a bare address and an e-mail', 'www.evil.example 或 kf@evil.example', 'www．evil.example 或 kf＠evil.example'],
    [
      'an HTML tag, a colour, a mention',
      '<font color="warning">红</font> <@all>',
      '＜font color="warning">红＜/font> ＜@all>',
    ],
    ['an entity', '&lt;script&gt;', '＆lt;script＆gt;'],
    ['a table cell separator and a backslash', '冲锋衣 | 背包 C:\\新品', '冲锋衣 ｜ 背包 C:＼新品'],
    ['a heading first on a line', '# 假标题', '＃ 假标题'],
    ['a list mark first on a line', '- 假条目', '－ 假条目'],
    ['a numbered item first on a line', '1. 第一名', '1． 第一名'],
    ['a quote first on a line', '> 引用', '＞ 引用'],
    ['a rule', '---', '－--'],
    ['an indent that would make code', '    缩进', ' 缩进'],
    ['line breaks and terminal codes', '第一行\r\n\u001b[31m第二行\u001b[0m\t完', '第一行 第二行 完'],
  ])('%s', (_, given, shown) => {
    expect(markdownText(given)).toBe(shown);
    expect(markdownText(given)).not.toMatch(ACTIVE);
  });
});

describe('the retro as Markdown for the chat', () => {
  it('the md summary shows 抖音 and 2026-11-18 19:58, no backslash, no table', () => {
    for (const lang of ['zh', 'en']) {
      const r = liveops(['--lang', lang, 'retro', SESSION, '--format', 'md', '-o', '-']);
      expect(r.code, r.stderr).toBe(0);
      const md = r.stdout;
      expect(md).toContain('2026-11-18 19:58–23:12');
      expect(md).toContain(lang === 'zh' ? '抖音' : 'Douyin');
      expect(md).not.toMatch(/douyin|T19:58|\+08:00/);
      expect(md).not.toContain('\\');
      expect(md).not.toMatch(/^\|/m);
      // The alert reads as the terminal says it: a plain "<", the rule id in brackets.
      expect(md).toMatch(/^- \*\*(主播|anchor)\*\* · .*4\.99% < 5\.00%.*[（(]product-conversion-low[）)]$/m);
    }
  });

  it('the weekly report: the week against the previous one in list lines, no backslash, no table', () => {
    for (const lang of ['zh', 'en']) {
      const r = liveops(['--lang', lang, 'retro', '--weekly', WEEK, '--week', '2026-W47', '--format', 'md', '-o', '-']);
      expect([0, 3], r.stderr).toContain(r.code);
      expect(r.stdout).toMatch(
        lang === 'zh' ? /^- 成交金额：\*\*¥1,175,794\.00\*\*（上周 /m : /^- GMV: \*\*¥1,175,794\.00\*\* \(/m,
      );
      expect(r.stdout).not.toContain('\\');
      expect(r.stdout).not.toMatch(/^\|/m);
    }
  });
});

describe('hostile names in the Markdown stay inert', () => {
  it('an account and a product written as markup, links, tags and mentions come out as look-alikes', () => {
    const d = join(tmp.dir, 'hostile-md');
    mkdirSync(d, { recursive: true });
    writeFileSync(
      join(d, '概览.csv'),
      '达人昵称,直播时间,直播间用户支付金额,直播间观看人数\r\n"**山野** <font color=""warning"">店</font>",2026/11/26 19:30:00-2026/11/26 22:30:00,96280,21500\r\n',
    );
    const product = '[点我](http://evil.example) <@all> _斜_ `code` ~~删~~ \\ &lt;b&gt; www.evil.example';
    writeFileSync(
      join(d, '商品.csv'),
      `商品ID,商品名称,商品曝光人数,商品点击人数,成交人数,用户支付金额\r\n3650001,"${product}",10000,500,50,9999\r\n`,
    );
    const r = liveops(['retro', '概览.csv', '商品.csv', '--format', 'md', '-o', '-'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    // The product's click rate (5 %) fires an alert that names it: it is in the Markdown, inert.
    expect(md).toContain(
      '［点我］(http：//evil.example) ＜@all> ＿斜＿ ｀code｀ ～～删～～ ＼ ＆lt;b＆gt; www．evil.example',
    );
    expect(md.split('\n')[0]).toBe('# 直播复盘 · ＊＊山野＊＊ ＜font color="warning">店＜/font> · 2026-11-26');
    for (const line of md.split('\n')) {
      // Only liveops's own bold (**主播**, **¥96,280.00**) is markup here.
      const ours = line.replace(/\*\*(主播|直播运营|¥[\d,.]+)\*\*/g, '');
      expect(ours, line).not.toMatch(ACTIVE);
    }
  });
});
