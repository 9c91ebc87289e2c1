/**
 * Zip guard: inspect an .xlsx with yauzl before exceljs touches it.
 *
 *   - a damaged or truncated zip (no readable central directory) → InputError
 *   - declared uncompressed sizes: total over `maxTotalUncompressed`, or one entry larger than
 *     `ratioMinEntryBytes` that inflates more than `maxEntryRatio` times → InputError (zip bomb /
 *     inflated-cell defence: exceljs itself has no cap)
 *   - no xl/workbook.xml → InputError "not an .xlsx workbook"
 *   - reads xl/workbook.xml and xl/_rels/workbook.xml.rels (small; inflated with a byte cap, and
 *     yauzl checks the inflated size against the declared one) and returns the sheets in workbook
 *     order with their real names and part paths, and the shared strings and styles parts.
 *     Each of these is checked against its CRC-32 in the central directory (zip-part.ts); a part
 *     that fails is an InputError naming it.
 *     The xlsx reader opens those parts itself (random access through the central directory):
 *     exceljs's own streaming pass over the zip can lose entries (see xlsx.ts).
 *
 * Only the central directory's *declared* sizes are checked for the big entries; a zip that lies
 * about them in its headers is not caught here (inflating everything twice to check would double
 * the cost of every read).
 */
import { posix } from 'node:path';

import yauzl from 'yauzl';

import { InputError } from '../../errors.js';
import { checkCrc, partReadError } from './zip-part.js';

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. Default 512 MiB. */
  maxTotalUncompressed: number;
  /** Max uncompressed/compressed ratio of one entry… Default 200. */
  maxEntryRatio: number;
  /** …applied to entries larger than this (uncompressed). Default 1 MiB. */
  ratioMinEntryBytes: number;
  /** Max number of entries in the zip. Default 10,000. */
  maxEntries: number;
  /** Cap on the inflated size of xl/workbook.xml and its rels. Default 16 MiB. */
  maxMetaEntryBytes: number;
  /** Cap on the inflated size of a Word document's word/document.xml (docx.ts). Default 64 MiB. */
  maxDocumentBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxTotalUncompressed: 512 * 1024 * 1024,
  maxEntryRatio: 200,
  ratioMinEntryBytes: 1024 * 1024,
  maxEntries: 10_000,
  maxMetaEntryBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
});

export interface WorkbookSheetInfo {
  /** Real sheet name from xl/workbook.xml. */
  name: string;
  /** 0-based position in workbook order (tab order), counting every kind of sheet. */
  index: number;
  /** Zip path of the sheet part, e.g. `xl/worksheets/sheet3.xml`. */
  part: string;
  kind: 'worksheet' | 'chartsheet' | 'other';
  hidden: boolean;
}

export interface GuardedWorkbook {
  sheets: WorkbookSheetInfo[];
  /** Worksheets by part path. */
  byPart: Map<string, WorkbookSheetInfo>;
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** Zip path of the shared strings part (from the workbook rels), when the workbook has one. */
  sharedStringsPart: string | undefined;
  /** Zip path of the styles part (from the workbook rels), when the workbook has one. */
  stylesPart: string | undefined;
  totalUncompressed: number;
  entryCount: number;
  /** dc:creator of docProps/core.xml, e.g. "liveops" for the reports liveops writes. */
  creator: string | null;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** Opens a zip for reading entry by entry, checking every entry's declared size as it is read. */
export function openZip(file: string): Promise<yauzl.ZipFile> {
  return yauzl.openPromise(file, {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: true,
    validateEntrySizes: true,
    strictFileNames: false,
  });
}

/** The worksheet part names exceljs's streaming reader recognises. */
const EXCELJS_SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

export async function guardXlsx(file: string, limits: Partial<ZipLimits> = {}): Promise<GuardedWorkbook> {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const damaged = (e: unknown): InputError =>
    new InputError({ file }, `not a valid .xlsx file (the zip is damaged or truncated): ${reason(e)}`);

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    throw damaged(e);
  }

