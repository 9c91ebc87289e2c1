/**
 * A timed script draft (直播脚本) for one stream: opening, one segment per product of the plan
 * (explanation with scene-based talk, interaction, closing push, benefits), closing; the
 * assistant's cues and the floor-control cue sheet (list/delist, stock alerts, a reminder before
 * every segment switch, metric checks with the live thresholds). Pure: data in, draft out — what
 * is said and cued as codes with their data; localiseDraft words them.
 */
import type { ScriptSettings } from '../../config/script-section.js';
import { allocate } from '../schedule/targets.js';
import type { ProductRole } from '../roles.js';
import { productCategory, type DraftCategories } from './categories.js';

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
  /** The categories of templates/script-categories.yaml by their keywords, and the shop's own one. */
  categories: DraftCategories;
}

export type Part = 'explain' | 'interact' | 'push' | 'benefit';
const PARTS: Part[] = ['explain', 'interact', 'push', 'benefit'];

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

export type SegmentKind = 'opening' | 'product' | 'closing';

/**
 * What the anchor says, with the data it needs; one code may read as several lines. `category` and
 * `variant` pick the category's sentence patterns (the product's place in the stream, so that
 * neighbouring products are not said the same way).
 */
export type TalkLine =
  | { kind: 'welcome'; account: string; theme: string | null; benefit: string | null }
  | { kind: 'farewell' }
  /** A use scene: the team's own (config `script.scenes`) or, when null, one of the category's. */
  | { kind: 'scene'; category: string; product: string; variant: number; scene: string | null }
  /** The selling points, said as scene sentences of the category, not as a parameter list. */
  | { kind: 'selling'; category: string; points: string[]; variant: number }
  | { kind: 'faq'; text: string }
  | { kind: 'price'; price: number; dailyPrice: number | null }
  | { kind: 'retro-topic'; topic: string; share: number; action: string }
  | { kind: 'interact'; product: string }
  /** A prompt that draws out the questions viewers of the category ask (怎么泡, 色号, 尺码…). */
  | { kind: 'faq-prompt'; category: string; product: string; variant: number }
  | { kind: 'push'; stock: number | null }
  | { kind: 'benefit'; benefit: string | null };

/** What the assistant or floor control is cued to do, with the data it needs. */
export type CueAction =
  | { kind: 'close-up'; product: string; category: string; variant: number }
  | { kind: 'demo'; action: string }
  | { kind: 'countdown'; minutes: number }
  | { kind: 'list'; product: string }
  | { kind: 'delist'; product: string }
  | { kind: 'stock'; product: string; stock: number; threshold: number }
  | { kind: 'reminder'; minutes: number; next: { kind: SegmentKind; product: string | null } }
  | { kind: 'check'; uvValue: number; clickRate: number };

export interface Cue {
  time: string;
  minute: number;
  who: 'floor-control' | 'assistant';
  cue: CueAction;
  rule: string | null;
}

/**
 * What a cell holds when it holds nothing: a dash, a slash, 无/暂无, N/A. Exports and hand-kept
 * sheets write these for an empty FAQ or selling point; the draft leaves them out, never says "-".
 */
const PLACEHOLDER = /^(?:[-－—–_/／\\.。·…~～\s]*|无|暂无|没有|待定|待补充|n\/?a|none|null|nil)$/i;

/** Split a selling-points / FAQ cell into items; placeholders are no items. */
export function items(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/[；;\n]|。(?=.)/)
    .map((s) => s.trim().replace(/。$/, ''))
    .filter((s) => s && !PLACEHOLDER.test(s));
}

/**
 * The single selling points of a cell: its items, each split at its Chinese commas, and at an ASCII
 * comma next to Chinese text (四面弹,速干) — not inside 1,000mAh, SUM(1,2) or English words.
 */
export function sellingPoints(text: string | null): string[] {
  return items(text).flatMap((item) =>
    item
      .split(/[，、]|(?<=\p{Script=Han}\s*),|,(?=\s*\p{Script=Han})/u)
      .map((s) => s.trim())
      .filter((s) => s && !PLACEHOLDER.test(s)),
  );
}

