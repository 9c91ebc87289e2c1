/**
 * Reading back a schedule liveops wrote (排期表_<month>.xlsx or its --json), for the script draft
 * and the morning brief.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Context } from '../context.js';
import type { ProductRole } from '../domain/roles.js';
import type { ScriptStream } from '../domain/script/draft.js';
import { InputError } from '../errors.js';
import { openRawSource, type RawCell } from '../io/read/raw.js';

export type ScheduledStream = ScriptStream & { productNames: Record<ProductRole, string[]> };

const cellText = (c: RawCell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).trim());

/** The schedule liveops wrote: its --json output, or the 排期 sheet of 排期表_<month>.xlsx (zh or en labels). */
export async function readScheduleFile(ctx: Context, file: string): Promise<ScheduledStream[]> {
  const abs = resolve(ctx.cwd, file);
  const withProducts: ScheduledStream[] = [];
  if (extname(abs).toLowerCase() === '.json') {
    let plan: { streams?: Array<Record<string, unknown>> };
    try {
      plan = JSON.parse(await readFile(abs, 'utf8'));
    } catch (e) {
      throw new InputError({ file }, `not a schedule written by liveops schedule --json: ${(e as Error).message}`);
    }
    for (const s of plan.streams ?? []) {
      withProducts.push({
        date: String(s.date), time: String(s.time), account: (s.account as string) ?? null, anchor: (s.anchor as string) ?? null,
        assistant: (s.assistant as string) ?? null, type: (s.type as string) ?? null, theme: (s.theme as string) ?? null,
        benefit: (s.benefit as string) ?? null, gmvTarget: (s.gmvTarget as number) ?? null,
        productNames: (s.products as Record<ProductRole, string[]>) ?? { 引流款: [], 利润款: [], 形象款: [] },
      });
    }
    return withProducts;
  }
  const LABELS: Record<string, string[]> = {
    date: ['日期', 'Date'], time: ['时段', 'Slot'], account: ['账号', 'Account'], anchor: ['主播', 'Anchor'], assistant: ['助播', 'Assistant'],
    type: ['场次类型', 'Type'], theme: ['主题', 'Theme'], 引流款: ['引流款', 'Traffic drivers'], 利润款: ['利润款', 'Profit'], 形象款: ['形象款', 'Image'],
    benefit: ['福利策略', 'Benefits'], gmvTarget: ['GMV目标', 'GMV target'],
  };
  const source = await openRawSource(abs);
  for await (const sheet of source.sheets) {
    let cols: Record<string, number> | null = null;
    for await (const row of sheet.rows) {
      const texts = row.cells.map(cellText);
      if (!cols) {
        const found = Object.fromEntries(Object.entries(LABELS).map(([k, ls]) => [k, texts.findIndex((t) => ls.includes(t))]));
        if (found.date! >= 0 && found.time! >= 0) cols = found;
        continue;
      }
      const get = (k: string) => (cols![k]! >= 0 ? texts[cols![k]!] ?? '' : '');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(get('date'))) continue;
      const split = (k: string) => get(k).split(/,\s*/).filter(Boolean);
      const target = cols.gmvTarget! >= 0 ? row.cells[cols.gmvTarget!] : null;
      withProducts.push({
        date: get('date'), time: get('time'), account: get('account') || null, anchor: get('anchor') || null, assistant: get('assistant') || null,
        type: get('type') || null, theme: get('theme') || null, benefit: get('benefit') || null, gmvTarget: typeof target === 'number' ? target : null,
        productNames: { 引流款: split('引流款'), 利润款: split('利润款'), 形象款: split('形象款') },
      });
    }
    if (cols) break;
  }
  if (!withProducts.length) throw new InputError({ file }, 'no schedule found: expected the 排期 sheet written by liveops schedule (columns 日期, 时段, …)');
  return withProducts;
}

