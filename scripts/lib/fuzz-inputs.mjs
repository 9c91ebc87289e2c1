// The fuzz corpus of `npm run fuzz` (issue 17): damaged and hostile exports, every one made
// deterministically from its own seed (its id) out of the real exports in fixtures/, at run time,
// into memory — nothing but this generator is committed.
//
// An input is
//   { id, cls, base, name, make: async () => Buffer, note,
//     damage: null | { kind, words: RegExp, row?, line? },   // damaged: exit 0/3 must name it
//     same: null | { words: RegExp },                        // content kept: must read as `base` does
//     expectRows: null | number,                             // data rows a reader must find
//     kind }                                                 // the base's table kind (companion files)
//
// `damage.words` is what counts as naming the damage (in stderr, human output, or the --json
// error/readWarnings/leftOut/skipped/problems…); naming the row or line of the damage
// (`orders.csv:57`, `row 57`, `第57行`, `"row": 57`) counts too. A `same` input (line endings,
// BOMs, GBK, formula payloads, control characters…) holds the same table as its base: read, it
// must give the same kinds and row counts as the base does, or the run must say what it could not
// read (`same.words`); exit 2 naming the file is always allowed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { mulberry32 } from './prng.mjs';

const require = createRequire(import.meta.url);
const JSZip = require('jszip'); // exceljs's own dependency
const iconv = require('iconv-lite');

// ---------------------------------------------------------------------------------------------
// What counts as naming a damage. Kept here, one list, so the checks are reviewable; the runner
// also tests every pattern against the outputs of the clean exports (a pattern that matches a
// clean run would pass anything, and fails the run as a broken check).
// ---------------------------------------------------------------------------------------------
const TRUNC = String.raw`truncat|cut off|cut short|\bcut\b|incomplete|unexpected end|end of (?:the )?(?:file|data|input)|ends? (?:in|inside|mid|in the middle)|unclosed|never closed|not closed|damaged|corrupt|partial|截断|不完整|未闭合|没有闭合|损坏|中断|残缺`;
const ROWSHAPE = String.raw`fewer (?:columns|fields|cells)|only \d+ of \d+|\d+ of \d+ (?:columns|fields)|expected \d+ (?:columns|fields)|columns? (?:count|number)|列数|缺少.{0,6}列|少了?\d*列|短行|short row`;
const QUOTE = String.raw`quot|引号|unclosed|never closed|not closed|未闭合|没有闭合`;
const ENC = String.raw`invalid UTF-?8|not (?:valid )?UTF-?8|malformed UTF|encod|编码|乱码|decod|解码|mix(?:es|ed|ing)? (?:of )?(?:encodings|UTF|GBK|GB18030)|not text|binary|二进制|非文本|invalid (?:byte|character)|无效(?:字节|字符)`;
const NUL = String.raw`\bNUL\b|null (?:byte|char)|\\u0000|\\0|binary|二进制|not (?:a )?text|非文本|control char|控制字符`;
const EMPTY = String.raw`empty|空文件|为空|是空的|no (?:data|rows|records|content|lines)|nothing (?:to read|in it|but)|\b0 (?:data )?rows|(?:^|[^\d,.])0 ?行|没有数据|无数据|没有内容`;
const NOROWS = String.raw`${EMPTY}|header only|only (?:a|the) header|只有表头|仅有?表头`;
const HEADER = String.raw`no header|without (?:a |its )?header|header (?:row )?(?:is )?(?:missing|not found|cut|incomplete|damaged)|missing header|无表头|没有表头|缺少表头|找不到表头|表头(?:缺失|不完整|被截断|损坏|有误)|missingRequired|required (?:column|field)s? (?:is |are )?(?:missing|not found)|missing (?:required )?(?:column|field)|缺少(?:必需|必要)?的?(?:列|字段)|no (?:known|recogni[sz]ed|usable) (?:column|field|header)|unknown (?:table|kind|export)|不是.{0,8}导出|not an? .{0,20}export|cannot tell what|无法识别|kind: unknown|· 未识别 ·`;
const DUP = String.raw`duplicate|重复|twice|more than once|同名|ambiguous|两列|歧义`;
const XLSX = String.raw`damaged|corrupt|truncat|incomplete|not a valid|invalid|\bzip\b|损坏|截断|不完整|\bCRC\b|checksum|校验|unexpected end|cannot (?:read|open|parse)|无法(?:读取|打开|解析)|malformed|unclosed|\bXML\b|(?:part|entry|sheet|sharedStrings|workbook)\b.{0,40}(?:missing|not found)|缺少.{0,10}(?:部件|文件|sharedStrings|工作表)`;
const BOMB = String.raw`inflat|too (?:large|big)|\bbomb\b|refus|limit|过大|太大|超过.{0,10}(?:上限|限制|MB)|超出.{0,6}(?:上限|限制)|\d+ ?MB\b`;
const LINE = String.raw`line (?:ending|break|terminator|separator)|换行|\\r|carriage return|\bCR\b|mixed`;
const BOM = String.raw`\bBOM\b|FEFF|byte.order|encod|编码`;
const UTF16 = String.raw`UTF-?16|encod|编码|\bBOM\b|binary|二进制|\bNUL\b|not text`;
const HUGE = String.raw`too long|too large|too big|field.{0,40}(?:characters|chars|MB|KB)|字符|过长|超过.{0,10}(?:上限|限制|字符)|超出.{0,6}(?:上限|限制)|limit`;
const WIDE = String.raw`too many columns|columns?.{0,20}limit|列太多|列数|超过.{0,10}(?:上限|限制|列)|超出.{0,6}(?:上限|限制)|limit|too long|too large`;

const re = (...parts) => new RegExp(parts.join('|'), 'i');

/** The damage kinds, with what counts as naming each. */
export const DAMAGE = {
  'cut-mid-quote': { what: 'CSV cut inside a quoted field (a quote left open at the end)', words: re(TRUNC, QUOTE) },
  'cut-mid-row': { what: 'CSV cut mid-row: the last row has fewer fields than the header', words: re(TRUNC, ROWSHAPE) },
  'cut-mid-char': { what: 'CSV cut inside a multi-byte UTF-8 character', words: re(TRUNC, ENC) },
  'cut-in-last-field': {
    what: 'CSV cut inside the last field of a row: no final line break where every other row has one',
    words: re(TRUNC, String.raw`line break|final (?:newline|line)|换行`),
  },
  'cut-in-header': {
    what: 'CSV cut inside its header row (no data rows, a partial header)',
    words: re(TRUNC, HEADER, NOROWS),
  },
  'unclosed-quote': {
    what: 'a quoted field opened and never closed (swallows the rest of the file)',
    words: re(QUOTE, TRUNC),
  },
  'quote-spans-rows': {
    what: 'two stray quotes a few rows apart that pair up: the rows between read as one field, one field short',
    words: re(QUOTE, ROWSHAPE),
  },
  'quote-in-header': { what: 'an unclosed quote in the header row', words: re(QUOTE, HEADER) },
  nul: { what: 'NUL bytes in a CSV', words: re(NUL) },
  'mixed-encoding': { what: 'a UTF-8 CSV with one row in GBK bytes', words: re(ENC) },
  'invalid-utf8': {
    what: 'invalid UTF-8 bytes (lone continuation, 0xFF, overlong, cut sequence, surrogate)',
    words: re(ENC),
  },
  'no-header': { what: 'a CSV/sheet without its header row', words: re(HEADER) },
  empty: { what: 'an empty file (0 bytes, only a BOM, only line breaks or delimiters)', words: re(EMPTY, HEADER) },
  'no-rows': { what: 'a header and no data rows', words: re(NOROWS) },
  'duplicate-header': { what: 'the same header twice, with different values under each', words: re(DUP) },
  'xlsx-cut': { what: 'an .xlsx cut short (zip incomplete)', words: re(XLSX) },
  'xlsx-crc': { what: 'an .xlsx entry whose stored CRC-32 does not match its data', words: re(XLSX) },
  'xlsx-corrupt': {
    what: 'an .xlsx entry with a flipped byte in its compressed data, or sizes that lie',
    words: re(XLSX),
  },
  'xlsx-xml': {
    what: 'an .xlsx whose sharedStrings or sheet XML is cut, missing or points past its end',
    words: re(XLSX),
  },
  'not-xlsx': {
    what: 'a file named .xlsx that is not a workbook (random bytes, HTML, OLE, a zip without a workbook)',
    words: re(
      XLSX,
      NUL,
      String.raw`not an? (?:CSV|\.?xlsx|workbook|Excel)|不是.{0,4}CSV|\.xls\b|\bOLE\b|\bHTML\b|不是.{0,6}(?:xlsx|工作簿|Excel)`,
    ),
  },
  'xlsx-bomb': {
    what: 'a sheet that inflates to hundreds of MB (or past the size it declares)',
    words: re(BOMB, XLSX),
  },
};

