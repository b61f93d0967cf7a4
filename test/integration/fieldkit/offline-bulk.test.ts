// A bulk action in the inventory on a remote server that is offline is recorded in the
// server's change set (with the node as the snapshot knew it) as one entry, reported as
// recorded with where to find it, and applies once the server is back; online, it goes
// straight through. A server that stops during an action (still "online" to the console)
// gets what did not reach it recorded too, and the set is reviewed by itself when it is back.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChangeSetsChanged } from '../../../src-shared/contract/change-sets';
import type { BulkProgress } from '../../../src-shared/contract/inventory';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { RECORDED_REASON, UNREACHED_REASON } from '../../../src-main/console/fieldkit/offline-bulk';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';
import { seedNodes } from '../../support/inventory-seed';

let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;
let ids: string[];

beforeAll(async () => {
  dc = await startDatacenter();
  ids = seedNodes(dc.region().core, { count: 40, idPrefix: 'ob', zones: 1, hostnameOf: (i) => `ob-${i}`, statusOf: () => S.NEW }).systemIds;
  fk = await startFieldkitConsole();
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  await fk.call('inventory.refresh', { connectionId: dcId }); // the inventory's read fills the snapshot
});
afterAll(async () => { await fk?.close(); await dc?.close(); });

test('offline: recorded as one entry, finished at once; back online: reviewed by itself, then applied', async () => {
  expect((await fk.call('snapshot.get', { connectionId: dcId })).nodes?.items).toHaveLength(40);
  // Reading the inventory kept the zones and tags too: offline "Set zone" has its choices.
  await expect.poll(async () => (await fk.call('snapshot.get', { connectionId: dcId })).zones?.items.length ?? 0).toBeGreaterThan(0);
  await expect.poll(async () => (await fk.call('snapshot.get', { connectionId: dcId })).tags).not.toBeNull();
  await dc.stop();
  await fk.composed.connections.health(dcId);
  expect((await fk.call('inventory.choices', { connectionId: dcId })).zones).toContain('default');
  const finished = new Promise<BulkProgress>((resolve) => fk.on('inventory.bulkProgress', (p) => { if (p.finished) resolve(p); }));
  const start = await fk.call('inventory.bulk', { connectionId: dcId, action: 'accept', systemIds: [ids[0], ids[1]] });
  expect(start.outcomes).toEqual([
    { systemId: ids[0], hostname: 'ob-0', state: 'recorded', reason: RECORDED_REASON },
    { systemId: ids[1], hostname: 'ob-1', state: 'recorded', reason: RECORDED_REASON }]);
  expect((await finished).counts).toMatchObject({ total: 2, recorded: 2, skipped: 0, failed: 0, pending: 0 });
  const set = await fk.call('changes.list', { connectionId: dcId });
  expect(set.changes.map((c) => [c.spec, c.hostname, c.statusAtRecord])).toEqual([
    [{ kind: 'accept', systemId: ids[0] }, 'ob-0', S.NEW], [{ kind: 'accept', systemId: ids[1] }, 'ob-1', S.NEW]]);
  expect(set.changes[0].batch).toBeTruthy();
  expect(set.changes[1].batch).toBe(set.changes[0].batch);
  expect(await fk.call('changes.pending', {})).toEqual([{ connectionId: dcId, name: 'datacenter', waiting: 2 }]);

  // Back: nobody checks by hand; the quick re-check notices and the review runs by itself.
  const reviewed = new Promise<ChangeSetsChanged>((resolve) => fk.on('changes.changed', (p) => { if (p.connectionId === dcId) void fk.call('changes.list', { connectionId: dcId }).then((v) => { if (v.review) resolve(p); }); }));
  await dc.start();
  await reviewed;
  const back = await fk.call('changes.list', { connectionId: dcId });
  expect(back.review).toMatchObject({ auto: true });
  expect(back.review!.items.map((r) => r.verdict)).toEqual(['applies', 'applies']);
  expect((await fk.call('changes.apply', { connectionId: dcId })).changes.map((c) => c.state)).toEqual(['done', 'done']);
  // Online again, the inventory's bulk goes to the server and records nothing.
  await fk.call('inventory.bulk', { connectionId: dcId, action: 'accept', systemIds: [ids[2]] });
  expect((await fk.call('changes.list', { connectionId: dcId })).changes).toHaveLength(2);
  expect(await fk.call('changes.pending', {})).toEqual([]);
});

test('a server that stops during a bulk action: what did not reach it is recorded, not failed', async () => {
  await fk.composed.connections.health(dcId);
  expect(fk.composed.connections.view(dcId).health).toBe('online');
  const todo = ids.slice(3);
  let stopping: Promise<void> | null = null;
  const reasons = new Map<string, string | undefined>();
  const finished = new Promise<BulkProgress>((resolve) => fk.on('inventory.bulkProgress', (p) => {
    for (const o of p.outcomes) reasons.set(o.systemId, o.state === 'recorded' ? o.reason : o.state);
    // The server goes away once the first nodes are done, with the rest still to send.
    if (!stopping && p.counts.done > 0) stopping = dc.stop();
    if (p.finished) resolve(p);
  }));
  await fk.call('inventory.bulk', { connectionId: dcId, action: 'commission', systemIds: todo });
  const end = await finished;
  await stopping;
  expect(end.counts.done).toBeGreaterThan(0);
  expect(end.counts.recorded).toBeGreaterThan(0);
  expect(end.counts.done + end.counts.recorded).toBe(todo.length);
  expect(end.counts.failed).toBe(0);
  expect(fk.composed.connections.view(dcId).health).toBe('offline'); // the first failed call said so
  const set = await fk.call('changes.list', { connectionId: dcId });
  const recorded = set.changes.filter((c) => c.state === 'recorded');
  expect(recorded).toHaveLength(end.counts.recorded);
  expect(new Set(recorded.map((c) => c.batch)).size).toBe(1);
  expect(recorded.every((c) => c.spec.kind === 'commission')).toBe(true);
  expect(recorded.map((c) => 'systemId' in c.spec && reasons.get(c.spec.systemId))).toEqual(recorded.map(() => UNREACHED_REASON));
});
