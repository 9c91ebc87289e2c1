/**
 * The schedule as an iCalendar file (RFC 5545, written by the `ics` library): each stream, and
 * its rehearsal two days before, so the team sees them in their calendar app.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { LocalisedSchedule } from '../../i18n/schedule.js';
import { cleanText } from '../../text-safety.js';

type DateArray = [number, number, number, number, number];

/** "2026-12-02T20:00:00+08:00" → the same instant in UTC as [y, m, d, h, min]. */
function utc(iso: string): DateArray {
  const t = new Date(Date.parse(iso));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()];
}

/** One calendar line: names from the pool or the config carry no CR, no control sequence. */
const oneLine = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim();

export function scheduleIcs(plan: LocalisedSchedule, lang: 'zh' | 'en', now: Date): string {
  const zh = lang === 'zh';
  const stamp = utc(now.toISOString());
  const events: EventAttributes[] = [];
  for (const s of plan.streams) {
    const who = [
      s.anchor && `${zh ? '主播' : 'anchor'} ${s.anchor}`,
      s.assistant && `${zh ? '助播' : 'assistant'} ${s.assistant}`,
    ]
      .filter(Boolean)
      .join(', ');
    const lines = [
      `${zh ? '类型' : 'Type'}: ${s.typeLabel}${s.theme ? ` · ${s.theme}` : ''}`,
      who,
      s.gmvTarget !== null ? `${zh ? 'GMV目标' : 'GMV target'}: ¥${s.gmvTarget.toLocaleString('en-US')}` : '',
      s.productList.length ? `${zh ? '商品' : 'Products'}: ${s.productList.join(', ')}` : '',
      `${zh ? '福利' : 'Benefits'}: ${s.benefit}`,
    ]
      .filter(Boolean)
      .map(oneLine);
    events.push({
      uid: `${s.id}@liveops`,
      title: oneLine(`${zh ? '直播' : 'Stream'} ${s.account ?? ''} · ${s.typeLabel}${s.theme ? ` · ${s.theme}` : ''}`),
      description: lines.join('\n'),
      start: utc(s.start),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: utc(s.end),
      endInputType: 'utc',
      endOutputType: 'utc',
      categories: ['liveops', zh ? '直播' : 'stream'],
      created: stamp,
    });
    // playbook: rehearsal two days before the stream, at the same time of day.
    const rehearsalStart = `${s.rehearsal}${s.start.slice(10)}`;
    events.push({
      uid: `${s.id}-rehearsal@liveops`,
      title: oneLine(`${zh ? '彩排' : 'Rehearsal'} · ${s.account ?? ''} ${s.date}`),
      description: oneLine(who),
      start: utc(rehearsalStart),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { hours: 1 },
      categories: ['liveops', zh ? '彩排' : 'rehearsal'],
      created: stamp,
    });
  }
  const { error, value } = createEvents(events, {
    productId: 'liveops',
    calName: `${zh ? '直播排期' : 'Stream schedule'} ${plan.month}`,
  });
  if (error || !value) throw error ?? new Error('could not write the calendar');
  return value;
}
