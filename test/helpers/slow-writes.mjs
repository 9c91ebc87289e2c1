// Preloaded with `node --import` by the signal tests: a write to a liveops temp file under
// $LIVEOPS_TEST_SLOW_DIR whose name contains $LIVEOPS_TEST_SLOW_MATCH (default: any) creates the
// file, then waits $LIVEOPS_TEST_SLOW_MS (default 60 s) before writing, so a test can see the temp
// file and signal the run while it is mid-write. A timer keeps the event loop busy meanwhile, as a
// slow disk would; nothing else is changed.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, resolve } from 'node:path';

const dir = process.env.LIVEOPS_TEST_SLOW_DIR ? resolve(process.env.LIVEOPS_TEST_SLOW_DIR) : null;
const match = process.env.LIVEOPS_TEST_SLOW_MATCH ?? '';
const ms = Number(process.env.LIVEOPS_TEST_SLOW_MS ?? 60_000);
if (dir) {
  const slow = (p) => {
    if (typeof p !== 'string') return false;
    const abs = resolve(p);
    return abs.startsWith(dir + '/') && abs.endsWith('.tmp') && basename(abs).includes(match);
  };
  const pause = () => new Promise((r) => setTimeout(r, ms));

  // Streams (the xlsx writer) open through fs.open: the file exists, the open is slow to return.
  const open = fs.open;
  fs.open = function (path, ...rest) {
    const cb = rest[rest.length - 1];
    return open.call(fs, path, ...rest.slice(0, -1), (err, fd) => {
      if (!err && slow(path)) pause().then(() => cb(err, fd));
      else cb(err, fd);
    });
  };
  // Text, JSON, CSV and .ics go through fs.promises.writeFile.
  const writeFile = fs.promises.writeFile;
  fs.promises.writeFile = async function (path, ...rest) {
    if (slow(path)) {
      await writeFile.call(fs.promises, path, '');
      await pause();
    }
    return writeFile.call(fs.promises, path, ...rest);
  };
  syncBuiltinESMExports();
}
