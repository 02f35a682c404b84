import { hasErrors } from '../../diagnostics/index.js';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathCoverage, uncovered } from '../../fixture/coverage.js';
import { runFixture, type FixtureResult } from '../../fixture/fixture.js';
import { readSource } from '../../node/fs.js';
import { bundledRulesDir } from '../../node/paths.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { CACHE_OPTIONS, cacheDirOf, cacheHelp } from '../cache-options.js';
import { loadRules } from './evaluate.js';

export const TEST_HELP = `Usage: cailiang test [<rules-dir>] [--fixtures <dir>] [--filter <text>] [--require-coverage]

Runs fixture cases (YAML files with name:, case: and expect:) against the rule
sets under <rules-dir> (default: the bundled rules, with their fixtures), shows a diff for every failed expectation with the
fixture's file:line, lists tiers and list entries no fixture exercises, and
ends with "N passed, N failed".

Options:
  --fixtures <dir>     fixture folder (default: fixtures/ beside <rules-dir>)
  --filter <text>      run only fixtures whose name or path contains <text>
  --require-coverage   fail when a tier or list entry is not exercised
${cacheHelp(23)}

Exit: 0 all passed, 1 a fixture failed (or coverage is required and missing), 2 usage or I/O.
`;

async function walk(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  const out: string[] = [];
  for (const n of names) {
    if (n.startsWith('.')) continue;
    const p = join(dir, n);
    const s = await stat(p);
    if (s.isDirectory()) out.push(...(await walk(p)));
    else if (/\.ya?ml$/i.test(n)) out.push(p);
  }
  return out;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export async function testCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      fixtures: { type: 'string' },
      filter: { type: 'string' },
      'require-coverage': { type: 'boolean', default: false },
      ...CACHE_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(TEST_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('test takes one rules folder, e.g. cailiang test rules/');
  const rulesDir = (positionals[0] ?? bundledRulesDir()).replace(/\/+$/, '');
  const rules = await loadRules(rulesDir, { cache: cacheDirOf(values) });
  // Warnings (folders passed over) are said and the command goes on; errors stop it.
  if (rules.diagnostics.length > 0) io.stderr(formatDiagnosticsText(rules.diagnostics));
  if (hasErrors(rules.diagnostics)) {
    return rules.diagnostics.some((d) => d.code.startsWith('IO_')) ? EXIT.usage : EXIT.problems;
  }
  const fixturesDir = values.fixtures ?? join(dirname(rulesDir), 'fixtures');
  let files: string[];
  try {
    files = await walk(fixturesDir);
  } catch {
    io.stderr(`cailiang test: no fixture folder at ${fixturesDir} (use --fixtures <dir>)\n`);
    return EXIT.usage;
  }
  const results: FixtureResult[] = [];
  for (const path of files) {
    const read = await readSource(path);
    if (!read.source) {
      io.stderr(formatDiagnosticsText([read.diagnostic!]));
      continue;
    }
    const r = runFixture(read.source, rules.ruleSets);
    if (values.filter && !r.name.includes(values.filter) && !path.includes(values.filter)) continue;
    results.push(r);
  }
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const where = `${r.place.file}:${r.place.line}:${r.place.column}`;
    if (r.passed) {
      passed++;
      io.stdout(`✓ ${r.name}\n`);
      continue;
    }
    failed++;
    io.stdout(`✗ ${r.name}  (${where})\n`);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) io.stdout(formatDiagnosticsText(errors).replace(/^/gm, '    '));
    for (const f of r.failures) {
      io.stdout(`    ${f.place.file}:${f.place.line}:${f.place.column}  ${f.key}\n`);
      io.stdout(`      expected: ${show(f.expected)}\n      got:      ${show(f.actual)}\n`);
    }
  }
  const missing = values.filter ? [] : uncovered(rules.ruleSets, results);
  if (missing.length > 0) {
    io.stdout(`\n${values['require-coverage'] ? 'error' : 'note'}: ${missing.length} tier(s) or list entr(ies) not exercised by any fixture:\n`);
    for (const u of missing)
      io.stdout(`  ${u.at.file}:${u.at.line}:${u.at.column}  ${u.ruleSet} ${u.kind === 'tier' ? `${u.item} tier ${u.id}` : `list ${u.id}`}\n`);
  }
  if (!values.filter) {
    // The paths a suite must show on more than one rule set: which rule sets' fixtures take each.
    io.stdout('\npaths (rule sets whose passing fixtures take them):\n');
    for (const p of pathCoverage(results)) io.stdout(`  ${p.ruleSets.length < 2 ? '!' : ' '} ${p.path}  ${p.ruleSets.length}: ${p.ruleSets.join(', ') || '—'}  (${p.label})\n`);
  }
  io.stdout(`\n${passed} passed, ${failed} failed\n`);
  if (failed > 0 || results.length === 0) return EXIT.problems;
  if (values['require-coverage'] && missing.length > 0) return EXIT.problems;
  return EXIT.ok;
}
