import { checkDisposition } from '../load/arguments.js';
import type { Disposition } from '../evaluate/types.js';
import { VERSION } from '../version.js';

/**
 * The canonical JSON report of a disposition: fixed key order, money in fen,
 * no timestamps. Same disposition, same bytes.
 */
export function renderDispositionJson(d: Disposition): string {
  checkDisposition('renderDispositionJson', d);
  const { reportVersion, ...rest } = d;
  return JSON.stringify({ reportVersion, generator: `cailiang ${VERSION}`, ...rest }, null, 2) + '\n';
}

/** {@link renderDispositionJson} on one line (for NDJSON): the same keys in the same order, no indentation. */
export function renderDispositionJsonLine(d: Disposition): string {
  checkDisposition('renderDispositionJsonLine', d);
  const { reportVersion, ...rest } = d;
  return JSON.stringify({ reportVersion, generator: `cailiang ${VERSION}`, ...rest });
}
