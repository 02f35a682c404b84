import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import type { RuleSet } from '../../src/load/model.js';
import type { SourceInput } from '../../src/load/source.js';
import { readRuleSetFiles } from '../../src/node/fs.js';
import { findRuleSetDirs } from '../../src/node/index.js';
import { renderDispositionJson } from '../../src/report/disposition-json.js';
import { caseFor, caseSpec, permutation, ruleSetFiles, ruleSetSpec, shuffleDeep, type RuleSetSpec } from './arbitraries.js';
import { ROOT } from './bundled.js';
import { runs } from './settings.js';
import { filesUnder } from '../helpers.js';

// DESIGN.md, Invariants: evaluation is deterministic and independent of key
// order. The same rule set written with its mappings' keys in another order,
// its items, list entries and fact declarations in another order and spread
// over other files, and the same case with its keys, circumstances and history
// in another order, give the same content hash and byte-identical JSON reports.
// (The time-zone half of the invariant is determinism-tz.test.ts.)

/** Lists in rule files whose order carries no meaning: items and list entries. */
const ruleUnordered = (path: readonly string[]) => path.length === 1 && (path[0] === 'items' || path[0] === 'lists');
/** Lists in a case whose order carries no meaning. */
const caseUnordered = (path: readonly string[]) => path.length === 1 && (path[0] === 'circumstances' || path[0] === 'history');

/** The same rule set, shuffled and spread over one to three topic files (facts possibly in index.yaml). */
function relayout(spec: RuleSetSpec, seed: number): SourceInput[] {
  const topic = shuffleDeep(spec.topic, seed, ruleUnordered) as Record<string, Record<string, unknown> | unknown[]>;
  const index = shuffleDeep(spec.index, seed + 1, () => false) as Record<string, unknown>;
  const files: Record<string, unknown>[] = [{}, {}, {}];
  const pick = (i: number) => permutation(3, seed + i)[0]!;
  let n = 0;
  for (const [key, value] of Object.entries(topic)) {
    if (Array.isArray(value)) for (const v of value) ((files[pick(n++)]![key] ??= []) as unknown[]).push(v);
    else for (const [k, v] of Object.entries(value)) ((files[pick(n++)]![key] ??= {}) as Record<string, unknown>)[k] = v;
  }
  // index.yaml may hold facts and circumstances too.
  if (seed % 2 === 0 && files[0]!.facts) {
    index.facts = files[0]!.facts;
    delete files[0]!.facts;
  }
  return [
    { path: 'gen/index.yaml', text: stringify(index) },
    ...files.filter((f) => Object.keys(f).length > 0).map((f, i) => ({ path: `gen/part-${i}.yaml`, text: stringify(f) })),
  ];
}

function load(files: SourceInput[]): RuleSet {
  const r = loadRuleSet(files);
  if (!r.ruleSet) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  return r.ruleSet;
}

function report(ruleSets: readonly RuleSet[], text: string, path = 'case.yaml', positions = true): string {
  const r = evaluateInCatalog(ruleSets, { path, text });
  return r.disposition
    ? renderDispositionJson(r.disposition)
    : JSON.stringify(r.diagnostics.map((d) => (positions ? [d.code, d.line, d.column] : [d.code, d.severity])));
}

describe('invariant: evaluation is independent of key order, list order and file layout', () => {
  it('random rule sets: shuffled keys, items, list entries and facts, spread over other files, give the same hash and byte-identical JSON reports for shuffled cases', () => {
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, fc.nat(1_000_000), (spec, cs, seed) => {
        const a = load(ruleSetFiles(spec));
        const b = load(relayout(spec, seed));
        expect(b.hash).toBe(a.hash);
        const value = caseFor(cs, spec);
        const shuffled = shuffleDeep(value, seed, caseUnordered);
        // YAML and JSON (which is YAML too) of the shuffled case.
        const one = report([a], stringify(value));
        expect(report([b], stringify(shuffled))).toBe(one);
        expect(report([b], JSON.stringify(shuffled))).toBe(one);
      }),
      runs(20261128, 200),
    );
  }, 600_000);

  it('bundled rule sets and fixtures: shuffled rule files and shuffled cases give the same hashes and byte-identical JSON reports', async () => {
    const original: RuleSet[] = [];
    const shuffled: RuleSet[] = [];
    for (const [n, dir] of (await findRuleSetDirs(join(ROOT, 'rules'))).entries()) {
      const { files } = await readRuleSetFiles(dir);
      const a = loadRuleSet(files);
      if (!a.ruleSet) continue; // a rule set that does not load is reported by the fixture and verify tests
      const texts = files.map((f, i) => ({
        path: f.path,
        text: stringify(shuffleDeep(parse(new TextDecoder().decode(f.text as Uint8Array)), 7 * n + i, ruleUnordered)),
      }));
      const b = load(texts);
      expect(b.hash, relative(ROOT, dir)).toBe(a.ruleSet.hash);
      original.push(a.ruleSet);
      shuffled.push(b);
    }
    expect(original.length).toBeGreaterThan(0);
    const fixtures = filesUnder(join(ROOT, 'fixtures'));
    let compared = 0;
    fixtures.forEach((path, i) => {
      const fixture = parse(readFileSync(path, 'utf8')) as { case?: unknown };
      if (!fixture?.case) return;
      // A case refused with a diagnostic (a fixture may expect one): its keys move with the shuffle, so its lines do too.
      const one = report(original, stringify(fixture.case), relative(ROOT, path), false);
      const two = report([...shuffled].reverse(), stringify(shuffleDeep(fixture.case, i, caseUnordered)), relative(ROOT, path), false);
      expect(two, relative(ROOT, path)).toBe(one);
      compared++;
    });
    expect(compared).toBeGreaterThan(50);
  }, 600_000);

  // Found by this property: the order of a case's `items` (one act, several
  // items, 行政处罚法 Art. 29) changes the report. When the statutory maxima tie
  // (or cannot be computed), the first item listed governs; the concurrence
  // trace lists the items in the case's order. Reported; it.fails until fixed.
  it.fails('KNOWN: the order of a case’s items (Art. 29) does not change the report', () => {
    fc.assert(
      fc.property(ruleSetSpec, caseSpec, (spec, cs) => {
        const value = caseFor(cs, spec);
        fc.pre(Array.isArray(value.items));
        const rs = load(ruleSetFiles(spec));
        const reversed = { ...value, items: [...(value.items as string[])].reverse() };
        expect(report([rs], stringify(reversed))).toBe(report([rs], stringify(value)));
      }),
      runs(20261129, 100),
    );
  }, 600_000);
});

