import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The sha256 of the value as canonical JSON (object keys sorted, `undefined`
 * dropped, the keys in `omit` left out at every level, e.g. source positions),
 * so the same content gives the same hash whatever order it was written in;
 * hashed as it is written:
 * neither a sorted copy of the value nor the whole string is ever held, so
 * hashing a rule set of 150,000 items costs no more memory than a few pieces.
 */
export function canonicalHash(value: unknown, omit: ReadonlySet<string> = new Set()): string {
  const h = sha256.create();
  let buf = '';
  writeCanonical(value, omit, (s) => {
    buf += s;
    if (buf.length >= 1 << 16) {
      h.update(utf8ToBytes(buf));
      buf = '';
    }
  });
  if (buf) h.update(utf8ToBytes(buf));
  return bytesToHex(h.digest());
}

/**
 * Writes the value as JSON.stringify would write a copy of it with sorted keys:
 * arrays keep their order (an undefined or non-JSON element is null), objects
 * (whatever their class: a Map or a Date has no own keys, so `{}`) drop
 * undefined and non-JSON values and the omitted keys. Pieces are whole tokens,
 * so a string is never cut inside a surrogate pair.
 */
function writeCanonical(value: unknown, omit: ReadonlySet<string>, write: (s: string) => void): void {
  const walk = (v: unknown, inArray: boolean): void => {
    if (v === null) return write('null');
    switch (typeof v) {
      case 'string':
        return write(JSON.stringify(v));
      case 'number':
        return write(Number.isFinite(v) ? String(v) : 'null');
      case 'boolean':
        return write(v ? 'true' : 'false');
      case 'object':
        break;
      default:
        // undefined, functions, symbols: null in an array, left out in an object (the caller skips them).
        if (inArray) return write('null');
        throw new TypeError(`canonicalJson: cannot write a ${typeof v}`);
    }
    if (Array.isArray(v)) {
      write('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) write(',');
        walk(v[i], true);
      }
      return write(']');
    }
    write('{');
    let first = true;
    for (const key of Object.keys(v).sort()) {
      if (omit.has(key)) continue;
      const x = (v as Record<string, unknown>)[key];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      if (typeof x === 'bigint') throw new TypeError('canonicalJson: cannot write a bigint');
      write(first ? '' : ',');
      first = false;
      write(JSON.stringify(key));
      write(':');
      walk(x, false);
    }
    write('}');
  };
  walk(value, false);
}
