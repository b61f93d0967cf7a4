// One MaasClient for API 1.0 and 2.0: the version is known when the connection is made
// (discover.ts) and every difference is handled here through the dialect, so use-cases never
// ask which MAAS they talk to.
import type {
  ApiVersion, BulkOutcome, EventPage, EventQuery, MaasVersionInfo, NodeDetails, NodeSummary, TagInfo, ZoneInfo,
} from '../../src-shared/maas/maas-types';
import { machineActionCalls, type MachineActionCalls } from './actions';
import { parseApiKey } from './api-key';
import { dialects, type Dialect } from './dialect';
import { apiRootOf } from './discover';
import type { LimitOverrides } from './answer-limits';
import { machineShape, powerParametersShape, powerStateShape, tagMembershipShape, tagShape, versionShape, zoneShape } from './answer-shapes';
import type { FormParams, Params } from './form';
import { toNodeSummary, toTag, toZone } from './normalise';
import { powerParametersReader } from './power-bulk';
import { scriptResultCalls, type ScriptResultCalls } from './script-results';
import { MaasTransport, type CallOutcome } from './transport';
import type { TlsTrust } from './tls-trust';

export interface NodeFilter {
  systemIds?: string[];
  hostnames?: string[];
  macAddresses?: string[];
  zone?: string;
}

export interface NewNode {
  hostname: string;
  architecture: string;
  macAddresses: string[];
  powerType?: string;
  /** Sent as power_parameters_{name}; secrets included, so never logged. */
  powerParameters?: Record<string, string>;
}

export interface TagChanges { definition?: string; comment?: string; kernelOpts?: string; name?: string }

export interface MaasClient extends MachineActionCalls, ScriptResultCalls {
  readonly apiVersion: ApiVersion;
  /** The server as errors name it. */
  readonly label: string;
  version(): Promise<MaasVersionInfo>;
  /** The API description (`describe/`), as the server sends it. */
  describe(): Promise<unknown>;
  /** A cheap signed call: throws key-rejected if the server refuses the key. */
  checkKey(): Promise<void>;
  listNodes(filter?: NodeFilter): Promise<NodeSummary[]>;
  getNode(systemId: string): Promise<NodeSummary>;
  details(systemId: string): Promise<NodeDetails>;
  /** Power parameters as the server keeps them (`op=power_parameters`, admin only), secrets included. */
  powerParameters(systemId: string): Promise<Record<string, unknown>>;
  /**
   * Power parameters of many nodes keyed by system id (the collection's `op=power_parameters`,
   * per node where the server lacks it); ids it does not have are absent. Secrets included.
   */
  powerParametersOf(systemIds: readonly string[]): Promise<Map<string, Record<string, unknown>>>;
  /** The embedded region's extension (`op=set_details`); real MAAS gathers details itself. */
  setDetails(systemId: string, d: { lshw?: string; lldp?: string }): Promise<void>;
  acceptNodes(systemIds: string[]): Promise<BulkOutcome>;
  acceptAllNodes(): Promise<BulkOutcome>;
  releaseNodes(systemIds: string[], comment?: string): Promise<BulkOutcome>;
  commissionNode(systemId: string): Promise<NodeSummary>;
  startNode(systemId: string): Promise<NodeSummary>;
  stopNode(systemId: string, mode?: 'hard' | 'soft'): Promise<NodeSummary>;
  /** Asks the node's BMC now (`op=query_power_state`, both APIs): "on", "off" or the driver's word. */
  queryPowerState(systemId: string): Promise<string>;
  markBroken(systemId: string, description?: string): Promise<NodeSummary>;
  markFixed(systemId: string): Promise<NodeSummary>;
  /** Bulk; null takes the nodes out of their zone. */
  setZone(systemIds: string[], zone: string | null): Promise<void>;
  deleteNode(systemId: string): Promise<void>;
  /** Enlists a node (1.0 `nodes op=new`, 2.0 `POST machines/`) with its MACs and power. */
  createNode(n: NewNode): Promise<NodeSummary>;
  createZone(name: string, description?: string): Promise<ZoneInfo>;
  updateNode(systemId: string, fields: Record<string, string>): Promise<NodeSummary>;
  listTags(): Promise<TagInfo[]>;
  createTag(t: { name: string; definition?: string; comment?: string; kernelOpts?: string }): Promise<TagInfo>;
  updateTag(name: string, changes: TagChanges): Promise<TagInfo>;
  deleteTag(name: string): Promise<void>;
  tagNodes(name: string): Promise<NodeSummary[]>;
  updateTagNodes(name: string, change: { add?: string[]; remove?: string[] }): Promise<{ added: number; removed: number }>;
  listZones(): Promise<ZoneInfo[]>;
  queryEvents(q?: EventQuery): Promise<EventPage>;
  close(): Promise<void>;
}

