/**
 * A timed script draft (直播脚本) for one stream: opening, one segment per product of the plan
 * (explanation with scene-based talk, interaction, closing push, benefits), closing; the
 * assistant's cues and the floor-control cue sheet (list/delist, stock alerts, a reminder before
 * every segment switch, metric checks with the live thresholds). Pure: data in, draft out.
 */
import type { ScriptSettings } from '../../config/script-section.js';
import { allocate } from '../schedule/targets.js';
import type { ProductRole } from '../roles.js';

export type Lang = 'zh' | 'en';

export interface ScriptProduct {
  id: string | null;
  name: string;
  role: ProductRole;
  category: string | null;
  price: number | null;
  dailyPrice: number | null;
  stock: number | null;
  sellingPoints: string | null;
  faq: string | null;
  giveaway: boolean;
}

export interface ScriptStream {
  date: string;
  /** "20:00-23:00". */
  time: string;
  account: string | null;
  anchor: string | null;
  assistant: string | null;
  type: string | null;
  theme: string | null;
  benefit: string | null;
  gmvTarget: number | null;
}

export interface TalkPoint {
  topic: string;
  share: number;
  source: string;
  action: string;
}

export interface DraftInput {
  stream: ScriptStream;
  products: ScriptProduct[];
  talkPoints: TalkPoint[];
  settings: ScriptSettings;
  thresholds: Record<string, number>;
  lang: Lang;
}

type Part = 'explain' | 'interact' | 'push' | 'benefit';
const PARTS: Part[] = ['explain', 'interact', 'push', 'benefit'];

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

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
    closingTalk: ['今天的福利都发完了，没抢到的朋友点关注，下一场提前开播提醒你。', '下一场预告：关注直播间，开播第一时间收到通知。'],
    scene: (scene: string, name: string) => `场景：${scene}的时候，${name}能帮你解决什么问题——先讲场景，再讲参数。`,
    point: (p: string) => `核心优势：${p}`,
    faq: (q: string) => `常见问题：${q}`,
    price: (price: string, daily: string | null) => `价格：直播间 ${price}${daily ? `，日常 ${daily}` : ''}，今天只在直播间有这个价。`,
    interact: (name: string) => [`想要${name}的扣1，我看看有多少人`, '评论区说说你平时在什么场景用，抽一位送小礼物'],
    push: (stock: number | null) =>
      stock !== null
        ? [stock < 100 ? `库存只剩 ${stock} 件，拍完就恢复日常价` : `本场备货 ${stock} 件，这个价格只在今天直播间`, '已经拍下的朋友尽快付款，未付款的订单会被释放']
        : ['这个价格只在今天直播间', '已经拍下的朋友尽快付款'],
    benefit: (b: string | null) => [b ? `福利：${b}` : '福利：整点福袋开抽', '中奖的朋友私信客服登记地址'],
    closeUp: (name: string) => `特写：近距离展示${name}的细节（面料、做工、吊牌）`,
    demo: (action: string) => `演示：${action}`,
    countdown: (m: number) => `提醒主播：本品讲解还剩 ${m} 分钟，开始逼单`,
    list: (name: string) => `上架「${name}」，弹出商品卡`,
    delist: (name: string) => `下架「${name}」（或改为日常价）`,
    stock: (name: string, stock: number, line: number) => `库存紧张：「${name}」仅 ${stock} 件（低于 ${line}），提醒主播并准备售罄话术`,
    reminder: (m: number, next: string) => `${m} 分钟后切换到：${next}，助播备好样品，场控备好商品链接`,
    check: (uv: string, click: string) => `刷新在线/点击/转化：UV价值低于 ${uv} → 提示主播强化逼单话术；点击率低于 ${click} → 延长当前商品讲解`,
    talkPoint: (t: TalkPoint) => `上场复盘：${t.topic} 占提问 ${Math.round(t.share * 100)}% → ${t.action}`,
  },
  en: {
    opening: 'Opening and warm-up',
    closing: 'Next-stream preview and close',
    part: { explain: 'Explanation', interact: 'Interaction', push: 'Closing push', benefit: 'Benefits' } as Record<Part, string>,
    openingTalk: (account: string, theme: string | null, benefit: string | null) => [
      `Welcome to ${account}! ${theme ? `Today is "${theme}". ` : ''}New here? Follow and join the fan club.`,
      benefit ? `Today's benefits: ${benefit}, drawn on the hour — stay with us.` : 'Lucky bags on the hour — stay with us.',
      'Type in the comments which product you most want to see; we follow what you ask for.',
    ],
    closingTalk: ['All benefits are out; follow us so we can tell you when the next stream starts.', 'Next stream: follow to be notified the moment we go live.'],
    scene: (scene: string, name: string) => `Scene: when ${scene}, what ${name} solves for you — the scene first, then the specs.`,
    point: (p: string) => `Key advantage: ${p}`,
    faq: (q: string) => `FAQ: ${q}`,
    price: (price: string, daily: string | null) => `Price: ${price} in the stream${daily ? `, ${daily} normally` : ''} — today only.`,
    interact: (name: string) => [`Type 1 if you want ${name}`, 'Tell us where you would use it; we draw one comment for a small gift'],
    push: (stock: number | null) =>
      stock !== null
        ? [stock < 100 ? `Only ${stock} left; the regular price is back after this` : `${stock} in stock for this stream; this price is today only`, 'If you ordered, pay now: unpaid orders are released']
        : ['This price is for today\'s stream only', 'If you ordered, pay now'],
    benefit: (b: string | null) => [b ? `Benefits: ${b}` : 'Benefits: lucky bag on the hour', 'Winners message customer service with their address'],
    closeUp: (name: string) => `Close-up: show the details of ${name} (fabric, stitching, label)`,
    demo: (action: string) => `Demonstration: ${action}`,
    countdown: (m: number) => `Tell the anchor: ${m} minutes left for this product, start the closing push`,
    list: (name: string) => `List "${name}" and pop up its product card`,
    delist: (name: string) => `Delist "${name}" (or back to the regular price)`,
    stock: (name: string, stock: number, line: number) => `Stock low: "${name}" has ${stock} (below ${line}); warn the anchor, prepare the sold-out line`,
    reminder: (m: number, next: string) => `In ${m} minutes: ${next}; assistant gets the samples ready, floor control the product link`,
    check: (uv: string, click: string) => `Refresh online / click / conversion: UV value below ${uv} → cue the anchor to strengthen the closing talk; click rate below ${click} → extend the current product`,
    talkPoint: (t: TalkPoint) => `From the last retro: ${t.topic} is ${Math.round(t.share * 100)}% of questions → ${t.action}`,
  },
};

