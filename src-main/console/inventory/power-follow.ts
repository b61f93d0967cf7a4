// Power on / off answer at once on MAAS and on the embedded region: the request is queued,
// and the outcome arrives later as the node's power_state and an event ("Node powered on",
// "Failed to power on node: <reason>"). A bulk power action follows each node until one of
// them says how it ended, showing progress meanwhile — so the technician sees the BMC's
// reason, not "done" for a request that later failed.
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import type { InventoryClient } from './inventory-client';

export interface PowerFollow {
  /** How often the node and its events are read. */
  intervalMs: number;
  /** How long the BMC's schedule may take (the region's retries with dead BMCs run minutes). */
  limitMs: number;
}

export const defaultPowerFollow: PowerFollow = { intervalMs: 2000, limitMs: 4 * 60_000 };

export type PowerOutcome =
  | { state: 'done'; node: NodeSummary }
  | { state: 'failed'; reason: string; node?: NodeSummary }
  | { state: 'running'; note: string; node?: NodeSummary };

const outcomeEvents = {
  on: { done: 'Node powered on', failed: 'Failed to power on node' },
  off: { done: 'Node powered off', failed: 'Failed to power off node' },
} as const;

/** The newest event id of a node now, so that only later events count as this action's outcome. */
export async function latestEventId(client: InventoryClient, systemId: string): Promise<number> {
  const page = await client.queryEvents({ systemId: [systemId], level: 'DEBUG', limit: 1 }).catch(() => undefined);
  return page?.events[0]?.id ?? 0;
}

/**
 * Sends the change, then reads the node and its newer events every `intervalMs` until the
 * power state is `want`, an event reports the outcome, or `limitMs` has passed. `progress`
 * sees each waiting step; `cancelled` stops the following (the request was sent).
 */
export async function powerAndFollow(
  client: InventoryClient,
  systemId: string,
  want: 'on' | 'off',
  send: () => Promise<NodeSummary>,
  opts: { follow?: PowerFollow; progress?: (note: string) => void; cancelled?: () => boolean } = {},
): Promise<PowerOutcome> {
  const follow = opts.follow ?? defaultPowerFollow;
  const since = await latestEventId(client, systemId);
  let node = await send();
  if (node.powerState === want) return { state: 'done', node };
  const started = Date.now();
  const names = outcomeEvents[want];
  while (Date.now() - started < follow.limitMs) {
    if (opts.cancelled?.()) return { state: 'running', note: 'sent; no longer followed (cancelled)', node };
    opts.progress?.(`sent; waiting for the BMC (${Math.round((Date.now() - started) / 1000)} s)`);
    await new Promise((r) => setTimeout(r, follow.intervalMs));
    const page = await client.queryEvents({ systemId: [systemId], level: 'DEBUG', after: since, limit: 100 }).catch(() => undefined);
    const events = (page?.events ?? []).filter((e) => e.id > since);
    const failed = events.find((e) => e.type === names.failed);
    if (failed) return { state: 'failed', reason: failed.description ? `${failed.type}: ${failed.description}` : failed.type, node };
    node = await client.getNode(systemId).catch(() => node);
    if (node.powerState === want || events.some((e) => e.type === names.done)) return { state: 'done', node };
  }
  return { state: 'failed', reason: `sent; the node did not report power ${want} within ${Math.round(follow.limitMs / 1000)} s (power state: ${node.powerState || 'unknown'})`, node };
}
