// Messages between the main thread (answer-thread.ts) and the answer worker (maas-answer-worker.ts).
import type { ReaderName, ReadInput } from './answer-readers';

export type ToAnswerWorker =
  | { kind: 'open'; job: number }
  | { kind: 'chunk'; job: number; bytes: Uint8Array }
  | { kind: 'discard'; job: number }
  /** `body` when it was read here (a short answer); else the chunks sent under `job`. */
  | { kind: 'read'; job: number; reader: ReaderName; input: ReadInput; body?: Uint8Array };
export type FromAnswerWorker =
  | { job: number; value: unknown }
  /** Part of a list; `value` (an empty array) follows when the last part has been sent. */
  | { job: number; part: unknown[] }
  | { job: number; failure: { kind: 'malformed' | 'failed'; message: string } };

/** How many entries of a list result travel in one message. */
export const RESULT_SLICE = 2000;
