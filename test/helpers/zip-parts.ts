/**
 * A workbook as its zip parts, to damage or hand-write one part and zip it again (the damaged-xlsx
 * and sheet-scan tests).
 */
import { writeFileSync } from 'node:fs';

import yauzl from 'yauzl';
import yazl from 'yazl';

export type Part = { name: string; data: Buffer };

/** Every file part of the zip, inflated. */
export async function unzipAll(file: string): Promise<Part[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: Part[] = [];
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

/** Zips `parts` into `file` (those named in `stored` left uncompressed); the zip's bytes. */
export async function zipTo(file: string, parts: Part[], stored: string[] = []): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const p of parts) z.addBuffer(p.data, p.name, { compress: !stored.includes(p.name) });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  writeFileSync(file, bytes);
  return bytes;
}
