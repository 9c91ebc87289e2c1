/**
 * When a listed word is not a finding, as data — following the market regulator's 2023
 * 《广告绝对化用语执法指南》 (the guide), so the lint does not drown a team in false positives.
 *
 * Two kinds of rule:
 *   - span rules: a pattern that marks a stretch of text as safe; a match that lies wholly inside
 *     such a stretch is not a finding (最近 holds 最, 第一次 holds 第一, 本店最新款 holds 最新);
 *   - context rules (in lint.ts, driven by the patterns below): look at the clause or sentence
 *     around a match — a negation before it, a standard cited beside a grade word, a time and a
 *     source beside a ranking claim, a viewer's quoted question.
 *
 * Decisions (README, `liveops script lint`):
 *   - time + source: a ranking/sales claim (第一, 销量冠军, 最畅销…) with a time qualifier AND a
 *     source in the same sentence is lowered to a warning, not dropped — guide art. 9(6) allows it
 *     only when true, and 广告法 art. 11 wants the source shown; the team must be able to prove it.
 *     With only one of the two it stays an error.
 *   - a viewer's question quoted on air (弹幕问：“这个是最好的吗？”) or reported (有人问是不是全网最低)
 *     is still a finding — the anchor says the words — but lowered to a warning: read it as a
 *     paraphrase and do not confirm it. The answer after it is the anchor's own claim.
 *   - self-comparison (art. 9(1)) is read narrowly, see OWN_RANGE: naming the shop (我们家, 咱家) does
 *     not excuse a claim about its product against the market (我们家的茶最好, 我们家登山鞋销量第一).
 *   - a negation right before the word (不能代替药物治疗, 没有最好只有更好, 不是万能的) is not a
 *     claim; the mandatory 保健食品 disclaimer must never be flagged.
 */

export type ExemptionKind =
  | 'safe-word'
  | 'ordinal'
  | 'enumeration'
  | 'own-line'
  | 'consumer-tip'
  | 'quantity-limit'
  | 'standard-grade'
  | 'official-title'
  | 'product-name'
  | 'allow'
  | 'negation'
  | 'standard-cited';

export type DowngradeKind = 'time-and-source' | 'viewer-question';

export interface SpanRule {
  kind: ExemptionKind;
  /** Regular expression source, compiled with flags `giu`. */
  pattern: string;
  /** Why, for the README and for `--verbose`. */
  why: string;
}

const HAN = '\\p{Script=Han}';
const NUM = '[0-9一二两三四五六七八九十百千万]';

/**
 * Common words that merely contain a listed word or character. Each is a plain word, not a claim.
 */
export const SAFE_WORDS: readonly string[] = [
  // 最 as a plain time/degree word, or opening a point (最重要的是…)
  '最近',
  '最重要的是',
  '最主要的是',
  '最关键的是',
  '最重要的一点',
  '最关键的一点',
  '最初',
  '最终',
  '最后',
  '最起码',
  '最后一次',
  // 首 — never a claim in these words
  '首付',
  '首先',
  '首次',
  '首单',
  '首页',
  '首批',
  // 一级 / 一流 / 一等 where 一 belongs to the word before (统一级别, 上一级, 统一流程)
  '上一级',
  '下一级',
  '统一级',
  '同一级',
  '每一级',
  '这一级',
  '哪一级',
  '统一流',
  '同一流',
  // prizes and titles
  '特等奖',
  '一等奖',
  '特级教师',
  // 唯一 admitting a shortcoming is not a superiority claim
  '唯一的缺点',
  '唯一缺点',
  '唯一的不足',
  '唯一的遗憾',
  '唯一的问题',
  '唯一的区别',
  '唯一要求',
  '唯一的要求',
  // product types, logistics and everyday words that hold a listed word
  '万能胶',
  '万能表',
  '绝对值',
  '转运中心',
  '转运中',
  '转运站',
  '转运仓',
  '中转运',
  '防脱落',
  '防脱扣',
  '防脱线',
  '防脱色',
  '防脱手',
  '打开光',
  '改运费',
  '改运单',
  '国家推荐性标准',
  '国家推荐标准',
];

