/**
 * No run may end with exit 0 and nothing done: when the event loop drains while a command is still
 * pending, liveops says so in one line and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

const LIFECYCLE = pathToFileURL(join(ROOT, 'dist', 'lifecycle.js')).href;

function node(code: string): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stderr: r.stderr };
}

describe('a command that never finishes', () => {
  it('a promise nothing will ever resolve: the internal-error line and exit 1, not 0', () => {
    const r = node(
      `import { runGuarded } from '${LIFECYCLE}'; await runGuarded(() => 'retro', () => new Promise(() => {}));`,
    );
    expect(r.stderr).toBe('liveops: internal error: retro ended before finishing; nothing was written\n');
    expect(r.code).toBe(1);
  });

  it('names what it did write before it stopped', () => {
    const r = node(
      `import { runGuarded } from '${LIFECYCLE}';
       import { writeFileAtomic } from '${pathToFileURL(join(ROOT, 'dist', 'io', 'write', 'atomic.js')).href}';
       import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
       const dir = mkdtempSync(join(tmpdir(), 'liveops-hang-'));
       await runGuarded(() => 'schedule', async () => { await writeFileAtomic(join(dir, 'a.xlsx'), 'x'); await new Promise(() => {}); });`,
    );
    expect(r.stderr).toMatch(
      /^liveops: internal error: schedule ended before finishing; only these were written: \/.*a\.xlsx\n$/,
    );
    expect(r.code).toBe(1);
  });

  it('a command that finishes keeps its own exit code and prints nothing more', () => {
    const r = node(
      `import { runGuarded } from '${LIFECYCLE}'; await runGuarded(() => 'kpi', async () => { process.exitCode = 3; });`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
  });
});
