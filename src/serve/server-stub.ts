import { UsageError } from '../cli/io.js';

/**
 * What the library entries (cailiang/node's `cli`) get in place of the HTTP
 * server, so that they do not carry the framework: the server runs from the
 * `cailiang` command.
 */
export class RulesNotLoaded extends Error {
  readonly diagnostics: readonly never[] = [];
}

export async function createServer(): Promise<never> {
  throw new UsageError('the HTTP server runs from the cailiang command (npx cailiang serve), not through the library');
}
