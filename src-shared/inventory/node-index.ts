// A node prepared once for searching: every keystroke filters these entries, so the
// lower-casing and MAC normalising happen when data arrives, never per keystroke
// (PERFORMANCE.md: a keystroke repaints 10,000 rows within one frame).
import type { NodeSummary } from '../contract/maas-types';

export interface IndexedNode {
  node: NodeSummary;
  /** Hostname, system id, MACs (as written and bare hex), tags: lower case, '\n'-joined. */
  hay: string;
  statusKey: string;
  hostname: string;
  systemId: string;
  /** MACs as bare lower-case hex ("525400a1b2c3"), so any separator style matches. */
  macs: string[];
  tags: string[];
  zone: string;
  pool: string;
  owner: string;
  arch: string;
  power: string;
  powerType: string;
  os: string;
  /** The server's name in the fleet view (`server:` matches it lower case); empty in one server's inventory. */
  server: string;
  serverName: string;
}

/** "Failed commissioning", "failed_commissioning", "FAILED-COMMISSIONING" → "failedcommissioning". */
export const keyOf = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Bare lower-case hex of a MAC or MAC fragment: "52:54:00:A1" → "525400a1". */
export const bareMac = (text: string): string => text.toLowerCase().replace(/[^0-9a-f]/g, '');

export function indexNode(n: NodeSummary, server = ''): IndexedNode {
  const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();
  const macs = n.macAddresses.map(bareMac);
  const tags = n.tags.map(lower);
  return {
    node: n,
    hay: [lower(n.hostname), lower(n.systemId), ...n.macAddresses.map(lower), ...macs, ...tags].join('\n'),
    statusKey: keyOf(n.statusName),
    hostname: lower(n.hostname),
    systemId: lower(n.systemId),
    macs,
    tags,
    zone: lower(n.zone),
    pool: lower(n.pool),
    owner: lower(n.owner),
    arch: lower(n.architecture),
    power: lower(n.powerState),
    powerType: lower(n.powerType),
    os: `${lower(n.osystem)}/${lower(n.distroSeries)}`,
    server: server.toLowerCase(),
    serverName: server,
  };
}

export const indexNodes = (nodes: Iterable<NodeSummary>): IndexedNode[] => Array.from(nodes, (n) => indexNode(n));
