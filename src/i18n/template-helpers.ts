/**
 * The helpers a Markdown template uses to format figures ({{money gmv}}, {{label "uv"}}), in the
 * run's language: the retro and the weekly report share them.
 */
import { fmtChange, fmtCount, fmtDuration, fmtMoney, fmtRate, type Lang } from '../format.js';
import { metricLabel } from './labels.js';

export function templateHelpers(lang: Lang) {
  return {
    money: fmtMoney,
    count: fmtCount,
    rate: (v: number | null | undefined) => fmtRate(v),
    change: fmtChange,
    duration: (s: number | null | undefined) => fmtDuration(s, lang),
    label: (key: string) => metricLabel(key, lang),
  };
}
