import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * Work spread over worker threads, results back in input order. The caller
 * feeds inputs from an async source; each goes to the least busy worker, and
 * `sink` sees the outputs strictly in the order of their inputs (a small
 * reorder buffer holds those that come back early). At most `window` inputs
 * are out at a time, so a huge source is read only as fast as it is worked
 * through and memory stays flat.
 *
 * A worker that fails (throws, cannot start, exits) stops everything: the
 * other workers are terminated, the source is closed, and the promise rejects
 * with a {@link WorkerFailure} saying what happened; it never hangs.
 */

/** What a worker posts back for one input. */
export type WorkerReply<O> = { readonly seq: number; readonly output: O } | { readonly seq: number; readonly error: string };

/** A worker thread failed: its message is meant for the user, without a stack trace. */
export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
}

/**
 * The worker script `name` (e.g. 'batch-worker') next to this module: the
 * built `dist/<name>.js` (tsup bundles this module into dist/, where the
 * worker is an entry of its own), or, when running from the TypeScript
 * sources (vitest, tsx), `src/cli/<name>.ts`.
 */
export function workerScript(name: string): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
}

function startWorker(script: URL, workerData: unknown): Worker {
  // Workers take the process's Node options, except --input-type: it is about
  // the main script (`node --input-type=module -e …`) and a worker refuses to start with it.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData, execArgv });
  // From the sources, the worker is TypeScript: a plain-JS stub registers tsx
  // in the new thread, then imports it. (`execArgv: ['--import', 'tsx']` does
  // not reach worker threads on Node 20.) Only tests and `tsx` runs get here.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(boot, { eval: true, workerData, execArgv });
}

export interface PoolOptions {
  /** Worker script (see {@link workerScript}); it answers each `{ seq, input }` with a {@link WorkerReply}. */
  readonly script: URL;
  readonly workers: number;
  /** Given to every worker as `workerData` (cloned once per worker; a SharedArrayBuffer is shared). */
  readonly workerData: unknown;
  /** Most inputs out at a time, answered or not (default 2 × workers). */
  readonly window?: number;
  /** What of an input is moved to the worker rather than copied (e.g. the buffer of its bytes). */
  readonly transfer?: (input: never) => readonly TransferListItem[];
}

/**
 * Sends each input of `source` to a worker and passes the outputs to `sink`
 * in input order. `sink` returns false to stop early (the rest is not read).
 */
export async function mapInWorkers<I, O>(source: AsyncIterable<I>, options: PoolOptions, sink: (output: O) => boolean | void): Promise<void> {
  const window = Math.max(1, options.window ?? 2 * options.workers);
  const pending = new Map<number, O>();
  let sent = 0;
  let next = 0;
  let failure: Error | undefined;
  let stopped = false;
  let closing = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (message: string) => {
    failure ??= new WorkerFailure(message);
    notify();
  };
  // Resolves on the next reply or failure: the only thing worth waiting for.
  const changed = () => new Promise<void>((resolve) => (wake = resolve));

  const workers: { thread: Worker; busy: number }[] = [];
  const finish = async () => {
    closing = true;
    await Promise.all(workers.map((w) => w.thread.terminate()));
  };
  try {
    for (let i = 0; i < options.workers; i++) {
      let thread: Worker;
      try {
        thread = startWorker(options.script, options.workerData);
      } catch (e) {
        throw new WorkerFailure(`could not start a worker thread: ${e instanceof Error ? e.message : String(e)}`);
      }
      const w = { thread, busy: 0 };
      workers.push(w);
      w.thread.on('message', (reply: WorkerReply<O>) => {
        w.busy--;
        if ('error' in reply) return fail(reply.error);
        pending.set(reply.seq, reply.output);
        try {
          while (!stopped && !failure && pending.has(next)) {
            const out = pending.get(next)!;
            pending.delete(next);
            next++;
            if (sink(out) === false) stopped = true;
          }
        } catch (e) {
          failure ??= e instanceof Error ? e : new Error(String(e));
        }
        notify();
      });
      w.thread.on('error', (e: unknown) => fail(`worker thread failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`));
      w.thread.on('messageerror', (e: unknown) => fail(`worker thread sent a message that could not be read: ${e instanceof Error ? e.message : String(e)}`));
      w.thread.on('exit', (code) => {
        if (!closing) fail(`worker thread stopped unexpectedly (exit code ${code})`);
      });
    }

    for await (const input of source) {
      while (sent - next >= window && !failure && !stopped) await changed();
      if (failure || stopped) break; // closes the source
      const w = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      w.busy++;
      const moved = options.transfer?.(input as never);
      w.thread.postMessage({ seq: sent++, input }, moved ? [...moved] : undefined);
    }
    while (next < sent && !failure && !stopped) await changed();
  } finally {
    await finish();
  }
  if (failure) throw failure;
}