export interface ClientOptions {
  /** The MAAS root (http://host:5240/MAAS/), as discovered. */
  root: string;
  apiVersion: ApiVersion;
  apiKey: string;
  /** How errors name the server (the connection's name); defaults to the root URL. */
  label?: string;
  tls?: TlsTrust;
  timeoutMs?: number;
  retries?: number;
  maxRetryAfterMs?: number;
  /** The most one call waits between retries, all waits together. */
  retryBudgetMs?: number;
  /** Answer sizes and deadlines other than answer-limits.ts's. */
  limits?: LimitOverrides;
  sleep?: (ms: number) => Promise<void>;
  onOutcome?: (o: CallOutcome) => void;
}

const enc = encodeURIComponent;

export function createMaasClient(o: ClientOptions): MaasClient {
  const d: Dialect = dialects[o.apiVersion];
  const label = o.label ? `${o.label} (${o.root})` : o.root;
  const t = new MaasTransport({
    apiRoot: apiRootOf(o.root, o.apiVersion), credentials: parseApiKey(o.apiKey), label, tls: o.tls,
    timeoutMs: o.timeoutMs, retries: o.retries, maxRetryAfterMs: o.maxRetryAfterMs, retryBudgetMs: o.retryBudgetMs,
    limits: o.limits, sleep: o.sleep, onOutcome: o.onOutcome,
  });
  const nodePath = (id: string) => `${d.collection}${enc(id)}/`;
  const nodeOp = async (id: string, op: string, form?: FormParams) =>
    toNodeSummary(await t.one({ method: 'POST', path: nodePath(id), op, form, answer: 'node' }, machineShape), d.api);
  const listed = (path: string, op: string | undefined, query?: Params) =>
    t.read({ method: 'GET', path, op, query, answer: 'node list' }, 'nodes', d.api);

  const powerParametersOf = powerParametersReader({
    bulk: (ids) => t.read({ method: 'GET', path: d.collection, op: 'power_parameters', query: { id: ids }, answer: 'list' },
      'power-parameters', d.api),
    one: async (id) => (await t.json({ method: 'GET', path: nodePath(id), op: 'power_parameters' }, powerParametersShape)) ?? {},
  });

  const filterParams = (f: NodeFilter = {}): Params => ({
    id: f.systemIds, hostname: f.hostnames, mac_address: f.macAddresses, zone: f.zone,
  });

  return {
    ...machineActionCalls(t, d, (j) => toNodeSummary(j, d.api)),
    ...scriptResultCalls(t, d),
    apiVersion: d.api,
    label,
    async version() {
      const v = await t.json({ method: 'GET', path: 'version/' }, versionShape);
      return {
        apiVersion: d.api,
        version: v?.version ?? null,
        capabilities: v?.capabilities ?? [],
      };
    },
    describe: () => t.read({ method: 'GET', path: 'describe/', answer: 'describe' }, 'api-description', d.api),
    async checkKey() {
      // zones/ needs authentication in both APIs and is small on every server.
      await t.read({ method: 'GET', path: 'zones/', answer: 'list' }, 'zones', d.api);
    },
    // API 2.0 reads have filters but no paging: this is every machine the filter matches.
    listNodes: (filter) => listed(d.collection, d.listOp, filterParams(filter)),
    async getNode(id) { return toNodeSummary(await t.one({ method: 'GET', path: nodePath(id), answer: 'node' }, machineShape), d.api); },
    details: (id) => t.read({ method: 'GET', path: nodePath(id), op: 'details', answer: 'details' }, 'details', d.api),
    async powerParameters(id) {
      return (await t.json({ method: 'GET', path: nodePath(id), op: 'power_parameters' }, powerParametersShape)) ?? {};
    },
    powerParametersOf,
    async setDetails(id, det) {
      const form: FormParams = {};
      if (det.lshw !== undefined) form.lshw = { filename: 'lshw.xml', data: Buffer.from(det.lshw), type: 'text/xml' };
      if (det.lldp !== undefined) form.lldp = { filename: 'lldp.xml', data: Buffer.from(det.lldp), type: 'text/xml' };
      await t.call({ method: 'POST', path: nodePath(id), op: 'set_details', form });
    },
    acceptNodes: (ids) => t.read({ method: 'POST', path: d.collection, op: 'accept', form: { [d.idsParam]: ids }, accept: [409], answer: 'node list' },
      'bulk-outcome', d.api, { requested: ids }),
    acceptAllNodes: () => t.read({ method: 'POST', path: d.collection, op: 'accept_all', answer: 'node list' }, 'accept-all-outcome', d.api),
    async releaseNodes(ids, comment) {
      const form: FormParams = { [d.idsParam]: ids };
      if (comment && d.takesComment) form.comment = comment;
      return t.read({ method: 'POST', path: d.collection, op: 'release', form, accept: [409], answer: 'node list' },
        'bulk-outcome', d.api, { requested: ids });
    },
    commissionNode: (id) => nodeOp(id, 'commission'),
    startNode: (id) => nodeOp(id, d.powerOnOp),
    stopNode: (id, mode) => nodeOp(id, d.powerOffOp, mode === 'soft' ? { stop_mode: 'soft' } : {}),
    async queryPowerState(id) {
      return (await t.json({ method: 'GET', path: nodePath(id), op: 'query_power_state' }, powerStateShape))?.state ?? 'unknown';
    },
    markBroken: (id, description) => nodeOp(id, 'mark_broken', description ? { error_description: description, comment: d.takesComment ? description : undefined } : {}),
    markFixed: (id) => nodeOp(id, 'mark_fixed'),
    async setZone(ids, zone) {
      // set_zone lives on `nodes/` with `nodes=` in both APIs.
      await t.call({ method: 'POST', path: 'nodes/', op: 'set_zone', form: { nodes: ids, zone: zone ?? undefined } });
    },
    async deleteNode(id) { await t.call({ method: 'DELETE', path: nodePath(id) }); },
    async createNode(n) {
      const form: FormParams = { hostname: n.hostname, architecture: n.architecture, mac_addresses: n.macAddresses };
      if (n.powerType) form.power_type = n.powerType;
      for (const [k, v] of Object.entries(n.powerParameters ?? {})) form[`power_parameters_${k}`] = v;
      return toNodeSummary(await t.one({ method: 'POST', path: d.collection, op: d.createOp, form, answer: 'node' }, machineShape), d.api);
    },
    async createZone(name, description) {
      return toZone(await t.one({ method: 'POST', path: 'zones/', form: { name, description } }, zoneShape));
    },
    async updateNode(id, fields) {
      return toNodeSummary(await t.one({ method: 'PUT', path: nodePath(id), form: fields, answer: 'node' }, machineShape), d.api);
    },
    listTags: () => t.read({ method: 'GET', path: 'tags/', op: d.tagsListOp, answer: 'list' }, 'tags', d.api),
    async createTag(tag) {
      return toTag(await t.one({ method: 'POST', path: 'tags/', op: d.createOp, form: {
        name: tag.name, definition: tag.definition, comment: tag.comment, kernel_opts: tag.kernelOpts,
      } }, tagShape));
    },
    async updateTag(name, c) {
      return toTag(await t.one({ method: 'PUT', path: `tags/${enc(name)}/`,
        form: { name: c.name, definition: c.definition, comment: c.comment, kernel_opts: c.kernelOpts } }, tagShape));
    },
    async deleteTag(name) { await t.call({ method: 'DELETE', path: `tags/${enc(name)}/` }); },
    tagNodes: (name) => listed(`tags/${enc(name)}/`, d.tagNodesOp),
    async updateTagNodes(name, change) {
      const r = await t.json({ method: 'POST', path: `tags/${enc(name)}/`, op: 'update_nodes', form: { add: change.add, remove: change.remove } },
        tagMembershipShape);
      return { added: r?.added ?? 0, removed: r?.removed ?? 0 };
    },
    listZones: () => t.read({ method: 'GET', path: 'zones/', answer: 'list' }, 'zones', d.api),
    queryEvents: (q = {}) => t.read({ method: 'GET', path: 'events/', op: 'query', answer: 'events', query: {
      hostname: q.hostname, mac_address: q.macAddress, id: q.systemId, zone: q.zone, agent_name: q.agentName,
      level: q.level, limit: q.limit, before: q.before, after: q.after,
    } }, 'events', d.api, { asked: q }),
    close: () => t.close(),
  };
}

