/**
 * The commented config file `liveops init` writes: every threshold and weight of the playbook at
 * its default, each with a one-line explanation. Generated from the same data the defaults come
 * from, so the two cannot drift apart.
 */
import { KPI_DEFAULTS, KPI_ROLES } from '../domain/kpi-weights.js';
import { RULE_DEFAULTS, THRESHOLD_RULES } from '../domain/rules.js';
import { HOTSPOT_DEFAULTS } from '../domain/hotspot-defaults.js';
import { SCHEDULE_DEFAULTS } from './schedule-section.js';
import { SELECT_DEFAULTS } from './resolve.js';

export function renderConfigYaml(opts: { lang: 'zh' | 'en'; templatesDir: string }): string {
  const lines: string[] = [
    '# liveops config — every number below is the playbook default; change what your team does differently.',
    '# Docs: README, "Config file". Check it with: liveops inspect --fields (field ids for headers:).',
    '',
    `lang: ${opts.lang}                      # labels in outputs: zh or en`,
    `templatesDir: ${opts.templatesDir}        # your editable copies of the output templates`,
    '',
    '# Export headers liveops does not recognise, mapped to field ids (liveops inspect --fields lists them):',
    'headers: {}',
    '#   支付GMV: gmv',
    '#   直播开始时间: start',
    "#   直播GMV(万元): gmv               (the header's unit still applies)",
    '#   业绩: { field: gmv, unit: 万元 }  (the unit a header leaves out)',
    '',
    '# Playbook rules by id. "Below" is strict: a product at exactly 3.0 % is not eliminated by a 3 % rule.',
    'rules:',
  ];
  const width = Math.max(...THRESHOLD_RULES.map((r) => `  ${r.id}: ${r.threshold}`.length)) + 2;
  for (const r of THRESHOLD_RULES) {
    const entry = `  ${r.id}: ${r.threshold}`;
    lines.push(`${entry.padEnd(width)}# ${r.help}`);
  }
  const sp = RULE_DEFAULTS.supplierPrice;
  const rd = RULE_DEFAULTS.retroDeadline;
  lines.push(
    '',
    '# supplier-price: a supplier should be this much cheaper than competitors (fractions).',
    `supplierPrice: { minDiscount: ${sp.minDiscount}, maxDiscount: ${sp.maxDiscount} }`,
    '# supplier-terms: what every supplier must offer.',
    `supplierTerms: [${RULE_DEFAULTS.supplierTerms.join(', ')}]`,
    '# retro-deadline: retro sheet within this many hours after the stream; retro meeting within this many.',
    `retroDeadline: { sheetHours: ${rd.sheetHours}, meetingHours: ${rd.meetingHours} }`,
    '',
    '# The history every retro, select, schedule and kpi records, next to this file (README, "The history").',
    '# false keeps none (as --no-history does for one run).',
    'history: { dir: .liveops/history }',
    '',
    '# GMV targets for target achievement (周目标达成率): a weekly one, or monthly ones prorated by day.',
    'targets: {}',
    '#   weeklyGmv: 700000',
    '#   monthlyGmv: { "2026-11": 3000000, "2026-12": 4500000 }',
    '',
    '# Selection (liveops select, weekly report):',
    'select:',
    `  minStreams: ${SELECT_DEFAULTS.minStreams}              # a product shown in fewer streams in a week is "not enough data", not eliminated`,
    `  minExposures: ${SELECT_DEFAULTS.minExposures}          # … or shown to fewer people than this`,
    `  roleMix: { 引流款: ${SELECT_DEFAULTS.roleMix.引流款}, 利润款: ${SELECT_DEFAULTS.roleMix.利润款}, 形象款: ${SELECT_DEFAULTS.roleMix.形象款} }   # target mix of the pool (adds up to 100 %)`,
    `  profitMinCommission: ${SELECT_DEFAULTS.profitMinCommission}   # without a role in the table: this commission or more → 利润款`,
    '  # trafficMaxPrice: 199       # live price at or below → 引流款 (default: the cheapest third of the pool)',
    '  # imageMinPrice: 999         # live price at or above → 形象款 (default: the dearest third)',
    '',
    '# Comment and consultation topics, added to the built-in ones (尺码, 防水, 发货, 价格, 颜色, 材质, 退换, 质量, 保暖, 链接):',
    'topics: {}',
    '#   保修: [保修, 维修, 坏了]',
    '# Words no topic covers are hotspots when asked often enough (the topics above always are):',
    'hotspots:',
    `  minCount: ${HOTSPOT_DEFAULTS.minKeywordCount}              # in at least this many questions`,
    `  minShare: ${HOTSPOT_DEFAULTS.minKeywordShare}           # … and this share of them (0.03 or "3%")`,
    '  stopwords: []            # words never reported, added to the built-in ones (主播, 宝宝, 今年 …)',
    '',
    '# The month schedule (liveops schedule): targets, weekly slots, special and members-only streams, people.',
    'schedule: {}',
    '#   annualGmv: 12000000',
    '#   monthWeights: { "11": 2, "12": 1.5 }            # 双11, 双12: other months weigh 1',
    `#   typeWeights: { ${Object.entries(SCHEDULE_DEFAULTS.typeWeights)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')} }`,
    '#   account: 山野户外旗舰店',
    '#   slots:',
    '#     - { weekdays: [1, 3, 5], time: "20:00-23:00" }',
    '#   special:',
    '#     - { date: "2026-12-12", type: 专场, theme: 双12 }',
    '#   roster:',
    '#     anchors: [{ name: 小林, daysOff: [sat] }, { name: 阿杰 }]',
    '#     assistants: [{ name: 小周 }]',
    `#   productMix: { 引流款: ${SCHEDULE_DEFAULTS.productMix.引流款}, 利润款: ${SCHEDULE_DEFAULTS.productMix.利润款}, 形象款: ${SCHEDULE_DEFAULTS.productMix.形象款} }`,
    '#   members:',
    '#     - { category: 美妆, repurchaseDays: 30, day: 15 }',
    '',
    '# Script drafts (liveops script). The talk per category is templates/script-categories.yaml (your copy in templatesDir).',
    'script: {}',
    "#   category: 茶                 # the shop's category when the selection table has no 品类 column (an id or a keyword of that file)",
    "#   scenes: { 冲锋衣: [雨天通勤, 周末登山] }   # your own use scenes by 品类 word or category, before the file's",
    '',
    '# Monthly KPI weights per role (each role must add up to 100 %).',
    'kpi:',
    '  weights:',
  );
  for (const role of KPI_ROLES) {
    const def = KPI_DEFAULTS[role];
    lines.push(`    ${role}:${' '.repeat(Math.max(1, 12 - role.length))}# ${def.help}`);
    for (const m of def.metrics) lines.push(`${`      ${m.id}: ${m.weight}`.padEnd(34)}# ${m.help}`);
  }
  return `${lines.join('\n')}\n`;
}
