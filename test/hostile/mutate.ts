import { parse, stringify } from 'yaml';

/**
 * Seeded random mutations of YAML text, for the fuzz test and `npm run fuzz`:
 * text-level (delete, duplicate, swap and truncate lines, random bytes, odd
 * tokens, deep nesting, alias bombs, special numbers and dates) and tree-level
 * (parse, change one node's type or value, write back). Same seed, same
 * mutations.
 */

/** mulberry32: small, fast, seedable. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Input = string | Uint8Array;

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });
const asText = (x: Input) => (typeof x === 'string' ? x : dec.decode(x));
const asBytes = (x: Input) => (typeof x === 'string' ? enc.encode(x) : x);

const lines = (t: string) => t.split('\n');

/** Values of the wrong type, or right type and wrong value, as YAML tokens. */
export const ODD_SCALARS = [
  '.nan', '.inf', '-.inf', '-1', '-0.01', '0', '1e308', '1e-308', '-1e308', '9007199254740993', '123456789012345678901234567890',
  '0.001', '100.555', '0x7fffffff', '0o777', '1_000', '2025-02-30', '0000-01-01', '9999-12-31', '2023-02-29', '2025-13-01',
  '2025-1-1', '2025-01-01T00:00:00Z', '20250101', 'P', 'P2', 'PT', 'P-1Y', 'P99999999999999999999Y', 'true', 'false', 'null',
  '~', '""', "''", '[]', '{}', '[[]]', '{a: 1}', '"\\u0000"', '"\\uD800"', 'yes', 'no', 'on', 'NaN', 'Infinity',
  '__proto__', 'constructor', '"x"', 'x'.repeat(300), '中文', '"\\u202e"', '!!binary aGVsbG8=', '!!str 1', '!!int "x"',
  '!!float "x"', '!!timestamp 2025-01-01', '!!js/function "f(){}"', '!!set {a, b}', '!!omap [a: 1]', '*undefinedAnchor', '&a x',
];

/** Tokens inserted anywhere in the text. */
const ODD_TOKENS = [
  '&a', '*a', '!!js/function', '__proto__: { polluted: true }', 'constructor: { prototype: { polluted: true } }', '<<: *a',
  '? [a, b]\n: c', '---', '...', '\t', '%YAML 1.1\n---', '%TAG ! tag:x,2000:', '!include x.yaml', '{', '[', ']', '}', '"', "'",
  '|', '>', '#', '@', '`', '\u0000', '\ufeff', '\u202e', '\r', '\r\n', ':', '- ', '? ', '&anchor ', '!', '%',
];

function billionLaughs(depth: number): string {
  const out = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < depth; i++) out.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return out.join('\n');
}

type TextMutation = (x: Input, rng: Rng) => Input;

