/**
 * User-facing text, apart from logic. Chinese by default, English with --lang en.
 */
import { KIND_LABELS, type Layout } from '../io/read/detect.js';
import type { ValueType } from '../io/read/values.js';
import type { ValueWarning } from '../io/read/tables.js';
import type { NotUsed } from '../model/not-used.js';
import type { Palette } from '../ui/terminal.js';
import { counted } from './plural.js';

export const inspectText = {
  zh: {
    pickFiles: '选择要识别的导出文件',
    wrote: (p: string) => `已写入 ${p}`,
    cannotRead: '无法读取：',
    delimiter: (d: string) => `分隔符 ${d === '\t' ? 'Tab' : d}`,
    layout: { table: '表格', 'single-record': '单行记录', 'key-value': '键值对' } as Record<Layout, string>,
    valueType: {
      money: '金额',
      count: '数量',
      number: '数值',
      rate: '比率',
      duration: '时长',
      datetime: '日期时间',
      'datetime-range': '起止时间',
      date: '日期',
      time: '时刻',
      text: '文本',
      id: '编号',
      boolean: '是/否',
    } as Record<ValueType, string>,
    headerRow: (n: number) => `表头第${n}行`,
    kvItems: (from: number, n: number) => `第${from}行起 ${n} 项指标`,
    emptySheet: '空表',
    rows: (rows: number, total: number, sku: number) =>
      `${rows} 行数据` + (total ? `，${total} 行合计` : '') + (sku ? `，${sku} 行SKU明细` : ''),
    title: '标题：',
    duplicate: (h: string) => `（与「${h}」重复，忽略）`,
    unmapped: '未识别',
    maybe: (f: string) => `可能是 ${f}？`,
    unit: (u: string) => `单位 ${u}`,
    viaConfig: '配置映射',
    targetOf: (f: string) => `${f} 的目标`,
    unmappedHint: '未识别的列可在配置文件 liveops.config.yaml 中映射：',
    fieldsHint: '可用字段见 liveops inspect --fields',
    missingRequired: (names: string) => `缺少必需列：${names}`,
    problem: (row: number, col: string, header: string, raw: string, expected: string) =>
      `第${row}行 ${col}列「${header}」："${raw}" 不是有效值（应为 ${expected}）`,
    moreProblems: (n: number) => `……另有 ${n} 处数值问题`,
    fieldsTitle: '字段ID                   类型            名称  常见表头',
  },
  en: {
    pickFiles: 'Pick the exports to inspect',
    wrote: (p: string) => `wrote ${p}`,
    cannotRead: 'cannot read:',
    delimiter: (d: string) => `delimiter ${d === '\t' ? 'tab' : d}`,
    layout: { table: 'table', 'single-record': 'single record', 'key-value': 'key/value' } as Record<Layout, string>,
    valueType: {
      money: 'money',
      count: 'count',
      number: 'number',
      rate: 'rate',
      duration: 'duration',
      datetime: 'date-time',
      'datetime-range': 'start–end',
      date: 'date',
      time: 'time of day',
      text: 'text',
      id: 'ID',
      boolean: 'yes/no',
    } as Record<ValueType, string>,
    headerRow: (n: number) => `header on row ${n}`,
    kvItems: (from: number, n: number) => `${counted(n, 'metric')} from row ${from}`,
    emptySheet: 'empty sheet',
    rows: (rows: number, total: number, sku: number) =>
      counted(rows, 'data row') +
      (total ? `, ${counted(total, 'total row')}` : '') +
      (sku ? `, ${counted(sku, 'SKU row')}` : ''),
    title: 'title:',
    duplicate: (h: string) => `(same field as "${h}", ignored)`,
    unmapped: 'not recognised',
    maybe: (f: string) => `maybe ${f}?`,
    unit: (u: string) => `in ${u}`,
    viaConfig: 'mapped in the config',
    targetOf: (f: string) => `target of ${f}`,
    unmappedHint: 'Map unrecognised headers in the config file liveops.config.yaml:',
    fieldsHint: 'field ids: liveops inspect --fields',
    missingRequired: (names: string) => `missing required column: ${names}`,
    problem: (row: number, col: string, header: string, raw: string, expected: string) =>
      `row ${row}, column ${col} "${header}": "${raw}" is not ${expected}`,
    moreProblems: (n: number) => `… and ${n} more value problems`,
    fieldsTitle: 'field id                 type            label  common headers',
  },
};

