import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { checkCatalog, versionsOf } from '../load/catalog.js';
import { loadRuleSetHeader, type LoadOptions, type RuleSetHeader } from '../load/loadRuleSet.js';
import type { RuleSet } from '../load/model.js';
import type { SourceInput } from '../load/source.js';
import { benchmarkIds, routeCase, type CaseRouting } from '../evaluate/versions.js';
import { itemByCode } from '../load/lookup.js';
import { gateRuleSet } from '../verify/gate.js';
import { readRuleSetFiles } from './fs.js';
import { loadReadRuleSet, type LoadDirOptions } from './loadRuleSetDir.js';
import { scanRuleSetDirs } from './ruleSetDirs.js';

/**
 * A folder of rule sets that loads only what a case needs (`cailiang
 * evaluate`): the case names its rule set or its items, and of the ~60 bundled
 * rule sets one or two are read past their index file.
 *
 * Every rule file is read (bytes, no parsing) and searched for the case's item
 * codes and rule-set ids as whole words (ids and codes are letters, digits,
 * `.`, `_` and `-`, so a YAML scalar holding one shows it literally; a file
 * with a backslash, which could spell it with an escape, matches every word).
 * A folder that shows none of them cannot hold them and is left unread. Of the
 * others, the index file alone gives id, version, validity and `extends`; those
 * are enough to route the case (versions of the id, the `extends` chain, the
 * benchmark over its statutory layer). A rule set is loaded whole only when the
 * route depends on whether it really holds the items (its text may only mention
 * them), and the versions of the id the case is routed to always are.
 *
 * The answer is the one {@link routeCase} gives over every rule set of the
 * folder. Whatever this path does not settle on its own — a case that names
 * nothing, routes to no rule set or to several, a folder that cannot be read,
 * a load error, overlapping versions, a rule set the gate refuses — makes
 * {@link LazyCatalog.route} return undefined, and the caller loads every rule
 * set (and reports what that finds, as before).
 */
export class LazyCatalog {
  readonly dir: string;
  /** Folders passed over by the scan (RULESET_DIR_SKIPPED warnings). */
  readonly skipped: readonly Diagnostic[];
  private readonly folders: Folder[];
  private readonly options: LoadDirOptions;

  private constructor(dir: string, skipped: readonly Diagnostic[], folders: Folder[], options: LoadDirOptions) {
    this.dir = dir;
    this.skipped = skipped;
    this.folders = folders;
    this.options = options;
  }

