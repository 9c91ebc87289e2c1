/**
 * Damaged and hostile inputs: nothing lost without a word, nothing written where it should not be,
 * nothing that turns into a formula or a terminal command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, liveops, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const folder = (name: string) => {
  const d = join(tmp.dir, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const PRODUCTS_HEAD = '商品ID,商品名称,商品曝光人数,商品点击人数,成交人数,用户支付金额';

describe('records are neither merged nor dropped', () => {
  it('a comments file whose lines end in CRLF, LF and CR by turns is read as all its 300 rows', () => {
    const d = folder('mixed');
    const ends = ['\r\n', '\n', '\r'];
    const rows = Array.from(
      { length: 300 },
      (_, i) => `2026-11-26 20:${String(i % 60).padStart(2, '0')}:00,观众${i},第${i}条评论${ends[i % 3]}`,
    );
    writeFileSync(join(d, '评论.csv'), `评论时间,昵称,评论内容\r\n${rows.join('')}`);
    const r = liveops(['--json', 'inspect', '评论.csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0].tables[0].rows).toBe(300);
  });

  it('a CSV cut in the middle of its last row is refused, naming file and row: "the file seems cut off"', () => {
    const d = folder('cut');
    writeFileSync(
      join(d, '商品.csv'),
      `${PRODUCTS_HEAD}\r\n3650001,冲锋衣,1000,100,10,999\r\n3650002,背包,2000,150,12,1200\r\n365`,
    );
    const r = liveops(['retro', '商品.csv', '-o', 'out/'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/商品\.csv:4: the last row has 1 of 6 columns .*seems cut off/);
    expect(readdirSync(d)).toEqual(['商品.csv']);
  });

  it('a last row that is whole but has no line break is read, with a word that the file may be cut there', () => {
    const d = folder('noeol');
    writeFileSync(join(d, '商品.csv'), `${PRODUCTS_HEAD}\r\n3650001,冲锋衣,1000,100,10,999`);
    const r = liveops(['--json', 'inspect', '商品.csv'], { cwd: d });
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout).files[0].tables[0];
    expect(t.rows).toBe(1);
    expect(t.warnings).toEqual([
      expect.stringMatching(/^商品\.csv 第2行：文件在最后一行中间结束（后面没有换行），可能被截断/),
    ]);
  });

  const COMMENTS_HEAD = '评论时间,用户昵称,评论内容,点赞数';
  const comments = (n: number) =>
    Array.from({ length: n }, (_, i) => `2026-11-18 20:${String(10 + (i % 50))}:00,观众${i},这件冲锋衣防水吗,${i}`);

  it('two stray quotes that pair up rows apart: refused, naming the row and the lines it swallowed', () => {
    const d = folder('spans');
    const rows = comments(30);
    rows[9] = rows[9]!.replace(',观众9,', ',"观众9,'); // row 11 of the file opens a quote …
    rows[12] = rows[12]!.replace('防水吗,', '防水吗",'); // … row 14 closes it
    writeFileSync(join(d, '评论.csv'), `${COMMENTS_HEAD}\n${rows.join('\n')}\n`);
    const r = liveops(['inspect', '评论.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '评论.csv:11: column 用户昵称: a quoted field runs over lines 11–14, 3 of them shaped like rows of their own, and the row has 3 of 4 columns: a stray quote (") joined rows into one',
    );
  });

  it('a quote opened in row 45 and closed by a quote in row 98: refused, although the joined row has the right width', () => {
    const d = folder('unclosed-mid');
    const rows = comments(120);
    rows[43] = rows[43]!.replace(',观众43,', ',"观众43,'); // lines 46–97 between are whole rows: 52
    rows[96] = rows[96]!.replace(',观众96,', ',观众"96,'); // a quote inside a nickname closes it, in the same column
    writeFileSync(join(d, '评论.csv'), `${COMMENTS_HEAD}\n${rows.join('\n')}\n`);
    const r = liveops(['inspect', '评论.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /评论\.csv:45: column 用户昵称: a quoted field runs over lines 45–98, 52 of them shaped like rows of their own: a stray quote/,
    );
  });

  it('a comment written over two lines in quotes is one row, as it should be', () => {
    const d = folder('multiline');
    const rows = comments(10);
    rows[4] = '2026-11-18 20:20:00,观众4,"这件冲锋衣\n防水吗，尺码偏大吗",3';
    writeFileSync(join(d, '评论.csv'), `${COMMENTS_HEAD}\n${rows.join('\n')}\n`);
    const r = liveops(['--json', 'inspect', '评论.csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0].tables[0].rows).toBe(10);
  });

  it('a quote opened in the header and never closed there: refused, naming the header', () => {
    const d = folder('quote-header');
    const rows = comments(30);
    rows[18] = rows[18]!.replace('防水吗', '防"水吗');
    writeFileSync(join(d, '评论.csv'), `${COMMENTS_HEAD.replace('用户昵称', '"用户昵称')}\n${rows.join('\n')}\n`);
    const r = liveops(['retro', join(FIXTURES, 'douyin-compass-session.xlsx'), '评论.csv', '-o', 'out/'], { cwd: d });
    // What the file is cannot be told from a broken header: it is bad input, and nothing is written.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '评论.csv:1: column B: a quote (") in the header row is not closed where the header ends: the header runs over lines 1–20',
    );
    expect(readdirSync(d)).toEqual(['评论.csv']);
  });

  it('a UTF-8 export with one damaged byte is refused naming byte and line, not read as GBK mojibake', () => {
    const d = folder('bad-byte');
    const body = Buffer.from(`${COMMENTS_HEAD}\n${comments(20).join('\n')}\n`);
    const at = body.indexOf(Buffer.from('观众7'));
    body[at] = 0xff;
    writeFileSync(join(d, '评论.csv'), body);
    const r = liveops(['inspect', '评论.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `评论.csv: invalid UTF-8 at byte ${at} (line 9), although the rest of the file is UTF-8: it mixes encodings or is damaged`,
    );
  });

  it('a header given twice with other values under the second: the first is used and the difference is said', () => {
    const d = folder('dup');
    writeFileSync(
      join(d, '商品.csv'),
      `${PRODUCTS_HEAD},用户支付金额\n3650001,冲锋衣,1000,100,10,999,999\n3650002,背包,2000,150,12,1200,1300\n`,
    );
    const r = liveops(['--json', 'inspect', '商品.csv'], { cwd: d });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].tables[0].warnings).toEqual([
      '商品.csv：F列「用户支付金额」与G列「用户支付金额」是重复的同一指标，两列有 1 行数值不同（首次在第3行）；已使用 F列 — 如应使用另一列，请删除或改名其中一列，或在配置 headers: 中映射',
    ]);
  });

  it('retro names each file that gave it nothing, with why; a header-only export ends in exit 3', () => {
    const d = folder('retro-notused');
    writeFileSync(join(d, 'bom.csv'), '\ufeff\r\n\r\n');
    writeFileSync(join(d, '评论.csv'), `${COMMENTS_HEAD}\r\n`);
    writeFileSync(join(d, 'noheader.csv'), '2026-11-18 20:10:00,a,b\n2026-11-18 20:11:00,c,d\n');
    const args = [
      'retro',
      join(FIXTURES, 'douyin-compass-session.xlsx'),
      'bom.csv',
      '评论.csv',
      'noheader.csv',
      '-o',
      'out/',
    ];
    const r = liveops(args, { cwd: d });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(
      '未使用的文件（3）：\n  bom.csv — 空文件：没有任何数据\n  评论.csv — 只有表头（评论），没有数据行\n  noheader.csv — 找不到表头：没有可识别的列',
    );
    const j = liveops([...args, '--force', '--json', '--lang', 'en'], { cwd: d });
    expect(JSON.parse(j.stdout).ignored).toEqual([
      { file: 'bom.csv', sheet: null, why: 'empty', reason: 'empty: no data in it' },
      {
        file: '评论.csv',
        sheet: null,
        why: 'no-rows',
        kind: 'comments',
        reason: 'header only (comments): no data rows',
      },
      { file: 'noheader.csv', sheet: null, why: 'no-header', reason: expect.stringMatching(/^no header found/) },
    ]);
  });

  it('an HTML page saved under an .xlsx name (an expired download link) is refused as such', () => {
    const d = folder('html');
    writeFileSync(
      join(d, '直播明细.xlsx'),
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>登录已过期</title></head><body>请重新登录</body></html>',
    );
    const r = liveops(['inspect', '直播明细.xlsx'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('直播明细.xlsx: is an HTML or XML page, not an export');
  });

  it('select names the files it did not use (no header, not recognised) in its summary and log line', () => {
    const d = folder('notused');
    for (const f of readdirSync(join(FIXTURES, 'week-2026-W47')))
      writeFileSync(join(d, f), readFileSync(join(FIXTURES, 'week-2026-W47', f)));
    writeFileSync(join(d, 'noheader.csv'), '1,2,3\n4,5,6\n');
    const r = liveops(['select', '.', '--week', '2026-W47', '-o', 'out/'], { cwd: d });
    expect(r.stdout).toMatch(/未使用的文件（\d+）[\s\S]*noheader\.csv/);
    expect(r.stderr).toMatch(/\d+ files? not used → /);
  });
});

describe('no flag or data value places a file outside the output folder', () => {
  it('script --date with ../ is refused; nothing is written anywhere', () => {
    const d = folder('date-escape');
    const r = liveops(
      ['script', '--date', 'x/../../../../tmp/liveops-pwned', '--products', 'a', '--duration', '60', '-o', 'out/'],
      { cwd: d },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--date x\/\.\.\/.*: expected a date such as 2026-12-03/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('an account named "../../evil\\u202egnp.exe" names a retro inside the input\'s folder, without the override', () => {
    const d = folder('account-escape');
    writeFileSync(
      join(d, '概览.csv'),
      `达人昵称,直播时间,直播间用户支付金额,直播间观看人数\r\n../../evil\u202egnp.exe,2026/11/26 19:30:00-2026/11/26 22:30:00,96280,21500\r\n`,
    );
    const r = liveops(['retro', '概览.csv'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    const made = readdirSync(d).filter((f) => f !== '概览.csv');
    expect(made).toEqual(['复盘_evilgnp.exe_2026-11-26.xlsx']);
  });
});

describe('no formula comes alive, also after a CSV round trip', () => {
  it('a product named "\\u200b=3+3" is written with the apostrophe, in the xlsx and in the CSV', async () => {
    const d = folder('formula');
    writeFileSync(
      join(d, '商品_20261118.csv'),
      `${PRODUCTS_HEAD}\r\n3650001,\u200b=3+3,10000,100,1,99\r\n3650002,\ufeff@SUM(A1),10000,2000,200,9999\r\n`,
    );
    const r = liveops(['select', '.', '--week', '2026-W47', '-o', 'out/'], { cwd: d });
    expect(r.stderr).not.toMatch(STACK);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, 'out', readdirSync(join(d, 'out'))[0]!));
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value))));
    // A cell a spreadsheet would take as a formula once the invisible characters are gone.
    const live = (t: string) => /^[=+\-@]/.test(t.replace(/^[\s\u200b-\u200f\u202a-\u202e\u2060\ufeff]+/, ''));
    const payloads = texts.filter((t) => /=3\+3|@SUM/.test(t) && (live(t) || live(t.slice(1))));
    expect(payloads.length).toBeGreaterThanOrEqual(1);
    for (const t of payloads) expect(t.startsWith("'"), JSON.stringify(t)).toBe(true);
    const csv = liveops(['select', '.', '--week', '2026-W47', '-o', '-', '--format', 'csv'], { cwd: d });
    const cells = csv.stdout
      .split(/\r\n/)
      .slice(1)
      .flatMap((l) => l.split(','))
      .map((c) => c.replace(/^"|"$/g, ''));
    expect(cells.some((c) => /=3\+3/.test(c))).toBe(true);
    for (const c of cells) expect(live(c), JSON.stringify(c)).toBe(false);
  });

  it('a product named "-20℃ 极寒羽绒服" that schedule wrote with the apostrophe comes back to script without it', async () => {
    const d = folder('own-cells');
    copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(d, 'liveops.config.yaml'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(FIXTURES, 'scripts', '选品表.xlsx'));
    const ws = wb.worksheets[0]!;
    const nameCol = (ws.getRow(1).values as unknown[]).indexOf('商品名称');
    ws.getRow(2).getCell(nameCol).value = '-20℃ 极寒羽绒服';
    await wb.xlsx.writeFile(join(d, '选品表.xlsx'));
    const env = { LIVEOPS_NOW: '2026-11-28T10:00:00+08:00' };
    expect(liveops(['schedule', '--month', '2026-12', '--pool', '选品表.xlsx'], { cwd: d, env }).code).toBe(0);
    // The schedule sheet itself shows the name neutralised, as a spreadsheet must not evaluate it.
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.readFile(join(d, '排期表_2026-12.xlsx'));
    const shown: string[] = [];
    plan.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((c) => typeof c.value === 'string' && c.value.includes('20℃') && shown.push(c.value)),
      ),
    );
    expect(shown.some((t) => t.startsWith("'-20℃"))).toBe(true);
    const r = liveops(
      ['script', '--date', '2026-12-02', '--schedule', '排期表_2026-12.xlsx', '--pool', '选品表.xlsx'],
      { cwd: d, env },
    );
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(d, '脚本_2026-12-02_山野户外旗舰店.md'), 'utf8');
    expect(md).toContain('## 21:07–22:01 -20℃ 极寒羽绒服（54 分钟）');
    expect(md).not.toContain("'-20℃");
  });
});

describe('control characters from data never reach a terminal, Markdown, a calendar or a message raw', () => {
  const account = '山野\u001b[31m红\u001b]0;pwned\u0007\r# 假标题\r- 假条目';
  it('an account name with ESC, OSC, BEL and bare CRs: the summary and the Markdown carry none of them', () => {
    const d = folder('controls');
    writeFileSync(
      join(d, '概览.csv'),
      `达人昵称,直播时间,直播间用户支付金额,直播间观看人数\r\n"${account}",2026/11/26 19:30:00-2026/11/26 22:30:00,96280,21500\r\n`,
    );
    const r = liveops(['retro', '概览.csv', '-o', 'retro.md'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/[\u0007\u001b\r]/);
    const md = readFileSync(join(d, 'retro.md'), 'utf8');
    expect(md).not.toMatch(/[\u0007\u001b\r]/);
    expect(md).not.toMatch(/^# 假标题/m);
    expect(md).not.toMatch(/^- 假条目/m);
  });

  it('a bad value spanning lines is one line of error, its controls shown as escapes', () => {
    const d = folder('one-line-error');
    writeFileSync(join(d, 'kpi.csv'), '姓名,岗位,GMV\r\n王磊,运营,"12\n\u001b[2J34"\r\n');
    const r = liveops(['kpi', '--month', '2026-11', 'kpi.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('"12\\n\\x1b[2J34"');
  });
});

describe('--force replaces only a regular file', () => {
  it.each(['a named pipe', 'a symbolic link'])('%s is refused and left as it is', (what) => {
    const d = folder(`force-${what.replace(/\s/g, '-')}`);
    const target = join(d, 'out.json');
    if (what === 'a named pipe') execFileSync('mkfifo', [target]);
    else symlinkSync('/etc/hostname', target);
    const r = liveops(['inspect', join(FIXTURES, 'orders.csv'), '-o', target, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /is (a named pipe \(FIFO\)|a symbolic link), not a file: --force replaces only regular files/,
    );
    const st = lstatSync(target);
    expect(
      what === 'a named pipe' ? st.isFIFO() : st.isSymbolicLink() && readlinkSync(target) === '/etc/hostname',
    ).toBe(true);
  });
});

describe('absurd inputs are refused at once, environment errors are no bug', () => {
  it.each([
    [
      'a header cell of 1 M characters',
      () => `${'a'.repeat(1_000_000)},b\n1,2\n`,
      /a cell of 1,000,000 characters among the first rows/,
    ],
    [
      '200,000 columns',
      () => `${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',')}\n`,
      /has 200,000 columns/,
    ],
  ])('%s: exit 2 naming the row', (_what, content, message) => {
    const d = folder(`absurd-${_what.length}`);
    writeFileSync(join(d, 'x.csv'), content());
    const r = liveops(['inspect', 'x.csv'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.csv:1: /);
    expect(r.stderr).toMatch(message);
  });

  it('a symlink loop as input, a working folder that was deleted: exit 2 with the cause, no "bug"', () => {
    const d = folder('env');
    symlinkSync(join(d, 'loop2'), join(d, 'loop1'));
    symlinkSync(join(d, 'loop1'), join(d, 'loop2'));
    const loop = liveops(['inspect', 'loop1'], { cwd: d });
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/cannot read .*loop1: too many symbolic links .*\(ELOOP\)/);
    const gone = folder('gone');
    const r = spawnSync(
      'sh',
      [
        '-c',
        `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${BIN}" inspect "${join(FIXTURES, 'orders.csv')}"`,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', LIVEOPS_HISTORY: 'off' } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the current folder no longer exists/);
    expect(r.stderr).not.toMatch(/bug/);
  });
});
