// The floors the benchmark compares liveops with, each run as its own child:
//   lines      read the file and count its line feeds (the I/O floor)
//   papaparse  bare papaparse in chunk mode, what liveops parses CSV with: decoding (GBK by
//              TextDecoder('gb18030')) and tokenising only, no typing, no aggregation
//   csv-parse  bare csv-parse in array mode (not run by the bench any more: ~5× papaparse here)
//   xlsx       inflate the first worksheet's XML (yauzl, as liveops opens workbooks) and count its
//              <row> elements: the floor under any xlsx reader
// Prints the count (rows or lines), so a run that read nothing is seen.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';

const [mode, file] = process.argv.slice(2);
let n = 0;
if (mode === 'lines') {
  for await (const chunk of createReadStream(file)) for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
} else if (mode === 'papaparse') {
  const { default: Papa } = await import('papaparse');
  const input = decoded(file, await sniff(file));
  await new Promise((resolve, reject) =>
    Papa.parse(input, { chunk: (r) => (n += r.data.length), complete: resolve, error: reject }),
  );
} else if (mode === 'csv-parse') {
  const { parse } = await import('csv-parse');
  const parser = decoded(file, await sniff(file)).pipe(parse({ relax_column_count: true }));
  for await (const _row of parser) n++;
} else if (mode === 'xlsx') {
  n = await xlsxRows(file);
} else {
  console.error(`bench-floor: unknown mode ${mode}`);
  process.exit(2);
}
console.log(n);

/** The file as a stream of text, decoded by TextDecoder. */
function decoded(f, encoding) {
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk, _e, cb) {
      cb(null, decoder.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, decoder.decode());
    },
  });
  const input = createReadStream(f).pipe(decode);
  input.setEncoding('utf8');
  return input;
}

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

/** Rows of the first worksheet: `<row` followed by a space or `>`, counted in the inflated bytes. */
async function xlsxRows(f) {
  const { default: yauzl } = await import('yauzl');
  const zip = await new Promise((resolve, reject) =>
    yauzl.open(f, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const entry = await new Promise((resolve, reject) => {
    zip.on('entry', (e) => (/^xl\/worksheets\/sheet1\.xml$/.test(e.fileName) ? resolve(e) : zip.readEntry()));
    zip.on('end', () => reject(new Error('no xl/worksheets/sheet1.xml')));
    zip.on('error', reject);
    zip.readEntry();
  });
  const stream = await new Promise((resolve, reject) =>
    zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))),
  );
  let rows = 0;
  let tail = Buffer.alloc(0);
  for await (const chunk of stream) {
    const buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    let i = 0;
    for (;;) {
      i = buf.indexOf('<row', i);
      if (i < 0 || i + 4 >= buf.length) break;
      const c = buf[i + 4];
      if (c === 32 || c === 62) rows++;
      i += 4;
    }
    tail = buf.subarray(Math.max(0, buf.length - 4));
  }
  zip.close();
  return rows;
}
