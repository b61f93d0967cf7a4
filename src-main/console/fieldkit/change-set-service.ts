// The change sets as the console shows them: each server's changes with the last review, the
// counts the header's badge shows (pushed as `changes.changed`), and a server coming back
// noticed quickly. While a server with changes waiting is offline its health is re-checked
// every few seconds (not the inventory's minute), and the moment it answers the change set
// is reviewed by itself, so the technician finds the verdicts there without a click.
import type { ChangeProgress, ChangeReview, ChangeSetReview, ChangeSetView, PendingChanges } from '../../../src-shared/contract/change-sets';
import type { ConnectionView } from '../../../src-shared/contract/connections';
import type { Emit } from '../../ipc/dispatcher';
import type { MaasClient } from '../../maas-client/index';
import { applyChangeSet, reviewChangeSet } from './change-apply';
import type { ChangeSetStore } from './change-sets';

/** How often a server with changes waiting is re-checked while it is offline. */
export const RECHECK_EVERY_MS = 2000;

export interface ChangeSetServiceDeps {
  store: ChangeSetStore;
  clientFor: (id: string) => Promise<MaasClient>;
  emit: Emit;
  /** The connections as they are now. */
  connections: () => ConnectionView[];
  /** Checks one connection's health now (its outcome comes back through `connectionsChanged`). */
  recheck: (id: string) => Promise<unknown>;
  recheckEveryMs?: number;
  log?: (line: string) => void;
}

export class ChangeSetService {
  #reviews = new Map<string, ChangeSetReview>();
  #health = new Map<string, ConnectionView['health']>();
  #timer: NodeJS.Timeout | null = null;
  #checking = false;
  #reviewing = new Map<string, Promise<ChangeReview[]>>();

  constructor(private readonly d: ChangeSetServiceDeps) {
    d.store.onChange = (id) => { this.#emit(id); this.#arm(); };
  }

  view(connectionId: string): ChangeSetView {
    const changes = this.d.store.changes(connectionId);
    const r = this.#reviews.get(connectionId);
    const ids = new Set(changes.map((c) => c.id));
    return { connectionId, changes, review: r ? { ...r, items: r.items.filter((x) => ids.has(x.id)) } : null };
  }

  pending(): PendingChanges[] {
    const names = new Map(this.d.connections().map((c) => [c.id, c.name]));
    return this.d.store.waiting().flatMap((w) => (names.has(w.connectionId) ? [{ ...w, name: names.get(w.connectionId)! }] : []));
  }

  /** Against the server now; kept with the change set until the next review. */
  review(connectionId: string, auto = false): Promise<ChangeReview[]> {
    const under = this.#reviewing.get(connectionId);
    if (under) return under;
    const run = (async () => {
      const items = await reviewChangeSet(this.d.store, await this.d.clientFor(connectionId), connectionId);
      this.#reviews.set(connectionId, { at: new Date().toISOString(), auto, items });
      this.#emit(connectionId);
      return items;
    })().finally(() => this.#reviewing.delete(connectionId));
    this.#reviewing.set(connectionId, run);
    return run;
  }

  async apply(connectionId: string, progress: (p: ChangeProgress) => void): Promise<ChangeSetView> {
    const items = await applyChangeSet(this.d.store, await this.d.clientFor(connectionId), connectionId, progress);
    this.#reviews.set(connectionId, { at: new Date().toISOString(), auto: false, items });
    this.#emit(connectionId);
    this.#arm();
    return this.view(connectionId);
  }

  /** An edited change is no longer what was reviewed. */
  forgetReviewOf(connectionId: string, id: number): void {
    const r = this.#reviews.get(connectionId);
    if (r) this.#reviews.set(connectionId, { ...r, items: r.items.filter((x) => x.id !== id) });
  }

  /** Every change of the connections' list: a server back with changes waiting is reviewed at once. */
  connectionsChanged(list: ConnectionView[]): void {
    const waiting = new Map(this.d.store.waiting().map((w) => [w.connectionId, w.waiting]));
    for (const c of list) {
      if (c.kind !== 'remote') continue;
      const was = this.#health.get(c.id);
      this.#health.set(c.id, c.health);
      if (c.health === 'online' && was !== 'online' && (waiting.get(c.id) ?? 0) > 0) {
        void this.review(c.id, true).catch((e: Error) => this.d.log?.(`change set of ${c.name}: review on its return failed: ${e.message}`));
      }
    }
    this.#arm(list);
  }

  /** Servers offline with changes waiting: re-checked every few seconds until they answer. */
  #waitingOffline(list = this.d.connections()): string[] {
    const waiting = new Set(this.d.store.waiting().map((w) => w.connectionId));
    return list.filter((c) => c.kind === 'remote' && c.health !== 'online' && c.health !== 'key-rejected' && waiting.has(c.id)).map((c) => c.id);
  }

  #arm(list?: ConnectionView[]): void {
    const ids = this.#waitingOffline(list);
    if (ids.length && !this.#timer) {
      this.#timer = setInterval(() => void this.#tick(), this.d.recheckEveryMs ?? RECHECK_EVERY_MS);
      this.#timer.unref();
    } else if (!ids.length && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }

  async #tick(): Promise<void> {
    if (this.#checking) return;
    this.#checking = true;
    try {
      await Promise.all(this.#waitingOffline().map((id) => this.d.recheck(id).catch(() => undefined)));
    } finally {
      this.#checking = false;
    }
  }

  #emit(connectionId: string): void {
    this.d.emit('changes.changed', { connectionId, pending: this.pending() });
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
