/**
 * The playbook's rules as data (SPEC.md, "Rules and thresholds"). Each rule has a stable id used in
 * outputs, `--json` and the config file. Thresholds here are the defaults; config overrides them.
 */

export type Role = 'director' | 'ops' | 'floor-control' | 'anchor' | 'selector' | 'data' | 'cs' | 'assistant';

/** How a value is compared with a threshold. "Below" is strict: 3.0 % is not below 3 %. */
export type Comparison = 'below' | 'at-or-above' | 'above';

export type Severity = 'critical' | 'warning';

/** Where a rule is applied. */
export type Surface = 'retro' | 'weekly' | 'select' | 'cue-sheet' | 'schedule';

export interface ThresholdRule {
  id: string;
  kind: 'threshold';
  comparison: Comparison;
  threshold: number;
  unit: 'yuan' | 'rate' | 'units' | 'seconds' | 'minutes' | 'days' | 'hours' | 'count';
  /** Who the playbook names for the rule (SPEC: "who acts"), for the config's comments. */
  owners: Role[];
  /** The one role an alert of this rule is addressed to (the improvement list's owner). */
  actor: Role;
  severity: Severity;
  /** Place in the improvement list: lower first (the most urgent). */
  order: number;
  appliesTo: Surface[];
  /**
   * For a rule on a stream's own figure: the figure (a key of the retro summary and of the weekly
   * report's stream rows, e.g. uvValue). Retro and the weekly report apply every such rule of theirs
   * (`appliesTo`) with no code of its own: one row here is the whole rule.
   */
  metric?: string;
  /** Variants that go to someone else (a sold-out giveaway is delisted by floor control). */
  variants?: Record<string, { actor: Role }>;
  /** What the config key means, for `liveops init`'s commented config. */
  help: string;
}

export const THRESHOLD_RULES: ThresholdRule[] = [
  {
    id: 'uv-value-low',
    kind: 'threshold',
    comparison: 'below',
    threshold: 1.0,
    unit: 'yuan',
    owners: ['director', 'ops'],
    actor: 'director',
    severity: 'warning',
    order: 4,
    appliesTo: ['retro', 'weekly'],
    metric: 'uvValue',
    help: 'UV value (GMV / viewers, CNY) below this → start paid-traffic optimisation',
  },
  {
    id: 'uv-value-critical',
    kind: 'threshold',
    comparison: 'below',
    threshold: 0.8,
    unit: 'yuan',
    owners: ['floor-control'],
    actor: 'floor-control',
    severity: 'critical',
    order: 3,
    appliesTo: ['retro', 'weekly', 'cue-sheet'],
    metric: 'uvValue',
    help: 'UV value (CNY) below this during the stream → cue "strengthen closing talk" (强化逼单话术)',
  },
  {
    id: 'product-click-low',
    kind: 'threshold',
    comparison: 'below',
    threshold: 0.1,
    unit: 'rate',
    owners: ['anchor'],
    actor: 'anchor',
    severity: 'warning',
    order: 7,
    appliesTo: ['retro'],
    help: "product click rate (clickers / exposed) below this → anchor extends that product's explanation",
  },
  {
    id: 'product-conversion-low',
    kind: 'threshold',
    comparison: 'below',
    threshold: 0.05,
    unit: 'rate',
    owners: ['anchor'],
    actor: 'anchor',
    severity: 'warning',
    order: 6,
    appliesTo: ['retro'],
    help: 'order conversion (buyers / clickers) below this → adjust the closing talk',
  },
  {
    id: 'weekly-click-eliminate',
    kind: 'threshold',
    comparison: 'below',
    threshold: 0.03,
    unit: 'rate',
    owners: ['selector'],
    actor: 'selector',
    severity: 'warning',
    order: 9,
    appliesTo: ['select', 'weekly'],
    help: 'weekly product click rate below this → start elimination',
  },
  {
    id: 'weekly-conversion-eliminate',
    kind: 'threshold',
    comparison: 'below',
    threshold: 0.03,
    unit: 'rate',
    owners: ['data', 'selector'],
    actor: 'selector',
    severity: 'warning',
    order: 10,
    appliesTo: ['select', 'weekly'],
    help: 'weekly product conversion below this → eliminate (weekly report)',
  },
  {
    id: 'uv-drop',
    kind: 'threshold',
    comparison: 'at-or-above',
    threshold: 0.5,
    unit: 'rate',
    owners: ['data'],
    actor: 'data',
    severity: 'critical',
    order: 2,
    appliesTo: ['retro', 'weekly'],
    help: 'UV drop vs. the recent baseline at or above this → anomaly alert',
  },
  {
    id: 'stock-low',
    kind: 'threshold',
    comparison: 'below',
    threshold: 50,
    unit: 'units',
    owners: ['selector', 'floor-control'],
    actor: 'selector',
    severity: 'warning',
    order: 8,
    appliesTo: ['retro', 'select', 'cue-sheet'],
    variants: { delist: { actor: 'floor-control' } },
    help: 'stock below this → restock warning; a sold-out giveaway (福利款) product → delist',
  },
  {
    id: 'backup-suppliers',
    kind: 'threshold',
    comparison: 'below',
    threshold: 3,
    unit: 'count',
    owners: ['selector'],
    actor: 'selector',
    severity: 'warning',
    order: 11,
    appliesTo: ['select'],
    help: 'backup suppliers per category below this → warning',
  },
  {
    id: 'cs-response',
    kind: 'threshold',
    comparison: 'above',
    threshold: 15,
    unit: 'seconds',
    owners: ['cs'],
    actor: 'cs',
    severity: 'warning',
    order: 5,
    appliesTo: ['retro', 'weekly'],
    help: 'customer-service first response above this many seconds is late (exactly 15 s is on time)',
  },
  {
    id: 'negative-spike',
    kind: 'threshold',
    comparison: 'at-or-above',
    threshold: 0.05,
    unit: 'rate',
    owners: ['ops', 'cs'],
    actor: 'ops',
    severity: 'critical',
    order: 1,
    appliesTo: ['retro', 'weekly'],
    help: 'share of negative comments/consultations (quality, fakes, delivery, refunds) at or above this → alert; suggests considering a pause and a statement',
  },
  {
    id: 'segment-reminder',
    kind: 'threshold',
    comparison: 'below',
    threshold: 3,
    unit: 'minutes',
    owners: ['floor-control'],
    actor: 'floor-control',
    severity: 'warning',
    order: 12,
    appliesTo: ['cue-sheet'],
    help: 'minutes before each segment switch that floor control is reminded',
  },
  {
    id: 'floor-refresh',
    kind: 'threshold',
    comparison: 'above',
    threshold: 5,
    unit: 'minutes',
    owners: ['floor-control'],
    actor: 'floor-control',
    severity: 'warning',
    order: 13,
    appliesTo: ['cue-sheet'],
    help: "minutes between floor control's refreshes of online, click and conversion figures",
  },
  {
    id: 'rehearsal',
    kind: 'threshold',
    comparison: 'below',
    threshold: 2,
    unit: 'days',
    owners: ['anchor'],
    actor: 'anchor',
    severity: 'warning',
    order: 14,
    appliesTo: ['schedule'],
    help: 'days before the stream that the rehearsal takes place',
  },
];

