/**
 * The history's line in every summary: recorded where, what it replaced and fed, files skipped.
 */
import type { HistoryNote } from '../model/history.js';

export function historyLines(n: HistoryNote, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const lines: string[] = [];
  if (n.error) lines.push(zh ? `历史未记录：${n.error}` : `History not recorded: ${n.error}`);
  else if (n.recorded > 0) {
    const replaced =
      n.replaced > 0 ? (zh ? `，替换了同一记录的旧版本` : `, replacing the earlier record of the same run`) : '';
    lines.push(zh ? `已记入历史 ${n.dir}${replaced}` : `Recorded in the history ${n.dir}${replaced}`);
  }
  for (const u of n.used) lines.push(zh ? `取自历史：${u}` : `From the history: ${u}`);
  for (const s of n.skipped.slice(0, 5))
    lines.push(zh ? `历史文件已跳过：${s.file}：${s.reason}` : `History file skipped: ${s.file}: ${s.reason}`);
  if (n.skipped.length > 5)
    lines.push(
      zh ? `……另有 ${n.skipped.length - 5} 个历史文件已跳过` : `… ${n.skipped.length - 5} more history files skipped`,
    );
  return lines;
}