export const initText = {
  zh: {
    done: '已创建配置文件和可编辑的模板：',
    next: '编辑 liveops.config.yaml 中的阈值，或在 Excel/WPS 中修改 templates/ 下的模板；之后在此文件夹运行的命令会使用它们。',
  },
  en: {
    done: 'Created the config file and editable templates:',
    next: 'Edit the thresholds in liveops.config.yaml, or the templates in templates/ with Excel/WPS; commands run in this folder use them.',
  },
};

export const retroText = {
  zh: {
    pickFiles: '选择这场直播的导出文件',
    title: '复盘',
    undated: '日期未知',
    unknownAccount: '未知账号',
    traffic: '流量结构',
    natural: '自然',
    paid: '付费',
    ofViewers: '（占观看人数）',
    comparison: (n: number) => `对比（上一场 / 近${n}场中位数）`,
    vsPrevious: '较上一场',
    vsMedian: '较中位数',
    checks: '平台数据与计数不一致：',
    stated: '平台显示',
    computed: '按计数计算',
    alerts: (n: number) => `预警（${n}）`,
    noAlerts: '没有触发规则',
    hotspots: '评论与咨询热点',
    fromComments: '评论提问',
    fromConsultations: '客服咨询',
    actions: (n: number) => `改进清单（${n}）`,
    more: (n: number) => `……另有 ${n} 项，见复盘表`,
    missing: '导出中没有的指标：',
    wrote: '已写入',
  },
  en: {
    pickFiles: 'Pick the exports of this stream',
    title: 'Retro',
    undated: 'date unknown',
    unknownAccount: 'unknown account',
    traffic: 'Traffic',
    natural: 'natural',
    paid: 'paid',
    ofViewers: '(of viewers)',
    comparison: (n: number) => `Compared (previous stream / median of last ${n})`,
    vsPrevious: 'vs previous',
    vsMedian: 'vs median',
    checks: 'Platform figures that disagree with the counts:',
    stated: 'platform shows',
    computed: 'counts give',
    alerts: (n: number) => `Alerts (${n})`,
    noAlerts: 'no rule fired',
    hotspots: 'Comment and consultation hotspots',
    fromComments: 'questions in comments',
    fromConsultations: 'consultations',
    actions: (n: number) => `Improvement list (${n})`,
    more: (n: number) => `… ${n} more in the retro sheet`,
    missing: 'Not in the exports:',
    wrote: 'wrote',
  },
};

