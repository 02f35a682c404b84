import { parseArgs } from 'node:util';
import { jsonSchema, type SchemaKind } from '../../schema/json-schema.js';
import { EXIT, UsageError, type CliIO } from '../io.js';

export const SCHEMA_HELP = `Usage: cailiang schema [index|topic|case]

Prints the JSON Schema (draft 2020-12) of a rule-set index.yaml, a topic file
or a case file, for editor completion. Default: topic.
`;

export async function schemaCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(SCHEMA_HELP);
    return EXIT.ok;
  }
  const kind = (positionals[0] ?? 'topic') as SchemaKind;
  if (!['index', 'topic', 'case'].includes(kind) || positionals.length > 1)
    throw new UsageError(`schema takes one of index, topic or case`);
  io.stdout(JSON.stringify(jsonSchema(kind), null, 2) + '\n');
  return EXIT.ok;
}
