import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liveops-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = {} as NodeJS.ProcessEnv;

async function configError(text: string, name = 'liveops.config.yaml'): Promise<ConfigError> {
  writeFileSync(join(dir, name), text);
  try {
    await loadConfig({ cwd: dir, env });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config file', () => {
  it('defaults are the playbook numbers when there is no file', async () => {
    const c = await loadConfig({ cwd: dir, env });
    expect(c.source).toBeNull();
    expect(c.thresholds['weekly-click-eliminate']).toBe(0.03);
    expect(c.lang).toBe('zh');
  });

  it('is found in the working folder or above, and overrides thresholds and maps headers', async () => {
    writeFileSync(
      join(dir, 'liveops.config.yaml'),
      '# team config\nlang: en\nrules:\n  weekly-click-eliminate: 0.025\nheaders:\n  支付GMV: gmv\n',
    );
    mkdirSync(join(dir, 'exports'));
    const c = await loadConfig({ cwd: join(dir, 'exports'), env });
    expect(c.source).toBe(join(dir, 'liveops.config.yaml'));
    expect(c.lang).toBe('en');
    expect(c.thresholds['weekly-click-eliminate']).toBe(0.025);
    expect(c.thresholds['uv-drop']).toBe(0.5);
    expect(c.headers).toEqual({ 支付GMV: 'gmv' });
  });

  it('text it carries into outputs has no control or bidi-override characters: removed at load', async () => {
    writeFileSync(join(dir, 'liveops.config.yaml'), 'schedule:\n  account: "山野\\u202e旗舰店\\u001b[31m"\n');
    const c = await loadConfig({ cwd: dir, env });
    expect(c.schedule.account).toBe('山野旗舰店');
  });

  it('--config wins over $LIVEOPS_CONFIG, which wins over the search', async () => {
    writeFileSync(join(dir, 'a.json'), '{"lang":"en"}');
    writeFileSync(join(dir, 'b.yaml'), 'lang: zh\nrules: {stock-low: 30}\n');
    writeFileSync(join(dir, 'liveops.config.yaml'), 'rules: {stock-low: 10}\n');
    expect((await loadConfig({ cwd: dir, env: { LIVEOPS_CONFIG: 'b.yaml' } })).thresholds['stock-low']).toBe(30);
    expect((await loadConfig({ cwd: dir, env: { LIVEOPS_CONFIG: 'b.yaml' }, explicit: 'a.json' })).lang).toBe('en');
  });

  it('names the key and the problem for a wrong type', async () => {
    const e = await configError('rules:\n  uv-value-low: "一块"\n');
    expect(e.message).toContain('liveops.config.yaml');
    expect(e.problems).toEqual([expect.stringMatching(/^rules\.uv-value-low: .*number/)]);
  });

  it('names an unknown rule id', async () => {
    const e = await configError('rules:\n  uv-valu-low: 1.2\n');
    expect(e.problems[0]).toMatch(/unknown key "uv-valu-low" in rules/);
  });

  it('names an unknown top-level key', async () => {
    const e = await configError('rulez: {}\n');
    expect(e.problems[0]).toMatch(/unknown key "rulez"/);
  });

  it('rejects a header mapped to a field that does not exist', async () => {
    const e = await configError('headers:\n  支付GMV: gvm\n');
    expect(e.problems[0]).toMatch(/^headers\.支付GMV: "gvm" is not a field liveops knows/);
  });

  it('reports YAML syntax errors with the line', async () => {
    const e = await configError('rules:\n  stock-low: [1,\n');
    expect(e.problems[0]).toMatch(/line \d+/);
  });

  it('reports invalid JSON', async () => {
    const e = await configError('{"lang": }', 'liveops.config.json');
    expect(e.problems[0]).toMatch(/not valid JSON/);
  });

  it('a missing --config file is a config error, not a crash', async () => {
    await expect(loadConfig({ cwd: dir, env, explicit: 'nope.yaml' })).rejects.toThrow(/config file not found/);
  });

  it('supplier price discounts must be ordered', async () => {
    const e = await configError('supplierPrice: {minDiscount: 0.2, maxDiscount: 0.1}\n');
    expect(e.problems[0]).toMatch(/minDiscount must not be above maxDiscount/);
  });
});

describe('config file: hotspots', () => {
  it('defaults: no extra stop-words, at least 3 questions and 3 % of them', async () => {
    const c = await loadConfig({ cwd: dir, env });
    expect(c.hotspots).toEqual({ stopwords: [], minCount: 3, minShare: 0.03 });
  });

  it.each([
    ['hotspots:\n  stopwords: [包邮, 直播间]\n', { stopwords: ['包邮', '直播间'], minCount: 3, minShare: 0.03 }],
    ['hotspots: { minCount: 2 }\n', { stopwords: [], minCount: 2, minShare: 0.03 }],
    ['hotspots: { minShare: 0.05 }\n', { stopwords: [], minCount: 3, minShare: 0.05 }],
    ['hotspots: { minShare: "5%" }\n', { stopwords: [], minCount: 3, minShare: 0.05 }],
    ['hotspots: { minShare: " 2.5 % " }\n', { stopwords: [], minCount: 3, minShare: 0.025 }],
    ['hotspots: { minShare: 0, minCount: 1 }\n', { stopwords: [], minCount: 1, minShare: 0 }],
  ])('%j', async (text, want) => {
    writeFileSync(join(dir, 'liveops.config.yaml'), text);
    expect((await loadConfig({ cwd: dir, env })).hotspots).toEqual(want);
  });

  it.each([
    ['hotspots: { minCount: 0 }\n', 'hotspots.minCount: expected a whole number of questions, at least 1 (such as 3)'],
    [
      'hotspots: { minCount: 2.5 }\n',
      'hotspots.minCount: expected a whole number of questions, at least 1 (such as 3)',
    ],
    [
      'hotspots: { minCount: "三" }\n',
      'hotspots.minCount: expected a whole number of questions, at least 1 (such as 3)',
    ],
    [
      'hotspots: { minShare: 3 }\n',
      'hotspots.minShare: expected a share of the questions from 0 to 1, such as 0.03 or "3%"',
    ],
    [
      'hotspots: { minShare: "300%" }\n',
      'hotspots.minShare: expected a share of the questions from 0 to 1, such as 0.03 or "3%"',
    ],
    [
      'hotspots: { minShare: "三成" }\n',
      'hotspots.minShare: expected a share of the questions from 0 to 1, such as 0.03 or "3%"',
    ],
    ['hotspots: { stopwords: 包邮 }\n', 'hotspots.stopwords: expected a list of words'],
    ['hotspots: { stopwords: [包邮, ""] }\n', 'hotspots.stopwords.1: a stop-word cannot be empty'],
    ['hotspots: { minimum: 3 }\n', 'unknown key "minimum" in hotspots'],
  ])('%j: %s', async (text, problem) => {
    expect((await configError(text)).problems).toEqual([problem]);
  });
});
