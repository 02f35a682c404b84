import { describe, expect, it } from 'vitest';
import { resolveParents } from '../../src/verify/index.js';
import { index, leaf, load, rules, runCases, T, when, type VerifyCase } from './build.js';

/**
 * Hierarchy (国办发〔2022〕27号): a rule set that `extends` another may refine
 * its tiers but not exceed them. index.yaml of the child has `extends:` on
 * line 20; tier k of the child's item is on line 7 + k, column 9.
 */

const gv = (op: string, v: number) => leaf('goodsValue', op, v);
const SAMR = [T('light', 'grade: lighter, share: [0, 0.3]'), T('mid', 'grade: general, share: [0.3, 0.7]'), T('heavy', 'grade: heavier, share: [0.7, 1]')];
const province = (tiers: string[] = SAMR) => load(index('', { id: 'cn-prov' }), rules(tiers), 'rules/prov');
const CITY = index('extends: cn-prov\n', { id: 'cn-city' });
const BY_VALUE = [
  T('low', `${when(gv('lessThan', 10000))}, amount: [5000, 20000]`),
  T('high', `${when(gv('greaterThanInclusive', 10000))}, amount: [20000, 50000]`),
];

const CASES: VerifyCase[] = [
  {
    name: 'passes: a city narrows each grade band of the province',
    index: CITY,
    rules: rules([T('light', 'grade: lighter, amount: [5000, 15000]'), T('mid', 'grade: general, amount: [18500, 30000]'), T('heavy', 'grade: heavier, amount: [40000, 50000]')]),
    options: { parents: [province()] },
    expect: [],
  },
  {
    name: 'fails: a city 从轻 band reaching above the province 从轻 band (18500 yuan)',
    index: CITY,
    rules: rules([T('light', 'grade: lighter, amount: [5000, 20000]'), T('mid', 'grade: general, amount: [20000, 36500]'), T('heavy', 'grade: heavier, amount: [36500, 50000]')]),
    options: { parents: [province()] },
    expect: [
      {
        code: 'PARENT_TIER_EXCEEDED',
        at: 'rules.yaml:8:9',
        message: 'tier "light" of item A-1 (5000–20000 yuan) goes beyond cn-prov 1 tier "light" (5000–18500 yuan) for grade lighter',
      },
    ],
  },
  {
    name: 'passes: a city splits a province tier chosen by facts into narrower ones',
    index: CITY,
    rules: rules([
      T('low-a', `${when(gv('lessThan', 5000))}, amount: [5000, 10000]`),
      T('low-b', `${when(gv('greaterThanInclusive', 5000), gv('lessThan', 10000))}, amount: [10000, 20000]`),
      T('high', `${when(gv('greaterThanInclusive', 10000))}, amount: [25000, 50000]`),
    ]),
    options: { parents: [province(BY_VALUE)] },
    expect: [],
  },
  {
    name: 'fails: a city tier spanning two province tiers exceeds the higher one where they meet',
    index: CITY,
    rules: rules([T('low', `${when(gv('lessThan', 20000))}, amount: [5000, 20000]`), T('high', `${when(gv('greaterThanInclusive', 20000))}, amount: [20000, 50000]`)]),
    options: { parents: [province(BY_VALUE)] },
    expect: [
      {
        code: 'PARENT_TIER_EXCEEDED',
        at: 'rules.yaml:8:9',
        message: 'tier "low" of item A-1 (5000–20000 yuan) goes beyond cn-prov 1 tier "high" (20000–50000 yuan) (e.g. goodsValue = 10000 yuan)',
      },
    ],
  },
  {
    name: 'passes: items the province does not have are the city’s own',
    index: CITY,
    rules: rules(SAMR).replace('code: A-1', 'code: B-1'),
    options: { parents: [province()] },
    expect: [],
  },
  {
    name: 'fails: extends names a rule set that is not there',
    index: index('extends: cn-nowhere\n', { id: 'cn-city' }),
    rules: rules(SAMR),
    options: { parents: [] },
    expect: [{ code: 'PARENT_UNKNOWN', at: 'index.yaml:20:10', message: 'extends "cn-nowhere", but no rule set with that id was found' }],
  },
  {
    name: 'passes: without parents given, the hierarchy is not checked',
    index: index('extends: cn-nowhere\n', { id: 'cn-city' }),
    rules: rules(SAMR),
    expect: [],
  },
  {
    name: 'fails: rule sets extending each other',
    index: CITY,
    rules: rules(SAMR),
    options: () => ({ parents: [load(index('extends: cn-city\n', { id: 'cn-prov' }), rules(SAMR), 'rules/prov'), load(CITY, rules(SAMR), 'rules/city2')] }),
    expect: [{ code: 'PARENT_CYCLE', at: 'index.yaml:20:10', message: 'rule sets extend each other in a cycle: cn-city → cn-prov → cn-city' }],
  },
];

runCases('verify: hierarchy', CASES);

describe('resolveParents', () => {
  it('follows extends up the chain, nearest first, and stops at an unknown id', () => {
    const nation = load(index('', { id: 'cn' }), rules(SAMR), 'rules/cn');
    const prov = load(index('extends: cn\n', { id: 'cn-prov' }), rules(SAMR), 'rules/prov');
    const city = load(CITY, rules(SAMR), 'rules/city');
    expect(resolveParents(city, [city, prov, nation]).map((r) => r.id)).toEqual(['cn-prov', 'cn']);
    expect(resolveParents(city, [city, nation])).toEqual([]);
  });

  it('takes the parent version in force when the child comes into force', () => {
    const old = load(index('', { id: 'cn-prov', effective: '{ from: 2020-01-01, to: 2023-12-31 }' }), rules(SAMR), 'rules/p1');
    const cur = load(index('', { id: 'cn-prov', effective: '{ from: 2024-01-01, to: null }' }).replace('version: "1"', 'version: "2"'), rules(SAMR), 'rules/p2');
    const city = load(CITY, rules(SAMR), 'rules/city');
    expect(resolveParents(city, [old, cur, city]).map((r) => r.version)).toEqual(['2']);
  });
});
