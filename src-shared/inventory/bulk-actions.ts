// The bulk actions the inventory offers, and what each needs besides the nodes. Shared by
// the renderer (menus, pre-flight) and main (the runner), so both read the same list.

export const bulkActions = [
  'accept', 'acceptAll', 'release', 'commission', 'powerOn', 'powerOff', 'checkPower',
  'markBroken', 'markFixed', 'setZone', 'addTag', 'removeTag', 'delete',
  // MAAS 2.x/3.x machine actions (src-shared/maas/machine-actions.ts); deploy and abort on API 1.0 too.
  'deploy', 'abort', 'test', 'rescueMode', 'exitRescueMode', 'lock', 'unlock', 'overrideFailedTesting', 'setPool', 'powerCycle',
] as const;
export type BulkAction = (typeof bulkActions)[number];

export interface BulkActionInfo {
  label: string;
  /** The verb for progress and results: "Accepting", "Released"… */
  doing: string;
  done: string;
  /** Needs a confirmation naming the count (cannot be undone from the console). */
  destructive?: boolean;
  needs?: 'zone' | 'tag' | 'pool';
  /** Options the action takes (a form beside the pre-flight). */
  options?: 'deploy' | 'commission' | 'test';
}

/** Actions a remote server's change set can hold: offline they are recorded, not sent. */
export const recordableOffline: ReadonlySet<BulkAction> = new Set<BulkAction>(['accept', 'release', 'commission', 'setZone', 'setPool', 'addTag', 'removeTag']);

export const bulkActionInfo: Record<BulkAction, BulkActionInfo> = {
  accept: { label: 'Accept', doing: 'Accepting', done: 'Accepted' },
  acceptAll: { label: 'Accept all new', doing: 'Accepting', done: 'Accepted' },
  release: { label: 'Release', doing: 'Releasing', done: 'Released' },
  commission: { label: 'Commission', doing: 'Commissioning', done: 'Commissioning started', options: 'commission' },
  powerOn: { label: 'Power on', doing: 'Powering on', done: 'Powered on' },
  powerOff: { label: 'Power off', doing: 'Powering off', done: 'Powered off' },
  // MAAS's "Check power": asks the BMC now (op=query_power_state) and records what it says.
  checkPower: { label: 'Check power', doing: 'Checking power', done: 'Power checked' },
  markBroken: { label: 'Mark broken', doing: 'Marking broken', done: 'Marked broken' },
  markFixed: { label: 'Mark fixed', doing: 'Marking fixed', done: 'Marked fixed' },
  setZone: { label: 'Set zone…', doing: 'Moving', done: 'Moved', needs: 'zone' },
  addTag: { label: 'Add tag…', doing: 'Tagging', done: 'Tagged', needs: 'tag' },
  removeTag: { label: 'Remove tag…', doing: 'Untagging', done: 'Untagged', needs: 'tag' },
  delete: { label: 'Delete', doing: 'Deleting', done: 'Deleted', destructive: true },
  deploy: { label: 'Deploy…', doing: 'Deploying', done: 'Deployment started', options: 'deploy' },
  abort: { label: 'Abort', doing: 'Aborting', done: 'Aborted' },
  test: { label: 'Test…', doing: 'Starting tests', done: 'Testing started', options: 'test' },
  rescueMode: { label: 'Enter rescue mode', doing: 'Entering rescue mode', done: 'Entering rescue mode' },
  exitRescueMode: { label: 'Exit rescue mode', doing: 'Exiting rescue mode', done: 'Exiting rescue mode' },
  lock: { label: 'Lock', doing: 'Locking', done: 'Locked' },
  unlock: { label: 'Unlock', doing: 'Unlocking', done: 'Unlocked' },
  overrideFailedTesting: { label: 'Override failed testing', doing: 'Overriding', done: 'Overridden' },
  setPool: { label: 'Set pool…', doing: 'Moving', done: 'Moved', needs: 'pool' },
  powerCycle: { label: 'Power cycle', doing: 'Power cycling', done: 'Power cycled' },
};

/** Actions MAAS has a bulk call for (nodes op=accept/release/set_zone, tags op=update_nodes). */
export const serverBulk: ReadonlySet<BulkAction> = new Set(['accept', 'acceptAll', 'release', 'setZone', 'addTag', 'removeTag']);

export interface BulkParams {
  /** setZone: the zone; null takes the nodes out of their zone (MAAS: no zone means "none"). */
  zone?: string | null;
  /** addTag / removeTag. */
  tag?: string;
  /** release, markBroken: why (MAAS records it with the event). */
  comment?: string;
  /** setPool. */
  pool?: string;
  /** deploy: from what the server offers (its synced images); none: the server's defaults. */
  osystem?: string;
  distroSeries?: string;
  hweKernel?: string;
  /** deploy: cloud-init user data as typed (sent base64-encoded, as MAAS takes it). */
  userData?: string;
  /** commission, test: keep SSH open in the commissioning/testing environment. */
  enableSsh?: boolean;
  /** commission: keep the machine's current network and storage configuration. */
  skipNetworking?: boolean;
  skipStorage?: boolean;
  /** commission: extra commissioning scripts; commission, test: testing scripts ('none': no tests). */
  commissioningScripts?: string[];
  testingScripts?: string[];
}

/**
 * How one node fared in a bulk action. `recorded`: the server was offline (or stopped
 * answering during the action), so the change went into its change set instead.
 */
export type NodeOutcomeState = 'pending' | 'running' | 'done' | 'unchanged' | 'failed' | 'skipped' | 'recorded';

export interface NodeOutcome {
  systemId: string;
  hostname: string;
  state: NodeOutcomeState;
  /** The server's reason for a failure, or why a node was skipped / left unchanged. */
  reason?: string;
}
