// The tag matcher: one definition over many nodes, exactly as MAAS, in worker threads so
// the caller (region request handling, console) never blocks. Nodes are split into one
// contiguous shard per worker; matches stream back in batches.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { DocumentInput, FromWorker, ToWorker } from './protocol';
import { spawnWorker } from './spawn-worker';

export interface MatchOptions {
  signal?: AbortSignal;
  /** Matches as they are found: ids, nodes evaluated so far, and the total. */
  onBatch?: (ids: string[], done: number, total: number) => void;
}

export interface TagMatcher {
  /** Ids of the nodes the definition matches, in input order. */
  match(definition: string, docs: DocumentInput[], opts?: MatchOptions): Promise<string[]>;
  close(): Promise<void>;
}

/** A definition that does not compile; the message is libxml2's (lxml's) reason. */
export class InvalidDefinitionError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid xpath expression: ${reason}`);
    this.name = 'InvalidDefinitionError';
  }
}

export function abortError(): Error {
  return new DOMException('The tag evaluation was cancelled', 'AbortError');
}

const BATCH_SIZE = 100; // MAAS rebuilt tags in batches of 100 nodes

interface PoolWorker {
  worker: Worker;
  ready: Promise<void>;
  listeners: Map<number, (message: FromWorker) => void>;
}

function startWorker(): PoolWorker {
  const worker = spawnWorker();
  const listeners = new Map<number, (message: FromWorker) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') resolve();
      else listeners.get(message.job)?.(message);
    });
  });
  worker.on('error', (error) => {
    for (const listener of listeners.values()) listener({ kind: 'failed', job: -1, message: error.message });
  });
  worker.unref();
  return { worker, ready, listeners };
}

export function createTagMatcher(opts: { workers?: number } = {}): TagMatcher {
  const size = Math.max(1, opts.workers ?? Math.min(4, Math.max(1, availableParallelism() - 1)));
  let pool: PoolWorker[] | null = null;
  let nextJob = 1;
  let closed = false;

  const workers = (): PoolWorker[] => {
    pool ??= Array.from({ length: size }, startWorker);
    return pool;
  };

  async function runShard(
    pw: PoolWorker,
    definition: string,
    docs: DocumentInput[],
    onBatch: (ids: string[], done: number) => void,
    signal?: AbortSignal,
  ): Promise<string[]> {
    await pw.ready;
    if (signal?.aborted) throw abortError();
    const job = nextJob++;
    const found: string[] = [];
    return new Promise<string[]>((resolve, reject) => {
      const finish = (error?: Error): void => {
        pw.listeners.delete(job);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(found);
      };
      const onAbort = (): void => {
        pw.worker.postMessage({ kind: 'cancel', job } satisfies ToWorker);
        finish(abortError());
      };
      pw.listeners.set(job, (message) => {
        if (message.kind === 'batch') {
          found.push(...message.ids);
          onBatch(message.ids, message.done);
        } else if (message.kind === 'done') finish();
        else if (message.kind === 'failed') {
          finish(message.job === job ? new InvalidDefinitionError(message.message) : new Error(message.message));
        }
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      pw.worker.postMessage({ kind: 'match', job, definition, docs, batchSize: BATCH_SIZE } satisfies ToWorker);
    });
  }

  return {
    async match(definition, docs, matchOpts = {}) {
      if (closed) throw new Error('tag matcher is closed');
      const { signal, onBatch } = matchOpts;
      if (signal?.aborted) throw abortError();
      const all = workers();
      const shardSize = Math.ceil(docs.length / all.length) || 1;
      let done = 0;
      const shards = all.map((pw, index) =>
        runShard(
          pw,
          definition,
          docs.slice(index * shardSize, (index + 1) * shardSize),
          (ids, count) => {
            done += count;
            onBatch?.(ids, done, docs.length);
          },
          signal,
        ),
      );
      const results = await Promise.all(shards);
      return results.flat();
    },
    async close() {
      closed = true;
      const all = pool ?? [];
      pool = null;
      await Promise.all(all.map((pw) => pw.worker.terminate()));
    },
  };
}
