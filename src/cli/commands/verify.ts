import { parseArgs } from 'node:util';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/index.js';
import { runFixture, type FixtureResult } from '../../fixture/fixture.js';
import { checkCatalog } from '../../load/catalog.js';
import type { RuleSet } from '../../load/model.js';
import { isIsoDate } from '../../schema/primitives.js';
import { listYamlFiles, readSource } from '../../node/fs.js';
import { checkDirs, type Checked } from '../load-rules.js';
import { formatDiagnostics, type DiagnosticFormat } from '../../report/diagnostics.js';
import { countUnverified, isIgnorableCode, resolveParents, runVerify, VERIFY_CODES } from '../../verify/index.js';
import { CACHE_OPTIONS, cacheDirOf, cacheHelp } from '../cache-options.js';
import { EXIT, UsageError, type CliIO } from '../io.js';
import { statuteSource } from '../../node/statutes.js';
import type { StatuteSource } from '../../verify/context.js';

export const VERIFY_HELP = `Usage: cailiang verify <rules-dir>... [--format text|json|github|sarif] [--strict]
                       [--ignore CODE]... [--as-of YYYY-MM-DD] [--fixtures <dir>] [--quiet]

Checks rule-set folders (a folder with index.yaml, or a folder holding several):
first the files (YAML, schema, references), then the meaning of each rule set
that loads: overlapping tiers and gaps (with a counterexample), masked and
unreachable tiers, ranges outside the statute or the parent rule set (extends:),
citations, validity dates, and, with --fixtures, tiers no fixture exercises.
Prints every problem as  path:line:col  severity  CODE  message.
The checks and their codes: docs/verify.md.

Options:
  -f, --format text|json|github|sarif
                      output format (default text); github prints workflow
                      annotations, sarif a SARIF 2.1.0 log for code scanning
  --strict            treat warnings as errors (exit 1 on any warning)
  --ignore CODE       drop findings of a semantic check (repeatable); the rule
                      set can record its own exceptions under ignore: in index.yaml
  --as-of YYYY-MM-DD  reference date for expiry and staleness (default: today)
  --fixtures <dir>    run the fixtures under <dir> and warn about every tier and
                      list entry none of them exercises
  --statutes <dir>    also check every item against the law texts under <dir>
                      (the statute collection): cited articles exist, ranges,
                      multiples, bases and kinds are what the text says
  -q, --quiet         text format: print problems only, no summary
${cacheHelp(22)}

Exit: 0 no error, 1 errors found, 2 usage or I/O problem, 3 internal error.
`;

const IO_CODES = new Set(['IO_NOT_FOUND', 'IO_NOT_DIRECTORY', 'IO_READ_FAILED', 'IO_LINK_OUTSIDE']);

export { checkDirs, type Checked } from '../load-rules.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line per rule set: ✓ or ✗, identity, size, counts and hash. */
export function summaryLine(r: Checked): string {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  if (!r.ruleSet) return `✗ ${r.dir}  ${plural(errors, 'error')}`;
  const rs = r.ruleSet;
  const tiers = rs.items.reduce((n, i) => n + i.tiers.length, 0);
  const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
  const counts = [
    errors ? plural(errors, 'error') : '',
    warnings ? plural(warnings, 'warning') : '',
    r.ignored ? `${r.ignored} ignored` : '',
    r.unverified ? `${r.unverified} unverified` : '',
  ].filter(Boolean);
  return (
    `${errors ? '✗' : '✓'} ${r.dir}  ${rs.id} ${rs.version}  ${rs.items.length} items · ${tiers} tiers · ${rs.lists.length} list entries` +
    `${counts.map((c) => ` · ${c}`).join('')}  sha256:${rs.hash.slice(0, 12)}`
  );
}

/** Today's date in the local time zone: the only place verify reads the clock. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github', 'sarif'];

export async function verifyCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      quiet: { type: 'boolean', short: 'q', default: false },
      strict: { type: 'boolean', default: false },
      ignore: { type: 'string', multiple: true, default: [] },
      'as-of': { type: 'string' },
      fixtures: { type: 'string' },
      statutes: { type: 'string' },
      ...CACHE_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(VERIFY_HELP);
    return EXIT.ok;
  }
  const format = values.format as DiagnosticFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (text, json, github or sarif)`);
  if (positionals.length === 0) throw new UsageError('verify needs at least one rule-set folder, e.g. cailiang verify rules/');
  const asOf = values['as-of'] ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, got "${asOf}"`);
  const ignore = values.ignore.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const code of ignore)
    if (!isIgnorableCode(code))
      throw new UsageError(`--ignore ${code}: not a semantic-check code (${VERIFY_CODES.filter(isIgnorableCode).join(', ')})`);

  const skipped: Diagnostic[] = [];
  const loaded = await checkDirs(positionals, { cache: cacheDirOf(values) }, skipped);
  const ruleSets = loaded.flatMap((r) => (r.ruleSet ? [r.ruleSet] : []));

  let statutes: StatuteSource | undefined;
  if (values.statutes !== undefined) {
    try {
      statutes = await statuteSource(values.statutes);
    } catch (e) {
      throw new UsageError(`cannot read the statutes at ${values.statutes} (${(e as NodeJS.ErrnoException)?.code ?? (e as Error).message})`);
    }
  }

  let fixtures: FixtureResult[] | undefined;
  if (values.fixtures !== undefined) {
    let files: string[];
    try {
      files = await listYamlFiles(values.fixtures);
    } catch {
      throw new UsageError(`no fixture folder at ${values.fixtures}`);
    }
    fixtures = [];
    for (const path of files) {
      const read = await readSource(path);
      if (read.source) fixtures.push(runFixture(read.source, ruleSets));
    }
  }

  const results: Checked[] = loaded.map((r) => {
    if (!r.ruleSet) return r;
    const report = runVerify(r.ruleSet, {
      asOf,
      parents: resolveParents(r.ruleSet, ruleSets),
      catalog: ruleSets,
      ...(fixtures ? { fixtures } : {}),
      ...(statutes ? { statutes } : {}),
      ignore,
    });
    return {
      ...r,
      diagnostics: sortDiagnostics([...r.diagnostics, ...report.diagnostics]),
      ignored: report.ignored.length,
      unverified: countUnverified(r.ruleSet),
    };
  });
  const strict = (list: readonly Diagnostic[]) =>
    values.strict ? list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : [...list];
  const final = results.map((r) => ({ ...r, diagnostics: strict(r.diagnostics) }));
  // What evaluate refuses, verify reports: versions of one id in force on the same day, and what the folder scan passed over.
  const all = sortDiagnostics([...final.flatMap((r) => r.diagnostics), ...strict(checkCatalog(ruleSets)), ...strict(skipped)]);
  io.stdout(formatDiagnostics(all, format));
  if (format === 'text' && !values.quiet) {
    if (all.length > 0) io.stdout('\n');
    for (const r of final) io.stdout(summaryLine(r) + '\n');
    const e = all.filter((d) => d.severity === 'error').length;
    const w = all.filter((d) => d.severity === 'warning').length;
    const ignored = final.reduce((n, r) => n + (r.ignored ?? 0), 0);
    io.stdout(
      `\n${plural(final.length, 'rule set')}: ${plural(e, 'error')}, ${plural(w, 'warning')}` +
        `${ignored ? `, ${ignored} ignored` : ''}${values.strict ? ' (--strict: warnings count as errors)' : ''}\n`,
    );
  }
  if (all.some((d) => IO_CODES.has(d.code))) return EXIT.usage;
  return hasErrors(all) ? EXIT.problems : EXIT.ok;
}
