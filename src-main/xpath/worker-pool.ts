// The xpath worker threads and the routing of their replies to whoever asked.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';
import { spawnWorker } from '../worker-threads/spawn-worker';

export type Reply = Exclude<FromWorker, { kind: 'ready' }>;

export class PoolWorker {
  private readonly worker: Worker;
  private readonly listeners = new Map<number, (message: Reply) => void>();
  /** Failures of tasks without a job (loads): kept until the next evaluation reports them. */
  readonly loadFailures: string[] = [];
  readonly ready: Promise<void>;
  private dead: string | null = null;

  constructor() {
    this.worker = spawnWorker('xpath-worker', import.meta.url);
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`xpath worker exited (${code}) before it was ready`)));
      this.worker.on('message', (message: FromWorker) => {
        if (message.kind === 'ready') {
          // Starting, the worker keeps the process alive; idle, it does not (see listen).
          if (this.listeners.size === 0) this.worker.unref();
          resolve();
        } else if (message.job < 0 && message.kind === 'failed') this.loadFailures.push(message.message);
        else this.listeners.get(message.job)?.(message);
      });
    });
    this.ready.catch(() => undefined); // reported to whoever awaits it
    this.worker.on('error', (error) => this.die(`xpath worker failed: ${error.message}`));
    this.worker.on('exit', (code) => this.die(`xpath worker exited (${code})`));
  }

  /** A worker that failed or exited answers every pending and later request with a failure. */
  private die(reason: string): void {
    this.dead ??= reason;
    for (const listener of [...this.listeners.values()]) {
      listener({ kind: 'failed', job: -1, message: reason, invalid: false });
    }
  }

  post(message: ToWorker, transfer?: ArrayBuffer[]): void {
    if (this.dead === null) this.worker.postMessage(message, transfer);
  }

  /** One request, one reply (stats, snapshot, restore). */
  ask<K extends Reply['kind']>(message: ToWorker & { job: number }, kind: K, transfer?: ArrayBuffer[]): Promise<Extract<Reply, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const stop = this.listen(message.job, (reply) => {
        stop();
        if (reply.kind === kind) resolve(reply as Extract<Reply, { kind: K }>);
        else reject(new Error(reply.kind === 'failed' ? reply.message : `xpath worker answered ${reply.kind}, not ${kind}`));
      });
      this.post(message, transfer);
    });
  }

  /** While someone waits for a reply the worker keeps the process alive; idle, it does not. */
  listen(job: number, listener: (message: Reply) => void): () => void {
    this.listeners.set(job, listener);
    if (this.dead !== null) {
      const reason = this.dead;
      queueMicrotask(() => listener({ kind: 'failed', job: -1, message: reason, invalid: false }));
    }
    this.worker.ref();
    return () => {
      this.listeners.delete(job);
      if (this.listeners.size === 0) this.worker.unref();
    };
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

let lastJob = 0;
export const nextJob = (): number => ++lastJob;

export function defaultWorkerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
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

export function failure(message: Extract<Reply, { kind: 'failed' }>): Error {
  return message.invalid ? new InvalidDefinitionError(message.message) : new Error(message.message);
}
