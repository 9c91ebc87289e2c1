import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, ROOT, STACK, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => {
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
  copyFileSync(join(FIXTURES, 'selection.xlsx'), join(tmp.dir, '选品表.xlsx'));
  const r = liveops(['schedule', '--month', '2026-12', '--pool', '选品表.xlsx', '--no-ics', '-q'], { cwd: tmp.dir });
  expect(r.code).toBe(0);
});

describe('liveops script from the schedule and the pool', () => {
  let run: ReturnType<typeof liveops>;
  let draft: Record<string, any>;
  beforeAll(() => {
    run = liveops(
      [
        '--json',
        'script',
        '--date',
        '2026-12-02',
        '--schedule',
        '排期表_2026-12.xlsx',
        '--pool',
        '选品表.xlsx',
        '-o',
        'out/',
      ],
      { cwd: tmp.dir },
    );
    draft = JSON.parse(run.stdout);
  });

  it('writes the Markdown draft, the run-sheet and the cue sheet', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(STACK);
    expect(draft.outputs).toEqual([
      'out/脚本_2026-12-02_山野户外旗舰店.md',
      'out/脚本_2026-12-02_山野户外旗舰店.xlsx',
      'out/场控提示单_2026-12-02_山野户外旗舰店.xlsx',
    ]);
  });

  it('has the products the schedule planned, in order, with stock figures from the pool', () => {
    const planned = draft.timeline
      .filter((s: { kind: string }) => s.kind === 'product')
      .map((s: { title: string }) => s.title);
    expect(planned).toEqual([
      '速干徒步裤 男女同款 四面弹',
      '碳素登山杖 三节伸缩 2支装',
      '山野 男款三合一冲锋衣 防水透湿 可拆卸抓绒内胆',
      '山野 女款软壳冲锋衣 防风保暖 修身',
      '防滑登山鞋 中帮 防水耐磨',
    ]);
    expect(draft.timeline.find((s: { title: string }) => s.title.startsWith('速干')).product.stock).toBe(520);
    expect(draft.totals.minutes).toBe(180);
  });

  it('the run-sheet workbook has one row per part with the talk and the cues', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, 'out', '脚本_2026-12-02_山野户外旗舰店.xlsx'));
    const ws = wb.getWorksheet('流程')!;
    expect(ws.rowCount).toBe(1 + draft.runSheet.length);
    expect(ws.getRow(3).getCell(4).value).toBe('速干徒步裤 男女同款 四面弹');
    expect(String(ws.getRow(3).getCell(9).value)).toContain('上架「速干徒步裤 男女同款 四面弹」');
    const cues = new ExcelJS.Workbook();
    await cues.xlsx.readFile(join(tmp.dir, 'out', '场控提示单_2026-12-02_山野户外旗舰店.xlsx'));
    expect(cues.getWorksheet('场控提示单')!.rowCount).toBe(1 + draft.cueSheet.length);
  });

  it("a team's edited template changes the draft", () => {
    const tpl = join(tmp.dir, '我们的脚本.md.eta');
    writeFileSync(
      tpl,
      '# <%= it.stream.account %> 脚本\n<% for (const s of it.timeline) { -%>\n<%= s.start %> <%= s.title %>\n<% } -%>\n',
    );
    const r = liveops(
      [
        'script',
        '--date',
        '2026-12-02',
        '--schedule',
        '排期表_2026-12.xlsx',
        '--pool',
        '选品表.xlsx',
        '-o',
        'team/',
        '--template',
        tpl,
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(0);
    const md = readFileSync(join(tmp.dir, 'team', '脚本_2026-12-02_山野户外旗舰店.md'), 'utf8');
    expect(md.split('\n').slice(0, 3)).toEqual([
      '# 山野户外旗舰店 脚本',
      '20:00 开场预热',
      '20:10 速干徒步裤 男女同款 四面弹',
    ]);
  });

  it('from the pool alone with --products and --duration', () => {
    const r = liveops(
      [
        '--json',
        'script',
        '--products',
        '3650123456789012345,速干徒步裤 男女同款 四面弹',
        '--duration',
        '90',
        '--start',
        '19:30',
        '--pool',
        '选品表.xlsx',
        '-o',
        'pool/',
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.stream).toMatchObject({ start: '19:30', end: '21:00', durationMinutes: 90 });
    expect(d.timeline.map((s: { title: string }) => s.title)).toEqual([
      '开场预热',
      '山野 男款三合一冲锋衣 防水透湿 可拆卸抓绒内胆',
      '速干徒步裤 男女同款 四面弹',
      '下播预告与收尾',
    ]);
  });

  it('the draft is linted before it is written: a banned word in the selling points is named, exit 3', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp.dir, '选品表.xlsx'));
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(2).values as unknown[]).indexOf('卖点');
    ws.getRow(3).getCell(col).value = '全网最低价；最有效的防水面料';
    await wb.xlsx.writeFile(join(tmp.dir, '选品表-违规.xlsx'));
    const r = liveops(
      [
        '--json',
        'script',
        '--products',
        '3650123456789012345',
        '--duration',
        '60',
        '--pool',
        '选品表-违规.xlsx',
        '-o',
        'lint/',
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(3);
    const d = JSON.parse(r.stdout);
    expect(d.lint.findings.map((f: { phrase: string; severity: string }) => [f.phrase, f.severity])).toEqual([
      ['全网最低价', 'error'],
      ['最有效', 'error'],
    ]);
    expect(r.stderr).toMatch(
      /合规检查：20:10「山野 男款三合一冲锋衣 防水透湿 可拆卸抓绒内胆」讲解中的「最有效」（错误）→/,
    );
    // The draft is still written, for the team to fix.
    expect(d.outputs).toHaveLength(3);
  });

  it('bad input is exit 2 with what to pass', () => {
    expect(liveops(['script'], { cwd: tmp.dir }).stderr).toMatch(/missing the stream: pass --schedule/);
    expect(
      liveops(['script', '--date', '2026-12-03', '--schedule', '排期表_2026-12.xlsx'], { cwd: tmp.dir }).stderr,
    ).toMatch(/--date 2026-12-03: no stream that day/);
    const unknown = liveops(['script', '--products', '不存在的商品', '--duration', '60', '--pool', '选品表.xlsx'], {
      cwd: tmp.dir,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"不存在的商品" is not in the pool/);
  });
});

