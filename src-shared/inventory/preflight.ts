// Before a bulk action runs, say which nodes it will skip and why. The status rules come
// from MAAS's NODE_TRANSITIONS (src-shared/maas/transitions.ts); the server still has the
// last word, and a refusal it gives anyway shows in the per-node outcome.
import type { NodeSummary } from '../contract/maas-types';
import { NodeStatus as S, RELEASABLE_STATUSES, canTransition, isNodeStatus, type NodeStatusValue } from '../maas/index';
import type { BulkAction, BulkParams } from './bulk-actions';

export interface Skipped { systemId: string; hostname: string; reason: string }
export interface Preflight {
  action: BulkAction;
  /** Nodes the action will be sent for, in the order given. */
  act: string[];
  skipped: Skipped[];
}

type Rule = (n: NodeSummary, p: BulkParams) => string | null;
const st = (n: NodeSummary): NodeStatusValue | null => (isNodeStatus(n.status) ? n.status : null);
const allows = (n: NodeSummary, to: NodeStatusValue) => {
  const from = st(n);
  return from !== null && canTransition(from, to);
};
const hasPowerType = (n: NodeSummary) => n.powerType !== '' && n.powerType !== 'manual';

const rules: Record<BulkAction, Rule> = {
  // MAAS accept_enlistment: New is accepted; Commissioning and Ready were accepted already
  // (not an error, not listed); any other status makes the server refuse the request.
  accept: (n) =>
    n.status === S.NEW ? null
      : n.status === S.READY || n.status === S.COMMISSIONING ? `already accepted (${n.statusName})`
        : `MAAS refuses to accept a node that is ${n.statusName}`,
  acceptAll: (n) => (n.status === S.NEW ? null : `not New (${n.statusName}): accept_all only takes New nodes`),
  // MAAS 1.8 RELEASABLE_STATUSES; a Ready node has nothing to release.
  release: (n) =>
    n.status === S.READY ? 'already released (Ready)'
      : (RELEASABLE_STATUSES as readonly number[]).includes(n.status) ? null
        : `cannot be released while ${n.statusName}`,
  commission: (n) => (allows(n, S.COMMISSIONING) ? null : `cannot go from ${n.statusName} to Commissioning`),
  powerOn: (n) =>
    !hasPowerType(n) ? `no power control (power type ${n.powerType || 'not set'})`
      : n.powerState === 'on' ? 'already on' : null,
  powerOff: (n) =>
    !hasPowerType(n) ? `no power control (power type ${n.powerType || 'not set'})`
      : n.powerState === 'off' ? 'already off' : null,
  checkPower: (n) => (hasPowerType(n) ? null : `no power control (power type ${n.powerType || 'not set'})`),
  markBroken: (n) =>
    n.status === S.BROKEN ? 'already Broken' : allows(n, S.BROKEN) ? null : `cannot go from ${n.statusName} to Broken`,
  // mark_fixed takes a Broken node back to Ready.
  markFixed: (n) => (n.status === S.BROKEN ? null : `not Broken (${n.statusName})`),
  setZone: (n, p) => ((n.zone ?? null) === (p.zone ?? null) ? `already in ${p.zone ?? 'no zone'}` : null),
  addTag: (n, p) => (p.tag && n.tags.includes(p.tag) ? `already tagged ${p.tag}` : null),
  removeTag: (n, p) => (p.tag && !n.tags.includes(p.tag) ? `not tagged ${p.tag}` : null),
  delete: () => null,
};

/** Why `action` would skip `n`, or null when it applies. */
export const skipReason = (action: BulkAction, n: NodeSummary, p: BulkParams = {}): string | null => rules[action](n, p);

/**
 * The pre-flight list. `lookup` gives the inventory's copy of each node; an id it does not
 * know (deleted elsewhere since the selection was made) is skipped, named as such.
 */
export function preflight(action: BulkAction, ids: readonly string[], lookup: (id: string) => NodeSummary | undefined, p: BulkParams = {}): Preflight {
  const act: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const n = lookup(id);
    if (!n) { skipped.push({ systemId: id, hostname: id, reason: 'no longer in the inventory' }); continue; }
    const why = rules[action](n, p);
    if (why) skipped.push({ systemId: id, hostname: n.hostname, reason: why });
    else act.push(id);
  }
  return { action, act, skipped };
}

/** Skip reasons counted, most common first: "already accepted (Ready): 12". */
export function skipSummary(skipped: readonly Skipped[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
