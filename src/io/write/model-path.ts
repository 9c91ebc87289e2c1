/**
 * Placeholders name fields of the report model by path ("summary.gmv", "name"). A path the model
 * does not have is an error for the template's author; a field that is present but null is a
 * missing metric and renders empty.
 */

export type Lookup = { found: true; value: unknown } | { found: false; missing: string; available: string[] };

export function lookup(scope: unknown, path: string): Lookup {
  let cur: unknown = scope;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i] as string;
    // Below a field that is present but null (e.g. no previous week), everything is missing data.
    if (cur === null && i > 0) return { found: true, value: null };
    if (
      cur === null ||
      cur === undefined ||
      typeof cur !== 'object' ||
      !Object.prototype.hasOwnProperty.call(cur, key)
    ) {
      const parent = parts.slice(0, i).join('.');
      const available = cur !== null && typeof cur === 'object' ? Object.keys(cur) : [];
      return { found: false, missing: parent ? `${parent}.${key}` : key, available };
    }
    cur = (cur as Record<string, unknown>)[key];
  }
  return { found: true, value: cur };
}

export class UnknownFieldError extends Error {
  constructor(
    readonly path: string,
    readonly available: string[],
  ) {
    super(
      `unknown field "${path}"${available.length ? ` (fields there: ${available.slice(0, 12).join(', ')}${available.length > 12 ? ', …' : ''})` : ''}`,
    );
    this.name = 'UnknownFieldError';
  }
}

/**
 * A read-only view of the model for text templates: reading a property the model lacks throws
 * UnknownFieldError naming its full path, instead of printing "undefined".
 */
export function strictView<T>(value: T, path = ''): T {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value as object, {
    get(target, key, receiver) {
      if (
        typeof key === 'symbol' ||
        key in Object.prototype ||
        (Array.isArray(target) && (key === 'length' || key in Array.prototype))
      ) {
        const v = Reflect.get(target, key, receiver);
        return typeof v === 'function' && Array.isArray(target) ? v.bind(receiver) : v;
      }
      const child = path ? `${path}.${key}` : key;
      if (!Object.prototype.hasOwnProperty.call(target, key)) {
        throw new UnknownFieldError(
          child,
          Object.keys(target).filter((k) => !Array.isArray(target) || !/^\d+$/.test(k)),
        );
      }
      return strictView(Reflect.get(target, key, receiver), Array.isArray(target) ? path : child);
    },
    set() {
      throw new Error('the report model is read-only in templates');
    },
  }) as T;
}
