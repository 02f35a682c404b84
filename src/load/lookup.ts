import type { FineModel, Item, ListEntry, RuleSet } from './model.js';

interface Index {
  readonly items: ReadonlyMap<string, Item>;
  readonly listsByItem: ReadonlyMap<string, readonly ListEntry[]>;
}

const indexes = new WeakMap<RuleSet, Index>();

/** Lookups by item code, built once per rule set: a province has 10,000+ items. */
function indexOf(rs: RuleSet): Index {
  let ix = indexes.get(rs);
  if (!ix) {
    const items = new Map(rs.items.map((i) => [i.code, i]));
    const listsByItem = new Map<string, ListEntry[]>();
    for (const e of rs.lists) {
      for (const code of e.items) {
        const list = listsByItem.get(code);
        if (list) list.push(e);
        else listsByItem.set(code, [e]);
      }
    }
    ix = { items, listsByItem };
    indexes.set(rs, ix);
  }
  return ix;
}

/** The item with this code, if the rule set has it. */
export function itemByCode(rs: RuleSet, code: string): Item | undefined {
  return indexOf(rs).items.get(code);
}

/** The list entries naming this item, in rule-set order (sorted by id). */
export function listsForItem(rs: RuleSet, code: string): readonly ListEntry[] {
  return indexOf(rs).listsByItem.get(code) ?? [];
}

/** The fine model that applies to a party: byParty picks its side (nested ones too); any other applies to both. */
export function modelFor(f: FineModel, party: 'person' | 'organization'): Exclude<FineModel, { kind: 'byParty' }> {
  return f.kind === 'byParty' ? modelFor(party === 'person' ? f.person : f.organization, party) : f;
}
