// When may a node's details have changed? MAAS regenerates lshw and LLDP only when a node
// is commissioned, and neither API 1.0 nor 2.0 says when details were last written. What a
// commissioning run does change is visible in the node list: the status moves (New/Ready →
// Commissioning → Ready or Failed), and cpu_count, memory, storage, architecture and the
// MAC addresses are re-read from the new lshw. A node whose fingerprint of those fields
// differs from the one its cached details were fetched under is refetched; anything the
// fingerprint cannot see (a re-commission that found identical hardware and ended in the
// same status between two syncs) is what "Refresh all" is for.
import { createHash } from 'node:crypto';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import type { TagNode } from '../../../src-shared/contract/tags';

/** A node as the Tags view lists it, with its fingerprint now. */
export interface CachedNode extends TagNode {
  fingerprint: string;
}

export function nodeFingerprint(n: NodeSummary): string {
  const seen = [n.status, n.architecture, n.cpuCount, n.memory, n.storage, [...n.macAddresses].sort()];
  return createHash('sha256').update(JSON.stringify(seen)).digest('base64url').slice(0, 22);
}

export const toCachedNode = (n: NodeSummary): CachedNode => ({
  systemId: n.systemId, hostname: n.hostname, statusName: n.statusName, tags: n.tags, fingerprint: nodeFingerprint(n),
});

// MAAS status 1 is Commissioning: details are being rewritten right now.
const COMMISSIONING = 'Commissioning';

/** Nodes whose details are missing from the cache or may have changed since they were fetched. */
export function staleNodes(nodes: CachedNode[], fetchedUnder: Map<string, string>): CachedNode[] {
  return nodes.filter((n) => n.statusName === COMMISSIONING || fetchedUnder.get(n.systemId) !== n.fingerprint);
}
