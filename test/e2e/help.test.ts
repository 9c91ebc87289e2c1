/**
 * Help is read on an 80-column terminal: every screen fits, counting a Chinese character as two
 * columns, and descriptions are paragraphs wrapped once (no stubs left by a second wrap). A reader
 * that stops early (`| head -1`) is not an error.
 */
import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, liveops, STACK } from './run.js';

const SCREENS = [
  [],
  ['inspect'],
  ['retro'],
  ['schedule'],
  ['script'],
  ['script', 'lint'],
  ['select'],
  ['kpi'],
  ['history'],
  ['history', 'import'],
  ['history', 'info'],
  ['trend'],
  ['actions'],
  ['actions', 'done'],
  ['init'],
];

describe.each(SCREENS)('liveops %s --help', (...cmd) => {
  const r = liveops([...cmd, '--help']);

  it('fits 80 columns, Chinese characters counted as two', () => {
    expect(r.code).toBe(0);
    const over = r.stdout.split('\n').filter((l) => stringWidth(l) > 80);
    expect(over).toEqual([]);
  });

  it('wraps each paragraph once: no line of a description ends in a stub of a few words', () => {
    // The description is the text between "Usage:" and the first section; a line of it followed by
    // more of the same paragraph is at least half the width.
    const [, body = ''] = /^Usage:.*\n\n([\s\S]*?)\n\n(?:Arguments|Options|Commands):/m.exec(r.stdout) ?? [];
    for (const paragraph of body.split('\n\n')) {
      const lines = paragraph.split('\n');
      for (const line of lines.slice(0, -1)) expect(stringWidth(line), line).toBeGreaterThanOrEqual(40);
    }
  });
});

describe('a closed stdout', () => {
  it('`liveops retro --help | head -1`, 20 times: no stack trace, exit 0', () => {
    for (let i = 0; i < 20; i++) {
      const r = spawnSync(
        'bash',
        ['-c', `"${process.execPath}" "${BIN}" retro --help | head -1; exit \${PIPESTATUS[0]}`],
        { encoding: 'utf8' },
      );
      expect(r.stdout).toMatch(/^Usage: liveops retro/);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toMatch(/EPIPE/);
      expect(r.status).toBe(0);
    }
  });
});
