/**
 * Words the retro report uses, in the team's language (zh) and in English.
 */

import type { Lang } from '../../i18n/labels.js';

export type { Lang };


export const RETRO_TEXT = {
  zh: {
    stream: '整场',
    product: (name: string) => `商品「${name}」`,
    checkAction: (label: string, stated: string, computed: string) =>
      `核对导出数据：${label} 平台显示 ${stated}，按计数计算为 ${computed}`,
    checkEvidence: (source: string) => `来源：${source}`,
    hotspotEvidence: (label: string, count: number, questions: number, share: string, source: string) =>
      `${label}：${share} 的${source === 'comments' ? '评论提问' : '客服咨询'}（${count}/${questions}）`,
    missingAction: (labels: string) => `下次导出时补充：${labels}（本次复盘无法计算）`,
    computed: '计算',
  },
  en: {
    stream: 'stream',
    product: (name: string) => `product "${name}"`,
    checkAction: (label: string, stated: string, computed: string) =>
      `Check the export: ${label} shows ${stated} on the platform but ${computed} from the counts`,
    checkEvidence: (source: string) => `source: ${source}`,
    hotspotEvidence: (label: string, count: number, questions: number, share: string, source: string) =>
      `${label}: ${share} of ${source === 'comments' ? 'questions in comments' : 'consultations'} (${count}/${questions})`,
    missingAction: (labels: string) => `Export these next time: ${labels} (this retro could not compute them)`,
    computed: 'computed',
  },
};
