/**
 * Customer-service first response (`cs-response`: ≤ 15 s): median, 90th percentile, the share
 * over the line and the slowest conversations, from a consultation export. Exactly 15 s is on time.
 */
import type { Consultation } from '../../model/entities.js';

export type { Consultation };

export interface ResponseStats {
  consultations: number;
  answered: number;
  unanswered: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  meanSeconds: number | null;
  maxSeconds: number | null;
  line: number;
  overLine: number;
  overLineShare: number | null;
  slowest: Array<{
    seconds: number;
    time: string | null;
    agent: string | null;
    buyer: string | null;
    text: string | null;
  }>;
  byAgent: Array<{
    agent: string;
    answered: number;
    medianSeconds: number | null;
    overLine: number;
    overLineShare: number | null;
  }>;
}

/** Linear-interpolated percentile of sorted values (p in 0–1). */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Streams consultations in; keeps the durations (8 bytes each) and the few slowest. */
export class ResponseAccumulator {
  private durations: number[] = [];
  private agents = new Map<string, number[]>();
  private unanswered = 0;
  private slowest: ResponseStats['slowest'] = [];

  constructor(
    private readonly line: number,
    private readonly keepSlowest = 10,
  ) {}

  add(c: Consultation): void {
    if (c.seconds === null || c.seconds < 0) {
      this.unanswered++;
      return;
    }
    this.durations.push(c.seconds);
    if (c.agent) {
      const list = this.agents.get(c.agent) ?? [];
      list.push(c.seconds);
      this.agents.set(c.agent, list);
    }
    if (this.slowest.length < this.keepSlowest || c.seconds > this.slowest[this.slowest.length - 1]!.seconds) {
      this.slowest.push({ seconds: c.seconds, time: c.time, agent: c.agent, buyer: c.buyer, text: c.text });
      this.slowest.sort((a, b) => b.seconds - a.seconds || (a.time ?? '').localeCompare(b.time ?? ''));
      if (this.slowest.length > this.keepSlowest) this.slowest.pop();
    }
  }

  /** Add another accumulator's consultations (one file's share). */
  merge(other: ResponseAccumulator): void {
    for (const d of other.durations) this.durations.push(d);
    for (const [agent, list] of other.agents) this.agents.set(agent, [...(this.agents.get(agent) ?? []), ...list]);
    this.unanswered += other.unanswered;
    this.slowest = [...this.slowest, ...other.slowest]
      .sort((a, b) => b.seconds - a.seconds || (a.time ?? '').localeCompare(b.time ?? ''))
      .slice(0, this.keepSlowest);
  }

  result(): ResponseStats {
    const sorted = [...this.durations].sort((a, b) => a - b);
    // playbook: first response within 15 s — exactly 15 s is on time.
    const over = sorted.filter((s) => s > this.line).length;
    return {
      consultations: sorted.length + this.unanswered,
      answered: sorted.length,
      unanswered: this.unanswered,
      medianSeconds: percentile(sorted, 0.5),
      p90Seconds: percentile(sorted, 0.9),
      meanSeconds: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
      maxSeconds: sorted.length ? sorted[sorted.length - 1]! : null,
      line: this.line,
      overLine: over,
      overLineShare: sorted.length ? over / sorted.length : null,
      slowest: this.slowest,
      byAgent: [...this.agents.entries()]
        .map(([agent, list]) => {
          const s = [...list].sort((a, b) => a - b);
          const o = s.filter((x) => x > this.line).length;
          return {
            agent,
            answered: s.length,
            medianSeconds: percentile(s, 0.5),
            overLine: o,
            overLineShare: o / s.length,
          };
        })
        .sort((a, b) => (b.overLineShare ?? 0) - (a.overLineShare ?? 0) || a.agent.localeCompare(b.agent)),
    };
  }
}
