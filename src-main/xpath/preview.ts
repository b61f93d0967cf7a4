// The live preview's corpus. The nodes' details live in worker threads, split
// into shards, already loaded into the compact tables, so a keystroke costs only the
// evaluation; a newer evaluation cancels the one before it; matches stream back.
import { checkDefinition } from './check';
import { abortError, defaultWorkerCount, failure, InvalidDefinitionError, nextJob, PoolWorker } from './worker-pool';
import type { MatchOptions } from './matcher';
import type { DocumentInput, EvaluationStats, FileRange, ShardStats } from './protocol';

export interface PreviewCorpus {
  /** Replaces every document. */
  set(docs: DocumentInput[]): void;
  upsert(doc: DocumentInput): void;
  /** Adds documents; resolves once every worker has built their tables (back-pressure for large loads). */
  add(docs: DocumentInput[]): Promise<void>;
  remove(id: string): void;
  readonly size: number;
  /** Matching ids in corpus order (streamed through onBatch); AbortError when superseded. */
  evaluate(definition: string, opts?: MatchOptions): Promise<string[]>;
  /** What the last evaluation did (fast path or libxml2), summed over the shards. */
  readonly lastStats: EvaluationStats | null;
  /** Memory held by the shards. */
  stats(): Promise<ShardStats>;
  /** The shards' built tables and kept details (corpus-file.ts saves them). */
  snapshot(): Promise<CorpusSnapshot>;
  /** Replaces every document with a snapshot's; false (and empty) when it is of another format or worker count. */
  restore(snapshot: SnapshotSource): Promise<boolean>;
  close(): Promise<void>;
}

/** One byte array per shard, and the corpus order of every document. */
export interface CorpusSnapshot {
  shards: Uint8Array[];
  order: string[];
}

/** A snapshot to reopen: each shard's bytes, or where they lie in a saved file. */
export interface SnapshotSource {
  shards: (Uint8Array | FileRange)[];
  order: string[];
}

/** Documents per load message: bounded copies between threads. */
const LOAD_CHUNK = 100;

