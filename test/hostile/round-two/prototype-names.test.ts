import { describe, expect, it } from 'vitest';
import { evaluateInCatalog } from '../../../src/evaluate/versions.js';
import { loadCase } from '../../../src/load/loadCase.js';
import { renderDispositionMarkdown } from '../../../src/report/disposition-markdown.js';
import { at, caseValue, errors, FOOD, INDEX, loadMini, MINI, PROTOTYPE_NAMES } from './table.js';

// A name is a name: a fact, law, circumstance or value called valueOf,
// toString or constructor is looked up like any other, never found on
// Object.prototype (class 1 of the second hostile round).

const CITE = 'penalizedBy: [{ law: spaqf, article: 124';
const NAMES = PROTOTYPE_NAMES.filter((n) => n !== 'constructor');

describe('a law key that no law declares is unknown, whatever it is called', () => {
  it.each(PROTOTYPE_NAMES.map((n) => [n]))('a citation of law "%s" is UNKNOWN_LAW at its law key', (name) => {
    const food = FOOD.replace(CITE, `penalizedBy: [{ law: ${name}, article: 124`);
    const r = loadMini(INDEX, food);
    expect(r.ruleSet).toBeUndefined();
    expect(errors(r.diagnostics)).toEqual([{ code: 'UNKNOWN_LAW', ...at(food, name) }]);
  });
});

describe('a fineOnlyIf that names no circumstance is unknown, whatever it is called', () => {
  it.each(PROTOTYPE_NAMES.map((n) => [n]))('fineOnlyIf: %s is UNKNOWN_CIRCUMSTANCE', (name) => {
    const food = FOOD.replace('kinds: [fine, confiscateGains]', `kinds: [fine, confiscateGains]\n      fineOnlyIf: ${name}`);
    const r = loadMini(INDEX, food);
    expect(errors(r.diagnostics)).toEqual([{ code: 'UNKNOWN_CIRCUMSTANCE', ...at(food, name) }]);
  });
});

describe('a case that lists a circumstance of that name is refused', () => {
  it.each(PROTOTYPE_NAMES.map((n) => [n]))('circumstances: [%s] is UNKNOWN_CIRCUMSTANCE at the entry', (name) => {
    const text = `id: c\nitem: T-1\nparty: { kind: organization }\ndates: { act: 2025-03-01 }\ncircumstances: [${name}]\n`;
    const r = loadCase({ path: 'c.yaml', text }, MINI);
    expect(r.case).toBeUndefined();
    expect(errors(r.diagnostics)).toEqual([{ code: 'UNKNOWN_CIRCUMSTANCE', ...at(text, name) }]);
  });
});

describe('a case fact of that name that the rule set does not declare is refused', () => {
  it.each(NAMES.map((n) => [n]))('facts: { %s: 1 } is UNKNOWN_FACT at the key', (name) => {
    const text = `id: c\nitem: T-1\nparty: { kind: organization }\ndates: { act: 2025-03-01 }\nfacts: { goodsValue: 300, ${name}: 1 }\n`;
    const r = loadCase({ path: 'c.yaml', text }, MINI);
    expect(errors(r.diagnostics)).toEqual([{ code: 'UNKNOWN_FACT', ...at(text, name) }]);
  });
});

describe('a rule set may declare a circumstance of that name: it is its own, not a duplicate of a built-in', () => {
  it.each(NAMES.map((n) => [n]))('circumstance %s loads, and a case listing it is aggravated', (name) => {
    const r = loadMini(INDEX + `circumstances:\n  ${name}: { label: 情节${name}, effect: aggravating }\n`);
    expect(errors(r.diagnostics)).toEqual([]);
    const e = evaluateInCatalog([r.ruleSet!], { path: 'c', value: caseValue({ facts: { goodsValue: 3000 }, circumstances: [name] }) });
    expect(e.disposition?.grade).toBe('heavier');
  });
});

describe('a declared fact of that name that the case does not give is missing, never present', () => {
  it.each(NAMES.map((n) => [n]))('the 首违 entry on %s is left open: undetermined, the fact named', (name) => {
    const food = FOOD.replace('- { fact: correctedInTime, operator: equal, value: true }', `- { fact: ${name}, operator: equal, value: true }`);
    const r = loadMini(INDEX + `  ${name}: { type: boolean }\n`, food);
    expect(errors(r.diagnostics)).toEqual([]);
    const e = evaluateInCatalog([r.ruleSet!], { path: 'c', value: caseValue() });
    expect(e.disposition?.outcome).toBe('undetermined');
    expect(e.disposition?.missingFacts).toEqual([name]);
  });

  it.each(NAMES.map((n) => [n]))('a red line (unless) on %s that the case does not give is not taken as hit', (name) => {
    const food = FOOD.replace('    lookBack:', `    unless: { all: [{ fact: ${name}, operator: equal, value: true }] }\n    lookBack:`);
    const r = loadMini(INDEX + `  ${name}: { type: boolean }\n`, food);
    const e = evaluateInCatalog([r.ruleSet!], { path: 'c', value: caseValue() });
    expect(e.disposition?.missingFacts).toEqual([name]);
  });
});

describe('enum values and labels of that name print as written', () => {
  it.each(NAMES.map((n) => [n]))('an enum value %s without a label prints as "%s", never as function text', (name) => {
    const index = INDEX + `  stage: { type: enum, values: [sale, ${name}], valueLabels: { sale: 销售 } }\n`;
    const r = loadMini(index);
    expect(errors(r.diagnostics)).toEqual([]);
    const e = evaluateInCatalog([r.ruleSet!], { path: 'c', value: caseValue({ facts: { goodsValue: 3000, stage: name } }) });
    const md = renderDispositionMarkdown(e.disposition!, e.ruleSet!, e.case!);
    expect(md).toContain(name);
    expect(md).not.toMatch(/function|native code|undefined/);
  });
});

describe('loaded rule sets are frozen', () => {
  it('an edit after loading throws instead of being silently ignored by the cached plans', () => {
    const rs = loadMini(INDEX).ruleSet!;
    expect(() => {
      (rs.policy as { rounding: number }).rounding = 1;
    }).toThrow(TypeError);
    expect(() => {
      (rs.items[0]!.tiers as unknown[]).push({});
    }).toThrow(TypeError);
    expect(Object.getPrototypeOf(rs.laws)).toBeNull();
    expect(Object.getPrototypeOf(rs.circumstances)).toBeNull();
  });
});
