import { dict } from '../load/dict.js';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, RuleSet } from '../load/model.js';
import { caseFacts } from './context.js';
import { absentFacts, type Facts } from './conditions.js';
import { evaluateWith } from './evaluate.js';
import type { Case, Disposition, EvaluateOptions } from './types.js';

/** json-rules-engine wants all/any/not at the top: a bare comparison is wrapped in all. */
function topLevel(c: Condition): TopLevelCondition {
  return ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as unknown as TopLevelCondition;
}

/**
 * An item's conditions as json-rules-engine rules, for systems that already
 * run that engine: one rule per statutory branch, tier and list entry, with an
 * event naming what matched. Fact values are in cailiang's internal units:
 * money in fen, dates as days since 1970-01-01, durations in minutes;
 * circumstances are boolean facts.
 *
 * @example
 * const engine = new Engine(toJsonRulesEngineRules(ruleSet, 'SPAQF-124-1-5'));
 * const { events } = await engine.run({ goodsValue: 30_000, correctedInTime: true });
 */
export function toJsonRulesEngineRules(ruleSet: RuleSet, itemCode: string): RuleProperties[] {
  const item = ruleSet.items.find((i) => i.code === itemCode);
  if (!item) return [];
  const rules: RuleProperties[] = [];
  for (const cl of item.clauses) {
    if (cl.when) rules.push({ name: `clause:${cl.id}`, conditions: topLevel(cl.when), event: { type: 'clause', params: { item: item.code, id: cl.id } } });
  }
  item.tiers.forEach((t, i) => {
    if (t.when)
      rules.push({
        name: `tier:${t.id}`,
        // Under hitPolicy priority the first listed tier wins: higher priority first.
        priority: item.hitPolicy === 'priority' ? item.tiers.length - i : 1,
        conditions: topLevel(t.when),
        event: { type: 'tier', params: { item: item.code, id: t.id } },
      });
  });
  for (const e of ruleSet.lists) {
    if (!e.items.includes(item.code)) continue;
    const parts: Condition[] = [...(e.when ? [e.when] : []), ...(e.unless ? [{ not: e.unless }] : [])];
    const conditions = parts.length === 0 ? { all: [] } : { all: parts };
    rules.push({
      name: `list:${e.id}`,
      conditions: conditions as unknown as TopLevelCondition,
      event: { type: 'list', params: { item: item.code, id: e.id, kind: e.kind, lookBack: e.lookBack?.window ?? null } },
    });
  }
  return rules;
}

/** The conditions an evaluation of this case can test, each once. */
function conditionsFor(ruleSet: RuleSet, c: Case): Condition[] {
  const out: Condition[] = [];
  for (const code of c.items) {
    const item = ruleSet.items.find((i) => i.code === code);
    if (!item) continue;
    for (const cl of item.clauses) if (cl.when) out.push(cl.when);
    for (const t of item.tiers) if (t.when) out.push(t.when);
    for (const e of ruleSet.lists) {
      if (!e.items.includes(code)) continue;
      if (e.when) out.push(e.when);
      if (e.unless) out.push(e.unless);
    }
  }
  return [...new Set(out)];
}

/**
 * {@link evaluate}, with every condition whose facts the case has decided by
 * json-rules-engine instead of the compiled evaluator. Slower; it exists to
 * show that both give the same dispositions.
 */
export async function evaluateWithJsonRulesEngine(ruleSet: RuleSet, c: Case, options: EvaluateOptions = {}): Promise<Disposition> {
  const facts: Facts = caseFacts(ruleSet, c);
  const conds = conditionsFor(ruleSet, c).filter((cond) => absentFacts(cond, facts).length === 0);
  const engine = new Engine([], { allowUndefinedFacts: true });
  conds.forEach((cond, i) => engine.addRule({ conditions: topLevel(cond), event: { type: 'hit', params: { i } } }));
  const present = dict<unknown>();
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) present[k] = v;
  const { events } = conds.length > 0 ? await engine.run(present) : { events: [] };
  const hits = new Set(events.map((e) => (e.params as { i: number }).i));
  const answers = new Map<Condition, boolean>(conds.map((cond, i) => [cond, hits.has(i)]));
  return evaluateWith(ruleSet, c, options, (cond) => answers.get(cond));
}
