import { describe, expect, it } from 'vitest';
import { formatDiagnosticsSarif, SARIF_SCHEMA } from '../../src/report/diagnostics.js';
import { CODES } from '../../src/diagnostics/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { verifyRuleSet } from '../../src/verify/index.js';
import { index, leaf, load, rules, T, when } from './build.js';

/**
 * SARIF 2.1.0 output. The official JSON schema (sarif-schema-2.1.0.json) could
 * not be fetched in this environment, so this test checks the structure the
 * OASIS specification requires for what cailiang emits: sarifLog (§3.13),
 * run (§3.14), tool/toolComponent (§3.18–3.19), reportingDescriptor (§3.49),
 * result (§3.27), location / physicalLocation / artifactLocation / region
 * (§3.28–3.30, §3.4).
 */

type Json = Record<string, unknown>;

const LEVELS = ['none', 'note', 'warning', 'error'];

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Problems with a SARIF log against the 2.1.0 requirements, as "path: problem". */
function sarifProblems(log: unknown): string[] {
  const out: string[] = [];
  const need = (cond: boolean, where: string, what: string) => {
    if (!cond) out.push(`${where}: ${what}`);
  };
  const onlyKeys = (o: Json, allowed: string[], where: string) => {
    for (const k of Object.keys(o)) need(allowed.includes(k), where, `unexpected property "${k}"`);
  };
  need(isObject(log), '$', 'a sarifLog is an object');
  if (!isObject(log)) return out;
  onlyKeys(log, ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], '$');
  need(log.version === '2.1.0', '$.version', 'must be "2.1.0"');
  need(typeof log.$schema === 'string' && /^https?:\/\/\S+\.json$/.test(log.$schema), '$.$schema', 'a URI of the schema');
  need(Array.isArray(log.runs), '$.runs', 'required array');
  (Array.isArray(log.runs) ? log.runs : []).forEach((run: unknown, r) => {
    const at = `$.runs[${r}]`;
    need(isObject(run), at, 'a run is an object');
    if (!isObject(run)) return;
    need(isObject(run.tool), `${at}.tool`, 'required object');
    const driver = isObject(run.tool) ? run.tool.driver : undefined;
    need(isObject(driver), `${at}.tool.driver`, 'required object');
    if (!isObject(driver)) return;
    need(typeof driver.name === 'string' && driver.name.length > 0, `${at}.tool.driver.name`, 'required non-empty string');
    const rules = Array.isArray(driver.rules) ? (driver.rules as Json[]) : [];
    need(driver.rules === undefined || Array.isArray(driver.rules), `${at}.tool.driver.rules`, 'an array');
    const ids = rules.map((x) => x.id);
    need(new Set(ids).size === ids.length, `${at}.tool.driver.rules`, 'ids are unique');
    rules.forEach((rule, i) => {
      const rat = `${at}.tool.driver.rules[${i}]`;
      need(typeof rule.id === 'string', `${rat}.id`, 'required string');
      for (const k of ['shortDescription', 'fullDescription', 'help'])
        if (rule[k] !== undefined) need(isObject(rule[k]) && typeof (rule[k] as Json).text === 'string', `${rat}.${k}`, 'a multiformatMessageString with text');
      const dc = rule.defaultConfiguration;
      if (dc !== undefined) need(isObject(dc) && LEVELS.includes(String(dc.level)), `${rat}.defaultConfiguration.level`, `one of ${LEVELS.join(', ')}`);
    });
    if (run.columnKind !== undefined) need(['utf16CodeUnits', 'unicodeCodePoints'].includes(String(run.columnKind)), `${at}.columnKind`, 'a column kind');
    need(run.results === undefined || Array.isArray(run.results), `${at}.results`, 'an array');
    ((run.results as unknown[]) ?? []).forEach((res: unknown, i) => {
      const at2 = `${at}.results[${i}]`;
      need(isObject(res), at2, 'a result is an object');
      if (!isObject(res)) return;
      need(isObject(res.message) && typeof (res.message as Json).text === 'string' && ((res.message as Json).text as string).length > 0, `${at2}.message.text`, 'required non-empty string');
      need(typeof res.ruleId === 'string' && ids.includes(res.ruleId), `${at2}.ruleId`, 'names a rule of the driver');
      if (res.ruleIndex !== undefined) need(rules[res.ruleIndex as number]?.id === res.ruleId, `${at2}.ruleIndex`, 'points at the rule with ruleId');
      need(LEVELS.includes(String(res.level)), `${at2}.level`, `one of ${LEVELS.join(', ')}`);
      need(Array.isArray(res.locations) && res.locations.length > 0, `${at2}.locations`, 'at least one location');
      ((res.locations as unknown[]) ?? []).forEach((loc: unknown, j) => {
        const at3 = `${at2}.locations[${j}].physicalLocation`;
        const pl = isObject(loc) ? loc.physicalLocation : undefined;
        need(isObject(pl), at3, 'required object');
        if (!isObject(pl)) return;
        const al = pl.artifactLocation;
        need(isObject(al) && typeof al.uri === 'string' && al.uri.length > 0, `${at3}.artifactLocation.uri`, 'required string');
        if (isObject(al) && typeof al.uri === 'string') {
          need(!/[\s\\]/.test(al.uri) && /^[\x21-\x7e]+$/.test(al.uri), `${at3}.artifactLocation.uri`, 'a URI reference (ASCII, percent-encoded, no spaces or backslashes)');
          need(al.uriBaseId === undefined || (typeof al.uriBaseId === 'string' && !/^[a-z]+:/.test(al.uri)), `${at3}.artifactLocation.uriBaseId`, 'only with a relative uri');
        }
        const region = pl.region;
        need(isObject(region), `${at3}.region`, 'present');
        if (!isObject(region)) return;
        const n = (k: string) => region[k] as number;
        need(Number.isInteger(n('startLine')) && n('startLine') >= 1, `${at3}.region.startLine`, 'integer ≥ 1');
        need(Number.isInteger(n('startColumn')) && n('startColumn') >= 1, `${at3}.region.startColumn`, 'integer ≥ 1');
        need(Number.isInteger(n('endLine')) && n('endLine') >= n('startLine'), `${at3}.region.endLine`, 'integer ≥ startLine');
        need(Number.isInteger(n('endColumn')) && n('endColumn') >= 1, `${at3}.region.endColumn`, 'integer ≥ 1');
        if (n('endLine') === n('startLine')) need(n('endColumn') >= n('startColumn'), `${at3}.region.endColumn`, '≥ startColumn on one line');
      });
    });
  });
  return out;
}

