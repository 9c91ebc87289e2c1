/**
 * The default topic dictionary for live-commerce comments and consultations (SPEC.md, `retro`:
 * "comment and consultation hotspots"), as data: topic → synonyms, and who carries out the
 * talk-optimisation action the topic suggests. The words — each topic's label and the action
 * itself — are the topic localiser's.
 *
 * A message mentions a topic when it contains any of the topic's synonyms as a substring, so
 * synonyms should be specific enough not to hit unrelated text. Config can add topics and synonyms
 * (see `mergeTopics`).
 */
import type { Role } from './rules.js';

export interface TopicDef {
  /** Substrings that mark a message as mentioning the topic (the topic name is always one). */
  synonyms: readonly string[];
  /** Who carries out the topic's suggested talk-optimisation action when it is a hotspot. */
  owner: Role;
}

export const DEFAULT_TOPICS: Readonly<Record<string, TopicDef>> = {
  尺码: { synonyms: ['尺码', '码数', '码子', '多大码', '偏大', '偏小', '身高', '体重'], owner: 'anchor' },
  防水: { synonyms: ['防水', '防雨', '漏水'], owner: 'anchor' },
  发货: { synonyms: ['发货', '快递', '物流', '几天到', '包邮'], owner: 'cs' },
  价格: { synonyms: ['多少钱', '价格', '便宜', '优惠', '贵', '券', '折扣'], owner: 'anchor' },
  颜色: { synonyms: ['颜色', '什么色', '色号'], owner: 'anchor' },
  材质: { synonyms: ['材质', '面料', '成分'], owner: 'anchor' },
  退换: { synonyms: ['退换', '退货', '换货', '七天无理由', '售后'], owner: 'cs' },
  质量: { synonyms: ['质量', '起球', '掉色', '做工'], owner: 'anchor' },
  保暖: { synonyms: ['保暖', '零下'], owner: 'anchor' },
  链接: { synonyms: ['链接', '怎么买', '几号链接', '上车'], owner: 'anchor' },
};

/** The built-in dictionary as topic → synonyms (fresh arrays: safe to modify). */
export function defaultTopicSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [topic, def] of Object.entries(DEFAULT_TOPICS)) out[topic] = [...def.synonyms];
  return out;
}

/**
 * The built-in dictionary with the user's topics merged in: a user topic that exists already gets
 * its synonyms added to the built-in ones; a new topic is added. Every topic also matches its own
 * name. Blank synonyms are dropped, duplicates removed.
 */
export function mergeTopics(user?: Record<string, readonly string[]>): Record<string, string[]> {
  const merged = defaultTopicSynonyms();
  for (const [topic, synonyms] of Object.entries(user ?? {})) {
    merged[topic] = [...(merged[topic] ?? []), ...synonyms];
  }
  const out: Record<string, string[]> = {};
  for (const [topic, synonyms] of Object.entries(merged)) {
    const name = topic.trim();
    if (name === '') continue;
    const clean = [name, ...synonyms].map((s) => s.trim()).filter((s) => s !== '');
    out[name] = [...new Set([...(out[name] ?? []), ...clean])];
  }
  return out;
}

/** Who acts on a built-in topic's suggested action, or null for a topic only the config defines (it suggests none). */
export function topicOwner(topic: string): Role | null {
  return Object.hasOwn(DEFAULT_TOPICS, topic) ? DEFAULT_TOPICS[topic]!.owner : null;
}

/**
 * Words never reported as undictionaried keywords: question words, particles, greetings and forms
 * of address, pronouns, time words (今年, 现在, 平时) and filler (合适, 可以, 这个, 一下) — words that
 * carry no subject: a team reading "合适 10" learns nothing it can act on. Single characters never
 * need listing (keywords have at least two), nor do a number and a measure word (一盒, 两件, 几天:
 * see hotspots.ts).
 */
