// The main thread's side of an answer worker (maas-answer-worker.ts): one thread per MAAS
// server's transport, started at its first large answer, holding the process open only while
// it has work. One server per thread, so a server answering a huge (or hostile) body delays
// only its own reads: every other server's polls go on reading on their own threads. A large
// answer's body goes to the thread as it arrives, copied into 1 MiB pieces that are handed
// over: the main thread never holds the whole body, never joins it into one buffer (joining
// 150 MB alone held it for seconds here) and never parses it. The result comes back in slices
// (a long list a few thousand entries at a time), so taking it in costs the main thread short
// steps however long the list. If the thread cannot start, every read fails saying so:
// nothing falls back to parsing here.
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../worker-threads/spawn-worker';
import type { ReaderName, ReadInput, ReadOutput } from './answer-readers';
import type { FromAnswerWorker, ToAnswerWorker } from './answer-protocol';
import { sizeText } from './answer-limits';
import { MaasAnswerTooLargeError, MaasMalformedAnswerError } from './errors';

/** How much of a body is gathered before it is sent to the answer thread. */
const PIECE_BYTES = 1024 * 1024;

/**
 * The reader thread's heap. A valid 256 MiB node list (the largest answer read) parses into
 * well under this (150 MB of MAAS 3.x machines: ~1 GiB for the whole process); a hostile one
 * built to cost more (millions of tiny objects) ends the thread, not the process, and is
 * reported as too large to read. MAAS_CONSOLE_ANSWER_HEAP_MB sets another size, read when the
 * thread starts.
 */
export const ANSWER_WORKER_HEAP_MB = 3072;
const heapMb = (): number => {
  const asked = Number(process.env.MAAS_CONSOLE_ANSWER_HEAP_MB);
  return Number.isSafeInteger(asked) && asked >= 16 ? asked : ANSWER_WORKER_HEAP_MB;
};

interface Pending { input: ReadInput; size: number; parts: unknown[][]; resolve: (v: unknown) => void; reject: (e: Error) => void }

let lastJob = 0;

/** One server's answer thread: started on demand, replaced after it stops, ended by `close`. */
export class AnswerThread {
  #worker: Worker | null = null;
  #heapMb = ANSWER_WORKER_HEAP_MB;
  readonly #pending = new Map<number, Pending>();

  /** The thread, started if it is not running; throws, saying why, if it cannot start. */
  current(): Worker {
    if (this.#worker) return this.#worker;
    let w: Worker;
    try {
      this.#heapMb = heapMb();
      w = spawnWorker('maas-answer-worker', import.meta.url, { maxOldGenerationSizeMb: this.#heapMb });
    } catch (e) {
      throw new Error(`MAAS answers cannot be read: ${(e as Error).message}`);
    }
    w.unref();
    w.on('message', (m: FromAnswerWorker) => {
      const p = this.#pending.get(m.job);
      if (!p) return;
      if ('part' in m) { p.parts.push(m.part); return; }
      this.#pending.delete(m.job);
      if (this.#pending.size === 0) w.unref();
      if ('value' in m) p.resolve(p.parts.length ? p.parts.flat() : m.value);
      else if (m.failure.kind === 'malformed') p.reject(new MaasMalformedAnswerError(m.failure.message, p.input.status));
      else p.reject(new Error(`${p.input.where}: the answer was not read: ${m.failure.message}`));
    });
    let failure: Error | null = null;
    w.on('error', (e) => { failure = e; });
    w.on('exit', (code) => {
      if (this.#worker !== w) return;
      const oom = (failure as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.#stopped(failure ? `the answer reader thread failed: ${failure.message}` : `the answer reader thread exited (${code})`, oom);
    });
    this.#worker = w;
    return w;
  }

  /** A new body on its way to this server's thread. */
  body(): OffThreadBody {
    return new OffThreadBody(this);
  }

  /** Whether `w` is still this server's thread (a stopped one is not replaced under a body). */
  isCurrent(w: Worker): boolean {
    return this.#worker === w;
  }

  expect(job: number, pending: Pending): void {
    this.#pending.set(job, pending);
    this.#worker?.ref();
  }

  /** Ends the thread; reads still waiting fail saying the connection closed. */
  async close(): Promise<void> {
    const w = this.#worker;
    if (!w) return;
    this.#stopped('the connection was closed', false);
    await w.terminate();
  }

  #stopped(reason: string, outOfMemory: boolean): void {
    this.#worker = null;
    for (const [job, p] of this.#pending) {
      this.#pending.delete(job);
      p.reject(outOfMemory
        ? new MaasAnswerTooLargeError(`${p.input.where}: the answer (${sizeText(p.size)}) needs more memory to read than ` +
          `the answer reader is given (${this.#heapMb} MiB), so it was not used`, p.input.status, p.size, null, p.size)
        : new Error(`${p.input.where}: the answer was not read: ${reason}`));
    }
  }
}

/** One answer's body on its way to its server's answer thread, then read there. */
export class OffThreadBody {
  readonly job = ++lastJob;
  readonly #thread: AnswerThread;
  readonly #worker: Worker;
  #size = 0;
  #piece: Buffer | null = null;
  #filled = 0;

  constructor(thread: AnswerThread) {
    this.#thread = thread;
    this.#worker = thread.current();
    this.#send({ kind: 'open', job: this.job });
  }

  #send(message: ToAnswerWorker, transfer: ArrayBuffer[] = []): void {
    // A thread that has stopped since is not replaced: the chunks sent to it are gone.
    if (this.#thread.isCurrent(this.#worker)) this.#worker.postMessage(message, transfer);
  }

  /** Copies the chunk (undici may reuse its memory) into the piece being filled; sends full pieces. */
  push(chunk: Buffer): void {
    this.#size += chunk.length;
    for (let at = 0; at < chunk.length;) {
      this.#piece ??= Buffer.allocUnsafeSlow(PIECE_BYTES);
      const n = chunk.copy(this.#piece, this.#filled, at);
      at += n;
      this.#filled += n;
      if (this.#filled === PIECE_BYTES) this.#flush();
    }
  }

  #flush(): void {
    if (!this.#piece || this.#filled === 0) return;
    const bytes = new Uint8Array(this.#piece.buffer, 0, this.#filled);
    this.#piece = null;
    this.#filled = 0;
    this.#send({ kind: 'chunk', job: this.job, bytes }, [bytes.buffer as ArrayBuffer]);
  }

  discard(): void {
    this.#send({ kind: 'discard', job: this.job });
  }

  /** The chunks pushed, read by `reader`; or `body`, read here already, handed over instead. */
  read<R extends ReaderName>(reader: R, input: ReadInput, body?: Buffer): Promise<ReadOutput<R>> {
    if (!this.#thread.isCurrent(this.#worker)) {
      return Promise.reject(new Error(`${input.where}: the answer was not read: the answer reader thread stopped while it arrived`));
    }
    const bytes = body ? new Uint8Array(body) : undefined;
    if (bytes) this.discard();
    else this.#flush();
    return new Promise<ReadOutput<R>>((resolve, reject) => {
      this.#thread.expect(this.job, { input, size: bytes?.byteLength ?? this.#size, parts: [], resolve: resolve as (v: unknown) => void, reject });
      this.#send({ kind: 'read', job: this.job, reader, input, body: bytes }, bytes ? [bytes.buffer] : []);
    });
  }
}
