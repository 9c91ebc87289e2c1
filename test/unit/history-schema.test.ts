/** docs/HISTORY-SCHEMA.md is the schema the code writes: regenerate it with `node scripts/history-schema.mjs`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HISTORY_TABLES } from '../../src/model/history.js';

const ROOT = join(import.meta.dirname, '..', '..');

it('documents every table and column of the history, as the code defines them', async () => {
  const { schemaMarkdown } = await import(join(ROOT, 'scripts', 'history-schema.mjs'));
  const md = readFileSync(join(ROOT, 'docs', 'HISTORY-SCHEMA.md'), 'utf8');
  expect(md).toBe(await schemaMarkdown());
  for (const [table, cols] of Object.entries(HISTORY_TABLES)) {
    expect(md).toContain(`## ${table}\n`);
    for (const c of cols) expect(md).toContain(`| \`${c.name}\` |`);
  }
});
