/**
 * `runScriptLint` with a hand-built Context (no cli.ts needed): files of every kind, the pool,
 * the config section, terminal lines, JSON, and exit codes 3 / 0 / 2.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScriptLint, type ScriptLintReport } from '../../src/commands/script-lint/index.js';
import { resolveCompliance } from '../../src/config/compliance-section.js';
import { complianceSectionSchema } from '../../src/config/file-schema.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { Context } from '../../src/context.js';
import { InputError, UsageError } from '../../src/errors.js';
import { plainTerminal } from '../../src/ui/terminal.js';

const FIX = join(import.meta.dirname, '../../fixtures/scripts');
const E = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-lint-'));
  cpSync(FIX, dir, { recursive: true });
  writeFileSync(join(dir, 'not-a-pool.csv'), '时间,备注\n20:00,开场\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function context(opts: { json?: boolean; lang?: 'zh' | 'en'; compliance?: unknown; verbose?: boolean } = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const config = resolveConfig({}, null);
  if (opts.compliance !== undefined)
    Object.assign(config, { compliance: resolveCompliance(complianceSectionSchema.parse(opts.compliance)) });
  const ctx: Context = {
    cwd: dir,
    env: {},
    config,
    lang: opts.lang ?? 'zh',
    json: opts.json ?? true,
    out: undefined,
    force: false,
    term: plainTerminal({ stdout: out, stderr: err, verbose: opts.verbose ?? false }),
  };
  return { ctx, stdout: () => stdout, stderr: () => stderr, report: () => JSON.parse(stdout) as ScriptLintReport };
}

const lint = async (files: string[], pool: string[] = [], o: Parameters<typeof context>[0] = {}) => {
  const c = context(o);
  const code = await runScriptLint(c.ctx, { files, pool });
  return { code, ...c };
};

describe('a Markdown script with planted terms', () => {
  it('exits 3 and reports every finding with its file, line and column', async () => {
    const r = await lint(['planted.md'], ['选品表.xlsx']);
    expect(r.code).toBe(3);
    const report = r.report();
    expect(report.errors).toBe(E['planted.md'].errors);
    expect(report.warnings).toBe(E['planted.md'].warnings);
    expect(report.files).toEqual(['planted.md']);
    expect(
      report.findings.map((f) => ({
        line: f.line,
        column: f.column,
        phrase: f.phrase,
        term: f.term,
        category: f.category,
        severity: f.severity,
        note: f.note,
      })),
    ).toEqual(E['planted.md'].findings);
    expect(report.findings[0]).toEqual({
      file: 'planted.md',
      sheet: null,
      cell: null,
      paragraph: null,
      line: 5,
      column: 20,
      phrase: '最有效',
      term: '最有效',
      category: 'absolute',
      severity: 'error',
      suggestion: '效果显著（附检测报告）',
      context: '…：家人们晚上好！今天这款面霜是最有效的保湿面霜。',
      note: null,
    });
  });

  it('prints one line per finding and a count', async () => {
    const r = await lint(['planted.md'], [], { json: false });
    const lines = r.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe('planted.md:5:20  最有效  极限词  错误  → 效果显著（附检测报告）');
    expect(lines).toContain('planted.md:41:6  仅剩最后  虚假紧迫  警告  → 报真实库存（如“后台库存还剩X件”）');
    expect(lines.at(-1)).toBe('检查了 1 个文件：38 处错误，7 处警告');
  });

  it('in English: English labels, the Chinese rewording kept', async () => {
    const r = await lint(['planted.md'], [], { json: false, lang: 'en' });
    expect(r.stdout()).toContain('planted.md:5:20  最有效  absolute claim  error  → 效果显著（附检测报告）');
    expect(r.stdout().trimEnd().split('\n').at(-1)).toBe('1 file checked: 38 errors, 7 warnings');
  });
});

describe('the exempt script', () => {
  it('with the selection table: clean, exit 0', async () => {
    const r = await lint(['exempt.md'], ['选品表.xlsx'], { json: false });
    expect(r.code).toBe(0);
    expect(r.stdout()).toBe('检查了 1 个文件：未发现违规用语\n');
  });

  it('without it, the trademarks are errors (exit 3)', async () => {
    const r = await lint(['exempt.md']);
    expect(r.code).toBe(3);
    expect(r.report().findings.map((f) => `${f.line}:${f.column} ${f.phrase}`)).toEqual([
      '40:6 永久',
      '41:6 绝对',
      '42:6 最生',
    ]);
  });

  it('--verbose lists what was let through, and why, on stderr', async () => {
    const r = await lint(['exempt.md'], ['选品表.xlsx'], { json: false, verbose: true });
    expect(r.stderr()).toContain('exempt.md:5:6  最近  普通词语');
    expect(r.stderr()).toContain('exempt.md:40:6  永久  商品名称/商标');
  });
});

it('warnings alone exit 0', async () => {
  const r = await lint(['warnings.md']);
  expect(r.code).toBe(0);
  expect(
    r
      .report()
      .findings.map((f) => ({ line: f.line, column: f.column, phrase: f.phrase, severity: f.severity, note: f.note })),
  ).toEqual(E['warnings.md'].findings);
  expect(r.report()).toMatchObject({ errors: 0, warnings: 3 });
});

describe('an XLSX run-sheet: sheet, cell address, and the line/column inside the cell', () => {
  const shape = (f: ScriptLintReport['findings'][number]) => ({
    sheet: f.sheet,
    cell: f.cell,
    line: f.line,
    column: f.column,
    phrase: f.phrase,
    severity: f.severity,
  });

  it('with the selection table', async () => {
    const r = await lint(['脚本.xlsx'], ['选品表.xlsx']);
    expect(r.code).toBe(3);
    expect(r.report().findings.map(shape)).toEqual(E['脚本.xlsx'].withPool);
    expect(r.report().findings.every((f) => f.file === '脚本.xlsx')).toBe(true);
  });

  it('without it, the 永久牌 cells are findings too', async () => {
    const r = await lint(['脚本.xlsx']);
    const expected = [...E['脚本.xlsx'].withPool, ...E['脚本.xlsx'].withoutPoolAlso];
    const key = (f: { sheet: string | null; cell: string | null; phrase: string }) =>
      `${f.sheet}!${f.cell} ${f.phrase}`;
    expect(r.report().findings.map(shape).map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('prints file [sheet]!cell', async () => {
    const r = await lint(['脚本.xlsx'], ['选品表.xlsx'], { json: false });
    const lines = r.stdout().split('\n');
    expect(lines[0]).toBe('脚本.xlsx [直播脚本]!D3  顶级  极限词  错误  → 高品质/高端（说明材质与工艺）');
    expect(lines).toContain('脚本.xlsx [场控提示]!B3  马上涨价  虚假紧迫  错误  → 写明活动价的有效期（不得虚构涨价）');
  });
});

describe('a CSV script', () => {
  it('cell by cell: the record’s row, the cell, a finding on the second line of a quoted cell', async () => {
    const r = await lint(['脚本.csv'], ['选品表.xlsx']);
    expect(r.code).toBe(3);
    expect(
      r.report().findings.map((f) => ({
        cell: f.cell,
        line: f.line,
        column: f.column,
        phrase: f.phrase,
        severity: f.severity,
        note: f.note,
      })),
    ).toEqual(E['脚本.csv'].withPool);
    expect(r.report().findings.every((f) => f.sheet === null)).toBe(true);
  });

  it('prints file!cell', async () => {
    const r = await lint(['脚本.csv'], ['选品表.xlsx'], { json: false });
    expect(r.stdout().split('\n')[0]).toBe('脚本.csv!D2  全网最低价  极限词  错误  → 到手价XX元（写明价格与活动时间）');
  });
});

it('a GB18030 text script is decoded before it is read', async () => {
  const r = await lint(['脚本-gbk.txt']);
  expect(r.code).toBe(3);
  expect(
    r.report().findings.map((f) => ({ line: f.line, column: f.column, phrase: f.phrase, severity: f.severity })),
  ).toEqual(E['脚本-gbk.txt'].findings);
});

it('several files: findings in the order given, one count', async () => {
  const r = await lint(['warnings.md', '脚本-gbk.txt'], [], { json: false });
  expect(r.code).toBe(3);
  const lines = r.stdout().trimEnd().split('\n');
  expect(lines[0]?.startsWith('warnings.md:3:')).toBe(true);
  expect(lines.at(-1)).toBe('检查了 2 个文件：2 处错误，3 处警告');
});

describe('the config section', () => {
  it('allow and deny change what is found', async () => {
    const r = await lint(['warnings.md'], [], {
      compliance: {
        allow: ['100%纯棉'],
        deny: [{ phrase: '面料成分', category: 'custom', severity: 'error', suggestion: '（测试）' }],
      },
    });
    expect(r.code).toBe(3);
    expect(r.report().findings.map((f) => `${f.phrase} ${f.category} ${f.severity}`)).toEqual([
      '最后一天 urgency warning',
      '面料成分 custom error',
      '全网第一 absolute warning',
    ]);
  });
});

describe('bad input: exit 2', () => {
  it('a missing script names the file as given', async () => {
    const e = await lint(['没有这个.md']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe('没有这个.md: file not found');
    expect((e as InputError).exitCode).toBe(2);
  });

  it('a missing workbook names the file as given', async () => {
    const e = await lint(['没有这个.xlsx']).catch((x: unknown) => x);
    expect((e as Error).message).toBe('没有这个.xlsx: file not found');
  });

  it('a binary file that is not a workbook', async () => {
    writeFileSync(join(dir, 'blob.md'), Buffer.from([0x41, 0x00, 0x42, 0x00]));
    const e = await lint(['blob.md']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/^blob\.md: not a text script: looks binary/);
  });

  it('a pool without a 商品名称 column', async () => {
    const e = await lint(['planted.md'], ['not-a-pool.csv']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(
      /^--pool not-a-pool\.csv: no selection table \(选品表\) with a 商品名称 column/,
    );
  });

  it('a missing pool', async () => {
    const e = await lint(['planted.md'], ['没有.xlsx']).catch((x: unknown) => x);
    expect((e as Error).message).toBe('没有.xlsx: file not found');
  });

  it('no scripts at all', async () => {
    await expect(lint([])).rejects.toThrow(UsageError);
  });
});