  /**
   * Scans `dir` and reads its rule files; undefined when `dir` holds no rule-set
   * folder or one of them cannot be read (the full load reports it).
   */
  static async open(dir: string, options: LoadDirOptions = {}): Promise<LazyCatalog | undefined> {
    const scan = await scanRuleSetDirs(dir);
    if (scan.dirs.length === 0) return undefined;
    const folders: Folder[] = [];
    for (const d of scan.dirs) {
      const read = await readRuleSetFiles(d, options.maxFileBytes);
      if (read.diagnostics.length > 0) return undefined;
      const sorted = [...read.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const index = sorted.find((f) => INDEX_NAMES.test(f.path));
      if (!index) return undefined;
      folders.push(new Folder(d, read.files, index, options));
    }
    return new LazyCatalog(dir, scan.skipped, folders, options);
  }

  /** How many folders were loaded whole, and how many by their index file only (for tests and the bench). */
  get loaded(): { readonly whole: number; readonly headers: number } {
    return { whole: this.folders.filter((f) => f.full !== undefined).length, headers: this.folders.filter((f) => f.header !== undefined).length };
  }

  /**
   * The versions of the rule set the case is judged under (oldest first) and
   * the benchmarks passed over, as {@link routeCase} gives them over every rule
   * set in the folder; undefined when the full load must answer.
   */
  async route(c: CaseRouting): Promise<{ versions: RuleSet[]; benchmarkGap?: string; passedOver?: RuleSet[] } | undefined> {
    if (c.ruleSet === undefined && c.items.length === 0) return undefined;
    const seeds =
      c.ruleSet !== undefined ? this.folders.filter((f) => f.indexHas(c.ruleSet!)) : this.folders.filter((f) => c.items.every((code) => f.has(code)));
    const closure = this.closure(seeds);
    if (!closure) return undefined;
    if (checkCatalog(closure.map((f) => f.head!)).length > 0) return undefined;
    const textual = (f: Folder) => c.items.every((code) => f.has(code));
    let route: { ids: readonly string[]; benchmarkGap?: string } | undefined;
    for (;;) {
      const heads = closure.map((f) => f.head!);
      // What is known of each id: holds the items (a version loaded whole has them all), does not, or not yet known.
      const state = new Map<string, 'yes' | 'no' | 'unknown'>();
      for (const f of closure) {
        const id = f.head!.id;
        const s = !textual(f) ? 'no' : f.full === undefined ? 'unknown' : c.items.every((code) => itemByCode(f.full!, code) !== undefined) ? 'yes' : 'no';
        const prior = state.get(id);
        state.set(id, prior === 'yes' || s === 'yes' ? 'yes' : prior === 'unknown' || s === 'unknown' ? 'unknown' : 'no');
      }
      const unknown = c.ruleSet !== undefined ? [] : [...state].filter(([, s]) => s === 'unknown').map(([id]) => id).sort();
      const answer = unknown.length <= MAX_UNKNOWN ? sameForAll(heads, c, state, unknown) : undefined;
      if (answer) {
        route = answer;
        break;
      }
      // Settle one id by loading its candidate versions: the most specific first (a benchmark before the layer it extends).
      const pick = unknown.find((u) => !unknown.some((o) => o !== u && ancestorsOf(heads, o).has(u))) ?? unknown[0]!;
      for (const f of closure) if (f.head!.id === pick && textual(f) && !(await this.loadWhole(f, closure))) return undefined;
    }
    if (route.ids.length !== 1) return undefined;
    const id = route.ids[0]!;
    const versions: RuleSet[] = [];
    for (const f of closure) {
      if (f.head!.id !== id) continue;
      if (!(await this.loadWhole(f, closure))) return undefined;
      versions.push(f.full!);
    }
    if (route.benchmarkGap === undefined) return { versions: versionsOf(versions, id) };
    // The benchmarks passed over: the facts they declare are known facts of the case (the layer leaves them out).
    const passedOver: RuleSet[] = [];
    const gap = new Set(benchmarkIds(route.benchmarkGap));
    for (const f of closure) {
      if (!gap.has(f.head!.id) || !textual(f)) continue;
      if (!(await this.loadWhole(f, closure))) return undefined;
      passedOver.push(f.full!);
    }
    return { versions: versionsOf(versions, id), benchmarkGap: route.benchmarkGap, passedOver };
  }

  /**
   * The seeds, and every folder whose index names an id or `extends` target
   * among them, until nothing is added: all versions of the ids and their
   * `extends` chains (with some folders that only mention them). Undefined
   * when an index does not load.
   */
  private closure(seeds: readonly Folder[]): Folder[] | undefined {
    const inside = new Set<Folder>();
    const todo = [...seeds];
    const words = new Set<string>();
    while (todo.length > 0) {
      const f = todo.pop()!;
      if (inside.has(f)) continue;
      if (!f.head) return undefined;
      inside.add(f);
      const fresh = [f.head.id, ...(f.head.extends !== undefined ? [f.head.extends] : [])].filter((w) => !words.has(w));
      for (const w of fresh) words.add(w);
      if (fresh.length > 0) for (const g of this.folders) if (!inside.has(g) && fresh.some((w) => g.indexHas(w))) todo.push(g);
    }
    return this.folders.filter((f) => inside.has(f));
  }

  /** Loads a folder whole (through the cache when on) and passes it through the gate; false on any error. */
  private async loadWhole(f: Folder, closure: readonly Folder[]): Promise<boolean> {
    if (f.full) return true;
    const r = await loadReadRuleSet(f.dir, { files: f.files, diagnostics: [] }, this.options);
    if (!r.ruleSet || hasErrors(r.diagnostics)) return false;
    if (gateRuleSet(r.ruleSet, closure.map((g) => (g === f ? r.ruleSet! : g.head!))).length > 0) return false;
    f.full = r.ruleSet;
    return true;
  }
}

/** Above this many ids of unknown holding, they are loaded rather than tried in every combination. */
const MAX_UNKNOWN = 6;

const INDEX_NAMES = /(^|[\\/])index\.ya?ml$/;

/** The bytes of an id or code next to a match that make it part of a longer word. */
const WORD = /[A-Za-z0-9._-]/;
const BACKSLASH = 0x5c;

class Folder {
  readonly dir: string;
  readonly files: readonly SourceInput[];
  private readonly bytes: readonly Buffer[];
  private readonly indexBytes: Buffer;
  /** A backslash somewhere: an escape could spell any word, so every search matches. */
  private readonly opaque: boolean;
  private readonly index: SourceInput;
  private headerRead = false;
  header?: RuleSetHeader;
  full?: RuleSet;

