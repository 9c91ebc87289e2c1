// Preloaded with `node --import` by the tests: every write into a path under
// $LIVEOPS_TEST_FAIL_DIR fails with $LIVEOPS_TEST_FAIL_CODE (default ENOSPC), after the file was
// opened, as a full disk does. A tiny tmpfs would need root; this needs nothing.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const dir = process.env.LIVEOPS_TEST_FAIL_DIR ? resolve(process.env.LIVEOPS_TEST_FAIL_DIR) : null;
const code = process.env.LIVEOPS_TEST_FAIL_CODE ?? 'ENOSPC';
if (dir) {
  const doomed = new Set();
  const inDir = (p) => typeof p === 'string' && resolve(p).startsWith(dir + '/');
  const fail = () =>
    Object.assign(new Error(`${code}: injected by the test, write`), { code, errno: -28, syscall: 'write' });

  const open = fs.open;
  fs.open = function (path, ...rest) {
    const cb = rest[rest.length - 1];
    return open.call(fs, path, ...rest.slice(0, -1), (err, fd) => {
      if (!err && inDir(path)) doomed.add(fd);
      cb(err, fd);
    });
  };
  for (const name of ['write', 'writev']) {
    const orig = fs[name];
    fs[name] = function (fd, ...rest) {
      if (doomed.has(fd)) {
        const cb = rest[rest.length - 1];
        process.nextTick(cb, fail());
        return;
      }
      return orig.call(fs, fd, ...rest);
    };
  }
  const writeFile = fs.promises.writeFile;
  fs.promises.writeFile = async function (path, ...rest) {
    if (inDir(path)) {
      await writeFile.call(fs.promises, path, '');
      throw fail();
    }
    return writeFile.call(fs.promises, path, ...rest);
  };
  syncBuiltinESMExports();
}
