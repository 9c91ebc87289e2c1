/**
 * The improvement items of the history (改进清单): the `actions` table's events read back for
 * `liveops actions`, the morning brief and the weekly report, and the `done` event
 * `liveops actions done <id>` records, in the partition of the item's found event.
 */
import type { Context } from '../context.js';
import { actionEvents, type ActionEvent, type ActionItem } from '../domain/history/actions.js';
import { historyRows, recordInHistory, type HistoryNote } from './history.js';

/** The action events of the history (of an account when given); skipped files go into the note. */
export async function readActionEvents(
  ctx: Context,
  note: HistoryNote | null,
  filter: { account?: string | undefined } = {},
): Promise<ActionEvent[]> {
  if (!ctx.history) return [];
  return actionEvents(await historyRows(ctx, note, 'actions', filter.account ? { account: filter.account } : {}));
}

/** Record that an item is done, as of `now`: a record of its own, so a re-run retro never removes it. */
export async function recordDone(ctx: Context, note: HistoryNote, item: ActionItem, now: Date): Promise<void> {
  await recordInHistory(
    ctx,
    note,
    {
      command: 'actions',
      recordKey: `actions-done|${item.id}`,
      inputs: [],
      partition: item.partition,
      parts: [
        {
          table: 'actions',
          partition: item.partition,
          rows: [
            {
              action_id: item.id,
              event: 'done',
              at: now,
              stream_key: item.streamKey,
              owner: item.owner,
              person: item.person,
              rule: item.rule,
              subject: item.subject,
              what: null,
              action: null,
              due: null,
              lang: ctx.lang,
            },
          ],
        },
      ],
    },
    now,
    // No report besides: the message says only that the done was not recorded.
    false,
  );
}
