/**
 * The script drafts' talk per category — templates/script-categories.yaml, or the team's copy in
 * their templates folder (config `templatesDir`): read, checked with zod (an error names the file,
 * the key and what was expected; exit 2) and resolved, every category's missing texts taken from
 * `default`. Loaded by `liveops script` only, when it drafts.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NEUTRAL_CATEGORY, type CategoryKeywords } from '../domain/script/categories.js';
import { ConfigError } from '../errors.js';
import type { Lang } from '../format.js';
import { BUILTIN_TEMPLATES, displayPath } from '../io/write/output.js';
import { cleanText } from '../text-safety.js';
import { describeIssues } from './file-schema.js';
import { parseYaml } from './load.js';

export const SCRIPT_CATEGORIES_FILE = 'script-categories.yaml';
const WHAT = 'script categories';

/** The lists a category says things with, and the placeholders each may hold ({points} must be in a selling sentence). */
const TALK_KEYS = {
  scenes: { allowed: [], required: null },
  sceneTalk: { allowed: ['scene', 'product'], required: null },
  sellingTalk: { allowed: ['points'], required: 'points' },
  closeUps: { allowed: ['product'], required: null },
  faqPrompts: { allowed: ['product'], required: null },
} as const;
type TalkKey = keyof typeof TALK_KEYS;

/** One category's words in one language, after `default` filled in what it leaves out. */
export interface CategoryTalk {
  label: string;
  scenes: string[];
  sceneTalk: string[];
  sellingTalk: string[];
  closeUps: string[];
  faqPrompts: string[];
  /** A selection table's selling point → how it is said (胎菊 → 胎菊一朵朵舒展开). */
  phrases: Record<string, string>;
}

/** The data file, resolved: the keywords in file order (for the domain), and each category's talk by language. */
export interface ScriptCategories {
  /** The file it was read from, as shown to the user. */
  file: string;
  set: CategoryKeywords[];
  /** By category id, `default` included. */
  talk: Record<string, Record<Lang, CategoryTalk>>;
}

const text = z
  .string({ error: 'expected a text' })
  .trim()
  .min(1, 'expected a text, not an empty one')
  .transform((s) => cleanText(s));