/** One part of the stream: the opening, a product's segment, or the closing. */
export interface Segment {
  no: number;
  kind: SegmentKind;
  start: string;
  end: string;
  minutes: number;
  product: ScriptProduct | null;
  parts: Array<{ part: Part; start: string; end: string; minutes: number; talk: TalkLine[] }>;
  assistant: CueAction[];
  /** Floor control's list for the segment; the reminder of the next switch carries its clock time. */
  floor: Array<{ time: string | null; cue: CueAction }>;
  /** The category whose talk and cues a product's segment uses (templates/script-categories.yaml); null for the opening and closing. */
  category: string | null;
}

type CueAt = (minute: number, who: Cue['who'], what: CueAction, rule?: string | null) => void;

/** A product's segment: its parts (explain, interact, push, benefit) with scene talk, and the assistant's and floor's cues. */
export function productSegment(
  input: DraftInput,
  p: ScriptProduct,
  i: number,
  segStart: number,
  len: number,
  no: number,
  cue: CueAt,
): Segment {
  const { settings: s, stream } = input;
  const stockLine = input.thresholds['stock-low'] ?? 50;
  const partLens = allocate(
    len,
    PARTS.map((k) => s.parts[k]),
  );
  const category = productCategory(p, input.categories);
  // The team's own scenes (config script.scenes) for the product's 品类 word or its category come first.
  const ownScenes = (p.category && s.scenes[p.category]) || s.scenes[category] || [];
  const points = sellingPoints(p.sellingPoints);
  const faqs = items(p.faq);
  // A retro topic that this product's name or selling points mention becomes part of its segment.
  const related = input.talkPoints.filter((tp) =>
    `${p.name} ${p.sellingPoints ?? ''} ${p.category ?? ''}`.includes(tp.topic),
  );
  const explain: TalkLine[] = [
    { kind: 'scene', category, product: p.name, variant: i, scene: ownScenes[i % ownScenes.length] ?? null },
    ...(points.length ? [{ kind: 'selling' as const, category, points, variant: i }] : []),
    ...faqs.slice(0, 2).map((text) => ({ kind: 'faq' as const, text })),
    ...(p.price !== null ? [{ kind: 'price' as const, price: p.price, dailyPrice: p.dailyPrice }] : []),
    ...related.map((tp) => ({ kind: 'retro-topic' as const, topic: tp.topic, share: tp.share, action: tp.action })),
  ];
  const talk: Record<Part, TalkLine[]> = {
    explain,
    interact: [
      { kind: 'interact', product: p.name },
      { kind: 'faq-prompt', category, product: p.name, variant: i },
    ],
    push: [{ kind: 'push', stock: p.stock }],
    benefit: [{ kind: 'benefit', benefit: stream.benefit }],
  };
  let pt = segStart;
  const parts = PARTS.map((k, j) => {
    const m = partLens[j]!;
    const part = { part: k, start: clock(pt), end: clock(pt + m), minutes: m, talk: talk[k] };
    pt += m;
    return part;
  });
  const closeUp: CueAction = { kind: 'close-up', product: p.name, category, variant: i };
  const demos = related.map((tp): CueAction => ({ kind: 'demo', action: tp.action }));
  const pushStart = segStart + partLens[0]! + partLens[1]!;
  const countdown: CueAction = { kind: 'countdown', minutes: segStart + len - pushStart };
  const list: CueAction = { kind: 'list', product: p.name };
  const floor: Segment['floor'] = [{ time: null, cue: list }];
  cue(segStart, 'floor-control', list);
  cue(segStart, 'assistant', closeUp);
  for (const d of demos) cue(segStart, 'assistant', d);
  cue(pushStart, 'assistant', countdown);
  // playbook: stock below 50 → stock alert to the floor.
  if (p.stock !== null && p.stock < stockLine) {
    const alert: CueAction = { kind: 'stock', product: p.name, stock: p.stock, threshold: stockLine };
    floor.push({ time: null, cue: alert });
    cue(segStart, 'floor-control', alert, 'stock-low');
  }
  const delist: CueAction = { kind: 'delist', product: p.name };
  floor.push({ time: null, cue: delist });
  cue(segStart + len, 'floor-control', delist);
  return {
    no,
    kind: 'product',
    start: clock(segStart),
    end: clock(segStart + len),
    minutes: len,
    product: p,
    parts,
    assistant: [closeUp, ...demos, countdown],
    floor,
    category,
  };
}

