import type { Condition, FactDef, RuleSet, ScalarValue } from '../load/model.js';
import { BUILTIN_FACTS } from '../schema/vocabulary.js';
import { factValueText } from './format.js';

const OP: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '属于',
  notIn: '不属于',
};

/** Facts a rule set's conditions may name, for rendering: built-ins, circumstances, rule-set and item facts. */
export function renderScope(rs: RuleSet, itemCodes: readonly string[] = []): Map<string, FactDef> {
  const scope = new Map<string, FactDef>();
  for (const f of BUILTIN_FACTS) scope.set(f.name, f);
  for (const c of Object.values(rs.circumstances)) scope.set(c.name, { name: c.name, type: 'boolean', label: c.label, origin: 'builtin' });
  for (const f of Object.values(rs.facts)) scope.set(f.name, f);
  for (const code of itemCodes) for (const f of Object.values(rs.items.find((i) => i.code === code)?.facts ?? {})) scope.set(f.name, f);
  return scope;
}

/** A condition in zh-CN: 违法所得 > 1万元 且 情节严重（…）= 是. */
export function conditionText(c: Condition, scope: ReadonlyMap<string, FactDef>, nested = false): string {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map((p) => conditionText(p, scope, true));
    const text = parts.join('all' in c ? ' 且 ' : ' 或 ');
    return nested && parts.length > 1 ? `（${text}）` : text;
  }
  if ('not' in c) return `非${conditionText(c.not, scope, true)}`;
  const def = scope.get(c.fact);
  const name = def?.label ?? c.fact;
  const v = Array.isArray(c.value) ? `{${(c.value as ScalarValue[]).map((x) => factValueText(def, x)).join('、')}}` : factValueText(def, c.value as ScalarValue);
  return `${name} ${OP[c.operator] ?? c.operator} ${v}`;
}
