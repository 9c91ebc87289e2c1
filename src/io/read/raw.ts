/**
 * Raw row sources: one file → sheets → rows of cells, with no header logic.
 *
 * The format is decided by content, not by extension:
 *   - zip magic `PK\x03\x04`            → xlsx (checked by the zip guard before exceljs sees it)
 *   - OLE magic `D0 CF 11 E0` (old .xls) → InputError asking for .xlsx or .csv
 *   - anything else                      → CSV (encoding and delimiter detected from the content)
 *
 * Rows that are entirely empty are never yielded, but they are counted: `rowNumber` keeps the
 * numbering the user sees, so gaps in rowNumber are the empty rows.
 */
import { open, stat } from 'node:fs/promises';

import { InputError } from '../../errors.js';
import { fsError, type OpenOptions, type RawSource } from './source.js';

export type { OpenOptions, RawCell, RawRow, RawSheet, RawSource, SourceDelimiter, SourceEncoding } from './source.js';
export { fsError } from './source.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function openRawSource(file: string, opts: OpenOptions = {}): Promise<RawSource> {
  const st = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw fsError(file, e);
  });
  if (st.isDirectory()) throw new InputError({ file }, 'is a directory, expected a .csv or .xlsx file');
  if (!st.isFile()) throw new InputError({ file }, 'is not a regular file, expected a .csv or .xlsx file');
  if (st.size === 0) throw new InputError({ file }, 'file is empty');

  const head = Buffer.alloc(512);
  let got = 0;
  const fh = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw fsError(file, e);
  });
  try {
    got = (await fh.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await fh.close();
  }
  const magic = head.subarray(0, got);

  if (startsWith(magic, OLE_MAGIC)) {
    throw new InputError(
      { file },
      'this is an old binary Excel file (.xls), a password-protected workbook or another OLE document, ' +
        'which is not supported: open it in Excel or WPS and save it (without a password) as .xlsx or .csv',
    );
  }
  if (startsWith(magic, ZIP_MAGIC) || startsWith(magic, EMPTY_ZIP_MAGIC)) {
    // Each reader is loaded when a file of its format comes: CSV-only runs never load yauzl.
    const { openXlsxSource } = await import('./xlsx.js');
    return openXlsxSource(file, opts.zipLimits);
  }
  if (looksLikeMarkup(magic)) {
    throw new InputError(
      { file },
      'is an HTML or XML page, not an export: a download link that had expired or a login page saves like this, and ' +
        'some systems write an HTML table under an .xls name. Download the export again, or open it in Excel or WPS and save it as .xlsx or .csv',
    );
  }
  const { openCsvSource } = await import('./csv.js');
  return openCsvSource(file, st.size, opts);
}

/** The file starts (after a BOM and blank space) with <!DOCTYPE, <html or <?xml: a web page or an XML spreadsheet. */
function looksLikeMarkup(head: Buffer): boolean {
  const text = head
    .toString('latin1')
    .replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\x00/g, '')
    .trimStart()
    .toLowerCase();
  return /^<(?:!doctype\s+html|html[\s>]|\?xml\s|head[\s>]|body[\s>]|table[\s>]|meta\s)/.test(text);
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}
