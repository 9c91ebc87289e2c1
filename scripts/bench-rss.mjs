// Loaded with `node --import` by the benchmark: writes the process's own peak RSS (KiB) on exit,
// then its user and system CPU time (µs), space-separated. VmHWM of /proc/self/status is the
// high-water mark of this process's memory since it was exec'd; `resourceUsage().maxRSS` is not: on
// Linux it starts from the parent's RSS at fork, so every figure below the parent's size was the
// parent's, not ours. (The CPU times are the process's own either way: they start at zero.)
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
    const use = process.resourceUsage();
    writeFileSync(file, `${kib ?? use.maxRSS} ${use.userCPUTime} ${use.systemCPUTime}`);
  });
}