export const weeklyText = {
  zh: {
    title: '周度复盘',
    streams: '场次',
    streamCount: (n: number | null) => `${n ?? '—'} 场`,
    uvValue: 'UV价值',
    conversion: '转化率',
    click: '点击率',
    vsPrevious: (id: string) => `较 ${id}`,
    target: '周目标',
    achieved: '达成',
    attribution: (avg: string) => `流量来源归因（平均订单转化率 ${avg}，成交订单数 ÷ 观看次数）`,
    orderConversion: '订单转化率',
    eliminate: (n: number) => `淘汰建议（${n}）`,
    insufficient: (names: string) => `数据不足，暂不判断：${names}`,
    alerts: (n: number) => `预警（${n}）`,
    hotspots: '本周咨询热点',
    skipped: (n: number) => `无法读取、已跳过的文件（${n}）：`,
    wrote: '已写入',
    nothing: (w: { id: string; since: string; until: string }) =>
      `没有 ${w.id}（${w.since} – ${w.until}）可用的数据：既没有该周的场次，也没有商品数据`,
    skippedFiles: (list: string) => `跳过的文件：${list}`,
  },
  en: {
    title: 'Weekly report',
    streams: 'streams',
    streamCount: (n: number | null) => (n === null ? '— streams' : counted(n, 'stream')),
    uvValue: 'UV value',
    conversion: 'conversion',
    click: 'click rate',
    vsPrevious: (id: string) => `vs ${id}`,
    target: 'weekly target',
    achieved: 'achieved',
    attribution: (avg: string) => `Traffic-source attribution (average order conversion ${avg}, orders ÷ views)`,
    orderConversion: 'order conversion',
    eliminate: (n: number) => `Elimination suggestions (${n})`,
    insufficient: (names: string) => `Not enough data to judge: ${names}`,
    alerts: (n: number) => `Alerts (${n})`,
    hotspots: 'Consultation hotspots of the week',
    skipped: (n: number) => `Files that could not be read and were skipped (${n}):`,
    wrote: 'wrote',
    nothing: (w: { id: string; since: string; until: string }) =>
      `nothing usable for ${w.id} (${w.since} – ${w.until}): no streams of that week and no product data`,
    skippedFiles: (list: string) => `skipped files: ${list}`,
  },
};

export const selectText = {
  zh: {
    pickFiles: '选择本周的商品导出文件',
    title: '选品周报',
    products: '个商品',
    eliminate: (n: number) => `淘汰清单（${n}）`,
    none: '没有需要淘汰的商品',
    click: '周点击率',
    conversion: '周转化率',
    streams: '场',
    insufficient: (list: string) => `数据不足，暂不判断：${list}`,
    derived: '曝光或成交人数由导出中的点击率、转化率推算',
    pool: (n: number) => `选品池（${n}）`,
    target: '目标',
    stock: (n: number) => `库存预警（${n}）`,
    suppliers: (n: number) => `供应商检查（${n}）`,
    candidates: '潜力款（顾客在问、选品池没有）',
    skipped: (n: number) => `无法读取、已跳过的文件（${n}）：`,
    wrote: '已写入',
    nothing: '没有可用的商品数据或选品表',
    skippedFiles: (list: string) => `跳过的文件：${list}`,
  },
  en: {
    pickFiles: "Pick the week's product exports",
    title: 'Selection report',
    products: 'products',
    eliminate: (n: number) => `Elimination list (${n})`,
    none: 'nothing to eliminate',
    click: 'weekly click rate',
    conversion: 'weekly conversion',
    streams: 'streams',
    insufficient: (list: string) => `Not enough data to judge: ${list}`,
    derived: 'exposures or buyers derived from the click and conversion rates the exports state',
    pool: (n: number) => `Product pool (${n})`,
    target: 'target',
    stock: (n: number) => `Stock warnings (${n})`,
    suppliers: (n: number) => `Supplier checks (${n})`,
    candidates: 'Candidates (customers ask, the pool lacks)',
    skipped: (n: number) => `Files that could not be read and were skipped (${n}):`,
    wrote: 'wrote',
    nothing: 'no product data and no selection table found',
    skippedFiles: (list: string) => `skipped files: ${list}`,
  },
};

