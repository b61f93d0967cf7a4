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
  /** MAAS 2.5+: a locked machine refuses every change but unlock (API 1.0 has no locks). */
  locked?: boolean;
}

/**
 * What the server's answer to a bulk accept or release says, node by node, and no more.
 * MAAS handles the machines one at a time and raises 409 at a refusal; only a 500 rolls a
 * request back, so machines handled before the refusal stay changed
 * (shared/reference/maas-behaviour.md). A 409 names the refused machines and says nothing of
 * the others: they are `unreported`, and the caller reads them back from the server.
 */
export interface BulkOutcome {
  /** 200, or 409 when the server refused some nodes. */
  status: 200 | 409;
  /** Nodes the server's 200 lists as changed. */
  changed: string[];
  /** Nodes a 200 does not list: the server reported no change for them (it does not say why). */
  unchanged: string[];
  /** Nodes a 409 names, with the server's own words for each. */
  refused: string[];
  reasons: Record<string, string>;
  /** Nodes a 409 says nothing about: changed or not, only a read of the server tells. */
  unreported: string[];
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
  /** Event id: only events older than this one, newest first (MAAS 2.x/3.x and the embedded region). */
  before?: number;
  /**
   * Event id: the events just newer than this one (the oldest `limit` of them, listed newest
   * first). MAAS 1.8 reads it as the start of an id window, this id included.
   */
  after?: number;
}

/**
 * How a server pages its events. `cursor`: MAAS 2.x/3.x and the embedded region, `before` and
 * `after` relative to event ids. `window`: MAAS 1.8, which has no `before`; `after` starts a
 * window of ids, and its links step the window by `limit` whatever the page held.
 */
export type EventPaging = 'cursor' | 'window';

/**
 * One answer of `events op=query`, its links read as MAAS defines them (api/events.py):
 * `next_uri` is the NEWER page, `prev_uri` the OLDER one.
 */
export interface EventPage {
  count: number;
  events: MaasEvent[];
  /** The query for the page just newer than this one (MAAS's next_uri); null when none was given. */
  newer: EventQuery | null;
  /** The query for the page just older (MAAS's prev_uri); null when there is nothing older and never will be. */
  older: EventQuery | null;
  paging: EventPaging;
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

/** What a MAAS 2.x/3.x server offers to deploy and commission with, as it says itself. */
export interface ServerOffer {
  apiVersion: ApiVersion;
  /** MAAS's `version/` (null: MAAS 1.x and the embedded region do not say). */
  version: string | null;
  /** Machine ops its API description lists (`describe/`), e.g. "rescue_mode"; null when it has none to read. */
  machineOps: string[] | null;
  /** Synced images by OS: releases, and per release the kernels (`ga-22.04`, `hwe-22.04`…). */
  images: { osystem: string; releases: { series: string; kernels: string[] }[] }[];
  defaults: { osystem: string | null; distroSeries: string | null };
  commissioningScripts: { name: string; tags: string[] }[];
  testingScripts: { name: string; tags: string[] }[];
  /** Resource pools (MAAS 2.5+); empty when the server has none to offer. */
  pools: string[];
}

/** One script of a commissioning or testing run (MAAS 2.x/3.x `nodes/{id}/results/`). */
export interface ScriptResult {
  id: number;
  name: string;
  /** MAAS's SCRIPT_STATUS number (0 pending, 1 running, 2 passed, 3 failed, 4 timed out…); null if not sent. */
  status: number | null;
  /** MAAS's own word for it: "Passed", "Failed", "Timed out"… */
  statusName: string;
  exitStatus: number | null;
  /** As MAAS writes them (RFC 2822); null until the script starts / ends. */
  started: string | null;
  ended: string | null;
  /** "0:00:04" once ended, else "". */
  runtime: string;
  /** A failure the operator chose to ignore. */
  suppressed: boolean;
}

/** The node's latest run of one kind (MAAS's current commissioning or testing script set). */
export interface ScriptRun {
  id: number;
  kind: 'commissioning' | 'testing';
  /** The run's own status word (MAAS 2.8+), else "". */
  statusName: string;
  started: string | null;
  ended: string | null;
  results: ScriptResult[];
}

export interface NodeScripts { commissioning: ScriptRun | null; testing: ScriptRun | null }

/** One script's combined output, decoded from MAAS's base64. */
export interface ScriptOutput {
  text: string;
  /** Size of the output as the server keeps it. */
  bytes: number;
}
