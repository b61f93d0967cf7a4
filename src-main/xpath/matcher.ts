// The tag matcher: one definition over many nodes, exactly as MAAS (the region's tag
// rebuild), in worker threads so the caller never blocks. Nodes are split into one
// contiguous shard per worker; each worker loads them a batch at a time into the compact
// tables (fast path) and falls back to libxml2 where it must; matches stream back.
import { abortError, defaultWorkerCount, failure, nextJob, PoolWorker } from './worker-pool';
import type { DocumentInput } from './protocol';

export { abortError, InvalidDefinitionError } from './worker-pool';

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

const BATCH_SIZE = 100; // MAAS rebuilt tags in batches of 100 nodes

function runShard(
  pw: PoolWorker,
  definition: string,
  docs: DocumentInput[],
  onBatch: (ids: string[], done: number) => void,
  signal?: AbortSignal,
): Promise<string[]> {
  const job = nextJob();
  const found: string[] = [];
  return new Promise<string[]>((resolve, reject) => {
    const finish = (error?: Error): void => {
      stop();
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(found);
    };
    const onAbort = (): void => {
      pw.post({ kind: 'cancel', job });
      finish(abortError());
    };
    const stop = pw.listen(job, (message) => {
      if (message.kind === 'batch') {
        found.push(...message.ids);
        onBatch(message.ids, message.done);
      } else if (message.kind === 'done') finish();
      else if (message.kind === 'failed') finish(failure(message));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    pw.post({ kind: 'match', job, definition, docs, batchSize: BATCH_SIZE });
  });
}

export function createTagMatcher(opts: { workers?: number } = {}): TagMatcher {
  const size = Math.max(1, opts.workers ?? defaultWorkerCount());
  let pool: PoolWorker[] | null = null;
  let closed = false;

  return {
    async match(definition, docs, matchOpts = {}) {
      if (closed) throw new Error('tag matcher is closed');
      const { signal, onBatch } = matchOpts;
      if (signal?.aborted) throw abortError();
      pool ??= Array.from({ length: size }, () => new PoolWorker());
      const workers = pool;
      await Promise.all(workers.map((pw) => pw.ready));
      if (signal?.aborted) throw abortError();
      const shardSize = Math.ceil(docs.length / workers.length) || 1;
      let done = 0;
      const shards = workers.map((pw, index) =>
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
      return (await Promise.all(shards)).flat();
    },
    async close() {
      closed = true;
      const all = pool ?? [];
      pool = null;
      await Promise.all(all.map((pw) => pw.terminate()));
    },
  };
}
