// The part of a MaasClient (maas-client/client.ts) the inventory uses, kept narrow so tests
// can hand in fakes and this area does not pull the whole client into every program.
import type { BulkOutcome, EventPage, EventQuery, NodeDetails, NodeSummary, TagInfo, ZoneInfo } from '../../../src-shared/contract/maas-types';

export interface InventoryClient {
  listNodes(filter?: { systemIds?: string[] }): Promise<NodeSummary[]>;
  getNode(systemId: string): Promise<NodeSummary>;
  details(systemId: string): Promise<NodeDetails>;
  /** MAAS `op=power_parameters` (admin only): secrets included, masked before they leave main. */
  powerParameters(systemId: string): Promise<Record<string, unknown>>;
  acceptNodes(systemIds: string[]): Promise<BulkOutcome>;
  acceptAllNodes(): Promise<BulkOutcome>;
  releaseNodes(systemIds: string[], comment?: string): Promise<BulkOutcome>;
  commissionNode(systemId: string): Promise<NodeSummary>;
  startNode(systemId: string): Promise<NodeSummary>;
  stopNode(systemId: string, mode?: 'hard' | 'soft'): Promise<NodeSummary>;
  markBroken(systemId: string, description?: string): Promise<NodeSummary>;
  markFixed(systemId: string): Promise<NodeSummary>;
  setZone(systemIds: string[], zone: string | null): Promise<void>;
  deleteNode(systemId: string): Promise<void>;
  listTags(): Promise<TagInfo[]>;
  createTag(t: { name: string; definition?: string; comment?: string }): Promise<TagInfo>;
  updateTagNodes(name: string, change: { add?: string[]; remove?: string[] }): Promise<{ added: number; removed: number }>;
  listZones(): Promise<ZoneInfo[]>;
  queryEvents(q?: EventQuery): Promise<EventPage>;
}

/** The client of a connection (throws ConsoleFailure not-found for an unknown id). */
export type ClientFor = (connectionId: string) => Promise<InventoryClient>;
