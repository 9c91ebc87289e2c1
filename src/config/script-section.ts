/**
 * The config file's `script:` section: how long the parts of a stream are, and the use scenes the
 * talk draws on per category.
 */
import type { ScriptSection } from './file-schema.js';

export type { ScriptSection };

export interface ScriptSettings {
  openingMinutes: number;
  closingMinutes: number;
  segmentMinutes: { 引流款: number; 利润款: number; 形象款: number };
  parts: { explain: number; interact: number; push: number; benefit: number };
  scenes: Record<string, string[]>;
}

export const SCRIPT_DEFAULTS: ScriptSettings = {
  openingMinutes: 10,
  closingMinutes: 5,
  segmentMinutes: { 引流款: 8, 利润款: 15, 形象款: 10 },
  parts: { explain: 0.5, interact: 0.15, push: 0.2, benefit: 0.15 },
  scenes: {
    冲锋衣: ['周末爬山突遇阵雨', '冬天骑车通勤顶风', '带娃去郊外露营'],
    裤装: ['山路徒步一整天', '雨后泥地露营'],
    鞋靴: ['碎石山路下坡', '雨天湿滑台阶'],
    抓绒: ['秋冬早晚温差大的登山', '冲锋衣里加一层保暖'],
    背包: ['一日徒步装水装零食', '周末短途旅行'],
    配件: ['长线徒步', '户外暴晒'],
    羽绒: ['零下的早晨出门', '冬季露营过夜'],
  },
};

export function resolveScript(s: ScriptSection | undefined): ScriptSettings {
  return {
    openingMinutes: s?.openingMinutes ?? SCRIPT_DEFAULTS.openingMinutes,
    closingMinutes: s?.closingMinutes ?? SCRIPT_DEFAULTS.closingMinutes,
    segmentMinutes: s?.segmentMinutes ?? SCRIPT_DEFAULTS.segmentMinutes,
    parts: s?.parts ?? SCRIPT_DEFAULTS.parts,
    scenes: { ...SCRIPT_DEFAULTS.scenes, ...(s?.scenes ?? {}) },
  };
}