const SAME = {
  'line-endings': re(LINE),
  bom: re(BOM),
  utf16: re(UTF16),
  gbk: re(ENC),
  quotes: re(QUOTE),
  huge: re(HUGE),
  wide: re(WIDE, HEADER),
  payload: re(String.raw`formula|公式|control char|控制字符|escape|转义`),
  'xlsx-csv': re(
    String.raw`not an? (?:\.?xlsx|workbook)|is (?:really |actually )?a CSV|(?:a|as) CSV (?:file )?(?:named|despite|with)|extension|扩展名|实际上?是.{0,4}CSV`,
  ),
  bomb: re(BOMB),
  dup: re(DUP),
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: every input has its own generator seeded from its id.
// ---------------------------------------------------------------------------------------------
function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
export function rng(seed) {
  const next = mulberry32(typeof seed === 'number' ? seed : hash(seed));
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  next.pick = (xs) => xs[Math.floor(next() * xs.length)];
  return next;
}

// ---------------------------------------------------------------------------------------------
// CSV helpers (the bases are well-formed: quotes only around whole fields).
// ---------------------------------------------------------------------------------------------
/** Records with their terminators ('\n', '\r\n', '\r' or '' for the last). */
export function splitRecords(text) {
  const out = [];
  let start = 0;
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') q = !q;
    else if (!q && (c === '\n' || c === '\r')) {
      const term = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
      out.push({ raw: text.slice(start, i), term });
      i += term.length - 1;
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ raw: text.slice(start), term: '' });
  return out;
}
export function splitFields(raw) {
  const out = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (q) {
      if (c === '"' && raw[i + 1] === '"') ((cur += '"'), i++);
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') (out.push(cur), (cur = ''));
    else cur += c;
  }
  out.push(cur);
  return out;
}
const quote = (v) => `"${String(v).replace(/"/g, '""')}"`;
const field = (v) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? quote(v) : v);
const joinRow = (vals, all = false) => vals.map((v) => (all ? quote(v) : field(v))).join(',');
const utf8 = (s) => Buffer.from(s, 'utf8');

/** A table (header + rows of values) written back as CSV. */
const csvText = (rows, { term = '\n', quoteAll = false, final = true } = {}) =>
  rows.map((r) => joinRow(r, quoteAll)).join(term) + (final ? term : '');

