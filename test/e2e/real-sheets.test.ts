/**
 * Sheets worded the way teams and platforms word them (fixtures/real/<variant>/), each with its
 * figures computed by hand in expected.json. Every variant runs the CLI in a copy of its folder (so
 * its liveops.config.yaml applies) and checks each figure, note and exit code.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

interface Expected {
  about: string;
  run: string[];
  exit: number;
  how?: unknown;
  /** [path, value]: a path is dot-separated keys; `key[prop=value]` picks an array element. */
  expect?: Array<[string, unknown]>;
  /** Regexes every one of which some entry of the report's `notes` must match. */
  notesMatch?: string[];
  /** Regexes every one of which some entry of the report's `readWarnings` must match. */
  readWarningsMatch?: string[];
  /** Regexes stderr must match. */
  stderrMatch?: string[];
}

const REAL = join(FIXTURES, 'real');
const variants = readdirSync(REAL, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** `people[name=王磊].roleScores[role=ops].total` → the value, or a thrown Error naming the step. */
export function pick(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  // Dots inside [prop=value] belong to the value (a file name).
  for (const seg of path.match(/(?:[^.[]|\[[^\]]*\])+/g) ?? []) {
    const m = /^([^[]+)(?:\[([^=\]]+)=([^\]]+)\])?$/.exec(seg);
    if (!m) throw new Error(`bad path segment ${seg}`);
    cur = (cur as Record<string, unknown> | undefined)?.[m[1]!];
    if (m[2] !== undefined) {
      if (!Array.isArray(cur)) throw new Error(`${path}: ${m[1]} is not a list`);
      cur = cur.find((x) => String((x as Record<string, unknown>)[m[2]!]) === m[3]);
      if (cur === undefined) throw new Error(`${path}: no ${m[1]} with ${m[2]}=${m[3]}`);
    }
  }
  return cur;
}

describe.each(variants)('real sheet %s', (variant) => {
  const spec = JSON.parse(readFileSync(join(REAL, variant, 'expected.json'), 'utf8')) as Expected;
  const dir = join(tmp.dir, variant);
  cpSync(join(REAL, variant), dir, { recursive: true });
  const r = liveops(spec.run, { cwd: dir });
  const report =
    spec.run.includes('--json') && r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : null;

  it(`exits ${spec.exit} without a stack trace`, () => {
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(spec.exit);
  });

  for (const [path, want] of spec.expect ?? []) {
    it(`${path} = ${JSON.stringify(want)}`, () => {
      // "__absent__": no element matches (e.g. no alert of that rule).
      if (want === '__absent__') return expect(() => pick(report, path)).toThrow(/no /);
      const got = pick(report, path);
      if (typeof want === 'number') {
        expect(typeof got).toBe('number');
        expect(got as number).toBeCloseTo(want, 5);
      } else {
        expect(got).toEqual(want);
      }
    });
  }

  for (const re of spec.notesMatch ?? []) {
    it(`a note says /${re}/`, () => {
      const notes = (report?.notes ?? []) as string[];
      expect(
        notes.some((n) => new RegExp(re).test(n)),
        notes.join('\n'),
      ).toBe(true);
    });
  }

  for (const re of spec.readWarningsMatch ?? []) {
    it(`a read warning says /${re}/`, () => {
      const lines = (report?.readWarnings ?? []) as string[];
      expect(
        lines.some((n) => new RegExp(re).test(n)),
        lines.join('\n'),
      ).toBe(true);
    });
  }

  for (const re of spec.stderrMatch ?? []) {
    it(`stderr says /${re}/`, () => expect(r.stderr).toMatch(new RegExp(re)));
  }
});