export const TEXT_MUTATIONS: Record<string, TextMutation> = {
  deleteLine: (x, rng) => {
    const l = lines(asText(x));
    l.splice(rng.int(l.length), 1);
    return l.join('\n');
  },
  deleteLines: (x, rng) => {
    const l = lines(asText(x));
    l.splice(rng.int(l.length), 1 + rng.int(8));
    return l.join('\n');
  },
  duplicateLine: (x, rng) => {
    const l = lines(asText(x));
    const i = rng.int(l.length);
    l.splice(i, 0, l[i]!);
    return l.join('\n');
  },
  swapLines: (x, rng) => {
    const l = lines(asText(x));
    const i = rng.int(l.length);
    const j = rng.int(l.length);
    [l[i], l[j]] = [l[j]!, l[i]!];
    return l.join('\n');
  },
  moveLine: (x, rng) => {
    const l = lines(asText(x));
    const [line] = l.splice(rng.int(l.length), 1);
    l.splice(rng.int(l.length + 1), 0, line!);
    return l.join('\n');
  },
  truncate: (x, rng) => {
    const b = asBytes(x);
    return b.slice(0, rng.int(b.length + 1));
  },
  randomBytes: (x, rng) => {
    const b = asBytes(x);
    const at = rng.int(b.length + 1);
    const junk = Uint8Array.from({ length: 1 + rng.int(16) }, () => rng.int(256));
    const out = new Uint8Array(b.length + junk.length);
    out.set(b.subarray(0, at));
    out.set(junk, at);
    out.set(b.subarray(at), at + junk.length);
    return out;
  },
  flipByte: (x, rng) => {
    const b = Uint8Array.from(asBytes(x));
    if (b.length) {
      const at = rng.int(b.length);
      b[at] = b[at]! ^ (1 << rng.int(8));
    }
    return b;
  },
  oddScalar: (x, rng) => {
    // Replace the value of a random `key: value` line, or a list item.
    const l = lines(asText(x));
    const candidates = l.map((s, i) => [s, i] as const).filter(([s]) => /^\s*(- |[\w.-]+: )\S/.test(s));
    if (!candidates.length) return x;
    const [s, i] = rng.pick(candidates);
    l[i] = s.replace(/^(\s*(?:- |[\w.-]+: ))(.*)$/, (_, head: string) => head + rng.pick(ODD_SCALARS));
    return l.join('\n');
  },
  oddFlowValue: (x, rng) => {
    // Replace a value inside a flow mapping: { law: spaqf, article: 34 } → { law: spaqf, article: .nan }
    const t = asText(x);
    const matches = [...t.matchAll(/(\w+): ([^,{}\[\]\n]+)/g)];
    if (!matches.length) return x;
    const m = rng.pick(matches);
    return t.slice(0, m.index! + m[1]!.length + 2) + rng.pick(ODD_SCALARS) + t.slice(m.index! + m[0].length);
  },
  numberTweak: (x, rng) => {
    const t = asText(x);
    const matches = [...t.matchAll(/-?\d+(\.\d+)?/g)];
    if (!matches.length) return x;
    const m = rng.pick(matches);
    const v = Number(m[0]);
    const w = rng.pick([-v, v * 1000, v + 0.001, v - 1, 0, 1e21, Number.MAX_SAFE_INTEGER + 2, v / 3]);
    return t.slice(0, m.index!) + String(w) + t.slice(m.index! + m[0].length);
  },
  dateTweak: (x, rng) => {
    const t = asText(x);
    const matches = [...t.matchAll(/\d{4}-\d{2}-\d{2}/g)];
    if (!matches.length) return x;
    const m = rng.pick(matches);
    const w = rng.pick(['2025-02-30', '0000-01-01', '9999-12-31', '2023-02-29', '2024-02-29', '1899-12-31', '2025-00-10', '2025-12-32', '3000-01-01', '1900-01-01']);
    return t.slice(0, m.index!) + w + t.slice(m.index! + m[0].length);
  },
  identifierSwap: (x, rng) => {
    const t = asText(x);
    const ids = [...new Set([...t.matchAll(/[A-Za-z][A-Za-z0-9_-]{2,}/g)].map((m) => m[0]))];
    if (ids.length < 2) return x;
    const a = rng.pick(ids);
    const b = rng.pick(ids);
    return t.split(a).join(b);
  },
  indent: (x, rng) => {
    const l = lines(asText(x));
    const i = rng.int(l.length);
    l[i] = rng.chance(0.5) ? ' '.repeat(1 + rng.int(4)) + l[i] : l[i]!.replace(/^ {1,4}/, '');
    return l.join('\n');
  },
  insertToken: (x, rng) => {
    const t = asText(x);
    const at = rng.int(t.length + 1);
    return t.slice(0, at) + rng.pick(ODD_TOKENS) + t.slice(at);
  },
  insertLine: (x, rng) => {
    const l = lines(asText(x));
    const i = rng.int(l.length + 1);
    const indent = (l[i] ?? '').match(/^\s*/)![0];
    l.splice(i, 0, indent + rng.pick(['__proto__: { polluted: true }', 'constructor: 1', 'prototype: {}', 'x: &a [1]', 'y: *a', '<<: { a: 1 }', 'unknownKey: 1', '- 1', '? x', '!!js/function f: 1']));
    return l.join('\n');
  },
  deepNest: (x, rng) => {
    const t = asText(x);
    const depth = rng.pick([63, 64, 65, 100, 1000, 10000]);
    const at = t.lastIndexOf(': ', rng.int(t.length + 1));
    if (at < 0) return x;
    const open = rng.chance(0.5) ? '['.repeat(depth) : '{a: '.repeat(depth);
    const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
    const end = t.indexOf('\n', at);
    return t.slice(0, at + 2) + open + '1' + close + (end < 0 ? '' : t.slice(end));
  },
  aliasBomb: (x, rng) => asText(x) + '\n' + billionLaughs(rng.pick([3, 5, 9])) + '\n',
  longLine: (x, rng) => {
    const t = asText(x);
    const at = rng.int(t.length + 1);
    return t.slice(0, at) + rng.pick(['x', '中', ' ', '#', '\\']).repeat(rng.pick([1000, 100_000])) + t.slice(at);
  },
  crlf: (x) => asText(x).replace(/\n/g, '\r\n'),
  utf16: (x) => {
    const t = asText(x);
    const b = new Uint8Array(2 + t.length * 2);
    b[0] = 0xff;
    b[1] = 0xfe;
    for (let i = 0; i < t.length; i++) {
      b[2 + 2 * i] = t.charCodeAt(i) & 0xff;
      b[3 + 2 * i] = t.charCodeAt(i) >> 8;
    }
    return b;
  },
  bom: (x) => '\ufeff' + asText(x),
  empty: () => '',
};