/** Foods and teas whose product standards grade them 特级/一级/二级 (特级龙井, 一级大米). */
const GRADED_FOODS = [
  '龙井',
  '碧螺春',
  '铁观音',
  '大红袍',
  '肉桂',
  '水仙',
  '单丛',
  '岩茶',
  '乌龙',
  '红茶',
  '绿茶',
  '白茶',
  '黄茶',
  '黑茶',
  '普洱',
  '花茶',
  '茉莉花茶',
  '毛尖',
  '毛峰',
  '猴魁',
  '瓜片',
  '银针',
  '白牡丹',
  '寿眉',
  '滇红',
  '祁红',
  '祁门红茶',
  '金骏眉',
  '正山小种',
  '茶叶',
  '茶',
  '大米',
  '粳米',
  '籼米',
  '小米',
  '面粉',
  '小麦粉',
  '菜籽油',
  '花生油',
  '大豆油',
  '葵花籽油',
  '橄榄油',
  '玉米油',
  '芝麻油',
  '茶油',
  '山茶油',
  '香油',
  '酱油',
  '食醋',
  '陈醋',
  '白砂糖',
  '冰糖',
  '蜂蜜',
  '枸杞',
  '红枣',
  '香菇',
  '木耳',
  '花椒',
  '海参',
  '虾仁',
  '核桃',
  '腰果',
  '开心果',
].join('|');

/**
 * Guide art. 9(1) excuses only a comparison *within* the shop's or brand's own range. It reads as
 * one when the superlative comes right after the shop (or a set of its products) and picks a
 * product out of it: 我们家最畅销的一款, 本店销量最高的是这款, 咱家最便宜的就是它, 这三款里最轻的是….
 * 我们家的茶最好 / 咱家的龙井最正宗 / 我们家登山鞋销量第一 say something of the product against the
 * market — the product comes between the shop and the superlative, and nothing is picked out — and
 * stay findings; so does any sentence that also says 全网, 行业, 没有之一….
 */
const OWN_SHOP =
  '(?:本店|本品牌|本系列|我们家|我家|咱家|咱们家|自家|我们店|咱们店|我们品牌|咱们品牌|店里|全店|本直播间|我们直播间|咱们直播间|全系列?|这个系列|同系列)';
const OWN_SET = `(?:这|今天这|今晚这|我们这|咱们这|我们家这)?(?:${NUM}+|几|么多|些)(?:个颜色|个色号|个口味|款|个|件|种|色|双|套|支|条|瓶|盒)(?:产品|商品|款式|颜色|口味)?`;
const AMONG = '(?:里|里面|里头|中|当中|之中)';
const OWN_CONNECTOR = `的?(?:(?:所有|全部|这么多)?${HAN}{0,4}?${AMONG})?(?:今天|今晚|本场|这场)?(?:卖得|卖的|销量|口碑|人气|好评|复购率?|目前|现在|今年|迄今为止|有史以来|上新以来)?`;
const PICKED =
  `的?(?:[一这那]?(?:款|个|件|双|套|支|瓶|盒|罐|条|种|色|代|版|系列|批|只|台)|颜色|色号|尺码|口味|型号|单品|宝贝|链接)` +
  `|的(?:${HAN}{0,4}?(?:就是|是|要数|当属|还得是)|${HAN}{0,6}(?=[。！？!?；;\\n]|$))`;
const MARKET_LATER =
  '(?![^。！？!?；;\\n]{0,80}(?:没有之一|全网|全国|全球|全平台|行业|市场|同类|同行|别家|世界|天下|国内))';
export const OWN_RANGE =
  // the shop, or a set of its products, right before the superlative: 我们家最畅销的一款
  `(?:(?:${OWN_SHOP}${OWN_CONNECTOR}|${OWN_SET}${AMONG})(?:最${HAN}{1,5}?|第一)(?:${PICKED})` +
  // the shop named earlier in the sentence, the superlative opening a clause that picks: 我们家的入门款，最便宜的是99的那款
  `|${OWN_SHOP}[^。！？!?；;\\n]{0,40}?[，,]\\s*最${HAN}{1,5}?的(?:就是|是|一款是|那款是)` +
  // a set of the shop's products compared with each other: 这两款放一起比，左边这款最轻
  `|${OWN_SET}(?:放一起|放在一起|一起)?(?:比|对比|比较|相比)[^。！？!?；;\\n]{0,40}?最${HAN}{1,5}?)` +
  MARKET_LATER;

