/**
 * Word scripts (.docx, as Word, WPS and LibreOffice save them): the text of the document's
 * paragraphs, read through the zip guard (zip-guard.ts) rather than a document converter.
 *
 * Why not mammoth: it reads the archive with JSZip, which inflates every part it is asked for with
 * no size cap and without checking sizes or CRCs — the checks the guard makes for every workbook —
 * and its raw text joins paragraphs with blank lines, so a paragraph with a line break in it could
 * not be told from two. A script needs only the words, paragraph by paragraph.
 *
 * What is read: every `w:p` of the main document part in document order — body, tables, text
 * boxes — numbered from 1, empty paragraphs included (the number is a paragraph's place in the
 * document, as a line number is in a text file). Text is the `w:t` runs; `w:tab` is a tab, `w:br`
 * and `w:cr` a line break inside the paragraph. Not read: deleted and moved-away text of tracked
 * changes, field instructions, the fallback copy of a text box (its text is read once), headers,
 * footers, footnotes and comments (other parts).
 */
import type yauzl from 'yauzl';

import { InputError } from '../../errors.js';
import { DEFAULT_ZIP_LIMITS, decodeXml, listEntries, openZip, readEntryText, type ZipLimits } from './zip-guard.js';

export interface DocxParagraph {
  /** 1-based, in document order. */
  number: number;
  text: string;
}

/** What a zip holds, by its part names: a Word document, a workbook, an OpenDocument text, or else. */
export type ZipKind = 'docx' | 'xlsx' | 'odt' | 'other';

const MAIN_PART = 'word/document.xml';
/** Elements whose text is not what is said: tracked deletions and moves, field codes, a text box's fallback copy. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:instrText', 'w:delInstrText', 'mc:Fallback']);
/**
 * A tag, a declaration, comment or PI, or text. No alternative scans past the next "<" (attribute
 * values may not hold one), so any input is read in linear time; a comment holding "<" (Word
 * writes none) would come apart harmlessly.
 */
const TOKEN =
  /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[^<>"']|"[^<"]*"|'[^<']*')*?)(\/?)>|<[!?][^<>]*>|([^<]+)/g;

function damaged(file: string, e: unknown, what = '.docx'): InputError {
  const why = e instanceof Error ? e.message : String(e);
  return new InputError({ file }, `not a valid ${what} file (the zip is damaged or truncated): ${why}`);
}

/** What kind of file the zip is, from the names of its parts (nothing is inflated); `what` names it when it is damaged. */
export async function zipKind(file: string, what = '.docx'): Promise<ZipKind> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    throw damaged(file, e, what);
  }
  try {
    const { entries } = await listEntries(file, zip, DEFAULT_ZIP_LIMITS, (e) => damaged(file, e, what), 'the file');
    if (entries.has(MAIN_PART)) return 'docx';
    if (entries.has('xl/workbook.xml') || entries.has('xl/workbook.bin')) return 'xlsx';
    if (entries.has('mimetype') && entries.has('content.xml')) return 'odt';
    return 'other';
  } finally {
    zip.close();
  }
}

/** The main document part: where the package's relationships point, else word/document.xml. */
async function mainPart(file: string, zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>, cap: number) {
  const rels = entries.get('_rels/.rels');
  if (rels) {
    const xml = await readEntryText(file, zip, rels, cap);
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      const attrs = m[1] ?? '';
      if (!/\bType\s*=\s*["'][^"']*\/officeDocument["']/.test(attrs)) continue;
      const target = /\bTarget\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1];
      const part = target === undefined ? undefined : decodeXml(target).replace(/^\//, '');
      if (part !== undefined && entries.has(part)) return entries.get(part) as yauzl.Entry;
    }
  }
  const fallback = entries.get(MAIN_PART);
  if (!fallback) throw new InputError({ file }, `not a Word .docx document (the zip has no ${MAIN_PART})`);
  return fallback;
}

/** The paragraphs of a .docx, each with its number and text. */
export async function readDocxParagraphs(file: string, limits: Partial<ZipLimits> = {}): Promise<DocxParagraph[]> {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    throw damaged(file, e);
  }
  try {
    const { entries } = await listEntries(file, zip, lim, (e) => damaged(file, e), 'the document');
    const part = await mainPart(file, zip, entries, lim.maxMetaEntryBytes);
    const xml = await readEntryText(file, zip, part, lim.maxDocumentBytes);
    if (!/<\/(?:\w+:)?document>\s*$/.test(xml)) {
      throw new InputError(
        { file },
        `the document is damaged: ${part.fileName} ends in the middle of its XML; open it in Word or WPS and save it again`,
      );
    }
    return paragraphsOf(xml);
  } finally {
    zip.close();
  }
}

/** The paragraphs of a WordprocessingML document part, in document order. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  const done: DocxParagraph[] = [];
  const open: DocxParagraph[] = [];
  let count = 0;
  let skipping: string | null = null;
  let skipDepth = 0;
  let inText = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, closing, name, , selfClosing, chars] = m;
    if (name === undefined) {
      if (chars !== undefined && inText && skipping === null) {
        const p = open.at(-1);
        if (p) p.text += decodeXml(chars);
      }
      continue;
    }
    if (skipping !== null) {
      if (name === skipping && !selfClosing) skipDepth += closing ? -1 : 1;
      if (skipDepth === 0) skipping = null;
      continue;
    }
    if (SKIPPED.has(name) && !closing && !selfClosing) {
      skipping = name;
      skipDepth = 1;
      continue;
    }
    const p = open.at(-1);
    if (name === 'w:p') {
      if (closing) {
        const ended = open.pop();
        if (ended) done.push(ended);
      } else if (selfClosing) done.push({ number: ++count, text: '' });
      else open.push({ number: ++count, text: '' });
    } else if (name === 'w:t') inText = !closing && !selfClosing;
    else if (p && !closing && (name === 'w:tab' || name === 'w:ptab')) p.text += '\t';
    else if (p && !closing && (name === 'w:br' || name === 'w:cr')) p.text += '\n';
    else if (p && !closing && name === 'w:noBreakHyphen') p.text += '-';
  }
  done.push(...open);
  return done.sort((a, b) => a.number - b.number);
}
