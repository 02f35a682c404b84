import type { Condition, FactDef, RuleSet, ScalarValue } from '../load/model.js';
import { BUILTIN_FACTS } from '../schema/vocabulary.js';
import { formatYuan } from './format.js';

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

function valueText(def: FactDef | undefined, v: ScalarValue): string {
  if (!def) return String(v);
  switch (def.type) {
    case 'money':
      return formatYuan(v as number);
    case 'boolean':
      return v ? '是' : '否';
    case 'ratio':
      return `${Math.round((v as number) * 10000) / 100}%`;
    case 'date':
      return new Date((v as number) * 86_400_000).toISOString().slice(0, 10);
    case 'duration': {
      const m = v as number;
      return m % 1440 === 0 ? `${m / 1440}日` : m % 60 === 0 ? `${m / 60}小时` : `${m}分钟`;
    }
    case 'enum':
      return def.valueLabels?.[v as string] ?? String(v);
    default:
      return `${v}${def.unit ?? ''}`;
  }
}

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
  const v = Array.isArray(c.value) ? `{${(c.value as ScalarValue[]).map((x) => valueText(def, x)).join('、')}}` : valueText(def, c.value as ScalarValue);
  return `${name} ${OP[c.operator] ?? c.operator} ${v}`;
}
