/**
 * Finding and reading the config file. Order: --config, $LIVEOPS_CONFIG, then liveops.config.yaml
 * (or .yml/.json, .liveopsrc.yaml) in the working folder or above it.
 */
import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { resolveConfig, type Config } from './resolve.js';
import { cleanText } from '../text-safety.js';

export const CONFIG_NAMES = [
  'liveops.config.yaml',
  'liveops.config.yml',
  'liveops.config.json',
  '.liveopsrc.yaml',
  '.liveopsrc.yml',
  '.liveopsrc.json',
];

async function parseFile(file: string): Promise<unknown> {
  let text: string;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new ConfigError(file, ['is a directory, expected a YAML or JSON config file']);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === 'ENOENT' ? 'config file not found' : `cannot read: ${(e as Error).message}`]);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return {};
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ConfigError(file, [`not valid JSON: ${(e as Error).message}`]);
    }
  }
  return parseYaml(text, file);
}

/**
 * A YAML file's data (a leading BOM skipped); its syntax errors, a key given twice among them, are
 * one ConfigError naming each line. `what` the file is, for the message ("config", "script categories").
 */
export async function parseYaml(text: string, file: string, what = 'config'): Promise<unknown> {
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
      what,
    );
  }
  return doc.toJS() ?? {};
}

export async function loadConfig(opts: {
  cwd: string;
  explicit?: string | undefined;
  env?: NodeJS.ProcessEnv;
}): Promise<Config> {
  const env = opts.env ?? process.env;
  let file = opts.explicit ?? (env.LIVEOPS_CONFIG ? env.LIVEOPS_CONFIG : undefined);
  if (!file) {
    const { lilconfig } = await import('lilconfig');
    const found = await lilconfig('liveops', {
      searchPlaces: CONFIG_NAMES,
      stopDir: (await import('node:os')).homedir(),
      loaders: { '.yaml': () => null, '.yml': () => null, '.json': () => null },
    }).search(opts.cwd);
    file = found?.filepath;
  }
  if (!file) return resolveConfig({}, null);
  const { resolve } = await import('node:path');
  file = resolve(opts.cwd, file);
  // Text the config puts into outputs (themes, benefits, names) carries no control or bidi characters either.
  const raw = cleanStrings(await parseFile(file));
  // zod is loaded only here, when there is a file to validate.
  const { configSchema, describeIssues } = await import('./file-schema.js');
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, describeIssues(parsed.error));
  return resolveConfig(parsed.data, file);
}

/** Every string value (not key) of a parsed config, cleaned as text read from an export is. */
function cleanStrings(v: unknown): unknown {
  if (typeof v === 'string') return cleanText(v);
  if (Array.isArray(v)) return v.map(cleanStrings);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanStrings(x)]));
  return v;
}