/** Span rules, in no particular order: any of them covering a match makes it exempt. */
export const SPAN_RULES: readonly SpanRule[] = [
  {
    kind: 'safe-word',
    pattern: SAFE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    why: 'a common word that only contains a listed character (最近, 最终, 首付)',
  },
  {
    kind: 'ordinal',
    // 第一次, 第一步, 第一个链接, 第一百…: 第一 as an ordinal, followed by a measure word or time word.
    pattern: `第一(?:次|步|天|个|件|款|波|排|位|时间|眼|印象|口|轮|场|批|单|季|期|部分|点|条|层|号|颗|杯|瓶|盒|套|组|段|节|章|页|张|遍|下|周|年|月|晚|行|列|集|句|声|局|回|课|百|千|万|道|关|环节|阶段|反应|感觉|手|级|台|双|代|只|支|辆|本|把|泡|份|根|片|粒|块|首|届|版)`,
    why: '第一 as an ordinal (第一次, 第一步, 第一个链接) rather than a ranking',
  },
  {
    kind: 'enumeration',
    // "第一，面料…；第二，…" — 第一 opening a clause and followed by a comma or colon.
    pattern: '(?<=^|[\\s。！？!?；;：:，,（(【\\[>*#-])第一(?=\\s*[，,、：:．.])',
    why: '第一 numbering points in a list (第一，…；第二，…)',
  },
  {
    kind: 'own-line',
    // guide art. 9(1): a superlative that picks one of the shop's own products out of its range —
    // 我们家最畅销的一款, 咱家最便宜的就是这款, 店里卖得最好的是…, 这三款里最轻的是… (see OWN_RANGE).
    pattern: OWN_RANGE,
    why: 'a comparison among the shop’s own products (我们家最畅销的一款是…), guide art. 9(1)',
  },
  {
    kind: 'safe-word',
    // 最新 as "latest" news, not a claim about the product: 最新的物流信息, 最新消息, 最新活动.
    pattern: '最新的?(?:消息|信息|物流|动态|进展|通知|公告|情况|安排|排期|预告|活动|福利|优惠|政策)',
    why: '最新 as the latest news (最新的物流信息, 最新活动)',
  },
  {
    kind: 'own-line',
    pattern: '最新(?:款|一代|版|系列|配色|色号|批次|上架|到货|升级|一期)',
    why: '最新 describing the shop’s own product line (今年最新款, 最新一代), guide art. 9(1)',
  },
  {
    kind: 'consumer-tip',
    // guide art. 9(2): 最佳 as a consumption tip (最佳食用期, 最佳冲泡温度).
    pattern:
      '最佳(?:食用|赏味|饮用|使用|冲泡|保存|储存|观赏|穿着|佩戴|品尝|浇水|种植|保质)(?:期|时间|温度|方法|时段|季节)?',
    why: '最佳 in a consumption tip (最佳赏味期, 最佳冲泡温度), guide art. 9(2)',
  },
  {
    kind: 'consumer-tip',
    // 最好 as "had better" before advice (最好先试穿, 最好冷藏保存) — but not 最好用的 / 最好穿了,
    // where 最好 and one verb are the claim "the best to use".
    pattern:
      '最好(?!\\p{Script=Han}(?:的|了|啊|呀|[，。！？!?,；;~\\s]|$))(?=先|别|不要|不|在|放|用|选|提前|冷藏|冷冻|搭配|配|每天|少|多|还是|趁|赶紧|马上|手洗|避免|穿|试|拍|买|囤|加|等|及时|尽快|尽量|去|来|给|让|把|跟|按|遵|看|问|咨询|密封|避光|阴凉|拿|带|备|要|能|可以|是)',
    why: '最好 as advice ("you had better": 最好冷藏保存, 最好先试穿)',
  },
  {
    kind: 'quantity-limit',
    // 每人最多限购2件, 满300最高减50, 最少用3天: a bound on a number, not a comparison.
    pattern: `最(?:多|少|高|低)(?:可|能|只|仅|立减|减|返|送|享|达|限购|限领|限拍|限|不超过|可享|可减|可返|可用|可以|要|需要|用|买|拍|领)?\\s*${NUM}`,
    why: 'a limit on a number (每人最多2件, 最高减50元)',
  },
  {
    kind: 'quantity-limit',
    // A bound the product itself has, with its figure: 最大功率1800瓦, 最高时速25公里, 续航最长可达30小时,
    // 最多可以叠加两张券, 最少要泡三分钟. Not 最低价99 (a price claim) nor 最大的3个 (a comparison).
    pattern: `最(?:多|少|高|低|大|小|长|短|快|慢|久|远|重)(?:(?![的价级好佳优强美])${HAN}){0,4}\\s*(?:零下)?${NUM}`,
    why: 'a figure of the product’s own (最大功率1800瓦, 最长续航30小时)',
  },
  {
    kind: 'quantity-limit',
    // The same, said as "its smallest size is…": 最小的尺寸是24厘米, 最合适的身高是160到165.
    pattern: `最${HAN}{1,2}的(?:尺寸|尺码|码数|容量|功率|重量|规格|长度|宽度|高度|厚度|温度|时间|时长|身高|体重|年龄|用量|档位|速度|距离)(?:是|为|在|有|能到|可达)?\\s*${NUM}`,
    why: 'a figure of the product’s own (最小的尺寸是24厘米)',
  },
  {
    kind: 'standard-grade',
    // guide art. 9(3): grades defined by national/industry standards.
    pattern: `(?:[一二三四五1-5]级能效|能效(?:等级)?[为是：:]?\\s*[一二三四五1-5]级|特级初榨|初榨特级|压榨一级|一级压榨)`,
    why: 'a grade defined by a standard (一级能效, 特级初榨橄榄油, 压榨一级), guide art. 9(3)',
  },
  {
    kind: 'standard-grade',
    // Tea (GB/T 18650 龙井茶, GB/T 14456 绿茶, GB/T 22291 白茶…), grain, oil, condiments, dried goods.
    pattern: `(?:特级|一级|二级|三级)(?:${GRADED_FOODS})`,
    why: 'a food grade from its product standard (特级龙井, 一级大米), guide art. 9(3)',
  },
  {
    kind: 'official-title',
    // guide art. 9(5): titles awarded under state rules.
    pattern:
      '国家级(?:非物质文化遗产|非遗|高新技术企业|专精特新|“?小巨人”?企业|自然保护区|风景名胜区|地理标志(?:保护产品)?|农业产业化重点龙头企业|重点龙头企业|技能大师)',
    why: 'an official title awarded under state rules (国家级非物质文化遗产), guide art. 9(5)',
  },
];

