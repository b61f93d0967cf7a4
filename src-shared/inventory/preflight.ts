// Before a bulk action runs, say which nodes it will skip and why. The status rules are
// MAAS's (src-shared/maas/action-status.ts); the server still has the last word, and a
// refusal it gives anyway shows in the per-node outcome.
import type { NodeSummary } from '../contract/maas-types';
import { machineRefusal, statusRefusal, type MachineAction, type StatusAction } from '../maas/index';
import type { BulkAction, BulkParams } from './bulk-actions';

export interface Skipped { systemId: string; hostname: string; reason: string }
export interface Preflight {
  action: BulkAction;
  /** Nodes the action will be sent for, in the order given. */
  act: string[];
  skipped: Skipped[];
}

type Rule = (n: NodeSummary, p: BulkParams) => string | null;
const hasPowerType = (n: NodeSummary) => n.powerType !== '' && n.powerType !== 'manual';
const byStatus = (a: StatusAction): Rule => (n) => statusRefusal(a, n.status, n.statusName);
// MAAS 2.x/3.x's rules (src-shared/maas/machine-actions.ts); power cycle also needs power control.
const machine = (a: MachineAction): Rule => (n, p) =>
  (a === 'powerCycle' && !hasPowerType(n) ? `no power control (power type ${n.powerType || 'not set'})` : null)
  ?? machineRefusal(a, n, a === 'setPool' ? p.pool : undefined);

const rules: Record<BulkAction, Rule> = {
  accept: byStatus('accept'),
  acceptAll: byStatus('acceptAll'),
  release: byStatus('release'),
  commission: byStatus('commission'),
  powerOn: (n) =>
    !hasPowerType(n) ? `no power control (power type ${n.powerType || 'not set'})`
      : n.powerState === 'on' ? 'already on' : null,
  powerOff: (n) =>
    !hasPowerType(n) ? `no power control (power type ${n.powerType || 'not set'})`
      : n.powerState === 'off' ? 'already off' : null,
  checkPower: (n) => (hasPowerType(n) ? null : `no power control (power type ${n.powerType || 'not set'})`),
  markBroken: byStatus('markBroken'),
  markFixed: byStatus('markFixed'),
  setZone: (n, p) => ((n.zone ?? null) === (p.zone ?? null) ? `already in ${p.zone ?? 'no zone'}` : null),
  addTag: (n, p) => (p.tag && n.tags.includes(p.tag) ? `already tagged ${p.tag}` : null),
  removeTag: (n, p) => (p.tag && !n.tags.includes(p.tag) ? `not tagged ${p.tag}` : null),
  delete: () => null,
  deploy: machine('deploy'),
  abort: machine('abort'),
  test: machine('test'),
  rescueMode: machine('rescueMode'),
  exitRescueMode: machine('exitRescueMode'),
  lock: machine('lock'),
  unlock: machine('unlock'),
  overrideFailedTesting: machine('overrideFailedTesting'),
  setPool: machine('setPool'),
  powerCycle: machine('powerCycle'),
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
    // A locked machine (MAAS 2.5+) takes no action but unlock (node_action.py `allowed_when_locked`).
    const why = n.locked && action !== 'unlock' ? 'locked: unlock it first' : rules[action](n, p);
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

/**
 * For the Take action menu: how many of `nodes` each action would act on. An action that
 * needs a zone or a tag counts every node (which ones it skips depends on the choice).
 */
export function applicableCounts(actions: readonly BulkAction[], nodes: readonly NodeSummary[], needsChoice: (a: BulkAction) => boolean):
  Map<BulkAction, { count: number; why: string | null }> {
  const out = new Map<BulkAction, { count: number; why: string | null }>();
  for (const a of actions) {
    if (needsChoice(a)) { out.set(a, { count: nodes.length, why: null }); continue; }
    let count = 0;
    const reasons = new Map<string, number>();
    for (const n of nodes) {
      const why = rules[a](n, {});
      if (why === null) count++;
      else reasons.set(why, (reasons.get(why) ?? 0) + 1);
    }
    const top = [...reasons].sort((x, y) => y[1] - x[1])[0];
    out.set(a, { count, why: top ? top[0] : null });
  }
  return out;
}
