// What the console's MAAS client hands to use-cases and the renderer: one shape whatever the
// server speaks (API 1.0 of MAAS 1.x and the embedded region, API 2.0 of MAAS 2.x/3.x).
// Pure types, so the renderer may import them; the IPC contract re-exports them
// (contract/maas-types.ts) because its channels carry them.

export type ApiVersion = '1.0' | '2.0';

/** A node (API 1.0) or machine (API 2.0), normalised. */
export interface NodeSummary {
  systemId: string;
  hostname: string;
  /** The real status (0–22): API 1.0's `substatus`, API 2.0's `status`. */
  status: number;
  statusName: string;
  owner: string | null;
  zone: string | null;
  /** Resource pool (API 2.0 only). */
  pool: string | null;
  architecture: string;
  cpuCount: number;
  /** MiB, as MAAS reports `memory`. */
  memory: number;
  /** MB, as MAAS reports `storage`. */
  storage: number;
  powerState: string;
  powerType: string;
  tags: string[];
  macAddresses: string[];
  ipAddresses: string[];
  osystem: string;
  distroSeries: string;
}

/**
 * The per-node result of a bulk call. MAAS answers a bulk release that it could only partly
 * do with 409: the nodes it could release ARE released (shared/reference/maas-behaviour.md),
 * so `changed` and `refused` are both filled and the caller must not read 409 as "nothing".
 */
export interface BulkOutcome {
  /** 200, or 409 when the server refused some nodes. */
  status: 200 | 409;
  /** Nodes whose status this call changed. */
  changed: string[];
  /** Nodes already in the target state (the server left them as they were). */
  unchanged: string[];
  /** Nodes the server refused, with its reason for each. */
  refused: string[];
  reasons: Record<string, string>;
  /** Nodes not changed because the server rolled back the whole request (accept refuses all-or-nothing). */
  notApplied: string[];
}

export interface TagInfo {
  name: string;
  definition: string;
  comment: string;
  kernelOpts: string | null;
}

export interface ZoneInfo {
  name: string;
  description: string;
}

export type EventLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL' | 'AUDIT';

export interface MaasEvent {
  id: number;
  systemId: string;
  hostname: string;
  level: string;
  /** As the server wrote it (MAAS: "Thu, 29 Jan. 2015 10:52:12"). */
  created: string;
  type: string;
  description: string;
}

export interface EventQuery {
  hostname?: string[];
  macAddress?: string[];
  systemId?: string[];
  zone?: string[];
  agentName?: string[];
  level?: EventLevel;
  /** At most 1000 (MAAS's cap); the server's default is 100. */
  limit?: number;
  /** Event id: only events older than this one (the next page, newest first). */
  before?: number;
  /** Event id: only events newer than this one. */
  after?: number;
}

export interface EventPage {
  count: number;
  events: MaasEvent[];
  /** The query for the next (older) page, or null at the end. */
  next: EventQuery | null;
  /** The query for the previous (newer) page, or null. */
  prev: EventQuery | null;
}

export interface MaasVersionInfo {
  apiVersion: ApiVersion;
  /** The MAAS release when the server says it (2.x/3.x do; 1.x do not). */
  version: string | null;
  capabilities: string[];
}

export interface NodeDetails {
  /** lshw XML as text, or null when the server has none. */
  lshw: string | null;
  lldp: string | null;
}

/** The certificate an https MAAS server presents, as shown to the user before they trust it. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  subjectAltName: string;
  /** Whether the system's roots already trust it. */
  trustedBySystem: boolean;
  /** Why it is not trusted (e.g. "DEPTH_ZERO_SELF_SIGNED_CERT"), or null. */
  problem: string | null;
}