/** A standard cited in the sentence makes its grade words exempt (GB/T 1536 压榨一级). */
export const STANDARD_CITED =
  '(?:GB|GB\\/T|GB\\s*\\/\\s*T|NY\\/T|QB\\/T|SB\\/T|LY\\/T|FZ\\/T|T\\/[A-Z]+)\\s*\\d|国家标准|国标|行业标准|执行标准|标准号';

/**
 * Words that negate what follows in the same clause: 不能代替药物治疗, 没有最好, 不是万能的 — but
 * not the question forms 是不是 / 能不能 / 会不会 / 有没有 (能不能治疗脚气 asks for the claim).
 */
export const NEGATION_BEFORE =
  '(?:(?<!能)不能|(?<!可)不可以?|无法|不具[有备]|(?<!是)不是|并非|并不|不等于|不代表|不宣传|不承诺|(?<!会)不会|(?<!有)没有|不含|非|' +
  '不敢|谈不上|称不上|算不上|不一定|未必|不保证|不说|不卖|不售|不销售)' +
  '(?:代替|替代|用于|起到|达到|具有|具备|有|说|是|称|保证|自称|标榜){0,2}(?:任何|一切)?(?:这个?|这款|它|我们家?|咱家)?(?:就?是)?' +
  '(?:药物|药品)?(?:的)?\\s*$';

/** A time qualifier (guide art. 9(6)): 2025年, 截至11月, 近30天, 2025年Q3, 上月. */
export const TIME_QUALIFIER = `(?:19|20)\\d{2}\\s*(?:年|[-/.]\\d{1,2})|截[至止]|近\\s*${NUM}+\\s*(?:天|日|周|个月|月|年)|(?:上|本)(?:月|季度|周)|Q[1-4]|第[一二三四]季度|双(?:11|十一)|618`;

/** A source (广告法 art. 11): 数据来源：…, 来源…, 据XX统计, 出处. */
export const SOURCE_QUALIFIER = '来源|出处|据[^，。！？!?\\n]{1,24}?(?:统计|数据|报告|榜|排行|调研|监测)|引自';

/**
 * A viewer's question the anchor reports without quotation marks (有人问是不是全网最低, 弹幕在问能不能
 * 治疗脚气): what follows these words, up to the end of the clause that asks, is the viewer's.
 */
export const REPORTED_QUESTION =
  '(?:有人|有宝宝|有朋友|有粉丝|有姐妹|有家人|有小伙伴|有观众|好多人|很多人|不少人|弹幕|评论区?|留言区?|公屏|私信|后台)' +
  '(?:里|上)?(?:有人|有宝宝)?(?:一直|都|又|也)?在?(?:问我|问到|提问|留言问|私信问|问)(?:说|道)?[：:，,]?';

/** What marks the clause of a reported question as the question: 是不是, 能不能, 吗, ？… */
export const QUESTION_MARKER = '是不是|是否|有没有|能不能|会不会|可不可以|行不行|对不对|算不算|[吗嘛么呢][？?]?|[？?]';

/** Words before a quotation that make it a viewer's question read out on air. */
export const VIEWER_QUESTION_BEFORE = '(?:问|提问|留言|评论|弹幕|私信)[^“”"「」『』]{0,8}$';
