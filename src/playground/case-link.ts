import { stringify } from 'yaml';

/**
 * A case as the playground's form holds it (the shape of a case file), its
 * link (the URL fragment) and its YAML. Pure.
 */
export interface FormCase {
  id: string;
  ruleSet?: string;
  item: string;
  party: { kind: 'person' | 'organization'; name?: string; age?: number; capacity?: 'full' | 'partial' | 'none' };
  dates: { act: string; actEnd?: string; discovered?: string; decision?: string };
  facts?: Record<string, number | boolean | string>;
  circumstances?: string[];
  /** Earlier violations (首违不罚 looks back at them). */
  history?: { item: string; date: string; note?: string }[];
  note?: string;
}

const KEY_ORDER = ['id', 'ruleSet', 'item', 'party', 'dates', 'facts', 'circumstances', 'history', 'note'] as const;

/** The case with its keys in the order of a case file and no empty parts. */
export function tidyCase(c: FormCase): FormCase {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    const v = c[k];
    if (v === undefined) continue;
    if (k === 'facts' && Object.keys(v).length === 0) continue;
    if ((k === 'circumstances' || k === 'history') && (v as unknown[]).length === 0) continue;
    out[k] = v;
  }
  return out as unknown as FormCase;
}

/** The case as a YAML case file (what `cailiang evaluate` reads). */
export function caseYaml(c: FormCase): string {
  return stringify(tidyCase(c), { lineWidth: 0 });
}

function toBase64Url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return undefined;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The URL fragment that reproduces the case: `#case=` and the case's JSON in base64url (UTF-8). */
export function caseFragment(c: FormCase): string {
  return '#case=' + toBase64Url(JSON.stringify(tidyCase(c)));
}

/**
 * The case a fragment holds: `{ value }` (the JSON as written, unchecked: the
 * loader checks it), `{ error }` when the fragment names a case that cannot be
 * read, undefined when it names none.
 */
export function readFragment(hash: string): { value: unknown } | { error: string } | undefined {
  const m = /^#?case=(.*)$/.exec(hash);
  if (!m) return undefined;
  const text = fromBase64Url(m[1]!);
  if (text === undefined) return { error: '链接中的案件无法解码（不是有效的 base64url 编码的 UTF-8 文本）' };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: '链接中的案件不是有效的 JSON' };
  }
}