const gv = (op: string, v: number) => leaf('goodsValue', op, v);

describe('--format sarif', () => {
  const rs = load(
    index('', { effective: '{ from: 2024-01-01, to: 2025-12-31 }' }),
    rules([T('light', `${when(gv('lessThanInclusive', 10000))}, amount: [1000, 20000]`), T('general', `${when(gv('greaterThanInclusive', 10000))}, amount: [20000, 50000]`, false)]),
    'rules/测试 地区',
  );
  const diagnostics = verifyRuleSet(rs, { asOf: '2026-01-01' });
  const log = JSON.parse(formatDiagnosticsSarif(diagnostics)) as Json;

  it('comes from a broken rule set with errors and warnings', () => {
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(
      new Set(['TIER_OVERLAP', 'TIER_OUTSIDE_STATUTORY', 'FINE_RANGE_TOO_WIDE', 'TIER_NO_CITATION', 'RULESET_EXPIRED']),
    );
  });

  it('meets the SARIF 2.1.0 structure (official schema not fetchable here: checked against the spec)', () => {
    expect(sarifProblems(log)).toEqual([]);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
  });

  it('has one run of cailiang with a rule for every code used, levels and positions', () => {
    const runs = log.runs as Json[];
    expect(runs).toHaveLength(1);
    const driver = (runs[0]!.tool as Json).driver as Json;
    expect(driver.name).toBe('cailiang');
    const rules = driver.rules as Json[];
    expect(rules.map((r) => r.id)).toEqual([...new Set(diagnostics.map((d) => d.code))].sort());
    for (const r of rules) expect((r.defaultConfiguration as Json).level).toBe(CODES[r.id as keyof typeof CODES].severity);
    const results = runs[0]!.results as Json[];
    expect(results).toHaveLength(diagnostics.length);
    const overlap = results.find((r) => r.ruleId === 'TIER_OVERLAP')!;
    expect(overlap.level).toBe('error');
    expect((overlap.message as Json).text).toContain('goodsValue = 10000 yuan matches "light" and "general"');
    const loc = ((overlap.locations as Json[])[0]!.physicalLocation as Json);
    expect(loc.artifactLocation).toEqual({ uri: 'rules/%E6%B5%8B%E8%AF%95%20%E5%9C%B0%E5%8C%BA/rules.yaml', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toMatchObject({ startLine: 9, startColumn: 9, endLine: 9 });
    expect(results.find((r) => r.ruleId === 'TIER_NO_CITATION')!.level).toBe('warning');
  });

  it('maps info to note, absolute paths to file URIs, and fills a missing end', () => {
    const d: Diagnostic = { code: 'FILE_EMPTY', severity: 'info', file: '/tmp/规则/a.yaml', line: 1, column: 1, message: 'x' };
    const one = JSON.parse(formatDiagnosticsSarif([d])) as Json;
    expect(sarifProblems(one)).toEqual([]);
    const res = ((one.runs as Json[])[0]!.results as Json[])[0]!;
    expect(res.level).toBe('note');
    const pl = (res.locations as Json[])[0]!.physicalLocation as Json;
    expect(pl.artifactLocation).toEqual({ uri: 'file:///tmp/%E8%A7%84%E5%88%99/a.yaml' });
    expect(pl.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('is a valid log with no results when there is nothing to report', () => {
    const empty = JSON.parse(formatDiagnosticsSarif([])) as Json;
    expect(sarifProblems(empty)).toEqual([]);
    expect((empty.runs as Json[])[0]!.results).toEqual([]);
  });

  it('the checker itself rejects broken logs', () => {
    expect(sarifProblems({ version: '2.0.0', runs: [{ tool: { driver: {} }, results: [{ ruleId: 'X', level: 'fatal', message: {}, locations: [] }] }] })).toEqual([
      '$.version: must be "2.1.0"',
      '$.$schema: a URI of the schema',
      '$.runs[0].tool.driver.name: required non-empty string',
      '$.runs[0].results[0].message.text: required non-empty string',
      '$.runs[0].results[0].ruleId: names a rule of the driver',
      '$.runs[0].results[0].level: one of none, note, warning, error',
      '$.runs[0].results[0].locations: at least one location',
    ]);
  });
});
