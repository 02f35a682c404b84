/** Where the CLI writes; tests pass buffers, bin.ts passes the process streams. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** cailiang's own terminal control sequences (the progress line), written unescaped to stderr. */
  control?(text: string): void;
  /** Standard input, read for the file name `-` (absent: empty). */
  stdin?(): AsyncIterable<string | Uint8Array>;
  /** True when stderr is a terminal: long runs then show a progress line there. */
  readonly stderrIsTTY?: boolean;
}

/** Exit codes: 0 fine, 1 problems in the user's input, 2 usage or I/O, 3 a bug in cailiang. */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

/** A usage mistake (bad flag, missing argument): reported in one line, exit 2. */
export class UsageError extends Error {}
