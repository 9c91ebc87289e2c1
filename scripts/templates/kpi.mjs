// templates/kpi.xlsx: the month's KPI sheet (月度KPI) — summary, per-metric detail, a sheet per
// role, incentives and the weights used.
import ExcelJS from 'exceljs';
import { chartSheet, eachRow, headerRow, save, SECTION_STYLE, tableSheet } from './kit.mjs';

// The playbook's roles and metrics (src/domain/kpi/metrics.ts), with the figure's number format.
const ROLES = [
  {
    id: 'ops',
    zh: '运营',
    en: 'Operations',
    metrics: [
      { id: 'gmvAchievement', zh: 'GMV达成', en: 'GMV achievement', format: 'money' },
      { id: 'trafficGrowth', zh: '流量增长', en: 'Traffic growth', format: '0.0%' },
      { id: 'processImprovements', zh: '流程改进', en: 'Process improvements', format: 'count' },
    ],
  },
  {
    id: 'anchor',
    zh: '主播',
    en: 'Anchor',
    metrics: [
      { id: 'productConversion', zh: '商品转化率', en: 'Product conversion', format: '0.0%' },
      { id: 'dwellTime', zh: '人均停留(秒)', en: 'Average dwell (s)', format: 'count' },
      { id: 'newFanClub', zh: '新增粉丝团', en: 'New fan-club members', format: 'count' },
    ],
  },
  {
    id: 'selector',
    zh: '选品',
    en: 'Selector',
    metrics: [
      { id: 'productRoi', zh: '商品ROI', en: 'Product ROI', format: '0.00' },
      { id: 'returnRate', zh: '退货率(越低越好)', en: 'Return rate (lower is better)', format: '0.0%' },
      { id: 'newProducts', zh: '新品引入', en: 'New products', format: 'count' },
    ],
  },
  {
    id: 'data',
    zh: '数据分析',
    en: 'Data analyst',
    metrics: [
      { id: 'reportQuality', zh: '报告质量', en: 'Report quality', format: '0.0' },
      { id: 'strategyAdoption', zh: '策略采纳率', en: 'Strategy adoption', format: '0.0%' },
    ],
  },
];
const POINTS = '0.00';

