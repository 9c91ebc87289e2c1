/**
 * The words of the script draft (直播脚本), its run-sheet and the floor-control cue sheet: segment
 * titles, part labels, the anchor's talk and the assistant's and floor's cues; and the script
 * command's messages. The domain's draft (codes with their data) in, the draft the command prints
 * with --json, lints and writes out. What a category says (its scenes, selling sentences, close-ups
 * and FAQ prompts) is the team's data, templates/script-categories.yaml, passed in resolved.
 */
import type { CategoryTalk, ScriptCategories } from '../config/script-categories.js';
import type { CueAction, Draft, Part, Segment, SegmentKind, TalkLine } from '../domain/script/draft.js';
import { ROLE_LABELS, type Lang } from './labels.js';
import { PRODUCT_ROLE_LABELS } from './product-roles.js';
import { ruleName } from './rules.js';
import { counted } from './plural.js';

type RetroTopic = { topic: string; share: number; action: string };

const TEXT = {
  zh: {
    opening: '开场预热',
    closing: '下播预告与收尾',
    part: { explain: '讲解', interact: '互动', push: '逼单', benefit: '福利发放' } as Record<Part, string>,
    openingTalk: (account: string, theme: string | null, benefit: string | null) => [
      `欢迎来到${account}直播间！${theme ? `今天是「${theme}」，` : ''}新进来的朋友点个关注、加入粉丝团。`,
      benefit ? `今天的福利：${benefit}，整点开抽，别走开。` : '整点有福袋，别走开。',
      '先在评论区打出你今天想看的商品，我们按大家的需求来讲。',
    ],
    closingTalk: [
      '今天的福利都发完了，没抢到的朋友点关注，下一场提前开播提醒你。',
      '下一场预告：关注直播间，开播第一时间收到通知。',
    ],
    /** A FAQ of the selection table, as the anchor takes it up ("会掉色吗？不会"). */
    faq: (q: string) => `有家人问：${q}`,
    /** How selling points are joined in a sentence. */
    pointJoin: '，',
    price: (price: string, daily: string | null) =>
      `价格：直播间 ${price}${daily ? `，日常 ${daily}` : ''}，今天只在直播间有这个价。`,
    interact: (name: string) => [`想要${name}的扣1，我看看有多少人`, '评论区说说你平时在什么场景用，抽一位送小礼物'],
    push: (stock: number | null) =>
      stock !== null
        ? [
            stock < 100 ? `库存只剩 ${stock} 件，拍完就恢复日常价` : `本场备货 ${stock} 件，这个价格只在今天直播间`,
            '已经拍下的朋友尽快付款，未付款的订单会被释放',
          ]
        : ['这个价格只在今天直播间', '已经拍下的朋友尽快付款'],
    benefit: (b: string | null) => [b ? `福利：${b}` : '福利：整点福袋开抽', '中奖的朋友私信客服登记地址'],
    demo: (action: string) => `演示：${action}`,
    countdown: (m: number) => `提醒主播：本品讲解还剩 ${m} 分钟，开始逼单`,
    list: (name: string) => `上架「${name}」，弹出商品卡`,
    delist: (name: string) => `下架「${name}」（或改为日常价）`,
    stock: (name: string, stock: number, line: number) =>
      `库存紧张：「${name}」仅 ${stock} 件（低于 ${line}），提醒主播并准备售罄话术`,
    reminder: (m: number, next: string) => `${m} 分钟后切换到：${next}，助播备好样品，场控备好商品链接`,
    check: (uv: string, click: string) =>
      `刷新在线/点击/转化：UV价值低于 ${uv} → 提示主播强化逼单话术；点击率低于 ${click} → 延长当前商品讲解`,
    talkPoint: (t: RetroTopic) => `上场复盘：${t.topic} 占提问 ${Math.round(t.share * 100)}% → ${t.action}`,
  },
  en: {
    opening: 'Opening and warm-up',
    closing: 'Next-stream preview and close',
    part: { explain: 'Explanation', interact: 'Interaction', push: 'Closing push', benefit: 'Benefits' } as Record<
      Part,
      string
    >,
    openingTalk: (account: string, theme: string | null, benefit: string | null) => [
      `Welcome to ${account || 'the stream'}! ${theme ? `Today is "${theme}". ` : ''}New here? Follow and join the fan club.`,
      benefit
        ? `Today's benefits: ${benefit}, drawn on the hour — stay with us.`
        : 'Lucky bags on the hour — stay with us.',
      'Type in the comments which product you most want to see; we follow what you ask for.',
    ],
    closingTalk: [
      'All benefits are out; follow us so we can tell you when the next stream starts.',
      'Next stream: follow to be notified the moment we go live.',
    ],
    faq: (q: string) => `Someone asks: ${q}`,
    pointJoin: ', ',
    price: (price: string, daily: string | null) =>
      `Price: ${price} in the stream${daily ? `, ${daily} normally` : ''} — today only.`,
    interact: (name: string) => [
      `Type 1 if you want ${name}`,
      'Tell us where you would use it; we draw one comment for a small gift',
    ],
    push: (stock: number | null) =>
      stock !== null
        ? [
            stock < 100
              ? `Only ${stock} left; the regular price is back after this`
              : `${stock} in stock for this stream; this price is today only`,
            'If you ordered, pay now: unpaid orders are released',
          ]
        : ["This price is for today's stream only", 'If you ordered, pay now'],
    benefit: (b: string | null) => [
      b ? `Benefits: ${b}` : 'Benefits: lucky bag on the hour',
      'Winners message customer service with their address',
    ],
    demo: (action: string) => `Demonstration: ${action}`,
    countdown: (m: number) => `Tell the anchor: ${counted(m, 'minute')} left for this product, start the closing push`,
    list: (name: string) => `List "${name}" and pop up its product card`,
    delist: (name: string) => `Delist "${name}" (or back to the regular price)`,
    stock: (name: string, stock: number, line: number) =>
      `Stock low: "${name}" has ${stock} (below ${line}); warn the anchor, prepare the sold-out line`,
    reminder: (m: number, next: string) =>
      `In ${counted(m, 'minute')}: ${next}; assistant gets the samples ready, floor control the product link`,
    check: (uv: string, click: string) =>
      `Refresh online / click / conversion: UV value below ${uv} → cue the anchor to strengthen the closing talk; click rate below ${click} → extend the current product`,
    talkPoint: (t: RetroTopic) =>
      `From the last retro: ${t.topic} is ${Math.round(t.share * 100)}% of questions → ${t.action}`,
  },
};

