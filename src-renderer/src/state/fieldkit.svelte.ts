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
    this.busy = 'apply'; this.error = null;
    const r = await this.client.call('fieldkit.pushApply', { pushId });
    this.busy = null;
    if (r.ok) this.report = r.value; else this.error = r.error.message;
    await this.loadPushes();
  }
}

export const [getFieldKit, setFieldKit] = createContext<FieldKit>();
