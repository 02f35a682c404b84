import { CONTROL_IN_LINE, CONTROL_IN_TEXT } from '../schema/primitives.js';
import { isIsoDate } from '../schema/primitives.js';
import type { RawCase } from '../schema/case.js';

/**
 * The common case, well-formed, checked by hand: the zod schema (schema/case.ts)
 * costs more than everything else loadCase does. `parseCaseShape` accepts a
 * subset of what `Case.safeParse` accepts and returns the same data; anything
 * else (a wrong type, an unknown key, an odd object) gives undefined, and the
 * caller runs zod, which reports the problems. test/load/case-shape.test.ts
 * holds the two paths to the same results.
 *
 * Mirrors of zod's rules, kept to what a JSON or YAML value can hold: objects
 * must be plain (prototype Object.prototype or null); unknown keys are found
 * with for…in, as zod's strict objects do; records take own enumerable keys;
 * numbers must be finite (z.number() refuses NaN and ±Infinity).
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The list sizes loadCase refuses before validation (CASE_LIST_LIMITS): over them, the slow path reports. */
const MAX_ITEMS = 100;
const MAX_FACTS = 1000;
const MAX_CIRCUMSTANCES = 200;
const MAX_HISTORY = 10_000;

type Obj = Record<string, unknown>;

function plain(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Every key (for…in, as zod's strict objects see them) is one of `known`. */
function onlyKeys(o: Obj, known: ReadonlySet<string>): boolean {
  for (const k in o) if (!known.has(k)) return false;
  return true;
}

const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 2000 && !CONTROL_IN_TEXT.test(v);

// Fact and circumstance names repeat from case to case: remember the good ones (bounded).
const goodNames = new Set<string>();

function isName(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  if (goodNames.has(v)) return true;
  if (!NAME.test(v)) return false;
  if (goodNames.size >= 10_000) goodNames.clear();
  goodNames.add(v);
  return true;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && isIsoDate(v);

const CASE_KEYS = new Set(['id', 'ruleSet', 'item', 'items', 'party', 'dates', 'facts', 'circumstances', 'history', 'note']);
const PARTY_KEYS = new Set(['kind', 'name', 'age', 'birthDate', 'capacity']);
const DATE_KEYS = new Set(['act', 'actEnd', 'discovered', 'decision']);
const HISTORY_KEYS = new Set(['item', 'date', 'note']);

/** A list whose every element passes `ok` (a real array, no holes, at most `max` long). */
function listOf<T>(v: unknown, max: number, ok: (x: unknown) => x is T): v is T[] {
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
}

function isFactValue(v: unknown): boolean {
  return typeof v === 'number' ? Number.isFinite(v) : typeof v === 'boolean' || (typeof v === 'string' && v.length <= 200);
}

function isHistoryEntry(h: unknown): h is { item: string; date: string; note?: string } {
  return plain(h) && onlyKeys(h, HISTORY_KEYS) && isId(h.item) && isDate(h.date) && (h.note === undefined || isText(h.note));
}

/** The case's validated shape, or undefined: then `Case.safeParse` decides and reports. */
export function parseCaseShape(v: unknown): RawCase | undefined {
  if (!plain(v) || !onlyKeys(v, CASE_KEYS)) return undefined;

  const id = typeof v.id === 'string' ? (v.id.length >= 1 && v.id.length <= 200 && !CONTROL_IN_LINE.test(v.id) ? v.id : undefined) : Number.isSafeInteger(v.id) ? String(v.id) : undefined;
  if (id === undefined) return undefined;
  if (v.ruleSet !== undefined && !isId(v.ruleSet)) return undefined;
  // One of item or items, never both.
  if ((v.item === undefined) === (v.items === undefined)) return undefined;
  if (v.item !== undefined && !isId(v.item)) return undefined;
  if (v.items !== undefined && !(listOf(v.items, MAX_ITEMS, isId) && v.items.length >= 1)) return undefined;

  const p = v.party;
  if (!plain(p) || !onlyKeys(p, PARTY_KEYS)) return undefined;
  if (p.kind !== 'person' && p.kind !== 'organization') return undefined;
  if (p.name !== undefined && !isText(p.name)) return undefined;
  if (p.age !== undefined && !(Number.isInteger(p.age) && (p.age as number) >= 0 && (p.age as number) <= 150)) return undefined;
  if (p.birthDate !== undefined && !isDate(p.birthDate)) return undefined;
  if (p.capacity !== undefined && p.capacity !== 'full' && p.capacity !== 'partial' && p.capacity !== 'none') return undefined;

  const d = v.dates;
  if (!plain(d) || !onlyKeys(d, DATE_KEYS)) return undefined;
  if (!isDate(d.act)) return undefined;
  if (d.actEnd !== undefined && d.actEnd !== null && d.actEnd !== 'ongoing' && !isDate(d.actEnd)) return undefined;
  if (d.discovered !== undefined && !isDate(d.discovered)) return undefined;
  if (d.decision !== undefined && !isDate(d.decision)) return undefined;

  const f = v.facts;
  if (f !== undefined) {
    // A record: own enumerable string keys (a symbol key is refused by zod: let it say so).
    if (!plain(f) || Object.getOwnPropertySymbols(f).length > 0) return undefined;
    const keys = Object.keys(f);
    if (keys.length > MAX_FACTS) return undefined;
    for (const k of keys) if (!isName(k) || !isFactValue(f[k])) return undefined;
  }
  if (v.circumstances !== undefined && !listOf(v.circumstances, MAX_CIRCUMSTANCES, isName)) return undefined;
  if (v.history !== undefined && !listOf(v.history, MAX_HISTORY, isHistoryEntry)) return undefined;
  if (v.note !== undefined && !isText(v.note)) return undefined;

  // Absent keys read as undefined, as in zod's output; the caller reads fields by name.
  return {
    id,
    ruleSet: v.ruleSet,
    item: v.item,
    items: v.items,
    party: p as RawCase['party'],
    dates: d as RawCase['dates'],
    facts: f as RawCase['facts'],
    circumstances: v.circumstances,
    history: v.history,
    note: v.note,
  } as RawCase;
}