export function createPreviewCorpus(opts: { workers?: number } = {}): PreviewCorpus {
  const workers = Array.from({ length: Math.max(1, opts.workers ?? defaultWorkerCount()) }, () => new PoolWorker());
  /** Where each document lives, and its place in corpus order. */
  const placement = new Map<string, { shard: number; seq: number }>();
  const shardSizes = workers.map(() => 0);
  let seq = 0;
  let current: { controller: AbortController } | null = null;
  let lastStats: EvaluationStats | null = null;

  const leastLoaded = (): number => shardSizes.indexOf(Math.min(...shardSizes));

  const place = (doc: DocumentInput): number => {
    const known = placement.get(doc.id);
    if (known !== undefined) return known.shard;
    const shard = leastLoaded();
    placement.set(doc.id, { shard, seq: seq++ });
    shardSizes[shard]++;
    return shard;
  };

  const load = (docs: DocumentInput[]): void => {
    const perShard = workers.map((): DocumentInput[] => []);
    for (const doc of docs) perShard[place(doc)].push(doc);
    perShard.forEach((list, shard) => {
      for (let from = 0; from < list.length; from += LOAD_CHUNK) {
        workers[shard].post({ kind: 'load', docs: list.slice(from, from + LOAD_CHUNK) });
      }
    });
  };

  function evaluateShard(
    pw: PoolWorker,
    definition: string,
    signal: AbortSignal,
    onBatch: (ids: string[], done: number) => void,
  ): Promise<{ ids: string[]; stats: EvaluationStats | undefined }> {
    const job = nextJob();
    const ids: string[] = [];
    return new Promise((resolve, reject) => {
      const finish = (error: Error | null, stats?: EvaluationStats): void => {
        stop();
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve({ ids, stats });
      };
      const onAbort = (): void => {
        pw.post({ kind: 'cancel', job });
        finish(abortError());
      };
      const stop = pw.listen(job, (message) => {
        if (message.kind === 'batch') {
          ids.push(...message.ids);
          onBatch(message.ids, message.done);
        } else if (message.kind === 'done') finish(null, message.stats);
        else if (message.kind === 'failed') finish(failure(message));
      });
      signal.addEventListener('abort', onAbort, { once: true });
      pw.post({ kind: 'evaluate', job, definition });
    });
  }

  return {
    set(docs) {
      current?.controller.abort(); // its answer would be about the old documents
      placement.clear();
      shardSizes.fill(0);
      for (const pw of workers) pw.post({ kind: 'clear' });
      load(docs);
    },
    upsert(doc) {
      load([doc]);
    },
    async add(docs) {
      load(docs);
      // Each worker answers in order, so its answer means it has taken every load before it.
      await Promise.all(workers.map((pw) => pw.ask({ kind: 'stats', job: nextJob() }, 'stats')));
    },
    remove(id) {
      const known = placement.get(id);
      if (known === undefined) return;
      placement.delete(id);
      shardSizes[known.shard]--;
      workers[known.shard].post({ kind: 'remove', ids: [id] });
    },
    get size() {
      return placement.size;
    },
    get lastStats() {
      return lastStats;
    },
    async evaluate(definition, evalOpts = {}) {
      current?.controller.abort();
      const controller = new AbortController();
      const mine = { controller };
      current = mine;
      const outer = evalOpts.signal;
      const forward = (): void => controller.abort();
      if (outer?.aborted) controller.abort();
      outer?.addEventListener('abort', forward, { once: true });
      try {
        // A definition that does not compile is answered here, before any worker runs.
        const check = await checkDefinition(definition);
        if (!check.ok) throw new InvalidDefinitionError(check.message);
        if (controller.signal.aborted) throw abortError();
        const total = placement.size;
        let done = 0;
        const results = await Promise.all(
          workers.map((pw) =>
            evaluateShard(pw, definition, controller.signal, (ids, count) => {
              done += count;
              evalOpts.onBatch?.(ids, done, total);
            }),
          ),
        );
        const failures = workers.flatMap((pw) => pw.loadFailures.splice(0));
        if (failures.length > 0) throw new Error(`loading details failed: ${failures[0]}`);
        lastStats = results.reduce<EvaluationStats>(
          (sum, r) => ({
            nodes: sum.nodes + (r.stats?.nodes ?? 0),
            fast: sum.fast + (r.stats?.fast ?? 0),
            exact: sum.exact + (r.stats?.exact ?? 0),
            fastPlan: sum.fastPlan && (r.stats?.fastPlan ?? true),
          }),
          { nodes: 0, fast: 0, exact: 0, fastPlan: true },
        );
        const order = (id: string): number => placement.get(id)?.seq ?? Number.MAX_SAFE_INTEGER;
        return results.flatMap((r) => r.ids).sort((a, b) => order(a) - order(b));
      } finally {
        outer?.removeEventListener('abort', forward);
        if (current === mine) current = null;
      }
    },
    async stats() {
      const replies = await Promise.all(workers.map((pw) => pw.ask({ kind: 'stats', job: nextJob() }, 'stats')));
      return replies.map((r) => r.stats).reduce((sum, s) => ({
        nodes: sum.nodes + s.nodes,
        tableBytes: sum.tableBytes + s.tableBytes,
        wasmBytes: sum.wasmBytes + s.wasmBytes,
        heapBytes: sum.heapBytes + s.heapBytes,
      }));
    },
    async snapshot() {
      const replies = await Promise.all(workers.map((pw) => pw.ask({ kind: 'snapshot', job: nextJob() }, 'snapshot')));
      const order = [...placement.entries()].sort((a, b) => a[1].seq - b[1].seq).map(([id]) => id);
      return { shards: replies.map((r) => r.bytes), order };
    },
    async restore(snapshot) {
      if (snapshot.shards.length !== workers.length) return false;
      current?.controller.abort();
      const replies = await Promise.all(
        workers.map((pw, i) => {
          // Bytes get a buffer of their own, handed over without a copy; a file range is read by the worker.
          const shard = snapshot.shards[i];
          const bytes = shard instanceof Uint8Array ? shard.slice() : shard;
          const transfer = bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : undefined;
          // A shard that cannot be read (the file gone meanwhile) reopens nothing: the caller rebuilds.
          return pw.ask({ kind: 'restore', job: nextJob(), bytes }, 'restored', transfer).catch(() => ({ ids: null }));
        }),
      );
      placement.clear();
      shardSizes.fill(0);
      if (replies.some((r) => r.ids === null)) {
        for (const pw of workers) pw.post({ kind: 'clear' });
        return false;
      }
      const rank = new Map(snapshot.order.map((id, i) => [id, i]));
      replies.forEach((r, shard) => {
        for (const id of r.ids ?? []) placement.set(id, { shard, seq: rank.get(id) ?? snapshot.order.length });
        shardSizes[shard] = r.ids?.length ?? 0;
      });
      seq = snapshot.order.length + 1;
      return true;
    },
    async close() {
      current?.controller.abort();
      await Promise.all(workers.map((pw) => pw.terminate()));
    },
  };
}

/**
 * Replaces a corpus's documents with pages read one after another, at most two pages in
 * the workers' hands at a time: the details of thousands of nodes are never all in the
 * main process's memory (or queued to the workers) at once.
 */
export async function fillCorpus(corpus: PreviewCorpus, pages: AsyncIterable<DocumentInput[]>): Promise<void> {
  corpus.set([]);
  let previous: Promise<void> = Promise.resolve();
  for await (const page of pages) {
    const taking = corpus.add(page);
    await previous;
    previous = taking;
  }
  await previous;
}
