/**
 * The default word list of the compliance lint, as data: what may not be said on air.
 *
 * Sources: 广告法 art. 9(3) (绝对化用语: 国家级, 最高级, 最佳 and words of the same meaning),
 * art. 9(4) (使用或者变相使用国家机关、国家机关工作人员的名义或者形象), art. 9(8) (迷信),
 * art. 11 (data and citations must be true and name their source), art. 16/17 (medical claims;
 * non-medical goods may not claim to treat disease), 商标法 art. 14 (驰名商标 may not be used in
 * ads), 《明码标价和禁止价格欺诈规定》 (fake price rises and fake scarcity).
 *
 * Each entry: the phrase, its category, a severity (error: do not say it; warning: say it only
 * when it is true and can be shown on screen), and a rewording in Chinese. Entries are matched
 * literally unless they carry a `pattern`; the longest match at a position wins (最有效 over 最).
 */

export const CATEGORY_IDS = ['absolute', 'medical', 'urgency', 'endorsement', 'superstition', 'custom'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];
export type Severity = 'error' | 'warning';

export interface Term {
  /** The entry as people write it; matched literally (case-insensitive, % also as ％) unless `pattern` is set. */
  phrase: string;
  /** A regular expression (source, flags `giu`) when a literal is not enough. */
  pattern?: string;
  category: CategoryId;
  severity: Severity;
  /** What to say instead, in Chinese. */
  suggestion: string;
  /**
   * A ranking or sales claim (第一, 销量冠军…): guide art. 9(6) lets it stand when limited to a time
   * and backed by a source; the lint then lowers it to a warning (see exemptions.ts).
   */
  factual?: boolean;
  /** A grade word (特级, 一级…): fine when a national or industry standard defines it (guide art. 9(3)). */
  grade?: boolean;
}

const RANK = '写明排名的来源与时间（如“2025年天猫XX类目销量第一，数据来源：XX”），否则删去';
const FACT = '用可证明的事实代替（销量、检测数据、评价数），并注明来源';

