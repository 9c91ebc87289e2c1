/**
 * Numbers and names as a chart shows them: ¥ with thousands separators (fen only for small
 * amounts), rates as percentages, ticks as short as they can be, long names cut sensibly.
 */
import { describe, expect, it } from 'vitest';
import { formatTick, formatValue, niceCeil } from '../../src/io/write/charts/formatters.js';
import { axisLabels, emWidth, truncateLabel } from '../../src/io/write/charts/truncate.js';
import type { ValueFormat } from '../../src/io/write/charts/types.js';

describe('formatValue', () => {
  it.each<[number, ValueFormat, number | undefined, string]>([
    [128400, 'yuan', undefined, '¥128,400'],
    [56320.5, 'yuan', undefined, '¥56,321'],
    [1.234, 'yuan', undefined, '¥1.23'],
    // One chart, one number of decimals: ¥8 beside ¥128,400 is "¥8", not "¥8.00".
    [8, 'yuan', 128400, '¥8'],
    [99.5, 'yuan', undefined, '¥99.50'],
    [-1200, 'yuan', undefined, '−¥1,200'],
    [0.1234, 'rate', undefined, '12.3%'],
    [0.0068, 'rate', undefined, '0.68%'],
    [0.01, 'rate', undefined, '1.0%'],
    [0, 'rate', undefined, '0.0%'],
    [12345, 'count', undefined, '12,345'],
    [1234.56, 'count', undefined, '1,234.6'],
    [86.5, 'score', undefined, '86.5'],
    [72, 'score', undefined, '72.0'],
  ])('%f as %s (largest %s) → %s', (v, format, maxAbs, expected) => {
    expect(formatValue(v, format, maxAbs)).toBe(expected);
  });
});

describe('formatTick', () => {
  it.each<[number, ValueFormat, string]>([
    [0, 'rate', '0%'],
    [0.025, 'rate', '2.5%'],
    [0.07, 'rate', '7%'],
    [0.1, 'rate', '10%'],
    [1.25, 'rate', '125%'],
    [50000, 'yuan', '¥50,000'],
    [2.5, 'yuan', '¥2.5'],
    [1200, 'count', '1,200'],
    [20, 'score', '20'],
  ])('%f as %s → %s', (v, format, expected) => {
    expect(formatTick(v, format)).toBe(expected);
  });
});

describe('niceCeil: an axis end ticks divide evenly', () => {
  it.each([
    [0.235, 0.25],
    [0.123, 0.15],
    [0.1, 0.1],
    [0.69, 0.8],
    [1, 1],
    [1.05, 1.2],
    [186, 200],
    [0, 1],
  ])('%f → %f', (v, expected) => {
    expect(niceCeil(v)).toBeCloseTo(expected, 12);
  });
});

describe('truncateLabel', () => {
  it.each([
    ['羽绒服', 14, '羽绒服'],
    // The promotion tag goes first: the product is what comes after it.
    ['【直播专享】羊绒大衣女中长款', 8, '羊绒大衣女中长款'],
    ['[爆款] 加绒打底裤', 6, '加绒打底裤'],
    ['羊绒大衣女中长款2026新款加厚双面呢', 8, '羊绒大衣女中长…'],
    ['Cashmere Scarf Deluxe Edition', 8, 'Cashmere Sca…'],
    ['  多   空格  ', 14, '多 空格'],
    // A name that is all tag keeps its tag.
    ['【福利】', 2, '【…'],
  ])('"%s" in %i ems → "%s"', (name, maxEm, expected) => {
    const cut = truncateLabel(name, maxEm);
    expect(cut).toBe(expected);
    expect(emWidth(cut)).toBeLessThanOrEqual(maxEm);
  });

  it('keeps apart names that truncation makes the same (an axis would merge them)', () => {
    expect(axisLabels(['羊绒大衣 黑色 M 码', '羊绒大衣 黑色 L 码', '雪地靴'], 4)).toEqual([
      '羊绒大…',
      '羊绒大… (2)',
      '雪地靴',
    ]);
    expect(axisLabels(['手套', '手套'], 14)).toEqual(['手套', '手套 (2)']);
  });
});
