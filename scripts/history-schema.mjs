#!/usr/bin/env node
// Writes docs/HISTORY-SCHEMA.md from the history's table schemas (src/model/history.ts, built to
// dist/): the one description of the Parquet dataset for liveops, the README and any engine that
// loads it. `npm test` checks the file is current (test/unit/history-schema.test.ts).
//   node scripts/history-schema.mjs          write it
//   node scripts/history-schema.mjs --print  print it
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function schemaMarkdown() {
  const { HISTORY_TABLES, PARTITION_KEYS } = await import(
    pathToFileURL(join(ROOT, 'dist', 'model', 'history.js')).href
  );
  const parquet = {
    string: 'STRING (UTF-8)',
    double: 'DOUBLE',
    boolean: 'BOOLEAN',
    timestamp: 'TIMESTAMP (ms, UTC)',
    json: 'JSON (UTF-8 text)',
  };
  const out = [
    '# The history’s schema',
    '',
    '<!-- Written by `node scripts/history-schema.mjs` from src/model/history.ts; do not edit by hand. -->',
    '',
    'Every table is a folder of Parquet files under the history’s root, partitioned Hive style:',
    '',
    '```',
    `<table>/${PARTITION_KEYS.map((k) => `${k}=<${k}>`).join('/')}/<record hash>.<run id>.parquet`,
    '```',
    '',
    '`platform` is douyin, taobao, kuaishou or wechat (`generic`: a selection, schedule or KPI month, which no one platform’s export gives); `account` the account’s name as the export gives it (`_all`: a',
    'team-wide record such as a selection over every account, `_unnamed`: an export that names none); `month` is',
    '`YYYY-MM` in Beijing time. Partition values are not stored in the files: an engine reading with Hive',
    'partitioning (DuckDB `hive_partitioning = true`, Spark, Trino) adds them as columns. A character a path cannot',
    'hold, `%`, `=`, and a leading `.` or `_` are %XX-escaped in the folder name, the way those engines unescape them.',
    '',
    'A file is one run’s rows of one table and partition. A run’s `runs` file is written last: a file whose run has no',
    '`runs` file is a run that never finished and is not read. Of several runs with the same `record_key` (the same',
    'stream retro’d again), the latest `run_id` is the record; liveops deletes the earlier files once the later ones',
    'are in place. An engine that reads the folder while a run is being written can see an earlier and a later run of',
    'one record at once: keep the latest `run_id` per `record_key`, as liveops does.',
    '',
  ];
  for (const [table, cols] of Object.entries(HISTORY_TABLES)) {
    out.push(`## ${table}`, '', '| column | type | meaning |', '|---|---|---|');
    for (const c of cols) out.push(`| \`${c.name}\` | ${parquet[c.type]} | ${c.doc.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const md = await schemaMarkdown();
  if (process.argv.includes('--print')) process.stdout.write(md);
  else writeFileSync(join(ROOT, 'docs', 'HISTORY-SCHEMA.md'), md);
}