  try {
    const { entries, total } = await listEntries(file, zip, lim, damaged);

    const wbEntry = entries.get(WORKBOOK);
    if (!wbEntry) throw notAWorkbook(file, entries);
    const relsEntry = entries.get(WORKBOOK_RELS);
    if (!relsEntry) throw damaged(`${WORKBOOK_RELS} is missing`);

    const workbookXml = await readEntryText(file, zip, wbEntry, lim.maxMetaEntryBytes);
    const relsXml = await readEntryText(file, zip, relsEntry, lim.maxMetaEntryBytes);

    const rels = parseRels(relsXml);
    const sheets: WorkbookSheetInfo[] = [];
    const byPart = new Map<string, WorkbookSheetInfo>();
    for (const [index, s] of parseSheets(workbookXml).entries()) {
      const rel = s.rid === undefined ? undefined : rels.get(s.rid);
      if (!rel) throw damaged(`sheet "${s.name}" has no relationship in ${WORKBOOK_RELS}`);
      const kind = rel.type.endsWith('/worksheet')
        ? 'worksheet'
        : rel.type.endsWith('/chartsheet')
          ? 'chartsheet'
          : 'other';
      const info: WorkbookSheetInfo = { name: s.name, index, part: rel.part, kind, hidden: s.hidden };
      sheets.push(info);
      if (kind !== 'worksheet') continue;
      if (!entries.has(rel.part)) throw damaged(`the part ${rel.part} of sheet "${s.name}" is missing`);
      if (!EXCELJS_SHEET_PART.test(rel.part)) {
        throw new InputError(
          { file, sheet: s.name },
          `the sheet is stored as ${rel.part}, a part name this reader cannot stream: open the workbook in Excel or WPS and save it again`,
        );
      }
      byPart.set(rel.part, info);
    }
    if (sheets.length === 0) throw new InputError({ file }, 'the workbook has no sheets');

    // Shared strings and styles: where the rels say, else exceljs's fixed names. A rel naming a
    // part the zip does not hold would silently turn every string cell into null: refuse it.
    const partOf = (type: string, fallback: string): string | undefined => {
      for (const rel of rels.values()) {
        if (!rel.type.endsWith(type)) continue;
        if (!entries.has(rel.part)) throw damaged(`the part ${rel.part} named in ${WORKBOOK_RELS} is missing`);
        return rel.part;
      }
      return entries.has(fallback) ? fallback : undefined;
    };
    const sharedStringsPart = partOf('/sharedStrings', 'xl/sharedStrings.xml');
    const stylesPart = partOf('/styles', 'xl/styles.xml');

    const coreEntry = entries.get('docProps/core.xml');
    const coreXml = coreEntry ? await readEntryText(file, zip, coreEntry, lim.maxMetaEntryBytes) : '';
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(coreXml)?.[1]?.trim() || null;

    return {
      sheets,
      byPart,
      creator,
      date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml),
      sharedStringsPart,
      stylesPart,
      totalUncompressed: total,
      entryCount: entries.size,
    };
  } finally {
    zip.close();
  }
}

/**
 * Every entry of the zip, each checked against the inflation limits as it is listed (the entry
 * count first). `what` names the file in the messages: "the workbook", "the document".
 */
