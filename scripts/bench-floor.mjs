// The floors the benchmark compares liveops with: reading and counting the lines of a file, and
// bare csv-parse (array mode) and bare papaparse (chunk mode, what liveops uses), decoding GBK by
// TextDecoder.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';

const [mode, file] = process.argv.slice(2);
let n = 0;
if (mode === 'lines') {
  for await (const chunk of createReadStream(file)) for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
} else if (mode === 'papaparse') {
  // The parser liveops reads CSV with, bare: decoding and tokenising only.
  const { default: Papa } = await import('papaparse');
  const encoding = await sniff(file);
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk, _e, cb) {
      cb(null, decoder.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, decoder.decode());
    },
  });
  const input = createReadStream(file).pipe(decode);
  input.setEncoding('utf8');
  await new Promise((resolve, reject) =>
    Papa.parse(input, { chunk: (r) => (n += r.data.length), complete: resolve, error: reject }),
  );
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
  const parser = createReadStream(file)
    .pipe(decode)
    .pipe(parse({ relax_column_count: true }));
  for await (const _row of parser) n++;
}
console.log(n);

async function sniff(f) {
  let prefix = Buffer.alloc(0);
  for await (const c of createReadStream(f, { start: 0, end: 65535 })) prefix = Buffer.concat([prefix, c]);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix.subarray(0, prefix.length - 4));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
