/**
 * `script lint` of Word scripts (issue 21): a .docx is read paragraph by paragraph, the paragraph
 * number standing where a spreadsheet's row would; an old .doc or WPS .wps is refused with what to
 * save it as (exit 2), never with a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScriptLint, type ScriptLintReport } from '../../src/commands/script-lint/index.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { Context } from '../../src/context.js';
import { InputError } from '../../src/errors.js';
import { paragraphsOf, readDocxParagraphs } from '../../src/io/read/docx.js';
import { plainTerminal } from '../../src/ui/terminal.js';
import { documentXml, paragraph, writeDocx } from '../helpers/docx.js';

/** A text box as Word writes it: the DrawingML shape, and a VML copy of the same text as the fallback. */
const textBox = (text: string) =>
  '<w:p><w:r><mc:AlternateContent>' +
  `<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${paragraph(text)}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:textbox><w:txbxContent>${paragraph(text)}</w:txbxContent></v:textbox></w:pict></mc:Fallback>` +
  '</mc:AlternateContent></w:r></w:p>';

/** The script: numbers are the paragraphs' as the reader counts them. */
const SCRIPT_BODY = [
  /* 1 */ paragraph('山野户外 12月3日 晚场直播脚本'),
  /* 2 */ paragraph(''),
  /* 3 */ paragraph('主播：我们家的茶最好，喝过的都回购。'),
  /* 4 */ paragraph('主播：頂級|龍井，今天只要199。'), // two runs
  /* 5 */ paragraph('主播：本店最新款今晚上架。'),
  /* 6 */ paragraph('助播：弹幕问：“这个能治疗湿疹吗？”\n主播：不能哦，它就是保湿霜。'),
  /* 7 */ paragraph('主播：这款是销量第1的扫地机器人\n主播：國家級工藝'), // a line break inside the paragraph
  /* 8 */ `<w:tbl><w:tr><w:tc>${paragraph('场控：领导品牌的口播删掉')}</w:tc></w:tr></w:tbl>`,
  /* 9, 10 */ textBox('全网最低价'),
  /* 11 */ '<w:p><w:del><w:r><w:delText>最便宜</w:delText></w:r></w:del><w:ins><w:r><w:t>实惠</w:t></w:r></w:ins></w:p>',
  /* 12 */ paragraph('主播：比我们去年的老款更轻。'),
].join('');

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-docx-'));
  await writeDocx(join(dir, '脚本.docx'), { body: SCRIPT_BODY });
  await writeDocx(join(dir, '干净.docx'), ['主播：本店最新款今晚上架。', '主播：我们家最畅销的一款是这个奶白色的。']);
  await writeDocx(join(dir, '没有扩展名'), ['主播：顶级面料。']);
  // An old binary Word / WPS file starts with the OLE signature.
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  writeFileSync(join(dir, '旧脚本.doc'), ole);
  writeFileSync(join(dir, '脚本.wps'), ole);
  writeFileSync(join(dir, '其实是doc.docx'), ole);
  writeFileSync(join(dir, '旧文件'), ole);
  writeFileSync(join(dir, '文本.docx'), '主播：顶级面料。\n');
  writeFileSync(join(dir, '格式.doc'), '{\\rtf1\\ansi 顶级}');
  writeFileSync(join(dir, '坏了.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function context(opts: { json?: boolean; lang?: 'zh' | 'en'; verbose?: boolean } = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const ctx: Context = {
    cwd: dir,
    env: {},
    config: resolveConfig({}, null),
    lang: opts.lang ?? 'zh',
    json: opts.json ?? true,
    out: undefined,
    force: false,
    term: plainTerminal({ stdout: out, stderr: err, verbose: opts.verbose ?? false }),
  };
  return { ctx, stdout: () => stdout, stderr: () => stderr, report: () => JSON.parse(stdout) as ScriptLintReport };
}

const lint = async (files: string[], o: Parameters<typeof context>[0] = {}) => {
  const c = context(o);
  const code = await runScriptLint(c.ctx, { files, pool: [] });
  return { code, ...c };
};
const refusal = async (file: string) => {
  const e = await lint([file]).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  expect((e as InputError).exitCode).toBe(2);
  return (e as Error).message;
};

