/**
 * A summary on a terminal: every line within the width (80 in a pipe or cron), list items wrapped
 * under their text, columns aligned by display width (a Chinese character is two columns, a colour
 * code none), and nothing of the text lost by wrapping.
 */
import { describe, expect, it } from 'vitest';
import { alertLines, figures, fit, hangOf, item, table, unbroken } from '../../src/ui/layout.js';
import { fmtDateTime, fmtTimeRange } from '../../src/format.js';
import { widthFor } from '../../src/ui/terminal.js';
import { displayWidth } from '../../src/ui/width.js';
import { stripColour, wrapLine } from '../../src/ui/wrap.js';

const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
const dim = (s: string) => `\u001b[2m${s}\u001b[22m`;
/** The text without its layout: what a reader gets from the lines, whatever the breaks. */
const words = (lines: string[] | string) =>
  stripColour(Array.isArray(lines) ? lines.join('\n') : lines).replace(/\s+/g, '');
const widest = (lines: string[]) => Math.max(...lines.map(displayWidth));

const ALERT_ZH =
  '  ! [product-conversion-low] 商品「山野 GORE-TEX 硬壳冲锋衣 专业登山款」 点击成交转化率 4.99% < 5.00%：商品转化率低，调整逼单话术 → 主播';
const ALERT_EN =
  '  ! [product-conversion-low] product "山野 GORE-TEX 硬壳冲锋衣 专业登山款" Click→order conversion 4.99% < 5.00%: Product conversion low: adjust the closing talk → anchor';

