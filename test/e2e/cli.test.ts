import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveops, ROOT, STACK } from './run.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('liveops (the shell)', () => {
  it('--version prints the package version', () => {
    const r = liveops(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every subcommand, the global options and the exit codes', () => {
    const r = liveops(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['inspect', 'schedule', 'script', 'select', 'retro', 'kpi', 'actions', 'init'])
      expect(r.stdout).toContain(cmd);
    for (const opt of ['--config', '--lang', '--json', '--out', '--force', '--no-input', '--quiet', '--verbose']) {
      expect(r.stdout).toContain(opt);
    }
    expect(r.stdout).toMatch(/2 +usage error or bad input/);
    expect(r.stdout).toMatch(/3 +written, with findings/);
    expect(r.stdout).toMatch(/5 +not written: the output already exists/);
  });

  it('an unknown option is a usage error (exit 2) without a stack trace', () => {
    const r = liveops(['inspect', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('an unknown command is a usage error', () => {
    const r = liveops(['retrospect']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });

  it('a bad --lang is a usage error', () => {
    const r = liveops(['--lang', 'fr', 'inspect', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang/);
  });

  it('without a TTY a missing input is not prompted for: exit 2 naming what to pass', () => {
    const r = liveops(['inspect']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing input files: pass one or more export files/);
    expect(r.stderr).toMatch(/no terminal to ask/);
  });

  it('a broken config file is exit 2 naming the file and key', () => {
    const r = liveops(['--config', join(ROOT, 'test/e2e/bad-config.yaml'), 'inspect', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-config\.yaml: invalid config/);
    expect(r.stderr).toMatch(/rules\.stock-low/);
    expect(r.stderr).not.toMatch(STACK);
  });
});