/** A value read as written but unlikely meant so (io/read/tables.ts `ValueWarning`), one line naming its cell. */
export function valueWarningText(w: ValueWarning, lang: 'zh' | 'en', where: string): string {
  const num = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (w.code === 'unended-last-row') {
    return lang === 'zh'
      ? `${where} 第${w.row}行：文件在最后一行中间结束（后面没有换行），可能被截断；请核对最后一行的数值，如有缺失请重新导出`
      : `${where}:${w.row}: the file ends inside its last row (no line break after it): it may be cut off; check the last row's figures and export again if any is short`;
  }
  if (w.code === 'duplicate-differs') {
    const f = w.first;
    return lang === 'zh'
      ? `${where}：${f.column}列「${f.header}」与${w.column}列「${w.header}」是重复的同一指标，两列有 ${w.value} 行数值不同（首次在第${w.row}行）；已使用 ${f.column}列 — 如应使用另一列，请删除或改名其中一列，或在配置 headers: 中映射`
      : `${where}: columns ${f.column} "${f.header}" and ${w.column} "${w.header}" are the same metric twice (a duplicate) and differ on ${w.value} row${w.value === 1 ? '' : 's'} (first on row ${w.row}); column ${f.column} is used — if the other one is right, delete or rename one of them, or map it in the config's headers:`;
  }
  if (w.code === 'rate-above-100') {
    const pct = `${num(w.value * 100)}%`;
    return lang === 'zh'
      ? `${where} 第${w.row}行 ${w.column}列「${w.header}」：读作 ${pct}，高于 100%；若该列按百分数填写（5 表示 5%），请在表头注明 (%)，如「${w.header}(%)」`
      : `${where}:${w.row} column ${w.column} "${w.header}": reads as ${pct}, above 100 %; if the column is in percent (5 meaning 5 %), say so in its header: "${w.header}(%)"`;
  }
  const t = w.target;
  return lang === 'zh'
    ? `${where} 第${w.row}行 ${w.column}列「${w.header}」${num(w.value)} 与「${t.header}」${num(t.value)} 相差上千倍：是否有一列以万元填写？请在表头注明单位，如「${w.header}(万元)」`
    : `${where}:${w.row} column ${w.column} "${w.header}" ${num(w.value)} is over 1,000× off its target "${t.header}" ${num(t.value)}: is one of them in 万元? Say the unit in the header, e.g. "${w.header}(万元)"`;
}

/** Columns of an input that no field matched, so no figure came from them. */
export interface UnusedColumns {
  file: string;
  sheet: string | null;
  headers: string[];
}

/** One line per table: "未识别的列（未使用）：file [sheet]：A、B" — for every command's summary. */
export function unusedColumnsLines(list: readonly UnusedColumns[], lang: 'zh' | 'en'): string[] {
  return list
    .filter((u) => u.headers.length > 0)
    .map((u) => {
      const where = `${u.file}${u.sheet ? ` [${u.sheet}]` : ''}`;
      return lang === 'zh'
        ? `未识别的列（未使用）：${where}：${u.headers.join('、')} — 如需使用，请在配置 headers: 中映射（liveops inspect ${u.file}）`
        : `columns not recognised (not used): ${where}: ${u.headers.join(', ')} — map them in the config's headers: to use them (liveops inspect ${u.file})`;
    });
}

/** Files and rows left out because they are dated outside the report's period. */
export function outsideLines(
  outside: ReadonlyArray<{ file: string; reason: string }>,
  rows: ReadonlyArray<{ file: string; rows: number }>,
  lang: 'zh' | 'en',
): string[] {
  const out: string[] = [];
  if (outside.length) {
    out.push(lang === 'zh' ? `未计入的文件（${outside.length}）：` : `Files left out (${outside.length}):`);
    for (const o of outside) out.push(`  ${o.file}: ${o.reason}`);
  }
  for (const r of rows) {
    out.push(
      lang === 'zh'
        ? `${r.file}：${r.rows} 行的时间不属于本期，未计入`
        : `${r.file}: ${counted(r.rows, 'row')} dated outside the period, left out`,
    );
  }
  return out;
}

/** A report on a period not over yet says so in its title and log line. */
export function periodNote(unfinished: { asOf: string } | null, lang: 'zh' | 'en'): string {
  if (!unfinished) return '';
  return lang === 'zh'
    ? `（未完结：数据截至 ${unfinished.asOf}）`
    : ` (not finished: figures up to ${unfinished.asOf})`;
}