describe('liveops script talks as the shop’s category does', () => {
  const shop = tempDir();
  afterAll(() => shop.cleanup());
  /** A folder with a pool (CSV rows) and, if given, a config; the draft's Markdown and the run. */
  function draftIn(name: string, pool: string, config: string | null, args: string[] = []) {
    const dir = join(shop.dir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '选品表.csv'), pool);
    if (config !== null) writeFileSync(join(dir, 'liveops.config.yaml'), config);
    const ids = pool
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0])
      .join(',');
    const run = liveops(
      [...args, 'script', '--products', ids, '--duration', '90', '--pool', '选品表.csv', '-o', 'out/'],
      {
        cwd: dir,
      },
    );
    const out = join(dir, 'out');
    const md = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.md')) : [];
    return { run, md: md.length ? readFileSync(join(out, md[0]!), 'utf8') : '', out };
  }
  // No 品类 column: the shop's category comes from the config.
  const TEA_POOL = [
    '商品ID,商品名称,商品角色,直播价,库存,卖点,常见问题',
    'T1,西湖龙井 明前 250g,利润款,298,120,豆香浓郁；芽叶匀整,-',
    'T2,胎菊 桐乡 50g,引流款,19.9,800,胎菊，清甜,',
    'T3,云南普洱 熟茶饼 357g,形象款,168,40,陈香醇厚,能放多久？越放越香',
    '',
  ].join('\n');
  const BEAUTY_POOL = [
    '商品ID,商品名称,品类,商品角色,直播价,库存,卖点,常见问题',
    'B1,丝绒雾面口红 #316,口红,引流款,89,300,显白；不沾杯,-',
    'B2,保湿修护面霜 50ml,面霜,利润款,259,120,滋润，清爽,敏感肌能用吗？温和配方',
    '',
  ].join('\n');
  const APPAREL = /面料|做工|吊牌|尺码|上身|版型/;
  /** A Markdown list item that is a label with nothing after it: "- 常见问题：-", "- 主播：—". */
  const PLACEHOLDER = /^- .*[：:]\s*[-—–]?\s*$/m;

  it('a tea shop (script.category: 茶, no 品类 column): tea talk, no apparel cue, no "-" line', () => {
    const { run, md } = draftIn('tea', TEA_POOL, 'script:\n  category: 茶\n');
    expect(run.code, run.stderr).toBe(0);
    expect(md).toContain('- 冲一杯给大家看，一股豆香飘出来，芽叶匀整。');
    expect(md).toContain('- 大家看这个茶汤，胎菊一朵朵舒展开，入口是清甜的。');
    expect(md).toContain('利润款 · 茶 · 直播价 ¥298');
    expect(md).not.toMatch(APPAREL);
    expect(md).not.toMatch(PLACEHOLDER);
    expect(md).not.toMatch(/常见问题|核心优势/);
    expect(md.match(/^- 有家人问：.*$/gm)).toEqual(['- 有家人问：能放多久？越放越香']);
  });

  it('a beauty shop (品类 口红, 面霜): beauty talk, no apparel cue, no "-" line', () => {
    const { run, md } = draftIn('beauty', BEAUTY_POOL, null);
    expect(run.code, run.stderr).toBe(0);
    expect(md).toContain('- 特写：丝绒雾面口红 #316在手臂上试色，自然光和补光下各拍一次');
    expect(md).not.toMatch(APPAREL);
    expect(md).not.toMatch(PLACEHOLDER);
  });

  it('English: role labels in the draft and in the run-sheet, tea talk in English', async () => {
    const { run, md, out } = draftIn('tea-en', TEA_POOL, 'script:\n  category: 龙井\n', ['--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(md).toContain('profit · tea · live price ¥298');
    expect(md).toContain('traffic driver · tea · live price ¥19.9');
    expect(md).not.toMatch(/引流款|利润款|形象款/);
    expect(run.stdout).toMatch(/traffic driver/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(
      join(
        out,
        readdirSync(out).find((f) => f.startsWith('script_') && f.endsWith('.xlsx'))!,
      ),
    );
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).indexOf('Role');
    const roles = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(header).value) roles.add(String(row.getCell(header).value));
    });
    expect([...roles]).toEqual(['profit', 'traffic driver', 'image']);
  });

  it("the team's copy of the category data is used; a broken one is exit 2 naming the file and the key", () => {
    const dir = join(shop.dir, 'team');
    mkdirSync(join(dir, 'templates'), { recursive: true });
    const base = readFileSync(join(ROOT, 'templates', 'script-categories.yaml'), 'utf8');
    // The team's own close-up for tea.
    writeFileSync(
      join(dir, 'templates', 'script-categories.yaml'),
      base.replace("'特写：{product}的干茶，再拍冲泡后的茶汤颜色和叶底'", "'特写：{product}的茶汤，用玻璃杯'"),
    );
    const ok = draftIn('team', TEA_POOL, 'templatesDir: templates\nscript:\n  category: 茶\n');
    expect(ok.run.code, ok.run.stderr).toBe(0);
    expect(ok.md).toContain('- 特写：西湖龙井 明前 250g的茶汤，用玻璃杯');

    writeFileSync(
      join(dir, 'templates', 'script-categories.yaml'),
      base.replace(/(\n  茶:\n(?:.*\n)*?    keywords:)\n\s+\[[^\]]*\]/, '$1 龙井'),
    );
    const broken = liveops(['script', '--products', 'T1', '--duration', '60', '--pool', '选品表.csv', '-o', 'again/'], {
      cwd: dir,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^liveops: error: templates\/script-categories\.yaml: invalid script categories:\n/);
    expect(broken.stderr).toContain('categories.茶.keywords: expected a list of words');
    expect(broken.stderr).not.toMatch(STACK);
    expect(existsSync(join(dir, 'again'))).toBe(false);
  });

  it('a script.category no category knows is exit 2 naming the key', () => {
    const { run } = draftIn('unknown', TEA_POOL, 'script:\n  category: 宠物\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /liveops\.config\.yaml: invalid config:\n {2}- script\.category: "宠物" is not a category of /,
    );
  });
});
