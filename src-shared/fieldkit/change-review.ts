// The pre-flight of an offline change set against fresh data: for each change, does it still
// apply, is it already true, or does it now conflict (the node changed status or was deleted,
// the tag or hostname is taken…)? Status rules from MAAS's NODE_TRANSITIONS
// (src-shared/maas/transitions.ts) and its bulk-op semantics (shared reference).
import type { ChangeReview, ChangeSpec, RecordedChange } from '../contract/change-sets';
import type { NodeSummary, TagInfo } from '../contract/maas-types';
import { MASK } from '../inventory/power-secrets';
import { canTransition, RELEASABLE_STATUSES } from '../maas/transitions';
import { displayStatus, NodeStatus as S, type NodeStatusValue } from '../maas/node-status';

export interface Fresh {
  nodes: Map<string, NodeSummary>;
  tags: Map<string, TagInfo>;
  zones: Set<string>;
  /** The server's resource pools, read when a change sets one. */
  pools?: Set<string>;
  /** Power parameters of the nodes with a power change, where the server gave them. */
  power?: Map<string, Record<string, unknown>>;
}

const moved = (c: RecordedChange, n: NodeSummary) =>
  c.statusAtRecord !== null && c.statusAtRecord !== n.status ? ` (it changed from ${displayStatus(c.statusAtRecord)} to ${n.statusName})` : '';

function statusVerdict(c: RecordedChange, n: NodeSummary, target: NodeStatusValue, already: number[], allowed: boolean): ChangeReview {
  if (already.includes(n.status)) return { id: c.id, verdict: 'already', why: `${n.hostname} is already ${n.statusName}` };
  if (allowed) return { id: c.id, verdict: 'applies', why: `${n.hostname} is ${n.statusName}` };
  return { id: c.id, verdict: 'conflict', why: `${n.hostname} is ${n.statusName}: it cannot go to ${displayStatus(target)}${moved(c, n)}` };
}

/**
 * Already true when the power type and every value given equal the server's. A new secret
 * (MASK in a recorded change: its value is in the keychain) is never taken as already set.
 */
function powerVerdict(id: number, s: Extract<ChangeSpec, { kind: 'set-power' }>, n: NodeSummary, server: Record<string, unknown> | undefined): ChangeReview {
  const what = `${n.hostname}: power ${n.powerType || 'none'} → ${s.powerType || 'none'}`;
  if (!server) return { id, verdict: 'applies', why: `${what} (the server did not give its power parameters to compare)` };
  const values = Object.entries(s.parameters);
  const same = n.powerType === s.powerType && values.every(([k, v]) => v !== MASK && String(server[k] ?? '') === v);
  if (same) return { id, verdict: 'already', why: `${n.hostname} already has these power settings` };
  const changed = values.filter(([k, v]) => v === MASK || String(server[k] ?? '') !== v).map(([k]) => k);
  return { id, verdict: 'applies', why: changed.length ? `${what}; sets ${changed.join(', ')}` : what };
}

/** An existing tag's edit or deletion against the server's tags now. */
function tagVerdict(id: number, s: Extract<ChangeSpec, { kind: 'update-tag' | 'delete-tag' }>, f: Fresh): ChangeReview {
  const t = f.tags.get(s.tag);
  if (s.kind === 'delete-tag') {
    return t ? { id, verdict: 'applies', why: `tag ${s.tag} is deleted (MAAS takes it off its nodes)` } : { id, verdict: 'already', why: `tag ${s.tag} is already gone` };
  }
  if (!t) {
    if (f.tags.has(s.name) && s.name !== s.tag) return { id, verdict: 'already', why: `tag ${s.tag} is already named ${s.name}` };
    return { id, verdict: 'conflict', why: `tag ${s.tag} no longer exists on the server` };
  }
  if (s.name !== s.tag && f.tags.has(s.name)) return { id, verdict: 'conflict', why: `the tag name ${s.name} is taken` };
  const same = s.name === t.name && s.definition === t.definition && s.comment === t.comment && s.kernelOpts === (t.kernelOpts ?? '');
  if (same) return { id, verdict: 'already', why: `tag ${s.tag} already reads so` };
  const parts = [s.name !== s.tag ? `renamed ${s.name}` : '', s.definition !== t.definition ? 'new definition' : '',
    s.comment !== t.comment ? 'new comment' : '', s.kernelOpts !== (t.kernelOpts ?? '') ? 'new kernel options' : ''].filter(Boolean);
  return { id, verdict: 'applies', why: `tag ${s.tag}: ${parts.join(', ')}` };
}

