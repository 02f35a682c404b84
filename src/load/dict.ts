/**
 * Maps keyed by names that users write (facts, laws, circumstances, value
 * labels) are null-prototype objects: `valueOf`, `toString` or `constructor`
 * is then a name like any other, never a method found on Object.prototype.
 */
export type Dict<T> = Record<string, T>;

/** An empty null-prototype object. */
export function dict<T>(): Dict<T> {
  return Object.create(null) as Dict<T>;
}

/** A null-prototype copy of `from`'s own enumerable entries. */
export function dictOf<T>(from: Readonly<Record<string, T>> | undefined): Dict<T> {
  const out = dict<T>();
  if (from) for (const k of Object.keys(from)) out[k] = from[k]!;
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `obj[key]` when `obj` has it as its own property (never an inherited member). */
export function own<T>(obj: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return obj !== undefined && hasOwn.call(obj, key) ? obj[key] : undefined;
}
