/**
 * PNG images (charts) put into a workbook that is already written.
 *
 * exceljs's streaming WorkbookWriter has no way to add an image to a sheet (WorksheetWriter 4.4.0
 * knows only a sheet background; `addImage` on the workbook just stores the media), so the
 * finished xlsx is rewritten instead: each image becomes `xl/media/imageN.png`, anchored at its
 * cell by a `xdr:oneCellAnchor` (a fixed size in EMU, whatever the column widths) in the sheet's
 * drawing part, which the sheet names with `<drawing r:id>` and its relationships; the content
 * types name the new parts. Every other part is copied as it is.
 *
 * Sheets are found by name through the package's relationships (`_rels/.rels` → workbook →
 * its rels), never by guessing part names. A sheet that already has a drawing gets the new
 * anchors added to it.
 *
 * Only the parts that change are held in memory (the workbook, the relationships, the content
 * types and the sheets that get an image); the others stream from the old zip to the new one.
 */
import { createWriteStream } from 'node:fs';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface XlsxImage {
  /** The sheet's name as the user sees it on its tab. */
  sheetName: string;
  /** The cell the image's top-left corner sits on, e.g. 'H5'. */
  cell: string;
  /** The PNG file's bytes (it may have more pixels than it is shown with: it is scaled). */
  png: Buffer;
  /** The size it is shown at, in pixels at 96 dpi. */
  widthPx: number;
  heightPx: number;
  /** Alternative text, e.g. the chart's title. */
  description?: string;
}

const NS = {
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  drawingRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  imageRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  drawingType: 'application/vnd.openxmlformats-officedocument.drawing+xml',
} as const;

/** 1 px at 96 dpi in English Metric Units. */
const EMU_PER_PX = 9525;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// CT_Worksheet's children after <drawing>, in schema order: <drawing> goes before the first present.
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

