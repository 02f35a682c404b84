import type { Readable } from 'node:stream';

/**
 * Request bodies: read whole up to a limit (a case, a rule set posted as
 * files), or passed on as a stream (NDJSON). The media type is checked first,
 * so a wrong one costs nothing to refuse.
 */

/** The media type of a Content-Type header, lower case, without parameters; and whether its charset (if any) is UTF-8. */
export function mediaType(header: string | undefined): { type: string; utf8: boolean } {
  if (header === undefined) return { type: '', utf8: true };
  const [type = '', ...params] = header.split(';');
  let utf8 = true;
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k?.trim().toLowerCase() === 'charset') utf8 = /^"?utf-?8"?$/i.test((v ?? '').trim());
  }
  return { type: type.trim().toLowerCase(), utf8 };
}

export const JSON_TYPES = new Set(['application/json']);
export const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);
export const NDJSON_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines']);

/** A body above its limit: `size` is the declared length, or what had arrived when reading stopped. */
export class BodyTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`body of ${size} bytes is above the limit of ${limit} bytes`);
  }
}

/**
 * Reads a body whole, refusing it as soon as it passes `limit` bytes (before
 * reading at all when Content-Length says so): a huge body is never held.
 */
export async function readBody(stream: Readable, limit: number, declared: number | undefined): Promise<Uint8Array> {
  if (declared !== undefined && declared > limit) throw new BodyTooLarge(declared, limit);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += b.length;
    if (size > limit) throw new BodyTooLarge(size, limit);
    parts.push(b);
  }
  const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

/** Content-Length as a number, when it is one. */
export function declaredLength(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string' || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}
