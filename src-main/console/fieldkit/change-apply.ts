// Back online: a change set reviewed against fresh data (applies / already true / conflict),
// then applied in the order recorded, each change reported as it is sent and as it ends.
import type { ChangeProgress, ChangeReview, ChangeSpec, RecordedChange } from '../../../src-shared/contract/change-sets';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { reviewChanges, type Fresh } from '../../../src-shared/fieldkit/change-review';
import { MASK, powerFormFields } from '../../../src-shared/inventory/power-secrets';
import type { MaasClient } from '../../maas-client/index';
import type { ChangeSetStore } from './change-sets';

async function freshOf(c: MaasClient, changes: readonly RecordedChange[]): Promise<Fresh> {
  const [nodes, tags, zones] = await Promise.all([c.listNodes(), c.listTags(), c.listZones()]);
  // Power parameters are per node (and admin only): read them for the power changes alone.
  const powered = [...new Set(changes.flatMap((ch) => (ch.state === 'recorded' && ch.spec.kind === 'set-power' ? [ch.spec.systemId] : [])))];
  const params = await Promise.allSettled(powered.map((id) => c.powerParameters(id)));
  const power = new Map(powered.flatMap((id, i) => { const p = params[i]; return p.status === 'fulfilled' ? [[id, p.value] as const] : []; }));
  // Pools only where a change sets one (the server's offer: its pools among other lists).
  const pools = changes.some((ch) => ch.state === 'recorded' && ch.spec.kind === 'set-pool') ? new Set((await c.serverOffer()).pools) : undefined;
  return { nodes: new Map(nodes.map((n) => [n.systemId, n])), tags: new Map(tags.map((t) => [t.name, t])), zones: new Set(zones.map((z) => z.name)), power, pools };
}

export async function reviewChangeSet(store: ChangeSetStore, client: MaasClient, connectionId: string): Promise<ChangeReview[]> {
  const changes = store.changes(connectionId);
  return reviewChanges(changes, await freshOf(client, changes));
}

async function run(c: MaasClient, s: ChangeSpec, fresh: Fresh, secrets: () => Promise<Record<string, string>>): Promise<void> {
  switch (s.kind) {
    case 'accept': { const o = await c.acceptNodes([s.systemId]); if (o.refused.length || o.unreported.length) throw new Error(o.reasons[s.systemId] ?? 'refused by the server'); return; }
    case 'release': { const o = await c.releaseNodes([s.systemId], s.comment); if (o.refused.length) throw new Error(o.reasons[s.systemId] ?? 'refused by the server'); return; }
    case 'commission': await (c.apiVersion === '2.0' ? c.commissionMachine(s.systemId, s.options ?? {}) : c.commissionNode(s.systemId)); return;
    case 'set-zone': await c.setZone([s.systemId], s.zone); return;
    case 'set-pool': await c.setPool(s.systemId, s.pool); return;
    case 'add-tag': await c.updateTagNodes(s.tag, { add: [s.systemId] }); return;
    case 'remove-tag': await c.updateTagNodes(s.tag, { remove: [s.systemId] }); return;
    case 'set-hostname': await c.updateNode(s.systemId, { hostname: s.hostname }); return;
    case 'create-tag': await c.createTag({ name: s.tag, definition: s.definition, comment: s.comment, kernelOpts: s.kernelOpts }); return;
    case 'update-tag': await c.updateTag(s.tag, { name: s.name, definition: s.definition, comment: s.comment, kernelOpts: s.kernelOpts }); return;
    case 'delete-tag': await c.deleteTag(s.tag); return;
    case 'set-power': {
      const kept = await secrets();
      const lost = Object.entries(s.parameters).filter(([k, v]) => v === MASK && kept[k] === undefined).map(([k]) => k);
      if (lost.length) throw new Error(`the value of ${lost.join(', ')} is no longer in the keychain: edit the change and type it again`);
      const current = { type: fresh.nodes.get(s.systemId)?.powerType ?? '', parameters: fresh.power?.get(s.systemId) ?? null };
      await c.updateNode(s.systemId, powerFormFields({ type: s.powerType, parameters: s.parameters }, current, kept));
      return;
    }
  }
}

/** Reviews against fresh data, then applies what still applies, in the order recorded; answers that review. */
export async function applyChangeSet(
  store: ChangeSetStore, client: MaasClient, connectionId: string, progress: (p: ChangeProgress) => void = () => undefined,
): Promise<ChangeReview[]> {
  const changes = store.changes(connectionId);
  const fresh = await freshOf(client, changes);
  const reviewed = reviewChanges(changes, fresh);
  const reviews = new Map(reviewed.map((r) => [r.id, r]));
  const total = reviews.size;
  let done = 0;
  const report = (id: number, state: ChangeProgress['state'], message: string | null) => progress({ connectionId, id, state, message, done, total });
  const end = (ch: RecordedChange, state: ChangeProgress['state'] & ('recorded' | 'done' | 'failed' | 'skipped'), message: string | null) => {
    store.set(ch.id, state, message);
    done++;
    report(ch.id, state, message);
  };
  for (const ch of changes) {
    const r = reviews.get(ch.id);
    if (!r) continue;
    if (r.verdict === 'already') { await store.forgetSecrets(ch).catch(() => undefined); end(ch, 'skipped', `already true: ${r.why}`); continue; }
    if (r.verdict === 'conflict') { end(ch, 'recorded', `conflict: ${r.why}`); continue; }
    report(ch.id, 'running', r.why);
    try {
      await run(client, ch.spec, fresh, () => store.secrets(ch.id));
      await store.forgetSecrets(ch).catch(() => undefined);
      end(ch, 'done', null); // what it changed is the review's word, still shown beside it
    } catch (e) {
      if (e instanceof ConsoleFailure && e.code === 'unreachable') { end(ch, 'recorded', `not applied: ${e.message}`); break; }
      end(ch, 'failed', (e as Error).message.slice(0, 500));
    }
  }
  return reviewed;
}
