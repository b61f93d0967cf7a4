// Set pool on a MAAS 2.x/3.x server (the replay server speaking API 2.0) that goes away: the
// pools the server offers are kept whenever its node list is read, so offline the Set pool
// form still offers them; a Set pool sent the moment the server stopped (the console still
// says Online) is recorded, not lost, and so is one sent while it is known offline. Back, the
// review tells "applies", "already true" and "conflict" (a pool the server no longer has)
// apart, and apply moves the machines with `PUT machines/{id}/ pool=`. A commission and a
// release recorded offline keep what their forms chose (SSH, skips, scripts; the comment) and
// are sent with them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BulkProgress } from '../../../src-shared/contract/inventory';
import { UNREACHED_REASON, RECORDED_REASON } from '../../../src-main/console/fieldkit/offline-bulk';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { openSettingsDb } from '../../../src-main/connections/settings-db';
import { SnapshotStore } from '../../../src-main/console/snapshot/snapshot-store';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';
import { startFieldkitConsole, type FieldkitConsole } from '../../support/fieldkit-console';

const KEY = 'ck7:tk7:secret7';
let fk: FieldkitConsole;
let maas: ReplayServer;
let id: string;
let gone = false;

beforeAll(async () => {
  maas = await startReplayServer({ api: '2.0', apiKey: KEY, pools: ['default', 'gpu-farm', 'storage'],
    machines: [...[1, 2, 3, 4].map((n) => machine(n, S.READY, { hostname: `gpu-${n}`, pool: n === 4 ? 'gpu-farm' : 'default' })),
      machine(5, S.DEPLOYED, { hostname: 'gpu-5' })] });
  maas.faults.push({ match: () => gone, times: 1e9, kind: 'drop' });
  fk = await startFieldkitConsole();
  id = (await fk.composed.connections.add({ name: 'maas-3', url: maas.url, apiKey: KEY })).id;
});
afterAll(async () => { await fk?.close(); await maas?.close(); });

const bulkDone = () => new Promise<BulkProgress>((resolve) => fk.on('inventory.bulkProgress', (p) => { if (p.finished) resolve(p); }));