/** A sentence pattern: only the placeholders its list knows, and the one it must have. */
const pattern = (key: TalkKey) =>
  text.superRefine((s, ctx) => {
    const { allowed, required } = TALK_KEYS[key];
    const names = allowed as readonly string[];
    for (const [, name] of s.matchAll(/\{([^{}]*)\}/g)) {
      if (!names.includes(name!)) {
        const expected = names.length ? names.map((n) => `{${n}}`).join(' or ') : 'none here';
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}: expected ${expected}` });
      }
    }
    if (required && !s.includes(`{${required}}`))
      ctx.addIssue({ code: 'custom', message: `expected {${required}} in the sentence: it is where they go` });
  });

const list = (key: TalkKey) =>
  z
    .array(pattern(key), { error: 'expected a list of texts, such as [下午上班犯困的时候, 朋友来家里做客]' })
    .min(1, 'expected at least one text');

/** `{ zh: …, en: … }`; in `default` both are required, a category may leave either out. */
const perLang = <T extends z.ZodType>(item: T, required: boolean) =>
  z
    .object(required ? { zh: item, en: item } : { zh: item.optional(), en: item.optional() }, {
      error: 'expected zh: and en: versions',
    })
    .strict();

/** What `default` (required: every text in both languages) and each category (all optional) may say. */
const talkShape = (required: boolean) => {
  const texts = (item: z.ZodType) => (required ? perLang(item, true) : perLang(item, false).optional());
  return {
    label: texts(text),
    scenes: texts(list('scenes')),
    sceneTalk: texts(list('sceneTalk')),
    sellingTalk: texts(list('sellingTalk')),
    closeUps: texts(list('closeUps')),
    faqPrompts: texts(list('faqPrompts')),
    phrases: z
      .record(z.string().trim().min(1), perLang(text, false), { error: 'expected selling points and their phrases' })
      .optional(),
  };
};

type PerLang<T> = { zh?: T; en?: T };
/** A category as the file writes it (what zod checked). */
interface CategoryEntry {
  label?: PerLang<string>;
  keywords?: string[];
  scenes?: PerLang<string[]>;
  sceneTalk?: PerLang<string[]>;
  sellingTalk?: PerLang<string[]>;
  closeUps?: PerLang<string[]>;
  faqPrompts?: PerLang<string[]>;
  phrases?: Record<string, PerLang<string>>;
}
type NeutralEntry = Required<Record<'label', Record<Lang, string>>> &
  Record<TalkKey, Record<Lang, string[]>> & { phrases?: Record<string, PerLang<string>> };

const categorySchema = z
  .object(
    {
      keywords: z.array(text, { error: 'expected a list of words, such as [龙井, 普洱, 菊花]' }).optional(),
      ...talkShape(false),
    },
    { error: 'expected a category: keywords, scenes, sceneTalk, sellingTalk, closeUps, faqPrompts, phrases' },
  )
  .strict();

export const scriptCategoriesSchema = z
  .object(
    {
      default: z.object(talkShape(true), { error: 'expected the neutral talk: label, scenes, sceneTalk …' }).strict(),
      categories: z
        .record(z.string().trim().min(1), categorySchema, { error: 'expected categories by name, such as 茶: …' })
        .superRefine((c, ctx) => oneCategoryPerKeyword(c as Record<string, CategoryEntry>, ctx)),
    },
    { error: `expected default: and categories: (see the built-in ${SCRIPT_CATEGORIES_FILE})` },
  )
  .strict();

/** A keyword (or id) in two categories would make the match depend on the file's order: refused, naming both. */
function oneCategoryPerKeyword(categories: Record<string, CategoryEntry>, ctx: z.RefinementCtx): void {
  const owner = new Map<string, string>();
  for (const id of Object.keys(categories)) owner.set(id.toLowerCase(), id);
  for (const [id, c] of Object.entries(categories)) {
    if (id === NEUTRAL_CATEGORY)
      ctx.addIssue({ code: 'custom', path: [id], message: `"${id}" is the neutral talk: write it at the top level` });
    (c.keywords ?? []).forEach((k, i) => {
      const other = owner.get(k.toLowerCase());
      if (other !== undefined && other !== id)
        ctx.addIssue({
          code: 'custom',
          path: [id, 'keywords', i],
          message: `"${k}" is also ${other.toLowerCase() === k.toLowerCase() ? 'a category' : `a keyword of ${other}`}: keep it in one category`,
        });
      else owner.set(k.toLowerCase(), id);
    });
  }
}

/** A category's texts in one language, each taken from `default` where the category has none. */
function talkOf(id: string, c: CategoryEntry, base: NeutralEntry, lang: Lang): CategoryTalk {
  const pick = (k: TalkKey) => c[k]?.[lang] ?? base[k][lang];
  const phrases: Record<string, string> = {};
  for (const source of [base.phrases, c.phrases])
    for (const [point, said] of Object.entries(source ?? {})) if (said[lang]) phrases[point] = said[lang];
  return {
    label: c.label?.[lang] ?? (id === NEUTRAL_CATEGORY ? base.label[lang] : id),
    scenes: pick('scenes'),
    sceneTalk: pick('sceneTalk'),
    sellingTalk: pick('sellingTalk'),
    closeUps: pick('closeUps'),
    faqPrompts: pick('faqPrompts'),
    phrases,
  };
}

/** The file's text, checked and resolved; `file` names it in errors (as the user would find it). */
export async function parseScriptCategories(source: string, file: string): Promise<ScriptCategories> {
  const parsed = scriptCategoriesSchema.safeParse(await parseYaml(source, file, WHAT));
  if (!parsed.success) throw new ConfigError(file, describeIssues(parsed.error), WHAT);
  // zod checked the shapes; the generic builders above leave their types loose.
  const { default: base, categories } = parsed.data as unknown as {
    default: NeutralEntry;
    categories: Record<string, CategoryEntry>;
  };
  const talk: ScriptCategories['talk'] = {
    [NEUTRAL_CATEGORY]: {
      zh: talkOf(NEUTRAL_CATEGORY, base, base, 'zh'),
      en: talkOf(NEUTRAL_CATEGORY, base, base, 'en'),
    },
  };
  for (const [id, c] of Object.entries(categories))
    talk[id] = { zh: talkOf(id, c, base, 'zh'), en: talkOf(id, c, base, 'en') };
  return {
    file,
    set: Object.entries(categories).map(([id, c]) => ({ id, keywords: c.keywords ?? [] })),
    talk,
  };
}

/** The file in use: the team's templates folder first, else the built-in one. */
export function scriptCategoriesPath(templatesDir: string | null): string {
  const team = templatesDir ? join(templatesDir, SCRIPT_CATEGORIES_FILE) : null;
  return team && existsSync(team) ? team : join(BUILTIN_TEMPLATES, SCRIPT_CATEGORIES_FILE);
}

export async function loadScriptCategories(opts: {
  templatesDir: string | null;
  cwd: string;
}): Promise<ScriptCategories> {
  const path = scriptCategoriesPath(opts.templatesDir);
  const file = displayPath(opts.cwd, path);
  const source = await readFile(path, 'utf8').catch((e: Error) => {
    throw new ConfigError(file, [`cannot read: ${e.message}`], WHAT);
  });
  return parseScriptCategories(source, file);
}
