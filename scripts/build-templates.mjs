// Builds the default xlsx templates in templates/ (same content on every run; only zip timestamps
// change). Each is an ordinary workbook a
// team can open in Excel or WPS and edit: placeholders {{path}}, repeated rows {{#each list}}.
// One builder per output in scripts/templates/<name>.mjs (kit.mjs holds what they share).
// Run: node scripts/build-templates.mjs [name...]
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'templates');
const only = process.argv.slice(2);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'kit.mjs')
  .sort()) {
  const name = file.replace(/\.mjs$/, '');
  if (only.length && !only.includes(name)) continue;
  const { default: build } = await import(pathToFileURL(join(dir, file)).href);
  await build('zh');
  await build('en');
}
