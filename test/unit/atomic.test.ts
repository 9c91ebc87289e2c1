import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
