/**
 * The config file's `script:` section: how long the parts of a stream are, and the use scenes the
 * talk draws on per category.
 */
import { z } from 'zod';

const minutes = z.number().int().min(0).max(240);
const share = z.number().min(0).max(1);

export const scriptSectionSchema = z
  .object({
    openingMinutes: minutes.optional(),
    closingMinutes: minutes.optional(),
    /** Base length of a product's segment by role (引流款 short, 利润款 long); scaled to fill the stream. */
    segmentMinutes: z.object({ 引流款: minutes, 利润款: minutes, 形象款: minutes }).strict().optional(),
    /** How a segment is shared between explanation, interaction, closing push and benefits. */
    parts: z
      .object({ explain: share, interact: share, push: share, benefit: share })
      .strict()
      .refine((p) => Math.abs(p.explain + p.interact + p.push + p.benefit - 1) < 1e-9, { message: 'the parts must add up to 100%' })
      .optional(),
    /** Use scenes per category (品类) for scene-based talk: { 冲锋衣: [雨天通勤, 周末登山] }. */
    scenes: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
  })
  .strict();

export type ScriptSection = z.infer<typeof scriptSectionSchema>;

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
