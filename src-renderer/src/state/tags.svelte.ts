// The tags of one connection, for the tags view: the list (with node counts), the nodes
// and what the console has of their details (the preview's corpus), a details fetch with
// progress, and the changes the user makes. One instance per connection; the view keys it.
import { createContext } from 'svelte';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { Reply } from '../../../src-shared/contract/errors';
import type { DetailsProgress, DetailsStatus, TagNode, TagRow } from '../../../src-shared/contract/tags';

export interface TagDraft { name: string; definition: string; comment: string; kernelOpts: string }

/** The tag being edited: a name, or a new one. */
export type Selection = { kind: 'tag'; name: string } | { kind: 'new' } | null;

const matchesFilter = (t: TagRow, q: string) =>
  q === '' || t.name.toLowerCase().includes(q) || t.definition.toLowerCase().includes(q) || t.comment.toLowerCase().includes(q);

export class TagsState {
  tags = $state.raw<TagRow[]>([]);
  fromCache = $state(false);
  listedAt = $state<string | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  nodes = $state.raw(new Map<string, TagNode>());
  details = $state.raw<Pick<DetailsStatus, 'cached' | 'stale' | 'commissioning' | 'lastSync'>>({ cached: 0, stale: 0, commissioning: 0, lastSync: null });
  /** A details fetch in progress, or null. */
  sync = $state.raw<DetailsProgress | null>(null);
  syncProblem = $state<string | null>(null);
  selection = $state.raw<Selection>(null);
  /** Said after a save that did not reach the server (offline: recorded in its change set). */
  notice = $state<string | null>(null);
  filter = $state('');
  rows = $derived(this.tags.filter((t) => matchesFilter(t, this.filter.trim().toLowerCase())));
  selectedTag = $derived(this.selection?.kind === 'tag' ? this.tags.find((t) => t.name === (this.selection as { name: string }).name) ?? null : null);
  readonly #off: (() => void)[] = [];

  constructor(readonly client: ConsoleClient, readonly connectionId: string) {
    this.#off.push(client.on('details.progress', (p) => { if (p.connectionId === connectionId) this.sync = p; }));
    this.#off.push(client.on('tags.changed', (c) => { if (c.connectionId === connectionId) void this.reload(); }));
  }

  /** Members of a tag now (from the node list). */
  membersOf(name: string): Set<string> {
    const out = new Set<string>();
    for (const n of this.nodes.values()) if (n.tags.includes(name)) out.add(n.systemId);
    return out;
  }

  /**
   * Opening the view reads the tags, then brings the details up to date by itself: the node
   * list is read again and only new or changed nodes' details are fetched, with progress —
   * there is no "Fetch N" to press. Offline there is nothing to fetch from: the preview runs
   * on what the cache holds.
   */
  async load(): Promise<void> {
    await this.reload();
    if (this.error === null && !this.fromCache) await this.#fetch();
  }

  async #fetch(): Promise<void> {
    if (this.#fetching) return;
    this.#fetching = true;
    try { await this.fetchDetails(false); } finally { this.#fetching = false; }
  }
  #fetching = false;

  async reload(): Promise<void> {
    this.loading = true;
    const list = await this.client.call('tags.list', { connectionId: this.connectionId });
    this.loading = false;
    if (!list.ok) { this.error = list.error.message; return; }
    this.error = null;
    this.tags = list.value.tags;
    this.fromCache = list.value.fromCache;
    this.listedAt = list.value.at;
    await this.refreshDetailsStatus();
  }

  async refreshDetailsStatus(): Promise<void> {
    const s = await this.client.call('details.status', { connectionId: this.connectionId });
    if (!s.ok) return;
    this.nodes = new Map(s.value.nodes.map((n) => [n.systemId, n]));
    const commissioning = s.value.commissioning ?? 0;
    this.details = { cached: s.value.cached, stale: s.value.stale, commissioning, lastSync: s.value.lastSync };
    // Nodes found stale later (commissioned since, say) are fetched too, once per finding;
    // nodes still being commissioned wait until they are done.
    if (s.value.stale - commissioning > 0 && this.error === null && !this.fromCache && !this.#fetching) void this.#fetch();
  }

  /** Fetches details the cache lacks or that may have changed; `all` refetches every node. */
  async fetchDetails(all: boolean): Promise<void> {
    this.syncProblem = null;
    this.sync = { connectionId: this.connectionId, done: 0, total: 0, failed: 0 };
    const r = await this.client.call('details.fetchAll', { connectionId: this.connectionId, all });
    this.sync = null;
    if (!r.ok) this.syncProblem = r.error.message;
    else if (r.value.failed.length > 0) {
      const first = r.value.failed[0];
      this.syncProblem = `${r.value.failed.length} node(s) did not send their details (first: ${this.nodes.get(first.systemId)?.hostname ?? first.systemId}: ${first.message}).`;
    }
    await this.refreshDetailsStatus();
  }

  /** A saved definition MAAS is applying in the background: the count the preview expects. */
  settling = $state.raw<{ name: string; expect: number } | null>(null);

  /**
   * MAAS re-tags nodes in the background after a save: the list is read again every 1.5 s
   * until the tag's count is what the preview said (or a minute passed), so the count
   * follows without pressing Reload.
   */
  async #settle(name: string, expect: number): Promise<void> {
    this.settling = { name, expect };
    const until = Date.now() + 60_000;
    while (!this.#disposed && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 1500));
      if (this.#disposed || this.settling?.name !== name) return;
      await this.reload();
      if (this.tags.find((t) => t.name === name)?.nodeCount === expect) break;
    }
    if (this.settling?.name === name) this.settling = null;
  }
  #disposed = false;

  async save(draft: TagDraft, original: string | null, expectCount?: number): Promise<Reply<unknown>> {
    const r = original === null
      ? await this.client.call('tags.create', { connectionId: this.connectionId, tag: draft })
      : await this.client.call('tags.update', { connectionId: this.connectionId, name: original, tag: draft });
    this.notice = null;
    if (r.ok && 'recorded' in r.value && r.value.recorded) {
      // Not on the server yet: nothing to select; say where the tag waits.
      this.notice = `Tag ${r.value.name}: ${r.value.recorded}`;
      this.selection = null;
    } else if (r.ok) {
      this.selection = { kind: 'tag', name: r.value.name };
      await this.reload();
      const saved = r.value.name;
      if (draft.definition.trim() && expectCount !== undefined && this.tags.find((t) => t.name === saved)?.nodeCount !== expectCount) {
        void this.#settle(saved, expectCount);
      }
    }
    return r;
  }

  async remove(name: string): Promise<Reply<unknown>> {
    const r = await this.client.call('tags.delete', { connectionId: this.connectionId, name });
    this.notice = r.ok && r.value.recorded ? `Tag ${name}: ${r.value.recorded}` : null;
    if (r.ok) {
      this.selection = null;
      await this.reload();
    }
    return r;
  }

  dispose(): void {
    this.#disposed = true;
    for (const off of this.#off) off();
  }
}

export const [getTagsState, setTagsState] = createContext<TagsState>();