const absolute: Term[] = [
  // 最… — the bare 最 takes the character after it, so the finding reads 最美 rather than 最.
  {
    phrase: '最',
    pattern: '最\\p{Script=Han}?',
    category: 'absolute',
    severity: 'error',
    suggestion: '删去“最”，' + FACT,
  },
  { phrase: '最佳', category: 'absolute', severity: 'error', suggestion: '优选/推荐（说明理由）' },
  { phrase: '最好', category: 'absolute', severity: 'error', suggestion: '很好/口碑好（附评价数据）' },
  { phrase: '最有效', category: 'absolute', severity: 'error', suggestion: '效果显著（附检测报告）' },
  { phrase: '最低价', category: 'absolute', severity: 'error', suggestion: '到手价XX元（写明具体价格与活动时间）' },
  { phrase: '最高级', category: 'absolute', severity: 'error', suggestion: '高品质（说明具体工艺或材质）' },
  { phrase: '最便宜', category: 'absolute', severity: 'error', suggestion: '价格实惠（写明到手价）' },
  { phrase: '最先进', category: 'absolute', severity: 'error', suggestion: '采用XX技术（写明技术名称）' },
  {
    phrase: '最受欢迎',
    category: 'absolute',
    severity: 'error',
    suggestion: '很受欢迎（附销量与统计时间）',
    factual: true,
  },
  { phrase: '最畅销', category: 'absolute', severity: 'error', suggestion: '热销（附销量与统计时间）', factual: true },
  { phrase: '全网最低', category: 'absolute', severity: 'error', suggestion: '到手价XX元（写明价格与活动时间）' },
  { phrase: '全网最低价', category: 'absolute', severity: 'error', suggestion: '到手价XX元（写明价格与活动时间）' },
  { phrase: '史上最低价', category: 'absolute', severity: 'error', suggestion: '本场活动价XX元' },
  // 第一 / 唯一 / 首…
  { phrase: '第一', category: 'absolute', severity: 'error', suggestion: RANK, factual: true },
  { phrase: '销量第一', category: 'absolute', severity: 'error', suggestion: RANK, factual: true },
  { phrase: '排名第一', category: 'absolute', severity: 'error', suggestion: RANK, factual: true },
  { phrase: '全网第一', category: 'absolute', severity: 'error', suggestion: RANK, factual: true },
  { phrase: '第一品牌', category: 'absolute', severity: 'error', suggestion: '知名品牌（写明品牌的具体成绩与来源）' },
  {
    phrase: 'NO.1',
    pattern: '(?<![A-Za-z0-9])NO\\.?\\s?1(?![0-9])',
    category: 'absolute',
    severity: 'error',
    suggestion: RANK,
    factual: true,
  },
  {
    phrase: 'TOP1',
    pattern: '(?<![A-Za-z0-9])TOP\\s?1(?![0-9])',
    category: 'absolute',
    severity: 'error',
    suggestion: RANK,
    factual: true,
  },
  { phrase: '销量冠军', category: 'absolute', severity: 'error', suggestion: RANK, factual: true },
  { phrase: '唯一', category: 'absolute', severity: 'error', suggestion: '少有的/特有的（说明具体特点）' },
  { phrase: '独一无二', category: 'absolute', severity: 'error', suggestion: '很有特色（说明具体特点）' },
  {
    phrase: '首个',
    category: 'absolute',
    severity: 'error',
    suggestion: '写明“XX年XX领域首个”及来源，否则删去',
    factual: true,
  },
  {
    phrase: '首家',
    category: 'absolute',
    severity: 'error',
    suggestion: '写明“XX年XX地区首家”及来源，否则删去',
    factual: true,
  },
  { phrase: '首创', category: 'absolute', severity: 'error', suggestion: '自主研发（附专利号）' },
  { phrase: '首选', category: 'absolute', severity: 'error', suggestion: '推荐/优选（说明适合谁）' },
  { phrase: '首发', category: 'absolute', severity: 'warning', suggestion: '新品上市（写明上市时间）', factual: true },
  { phrase: '独家', category: 'absolute', severity: 'error', suggestion: '本店专享（写明品牌授权）' },
  // …级 / 顶… / 极…
  {
    phrase: '国家级',
    category: 'absolute',
    severity: 'error',
    suggestion: '写明具体认证或称号的全称（如“国家级非物质文化遗产”）',
  },
  { phrase: '世界级', category: 'absolute', severity: 'error', suggestion: '国际水准（附认证或获奖名称）' },
  { phrase: '全球领先', category: 'absolute', severity: 'error', suggestion: '技术成熟（写明技术名称与专利号）' },
  { phrase: '世界领先', category: 'absolute', severity: 'error', suggestion: '技术成熟（写明技术名称与专利号）' },
  { phrase: '遥遥领先', category: 'absolute', severity: 'error', suggestion: '表现出色（附对比测试数据与来源）' },
  { phrase: '顶级', category: 'absolute', severity: 'error', suggestion: '高品质/高端（说明材质与工艺）' },
  { phrase: '顶尖', category: 'absolute', severity: 'error', suggestion: '专业（说明资质）' },
  { phrase: '极品', category: 'absolute', severity: 'error', suggestion: '精选/上品' },
  { phrase: '极致', category: 'absolute', severity: 'warning', suggestion: '精致/用心（说明具体做法）' },
  { phrase: '终极', category: 'absolute', severity: 'error', suggestion: '升级版' },
  { phrase: '一流', category: 'absolute', severity: 'error', suggestion: '优质（说明标准或检测结果）' },
  { phrase: '王牌', category: 'absolute', severity: 'warning', suggestion: '主推款/招牌款' },
  { phrase: '填补国内空白', category: 'absolute', severity: 'error', suggestion: '自主研发（附专利号）' },
  // 绝对 / 100% / 永久 / 万能 / 史无前例
  { phrase: '绝对', category: 'absolute', severity: 'error', suggestion: '确实/非常（不作保证式表述）' },
  { phrase: '100%', category: 'absolute', severity: 'warning', suggestion: '写明数据来源（检测报告、吊牌成分）或删去' },
  {
    phrase: '百分之百',
    category: 'absolute',
    severity: 'warning',
    suggestion: '写明数据来源（检测报告、吊牌成分）或删去',
  },
  { phrase: '100%纯棉', category: 'absolute', severity: 'warning', suggestion: '纯棉（面料成分见吊牌）' },
  { phrase: '100%有效', category: 'absolute', severity: 'error', suggestion: '效果显著（附检测报告）' },
  { phrase: '100%正品', category: 'absolute', severity: 'error', suggestion: '正品保障（品牌授权见详情页）' },
  { phrase: '100%安全', category: 'absolute', severity: 'error', suggestion: '通过XX检测（附检测报告）' },
  { phrase: '零风险', category: 'absolute', severity: 'error', suggestion: '写明具体保障（如七天无理由退货）' },
  { phrase: '永久', category: 'absolute', severity: 'error', suggestion: '长期/耐用（写明保修年限）' },
  { phrase: '万能', category: 'absolute', severity: 'error', suggestion: '多用途（列出具体用途）' },
  { phrase: '史无前例', category: 'absolute', severity: 'error', suggestion: '删去，说明具体的新变化' },
  { phrase: '绝无仅有', category: 'absolute', severity: 'error', suggestion: '很少见（说明具体特点）' },
  { phrase: '前无古人', category: 'absolute', severity: 'error', suggestion: '删去，说明具体的新变化' },
  // Grade words: fine only with the standard that defines them (exemptions.ts).
  {
    phrase: '特级',
    category: 'absolute',
    severity: 'warning',
    suggestion: '写明依据的标准（如“GB/T 23347 特级初榨”），否则删去',
    grade: true,
  },
  { phrase: '特等', category: 'absolute', severity: 'warning', suggestion: '写明依据的标准，否则删去', grade: true },
  {
    phrase: '一级',
    category: 'absolute',
    severity: 'warning',
    suggestion: '写明依据的标准（如“一级能效”“GB/T 1536 压榨一级”），否则删去',
    grade: true,
  },
  {
    phrase: '一等品',
    category: 'absolute',
    severity: 'warning',
    suggestion: '写明依据的标准（如“GB/T XXXX 一等品”），否则删去',
    grade: true,
  },
  { phrase: '优等品', category: 'absolute', severity: 'warning', suggestion: '写明依据的标准，否则删去', grade: true },
  {
    phrase: 'A级',
    pattern: '(?<![A-Za-z0-9])A级',
    category: 'absolute',
    severity: 'warning',
    suggestion: '写明依据的标准（如“GB 18401 A类”），否则删去',
    grade: true,
  },
];

