/**
 * The words of the comment and consultation topics (domain/topics.ts): each built-in topic's label
 * and the talk-optimisation action it suggests. The domain's hotspots carry the topic, whether it
 * is the dictionary's, and who acts; these word them. A team's own topic (config `topics`) and an
 * undictionaried keyword are called by their own name and suggest no action.
 */
import type { HotspotInput } from '../domain/retro/input.js';
import type { Role } from '../domain/rules.js';
import type { Lang } from './labels.js';

type Words = { zh: string; en: string };

const TOPIC_TEXT: Readonly<Record<string, { label: Words; action: Words }>> = {
  尺码: {
    label: { zh: '尺码', en: 'size' },
    action: {
      zh: '讲解时给出尺码建议（身高体重对照），展示尺码表',
      en: 'give size advice while presenting (height/weight chart) and show the size table',
    },
  },
  防水: {
    label: { zh: '防水', en: 'waterproof' },
    action: {
      zh: '增加防水演示（淋水测试），在脚本中加入防水说明',
      en: 'add a waterproof demonstration (water test) and a line about it to the script',
    },
  },
  发货: {
    label: { zh: '发货', en: 'shipping' },
    action: {
      zh: '客服准备发货时效与快递说明的快捷回复，主播在开场和逼单时口播发货时间',
      en: 'prepare quick replies on dispatch time and carrier; have the anchor state the dispatch time at the opening and when closing',
    },
  },
  价格: {
    label: { zh: '价格', en: 'price' },
    action: {
      zh: '讲解时明确到手价和领券方式，用贴片或口播反复强调价格机制',
      en: 'state the final price and how to claim coupons, and repeat the price mechanism on screen and in the talk',
    },
  },
  颜色: {
    label: { zh: '颜色', en: 'colour' },
    action: {
      zh: '逐个展示全部颜色并说明是否有现货',
      en: 'show every colour one by one and say which are in stock',
    },
  },
  材质: {
    label: { zh: '材质', en: 'material' },
    action: {
      zh: '展示吊牌和面料成分，近景讲解材质特点',
      en: 'show the label and fabric composition, and explain the material in close-up',
    },
  },
  退换: {
    label: { zh: '退换', en: 'returns' },
    action: {
      zh: '客服准备退换货政策的快捷回复（七天无理由、运费险），主播口播售后保障',
      en: 'prepare quick replies on the returns policy (7-day no-reason returns, return-shipping insurance); have the anchor mention the after-sales guarantee',
    },
  },
  质量: {
    label: { zh: '质量', en: 'quality' },
    action: {
      zh: '近景展示做工细节，演示耐用性（拉扯、摩擦测试）',
      en: 'show the workmanship in close-up and demonstrate durability (stretch and rub tests)',
    },
  },
  保暖: {
    label: { zh: '保暖', en: 'warmth' },
    action: {
      zh: '说明适用温度范围，给出穿搭与叠穿建议',
      en: 'state the temperature range it suits and give layering advice',
    },
  },
  链接: {
    label: { zh: '链接', en: 'link' },
    action: {
      zh: '讲解时口播链接序号并提示购买步骤，场控及时弹出商品卡',
      en: 'say the link number and how to buy while presenting; floor control pops up the product card in time',
    },
  },
};

/** A built-in topic's words; null for any other name (own properties only: a topic may be called "constructor"). */
function builtIn(topic: string): { label: Words; action: Words } | null {
  return Object.hasOwn(TOPIC_TEXT, topic) ? TOPIC_TEXT[topic]! : null;
}

/** A built-in topic's label in `lang`, or null for a topic only the config defines. */
export function topicLabel(topic: string, lang: Lang): string | null {
  return builtIn(topic)?.label[lang] ?? null;
}

/** A built-in topic's suggested action in `lang`, or null for a topic only the config defines. */
export function topicActionText(topic: string, lang: Lang): string | null {
  return builtIn(topic)?.action[lang] ?? null;
}

/** A hotspot's name: a built-in topic's label, else the team's own topic or the keyword as it is. */
export function hotspotLabel(h: Pick<HotspotInput, 'topic' | 'fromDictionary'>, lang: Lang): string {
  return (h.fromDictionary ? topicLabel(h.topic, lang) : null) ?? h.topic;
}

/** At most this many merged words are named in a hotspot's label; all of them are in `words`. */
const LABEL_WORDS = 3;

/**
 * The name a hotspot is printed under (workbook, Markdown, terminal): its label, followed by the
 * words merged into it, so a reader sees that 礼盒 also counts the questions about 手提袋:
 * 礼盒（手提袋）, 防水（等级、暴雨）; in English "waterproof (等级, 暴雨)".
 */
function labelWithWords(h: HotspotInput, lang: Lang): string {
  const name = hotspotLabel(h, lang);
  const merged = (h.words ?? []).slice(1);
  if (merged.length === 0) return name;
  const named = merged.slice(0, LABEL_WORDS);
  const more = merged.length > LABEL_WORDS;
  return lang === 'zh'
    ? `${name}（${named.join('、')}${more ? '等' : ''}）`
    : `${name} (${named.join(', ')}${more ? ', …' : ''})`;
}

/** A hotspot as the retro and the weekly report print it: both languages' label and action, and the name in the run's. */
export interface LocalisedHotspot {
  topic: string;
  /** A built-in topic's labels; null for a team's own topic and a keyword (called by `topic`). */
  label: Words | null;
  count: number;
  share: number;
  source: HotspotInput['source'];
  fromDictionary: boolean;
  examples: string[];
  /** The words the hotspot stands for, its own first (see domain/hotspots.ts); [topic] for a hotspot from before them. */
  words: string[];
  /** A built-in topic's suggested action and who acts; null when the dictionary suggests none. */
  action: (Words & { owner: Role }) | null;
  /** The name in the run's language, with up to three merged words: 礼盒（手提袋）. */
  labelText: string;
}

/** The hotspot worded, keys in the order --json has always printed them (`words` added before `action`). */
export function localiseHotspot(h: HotspotInput, lang: Lang): LocalisedHotspot {
  const text = h.fromDictionary ? builtIn(h.topic) : null;
  return {
    topic: h.topic,
    label: text && text.label,
    count: h.count,
    share: h.share,
    source: h.source,
    fromDictionary: h.fromDictionary,
    examples: h.examples,
    words: h.words ?? [h.topic],
    action: text && h.owner !== null ? { ...text.action, owner: h.owner } : null,
    labelText: labelWithWords(h, lang),
  };
}
