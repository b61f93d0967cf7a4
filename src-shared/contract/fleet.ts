// The fleet: every connection's nodes in one view (live where the server answers, from its
// snapshot where it does not), and "find anywhere" over all of them.
import { z } from 'zod';
import type { FindHit } from '../fleet/find';
import { channel, returns } from './channel';
import type { ConnectionView } from './connections';
import type { NodeSummary } from './maas-types';

export interface FleetServer {
  connectionId: string;
  name: string;
  kind: ConnectionView['kind'];
  apiVersion: ConnectionView['apiVersion'];
  health: ConnectionView['health'];
  lastReached: string | null;
  /** live: read from the server this session; snapshot: what was kept when it last answered; none: never read. */
  source: 'live' | 'snapshot' | 'none';
  /** When the nodes were read from the server (null when never). */
  asOf: string | null;
  nodes: NodeSummary[];
}

export const fleetChannels = {
  /** Every connection's nodes at once; servers that answer are re-read and follow as `inventory.changed`. */
  'fleet.list': channel(z.object({}).strict(), returns<{ servers: FleetServer[] }>()),
  /** A MAC, serial, system ID, hostname or IP on every server and in every snapshot. */
  'fleet.find': channel(z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(100).optional() }).strict(),
    returns<{ hits: FindHit[] }>()),
} as const;
