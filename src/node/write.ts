import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Writes a file atomically: the text goes to a temporary file in the same
 * folder, is flushed to disk, and then renamed over the target, so a reader
 * sees the old file or the new one, never half of one, and a failed write
 * leaves the old file as it was. An existing file keeps its permissions.
 *
 * @example
 * await writeFileAtomic('out/report.md', markdown);
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(resolve(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = 0o666;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch {
    // a new file
  }
  const handle = await open(tmp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** What a command reads: files given on the command line, and rule-set folders. */
export interface OutputGuard {
  /** Input files (cases, fixtures) and folders named on the command line. */
  readonly inputs: readonly string[];
  /** Rule-set folders (or folders of rule sets) the command reads. */
  readonly rulesDirs: readonly string[];
}

async function real(p: string): Promise<string | undefined> {
  try {
    return await realpath(p);
  } catch {
    return undefined;
  }
}

/** `child` is `parent` or below it (both real paths). */
const within = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (r !== '..' && !r.startsWith('..' + sep) && !isAbsolute(r));
};

async function identity(p: string): Promise<string | undefined> {
  try {
    const s = await stat(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Why `path` must not be written, or undefined when it may: it is one of the
 * inputs (by path, symbolic link or hard link), it lies inside a rule-set
 * folder (a folder holding index.yaml) or below a rules folder the command
 * reads, or its folder does not exist.
 */
export async function refuseOutput(path: string, guard: OutputGuard): Promise<string | undefined> {
  const folder = await real(dirname(resolve(path)));
  if (folder === undefined) return `its folder ${dirname(path)} does not exist`;
  const target = join(folder, basename(path));
  const targetReal = (await real(target)) ?? target;
  const targetId = await identity(targetReal);
  for (const input of guard.inputs) {
    const r = await real(input);
    if (r === undefined) continue;
    if (r === targetReal || (targetId !== undefined && targetId === (await identity(r)))) return `it is an input file (${input})`;
    // Writing into a folder given as input would change what is read next time.
    if ((await stat(r).catch(() => undefined))?.isDirectory() && within(targetReal, r)) return `it is inside the input folder ${input}`;
  }
  for (const dir of guard.rulesDirs) {
    const r = await real(dir);
    if (r !== undefined && within(targetReal, r)) return `it is inside the rules folder ${dir}`;
  }
  const names = await readdir(folder).catch(() => [] as string[]);
  if (names.includes('index.yaml') || names.includes('index.yml')) return `${dirname(path)} is a rule-set folder (it holds index.yaml)`;
  const existing = await stat(targetReal).catch(() => undefined);
  if (existing?.isDirectory()) return 'it is a folder';
  // A device, FIFO or socket would be replaced by a regular file (as root, /dev/null itself).
  if (existing && !existing.isFile()) return 'it is not a regular file';
  return undefined;
}