// ---------------------------------------------------------------------------------------------
// Zip helpers: a small writer, so damage can be placed exactly (CRCs, sizes, cut parts).
// ---------------------------------------------------------------------------------------------
let CRC_TABLE;
export function crc32(buf, prev = 0) {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(buf, prev) >>> 0;
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Entries `{ name, data }` (or `{ name, deflated, crc, size }` for an entry made elsewhere) as zip
 * bytes. `crcLocal`/`crcCentral`/`sizeCentral`/`sizeLocal` override what the headers state.
 */
export function zipBytes(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const comp = e.deflated ?? zlib.deflateRawSync(e.data, { level: 6 });
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10); // 00:00
    local.writeUInt16LE(((2026 - 1980) << 9) | (12 << 5) | 1, 12);
    local.writeUInt32LE((e.crcLocal ?? crc) >>> 0, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(e.sizeLocal ?? size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, comp);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(((2026 - 1980) << 9) | (12 << 5) | 1, 14);
    central.writeUInt32LE((e.crcCentral ?? crc) >>> 0, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(e.sizeCentral ?? size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    e.dataOffset = offset + 30 + name.length; // where the compressed data starts
    e.compLength = comp.length;
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The entries of a workbook (in zip order) as `{ name, data }`. */
async function unzipEntries(buf) {
  const z = await JSZip.loadAsync(buf);
  const out = [];
  for (const name of Object.keys(z.files)) {
    if (z.files[name].dir) continue;
    out.push({ name, data: await z.files[name].async('nodebuffer') });
  }
  return out;
}

/** A raw deflate stream of `total` bytes of `unit` repeated, with its CRC, made in chunks. */
async function deflatedRepeat(prefix, unit, total, suffix) {
  const chunk = Buffer.alloc(1 << 20, unit);
  const d = zlib.createDeflateRaw({ level: 9 });
  const parts = [];
  d.on('data', (p) => parts.push(p));
  const done = new Promise((res, rej) => (d.on('end', res), d.on('error', rej)));
  let crc = crc32(prefix);
  d.write(prefix);
  let left = total;
  while (left > 0) {
    const c = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(c, crc);
    if (!d.write(c)) await new Promise((r) => d.once('drain', r));
    left -= c.length;
  }
  crc = crc32(suffix, crc);
  d.end(suffix);
  await done;
  return { deflated: Buffer.concat(parts), crc, size: prefix.length + total + suffix.length };
}

const xmlText = (s) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // C0 controls cannot be in XML 1.0 at all: Excel writes them as _xHHHH_.
    .replace(
      /[\x00-\x08\x0b\x0c\x0e-\x1f]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
    )
    .replace(/\r/g, '_x000D_');

/** Columns (letters) of a sheet whose header cell (a shared string) is one of `headers`. */
function sharedStringsIn(sheetXml, strings, headers) {
  const cells = [...sheetXml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?t="s"[^>]*>\s*<v>(\d+)<\/v>/g)].map((m) => ({
    col: m[1],
    row: Number(m[2]),
    idx: Number(m[3]),
  }));
  const head = cells.find((c) => headers.includes(strings[c.idx]));
  if (!head) return [];
  const cols = new Set(cells.filter((c) => c.row === head.row && headers.includes(strings[c.idx])).map((c) => c.col));
  return [...new Set(cells.filter((c) => c.row > head.row && cols.has(c.col)).map((c) => c.idx))];
}

/**
 * The workbook with the text of the shared strings under `headers` (in any sheet) changed by
 * `edit(text, k)`. Returns null when no such column exists.
 */
async function editSharedStrings(buf, headers, edit) {
  const entries = await unzipEntries(buf);
  const sst = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (!sst) return null;
  const xml = sst.data.toString('utf8');
  const items = [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)];
  const strings = items.map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
  const targets = new Set();
  for (const e of entries)
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
      for (const i of sharedStringsIn(e.data.toString('utf8'), strings, headers)) targets.add(i);
  if (!targets.size) return null;
  let k = 0;
  let i = -1;
  sst.data = utf8(
    xml.replace(/<si>([\s\S]*?)<\/si>/g, (whole) => {
      i++;
      if (!targets.has(i)) return whole;
      return `<si><t xml:space="preserve">${edit(strings[i], k++)}</t></si>`;
    }),
  );
  return zipBytes(entries);
}

// ---------------------------------------------------------------------------------------------
// The bases: the real exports in fixtures/.
// ---------------------------------------------------------------------------------------------
const W47 = 'week-2026-W47';
export const BASES = {
  'comments.csv': { path: 'comments.csv', kind: 'comments', text: ['评论内容', '用户昵称'] },
  'orders.csv': { path: 'orders.csv', kind: 'orders', text: ['商品名称', '买家昵称'] },
  'consultations.csv': { path: 'consultations.csv', kind: 'consultations', text: ['咨询内容', '关联商品'] },
  '渠道_小鹿美妆官方_20261116.csv': {
    path: `${W47}/渠道_小鹿美妆官方_20261116.csv`,
    kind: 'channels',
    text: ['渠道名称'],
  },
  '客服咨询_2026W47.csv': {
    path: `${W47}/客服咨询_2026W47.csv`,
    kind: 'consultations',
    text: ['咨询内容', '关联商品'],
  },
  'douyin-compass-session.xlsx': {
    path: 'douyin-compass-session.xlsx',
    kind: 'stream-summary',
    text: ['商品名称', '达人昵称'],
  },
  'selection.xlsx': { path: 'selection.xlsx', kind: 'selection', text: ['商品名称', '卖点'] },
  '商品_小鹿美妆官方_20261117.xlsx': {
    path: `${W47}/商品_小鹿美妆官方_20261117.xlsx`,
    kind: 'products',
    text: ['商品名称'],
  },
  '直播明细_全部账号_20261102_20261122.xlsx': {
    path: `${W47}/直播明细_全部账号_20261102_20261122.xlsx`,
    kind: 'stream-list',
    text: ['账号', '直播标题'],
  },
};
const CSV_BASES = Object.keys(BASES).filter((n) => n.endsWith('.csv'));
const XLSX_BASES = Object.keys(BASES).filter((n) => n.endsWith('.xlsx'));

/** A good file for the select folder and, for retro, the stream a comments/consultations/selection file belongs to. */
export const GOOD_PRODUCTS = `${W47}/商品_山野户外旗舰店_20261118.xlsx`;
export const SESSION = 'douyin-compass-session.xlsx';
/** Kinds retro cannot take alone: they are run beside the stream (the session workbook). */
export const NEEDS_STREAM = new Set(['comments', 'consultations', 'selection']);

// ---------------------------------------------------------------------------------------------
// The corpus.
// ---------------------------------------------------------------------------------------------
export function buildCorpus(fixtures) {
  const raw = {};
  for (const [name, b] of Object.entries(BASES)) raw[name] = readFileSync(join(fixtures, b.path));
  const text = (name) => raw[name].toString('utf8');
  const table = (name) =>
    splitRecords(text(name))
      .filter((r) => r.raw !== '' || r.term)
      .map((r) => splitFields(r.raw));

  const inputs = [];
  const add = (cls, base, o) => {
    const n = inputs.filter((i) => i.cls === cls).length;
    const id = `${cls}/${o.tag ?? String(n).padStart(2, '0')}:${o.name ?? base}`;
    const damage = o.damage ? { kind: o.damage, words: DAMAGE[o.damage].words, row: o.row, line: o.line } : null;
    const kind = o.kind ?? BASES[base]?.kind ?? null;
    inputs.push({
      id,
      cls,
      base: base ?? null,
      name: o.name ?? base,
      make: o.make,
      note: o.note ?? '',
      damage,
      same: o.same ? { words: SAME[o.same], why: o.same } : null,
      expectRows: o.expectRows ?? null,
      kind,
    });
  };

  // clean: every base as it is. Their runs are the reference the `same` inputs are compared with.
  for (const b of Object.keys(BASES))
    add('clean', b, { tag: 'as-is', make: async () => raw[b], note: 'the fixture unchanged' });

  // line-endings: the same records with CRLF, CR, or a mix per row.
  for (const b of CSV_BASES) {
    const recs = splitRecords(text(b));
    const variants = [
      ['crlf', () => '\r\n'],
      ['cr', () => '\r'],
      ['lf-crlf', (r, i) => (i % 2 ? '\r\n' : '\n')],
      ['mixed-1', (r) => r.pick(['\n', '\r\n', '\r'])],
      ['mixed-2', (r) => r.pick(['\n', '\r\n', '\r', '\r\n'])],
    ];
    for (const [v, term] of variants) {
      const id = `line-endings/${v}:${b}`;
      add('line-endings', b, {
        tag: v,
        same: 'line-endings',
        note: `records re-terminated: ${v}`,
        make: async () => {
          const r = rng(id);
          return utf8(recs.map((rec, i) => rec.raw + (rec.term ? term(r, i) : '')).join(''));
        },
      });
    }
  }

  // truncation: good exports cut at many offsets (the originals and an all-quoted twin).
  for (const b of CSV_BASES) {
    for (const variant of ['orig', 'quoted']) {
      const full = variant === 'orig' ? text(b) : csvText(table(b), { quoteAll: true, term: '\r\n' });
      const endsWithBreak = /[\r\n]$/.test(full);
      const cuts = variant === 'orig' ? 6 : 5;
      const r = rng(`truncation:${b}:${variant}`);
      const seen = new Set();
      let made = 0;
      for (let attempt = 0; made < cuts && attempt < 200; attempt++) {
        // Half the cuts inside a CJK character (a byte into it), the rest anywhere.
        const midChar = attempt % 3 === 2;
        let p = r.int(1, full.length - 2);
        if (midChar) {
          while (p < full.length && (full.charCodeAt(p) < 0x2e80 || full.charCodeAt(p) >= 0xd800)) p++;
          if (p >= full.length) continue;
        }
        const c = classifyCut(full, p);
        if (!c || seen.has(p)) continue;
        if (c.kind === 'cut-in-last-field' && !endsWithBreak) continue; // a cut there leaves nothing to see
        seen.add(p);
        made++;
        const prefix = utf8(full.slice(0, p));
        const extra = midChar ? r.int(1, 2) : 0; // bytes of the next (3-byte) character kept
        const kind = midChar ? 'cut-mid-char' : c.kind;
        const bytes = Buffer.concat([prefix, utf8(full[p] ?? '').subarray(0, extra)]);
        add('truncation', b, {
          tag: `${variant}-${String(made).padStart(2, '0')}`,
          damage: kind,
          row: c.row,
          line: c.line,
          note: `${variant === 'quoted' ? 'all-quoted twin ' : ''}cut at byte ${bytes.length} of ${utf8(full).length} (${c.where}${midChar ? `, ${extra} byte(s) into a character` : ''})`,
          make: async () => bytes,
        });
      }
    }
  }

  // quotes: unclosed and stray quotes.
  for (const b of CSV_BASES) {
    const rows = table(b);
    const n = rows.length - 1;
    const col = Math.max(
      0,
      rows[0].findIndex((h) => BASES[b].text.includes(h)),
    );
    const mk = (tag, o, build) => {
      const id = `quotes/${tag}:${b}`;
      add('quotes', b, { tag, ...o, make: async () => utf8(build(rng(id))) });
    };
    const r0 = rng(`quotes:${b}`);
    const mid = r0.int(1, Math.max(1, n - 4));
    const withRaw = (i, rawRow) => {
      const out = rows.map((r) => joinRow(r));
      out[i] = rawRow;
      return out.join('\n') + '\n';
    };
    const rawFields = (i) => rows[i].map((v) => field(v));
    mk(
      'unclosed-mid',
      {
        damage: 'unclosed-quote',
        row: mid + 1,
        line: mid + 1,
        note: `row ${mid + 1}: a field opens a quote never closed`,
      },
      () => {
        const f = rawFields(mid);
        f[col] = `"${rows[mid][col].replace(/"/g, '')}`;
        return withRaw(mid, f.join(','));
      },
    );
    mk(
      'unclosed-last',
      { damage: 'unclosed-quote', row: n + 1, line: n + 1, note: `last row: a field opens a quote never closed` },
      () => {
        const f = rawFields(n);
        f[col] = `"${rows[n][col].replace(/"/g, '')}`;
        return withRaw(n, f.join(','));
      },
    );
    mk(
      'quote-in-header',
      { damage: 'quote-in-header', row: 1, line: 1, note: 'the header row opens a quote never closed' },
      () => {
        const f = rows[0].map((v) => field(v));
        f[1] = `"${rows[0][1]}`;
        return withRaw(0, f.join(','));
      },
    );
    const far = Math.min(n, mid + 3);
    // The stray quotes pair up across rows; the closing one sits a column further on, so the
    // merged row is one field short (a quote that happens to pair up exactly is valid CSV).
    const next = col + 1 < rows[0].length ? col + 1 : col - 1;
    mk(
      'spans-rows',
      {
        damage: 'quote-spans-rows',
        row: mid + 1,
        line: mid + 1,
        note: `rows ${mid + 1} and ${far + 1}: a stray quote each (columns ${col + 1} and ${next + 1}); the rows between read as one field, one field short`,
      },
      () => {
        const out = rows.map((r) => joinRow(r));
        const a = rawFields(mid);
        a[col] = `"${rows[mid][col].replace(/[",\r\n]/g, '')}`;
        const z = rawFields(far);
        z[next] = `${rows[far][next].replace(/[",\r\n]/g, '')}"`;
        out[mid] = a.join(',');
        out[far] = z.join(',');
        return out.join('\n') + '\n';
      },
    );
    mk('stray-in-field', { same: 'quotes', note: `row ${mid + 1}: a quote inside an unquoted field (27" 屏)` }, () => {
      const f = rawFields(mid);
      f[col] = field(rows[mid][col].replace(/[",\r\n]/g, '')).replace(/^(.)/, '$1"');
      return withRaw(mid, f.join(','));
    });
    const lenient = CSV_BASES.indexOf(b) < 3;
    if (lenient)
      mk('after-closing', { same: 'quotes', note: `row ${mid + 1}: text after a closing quote ("abc"def)` }, () => {
        const f = rawFields(mid);
        f[col] = `"${rows[mid][col].replace(/[",\r\n]/g, '')}"x`;
        return withRaw(mid, f.join(','));
      });
    if (lenient)
      mk(
        'unescaped-inner',
        { same: 'quotes', note: `row ${mid + 1}: "say "hi" now" (inner quotes not doubled)` },
        () => {
          const f = rawFields(mid);
          f[col] = `"说 "你好" 呀${rows[mid][col].replace(/[",\r\n]/g, '')}"`;
          return withRaw(mid, f.join(','));
        },
      );
  }

  // nul: NUL bytes at the start, in a field, at the end, late in a long file.
  for (const b of CSV_BASES) {
    const t = text(b);
    const recs = splitRecords(t);
    const rowStart = (i) => recs.slice(0, i).reduce((s, r) => s + r.raw.length + r.term.length, 0);
    const mid = Math.floor(recs.length / 2);
    const at = (pos, ins) => Buffer.concat([utf8(t.slice(0, pos)), ins, utf8(t.slice(pos))]);
    add('nul', b, {
      tag: 'first-byte',
      damage: 'nul',
      row: 1,
      line: 1,
      note: 'a NUL as the first byte',
      make: async () => Buffer.concat([Buffer.from([0]), raw[b]]),
    });
    add('nul', b, {
      tag: 'in-field',
      damage: 'nul',
      row: mid + 1,
      line: mid + 1,
      note: `a NUL inside row ${mid + 1}`,
      make: async () => at(rowStart(mid) + 2, Buffer.from([0])),
    });
    if (CSV_BASES.indexOf(b) < 3)
      add('nul', b, {
        tag: 'run',
        damage: 'nul',
        row: mid + 1,
        line: mid + 1,
        note: `16 NULs inside row ${mid + 1}`,
        make: async () => at(rowStart(mid) + 1, Buffer.alloc(16)),
      });
    if (CSV_BASES.indexOf(b) < 3)
      add('nul', b, {
        tag: 'last-byte',
        damage: 'nul',
        note: 'a NUL as the last byte',
        make: async () => Buffer.concat([raw[b], Buffer.from([0])]),
      });
    // Past the first 64 KB (beyond any sniffing window): the rows repeated, then a NUL.
    add('nul', b, {
      tag: 'late',
      damage: 'nul',
      note: 'rows repeated to ~300 KB, a NUL in the last row',
      make: async () => {
        const body = recs.slice(1).filter((r) => r.raw);
        let out = recs[0].raw + '\n';
        while (out.length < 300_000) out += body.map((r) => r.raw).join('\n') + '\n';
        return Buffer.concat([
          utf8(out),
          utf8(body[0].raw.slice(0, 3)),
          Buffer.from([0]),
          utf8(body[0].raw.slice(3) + '\n'),
        ]);
      },
    });
  }

  // encoding: BOMs, UTF-16, GBK, GBK bytes inside UTF-8, invalid UTF-8.
  for (const b of CSV_BASES) {
    const t = text(b);
    const recs = splitRecords(t);
    const rowStart = (i) => recs.slice(0, i).reduce((s, r) => s + Buffer.byteLength(r.raw + r.term), 0);
    const mid = Math.floor(recs.length / 2);
    const last = recs.filter((r) => r.raw).length - 1;
    const bom16 = (le) => Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    const utf16 = (le) => {
      const u = Buffer.from(t.replace(/^\uFEFF/, ''), 'utf16le');
      if (!le) for (let i = 0; i + 1 < u.length; i += 2) [u[i], u[i + 1]] = [u[i + 1], u[i]];
      return u;
    };
    add('encoding', b, {
      tag: 'utf8-bom',
      same: 'bom',
      note: 'UTF-8 with BOM',
      make: async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), raw[b]]),
    });
    add('encoding', b, {
      tag: 'utf8-double-bom',
      same: 'bom',
      note: 'two UTF-8 BOMs',
      make: async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), raw[b]]),
    });
    add('encoding', b, {
      tag: 'utf16le-bom',
      same: 'utf16',
      note: 'UTF-16LE with BOM (Excel "Unicode text")',
      make: async () => Buffer.concat([bom16(true), utf16(true)]),
    });
    add('encoding', b, {
      tag: 'utf16be-bom',
      same: 'utf16',
      note: 'UTF-16BE with BOM',
      make: async () => Buffer.concat([bom16(false), utf16(false)]),
    });
    add('encoding', b, {
      tag: 'utf16le-nobom',
      same: 'utf16',
      note: 'UTF-16LE without BOM',
      make: async () => utf16(true),
    });
    add('encoding', b, {
      tag: 'gbk',
      same: 'gbk',
      note: 'the whole file in GBK',
      make: async () => iconv.encode(t, 'gbk'),
    });
    const gbkRow = (i) =>
      Buffer.concat([
        Buffer.from(raw[b].subarray(0, rowStart(i))),
        iconv.encode(recs[i].raw, 'gbk'),
        raw[b].subarray(rowStart(i) + Buffer.byteLength(recs[i].raw)),
      ]);
    add('encoding', b, {
      tag: 'gbk-row-2',
      damage: 'mixed-encoding',
      row: 2,
      line: 2,
      note: 'UTF-8, but row 2 in GBK bytes',
      make: async () => gbkRow(1),
    });
    add('encoding', b, {
      tag: 'gbk-row-last',
      damage: 'mixed-encoding',
      row: last + 1,
      line: last + 1,
      note: `UTF-8, but the last row (${last + 1}) in GBK bytes`,
      make: async () => gbkRow(last),
    });
    const bad = [
      ['lone-continuation', [0x80]],
      ['ff', [0xff]],
      ['overlong', [0xc0, 0xaf]],
      ['cut-sequence', [0xe4, 0xb8]],
      ['surrogate', [0xed, 0xa0, 0x80]],
    ];
    for (const [tag, bytes] of b === 'comments.csv' ? bad : bad.filter((x, k) => k % 2 === 0)) {
      const pos = rowStart(mid) + 1;
      add('encoding', b, {
        tag: `invalid-${tag}`,
        damage: 'invalid-utf8',
        row: mid + 1,
        line: mid + 1,
        note: `invalid UTF-8 (${bytes.map((x) => x.toString(16)).join(' ')}) in row ${mid + 1}`,
        make: async () => Buffer.concat([raw[b].subarray(0, pos), Buffer.from(bytes), raw[b].subarray(pos)]),
      });
    }
  }

  // huge single fields.
  {
    const rows = table('comments.csv');
    const big = (n, withBreaks) => {
      const unit = withBreaks ? '防水吗,真的\r\n"好"\n' : '防水透湿面料好不好';
      return unit.repeat(Math.ceil(n / Buffer.byteLength(unit))).slice(0, Math.ceil(n / 3) * (withBreaks ? 2 : 1));
    };
    const sizes = [
      [256 << 10, false],
      [1 << 20, false],
      [4 << 20, false],
      [16 << 20, false],
      [1 << 20, true],
      [16 << 20, true],
    ];
    for (const [n, br] of sizes) {
      const tag = `${n >> 10}KB${br ? '-breaks' : ''}`;
      add('huge-field', 'comments.csv', {
        tag,
        same: 'huge',
        note: `row 3's comment is ~${n >> 10} KB${br ? ' of quoted text with commas, quotes and line breaks' : ''}`,
        make: async () => {
          const rs = rows.map((r) => [...r]);
          rs[2][2] = big(n, br);
          return utf8(csvText(rs));
        },
      });
    }
    const orows = table('orders.csv');
    add('huge-field', 'orders.csv', {
      tag: 'name-4MB',
      same: 'huge',
      note: "row 2's product name is 4 MB",
      make: async () => {
        const rs = orows.map((r) => [...r]);
        rs[1][5] = '山野冲锋衣'.repeat((4 << 20) / 15);
        return utf8(csvText(rs));
      },
    });
    add('huge-field', 'orders.csv', {
      tag: 'id-1MB',
      same: 'huge',
      note: "row 2's order number is 1 MB of digits",
      make: async () => {
        const rs = orows.map((r) => [...r]);
        rs[1][0] = '7'.repeat(1 << 20);
        return utf8(csvText(rs));
      },
    });
  }

  // wide headers: 10k+ columns, 100 KB and 1 MB header cells (CSV and XLSX).
  {
    const rows = table('comments.csv');
    const filler = (n) => Array.from({ length: n }, (_, i) => `扩展字段${i + 1}`);
    add('wide-header', 'comments.csv', {
      tag: '12k-extra-columns',
      same: 'wide',
      note: 'the comments export with 12,000 more (unknown) columns, each row padded',
      make: async () =>
        utf8(
          rows.map((r, i) => joinRow([...r, ...(i === 0 ? filler(12000) : Array(12000).fill(''))])).join('\n') + '\n',
        ),
    });
    add('wide-header', null, {
      tag: '16384-unknown',
      name: '宽表_16384列.csv',
      kind: null,
      note: '16,384 unknown columns, 3 rows',
      make: async () =>
        utf8(
          [filler(16384), ...[1, 2, 3].map((k) => Array.from({ length: 16384 }, (_, i) => String(i * k)))]
            .map((r) => r.join(','))
            .join('\n') + '\n',
        ),
    });
    add('wide-header', null, {
      tag: '30000-columns',
      name: '宽表_30000列.csv',
      kind: null,
      expectRows: 5,
      note: "30,000 columns (past Excel's 16,384) with the comments headers first",
      make: async () =>
        utf8(
          [
            [...rows[0], ...filler(30000 - rows[0].length)],
            ...rows.slice(1, 6).map((r) => [...r, ...Array(30000 - r.length).fill('x')]),
          ]
            .map((r) => joinRow(r))
            .join('\n') + '\n',
        ),
    });
    add('wide-header', 'comments.csv', {
      tag: '100KB-header-cell',
      same: 'wide',
      note: 'an extra column whose header is 100 KB',
      make: async () =>
        utf8(rows.map((r, i) => joinRow([...r, i === 0 ? '备注'.repeat(17000) : ''])).join('\n') + '\n'),
    });
    add('wide-header', 'comments.csv', {
      tag: '1MB-header-cell',
      same: 'wide',
      note: 'an extra column whose header is 1 MB (quoted, with commas)',
      make: async () =>
        utf8(
          rows
            .map((r, i) => (i === 0 ? joinRow(r) + ',' + quote('备注,说明'.repeat(70000)) : joinRow([...r, ''])))
            .join('\n') + '\n',
        ),
    });
    add('wide-header', 'comments.csv', {
      tag: 'header-cell-is-known-x100KB',
      same: 'wide',
      note: 'the 评论内容 header padded with 100 KB of spaces',
      make: async () =>
        utf8(
          rows
            .map((r, i) => joinRow(i === 0 ? r.map((h) => (h === '评论内容' ? h + ' '.repeat(100_000) : h)) : r))
            .join('\n') + '\n',
        ),
    });
    const wideSheet = (headers, rowsOf) => {
      const cells = (r, vals) =>
        vals
          .map((v, c) => `<c r="${colLetter(c)}${r}" t="inlineStr"><is><t>${xmlText(String(v))}</t></is></c>`)
          .join('');
      const body = [headers, ...rowsOf].map((vals, i) => `<row r="${i + 1}">${cells(i + 1, vals)}</row>`).join('');
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
    };
    const products = ['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数'];
    const prow = (i) => [`36501234567890${i}`, `山野 冲锋衣 ${i}号`, 1000 + i, 3, 2, 500 + i, 80];
    add('wide-header', null, {
      tag: 'xlsx-12k-columns',
      name: '商品_山野户外旗舰店_20261119.xlsx',
      kind: 'products',
      expectRows: 5,
      note: 'a product list with 12,000 extra unknown columns (5 rows)',
      make: async () =>
        minimalXlsx(
          '商品列表',
          wideSheet(
            [...products, ...filler(12000)],
            [1, 2, 3, 4, 5].map((i) => [...prow(i), ...Array(12000).fill(i)]),
          ),
        ),
    });
    add('wide-header', null, {
      tag: 'xlsx-16384-columns',
      name: '商品_山野户外旗舰店_20261120.xlsx',
      kind: 'products',
      expectRows: 3,
      note: 'a product list using every column up to XFD (16,384)',
      make: async () =>
        minimalXlsx(
          '商品列表',
          wideSheet(
            [...products, ...filler(16384 - products.length)],
            [1, 2, 3].map((i) => [...prow(i), ...Array(16384 - products.length).fill('')]),
          ),
        ),
    });
    add('wide-header', null, {
      tag: 'xlsx-100KB-header',
      name: '商品_山野户外旗舰店_20261121.xlsx',
      kind: 'products',
      note: "a product list with a 100 KB header cell (past Excel's 32,767 characters)",
      make: async () =>
        minimalXlsx(
          '商品列表',
          wideSheet(
            [...products, '说明'.repeat(51200)],
            [1, 2, 3].map((i) => [...prow(i), '']),
          ),
        ),
    });
  }

  // headerless: the rows without their header.
  for (const b of CSV_BASES)
    add('headerless', b, {
      tag: 'no-header',
      damage: 'no-header',
      note: 'the header row removed',
      make: async () =>
        utf8(
          splitRecords(text(b))
            .slice(1)
            .map((r) => r.raw + r.term)
            .join(''),
        ),
    });
  for (const b of ['商品_小鹿美妆官方_20261117.xlsx', 'selection.xlsx'])
    add('headerless', b, {
      tag: 'no-header',
      damage: 'no-header',
      note: 'the header row (and any title rows) removed from the sheet',
      make: async () => dropSheetRows(raw[b], (r, headerRow) => r <= headerRow),
    });

  // empty files.
  for (const [tag, name, bytes] of [
    ['zero-bytes', 'comments.csv', Buffer.alloc(0)],
    ['zero-bytes', '商品_小鹿美妆官方_20261117.xlsx', Buffer.alloc(0)],
    ['bom-only', 'comments.csv', Buffer.from([0xef, 0xbb, 0xbf])],
    ['utf16-bom-only', 'orders.csv', Buffer.from([0xff, 0xfe])],
    ['one-lf', 'orders.csv', Buffer.from('\n')],
    ['crlfs', 'consultations.csv', Buffer.from('\r\n\r\n\r\n')],
    ['spaces', 'comments.csv', Buffer.from('   \n  \n')],
    ['commas', '渠道_小鹿美妆官方_20261116.csv', Buffer.from(',,,,,\r\n,,,,,\r\n')],
    ['bom-crlf', '客服咨询_2026W47.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])],
  ])
    add('empty', name, {
      tag,
      damage: 'empty',
      note: `${tag.replace(/-/g, ' ')} (${bytes.length} bytes)`,
      make: async () => bytes,
    });

  // header only.
  for (const b of CSV_BASES)
    add('header-only', b, {
      tag: 'lf',
      damage: 'no-rows',
      note: 'the header line and nothing else',
      make: async () => utf8(splitRecords(text(b))[0].raw + '\n'),
    });
  add('header-only', 'orders.csv', {
    tag: 'no-break',
    damage: 'no-rows',
    note: 'the header, no line break',
    make: async () => utf8(splitRecords(text('orders.csv'))[0].raw),
  });
  add('header-only', 'comments.csv', {
    tag: 'blank-lines',
    damage: 'no-rows',
    note: 'the header and 3 blank CRLF lines',
    make: async () => utf8(splitRecords(text('comments.csv'))[0].raw + '\r\n\r\n\r\n\r\n'),
  });
  for (const b of ['商品_小鹿美妆官方_20261117.xlsx', 'selection.xlsx'])
    add('header-only', b, {
      tag: 'xlsx',
      damage: 'no-rows',
      note: 'the sheet with its header and no rows',
      make: async () => dropSheetRows(raw[b], (r, headerRow) => r > headerRow),
    });

  // duplicate headers: a column twice with other values (damaged), or with the same values.
  for (const b of CSV_BASES) {
    const rows = table(b);
    const col = Math.max(
      0,
      rows[0].findIndex((h) => BASES[b].text.includes(h)),
    );
    const numeric = rows[0].findIndex(
      (h, i) => i > 0 && rows.slice(1, 4).every((r) => /^[¥\d.,%-]+$/.test(r[i] ?? '')),
    );
    const measure = rows[0].findIndex((h) => /金额|数量|人数|次数|消耗|时长/.test(h));
    const dcol = measure >= 0 ? measure : numeric > 0 ? numeric : col;
    add('duplicate-header', b, {
      tag: 'conflicting',
      damage: 'duplicate-header',
      note: `"${rows[0][dcol]}" twice; the second copy holds other values`,
      make: async () =>
        utf8(
          csvText(
            rows.map((r, i) => [
              ...r,
              i === 0
                ? r[dcol]
                : dcol === col
                  ? `另一个${r[dcol]}`
                  : String(Number(String(r[dcol]).replace(/[¥,%]/g, '')) * 3 + 1),
            ]),
          ),
        ),
    });
    add('duplicate-header', b, {
      tag: 'identical',
      same: 'dup',
      note: `"${rows[0][col]}" twice with the same values`,
      make: async () => utf8(csvText(rows.map((r) => [...r, r[col]]))),
    });
  }
  add('duplicate-header', '商品_小鹿美妆官方_20261117.xlsx', {
    tag: 'xlsx-conflicting',
    damage: 'duplicate-header',
    note: '成交件数 header renamed to 用户支付金额 (two 用户支付金额 columns)',
    make: async () => renameHeader(raw['商品_小鹿美妆官方_20261117.xlsx'], '成交件数', '用户支付金额'),
  });
  add('duplicate-header', 'selection.xlsx', {
    tag: 'xlsx-conflicting',
    damage: 'duplicate-header',
    note: '日常价 header renamed to 直播价 (two 直播价 columns)',
    make: async () => renameHeader(raw['selection.xlsx'], '日常价', '直播价'),
  });

  // formula payloads in text cells, plain and behind invisible or space prefixes.
  const FORMULAS = {
    '=': '=HYPERLINK("http://fuzz.invalid/x","FUZZ")',
    '+': "+FUZZ(1)+cmd|' /C calc'!A0",
    '-': '-2+FUZZ(3)',
    '@': '@SUM(FUZZ(1))',
  };
  const WRAPS = [
    ['plain', ''],
    ['zwsp', '\u200b'],
    ['bom', '\ufeff'],
    ['rlo', '\u202e'],
    ['space', ' '],
    ['spaces', '   '],
    ['tab', '\t'],
  ];
  const TARGETS = [
    'comments.csv',
    'orders.csv',
    'consultations.csv',
    '商品_小鹿美妆官方_20261117.xlsx',
    'selection.xlsx',
    'douyin-compass-session.xlsx',
    '渠道_小鹿美妆官方_20261116.csv',
  ];
  const payloads = [];
  for (const [w, pre] of WRAPS)
    for (const [p, body] of Object.entries(FORMULAS))
      payloads.push({
        tag: `${p === '=' ? 'eq' : p === '+' ? 'plus' : p === '-' ? 'minus' : 'at'}-${w}`,
        value: pre + body,
      });
  for (let i = 0; i < 32; i++) {
    const pl = payloads[i % payloads.length];
    const b = TARGETS[(i + Math.floor(i / payloads.length)) % TARGETS.length];
    add('formula', b, {
      tag: pl.tag,
      same: 'payload',
      note: `${JSON.stringify(pl.value)} before the text of ${BASES[b].text.join('/')}`,
      make: async () => injectText(b, raw[b], (v) => pl.value + v),
    });
  }

  // control characters in product names, account names and comments.
  const CONTROLS = [
    ['sgr-red', '\x1b[31m', '\x1b[0m'],
    ['clear-screen', '\x1b[2J\x1b[H', ''],
    ['osc-title', '\x1b]0;FUZZ\x07', ''],
    ['osc8-link', '\x1b]8;;http://fuzz.invalid\x1b\\', '\x1b]8;;\x1b\\'],
    ['erase-line', '\x1b[1A\x1b[2K', ''],
    ['bel', '\x07\x07', ''],
    ['bare-cr', '伪造的内容\r', ''],
    ['del', '\x7f\x7f', ''],
    ['c1-nel', '\x85', ''],
    ['c1-csi', '\u009b31m', ''],
    ['rlo', '\u202e', '\u202c'],
    ['backspaces', '\x08\x08\x08\x08', ''],
    ['bidi-isolate', '\u2067', '\u2069'],
  ];
  const CTARGETS = [
    'orders.csv',
    '商品_小鹿美妆官方_20261117.xlsx',
    'comments.csv',
    'douyin-compass-session.xlsx',
    '直播明细_全部账号_20261102_20261122.xlsx',
    'consultations.csv',
    'selection.xlsx',
    '渠道_小鹿美妆官方_20261116.csv',
  ];
  for (let i = 0; i < 30; i++) {
    const [tag, pre, post] = CONTROLS[i % CONTROLS.length];
    const b = CTARGETS[i % CTARGETS.length];
    add('control-chars', b, {
      tag,
      same: 'payload',
      note: `${JSON.stringify(pre)}…${JSON.stringify(post)} around the text of ${BASES[b].text.join('/')}`,
      make: async () => injectText(b, raw[b], (v) => pre + v + post),
    });
  }
  add('control-chars', '商品_小鹿美妆官方_20261117.xlsx', {
    tag: 'raw-esc-in-xml',
    note: 'a raw ESC byte inside sharedStrings.xml (not allowed in XML 1.0; some exporters write it)',
    make: async () =>
      editSharedStrings(
        raw['商品_小鹿美妆官方_20261117.xlsx'],
        ['商品名称'],
        (v) => `\x1b[31m${xmlText(decodeXml(v))}`,
      ),
  });

  // xlsx damage.
  for (const b of XLSX_BASES) {
    const buf = raw[b];
    const fr = [0.1, 0.5, 0.9];
    for (const f of fr)
      add('xlsx', b, {
        tag: `cut-${Math.round(f * 100)}pct`,
        damage: 'xlsx-cut',
        note: `cut at ${Math.round(f * 100)} % (${Math.floor(buf.length * f)} of ${buf.length} bytes)`,
        make: async () => buf.subarray(0, Math.floor(buf.length * f)),
      });
    add('xlsx', b, {
      tag: 'cut-last-byte',
      damage: 'xlsx-cut',
      note: 'the last byte missing',
      make: async () => buf.subarray(0, buf.length - 1),
    });
    add('xlsx', b, {
      tag: 'no-eocd',
      damage: 'xlsx-cut',
      note: 'the end-of-central-directory record cut off (22 bytes)',
      make: async () => buf.subarray(0, buf.length - 22),
    });
    const sheetOf = (es) =>
      es.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) && e.data.length > 1500)?.name ??
      'xl/worksheets/sheet1.xml';
    const rebuild = (fn) => async () => {
      const es = await unzipEntries(buf);
      const out = await fn(es);
      return out ?? zipBytes(es);
    };
    add('xlsx', b, {
      tag: 'crc-flipped',
      damage: 'xlsx-crc',
      note: 'a worksheet entry with its CRC-32 flipped (local and central headers; the data intact)',
      make: rebuild((es) => {
        const e = es.find((x) => x.name === sheetOf(es));
        e.crcLocal = e.crcCentral = (crc32(e.data) ^ 0x00ff00ff) >>> 0;
      }),
    });
    add('xlsx', b, {
      tag: 'sst-crc-flipped',
      damage: 'xlsx-crc',
      note: 'sharedStrings.xml with its CRC-32 flipped (the data intact)',
      make: rebuild((es) => {
        const e = es.find((x) => x.name === 'xl/sharedStrings.xml');
        e.crcLocal = e.crcCentral = (crc32(e.data) ^ 0x80000001) >>> 0;
      }),
    });
    add('xlsx', b, {
      tag: 'data-byte-flipped',
      damage: 'xlsx-corrupt',
      note: "a byte flipped inside a worksheet's compressed data (CRC no longer matches)",
      make: rebuild((es) => {
        const name = sheetOf(es);
        const z = zipBytes(es);
        const e = es.find((x) => x.name === name);
        const r = rng(`xlsx/data-byte-flipped:${b}`);
        const at = e.dataOffset + r.int(Math.floor(e.compLength / 3), Math.floor((2 * e.compLength) / 3));
        z[at] ^= 0x5a;
        return z;
      }),
    });
    add('xlsx', b, {
      tag: 'size-lies',
      damage: 'xlsx-corrupt',
      note: 'sharedStrings.xml declares 100 bytes; it inflates to far more',
      make: rebuild((es) => {
        const e = es.find((x) => x.name === 'xl/sharedStrings.xml');
        e.sizeLocal = e.sizeCentral = 100;
      }),
    });
    add('xlsx', b, {
      tag: 'sst-cut',
      damage: 'xlsx-xml',
      note: 'sharedStrings.xml cut in half (the zip itself is valid)',
      make: rebuild((es) => {
        const e = es.find((x) => x.name === 'xl/sharedStrings.xml');
        e.data = e.data.subarray(0, Math.floor(e.data.length / 2));
      }),
    });
    add('xlsx', b, {
      tag: 'sst-missing',
      damage: 'xlsx-xml',
      note: 'sharedStrings.xml removed (cells still point into it)',
      make: rebuild(
        (es) =>
          void es.splice(
            es.findIndex((x) => x.name === 'xl/sharedStrings.xml'),
            1,
          ),
      ),
    });
    add('xlsx', b, {
      tag: 'sst-index-past-end',
      damage: 'xlsx-xml',
      note: 'a cell points at shared string #99999 (there are a few hundred)',
      make: rebuild((es) => {
        const e = es.find((x) => x.name === sheetOf(es));
        let done = false;
        e.data = utf8(
          e.data
            .toString('utf8')
            .replace(/(<c r="[A-Z]+[2-9]\d*"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, (m, a, z) =>
              done ? m : ((done = true), `${a}99999${z}`),
            ),
        );
      }),
    });
    add('xlsx', b, {
      tag: 'sheet-xml-cut',
      damage: 'xlsx-xml',
      note: 'a worksheet XML cut at 60 % (the zip itself is valid)',
      make: rebuild((es) => {
        const e = es.find((x) => x.name === sheetOf(es));
        e.data = e.data.subarray(0, Math.floor(e.data.length * 0.6));
      }),
    });
  }
  // Highly compressible entries.
  add('xlsx', 'selection.xlsx', {
    tag: 'bomb-sheet-whitespace',
    same: 'bomb',
    note: 'the worksheet padded with 300 MB of spaces between elements (~300 KB compressed)',
    make: async () => {
      const es = await unzipEntries(raw['selection.xlsx']);
      const e = es.find((x) => x.name === 'xl/worksheets/sheet1.xml');
      const s = e.data.toString('utf8');
      const at = s.indexOf('<sheetData>') + '<sheetData>'.length;
      Object.assign(e, await deflatedRepeat(utf8(s.slice(0, at)), 0x20, 300 << 20, utf8(s.slice(at))), {
        data: undefined,
      });
      return zipBytes(es);
    },
  });
  add('xlsx', '商品_小鹿美妆官方_20261117.xlsx', {
    tag: 'bomb-sst-lies',
    damage: 'xlsx-bomb',
    note: 'sharedStrings.xml inflates to 400 MB and declares 4 KB',
    make: async () => {
      const es = await unzipEntries(raw['商品_小鹿美妆官方_20261117.xlsx']);
      const e = es.find((x) => x.name === 'xl/sharedStrings.xml');
      const s = e.data.toString('utf8');
      const at = s.lastIndexOf('</sst>');
      Object.assign(e, await deflatedRepeat(utf8(s.slice(0, at)), 0x20, 400 << 20, utf8(s.slice(at))), {
        data: undefined,
      });
      e.sizeLocal = e.sizeCentral = 4096;
      return zipBytes(es);
    },
  });
  add('xlsx', 'douyin-compass-session.xlsx', {
    tag: 'bomb-unused-entry',
    same: 'bomb',
    note: 'an extra entry xl/media/image1.png of 500 MB of zeros (~500 KB compressed)',
    make: async () => {
      const es = await unzipEntries(raw['douyin-compass-session.xlsx']);
      es.push({
        name: 'xl/media/image1.png',
        ...(await deflatedRepeat(Buffer.alloc(0), 0, 500 << 20, Buffer.alloc(0))),
      });
      return zipBytes(es);
    },
  });
  // Not a workbook at all.
  for (const [tag, name, make, note] of [
    [
      'random-bytes',
      '商品_小鹿美妆官方_20261117.xlsx',
      async () =>
        Buffer.from(
          Array.from(
            { length: 8192 },
            (
              (r) => () =>
                r.int(0, 255)
            )(rng('not-xlsx/random')),
          ),
        ),
      '8 KB of random bytes',
    ],
    [
      'html-page',
      '直播明细_全部账号_20261102_20261122.xlsx',
      async () =>
        utf8(
          '<!DOCTYPE html><html><head><meta charset="utf-8"><title>登录已过期</title></head><body><h1>登录已过期，请重新登录</h1></body></html>\n',
        ),
      'an HTML error page (an expired download link)',
    ],
    [
      'ole-header',
      'selection.xlsx',
      async () =>
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088, 0x41)]),
      'an old .xls (OLE) header with junk after it',
    ],
    [
      'pk-then-junk',
      'douyin-compass-session.xlsx',
      async () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 0x33)]),
      'a zip signature, then junk',
    ],
    [
      'zip-no-workbook',
      '商品_小鹿美妆官方_20261117.xlsx',
      async () => zipBytes([{ name: 'readme.txt', data: utf8('这不是工作簿\n') }]),
      'a valid zip holding readme.txt only',
    ],
    ['empty-zip', 'selection.xlsx', async () => zipBytes([]), 'an empty zip (end record only)'],
  ])
    add('xlsx', name, { tag, damage: 'not-xlsx', note, make });
  add('xlsx', 'comments.csv', {
    tag: 'csv-named-xlsx',
    name: 'comments.xlsx',
    same: 'xlsx-csv',
    note: 'comments.csv renamed comments.xlsx',
    make: async () => raw['comments.csv'],
  });
  add('xlsx', 'orders.csv', {
    tag: 'csv-named-xlsx',
    name: 'orders.xlsx',
    same: 'xlsx-csv',
    note: 'orders.csv renamed orders.xlsx',
    make: async () => raw['orders.csv'],
  });

  // csv-spectrum (https://github.com/max-mapper/csv-spectrum, MIT): its cases recreated from the
  // repository's csvs/ as they are (English headers), and the same tricky cells inside a
  // comments export, whose row count is known.
  for (const [name, body, rows, cells] of SPECTRUM) {
    add('csv-spectrum', null, {
      tag: 'as-is',
      name: `${name}.csv`,
      kind: null,
      expectRows: null,
      note: `csv-spectrum ${name}.csv`,
      make: async () => utf8(body),
    });
    const crlf = /crlf/.test(name);
    const out = [
      '评论时间,用户昵称,评论内容,用户ID',
      ...cells.map((c, i) =>
        [
          `2026/11/18 20:${String(10 + i).padStart(2, '0')}:00`,
          c.nick ?? `观众${i + 1}`,
          c.text,
          c.id ?? String(70000000000 + i),
        ]
          .map((v) => (c.raw ? v : field(v)))
          .join(','),
      ),
    ];
    add('csv-spectrum', null, {
      tag: 'comments',
      name: `评论_${name}.csv`,
      kind: 'comments',
      expectRows: rows,
      note: `csv-spectrum ${name} cells in a comments export (${rows} rows)`,
      make: async () => utf8(out.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n')),
    });
  }

  return inputs;
}

