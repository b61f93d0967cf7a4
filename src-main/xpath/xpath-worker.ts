// Worker thread: evaluates one definition over a shard of nodes with the exact engine,
// posting matches in batches so results stream, and stopping when its job is cancelled.
import { parentPort } from 'node:worker_threads';
import { threadEngine } from './exact';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;
if (port === null) throw new Error('xpath-worker must run in a worker thread');

const cancelled = new Set<number>();
const post = (message: FromWorker): void => port.postMessage(message);
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function run(job: Extract<ToWorker, { kind: 'match' }>): Promise<void> {
  const engine = await threadEngine();
  const compiled = engine.compile(job.definition);
  if (!compiled.ok) {
    post({ kind: 'failed', job: job.job, message: compiled.message });
    return;
  }
  try {
    for (let from = 0; from < job.docs.length; from += job.batchSize) {
      if (cancelled.has(job.job)) return;
      const batch = job.docs.slice(from, from + job.batchSize);
      const ids = batch.filter((doc) => engine.matchOnce(compiled.compiled, doc)).map((doc) => doc.id);
      post({ kind: 'batch', job: job.job, ids, done: batch.length });
      await yieldToMessages();
    }
    post({ kind: 'done', job: job.job });
  } finally {
    engine.release(compiled);
    cancelled.delete(job.job);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') cancelled.add(message.job);
  else
    run(message).catch((error: unknown) =>
      post({ kind: 'failed', job: message.job, message: error instanceof Error ? error.message : String(error) }),
    );
});
post({ kind: 'ready' });
