import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { readPenalties } from '../statute/read.js';
import type { LawReading } from '../statute/types.js';
import type { StatuteSource } from '../verify/context.js';

/** Texts read while indexing, kept for the readings asked for later (by path). */
const texts = new Map<string, string>();

/**
 * Law texts on disk: one Markdown file per law version, named
 * `短标题(YYYY-MM-DD).md` (README of the statute collection). `_index.md` and
 * README files are folder indexes, not laws.
 */
export interface LawFile {
  readonly path: string;
  /** Path under the collection root, with / separators. */
  readonly relPath: string;
  /** Short title from the file name: 食品安全法. */
  readonly shortTitle: string;
  /** Date of the text from the file name, when it has one. */
  readonly date?: string;
}

/** Largest law text read (bytes): the longest in the collection is well under 1 MB. */
export const MAX_LAW_BYTES = 8 * 1024 * 1024;

export function lawFileOf(path: string, root?: string): LawFile {
  const name = basename(path).replace(/\.md$/i, '');
  const m = /^(.*?)\((\d{4}-\d{2}-\d{2})\)$/.exec(name);
  const rel = (root ? relative(root, path) : basename(path)).split(sep).join('/');
  return { path, relPath: rel, shortTitle: m ? m[1]! : name, ...(m ? { date: m[2]! } : {}) };
}

/** Every law file at or below `dir` (or `dir` itself when it is a file), sorted by path. */
export async function listLawFiles(dir: string): Promise<LawFile[]> {
  const s = await stat(dir);
  if (s.isFile()) return [lawFileOf(dir)];
  const out: LawFile[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    for (const name of (await readdir(d)).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      const st = await stat(p);
      if (st.isDirectory()) await walk(p, depth + 1);
      else if (st.isFile() && /\.md$/i.test(name) && !/^(?:_index|README)\.md$/i.test(name)) out.push(lawFileOf(p, dir));
    }
  };
  await walk(dir, 0);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** A law file's text; refuses what is not a regular file or is too large to be a law. */
export async function readLawText(path: string): Promise<string> {
  const s = await stat(path);
  if (!s.isFile()) throw new Error('not a regular file');
  if (s.size > MAX_LAW_BYTES) throw new Error(`larger than ${MAX_LAW_BYTES} bytes`);
  return (await readFile(path)).toString('utf8');
}

/** The date of the last history line of a law text's header (adoption or amendment), YYYY-MM-DD. */
export function lastAmendment(text: string): string | undefined {
  const end = text.indexOf('<!-- INFO END -->');
  const header = end >= 0 ? text.slice(0, end) : '';
  let last: string | undefined;
  for (const m of header.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) last = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return last;
}

/** The full title of a law text: its `# ` heading. */
export function lawTitle(text: string): string {
  const m = /^#\s+(.+)$/m.exec(text);
  return m ? m[1]!.trim() : '';
}

/**
 * The collection as an index by full title: each title's versions (date →
 * file). A rule file's law (title + version date) is looked up here.
 */
export async function indexStatutes(dir: string): Promise<Map<string, Map<string, LawFile>>> {
  const index = new Map<string, Map<string, LawFile>>();
  for (const f of await listLawFiles(dir)) {
    const text = await readLawText(f.path);
    texts.set(f.path, text);
    const title = lawTitle(text);
    if (!title) continue;
    let versions = index.get(title);
    if (!versions) index.set(title, (versions = new Map()));
    versions.set(f.date ?? '', f);
    // A rule file dates a text by its last amendment (the last date of the header), which can be a
    // day before the date in the file name (the day it was published).
    const amended = lastAmendment(text);
    if (amended && !versions.has(amended)) versions.set(amended, f);
  }
  return index;
}

/**
 * The collection under `dir` as verify's statute source: a law is found by
 * its full title and the version date of its text (a file with no date in
 * its name is the collection's only version of that law, and matches any
 * date). Each text is read once, when first asked for.
 */
export async function statuteSource(dir: string): Promise<StatuteSource> {
  const index = await indexStatutes(dir);
  const readings = new Map<string, LawReading>();
  return {
    find(law) {
      const versions = index.get(law.title);
      const f = versions?.get(law.version) ?? (versions?.size === 1 ? versions.get('') : undefined);
      if (!f) return undefined;
      let r = readings.get(f.path);
      if (!r) {
        r = readPenalties(texts.get(f.path)!);
        readings.set(f.path, r);
      }
      return r;
    },
    versions(title) {
      return [...(index.get(title)?.keys() ?? [])].map((d) => d || '(undated)').sort();
    },
  };
}
