/**
 * The script draft on a terminal; its words are in src/i18n/script.ts.
 */
import type { Lang } from '../../format.js';
import { scriptText, type LocalisedDraft } from '../../i18n/script.js';
import type { Palette } from '../../ui/terminal.js';
import { padDisplay } from '../../ui/width.js';

export function renderScriptSummary(d: LocalisedDraft & { outputs: string[] }, lang: Lang, p: Palette): string {
  const m = scriptText[lang];
  const s = d.stream;
  const out = [
    p.bold(`${m.title} ${s.date} ${s.start}–${s.end}`) +
      p.dim(
        ` · ${s.account ?? ''} · ${s.durationMinutes} min · ${m.cues(d.cueSheet.filter((c) => c.who === 'floor-control').length)}`,
      ),
  ];
  for (const seg of d.timeline) {
    out.push(
      `  ${seg.start}–${seg.end}  ${padDisplay(seg.title, 44)} ${p.dim(`${seg.minutes} min${seg.product ? ` · ${seg.product.role}` : ''}`)}`,
    );
  }
  for (const o of d.outputs) out.push(`${m.wrote} ${o}`);
  return `${out.join('\n')}\n`;
}
