// The fleet: every connection's nodes in one answer, "find anywhere" over all of them, and
// a tag definition previewed over every server's kept details (fleet-tag-preview.ts).
// Each list comes from what the inventory already holds (memory, else the snapshot kept on
// disk), so the fleet opens at once and an unreachable server still shows what it had; a
// server that answers is re-read behind the answer and its changes follow as deltas.
import type { FleetServer } from '../../../src-shared/contract/fleet';
import type { ConnectionView } from '../../../src-shared/contract/connections';
import { FindIndex, type FindRecord } from '../../../src-shared/fleet/find';
import type { HandlersFor } from '../../ipc/dispatcher';
import type { NodeLists } from '../inventory/node-lists';
import type { NodeDetailsStore } from '../details/node-details-store';
import type { FleetServerNodes, FleetTagPreviewer } from './fleet-tag-preview';

export interface FleetDeps {
  connections: () => ConnectionView[];
  lists: NodeLists;
  /** Serials come from the node details kept (parsed once per node, kept current by its writes). */
  details: Pick<NodeDetailsStore, 'serials'>;
  tagPreview: FleetTagPreviewer;
  now?: () => number;
}

/** A find index older than this is rebuilt on the next search (a keystroke reuses it). */
const INDEX_TTL_MS = 2000;

const reachable = (c: ConnectionView) => c.health === 'online';

/** Every connection with its nodes as last read: what a fleet tag preview reports against. */
export function fleetServerNodes(connections: () => ConnectionView[], lists: Pick<NodeLists, 'peek'>): () => FleetServerNodes[] {
  return () => connections().map((c) => ({
    connectionId: c.id, name: c.name, hostnames: new Map(lists.peek(c.id).nodes.map((n) => [n.systemId, n.hostname])),
  }));
}

export function fleetHandlers(d: FleetDeps): HandlersFor<'fleet.list' | 'fleet.find' | 'fleet.tagPreviewLoad' | 'fleet.tagPreview'> {
  const now = d.now ?? Date.now;
  let index: { at: number; find: FindIndex } | null = null;

  function servers(): FleetServer[] {
    return d.connections().map((c) => {
      const held = d.lists.peek(c.id);
      const source: FleetServer['source'] = held.fetchedAt === null ? 'none' : reachable(c) && !held.fromDisk ? 'live' : 'snapshot';
      return {
        connectionId: c.id, name: c.name, kind: c.kind, apiVersion: c.apiVersion, health: c.health,
        lastReached: c.lastReached, source, asOf: held.fetchedAt, nodes: held.nodes,
      };
    });
  }

  function findIndex(): FindIndex {
    if (index && now() - index.at < INDEX_TTL_MS) return index.find;
    const records: FindRecord[] = [];
    for (const s of servers()) {
      const serials = d.details.serials(s.connectionId);
      const asOf = s.source === 'live' ? null : s.asOf;
      for (const n of s.nodes) {
        records.push({ connectionId: s.connectionId, server: s.name, systemId: n.systemId, hostname: n.hostname,
          macs: n.macAddresses, ips: n.ipAddresses, serials: serials.get(n.systemId) ?? [], asOf });
      }
    }
    index = { at: now(), find: new FindIndex(records) };
    return index.find;
  }

  return {
    'fleet.list': async () => {
      const list = servers();
      // Servers that answer are read again; what changed reaches the view as inventory.changed.
      for (const s of list) if (s.health === 'online') void d.lists.refresh(s.connectionId);
      index = null;
      return { servers: list };
    },
    'fleet.find': async ({ text, limit }) => ({ hits: findIndex().find(text, limit) }),
    'fleet.tagPreviewLoad': async () => ({ previewed: (await d.tagPreview.warm()).size }),
    'fleet.tagPreview': ({ definition, limit }) => d.tagPreview.preview(definition, limit),
  };
}