type Words = (typeof TEXT)[Lang];

/** What the words of a draft are made of: the fixed texts, and the categories' own in the same language. */
interface Wording {
  T: Words;
  lang: Lang;
  categories: ScriptCategories;
}

/** The category's words in the draft's language; an id the data file does not have says the neutral ones. */
const talkOf = (w: Wording, category: string): CategoryTalk =>
  (w.categories.talk[category] ?? w.categories.talk.default!)[w.lang];

/** The `variant`-th of a list, round and round. */
const nth = (list: string[], variant: number) => list[variant % list.length]!;

/** A sentence pattern with its {placeholders} filled; English starts with a capital (a scene may open it). */
function fill(pattern: string, values: Record<string, string>, lang: Lang): string {
  const s = pattern.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
  return lang === 'en' ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** The selling points as the category's scene sentences, two points a sentence, each said as its phrase if it has one. */
function sellingSentences(points: string[], variant: number, talk: CategoryTalk, w: Wording): string[] {
  const out: string[] = [];
  for (let k = 0; k * 2 < points.length; k++) {
    const said = points.slice(k * 2, k * 2 + 2).map((p) => talk.phrases[p] ?? p);
    out.push(fill(nth(talk.sellingTalk, variant + k), { points: said.join(w.T.pointJoin) }, w.lang));
  }
  return out;
}

/** Prices as the talk says them: ¥ and digit groups, no forced decimals (¥299, ¥1,299.5). */
const money = (v: number) => `¥${v.toLocaleString('en-US')}`;

function talkLines(line: TalkLine, w: Wording): string[] {
  const { T, lang } = w;
  switch (line.kind) {
    case 'welcome':
      return T.openingTalk(line.account, line.theme, line.benefit);
    case 'farewell':
      return T.closingTalk;
    case 'scene': {
      const talk = talkOf(w, line.category);
      const scene = line.scene ?? nth(talk.scenes, line.variant);
      return [fill(nth(talk.sceneTalk, line.variant), { scene, product: line.product }, lang)];
    }
    case 'selling':
      return sellingSentences(line.points, line.variant, talkOf(w, line.category), w);
    case 'faq-prompt':
      return [fill(nth(talkOf(w, line.category).faqPrompts, line.variant), { product: line.product }, lang)];
    case 'faq':
      return [T.faq(line.text)];
    case 'price':
      return [T.price(money(line.price), line.dailyPrice === null ? null : money(line.dailyPrice))];
    case 'retro-topic':
      return [T.talkPoint(line)];
    case 'interact':
      return T.interact(line.product);
    case 'push':
      return T.push(line.stock);
    case 'benefit':
      return T.benefit(line.benefit);
  }
}

const segmentTitle = (kind: SegmentKind, product: string | null, T: Words) => (kind === 'product' ? product! : T[kind]);
/** The opening and the closing are one part each, named after the segment. */
const partLabel = (kind: SegmentKind, part: Part, T: Words) => (kind === 'product' ? T.part[part] : T[kind]);

function cueText(c: CueAction, w: Wording): string {
  const { T } = w;
  switch (c.kind) {
    case 'close-up':
      return fill(nth(talkOf(w, c.category).closeUps, c.variant), { product: c.product }, w.lang);
    case 'demo':
      return T.demo(c.action);
    case 'countdown':
      return T.countdown(c.minutes);
    case 'list':
      return T.list(c.product);
    case 'delist':
      return T.delist(c.product);
    case 'stock':
      return T.stock(c.product, c.stock, c.threshold);
    case 'reminder':
      return T.reminder(c.minutes, segmentTitle(c.next.kind, c.next.product, T));
    case 'check':
      return T.check(`¥${c.uvValue.toFixed(2)}`, `${Math.round(c.clickRate * 100)}%`);
  }
}

function segmentText(seg: Segment, w: Wording) {
  const { T, lang } = w;
  return {
    no: seg.no,
    kind: seg.kind,
    title: segmentTitle(seg.kind, seg.product?.name ?? null, T),
    start: seg.start,
    end: seg.end,
    minutes: seg.minutes,
    product: seg.product,
    roleLabel: seg.product ? PRODUCT_ROLE_LABELS[seg.product.role][lang] : null,
    /** The category whose talk the segment uses, and its name: why a tea gets tea talk. */
    category: seg.category,
    categoryLabel: seg.category === null ? null : talkOf(w, seg.category).label,
    parts: seg.parts.map((p) => ({
      part: p.part,
      label: partLabel(seg.kind, p.part, T),
      start: p.start,
      end: p.end,
      minutes: p.minutes,
      talk: p.talk.flatMap((l) => talkLines(l, w)),
    })),
    assistant: seg.assistant.map((c) => cueText(c, w)),
    floor: seg.floor.map((f) => (f.time === null ? cueText(f.cue, w) : `${f.time} ${cueText(f.cue, w)}`)),
  };
}

/** The draft in words, keys in the order the --json and the templates have always had. */
export function localiseDraft(draft: Draft, lang: Lang, categories: ScriptCategories) {
  const T = TEXT[lang];
  const w: Wording = { T, lang, categories };
  const cues = draft.cues.map((c) => ({
    time: c.time,
    minute: c.minute,
    who: c.who,
    cue: cueText(c.cue, w),
    rule: c.rule,
    ruleLabel: c.rule === null ? null : ruleName(c.rule, lang),
  }));
  return {
    stream: draft.stream,
    timeline: draft.timeline.map((seg) => segmentText(seg, w)),
    runSheet: draft.runSheet.map((r) => ({
      start: r.start,
      end: r.end,
      minutes: r.minutes,
      segment: segmentTitle(r.kind, r.product, T),
      product: r.product,
      role: r.role,
      roleLabel: r.role === null ? null : PRODUCT_ROLE_LABELS[r.role][lang],
      part: partLabel(r.kind, r.part, T),
      talk: r.talk.flatMap((l) => talkLines(l, w)).join('\n'),
      assistant: r.assistant.map((c) => cueText(c, w)).join('\n'),
      floor: r.floor.map((c) => cueText(c, w)).join('\n'),
    })),
    // Who is a Role code: the cue sheet calls them what every other sheet does.
    cueSheet: cues.map((c) => ({ ...c, whoLabel: ROLE_LABELS[c.who][lang] })),
    cues,
    talkPoints: draft.talkPoints,
    totals: draft.totals,
  };
}

export type LocalisedDraft = ReturnType<typeof localiseDraft>;

/** The script command's messages and terminal summary. */
export const scriptText = {
  zh: {
    notInPool: (n: string) => `「${n}」不在选品表里：脚本中只有名称，没有卖点和库存`,
    noProducts: (d: string) => `${d} 这场没有排商品：先用 liveops schedule --pool 排好商品`,
    title: '直播脚本',
    cues: (n: number) => `场控提示 ${n} 条`,
    wrote: '已写入',
    finding: (time: string, seg: string, part: string, phrase: string, sev: string, suggestion: string) =>
      `合规检查：${time}「${seg}」${part}中的「${phrase}」（${sev === 'error' ? '错误' : '警告'}）→ ${suggestion}`,
  },
  en: {
    notInPool: (n: string) =>
      `"${n}" is not in the selection table: the script has its name only, no selling points or stock`,
    noProducts: (d: string) => `the stream of ${d} has no products: plan them with liveops schedule --pool first`,
    title: 'Script draft',
    cues: (n: number) => `${n} floor-control cues`,
    wrote: 'wrote',
    finding: (time: string, seg: string, part: string, phrase: string, sev: string, suggestion: string) =>
      `compliance: ${time} "${seg}" ${part}: "${phrase}" (${sev}) → ${suggestion}`,
  },
};
