/**
 * `history import` and `history info` on a terminal, laid out within its width, and their log lines.
 */
import type { Lang } from '../../format.js';
import { counted } from '../../i18n/plural.js';
import { fit, table } from '../../ui/layout.js';
import type { Palette } from '../../ui/terminal.js';
import type { ImportReport, InfoReport } from './types.js';

export const historyText = {
  zh: {
    imported: (n: number, files: number) => `已导入 ${n} 场直播（${files} 个文件）`,
    account: '账号',
    platform: '平台',
    streams: '场次',
    months: '月份',
    replaced: '替换',
    retro: '已有复盘',
    retroNote: '已有复盘的场次，历史中仍以复盘数据为准',
    skipped: (n: number) => `已跳过 ${n} 个文件`,
    noList: '没有直播明细（场次列表）表格',
    where: '历史',
    none: '（空）',
    tables: '数据表',
    table: '表',
    files: '文件',
    rows: '行',
    accounts: (n: number) => `账号 ${n} 个`,
    covered: '覆盖月份',
    skippedFiles: (n: number) => `已跳过的历史文件 ${n} 个（损坏或未写完）`,
    stray: '不是 liveops 写入的历史文件：未读取',
    warnings: '数值提示',
  },
  en: {
    imported: (n: number, files: number) => `Imported ${counted(n, 'stream')} (${counted(files, 'file')})`,
    account: 'Account',
    platform: 'Platform',
    streams: 'Streams',
    months: 'Months',
    replaced: 'Replaced',
    retro: 'Retro’d',
    retroNote: 'streams with a retro keep the retro’s figures in the history',
    skipped: (n: number) => `${counted(n, 'file')} skipped`,
    noList: 'no stream list (直播明细 / 分场次效果) in it',
    where: 'History',
    none: '(empty)',
    tables: 'Tables',
    table: 'Table',
    files: 'Files',
    rows: 'Rows',
    accounts: (n: number) => counted(n, 'account'),
    covered: 'Months covered',
    skippedFiles: (n: number) => `${counted(n, 'history file')} skipped (damaged or incomplete)`,
    stray: 'not a history file liveops wrote: not read',
    warnings: 'Values to check',
  },
};

export function importLogLine(r: ImportReport): string {
  const replaced = r.accounts.reduce((s, a) => s + a.replaced, 0);
  return (
    `liveops history import: ${counted(r.streams, 'stream')} of ${counted(r.accounts.length, 'account')} from ${counted(r.files.length, 'file')}, ` +
    `${replaced} replaced, ${r.skipped.length} skipped → ${r.history.dir}${r.history.error ? ` (not recorded: ${r.history.error})` : ''}`
  );
}

export function renderImportSummary(r: ImportReport, lang: Lang, p: Palette, width = 80): string {
  const m = historyText[lang];
  const out: string[] = [p.bold(m.imported(r.streams, r.files.length))];
  if (r.accounts.length) {
    out.push(
      ...table(
        [
          [m.account, m.platform, m.streams, m.months, m.replaced, m.retro].map((h) => p.dim(h)),
          ...r.accounts.map((a) => [
            a.account,
            a.platform,
            String(a.streams),
            a.months.join(', '),
            String(a.replaced),
            String(a.retro),
          ]),
        ],
        [{ wrap: true }, {}, { align: 'right' }, { wrap: true }, { align: 'right' }, { align: 'right' }],
        width,
        { indent: 2 },
      ),
    );
    if (r.accounts.some((a) => a.retro > 0)) out.push(`  ${p.dim(m.retroNote)}`);
  }
  if (r.skipped.length) {
    out.push('', p.yellow(m.skipped(r.skipped.length)));
    out.push(
      ...fit(
        r.skipped.map((s) => `  ${s.file} — ${s.reason}`),
        width,
      ),
    );
  }
  if (r.warnings.length)
    out.push(
      '',
      m.warnings,
      ...fit(
        r.warnings.map((w) => `  ${w}`),
        width,
      ),
    );
  return `${out.join('\n')}\n`;
}

export function infoLogLine(r: InfoReport): string {
  const rows = r.tables.find((t) => t.table === 'streams')?.rows ?? 0;
  return `liveops history info: ${r.dir}: ${counted(r.streams, 'stream')} (${rows} stream rows), ${counted(r.accounts.length, 'account')}, ${r.skipped.length} skipped file${r.skipped.length === 1 ? '' : 's'}`;
}

export function renderInfoSummary(r: InfoReport, lang: Lang, p: Palette, width = 80): string {
  const m = historyText[lang];
  const out: string[] = [`${p.bold(m.where)} ${r.dir}${r.exists ? '' : ` ${p.dim(m.none)}`}`];
  const used = r.tables.filter((t) => t.files > 0);
  if (used.length) {
    out.push('', p.bold(m.tables));
    out.push(
      ...table(
        [
          [m.table, m.files, m.rows].map((h) => p.dim(h)),
          ...used.map((t) => [t.table, String(t.files), String(t.rows)]),
        ],
        [{}, { align: 'right' }, { align: 'right' }],
        width,
        { indent: 2 },
      ),
    );
  }
  if (r.accounts.length) {
    out.push('', p.bold(m.accounts(r.accounts.length)));
    out.push(
      ...table(
        [
          [m.account, m.platform, m.streams, m.months].map((h) => p.dim(h)),
          ...r.accounts.map((a) => [a.account, a.platform, String(a.streams), a.months.join(', ')]),
        ],
        [{ wrap: true }, {}, { align: 'right' }, { wrap: true }],
        width,
        { indent: 2 },
      ),
    );
  }
  if (r.months.length)
    out.push('', `${m.covered}${lang === 'zh' ? '：' : ': '}${r.months.join(lang === 'zh' ? '、' : ', ')}`);
  if (r.skipped.length) {
    out.push('', p.yellow(m.skippedFiles(r.skipped.length)));
    out.push(
      ...fit(
        r.skipped.map((s) => `  ${s.file} — ${s.reason}`),
        width,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
