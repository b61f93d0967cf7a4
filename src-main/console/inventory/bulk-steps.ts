// How each bulk action reaches MAAS. Where the API has a bulk call (nodes op=accept,
// op=release, op=set_zone, tags op=update_nodes) the nodes go in chunks; otherwise one call
// per node with bounded concurrency. Every node ends with its own outcome: a chunk the
// server refuses as a whole is split until the refusal names single nodes (a refusal that
// is the same for both halves is about the request, not the nodes, and stops the split).
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import type { BulkAction, BulkParams } from '../../../src-shared/inventory/bulk-actions';
import { MaasFailure } from '../maas-failure';
import type { InventoryClient } from './inventory-client';
import type { BulkJob } from './bulk-job';
import { NO_CHANGE, acceptStep, releaseStep } from './bulk-partial';
import { machineSteps } from './machine-steps';
import { chunks, eachLimited } from './limits';
import { powerAndFollow, type PowerFollow } from './power-follow';
import type { NodeLists } from './node-lists';

export interface StepContext {
  job: BulkJob;
  client: InventoryClient;
  lists: NodeLists;
  connectionId: string;
  params: BulkParams;
  chunkSize: number;
  /** Calls at once: per-node calls; bulk calls use at most 2. */
  concurrency: number;
  /** How power on/off outcomes are followed (default: every 2 s for up to 4 minutes). */
  powerFollow?: PowerFollow;
}

/** The server's own words, with the HTTP status, for a per-node outcome. */
export function reasonOf(e: unknown): string {
  if (e instanceof MaasFailure) return e.status && e.body ? `HTTP ${e.status}: ${e.body}` : e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Failures that say nothing about particular nodes: splitting the chunk would only repeat them. */
const aboutTheServer = (e: unknown) =>
  !(e instanceof MaasFailure) || ['unreachable', 'tls', 'key-rejected', 'unavailable', 'internal'].includes(e.code);

type Call = (ids: string[]) => Promise<void>;
type BulkCall = (c: StepContext, ids: string[]) => Promise<void>;

async function isolate(c: StepContext, ids: string[], call: Call, err: unknown): Promise<void> {
  if (ids.length === 1 || aboutTheServer(err) || c.job.cancelled) { c.job.fail(ids, err, reasonOf(err)); return; }
  const mid = ids.length >> 1;
  const failed: [string[], unknown][] = [];
  for (const half of [ids.slice(0, mid), ids.slice(mid)]) {
    try { await call(half); } catch (e) { failed.push([half, e]); }
  }
  if (failed.length === 2 && reasonOf(failed[0][1]) === reasonOf(err) && reasonOf(failed[1][1]) === reasonOf(err)) {
    c.job.setMany(ids, 'failed', reasonOf(err));
    return;
  }
  for (const [half, e] of failed) await isolate(c, half, call, e);
}

async function inChunks(c: StepContext, ids: string[], call: Call): Promise<void> {
  await eachLimited(chunks(ids, c.chunkSize), 2, async (chunk) => {
    c.job.setMany(chunk, 'running');
    try { await call(chunk); } catch (e) { await isolate(c, chunk, call, e); }
  }, () => c.job.cancelled);
}

const setZone: BulkCall = async (c, ids) => {
  await c.client.setZone(ids, c.params.zone ?? null);
  c.job.setMany(ids, 'done');
};

const tagNodes = (mode: 'add' | 'remove'): BulkCall => async (c, ids) => {
  await c.client.updateTagNodes(c.params.tag!, { [mode]: ids });
  c.job.setMany(ids, 'done');
};

type PerNode = (client: InventoryClient, id: string, p: BulkParams) => Promise<NodeSummary | 'deleted'>;
const perNode: Partial<Record<BulkAction, PerNode>> = {
  commission: (cl, id) => cl.commissionNode(id),
  // The node as the server has it, with the state the BMC gave just now (MAAS records it too).
  checkPower: async (cl, id) => { const powerState = await cl.queryPowerState(id); return { ...(await cl.getNode(id)), powerState }; },
  markBroken: (cl, id, p) => cl.markBroken(id, p.comment),
  markFixed: (cl, id) => cl.markFixed(id),
  delete: async (cl, id) => { await cl.deleteNode(id); return 'deleted'; },
};

const bulkCalls: Partial<Record<BulkAction, BulkCall>> = {
  accept: acceptStep, release: releaseStep, setZone, addTag: tagNodes('add'), removeTag: tagNodes('remove'),
};

async function ensureTag(c: StepContext) {
  const tag = c.params.tag!;
  const known = await c.client.listTags();
  if (known.some((t) => t.name === tag)) return;
  // MAAS adds nodes by hand only to a tag without a definition; make one for the technician.
  await c.client.createTag({ name: tag, comment: 'Created by MAAS Console (bulk add tag)' });
  c.job.note = `Created the tag ${tag} (no definition: nodes are added by hand).`;
}

/** Sends `ids` for `action`; every id ends done, unchanged or failed (or skipped if cancelled). */
export async function runStep(c: StepContext, action: BulkAction, ids: string[]): Promise<void> {
  if (action === 'acceptAll') {
    c.job.setMany(ids, 'running');
    try {
      const out = await c.client.acceptAllNodes();
      for (const id of out.changed) c.job.set(id, 'done', undefined, c.lists.get(c.connectionId, id)?.hostname);
      const changed = new Set(out.changed);
      c.job.setMany(ids.filter((id) => !changed.has(id)), 'unchanged', NO_CHANGE);
    } catch (e) {
      c.job.fail(ids, e, reasonOf(e));
    }
    return;
  }
  if (action === 'addTag') await ensureTag(c);
  const bulk = bulkCalls[action];
  if (bulk) { await inChunks(c, ids, (chunk) => bulk(c, chunk)); return; }
  if (action === 'powerOn' || action === 'powerOff') { await followedPower(c, ids, action === 'powerOn' ? 'on' : 'off'); return; }
  const machine = machineSteps[action];
  const one: PerNode = machine ? (cl, id, p) => machine(cl, id, p, c.lists.get(c.connectionId, id)) : perNode[action]!;
  await eachLimited(ids, c.concurrency, async (id) => {
    c.job.set(id, 'running');
    try {
      const r = await one(c.client, id, c.params);
      // A machine action reports where the server's answer left the machine ("now Deploying").
      c.job.set(id, 'done', machine && r !== 'deleted' ? `now ${r.statusName}` : undefined);
      if (r === 'deleted') c.lists.upsert(c.connectionId, [], [id]);
      else c.lists.upsert(c.connectionId, [r]);
    } catch (e) {
      c.job.fail([id], e, reasonOf(e));
    }
  }, () => c.job.cancelled);
}

/** Power on / off: sent, then followed until the node or its events say how it ended (power-follow.ts). */
async function followedPower(c: StepContext, ids: string[], want: 'on' | 'off'): Promise<void> {
  await eachLimited(ids, c.concurrency, async (id) => {
    c.job.set(id, 'running');
    try {
      const send = () => (want === 'on' ? c.client.startNode(id) : c.client.stopNode(id));
      const r = await powerAndFollow(c.client, id, want, send, { follow: c.powerFollow, progress: (note) => c.job.set(id, 'running', note), cancelled: () => c.job.cancelled });
      if (r.node) c.lists.upsert(c.connectionId, [r.node]);
      if (r.state === 'failed') c.job.set(id, 'failed', r.reason);
      else c.job.set(id, 'done', r.state === 'running' ? r.note : undefined);
    } catch (e) {
      c.job.fail([id], e, reasonOf(e));
    }
  }, () => c.job.cancelled);
}
