// The bulk actions the inventory offers, and what each needs besides the nodes. Shared by
// the renderer (menus, pre-flight) and main (the runner), so both read the same list.

export const bulkActions = [
  'accept', 'acceptAll', 'release', 'commission', 'powerOn', 'powerOff', 'checkPower',
  'markBroken', 'markFixed', 'setZone', 'addTag', 'removeTag', 'delete',
] as const;
export type BulkAction = (typeof bulkActions)[number];

export interface BulkActionInfo {
  label: string;
  /** The verb for progress and results: "Accepting", "Released"… */
  doing: string;
  done: string;
  /** Needs a confirmation naming the count (cannot be undone from the console). */
  destructive?: boolean;
  needs?: 'zone' | 'tag';
}

/** Actions a remote server's change set can hold: offline they are recorded, not sent. */
export const recordableOffline: ReadonlySet<BulkAction> = new Set<BulkAction>(['accept', 'release', 'commission', 'setZone', 'addTag', 'removeTag']);

export const bulkActionInfo: Record<BulkAction, BulkActionInfo> = {
  accept: { label: 'Accept', doing: 'Accepting', done: 'Accepted' },
  acceptAll: { label: 'Accept all new', doing: 'Accepting', done: 'Accepted' },
  release: { label: 'Release', doing: 'Releasing', done: 'Released' },
  commission: { label: 'Commission', doing: 'Commissioning', done: 'Commissioning started' },
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