const MED = '非药品不得宣称治疗作用：改述为产品的真实功能（如“舒缓”“清洁”“保湿”）';
const medical: Term[] = [
  { phrase: '治疗', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '治愈', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '根治', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '药到病除', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '包治百病', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '疗效', category: 'medical', severity: 'error', suggestion: '使用感受（附功效评价报告）' },
  { phrase: '消炎', category: 'medical', severity: 'error', suggestion: '舒缓（附功效评价报告）' },
  { phrase: '止痛', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '抗癌', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '防癌', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '降血压', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '降血糖', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '降血脂', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '活血化瘀', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '药用', category: 'medical', severity: 'error', suggestion: '删去“药用”，写明成分与含量' },
  { phrase: '处方', category: 'medical', severity: 'error', suggestion: '配方（写明成分）' },
  { phrase: '无副作用', category: 'medical', severity: 'error', suggestion: '温和（附安全性检测报告）' },
  { phrase: '排毒', category: 'medical', severity: 'error', suggestion: '删去：写明产品的真实功能' },
  { phrase: '丰胸', category: 'medical', severity: 'error', suggestion: '删去：写明产品的真实功能' },
  { phrase: '壮阳', category: 'medical', severity: 'error', suggestion: '删去：写明产品的真实功能' },
  {
    phrase: '杀菌',
    category: 'medical',
    severity: 'warning',
    suggestion: '清洁（宣称抑菌须附检测报告与卫生安全评价）',
  },
  {
    phrase: '祛斑',
    category: 'medical',
    severity: 'warning',
    suggestion: '仅限持特殊化妆品注册证的产品，注明注册证号',
  },
  {
    phrase: '防脱',
    category: 'medical',
    severity: 'warning',
    suggestion: '仅限持特殊化妆品注册证的产品，注明注册证号',
  },
  {
    phrase: '增强免疫力',
    category: 'medical',
    severity: 'warning',
    suggestion: '仅限取得“蓝帽子”批准的保健食品，并说“本品不能代替药物”',
  },
  { phrase: '减肥', category: 'medical', severity: 'warning', suggestion: '轻盈/饱腹（普通食品不得宣称减肥功效）' },
];