test('pools kept from reading the inventory; Set pool recorded when the server just stopped and when offline; reviewed and applied', async () => {
  await fk.call('inventory.refresh', { connectionId: id });
  // Reading the node list keeps what the server offers its forms (its pools) alongside.
  const db = openSettingsDb(fk.dataDir);
  try {
    await expect.poll(() => new SnapshotStore(db, { forget: () => undefined }).part(id, 'offer')?.items[0]?.pools).toEqual(['default', 'gpu-farm', 'storage']);
  } finally {
    db.close();
  }

  // The server stops; the console has not noticed (no call since): Set pool now is recorded.
  gone = true;
  expect(fk.composed.connections.view(id).health).toBe('online');
  let done = bulkDone();
  await fk.call('inventory.bulk', { connectionId: id, action: 'setPool', pool: 'gpu-farm', systemIds: ['m00001', 'm00002'] });
  const cut = await done;
  expect(cut.counts).toMatchObject({ total: 2, recorded: 2, failed: 0 });
  expect(cut.outcomes.map((o) => o.reason)).toEqual([UNREACHED_REASON, UNREACHED_REASON]);
  expect(fk.composed.connections.view(id).health).toBe('offline');

  // Known offline: the form's pools are what the server last offered; Set pool is recorded.
  const offer = await fk.call('inventory.offer', { connectionId: id });
  expect(offer.pools).toEqual(['default', 'gpu-farm', 'storage']);
  expect(offer.actions.setPool).toEqual({ offered: true, why: null });
  done = bulkDone();
  const start = await fk.call('inventory.bulk', { connectionId: id, action: 'setPool', pool: 'gpu-farm', systemIds: ['m00004'] });
  expect(start.outcomes).toEqual([{ systemId: 'm00004', hostname: 'gpu-4', state: 'recorded', reason: RECORDED_REASON }]);
  await done;
  await fk.call('changes.record', { connectionId: id, changes: [{ kind: 'set-pool', systemId: 'm00003', pool: 'storage' }] });
  await fk.call('changes.record', { connectionId: id, changes: [{ kind: 'set-pool', systemId: 'm00003', pool: 'archive' }] });
  const set = await fk.call('changes.list', { connectionId: id });
  expect(set.changes.map((c) => [c.spec, c.message ?? null])).toEqual([
    [{ kind: 'set-pool', systemId: 'm00001', pool: 'gpu-farm' }, null], [{ kind: 'set-pool', systemId: 'm00002', pool: 'gpu-farm' }, null],
    [{ kind: 'set-pool', systemId: 'm00004', pool: 'gpu-farm' }, null], [{ kind: 'set-pool', systemId: 'm00003', pool: 'storage' }, null],
    [{ kind: 'set-pool', systemId: 'm00003', pool: 'archive' }, null]]);

  gone = false;
  const review = await fk.call('changes.review', { connectionId: id });
  expect(review.map((r) => [r.verdict, r.why])).toEqual([
    ['applies', 'gpu-1: pool default → gpu-farm'], ['applies', 'gpu-2: pool default → gpu-farm'],
    ['already', 'gpu-4 is in pool gpu-farm'], ['applies', 'gpu-3: pool default → storage'], ['conflict', 'pool archive does not exist on the server']]);
  const applied = await fk.call('changes.apply', { connectionId: id });
  expect(applied.changes.map((c) => [c.state, c.message])).toEqual([['done', null], ['done', null], ['skipped', 'already true: gpu-4 is in pool gpu-farm'],
    ['done', null], ['recorded', 'conflict: pool archive does not exist on the server']]);
  expect([1, 2, 3, 4].map((n) => maas.machines.get(`m0000${n}`)!.pool)).toEqual(['gpu-farm', 'gpu-farm', 'storage', 'gpu-farm']);
  const puts = maas.requests.filter((r) => r.method === 'PUT' && r.form.some(([k]) => k === 'pool'));
  expect(puts.map((r) => [r.path.split('/').at(-2), Object.fromEntries(r.form).pool])).toEqual([['m00001', 'gpu-farm'], ['m00002', 'gpu-farm'], ['m00003', 'storage']]);
});

test('a commission and a release recorded offline keep the options and comment chosen in their forms and are applied with them', async () => {
  gone = true;
  await fk.composed.connections.health(id);
  const done = bulkDone();
  const start = await fk.call('inventory.bulk', { connectionId: id, action: 'commission', systemIds: ['m00004'],
    enableSsh: true, skipStorage: true, commissioningScripts: ['update_firmware'], testingScripts: ['memtester'] });
  expect(start.outcomes.map((o) => o.state)).toEqual(['recorded']);
  await done;
  const released = bulkDone();
  await fk.call('inventory.bulk', { connectionId: id, action: 'release', systemIds: ['m00005'], comment: 'RMA: PSU 2' });
  await released;
  const [commission, release] = (await fk.call('changes.list', { connectionId: id })).changes.slice(-2);
  expect(commission.spec).toEqual({ kind: 'commission', systemId: 'm00004',
    options: { enableSsh: true, skipStorage: true, commissioningScripts: ['update_firmware'], testingScripts: ['memtester'] } });
  expect(release.spec).toEqual({ kind: 'release', systemId: 'm00005', comment: 'RMA: PSU 2' });
  gone = false;
  const before = maas.requests.length;
  const applied = await fk.call('changes.apply', { connectionId: id });
  expect(applied.changes.slice(-2).map((c) => c.state)).toEqual(['done', 'done']);
  const releases = maas.requests.slice(before).filter((r) => r.query.get('op') === 'release');
  expect(releases.map((r) => Object.fromEntries(r.form))).toEqual([{ machines: 'm00005', comment: 'RMA: PSU 2' }]);
  const sent = maas.requests.slice(before).filter((r) => r.query.get('op') === 'commission');
  expect(sent.map((r) => [r.path.split('/').at(-2), Object.fromEntries(r.form)])).toEqual([['m00004',
    { enable_ssh: '1', skip_storage: '1', commissioning_scripts: 'update_firmware', testing_scripts: 'memtester' }]]);
});
