// Loaded with `node --import` by the benchmark and the stress run: writes the process's own peak
// RSS (KiB) on exit. VmHWM of /proc/self/status is the high-water mark of this process's memory
// since it was exec'd; `resourceUsage().maxRSS` is not: on Linux it starts from the parent's RSS
// at fork, so every figure below the parent's size was the parent's, not ours.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.LIVEOPS_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    let kib = null;
    try {
      const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
      if (m) kib = Number(m[1]);
    } catch {
      // not Linux: fall back below
    }
    writeFileSync(file, String(kib ?? process.resourceUsage().maxRSS));
  });
}
