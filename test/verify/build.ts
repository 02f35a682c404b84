import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { verifyRuleSet, type VerifyOptions } from '../../src/verify/index.js';
import type { RuleSet } from '../../src/load/model.js';

/**
 * Rule files for verify tests. The topic file has fixed line numbers: the item
 * starts at line 2 (column 5), its statutory clause is on line 6, and tier k
 * (1-based) is on line 7 + k, column 9; item keys given in `itemExtra` follow
 * the tiers.
 */

export const DIR = 'rules/t';
export const RULES = `${DIR}/rules.yaml`;
export const INDEX = `${DIR}/index.yaml`;

export const CITE = 'cites: [{ law: spaqf, article: 124 }]';

/** index.yaml; `extra` lines are appended at top level from line 20 (policy:, extends:, ignore:…). Line 8 holds effective, line 9 reviewed. */
export function index(extra = '', opts: { id?: string; effective?: string; reviewed?: string } = {}): string {
  return `id: ${opts.id ?? 'test-verify'}
region: { code: "000000", name: 测试 }
title: 测试基准
issuer: 测试
document: null
version: "1"
# line 7
effective: ${opts.effective ?? '{ from: 2024-01-01, to: null }'}
reviewed: ${opts.reviewed ?? '2025-06-01'}
laws:
  spaqf: { title: 中华人民共和国食品安全法, version: 2021-04-29, articles: 154 }
  xzcff: { title: 中华人民共和国行政处罚法, version: 2021-01-22, articles: 86 }
facts:
  goodsValue: { type: money, label: 货值金额 }
  staffShare: ratio
  days: count
  stage: { type: enum, values: [production, sale, catering] }
  actDate: date
  exceedance: duration
${extra}`;
}

/** A tier as a flow mapping, with a citation. */
export function T(id: string, rest: string, cites = true): string {
  return `{ id: ${id}${rest ? `, ${rest}` : ''}${cites ? `, ${CITE}` : ''} }`;
}

export const FIXED = `{ kinds: [fine], fine: { amount: [5000, 50000] }, ${CITE} }`;
export const BRANCHES =
  '{ kinds: [fine], branches: [' +
  '{ id: small, when: { all: [{ fact: goodsValue, operator: lessThan, value: 10000 }] }, fine: { amount: [50000, 100000] } }, ' +
  '{ id: large, otherwise: true, fine: { multiple: { of: goodsValue, range: [10, 20] } } }], ' +
  `${CITE} }`;

export const when = (...leaves: string[]): string => `when: { all: [${leaves.join(', ')}] }`;
export const leaf = (fact: string, operator: string, value: string | number | boolean): string =>
  `{ fact: ${fact}, operator: ${operator}, value: ${value} }`;

/** The topic file with one item A-1. */
export function rules(tiers: readonly string[], opts: { statutory?: string; itemExtra?: string; lists?: string } = {}): string {
  return `items:
  - code: A-1
    name: 测试事项
    violates: [{ law: spaqf, article: 34 }]
    penalizedBy: [{ law: spaqf, article: 124 }]
    statutory: ${opts.statutory ?? FIXED}
    tiers:
${tiers.map((t) => `      - ${t}\n`).join('')}${opts.itemExtra ?? ''}${opts.lists ?? ''}`;
}

/** A list entry block (for `lists`), starting on the line after the item. */
export function list(id: string, cites: string, source = '{ document: 测试清单 }'): string {
  return `lists:
  - id: ${id}
    kind: exempt
    basis: minor
    items: [A-1]
    cites: ${cites}
    source: ${source}
`;
}

/** Loads index.yaml + rules.yaml; throws with the diagnostics if the files do not load. */
export function load(indexText: string, rulesText: string, dir = DIR): RuleSet {
  const r = loadRuleSet([
    { path: `${dir}/index.yaml`, text: indexText },
    { path: `${dir}/rules.yaml`, text: rulesText },
  ]);
  if (!r.ruleSet) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return r.ruleSet;
}


/** One table row: rule files, options, and exactly the diagnostics they must yield ([] = must pass clean). */
export interface VerifyCase {
  readonly name: string;
  readonly index?: string;
  readonly rules: string;
  readonly options?: VerifyOptions | ((rs: RuleSet) => VerifyOptions);
  /** `CODE file:line:col`, with text the message must contain. */
  readonly expect: readonly { readonly code: string; readonly at: string; readonly message?: string }[];
}

/** Runs a table of cases (ESLint RuleTester style): codes and positions exactly, messages by substring. */
export function runCases(title: string, cases: readonly VerifyCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        const rs = load(c.index ?? index(), c.rules);
        const options = typeof c.options === 'function' ? c.options(rs) : (c.options ?? {});
        const got = verifyRuleSet(rs, options);
        const keys = got.map((d) => `${d.code} ${d.file.replace(`${DIR}/`, '')}:${d.line}:${d.column}`);
        expect(keys, got.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join('\n')).toEqual(
          c.expect.map((e) => `${e.code} ${e.at}`).sort((a, b) => keys.indexOf(a) - keys.indexOf(b)),
        );
        for (const e of c.expect) {
          const same = got.filter((x) => `${x.code} ${x.file.replace(`${DIR}/`, '')}:${x.line}:${x.column}` === `${e.code} ${e.at}`);
          if (e.message) expect(same.map((d) => d.message).join('\n')).toContain(e.message);
        }
        for (const d of got) {
          expect(d.message).not.toMatch(/\{\w+\}/);
          if (d.hint) expect(d.hint).not.toMatch(/\{\w+\}/);
        }
      });
    }
  });
}
