/**
 * Issue 17, in LibreOffice: text from data (product, channel, supplier and account names, the
 * roster's and the KPI sheet's person names, selling points, FAQ, consultations) never becomes a
 * live formula in a workbook liveops writes — not in the xlsx itself, not in the CSV LibreOffice
 * saves from it, and not when that CSV is opened again with formula evaluation on.
 *
 * Every command that writes a workbook is run on inputs built here, each text field filled with
 * the payloads below. Then, for every output and every sheet (the very hidden _liveops too):
 *   1. liveops's xlsx: no <f> element; each payload cell starts with the apostrophe;
 *   2. LibreOffice saves every sheet as CSV: each payload is there, as text behind its apostrophe;
 *   3. LibreOffice opens each CSV with "Evaluate formulas" on (and once more with "Trim spaces" on)
 *      and saves it as xlsx: no <f> element, and every cell that held a payload still holds it as
 *      text at the same address (never a computed 6).
 * A control CSV holding the bare payloads goes through step 3 alongside, and must come out with
 * formulas: the import really does evaluate them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveops, STACK, tempDir, type Run } from '../e2e/run.js';

const PAYLOADS = [
  '=3+3',
  '\u200b=3+3',
  '\ufeff@SUM(1,2)',
  '\u202e=1+1',
  ' +1+2',
  '-2+3',
  '=HYPERLINK("http://x","点我")',
  '\u2060=4+4',
] as const;
const NOW = { LIVEOPS_NOW: '2026-12-01T09:00:00+08:00' };

/** Characters a spreadsheet drops or that reorder text: not part of what a reader sees. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]/g;
/** Bidi controls, which liveops removes from what it reads from an export. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** What a reader sees of a payload: "=3+3" of "\u200b=3+3". */
const shown = (p: string) => p.replace(INVISIBLE, '').trim();
/** A cell that is the payload alone (past liveops's apostrophe): as given, or as read from an export. */
const isPayload = (text: string, p: string) => {
  const t = text.replace(/^'/, '').trim();
  return t === p.trim() || t === p.replace(BIDI, '').trim();
};
const show = (s: string) =>
  JSON.stringify(s).replace(
    /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

// ————————————————————————————————————————— inputs —————————————————————————————————————————

const csv = (rows: ReadonlyArray<ReadonlyArray<string | number>>) =>
  rows.map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
const id = (i: number) => `36500000000000001${i}`;

/** A 选品表 whose names, categories, suppliers, selling points and FAQ are all payloads. */
async function writePool(file: string, stock: (i: number) => number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('选品池');
  ws.addRow([
    '商品ID',
    '商品名称',
    '品类',
    '商品角色',
    '直播价',
    '日常价',
    '竞品价',
    '佣金率',
    '库存',
    '供应商',
    '质检报告',
    '七天无理由',
    '运费险',
    '补货周期(天)',
    '卖点',
    '常见问题',
    '福利款',
  ]);
  const roles = ['引流款', '利润款', '形象款'];
  PAYLOADS.forEach((p, i) =>
    ws.addRow([
      id(i),
      p,
      p,
      roles[i % 3],
      100 + i * 50,
      200 + i * 50,
      100 + i * 50,
      '20%',
      stock(i),
      p,
      '无',
      '否',
      '是',
      15,
      p,
      p,
      i === 7 ? '是' : '否',
    ]),
  );
  await wb.xlsx.writeFile(file);
}

/** One stream: the account, product names, channel names, consultations (buyers, agents, text), comments, unpaid orders. */
function writeRetroInputs(d: string, account: string): void {
  writeFileSync(
    join(d, '整体数据.csv'),
    csv([
      [
        '达人昵称',
        '直播时间',
        '直播间用户支付金额',
        '直播间观看人数',
        '观看次数',
        '成交订单数',
        '成交人数',
        '商品曝光人数',
        '商品点击人数',
      ],
      [account, '2026/11/18 19:58:02-2026/11/18 23:12:40', 133433, 6782, 9440, 228, 205, 4880, 1492],
    ]),
  );
  writeFileSync(
    join(d, '商品明细.csv'),
    csv([
      ['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数'],
      ...PAYLOADS.map((p, i) => [id(i), p, 1000 + i, 10, 9, 1000, 50 + i * 30]),
    ]),
  );
  writeFileSync(
    join(d, '渠道分析.csv'),
    csv([
      ['渠道名称', '观看次数', '观看人数', '用户支付金额', '成交订单数'],
      ['整体', 9440, 6782, 133433, 228],
      ...PAYLOADS.map((p, i) => [p, 100 + i, 80 + i, 1000 + i, 5]),
    ]),
  );
  const at = (h: number, m: number) => `2026/11/18 ${h}:${String(m).padStart(2, '0')}:00`;
  writeFileSync(
    join(d, '客服咨询.csv'),
    csv([
      ['咨询时间', '首次回复时间', '首次响应时长(秒)', '买家昵称', '咨询内容', '关联商品', '客服'],
      ...PAYLOADS.flatMap((p, i) =>
        [0, 1, 2].map((k) => [
          at(20, 10 + i * 3 + k),
          at(20, 11 + i * 3 + k),
          30 + i,
          p,
          `${p} 质量太差了 是假货吗`,
          p,
          p,
        ]),
      ),
    ]),
  );
  writeFileSync(
    join(d, '评论.csv'),
    csv([
      ['评论时间', '用户昵称', '评论内容', '用户ID'],
      ...PAYLOADS.flatMap((p, i) =>
        [0, 1, 2].map((k) => [at(21, 10 + i * 3 + k), p, `${p} 防水吗 质量太差`, `70000000${i}${k}`]),
      ),
    ]),
  );
  writeFileSync(
    join(d, '订单.csv'),
    csv([
      [
        '订单编号',
        '子订单编号',
        '下单时间',
        '支付时间',
        '商品ID',
        '商品名称',
        '商品数量',
        '订单金额',
        '实付金额',
        '订单状态',
        '买家昵称',
        '收件人手机号',
        '流量来源',
      ],
      ...PAYLOADS.flatMap((p, i) => [
        [
          `69000000000000000${i}1`,
          `69100000000000000${i}1`,
          at(20, 10 + i),
          '',
          id(i),
          p,
          1,
          99,
          99,
          '待支付',
          p,
          '13812345678',
          p,
        ],
        [
          `69000000000000000${i}2`,
          `69100000000000000${i}2`,
          at(20, 20 + i),
          at(20, 21 + i),
          id(i),
          p,
          1,
          99,
          99,
          '已支付',
          p,
          '13812345678',
          p,
        ],
      ]),
    ]),
  );
}

/** A week: a stream list (accounts, anchors, titles), product and channel exports, consultations. */
function writeWeeklyInputs(d: string): void {
  const streams: Array<Array<string | number>> = [
    [
      '场次ID',
      '账号',
      '主播',
      '直播标题',
      '开播时间',
      '结束时间',
      '观看人数',
      '观看次数',
      '成交金额',
      '成交人数',
      '成交订单数',
      '商品曝光人数',
      '商品点击人数',
      '投放消耗',
    ],
  ];
  PAYLOADS.forEach((p, i) => {
    const day = 16 + (i % 7);
    for (const [week, back] of [
      [0, 0],
      [1, 7],
    ] as const)
      streams.push([
        `74917648000193083${i}${week}`,
        p,
        p,
        p,
        `2026/11/${day - back} ${10 + i}:00`,
        `2026/11/${day - back} ${12 + i}:00`,
        6000 + i,
        9000,
        100000 + i,
        200,
        210,
        5000,
        1500,
        1000,
      ]);
  });
  writeFileSync(join(d, '直播明细_20261109_20261122.csv'), csv(streams));
  for (const day of [16, 17, 18]) {
    writeFileSync(
      join(d, `商品_202611${day}.csv`),
      csv([
        ['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数', '讲解次数'],
        ...PAYLOADS.map((p, i) => [id(i), p, 1000, 10, 2, 1000, 20, 1]),
      ]),
    );
    writeFileSync(
      join(d, `渠道_202611${day}.csv`),
      csv([
        ['渠道名称', '观看人数', '观看次数', '用户支付金额', '成交订单数', '千川消耗'],
        ['整体', 6380, 8670, 149121, 200, 1000],
        ...PAYLOADS.map((p, i) => [p, 100 + i * 10, 200, 1000 + i, 5, '-']),
      ]),
    );
  }
  writeFileSync(
    join(d, '客服咨询.csv'),
    csv([
      ['咨询时间', '首次回复时间', '首次响应时长(秒)', '买家昵称', '咨询内容', '关联商品', '客服'],
      ...PAYLOADS.flatMap((p, i) =>
        [0, 1].map((k) => [
          `2026/11/18 20:${10 + i * 2 + k}:00`,
          `2026/11/18 20:${10 + i * 2 + k}:30`,
          30,
          p,
          `${p} 质量太差了 是假货吗`,
          p,
          p,
        ]),
      ),
    ]),
  );
}

/** Product exports of three streams of W47: four payloads fail on clicks, four on conversion. */
function writeSelectExports(d: string): void {
  for (const day of [16, 17, 18])
    writeFileSync(
      join(d, `商品_202611${day}.csv`),
      csv([
        ['商品ID', '商品名称', '用户支付金额', '成交件数', '成交人数', '商品曝光人数', '商品点击人数'],
        ...PAYLOADS.map((p, i) => [id(i), p, 1000, 10, 2, 1000, i < 4 ? 20 : 100]),
      ]),
    );
}

/** The schedule: accounts (one slot each), anchors and assistants, themes and benefits are payloads. */
function writeScheduleConfig(d: string): void {
  const slots = PAYLOADS.slice(0, 7).map((p, i) => ({ weekdays: [i + 1], time: '20:00-23:00', account: p }));
  slots.push({ weekdays: [1], time: '10:00-12:00', account: PAYLOADS[7] });
  const schedule = {
    annualGmv: 12000000,
    slots,
    special: [
      { date: '2026-12-12', type: '专场', theme: PAYLOADS[6] },
      { date: '2026-12-18', type: '品牌联名场', theme: PAYLOADS[0] },
    ],
    roster: { anchors: PAYLOADS.map((name) => ({ name })), assistants: PAYLOADS.map((name) => ({ name })) },
    // All eight products in every stream, so the script of one stream carries them all.
    productMix: { 引流款: 3, 利润款: 3, 形象款: 2 },
    benefits: { 日常场: PAYLOADS[0], 专场: PAYLOADS[6], 品牌联名场: PAYLOADS[1], 会员专属场: PAYLOADS[7] },
  };
  writeFileSync(join(d, 'liveops.config.json'), JSON.stringify({ schedule }, null, 2));
}

/** A KPI sheet: eight people named with the payloads, two of each KPI role, proposals titled with them. */
async function writeKpiSheet(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KPI');
  ws.addRow([
    '姓名',
    '岗位',
    '入职日期',
    'GMV目标',
    'GMV实际',
    '流量增长率',
    '流程改进数',
    '商品转化率',
    '人均停留时长(秒)',
    '新增粉丝团',
    '商品ROI',
    '退货率',
    '新品引入数',
    '报告质量分',
    '策略采纳率',
    '采纳提案',
  ]);
  const roles = ['运营', '主播', '选品', '数据分析'];
  PAYLOADS.forEach((p, i) =>
    ws.addRow([
      p,
      roles[i % 4],
      i < 4 ? '2024-03-11' : '2026-10-01',
      1000000,
      1100000 + i,
      '12%',
      4,
      '5%',
      90,
      200,
      3,
      '20%',
      5,
      90,
      '50%',
      `${p}、${p}`,
    ]),
  );
  await wb.xlsx.writeFile(file);
}

// ————————————————————————————————————— reading workbooks ————————————————————————————————————

interface Cell {
  text: string;
  /** s, str, inlineStr, n, b, e… as the sheet says (n when absent). */
  type: string;
}
interface Sheet {
  name: string;
  xml: string;
  cells: Map<string, Cell>;
}

async function unzip(file: string): Promise<Map<string, string>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    if (!entry.fileName.endsWith('.xml') && !entry.fileName.endsWith('.rels')) continue;
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  zip.close();
  return out;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'amp'
          ? '&'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
/** The text of every <t> inside a fragment (a shared string's runs, an inline string). */
const runs = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');

/** Every sheet of an xlsx with its XML and its cells by address, named as the workbook names them. */
async function readXlsx(file: string): Promise<Sheet[]> {
  const parts = await unzip(file);
  const shared = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    runs(m[1]!),
  );
  const rels = new Map(
    [...(parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])![1]!,
      /Target="([^"]+)"/.exec(m[0])![1]!,
    ]),
  );
  const sheets: Sheet[] = [];
  for (const m of (parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])![1]!);
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])![1]!)!;
    const xml = parts.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`) ?? '';
    const cells = new Map<string, Cell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const inner = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)![1]!;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const text =
        type === 's'
          ? (shared[Number(v)] ?? '')
          : type === 'inlineStr'
            ? runs(inner)
            : v === undefined
              ? ''
              : unescapeXml(v);
      if (text !== '') cells.set(ref, { text, type });
    }
    sheets.push({ name, xml, cells });
  }
  return sheets;
}

const column = (n: number) => {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/** RFC 4180, as LibreOffice writes it: cells by address. */
function readCsv(file: string): Map<string, Cell> {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const cells = new Map<string, Cell>();
  let row = 0;
  let col = 0;
  let field = '';
  let quoted = false;
  const put = () => {
    if (field !== '') cells.set(`${column(col)}${row + 1}`, { text: field, type: 'csv' });
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') ((field += '"'), i++);
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (put(), col++);
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      put();
      row++;
      col = 0;
    } else field += ch;
  }
  put();
  return cells;
}

/** The cells holding a formula (<f>), and "?" for an <f> found outside any cell. */
function formulaElements(xml: string): string[] {
  const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  const out = [...xml.matchAll(CELL)]
    .filter((c) => /<f[\s>/]/.test(c[2] ?? ''))
    .map((c) => /\br="([A-Z]+\d+)"/.exec(c[1]!)?.[1] ?? '?');
  if (/<f[\s>/]/.test(xml.replace(CELL, ''))) out.push('?');
  return out;
}
const STRING_TYPES = new Set(['s', 'str', 'inlineStr', 'csv']);
/** Addresses of the cells whose text shows the payload, in order. */
const showing = (cells: Map<string, Cell>, p: string) =>
  [...cells].filter(([, c]) => STRING_TYPES.has(c.type) && c.text.includes(shown(p))).map(([a]) => a);
/** The cells of a column found by its header in row 1 (every cell when no header is named). */
function inColumn(cells: Map<string, Cell>, header: string | undefined): Cell[] {
  if (header === undefined) return [...cells.values()];
  const head = [...cells].find(([a, c]) => /^[A-Z]+1$/.test(a) && c.text === header);
  if (!head)
    throw new Error(
      `no column "${header}" in row 1 (row 1: ${[...cells]
        .filter(([a]) => /^[A-Z]+1$/.test(a))
        .map(([, c]) => c.text)
        .join(' | ')})`,
    );
  const col = head[0].slice(0, -1);
  return [...cells].filter(([a]) => a.replace(/\d+$/, '') === col && a !== head[0]).map(([, c]) => c);
}

// ———————————————————————————————————————— LibreOffice ————————————————————————————————————————

/** Save every sheet as CSV: comma, quote, UTF-8, cells as stored (not as shown), no formulas, all sheets. */
const CSV_EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
/**
 * Open a CSV as a user would who wants its formulas: comma, quote, UTF-8, from row 1, standard
 * columns, quoted fields NOT forced to text, special numbers detected, token 11 "Trim spaces",
 * token 13 "Evaluate formulas" on.
 */
const csvImport = (trim: boolean) => `Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,${trim},0,true`;

// ——————————————————————————————————————————— the run ——————————————————————————————————————————

/** What each output must carry, and where: a column by its header in row 1, or anywhere in the sheet. */
interface Carry {
  sheet: string;
  column?: string;
  /** the payload is the whole cell (a name), or part of a sentence (a talk line, a title). */
  whole: boolean;
  payloads: readonly string[];
  field: string;
}
interface Output {
  name: string;
  run: () => Promise<Run> | Run;
  /** Where the command writes its workbook, and which one it is when it writes several. */
  dir: string;
  pick: RegExp;
  codes: number[];
  carries: Carry[];
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const at = (...p: string[]) => join(tmp.dir, ...p);
const folder = (...p: string[]) => {
  mkdirSync(at(...p), { recursive: true });
  return at(...p);
};
const ALL = PAYLOADS;

const OUTPUTS: Output[] = [
  {
    name: 'retro',
    dir: 'retro/out',
    pick: /^复盘_.*\.xlsx$/,
    codes: [0],
    run: () => {
      // The account is one payload; the bidi override is removed when it is read, leaving "=1+1".
      writeRetroInputs(folder('retro'), PAYLOADS[3]);
      return liveops(
        ['retro', '整体数据.csv', '商品明细.csv', '渠道分析.csv', '客服咨询.csv', '评论.csv', '订单.csv', '-o', 'out/'],
        { cwd: at('retro'), env: NOW },
      );
    },
    carries: [
      { sheet: '商品', column: '商品名称', whole: true, payloads: ALL, field: 'product names' },
      { sheet: '渠道', column: '渠道', whole: true, payloads: ALL, field: 'channel names' },
      { sheet: '未付款跟进', whole: true, payloads: ALL, field: 'unpaid orders: product names' },
      { sheet: '客服', whole: true, payloads: ALL, field: 'consultations: agents' },
      {
        sheet: '评论热点',
        whole: false,
        // 防水's first three distinct questions (the payloads' own words are no hotspot of their own:
        // they are only ever asked within 防水 questions).
        payloads: ['=3+3', '\u200b=3+3', '\ufeff@SUM(1,2)'],
        field: 'example questions',
      },
      { sheet: '概览', whole: false, payloads: [PAYLOADS[3]], field: 'the account, in the title' },
    ],
  },
  {
    name: 'weekly',
    dir: 'weekly/out',
    pick: /^周报_2026-W47\.xlsx$/,
    codes: [3],
    run: () => {
      writeWeeklyInputs(folder('weekly'));
      return liveops(['retro', '--weekly', '.', '--week', '2026-W47', '-o', 'out/'], { cwd: at('weekly'), env: NOW });
    },
    carries: [
      { sheet: '场次', column: '账号', whole: true, payloads: ALL, field: 'accounts' },
      { sheet: '异常', column: '账号', whole: true, payloads: ALL, field: 'accounts' },
      { sheet: '概览', whole: true, payloads: ALL, field: 'accounts (per-account totals)' },
      { sheet: '淘汰建议', column: '商品名称', whole: true, payloads: ALL, field: 'product names' },
      { sheet: '渠道归因', column: '渠道', whole: true, payloads: ALL, field: 'channel names' },
      { sheet: '客服', column: '客服', whole: true, payloads: ALL, field: 'consultation agents' },
    ],
  },
  {
    name: 'select',
    dir: 'select/out',
    pick: /^淘汰清单_2026-W47\.xlsx$/,
    codes: [3],
    run: async () => {
      writeSelectExports(folder('select', 'exports'));
      await writePool(at('select', '选品表.xlsx'), (i) => (i % 2 ? 30 : 300));
      return liveops(['select', 'exports', '--pool', '选品表.xlsx', '--week', '2026-W47', '-o', 'out/'], {
        cwd: at('select'),
        env: NOW,
      });
    },
    carries: [
      { sheet: '淘汰', column: '商品名称', whole: true, payloads: ALL, field: 'product names' },
      { sheet: '选品池', column: '商品名称', whole: true, payloads: ALL, field: 'product names' },
      { sheet: '选品池', column: '品类', whole: true, payloads: ALL, field: 'categories' },
      { sheet: '供应商', column: '供应商', whole: true, payloads: ALL, field: 'supplier names' },
      { sheet: '供应商', column: '品类', whole: true, payloads: ALL, field: 'categories' },
      {
        sheet: '库存',
        column: '商品名称',
        whole: true,
        payloads: PAYLOADS.filter((_p, i) => i % 2 === 1),
        field: 'product names (low stock)',
      },
    ],
  },
  {
    name: 'schedule',
    dir: 'schedule/out',
    pick: /^排期表_2026-12\.xlsx$/,
    codes: [0],
    run: async () => {
      writeScheduleConfig(folder('schedule'));
      await writePool(at('schedule', '选品表.xlsx'), () => 300);
      return liveops(['schedule', '--month', '2026-12', '--pool', '选品表.xlsx', '--no-ics', '-o', 'out/'], {
        cwd: at('schedule'),
        env: NOW,
      });
    },
    carries: [
      { sheet: '排期', column: '账号', whole: true, payloads: ALL, field: 'accounts' },
      // The same eight people are anchors and assistants: the rotation pairs them up, four and four.
      {
        sheet: '排期',
        column: '主播',
        whole: true,
        payloads: PAYLOADS.filter((_p, i) => i % 2 === 0),
        field: 'anchors',
      },
      {
        sheet: '排期',
        column: '助播',
        whole: true,
        payloads: PAYLOADS.filter((_p, i) => i % 2 === 1),
        field: 'assistants',
      },
      { sheet: '排期', column: '主题', whole: true, payloads: [PAYLOADS[6], PAYLOADS[0]], field: 'themes' },
      {
        sheet: '排期',
        column: '福利策略',
        whole: true,
        payloads: [PAYLOADS[0], PAYLOADS[6], PAYLOADS[1]],
        field: 'benefits',
      },
      {
        sheet: '排期',
        column: '引流款',
        whole: false,
        payloads: [PAYLOADS[0], PAYLOADS[3], PAYLOADS[6]],
        field: 'product line-up',
      },
      { sheet: '商品计划', column: '商品名称', whole: true, payloads: ALL, field: 'product names' },
      { sheet: '人员', column: '姓名', whole: true, payloads: ALL, field: 'anchors and assistants' },
    ],
  },
  {
    // From the schedule above: 2026-12-01 is the Tuesday slot, account "\u200b=3+3", anchor "=3+3".
    name: 'script',
    dir: 'schedule/script',
    pick: /^脚本_.*\.xlsx$/,
    codes: [0],
    run: () =>
      liveops(
        [
          'script',
          '--date',
          '2026-12-01',
          '--schedule',
          'out/排期表_2026-12.xlsx',
          '--pool',
          '选品表.xlsx',
          '-o',
          'script/',
        ],
        { cwd: at('schedule'), env: NOW },
      ),
    carries: [
      { sheet: '流程', column: '环节', whole: true, payloads: ALL, field: 'product names' },
      { sheet: '流程', column: '主播话术', whole: false, payloads: ALL, field: 'selling points and FAQ in the talk' },
      {
        sheet: '流程',
        column: '主播话术',
        whole: false,
        payloads: [PAYLOADS[1]],
        field: 'the account, in the opening',
      },
    ],
  },
  {
    name: 'cuesheet',
    dir: 'schedule/script',
    pick: /^场控提示单_.*\.xlsx$/,
    codes: [0],
    run: () => ({ code: 0, stdout: '', stderr: '' }), // written by the script run above
    carries: [{ sheet: '场控提示单', column: '提示', whole: false, payloads: ALL, field: 'product names in the cues' }],
  },
  {
    name: 'trend',
    dir: 'trend/out',
    pick: /^趋势_.*\.xlsx$/,
    codes: [0],
    run: () => {
      // A stream list whose titles are the payloads, imported into a history of its own, then the
      // trend by stream: each title is a row of the workbook.
      const env = { ...NOW, LIVEOPS_HISTORY: at('trend', 'h') };
      writeFileSync(
        join(folder('trend'), '直播明细.csv'),
        csv([
          ['场次ID', '账号', '直播标题', '开播时间', '结束时间', '观看人数', '成交金额', '成交人数'],
          ...PAYLOADS.map((p, i) => [
            `74950000000000000${i}`,
            '山野户外旗舰店',
            p,
            `2026/11/${String(10 + i)} 20:00`,
            `2026/11/${String(10 + i)} 23:00`,
            1000 + i,
            5000 + i,
            50 + i,
          ]),
        ]),
      );
      const imported = liveops(['history', 'import', '直播明细.csv'], { cwd: at('trend'), env });
      if (imported.code !== 0) return imported;
      return liveops(['trend', '--account', '山野户外旗舰店', '--by', 'stream', '--format', 'xlsx', '-o', 'out/'], {
        cwd: at('trend'),
        env,
      });
    },
    carries: [{ sheet: '趋势', column: '标题', whole: true, payloads: ALL, field: 'stream titles' }],
  },
  {
    name: 'kpi',
    dir: 'kpi/out',
    pick: /^KPI_2026-11\.xlsx$/,
    codes: [0],
    run: async () => {
      await writeKpiSheet(join(folder('kpi'), 'kpi.xlsx'));
      return liveops(['kpi', '--month', '2026-11', 'kpi.xlsx', '-o', 'out/'], { cwd: at('kpi'), env: NOW });
    },
    carries: [
      { sheet: '总表', column: '姓名', whole: true, payloads: ALL, field: 'person names' },
      { sheet: '明细', column: '姓名', whole: true, payloads: ALL, field: 'person names' },
      { sheet: '运营', column: '姓名', whole: true, payloads: [PAYLOADS[0], PAYLOADS[4]], field: 'person names' },
      { sheet: '主播', column: '姓名', whole: true, payloads: [PAYLOADS[1], PAYLOADS[5]], field: 'person names' },
      { sheet: '选品', column: '姓名', whole: true, payloads: [PAYLOADS[2], PAYLOADS[6]], field: 'person names' },
      { sheet: '数据分析', column: '姓名', whole: true, payloads: [PAYLOADS[3], PAYLOADS[7]], field: 'person names' },
      { sheet: '激励', whole: true, payloads: ALL, field: 'person names (bonus, allowance, awards)' },
      { sheet: '激励', whole: false, payloads: ALL, field: 'adopted proposals' },
    ],
  },
];

interface Stages {
  run: Run;
  file: string | null;
  /** 1: liveops's xlsx; 2: the CSV LibreOffice saved of each sheet; 3: each CSV opened with formulas on and saved as xlsx. */
  own: Sheet[];
  csv: Map<string, Map<string, Cell>>;
  reopened: Array<{ trim: boolean; sheets: Map<string, Sheet> }>;
}
const stages = new Map<string, Stages>();
let control: Array<{ trim: boolean; sheet: Sheet }> = [];

beforeAll(async () => {
  const gen1 = folder('gen1');
  for (const o of OUTPUTS) {
    const run = await o.run();
    const dir = at(o.dir);
    const found = existsSync(dir) ? readdirSync(dir).filter((f) => o.pick.test(f)) : [];
    let file: string | null = null;
    if (found.length === 1) {
      file = join(gen1, `${o.name}.xlsx`);
      writeFileSync(file, readFileSync(join(dir, found[0]!)));
    }
    stages.set(o.name, { run, file, own: file ? await readXlsx(file) : [], csv: new Map(), reopened: [] });
  }

  // One LibreOffice at a time, with its own profile and HOME.
  const home = folder('lo-home');
  const soffice = (args: string[]) =>
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(home, 'profile')).href}`, '--headless', ...args],
      {
        cwd: tmp.dir,
        stdio: 'pipe',
        timeout: 120_000,
        env: { ...process.env, HOME: home },
      },
    );
  const written = [...stages.values()].flatMap((s) => (s.file ? [s.file] : []));
  soffice(['--convert-to', CSV_EXPORT, '--outdir', folder('csv'), ...written]);

  // The control: the bare payloads, as a CSV written by someone who did not neutralise them.
  writeFileSync(at('csv', 'control.csv'), csv([['payload'], ...PAYLOADS.map((p) => [p])]));
  const csvs = readdirSync(at('csv'))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => at('csv', f));
  for (const trim of [false, true])
    soffice(['--infilter=' + csvImport(trim), '--convert-to', 'xlsx', '--outdir', folder(`reopened-${trim}`), ...csvs]);

  for (const [name, s] of stages) {
    for (const sheet of s.own) {
      const f = at('csv', `${name}-${sheet.name}.csv`);
      if (existsSync(f)) s.csv.set(sheet.name, readCsv(f));
    }
    for (const trim of [false, true]) {
      const sheets = new Map<string, Sheet>();
      for (const sheet of s.own) {
        const f = at(`reopened-${trim}`, `${name}-${sheet.name}.xlsx`);
        if (existsSync(f)) sheets.set(sheet.name, (await readXlsx(f))[0]!);
      }
      s.reopened.push({ trim, sheets });
    }
  }
  control = await Promise.all(
    [false, true].map(async (trim) => ({ trim, sheet: (await readXlsx(at(`reopened-${trim}`, 'control.xlsx')))[0]! })),
  );
}, 170_000);