export default async function kpi(lang) {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const t = (a, b) => (zh ? a : b);

  tableSheet(
    wb,
    t('总表', 'Summary'),
    'people',
    [
      { zh: '行', en: 'Row', cell: '{{row}}', width: 5 },
      { zh: '姓名', en: 'Name', cell: '{{name}}', width: 10 },
      { zh: '岗位', en: 'Role', cell: '{{roleText}}', width: 14 },
      { zh: 'KPI岗位', en: 'KPI roles', cell: '{{roleLabels}}', width: 14 },
      { zh: '入职日期', en: 'Hire date', cell: '{{hireDate | date}}', width: 11, format: 'date' },
      { zh: '新人', en: 'Newcomer', cell: zh ? '{{newcomer | bool:是:否}}' : '{{newcomer | bool:yes:no}}', width: 6 },
      { zh: '总分', en: 'Total', cell: '{{total}}', width: 8, format: POINTS },
      { zh: '数据完整', en: 'Complete', cell: zh ? '{{complete | bool:完整:不完整}}' : '{{complete | bool:yes:no}}', width: 8 },
      { zh: '已有得分(至少)', en: 'Score so far (at least)', cell: '{{totalSoFar}}', width: 11, format: POINTS },
      { zh: '岗位排名', en: 'Rank in role', cell: '{{rankText}}', width: 16 },
      { zh: 'GMV实际', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
      { zh: 'GMV目标', en: 'GMV target', cell: '{{gmvTarget}}', width: 14, format: 'money' },
      { zh: '冲刺奖金', en: 'Sprint bonus', cell: '{{sprintBonus}}', width: 12, format: 'money' },
      { zh: '成长津贴', en: 'Growth allowance', cell: zh ? '{{growthAllowance.eligible | bool:符合:不符合}}' : '{{growthAllowance.eligible | bool:yes:no}}', width: 9 },
      { zh: '采纳提案', en: 'Adopted proposals', cell: '{{proposalCount}}', width: 9, format: 'count' },
      { zh: '缺少的数据', en: 'Missing figures', cell: '{{missing | join}}', width: 30 },
    ],
    lang,
  );

  // The role scores, ranked, with the KPI bar ({{chart:scores}}: the picture's top-left corner).
  chartSheet(wb, { name: t('图表', 'Charts'), title: t('KPI 图表 {{month}}', 'KPI charts {{month}}'), charts: [{ chart: 'scores', when: 'scores' }], lang });

  tableSheet(
    wb,
    t('明细', 'Detail'),
    'scores',
    [
      { zh: '姓名', en: 'Name', cell: '{{name}}', width: 10 },
      { zh: 'KPI岗位', en: 'KPI role', cell: '{{roleLabel}}', width: 9 },
      { zh: '岗位占比', en: 'Role share', cell: '{{share}}', width: 8, format: '0%' },
      { zh: '指标', en: 'Metric', cell: '{{label}}', width: 14 },
      { zh: '实际', en: 'Actual', cell: '{{actual | unit}}', width: 14 },
      // Where the figure came from: the sheet, or the history (an anchor's streams), and how.
      { zh: '实际来源', en: 'Actual from', cell: '{{sourceLabel}}', width: 9 },
      { zh: '来源说明', en: 'How', cell: '{{history.text}}', width: 28 },
      { zh: '目标', en: 'Target', cell: '{{target | unit}}', width: 14 },
      { zh: '目标来源', en: 'Target from', cell: '{{targetSourceLabel}}', width: 9 },
      { zh: '达成率', en: 'Achievement', cell: '{{ratio}}', width: 9, format: '0.0%' },
      { zh: '得分', en: 'Score', cell: '{{score}}', width: 8, format: POINTS },
      { zh: '权重', en: 'Weight', cell: '{{weight}}', width: 7, format: '0%' },
      { zh: '加权得分', en: 'Weighted', cell: '{{weighted}}', width: 9, format: POINTS },
      { zh: '岗位得分', en: 'Role score', cell: '{{roleScore}}', width: 9, format: POINTS },
      { zh: '总分', en: 'Total', cell: '{{total}}', width: 8, format: POINTS },
      { zh: '岗位排名', en: 'Rank', cell: '{{rank}}', width: 7, format: 'count' },
      { zh: '冲刺奖金', en: 'Sprint bonus', cell: '{{sprintBonus}}', width: 12, format: 'money' },
      { zh: '缺少', en: 'Missing', cell: '{{missing | join}}', width: 20 },
    ],
    lang,
  );

  for (const role of ROLES) {
    const cols = [
      { zh: '排名', en: 'Rank', cell: '{{rank}}', width: 6, format: 'count' },
      { zh: '姓名', en: 'Name', cell: '{{name}}', width: 10 },
      { zh: '岗位占比', en: 'Share', cell: '{{share}}', width: 8, format: '0%' },
    ];
    for (const m of role.metrics) {
      cols.push(
        { zh: `${m.zh} 实际`, en: `${m.en}: actual`, cell: `{{metrics.${m.id}.actual}}`, width: 12, format: m.format },
        { zh: `${m.zh} 目标`, en: `${m.en}: target`, cell: `{{metrics.${m.id}.target}}`, width: 12, format: m.format },
        { zh: `${m.zh} 得分`, en: `${m.en}: score`, cell: `{{metrics.${m.id}.score}}`, width: 9, format: POINTS },
        { zh: `${m.zh} 加权`, en: `${m.en}: weighted`, cell: `{{metrics.${m.id}.weighted}}`, width: 9, format: POINTS },
      );
    }
    cols.push(
      { zh: '岗位得分', en: 'Role score', cell: '{{score}}', width: 9, format: POINTS },
      { zh: '数据完整', en: 'Complete', cell: zh ? '{{complete | bool:完整:不完整}}' : '{{complete | bool:yes:no}}', width: 8 },
      { zh: '缺少', en: 'Missing', cell: '{{missing | join}}', width: 20 },
      { zh: '总分', en: 'Total', cell: '{{total}}', width: 8, format: POINTS },
      { zh: '冲刺奖金', en: 'Sprint bonus', cell: '{{sprintBonus}}', width: 12, format: 'money' },
    );
    tableSheet(wb, t(role.zh, role.en), `roles.${role.id}.people`, cols, lang);
  }

  const inc = tableSheet(
    wb,
    t('激励', 'Incentives'),
    'incentives.sprintBonus',
    [
      { zh: '冲刺奖金 · 姓名', en: 'Sprint bonus: name', cell: '{{name}}', width: 16 },
      { zh: 'GMV实际', en: 'GMV', cell: '{{gmv}}', width: 14, format: 'money' },
      { zh: 'GMV目标', en: 'GMV target', cell: '{{gmvTarget}}', width: 14, format: 'money' },
      { zh: '超出目标', en: 'Above target', cell: '{{above}}', width: 14, format: 'money' },
      { zh: '提成比例', en: 'Rate', cell: '{{rate}}', width: 9, format: '0.00%' },
      { zh: '冲刺奖金', en: 'Bonus', cell: '{{bonus}}', width: 12, format: 'money' },
    ],
    lang,
  );
  inc.getCell('A4').value = t('成长津贴（新人）', 'Growth allowance (newcomers)');
  inc.getCell('A4').style = SECTION_STYLE;
  headerRow(
    inc,
    5,
    zh
      ? ['姓名', '入职日期', '总分', 'KPI达标线', '是否符合', '津贴', '说明']
      : ['Name', 'Hire date', 'Total', 'KPI bar', 'Eligible', 'Allowance', 'Why'],
  );
  eachRow(inc, 6, 'incentives.growthAllowance', [
    { cell: '{{name}}' },
    { cell: '{{hireDate | date}}', format: 'date' },
    { cell: '{{total}}', format: POINTS },
    { cell: '{{bar}}', format: 'count' },
    { cell: '{{eligibleText}}' },
    { cell: '{{amount}}', format: 'money' },
    { cell: '{{reason}}' },
  ]);
  inc.getCell('A8').value = t('创新奖（采纳提案）', 'Innovation awards (adopted proposals)');
  inc.getCell('A8').style = SECTION_STYLE;
  headerRow(inc, 9, zh ? ['姓名', '采纳提案数', '提案', '奖励'] : ['Name', 'Adopted proposals', 'Proposals', 'Award']);
  eachRow(inc, 10, 'incentives.innovation', [
    { cell: '{{name}}' },
    { cell: '{{count}}', format: 'count' },
    { cell: '{{proposals | join}}' },
    { cell: '{{amount}}', format: 'money' },
  ]);

  const w = tableSheet(
    wb,
    t('权重', 'Weights'),
    'weights',
    [
      { zh: 'KPI岗位', en: 'KPI role', cell: '{{roleLabel}}', width: 12 },
      { zh: '指标', en: 'Metric', cell: '{{label}}', width: 16 },
      { zh: '权重', en: 'Weight', cell: '{{weight}}', width: 8, format: '0%' },
      { zh: '默认目标', en: 'Target', cell: '{{target | unit}}', width: 14 },
      { zh: '目标来源', en: 'Target from', cell: '{{targetSourceLabel}}', width: 10 },
      { zh: '越低越好', en: 'Lower is better', cell: zh ? '{{lowerIsBetter | bool:是:否}}' : '{{lowerIsBetter | bool:yes:no}}', width: 9 },
    ],
    lang,
  );
  w.getCell('A4').value = t('计分与激励', 'Scale and incentives');
  w.getCell('A4').style = SECTION_STYLE;
  const settings = [
    [t('月份', 'Month'), '{{month}}{{periodNote}}', null],
    [
      t('计分', 'Scale'),
      t(
        '达成率 = 实际 ÷ 目标（越低越好：目标 ÷ 实际），不低于 0；得分 = 达成率 × 100',
        'achievement = actual ÷ target (lower is better: target ÷ actual), at least 0; score = achievement × 100',
      ),
      null,
    ],
    [t('达成率上限', 'Cap'), '{{settings.cap}}', '0%'],
    [t('冲刺奖金提成', 'Sprint bonus rate'), '{{settings.sprintBonusRate}}', '0.00%'],
    [t('KPI达标线(分)', 'KPI bar (points)'), '{{settings.bar}}', '0'],
    [t('新人(入职月数内)', 'Newcomer (months)'), '{{settings.newcomerMonths}}', '0'],
    [t('新人入职不早于', 'Newcomers hired on or after'), '{{newcomerSince}}', null],
  ];
  settings.forEach(([label, cell, fmt], i) => {
    const r = w.getRow(5 + i);
    r.getCell(1).value = label;
    r.getCell(1).font = { bold: true };
    r.getCell(2).value = cell;
    if (fmt) r.getCell(2).numFmt = fmt;
  });
  await save(wb, zh ? 'kpi.xlsx' : 'kpi.en.xlsx');
}