// ── tree-level mutations ────────────────────────────────────────────────

type Path = (string | number)[];

function paths(v: unknown, base: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(base);
  if (depth > 12) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...base, i], out, depth + 1));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...base, k], out, depth + 1);
  return out;
}

function get(root: unknown, p: Path): unknown {
  return p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], root);
}

function replace(root: unknown, p: Path, value: unknown): unknown {
  if (p.length === 0) return value;
  const parent = get(root, p.slice(0, -1)) as Record<string | number, unknown>;
  parent[p[p.length - 1]!] = value;
  return root;
}

const ODD_VALUES: unknown[] = [
  null, true, false, 0, -1, -0.01, 0.001, 1e300, -1e300, NaN, Infinity, -Infinity, 2 ** 53 + 2, '', 'x', '2025-02-30', '0000-01-01',
  'P', 'PT0S', [], {}, [[]], [null], { a: 1 }, 'x'.repeat(10_000), '__proto__', 'constructor', '中', '\u0000',
];

type TreeMutation = (root: unknown, rng: Rng) => unknown;

const OPTIONAL_KEYS = new Set([
  'when', 'unless', 'lookBack', 'fallback', 'hitPolicy', 'label', 'cites', 'grade', 'branch', 'share', 'amount', 'multiple',
  'kinds', 'fineOnlyIf', 'optional', 'responsibleFine', 'responsibleAmount', 'discretionary', 'description', 'unverified',
  'facts', 'circumstances', 'history', 'decision', 'discovered', 'actEnd', 'age', 'capacity', 'policy', 'reducedFloor',
  'hearing', 'split', 'point', 'rounding', 'limitation', 'legalReview', 'collective', 'lists', 'to', 'ruleSet',
]);
const OPERATORS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'];
const CIRCUMSTANCES = ['minorViolation', 'correctedInTime', 'harmNone', 'harmMinor', 'harmSerious', 'noFaultProven', 'eliminatedHarm', 'coerced', 'meritorious', 'lifeHealthOrFinancial', 'refusedToCorrect', 'intentional', 'incident', 'emergency', 'cooperated'];
const EDGE_DATES = ['2016-02-29', '2020-02-29', '2021-07-15', '2022-03-29', '2023-07-19', '2023-07-20', '2024-02-29', '2024-12-31', '2025-01-01', '2026-02-28', '2030-01-01', '1990-01-01'];

/** Mutations that keep the shape valid, so the input gets past the loader into the engine. */
const KEEP_SHAPE: Record<string, TreeMutation> = {
  tweakNumber: (root, rng) => {
    const nums = paths(root).filter((q) => typeof get(root, q) === 'number');
    if (!nums.length) return root;
    const p = rng.pick(nums);
    const v = get(root, p) as number;
    return replace(root, p, rng.pick([0, 1, v * 10, Math.round(v / 10), v + 1, Math.max(0, v - 1), v * 2, 1e11, 0.5, 17, 13, 14]));
  },
  tweakDate: (root, rng) => {
    const dates = paths(root).filter((q) => typeof get(root, q) === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(get(root, q) as string));
    return dates.length ? replace(root, rng.pick(dates), rng.pick(EDGE_DATES)) : root;
  },
  dropOptional: (root, rng) => {
    const opt = paths(root).filter((q) => OPTIONAL_KEYS.has(String(q[q.length - 1])));
    if (!opt.length) return root;
    const p = rng.pick(opt);
    delete (get(root, p.slice(0, -1)) as Record<string, unknown>)[p[p.length - 1] as string];
    return root;
  },
  swapOperator: (root, rng) => {
    const ops = paths(root).filter((q) => q[q.length - 1] === 'operator');
    return ops.length ? replace(root, rng.pick(ops), rng.pick(OPERATORS)) : root;
  },
  swapSiblings: (root, rng) => {
    const lists = paths(root).filter((q) => Array.isArray(get(root, q)) && (get(root, q) as unknown[]).length > 1);
    if (!lists.length) return root;
    const list = get(root, rng.pick(lists)) as unknown[];
    const i = rng.int(list.length);
    const j = rng.int(list.length);
    [list[i], list[j]] = [list[j], list[i]];
    return root;
  },
  swapEnum: (root, rng) => {
    const e = paths(root).filter((q) => ['grade', 'kind', 'basis', 'point', 'hitPolicy', 'capacity'].includes(String(q[q.length - 1])));
    if (!e.length) return root;
    const p = rng.pick(e);
    const choices: Record<string, string[]> = {
      grade: ['lighter', 'general', 'heavier'],
      kind: ['exempt', 'lighter', 'reduced', 'heavier', 'person', 'organization'],
      basis: ['first-offence', 'minor', 'no-fault', 'time-barred', 'other'],
      point: ['midpoint', 'floor', 'ceiling'],
      hitPolicy: ['unique', 'priority'],
      capacity: ['full', 'partial', 'none'],
    };
    return replace(root, p, rng.pick(choices[String(p[p.length - 1])]!));
  },
  addCircumstance: (root, rng) => {
    if (root === null || typeof root !== 'object' || Array.isArray(root)) return root;
    const r = root as Record<string, unknown>;
    if (!('dates' in r) && !('case' in r)) return root;
    const c = ('case' in r ? (r.case as Record<string, unknown>) : r) ?? {};
    c.circumstances = [...(Array.isArray(c.circumstances) ? c.circumstances : []), rng.pick(CIRCUMSTANCES)];
    return root;
  },
};