export function reviewChange(c: RecordedChange, f: Fresh, createdTags: Set<string>): ChangeReview {
  const s: ChangeSpec = c.spec;
  if (s.kind === 'create-tag') {
    const t = f.tags.get(s.tag);
    if (!t) { createdTags.add(s.tag); return { id: c.id, verdict: 'applies', why: `no tag ${s.tag} yet` }; }
    if ((s.definition ?? '') === t.definition) return { id: c.id, verdict: 'already', why: `tag ${s.tag} exists with this definition` };
    return { id: c.id, verdict: 'conflict', why: `the tag name ${s.tag} is taken (definition "${t.definition.slice(0, 80)}")` };
  }
  if (s.kind === 'update-tag' || s.kind === 'delete-tag') return tagVerdict(c.id, s, f);
  const n = f.nodes.get(s.systemId);
  if (!n) return { id: c.id, verdict: 'conflict', why: `${c.hostname ?? s.systemId} was deleted from the server` };
  const st = n.status as NodeStatusValue;
  switch (s.kind) {
    case 'accept': return statusVerdict(c, n, S.COMMISSIONING, [S.COMMISSIONING, S.READY], st === S.NEW);
    case 'release': return statusVerdict(c, n, S.READY, [S.READY], (RELEASABLE_STATUSES as number[]).includes(st));
    case 'commission': return statusVerdict(c, n, S.COMMISSIONING, [S.COMMISSIONING], canTransition(st, S.COMMISSIONING));
    case 'set-zone':
      if ((n.zone ?? 'default') === s.zone) return { id: c.id, verdict: 'already', why: `${n.hostname} is in ${s.zone}` };
      if (!f.zones.has(s.zone)) return { id: c.id, verdict: 'conflict', why: `zone ${s.zone} does not exist on the server` };
      return { id: c.id, verdict: 'applies', why: `${n.hostname}: ${n.zone ?? 'default'} → ${s.zone}` };
    case 'set-pool':
      if (n.pool === s.pool) return { id: c.id, verdict: 'already', why: `${n.hostname} is in pool ${s.pool}` };
      if (f.pools && !f.pools.has(s.pool)) return { id: c.id, verdict: 'conflict', why: `pool ${s.pool} does not exist on the server` };
      return { id: c.id, verdict: 'applies', why: `${n.hostname}: pool ${n.pool ?? 'none'} → ${s.pool}` };
    case 'add-tag':
      if (n.tags.includes(s.tag)) return { id: c.id, verdict: 'already', why: `${n.hostname} has ${s.tag}` };
      if (!f.tags.has(s.tag) && !createdTags.has(s.tag)) return { id: c.id, verdict: 'conflict', why: `tag ${s.tag} does not exist on the server` };
      return { id: c.id, verdict: 'applies', why: `${n.hostname} gets ${s.tag}` };
    case 'remove-tag':
      if (!n.tags.includes(s.tag)) return { id: c.id, verdict: 'already', why: `${n.hostname} does not have ${s.tag}` };
      return { id: c.id, verdict: 'applies', why: `${n.hostname} loses ${s.tag}` };
    case 'set-hostname': {
      if (n.hostname === s.hostname) return { id: c.id, verdict: 'already', why: `${n.systemId} is named ${s.hostname}` };
      const other = [...f.nodes.values()].find((x) => x.hostname === s.hostname && x.systemId !== n.systemId);
      if (other) return { id: c.id, verdict: 'conflict', why: `hostname ${s.hostname} is taken by ${other.systemId}` };
      return { id: c.id, verdict: 'applies', why: `${n.hostname} → ${s.hostname}` };
    }
    case 'set-power': return powerVerdict(c.id, s, n, f.power?.get(n.systemId));
  }
}

export function reviewChanges(changes: readonly RecordedChange[], f: Fresh): ChangeReview[] {
  const created = new Set<string>();
  return changes.filter((c) => c.state === 'recorded').map((c) => reviewChange(c, f, created));
}
