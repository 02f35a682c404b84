import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/load/fast-yaml.js';
import { parseSource, type SourceFile } from '../../src/load/source.js';
import { filesUnder } from '../helpers.js';

/**
 * The fast reader must never read a file differently from yaml: whenever it
 * accepts a text, the value and every position (of each key and each value)
 * must be those the full parser gives. It may give up on anything.
 */

function paths(v: unknown, p: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(p);
  if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...p, Array.isArray(v) ? Number(k) : k], out);
  }
  return out;
}

/** Differences between the two parsers on one text; empty when the fast reader gave up or agrees. */
function compare(path: string, text: string): { fast: boolean; problems: string[] } {
  // parseSource leaves a document that is only null to yaml too (it reports FILE_EMPTY).
  const read = parseFast(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 64);
  const fast = read !== undefined && read.value !== null;
  if (!fast) return { fast, problems: [] };
  const full = parseSource({ path, text }, {}, { fullParserOnly: true });
  const auto = parseSource({ path, text });
  const problems: string[] = [];
  if (full.diagnostics.length > 0) problems.push(`fast reader accepted a text yaml rejects: ${full.diagnostics[0]!.code} ${full.diagnostics[0]!.message}`);
  if (!isDeepStrictEqual(auto.file?.value, full.file?.value)) {
    problems.push(`values differ: ${JSON.stringify(auto.file?.value)} vs ${JSON.stringify(full.file?.value)}`);
  }
  if (problems.length === 0 && auto.file && full.file) {
    for (const p of paths(full.file.value)) {
      for (const key of [false, true]) {
        const a = (auto.file as SourceFile).locate(p, key);
        const b = (full.file as SourceFile).locate(p, key);
        if (!isDeepStrictEqual(a, b)) problems.push(`${JSON.stringify(p)}${key ? ' (key)' : ''}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }
  }
  return { fast, problems };
}

describe('fast YAML reader', () => {
  it('agrees with yaml on every bundled, fixture and test YAML file it accepts, and accepts most of them', () => {
    const files = [...filesUnder('rules'), ...filesUnder('fixtures'), ...filesUnder('test')];
    let accepted = 0;
    const problems: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const r = compare(f, text);
      if (r.fast) accepted++;
      for (const p of r.problems.slice(0, 3)) problems.push(`${f}: ${p}`);
      // The same file as a Windows editor saves it: offsets shift by one per line.
      for (const p of compare(f, text.replace(/\r?\n/g, '\r\n')).problems.slice(0, 3)) problems.push(`${f} (CRLF): ${p}`);
    }
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(files.length / 2);
  }, 60_000);

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['a block scalar with leading blank lines', 'a: |\n\n  text\n'],
    ['a folded scalar with more-indented lines', 'a: >\n  text\n    more\n'],
    ['a block scalar without a final line break', 'a: |\n  text'],
    ['an indentation indicator in a sequence', '- |2\n   text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['multi-line flow', 'a: [1,\n  2]\n'],
    ['documents', '---\na: 1\n'],
    ['tabs', 'a:\t1\n'],
    ['a CR outside a CRLF line end', 'a: 1\rb: 2\n'],
    ['empty values', 'a:\nb: 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['1 and "1"', '1: a\n"1": b\n'],
    ['forbidden keys', '__proto__: 1\n'],
    ['trailing commas', 'a: [1, 2, ]\n'],
    ['a mapping inside a flow sequence', 'a: [b: 1]\n'],
    ['YAML-only escapes', 'a: "\\x41"\n'],
    ['a value that looks like a mapping', 'a: b: c\n'],
    ['only comments', '# nothing\n'],
    ['too deep nesting', 'a: ' + '['.repeat(70) + ']'.repeat(70) + '\n'],
  ])('gives %s to the full parser', (_what, text) => {
    expect(parseFast(text, 64)).toBeUndefined();
  });

  it.each([
    ['folded, stripped', 'a: >-\n  one\n  two\n\n  three\nb: 1\n'],
    ['folded, clipped, a comment on the header', 'a: >  # note\n  one\n  two\nb: 1\n'],
    ['literal, more-indented lines and trailing blank lines', 'a: |\n  one\n   two\n\n\nb: 1\n'],
    ['literal, kept', 'a: |+\n  one\n\n\nb: 1\n'],
    ['literal, stripped, at the end', 'a: |-\n  one\n  two\n'],
    ['an indentation indicator', 'x:\n  a: |2\n      one\n    two\n  b: >-1\n   x\n'],
    ['indicators in either order', 'a: |-2\n    one\nb: >+1\n two\n\nc: 1\n'],
    ['in sequences', 's:\n  - >-\n    one\n    two\n  - k: |\n      three\n    m: 4\n'],
    ['with a comment line after, less indented', 'a:\n  b: >-\n    t\n  # c\nz: 2\n'],
    ['with "#" and ": " inside', 'a: >-\n  a: b # not a comment\n  - c\nb: 1\n'],
  ])('reads block scalars as yaml does: %s', (_what, text) => {
    const r = compare('b.yaml', text);
    expect(r.fast).toBe(true);
    expect(r.problems).toEqual([]);
    expect(compare('b.yaml', text.replace(/\n/g, '\r\n')).problems).toEqual([]);
  });

  it.each([
    ['more indented than the mapping', 'a:\n  b: 1\n    # c\nz: 2\n'],
    ['at the mapping\'s indentation', 'a:\n  b: 1\n  # c\nz: 2\n'],
    ['after a blank line', 'a:\n  b: 1\n\n    # c\n\nz: 2\n'],
    ['more, then less, then more indented', 'a:\n  b: 1\n    # c1\n  # c2\n    # c3\nz: 2\n'],
    ['after a nested sequence', 'a:\n  - 1\n  # c\nb: 2\n'],
    ['between sequence items', 's:\n  - a: 1\n    # c\n  - a: 2\n'],
    ['at the end of the file', 'a:\n  b: 1\n    # c\n'],
  ])('ends collections where yaml does when comment lines follow them: %s', (_what, text) => {
    const r = compare('c.yaml', text);
    expect(r.fast).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('reads CRLF files, with positions in the text as it is', () => {
    const r = compare('crlf.yaml', 'a: 1\r\nb:\r\n  - x: "q"  # c\r\n    y: [1, 2]\r\n  - z\r\nc: hi there\r\n');
    expect(r.fast).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('resolves plain scalars as the core schema does', () => {
    const text = [
      'a: [1, -0, +5, 0o17, 0x1F, 1.5, .5, 1e3, -1.2E-2, .inf, -.Inf, .NaN, ~, null, NULL, true, False, TRUE, 2025-03-01, 1_000, 0b1, yes, "1", \'2\']',
      '3: int key',
      '1.0: float key',
      'true: bool key',
      'url: http://example.com/a#b',
      'text: 中文 文本 # comment',
      "quote: 'it''s'",
      'esc: "a\\"b\\u00e9\\n"',
    ].join('\n');
    const r = compare('a.yaml', text);
    expect(r.fast).toBe(true);
    expect(r.problems).toEqual([]);
  });

  // Generated documents in many layouts, scalars chosen to sit on the edges of the grammar.
  const SCALARS = [
    '1', '-0', '007', '0o7', '0x1f', '1.', '.5', '-.5e3', '1e3', '+1', '.inf', '.NaN', '~', 'null', 'Null', 'true', 'False',
    'yes', 'no', 'on', '2025-01-01', '12:30', 'a: b', 'a:b', 'a #b', 'a#b', '#a', '- a', '-a', '-', '?a', ':a', '[a]', '{a}', 'a,b',
    'a]', "it's", 'say "hi"', 'é', '中文', '', ' lead', 'trail ', '*a', '&a', '!a', '|', '>', '%a', '@a', '`a', 'a\\b', 'x',
  ];
  const KEYS = ['a', 'b', 'code', '1', '01', 'true', 'null', '~', 'a b', 'a:b', '中', '-k', 'x#y', '__proto__', 'k'];

  type V = string | V[] | { [k: string]: V };
  const value: fc.Arbitrary<V> = fc.letrec<{ v: V }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...SCALARS),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 3 }),
    ),
  })).v;

  const BLOCK_HEADERS = ['|', '>', '|-', '>-', '|+', '>+', '|N', '>N-', '-|', '>  # c', '|-N', '| #c', '>2'];
  const BLOCK_BODIES = ['one', 'one\ntwo', 'one\n\ntwo', 'a: b # c\n- d', ' more\nless', 'less\n more', 'one\n\n', 'x\n\n\ny', '中文\n文本', "'q'\n\"d\""];
  const style = fc.record({
    blockScalars: fc.boolean(),
    indent: fc.integer({ min: 1, max: 4 }),
    flow: fc.double({ min: 0, max: 1, noNaN: true }),
    quote: fc.constantFrom('plain', 'single', 'double', 'mixed'),
    comments: fc.boolean(),
    blanks: fc.boolean(),
    compactSeq: fc.boolean(),
  });
  type Style = { indent: number; flow: number; quote: string; comments: boolean; blanks: boolean; compactSeq: boolean; blockScalars: boolean };

  function scalar(s: string, st: Style, seed: number): string {
    const q = st.quote === 'mixed' ? ['plain', 'single', 'double'][seed % 3] : st.quote;
    if (q === 'single') return `'${s.replace(/'/g, "''")}'`;
    if (q === 'double') return JSON.stringify(s);
    return s;
  }

  function flow(v: V, st: Style, seed: number): string {
    if (typeof v === 'string') return scalar(v, st, seed);
    if (Array.isArray(v)) return `[${v.map((x, i) => flow(x, st, seed + i)).join(', ')}]`;
    return `{${Object.entries(v).map(([k, x], i) => `${scalar(k, st, seed + i)}: ${flow(x, st, seed + i + 1)}`).join(', ')}}`;
  }

  function block(v: V, st: Style, depth: number, seed: number): string[] {
    const pad = ' '.repeat(depth * st.indent);
    // Comment lines at the entries' indentation, or one or two columns either side of it.
    const commentPad = (i: number) => ' '.repeat(Math.max(0, pad.length + ((seed + i) % 5) - 2));
    const extra = (i: number): string[] =>
      (st.blanks && (seed + i) % 3 === 0 ? [''] : []).concat(st.comments && (seed + i) % 4 === 1 ? [`${commentPad(i)}# note ${i}`] : []);
    const inline = (x: V, i: number) => typeof x === 'string' || (seed + i) % 10 < st.flow * 10 || (Array.isArray(x) ? x.length === 0 : Object.keys(x).length === 0);
    if (Array.isArray(v)) {
      return v.flatMap((x, i) => {
        if (inline(x, i)) return [...extra(i), `${pad}- ${flow(x, st, seed + i)}`];
        const inner = block(x, st, depth + 1, seed + i);
        // "- key: value" with the rest lined up under the first key
        return [...extra(i), `${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
      });
    }
    if (typeof v === 'string') return [`${pad}${scalar(v, st, seed)}`];
    return Object.entries(v).flatMap(([k, x], i) => {
      const key = `${pad}${scalar(k, st, seed + i)}:`;
      if (typeof x === 'string' && st.blockScalars && (seed + i) % 3 === 0) {
        // A block scalar: header (indicators, maybe a comment), then lines, maybe blank ones.
        const header = BLOCK_HEADERS[(seed + i) % BLOCK_HEADERS.length]!.replace('N', String(st.indent));
        const body = BLOCK_BODIES[(seed + i * 7) % BLOCK_BODIES.length]!.split('\n');
        return [...extra(i), `${key} ${header}`, ...body.map((l) => (l === '' ? '' : `${pad}${' '.repeat(st.indent)}${l}`)), ...extra(i + 1)];
      }
      if (inline(x, i)) return [...extra(i), `${key} ${flow(x, st, seed + i)}`];
      const nested = Array.isArray(x) && st.compactSeq ? block(x, st, depth, seed + i) : block(x, st, depth + 1, seed + i);
      return [...extra(i), key, ...nested];
    });
  }

  it('agrees with yaml on generated documents whenever it accepts one', () => {
    let accepted = 0;
    let acceptedBlock = 0;
    let acceptedComment = 0;
    let runs = 0;
    fc.assert(
      fc.property(value, style, fc.nat(), (v, st, seed) => {
        runs++;
        const root: V = typeof v === 'string' ? { a: v } : v;
        const lines = typeof root === 'string' ? [root] : block(root, st, 0, seed);
        const eol = seed % 3 === 0 ? '\r\n' : '\n';
        const text = lines.join(eol) + (seed % 2 ? eol : '');
        const r = compare('g.yaml', text);
        if (r.fast) accepted++;
        if (r.fast && /: [|>]/.test(text)) acceptedBlock++;
        if (r.fast && /\n +# note/.test(text)) acceptedComment++;
        if (r.problems.length > 0) throw new Error(`${JSON.stringify(text)}\n${r.problems.slice(0, 3).join('\n')}`);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
    // The property is not vacuous: a good share of the documents take the fast path,
    // with block scalars and with comment lines indented off their entries'.
    expect(accepted).toBeGreaterThan(runs / 5);
    expect(acceptedBlock).toBeGreaterThan(runs / 30);
    expect(acceptedComment).toBeGreaterThan(runs / 60);
  }, 60_000);

  it('agrees with yaml on bundled rule files with random edits (seeded), whenever it accepts one', () => {
    // Files the fast reader takes, cut to their first 6,000 characters (at a line end) to keep this quick.
    const texts = [...filesUnder('rules'), ...filesUnder('fixtures')]
      .map((f) => readFileSync(f, 'utf8'))
      .filter((t) => parseFast(t, 64) !== undefined)
      .map((t) => (t.length > 6000 ? t.slice(0, t.lastIndexOf('\n', 6000) + 1) : t));
    const INSERTS = [' ', '\n', '\r\n', '\r', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '  ', '- ', ': ', ' #', 'x', '1', '.', '~', '\\', '&', '*', '!', '|', '>', '?', '\t', '0x', '\n  ', '\n- '];
    let seed = 20261122;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let accepted = 0;
    const problems: string[] = [];
    for (let i = 0; i < 4000; i++) {
      let t = texts[rnd(texts.length)]!;
      for (let j = 1 + rnd(3); j > 0; j--) {
        const at = rnd(t.length);
        t = rnd(3) === 0 ? t.slice(0, at) + t.slice(at + 1 + rnd(3)) : t.slice(0, at) + INSERTS[rnd(INSERTS.length)] + t.slice(at);
      }
      const r = compare('edited.yaml', t);
      if (r.fast) accepted++;
      if (r.problems.length > 0) problems.push(`${JSON.stringify(t)}\n${r.problems[0]}`);
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(accepted).toBeGreaterThan(1000);
  }, 60_000);
});
