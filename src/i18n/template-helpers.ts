/**
 * The helpers a Markdown template uses to format figures and times (`it.h.money(it.summary.gmv)`,
 * `it.h.time(it.stream.start)`), in the run's language: the retro and the weekly report share them.
 * What they return is text liveops wrote (no value from data passes unneutralised): templates print
 * it with `<%= … %>` like any other value.
 */
import {
  fmtChange,
  fmtCount,
  fmtDateTime,
  fmtDuration,
  fmtMoney,
  fmtRate,
  fmtTimeRange,
  type Lang,
} from '../format.js';
import { PLATFORM_LABELS, type PlatformId } from '../model/platforms.js';
import { metricLabel } from './labels.js';

export function templateHelpers(lang: Lang) {
  return {
    money: fmtMoney,
    count: fmtCount,
    rate: (v: number | null | undefined) => fmtRate(v),
    change: fmtChange,
    duration: (s: number | null | undefined) => fmtDuration(s, lang),
    label: (key: string) => metricLabel(key, lang),
    /** An ISO time on Beijing time, as the team reads it: "2026-11-26 19:30" (both languages). */
    time: fmtDateTime,
    /** Its day: "2026-11-26". */
    date: (iso: string | null | undefined) => fmtDateTime(iso).slice(0, 10),
    /** A stream's start and end: "2026-11-26 19:30–22:30". */
    timeRange: fmtTimeRange,
    /** A platform id as the team names it: douyin → 抖音 / Douyin. */
    platform: (id: string) => PLATFORM_LABELS[id as PlatformId]?.[lang] ?? id,
  };
}
