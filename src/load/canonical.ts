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
  const w = new Writer(omit, (chunk) => h.update(utf8ToBytes(chunk)));
  w.value(value, false);
  w.flush();
  return bytesToHex(h.digest());
}

/**
 * Writes the value as JSON.stringify would write a copy of it with sorted keys:
 * arrays keep their order (an undefined or non-JSON element is null), objects
 * (whatever their class: a Map or a Date has no own keys, so `{}`) drop
 * undefined and non-JSON values and the omitted keys. Pieces are whole tokens,
 * so a string is never cut inside a surrogate pair.
 */
class Writer {
  private buf = '';
  /** Object keys as JSON strings, quoted once: the same few names come back on every item. */
  private readonly quoted = new Map<string, string>();
  constructor(
    private readonly omit: ReadonlySet<string>,
    private readonly sink: (chunk: string) => void,
  ) {}

  flush(): void {
    if (this.buf) this.sink(this.buf);
    this.buf = '';
  }

  value(v: unknown, inArray: boolean): void {
    if (this.buf.length >= 1 << 16) this.flush();
    if (v === null) {
      this.buf += 'null';
      return;
    }
    switch (typeof v) {
      case 'string':
        this.buf += JSON.stringify(v);
        return;
      case 'number':
        this.buf += Number.isFinite(v) ? String(v) : 'null';
        return;
      case 'boolean':
        this.buf += v ? 'true' : 'false';
        return;
      case 'object':
        break;
      default:
        // undefined, functions, symbols: null in an array, left out in an object (the caller skips them).
        if (inArray) {
          this.buf += 'null';
          return;
        }
        throw new TypeError(`canonicalHash: cannot write a ${typeof v}`);
    }
    if (Array.isArray(v)) {
      this.buf += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.buf += ',';
        this.value(v[i], true);
      }
      this.buf += ']';
      return;
    }
    this.buf += '{';
    let first = true;
    const keys = Object.keys(v);
    if (keys.length > 1) keys.sort();
    for (const key of keys) {
      if (this.omit.has(key)) continue;
      const x = (v as Record<string, unknown>)[key];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      if (typeof x === 'bigint') throw new TypeError('canonicalHash: cannot write a bigint');
      let q = this.quoted.get(key);
      if (q === undefined) {
        q = JSON.stringify(key);
        this.quoted.set(key, q);
      }
      this.buf += first ? `${q}:` : `,${q}:`;
      first = false;
      this.value(x, false);
    }
    this.buf += '}';
  }
}
