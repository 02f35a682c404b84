/**
 * JSON.parse keeps the last of two equal keys without a word and makes
 * `__proto__` an ordinary key: a second `goodsValue` or `decision` would
 * silently win. YAML and JSON case files refuse both; so must NDJSON lines,
 * which are read with JSON.parse for speed. This scan (linear, one pass)
 * says whether a JSON text has a key twice in one object, or a forbidden
 * key; the caller then reads the line with the full parser, which reports
 * each with its position.
 */

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function jsonKeysSuspect(text: string): boolean {
  // One entry per open container: the keys seen in an object, null for an array.
  const stack: (Set<string> | null)[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: find its end, skipping escapes.
      let j = i + 1;
      let escaped = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) {
          escaped = true;
          j += 2;
          continue;
        }
        if (d === 34) break;
        j++;
      }
      const top = stack.length > 0 ? stack[stack.length - 1] : null;
      if (top) {
        let k = j + 1;
        while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
        if (text.charCodeAt(k) === 58) {
          let key: string;
          try {
            key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
          } catch {
            return true;
          }
          if (FORBIDDEN.has(key) || top.has(key)) return true;
          top.add(key);
        }
      }
      i = j + 1;
      continue;
    }
    if (c === 123) stack.push(new Set());
    else if (c === 91) stack.push(null);
    else if (c === 125 || c === 93) stack.pop();
    i++;
  }
  return false;
}

/**
 * One pass over a JSON text, for the common line that is fine: how deep its
 * brackets nest (outside strings) and how many keys it writes (strings
 * followed by `:`). Meant for text JSON.parse then accepts: in valid JSON a
 * string followed by a colon is always a key, so when the parsed value holds
 * as many keys as the text writes, no object had a key twice
 * ({@link parsedKeys}). Anything else (a count that differs, a forbidden
 * key, brackets deeper than the caller's bound) sends the text to
 * {@link jsonKeysSuspect} and the depth scan, which say exactly what.
 */
export function scanJsonText(text: string): { depth: number; keys: number } {
  const n = text.length;
  let depth = 0;
  let most = 0;
  let keys = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === 34) break;
        else j++;
      }
      let k = j + 1;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
        k++;
      }
      if (k < n && text.charCodeAt(k) === 58) keys++;
      i = j;
    } else if (c === 123 || c === 91) {
      if (++depth > most) most = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return { depth: most, keys };
}

/** The keys of every object in a parsed JSON value, or -1 when one is forbidden (`__proto__`, `constructor`, `prototype`). */
export function parsedKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN.has(k)) return -1;
      count++;
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return count;
}
