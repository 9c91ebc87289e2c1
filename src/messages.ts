/**
 * User-facing text, apart from logic. Chinese by default, English with --lang en.
 */
import type { Layout } from './io/read/detect.js';

export const inspectText = {
  zh: {
    pickFiles: '选择要识别的导出文件',
    wrote: (p: string) => `已写入 ${p}`,
    cannotRead: '无法读取：',
    delimiter: (d: string) => `分隔符 ${d === '\t' ? 'Tab' : d}`,
    layout: { table: '表格', 'single-record': '单行记录', 'key-value': '键值对' } as Record<Layout, string>,
    headerRow: (n: number) => `表头第${n}行`,
    kvItems: (from: number, n: number) => `第${from}行起 ${n} 项指标`,
    emptySheet: '空表',
    rows: (rows: number, total: number, sku: number) =>
      `${rows} 行数据` + (total ? `，${total} 行合计` : '') + (sku ? `，${sku} 行SKU明细` : ''),
    title: '标题：',
    duplicate: (h: string) => `（与「${h}」重复，忽略）`,
    unmapped: '未识别',
    maybe: (f: string) => `可能是 ${f}？`,
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
    headerRow: (n: number) => `header on row ${n}`,
    kvItems: (from: number, n: number) => `${n} metrics from row ${from}`,
    emptySheet: 'empty sheet',
    rows: (rows: number, total: number, sku: number) =>
      `${rows} data rows` + (total ? `, ${total} total rows` : '') + (sku ? `, ${sku} SKU rows` : ''),
    title: 'title:',
    duplicate: (h: string) => `(same field as "${h}", ignored)`,
    unmapped: 'not recognised',
    maybe: (f: string) => `maybe ${f}?`,
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
    ignored: (what: string) => `${what} 不是复盘使用的数据，已跳过`,
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
    ignored: (what: string) => `${what} is not data the retro uses; skipped`,
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
