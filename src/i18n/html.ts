/**
 * The words of the built-in HTML reports (`it.h.t.alerts` in an .html.eta template): one template
 * per command serves both languages. Figures' names come from the metric labels (`it.h.label`).
 */
import { fmtCount, fmtDuration, fmtMoney, fmtRate, type Lang } from '../format.js';
import type { SheetUnit } from './labels.js';
import { templateHelpers } from './template-helpers.js';

const WORDS = {
  zh: {
    /** "预警（2）" */
    counted: (label: string, n: number) => `${label}（${n}）`,
    /** "（12.3%）" */
    paren: (text: string) => `（${text}）`,
    colon: '：',
    listSep: '、',
    retroTitle: '直播复盘',
    weeklyTitle: '周度复盘报告',
    selectTitle: '选品周报',
    unknownAccount: '未知账号',
    unknownDate: '日期未知',
    duration: '时长',
    coreFigures: '核心数据',
    missing: '导出中没有的指标',
    comparison: '对比',
    previous: '上一场',
    median: (n: number) => `近 ${n} 场中位数`,
    vsPrevious: '较上一场',
    vsMedian: '较中位数',
    alerts: '预警',
    noAlerts: '没有触发规则。',
    actions: '改进清单',
    noActions: '没有要跟进的事项。',
    openItems: '待办改进项（历史）',
    carriedOver: '延续',
    due: '截止',
    products: '商品',
    channels: '渠道',
    channel: '渠道',
    trend: '分钟曲线',
    hotspots: '评论与咨询热点',
    consultHotspots: '咨询热点',
    times: (n: number) => `${n} 次`,
    checks: '核对：平台口径 vs 按计数计算',
    stated: '平台数据',
    computed: '计算',
    agrees: '一致',
    differs: '不一致',
    inputs: '数据来源',
    file: '文件',
    sheet: '工作表',
    rows: '行数',
    notUsed: '未使用',
    skipped: '已跳过的文件',
    rank: '排名',
    product: '商品',
    rules: '触发规则',
    share: '占比',
    uvShare: '观看人数占比',
    gmvShare: '成交金额占比',
    paid: '付费',
    natural: '自然',
    streams: '场次',
    stream: '场次',
    start: '开播',
    account: '账号',
    title: '标题',
    lastWeek: '上周',
    target: '周目标',
    achievement: '达成率',
    attribution: '流量来源归因',
    averageConversion: '平均转化率',
    suggestions: '建议',
    eliminate: '淘汰建议',
    insufficient: '数据不足，暂不判断',
    role: '角色',
    pool: '选品池',
    poolBalance: '角色占比 vs 目标',
    count: '数量',
    targetShare: '目标占比',
    gap: '差额',
    stock: '库存预警',
    suppliers: '供应商核查',
    supplier: '供应商',
    backup: '备选供应商',
    candidates: '候选新品',
    none: '无',
    footer: '由 liveops 生成',
    thresholds: '规则阈值',
    minimums: (streams: number, exposures: string) => `至少 ${streams} 场、曝光 ${exposures} 人才判断淘汰`,
  },
  en: {
    counted: (label: string, n: number) => `${label} (${n})`,
    paren: (text: string) => ` (${text})`,
    colon: ': ',
    listSep: ', ',
    retroTitle: 'Stream retro',
    weeklyTitle: 'Weekly report',
    selectTitle: 'Weekly selection',
    unknownAccount: 'unknown account',
    unknownDate: 'date unknown',
    duration: 'duration',
    coreFigures: 'Key figures',
    missing: 'Not in the export',
    comparison: 'Comparison',
    previous: 'previous stream',
    median: (n: number) => `median of the last ${n}`,
    vsPrevious: 'vs previous',
    vsMedian: 'vs median',
    alerts: 'Alerts',
    noAlerts: 'No rule fired.',
    actions: 'Improvements',
    noActions: 'Nothing to follow up.',
    openItems: 'Improvement items still open (history)',
    carriedOver: 'carried over',
    due: 'due',
    products: 'Products',
    channels: 'Channels',
    channel: 'Channel',
    trend: 'Minute curve',
    hotspots: 'Comment and consultation hotspots',
    consultHotspots: 'Consultation hotspots',
    times: (n: number) => (n === 1 ? '1 time' : `${n} times`),
    checks: 'Checks: platform figure vs computed from counts',
    stated: 'Platform',
    computed: 'Computed',
    agrees: 'agrees',
    differs: 'differs',
    inputs: 'Data sources',
    file: 'File',
    sheet: 'Sheet',
    rows: 'Rows',
    notUsed: 'Not used',
    skipped: 'Skipped files',
    rank: 'Rank',
    product: 'Product',
    rules: 'Rules fired',
    share: 'Share',
    uvShare: 'Viewer share',
    gmvShare: 'GMV share',
    paid: 'paid',
    natural: 'natural',
    streams: 'Streams',
    stream: 'Stream',
    start: 'Start',
    account: 'Account',
    title: 'Title',
    lastWeek: 'last week',
    target: 'Weekly target',
    achievement: 'Achievement',
    attribution: 'Traffic attribution',
    averageConversion: 'average conversion',
    suggestions: 'Suggestions',
    eliminate: 'To eliminate',
    insufficient: 'Not enough data to judge',
    role: 'Role',
    pool: 'Selection pool',
    poolBalance: 'Role mix vs target',
    count: 'Count',
    targetShare: 'Target share',
    gap: 'Gap',
    stock: 'Stock warnings',
    suppliers: 'Supplier checks',
    supplier: 'Supplier',
    backup: 'Backup suppliers',
    candidates: 'Candidates',
    none: 'none',
    footer: 'Made by liveops',
    thresholds: 'Rule thresholds',
    minimums: (streams: number, exposures: string) =>
      `judged only with at least ${streams} streams and ${exposures} exposed viewers`,
  },
};

export type HtmlWords = (typeof WORDS)['zh'];

/** A figure as the sheets' number formats show its unit: ¥1,234.00, 12.34%, 1,234, 1分5秒, 1.23. */
function inUnit(v: number, unit: SheetUnit, lang: Lang): string {
  switch (unit) {
    case 'money':
      return fmtMoney(v);
    case 'rate':
      return fmtRate(v);
    case 'count':
      return fmtCount(v);
    case 'duration':
      return fmtDuration(v, lang);
    case 'number':
      return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}

/** The helpers of an HTML template: the Markdown ones, its words, and a file's name without its folder. */
export function htmlTemplateHelpers(lang: Lang) {
  const t: HtmlWords = WORDS[lang];
  return {
    ...templateHelpers(lang),
    t,
    /** A figure in its unit, as a sheet's cell format would show it. */
    unit: (v: number | null | undefined, unit: SheetUnit) =>
      v === null || v === undefined ? '—' : inUnit(v, unit, lang),
    /** A change's class: up, down or none. */
    dir: (v: number | null | undefined) => (v === null || v === undefined || v === 0 ? '' : v > 0 ? 'up' : 'down'),
    base: (path: string | null | undefined) => (path ? (path.split(/[\\/]/).pop() ?? path) : ''),
  };
}