/** Where a cut at character `p` of a well-formed CSV falls. */
function classifyCut(text, p) {
  let q = false;
  let row = 0;
  let line = 1;
  let fields = 1;
  let headerFields = null;
  let atStart = true;
  for (let i = 0; i < p; i++) {
    const c = text[i];
    atStart = false;
    if (c === '"') q = !q;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n' && i + 1 < p) i++;
      line++;
      if (!q) {
        if (headerFields === null) headerFields = fields;
        row++;
        fields = 1;
        atStart = true;
      }
    } else if (c === ',' && !q) fields++;
  }
  if (atStart || text[p - 1] === '\r') return null; // on a record boundary: nothing visibly cut
  const where = `row ${row + 1}, line ${line}`;
  if (headerFields === null) return { kind: 'cut-in-header', row: 1, line: 1, where: 'inside the header row' };
  if (q) return { kind: 'cut-mid-quote', row: row + 1, line, where: `${where}, inside a quoted field` };
  if (fields < headerFields)
    return { kind: 'cut-mid-row', row: row + 1, line, where: `${where}, after ${fields} of ${headerFields} fields` };
  return { kind: 'cut-in-last-field', row: row + 1, line, where: `${where}, in its last field` };
}

function colLetter(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A one-sheet workbook from raw sheet XML (inline strings). */
function minimalXlsx(sheetName, sheetXml) {
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  return zipBytes([
    { name: '[Content_Types].xml', data: utf8(ct) },
    { name: '_rels/.rels', data: utf8(rels) },
    { name: 'xl/workbook.xml', data: utf8(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(wbRels) },
    { name: 'xl/worksheets/sheet1.xml', data: utf8(sheetXml) },
  ]);
}

/** The first worksheet with rows dropped: `drop(rowNumber, headerRow)` (header = first row with ≥ 3 values). */
async function dropSheetRows(buf, drop) {
  const es = await unzipEntries(buf);
  const e = es.find((x) => x.name === 'xl/worksheets/sheet1.xml');
  const s = e.data.toString('utf8');
  const rows = [...s.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)];
  const headerRow = Number(rows.find((m) => (m[2].match(/<v>|<is>/g) ?? []).length >= 3)?.[1] ?? 1); // cells with a value (a merged title has empty ones)
  e.data = utf8(s.replace(/<row r="(\d+)"[^>]*>[\s\S]*?<\/row>/g, (m, r) => (drop(Number(r), headerRow) ? '' : m)));
  return zipBytes(es);
}

/** The workbook with the header `from` shown as `to` (the header's shared string changed where used as one). */
async function renameHeader(buf, from, to) {
  const es = await unzipEntries(buf);
  const sst = es.find((e) => e.name === 'xl/sharedStrings.xml');
  sst.data = utf8(sst.data.toString('utf8').replace(`<t>${from}</t>`, `<t>${to}</t>`));
  return zipBytes(es);
}

/** The base with `edit` applied to the cells of its text columns (CSV: every row; XLSX: shared strings). */
async function injectText(base, buf, edit) {
  const cols = BASES[base].text;
  if (base.endsWith('.xlsx')) {
    const out = await editSharedStrings(buf, cols, (v) => xmlText(edit(decodeXml(v))));
    if (!out) throw new Error(`fuzz: no column ${cols.join('/')} in ${base}`);
    return out;
  }
  const rows = splitRecords(buf.toString('utf8'))
    .filter((r) => r.raw)
    .map((r) => splitFields(r.raw));
  const idx = rows[0].map((h, i) => (cols.includes(h) ? i : -1)).filter((i) => i >= 0);
  return utf8(
    rows
      .map((r, i) => (i === 0 ? joinRow(r) : r.map((v, c) => (idx.includes(c) ? quote(edit(v)) : field(v))).join(',')))
      .join('\n') + '\n',
  );
}
const decodeXml = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * csv-spectrum's cases: [name, the file as in the repository, data rows, the tricky cells placed in
 * a comments export ({ text, nick?, id?, raw? } — raw: written as given, already quoted)].
 */
