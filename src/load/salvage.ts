import type { Diagnostic } from '../diagnostics/index.js';
import { RuleSetIndex, RuleSetTopic, type RawIndex, type RawTopic } from '../schema/ruleset.js';
import type { SourceFile } from './source.js';

/**
 * The parts of a rule file that pass the schema on their own, when the file
 * as a whole does not: each fact, circumstance, item and list entry is checked
 * alone, and the ones that pass go on to the reference checks (laws, article
 * ranges, facts, items), so that one run reports every problem it can. The
 * rule set itself is still refused: the schema errors are errors.
 */

const TOPIC_KEYS = ['facts', 'circumstances', 'items', 'lists'] as const;

export interface Salvaged<T> {
  readonly data: T;
  /** The file, with positions of kept list elements mapped back to where they are written. */
  readonly file: SourceFile;
  /** Names and codes of the parts left out (facts, circumstances, items), whose absence is not itself a problem. */
  readonly dropped: ReadonlySet<string>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The topic parts of `value` that pass alone; `kept` maps kept list positions to written ones. */
function topicParts(value: Record<string, unknown>, dropped: Set<string>, kept: Map<string, number[]>): Partial<RawTopic> {
  const out: Record<string, unknown> = {};
  for (const key of ['facts', 'circumstances'] as const) {
    const decls = value[key];
    if (!isRecord(decls)) continue;
    const good: Record<string, unknown> = {};
    for (const [name, decl] of Object.entries(decls)) {
      const r = RuleSetTopic.safeParse({ [key]: { [name]: decl } });
      if (r.success) good[name] = (r.data[key] as Record<string, unknown>)[name];
      else dropped.add(name);
    }
    out[key] = good;
  }
  for (const key of ['items', 'lists'] as const) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    const good: unknown[] = [];
    const at: number[] = [];
    list.forEach((element, i) => {
      const r = RuleSetTopic.safeParse({ [key]: [element] });
      if (r.success) {
        good.push((r.data[key] as unknown[])[0]);
        at.push(i);
      } else if (isRecord(element) && typeof element.code === 'string') dropped.add(element.code);
    });
    out[key] = good;
    kept.set(key, at);
  }
  return out as Partial<RawTopic>;
}

/** `file`, locating `[items|lists, i, …]` of the kept elements at their written positions. */
function remapped(file: SourceFile, kept: ReadonlyMap<string, readonly number[]>): SourceFile {
  const view = Object.create(file) as SourceFile & { locate: SourceFile['locate'] };
  view.locate = (path, key) => {
    const at = typeof path[0] === 'string' ? kept.get(path[0]) : undefined;
    if (at && typeof path[1] === 'number' && at[path[1]] !== undefined) return file.locate([path[0]!, at[path[1]]!, ...path.slice(2)], key);
    return file.locate(path, key);
  };
  return view;
}

/** A topic file that failed the schema: the parts that pass alone. */
export function salvageTopic(file: SourceFile): Salvaged<RawTopic> | undefined {
  if (!isRecord(file.value)) return undefined;
  const dropped = new Set<string>();
  const kept = new Map<string, number[]>();
  const data = topicParts(file.value, dropped, kept) as RawTopic;
  return { data, file: remapped(file.positionsOnly(), kept), dropped };
}

/** An index file that failed the schema: its own fields must pass; then the topic parts that pass alone. */
export function salvageIndex(file: SourceFile): Salvaged<RawIndex> | undefined {
  if (!isRecord(file.value)) return undefined;
  const own: Record<string, unknown> = { ...file.value };
  for (const k of TOPIC_KEYS) delete own[k];
  const r = RuleSetIndex.safeParse(own);
  if (!r.success) return undefined;
  const dropped = new Set<string>();
  const kept = new Map<string, number[]>();
  const data = { ...r.data, ...topicParts(file.value, dropped, kept) } as RawIndex;
  return { data, file: remapped(file.positionsOnly(), kept), dropped };
}

// A reference to a part that was left out is a consequence of its schema error, not a problem of its own.
const CONSEQUENCES: Readonly<Record<string, RegExp>> = {
  UNKNOWN_FACT: /^fact "(.*)" is not declared/,
  UNKNOWN_ITEM: /^unknown item "(.*)"/,
  UNKNOWN_CIRCUMSTANCE: /^unknown circumstance "(.*)"/,
};

/** Drops the diagnostics that only say a left-out part is missing. */
export function withoutConsequences(list: readonly Diagnostic[], dropped: ReadonlySet<string>): Diagnostic[] {
  if (dropped.size === 0) return [...list];
  return list.filter((d) => {
    const m = CONSEQUENCES[d.code]?.exec(d.message);
    return !(m && dropped.has(m[1]!));
  });
}
