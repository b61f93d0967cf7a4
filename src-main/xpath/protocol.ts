// Messages between the main thread and the xpath worker threads.
export interface DocumentInput {
  id: string;
  lshw?: string | null;
  lldp?: string | null;
}

/** A shard's snapshot where it lies in a saved corpus file: the worker reads it itself. */
export interface FileRange {
  path: string;
  offset: number;
  length: number;
}

export interface ShardStats {
  nodes: number;
  /** Element tables, name index and deflated details. */
  tableBytes: number;
  /** libxml2's WASM memory (it only grows). */
  wasmBytes: number;
  /** This worker's V8 heap in use. */
  heapBytes: number;
}

export interface EvaluationStats {
  nodes: number;
  /** Nodes answered by the fast path / by libxml2. */
  fast: number;
  exact: number;
  /** Whether the definition is in the fast path's subset at all. */
  fastPlan: boolean;
}

export type ToWorker =
  | { kind: 'match'; job: number; definition: string; docs: DocumentInput[]; batchSize: number }
  | { kind: 'load'; docs: DocumentInput[] }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'clear' }
  | { kind: 'evaluate'; job: number; definition: string }
  | { kind: 'stats'; job: number }
  | { kind: 'snapshot'; job: number }
  | { kind: 'restore'; job: number; bytes: Uint8Array | FileRange }
  | { kind: 'cancel'; job: number };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'batch'; job: number; ids: string[]; done: number }
  | { kind: 'done'; job: number; stats?: EvaluationStats }
  | { kind: 'stats'; job: number; stats: ShardStats }
  | { kind: 'snapshot'; job: number; bytes: Uint8Array }
  | { kind: 'restored'; job: number; ids: string[] | null }
  | { kind: 'failed'; job: number; message: string; invalid: boolean };
