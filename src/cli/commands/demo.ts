import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { runFixture, type FixtureResult } from '../../fixture/fixture.js';
import { readSource } from '../../node/fs.js';
import { packageRoot } from '../../node/paths.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { renderDispositionMarkdown } from '../../report/disposition-markdown.js';
import { formatYuan } from '../../report/format.js';
import { BASIS_TEXT, GRADE_TEXT, PENALTY_TEXT } from '../../report/labels.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { loadRules } from './evaluate.js';
import { checkDirs, summaryLine } from './verify.js';

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const n of (await readdir(dir)).sort()) {
    const p = join(dir, n);
    if ((await stat(p)).isDirectory()) out.push(...(await walk(p)));
    else if (/\.ya?ml$/.test(n)) out.push(p);
  }
  return out;
}

function outcomeText(r: FixtureResult): string {
  const d = r.disposition;
  // A sample case refused as it expects (年龄与出生日期不一致 …): the refusal is its answer.
  if (!d) return refusedAsExpected(r) ? `案件有误，须先核实：${r.expectedDiagnostics!.map((x) => x.code).join('、')}` : '（案件无效）';
  if (d.outcome === 'none') return `${d.mandatory ? '不予处罚' : '可以不予处罚'}（${BASIS_TEXT[d.basis ?? 'other'].replace(/（.*）$/, '')}）`;
  if (d.outcome === 'undetermined') return `待补充：${d.missingFacts.join('、')}`;
  const fine = d.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  const amount = fine?.recommended !== undefined ? `罚款${formatYuan(fine.recommended)}` : fine ? '罚款数额待定' : d.penalties.map((p) => PENALTY_TEXT[p.kind]).join('、');
  return `${GRADE_TEXT[d.grade ?? 'general']}，${amount}`;
}

function refusedAsExpected(r: FixtureResult): boolean {
  return r.passed && (r.expectedDiagnostics?.length ?? 0) > 0;
}

export const DEMO_HELP = `Usage: cailiang demo [--rules <dir>] [--fixtures <dir>]

Verifies the bundled rule sets, evaluates every bundled sample case, prints a
summary table and the full zh-CN reports of the cases marked demo: true.
Works from an installed package: the rules and fixtures ship with it.

Options:
  -r, --rules <dir>   rule-set folder (default: the bundled rules/)
  --fixtures <dir>    fixture folder (default: the bundled fixtures/)

Exit: 0 every case evaluated, 1 a rule set or case is invalid, 2 usage or I/O.
`;

/**
 * The main job on bundled data: verify the bundled rule sets, evaluate every
 * bundled sample case, print a summary table and the full reports of the
 * cases marked `demo: true`.
 */
export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rules: { type: 'string', short: 'r' },
      fixtures: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(DEMO_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`demo takes no folder (got "${positionals[0]}"); use --rules <dir> and --fixtures <dir>`);
  const root = packageRoot();
  const rulesDir = values.rules ?? join(root, 'rules');
  const fixturesDir = values.fixtures ?? join(root, 'fixtures');
  const checked = await checkDirs([rulesDir]);
  io.stdout('# cailiang 演示：内置裁量基准与示例案件\n\n```\n');
  for (const r of checked) io.stdout(summaryLine({ ...r, dir: relative(root, r.dir) || r.dir }) + '\n');
  io.stdout('```\n\n');
  const { ruleSets, diagnostics } = await loadRules(rulesDir);
  if (diagnostics.length > 0) {
    io.stderr(formatDiagnosticsText(diagnostics));
    return EXIT.problems;
  }
  const results: FixtureResult[] = [];
  let files: string[];
  try {
    files = await walk(fixturesDir);
  } catch {
    io.stderr(`cailiang demo: no fixture folder at ${fixturesDir} (use --fixtures <dir>)\n`);
    return EXIT.usage;
  }
  for (const path of files) {
    const read = await readSource(path);
    if (read.source) results.push(runFixture({ path: relative(root, path), text: read.source.text }, ruleSets));
  }
  io.stdout(`## 示例案件（${results.length} 件）\n\n| 案件 | 事项 | 建议 |\n|---|---|---|\n`);
  for (const r of results) io.stdout(`| ${r.name} | ${r.disposition?.item ?? ''} | ${outcomeText(r)} |\n`);
  io.stdout('\n');
  for (const r of results) {
    if (r.demo && r.disposition && r.ruleSet && r.case) io.stdout(renderDispositionMarkdown(r.disposition, r.ruleSet, r.case) + '\n');
  }
  const invalid = results.filter((r) => !r.disposition && !refusedAsExpected(r));
  return invalid.length === 0 ? EXIT.ok : EXIT.problems;
}