// ————————————————————————————————————————— XML bits —————————————————————————————————————————

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function escapeXml(s: string): string {
  return (
    s
      // Characters XML 1.0 cannot carry at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** A start tag: attribute values may hold ">" (XML allows it), so they are matched whole. */
const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

interface Tag {
  closing: boolean;
  prefix: string;
  local: string;
  attrs: Map<string, string>;
  selfClosing: boolean;
  start: number;
  end: number;
}

function parseAttrs(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

function* tags(xml: string, from = 0): Generator<Tag> {
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const qname = m[2]!;
    const colon = qname.indexOf(':');
    yield {
      closing: m[1] === '/',
      prefix: colon < 0 ? '' : qname.slice(0, colon + 1),
      local: colon < 0 ? qname : qname.slice(colon + 1),
      attrs: parseAttrs(m[3] ?? ''),
      selfClosing: m[4] === '/',
      start: m.index,
      end: m.index + m[0].length,
    };
  }
}

/** The document's root element (past the XML declaration and any comments). */
function rootTag(xml: string): Tag {
  for (const t of tags(xml)) if (!t.closing) return t;
  throw new Error('no root element');
}

/** The prefix ("r:", or "" for a default namespace) the root binds to one of `uris`, if any. */
function prefixFor(root: Tag, ...uris: string[]): string | null {
  for (const [name, value] of root.attrs) {
    if (!uris.includes(value)) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return null;
}

// ————————————————————————————————————————— parts —————————————————————————————————————————

interface Relationship {
  id: string;
  type: string;
  /** The target as a part name (no leading slash), resolved against the source part. */
  part: string;
  external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
}

function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = sourcePart === '' ? '' : posix.dirname(sourcePart);
  return posix.normalize(posix.join(dir === '.' ? '' : dir, target));
}

function parseRels(xml: string, sourcePart: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const t of tags(xml)) {
    if (t.closing || t.local !== 'Relationship') continue;
    const id = t.attrs.get('Id');
    const type = t.attrs.get('Type');
    const target = t.attrs.get('Target');
    if (!id || !type || target === undefined) continue;
    const external = t.attrs.get('TargetMode') === 'External';
    rels.push({ id, type, external, part: external ? target : resolveTarget(sourcePart, target) });
  }
  return rels;
}

function nextRelId(rels: readonly Relationship[]): string {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.reduce((max, r) => Math.max(max, Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0)), 0) + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

/** `rels` (the part's text, or null when it has none yet) with `added` appended. */
function withRelationships(rels: string | null, added: string[]): string {
  if (rels === null) {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<Relationships xmlns="${NS.rels}">${added.join('')}</Relationships>`
    );
  }
  const close = rels.lastIndexOf('</');
  if (close < 0 || !/^<\/(?:\w+:)?Relationships\s*>/.test(rels.slice(close))) {
    // <Relationships/>: an empty list written self-closed.
    return rels.replace(
      /<((?:\w+:)?Relationships)([^>]*?)\s*\/>/,
      (_m, q: string, a: string) => `<${q}${a}>${added.join('')}</${q}>`,
    );
  }
  return rels.slice(0, close) + added.join('') + rels.slice(close);
}

/** 'H5' → { col: 7, row: 4 } (zero-based, as a drawing anchor counts). */
export function cellPosition(cell: string): { col: number; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(cell.trim().toUpperCase());
  if (!m) throw new RangeError(`"${cell}" is not a cell reference like H5`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > 16384 || row < 1 || row > 1048576) throw new RangeError(`"${cell}" is outside a worksheet (XFD1048576)`);
  return { col: col - 1, row: row - 1 };
}

// ————————————————————————————————————————— the zip —————————————————————————————————————————

interface Zip {
  file: yauzl.ZipFile;
  entries: yauzl.Entry[];
  /** Entries by part name (a leading "/" some writers put there removed). */
  byPart: Map<string, yauzl.Entry>;
}

const partName = (fileName: string) => fileName.replace(/^\/+/, '');

async function openZip(path: string): Promise<Zip> {
  const file = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const entries: yauzl.Entry[] = [];
  for await (const entry of file.eachEntry()) entries.push(entry);
  return { file, entries, byPart: new Map(entries.map((e) => [partName(e.fileName), e])) };
}

async function readPart(zip: Zip, part: string): Promise<Buffer | null> {
  const entry = zip.byPart.get(part);
  if (!entry) return null;
  const chunks: Buffer[] = [];
  for await (const c of (await zip.file.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

async function readText(zip: Zip, part: string): Promise<string | null> {
  return (await readPart(zip, part))?.toString('utf8') ?? null;
}

async function requireText(zip: Zip, part: string, what: string): Promise<string> {
  const text = await readText(zip, part);
  if (text === null) throw new Error(`not a workbook: no ${what} (${part})`);
  return text;
}

// ————————————————————————————————————————— the plan —————————————————————————————————————————

interface SheetRef {
  name: string;
  part: string;
}

/** The workbook's part and its sheets by name, through the package relationships. */
async function findSheets(zip: Zip): Promise<{ workbookPart: string; sheets: Map<string, SheetRef> }> {
  const packageRels = parseRels(await requireText(zip, '_rels/.rels', 'package relationships'), '');
  const workbookPart = packageRels.find(
    (r) => r.type === NS.officeDocument || r.type.endsWith('/officeDocument'),
  )?.part;
  if (!workbookPart) throw new Error('not a workbook: the package names no main document');
  const workbookXml = await requireText(zip, workbookPart, 'workbook part');
  const workbookRels = parseRels(
    await requireText(zip, relsPartOf(workbookPart), 'workbook relationships'),
    workbookPart,
  );
  const rPrefix = prefixFor(rootTag(workbookXml), NS.r, NS.rStrict) ?? 'r:';
  const sheets = new Map<string, SheetRef>();
  for (const t of tags(workbookXml)) {
    if (t.closing || t.local !== 'sheet') continue;
    const name = t.attrs.get('name');
    const rel = workbookRels.find((r) => r.id === t.attrs.get(`${rPrefix}id`));
    if (name !== undefined && rel && !rel.external) sheets.set(name, { name, part: rel.part });
  }
  return { workbookPart, sheets };
}

interface DrawingSlot {
  /** Byte offset in the sheet part where <drawing> goes (or where the sheet's own is). */
  at: number;
  /** The r:id of the drawing the sheet already has. */
  existingRelId: string | null;
  /** The prefix of the sheet's elements ("" for the default namespace) and of r:id (null: not declared). */
  prefix: string;
  rPrefix: string | null;
}

/**
 * Where `<drawing>` goes in a sheet, or the drawing the sheet already has. Only the root's start
 * tag and what follows <sheetData> are decoded: a sheet of a million rows stays bytes.
 */
function drawingSlot(sheet: Buffer): DrawingSlot {
  // The start tag and what comes before <sheetData> (sheet properties, views, columns) are short.
  const head = sheet.toString('utf8', 0, Math.min(sheet.length, 1024 * 1024));
  const root = rootTag(head);
  const rPrefix = prefixFor(root, NS.r, NS.rStrict);
  const prefix = root.prefix;
  // A cell's text never holds a literal "<": the last </sheetData> is the element's end.
  const closeTag = `</${prefix}sheetData>`;
  const close = sheet.lastIndexOf(Buffer.from(closeTag, 'utf8'));
  let from = close < 0 ? -1 : close + Buffer.byteLength(closeTag);
  if (from < 0) {
    const empty = new RegExp(`<${prefix}sheetData(?:\\s[^>]*)?/>`).exec(head);
    if (!empty) throw new Error('a worksheet without <sheetData>');
    from = Buffer.byteLength(head.slice(0, empty.index + empty[0].length));
  }
  const tail = sheet.toString('utf8', from);
  const at = (charIndex: number) => from + Buffer.byteLength(tail.slice(0, charIndex));
  let depth = 0;
  for (const t of tags(tail)) {
    if (t.closing) {
      if (depth === 0) return { at: at(t.start), existingRelId: null, prefix, rPrefix }; // </worksheet>
      depth--;
      continue;
    }
    if (depth === 0 && t.local === 'drawing')
      return { at: at(t.start), existingRelId: t.attrs.get(`${rPrefix ?? 'r:'}id`) ?? null, prefix, rPrefix };
    if (depth === 0 && AFTER_DRAWING.has(t.local)) return { at: at(t.start), existingRelId: null, prefix, rPrefix };
    if (!t.selfClosing) depth++;
  }
  throw new Error('a worksheet that does not close');
}

function anchorXml(image: XlsxImage, id: number, relId: string, inlineNs: boolean): string {
  const { col, row } = cellPosition(image.cell);
  const cx = Math.round(image.widthPx * EMU_PER_PX);
  const cy = Math.round(image.heightPx * EMU_PER_PX);
  const ns = inlineNs ? ` xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"` : '';
  const descr = image.description ? ` descr="${escapeXml(image.description)}"` : '';
  return (
    `<xdr:oneCellAnchor${ns}>` +
    `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/>` +
    '<xdr:pic>' +
    `<xdr:nvPicPr><xdr:cNvPr id="${id}" name="Picture ${id}"${descr}/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
    '</xdr:pic><xdr:clientData/></xdr:oneCellAnchor>'
  );
}

/** The first free "<dir>/<stem>N.<ext>", N from 1, among the parts there are and those being added. */
function freePart(taken: Set<string>, dir: string, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const part = posix.join(dir, `${stem}${n}.${ext}`);
    if (!taken.has(part.toLowerCase())) {
      taken.add(part.toLowerCase());
      return part;
    }
  }
}

interface Plan {
  /** Parts whose content is replaced, by part name. */
  replaced: Map<string, Buffer>;
  /** New parts, in the order they are written. */
  added: Array<{ part: string; data: Buffer }>;
}

function validate(images: readonly XlsxImage[]): void {
  for (const img of images) {
    cellPosition(img.cell);
    if (!(img.widthPx > 0 && img.heightPx > 0 && Number.isFinite(img.widthPx) && Number.isFinite(img.heightPx)))
      throw new RangeError(`image at ${img.sheetName}!${img.cell}: size ${img.widthPx}×${img.heightPx} px`);
    if (!img.png.subarray(0, 8).equals(PNG_SIGNATURE))
      throw new RangeError(`image at ${img.sheetName}!${img.cell}: not a PNG`);
  }
}

interface DrawingPart {
  part: string;
  /** Its text and its relationships' text, when it was there before. */
  xml: string | null;
  rels: string | null;
}

/** The drawing part a sheet's images go into: the sheet's own, or a new one the sheet now names. */
async function drawingFor(
  zip: Zip,
  plan: Plan,
  taken: Set<string>,
  sheet: SheetRef,
  drawingsDir: string,
): Promise<DrawingPart> {
  const sheetXml = await readPart(zip, sheet.part);
  if (sheetXml === null) throw new Error(`not a workbook: no part for sheet "${sheet.name}" (${sheet.part})`);
  const sheetRelsPart = relsPartOf(sheet.part);
  const sheetRels = await readText(zip, sheetRelsPart);
  const slot = drawingSlot(sheetXml);
  const rels = parseRels(sheetRels ?? '', sheet.part);
  if (slot.existingRelId !== null) {
    const rel = rels.find((r) => r.id === slot.existingRelId);
    if (!rel || rel.external) throw new Error(`sheet "${sheet.name}": its drawing is not in the package`);
    return { part: rel.part, xml: await readText(zip, rel.part), rels: await readText(zip, relsPartOf(rel.part)) };
  }
  const part = freePart(taken, drawingsDir, 'drawing', 'xml');
  const relId = nextRelId(rels);
  const rDecl = slot.rPrefix === null ? ` xmlns:r="${NS.r}"` : '';
  const element = Buffer.from(`<${slot.prefix}drawing${rDecl} ${slot.rPrefix ?? 'r:'}id="${relId}"/>`, 'utf8');
  plan.replaced.set(sheet.part, Buffer.concat([sheetXml.subarray(0, slot.at), element, sheetXml.subarray(slot.at)]));
  const target = posix.relative(posix.dirname(sheet.part), part);
  const newSheetRels = Buffer.from(
    withRelationships(sheetRels, [relationshipXml(relId, NS.drawingRel, target)]),
    'utf8',
  );
  if (sheetRels === null) plan.added.push({ part: sheetRelsPart, data: newSheetRels });
  else plan.replaced.set(sheetRelsPart, newSheetRels);
  return { part, xml: null, rels: null };
}

/** The anchors (and media) of one sheet's images, added to its drawing. */
function addAnchors(
  plan: Plan,
  taken: Set<string>,
  drawing: DrawingPart,
  images: readonly XlsxImage[],
  mediaDir: string,
): void {
  const drawingRels = parseRels(drawing.rels ?? '', drawing.part);
  const ids = [...(drawing.xml ?? '').matchAll(/<(?:\w+:)?cNvPr\b[^>]*?\bid="(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = Math.max(1, ...ids) + 1;
  const root = drawing.xml === null ? null : rootTag(drawing.xml);
  // Anchors added to a drawing written elsewhere carry their own namespaces: its prefixes may differ.
  const inlineNs =
    root !== null &&
    (prefixFor(root, NS.xdr) !== 'xdr:' || prefixFor(root, NS.a) !== 'a:' || prefixFor(root, NS.r) !== 'r:');
  const relXml: string[] = [];
  const anchors = images.map((img) => {
    const media = freePart(taken, mediaDir, 'image', 'png');
    plan.added.push({ part: media, data: img.png });
    const relId = nextRelId(drawingRels);
    drawingRels.push({ id: relId, type: NS.imageRel, part: media, external: false });
    relXml.push(relationshipXml(relId, NS.imageRel, posix.relative(posix.dirname(drawing.part), media)));
    return anchorXml(img, nextId++, relId, inlineNs);
  });
  const drawingXml =
    drawing.xml === null
      ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`
      : insertBeforeRootEnd(drawing.xml, anchors.join(''));
  const put = (part: string, text: string, existed: boolean) =>
    existed
      ? plan.replaced.set(part, Buffer.from(text, 'utf8'))
      : plan.added.push({ part, data: Buffer.from(text, 'utf8') });
  put(drawing.part, drawingXml, drawing.xml !== null);
  put(relsPartOf(drawing.part), withRelationships(drawing.rels, relXml), drawing.rels !== null);
}

async function planImages(zip: Zip, images: readonly XlsxImage[]): Promise<Plan> {
  const { workbookPart, sheets } = await findSheets(zip);
  const plan: Plan = { replaced: new Map(), added: [] };
  const taken = new Set([...zip.byPart.keys()].map((p) => p.toLowerCase()));
  const base = posix.dirname(workbookPart) === '.' ? '' : posix.dirname(workbookPart);
  const bySheet = new Map<string, XlsxImage[]>();
  for (const img of images) {
    if (!sheets.has(img.sheetName))
      throw new RangeError(`no sheet "${img.sheetName}" in the workbook (sheets: ${[...sheets.keys()].join(', ')})`);
    bySheet.set(img.sheetName, [...(bySheet.get(img.sheetName) ?? []), img]);
  }
  const newDrawings: string[] = [];
  for (const [name, sheetImages] of bySheet) {
    const drawing = await drawingFor(zip, plan, taken, sheets.get(name)!, posix.join(base, 'drawings'));
    addAnchors(plan, taken, drawing, sheetImages, posix.join(base, 'media'));
    if (drawing.xml === null) newDrawings.push(drawing.part);
  }
  const types = await requireText(zip, '[Content_Types].xml', 'content types');
  plan.replaced.set('[Content_Types].xml', Buffer.from(withContentTypes(types, newDrawings), 'utf8'));
  return plan;
}

function insertBeforeRootEnd(xml: string, inner: string): string {
  const close = xml.lastIndexOf('</');
  if (close < 0) {
    // <xdr:wsDr …/>: a drawing with nothing in it.
    return xml.replace(/<((?:\w+:)?wsDr)([^>]*?)\s*\/>/, (_m, q: string, a: string) => `<${q}${a}>${inner}</${q}>`);
  }
  return xml.slice(0, close) + inner + xml.slice(close);
}

function withContentTypes(types: string, drawings: readonly string[]): string {
  const added: string[] = [];
  const hasPng = [...tags(types)].some(
    (t) => !t.closing && t.local === 'Default' && t.attrs.get('Extension')?.toLowerCase() === 'png',
  );
  if (!hasPng) added.push('<Default Extension="png" ContentType="image/png"/>');
  for (const d of drawings) added.push(`<Override PartName="/${escapeXml(d)}" ContentType="${NS.drawingType}"/>`);
  return insertBeforeRootEnd(types, added.join(''));
}

// ————————————————————————————————————————— writing —————————————————————————————————————————

/**
 * `xlsxFile` with `images` put on their sheets, written to `outFile` (a temp file: the caller
 * moves it into place). Throws, before writing anything, when a sheet is not there, a cell is not
 * a cell reference or an image is not a PNG.
 */
export async function addImagesToXlsx(xlsxFile: string, outFile: string, images: readonly XlsxImage[]): Promise<void> {
  validate(images);
  const { default: yazl } = await import('yazl');
  const zip = await openZip(xlsxFile);
  try {
    const plan = await planImages(zip, images);
    const out = new yazl.ZipFile();
    const sink = createWriteStream(outFile);
    // Every stream's first error settles the write: a reader's, the zip's, or the file's.
    const done = new Promise<void>((resolve, reject) => {
      out.on('error', reject);
      out.outputStream.on('error', reject);
      sink.on('error', reject);
      sink.on('close', resolve);
      for (const entry of zip.entries) {
        const part = partName(entry.fileName);
        const options = { mtime: entry.getLastModDate(), compress: entry.compressionMethod !== 0 };
        const replaced = plan.replaced.get(part);
        if (entry.fileName.endsWith('/')) out.addEmptyDirectory(entry.fileName, { mtime: options.mtime });
        else if (replaced) out.addBuffer(replaced, entry.fileName, options);
        else
          out.addReadStreamLazy(entry.fileName, { ...options, size: entry.uncompressedSize }, (cb) => {
            zip.file.openReadStream(entry, (err, stream) => {
              if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
              (stream as Readable).on('error', reject);
              cb(null, stream);
            });
          });
      }
      // The new parts take the time the workbook was written at, so that the same input gives the same bytes.
      const mtime = zip.entries[0]?.getLastModDate() ?? new Date(0);
      for (const { part, data } of plan.added) out.addBuffer(data, part, { mtime, compress: !part.endsWith('.png') });
      out.end();
    });
    out.outputStream.pipe(sink);
    try {
      await done;
    } catch (e) {
      sink.destroy();
      throw e;
    }
  } finally {
    zip.file.close();
  }
}
