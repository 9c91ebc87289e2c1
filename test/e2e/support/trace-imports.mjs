// Loaded with `node --import`: records every module the process resolves, one URL per line, in the
// file named by LIVEOPS_TRACE_IMPORTS (used to check that --help loads no heavy module).
import { register } from 'node:module';

const file = process.env.LIVEOPS_TRACE_IMPORTS;
if (file) {
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        appendFileSync(${JSON.stringify(file)}, r.url + '\\n');
        return r;
      }`)}`,
  );
}