/** The run-sheet: one row per part, with who does what (the xlsx a floor crew prints). */
export function runSheetOf(timeline: Segment[], cues: Cue[], start: number) {
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
        kind: seg.kind,
        product: seg.product?.name ?? null,
        role: seg.product?.role ?? null,
        part: part.part,
        talk: part.talk,
        assistant: cues.filter((c) => c.who === 'assistant' && inPart(c)).map((c) => c.cue),
        floor: cues
          .filter((c) => c.who === 'floor-control' && c.rule !== 'floor-refresh' && inPart(c))
          .map((c) => c.cue),
      };
    }),
  );
}

export function buildDraft(input: DraftInput) {
  const { settings: s, stream } = input;
  const [from, to] = stream.time.split('-') as [string, string];
  const start = toMinutes(from);
  let end = toMinutes(to);
  if (end <= start) end += 24 * 60;
  const duration = end - start;

  // — segment lengths: base by role, scaled to fill the stream exactly (largest remainder) —
  const opening = Math.min(s.openingMinutes, duration);
  const closing = Math.min(s.closingMinutes, duration - opening);
  const available = duration - opening - closing;
  const lengths = input.products.length
    ? allocate(
        available,
        input.products.map((p) => s.segmentMinutes[p.role] || 1),
      )
    : [];
  const reminderMin = input.thresholds['segment-reminder'] ?? 3;
  const refreshMin = input.thresholds['floor-refresh'] ?? 5;

  const timeline: Segment[] = [];
  const cues: Cue[] = [];
  const cue: CueAt = (minute, who, what, rule = null) =>
    cues.push({ time: clock(minute), minute: minute - start, who, cue: what, rule });

  let t = start;
  timeline.push({
    no: 1,
    kind: 'opening',
    start: clock(t),
    end: clock(t + opening),
    minutes: opening,
    product: null,
    parts: [
      {
        part: 'explain',
        start: clock(t),
        end: clock(t + opening),
        minutes: opening,
        talk: [{ kind: 'welcome', account: stream.account ?? '', theme: stream.theme, benefit: stream.benefit }],
      },
    ],
    assistant: [],
    floor: [],
    category: null,
  });
  t += opening;

  input.products.forEach((p, i) => {
    timeline.push(productSegment(input, p, i, t, lengths[i]!, timeline.length + 1, cue));
    t += lengths[i]!;
  });

  timeline.push({
    no: timeline.length + 1,
    kind: 'closing',
    start: clock(t),
    end: clock(t + closing),
    minutes: closing,
    product: null,
    parts: [
      { part: 'explain', start: clock(t), end: clock(t + closing), minutes: closing, talk: [{ kind: 'farewell' }] },
    ],
    assistant: [],
    floor: [],
    category: null,
  });

  // playbook: a reminder 3 minutes before every segment switch.
  for (let i = 1; i < timeline.length; i++) {
    const next = timeline[i]!;
    const at = toMinutes(next.start) + (toMinutes(next.start) < start ? 24 * 60 : 0) - reminderMin;
    if (at >= start) {
      const reminder: CueAction = {
        kind: 'reminder',
        minutes: reminderMin,
        next: { kind: next.kind, product: next.product?.name ?? null },
      };
      cue(at, 'floor-control', reminder, 'segment-reminder');
      timeline[i - 1]!.floor.push({ time: clock(at), cue: reminder });
    }
  }
  // playbook: floor control refreshes online / click / conversion every 5 minutes, against the live thresholds.
  const check: CueAction = {
    kind: 'check',
    uvValue: input.thresholds['uv-value-critical'] ?? 0.8,
    clickRate: input.thresholds['product-click-low'] ?? 0.1,
  };
  for (let m = start + refreshMin; m < end; m += refreshMin) cue(m, 'floor-control', check, 'floor-refresh');
  cues.sort((a, b) => a.minute - b.minute || (a.who === b.who ? 0 : a.who === 'floor-control' ? -1 : 1));

  return {
    stream: { ...stream, start: clock(start), end: clock(end), durationMinutes: duration },
    timeline,
    runSheet: runSheetOf(timeline, cues, start),
    cues,
    talkPoints: input.talkPoints,
    totals: { segments: timeline.length, minutes: timeline.reduce((a, x) => a + x.minutes, 0) },
  };
}

/** The script draft as codes and numbers; what the command prints is localiseDraft's. */
export type Draft = ReturnType<typeof buildDraft>;