const urgency: Term[] = [
  {
    phrase: '最后一天',
    category: 'urgency',
    severity: 'warning',
    suggestion: '只在属实时说，并写明截止时间（如“活动截至12月3日24:00”）',
  },
  { phrase: '最后一波', category: 'urgency', severity: 'warning', suggestion: '只在属实时说，写明本轮库存或截止时间' },
  { phrase: '最后一次机会', category: 'urgency', severity: 'warning', suggestion: '只在属实时说，写明活动截止时间' },
  { phrase: '仅剩最后', category: 'urgency', severity: 'warning', suggestion: '报真实库存（如“后台库存还剩X件”）' },
  {
    phrase: '最后N件',
    pattern: '最后\\s*[0-9一二两三四五六七八九十百]+\\s*(?:件|单|份|套|组|个|台|瓶|盒|双|分钟|秒|名)',
    category: 'urgency',
    severity: 'warning',
    suggestion: '报真实库存或真实倒计时（以后台为准）',
  },
  { phrase: '仅此一次', category: 'urgency', severity: 'warning', suggestion: '只在属实时说，写明活动时间' },
  {
    phrase: '错过再等一年',
    category: 'urgency',
    severity: 'error',
    suggestion: '写明活动时间（如“活动截至今晚24点”）',
  },
  {
    phrase: '错过今天再等一年',
    category: 'urgency',
    severity: 'error',
    suggestion: '写明活动时间（如“活动截至今晚24点”）',
  },
  { phrase: '马上涨价', category: 'urgency', severity: 'error', suggestion: '写明活动价的有效期（不得虚构涨价）' },
  { phrase: '明天就涨价', category: 'urgency', severity: 'error', suggestion: '写明活动价的有效期（不得虚构涨价）' },
  { phrase: '过了今天就没有', category: 'urgency', severity: 'warning', suggestion: '只在属实时说，写明截止时间' },
  { phrase: '手慢无', category: 'urgency', severity: 'warning', suggestion: '报真实库存（如“库存还剩X件”）' },
  { phrase: '亏本甩卖', category: 'urgency', severity: 'warning', suggestion: '活动价XX元（不得虚构亏本）' },
  { phrase: '跳楼价', category: 'urgency', severity: 'warning', suggestion: '活动价XX元' },
];

const ENDORSE = '删去：不得使用国家机关、工作人员或媒体的名义作推荐';
const endorsement: Term[] = [
  { phrase: '国家领导人推荐', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  { phrase: '领导人推荐', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  { phrase: '央视推荐', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  { phrase: 'CCTV推荐', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  { phrase: '国家推荐', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  { phrase: '特供', category: 'endorsement', severity: 'error', suggestion: '删去“特供”（不得暗示机关专用）' },
  { phrase: '专供', category: 'endorsement', severity: 'error', suggestion: '删去“专供”（不得暗示机关专用）' },
  { phrase: '国宴', category: 'endorsement', severity: 'error', suggestion: '删去：不得借国家机关名义' },
  {
    phrase: '国家免检',
    category: 'endorsement',
    severity: 'error',
    suggestion: '通过XX检测（附检测报告；免检制度已取消）',
  },
  {
    phrase: '免检产品',
    category: 'endorsement',
    severity: 'error',
    suggestion: '通过XX检测（附检测报告；免检制度已取消）',
  },
  {
    phrase: '驰名商标',
    category: 'endorsement',
    severity: 'error',
    suggestion: '删去：“驰名商标”字样不得用于广告宣传（商标法第十四条）',
  },
  {
    phrase: '医生推荐',
    category: 'endorsement',
    severity: 'error',
    suggestion: '删去：不得以医生、专家名义作推荐证明',
  },
  { phrase: '专家推荐', category: 'endorsement', severity: 'warning', suggestion: '删去或换成可核实的检测/评测结论' },
  { phrase: '院士推荐', category: 'endorsement', severity: 'error', suggestion: '删去：不得以专业人士名义作推荐证明' },
];

const SUPERSTITION = '删去：广告不得含迷信内容（广告法第九条），可改说寓意（如“寓意吉祥”）';
const superstition: Term[] = [
  { phrase: '招财', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '转运', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '改运', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '旺运', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '辟邪', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '化煞', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '镇宅', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '开光', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '保平安', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '招桃花', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '带来好运', category: 'superstition', severity: 'warning', suggestion: '寓意美好' },
  { phrase: '风水', category: 'superstition', severity: 'warning', suggestion: '删去风水说法，说设计与用途' },
];

/** The shipped list. Config `compliance.deny` adds to it; `compliance.allow` takes phrases out of it. */
export const DEFAULT_TERMS: readonly Term[] = [...absolute, ...medical, ...urgency, ...endorsement, ...superstition];

/** How many entries each category has (README, tests). */
export function termCounts(terms: readonly Term[] = DEFAULT_TERMS): Record<CategoryId, number> {
  const counts = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  for (const t of terms) counts[t.category]++;
  return counts;
}
