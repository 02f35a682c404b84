import type { CircumstanceEffect, Condition, FactDef, FactType, FineModel, Item, RuleSet } from '../load/model.js';
import { listsForItem } from '../load/lookup.js';

/**
 * The form of the playground, as data: which inputs an item asks for. Pure, so
 * that it is tested without a browser.
 */

/** One input for a declared fact. */
export interface FactField {
  readonly name: string;
  readonly type: FactType;
  /** The rule file's label, else the name. */
  readonly label: string;
  /** The unit shown beside the input (money is entered in yuan). */
  readonly unit?: string;
  /** Enum values with their labels. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** Named by one of the item's conditions (clauses, tiers, list entries), or declared on the item. */
  readonly used: boolean;
  readonly aggravating: boolean;
}

/** One check box for a circumstance. */
export interface CircumstanceField {
  readonly name: string;
  readonly label: string;
  readonly effect: CircumstanceEffect;
  readonly used: boolean;
}

export interface FormModel {
  readonly item: { readonly code: string; readonly name: string; readonly field?: string };
  /** Used facts first, then the rest, each in declaration order. */
  readonly facts: readonly FactField[];
  /** Used circumstances first, then the rest, each in declaration order. */
  readonly circumstances: readonly CircumstanceField[];
}

/** Facts every case has from its party (partyKind, partyAge): asked as the party, not as facts. */
const PARTY_FACTS = new Set(['partyKind', 'partyAge']);

const DEFAULT_UNITS: Partial<Record<FactType, string>> = { money: '元', duration: 'ISO 8601，如 PT4H、P2D' };

function conditionNames(c: Condition | undefined, out: Set<string>): void {
  if (c === undefined) return;
  const stack: Condition[] = [c];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if ('all' in x) stack.push(...x.all);
    else if ('any' in x) stack.push(...x.any);
    else if ('not' in x) stack.push(x.not);
    else out.add(x.fact);
  }
}

function fineNames(f: FineModel | undefined, out: Set<string>): void {
  if (f === undefined) return;
  if (f.kind === 'multiple' || f.kind === 'perUnit') out.add(f.of);
  if (f.kind === 'byParty') {
    fineNames(f.person, out);
    fineNames(f.organization, out);
  }
}

/** Names (facts and circumstances) the item's clauses, tiers and list entries read. */
export function namesUsedBy(rs: RuleSet, item: Item): Set<string> {
  const out = new Set<string>();
  for (const cl of item.clauses) {
    conditionNames(cl.when, out);
    fineNames(cl.fine, out);
    fineNames(cl.responsibleFine, out);
    if (cl.fineOnlyIf !== undefined) out.add(cl.fineOnlyIf);
  }
  for (const t of item.tiers) conditionNames(t.when, out);
  for (const e of listsForItem(rs, item.code)) {
    conditionNames(e.when, out);
    conditionNames(e.unless, out);
  }
  return out;
}

function factField(f: FactDef, used: boolean): FactField {
  const unit = f.unit ?? DEFAULT_UNITS[f.type];
  return {
    name: f.name,
    type: f.type,
    label: f.label ?? f.name,
    ...(unit !== undefined ? { unit } : {}),
    ...(f.type === 'enum' ? { options: (f.values ?? []).map((v) => ({ value: v, label: f.valueLabels?.[v] ?? v })) } : {}),
    used,
    aggravating: f.aggravating === true,
  };
}

/**
 * The inputs for `code` under the given versions of one rule set (newest
 * first): the facts in the item's scope (its own, then the rule set's) and the
 * rule set's circumstances, those the item reads first. A name declared in
 * several versions takes the first version's declaration. Undefined when no
 * version holds the item.
 *
 * @example
 * const m = formModel([ruleSet], 'SPAQF-124-1-5');
 * m?.facts[0]; // { name: 'goodsValue', type: 'money', label: '货值金额', unit: '元', used: true, … }
 */
export function formModel(versions: readonly RuleSet[], code: string): FormModel | undefined {
  const holders = versions.flatMap((rs) => {
    const item = rs.items.find((i) => i.code === code);
    return item ? [{ rs, item }] : [];
  });
  if (holders.length === 0) return undefined;
  const used = new Set<string>();
  for (const h of holders) {
    for (const n of namesUsedBy(h.rs, h.item)) used.add(n);
    for (const n of Object.keys(h.item.facts)) used.add(n);
  }
  const facts = new Map<string, FactField>();
  const circumstances = new Map<string, CircumstanceField>();
  for (const { rs, item } of holders) {
    for (const f of [...Object.values(item.facts), ...Object.values(rs.facts)]) {
      if (PARTY_FACTS.has(f.name) || facts.has(f.name)) continue;
      facts.set(f.name, factField(f, used.has(f.name)));
    }
    for (const c of Object.values(rs.circumstances)) {
      if (circumstances.has(c.name)) continue;
      circumstances.set(c.name, { name: c.name, label: c.label, effect: c.effect, used: used.has(c.name) });
    }
  }
  const usedFirst = <T extends { used: boolean }>(xs: T[]): T[] => [...xs.filter((x) => x.used), ...xs.filter((x) => !x.used)];
  const first = holders[0]!.item;
  return {
    item: { code: first.code, name: first.name, ...(first.field !== undefined ? { field: first.field } : {}) },
    facts: usedFirst([...facts.values()]),
    circumstances: usedFirst([...circumstances.values()]),
  };
}

/**
 * What a form field holds as text → the case's value: undefined for an empty
 * field; text that is not a number stays text, so that the loader reports it.
 */
export function factValue(field: Pick<FactField, 'type'>, text: string): number | boolean | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  switch (field.type) {
    case 'money':
    case 'count':
    case 'ratio':
    case 'number': {
      const n = Number(t.replace(/[,，\s]/g, ''));
      return Number.isFinite(n) ? n : t;
    }
    case 'boolean':
      return t === 'true' ? true : t === 'false' ? false : undefined;
    default:
      return t;
  }
}