export interface Cue {
  time: string;
  minute: number;
  who: 'floor-control' | 'assistant';
  cue: string;
  rule: string | null;
}

/** Split a selling-points / FAQ cell into items. */
function items(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/[；;\n]|。(?=.)/)
    .map((s) => s.trim().replace(/。$/, ''))
    .filter(Boolean);
}

/** One part of the stream: the opening, a product's segment, or the closing. */
interface Segment {
  no: number;
  kind: 'opening' | 'product' | 'closing';
  title: string;
  start: string;
  end: string;
  minutes: number;
  product: ScriptProduct | null;
  parts: Array<{ part: Part; label: string; start: string; end: string; minutes: number; talk: string[] }>;
  assistant: string[];
  floor: string[];
}

/** A product's segment: its parts (explain, interact, push, benefit) with scene talk, and the assistant's and floor's cues. */
function productSegment(input: DraftInput, p: ScriptProduct, i: number, segStart: number, len: number, no: number, cue: (minute: number, who: Cue['who'], text: string, rule?: string | null) => void): Segment {
  const { settings: s, lang, stream } = input;
  const T = TEXT[lang];
  const money = (v: number | null) => (v === null ? null : `¥${v.toLocaleString('en-US')}`);
  const stockLine = input.thresholds['stock-low'] ?? 50;
  const partLens = allocate(len, PARTS.map((k) => s.parts[k]));
  const scenes = (p.category && s.scenes[p.category]) || [];
  const points = items(p.sellingPoints);
  const faqs = items(p.faq);
  // A retro topic that this product's name or selling points mention becomes part of its segment.
  const related = input.talkPoints.filter((tp) => `${p.name} ${p.sellingPoints ?? ''} ${p.category ?? ''}`.includes(tp.topic));
  const explain = [
    ...(scenes.length ? [T.scene(scenes[i % scenes.length]!, p.name)] : []),
    ...points.map(T.point),
    ...faqs.slice(0, 2).map(T.faq),
    ...(p.price !== null ? [T.price(money(p.price)!, money(p.dailyPrice))] : []),
    ...related.map(T.talkPoint),
  ];
  const talk: Record<Part, string[]> = { explain, interact: T.interact(p.name), push: T.push(p.stock), benefit: T.benefit(stream.benefit) };
  let pt = segStart;
  const parts = PARTS.map((k, j) => {
    const m = partLens[j]!;
    const part = { part: k, label: T.part[k], start: clock(pt), end: clock(pt + m), minutes: m, talk: talk[k] };
    pt += m;
    return part;
  });
  const assistant = [T.closeUp(p.name), ...related.map((tp) => T.demo(tp.action))];
  const pushStart = segStart + partLens[0]! + partLens[1]!;
  const floor: string[] = [T.list(p.name)];
  cue(segStart, 'floor-control', T.list(p.name));
  cue(segStart, 'assistant', T.closeUp(p.name));
  for (const tp of related) cue(segStart, 'assistant', T.demo(tp.action));
  cue(pushStart, 'assistant', T.countdown(segStart + len - pushStart));
  assistant.push(T.countdown(segStart + len - pushStart));
  // playbook: stock below 50 → stock alert to the floor.
  if (p.stock !== null && p.stock < stockLine) {
    floor.push(T.stock(p.name, p.stock, stockLine));
    cue(segStart, 'floor-control', T.stock(p.name, p.stock, stockLine), 'stock-low');
  }
  floor.push(T.delist(p.name));
  cue(segStart + len, 'floor-control', T.delist(p.name));
  return { no, kind: 'product', title: p.name, start: clock(segStart), end: clock(segStart + len), minutes: len, product: p, parts, assistant, floor };
}

