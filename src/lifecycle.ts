/**
 * A run that cannot end silently. Node exits when its event loop has nothing left to do, even if
 * the command's promise never settled (a stream whose error nobody listened to, a callback that
 * never came): the exit code would be 0 with nothing written, which a cron monitor reads as
 * success. `runGuarded` turns that into one line on stderr and exit 1.
 */
import { writtenSoFar } from './io/write/atomic.js';
import { promptPending } from './ui/prompts.js';

export const UNFINISHED_EXIT = 1;
const CANCELLED_EXIT = 130;

/**
 * Run `work` (which sets process.exitCode itself); if the event loop drains before it settles,
 * say so and exit 1. `name()` names the command (known only once the arguments are parsed).
 */
export async function runGuarded(name: () => string, work: () => Promise<void>): Promise<void> {
  let settled = false;
  const onDrained = (): void => {
    if (settled) return;
    settled = true;
    // Ctrl-D at a prompt closes the input: the prompt can no longer be answered (inquirer settles
    // it only at exit). That is the user stopping, not a command that ended unfinished.
    if (promptPending()) {
      process.stderr.write('\nliveops: 已取消 (cancelled)\n');
      process.exitCode = CANCELLED_EXIT;
      return;
    }
    const written = writtenSoFar();
    const what = written.length === 0 ? 'nothing was written' : `only these were written: ${written.join(', ')}`;
    process.stderr.write(`liveops: internal error: ${name()} ended before finishing; ${what}\n`);
    process.exitCode = UNFINISHED_EXIT;
  };
  process.once('beforeExit', onDrained);
  try {
    await work();
  } finally {
    settled = true;
    process.removeListener('beforeExit', onDrained);
  }
}
