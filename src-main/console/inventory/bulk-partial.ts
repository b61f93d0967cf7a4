// Bulk accept and release against MAAS's real answers (src-main/maas-client/bulk.ts): a 409
// names the refused machines and nothing else, and MAAS does not roll back the machines it
// handled before the refusal. So after a 409 the other nodes are read back and each is
// reported as the server now has it; a node the server never reached (accept stops at its
// first refusal) is sent again without the refused ones. Every reason shown is the server's
// own words or what a read of the server says: never a cause the server did not give.
import type { BulkOutcome, NodeSummary } from '../../../src-shared/contract/maas-types';
import { NodeStatus } from '../../../src-shared/maas/node-status';
import type { StepContext } from './bulk-steps';

/** A 200 that does not list a node: the server left it as it was and gave no reason. */
export const NO_CHANGE = 'server reported no change';
/** Enough rounds for every refusal a chunk can hold to be named once; each round names at least one. */
const MAX_ROUNDS = 50;

function applyAnswer(c: StepContext, out: BulkOutcome): void {
  c.job.setMany(out.changed, 'done');
  c.job.setMany(out.unchanged, 'unchanged', NO_CHANGE);
  for (const id of out.refused) c.job.set(id, 'failed', out.reasons[id]);
}

/** What the server says of `ids` now, beside what the inventory held before the call. */
async function readBack(c: StepContext, ids: string[]): Promise<Map<string, NodeSummary>> {
  if (!ids.length) return new Map();
  const now = await c.client.listNodes({ systemIds: ids });
  c.lists.upsert(c.connectionId, now);
  return new Map(now.map((n) => [n.systemId, n]));
}

/**
 * Reports the nodes a 409 did not name from a read of the server; returns those still in
 * `resend` status (not reached by the server), for the caller to send again.
 */
async function settleUnreported(c: StepContext, ids: string[], before: Map<string, number | undefined>, resend: number | null): Promise<string[]> {
  const now = await readBack(c, ids);
  const again: string[] = [];
  for (const id of ids) {
    const n = now.get(id);
    if (!n) { c.job.set(id, 'failed', 'not on the server any more (read back after its 409)'); continue; }
    if (n.status !== before.get(id)) c.job.set(id, 'done', `read back after the server's 409: now ${n.statusName}`);
    else if (resend !== null && n.status === resend) again.push(id);
    else c.job.set(id, 'unchanged', `not named in the server's 409; read back: ${n.statusName}, as before`);
  }
  return again;
}

const statusesOf = (c: StepContext, ids: string[]) => new Map(ids.map((id) => [id, c.lists.get(c.connectionId, id)?.status]));

export async function acceptStep(c: StepContext, ids: string[]): Promise<void> {
  let todo = ids;
  for (let round = 0; todo.length && round < MAX_ROUNDS; round++) {
    const before = statusesOf(c, todo);
    const out = await c.client.acceptNodes(todo);
    applyAnswer(c, out);
    if (out.status === 200) return;
    c.job.note = 'The server refused a node and stopped there (HTTP 409); the others were read back, and those it had not reached were sent again.';
    const again = await settleUnreported(c, out.unreported, before, NodeStatus.NEW);
    // A 409 that names none of the nodes says nothing to go on: the nodes it did not reach stay failed with its words.
    if (!out.refused.length) { c.job.setMany(again, 'failed', `HTTP 409 from the server, naming none of these nodes`); return; }
    todo = again;
  }
}

export async function releaseStep(c: StepContext, ids: string[]): Promise<void> {
  const before = statusesOf(c, ids);
  const out = await c.client.releaseNodes(ids, c.params.comment);
  applyAnswer(c, out);
  if (out.status === 200) return;
  // Release handles every machine before answering 409: nothing is left unreached, only unreported.
  c.job.note = `The server refused ${out.refused.length} of ${ids.length} (HTTP 409); the others were read back.`;
  await settleUnreported(c, out.unreported, before, null);
}
