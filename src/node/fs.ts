import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { DEFAULT_LIMITS, type SourceInput } from '../load/source.js';

/**
 * Reads a rule-set folder's *.yaml / *.yml files (sorted, regular files only).
 * The calls are synchronous inside: a rule set is a few small regular files,
 * and one round trip through the thread pool per call cost more than the reads
 * (63 bundled folders, 126 files: a third of a cold `evaluate`).
 */
export async function readRuleSetFiles(
  dir: string,
  maxFileBytes = DEFAULT_LIMITS.maxFileBytes,
): Promise<{ files: SourceInput[]; diagnostics: Diagnostic[] }> {
  const place = { file: dir, line: 1, column: 1 };
  let info;
  try {
    info = statSync(dir);
  } catch (e) {
    return { files: [], diagnostics: [ioDiagnostic(dir, e)] };
  }
  if (!info.isDirectory()) return { files: [], diagnostics: [diagnostic('IO_NOT_DIRECTORY', place)] };
  let listed: string[];
  let root: string;
  try {
    listed = readdirSync(dir);
    root = realpathSync(dir);
  } catch (e) {
    // A folder that can be entered but not listed.
    return { files: [], diagnostics: [ioDiagnostic(dir, e)] };
  }
  const names = listed.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
  const files: SourceInput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const path = join(dir, name);
    // A rule file that is a link may point anywhere in the folder, never out of it
    // (/etc/passwd, /proc/self/environ): refused unread, its target not named.
    const outside = linkLeaves(path, root);
    if (outside) {
      diagnostics.push(diagnostic('IO_LINK_OUTSIDE', { file: path, line: 1, column: 1 }));
      continue;
    }
    const r = readSourceSync(path, maxFileBytes);
    if (r.diagnostic) diagnostics.push(r.diagnostic);
    if (r.source) files.push(r.source);
  }
  if (names.length === 0) diagnostics.push(diagnostic('RULESET_EMPTY', place));
  return { files, diagnostics };
}

/**
 * Reads one file as bytes for the pure loader. Only regular files are read (no
 * devices or FIFOs), and files above the size limit are not read at all.
 */
export async function readSource(
  path: string,
  maxFileBytes = DEFAULT_LIMITS.maxFileBytes,
): Promise<{ source?: SourceInput; diagnostic?: Diagnostic }> {
  return readSourceSync(path, maxFileBytes);
}

function readSourceSync(path: string, maxFileBytes: number): { source?: SourceInput; diagnostic?: Diagnostic } {
  const place = { file: path, line: 1, column: 1 };
  try {
    const l = lstatSync(path);
    const s = l.isSymbolicLink() ? statSync(path) : l;
    if (s.isDirectory()) return { diagnostic: diagnostic('IO_READ_FAILED', place, { detail: 'is a folder' }) };
    if (!s.isFile()) return { diagnostic: diagnostic('IO_READ_FAILED', place, { detail: 'not a regular file' }) };
    if (s.size > maxFileBytes)
      return { diagnostic: diagnostic('FILE_TOO_LARGE', place, { size: s.size, limit: maxFileBytes }) };
    const bytes = readFileSync(path);
    return { source: { path, text: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) } };
  } catch (e) {
    return { diagnostic: ioDiagnostic(path, e) };
  }
}

export function ioDiagnostic(path: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException)?.code;
  const place = { file: path, line: 1, column: 1 };
  if (code === 'ENOENT' || code === 'ENOTDIR') return diagnostic('IO_NOT_FOUND', place);
  return diagnostic('IO_READ_FAILED', place, { detail: code ?? (e instanceof Error ? e.message : String(e)) });
}

/** True when `path` is a symbolic link whose target is not inside `root` (a real path), or cannot be resolved. */
function linkLeaves(path: string, root: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return false;
    const target = realpathSync(path);
    const r = relative(root, target);
    return r === '' || r === '..' || r.startsWith('..' + sep) || isAbsolute(r);
  } catch {
    // A dangling link: readSource says IO_NOT_FOUND.
    return false;
  }
}

/** The *.yaml / *.yml files at or below a folder, sorted, skipping hidden entries. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const s = await stat(path);
    if (s.isDirectory()) out.push(...(await listYamlFiles(path)));
    else if (s.isFile() && /\.ya?ml$/i.test(name)) out.push(path);
  }
  return out;
}