describe('wrapping a line for the terminal', () => {
  it.each([
    ['Chinese', ALERT_ZH],
    ['English', ALERT_EN],
  ])('a %s alert at 80 columns: no line wider than 80, continuation under the text, no word lost', (_, line) => {
    const lines = wrapLine(line, 80, { hang: hangOf(line) });
    expect(lines.length).toBeGreaterThan(1);
    expect(widest(lines)).toBeLessThanOrEqual(80);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {4}\S/);
    expect(words(lines)).toBe(words(line));
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const lines = wrapLine('  ! 为「山野户外硬壳冲锋衣」补货，库存只剩「四十五」件，低于安全库存。', 24, { hang: 4 });
    expect(widest(lines)).toBeLessThanOrEqual(24);
    for (const l of lines) expect(l.trim()).not.toMatch(/^[，。、：）」]|[「（]$/);
    expect(words(lines)).toBe(words('  ! 为「山野户外硬壳冲锋衣」补货，库存只剩「四十五」件，低于安全库存。'));
  });

  it('colour codes take no column, and a style open at a break is closed and reopened on the next line', () => {
    const line = `  ${red('✗')} ${dim('[uv-drop] 小鹿美妆官方 2026-11-20 19:30: 4,970 vs 9,940 (−50.0%) — 观看人数较基线下降过多，异常预警 → 数据分析')}`;
    const lines = wrapLine(line, 60, { hang: 4 });
    expect(widest(lines)).toBeLessThanOrEqual(60);
    expect(lines.map(displayWidth)[0]).toBeGreaterThan(50);
    expect(lines[0]).toMatch(/\u001b\[0m$/);
    expect(lines[1]).toMatch(/^ {4}\u001b\[2m/);
    expect(words(lines)).toBe(words(line));
  });

  it('a word wider than the line (a long path) is cut, after a / or _ where it can be; nothing is lost', () => {
    const path = 'reports/2026/11/山野户外旗舰店/复盘_山野户外旗舰店_2026-11-18_第二场_加播.xlsx';
    const lines = wrapLine(`已写入 ${path}`, 40);
    expect(widest(lines)).toBeLessThanOrEqual(40);
    expect(lines[0]).toBe('已写入');
    expect(lines[1]).toMatch(/[/_]$/);
    expect(lines.at(-1)).toMatch(/加播\.xlsx$/);
    expect(words(lines)).toBe(words(`已写入 ${path}`));
  });

  it('a line that fits is left as it is, colour and spaces too', () => {
    const line = `  ${red('!')}  两个空格  ${dim('→ 主播')}`;
    expect(wrapLine(line, 80)).toEqual([line]);
  });

  it.each([
    ['  ✗ 户外双肩包', 4],
    ['  12. [主播] 调整', 6],
    ['  → 把预算向关注倾斜', 4],
    ['  商品点击率: 平台显示', 4],
    ['已写入 out.xlsx', 2],
    ['    A    直播间观看人数   → uv (观看人数, count)', 28],
    [`  ${red('!')} 为「x」补货`, 4],
  ])('%j continues at column %i', (line, hang) => {
    expect(hangOf(line)).toBe(hang);
  });
});

describe('wrapping any line: within the width, nothing lost', () => {
  // Deterministic: the same 2,000 lines on every run.
  let seed = 20;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pieces = [
    '商品',
    '「山野」',
    '冲锋衣',
    '，',
    '：',
    '。',
    'GORE-TEX',
    '4.99%',
    '<',
    '→',
    ' ',
    '  ',
    '\u00a0',
    'reports/2026/复盘_山野_2026-11-18.xlsx',
    'anchor',
    '👍',
    'Click→order',
    '（福利款）',
    red('✗'),
    dim('[uv-drop]'),
    'supercalifragilisticexpialidocious-and-more',
    '直播价比竞品低10.01%，超过10%：核实品质与利润',
  ];
  const lines = Array.from({ length: 2000 }, () => {
    const n = 1 + Math.floor(next() * 30);
    return `  ${Array.from({ length: n }, () => pieces[Math.floor(next() * pieces.length)]).join('')}`;
  });

  it.each([20, 33, 60, 80, 120])('at %i columns', (width) => {
    for (const line of lines) {
      const hang = Math.floor(next() * 8);
      const out = wrapLine(line, width, { hang });
      const over = out.filter((l) => displayWidth(l) > width);
      expect(over, line).toEqual([]);
      expect(words(out), line).toBe(words(line));
    }
  });
});

describe('tables and figures, aligned by display width', () => {
  it('English and Chinese figures end in one column, each language in its own grid', () => {
    for (const pairs of [
      [
        ['观看人数', '6,782'],
        ['UV价值', '¥19.67'],
        ['观看成交转化率', '3.02%'],
        ['GPM', '¥14,134.85'],
      ],
      [
        ['Viewers (UV)', '6,782'],
        ['UV value', '¥19.67'],
        ['View→order conversion', '3.02%'],
        ['GPM', '¥14,134.85'],
      ],
    ] as Array<Array<[string, string]>>) {
      const lines = figures(pairs, 80, { perLine: [2, 1] });
      expect(lines).toHaveLength(2);
      // Where a value ends, in terminal columns: the same on both lines, for either column.
      const end = (line: string, value: string) => displayWidth(line.slice(0, line.indexOf(value) + value.length));
      expect(end(lines[0]!, pairs[0]![1])).toBe(end(lines[1]!, pairs[2]![1]));
      expect(end(lines[0]!, pairs[1]![1])).toBe(end(lines[1]!, pairs[3]![1]));
    }
  });

  it('figures take fewer per line when the terminal is narrow, never a line wider than it', () => {
    const pairs: Array<[string, string]> = [
      ['Orders', '228'],
      ['Buyers', '205'],
      ['Click→order conversion', '13.74%'],
      ['View→order conversion', '3.02%'],
    ];
    expect(figures(pairs, 120, { perLine: [4, 2, 1] })).toHaveLength(1);
    expect(figures(pairs, 80, { perLine: [4, 2, 1] })).toHaveLength(2);
    const narrow = figures(pairs, 30, { perLine: [4, 2, 1] });
    expect(narrow.length).toBeGreaterThanOrEqual(4);
    expect(words(narrow)).toBe(words(pairs.flat()));
    expect(widest(narrow)).toBeLessThanOrEqual(30);
  });

  it('a table pads Chinese names by columns, numbers to the right', () => {
    const lines = table(
      [
        ['排名', '姓名', '得分'],
        ['1', '钱多多', '106.00'],
        ['2', 'Li', '99.5'],
      ],
      [{ align: 'right' }, {}, { align: 'right' }],
      80,
    );
    expect(lines).toEqual(['  排名  姓名      得分', '     1  钱多多  106.00', '     2  Li        99.5']);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('a table wider than the terminal wraps the columns that may wrap, within their column', () => {
    const rows = [
      ['10', '12-15 周二 19:30-22:30', '小鹿美妆官方', '会员专属场·美妆会员复购日', '莉莉 / 小吴', '¥77,295.00'],
      ['11', '12-16 周三 20:00-23:00', '山野户外旗舰店', '日常场', '阿杰 / 小周', '¥64,412.00'],
    ];
    const lines = table(rows, [{ align: 'right' }, {}, {}, { wrap: true }, { wrap: true }, { align: 'right' }], 80);
    expect(widest(lines)).toBeLessThanOrEqual(80);
    expect(lines.length).toBeGreaterThan(2);
    // Cells wrap within their column, so lines interleave cells: the same characters, all of them.
    const chars = (s: string) => [...s].sort().join('');
    expect(chars(words(lines))).toBe(chars(words(rows.map((r) => r.join(' ')))));
    // The money column still ends where it ends on the other rows.
    const moneyEnds = lines.filter((l) => l.includes('¥')).map(displayWidth);
    expect(new Set(moneyEnds).size).toBe(1);
  });
});

describe('alerts: mark, rule id, message, owner', () => {
  const alerts = [
    {
      mark: '!',
      rule: '[product-conversion-low]',
      message: ALERT_ZH.split('] ')[1]!.replace(' → 主播', ''),
      owner: '→ 主播',
    },
    { mark: '!', rule: '[uv-drop]', message: '观看人数较基线下降 50.0%，异常预警', owner: '→ 数据分析' },
  ];

  it('an alert line at 80 columns wraps under its message, no line is wider than 80', () => {
    const lines = alertLines(alerts, 80);
    expect(widest(lines)).toBeLessThanOrEqual(80);
    const messageAt = lines[0]!.indexOf('商品');
    expect(messageAt).toBe(2 + 2 + '[product-conversion-low]'.length + 1);
    expect(lines[1]!.slice(0, messageAt).trim()).toBe('');
    expect(lines[1]!.slice(messageAt)).not.toMatch(/^\s/);
    // The short rule id is padded: its message starts in the same column.
    const second = lines.findIndex((l) => l.includes('[uv-drop]'));
    expect(lines[second]!.indexOf('观看人数')).toBe(messageAt);
    expect(words(lines)).toBe(words(alerts.map((a) => `${a.mark}${a.rule}${a.message}${a.owner}`)));
  });

  it('on a narrow terminal the message continues under the rule id instead', () => {
    const lines = alertLines(alerts, 50);
    expect(widest(lines)).toBeLessThanOrEqual(50);
    expect(lines[1]).toMatch(/^ {4}\S/);
  });
});

describe('a phrase marked unbroken', () => {
  it('moves whole to the next line, Chinese name and figure together, and its marks are not printed', () => {
    const bonus = ['孙悦 ¥0.00 (未超目标)', '吴倩 ¥0.00 (未超目标)', '郑浩 ¥2,500.00'].map(unbroken).join('、');
    const lines = item('  冲刺奖金: ', bonus, 50);
    expect(lines).toEqual(['  冲刺奖金: 孙悦 ¥0.00 (未超目标)、', '            吴倩 ¥0.00 (未超目标)、郑浩 ¥2,500.00']);
    expect(lines.join('')).not.toMatch(/[\u2062\u2063]/);
  });

  it('wider than a line, it is cut rather than overrun', () => {
    const lines = wrapLine(`  ! ${unbroken('一个非常非常长的不可拆分的短语，比一整行还要宽得多得多得多')}`, 30, {
      hang: 4,
    });
    expect(widest(lines)).toBeLessThanOrEqual(30);
  });
});

describe('fit and item', () => {
  it('fit leaves short lines alone and wraps long ones under their list marker', () => {
    const lines = fit(['标题', '', `  1. [主播] ${'延长讲解时间，用场景化展示代替参数罗列。'.repeat(4)}`], 60);
    expect(lines.slice(0, 2)).toEqual(['标题', '']);
    expect(lines.slice(3).every((l) => l.startsWith('     ') && !l.startsWith('      '))).toBe(true);
    expect(widest(lines)).toBeLessThanOrEqual(60);
  });

  it('item hangs under the text after its lead', () => {
    const lines = item(
      '  冲刺奖金: ',
      '张伟 ¥1,234.00、李娜 ¥0.00 (未超目标)、王芳 ¥1,100.00、赵磊 ¥420.00、周敏 ¥0.00 (未超目标)',
      60,
    );
    expect(lines.length).toBe(2);
    expect(lines[1]).toMatch(/^ {12}\S/);
  });
});

describe('the width a summary is laid out in', () => {
  it.each([
    ['a terminal of 132 columns', true, 132, {}, 132],
    ['a pipe or cron', false, undefined, {}, 80],
    ['a pipe with COLUMNS=120', false, undefined, { COLUMNS: '120' }, 120],
    ['a terminal with COLUMNS=100 set', true, 132, { COLUMNS: '100' }, 100],
    ['COLUMNS that is no number', false, undefined, { COLUMNS: 'wide' }, 80],
    ['COLUMNS=0', true, 90, { COLUMNS: '0' }, 90],
    ['COLUMNS=5, too narrow to lay out', false, undefined, { COLUMNS: '5' }, 20],
  ] as const)('%s: %i', (_, tty, columns, env, want) => {
    expect(widthFor(tty, columns, env)).toBe(want);
  });
});

describe("a stream's time as the team reads it: Beijing time, whatever the machine's zone", () => {
  it.each([
    ['2026-11-26T19:30:00+08:00', '2026-11-26 19:30'],
    ['2026-11-26T11:30:00Z', '2026-11-26 19:30'],
    ['2026-11-26T16:45:10.500Z', '2026-11-27 00:45'],
    ['2026-11-26 19:30', '2026-11-26 19:30'],
    ['2026-11-26', '2026-11-26'],
    ['第3场', '第3场'],
    [null, '—'],
  ])('%s → %s', (iso, shown) => expect(fmtDateTime(iso)).toBe(shown));

  it.each([
    ['2026-11-18T19:58:02+08:00', '2026-11-18T23:12:40+08:00', '2026-11-18 19:58–23:12'],
    ['2026-12-31T22:00:00+08:00', '2027-01-01T01:30:00+08:00', '2026-12-31 22:00 – 2027-01-01 01:30'],
    ['2026-11-18T19:58:02+08:00', null, '2026-11-18 19:58'],
  ])('%s to %s → %s', (start, end, shown) => expect(fmtTimeRange(start, end)).toBe(shown));
});
