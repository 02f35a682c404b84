import { formatYuan } from '../report/format.js';

// Trace messages format the same amounts again and again (statutory bounds,
// rounded recommendations): remember the texts, in a bounded table.
const texts = new Map<number, string>();
const LIMIT = 10_000;

/** {@link formatYuan}, memoised: fen as yuan for people (5万元, 2,000元, 74.47元). */
export function yuan(fen: number): string {
  let t = texts.get(fen);
  if (t === undefined) {
    t = formatYuan(fen);
    if (texts.size >= LIMIT) texts.clear();
    texts.set(fen, t);
  }
  return t;
}
