// Fills an embedded region's data directory before the region starts: nodes in two zones
// and an event history of any size, written through the region's own stores (one
// transaction), plus an admin API key for the test to act on the region with.
import { createApiKey, openRegion } from '../../src-main/region/start-region';
import type { EventTypeName } from '../../src-main/region/events/event-types';
import { NodeStatus } from '../../src-shared/maas/index';

export interface SeededRegion {
  apiKey: string;
  nodes: { systemId: string; hostname: string; zone: string }[];
}

/** A history that looks like a working fleet: mostly INFO, some DEBUG, WARNING and ERROR. */
const MIX: [EventTypeName, (h: string, i: number) => string][] = [
  ['NODE_CHANGED_STATUS', () => "From 'Ready' to 'Allocated'"],
  ['NODE_POWER_QUERIED', () => 'Power state: on'],
  ['NODE_POWERED_ON', () => ''],
  ['NODE_TAGGED', (_h, i) => `Tag 'batch-${i % 40}' added`],
  ['NODE_POWER_QUERIED', () => 'Power state: off'],
  ['NODE_POWERED_OFF', () => ''],
  ['NODE_POWER_QUERY_FAILED', (h) => `ipmi: ${h}-bmc did not answer within 10 s`],
  ['NODE_CHANGED_STATUS', () => "From 'Allocated' to 'Deployed'"],
  ['NODE_DETAILS_UPLOADED', () => 'lshw 134 kB, lldp 3 kB'],
  ['NODE_POWER_ON_FAILED', (h) => `ipmi: ${h}-bmc: password rejected`],
];

export async function seedRegionEvents(dataDir: string, o: { nodes: number; events: number }): Promise<SeededRegion> {
  const r = await openRegion({ dataDir, keyStorage: 'file', tagEngine: null, log: () => undefined });
  try {
    const core = r.core;
    const rack = core.zones.byName('rack-12') ?? core.zones.insert('rack-12', 'Row 3');
    const nodes = core.tx(() => Array.from({ length: o.nodes }, (_, i) => {
      const zone = i % 2 ? rack : core.zones.byName('default')!;
      const n = core.nodes.insert({ hostname: `rack12-node-${String(i + 1).padStart(3, '0')}`, installable: true,
        status: NodeStatus.READY, zoneId: zone.id, architecture: 'amd64/generic' });
      return { id: n.id, systemId: n.system_id, hostname: n.hostname, zone: zone.name };
    }));
    core.tx(() => {
      for (let i = 0; i < o.events; i++) {
        const n = nodes[i % nodes.length];
        const [type, text] = MIX[i % MIX.length];
        core.events.record(n.id, type, text(n.hostname, i));
      }
    });
    return { apiKey: createApiKey(core), nodes: nodes.map(({ systemId, hostname, zone }) => ({ systemId, hostname, zone })) };
  } finally {
    r.close();
  }
}
