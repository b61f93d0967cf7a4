// Worker thread. It holds one shard of a preview corpus (compact tables + deflated
// details) and evaluates definitions over it, and it runs one-shot matches over nodes
// sent with the request. Tasks run one at a time in arrival order; `cancel` is acted on
// at once, between batches of the running evaluation.
import { openSync, readSync, closeSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { threadEngine, type ExactEngine } from './exact';
import type { FileRange, FromWorker, ToWorker } from './protocol';
import { Shard } from './shard';
import { maasXPath } from './stream-pattern';

const port = parentPort;
if (port === null) throw new Error('xpath-worker must run in a worker thread');

const post = (message: FromWorker, transfer?: ArrayBuffer[]): void => port.postMessage(message, transfer);
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Post matches at least this often, so the first ones arrive within a frame or two. */
const POST_EVERY_MS = 12;

const cancelled = new Set<number>();
const queue: ToWorker[] = [];
let running = false;
let shard: Shard | null = null;

async function evaluate(engine: ExactEngine, target: Shard, job: number, definition: string): Promise<void> {
  // libxml2 gets the definition as MAAS's does; the fast path reads it as that answers.
  const xpath = maasXPath(definition);
  const compiled = engine.compile(definition);
  if (!compiled.ok) {
    post({ kind: 'failed', job, message: compiled.message, invalid: true });
    return;
  }
  try {
    const run = target.evaluate(xpath, compiled.compiled, 32);
    let ids: string[] = [];
    let done = 0;
    let last = performance.now();
    for (let step = run.next(); ; step = run.next()) {
      if (step.done) {
        if (done > 0) post({ kind: 'batch', job, ids, done });
        post({ kind: 'done', job, stats: step.value });
        return;
      }
      ids.push(...step.value.ids);
      done += step.value.done;
      if (performance.now() - last >= POST_EVERY_MS) {
        post({ kind: 'batch', job, ids, done });
        ids = [];
        done = 0;
        await yieldToMessages();
        if (cancelled.has(job)) return;
        last = performance.now();
      }
    }
  } finally {
    engine.release(compiled);
  }
}

/** One-shot match (the region's rebuild): nodes loaded a batch at a time, then dropped. */
async function match(engine: ExactEngine, task: Extract<ToWorker, { kind: 'match' }>): Promise<void> {
  const xpath = maasXPath(task.definition);
  const compiled = engine.compile(task.definition);
  if (!compiled.ok) {
    post({ kind: 'failed', job: task.job, message: compiled.message, invalid: true });
    return;
  }
  // Loading the tables only pays when the fast path can answer the definition.
  const fast = Shard.fastPathCovers(xpath);
  try {
    for (let from = 0; from < task.docs.length; from += task.batchSize) {
      if (cancelled.has(task.job)) return;
      const docs = task.docs.slice(from, from + task.batchSize);
      let ids: string[];
      if (fast) {
        const batch = new Shard(engine, false);
        for (const doc of docs) batch.upsert(doc);
        ids = [];
        const run = batch.evaluate(xpath, compiled.compiled, task.batchSize);
        for (let step = run.next(); !step.done; step = run.next()) ids.push(...step.value.ids);
        batch.clear(); // frees the composites it kept parsed
      } else ids = docs.filter((doc) => engine.matchOnce(compiled.compiled, doc)).map((doc) => doc.id);
      post({ kind: 'batch', job: task.job, ids, done: docs.length });
      await yieldToMessages();
    }
    post({ kind: 'done', job: task.job });
  } finally {
    engine.release(compiled);
  }
}

/**
 * A shard's bytes read from its place in a saved corpus file, here, so that reopening does
 * not pass every shard through the main thread (one read per worker, side by side).
 */
function readRange(range: FileRange): Uint8Array {
  const bytes = new Uint8Array(range.length);
  const fd = openSync(range.path, 'r');
  try {
    for (let at = 0; at < range.length;) {
      const n = readSync(fd, bytes, at, range.length - at, range.offset + at);
      if (n === 0) throw new Error(`${range.path} ended before its shard did`);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

async function perform(task: ToWorker): Promise<void> {
  const engine = await threadEngine();
  shard ??= new Shard(engine, true);
  switch (task.kind) {
    case 'load':
      for (const doc of task.docs) shard.upsert(doc);
      return;
    case 'remove':
      for (const id of task.ids) shard.remove(id);
      return;
    case 'clear':
      shard.clear();
      return;
    case 'evaluate':
      if (!cancelled.has(task.job)) await evaluate(engine, shard, task.job, task.definition);
      return;
    case 'match':
      if (!cancelled.has(task.job)) await match(engine, task);
      return;
    case 'stats':
      post({
        kind: 'stats',
        job: task.job,
        stats: {
          nodes: shard.size,
          tableBytes: shard.bytes,
          wasmBytes: engine.libxml.heapBytes,
          heapBytes: getHeapStatistics().used_heap_size,
        },
      });
      return;
    case 'snapshot': {
      const bytes = shard.snapshot();
      post({ kind: 'snapshot', job: task.job, bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    case 'restore':
      post({ kind: 'restored', job: task.job, ids: shard.restore(task.bytes instanceof Uint8Array ? task.bytes : readRange(task.bytes)) ? shard.ids() : null });
      return;
    case 'cancel':
      return;
  }
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      const job = 'job' in task ? task.job : -1;
      try {
        await perform(task);
      } catch (error) {
        post({ kind: 'failed', job, message: error instanceof Error ? error.message : String(error), invalid: false });
      } finally {
        if (job >= 0) cancelled.delete(job);
      }
    }
  } finally {
    running = false;
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') cancelled.add(message.job);
  else {
    queue.push(message);
    void drain();
  }
});
post({ kind: 'ready' });
