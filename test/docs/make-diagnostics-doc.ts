// Writes docs/diagnostics.md: every diagnostic code of src/diagnostics/codes.ts
// with an example input, the message cailiang prints for it (produced by
// running the example, not copied by hand) and the fix.
//   npm run docs:diagnostics
// test/docs/diagnostics.test.ts checks that every code is documented.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../../src/cli/cli.js';
import { CODES } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { loadCase } from '../../src/load/loadCase.js';
import { loadRuleSet } from '../../src/load/loadRuleSet.js';
import { formatDiagnosticsText } from '../../src/report/diagnostics.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AS_OF = '2025-06-30';

const INDEX = `id: demo
region: { code: "430000", name: 示例省 }
title: 示例市场监管裁量基准
issuer: 示例省市场监督管理局
version: "2025.1"
effective: { from: 2025-01-01, to: null }
reviewed: 2025-06-01
laws:
  spaqf: { title: 中华人民共和国食品安全法, version: 2021-04-29, articles: 154 }
  xzcff: { title: 中华人民共和国行政处罚法, version: 2021-01-22, articles: 86 }
`;
const CITE = 'cites: [{ law: spaqf, article: 124 }]';
const ITEM = (statutory = '{ kinds: [fine], fine: { amount: [5000, 50000] } }', tiers = `      - { id: light, grade: lighter, share: [0, 0.3], ${CITE} }
      - { id: mid, grade: general, share: [0.3, 0.7], ${CITE} }
      - { id: heavy, grade: heavier, share: [0.7, 1], ${CITE} }`, extra = '') => `facts:
  goodsValue: { type: money, label: 货值金额 }
items:
  - code: SP-124
    name: 经营超过保质期的食品
    violates: [{ law: spaqf, article: 34, item: 10 }]
    penalizedBy: [{ law: spaqf, article: 124, paragraph: 1, item: 5 }]
${extra}    statutory: ${statutory}
    tiers:
${tiers}
`;
const FOOD = ITEM();
const BY_VALUE = (light: string, mid: string) =>
  ITEM(undefined, `      - { id: light, when: { fact: goodsValue, operator: ${light} }, share: [0, 0.5], ${CITE} }
      - { id: heavy, when: { fact: goodsValue, operator: ${mid} }, share: [0.5, 1], ${CITE} }`);
const LIST = (entry: string) => `${FOOD}lists:
  - id: first-offence-5
    kind: exempt
    basis: first-offence
    items: [SP-124]
${entry}`;
const LIST_OK = `    cites: [{ law: xzcff, article: 33, paragraph: 1, sentence: 2 }]
    source: { document: 国市监法〔2025〕10号, entry: 5 }
`;
const CASE = `id: 2025-0001
item: SP-124
party: { kind: organization }
dates: { act: 2025-03-01, discovered: 2025-03-10, decision: 2025-04-01 }
facts: { goodsValue: 300 }
circumstances: [correctedInTime]
`;

type Files = Record<string, string | Uint8Array>;
interface Example {
  readonly code: string;
  /** What is run: `verify` on a rule-set folder, `evaluate` on a case, or a library call. */
  readonly run: 'verify' | 'evaluate' | 'library-case' | 'cli';
  /** Rule-set files (name → text) written to rules/demo/; index.yaml and food.yaml default to the base. */
  readonly files?: Files;
  /** Other rule-set folders (rules/<name>/…). */
  readonly more?: Record<string, Files>;
  readonly case?: string;
  readonly argv?: string[];
  /** The file shown as the example, and how (text, or a description for generated input). */
  readonly show: { file: string; text?: string; note?: string };
  readonly fix: string;
  readonly extraArgs?: string[];
  /** Run verify with --statutes over the excerpt of 食品安全法 in test/data/statute/laws. */
  readonly statutes?: boolean;
  /** Written to cases.ndjson (for `batch`). */
  readonly ndjson?: string;
}

