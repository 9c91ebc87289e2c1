import { RULE_TEXT } from '../../src/i18n/rules.js';
import { describe, expect, it } from 'vitest';
import { fires, RULE_DEFAULTS, ruleById, THRESHOLD_RULES } from '../../src/domain/rules.js';

const at = (id: string, value: number) => {
  const r = ruleById(id);
  if (!r) throw new Error(id);
  return fires(r.comparison, value, r.threshold);
};

describe('playbook thresholds at their boundaries ("below" is strict)', () => {
  it.each([
    ['weekly-click-eliminate', 0.029, true],
    ['weekly-click-eliminate', 0.0299, true],
    ['weekly-click-eliminate', 0.03, false],
    ['weekly-conversion-eliminate', 0.0299, true],
    ['weekly-conversion-eliminate', 0.03, false],
    ['product-click-low', 0.0999, true],
    ['product-click-low', 0.1, false],
    ['product-conversion-low', 0.0499, true],
    ['product-conversion-low', 0.05, false],
    ['uv-value-low', 0.99, true],
    ['uv-value-low', 1.0, false],
    ['uv-value-critical', 0.79, true],
    ['uv-value-critical', 0.8, false],
    ['uv-drop', 0.49, false],
    ['uv-drop', 0.5, true],
    ['stock-low', 49, true],
    ['stock-low', 50, false],
    ['cs-response', 15, false],
    ['cs-response', 16, true],
    ['backup-suppliers', 2, true],
    ['backup-suppliers', 3, false],
  ] as Array<[string, number, boolean]>)('%s at %s fires: %s', (id, v, expected) => expect(at(id, v)).toBe(expected));

  it('a rate recomputed from sums is at its threshold when only the last bit differs: 900 ÷ 30,000.000000000004 is 3 %', () => {
    const exposed = 300 / 0.03 + 320 / 0.03 + 280 / 0.03;
    expect(at('weekly-click-eliminate', 900 / (exposed + 4e-12))).toBe(false);
    expect(at('weekly-click-eliminate', 0.0299999)).toBe(true);
    expect(at('uv-drop', 0.5 - 1e-15)).toBe(true);
  });

  it('a missing value never fires', () => {
    expect(fires('below', null, 0.03)).toBe(false);
    expect(fires('at-or-above', undefined, 0.5)).toBe(false);
    expect(fires('below', Number.NaN, 0.03)).toBe(false);
  });
});

describe('rule ids are the ones in SPEC.md', () => {
  it('has every threshold rule with its playbook default', () => {
    expect(RULE_DEFAULTS.thresholds).toEqual({
      'uv-value-low': 1.0,
      'uv-value-critical': 0.8,
      'product-click-low': 0.1,
      'product-conversion-low': 0.05,
      'weekly-click-eliminate': 0.03,
      'weekly-conversion-eliminate': 0.03,
      'uv-drop': 0.5,
      'stock-low': 50,
      'backup-suppliers': 3,
      'cs-response': 15,
      'negative-spike': 0.05,
      'segment-reminder': 3,
      'floor-refresh': 5,
      rehearsal: 2,
    });
    expect(RULE_DEFAULTS.supplierPrice).toEqual({ minDiscount: 0.05, maxDiscount: 0.1 });
    expect(RULE_DEFAULTS.retroDeadline).toEqual({ sheetHours: 24, meetingHours: 1 });
  });
  it('every rule names an owner and says what it means in both languages', () => {
    for (const r of THRESHOLD_RULES) {
      expect(r.owners.length).toBeGreaterThan(0);
      expect(RULE_TEXT[r.id]?.zh, r.id).toMatch(/[\u4e00-\u9fff]/);
      expect(RULE_TEXT[r.id]?.en, r.id).toMatch(/[a-z]/);
    }
  });
});
