/**
 * The words of `liveops script lint`: each category of banned wording, severities, the notes a
 * finding carries, and why a phrase was exempted. The domain (domain/compliance/) names them by code.
 */
import type { Exempted } from '../domain/compliance/lint.js';
import type { CategoryId } from '../domain/compliance/terms.js';

export const CATEGORY_LABELS: Record<CategoryId, { zh: string; en: string }> = {
  absolute: { zh: '极限词', en: 'absolute claim' },
  medical: { zh: '医疗用语', en: 'medical claim' },
  urgency: { zh: '虚假紧迫', en: 'false urgency' },
  endorsement: { zh: '权威背书', en: 'false endorsement' },
  superstition: { zh: '迷信', en: 'superstition' },
  custom: { zh: '团队词表', en: 'team list' },
};

export const SEVERITY = { zh: { error: '错误', warning: '警告' }, en: { error: 'error', warning: 'warning' } } as const;

export const NOTES = {
  zh: {
    'time-and-source': '已注明时间与来源：保留出处并确保可证明',
    'viewer-question': '观众提问：转述即可，不要复述或认可',
  },
  en: {
    'time-and-source': 'time and source given: keep the source on screen and be able to prove it',
    'viewer-question': "a viewer's question: paraphrase it, do not repeat or confirm it",
  },
} as const;

/** Why a phrase was let through (`--verbose`). */
export const EXEMPTION_LABELS: Record<Exempted['rule'], { zh: string; en: string }> = {
  'safe-word': { zh: '普通词语', en: 'common word' },
  ordinal: { zh: '序数', en: 'ordinal' },
  enumeration: { zh: '分点列举', en: 'enumeration' },
  'own-line': { zh: '自我比较', en: 'own product line' },
  'consumer-tip': { zh: '消费提示', en: 'consumer tip' },
  'quantity-limit': { zh: '数量限定', en: 'quantity limit' },
  'standard-grade': { zh: '标准分级', en: 'standard grade' },
  'official-title': { zh: '官方称号', en: 'official title' },
  'product-name': { zh: '商品名称/商标', en: 'product name' },
  allow: { zh: '团队白名单', en: 'team allow list' },
  negation: { zh: '否定表述', en: 'negation' },
  'standard-cited': { zh: '引用标准', en: 'standard cited' },
};
