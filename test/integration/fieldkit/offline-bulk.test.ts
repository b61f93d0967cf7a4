// A bulk action in the inventory on a remote server that is offline is recorded in the
// server's change set (with the node as the snapshot knew it), reported as skipped with
// where to find it, and applies once the server is back; online, it goes straight through.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BulkProgress } from '../../../src-shared/contract/inventory';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { RECORDED_REASON } from '../../../src-main/console/fieldkit/offline-bulk';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';
import { seedNodes } from '../../support/inventory-seed';

let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;
let ids: string[];

beforeAll(async () => {
  dc = await startDatacenter();
  ids = seedNodes(dc.region().core, { count: 3, idPrefix: 'ob', zones: 1, hostnameOf: (i) => `ob-${i}`, statusOf: () => S.NEW }).systemIds;
  fk = await startFieldkitConsole();
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  await fk.call('inventory.refresh', { connectionId: dcId }); // the inventory's read fills the snapshot
});
afterAll(async () => { await fk?.close(); await dc?.close(); });

test('offline: recorded, skipped with the reason, finished at once; back online: reviewed and applied', async () => {
  expect((await fk.call('snapshot.get', { connectionId: dcId })).nodes?.items).toHaveLength(3);
  await dc.stop();
  await fk.composed.connections.health(dcId);
  const finished = new Promise<BulkProgress>((resolve) => fk.on('inventory.bulkProgress', (p) => { if (p.finished) resolve(p); }));
  const start = await fk.call('inventory.bulk', { connectionId: dcId, action: 'accept', systemIds: [ids[0], ids[1]] });
  expect(start.outcomes).toEqual([
    { systemId: ids[0], hostname: 'ob-0', state: 'skipped', reason: RECORDED_REASON },
    { systemId: ids[1], hostname: 'ob-1', state: 'skipped', reason: RECORDED_REASON }]);
  expect((await finished).counts).toMatchObject({ total: 2, skipped: 2, pending: 0 });
  const set = await fk.call('changes.list', { connectionId: dcId });
  expect(set.changes.map((c) => [c.spec, c.hostname, c.statusAtRecord])).toEqual([
    [{ kind: 'accept', systemId: ids[0] }, 'ob-0', S.NEW], [{ kind: 'accept', systemId: ids[1] }, 'ob-1', S.NEW]]);

  await dc.start();
  await fk.composed.connections.health(dcId);
  expect((await fk.call('changes.review', { connectionId: dcId })).map((r) => r.verdict)).toEqual(['applies', 'applies']);
  expect((await fk.call('changes.apply', { connectionId: dcId })).changes.map((c) => c.state)).toEqual(['done', 'done']);
  // Online again, the inventory's bulk goes to the server and records nothing.
  await fk.call('inventory.bulk', { connectionId: dcId, action: 'accept', systemIds: [ids[2]] });
  expect((await fk.call('changes.list', { connectionId: dcId })).changes).toHaveLength(2);
});
