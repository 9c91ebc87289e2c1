/**
 * The script draft on a terminal, laid out within its width (src/ui/layout.ts); its words are in
 * src/i18n/script.ts.
 */
import type { Lang } from '../../format.js';
import { scriptText, type LocalisedDraft } from '../../i18n/script.js';
import { fit, table } from '../../ui/layout.js';
import type { Palette } from '../../ui/terminal.js';

export function renderScriptSummary(
  d: LocalisedDraft & { outputs: string[] },
  lang: Lang,
  p: Palette,
  width = 80,
): string {
  const m = scriptText[lang];
  const s = d.stream;
  const minutes = (n: number) => (lang === 'zh' ? `${n} 分钟` : `${n} min`);
  // A draft from --products alone has no account (nor date): no empty " ·  · " for it.
  const facts = [
    s.account,
    minutes(s.durationMinutes),
    m.cues(d.cueSheet.filter((c) => c.who === 'floor-control').length),
  ];
  const out = [
    p.bold([m.title, s.date, `${s.start}–${s.end}`].filter(Boolean).join(' ')) +
      p.dim(
        facts
          .filter(Boolean)
          .map((f) => ` · ${f}`)
          .join(''),
      ),
  ];
  // One segment a line: its time, title (wrapping on a narrow terminal), minutes aligned right, role.
  out.push(
    ...table(
      d.timeline.map((seg) => [
        `${seg.start}–${seg.end}`,
        seg.title,
        p.dim(minutes(seg.minutes)),
        p.dim(seg.roleLabel ?? ''),
      ]),
      [{}, { wrap: true }, { align: 'right' }, {}],
      width,
    ),
  );
  for (const o of d.outputs) out.push(`${m.wrote} ${o}`);
  return `${fit(out, width).join('\n')}\n`;
}