  private readonly limits: LoadOptions;

  constructor(dir: string, files: readonly SourceInput[], index: SourceInput, options: LoadDirOptions) {
    this.dir = dir;
    const { cache: _cache, ...limits } = options;
    this.limits = limits;
    this.files = files;
    this.index = index;
    const buf = (f: SourceInput) => (typeof f.text === 'string' ? Buffer.from(f.text, 'utf8') : Buffer.from(f.text.buffer, f.text.byteOffset, f.text.byteLength));
    this.bytes = files.map(buf);
    this.indexBytes = buf(index);
    this.opaque = this.bytes.some((b) => b.includes(BACKSLASH));
  }

  /** The header (the whole rule set once loaded), or undefined when the index does not load alone. */
  get head(): RuleSetHeader | undefined {
    if (this.full) return this.full;
    if (!this.headerRead) {
      this.headerRead = true;
      this.header = loadRuleSetHeader(this.index, this.limits);
    }
    return this.header;
  }

  /** True when some file may hold `word` (an item code). */
  has(word: string): boolean {
    return this.opaque || this.bytes.some((b) => hasWord(b, word));
  }

  /** True when the index file may hold `word` (a rule-set id). */
  indexHas(word: string): boolean {
    return this.opaque || hasWord(this.indexBytes, word);
  }
}

function hasWord(b: Buffer, word: string): boolean {
  const n = Buffer.byteLength(word);
  for (let i = b.indexOf(word); i >= 0; i = b.indexOf(word, i + 1)) {
    const before = i > 0 ? String.fromCharCode(b[i - 1]!) : ' ';
    const after = i + n < b.length ? String.fromCharCode(b[i + n]!) : ' ';
    if (!WORD.test(before) && !WORD.test(after)) return true;
  }
  return false;
}

function ancestorsOf(heads: readonly RuleSetHeader[], id: string): Set<string> {
  const out = new Set<string>();
  const todo = [id];
  while (todo.length > 0)
    for (const r of versionsOf(heads, todo.pop()!))
      if (r.extends !== undefined && !out.has(r.extends)) {
        out.add(r.extends);
        todo.push(r.extends);
      }
  return out;
}

/**
 * The route when it is the same whichever of the `unknown` ids hold the items
 * (every combination tried); undefined when it depends on them.
 */
function sameForAll(
  heads: readonly RuleSetHeader[],
  c: CaseRouting,
  state: ReadonlyMap<string, 'yes' | 'no' | 'unknown'>,
  unknown: readonly string[],
): { ids: readonly string[]; benchmarkGap?: string } | undefined {
  let first: { ids: readonly string[]; benchmarkGap?: string } | undefined;
  let firstKey: string | undefined;
  for (let mask = 0; mask < 1 << unknown.length; mask++) {
    const holding = new Set(unknown.filter((_, i) => mask & (1 << i)));
    const holds = (id: string) => state.get(id) === 'yes' || holding.has(id);
    const r = routeCase(
      {
        has: (id) => heads.some((h) => h.id === id),
        holders: (items) => (items.length === 0 ? [] : [...new Set(heads.map((h) => h.id))].filter(holds).sort()),
        versions: (id) => versionsOf(heads, id),
      },
      c,
    );
    const key = JSON.stringify(r);
    if (firstKey === undefined) {
      first = r;
      firstKey = key;
    } else if (key !== firstKey) return undefined;
  }
  return first;
}
