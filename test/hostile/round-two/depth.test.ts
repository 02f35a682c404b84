import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjsonRecord } from '../../../src/cli/commands/case-stream.js';
import { evaluateInCatalog } from '../../../src/evaluate/versions.js';
import { runFixture } from '../../../src/fixture/fixture.js';
import { loadCase } from '../../../src/load/loadCase.js';
import { loadRuleSet } from '../../../src/load/loadRuleSet.js';
import { parseSource } from '../../../src/load/source.js';
import { checkCli, removeDir, tempDir, type Problem } from '../harness.js';
import { errors, INDEX, MINI, MINI_DIR } from './table.js';

// Nesting is bounded before any parser sees the text, on every path: rule
// files, case files (YAML and JSON), NDJSON lines, fixtures, and the CLI
// (class 3). Thousands of levels once overflowed the yaml library's stack or
// aborted the process with an out-of-memory no caller could catch.
//
// Each shape says where its 65th level (one past the limit of 64) starts: the
// position every path must report, whether the nesting is a little or a
// thousand times too deep.

interface Shape {
  readonly name: string;
  readonly text: (levels: number) => string;
  /** 1-based line and column of the node at depth `d` (the root is 0). */
  readonly level: (d: number) => { line: number; column: number };
}

const SHAPES: Shape[] = [
  { name: 'compact sequences (- - - … x)', text: (n) => '- '.repeat(n) + 'x\n', level: (d) => ({ line: 1, column: 2 * d + 1 }) },
  { name: 'flow sequences ([[[ … ]]])', text: (n) => '['.repeat(n) + ']'.repeat(n) + '\n', level: (d) => ({ line: 1, column: d + 1 }) },
  { name: 'flow sequences under a key', text: (n) => 'items: ' + '['.repeat(n) + ']'.repeat(n) + '\n', level: (d) => ({ line: 1, column: 7 + d }) },
  { name: 'flow mappings ({a: {a: …}})', text: (n) => '{a: '.repeat(n) + '1' + '}'.repeat(n) + '\n', level: (d) => ({ line: 1, column: 4 * d + 1 }) },
  { name: 'JSON objects ({"a":{"a":…}})', text: (n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n) + '\n', level: (d) => ({ line: 1, column: 5 * d + 1 }) },
  { name: 'block mappings, one level a line', text: (n) => Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' 1\n', level: (d) => ({ line: d + 1, column: d + 1 }) },
  { name: 'sequences of mappings, two levels a line', text: (n) => Array.from({ length: n }, (_, i) => ' '.repeat(2 * i) + '- k:').join('\n') + ' 1\n', level: (d) => ({ line: Math.floor(d / 2) + 1, column: d + 1 + (d % 2) }) },
];
const LEVELS = [66, 200, 3000, 50_000];
/** Block shapes grow with the square of their depth (each line indented one more): 3,000 levels is 4.5 MB, 50,000 would be past the file size limit. */
const oneLine = (s: Shape) => !s.text(3).trimEnd().includes('\n');
const levels = (s: Shape, n: number, cap = 3000) => (oneLine(s) ? n : Math.min(n, cap));
const TOO_DEEP = (s: Shape) => ({ code: 'YAML_TOO_DEEP', ...s.level(65) });

const rows = SHAPES.flatMap((s) => [...new Set(LEVELS.map((n) => levels(s, n)))].map((n) => [s.name, n, s] as const));

describe('parseSource: nesting past 64 levels is YAML_TOO_DEEP at the 65th level, however deep', () => {
  it.each(rows)('%s, %i levels', (_, n, s) => {
    const text = s.text(n);
    expect(errors(parseSource({ path: 'x.yaml', text }).diagnostics)).toEqual([TOO_DEEP(s)]);
    // The full parser path reports the same place (the fast reader takes no part).
    expect(errors(parseSource({ path: 'x.yaml', text }, {}, { fullParserOnly: true }).diagnostics)).toEqual([TOO_DEEP(s)]);
  });
});