const SPECTRUM = [
  [
    'comma_in_quotes',
    'first,last,address,city,zip\nJohn,Doe,120 any st.,"Anytown, WW",08123\n',
    1,
    [{ text: 'Anytown, WW', nick: 'John Doe' }],
  ],
  [
    'empty',
    'a,b,c\n1,"",""\n2,3,4\n',
    2,
    [
      { text: '""', nick: '""', raw: true },
      { text: '4', nick: '3' },
    ],
  ],
  [
    'empty_crlf',
    'a,b,c\r\n1,"",""\r\n2,3,4\r\n',
    2,
    [
      { text: '""', nick: '""', raw: true },
      { text: '4', nick: '3' },
    ],
  ],
  ['escaped_quotes', 'a,b\n1,"ha ""ha"" ha"\n3,4\n', 2, [{ text: 'ha "ha" ha' }, { text: '4' }]],
  [
    'json',
    'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n',
    1,
    [{ text: '{"type": "Point", "coordinates": [102.0, 0.5]}' }],
  ],
  [
    'newlines',
    'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n',
    3,
    [{ text: '3' }, { text: '6', nick: 'Once upon \na time' }, { text: '9' }],
  ],
  [
    'newlines_crlf',
    'a,b,c\r\n1,2,3\r\n"Once upon \r\na time",5,6\r\n7,8,9\r\n',
    3,
    [{ text: '3' }, { text: '6', nick: 'Once upon \r\na time' }, { text: '9' }],
  ],
  ['quotes_and_newlines', 'a,b\n1,"ha \n""ha"" \nha"\n3,4\n', 2, [{ text: 'ha \n"ha" \nha' }, { text: '4' }]],
  ['simple', 'a,b,c\n1,2,3\n', 1, [{ text: '3', nick: '2' }]],
  ['simple_crlf', 'a,b,c\r\n1,2,3\r\n', 1, [{ text: '3', nick: '2' }]],
  ['utf8', 'a,b,c\n1,2,3\n4,5,ʤ\n', 2, [{ text: '3' }, { text: 'ʤ' }]],
  [
    'location_coordinates',
    'Contact Employee,Contact Email,Contact Phone,Contact Phone Extension,Location,Location Coordinates\nJohn Doe,jdoe@example.com,555-555-5555,,"1 Main St, Anytown","(41.8781136, -87.6297982)"\n',
    1,
    [{ text: '(41.8781136, -87.6297982)', nick: '1 Main St, Anytown' }],
  ],
];
