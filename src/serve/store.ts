import { watch, type FSWatcher } from 'node:fs';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { RuleSet } from '../load/model.js';
import { loadRules } from '../cli/commands/evaluate.js';

/**
 * The rule sets the server answers from, and their reloading. A load is one
 * immutable snapshot; a request takes the current snapshot once, at its start,
 * and uses that one throughout, so it sees one version of the rule folder and
 * never half of one. A reload builds a new snapshot beside the old and swaps
 * the reference only when the new one loaded without errors.
 */

export interface Snapshot {
  /** 1 for the first load, +1 for each successful reload. */
  readonly generation: number;
  readonly ruleSets: readonly RuleSet[];
  /** Rule sets by id, each id's versions in the catalogue's order. */
  readonly byId: ReadonlyMap<string, readonly RuleSet[]>;
  /** Warnings of the load that made this snapshot (e.g. folders passed over). */
  readonly warnings: readonly Diagnostic[];
  /** When it was loaded (ISO 8601): the server may read the clock, the core never does. */
  readonly loadedAt: string;
}

/** The outcome of the last reload that failed, while the old snapshot still answers. */
export interface FailedReload {
  readonly at: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface StoreOptions {
  readonly dir: string;
  readonly cache?: string;
  /** Told about each load: for the log. */
  readonly onLoad?: (event: { ok: boolean; generation: number; ruleSets: number; ms: number; diagnostics: readonly Diagnostic[] }) => void;
}

function snapshotOf(generation: number, ruleSets: readonly RuleSet[], warnings: readonly Diagnostic[]): Snapshot {
  const byId = new Map<string, RuleSet[]>();
  for (const rs of ruleSets) {
    const list = byId.get(rs.id);
    if (list) list.push(rs);
    else byId.set(rs.id, [rs]);
  }
  for (const list of byId.values()) list.sort((a, b) => (a.effective.from < b.effective.from ? -1 : a.effective.from > b.effective.from ? 1 : 0));
  return { generation, ruleSets, byId, warnings, loadedAt: new Date().toISOString() };
}

export class RuleStore {
  private current: Snapshot | undefined;
  private failed: FailedReload | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** A reload running, and whether another was asked for meanwhile. */
  private running: Promise<boolean> | undefined;
  private again = false;

  constructor(private readonly options: StoreOptions) {}

  /** The snapshot requests answer from; undefined before the first successful load. */
  get snapshot(): Snapshot | undefined {
    return this.current;
  }

  /** The last reload's failure, cleared by the next successful one. */
  get lastFailure(): FailedReload | undefined {
    return this.failed;
  }

  get dir(): string {
    return this.options.dir;
  }

  /**
   * Loads the folder; on success the new snapshot replaces the old in one
   * assignment. Returns whether it loaded. Reloads asked for while one runs
   * are folded into one more run after it.
   */
  reload(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let ok: boolean;
      do {
        this.again = false;
        ok = await this.loadOnce();
      } while (this.again);
      this.running = undefined;
      return ok;
    })();
    return this.running;
  }

  private async loadOnce(): Promise<boolean> {
    const started = performance.now();
    const r = await loadRules(this.options.dir, this.options.cache !== undefined ? { cache: this.options.cache } : {});
    const diagnostics = sortDiagnostics(r.diagnostics);
    const ok = !hasErrors(diagnostics) && r.ruleSets.length > 0;
    const generation = (this.current?.generation ?? 0) + (ok ? 1 : 0);
    if (ok) {
      this.current = snapshotOf(generation, r.ruleSets, diagnostics);
      this.failed = undefined;
    } else {
      this.failed = { at: new Date().toISOString(), diagnostics };
    }
    this.options.onLoad?.({ ok, generation, ruleSets: ok ? r.ruleSets.length : 0, ms: Math.round(performance.now() - started), diagnostics });
    return ok;
  }

  /**
   * Reloads when a file under the folder changes (debounced: an editor's
   * save is several events; a `git checkout` many). Returns false when the
   * platform cannot watch the folder (SIGHUP still reloads).
   */
  watch(debounceMs = 200): boolean {
    try {
      this.watcher = watch(this.options.dir, { recursive: true, persistent: false }, () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.reload(), debounceMs);
        this.timer.unref();
      });
      this.watcher.on('error', () => this.unwatch());
      return true;
    } catch {
      return false;
    }
  }

  unwatch(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