export async function listEntries(
  file: string,
  zip: yauzl.ZipFile,
  lim: ZipLimits,
  damaged: (e: unknown) => InputError,
  what = 'the workbook',
): Promise<{ entries: Map<string, yauzl.Entry>; total: number }> {
  if (zip.entryCount > lim.maxEntries) {
    throw new InputError(
      { file },
      `refusing to read: ${what} has ${zip.entryCount} zip entries (limit ${lim.maxEntries}) — is this a real export?`,
    );
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      entries.set(entry.fileName, entry);
      total += entry.uncompressedSize;
      if (
        entry.uncompressedSize > lim.ratioMinEntryBytes &&
        entry.uncompressedSize / Math.max(entry.compressedSize, 1) > lim.maxEntryRatio
      ) {
        const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
        throw new InputError(
          { file },
          `refusing to read: ${entry.fileName} would inflate ${ratio} times, to ${mb(entry.uncompressedSize)} MB ` +
            `from ${kb(entry.compressedSize)} KB (limit ${lim.maxEntryRatio} times) — is this a real export?`,
        );
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw damaged(e);
  }
  if (total > lim.maxTotalUncompressed) {
    throw new InputError(
      { file },
      `refusing to read: ${what} would inflate to ${mb(total)} MB (limit ${mb(lim.maxTotalUncompressed)} MB) — is this a real export?`,
    );
  }
  return { entries, total };
}

/** A zip without a workbook part: what it is instead, when that can be told (.xlsb, .ods). */
function notAWorkbook(file: string, entries: Map<string, yauzl.Entry>): InputError {
  if (entries.has('xl/workbook.bin')) {
    return new InputError(
      { file },
      'this is a binary .xlsb workbook, which is not supported: save it as .xlsx or .csv',
    );
  }
  if (entries.has('content.xml') && entries.has('mimetype')) {
    return new InputError(
      { file },
      'this is an OpenDocument (.ods) file, which is not supported: save it as .xlsx or .csv',
    );
  }
  return new InputError({ file }, `not an .xlsx workbook (the zip has no ${WORKBOOK})`);
}

/** One entry inflated whole (with a byte cap) and checked against its CRC-32, as UTF-8 text. */
export async function readEntryText(
  file: string,
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  cap: number,
): Promise<string> {
  if (entry.uncompressedSize > cap) {
    throw new InputError(
      { file },
      `refusing to read: ${entry.fileName} would inflate to ${mb(entry.uncompressedSize)} MB (limit ${mb(cap)} MB) — is this a real export?`,
    );
  }
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > cap) {
        stream.destroy();
        throw new InputError(
          { file },
          `refusing to read: ${entry.fileName} inflates beyond ${mb(cap)} MB — is this a real export?`,
        );
      }
      chunks.push(chunk);
    }
  } catch (e) {
    throw partReadError({ file }, entry.fileName, e);
  }
  const data = Buffer.concat(chunks, n);
  checkCrc(file, entry, data);
  return data.toString('utf8');
}

interface SheetTag {
  name: string;
  rid: string | undefined;
  hidden: boolean;
}

/** `<sheet name=".." sheetId=".." r:id=".."/>` elements, in document order. */
export function parseSheets(workbookXml: string): SheetTag[] {
  const sheetsBlock = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbookXml)?.[1] ?? '';
  const out: SheetTag[] = [];
  for (const m of sheetsBlock.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const attrs = parseAttrs(m[1] ?? '');
    let rid: string | undefined;
    for (const [k, v] of attrs) if (/^[\w.-]+:id$/.test(k)) rid = v;
    const state = attrs.get('state');
    out.push({ name: attrs.get('name') ?? '', rid, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return out;
}

interface Rel {
  type: string;
  /** Resolved zip path of the target. */
  part: string;
}

export function parseRels(relsXml: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const attrs = parseAttrs(m[1] ?? '');
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id === undefined || target === undefined || attrs.get('TargetMode') === 'External') continue;
    const part = target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.normalize(posix.join('xl', target));
    out.set(id, { type: attrs.get('Type') ?? '', part });
  }
  return out;
}

function parseAttrs(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** XML character and entity references → characters. */
export function decodeXml(s: string): string {
  return s.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_, hex: string, dec: string, named: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(parseInt(dec, 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp']!;
    },
  );
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function mb(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}

function kb(bytes: number): string {
  return String(Math.round(bytes / 1024));
}
