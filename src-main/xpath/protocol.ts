// Messages between the tag matcher and its worker threads.
export interface DocumentInput {
  id: string;
  lshw?: string | null;
  lldp?: string | null;
}

export type ToWorker =
  | { kind: 'match'; job: number; definition: string; docs: DocumentInput[]; batchSize: number }
  | { kind: 'cancel'; job: number };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'batch'; job: number; ids: string[]; done: number }
  | { kind: 'done'; job: number }
  | { kind: 'failed'; job: number; message: string };
