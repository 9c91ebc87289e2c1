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
const LEAD = '删去：写明品牌的具体成绩、时间与来源（如“2025年XX类目销量前三，数据来源：XX”）';

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
  {
    phrase: '最正宗',
    category: 'absolute',
    severity: 'error',
    suggestion: '正宗产区/原产地（写明产地与认证，如地理标志）',
  },
  { phrase: '最强', category: 'absolute', severity: 'error', suggestion: FACT },
  { phrase: '最大', category: 'absolute', severity: 'error', suggestion: FACT },
  { phrase: '最高', category: 'absolute', severity: 'error', suggestion: FACT },
  { phrase: '最低', category: 'absolute', severity: 'error', suggestion: '写明具体价格或数值' },
  { phrase: '最优', category: 'absolute', severity: 'error', suggestion: '优选/推荐（说明理由）' },
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
  {
    phrase: '国内第一个',
    // "the first in the country / the industry": a claim of time order that needs its time and
    // source (guide art. 9(6)), unlike the ordinal 第一个链接.
    pattern: '(?:国内|全国|全球|世界|行业|业内|全网|中国|亚洲|国际)上?第一(?:个|家|款|台|批|位|只|支|代)',
    category: 'absolute',
    severity: 'error',
    suggestion: '写明“XX年XX领域首个”及来源，否则删去',
    factual: true,
  },
  { phrase: '销冠', category: 'absolute', severity: 'error', suggestion: RANK, factual: true },
  { phrase: '领导品牌', category: 'absolute', severity: 'error', suggestion: LEAD },
  { phrase: '领袖品牌', category: 'absolute', severity: 'error', suggestion: LEAD },
  { phrase: '领先品牌', category: 'absolute', severity: 'error', suggestion: LEAD },
  { phrase: '领军品牌', category: 'absolute', severity: 'error', suggestion: LEAD },
  {
    phrase: '行业领导者',
    pattern: '(?:行业|市场|品类|全球|全国|国内)(?:领导者|领导品牌|领袖|领跑者|领头羊)',
    category: 'absolute',
    severity: 'error',
    suggestion: LEAD,
  },
  { phrase: '行业领先', category: 'absolute', severity: 'error', suggestion: '技术成熟（写明技术名称与专利号）' },
  { phrase: '国内领先', category: 'absolute', severity: 'error', suggestion: '技术成熟（写明技术名称与专利号）' },
  { phrase: '国际领先', category: 'absolute', severity: 'error', suggestion: '技术成熟（写明技术名称与专利号）' },
  { phrase: '首屈一指', category: 'absolute', severity: 'error', suggestion: '口碑好（附评价数据）' },
  { phrase: '数一数二', category: 'absolute', severity: 'error', suggestion: '口碑好（附评价数据）' },
  { phrase: '无与伦比', category: 'absolute', severity: 'error', suggestion: '很有特色（说明具体特点）' },
  { phrase: '举世无双', category: 'absolute', severity: 'error', suggestion: '很有特色（说明具体特点）' },
  { phrase: '空前绝后', category: 'absolute', severity: 'error', suggestion: '删去，说明具体的新变化' },
  { phrase: '独一份', category: 'absolute', severity: 'error', suggestion: '很有特色（说明具体特点）' },
  { phrase: '独一档', category: 'absolute', severity: 'error', suggestion: '很有特色（说明具体特点）' },
  { phrase: '仅此一家', category: 'absolute', severity: 'error', suggestion: '本店有售（不作唯一性表述）' },
  { phrase: '无敌', category: 'absolute', severity: 'error', suggestion: '很出色（说明具体表现）' },
  {
    phrase: '之王',
    pattern: '(?<=\\p{Script=Han})之王',
    category: 'absolute',
    severity: 'error',
    suggestion: '很受欢迎/表现出色（附数据）',
  },
  {
    phrase: '天花板',
    pattern: '(?:颜值|性价比|品质|口感|音质|画质|颜色|设计|做工|行业|界|圈|级)的?天花板',
    category: 'absolute',
    severity: 'error',
    suggestion: '很出色（说明具体表现）',
  },
  {
    phrase: '吊打同行',
    pattern: '(?:秒杀|吊打|碾压|完爆|暴打)(?:全网|同行|同类|同价位|一切|所有|其他|别家|大牌|专柜|竞品)',
    category: 'absolute',
    severity: 'error',
    suggestion: '删去：不得贬低其他经营者的商品（广告法第十三条），说自己的优点',
  },
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
  {
    phrase: '全网首发',
    pattern: '(?:全网|全国|全球|全平台|行业|国内|世界)首发',
    category: 'absolute',
    severity: 'error',
    suggestion: '新品上市（写明上市时间、平台与来源）',
    factual: true,
  },
  { phrase: '独家', category: 'absolute', severity: 'error', suggestion: '本店专享（写明品牌授权）' },
  // …级 / 顶… / 极…
  {
    phrase: '国家级',
    category: 'absolute',
    severity: 'error',
    suggestion: '写明具体认证或称号的全称（如“国家级非物质文化遗产”）',
  },
  { phrase: '世界级', category: 'absolute', severity: 'error', suggestion: '国际水准（附认证或获奖名称）' },
  { phrase: '国际级', category: 'absolute', severity: 'error', suggestion: '国际水准（附认证或获奖名称）' },
  { phrase: '宇宙级', category: 'absolute', severity: 'error', suggestion: '很出色（说明具体表现）' },
  { phrase: '殿堂级', category: 'absolute', severity: 'error', suggestion: '高品质（说明材质与工艺）' },
  { phrase: '全球领先', category: 'absolute', severity: 'error', suggestion: '技术成熟（写明技术名称与专利号）' },
  { phrase: '世界领先', category: 'absolute', severity: 'error', suggestion: '技术成熟（写明技术名称与专利号）' },
  { phrase: '遥遥领先', category: 'absolute', severity: 'error', suggestion: '表现出色（附对比测试数据与来源）' },
  { phrase: '顶级', category: 'absolute', severity: 'error', suggestion: '高品质/高端（说明材质与工艺）' },
  { phrase: '顶尖', category: 'absolute', severity: 'error', suggestion: '专业（说明资质）' },
  { phrase: '极品', category: 'absolute', severity: 'error', suggestion: '精选/上品' },
  { phrase: '极致', category: 'absolute', severity: 'warning', suggestion: '精致/用心（说明具体做法）' },
  { phrase: '绝佳', category: 'absolute', severity: 'warning', suggestion: '很好（说明具体表现）' },
  { phrase: '极佳', category: 'absolute', severity: 'warning', suggestion: '很好（说明具体表现）' },
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
  {
    phrase: '百分百',
    category: 'absolute',
    severity: 'warning',
    suggestion: '写明数据来源（检测报告、吊牌成分）或删去',
  },
  { phrase: '100%纯棉', category: 'absolute', severity: 'warning', suggestion: '纯棉（面料成分见吊牌）' },
  { phrase: '100%有效', category: 'absolute', severity: 'error', suggestion: '效果显著（附检测报告）' },
  {
    phrase: '百分之百有效',
    pattern: '(?:百分之百|百分百)(?:有效|正品|安全|见效)',
    category: 'absolute',
    severity: 'error',
    suggestion: '写明依据（检测报告、品牌授权），不作保证式表述',
  },
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
  { phrase: '治病', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '治好', category: 'medical', severity: 'error', suggestion: MED },
  {
    phrase: '治',
    // 治 or 预防 before an illness (治颈椎病, 防治高血压, 预防感冒), not 政治, 治理, 自治.
    pattern:
      '(?:预防|(?<![政自整统])治(?![疗愈理安水]))(?=[^，。！？!?；;\\n]{0,6}?(?:病|炎|症|癌|瘤|疮|癣|疹|溃疡|结石|脚气|脱发|近视|便秘|痛风|哮喘|咳嗽|感冒|鼻炎|痔|失眠|三高|风湿|痛|疼|痘|胃|肝|肾|伤))',
    category: 'medical',
    severity: 'error',
    suggestion: MED,
  },
  {
    phrase: '比吃药还管用',
    pattern: '比(?:吃)?药(?:还|更|都)(?:管用|好使|有效|灵)',
    category: 'medical',
    severity: 'error',
    suggestion: MED,
  },
  { phrase: '医治', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '痊愈', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '根除', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '药到病除', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '包治百病', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '药效', category: 'medical', severity: 'error', suggestion: '使用感受（非药品不得宣称药效）' },
  { phrase: '疗效', category: 'medical', severity: 'error', suggestion: '使用感受（附功效评价报告）' },
  { phrase: '消炎', category: 'medical', severity: 'error', suggestion: '舒缓（附功效评价报告）' },
  { phrase: '止痛', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '止痒', category: 'medical', severity: 'error', suggestion: '舒缓（化妆品不得宣称止痒）' },
  { phrase: '抗炎', category: 'medical', severity: 'error', suggestion: '舒缓（附功效评价报告）' },
  { phrase: '抗病毒', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '抗癌', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '防癌', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '降血压', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '降血糖', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '降血脂', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  { phrase: '降三高', category: 'medical', severity: 'error', suggestion: '删去：非药品不得涉及疾病预防治疗' },
  {
    phrase: '防近视',
    pattern: '(?:预防|防止|防|治疗|缓解|改善)近视|恢复视力|近视(?:能|可以)?(?:恢复|治好|好转)',
    category: 'medical',
    severity: 'error',
    suggestion: '删去：非医疗器械不得宣称预防或治疗近视',
  },
  { phrase: '清热解毒', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '补肾', category: 'medical', severity: 'error', suggestion: '删去：写明产品的真实功能' },
  { phrase: '调节内分泌', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '调理内分泌', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '活血', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '药妆', category: 'medical', severity: 'error', suggestion: '删去“药妆”：化妆品不得使用医疗用语' },
  { phrase: '特效药', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '祖传秘方', category: 'medical', severity: 'error', suggestion: '删去：写明成分与含量' },
  { phrase: '活血化瘀', category: 'medical', severity: 'error', suggestion: MED },
  { phrase: '药用', category: 'medical', severity: 'error', suggestion: '删去“药用”，写明成分与含量' },
  { phrase: '处方', category: 'medical', severity: 'error', suggestion: '配方（写明成分）' },
  { phrase: '无副作用', category: 'medical', severity: 'error', suggestion: '温和（附安全性检测报告）' },
  {
    phrase: '零副作用',
    pattern: '(?:零|无毒|毫无|没有任何|没有|没|不会有)(?:任何)?(?:毒)?副作用',
    category: 'medical',
    severity: 'error',
    suggestion: '温和（附安全性检测报告）',
  },
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
  {
    phrase: '提高免疫力',
    pattern: '(?:提高|提升|增加)(?:人体|身体)?免疫力',
    category: 'medical',
    severity: 'warning',
    suggestion: '仅限取得“蓝帽子”批准的保健食品，并说“本品不能代替药物”',
  },
  {
    phrase: '助眠',
    category: 'medical',
    severity: 'warning',
    suggestion: '仅限取得“改善睡眠”批准的保健食品；普通商品说使用感受',
  },
  { phrase: '抗菌', category: 'medical', severity: 'warning', suggestion: '写明检测机构与抑菌率报告，否则删去' },
  { phrase: '抗过敏', category: 'medical', severity: 'warning', suggestion: '温和（化妆品不得宣称抗过敏）' },
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
  {
    phrase: '随时涨价',
    // 《明码标价和禁止价格欺诈规定》: a price rise announced to rush the buyer, which the shop cannot show.
    pattern:
      '(?:马上|立马|立刻|随时|明天|明早|下播|下场|下一场|过了今[天晚]|一会儿?|等会儿?|待会儿?|再不(?:买|拍|下单|抢|入手))' +
      '(?:就|都|可能|会|要)*(?:涨价|涨回|涨到|调价|恢复原价|回到原价|改回原价|涨(?=[了啦喽哦，。！!？?,\\s]|$))',
    category: 'urgency',
    severity: 'error',
    suggestion: '写明活动价的有效期（不得虚构涨价）',
  },
  {
    phrase: '再等一年',
    pattern: '(?:错过|过了)(?:今天|今晚|这次|这波|这一波|本场|这场|这个价)?(?:就|还|又)?(?:要|得)?再等一年',
    category: 'urgency',
    severity: 'error',
    suggestion: '写明活动时间（如“活动截至今晚24点”）',
  },
  { phrase: '过了今天就没有', category: 'urgency', severity: 'warning', suggestion: '只在属实时说，写明截止时间' },
  { phrase: '手慢无', category: 'urgency', severity: 'warning', suggestion: '报真实库存（如“库存还剩X件”）' },
  { phrase: '最后一批', category: 'urgency', severity: 'warning', suggestion: '报真实库存（以后台为准）' },
  { phrase: '全网断货', category: 'urgency', severity: 'warning', suggestion: '报真实库存（以后台为准）' },
  { phrase: '万人疯抢', category: 'urgency', severity: 'warning', suggestion: '报真实销量（附统计时间）' },
  { phrase: '抢疯了', category: 'urgency', severity: 'warning', suggestion: '报真实销量（附统计时间）' },
  { phrase: '再不抢就没了', category: 'urgency', severity: 'warning', suggestion: '报真实库存（如“库存还剩X件”）' },
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
  { phrase: '国礼', category: 'endorsement', severity: 'error', suggestion: '删去：不得借国家机关名义' },
  { phrase: '中南海', category: 'endorsement', severity: 'error', suggestion: '删去：不得借国家机关名义' },
  { phrase: '人民大会堂', category: 'endorsement', severity: 'error', suggestion: '删去：不得借国家机关名义' },
  {
    phrase: '领导人同款',
    pattern: '领导人?(?:同款|专用|御用|指定)|领导人(?:都|也|一直)?在?(?:用|喝|吃|穿|戴)(?:的|过的)?(?:同款)?',
    category: 'endorsement',
    severity: 'error',
    suggestion: ENDORSE,
  },
  {
    phrase: '政府推荐',
    pattern:
      '(?:国家|政府|国务院|卫健委|药监局|市场监管局|工信部|农业农村部|商务部|部队|军队|机关)(?:唯一)?(?:推荐|指定|专用|专供|特供|监制)',
    category: 'endorsement',
    severity: 'error',
    suggestion: ENDORSE,
  },
  { phrase: '人民日报推荐', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  { phrase: '新华社推荐', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  { phrase: '央视指定', category: 'endorsement', severity: 'error', suggestion: ENDORSE },
  {
    phrase: '央视推荐过',
    // the forms the literal entries do not cover: 央视上推荐过, 人民日报都推荐
    pattern: '(?:央视|CCTV|人民日报|新华社)(?:(?:上|都|也|曾|曾经|还)+(?:推荐|指定|认证)过?|(?:推荐|指定|认证)过)',
    category: 'endorsement',
    severity: 'error',
    suggestion: ENDORSE,
  },
  {
    phrase: '医院推荐',
    pattern: '(?:三甲)?医院(?:推荐|专用|指定|同款)',
    category: 'endorsement',
    severity: 'error',
    suggestion: '删去：不得以医疗机构名义作推荐证明',
  },
  { phrase: '教授推荐', category: 'endorsement', severity: 'warning', suggestion: '删去或换成可核实的检测/评测结论' },
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
  { phrase: '旺财', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '聚财', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '逢凶化吉', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '时来运转', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '消灾', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '挡煞', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '驱邪', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '避邪', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '化解小人', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '旺夫', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  { phrase: '保佑', category: 'superstition', severity: 'error', suggestion: SUPERSTITION },
  {
    phrase: '提升运势',
    pattern: '(?:提升|增强|增加|旺|改善|助)(?:财运|运势|运气|事业运|桃花运)',
    category: 'superstition',
    severity: 'error',
    suggestion: SUPERSTITION,
  },
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
