/**
 * What `liveops schedule` and the morning brief share: the pool (选品表) as the plan's products,
 * and the month's plan with the settings the config gives.
 */
import type { ScheduleSettings } from '../config/schedule-section.js';
import type { Context } from '../context.js';
import type { ProductRole } from '../domain/roles.js';
import { buildSchedule, type EliminatedProduct, type PoolProduct } from '../domain/schedule/plan.js';
import { UsageError } from '../errors.js';
import { readExports } from './exports.js';
import { expandInputs } from './files.js';
import { unusedColumnsLines } from '../i18n/messages.js';
import { localiseSchedule, type LocalisedSchedule } from '../i18n/schedule.js';
import { logger } from '../ui/terminal.js';

/** The products of the selection tables given with --pool; `required`: finding none is an error. */
export async function readPool(ctx: Context, args: string[], required: boolean): Promise<PoolProduct[]> {
  if (args.length === 0) return [];
  const { files, ignored } = await expandInputs(ctx.cwd, args);
  const ex = await readExports(ctx, files, ignored);
  if (ex.skipped.length) throw new UsageError(`--pool ${ex.skipped[0]!.file}: ${ex.skipped[0]!.reason}`);
  if (required && ex.pool.length === 0)
    throw new UsageError(`--pool ${args.join(' ')}: no selection table (选品表) found; run liveops inspect on it`);
  for (const line of unusedColumnsLines(ex.unusedColumns, ctx.lang)) logger(ctx.term).warn(line);
  return ex.pool.map(({ id, name, role, livePrice, commissionRate, stock, giveaway }) => ({
    id,
    name,
    role,
    livePrice,
    commissionRate,
    stock,
    giveaway,
  }));
}

/**
 * The month's plan in the user's language (both the schedule and the brief show its labels):
 * thresholds, the retro deadline and the role tiers come from the config.
 */
export function planMonth(
  ctx: Context,
  month: string,
  settings: ScheduleSettings,
  monthTarget: number | null,
  pool: PoolProduct[],
  /** The schedule command's: the latest selection's eliminations (history) and today for past rehearsals. */
  extra: { eliminated?: EliminatedProduct[]; today?: string | null } = {},
): LocalisedSchedule {
  const plan = buildSchedule({
    month,
    settings,
    monthTarget,
    pool,
    stockLow: ctx.config.thresholds['stock-low'] ?? 50,
    rehearsalDays: ctx.config.thresholds.rehearsal ?? 2,
    retroHours: ctx.config.retroDeadline.sheetHours,
    roleTiers: ctx.config.select,
    ...extra,
  });
  return localiseSchedule(plan, ctx.lang);
}

/** A stream's products in line-up order: traffic drivers, profit, image. */
export const lineUp = (products: Record<ProductRole, string[]>): string[] => [
  ...products.引流款,
  ...products.利润款,
  ...products.形象款,
];
