/**
 * liveops script lint as a pre-stream gate or a git hook runs it: no TTY, exit 3 on errors, 0 when
 * clean or only warnings, 2 on bad input; --json prints one object.
 * (Needs `script lint` registered in src/cli.ts and the compliance section in src/config/resolve.ts.)
 */
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../helpers/docx.js';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const E = JSON.parse(readFileSync(join(FIXTURES, 'scripts', 'expected.json'), 'utf8'));
const tmp = tempDir();
afterAll(() => tmp.cleanup());
beforeAll(() => {
  cpSync(join(FIXTURES, 'scripts'), tmp.dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'scripts', 'exempt.md'), join(tmp.dir, '脚本.md'));
});

const run = (args: string[]) => {
  const r = liveops(args, { cwd: tmp.dir });
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

describe('exit codes', () => {
  it('3 when an error-level word is found', () => {
    const r = run(['script', 'lint', 'planted.md']);
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[0]).toBe('planted.md:5:20  最有效  极限词  错误  → 效果显著（附检测报告）');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('检查了 1 个文件：38 处错误，7 处警告');
  });

  it('0 when clean (the trademarks are in the selection table)', () => {
    const r = run(['script', 'lint', '脚本.md', '--pool', '选品表.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('检查了 1 个文件：未发现违规用语\n');
  });

  it('0 with warnings only', () => {
    const r = run(['script', 'lint', 'warnings.md']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('检查了 1 个文件：0 处错误，3 处警告');
  });

  it('2 for a missing file, with a message and no stack trace', () => {
    const r = run(['script', 'lint', '没有这个.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有这个.md: file not found');
    expect(r.stdout).toBe('');
  });

  it('2 for a pool without product names', () => {
    writeFileSync(join(tmp.dir, 'notes.csv'), '时间,备注\n20:00,开场\n');
    const r = run(['script', 'lint', 'planted.md', '--pool', 'notes.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pool notes.csv: no selection table (选品表) with a 商品名称 column');
  });
});

describe('Word scripts', () => {
  it('a .docx: findings by paragraph, exit 3', async () => {
    await writeDocx(join(tmp.dir, '直播脚本.docx'), [
      '开场',
      '',
      '主播：我们家的茶最好。',
      '主播：本店最新款今晚上架。',
    ]);
    const r = run(['script', 'lint', '直播脚本.docx']);
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[0]).toBe('直播脚本.docx 第3段第9字  最好  极限词  错误  → 很好/口碑好（附评价数据）');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('检查了 1 个文件：1 处错误，0 处警告');
  });

  it.each(['旧脚本.doc', '旧脚本.wps'])('%s: refused with what to save it as, exit 2, no stack trace', (name) => {
    writeFileSync(
      join(tmp.dir, name),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    const r = run(['script', 'lint', name]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${name}: this is an old binary Word/WPS document (.doc, .wps)`);
    expect(r.stderr).toContain('save as .docx or .txt');
    expect(r.stdout).toBe('');
  });
});

describe('--json', () => {
  it('one object: findings with file, sheet, cell, paragraph, line, column, phrase, category, severity, suggestion, context; counts; files', () => {
    const r = run(['--json', 'script', 'lint', 'planted.md', '脚本.xlsx', '--pool', '选品表.xlsx']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'errors', 'warnings', 'files', 'config']);
    expect(report.config).toBe('defaults');
    expect(report.files).toEqual(['planted.md', '脚本.xlsx']);
    const md = report.findings.filter((f: { file: string }) => f.file === 'planted.md');
    expect(
      md.map((f: { line: number; column: number; phrase: string }) => `${f.line}:${f.column} ${f.phrase}`),
    ).toEqual(
      E['planted.md'].findings.map(
        (f: { line: number; column: number; phrase: string }) => `${f.line}:${f.column} ${f.phrase}`,
      ),
    );
    const xlsx = report.findings.filter((f: { file: string }) => f.file === '脚本.xlsx');
    expect(
      xlsx.map((f: { sheet: string; cell: string; phrase: string }) => `${f.sheet}!${f.cell} ${f.phrase}`),
    ).toEqual(
      E['脚本.xlsx'].withPool.map(
        (f: { sheet: string; cell: string; phrase: string }) => `${f.sheet}!${f.cell} ${f.phrase}`,
      ),
    );
    expect(Object.keys(xlsx[0])).toEqual([
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
    expect(report.errors + report.warnings).toBe(report.findings.length);
  });

  it('a CSV script: cell addresses, no sheet', () => {
    const r = run(['--json', 'script', 'lint', '脚本.csv', '--pool', '选品表.xlsx']);
    const report = JSON.parse(r.stdout);
    expect(
      report.findings.map((f: { sheet: null; cell: string; phrase: string }) => [f.sheet, f.cell, f.phrase]),
    ).toEqual(E['脚本.csv'].withPool.map((f: { cell: string; phrase: string }) => [null, f.cell, f.phrase]));
  });
});

it('the config file’s compliance section: allow and deny', () => {
  writeFileSync(
    join(tmp.dir, 'liveops.config.yaml'),
    'compliance:\n  allow: [100%纯棉]\n  deny:\n    - phrase: 面料成分\n      severity: error\n',
  );
  try {
    const r = run(['--json', 'script', 'lint', 'warnings.md']);
    expect(r.code).toBe(3);
    expect(
      JSON.parse(r.stdout).findings.map((f: { phrase: string; category: string }) => `${f.phrase} ${f.category}`),
    ).toEqual(['最后一天 urgency', '面料成分 custom', '全网第一 absolute']);
  } finally {
    writeFileSync(join(tmp.dir, 'liveops.config.yaml'), '{}\n');
  }
});
