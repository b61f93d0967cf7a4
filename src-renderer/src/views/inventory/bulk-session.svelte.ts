// One bulk action from pre-flight to results: which nodes will be skipped and why (from the
// shared state machine), then live per-node outcomes pushed by main, then the failures with
// the server's reasons, "retry failed" (a new pre-flight of just those) and a CSV of it all.
import type { ConsoleClient } from '../../../../src-shared/contract/client';
import type { BulkCounts, BulkProgress } from '../../../../src-shared/contract/inventory';
import type { NodeSummary } from '../../../../src-shared/contract/maas-types';
import { bulkActionInfo, type BulkAction, type BulkParams, type NodeOutcome } from '../../../../src-shared/inventory/bulk-actions';
import { toCsv } from '../../../../src-shared/inventory/csv';
import { preflight, skipSummary, type Preflight } from '../../../../src-shared/inventory/preflight';

/** The MAAS 2.x/3.x machine actions' options that were given (unset ones are left to the server). */
function machineOptionsOf(p: BulkParams) {
  const keys = ['pool', 'osystem', 'distroSeries', 'hweKernel', 'userData', 'enableSsh', 'skipNetworking', 'skipStorage', 'commissioningScripts', 'testingScripts'] as const;
  return Object.fromEntries(keys.filter((k) => p[k] !== undefined && !(Array.isArray(p[k]) && p[k].length === 0)).map((k) => [k, p[k]])) as Partial<BulkParams>;
}

export type BulkPhase = 'preflight' | 'running' | 'finished';

const rank: Record<NodeOutcome['state'], number> = { failed: 0, running: 1, pending: 2, unchanged: 3, skipped: 4, recorded: 5, done: 6 };
const zeroCounts = (): BulkCounts => ({ total: 0, done: 0, unchanged: 0, failed: 0, skipped: 0, recorded: 0, pending: 0 });

export class BulkSession {
  readonly client: ConsoleClient;
  readonly connectionId: string;
  readonly action: BulkAction;
  readonly ids: readonly string[];
  readonly lookup: (id: string) => NodeSummary | undefined;
  phase = $state<BulkPhase>('preflight');
  params = $state.raw<BulkParams>({});
  outcomes = $state.raw<ReadonlyMap<string, NodeOutcome>>(new Map());
  counts = $state.raw<BulkCounts>(zeroCounts());
  note = $state<string | null>(null);
  error = $state<string | null>(null);
  jobId = $state<string | null>(null);
  readonly info = $derived.by(() => bulkActionInfo[this.action]);
  readonly plan: Preflight = $derived.by(() => preflight(this.action, this.ids, this.lookup, this.params));
  readonly skipReasons = $derived(skipSummary(this.plan.skipped));
  readonly list = $derived([...this.outcomes.values()]);
  readonly failures = $derived(this.list.filter((o) => o.state === 'failed'));
  /** Failures first, then what else needs a look, done last: how the results are read. */
  readonly sortedList = $derived([...this.list].sort((a, b) => rank[a.state] - rank[b.state]));
  readonly progress = $derived(this.counts.total ? (this.counts.total - this.counts.pending) / this.counts.total : 0);
  #stop: () => void;

  constructor(
    client: ConsoleClient, connectionId: string, action: BulkAction, ids: readonly string[],
    lookup: (id: string) => NodeSummary | undefined, params: BulkParams = {},
  ) {
    this.client = client;
    this.connectionId = connectionId;
    this.action = action;
    this.ids = ids;
    this.lookup = lookup;
    this.params = params;
    this.#stop = client.on('inventory.bulkProgress', (p) => { if (p.jobId === this.jobId) this.#progress(p); });
  }

  dispose() { this.#stop(); }

  setParams(p: BulkParams) { this.params = { ...this.params, ...p }; }

  /** Ready to send: something to act on, and what the action needs is given. */
  get ready(): boolean {
    const needs = this.info.needs;
    if (needs === 'tag' && !this.params.tag?.trim()) return false;
    if (needs === 'zone' && this.params.zone === undefined) return false;
    if (needs === 'pool' && !this.params.pool) return false;
    return this.action === 'acceptAll' || this.plan.act.length > 0;
  }

  async start() {
    const plan = this.plan;
    this.error = null;
    this.phase = 'running';
    const r = await this.client.call('inventory.bulk', {
      connectionId: this.connectionId, action: this.action, systemIds: plan.act, skipped: plan.skipped,
      ...(this.params.zone !== undefined ? { zone: this.params.zone } : {}),
      ...(this.params.tag ? { tag: this.params.tag.trim() } : {}),
      ...(this.params.comment ? { comment: this.params.comment } : {}),
      ...machineOptionsOf(this.params),
    });
    if (!r.ok) { this.error = r.error.message; this.phase = 'preflight'; return; }
    this.jobId = r.value.jobId;
    this.outcomes = new Map(r.value.outcomes.map((o) => [o.systemId, o]));
    this.counts = countOf(this.outcomes);
    if (this.counts.pending === 0) this.phase = 'finished';
  }

  #progress(p: BulkProgress) {
    const next = new Map(this.outcomes);
    for (const o of p.outcomes) next.set(o.systemId, o);
    this.outcomes = next;
    this.counts = p.counts;
    if (p.note) this.note = p.note;
    if (p.finished) this.phase = 'finished';
  }

  async cancel() {
    if (this.jobId) await this.client.call('inventory.bulkCancel', { jobId: this.jobId });
  }

  /** The outcome list as CSV: hostname, system id, outcome, reason. */
  resultsCsv(): string {
    return toCsv([['Hostname', 'System ID', 'Outcome', 'Reason'], ...this.list.map((o) => [o.hostname, o.systemId, o.state, o.reason ?? ''])]);
  }
}

function countOf(m: ReadonlyMap<string, NodeOutcome>): BulkCounts {
  const c = zeroCounts();
  c.total = m.size;
  for (const o of m.values()) {
    if (o.state === 'pending' || o.state === 'running') c.pending++;
    else c[o.state]++;
  }
  return c;
}