describe('every path refuses deep nesting with the same diagnostic, never a crash', () => {
  const deep = SHAPES.filter((s) => s.name !== 'sequences of mappings, two levels a line');
  it.each(deep.map((s) => [s.name, s]))('a rule file of %s, 20,000 levels (3,000 for block shapes): loadRuleSet', (_, s) => {
    const r = loadRuleSet([
      { path: 'd/index.yaml', text: INDEX },
      { path: 'd/food.yaml', text: s.text(levels(s, 20_000)) },
    ]);
    expect(errors(r.diagnostics)).toEqual([TOO_DEEP(s)]);
  });

  // A case file is at most 256 KiB: 600 levels for block shapes.
  it.each(deep.map((s) => [s.name, s]))('a case file of %s, 20,000 levels (600 for block shapes): loadCase and evaluateInCatalog', (_, s) => {
    const text = s.text(levels(s, 20_000, 600));
    expect(errors(loadCase({ path: 'c.yaml', text }, MINI).diagnostics)).toEqual([TOO_DEEP(s)]);
    expect(errors(evaluateInCatalog([MINI], { path: 'c.json', text }).diagnostics)).toEqual([TOO_DEEP(s)]);
  });

  it.each(deep.filter(oneLine).map((s) => [s.name, s]))('an NDJSON line of %s, 20,000 levels, at line 7', (_, s) => {
    const r = ndjsonRecord('c.ndjson', 7, s.text(levels(s, 20_000)).trimEnd());
    expect(errors(r.diagnostics)).toEqual([{ ...TOO_DEEP(s), line: 7 }]);
  });

  it.each(deep.map((s) => [s.name, s]))('a fixture of %s, 20,000 levels: runFixture', (_, s) => {
    const r = runFixture({ path: 'f.yaml', text: s.text(levels(s, 20_000)) }, [MINI]);
    expect(errors(r.diagnostics)).toEqual([TOO_DEEP(s)]);
  });

  it('two loads of 200,000 levels in one process: diagnostics both times (once a fatal out-of-memory)', () => {
    const text = '- '.repeat(200_000) + 'x\n';
    for (let k = 0; k < 2; k++) {
      const r = loadRuleSet([
        { path: 'd/index.yaml', text: INDEX },
        { path: 'd/food.yaml', text },
      ]);
      expect(errors(r.diagnostics)).toEqual([TOO_DEEP(SHAPES[0]!)]);
    }
  });

  it('cailiang verify, evaluate and batch on deep files: exit 1, the diagnostic, no stack trace', async () => {
    const dir = tempDir();
    try {
      const deepText = '- '.repeat(5000) + 'x\n';
      writeFileSync(join(dir, 'index.yaml'), INDEX);
      writeFileSync(join(dir, 'food.yaml'), deepText);
      writeFileSync(join(dir, 'case.yaml'), deepText);
      writeFileSync(join(dir, 'cases.yaml'), deepText);
      writeFileSync(join(dir, 'cases.ndjson'), '{"id":"a"}\n' + '['.repeat(100_000) + '\n');
      const problems: Problem[] = [];
      const v = await checkCli(['verify', dir], problems, [1]);
      expect(v.out + v.err).toContain('food.yaml:1:131');
      const e = await checkCli(['evaluate', join(dir, 'case.yaml'), '--rules', MINI_DIR], problems, [1]);
      expect(e.err).toContain('case.yaml:1:131');
      const b = await checkCli(['batch', join(dir, 'cases.yaml'), '--rules', MINI_DIR], problems, [1]);
      expect(b.out + b.err).toContain('YAML_TOO_DEEP');
      const nd = await checkCli(['batch', join(dir, 'cases.ndjson'), '--rules', MINI_DIR, '--format', 'json'], problems, [1]);
      // Line 1 is an incomplete case (its own diagnostics); line 2 is too deep, and the batch went on past it.
      const lines = JSON.parse(nd.out).problems.list.map((p: { line: number; diagnostics: { code: string; column: number }[] }) => [p.line, p.diagnostics[0]!.code, p.diagnostics[0]!.column]);
      expect(lines[1]).toEqual([2, 'YAML_TOO_DEEP', 66]);
      expect(lines).toHaveLength(2);
      expect(problems).toEqual([]);
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});
