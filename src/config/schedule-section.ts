/**
 * The config file's `schedule:` section: targets, recurring slots, special streams, the roster,
 * the product mix per stream, members-only streams and benefit strategies.
 */
import type { ScheduleSection } from './file-schema.js';

export type { ScheduleSection };

const TIME_RANGE = /^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$/;

export { STREAM_TYPES, weekdayOf, type StreamType } from './stream-types.js';
import { weekdayOf, type StreamType } from './stream-types.js';

export interface Slot {
  weekdays: number[];
  time: string;
  account: string | null;
  type: StreamType;
  theme: string | null;
}

export interface ScheduleSettings {
  annualGmv: number | null;
  monthWeights: Record<number, number>;
  typeWeights: Record<StreamType, number>;
  account: string | null;
  slots: Slot[];
  special: Array<{ date: string; time: string | null; account: string | null; type: StreamType; theme: string | null }>;
  anchors: Array<{ name: string; daysOff: string[]; accounts: string[] | null }>;
  assistants: Array<{ name: string; daysOff: string[]; accounts: string[] | null }>;
  productMix: Record<'引流款' | '利润款' | '形象款', number>;
  members: Array<{
    category: string;
    repurchaseDays: number;
    day: number;
    time: string | null;
    account: string | null;
  }>;
  benefits: Record<StreamType, string>;
}

export const SCHEDULE_DEFAULTS = {
  typeWeights: { 日常场: 1, 专场: 1.5, 品牌联名场: 2, 会员专属场: 1.2 } as Record<StreamType, number>,
  productMix: { 引流款: 2, 利润款: 3, 形象款: 1 },
  benefits: {
    日常场: '整点福袋 + 评论扣1抽奖',
    专场: '主题满减 + 限量秒杀',
    品牌联名场: '联名限定赠品 + 下单抽奖',
    会员专属场: '会员专享价 + 复购券',
  } as Record<StreamType, string>,
};

const normDays = (days: Array<string | number> | undefined) =>
  (days ?? []).map((d) => (typeof d === 'string' && /^\d{4}-/.test(d) ? d : String(weekdayOf(d))));

export function resolveSchedule(s: ScheduleSection | undefined): ScheduleSettings {
  return {
    annualGmv: s?.annualGmv ?? null,
    monthWeights: Object.fromEntries(Object.entries(s?.monthWeights ?? {}).map(([m, w]) => [Number(m), w])),
    typeWeights: { ...SCHEDULE_DEFAULTS.typeWeights, ...(s?.typeWeights ?? {}) },
    account: s?.account ?? null,
    slots: (s?.slots ?? []).map((x) => ({
      weekdays: x.weekdays.map((w) => weekdayOf(w) as number),
      time: x.time,
      account: x.account ?? null,
      type: x.type ?? '日常场',
      theme: x.theme ?? null,
    })),
    special: (s?.special ?? []).map((x) => ({
      date: x.date,
      time: x.time ?? null,
      account: x.account ?? null,
      type: x.type,
      theme: x.theme ?? null,
    })),
    anchors: (s?.roster?.anchors ?? []).map((p) => ({
      name: p.name,
      daysOff: normDays(p.daysOff),
      accounts: p.accounts ?? null,
    })),
    assistants: (s?.roster?.assistants ?? []).map((p) => ({
      name: p.name,
      daysOff: normDays(p.daysOff),
      accounts: p.accounts ?? null,
    })),
    productMix: s?.productMix ?? SCHEDULE_DEFAULTS.productMix,
    members: (s?.members ?? []).map((m) => ({
      category: m.category,
      repurchaseDays: m.repurchaseDays,
      day: m.day,
      time: m.time ?? null,
      account: m.account ?? null,
    })),
    benefits: { ...SCHEDULE_DEFAULTS.benefits, ...(s?.benefits ?? {}) },
  };
}

/**
 * "1,3,5@20:00-23:00" (or "一三五@20:00-23:00", "mon,wed@20:00-22:00"); several slots separated by
 * ";". Returns null when the text is not such a list.
 */
export function parseSlots(text: string, account: string | null): Slot[] | null {
  const out: Slot[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.+?)@(\d{1,2}:\d{2}-\d{1,2}:\d{2})$/.exec(part);
    if (!m) return null;
    const raw = m[1]!.includes(',') ? m[1]!.split(',') : /^[一二三四五六日天1-7]+$/.test(m[1]!) ? [...m[1]!] : [m[1]!];
    const days = raw.map((d) => weekdayOf(d));
    if (days.some((d) => d === null) || !TIME_RANGE.test(m[2]!)) return null;
    out.push({ weekdays: days as number[], time: m[2]!, account, type: '日常场', theme: null });
  }
  return out.length ? out : null;
}
