// Offline change sets in the settings database: recorded while a remote server is out of
// reach, listed and editable, reviewed against fresh data, applied with an outcome per change.
import type { ChangeReview, ChangeSetView, ChangeSpec, ChangeState, RecordedChange } from '../../../src-shared/contract/change-sets';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { reviewChanges, type Fresh } from '../../../src-shared/fieldkit/change-review';
import type { SettingsDb } from '../../connections/settings-db';
import type { MaasClient } from '../../maas-client/index';

interface Row { id: number; spec_json: string; hostname: string | null; status_at_record: number | null; recorded_at: string; state: ChangeState; message: string | null }

export class ChangeSetStore {
  #insert; #list; #remove; #set;
  constructor(private db: SettingsDb) {
    this.#insert = db.prepare(`INSERT INTO change_set_items (connection_id, spec_json, hostname, status_at_record, recorded_at, state)
      VALUES (?, ?, ?, ?, ?, 'recorded')`);
    this.#list = db.prepare<[string], Row>('SELECT * FROM change_set_items WHERE connection_id = ? ORDER BY id');
    this.#remove = db.prepare('DELETE FROM change_set_items WHERE connection_id = ? AND id = ?');
    this.#set = db.prepare('UPDATE change_set_items SET state = ?, message = ? WHERE id = ?');
  }
  view(connectionId: string): ChangeSetView {
    return { connectionId, changes: this.#list.all(connectionId).map((r): RecordedChange => ({
      id: r.id, spec: JSON.parse(r.spec_json) as ChangeSpec, hostname: r.hostname, statusAtRecord: r.status_at_record,
      recordedAt: r.recorded_at, state: r.state, message: r.message })) };
  }
  record(connectionId: string, specs: ChangeSpec[], known: Record<string, { hostname: string; status: number }>, at: string): void {
    this.db.transaction(() => specs.forEach((s) => {
      const k = 'systemId' in s ? known[s.systemId] : undefined;
      this.#insert.run(connectionId, JSON.stringify(s), k?.hostname ?? null, k?.status ?? null, at);
    }))();
  }
  remove(connectionId: string, ids: number[]): void { this.db.transaction(() => ids.forEach((id) => this.#remove.run(connectionId, id)))(); }
  set(id: number, state: ChangeState, message: string | null): void { this.#set.run(state, message, id); }
}

async function freshOf(c: MaasClient): Promise<Fresh> {
  const [nodes, tags, zones] = await Promise.all([c.listNodes(), c.listTags(), c.listZones()]);
  return { nodes: new Map(nodes.map((n) => [n.systemId, n])), tags: new Map(tags.map((t) => [t.name, t])), zones: new Set(zones.map((z) => z.name)) };
}

export async function reviewChangeSet(store: ChangeSetStore, client: MaasClient, connectionId: string): Promise<ChangeReview[]> {
  return reviewChanges(store.view(connectionId).changes, await freshOf(client));
}

async function run(c: MaasClient, s: ChangeSpec): Promise<void> {
  switch (s.kind) {
    case 'accept': { const o = await c.acceptNodes([s.systemId]); if (o.refused.length || o.notApplied.length) throw new Error(o.reasons[s.systemId] ?? 'refused by the server'); return; }
    case 'release': { const o = await c.releaseNodes([s.systemId]); if (o.refused.length) throw new Error(o.reasons[s.systemId] ?? 'refused by the server'); return; }
    case 'commission': await c.commissionNode(s.systemId); return;
    case 'set-zone': await c.setZone([s.systemId], s.zone); return;
    case 'add-tag': await c.updateTagNodes(s.tag, { add: [s.systemId] }); return;
    case 'remove-tag': await c.updateTagNodes(s.tag, { remove: [s.systemId] }); return;
    case 'set-hostname': await c.updateNode(s.systemId, { hostname: s.hostname }); return;
    case 'create-tag': await c.createTag({ name: s.tag, definition: s.definition, comment: s.comment }); return;
  }
}

/** Reviews against fresh data, then applies what still applies, in the order recorded. */
export async function applyChangeSet(store: ChangeSetStore, client: MaasClient, connectionId: string): Promise<ChangeSetView> {
  const view = store.view(connectionId);
  const reviews = new Map(reviewChanges(view.changes, await freshOf(client)).map((r) => [r.id, r]));
  for (const ch of view.changes) {
    const r = reviews.get(ch.id);
    if (!r) continue;
    if (r.verdict === 'already') { store.set(ch.id, 'skipped', `already true: ${r.why}`); continue; }
    if (r.verdict === 'conflict') { store.set(ch.id, 'recorded', `conflict: ${r.why}`); continue; }
    try {
      await run(client, ch.spec);
      store.set(ch.id, 'done', r.why);
    } catch (e) {
      if (e instanceof ConsoleFailure && e.code === 'unreachable') { store.set(ch.id, 'recorded', `not applied: ${e.message}`); break; }
      store.set(ch.id, 'failed', (e as Error).message.slice(0, 500));
    }
  }
  return store.view(connectionId);
}