/** Files a command read but found nothing in that it uses (no table it knows, a liveops report): named, with why. */
export function notUsedLines(ignored: readonly NotUsed[], lang: 'zh' | 'en'): string[] {
  if (!ignored.length) return [];
  const head = lang === 'zh' ? `未使用的文件（${ignored.length}）：` : `Files not used (${ignored.length}):`;
  return [head, ...ignored.map((n) => `  ${fileAndSheet(n.file, n.sheet)} — ${notUsedReason(n, lang)}`)];
}

/** The list with each reason in words, for --json readers. */
export function withReasons(list: readonly NotUsed[], lang: 'zh' | 'en'): NotUsed[] {
  return list.map((n) => ({ ...n, reason: notUsedReason(n, lang) }));
}

/** "file [sheet]", or the file alone for a CSV: where a table is, in a message. */
export function fileAndSheet(file: string, sheet: string | null | undefined): string {
  return sheet ? `${file} [${sheet}]` : file;
}

/** Why a file gave nothing, in a few words (see model/not-used.ts). */
export function notUsedReason(n: NotUsed, lang: 'zh' | 'en'): string {
  const kind = n.kind ? KIND_LABELS[n.kind][lang] : '';
  switch (n.why) {
    case 'empty':
      return lang === 'zh' ? '空文件：没有任何数据' : 'empty: no data in it';
    case 'no-rows':
      return lang === 'zh' ? `只有表头（${kind}），没有数据行` : `header only (${kind}): no data rows`;
    case 'no-header':
      return lang === 'zh'
        ? '找不到表头：没有可识别的列（缺少表头行，或不是平台导出；用 liveops inspect 查看）'
        : 'no header found: no column the tool knows (the header row is missing, or it is not a platform export; see liveops inspect)';
    case 'other-kind':
      return lang === 'zh' ? `${kind}：本命令不使用这类表格` : `${kind}: a table this command does not use`;
    case 'liveops-report':
      return lang === 'zh' ? 'liveops 生成的报表，不作为导出数据读取' : 'a report liveops wrote, not read as an export';
    case 'not-an-export':
      return lang === 'zh'
        ? '不是导出文件（只读取 .csv / .tsv / .xlsx）'
        : 'not an export (only .csv, .tsv and .xlsx are read)';
  }
}

/** What a report over a folder of exports says after its figures: the files skipped, not used, written, warned about or left out, and the columns not recognised. */
export function readNoteLines(
  r: {
    skipped: ReadonlyArray<{ file: string; reason: string }>;
    ignored: readonly NotUsed[];
    outputs: readonly string[];
    readWarnings: readonly string[];
    outside: ReadonlyArray<{ file: string; reason: string }>;
    rowsOutside: ReadonlyArray<{ file: string; rows: number }>;
    unusedColumns: readonly UnusedColumns[];
  },
  lang: 'zh' | 'en',
  p: Palette,
  m: { skipped: (n: number) => string; wrote: string },
): string[] {
  const out: string[] = [];
  if (r.skipped.length) {
    out.push('', p.yellow(m.skipped(r.skipped.length)));
    for (const s of r.skipped) out.push(`  ${s.file}: ${s.reason}`);
  }
  const notUsed = notUsedLines(r.ignored, lang);
  if (notUsed.length) out.push('', ...notUsed.map((l) => p.yellow(l)));
  for (const o of r.outputs) out.push('', `${m.wrote} ${o}`);
  if (r.readWarnings.length) out.push('', ...r.readWarnings.map((l) => p.yellow(l)));
  const outside = outsideLines(r.outside, r.rowsOutside, lang);
  if (outside.length) out.push('', ...outside.map((l) => p.yellow(l)));
  const unused = unusedColumnsLines(r.unusedColumns, lang);
  if (unused.length) out.push('', ...unused.map((l) => p.dim(l)));
  return out;
}

/** Charts were drawn, but no Chinese font was found on this machine to draw their labels. */
export function noChineseFontText(lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? '图表已写入，但本机没有中文字体，图表里的中文可能显示为方框：请安装中文字体（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk）后重新生成'
    : 'charts were written, but this machine has no Chinese font, so their Chinese labels may show as boxes: install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and run again';
}
