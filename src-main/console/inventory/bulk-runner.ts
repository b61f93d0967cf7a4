// Starts bulk actions and keeps them until they are done: the renderer gets the initial
// outcome list at once and follows `inventory.bulkProgress`; nodes touched are re-read so
// the inventory shows what the server now says. "Retry failed" is a new job for the
// failed ids, pre-flighted again by the renderer against the fresh list.
import { randomUUID } from 'node:crypto';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { BulkRequest, BulkStart } from '../../../src-shared/contract/inventory';
import type { NodeOutcome } from '../../../src-shared/inventory/bulk-actions';
import type { Emit } from '../../ipc/dispatcher';
import { BulkJob } from './bulk-job';
import { runStep } from './bulk-steps';
import { requireOffered } from './server-offer';
import { serverGone } from '../snapshot/offline';
import { machineActionRules } from '../../../src-shared/maas/machine-actions';
import type { BulkParams } from '../../../src-shared/inventory/bulk-actions';
import type { ClientFor } from './inventory-client';
import type { NodeLists } from './node-lists';

export interface BulkRunnerDeps {
  clientFor: ClientFor;
  lists: NodeLists;
  emit: Emit;
  /** Nodes per bulk call (nodes op=accept/release/set_zone, tags op=update_nodes). */
  chunkSize?: number;
  /** Per-node calls at once (commission, power, mark broken/fixed, delete). */
  concurrency?: number;
  log?: (line: string) => void;
  /**
   * Nodes whose call found the server gone, offered to be kept for later (a remote server's
   * change set): answers the reason to show, or null when they cannot be (they stay failed).
   */
  recordUnreached?: (req: BulkRequest, systemIds: string[]) => Promise<string | null>;
}

const KEEP_JOBS = 20;
const MACHINE_ACTIONS = new Set<string>(Object.keys(machineActionRules));

const paramsOf = ({ connectionId: _c, action: _a, systemIds: _s, skipped: _k, ...p }: BulkRequest): BulkParams => p;

export class BulkRunner {
  #jobs = new Map<string, BulkJob>();
  #running = new Set<Promise<void>>();

  constructor(private readonly d: BulkRunnerDeps) {}

  async start(req: BulkRequest): Promise<BulkStart> {
    if ((req.action === 'addTag' || req.action === 'removeTag') && !req.tag) throw new ConsoleFailure('bad-input', 'Name the tag to add or remove.');
    if (req.action === 'setZone' && req.zone === undefined) throw new ConsoleFailure('bad-input', 'Choose the zone to move the nodes to.');
    if (req.action === 'setPool' && !req.pool) throw new ConsoleFailure('bad-input', 'Choose the resource pool to move the machines to.');
    const client = await this.d.clientFor(req.connectionId);
    // A server gone since the last check fails the nodes as unreached (so a recordable action
    // is recorded below), not the request; an action it does not offer is refused up front.
    let gone: unknown = null;
    if (MACHINE_ACTIONS.has(req.action)) await requireOffered(client, req.action).catch((e: unknown) => { if (!serverGone(e)) throw e; gone = e; });
    const ids = [...new Set(req.systemIds)];
    const host = (id: string) => this.d.lists.get(req.connectionId, id)?.hostname ?? id;
    const initial: NodeOutcome[] = [
      ...ids.map((id) => ({ systemId: id, hostname: host(id), state: 'pending' as const })),
      ...(req.skipped ?? []).filter((s) => !ids.includes(s.systemId))
        .map((s) => ({ systemId: s.systemId, hostname: s.hostname, state: 'skipped' as const, reason: s.reason })),
    ];
    const job = new BulkJob(randomUUID(), this.d.emit, initial);
    this.#jobs.set(job.id, job);
    for (const old of [...this.#jobs.keys()].slice(0, Math.max(0, this.#jobs.size - KEEP_JOBS))) this.#jobs.delete(old);
    const ctx = {
      job, client, lists: this.d.lists, connectionId: req.connectionId,
      params: paramsOf(req),
      chunkSize: this.d.chunkSize ?? 200, concurrency: this.d.concurrency ?? 8,
    };
    const run = (gone === null ? runStep(ctx, req.action, ids) : Promise.reject(gone))
      .catch((e) => { job.fail(job.idsIn('pending').concat(job.idsIn('running')), e, (e as Error).message); })
      .then(async () => {
        if (job.cancelled) job.setMany([...job.idsIn('pending'), ...job.idsIn('running')], 'skipped', 'cancelled');
        await this.#recordUnreached(req, job);
        job.finish();
        return this.#reread(req.connectionId, job);
      })
      .finally(() => this.#running.delete(run));
    this.#running.add(run);
    return { jobId: job.id, outcomes: initial };
  }

  /** A server that went away during the action: what did not reach it is recorded, not lost. */
  async #recordUnreached(req: BulkRequest, job: BulkJob): Promise<void> {
    const ids = job.idsIn('failed').filter((id) => job.unreached.has(id));
    if (!ids.length || !this.d.recordUnreached) return;
    try {
      const reason = await this.d.recordUnreached(req, ids);
      if (reason) job.setMany(ids, 'recorded', reason);
    } catch (e) {
      this.d.log?.(`inventory: recording ${ids.length} unreached nodes failed: ${(e as Error).message}`);
    }
  }

  async #reread(connectionId: string, job: BulkJob): Promise<void> {
    const touched = [...job.outcomes.values()].filter((o) => o.state !== 'skipped' && o.state !== 'recorded').map((o) => o.systemId);
    if (!touched.length) return;
    try {
      await this.d.lists.refreshIds(connectionId, touched);
    } catch (e) {
      this.d.log?.(`inventory: re-reading ${touched.length} nodes after a bulk action failed: ${(e as Error).message}`);
    }
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.#jobs.get(jobId);
    if (!job || job.finished) return { cancelled: false };
    job.cancelled = true;
    return { cancelled: true };
  }

  /** Waits for jobs under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size) await Promise.allSettled([...this.#running]);
  }
}
