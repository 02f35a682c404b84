import { printableText } from '../report/printable.js';
import { VERSION } from '../version.js';
import { EXIT, UsageError, type CliIO } from './io.js';

export const HELP = `cailiang ${VERSION} — administrative-penalty discretion rules as code

Usage: cailiang <command> [options]

Commands:
  evaluate <case.yaml>... [--rules <dir>] [--format md|json|html]
                          recommend a disposition for each case
  batch <cases>... [--rules <dir>] [--format md|json|html] [--workers <n>]
                          statistics over many cases (NDJSON or a YAML list):
                          outcomes, 721 shares against the target, 免罚 totals
  audit <decided-cases>... [--rules <dir>] [--format text|json|md] [--spread <n>]
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
  demo [--rules <dir>] [--fixtures <dir>]
                          evaluate the bundled sample cases and print their reports
  serve [--rules <dir>] [--port <n>] [--host <address>]
                          HTTP API (OpenAPI at /openapi.json) and the playground page
  help [<command>]        this help, or a command's

Common options: -r, --rules <dir>   -f, --format <format>   -o, --output <file>
A case, NDJSON or decided-cases file may be "-" (standard input); quoted globs
('cases/*.yaml', 'rules/**') are expanded by cailiang.

Run "cailiang help <command>" or "cailiang <command> --help" for a command's options.
Exit codes: 0 ok, 1 problems in the input, 2 usage or I/O error,
            3 internal error (a bug in cailiang: please report it).
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;
/**
 * Each command is loaded when it runs, so that `cailiang --version` or one
 * `evaluate` does not load the code (and dependencies) of the others. To add
 * a command: one line here, one in HELP.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  evaluate: async () => (await import('./commands/evaluate.js')).evaluateCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  batch: async () => (await import('./commands/batch.js')).batchCommand,
  audit: async () => (await import('./commands/audit.js')).auditCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  statute: async () => (await import('./commands/statute.js')).statuteCommand,
  serve: async () => (await import('../serve/command.js')).serveCommand,
};

function commandOf(name: string): (() => Promise<Command>) | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/**
 * The command-line interface as a function: arguments in, exit code out. All
 * output goes through `io`, so tests call it directly.
 *
 * @example
 * const code = await cli(['verify', 'rules/'], { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
 */
export async function cli(argv: readonly string[], rawIO: CliIO): Promise<number> {
  // Every report and message is shown as text: no control character or bidi override from a file reaches the terminal raw.
  // cailiang's own terminal control (the progress line's \r and erase) goes through `control`, as it is.
  const io: CliIO = {
    ...rawIO,
    stdout: (s) => rawIO.stdout(printableText(s)),
    stderr: (s) => rawIO.stderr(printableText(s)),
    control: rawIO.control ?? ((s) => rawIO.stderr(s)),
  };
  const [name, ...rest] = argv;
  if (name === undefined) {
    // Nothing asked: the usage, as for any other usage mistake.
    io.stderr(HELP);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (name === 'help') {
    if (rest.length === 0) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (!commandOf(rest[0]!)) {
      io.stderr(`cailiang help: unknown command "${rest[0]}"\n\n${HELP}`);
      return EXIT.usage;
    }
    return cli([rest[0]!, '--help'], io);
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const load = commandOf(name);
  if (!load) {
    io.stderr(`cailiang: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  const command = await load();
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
