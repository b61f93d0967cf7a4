// MAAS node statuses (canonical/maas src/maasserver/enum.py NODE_STATUS). MAAS 1.8 has
// 0–15; later releases add 16–22 (rescue mode, testing), which API 2.0 servers may return.
export const NodeStatus = {
  NEW: 0,
  COMMISSIONING: 1,
  FAILED_COMMISSIONING: 2,
  MISSING: 3,
  READY: 4,
  RESERVED: 5,
  DEPLOYED: 6,
  RETIRED: 7,
  BROKEN: 8,
  DEPLOYING: 9,
  ALLOCATED: 10,
  FAILED_DEPLOYMENT: 11,
  RELEASING: 12,
  FAILED_RELEASING: 13,
  DISK_ERASING: 14,
  FAILED_DISK_ERASING: 15,
  RESCUE_MODE: 16,
  ENTERING_RESCUE_MODE: 17,
  FAILED_ENTERING_RESCUE_MODE: 18,
  EXITING_RESCUE_MODE: 19,
  FAILED_EXITING_RESCUE_MODE: 20,
  TESTING: 21,
  FAILED_TESTING: 22,
} as const;

export type NodeStatusName = keyof typeof NodeStatus;
export type NodeStatusValue = (typeof NodeStatus)[NodeStatusName];

/** Display names as MAAS shows them (NODE_STATUS_CHOICES). */
export const nodeStatusDisplay: Readonly<Record<NodeStatusValue, string>> = {
  0: 'New',
  1: 'Commissioning',
  2: 'Failed commissioning',
  3: 'Missing',
  4: 'Ready',
  5: 'Reserved',
  6: 'Deployed',
  7: 'Retired',
  8: 'Broken',
  9: 'Deploying',
  10: 'Allocated',
  11: 'Failed deployment',
  12: 'Releasing',
  13: 'Releasing failed',
  14: 'Disk erasing',
  15: 'Failed disk erasing',
  16: 'Rescue mode',
  17: 'Entering rescue mode',
  18: 'Failed to enter rescue mode',
  19: 'Exiting rescue mode',
  20: 'Failed to exit rescue mode',
  21: 'Testing',
  22: 'Failed testing',
};

const byValue = new Map<number, NodeStatusName>(
  (Object.entries(NodeStatus) as [NodeStatusName, NodeStatusValue][]).map(([k, v]) => [v, k]),
);

export const isNodeStatus = (v: unknown): v is NodeStatusValue => typeof v === 'number' && byValue.has(v);

/** `NEW`, `READY`… for a status value; undefined for a value MAAS never defined. */
export const nodeStatusName = (v: number): NodeStatusName | undefined => byValue.get(v);

/** "Ready", "Failed deployment"…; `Unknown (N)` for a value MAAS never defined. */
export const displayStatus = (v: number): string =>
  isNodeStatus(v) ? nodeStatusDisplay[v] : `Unknown (${v})`;

/** A status value from a name ("READY", "ready") or display name ("Failed deployment"). */
export function parseNodeStatus(text: string): NodeStatusValue | undefined {
  const t = text.trim();
  const key = t.toUpperCase().replace(/[\s-]+/g, '_');
  if (key in NodeStatus) return NodeStatus[key as NodeStatusName];
  const lower = t.toLowerCase();
  for (const [v, d] of Object.entries(nodeStatusDisplay)) if (d.toLowerCase() === lower) return Number(v) as NodeStatusValue;
  return undefined;
}
