/**
 * The config file's `script:` section: how long the parts of a stream are, the shop's category when
 * the selection table has no 品类 column, and the team's own use scenes per category. The talk of
 * each category itself is template data: templates/script-categories.yaml (script-categories.ts).
 */
import type { ScriptSection } from './file-schema.js';

export type { ScriptSection };

export interface ScriptSettings {
  openingMinutes: number;
  closingMinutes: number;
  segmentMinutes: { 引流款: number; 利润款: number; 形象款: number };
  parts: { explain: number; interact: number; push: number; benefit: number };
  /** Use scenes by 品类 word or category id, before the category's own (templates/script-categories.yaml). */
  scenes: Record<string, string[]>;
  /** The shop's one category (an id of the data file, or a word its keywords match), for a pool without 品类. */
  category: string | null;
}

export const SCRIPT_DEFAULTS: ScriptSettings = {
  openingMinutes: 10,
  closingMinutes: 5,
  segmentMinutes: { 引流款: 8, 利润款: 15, 形象款: 10 },
  parts: { explain: 0.5, interact: 0.15, push: 0.2, benefit: 0.15 },
  // The built-in scenes are the categories' own, in templates/script-categories.yaml.
  scenes: {},
  category: null,
};

export function resolveScript(s: ScriptSection | undefined): ScriptSettings {
  return {
    openingMinutes: s?.openingMinutes ?? SCRIPT_DEFAULTS.openingMinutes,
    closingMinutes: s?.closingMinutes ?? SCRIPT_DEFAULTS.closingMinutes,
    segmentMinutes: s?.segmentMinutes ?? SCRIPT_DEFAULTS.segmentMinutes,
    parts: s?.parts ?? SCRIPT_DEFAULTS.parts,
    scenes: { ...SCRIPT_DEFAULTS.scenes, ...(s?.scenes ?? {}) },
    category: s?.category ?? SCRIPT_DEFAULTS.category,
  };
}
