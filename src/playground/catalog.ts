import type { SourceInput } from '../load/source.js';

/**
 * The bundled rule sets as the playground carries them (dist/playground/rules.js,
 * written by scripts/build-playground.mjs): each folder's file texts, and a
 * summary for the picker read from the files at build time.
 */
export interface BundledSet {
  readonly dir: string;
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly region: string;
  readonly layer: 'statutory' | 'benchmark';
  readonly extends?: string;
  readonly from: string;
  readonly to: string | null;
  /** [code, name], sorted by code. */
  readonly items: readonly (readonly [string, string])[];
  readonly files: readonly SourceInput[];
}

export interface PlaygroundData {
  readonly sets: readonly BundledSet[];
}

/**
 * The folders to load so that evaluating a case of `code` in the page gives
 * what the CLI gives with every bundled rule set loaded: the CLI chooses among
 * the rule sets holding the item (or the one the case names) and their other
 * versions, so every version of every id holding the item is enough.
 *
 * @example
 * foldersFor(data.sets, 'SPAQF-124-1-5'); // ['cn-law-spaqf', 'cn-samr-food']
 */
export function foldersFor(sets: readonly BundledSet[], code: string, ruleSet?: string): string[] {
  const ids = new Set(sets.filter((s) => s.items.some(([c]) => c === code)).map((s) => s.id));
  if (ruleSet !== undefined) ids.add(ruleSet);
  return sets.filter((s) => ids.has(s.id)).map((s) => s.dir);
}

/** One entry of the picker: an item of a rule-set id (its versions together). */
export interface PickerEntry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** The rule set's title (of its newest version) and region. */
  readonly title: string;
  readonly region: string;
  /** Lower-case text the search matches. */
  readonly haystack: string;
}

/** Every item of every rule-set id, sorted by id then code. */
export function pickerEntries(sets: readonly BundledSet[]): PickerEntry[] {
  const byId = new Map<string, { title: string; region: string; from: string; items: Map<string, string> }>();
  for (const s of sets) {
    let e = byId.get(s.id);
    if (!e) byId.set(s.id, (e = { title: s.title, region: s.region, from: s.from, items: new Map() }));
    if (s.from >= e.from) Object.assign(e, { title: s.title, region: s.region, from: s.from });
    for (const [code, name] of s.items) if (!e.items.has(code)) e.items.set(code, name);
  }
  const out: PickerEntry[] = [];
  for (const id of [...byId.keys()].sort()) {
    const e = byId.get(id)!;
    for (const code of [...e.items.keys()].sort()) {
      const name = e.items.get(code)!;
      out.push({ id, code, name, title: e.title, region: e.region, haystack: `${id} ${code} ${name} ${e.title} ${e.region}`.toLowerCase() });
    }
  }
  return out;
}

/** The entries whose text holds every word of the query (space-separated, case-insensitive). */
export function searchEntries(entries: readonly PickerEntry[], query: string, ruleSet?: string): PickerEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => (ruleSet === undefined || e.id === ruleSet) && words.every((w) => e.haystack.includes(w)));
}
