import { VERSION } from '../version.js';
import { auditCommand } from './commands/audit.js';
import { batchCommand } from './commands/batch.js';
import { compareCommand } from './commands/compare.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { evaluateCommand } from './commands/evaluate.js';
import { schemaCommand } from './commands/schema.js';
import { statuteCommand } from './commands/statute.js';
import { testCommand } from './commands/test.js';
import { verifyCommand } from './commands/verify.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export const HELP = `cailiang ${VERSION} — administrative-penalty discretion rules as code

Usage: cailiang <command> [options]

Commands:
  evaluate <case.yaml>... [--rules <dir>] [--format md|json|html]
                          recommend a disposition for each case
  batch <cases> [--rules <dir>] [--format md|json|html] [--workers <n>]
                          statistics over many cases (NDJSON or a YAML list):
                          outcomes, 721 shares against the target, 免罚 totals
  audit <decided-cases> [--rules <dir>] [--format text|json|md] [--spread <n>]
                          check officers' decisions against the recommendations
                          (偏离监督); exit 1 on an error-level flag
  compare <rules-a> <rules-b> [--cases <file>] [--format md|json]
                          the same statutory items in two regions, side by side,
                          and sample cases they would treat differently
  verify <rules-dir>...   check rule-set folders; problems as path:line:col
  test [<rules-dir>] [--fixtures <dir>] [--filter <text>] [--require-coverage]
                          run fixture cases and report coverage (default:
                          the bundled rules and fixtures)
  diff <old-dir> <new-dir> [--format md|json]
                          what changed between two versions of a rule set
  schema [index|topic|case]
                          print the JSON Schema of rule files or cases
  statute <show|import|coverage> ...
                          read the penalty clauses of law texts; write a law's
                          statutory layer as a rule set; coverage of a collection
  demo                    evaluate the bundled sample cases and print their reports

Run "cailiang <command> --help" for a command's options.
Exit codes: 0 ok, 1 problems in the input, 2 usage or I/O error.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  evaluate: evaluateCommand,
  verify: verifyCommand,
  schema: schemaCommand,
  test: testCommand,
  demo: demoCommand,
  diff: diffCommand,
  batch: batchCommand,
  audit: auditCommand,
  compare: compareCommand,
  statute: statuteCommand,
};

/**
 * The command-line interface as a function: arguments in, exit code out. All
 * output goes through `io`, so tests call it directly.
 *
 * @example
 * const code = await cli(['verify', 'rules/'], { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
 */
export async function cli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`cailiang: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      io.stderr(`cailiang ${name}: ${(e as Error).message}\nRun "cailiang ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
