// Run by determinism-tz.test.ts in child processes with different TZ values:
// prints, one JSON line each, the reports of every bundled fixture's case and of
// generated cases whose dates sit on leap days, year ends and the limitation
// boundaries. The parent compares the lines byte for byte across time zones.
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { evaluateInCatalog } from '../../src/evaluate/versions.js';
import type { RuleSet } from '../../src/load/model.js';
import { findRuleSetDirs, loadRuleSetDir } from '../../src/node/index.js';
import { renderDispositionJson } from '../../src/report/disposition-json.js';
import { renderDispositionMarkdown } from '../../src/report/disposition-markdown.js';
import { caseFor, caseSpec, ruleSetSpec } from './arbitraries.js';
import { loadGenerated } from './generated.js';
import { ROOT } from './bundled.js';

const out: string[] = [];
const emit = (name: string, r: ReturnType<typeof evaluateInCatalog>) =>
  out.push(
    JSON.stringify({
      name,
      json: r.disposition ? renderDispositionJson(r.disposition) : null,
      md: r.disposition && r.ruleSet && r.case ? renderDispositionMarkdown(r.disposition, r.ruleSet, r.case) : null,
      diagnostics: r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`),
    }),
  );

const ruleSets: RuleSet[] = [];
for (const dir of await findRuleSetDirs(join(ROOT, 'rules'))) {
  const r = await loadRuleSetDir(dir);
  if (r.ruleSet) ruleSets.push(r.ruleSet);
}
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : /\.ya?ml$/.test(n) ? [join(dir, n)] : []));
for (const path of walk(join(ROOT, 'fixtures'))) {
  const f = parse(readFileSync(path, 'utf8')) as { case?: unknown };
  if (f?.case) emit(relative(ROOT, path), evaluateInCatalog(ruleSets, { path: relative(ROOT, path), value: f.case }));
}
fc.sample(fc.tuple(ruleSetSpec, caseSpec), { numRuns: Number(process.argv[2] ?? 100), seed: 20261130 }).forEach(([spec, cs], i) => {
  emit(`generated #${i}`, evaluateInCatalog([loadGenerated(spec)], { path: `generated-${i}.yaml`, value: caseFor(cs, spec) }));
});
process.stdout.write(JSON.stringify({ tz: process.env.TZ, offset: new Date(2025, 0, 1).getTimezoneOffset(), count: out.length }) + '\n' + out.join('\n') + '\n');
