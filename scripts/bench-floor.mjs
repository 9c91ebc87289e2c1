// The floors the benchmark compares liveops with: reading and counting the lines of a file, and
// bare csv-parse (array mode, decoding GBK by TextDecoder) over it.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';

const [mode, file] = process.argv.slice(2);
let n = 0;
if (mode === 'lines') {
  for await (const chunk of createReadStream(file)) for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
} else {
  const head = createReadStream(file, { start: 0, end: 65535 });
  let prefix = Buffer.alloc(0);
  for await (const c of head) prefix = Buffer.concat([prefix, c]);
  let encoding = 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix.subarray(0, prefix.length - 4));
  } catch {
    encoding = 'gb18030';
  }
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk, _e, cb) {
      cb(null, decoder.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, decoder.decode());
    },
  });
  const parser = createReadStream(file).pipe(decode).pipe(parse({ relax_column_count: true }));
  for await (const _row of parser) n++;
}
console.log(n);