export const TREE_MUTATIONS: Record<string, TreeMutation> = {
  ...KEEP_SHAPE,
  changeValue: (root, rng) => replace(root, rng.pick(paths(root)), structuredClone(rng.pick(ODD_VALUES))),
  deleteKey: (root, rng) => {
    const p = rng.pick(paths(root).filter((q) => q.length > 0));
    if (!p) return root;
    const parent = get(root, p.slice(0, -1));
    if (Array.isArray(parent)) parent.splice(p[p.length - 1] as number, 1);
    else delete (parent as Record<string, unknown>)[p[p.length - 1] as string];
    return root;
  },
  renameKey: (root, rng) => {
    const p = rng.pick(paths(root).filter((q) => typeof q[q.length - 1] === 'string'));
    if (!p) return root;
    const parent = get(root, p.slice(0, -1)) as Record<string, unknown>;
    const key = p[p.length - 1] as string;
    const value = parent[key];
    delete parent[key];
    parent[rng.pick([key + 's', key.slice(1), key.toUpperCase(), 'unknown', key.replace(/[aeiou]/, '')])] = value;
    return root;
  },
  duplicateElement: (root, rng) => {
    const lists = paths(root).filter((q) => Array.isArray(get(root, q)));
    if (!lists.length) return root;
    const list = get(root, rng.pick(lists)) as unknown[];
    if (list.length) list.push(structuredClone(list[rng.int(list.length)]));
    return root;
  },
  moveNode: (root, rng) => {
    const all = paths(root).filter((q) => q.length > 0);
    if (all.length < 2) return root;
    const from = rng.pick(all);
    const to = rng.pick(all);
    return replace(root, to, structuredClone(get(root, from)));
  },
  wrap: (root, rng) => {
    const p = rng.pick(paths(root));
    const v = get(root, p);
    return replace(root, p, rng.chance(0.5) ? [v] : { value: v });
  },
};

/** One to `max` mutations, text- or tree-level, chosen by the seed. */
export function mutate(input: Input, rng: Rng, max = 3): { output: Input; applied: string[] } {
  let x = input;
  const applied: string[] = [];
  const n = 1 + rng.int(max);
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.5)) {
      let tree: unknown;
      try {
        tree = parse(asText(x), { version: '1.2', schema: 'core', merge: false, maxAliasCount: 1000, logLevel: 'silent' });
      } catch {
        tree = undefined;
      }
      if (tree !== undefined && tree !== null && typeof tree === 'object') {
        // Half of the tree mutations keep the shape, so that inputs reach the engine.
        const name = rng.chance(0.5) ? rng.pick(Object.keys(KEEP_SHAPE)) : rng.pick(Object.keys(TREE_MUTATIONS));
        try {
          x = stringify(TREE_MUTATIONS[name]!(tree, rng), { aliasDuplicateObjects: false });
          applied.push(`tree:${name}`);
          continue;
        } catch {
          // fall through to a text mutation
        }
      }
    }
    const name = rng.pick(Object.keys(TEXT_MUTATIONS));
    x = TEXT_MUTATIONS[name]!(x, rng);
    applied.push(name);
  }
  return { output: x, applied };
}
