/**
 * No function in src/ is longer than 120 lines: a longer one is several steps that want names of
 * their own (a report builder's stages, a command's passes). Measured with the TypeScript parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 120;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every function (declaration, method, arrow, expression) of `text` longer than `max` lines. */
function longFunctions(file: string, text: string, max = MAX_LINES): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(n) ||
      ts.isMethodDeclaration(n) ||
      ts.isArrowFunction(n) ||
      ts.isFunctionExpression(n)
    ) {
      const from = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      const to = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      const name =
        n.name?.getText(sf) ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(sf) : '(anonymous)');
      if (to - from + 1 > max) found.push(`${file}:${from + 1} ${name} (${to - from + 1} lines)`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('functions stay short', () => {
  it(`no function in src/ is over ${MAX_LINES} lines`, () => {
    const long = sources(join(ROOT, 'src')).flatMap((f) => longFunctions(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(long).toEqual([]);
  });

  it('the check finds a planted long function, and lets a short one be', () => {
    const body = Array.from({ length: 130 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    expect(longFunctions('planted.ts', `export function build() {\n${body}\n}\nconst ok = () => 1;\n`)).toEqual([
      'planted.ts:1 build (132 lines)',
    ]);
    expect(longFunctions('short.ts', 'export const f = (a: number) => a + 1;\n')).toEqual([]);
  });
});
