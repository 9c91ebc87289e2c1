// A process that records runs in a history through liveops's own store (dist/), for the
// concurrency and kill tests: `node history-writer.mjs <root> <record key> <marker> <product rows> [runs]`.
// Every row of a run carries the marker, so a reader can tell whether what it sees is one whole run.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [root, key, marker, rows, runs = '1'] = process.argv.slice(2);
const dist = join(import.meta.dirname, '..', '..', '..', 'dist', 'io', 'history', 'store.js');
const { recordRun } = await import(pathToFileURL(dist).href);
const partition = { platform: 'douyin', account: '山野户外旗舰店', month: '2026-11' };
for (let r = 0; r < Number(runs); r++) {
  const m = `${marker}#${r}`;
  await recordRun(root, {
    command: 'retro',
    recordKey: key,
    recordedAt: new Date(),
    version: 'test',
    inputs: [m],
    partition,
    parts: [
      { table: 'streams', partition, rows: [{ stream_key: key, source: 'retro', title: m, gmv: Number(rows) }] },
      {
        table: 'products',
        partition,
        rows: Array.from({ length: Number(rows) }, (_, i) => ({ stream_key: key, product_id: String(i), name: m })),
      },
      { table: 'alerts', partition, rows: [{ stream_key: key, rule: 'uv-drop', subject: m }] },
    ],
  });
}
process.stdout.write('recorded\n');
