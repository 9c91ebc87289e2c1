/**
 * The resolved config and its defaults (the playbook's numbers, domain/rules.ts). The zod schema
 * that validates a config file is in file-schema.ts, loaded only when there is a file to validate:
 * importing zod costs more than the rest of `liveops --help` or `script lint`.
 */
import { dirname, resolve } from 'node:path';
import { RULE_DEFAULTS } from '../domain/rules.js';
import type { ConfigFile } from './file-schema.js';
import type { HeaderMapping } from '../io/read/headers.js';
import { resolveKpi, type KpiSettings } from './kpi-section.js';
import { resolveSchedule, type ScheduleSettings } from './schedule-section.js';
import { resolveScript, type ScriptSettings } from './script-section.js';
import { resolveCs, type CsSettings } from './cs-section.js';
import { resolveCompliance, type ComplianceSettings } from './compliance-section.js';
import { resolveHotspots, type HotspotSettings } from './hotspots-section.js';

export type { ConfigFile };

/** A product needs this much exposure in the week before it is judged for elimination. */
export const SELECT_DEFAULTS = {
  minStreams: 2,
  minExposures: 500,
  /** Target mix of the pool by role (引流款 traffic drivers, 利润款 profit, 形象款 image). */
  roleMix: { 引流款: 0.3, 利润款: 0.5, 形象款: 0.2 },
  /** Without a role in the selection table, a product with at least this commission is 利润款. */
  profitMinCommission: 0.2,
};

export interface Config {
  /** Where the config came from, or null for built-in defaults. */
  source: string | null;
  lang: 'zh' | 'en';
  /** Absolute path of the team's templates folder, or null for the built-in templates only. */
  templatesDir: string | null;
  headers: Record<string, string | HeaderMapping>;
  thresholds: Record<string, number>;
  supplierPrice: { minDiscount: number; maxDiscount: number };
  supplierTerms: string[];
  retroDeadline: { sheetHours: number; meetingHours: number };
  kpi: KpiSettings;
  schedule: ScheduleSettings;
  script: ScriptSettings;
  cs: CsSettings;
  compliance: ComplianceSettings;
  topics: Record<string, string[]> | null;
  /** Which undictionaried keywords are hotspots (`hotspots:`): extra stop-words, at least minCount questions and minShare of them. */
  hotspots: HotspotSettings;
  targets: { weeklyGmv: number | null; monthlyGmv: Record<string, number> };
  /** The history's folder (absolute when a config file set it, else relative to the working folder), or null: keep none. */
  historyDir: string | null;
  select: {
    minStreams: number;
    minExposures: number;
    roleMix: { 引流款: number; 利润款: number; 形象款: number };
    profitMinCommission: number;
    trafficMaxPrice: number | null;
    imageMinPrice: number | null;
  };
}

/** Where the history is kept, next to the team's config (or in the working folder without one). */
export const HISTORY_DIR = '.liveops/history';

/** Merge in one place: file, then defaults (flags are applied by the caller on top). */
export function resolveConfig(file: ConfigFile, source: string | null): Config {
  const thresholds = { ...RULE_DEFAULTS.thresholds };
  for (const [id, v] of Object.entries(file.rules ?? {})) if (typeof v === 'number') thresholds[id] = v;
  return {
    source,
    lang: file.lang ?? 'zh',
    templatesDir: file.templatesDir && source ? resolve(dirname(source), file.templatesDir) : null,
    headers: file.headers ?? {},
    thresholds,
    supplierPrice: file.supplierPrice ?? RULE_DEFAULTS.supplierPrice,
    supplierTerms: file.supplierTerms ?? RULE_DEFAULTS.supplierTerms,
    retroDeadline: file.retroDeadline ?? RULE_DEFAULTS.retroDeadline,
    topics: file.topics ?? null,
    historyDir:
      file.history === false
        ? null
        : source
          ? resolve(dirname(source), file.history?.dir ?? HISTORY_DIR)
          : (file.history?.dir ?? HISTORY_DIR),
    hotspots: resolveHotspots(file.hotspots),
    targets: { weeklyGmv: file.targets?.weeklyGmv ?? null, monthlyGmv: file.targets?.monthlyGmv ?? {} },
    select: {
      minStreams: file.select?.minStreams ?? SELECT_DEFAULTS.minStreams,
      minExposures: file.select?.minExposures ?? SELECT_DEFAULTS.minExposures,
      roleMix: file.select?.roleMix ?? SELECT_DEFAULTS.roleMix,
      profitMinCommission: file.select?.profitMinCommission ?? SELECT_DEFAULTS.profitMinCommission,
      trafficMaxPrice: file.select?.trafficMaxPrice ?? null,
      imageMinPrice: file.select?.imageMinPrice ?? null,
    },
    kpi: resolveKpi(file.kpi),
    schedule: resolveSchedule(file.schedule),
    script: resolveScript(file.script),
    cs: resolveCs(file.cs),
    compliance: resolveCompliance(file.compliance),
  };
}
