/**
 * Which of the script drafts' categories (服饰, 美妆, 茶 …; templates/script-categories.yaml) a
 * product belongs to, from the words it comes with: the selection table's 品类 column, the shop's
 * one category from the config, or its name. Pure: the categories' keywords come in as data.
 */
/** The category a product falls back to when no keyword matches: the data file's neutral `default`. */
export const NEUTRAL_CATEGORY = 'default';

/** A category of the data file, by id, and the words that put a product in it (the id is one of them). */
export interface CategoryKeywords {
  id: string;
  keywords: string[];
}

/** The categories a draft maps products to, and the shop's own category (config `script.category`), as an id. */
export interface DraftCategories {
  set: CategoryKeywords[];
  shop: string | null;
}

/**
 * The category whose keyword `text` contains, the longest keyword winning (茶几 is furniture, not
 * tea; 登山鞋 is outdoor, not apparel); between equally long ones, the category listed first.
 * Keywords shorter than `minLength` are not tried (a product name is matched on whole words only).
 */
export function categoryOf(text: string | null, set: readonly CategoryKeywords[], minLength = 1): string | null {
  if (!text) return null;
  const hay = text.toLowerCase();
  let best: { id: string; length: number } | null = null;
  for (const c of set) {
    for (const k of [c.id, ...c.keywords]) {
      if (k.length < minLength || (best && k.length <= best.length)) continue;
      if (hay.includes(k.toLowerCase())) best = { id: c.id, length: k.length };
    }
  }
  return best?.id ?? null;
}

/**
 * A product's category: its 品类 cell, else the shop's category, else its name (keywords of two
 * characters or more: a bare 茶 or 裤 in a name says too little), else the neutral default.
 */
export function productCategory(p: { category: string | null; name: string }, categories: DraftCategories): string {
  return (
    categoryOf(p.category, categories.set) ??
    categories.shop ??
    categoryOf(p.name, categories.set, 2) ??
    NEUTRAL_CATEGORY
  );
}
