/**
 * A copy of `value` that owns its characters. Text from the CSV parser is a view into the parser's
 * chunk (V8 substrings share their parent's memory), so one kept ID would keep its whole chunk
 * alive: on a 1 M-row export, every chunk of the file. What an aggregate keeps (an order ID, a
 * product's key and name) is copied once, when it is first kept.
 */
export function owned(value: string): string;
export function owned(value: string | null): string | null;
export function owned(value: string | null): string | null {
  return value === null ? null : (' ' + value).slice(1);
}

/** Adds `value` to the set as a copy that owns its characters, when it is not there yet. */
export function addOwned(set: Set<string>, value: string): void {
  if (!set.has(value)) set.add(owned(value));
}
