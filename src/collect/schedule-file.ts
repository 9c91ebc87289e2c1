/**
 * Reading back a schedule liveops wrote (排期表_<month>.xlsx or its --json), for the script draft
 * and the morning brief: the plan the workbook carries (own-model), never its visible labels, so a
 * team's edited template loses nothing.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Context } from '../context.js';
import type { ProductRole } from '../domain/roles.js';
import type { ScriptStream } from '../domain/script/draft.js';
import { InputError } from '../errors.js';
import { readOwnModel } from '../io/read/own-workbook.js';

export type ScheduledStream = ScriptStream & { productNames: Record<ProductRole, string[]> };

const REMEDY =
  'pass the 排期表_<month>.xlsx (or the --json) that liveops schedule wrote; run liveops schedule again if it is older';

/** The schedule liveops wrote: its --json output, or the plan inside 排期表_<month>.xlsx. */
export async function readScheduleFile(ctx: Context, file: string): Promise<ScheduledStream[]> {
  const abs = resolve(ctx.cwd, file);
  let plan: { streams?: Array<Record<string, unknown>> };
  if (extname(abs).toLowerCase() === '.json') {
    try {
      plan = JSON.parse(await readFile(abs, 'utf8'));
    } catch (e) {
      throw new InputError({ file }, `not a schedule written by liveops schedule --json: ${(e as Error).message}`);
    }
  } else {
    plan = (await readOwnModel(abs, file, 'schedule', REMEDY)) as typeof plan;
  }
  const streams = (plan.streams ?? []).map((s): ScheduledStream => ({
    date: String(s.date),
    time: String(s.time),
    account: (s.account as string) ?? null,
    anchor: (s.anchor as string) ?? null,
    assistant: (s.assistant as string) ?? null,
    type: ((s.typeLabel ?? s.type) as string) ?? null,
    theme: (s.theme as string) ?? null,
    benefit: (s.benefit as string) ?? null,
    gmvTarget: (s.gmvTarget as number) ?? null,
    productNames: (s.products as Record<ProductRole, string[]>) ?? { 引流款: [], 利润款: [], 形象款: [] },
  }));
  if (!streams.length) throw new InputError({ file }, `no streams in this schedule; ${REMEDY}`);
  return streams;
}