/** The run-sheet: one row per part, with who does what (the xlsx a floor crew prints). */
function runSheetOf(timeline: Segment[], cues: Cue[], start: number) {
  return timeline.flatMap((seg) =>
    seg.parts.map((part) => {
      const [p0, p1] = [toMinutes(part.start), toMinutes(part.end)];
      const inPart = (c: Cue) => {
        const m = c.minute + start;
        const a = p0 < start ? p0 + 24 * 60 : p0;
        const b = p1 < a ? p1 + 24 * 60 : p1;
        return m >= a && m < b;
      };
      return {
        start: part.start,
        end: part.end,
        minutes: part.minutes,
        segment: seg.title,
        product: seg.product?.name ?? null,
        role: seg.product?.role ?? null,
        part: part.label,
        talk: part.talk.join('\n'),
        assistant: cues.filter((c) => c.who === 'assistant' && inPart(c)).map((c) => c.cue).join('\n'),
        floor: cues.filter((c) => c.who === 'floor-control' && c.rule !== 'floor-refresh' && inPart(c)).map((c) => c.cue).join('\n'),
      };
    }),
  );
}

export function buildDraft(input: DraftInput) {
  const { settings: s, lang, stream } = input;
  const T = TEXT[lang];
  const [from, to] = stream.time.split('-') as [string, string];
  const start = toMinutes(from);
  let end = toMinutes(to);
  if (end <= start) end += 24 * 60;
  const duration = end - start;

  // — segment lengths: base by role, scaled to fill the stream exactly (largest remainder) —
  const opening = Math.min(s.openingMinutes, duration);
  const closing = Math.min(s.closingMinutes, duration - opening);
  const available = duration - opening - closing;
  const lengths = input.products.length ? allocate(available, input.products.map((p) => s.segmentMinutes[p.role] || 1)) : [];
  const reminderMin = input.thresholds['segment-reminder'] ?? 3;
  const refreshMin = input.thresholds['floor-refresh'] ?? 5;

  const timeline: Segment[] = [];
  const cues: Cue[] = [];
  const cue = (minute: number, who: Cue['who'], text: string, rule: string | null = null) => cues.push({ time: clock(minute), minute: minute - start, who, cue: text, rule });

  let t = start;
  timeline.push({
    no: 1, kind: 'opening', title: T.opening, start: clock(t), end: clock(t + opening), minutes: opening, product: null,
    parts: [{ part: 'explain', label: T.opening, start: clock(t), end: clock(t + opening), minutes: opening, talk: T.openingTalk(stream.account ?? '', stream.theme, stream.benefit) }],
    assistant: [], floor: [],
  });
  t += opening;

  input.products.forEach((p, i) => {
    timeline.push(productSegment(input, p, i, t, lengths[i]!, timeline.length + 1, cue));
    t += lengths[i]!;
  });

  timeline.push({
    no: timeline.length + 1, kind: 'closing', title: T.closing, start: clock(t), end: clock(t + closing), minutes: closing, product: null,
    parts: [{ part: 'explain', label: T.closing, start: clock(t), end: clock(t + closing), minutes: closing, talk: T.closingTalk }],
    assistant: [], floor: [],
  });

  // playbook: a reminder 3 minutes before every segment switch.
  for (let i = 1; i < timeline.length; i++) {
    const at = toMinutes(timeline[i]!.start) + (toMinutes(timeline[i]!.start) < start ? 24 * 60 : 0) - reminderMin;
    if (at >= start) {
      const text = T.reminder(reminderMin, timeline[i]!.title);
      cue(at, 'floor-control', text, 'segment-reminder');
      timeline[i - 1]!.floor.push(`${clock(at)} ${text}`);
    }
  }
  // playbook: floor control refreshes online / click / conversion every 5 minutes, against the live thresholds.
  const uv = `¥${(input.thresholds['uv-value-critical'] ?? 0.8).toFixed(2)}`;
  const click = `${Math.round((input.thresholds['product-click-low'] ?? 0.1) * 100)}%`;
  for (let m = start + refreshMin; m < end; m += refreshMin) cue(m, 'floor-control', T.check(uv, click), 'floor-refresh');
  cues.sort((a, b) => a.minute - b.minute || (a.who === b.who ? 0 : a.who === 'floor-control' ? -1 : 1));

  const runSheet = runSheetOf(timeline, cues, start);
  const whoLabel = lang === 'zh' ? { 'floor-control': '场控', assistant: '助播' } : { 'floor-control': 'floor control', assistant: 'assistant' };
  const cueSheet = cues.map((c) => ({ ...c, whoLabel: whoLabel[c.who] }));

  return {
    stream: { ...stream, start: clock(start), end: clock(end), durationMinutes: duration },
    timeline,
    runSheet,
    cueSheet,
    cues,
    talkPoints: input.talkPoints,
    totals: { segments: timeline.length, minutes: timeline.reduce((a, x) => a + x.minutes, 0) },
  };
}

export type Draft = ReturnType<typeof buildDraft>;
