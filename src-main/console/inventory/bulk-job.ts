// One bulk action under way: every node's outcome, and progress pushed to the renderer in
// batches (at most ~10 events a second), so 1,000 outcomes do not mean 1,000 messages.
import type { BulkCounts, BulkProgress } from '../../../src-shared/contract/inventory';
import type { NodeOutcome, NodeOutcomeState } from '../../../src-shared/inventory/bulk-actions';
import type { Emit } from '../../ipc/dispatcher';
import { serverGone } from '../snapshot/offline';

const FLUSH_MS = 100;

export class BulkJob {
  readonly outcomes = new Map<string, NodeOutcome>();
  cancelled = false;
  finished = false;
  note: string | undefined;
  /** Nodes whose call found the server gone (no answer): they may still be recorded for later. */
  readonly unreached = new Set<string>();
  #dirty = new Set<string>();
  #timer: NodeJS.Timeout | null = null;

  constructor(readonly id: string, private readonly emit: Emit, initial: NodeOutcome[]) {
    for (const o of initial) this.outcomes.set(o.systemId, o);
  }

  hostnameOf(systemId: string): string { return this.outcomes.get(systemId)?.hostname ?? systemId; }

  set(systemId: string, state: NodeOutcomeState, reason?: string, hostname?: string): void {
    const was = this.outcomes.get(systemId);
    this.outcomes.set(systemId, { systemId, hostname: hostname ?? was?.hostname ?? systemId, state, ...(reason ? { reason } : {}) });
    this.#dirty.add(systemId);
    if (!this.#timer) this.#timer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  setMany(ids: readonly string[], state: NodeOutcomeState, reason?: string): void {
    for (const id of ids) this.set(id, state, reason);
  }

  /** `ids` failed with `e`; a server that stopped answering is noted, not only its transport text. */
  fail(ids: readonly string[], e: unknown, reason: string): void {
    if (serverGone(e)) for (const id of ids) this.unreached.add(id);
    this.setMany(ids, 'failed', reason);
  }

  idsIn(state: NodeOutcomeState): string[] {
    return [...this.outcomes.values()].filter((o) => o.state === state).map((o) => o.systemId);
  }

  counts(): BulkCounts {
    const c: BulkCounts = { total: this.outcomes.size, done: 0, unchanged: 0, failed: 0, skipped: 0, recorded: 0, pending: 0 };
    for (const o of this.outcomes.values()) {
      if (o.state === 'pending' || o.state === 'running') c.pending++;
      else c[o.state]++;
    }
    return c;
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const outcomes = [...this.#dirty].map((id) => this.outcomes.get(id)!);
    this.#dirty.clear();
    const p: BulkProgress = { jobId: this.id, outcomes, counts: this.counts(), finished: this.finished };
    if (this.note) p.note = this.note;
    this.emit('inventory.bulkProgress', p);
  }

  finish(): void {
    this.finished = true;
    this.flush();
  }
}
