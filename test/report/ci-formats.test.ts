import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticCode } from '../../src/diagnostics/index.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnosticsGithub, formatDiagnosticsSarif } from '../../src/report/diagnostics.js';
import { cli } from '../../src/cli/cli.js';
import { bufferIO } from '../helpers.js';

// The CI formats must pass their consumers' own rules: GitHub's workflow
// commands take columns only within one line; a SARIF log validates against
// the SARIF 2.1.0 JSON schema (as shipped by @microsoft/jest-sarif) and
// describes every rule it uses.

const require = createRequire(import.meta.url);
const Ajv = require('ajv') as new (o: object) => { addMetaSchema(s: object): void; compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] } };
const SCHEMA = JSON.parse(readFileSync(join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

function validateSarif(text: string): unknown[] {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true, format: 'full' });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
  const validate = ajv.compile(SCHEMA);
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? ['invalid']);
}

const at = (line: number, column: number, endLine?: number, endColumn?: number) => ({
  file: 'rules/x/food.yaml',
  line,
  column,
  ...(endLine !== undefined ? { endLine, endColumn } : {}),
});

describe('--format github', () => {
  it('gives columns for a range within one line', () => {
    const out = formatDiagnosticsGithub([diagnostic('UNKNOWN_FACT', at(19, 31, 19, 40), { fact: 'goodValue' })]);
    expect(out).toMatch(/^::error file=rules\/x\/food\.yaml,line=19,col=31,endLine=19,endColumn=40,title=UNKNOWN_FACT::/);
  });

  it('gives only the lines of a range over several lines, as GitHub requires', () => {
    const out = formatDiagnosticsGithub([diagnostic('UNKNOWN_FACT', at(21, 9, 27, 3), { fact: 'goodValue' })]);
    expect(out).toMatch(/^::error file=rules\/x\/food\.yaml,line=21,endLine=27,title=UNKNOWN_FACT::/);
    expect(out).not.toMatch(/col=|endColumn=/);
  });

  it('gives the column of a point', () => {
    expect(formatDiagnosticsGithub([diagnostic('UNKNOWN_FACT', at(3, 5), { fact: 'x' })])).toMatch(/^::error file=rules\/x\/food\.yaml,line=3,col=5,title=UNKNOWN_FACT::/);
  });

  it('no annotation of a whole verify run on broken rules has columns across lines', async () => {
    const io = bufferIO();
    await cli(['verify', 'test/data/broken', 'test/hostile/rules', '--format', 'github'], io);
    const lines = io.out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      const p = /line=(\d+)(?:,col=\d+)?(?:,endLine=(\d+))?/.exec(l)!;
      if (p[2] !== undefined && p[2] !== p[1]) expect(l, l).not.toMatch(/col=|endColumn=/);
    }
  }, 60_000);
});

describe('--format sarif', () => {
  const sample: Diagnostic[] = [
    diagnostic('UNKNOWN_FACT', at(19, 31, 19, 40), { fact: 'goodValue' }),
    diagnostic('UNKNOWN_FACT', { file: '规则/示例/食品.yaml', line: 2, column: 1, endLine: 9, endColumn: 1 }, { fact: 'x' }),
    diagnostic('IO_NOT_FOUND', { file: '/abs/path/rules', line: 1, column: 1 }),
  ];

  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(validateSarif(formatDiagnosticsSarif(sample))).toEqual([]);
    expect(validateSarif(formatDiagnosticsSarif([]))).toEqual([]);
  });

  it('the schema check itself rejects a broken log', () => {
    const broken = JSON.parse(formatDiagnosticsSarif(sample));
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(JSON.stringify(broken)).length).toBeGreaterThan(0);
  });

  it('names cailiang’s page and, for every rule, a full description and where it is explained', () => {
    const log = JSON.parse(formatDiagnosticsSarif(sample));
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toMatch(/^https:\/\/.+cailiang/);
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(['IO_NOT_FOUND', 'UNKNOWN_FACT']);
    for (const r of driver.rules as { id: DiagnosticCode; fullDescription: { text: string }; helpUri: string }[]) {
      expect(r.fullDescription.text.length, r.id).toBeGreaterThan(10);
      expect(r.helpUri).toMatch(new RegExp(`/docs/diagnostics\\.md#${r.id.toLowerCase()}$`));
      // The section the link names exists.
      expect(readFileSync('docs/diagnostics.md', 'utf8')).toContain(`\n### ${r.id}\n`);
    }
  });

  // That every code has its section in docs/diagnostics.md is test/docs/diagnostics.test.ts's to check.

  it('a whole verify run on broken rules is valid SARIF', async () => {
    const io = bufferIO();
    await cli(['verify', 'test/data/broken', 'test/hostile/rules', '--format', 'sarif'], io);
    expect(JSON.parse(io.out).runs[0].results.length).toBeGreaterThan(3);
    expect(validateSarif(io.out)).toEqual([]);
  }, 60_000);
});
