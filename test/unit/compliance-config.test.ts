/**
 * The config file's compliance: section, parsed and resolved on its own (until src/config/resolve.ts
 * carries it), and fed to the engine.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveCompliance } from '../../src/config/compliance-section.js';
import { complianceSectionSchema } from '../../src/config/file-schema.js';
import { lintText } from '../../src/domain/compliance/lint.js';

const section = (yaml: string) => complianceSectionSchema.safeParse(parseYaml(yaml));

describe('compliance: allow and deny', () => {
  it('no section: empty lists, the shipped word list as it is', () => {
    expect(resolveCompliance(undefined)).toEqual({ allow: [], deny: [] });
  });

  it('bare deny phrases are team-list errors; entries keep their category, severity and suggestion', () => {
    const r = section(`
allow: [第一坊, 永久牌]
deny:
  - 秒杀全网
  - phrase: 闭眼入
    category: absolute
    severity: warning
    suggestion: 推荐入手（说明适合谁）
`);
    expect(r.success).toBe(true);
    expect(resolveCompliance(r.data)).toEqual({
      allow: ['第一坊', '永久牌'],
      deny: [
        { phrase: '秒杀全网', category: 'custom', severity: 'error' },
        { phrase: '闭眼入', category: 'absolute', severity: 'warning', suggestion: '推荐入手（说明适合谁）' },
      ],
    });
  });

  it('the resolved section drives the lint', () => {
    const settings = resolveCompliance(
      complianceSectionSchema.parse({
        allow: ['第一坊'],
        deny: ['秒杀全网', { phrase: '闭眼入', severity: 'warning' }],
      }),
    );
    const f = lintText('第一坊的茶，秒杀全网，闭眼入', settings);
    expect(f.map((x) => `${x.phrase} ${x.category} ${x.severity}`)).toEqual([
      '秒杀全网 custom error',
      '闭眼入 custom warning',
    ]);
  });

  it.each([
    ['an unknown key', 'block: [x]', /Unrecognized key/i],
    ['an empty phrase', 'allow: ["  "]', /cannot be empty/],
    ['an unknown severity', 'deny: [{ phrase: x, severity: fatal }]', /error|warning/],
    ['an unknown category', 'deny: [{ phrase: x, category: 夸张 }]', /absolute/],
    ['an unknown key in an entry', 'deny: [{ phrase: x, level: error }]', /Unrecognized key/i],
    ['a phrase in both lists', 'allow: [闭眼入]\ndeny: [闭眼入]', /both in allow and in deny/],
  ])('rejects %s', (_what, yaml, message) => {
    const r = section(yaml);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join('\n')).toMatch(message);
  });
});