export const DEFAULT_STOPWORDS: readonly string[] = [
  // question words and phrases
  '什么',
  '怎么',
  '怎么样',
  '怎样',
  '为什么',
  '多少',
  '多久',
  '能不能',
  '有没有',
  '是不是',
  '可不可以',
  '会不会',
  '要不要',
  '哪里',
  '哪个',
  '哪些',
  '哪儿',
  '几个',
  '是否',
  '什么样',
  '什么时候',
  '时候',
  '如何',
  '请问',
  '问下',
  '问一下',
  '想问',
  '一下',
  '为啥',
  '咋样',
  '怎么办',
  '怎么回事',
  '多大',
  '多长',
  '多重',
  '多高',
  '哪种',
  '哪款',
  '哪一款',
  '能否',
  '可否',
  '行不行',
  '好不好',
  '对不对',
  '到底',
  '究竟',
  // modal and function words
  '可以',
  '能够',
  '还能',
  '还是',
  '还有',
  '就是',
  '不是',
  '没有',
  '但是',
  '因为',
  '所以',
  '如果',
  '然后',
  '已经',
  '或者',
  '而且',
  '还要',
  '需要',
  '应该',
  '可能',
  '这个',
  '那个',
  '这件',
  '那件',
  '这款',
  '那款',
  '一个',
  '一件',
  '一点',
  '有点',
  '一样',
  '这样',
  '那样',
  '这么',
  '那么',
  '真的',
  '非常',
  '特别',
  '比较',
  '感觉',
  '觉得',
  '知道',
  '看看',
  '一直',
  '之前',
  '之后',
  '以后',
  '的话',
  '好的',
  '不要',
  '不会',
  '不能',
  '合适',
  '适合',
  '推荐',
  '喜欢',
  '想要',
  '希望',
  '打算',
  '准备',
  '其实',
  '只是',
  '一定',
  '肯定',
  '确实',
  '必须',
  '一起',
  '一般',
  '正常',
  '其他',
  '别的',
  '这种',
  '那种',
  '这些',
  '那些',
  '这边',
  '那边',
  '这里',
  '那里',
  '里面',
  '外面',
  '大概',
  '左右',
  '一些',
  '很多',
  '好多',
  '会有',
  '有的',
  '有些',
  '还会',
  '还没',
  '还没有',
  '没事',
  '不用',
  '好吧',
  '是的',
  '已拍',
  '拍了',
  // pronouns and forms of address
  '我们',
  '你们',
  '他们',
  '她们',
  '自己',
  '大家',
  '主播',
  '主播好',
  '宝宝',
  '宝宝们',
  '家人们',
  '家人',
  '老铁',
  '老铁们',
  '姐妹',
  '姐妹们',
  '兄弟',
  '兄弟们',
  '亲们',
  '小姐姐',
  '小哥哥',
  '客服',
  '直播间',
  '助播',
  '老板',
  '亲亲',
  '美女',
  '帅哥',
  '小伙伴',
  '朋友',
  '朋友们',
  '各位',
  '大家好',
  '宝贝',
  '姐姐',
  '哥哥',
  '妹妹',
  // greetings and chatter
  '你好',
  '您好',
  '在吗',
  '在不在',
  '谢谢',
  '感谢',
  '哈哈',
  '哈哈哈',
  '哈哈哈哈',
  '欢迎',
  '来了',
  '晚上好',
  '下午好',
  '早上好',
  '晚安',
  '加油',
  '支持',
  '扣1',
  // time words
  '今天',
  '明天',
  '昨天',
  '现在',
  '马上',
  '刚才',
  '等下',
  '一会',
  '一会儿',
  '等会',
  '待会',
  '稍等',
  '今年',
  '去年',
  '明年',
  '今晚',
  '晚上',
  '早上',
  '上午',
  '中午',
  '下午',
  '白天',
  '周末',
  '最近',
  '刚刚',
  '以前',
  '目前',
  '平时',
  '时间',
  '这次',
  '上次',
  '下次',
  // units
  'cm',
  'mm',
  'kg',
  // generic nouns
  '效果',
  '问题',
  '情况',
  '东西',
  '产品',
  '商品',
  '衣服',
  '事情',
  '地方',
  '样子',
  '方面',
];

/**
 * Live-commerce words for the segmenter's user dictionary, so they come out whole (jieba's default
 * dictionary splits 儿童款 → 儿童|款, 主播 → 主|播 …). The built-in topic synonyms are added too.
 */
export const LIVE_COMMERCE_WORDS: readonly string[] = [
  '主播',
  '助播',
  '场控',
  '直播间',
  '上车',
  '扣1',
  '扣2',
  '福袋',
  '秒杀',
  '小黄车',
  '粉丝团',
  '加购',
  '拍下',
  '下单',
  '付款',
  '预售',
  '现货',
  '满减',
  '优惠券',
  '运费险',
  '七天无理由',
  '尺码',
  '码数',
  '尺码表',
  '福利款',
  '引流款',
  '利润款',
  '形象款',
  '爆款',
  '冲锋衣',
  '儿童款',
  '羽绒服',
  '羽绒马甲',
  '登山杖',
  '登山鞋',
  '徒步鞋',
  '徒步裤',
  '速干',
  '抓绒',
  '抓绒衣',
  '软壳',
  '硬壳',
  '三合一',
  '防水',
  '透湿',
  '防风',
  '军绿色',
  '墨绿色',
];
