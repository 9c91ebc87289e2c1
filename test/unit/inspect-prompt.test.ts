import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInspect } from '../../src/commands/inspect/index.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { Context } from '../../src/context.js';
import { UsageError } from '../../src/errors.js';
import type { Prompter } from '../../src/ui/prompts.js';
import { plainTerminal } from '../../src/ui/terminal.js';

const FIX = join(import.meta.dirname, '../../fixtures');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-prompt-'));
  copyFileSync(join(FIX, 'orders.csv'), join(dir, 'orders.csv'));
  copyFileSync(join(FIX, 'douyin-products.xlsx'), join(dir, 'douyin-products.xlsx'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(interactive: boolean, prompter?: Prompter): { ctx: Context; stdout: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c) => (text += c));
  const ctx: Context = {
    cwd: dir,
    env: {},
    config: resolveConfig({}, null),
    lang: 'zh',
    json: true,
    out: undefined,
    force: false,
    term: plainTerminal({ stdout: out, stderr: new PassThrough(), interactive, quiet: true }),
  };
  if (prompter) ctx.prompter = prompter;
  return { ctx, stdout: () => text };
}

describe('inspect with no files', () => {
  it('on a terminal, offers the exports in the folder and inspects the ones picked', async () => {
    let offered: string[] = [];
    const prompter: Prompter = {
      checkbox: async (o) => {
        offered = o.choices.map((c) => c.value);
        return ['orders.csv'];
      },
      input: async () => '',
    };
    const { ctx, stdout } = context(true, prompter);
    expect(await runInspect(ctx, { files: [], fields: false })).toBe(0);
    expect(offered).toEqual(['douyin-products.xlsx', 'orders.csv']);
    const report = JSON.parse(stdout());
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['orders.csv']);
    expect(report.files[0].tables[0].kind).toBe('orders');
  });

  it('without a terminal, asks nothing and names what to pass', async () => {
    const prompter: Prompter = {
      checkbox: async () => {
        throw new Error('must not prompt');
      },
      input: async () => '',
    };
    const { ctx } = context(false, prompter);
    const err = await runInspect(ctx, { files: [], fields: false }).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/missing input files: pass one or more export files/);
  });
});
