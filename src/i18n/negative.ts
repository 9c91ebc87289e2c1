/**
 * The words of the negative-message topics (舆情, domain/cs/negative.ts): each topic's label and the
 * reply customer service is given to send. A team's own topic (config `cs.negativeWords`) is
 * labelled with its name and gets the general reply.
 */
import type { NegativeResult } from '../domain/cs/negative.js';
import { ROLE_LABELS, type Lang } from './labels.js';

const TOPIC_TEXT: Record<string, { label: { zh: string; en: string }; reply: { zh: string; en: string } }> = {
  质量: {
    label: { zh: '质量', en: 'quality' },
    reply: {
      zh: '非常抱歉给您带来不好的体验，麻烦私信客服发一下订单号和问题照片，我们第一时间为您处理。',
      en: 'We are sorry for the trouble — please message customer service with your order number and a photo, and we will sort it out right away.',
    },
  },
  假货: {
    label: { zh: '假货质疑', en: 'authenticity' },
    reply: {
      zh: '我们是品牌官方直播间，所有商品均为正品，支持验货；有疑问请私信客服提供订单号，我们出示授权与质检报告。',
      en: "This is the brand's official stream and every product is genuine; message customer service with your order number and we will show the authorisation and QC report.",
    },
  },
  发货: {
    label: { zh: '发货问题', en: 'delivery' },
    reply: {
      zh: '抱歉让您久等，麻烦私信客服订单号，我们马上为您查询物流并催促发货。',
      en: 'Sorry for the wait — message customer service with your order number and we will chase the shipment right away.',
    },
  },
  退款: {
    label: { zh: '退款投诉', en: 'refunds and complaints' },
    reply: {
      zh: '非常抱歉，麻烦私信客服订单号和情况说明，我们按七天无理由和运费险为您优先处理退款。',
      en: 'We are sorry — message customer service with your order number and what happened; refunds under 7-day returns and shipping insurance are handled first.',
    },
  },
};

const GENERAL_REPLY = {
  zh: '请私信客服提供订单号，我们尽快处理。',
  en: 'Please message customer service with your order number.',
};

function negativeTopicLabel(topic: string, lang: Lang): string {
  return TOPIC_TEXT[topic]?.label[lang] ?? topic;
}

/** "质量 3、发货问题 2": the topics found, each with its count. */
export function negativeTopicsText(topics: ReadonlyArray<{ topic: string; count: number }>, lang: Lang): string {
  return topics.map((t) => `${negativeTopicLabel(t.topic, lang)} ${t.count}`).join(lang === 'zh' ? '、' : ', ');
}

type LocalisedNegative = Omit<NegativeResult, 'topics'> & {
  topics: Array<NegativeResult['topics'][number] & { label: string; reply: string; ownerLabel: string }>;
};

/** The result with each topic's label and prepared reply, in the order the report has always shown them. */
export function localiseNegative(n: NegativeResult | null, lang: Lang): LocalisedNegative | null {
  if (!n) return null;
  return {
    ...n,
    topics: n.topics.map(({ topic, count, share, owner, examples }) => ({
      topic,
      label: negativeTopicLabel(topic, lang),
      count,
      share,
      reply: (TOPIC_TEXT[topic]?.reply ?? GENERAL_REPLY)[lang],
      owner,
      ownerLabel: ROLE_LABELS[owner][lang],
      examples,
    })),
  };
}
