// The inventory: every node of a connection, kept in main (cached on disk, refreshed by
// polling) and filtered in the renderer; node detail; bulk actions with per-node outcomes.
import { z } from 'zod';
import { bulkActions, type BulkAction, type NodeOutcome } from '../inventory/bulk-actions';
import { channel, event, returns } from './channel';
import type { MaasEvent, NodeScripts, NodeSummary, ScriptOutput, ServerOffer } from './maas-types';
import { validatePowerParameters } from '../maas/power-params/index';

const ConnectionId = z.string().min(1).max(100);
const SystemId = z.string().min(1).max(64);
/** Enough for the biggest MAAS installations we know of, times ten. */
const SystemIds = z.array(SystemId).max(100_000);

export interface InventorySnapshot {
  connectionId: string;
  nodes: NodeSummary[];
  /** ISO time the list was read from the server; null when it never was. */
  fetchedAt: string | null;
  /** True when this came from the disk cache and a refresh is under way or failed. */
  stale: boolean;
}

export interface SyncState {
  connectionId: string;
  fetching: boolean;
  fetchedAt: string | null;
  /** Why the last refresh failed, or null. */
  error: string | null;
}

/** Node changes since the last list: upserts replace whole nodes by system id. */
export interface NodeDelta {
  connectionId: string;
  upserts: NodeSummary[];
  removed: string[];
  fetchedAt: string;
}

export interface HardwareSummary {
  vendor: string | null;
  product: string | null;
  serial: string | null;
  cpus: { product: string; cores: number | null; threads: number | null; count: number }[];
  memoryBytes: number | null;
  memoryBanks: { description: string; sizeBytes: number | null; slot: string | null }[];
  disks: { name: string; product: string; sizeBytes: number | null; serial: string | null }[];
  nics: { name: string; product: string; mac: string | null; speed: string | null; link: boolean | null }[];
}

export interface NodeDetailView {
  node: NodeSummary;
  /** From the lshw the server holds; null when it has none (never commissioned). */
  hardware: HardwareSummary | null;
  /** Size of the raw lshw XML in bytes (0 when none). */
  lshwBytes: number;
  /** Power parameters with secrets masked ("••••••"); null when the server would not say. */
  powerParameters: Record<string, string> | null;
  powerParametersProblem: string | null;
  events: MaasEvent[];
  eventsProblem: string | null;
  /** The latest commissioning and testing runs (MAAS 2.x/3.x); null or absent from API 1.0 servers. */
  scripts?: NodeScripts | null;
  /** Why the runs could not be read. */
  scriptsProblem?: string | null;
  /** Set when the server could not be reached and this is the snapshot: when it was read. */
  offlineAsOf: string | null;
}

export interface BulkStart {
  jobId: string;
  outcomes: NodeOutcome[];
}

export interface BulkCounts { total: number; done: number; unchanged: number; failed: number; skipped: number; recorded: number; pending: number }

export interface BulkProgress {
  jobId: string;
  /** Only the outcomes that changed since the last progress event. */
  outcomes: NodeOutcome[];
  counts: BulkCounts;
  finished: boolean;
  /** A job-level note: "server answered 409: 3 of 200 not released". */
  note?: string;
}

export const BulkRequest = z.object({
  connectionId: ConnectionId,
  action: z.enum(bulkActions),
  /** The nodes to act on (pre-flight applied); ignored by acceptAll. */
  systemIds: SystemIds,
  /** Shown in the outcome list as skipped, with the pre-flight's reason. */
  skipped: z.array(z.object({ systemId: SystemId, hostname: z.string().max(255), reason: z.string().max(500) }).strict()).max(100_000).optional(),
  zone: z.string().max(256).nullable().optional(),
  tag: z.string().min(1).max(256).optional(),
  comment: z.string().max(1000).optional(),
  // MAAS 2.x/3.x machine actions' options (src-shared/inventory/bulk-actions.ts BulkParams).
  pool: z.string().min(1).max(256).optional(),
  osystem: z.string().max(64).regex(/^[\w.-]*$/).optional(),
  distroSeries: z.string().max(64).regex(/^[\w.-]*$/).optional(),
  hweKernel: z.string().max(64).regex(/^[\w.-]*$/).optional(),
  /** cloud-init user data; MAAS keeps it in its database, 64 KiB is far more than any real one. */
  userData: z.string().max(65_536).optional(),
  enableSsh: z.boolean().optional(),
  skipNetworking: z.boolean().optional(),
  skipStorage: z.boolean().optional(),
  commissioningScripts: z.array(z.string().min(1).max(256).regex(/^[^,]+$/)).max(200).optional(),
  testingScripts: z.array(z.string().min(1).max(256).regex(/^[^,]+$/)).max(200).optional(),
}).strict();
export type BulkRequest = z.infer<typeof BulkRequest>;

