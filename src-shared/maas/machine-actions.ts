// The machine actions of MAAS 2.x/3.x beside accept and release, and when each applies:
// the statuses of MAAS 3.x's node_action.py (`actionable_statuses`; a locked machine takes
// none but Unlock), the API op that performs it (api/machines.py, api/nodes.py), and the MAAS
// release that first offered the op, so the console can say a server is too old for it.
import { NodeStatus as S, displayStatus } from './node-status';

export type MachineAction = 'deploy' | 'abort' | 'test' | 'rescueMode' | 'exitRescueMode' | 'lock' | 'unlock'
  | 'overrideFailedTesting' | 'setPool' | 'powerCycle';

export interface MachineActionRule {
  /** The API 2.0 op (`machines/{id}/ op=…`); setPool is a PUT of `pool`, powerCycle two power ops. */
  op: string;
  /** The first MAAS release offering it. */
  since: string;
  statuses: readonly number[] | 'any';
}

const FAILED = [S.FAILED_COMMISSIONING, S.FAILED_DEPLOYMENT, S.FAILED_RELEASING, S.FAILED_DISK_ERASING,
  S.FAILED_ENTERING_RESCUE_MODE, S.FAILED_EXITING_RESCUE_MODE, S.FAILED_TESTING];

export const machineActionRules: Readonly<Record<MachineAction, MachineActionRule>> = {
  // Deploy takes Ready (allocated first) and Allocated machines.
  deploy: { op: 'deploy', since: '2.0', statuses: [S.READY, S.ALLOCATED] },
  abort: { op: 'abort', since: '2.0', statuses: [S.COMMISSIONING, S.DISK_ERASING, S.DEPLOYING, S.TESTING] },
  test: { op: 'test', since: '2.2', statuses: [S.FAILED_COMMISSIONING, S.NEW, S.READY, S.RESERVED, S.ALLOCATED, S.FAILED_DEPLOYMENT,
    S.DEPLOYED, S.MISSING, S.RETIRED, S.BROKEN, S.RESCUE_MODE, S.FAILED_RELEASING, S.FAILED_DISK_ERASING,
    S.FAILED_ENTERING_RESCUE_MODE, S.FAILED_EXITING_RESCUE_MODE, S.FAILED_TESTING] },
  rescueMode: { op: 'rescue_mode', since: '2.2', statuses: [S.NEW, S.FAILED_COMMISSIONING, S.READY, S.RESERVED, S.ALLOCATED,
    S.FAILED_DEPLOYMENT, S.DEPLOYED, S.MISSING, S.RETIRED, S.BROKEN, S.FAILED_DISK_ERASING, S.FAILED_ENTERING_RESCUE_MODE,
    S.FAILED_EXITING_RESCUE_MODE, S.FAILED_TESTING] },
  exitRescueMode: { op: 'exit_rescue_mode', since: '2.2', statuses: [S.RESCUE_MODE, S.ENTERING_RESCUE_MODE, S.FAILED_ENTERING_RESCUE_MODE, S.FAILED_EXITING_RESCUE_MODE] },
  lock: { op: 'lock', since: '2.5', statuses: [S.DEPLOYED, S.DEPLOYING] },
  unlock: { op: 'unlock', since: '2.5', statuses: 'any' },
  overrideFailedTesting: { op: 'override_failed_testing', since: '2.2', statuses: [S.FAILED_TESTING] },
  setPool: { op: 'update', since: '2.5', statuses: 'any' },
  // Power off, then on once the BMC says off: statuses where MAAS lets a user power on.
  powerCycle: { op: 'power_off', since: '2.0', statuses: [S.DEPLOYING, S.DEPLOYED, S.BROKEN] },
};

/** MAAS 2.x/3.x statuses of commission, mark broken and mark fixed (node_action.py). */
export const commissionStatuses2: readonly number[] = [S.NEW, S.FAILED_COMMISSIONING, S.READY, S.BROKEN];
export const markBrokenStatuses2: readonly number[] = [S.NEW, S.COMMISSIONING, S.READY, S.ALLOCATED, S.RELEASING, S.DEPLOYING,
  S.DEPLOYED, S.DISK_ERASING, S.TESTING, ...FAILED];

export interface ActionNode { status: number; statusName: string; locked?: boolean; pool?: string | null }

/** Why a machine is not acted on by `action`, or null. */
export function machineRefusal(action: MachineAction, n: ActionNode, pool?: string): string | null {
  if (action === 'unlock') return n.locked ? null : 'not locked';
  if (n.locked) return 'locked: unlock it first';
  if (action === 'setPool' && pool !== undefined && n.pool === pool) return `already in pool ${pool}`;
  const r = machineActionRules[action];
  if (r.statuses === 'any' || r.statuses.includes(n.status)) return null;
  return `not possible while ${n.statusName || displayStatus(n.status)}`;
}

/** "3.4.9", "2.5.0 from source", "2.4.2 (7034-g2f5deb8b8-0ubuntu1)" → [3, 4]; null when unreadable. */
export function majorMinor(version: string | null): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Whether a MAAS release is at least `since` ("2.5"). Unknown releases are given the benefit. */
export function releaseAtLeast(version: string | null, since: string): boolean {
  const v = majorMinor(version);
  const [a, b] = since.split('.').map(Number);
  return v === null || v[0] > a || (v[0] === a && v[1] >= b);
}
