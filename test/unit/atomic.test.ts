import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteError } from '../../src/errors.js';
import { OutputExistsError, writeFileAtomic } from '../../src/io/write/atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('writes the file and leaves no temp file', async () => {
    const target = join(dir, 'out', '复盘.json');
    await writeFileAtomic(target, '{"ok":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"ok":true}');
    expect(readdirSync(join(dir, 'out'))).toEqual(['复盘.json']);
  });

  it('keeps an existing file without force', async () => {
    const target = join(dir, 'a.txt');
    writeFileSync(target, 'old');
    await expect(writeFileAtomic(target, 'new')).rejects.toBeInstanceOf(OutputExistsError);
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow(/already exists; pass --force/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('replaces an existing file with force', async () => {
    const target = join(dir, 'a.txt');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new', { force: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('an error mid-way leaves nothing behind', async () => {
    const target = join(dir, 'report.xlsx');
    await expect(
      writeFileAtomic(target, async (temp) => {
        writeFileSync(temp, 'half a workbook');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['ENOSPC', /磁盘空间不足 \/ no space left on device \(ENOSPC\) — free some space/],
    ['EROFS', /只读文件系统 \/ read-only file system \(EROFS\)/],
    ['EACCES', /没有写入权限 \/ permission denied \(EACCES\)/],
  ])(
    'a file-system failure (%s) while writing is a WriteError (exit 4) naming the target; nothing is left',
    async (code, message) => {
      const target = join(dir, 'report.xlsx');
      const e = await writeFileAtomic(target, async (temp) => {
        writeFileSync(temp, 'half');
        throw Object.assign(new Error(`${code}: failed`), { code });
      }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(WriteError);
      expect(e).toMatchObject({ exitCode: 4, code, path: target });
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).toMatch(/nothing was written$/);
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('a folder where the output file should be is a WriteError (EISDIR), the folder untouched', async () => {
    const target = join(dir, 'report.xlsx');
    mkdirSync(target);
    await expect(writeFileAtomic(target, 'x', { force: true })).rejects.toMatchObject({ exitCode: 4, code: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['report.xlsx']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('two writers racing for one name: one wins, the other is refused, nothing is torn', async () => {
    const target = join(dir, '周报.txt');
    const results = await Promise.allSettled([
      writeFileAtomic(target, 'A'.repeat(100_000)),
      writeFileAtomic(target, 'B'.repeat(100_000)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const body = readFileSync(target, 'utf8');
    expect(body === 'A'.repeat(100_000) || body === 'B'.repeat(100_000)).toBe(true);
    expect(readdirSync(dir)).toEqual(['周报.txt']);
  });
});
