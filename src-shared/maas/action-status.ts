// Which node actions a status allows, by MAAS's own rules: the table the inventory's
// pre-flight, the Take action menu's counts and the node panel all read, so they never
// disagree. Each rule answers why a node in that status is not acted on, or null.
// Sources: accept_enlistment and RELEASABLE_STATUSES (MAAS 1.8 api/nodes.py,
// models/node.py), NODE_TRANSITIONS (node_status.py; ./transitions.ts).
import { NodeStatus as S, isNodeStatus, type NodeStatusValue } from './node-status';
import { RELEASABLE_STATUSES, canTransition } from './transitions';

/** Actions whose applicability is a matter of the node's status alone. */
export type StatusAction = 'accept' | 'acceptAll' | 'release' | 'commission' | 'markBroken' | 'markFixed';

type StatusRule = (status: number, statusName: string) => string | null;
const allows = (from: number, to: NodeStatusValue) => isNodeStatus(from) && canTransition(from, to);

export const statusRules: Readonly<Record<StatusAction, StatusRule>> = {
  // MAAS accept_enlistment: New is accepted; Commissioning and Ready were accepted already
  // (not an error, not listed); any other status makes the server refuse the request.
  accept: (s, name) =>
    s === S.NEW ? null
      : s === S.READY || s === S.COMMISSIONING ? `already accepted (${name})`
        : `MAAS refuses to accept a node that is ${name}`,
  acceptAll: (s, name) => (s === S.NEW ? null : `not New (${name}): accept_all only takes New nodes`),
  // A Ready node has nothing to release.
  release: (s, name) =>
    s === S.READY ? 'already released (Ready)'
      : (RELEASABLE_STATUSES as readonly number[]).includes(s) ? null
        : `cannot be released while ${name}`,
  commission: (s, name) => (allows(s, S.COMMISSIONING) ? null : `cannot go from ${name} to Commissioning`),
  markBroken: (s, name) => (s === S.BROKEN ? 'already Broken' : allows(s, S.BROKEN) ? null : `cannot go from ${name} to Broken`),
  // mark_fixed takes a Broken node back to Ready.
  markFixed: (s, name) => (s === S.BROKEN ? null : `not Broken (${name})`),
};

export const isStatusAction = (a: string): a is StatusAction => Object.hasOwn(statusRules, a);

/** Why a node in `status` is not acted on by `action`, or null when the status allows it. */
export const statusRefusal = (action: StatusAction, status: number, statusName: string): string | null =>
  statusRules[action](status, statusName);
