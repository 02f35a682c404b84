import { dict } from '../load/dict.js';
import type { RuleSet, ScalarValue } from '../load/model.js';
import type { Facts, FactSource } from './conditions.js';
import type { Case } from './types.js';

const isEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * The case's facts as conditions see them, read in place: the value a
 * condition reads is exactly the one it would read from {@link caseFacts}'s
 * object (listed circumstances true; then party facts; then declared facts;
 * then the rule set's other circumstances false), without building that
 * object for every case. The object is built only where a record is needed.
 */
export class CaseFacts implements FactSource {
  // The last fact read: an item's tiers test the same fact one after another.
  private lastName: string | undefined = undefined;
  private lastValue: ScalarValue | undefined = undefined;

  constructor(
    private readonly c: Case,
    private readonly circumstanceNames: readonly string[],
    private readonly circumstances: ReadonlySet<string>,
  ) {}

  get(name: string): ScalarValue | undefined {
    if (name === this.lastName) return this.lastValue;
    const v = this.read(name);
    this.lastName = name;
    this.lastValue = v;
    return v;
  }

  private read(name: string): ScalarValue | undefined {
    const c = this.c;
    // Assigning __proto__ sets the record's prototype, not a fact: read the record itself.
    if (name === '__proto__') return caseFacts({} as RuleSet, c, this.circumstanceNames)[name];
    if (c.circumstances.includes(name)) return true;
    if (name === 'partyKind') return c.party.kind;
    if (name === 'partyAge' && c.party.age !== undefined) return c.party.age;
    // Own enumerable keys are what an object spread copies.
    if (isEnumerable.call(c.facts, name)) return c.facts[name];
    if (this.circumstances.has(name)) return false;
    // A name the case does not give is absent, whatever it is called (valueOf, toString…).
    return undefined;
  }
}

/**
 * The case's facts as one record: declared facts, party facts and
 * circumstances (every circumstance of the rule set is a boolean fact, false
 * unless the case lists it). Built by assignment rather than object spreads:
 * spreading a template of the circumstances into a new object cost more than
 * the rest of an evaluation.
 */
export function caseFacts(rs: RuleSet, c: Case, circumstanceNames: readonly string[] = Object.keys(rs.circumstances)): Facts {
  const f = dict<ScalarValue>();
  for (const name of circumstanceNames) f[name] = false;
  const facts = c.facts;
  for (const name of Object.keys(facts)) f[name] = facts[name]!;
  f.partyKind = c.party.kind;
  if (c.party.age !== undefined) f.partyAge = c.party.age;
  for (const name of c.circumstances) f[name] = true;
  return f;
}