describe('a Word script (.docx)', () => {
  it('is linted paragraph by paragraph: each finding names its paragraph, and the line and column in it', async () => {
    const r = await lint(['脚本.docx']);
    expect(r.code).toBe(3);
    expect(r.report().findings.map((f) => `¶${f.paragraph} ${f.line}:${f.column} ${f.phrase} ${f.severity}`)).toEqual([
      '¶3 1:9 最好 error', // 我们家的茶最好: a claim against the market
      '¶4 1:4 頂級 error', // traditional characters, across two runs
      '¶6 1:12 治疗 warning', // a viewer's question
      '¶7 1:7 销量第1 error',
      '¶7 2:4 國家級 error',
      '¶8 1:4 领导品牌 error', // in a table
      '¶10 1:1 全网最低价 error', // in a text box, read once
    ]);
    expect(r.report().findings.every((f) => f.file === '脚本.docx' && f.sheet === null && f.cell === null)).toBe(true);
  });

  it('prints 第N段 (and the line when the paragraph has several) in Chinese, paragraph N in English', async () => {
    const zh = (await lint(['脚本.docx'], { json: false })).stdout().split('\n');
    expect(zh[0]).toBe('脚本.docx 第3段第9字  最好  极限词  错误  → 很好/口碑好（附评价数据）');
    expect(zh).toContain(
      '脚本.docx 第7段第2行第4字  國家級  极限词  错误  → 写明具体认证或称号的全称（如“国家级非物质文化遗产”）',
    );
    expect(zh.at(-2)).toBe('检查了 1 个文件：6 处错误，1 处警告');
    const en = (await lint(['脚本.docx'], { json: false, lang: 'en' })).stdout().split('\n');
    expect(en[0]).toBe('脚本.docx paragraph 3, column 9  最好  absolute claim  error  → 很好/口碑好（附评价数据）');
    expect(en).toContain(
      '脚本.docx paragraph 7, line 2, column 4  國家級  absolute claim  error  → 写明具体认证或称号的全称（如“国家级非物质文化遗产”）',
    );
  });

  it('--json: the paragraph after the cell, null for text and tables', async () => {
    const f = (await lint(['脚本.docx'])).report().findings[0];
    expect(Object.keys(f ?? {})).toEqual([
      'file',
      'sheet',
      'cell',
      'paragraph',
      'line',
      'column',
      'phrase',
      'term',
      'category',
      'severity',
      'suggestion',
      'context',
      'note',
    ]);
    expect(f?.context).toBe('主播：我们家的茶最好，喝过的都回购。');
  });

  it('own-range comparisons pass: exit 0, and --verbose says where and why', async () => {
    const r = await lint(['干净.docx'], { json: false, verbose: true });
    expect(r.code).toBe(0);
    expect(r.stdout()).toBe('检查了 1 个文件：未发现违规用语\n');
    expect(r.stderr()).toContain('干净.docx 第1段第6字  最新  自我比较');
    expect(r.stderr()).toContain('干净.docx 第2段第7字  最畅销  自我比较');
  });

  it('is known by its content, whatever its name', async () => {
    const r = await lint(['没有扩展名']);
    expect(r.report().findings.map((f) => `¶${f.paragraph} ${f.phrase}`)).toEqual(['¶1 顶级']);
  });
});

describe('what cannot be read is refused with what to do: exit 2', () => {
  it.each(['旧脚本.doc', '脚本.wps', '其实是doc.docx'])('%s (an old binary Word/WPS file)', async (file) => {
    expect(await refusal(file)).toBe(
      `${file}: this is an old binary Word/WPS document (.doc, .wps) or a password-protected one, which cannot be read: open it in Word or WPS and save as .docx or .txt`,
    );
  });

  it('an OLE file without a name that tells: a script or a run-sheet', async () => {
    expect(await refusal('旧文件')).toBe(
      '旧文件: this is an old binary Office/WPS file (.doc, .wps, .xls) or a password-protected one, which cannot be read: open it in Word, Excel or WPS and save a script as .docx or .txt, a run-sheet as .xlsx or .csv',
    );
  });

  it('a .docx that is not a zip, an RTF under .doc, a damaged zip', async () => {
    expect(await refusal('文本.docx')).toBe(
      '文本.docx: not a Word .docx document (it is not a zip archive): open it in Word or WPS and save as .docx or .txt',
    );
    expect(await refusal('格式.doc')).toBe(
      '格式.doc: this is an RTF document, which cannot be read: open it in Word or WPS and save as .docx or .txt',
    );
    expect(await refusal('坏了.docx')).toMatch(
      /^坏了\.docx: not a valid \.docx file \(the zip is damaged or truncated\)/,
    );
  });

  it('the zip guard’s limits hold for a document too', async () => {
    const e = await readDocxParagraphs(join(dir, '脚本.docx'), { maxDocumentBytes: 1000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(
      /脚本\.docx: refusing to read: word\/document\.xml would inflate to .* MB \(limit 0 MB\)/,
    );
  });

  it('a zip that holds no Word document, under a Word name', async () => {
    const { zipTo } = await import('../helpers/zip-parts.js');
    await zipTo(join(dir, '压缩包.docx'), [{ name: 'notes.txt', data: Buffer.from('最好') }]);
    expect(await refusal('压缩包.docx')).toBe(
      '压缩包.docx: not a Word .docx document (the zip has no word/document.xml): open it in Word or WPS and save as .docx or .txt',
    );
  });
});

describe('the document XML, read', () => {
  it('paragraphs in order, empty ones counted; runs joined; tabs, breaks and entities', () => {
    const xml = documentXml(
      '<w:p><w:r><w:t>A&amp;B</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> 最&lt;好</w:t></w:r></w:p>' +
        '<w:p/>' +
        '<w:p><w:r><w:t>一</w:t><w:br/><w:t>二</w:t></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r></w:p>',
    );
    expect(paragraphsOf(xml)).toEqual([
      { number: 1, text: 'A&B\t 最<好' },
      { number: 2, text: '' },
      { number: 3, text: '一\n二' },
    ]);
  });

  it('XML that never closes its tags is read in linear time', () => {
    const started = performance.now();
    expect(paragraphsOf('<w:p '.repeat(200_000) + '<w:t a="1')).toEqual([]);
    expect(paragraphsOf('<!-- '.repeat(200_000) + '<? x')).toEqual([]);
    expect(paragraphsOf('<w:p><!-- a note --><?mso x?><w:r><w:t>顶级</w:t></w:r></w:p>')).toEqual([
      { number: 1, text: '顶级' },
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a text box is read once, tracked deletions not at all', () => {
    const ps = paragraphsOf(documentXml(SCRIPT_BODY));
    expect(ps.filter((p) => p.text.includes('全网最低价')).map((p) => p.number)).toEqual([10]);
    expect(ps.find((p) => p.number === 11)?.text).toBe('实惠');
    expect(ps).toHaveLength(12);
  });
});
