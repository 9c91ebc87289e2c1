/** Charts drawn without a Chinese font are said, not written silently as boxes (issue 20). */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chartsDrawn } from '../../src/ui/charts.js';
import type { Terminal } from '../../src/ui/terminal.js';

function terminal() {
  const stderr = new PassThrough();
  let said = '';
  stderr.on('data', (d: Buffer) => (said += d.toString()));
  const term = { stdout: new PassThrough(), stderr, quiet: false, verbose: false } as unknown as Terminal;
  return { term, said: () => said };
}

describe('chartsDrawn', () => {
  it.each([
    ['zh', '本机没有中文字体'],
    ['en', 'this machine has no Chinese font'],
  ] as const)('without a Chinese font (%s): kept in the report, and a warning naming fonts-noto-cjk', (lang, words) => {
    const { term, said } = terminal();
    const kept: unknown[] = [];
    chartsDrawn(term, lang, (d) => kept.push(d))({ drawn: 3, cjkFont: false });
    expect(kept).toEqual([{ drawn: 3, cjkFont: false }]);
    expect(said()).toContain('liveops: warning: ');
    expect(said()).toContain(words);
    expect(said()).toContain('fonts-noto-cjk');
  });

  it('with one: kept, and nothing said', () => {
    const { term, said } = terminal();
    const kept: unknown[] = [];
    chartsDrawn(term, 'zh', (d) => kept.push(d))({ drawn: 2, cjkFont: true });
    expect(kept).toEqual([{ drawn: 2, cjkFont: true }]);
    expect(said()).toBe('');
  });
});
