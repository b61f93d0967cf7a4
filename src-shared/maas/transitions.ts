// MAAS 1.x NODE_TRANSITIONS (src/maasserver/node_status.py; table in
// shared/reference/maas-behaviour.md). Every status change the embedded region makes is
// checked against this table; the UI uses it to say which actions apply.
import { NodeStatus as S, type NodeStatusValue } from './node-status';

/** Statuses a node may be created in (the `None` row of NODE_TRANSITIONS). */
export const INITIAL_STATUSES: readonly NodeStatusValue[] = [S.NEW, S.MISSING, S.RETIRED];

export const NODE_TRANSITIONS: Readonly<Partial<Record<NodeStatusValue, readonly NodeStatusValue[]>>> = {
  [S.NEW]: [S.COMMISSIONING, S.MISSING, S.READY, S.RETIRED, S.BROKEN],
  [S.COMMISSIONING]: [S.FAILED_COMMISSIONING, S.READY, S.RETIRED, S.MISSING, S.NEW, S.BROKEN],
  [S.FAILED_COMMISSIONING]: [S.COMMISSIONING, S.MISSING, S.RETIRED, S.BROKEN],
  [S.READY]: [S.COMMISSIONING, S.ALLOCATED, S.RESERVED, S.RETIRED, S.MISSING, S.BROKEN],
  [S.RESERVED]: [S.READY, S.ALLOCATED, S.RETIRED, S.MISSING, S.BROKEN, S.DISK_ERASING, S.RELEASING],
  [S.ALLOCATED]: [S.READY, S.RETIRED, S.MISSING, S.BROKEN, S.DEPLOYING, S.DISK_ERASING, S.RELEASING],
  [S.RELEASING]: [
    S.ALLOCATED, S.RESERVED, S.DEPLOYED, S.READY, S.BROKEN, S.MISSING,
    S.FAILED_DEPLOYMENT, S.FAILED_DISK_ERASING, S.FAILED_RELEASING,
  ],
  [S.DEPLOYING]: [
    S.ALLOCATED, S.MISSING, S.BROKEN, S.FAILED_DEPLOYMENT, S.DEPLOYED, S.READY, S.DISK_ERASING, S.RELEASING,
  ],
  [S.FAILED_DEPLOYMENT]: [S.ALLOCATED, S.MISSING, S.BROKEN, S.READY, S.DISK_ERASING, S.RELEASING],
  [S.DEPLOYED]: [S.ALLOCATED, S.MISSING, S.BROKEN, S.READY, S.DISK_ERASING, S.RELEASING],
  [S.MISSING]: [S.NEW, S.READY, S.ALLOCATED, S.COMMISSIONING, S.BROKEN],
  [S.RETIRED]: [S.NEW, S.READY, S.MISSING, S.BROKEN],
  [S.BROKEN]: [S.COMMISSIONING, S.READY, S.DISK_ERASING, S.RELEASING],
  [S.FAILED_RELEASING]: [S.RELEASING, S.DISK_ERASING, S.READY, S.BROKEN],
  [S.DISK_ERASING]: [S.BROKEN, S.DISK_ERASING, S.FAILED_DISK_ERASING, S.READY, S.RELEASING],
  [S.FAILED_DISK_ERASING]: [S.DISK_ERASING, S.RELEASING, S.BROKEN, S.ALLOCATED, S.READY],
};

/** Whether MAAS 1.x allows `from → to` (`from` null: a node being created). */
export function canTransition(from: NodeStatusValue | null, to: NodeStatusValue): boolean {
  if (from === null) return INITIAL_STATUSES.includes(to);
  return NODE_TRANSITIONS[from]?.includes(to) ?? false;
}

/** The failure status of an in-progress status (MAAS's NODE_FAILURE_STATUS_TRANSITIONS). */
export const FAILURE_OF: Readonly<Partial<Record<NodeStatusValue, NodeStatusValue>>> = {
  [S.COMMISSIONING]: S.FAILED_COMMISSIONING,
  [S.DEPLOYING]: S.FAILED_DEPLOYMENT,
  [S.RELEASING]: S.FAILED_RELEASING,
  [S.DISK_ERASING]: S.FAILED_DISK_ERASING,
};

/** Minutes MAAS waits before failing an in-progress status (commissioning 20, deploying 40, releasing 5). */
export const TIMEOUT_MINUTES: Readonly<Partial<Record<NodeStatusValue, number>>> = {
  [S.COMMISSIONING]: 20,
  [S.DEPLOYING]: 40,
  [S.RELEASING]: 5,
};

/** MAAS 1.8 RELEASABLE_STATUSES: `release` applies to these; Ready is "already released". */
export const RELEASABLE_STATUSES: readonly NodeStatusValue[] = [
  S.ALLOCATED, S.RESERVED, S.BROKEN, S.DEPLOYING, S.DEPLOYED,
  S.FAILED_DEPLOYMENT, S.FAILED_DISK_ERASING, S.FAILED_RELEASING,
];