describe('LibreOffice opens a CSV with "Evaluate formulas" on, as this test uses it', () => {
  it.each([false, true])('the bare payloads in a CSV become formulas there (trim spaces: %s)', (trim) => {
    const sheet = control.find((c) => c.trim === trim)!.sheet;
    // Row 2 is "=3+3", row 8 "=HYPERLINK(…)". LibreOffice's CSV import takes only a leading "=" as
    // a formula sign (Excel takes + - @ too, hence the sign check on every CSV below); a leading
    // zero-width space it drops earlier, on opening the xlsx, so an un-neutralised "\u200b=3+3"
    // reaches the CSV as "=3+3" and comes back as a formula.
    expect(formulaElements(sheet.xml)).toEqual(expect.arrayContaining(['A2', 'A8']));
  });
});

describe.each(OUTPUTS)('$name: no payload becomes a formula, in the xlsx, its CSV, or that CSV reopened', (o) => {
  const s = () => stages.get(o.name)!;

  it('the command runs on the payloads and writes its workbook', () => {
    const { run, file } = s();
    expect(run.stderr).not.toMatch(STACK);
    expect(o.codes, `exit ${run.code}: ${run.stderr}`).toContain(run.code);
    expect(file, `no ${o.pick} in ${o.dir}`).not.toBeNull();
  });

  it("liveops's xlsx: no <f> in any sheet; each payload is where it belongs, as text behind an apostrophe", () => {
    for (const sheet of s().own) expect(formulaElements(sheet.xml), `${o.name} [${sheet.name}]`).toEqual([]);
    for (const c of o.carries) {
      const sheet = s().own.find((x) => x.name === c.sheet);
      expect(
        sheet,
        `${o.name}: no sheet ${c.sheet} (sheets: ${s()
          .own.map((x) => x.name)
          .join(', ')})`,
      ).toBeDefined();
      const cells = inColumn(sheet!.cells, c.column);
      for (const p of c.payloads) {
        const where = `${o.name} [${c.sheet}]${c.column ? ` ${c.column}` : ''} (${c.field}): ${show(p)}`;
        if (c.whole) {
          const hits = cells.filter((x) => isPayload(x.text, p));
          expect(hits.length, `${where} is not a cell of its own`).toBeGreaterThan(0);
          for (const h of hits) expect(h.text.startsWith("'"), `${where} written as ${show(h.text)}`).toBe(true);
        } else
          expect(
            cells.some((x) => x.text.includes(shown(p))),
            `${where} does not appear`,
          ).toBe(true);
      }
    }
  });

  it('the CSV LibreOffice saves of every sheet: each payload reached it, and no cell starts with a formula sign', () => {
    const { own, csv: sheets } = s();
    expect([...sheets.keys()].sort()).toEqual(own.map((x) => x.name).sort());
    for (const c of o.carries) {
      const cells = inColumn(sheets.get(c.sheet)!, c.column);
      for (const p of c.payloads) {
        const where = `${o.name}-${c.sheet}.csv${c.column ? ` ${c.column}` : ''} (${c.field}): ${show(p)}`;
        if (c.whole)
          expect(
            cells.some((x) => isPayload(x.text, p) && x.text.startsWith("'")),
            `${where} missing or without its apostrophe`,
          ).toBe(true);
        else
          expect(
            cells.some((x) => x.text.includes(shown(p))),
            `${where} does not appear`,
          ).toBe(true);
      }
    }
    // What Excel or LibreOffice would take as a formula on opening the CSV: a sign past spaces
    // and invisible characters, in a cell that is not a number.
    for (const [name, cells] of sheets)
      for (const [ref, cell] of cells) {
        const lead = cell.text.replace(
          /^[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/,
          '',
        );
        const live = /^[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(lead) && !/^[+-]?[\d.,]+(E[+-]?\d+)?%?$/i.test(lead);
        expect(live, `${o.name}-${name}.csv!${ref} = ${show(cell.text)}`).toBe(false);
      }
  });

  it.each([false, true])(
    'each CSV reopened with formulas evaluated (trim spaces: %s): no <f>, every payload cell still text at its address',
    (trim) => {
      const { own, csv: sheets, reopened } = s();
      const back = reopened.find((r) => r.trim === trim)!.sheets;
      expect([...back.keys()].sort()).toEqual(own.map((x) => x.name).sort());
      for (const [name, sheet] of back) expect(formulaElements(sheet.xml), `${o.name}-${name} reopened`).toEqual([]);
      for (const sheet of own) {
        const again = back.get(sheet.name)!;
        for (const p of PAYLOADS) {
          const before = showing(sheet.cells, p);
          expect(showing(sheets.get(sheet.name)!, p), `${o.name}-${sheet.name}.csv: cells showing ${show(p)}`).toEqual(
            before,
          );
          expect(showing(again.cells, p), `${o.name}-${sheet.name} reopened: text cells showing ${show(p)}`).toEqual(
            before,
          );
        }
      }
      for (const c of o.carries.filter((x) => x.whole)) {
        const cells = inColumn(back.get(c.sheet)!.cells, c.column);
        for (const p of c.payloads)
          expect(
            cells.some((x) => STRING_TYPES.has(x.type) && isPayload(x.text, p)),
            `${o.name}-${c.sheet} reopened (${c.field}): ${show(p)} as text`,
          ).toBe(true);
      }
    },
  );
});
