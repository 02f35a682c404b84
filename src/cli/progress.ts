import type { CliIO } from './io.js';

/** How many cases between two updates of the progress line. */
export const PROGRESS_EVERY = 1000;

export interface Progress {
  /** Counts one more case; every {@link PROGRESS_EVERY} cases the line is redrawn. */
  tick(): void;
  /** Clears the line (before the report or a message). */
  done(): void;
}

/**
 * A progress line on stderr for long batch and audit runs, as test runners
 * show one: only when stderr is a terminal and not under --quiet, so a pipe,
 * a file or CI logs never get it. Drawn in place with a carriage return and
 * cleared at the end; it counts cases, it reads no clock.
 */
export function progress(io: CliIO, command: string, quiet: boolean): Progress {
  if (quiet || io.stderrIsTTY !== true) return { tick() {}, done() {} };
  let n = 0;
  let shown = false;
  return {
    tick() {
      if (++n % PROGRESS_EVERY !== 0) return;
      (io.control ?? io.stderr)(`\rcailiang ${command}: ${n.toLocaleString('en-US')} cases…`);
      shown = true;
    },
    done() {
      if (shown) (io.control ?? io.stderr)('\r\x1b[K');
      shown = false;
    },
  };
}
