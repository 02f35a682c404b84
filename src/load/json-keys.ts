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
