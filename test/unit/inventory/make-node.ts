// A NodeSummary with sensible defaults, for tests that care about a few fields.
import type { NodeSummary } from '../../../src-shared/contract/maas-types';

let seq = 0;
export function makeNode(over: Partial<NodeSummary> = {}): NodeSummary {
  seq++;
  return {
    systemId: `node${String(seq).padStart(4, '0')}`,
    hostname: `host-${seq}`,
    status: 0,
    statusName: 'New',
    owner: null,
    zone: 'default',
    pool: null,
    architecture: 'amd64/generic',
    cpuCount: 4,
    memory: 8192,
    storage: 500_000,
    powerState: 'off',
    powerType: 'ipmi',
    tags: [],
    macAddresses: [`52:54:00:00:${String(seq % 100).padStart(2, '0')}:01`],
    ipAddresses: [],
    osystem: '',
    distroSeries: '',
    ...over,
  };
}