/** What a server offers (its actions, images, scripts, pools), and for each bulk action whether it is offered and why not. */
export interface InventoryOffer extends ServerOffer {
  actions: Partial<Record<BulkAction, { offered: boolean; why: string | null }>>;
}

/** Power parameters by name (MAAS's power_parameters_{name}); a secret given as MASK is left unchanged. */
export const PowerParameters = z.record(z.string().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, - and _ only'), z.string().max(4096))
  .refine((p) => Object.keys(p).length <= 64, 'at most 64 power parameters');
export const PowerType = z.string().max(64).regex(/^[\w-]*$/, 'letters, digits, - and _ only');

export const EditNodeRequest = z.object({
  connectionId: ConnectionId,
  systemId: SystemId,
  hostname: z.string().min(1).max(255).optional(),
  power: z.object({ type: PowerType, parameters: PowerParameters }).strict().optional(),
}).strict().refine((r) => r.hostname !== undefined || r.power !== undefined, 'nothing to change: give a hostname or power')
  // The one power-parameter check (offline edits are recorded only when they pass it too).
  // Remote servers know more power types and parameters than this console: those are checked as text.
  .superRefine((r, ctx) => {
    if (!r.power) return;
    const v = validatePowerParameters(r.power.type, r.power.parameters, { allowUnknown: true, allowUnknownType: true });
    if (!v.ok) for (const [name, ms] of Object.entries(v.errors)) ctx.addIssue({ code: 'custom', path: ['power', 'parameters', name], message: ms.join(' ') });
  });
export type EditNodeRequest = z.infer<typeof EditNodeRequest>;

/** Online: done, with the node as the server has it now. Offline: recorded in the change set. */
export type EditNodeOutcome =
  | { state: 'done'; node: NodeSummary; message: string }
  | { state: 'recorded'; message: string };

export const inventoryChannels = {
  /** The cached list at once (stale when from disk); a refresh follows as `inventory.changed`. */
  'inventory.list': channel(z.object({ connectionId: ConnectionId }).strict(), returns<InventorySnapshot>()),
  /** Reads the whole list from the server now. */
  'inventory.refresh': channel(z.object({ connectionId: ConnectionId }).strict(), returns<SyncState>()),
  /** Re-reads some nodes now (before "retry failed" pre-flights them against fresh data). */
  'inventory.reread': channel(z.object({ connectionId: ConnectionId, systemIds: SystemIds.max(10_000) }).strict(), returns<{ reread: number }>()),
  'inventory.node': channel(z.object({ connectionId: ConnectionId, systemId: SystemId }).strict(), returns<NodeDetailView>()),
  /** The raw lshw XML as the server holds it (null when none). */
  'inventory.lshw': channel(z.object({ connectionId: ConnectionId, systemId: SystemId }).strict(), returns<{ xml: string | null }>()),
  /** One script's output of a run listed in the node's detail (MAAS 2.x/3.x). */
  'inventory.scriptOutput': channel(z.object({
    connectionId: ConnectionId, systemId: SystemId, runId: z.number().int().nonnegative(), resultId: z.number().int().nonnegative(),
  }).strict(), returns<ScriptOutput>()),
  /** Zones and tag names to pick from in Set zone / Add tag. */
  'inventory.choices': channel(z.object({ connectionId: ConnectionId }).strict(), returns<{ zones: string[]; tags: string[] }>()),
  'inventory.bulk': channel(BulkRequest, returns<BulkStart>()),
  /** What the server offers for the Take action menu and the deploy/commission/test/pool forms. */
  'inventory.offer': channel(z.object({ connectionId: ConnectionId }).strict(), returns<InventoryOffer>()),
  /** Hostname and/or power type and parameters of one node (PUT nodes/{id}/). */
  'inventory.editNode': channel(EditNodeRequest, returns<EditNodeOutcome>()),
  /** Stops sending new calls for a job; calls in flight finish and are reported. */
  'inventory.bulkCancel': channel(z.object({ jobId: z.string().min(1).max(100) }).strict(), returns<{ cancelled: boolean }>()),
} as const;

export const inventoryEvents = {
  'inventory.changed': event<NodeDelta>(),
  'inventory.sync': event<SyncState>(),
  'inventory.bulkProgress': event<BulkProgress>(),
} as const;