export interface SupplierPriceRule {
  /** Supplier price should be this much lower than competitors' (fractions). */
  minDiscount: number;
  maxDiscount: number;
}

export const RULE_DEFAULTS = {
  thresholds: Object.fromEntries(THRESHOLD_RULES.map((r) => [r.id, r.threshold])) as Record<string, number>,
  supplierPrice: { minDiscount: 0.05, maxDiscount: 0.1 } as SupplierPriceRule,
  supplierTerms: ['qcReport', 'sevenDayReturns', 'shippingInsurance'] as string[],
  retroDeadline: { sheetHours: 24, meetingHours: 1 },
};

export function ruleById(id: string): ThresholdRule | undefined {
  return THRESHOLD_RULES.find((r) => r.id === id);
}

/**
 * What fired, in codes and numbers (the renderers word it): the rule, how serious, who acts, the
 * value and the threshold it was measured against. Made once; nothing edits it afterwards.
 */
export interface RuleHit {
  rule: string;
  severity: Severity;
  owner: Role;
  value: number;
  threshold: number;
  /** A variant of the rule (stock-low: 'delist'), or null. */
  variant: string | null;
}

function ruleOf(id: string): ThresholdRule {
  const rule = ruleById(id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** A hit of rule `id` with `value` against `threshold`, whatever decided it (see `evaluate`). */
export function hit(id: string, value: number, threshold: number, variant: string | null = null): RuleHit {
  const rule = ruleOf(id);
  const owner = variant !== null ? (rule.variants?.[variant]?.actor ?? rule.actor) : rule.actor;
  return { rule: id, severity: rule.severity, owner, value, threshold, variant };
}

/** Rule `id`'s threshold: the configured one, else the playbook's default (0 for an unknown id). */
export function thresholdOf(id: string, thresholds: Readonly<Record<string, number>>): number {
  return thresholds[id] ?? ruleById(id)?.threshold ?? 0;
}

/** Rule `id` applied to `value` with the configured threshold: its hit, or null when it does not fire. */
export function evaluate(
  id: string,
  value: number | null | undefined,
  thresholds: Readonly<Record<string, number>>,
): RuleHit | null {
  const rule = ruleOf(id);
  const threshold = thresholdOf(id, thresholds);
  return fires(rule.comparison, value, threshold) ? hit(id, value as number, threshold) : null;
}

/** The rules on a stream's own figure that `surface` applies, in table order. */
export function streamRules(surface: Surface): Array<ThresholdRule & { metric: string }> {
  return THRESHOLD_RULES.filter(
    (r): r is ThresholdRule & { metric: string } => r.metric !== undefined && r.appliesTo.includes(surface),
  );
}

/** How a comparison reads between a value and its threshold. */
export const COMPARISON_SIGN: Record<Comparison, string> = { below: '<', 'at-or-above': '≥', above: '>' };

/** Improvement-list order of rules: the most urgent first (rules not in the table last). */
export function ruleOrder(id: string): number {
  return ruleById(id)?.order ?? Number.MAX_SAFE_INTEGER;
}

/** Does `value` trip a rule with this comparison and threshold? Missing values never fire. */
export function fires(comparison: Comparison, value: number | null | undefined, threshold: number): boolean {
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  // Rates recomputed from sums (900 ÷ 30,000.000000000004) can miss their threshold by a rounding
  // error of the last bit; no export states a figure to 1e-9, so closer than that is "at".
  const eps = 1e-9 * Math.max(1, Math.abs(threshold));
  switch (comparison) {
    case 'below':
      return value < threshold - eps;
    case 'at-or-above':
      return value >= threshold - eps;
    case 'above':
      return value > threshold + eps;
  }
}
