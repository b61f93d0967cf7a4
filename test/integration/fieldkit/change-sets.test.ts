// Offline change sets: recorded while the server is down, kept across a restart of the
// console, reviewed against fresh data (still applies / already true / conflict: status
// moved, node deleted, zone missing, hostname taken), applied with an outcome per change.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { memoryKeychain } from '../../../src-main/connections/index';
import type { ChangeSpec } from '../../../src-shared/contract/change-sets';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';
import { seedNodes } from '../../support/inventory-seed';

const keychain = memoryKeychain();
const dataDir = mkdtempSync(join(tmpdir(), 'maas-changes-'));
let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;
let ids: string[];

beforeAll(async () => {
  dc = await startDatacenter();
  // n0 New, n1 New, n2 Allocated, n3 Ready, n4 New, n5 Ready; zones rack-1/rack-2 by parity; n0 has tag ssd.
  ids = seedNodes(dc.region().core, { count: 6, idPrefix: 'cs', zones: 2, hostnameOf: (i) => `cs-${i}`,
    statusOf: (i) => [S.NEW, S.NEW, S.ALLOCATED, S.READY, S.NEW, S.READY][i] }).systemIds;
  fk = await startFieldkitConsole({ dataDir, keychain });
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  await fk.call('snapshot.refresh', { connectionId: dcId });
  await dc.stop();
});

test('the snapshot of the stopped server is there, with the time it was read and no secret', async () => {
  const snap = await fk.call('snapshot.get', { connectionId: dcId });
  expect(snap.nodes?.items.map((n) => n.hostname)).toEqual(['cs-0', 'cs-1', 'cs-2', 'cs-3', 'cs-4', 'cs-5']);
  expect(snap.zones?.items.map((z) => z.name)).toEqual(expect.arrayContaining(['default', 'rack-1', 'rack-2']));
  expect(snap.tags?.items.map((t) => t.name)).toEqual(expect.arrayContaining(['ssd', 'gpu']));
  expect(snap.events).not.toBeNull();
  expect(Date.parse(snap.nodes!.takenAt)).toBeGreaterThan(Date.now() - 600_000);
  // seedNodes gives every node an IPMI password "secret-<i>": none of it may reach the settings db.
  expect(readFileSync(join(dataDir, 'settings.sqlite')).includes('secret-')).toBe(false);
  expect(readFileSync(join(dataDir, 'settings.sqlite-wal'), { flag: 'r' }).includes('secret-')).toBe(false);
});
afterAll(async () => { await fk?.close(); await dc?.close(); rmSync(dataDir, { recursive: true, force: true }); });

test('recorded offline, kept across a restart, reviewed and applied with an outcome per change', async () => {
  const changes: ChangeSpec[] = [
    { kind: 'accept', systemId: ids[0] },
    { kind: 'accept', systemId: ids[1] },
    { kind: 'release', systemId: ids[2] },
    { kind: 'release', systemId: ids[3] },
    { kind: 'set-zone', systemId: ids[0], zone: 'rack-2' },
    { kind: 'set-zone', systemId: ids[5], zone: 'nowhere' },
    { kind: 'create-tag', tag: 'floor' },
    { kind: 'add-tag', systemId: ids[5], tag: 'floor' },
    { kind: 'remove-tag', systemId: ids[0], tag: 'ssd' },
    { kind: 'set-hostname', systemId: ids[5], hostname: 'cs-3' },
    { kind: 'commission', systemId: ids[4] },
  ];
  const known = Object.fromEntries(ids.map((id, i) => [id, { hostname: `cs-${i}`, status: [0, 0, 10, 4, 0, 4][i] }]));
  const rec = await fk.call('changes.record', { connectionId: dcId, changes, known });
  expect(rec.changes).toHaveLength(11);
  expect((await fk.fail('changes.review', { connectionId: dcId })).code).toBe('unreachable');

  await fk.close();
  fk = await startFieldkitConsole({ dataDir, keychain });
  expect((await fk.call('changes.list', { connectionId: dcId })).changes.map((c) => c.spec)).toEqual(changes);

  await dc.start();
  // Meanwhile, in the datacenter: n1 broke, n4 was deleted.
  const core = dc.region().core;
  core.tx(() => { core.nodes.setStatus(core.nodes.bySystemId(ids[1])!.id, S.BROKEN); core.nodes.delete(core.nodes.bySystemId(ids[4])!.id); });

  const review = await fk.call('changes.review', { connectionId: dcId });
  expect(review.map((r) => [r.verdict, r.why])).toEqual([
    ['applies', 'cs-0 is New'],
    ['conflict', 'cs-1 is Broken: it cannot go to Commissioning (it changed from New to Broken)'],
    ['applies', 'cs-2 is Allocated'],
    ['already', 'cs-3 is already Ready'],
    ['applies', 'cs-0: rack-1 → rack-2'],
    ['conflict', 'zone nowhere does not exist on the server'],
    ['applies', 'no tag floor yet'],
    ['applies', 'cs-5 gets floor'],
    ['applies', 'cs-0 loses ssd'],
    ['conflict', `hostname cs-3 is taken by ${ids[3]}`],
    ['conflict', 'cs-4 was deleted from the server'],
  ]);

  const out = await fk.call('changes.apply', { connectionId: dcId });
  expect(out.changes.map((c) => c.state)).toEqual(['done', 'recorded', 'done', 'skipped', 'done', 'recorded', 'done', 'done', 'done', 'recorded', 'recorded']);
  expect(out.changes[1].message).toMatch(/^conflict: cs-1 is Broken/);
  const c = await fk.composed.connections.clientFor(dcId);
  const after = new Map((await c.listNodes()).map((n) => [n.systemId, n]));
  expect(after.get(ids[0])).toMatchObject({ zone: 'rack-2', statusName: 'Commissioning' });
  expect(after.get(ids[0])!.tags).not.toContain('ssd');
  expect(after.get(ids[2])!.statusName).toBe('Ready');
  expect(after.get(ids[5])!.tags).toContain('floor');
  // The conflicts stay in the set, editable: remove them.
  const left = out.changes.filter((x) => x.state === 'recorded').map((x) => x.id);
  expect((await fk.call('changes.remove', { connectionId: dcId, ids: left })).changes).toHaveLength(7);
});