const bytes = (s: string) => new TextEncoder().encode(s);
const billion = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`), 'items: *h'].join('\n') + '\n';

const EXAMPLES: Example[] = [
  // ── files and YAML ───────────────────────────────────────────────────
  { code: 'FILE_TOO_LARGE', run: 'verify', files: { 'food.yaml': '# ' + 'x'.repeat(33 * 1024 * 1024) + '\n' }, show: { file: 'food.yaml', note: 'a 33 MiB file' }, fix: 'Split the rule set into topic files (one per field); every file must stay below 32 MiB. A case file this large is not a case: check what was passed.' },
  { code: 'FILE_NOT_UTF8', run: 'verify', files: { 'food.yaml': Uint8Array.from([...bytes('items:\n  - code: SP-124\n    name: '), 0xbe, 0xad, 0xd3, 0xaa, 0x0a]) }, show: { file: 'food.yaml', note: 'a file saved in GBK: `name: 经营` as the bytes BE AD D3 AA' }, fix: 'Save the file as UTF-8 (in most editors: “Save with encoding → UTF-8”; on the command line `iconv -f GB18030 -t UTF-8 food.yaml > food.utf8.yaml`).' },
  { code: 'FILE_EMPTY', run: 'verify', files: { 'notes.yaml': '# 待补充\n' }, show: { file: 'notes.yaml', text: '# 待补充\n' }, fix: 'Remove the file, or give it content. An empty index.yaml is an error: the rule set has no identity.' },
  { code: 'YAML_SYNTAX', run: 'verify', files: { 'food.yaml': FOOD.replace("kinds: [fine]", 'kinds: [fine') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine, fine: { amount: [5000, 50000] } }\n' }, fix: 'Close the bracket or quote the message points at; check indentation and the `: ` after each key.' },
  { code: 'YAML_TAB_INDENT', run: 'verify', files: { 'food.yaml': FOOD.replace('    name:', '\t\tname:') }, show: { file: 'food.yaml', text: 'items:\n  - code: SP-124\n\t\tname: 经营超过保质期的食品\n' }, fix: 'Indent with spaces only (configure the editor to insert spaces for Tab in YAML files).' },
  { code: 'YAML_DUPLICATE_KEY', run: 'verify', files: { 'food.yaml': FOOD.replace('    name: 经营超过保质期的食品\n', '    name: 经营超过保质期的食品\n    name: 经营过期食品\n') }, show: { file: 'food.yaml', text: '  - code: SP-124\n    name: 经营超过保质期的食品\n    name: 经营过期食品\n' }, fix: 'Keep one of the two keys; when both meant something, one of them is misnamed.' },
  { code: 'YAML_UNKNOWN_TAG', run: 'verify', files: { 'food.yaml': 'items: !!js/function "function () {}"\n' }, show: { file: 'food.yaml', text: 'items: !!js/function "function () {}"\n' }, fix: 'Remove the tag: rule files are plain data (no `!!js/…`, `!include` or custom tags).' },
  { code: 'YAML_ALIAS_LIMIT', run: 'verify', files: { 'food.yaml': billion }, show: { file: 'food.yaml', text: billion.split('\n').slice(0, 3).join('\n') + '\n# … each level ten aliases of the one before\nitems: *h\n' }, fix: 'Write the data out, or use anchors and aliases for a few shared blocks only; expanded, aliases may add at most 100,000 nodes.' },
  { code: 'YAML_TOO_DEEP', run: 'verify', files: { 'food.yaml': 'items: ' + '['.repeat(100) + ']'.repeat(100) + '\n' }, show: { file: 'food.yaml', text: 'items: [[[[[[ … 100 levels … ]]]]]]\n' }, fix: 'Flatten the structure: nothing in a rule file needs more than 64 levels; a condition nested that deep can be written with fewer all/any levels.' },
  { code: 'YAML_MULTIPLE_DOCUMENTS', run: 'verify', files: { 'food.yaml': FOOD + '---\nlists: []\n' }, show: { file: 'food.yaml', text: 'items:\n  - …\n---\nlists: []\n' }, fix: 'One YAML document per file: remove the `---` line, or move the second document into a file of its own.' },
  { code: 'FORBIDDEN_KEY', run: 'verify', files: { 'food.yaml': FOOD + '__proto__: { polluted: true }\n' }, show: { file: 'food.yaml', text: '__proto__: { polluted: true }\n' }, fix: 'Rename or remove the key; `__proto__`, `constructor` and `prototype` are never valid names.' },
  // ── shape ────────────────────────────────────────────────────────────
  { code: 'SCHEMA_REQUIRED', run: 'verify', files: { 'food.yaml': FOOD.replace('    name: 经营超过保质期的食品\n', '') }, show: { file: 'food.yaml', text: '  - code: SP-124\n    violates: [{ law: spaqf, article: 34, item: 10 }]\n' }, fix: 'Add the missing key (here `name:`) to the mapping the message points at.' },
  { code: 'SCHEMA_UNKNOWN_KEY', run: 'verify', files: { 'food.yaml': FOOD.replace('    name: 经营超过保质期的食品\n', '    name: 经营超过保质期的食品\n    nmae: 过期食品\n') }, show: { file: 'food.yaml', text: '    name: 经营超过保质期的食品\n    nmae: 过期食品\n' }, fix: 'Correct the spelling, or remove the key; the JSON Schemas (`cailiang schema`) list every key an editor can complete.' },
  { code: 'SCHEMA_TYPE', run: 'verify', files: { 'food.yaml': FOOD.replace('article: 34,', 'article: 三十四,') }, show: { file: 'food.yaml', text: '    violates: [{ law: spaqf, article: 三十四, item: 10 }]\n' }, fix: 'Write the value with the type the message expects (here the article number as a numeral: `article: 34`).' },
  { code: 'SCHEMA_VALUE', run: 'verify', files: { 'food.yaml': FOOD.replace('grade: general', 'grade: medium') }, show: { file: 'food.yaml', text: '      - { id: mid, grade: medium, share: [0.3, 0.7] }\n' }, fix: 'Use one of the values the message lists (here `lighter`, `general` or `heavier`).' },
  { code: 'INVALID_DATE', run: 'verify', files: { 'index.yaml': INDEX.replace('from: 2025-01-01', 'from: 2025-02-30') }, show: { file: 'index.yaml', text: 'effective: { from: 2025-02-30, to: null }\n' }, fix: 'Write a real calendar date as YYYY-MM-DD, years 1900–2999 (February has 28 or 29 days).' },
  { code: 'INVALID_DURATION', run: 'verify', files: { 'food.yaml': LIST('    lookBack: { window: 2Y }\n' + LIST_OK) }, show: { file: 'food.yaml', text: '    lookBack: { window: 2Y }\n' }, fix: 'Write an ISO 8601 duration: `P2Y` (two years), `P6M`, `P30D`, `PT4H`; duration facts take days and hours only.' },
  { code: 'PERIOD_NOT_IN_DAYS', run: 'verify', files: { 'food.yaml': LIST('    lookBack: { window: PT17520H }\n' + LIST_OK) }, show: { file: 'food.yaml', text: '    lookBack: { window: PT17520H }\n' }, fix: 'Write the window in days, weeks, months or years (`P2Y`, `P730D`): limitation, 首违 and look-back windows run from one calendar day to another, so hours would count as no days at all.' },
  { code: 'PERIOD_EMPTY', run: 'verify', files: { 'index.yaml': INDEX + 'policy:\n  limitation: { general: P0D }\n', 'food.yaml': FOOD }, show: { file: 'index.yaml', text: 'policy:\n  limitation: { general: P0D }\n' }, fix: 'Give the period its length from the law (`P2Y` under 行政处罚法 Art. 36); a window of no length would bar every case or grant every exemption.' },
  { code: 'TEXT_CONTROL_CHARACTER', run: 'evaluate', case: CASE.replace('id: 2025-0001', 'id: "2025-0001\\u001b[2J"'), show: { file: 'case.yaml', text: 'id: "2025-0001\\u001b[2J"      # an escape sequence that clears the screen\n' }, fix: 'Remove the character: ids, versions, names and labels are printed in reports and terminals, where control characters and bidirectional overrides would change what a reader sees.' },
  { code: 'MONEY_NEGATIVE', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { amount: [-100, 50000] } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { amount: [-100, 50000] } }\n' }, fix: 'Amounts are never negative; write the amount in yuan as the statute states it.' },
  { code: 'MONEY_PRECISION', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { amount: [5000.555, 50000] } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { amount: [5000.555, 50000] } }\n' }, fix: 'Money is yuan with at most two decimals (fen); round to the fen.' },
  { code: 'MONEY_TOO_LARGE', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { upTo: 1e13 } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { upTo: 1e13 } }\n' }, fix: 'Check the unit: amounts are yuan (not fen or 万元), at most one trillion.' },
  { code: 'MONEY_PRODUCT_TOO_LARGE', run: 'cli', argv: ['evaluate', '{tmp}/case.yaml', '--rules', '{tmp}/rules/demo'], files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { multiple: { of: goodsValue, range: [100, 200] } } }', `      - { id: light, grade: lighter, share: [0, 0.3], ${CITE} }\n      - { id: mid, grade: general, share: [0.3, 0.7], ${CITE} }\n      - { id: heavy, grade: heavier, share: [0.7, 1], ${CITE} }`) }, case: CASE.replace('goodsValue: 300', 'goodsValue: 500000000000'), show: { file: 'case.yaml', text: 'facts: { goodsValue: 500000000000 }   # the item fines 100 to 200 times goodsValue\n' }, fix: 'Check the amount: amounts are in yuan. Two hundred times 500 billion yuan is past the amounts that can be computed to the fen (2^53 fen), so it is refused rather than rounded.' },
  { code: 'RANGE_INVERTED', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { amount: [50000, 5000] } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { amount: [50000, 5000] } }\n' }, fix: 'Write ranges as [minimum, maximum].' },
  // ── rule-set structure and references ────────────────────────────────
  { code: 'POLICY_CONTRADICTS', run: 'verify', files: { 'index.yaml': INDEX + 'policy:\n  simpleProcedure: { person: 500, organization: 3000 }\n' }, show: { file: 'index.yaml', text: 'policy:\n  simpleProcedure: { person: 500, organization: 3000 }\n' }, fix: 'Keep to the law and to the rule set’s own other values: 当场处罚 goes up to 200 / 3,000 yuan (Art. 51); the extended limitation is not shorter than the general one (Art. 36); the 721 targets add up to 1; a rule set ends after it starts; a clause with a fine lists `fine` among its kinds.' },
  { code: 'RULESET_EMPTY', run: 'cli', argv: ['verify', '{tmp}/rules/empty'], more: { empty: { 'README.txt': 'no rules here\n' } }, show: { file: 'rules/empty/', note: 'a folder without *.yaml files' }, fix: 'Point at the folder that holds the rule files (index.yaml and topic files).' },
  { code: 'RULESET_NO_INDEX', run: 'verify', files: { 'index.yaml': '' }, show: { file: 'rules/demo/', note: 'a folder with food.yaml but no index.yaml' }, fix: 'Add index.yaml with id, region, title, issuer, version, effective and laws.' },
  { code: 'RULESET_MISPLACED_KEY', run: 'verify', files: { 'food.yaml': 'version: "2025.2"\n' + FOOD }, show: { file: 'food.yaml', text: 'version: "2025.2"\nfacts:\n  …\n' }, fix: 'Move the key to index.yaml: identity, validity, laws and policy live there only.' },
  { code: 'DUPLICATE_ITEM', run: 'verify', files: { 'more.yaml': FOOD.replace(/^facts:\n.*\n/, '') }, show: { file: 'more.yaml', text: 'items:\n  - code: SP-124\n    …\n' }, fix: 'Give each item its own stable code, or remove the copy (the message names where the first one is).' },
  { code: 'DUPLICATE_LIST_ENTRY', run: 'verify', files: { 'food.yaml': LIST(LIST_OK) + `  - id: first-offence-5\n    kind: lighter\n    items: [SP-124]\n${LIST_OK}` }, show: { file: 'food.yaml', text: 'lists:\n  - id: first-offence-5\n    …\n  - id: first-offence-5\n    kind: lighter\n' }, fix: 'Give each list entry its own id.' },
  { code: 'DUPLICATE_ID', run: 'verify', files: { 'food.yaml': ITEM('{ branches: [{ id: small, when: { fact: goodsValue, operator: lessThan, value: 10000 }, kinds: [fine], fine: { amount: [5000, 50000] } }, { id: small, otherwise: true, kinds: [fine], fine: { multiple: { of: goodsValue, range: [5, 10] } } }] }') }, show: { file: 'food.yaml', text: '    statutory: { branches: [{ id: small, … }, { id: small, otherwise: true, … }] }\n' }, fix: 'Branch, tier and circumstance ids must be unique where the message says; rename one.' },
  { code: 'DUPLICATE_FACT', run: 'verify', files: { 'food.yaml': FOOD.replace('    statutory:', '    facts: { goodsValue: count }\n    statutory:') }, show: { file: 'food.yaml', text: 'facts:\n  goodsValue: { type: money, label: 货值金额 }\nitems:\n  - code: SP-124\n    facts: { goodsValue: count }\n' }, fix: 'Declare each fact once with one type; an item may repeat a rule-set fact only with the same type.' },
  { code: 'UNKNOWN_ITEM', run: 'verify', files: { 'food.yaml': LIST(LIST_OK).replace('items: [SP-124]', 'items: [SP-125]') }, show: { file: 'food.yaml', text: '  - id: first-offence-5\n    kind: exempt\n    items: [SP-125]\n' }, fix: 'Name an item code the rule set declares (cases: one the rule set has).' },
  { code: 'UNKNOWN_LAW', run: 'verify', files: { 'food.yaml': FOOD.replace('penalizedBy: [{ law: spaqf', 'penalizedBy: [{ law: cpzlf') }, show: { file: 'food.yaml', text: '    penalizedBy: [{ law: cpzlf, article: 124, paragraph: 1, item: 5 }]\n' }, fix: 'Declare the law under `laws:` in index.yaml, or use the key it is declared with.' },
  { code: 'ARTICLE_OUT_OF_RANGE', run: 'verify', files: { 'food.yaml': FOOD.replace('article: 124, paragraph', 'article: 224, paragraph') }, show: { file: 'food.yaml', text: '    penalizedBy: [{ law: spaqf, article: 224, paragraph: 1, item: 5 }]\n' }, fix: 'Check the article number against the text of the law (`articles:` in index.yaml says how many it has).' },
  { code: 'UNKNOWN_FACT', run: 'verify', files: { 'food.yaml': BY_VALUE('lessThan, value: 10000', 'greaterThanInclusive, value: 10000').replace('fact: goodsValue, operator: lessThan', 'fact: goodValue, operator: lessThan') }, show: { file: 'food.yaml', text: '      - { id: light, when: { fact: goodValue, operator: lessThan, value: 10000 }, … }\n' }, fix: 'Declare the fact under `facts:` (rule set or item) with its type, or correct the name (the hint suggests the nearest one).' },
  { code: 'UNKNOWN_OPERATOR', run: 'verify', files: { 'food.yaml': BY_VALUE('between, value: 10000', 'greaterThanInclusive, value: 10000') }, show: { file: 'food.yaml', text: '      - { id: light, when: { fact: goodsValue, operator: between, value: 10000 }, … }\n' }, fix: 'Use one of equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn.' },
  { code: 'OPERATOR_TYPE_MISMATCH', run: 'verify', files: { 'food.yaml': BY_VALUE('lessThan, value: 10000', 'greaterThanInclusive, value: 10000').replace('fact: goodsValue, operator: lessThan, value: 10000', 'fact: correctedInTime, operator: lessThan, value: true') }, show: { file: 'food.yaml', text: '      - { id: light, when: { fact: correctedInTime, operator: lessThan, value: true }, … }\n' }, fix: 'Booleans take equal / notEqual, enums also in / notIn; ordering operators are for numbers, money, dates and durations.' },
  { code: 'FACT_TYPE_MISMATCH', run: 'verify', files: { 'food.yaml': BY_VALUE('lessThan, value: 一万', 'greaterThanInclusive, value: 10000') }, show: { file: 'food.yaml', text: '      - { id: light, when: { fact: goodsValue, operator: lessThan, value: 一万 }, … }\n' }, fix: 'Write the value with the fact’s type: money in yuan as a number (`10000`), dates as YYYY-MM-DD, enums as one of the declared values.' },
  { code: 'CONDITION_INVALID', run: 'verify', files: { 'food.yaml': BY_VALUE('lessThan, value: 10000', 'greaterThanInclusive, value: 10000').replace('when: { fact: goodsValue, operator: lessThan, value: 10000 }', 'when: { all: [] }') }, show: { file: 'food.yaml', text: '      - { id: light, when: { all: [] }, … }\n' }, fix: 'A condition is `all: [...]`, `any: [...]` (non-empty), `not: {...}`, or a leaf `{ fact, operator, value }`, nothing beside them.' },
  { code: 'CONDITION_PATH', run: 'verify', files: { 'food.yaml': BY_VALUE('lessThan, value: 10000', 'greaterThanInclusive, value: 10000').replace('fact: goodsValue, operator: lessThan', 'fact: goodsValue, path: "$.amount", operator: lessThan') }, show: { file: 'food.yaml', text: '      - { id: light, when: { fact: goodsValue, path: "$.amount", operator: lessThan, value: 10000 }, … }\n' }, fix: 'Declare the value as a fact of its own and compare it directly; JSONPath `path` is not allowed.' },
  { code: 'UNKNOWN_CIRCUMSTANCE', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fineOnlyIf: refused, fine: { upTo: 2000 } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fineOnlyIf: refused, fine: { upTo: 2000 } }\n' }, fix: 'Use a built-in circumstance (e.g. `refusedToCorrect`) or declare it under `circumstances:`; in a case, list only circumstances the rule set knows.' },
  { code: 'UNKNOWN_BRANCH', run: 'verify', files: { 'food.yaml': FOOD.replace('{ id: light, grade: lighter,', '{ id: light, grade: lighter, branch: small,') }, show: { file: 'food.yaml', text: '      - { id: light, grade: lighter, branch: small, … }\n' }, fix: 'Name a branch id of the item’s `statutory.branches`, or remove `branch:` when the item has no branches.' },
  { code: 'UNKNOWN_TIER', run: 'verify', files: { 'food.yaml': FOOD.replace('    statutory:', '    fallback: medium\n    statutory:') }, show: { file: 'food.yaml', text: '    fallback: medium\n' }, fix: 'Name a tier id of the same item.' },
  { code: 'FACT_NOT_COUNT', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { perUnit: { of: goodsValue, range: [200, 500] } } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { perUnit: { of: goodsValue, range: [200, 500] } } }\n' }, fix: 'A fine per unit (每平方米…元) counts a count or number fact: declare one, e.g. area: { type: number, unit: 平方米, label: 占用面积 }.' },
  { code: 'FACT_NOT_MONEY', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { multiple: { of: days, range: [1, 3] } } }', undefined, '    facts: { days: count }\n') }, show: { file: 'food.yaml', text: '    facts: { days: count }\n    statutory: { kinds: [fine], fine: { multiple: { of: days, range: [1, 3] } } }\n' }, fix: 'Multiples (倍) apply to money facts such as goodsValue or illegalGains.' },
  // ── semantic checks (cailiang verify) ────────────────────────────────
  { code: 'TIER_OVERLAP', run: 'verify', files: { 'food.yaml': BY_VALUE('lessThanInclusive, value: 10000', 'greaterThanInclusive, value: 10000') }, show: { file: 'food.yaml', text: '      - { id: light, when: { fact: goodsValue, operator: lessThanInclusive, value: 10000 }, … }\n      - { id: heavy, when: { fact: goodsValue, operator: greaterThanInclusive, value: 10000 }, … }\n' }, fix: 'Make the bounds meet without overlapping (`lessThan 10000` / `greaterThanInclusive 10000`), or give the item `hitPolicy: priority`.' },
  { code: 'TIER_GAP', run: 'verify', files: { 'food.yaml': BY_VALUE('lessThan, value: 10000', 'greaterThan, value: 10000') }, show: { file: 'food.yaml', text: '      - { id: light, when: { fact: goodsValue, operator: lessThan, value: 10000 }, … }\n      - { id: heavy, when: { fact: goodsValue, operator: greaterThan, value: 10000 }, … }\n' }, fix: 'Close the gap the message shows (here 10,000 yuan itself), or name a `fallback:` tier when the gap is deliberate.' },
  { code: 'TIER_MASKED', run: 'verify', files: { 'food.yaml': BY_VALUE('greaterThanInclusive, value: 0', 'greaterThanInclusive, value: 10000').replace('    statutory:', '    hitPolicy: priority\n    statutory:') }, show: { file: 'food.yaml', text: '    hitPolicy: priority\n    tiers:\n      - { id: light, when: { fact: goodsValue, operator: greaterThanInclusive, value: 0 }, … }\n      - { id: heavy, when: { fact: goodsValue, operator: greaterThanInclusive, value: 10000 }, … }\n' }, fix: 'Under `priority` the first matching tier wins: put the narrower tier first, or narrow the one above it.' },
  { code: 'TIER_UNREACHABLE', run: 'verify', files: { 'food.yaml': ITEM(undefined, `      - { id: light, when: { all: [{ fact: goodsValue, operator: lessThan, value: 100 }, { fact: goodsValue, operator: greaterThan, value: 200 }] }, share: [0, 0.5], ${CITE} }
      - { id: heavy, when: { fact: goodsValue, operator: greaterThanInclusive, value: 0 }, share: [0.5, 1], ${CITE} }`) }, show: { file: 'food.yaml', text: '      - { id: light, when: { all: [{ fact: goodsValue, operator: lessThan, value: 100 }, { fact: goodsValue, operator: greaterThan, value: 200 }] }, … }\n' }, fix: 'The condition can never hold (or the tier refines a branch that never applies): correct the bounds, or remove the tier.' },
  { code: 'TIER_GRADE_MISSING', run: 'verify', files: { 'food.yaml': ITEM(undefined, `      - { id: light, grade: lighter, share: [0, 0.3], ${CITE} }\n      - { id: mid, grade: general, share: [0.3, 0.7], ${CITE} }`) }, show: { file: 'food.yaml', text: '    tiers:\n      - { id: light, grade: lighter, share: [0, 0.3] }\n      - { id: mid, grade: general, share: [0.3, 0.7] }\n' }, fix: 'Give each grade (lighter, general, heavier) a tier when tiers are chosen by grade.' },
  { code: 'TIER_GRADE_DUPLICATE', run: 'verify', files: { 'food.yaml': FOOD.replace('{ id: heavy, grade: heavier', '{ id: heavy, grade: general') }, show: { file: 'food.yaml', text: '      - { id: mid, grade: general, share: [0.3, 0.7] }\n      - { id: heavy, grade: general, share: [0.7, 1] }\n' }, fix: 'One tier per grade (and branch); only the first of two is ever used.' },
  { code: 'CONDITION_TOO_COMPLEX', run: 'verify', files: { 'food.yaml': ITEM(undefined, `      - { id: light, when: { all: [${Array.from({ length: 12 }, (_, i) => `{ any: [{ fact: f${i}, operator: lessThan, value: 10 }, { fact: f${i}, operator: greaterThan, value: 20 }] }`).join(', ')}] }, share: [0, 0.5], ${CITE} }
      - { id: heavy, when: { fact: goodsValue, operator: greaterThanInclusive, value: 0 }, share: [0.5, 1], ${CITE} }`, `    facts: { ${Array.from({ length: 12 }, (_, i) => `f${i}: number`).join(', ')} }\n`) }, show: { file: 'food.yaml', text: '      - id: light\n        when: { all: [{ any: [{ fact: f0, operator: lessThan, value: 10 }, { fact: f0, operator: greaterThan, value: 20 }] }, … the same for f1 … f11] }   # 2^12 combinations\n' }, fix: 'Write the condition as several simpler tiers (fewer nested any / not), or keep the finding with an `ignore:` entry and its reason.' },
  { code: 'TIER_OUTSIDE_STATUTORY', run: 'verify', files: { 'food.yaml': FOOD.replace('{ id: heavy, grade: heavier, share: [0.7, 1]', '{ id: heavy, grade: heavier, amount: [40000, 60000]') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { amount: [5000, 50000] } }\n    tiers:\n      - { id: heavy, grade: heavier, amount: [40000, 60000] }\n' }, fix: 'Keep every tier inside the statutory range (行政处罚法 Art. 76): here at most 50,000 yuan.' },
  { code: 'TIER_RANGE_KIND', run: 'verify', files: { 'food.yaml': FOOD.replace('{ id: heavy, grade: heavier, share: [0.7, 1]', '{ id: heavy, grade: heavier, multiple: [2, 3]') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { amount: [5000, 50000] } }\n    tiers:\n      - { id: heavy, grade: heavier, multiple: [2, 3] }\n' }, fix: 'Use `share:` or `amount:` for a fixed statutory range; `multiple:` only where the statute fines in multiples of a base amount.' },
  { code: 'TIER_KIND_NOT_STATUTORY', run: 'verify', files: { 'food.yaml': FOOD.replace('{ id: heavy, grade: heavier, share: [0.7, 1]', '{ id: heavy, grade: heavier, share: [0.7, 1], kinds: [fine, revokeLicence]') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], … }\n      - { id: heavy, grade: heavier, share: [0.7, 1], kinds: [fine, revokeLicence] }\n' }, fix: 'A tier may only use kinds of penalty the statutory clause provides (Art. 76): remove the kind, or correct the clause.' },
  { code: 'TIER_SHARE_ORDER', run: 'verify', files: { 'food.yaml': FOOD.replace('{ id: heavy, grade: heavier, share: [0.7, 1]', '{ id: heavy, grade: heavier, share: [0.2, 0.6]') }, show: { file: 'food.yaml', text: '      - { id: mid, grade: general, share: [0.3, 0.7] }\n      - { id: heavy, grade: heavier, share: [0.2, 0.6] }\n' }, fix: 'Shares rise with the grade at both ends: e.g. [0, 0.3], [0.3, 0.7], [0.7, 1].' },
  { code: 'TIER_GRADE_INVERTED', run: 'verify', files: { 'food.yaml': FOOD.replace('{ id: light, grade: lighter, share: [0, 0.3]', '{ id: light, grade: lighter, amount: [30000, 50000]').replace('{ id: heavy, grade: heavier, share: [0.7, 1]', '{ id: heavy, grade: heavier, amount: [5000, 20000]') }, show: { file: 'food.yaml', text: '      - { id: light, grade: lighter, amount: [30000, 50000] }\n      - { id: heavy, grade: heavier, amount: [5000, 20000] }\n' }, fix: 'A lighter tier must start and end no higher than a heavier one: check the bounds, or the grades.' },
  { code: 'FINE_RANGE_TOO_WIDE', run: 'verify', files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { amount: [100, 50000] } }', `      - { id: light, grade: lighter, amount: [100, 5000], ${CITE} }\n      - { id: mid, grade: general, amount: [5000, 20000], ${CITE} }\n      - { id: heavy, grade: heavier, amount: [20000, 50000], ${CITE} }`) }, show: { file: 'food.yaml', text: '      - { id: light, grade: lighter, amount: [100, 5000] }\n' }, fix: 'Narrow the tier, or split it by facts; when the statute leaves no choice, keep the finding with an `ignore:` entry and its reason.' },
  { code: 'REDUCED_FLOOR_NOT_BELOW_MINIMUM', run: 'verify', files: { 'index.yaml': INDEX + 'policy: { reducedFloor: 8000 }\n' }, show: { file: 'index.yaml', text: 'policy: { reducedFloor: 8000 }   # the statutory minimum of SP-124 is 5,000 yuan\n' }, fix: '减轻 goes below the statutory minimum (Art. 32): lower `reducedFloor`, set it to null, or keep the item with an `ignore:` entry.' },
  { code: 'PARENT_UNKNOWN', run: 'verify', files: { 'index.yaml': INDEX.replace('reviewed: 2025-06-01\n', 'reviewed: 2025-06-01\nextends: cn-xx-province\n') }, show: { file: 'index.yaml', text: 'extends: cn-xx-province\n' }, fix: 'Verify the parent together with the child (`cailiang verify rules/`), or correct the id.' },
  { code: 'PARENT_CYCLE', run: 'cli', argv: ['verify', '{tmp}/rules', '--as-of', AS_OF], more: { a: { 'index.yaml': INDEX.replace('id: demo', 'id: city-a').replace('reviewed: 2025-06-01\n', 'reviewed: 2025-06-01\nextends: city-b\n'), 'food.yaml': FOOD }, b: { 'index.yaml': INDEX.replace('id: demo', 'id: city-b').replace('reviewed: 2025-06-01\n', 'reviewed: 2025-06-01\nextends: city-a\n'), 'food.yaml': FOOD } }, show: { file: 'rules/a/index.yaml', text: 'id: city-a\nextends: city-b        # and rules/b/index.yaml: id: city-b, extends: city-a\n' }, fix: 'A city extends its province, a province the national benchmark: remove one of the `extends:`.' },
  { code: 'PARENT_TIER_EXCEEDED', run: 'cli', argv: ['verify', '{tmp}/rules', '--as-of', AS_OF], more: { province: { 'index.yaml': INDEX.replace('id: demo', 'id: province'), 'food.yaml': FOOD }, city: { 'index.yaml': INDEX.replace('id: demo', 'id: city').replace('reviewed: 2025-06-01\n', 'reviewed: 2025-06-01\nextends: province\n'), 'food.yaml': FOOD.replace('{ id: light, grade: lighter, share: [0, 0.3]', '{ id: light, grade: lighter, share: [0, 0.5]') } }, show: { file: 'rules/city/food.yaml', text: '      - { id: light, grade: lighter, share: [0, 0.5] }   # the province: [0, 0.3]\n' }, fix: 'A lower level may refine the upper level’s tiers, not exceed them (国办发〔2022〕27号): keep the tier within the parent’s.' },
  { code: 'TIER_NO_CITATION', run: 'verify', files: { 'food.yaml': FOOD.replace(`{ id: mid, grade: general, share: [0.3, 0.7], ${CITE} }`, '{ id: mid, grade: general, share: [0.3, 0.7] }') }, show: { file: 'food.yaml', text: '      - { id: mid, grade: general, share: [0.3, 0.7] }\n' }, fix: 'Add `cites: [{ law: <key>, article: <n> }]` naming the provision the tier applies.' },
  { code: 'LIST_NO_XZCFF_CITATION', run: 'verify', files: { 'food.yaml': LIST(LIST_OK.replace('law: xzcff, article: 33, paragraph: 1, sentence: 2', 'law: spaqf, article: 124')) }, show: { file: 'food.yaml', text: '  - id: first-offence-5\n    kind: exempt\n    cites: [{ law: spaqf, article: 124 }]\n' }, fix: 'Cite the article of 行政处罚法 the entry rests on: Art. 33(1) for 不予处罚, Art. 32 for 从轻 / 减轻.' },
  { code: 'RULESET_EXPIRED', run: 'verify', files: { 'index.yaml': INDEX.replace('effective: { from: 2025-01-01, to: null }', 'effective: { from: 2023-01-01, to: 2024-12-31 }').replace('reviewed: 2025-06-01', 'reviewed: 2024-06-01') }, show: { file: 'index.yaml', text: 'effective: { from: 2023-01-01, to: 2024-12-31 }\n' }, fix: 'Add the version now in force, or extend `effective.to` when the issuer has extended it.' },
  { code: 'RULESET_STALE', run: 'verify', files: { 'index.yaml': INDEX.replace('reviewed: 2025-06-01', 'reviewed: 2022-06-01') }, show: { file: 'index.yaml', text: 'reviewed: 2022-06-01\n' }, fix: 'Check the rule set against the laws and documents now in force, then update `reviewed:` (`policy.staleAfter` sets the period, default two years).' },
  { code: 'LIST_SOURCE_EXPIRED', run: 'verify', files: { 'food.yaml': LIST(LIST_OK.replace('entry: 5 }', 'entry: 5, validUntil: 2025-03-31 }')) }, show: { file: 'food.yaml', text: '    source: { document: 国市监法〔2025〕10号, entry: 5, validUntil: 2025-03-31 }\n' }, fix: 'Replace the entry with the list now in force, or remove it.' },
  { code: 'TIER_NOT_EXERCISED', run: 'verify', extraArgs: ['--fixtures', '{tmp}/fixtures'], files: {}, show: { file: 'food.yaml', note: 'verify --fixtures fixtures/, where no fixture lands in tier heavy' }, fix: 'Add a fixture whose case lands in the tier (cailiang test shows the tier each fixture reaches).' },
  { code: 'LIST_ENTRY_NOT_EXERCISED', run: 'verify', extraArgs: ['--fixtures', '{tmp}/fixtures'], files: { 'food.yaml': LIST(LIST_OK) }, show: { file: 'food.yaml', note: 'verify --fixtures fixtures/, where no fixture meets list entry first-offence-5' }, fix: 'Add a fixture whose case meets the entry’s conditions.' },
  { code: 'IGNORE_UNKNOWN_CODE', run: 'verify', files: { 'index.yaml': INDEX + 'ignore:\n  - { code: TIER_TOO_WIDE, reason: 法定幅度本身较宽 }\n' }, show: { file: 'index.yaml', text: 'ignore:\n  - { code: TIER_TOO_WIDE, reason: 法定幅度本身较宽 }\n' }, fix: 'Name the code of a semantic check (the hint lists them), e.g. FINE_RANGE_TOO_WIDE.' },
  // ── cases ────────────────────────────────────────────────────────────
  { code: 'CASE_DATE_ORDER', run: 'evaluate', case: CASE.replace('discovered: 2025-03-10', 'discovered: 2025-02-10'), show: { file: 'case.yaml', text: 'dates: { act: 2025-03-01, discovered: 2025-02-10, decision: 2025-04-01 }\n' }, fix: 'Dates follow the law’s order: act ≤ actEnd ≤ discovered ≤ decision; correct the one that is wrong.' },
  { code: 'CASE_HISTORY_DATE', run: 'evaluate', case: CASE + 'history: [{ item: SP-124, date: 2025-05-01 }]\n', show: { file: 'case.yaml', text: 'dates: { act: 2025-03-01, discovered: 2025-03-10, decision: 2025-04-01 }\nhistory: [{ item: SP-124, date: 2025-05-01 }]\n' }, fix: 'History lists the violations before this act; a later date is usually a typo (the year). An entry that cannot count would otherwise be passed over and 首违不罚 granted.' },
  { code: 'CASE_AGE_MISMATCH', run: 'evaluate', case: CASE.replace('party: { kind: organization }', 'party: { kind: person, age: 14, birthDate: 2011-03-01 }'), show: { file: 'case.yaml', text: 'party: { kind: person, age: 14, birthDate: 2011-03-01 }\ndates: { act: 2025-03-01, … }   # the 14th birthday: still 13\n' }, fix: 'A person reaches an age on the day after the birthday (so on the 14th birthday still 不满十四周岁). Give only the birth date, or correct the age.' },
  { code: 'CASE_FACTS_CONTRADICT', run: 'evaluate', case: CASE.replace('circumstances: [correctedInTime]', 'circumstances: [correctedInTime, harmNone, harmSerious]'), show: { file: 'case.yaml', text: 'circumstances: [correctedInTime, harmNone, harmSerious]\n' }, fix: 'Check the file and remove the side that is wrong (here: was there harm, and how serious?). Until then the outcome is `undetermined` with reason `contradiction`, and `audit` reports the decided case as FACTS_CONTRADICT instead of comparing it. A rule set declares its own exclusions under `exclusions:`.' },
  { code: 'CASE_RULESET_MISMATCH', run: 'library-case', case: CASE.replace('item: SP-124', 'ruleSet: cn-samr-food\nitem: SP-124'), show: { file: 'case.yaml', text: 'ruleSet: cn-samr-food\nitem: SP-124\n' }, fix: 'Pass the rule set the case names, or remove `ruleSet:` (loadCase with another rule set; the CLI picks the rule set by `ruleSet:` itself).' },
  { code: 'CASE_BENCHMARK_FACT_IGNORED', run: 'cli', argv: ['evaluate', '{tmp}/case.yaml', '--rules', '{tmp}/rules'], more: { demo: { 'index.yaml': INDEX.replace('reviewed: 2025-06-01\n', 'reviewed: 2025-06-01\nextends: national\n'), 'food.yaml': FOOD.replace('facts:\n', 'facts:\n  stage: { type: enum, values: [sale, catering] }\n') }, national: { 'index.yaml': INDEX.replace('id: demo', 'id: national').replace('from: 2025-01-01', 'from: 2021-04-29').replace('reviewed: 2025-06-01\n', 'reviewed: 2025-06-01\nlayer: statutory\n'), 'food.yaml': FOOD } }, case: CASE.replace('act: 2025-03-01', 'act: 2024-03-01').replace('discovered: 2025-03-10', 'discovered: 2024-03-10').replace('facts: { goodsValue: 300 }', 'facts: { goodsValue: 300, stage: sale }'), show: { file: 'case.yaml', text: 'dates: { act: 2024-03-01, … }   # the benchmark demo (extends: national) is in force from 2025-01-01\nfacts: { goodsValue: 300, stage: sale }   # stage: declared by demo only\n' }, fix: 'Nothing to correct in the case: an act before the benchmark’s first version is judged by the statutory layer it extends, which leaves out the facts and circumstances only the benchmark declares (a value the benchmark would refuse is still an error). They count again for an act under a version of the benchmark.' },
  { code: 'CASE_NO_VERSION', run: 'evaluate', case: CASE.replace('act: 2025-03-01', 'act: 2024-03-01').replace('discovered: 2025-03-10', 'discovered: 2024-03-10'), show: { file: 'case.yaml', text: 'dates: { act: 2024-03-01, … }   # the rule set is in force from 2025-01-01\n' }, fix: 'Check the act date, or add the version of the rule set in force on it. Until then the case is judged on the statute alone (`statuteOnly: true`): the statutory range and the statutory grounds of Arts. 30–33 and 36, no tier, no list, no recommended amount, warning NO_BENCHMARK.' },
  { code: 'CASE_NO_RULESET', run: 'evaluate', case: CASE.replace('item: SP-124', 'item: SP-125'), show: { file: 'case.yaml', text: 'item: SP-125\n' }, fix: 'Name the rule set with `ruleSet:` in the case, correct the item code, or pass the right `--rules` folder.' },
  { code: 'CATALOG_OVERLAP', run: 'cli', argv: ['evaluate', '{tmp}/case.yaml', '--rules', '{tmp}/rules'], case: CASE, more: { 'demo-2025': { 'index.yaml': INDEX, 'food.yaml': FOOD }, 'demo-2025b': { 'index.yaml': INDEX.replace('version: "2025.1"', 'version: "2025.2"').replace('from: 2025-01-01', 'from: 2025-06-01'), 'food.yaml': FOOD } }, show: { file: 'rules/demo-2025b/index.yaml', text: 'version: "2025.2"\neffective: { from: 2025-06-01, to: null }   # 2025.1 has to: null\n' }, fix: 'End the earlier version the day before the later one starts (`effective.to`): a case must have exactly one version.' },
  { code: 'CASE_FACT_NOT_FOR_ITEM', run: 'evaluate', case: CASE, show: { file: 'case.yaml', note: 'not emitted by this version of cailiang: a case fact the rule set does not declare for the case’s items is UNKNOWN_FACT' }, fix: 'Check the item code; remove facts the item does not use.' },
  // ── against the statute (verify --statutes) ─────────────────────────
  { code: 'STATUTE_LAW_NOT_FOUND', run: 'verify', statutes: true, files: { 'index.yaml': INDEX.replace('version: 2021-04-29', 'version: 2018-12-29') }, show: { file: 'index.yaml', text: 'laws:\n  spaqf: { title: 中华人民共和国食品安全法, version: 2018-12-29 }   # the collection holds the 2021-04-29 text\n' }, fix: 'Cite the version date of a text the collection holds (the date of its last amendment, or the date in its file name), or add the text.' },
  { code: 'STATUTE_ARTICLE_MISSING', run: 'verify', statutes: true, files: { 'food.yaml': FOOD.replace('article: 124, paragraph: 1, item: 5', 'article: 124, paragraph: 4, item: 5') }, show: { file: 'food.yaml', text: '    penalizedBy: [{ law: spaqf, article: 124, paragraph: 4, item: 5 }]   # Art. 124 has three paragraphs\n' }, fix: 'Correct the article, paragraph (款) or item (项) number against the text of the version cited.' },
  { code: 'STATUTE_NO_PENALTY', run: 'verify', statutes: true, files: { 'food.yaml': FOOD.replace('penalizedBy: [{ law: spaqf, article: 124, paragraph: 1, item: 5 }]', 'penalizedBy: [{ law: spaqf, article: 34 }]') }, show: { file: 'food.yaml', text: '    penalizedBy: [{ law: spaqf, article: 34 }]   # Art. 34 forbids; Art. 124 penalises\n' }, fix: 'Cite the paragraph of the 法律责任 chapter that sets the penalty as `penalizedBy`; the prohibition goes under `violates`.' },
  { code: 'STATUTE_UNREAD', run: 'verify', statutes: true, files: { 'food.yaml': FOOD.replace('penalizedBy: [{ law: spaqf, article: 124, paragraph: 1, item: 5 }]', 'penalizedBy: [{ law: spaqf, article: 123, paragraph: 3 }]') }, show: { file: 'food.yaml', text: '    penalizedBy: [{ law: spaqf, article: 123, paragraph: 3 }]   # 可以由公安机关依照第一款规定给予拘留\n' }, fix: 'Check the statutory model by hand against the paragraph (`cailiang statute show <law> --article <n>` shows what could not be read).' },
  { code: 'STATUTE_RANGE_MISMATCH', run: 'verify', statutes: true, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { amount: [5000, 50000] } }   # Art. 124(1): 五万元以上十万元以下\n' }, fix: 'Copy the range from the text (以上 and 以下 both include the figure); `cailiang statute show` prints it.' },
  { code: 'STATUTE_MULTIPLE_MISMATCH', run: 'verify', statutes: true, files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { multiple: { of: goodsValue, range: [5, 10] } } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { multiple: { of: goodsValue, range: [5, 10] } } }   # 十倍以上二十倍以下\n' }, fix: 'Copy the multiples from the text.' },
  { code: 'STATUTE_BASE_MISMATCH', run: 'verify', statutes: true, files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { multiple: { of: illegalGains, range: [10, 20] } } }').replace('facts:\n', 'facts:\n  illegalGains: { type: money, label: 违法所得 }\n') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { multiple: { of: illegalGains, range: [10, 20] } } }   # 货值金额十倍以上二十倍以下\n' }, fix: 'Name the fact the text takes the multiple of: 货值金额 is goodsValue, 违法所得 illegalGains.' },
  { code: 'STATUTE_KIND_EXTRA', run: 'verify', statutes: true, files: { 'food.yaml': ITEM('{ kinds: [fine, detention], fine: { amount: [50000, 100000] } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine, detention], fine: { amount: [50000, 100000] } }\n' }, fix: 'List under `kinds` only what the paragraph imposes.' },
  { code: 'STATUTE_KIND_MISSING', run: 'verify', statutes: true, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], … }   # Art. 124(1) also confiscates, and revokes the licence when serious\n' }, fix: 'Add the kind (in the branch where the text sets it), or keep it out on purpose with an `ignore:` entry giving the reason.' },
  { code: 'STATUTE_FINE_MISSING', run: 'verify', statutes: true, files: { 'food.yaml': ITEM('{ kinds: [fine], fine: { amount: [50000, 100000] } }') }, show: { file: 'food.yaml', text: '    statutory: { kinds: [fine], fine: { amount: [50000, 100000] } }   # no branch for 货值金额一万元以上 (十倍以上二十倍以下)\n' }, fix: 'Add the branch the text sets (货值金额一万元以上, 情节严重 …), or record under `ignore:` why it is left out.' },
  // ── files on disk ────────────────────────────────────────────────────
  { code: 'NDJSON_LINE_TOO_LONG', run: 'cli', argv: ['batch', '{tmp}/cases.ndjson', '--rules', '{tmp}/rules/demo'], ndjson: `{"id":"a","note":"${'x'.repeat(300_000)}"}\n`, show: { file: 'cases.ndjson', note: 'a line of 300,000 bytes, above the 256 KiB a case may have' }, fix: 'Write one case per line; a line that long is usually two files joined or a missing line end. The other lines are evaluated as usual.' },
  { code: 'IO_LINK_OUTSIDE', run: 'cli', argv: ['verify', '{tmp}/rules/demo'], files: {}, show: { file: 'rules/demo/passwd.yaml', note: 'a symbolic link to /etc/passwd inside the rule-set folder' }, fix: 'Copy the file into the rule-set folder, or link to a file inside it. A link leading out of the folder is not read, so nothing outside it can be echoed in a diagnostic.' },
  { code: 'RULESET_DIR_SKIPPED', run: 'cli', argv: ['verify', '{tmp}/rules', '--as-of', AS_OF], more: { demo: { 'index.yaml': INDEX, 'food.yaml': FOOD }, '.old': { 'index.yaml': INDEX.replace('id: demo', 'id: demo-old'), 'food.yaml': FOOD } }, show: { file: 'rules/.old/', note: 'a hidden folder holding a rule set, next to rules/demo/' }, fix: 'Nothing to fix if the folder is left out on purpose. Folders that are symbolic links, hidden, node_modules or more than three levels down are not read; give such a folder on the command line to read it.' },
  { code: 'IO_NOT_FOUND', run: 'cli', argv: ['verify', '{tmp}/rules/demo-x'], show: { file: 'rules/demo-x', note: 'cailiang verify rules/demo-x, a folder that does not exist' }, fix: 'Check the path (relative to the current folder).' },
  { code: 'IO_NOT_DIRECTORY', run: 'cli', argv: ['verify', '{tmp}/rules/demo/index.yaml'], show: { file: 'rules/demo/index.yaml', note: 'cailiang verify rules/demo/index.yaml' }, fix: 'Pass the folder that holds index.yaml, not the file.' },
  { code: 'IO_READ_FAILED', run: 'cli', argv: ['evaluate', '{tmp}/rules', '--rules', '{tmp}/rules/demo'], show: { file: 'rules', note: 'cailiang evaluate rules/ --rules rules/demo — a folder where a case file is expected' }, fix: 'Pass a readable regular file (not a folder, device or pipe); check permissions.' },
];

// ── running the examples ────────────────────────────────────────────────

interface Shown {
  readonly text?: string;
  readonly missing?: string;
}

function pickBlock(output: string, code: string): string | undefined {
  const lines = output.split('\n');
  const i = lines.findIndex((l) => new RegExp(`\\s${code}\\s`).test(l));
  if (i < 0) return undefined;
  const out = [lines[i]!];
  for (let j = i + 1; j < lines.length && /^\s{4}\S/.test(lines[j]!); j++) out.push(lines[j]!);
  return out.join('\n');
}

async function runCli(argv: string[]): Promise<string> {
  let text = '';
  await cli(argv, { stdout: (s) => void (text += s), stderr: (s) => void (text += s) });
  return text;
}

function write(dir: string, files: Files): void {
  mkdirSync(dir, { recursive: true });
  for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, n), t);
}

async function runExample(e: Example): Promise<Shown> {
  const tmp = mkdtempSync(join(tmpdir(), 'cailiang-doc-'));
  const clean = (s: string) => s.split(tmp + '/').join('').split(tmp).join('.');
  try {
    const files: Files = { 'index.yaml': INDEX, 'food.yaml': FOOD, ...(e.files ?? {}) };
    if (e.code === 'RULESET_NO_INDEX') delete files['index.yaml'];
    if (e.run !== 'cli' || !e.more) write(join(tmp, 'rules', 'demo'), files);
    for (const [name, f] of Object.entries(e.more ?? {})) write(join(tmp, 'rules', name), f);
    writeFileSync(join(tmp, 'case.yaml'), e.case ?? CASE);
    if (e.ndjson !== undefined) writeFileSync(join(tmp, 'cases.ndjson'), e.ndjson);
    if (e.code === 'IO_LINK_OUTSIDE') symlinkSync('/etc/passwd', join(tmp, 'rules', 'demo', 'passwd.yaml'));
    mkdirSync(join(tmp, 'fixtures'));
    writeFileSync(join(tmp, 'fixtures', 'light.yaml'), `name: 从轻\ncase:\n${CASE.replace(/^/gm, '  ').replace('[correctedInTime]', '[eliminatedHarm]')}expect: { outcome: penalty }\n`);
    const sub = (a: string) => a.replace('{tmp}', tmp);
    let output: string;
    const statutes = e.statutes ? ['--statutes', join(ROOT, 'test/data/statute/laws')] : [];
    if (e.run === 'verify') output = await runCli(['verify', join(tmp, 'rules', 'demo'), '--as-of', AS_OF, ...statutes, ...(e.extraArgs ?? []).map(sub)]);
    else if (e.run === 'evaluate') output = await runCli(['evaluate', join(tmp, 'case.yaml'), '--rules', join(tmp, 'rules', 'demo')]);
    else if (e.run === 'cli') output = await runCli(e.argv!.map(sub));
    else {
      const rs = loadRuleSet([{ path: 'rules/demo/index.yaml', text: INDEX }, { path: 'rules/demo/food.yaml', text: FOOD }]).ruleSet!;
      output = formatDiagnosticsText(loadCase({ path: 'case.yaml', text: e.case! }, rs).diagnostics as Diagnostic[]);
    }
    const block = pickBlock(clean(output), e.code);
    return block ? { text: block } : { missing: clean(output).trim().split('\n').slice(0, 3).join('\n') };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ── the document ─────────────────────────────────────────────────────────

const SECTIONS: [string, string, string[]][] = [
  ['Files and YAML', 'Found while reading a file, before its content is looked at. Every one stops the file from loading.', ['FILE_TOO_LARGE', 'FILE_NOT_UTF8', 'FILE_EMPTY', 'YAML_SYNTAX', 'YAML_TAB_INDENT', 'YAML_DUPLICATE_KEY', 'YAML_UNKNOWN_TAG', 'YAML_ALIAS_LIMIT', 'YAML_TOO_DEEP', 'YAML_MULTIPLE_DOCUMENTS', 'FORBIDDEN_KEY']],
  ['Shape', 'The file is YAML but not what the rule-set or case language allows (src/schema).', ['SCHEMA_REQUIRED', 'SCHEMA_UNKNOWN_KEY', 'SCHEMA_TYPE', 'SCHEMA_VALUE', 'INVALID_DATE', 'INVALID_DURATION', 'PERIOD_NOT_IN_DAYS', 'PERIOD_EMPTY', 'TEXT_CONTROL_CHARACTER', 'MONEY_NEGATIVE', 'MONEY_PRECISION', 'MONEY_TOO_LARGE', 'MONEY_PRODUCT_TOO_LARGE', 'RANGE_INVERTED']],
  ['References', 'Names that must point at something declared: items, laws, facts, circumstances, branches, tiers.', ['POLICY_CONTRADICTS', 'RULESET_EMPTY', 'RULESET_NO_INDEX', 'RULESET_MISPLACED_KEY', 'DUPLICATE_ITEM', 'DUPLICATE_LIST_ENTRY', 'DUPLICATE_ID', 'DUPLICATE_FACT', 'UNKNOWN_ITEM', 'UNKNOWN_LAW', 'ARTICLE_OUT_OF_RANGE', 'UNKNOWN_FACT', 'UNKNOWN_OPERATOR', 'OPERATOR_TYPE_MISMATCH', 'FACT_TYPE_MISMATCH', 'CONDITION_INVALID', 'CONDITION_PATH', 'UNKNOWN_CIRCUMSTANCE', 'UNKNOWN_BRANCH', 'UNKNOWN_TIER', 'FACT_NOT_MONEY', 'FACT_NOT_COUNT']],
  ['Semantic checks (cailiang verify)', 'Run by `cailiang verify` on every rule set that loads (see also docs/verify.md). A rule set may keep a finding on purpose with an `ignore:` entry and its reason.', []],
  ['Cases', 'Found when a case is read against a rule set (`cailiang evaluate`, `cailiang test`, loadCase, evaluateInCatalog).', ['CASE_DATE_ORDER', 'CASE_HISTORY_DATE', 'CASE_AGE_MISMATCH', 'CASE_FACTS_CONTRADICT', 'CASE_RULESET_MISMATCH', 'CASE_NO_VERSION', 'CASE_BENCHMARK_FACT_IGNORED', 'CASE_NO_RULESET', 'CATALOG_OVERLAP', 'CASE_FACT_NOT_FOR_ITEM']],
  ['Files on disk', 'The CLI and loadRuleSetDir could not read what they were given. Exit code 2.', ['IO_NOT_FOUND', 'IO_NOT_DIRECTORY', 'IO_READ_FAILED', 'IO_LINK_OUTSIDE', 'RULESET_DIR_SKIPPED', 'NDJSON_LINE_TOO_LONG']],
];

const codes = Object.keys(CODES);
const placed = new Set(SECTIONS.flatMap((s) => s[2]));
// Every code not placed above is a semantic check, in the order of codes.ts.
SECTIONS[3]![2] = codes.filter((c) => !placed.has(c));

const out: string[] = [
  '# Diagnostics',
  '',
  '<!-- Generated by `npm run docs:diagnostics` (test/docs/make-diagnostics-doc.ts) from src/diagnostics/codes.ts: do not edit by hand. -->',
  '',
  'Every problem cailiang finds in a rule file or a case is a diagnostic: a fixed **code**, a severity, the',
  'file, line and column, a message and usually a hint. This page lists every code with an example input,',
  'the message cailiang prints for it (produced by running the example) and how to fix it. Messages are',
  'printed as `path:line:col  severity  CODE  message`; `--format json|github|sarif` give the same fields to',
  'machines. Errors stop a rule set or case from loading (exit code 1; exit 2 for usage and I/O problems);',
  'warnings do not (`cailiang verify --strict` makes them errors).',
  '',
];
for (const [title, intro] of SECTIONS) out.push(`- [${title}](#${title.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/ /g, '-')})`);
out.push('');
let missing = 0;
for (const [title, intro, list] of SECTIONS) {
  out.push(`## ${title}`, '', intro, '');
  for (const code of list) {
    const info = (CODES as Record<string, { severity: string; message: string; hint?: string }>)[code]!;
    const e = EXAMPLES.find((x) => x.code === code);
    out.push(`### ${code}`, '', `*${info.severity}* — ${info.message.replace(/\{(\w+)\}/g, '‹$1›')}`, '');
    if (!e) {
      missing++;
      out.push('No example yet.', '', `**Fix:** ${info.hint ?? 'see the message.'}`, '');
      continue;
    }
    const shown = await runExample(e);
    if (e.show.text !== undefined) out.push(`Example — \`${e.show.file}\`:`, '', '```yaml', e.show.text.trimEnd(), '```', '');
    else out.push(`Example — ${e.show.note} (\`${e.show.file}\`).`, '');
    if (shown.text) out.push('cailiang prints:', '', '```', shown.text, '```', '');
    else {
      if (!/not emitted/.test(e.show.note ?? '')) {
        missing++;
        console.error(`${code}: the example did not yield it; got:\n${shown.missing}\n`);
      }
    }
    out.push(`**Fix:** ${e.fix}`, '');
  }
}
writeFileSync(join(ROOT, 'docs', 'diagnostics.md'), out.join('\n'));
console.log(`docs/diagnostics.md: ${codes.length} codes, ${missing} without a working example`);
