import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runFixture, type FixtureResult } from '../../fixture/fixture.js';
import { readSource } from '../../node/fs.js';
import { packageRoot } from '../../node/paths.js';
import { formatDiagnosticsText } from '../../report/diagnostics.js';
import { renderDispositionMarkdown } from '../../report/disposition-markdown.js';
import { formatYuan } from '../../report/format.js';
import { BASIS_TEXT, GRADE_TEXT, PENALTY_TEXT } from '../../report/labels.js';
import { EXIT, type CliIO } from '../io.js';
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
  if (!d) return '（案件无效）';
  if (d.outcome === 'none') return `${d.mandatory ? '不予处罚' : '可以不予处罚'}（${BASIS_TEXT[d.basis ?? 'other'].replace(/（.*）$/, '')}）`;
  if (d.outcome === 'undetermined') return `待补充：${d.missingFacts.join('、')}`;
  const fine = d.penalties.find((p) => p.kind === 'fine' && p.target === 'party');
  const amount = fine?.recommended !== undefined ? `罚款${formatYuan(fine.recommended)}` : fine ? '罚款数额待定' : d.penalties.map((p) => PENALTY_TEXT[p.kind]).join('、');
  return `${GRADE_TEXT[d.grade ?? 'general']}，${amount}`;
}

/**
 * The main job on bundled data: verify the bundled rule sets, evaluate every
 * bundled sample case, print a summary table and the full reports of the
 * cases marked `demo: true`.
 */
export async function demoCommand(argv: string[], io: CliIO): Promise<number> {
  const root = argv[0] ?? packageRoot();
  const rulesDir = join(root, 'rules');
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
  for (const path of await walk(join(root, 'fixtures'))) {
    const read = await readSource(path);
    if (read.source) results.push(runFixture({ path: relative(root, path), text: read.source.text }, ruleSets));
  }
  io.stdout(`## 示例案件（${results.length} 件）\n\n| 案件 | 事项 | 建议 |\n|---|---|---|\n`);
  for (const r of results) io.stdout(`| ${r.name} | ${r.disposition?.item ?? ''} | ${outcomeText(r)} |\n`);
  io.stdout('\n');
  for (const r of results) {
    if (r.demo && r.disposition && r.ruleSet && r.case) io.stdout(renderDispositionMarkdown(r.disposition, r.ruleSet, r.case) + '\n');
  }
  const invalid = results.filter((r) => !r.disposition);
  return invalid.length === 0 ? EXIT.ok : EXIT.problems;
}
