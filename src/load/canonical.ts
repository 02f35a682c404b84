import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * JSON with object keys sorted and `undefined` dropped, so the same content
 * always gives the same bytes whatever order it was written in. Keys listed in
 * `omit` are left out at every level (e.g. source positions).
 */
export function canonicalJson(value: unknown, omit: ReadonlySet<string> = new Set()): string {
  return JSON.stringify(sortDeep(value, omit));
}

function sortDeep(value: unknown, omit: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => sortDeep(v, omit));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (omit.has(key)) continue;
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortDeep(v, omit);
    }
    return out;
  }
  return value;
}

/** Hex sha256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
