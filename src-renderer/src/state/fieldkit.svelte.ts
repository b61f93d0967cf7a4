// The field kit's renderer state: the nodes captured on This laptop (replaced whole on every
// `fieldkit.changed` push), and one push session (plan, progress, outcome per node).
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { CapturedNode, PushItemOutcome, PushProgress, PushReport } from '../../../src-shared/contract/fieldkit';

export class FieldKit {
  captured = $state.raw<CapturedNode[]>([]);
  problem = $state<string | null>(null);
  hostnames = $derived(new Set(this.captured.map((n) => n.hostname.toLowerCase())));

  constructor(readonly client: ConsoleClient) {
    client.on('fieldkit.changed', (list) => { this.captured = list; this.problem = null; });
    void this.load();
  }

  async load() {
    const r = await this.client.call('fieldkit.captured', {});
    if (r.ok) { this.captured = r.value; this.problem = null; } else this.problem = r.error.message;
  }

  added(n: CapturedNode) { this.captured = [...this.captured.filter((c) => c.systemId !== n.systemId), n]; }
}

export class PushSession {
  report = $state.raw<PushReport | null>(null);
  progress = $state.raw<PushProgress | null>(null);
  busy = $state<'plan' | 'apply' | null>(null);
  error = $state<string | null>(null);
  pushes = $state.raw<PushReport[]>([]);
  /** Said when an apply or resume ends with other counts than the report it started from. */
  countsNote = $state<string | null>(null);

  constructor(readonly client: ConsoleClient) {
    client.on('fieldkit.pushProgress', (p) => this.#progressed(p));
    void this.loadPushes();
  }

  #progressed(p: PushProgress) {
    if (p.pushId !== this.report?.pushId) return;
    this.progress = p;
    const item: PushItemOutcome | null = p.item;
    if (item) this.report = { ...this.report, items: this.report.items.map((i) => (i.sourceId === item.sourceId ? item : i)) };
  }

  async loadPushes() {
    const r = await this.client.call('fieldkit.pushes', {});
    if (r.ok) this.pushes = r.value;
  }

  async plan(targetId: string) {
    this.busy = 'plan'; this.error = null; this.progress = null;
    const r = await this.client.call('fieldkit.pushPlan', { targetId });
    this.busy = null;
    if (r.ok) this.report = r.value; else this.error = r.error.message;
  }

  async apply(pushId = this.report?.pushId) {
    if (!pushId) return;
    const known = this.pushes.find((p) => p.pushId === pushId);
    if (known && known.pushId !== this.report?.pushId) this.report = known;
    this.busy = 'apply'; this.error = null; this.countsNote = null;
    const before = this.report?.counts;
    const r = await this.client.call('fieldkit.pushApply', { pushId });
    this.busy = null;
    if (r.ok) { this.report = r.value; this.countsNote = before ? countsChanged(before, r.value.counts) : null; } else this.error = r.error.message;
    await this.loadPushes();
  }
}

/** "create 198 → 197, update 1 → 2" when the verdicts moved while the push ran, else null. */
export function countsChanged(before: PushReport['counts'], after: PushReport['counts']): string | null {
  const moved = (['create', 'update', 'identical', 'conflict'] as const).filter((k) => before[k] !== after[k]).map((k) => `${k} ${before[k]} → ${after[k]}`);
  return moved.length ? `The counts changed while pushing (${moved.join(', ')}): the target changed since the dry-run — a node that reached it before a cut is matched by its MACs and updated, not created twice. Each row says what it found.` : null;
}

export const [getFieldKit, setFieldKit] = createContext<FieldKit>();
