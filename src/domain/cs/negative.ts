/**
 * Negative comments and consultations (舆情): about quality, fakes, delivery and refunds, counted
 * per topic with the prepared reply and the role that answers. A spike over a configured share
 * raises an alert whose suggestion is the playbook's crisis step — to consider pausing the stream
 * and issuing a statement. liveops suggests it; people decide.
 */
import type { Role } from '../rules.js';
import { TextMemo } from '../text-memo.js';

/** A topic of negative messages: the words that raise it and who answers (its label and prepared reply are in i18n/negative.ts). */
export interface NegativeTopic {
  words: string[];
  owner: Role;
}

export const DEFAULT_NEGATIVE: Record<string, NegativeTopic> = {
  质量: {
    words: [
      '质量差',
      '质量不好',
      '做工差',
      '做工粗糙',
      '起球',
      '掉色',
      '开线',
      '开胶',
      '破了',
      '坏了',
      '有异味',
      '有味道',
      '有色差',
      '漏水',
      '不防水',
      '劣质',
    ],
    owner: 'cs',
  },
  假货: {
    words: ['假货', '是假的', '假的吧', '山寨', '仿品', '高仿', '不是正品', '盗版', '骗子', '骗人'],
    owner: 'ops',
  },
  发货: {
    words: [
      '还没发货',
      '还不发货',
      '不发货',
      '发货太慢',
      '发货慢',
      '催发货',
      '物流太慢',
      '物流慢',
      '快递太慢',
      '快递慢',
      '几天了还没',
      '一直不到',
      '没收到',
    ],
    owner: 'cs',
  },
  退款: {
    words: ['退款', '退不了', '不给退', '拒绝退款', '退货难', '不给换', '投诉', '举报', '12315', '维权'],
    owner: 'cs',
  },
};

export interface NegativeResult {
  messages: number;
  negative: number;
  share: number | null;
  topics: Array<{ topic: string; count: number; share: number | null; owner: Role; examples: string[] }>;
}

/** Counts negative messages per topic; a message counts once per topic, and once in the total. */
export class NegativeCounter {
  private messages = 0;
  private negative = 0;
  private counts = new Map<string, number>();
  private examples = new Map<string, string[]>();
  private readonly topics: Array<[string, NegativeTopic]>;
  /** Each message text's negative topics, for the next time the same text comes. */
  private readonly memo = new TextMemo<Array<[string, NegativeTopic]>>();

  constructor(extra: Record<string, string[]> = {}) {
    const merged: Record<string, NegativeTopic> = JSON.parse(JSON.stringify(DEFAULT_NEGATIVE));
    for (const [topic, words] of Object.entries(extra)) {
      const t = merged[topic];
      if (t) t.words = [...new Set([...t.words, ...words])];
      else merged[topic] = { words, owner: 'cs' };
    }
    this.topics = Object.entries(merged);
  }

  add(text: string | null): void {
    if (!text || !text.trim()) return;
    this.messages++;
    const topics = this.memo.get(text, (t) => this.topics.filter(([, def]) => def.words.some((w) => t.includes(w))));
    for (const [topic] of topics) {
      this.counts.set(topic, (this.counts.get(topic) ?? 0) + 1);
      const ex = this.examples.get(topic) ?? [];
      if (ex.length < 3 && !ex.includes(text)) ex.push(text);
      this.examples.set(topic, ex);
    }
    if (topics.length > 0) this.negative++;
  }

  /** Add another counter's messages (one file's share). */
  merge(other: NegativeCounter): void {
    this.messages += other.messages;
    this.negative += other.negative;
    for (const [topic, n] of other.counts) this.counts.set(topic, (this.counts.get(topic) ?? 0) + n);
    for (const [topic, ex] of other.examples) {
      const mine = this.examples.get(topic) ?? [];
      for (const e of ex) if (mine.length < 3 && !mine.includes(e)) mine.push(e);
      this.examples.set(topic, mine);
    }
  }

  result(): NegativeResult {
    const share = (n: number) => (this.messages ? n / this.messages : null);
    return {
      messages: this.messages,
      negative: this.negative,
      share: share(this.negative),
      topics: this.topics
        .filter(([t]) => this.counts.has(t))
        .map(([topic, def]) => ({
          topic,
          count: this.counts.get(topic)!,
          share: share(this.counts.get(topic)!),
          owner: def.owner,
          examples: this.examples.get(topic) ?? [],
        }))
        .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
    };
  }
}
