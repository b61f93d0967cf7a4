// The fleet: every connection's nodes in one view (live where the server answers, from its
// snapshot where it does not), "find anywhere" over all of them, and a tag definition
// previewed over every server's kept details.
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

export interface FleetTagMatch { systemId: string; hostname: string }

/** What a definition matches on one server, over the nodes whose details are kept. */
export interface FleetTagPreviewServer {
  connectionId: string;
  name: string;
  /** Nodes the server has (as last read). */
  nodes: number;
  /** Nodes whose details are kept, which the definition was evaluated on. */
  previewed: number;
  matched: number;
  /** The matching nodes, by hostname, up to the request's limit. */
  matches: FleetTagMatch[];
}

export interface FleetTagPreview {
  servers: FleetTagPreviewServer[];
  matched: number;
  previewed: number;
}

export const fleetChannels = {
  /** Every connection's nodes at once; servers that answer are re-read and follow as `inventory.changed`. */
  'fleet.list': channel(z.object({}).strict(), returns<{ servers: FleetServer[] }>()),
  /** A MAC, serial, system ID, hostname or IP on every server and in every snapshot. */
  'fleet.find': channel(z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(100).optional() }).strict(),
    returns<{ hits: FindHit[] }>()),
  /**
   * Which nodes, on which servers, a tag definition would match (MAAS's evaluation over every
   * server's kept details). A newer preview supersedes an older one, which fails as `conflict`.
   */
  /** Loads every server's kept details for the tag preview (once), so typing waits for evaluation only. */
  'fleet.tagPreviewLoad': channel(z.object({}).strict(), returns<{ previewed: number }>()),
  'fleet.tagPreview': channel(z.object({ definition: z.string().min(1).max(10_000), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    returns<FleetTagPreview>()),
} as const;
