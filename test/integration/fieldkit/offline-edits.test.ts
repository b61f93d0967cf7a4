// Single-node actions and edits on a remote server that is offline, through the channels the
// node detail and the Tags view use: recorded (a BMC password into the OS keychain, never the
// settings database), edited in place, kept across a restart of the console, reviewed against
// fresh data and applied with progress — after which the server has them and the keychain
// entry is gone. Real OS keychain (test/with-keyring.sh), a real region as the datacenter.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { KEYCHAIN_SERVICE, osKeychain } from '../../../src-main/connections/keychain';
import { secretAccount } from '../../../src-main/console/fieldkit/change-sets';
import { EDIT_RECORDED, TAG_RECORDED } from '../../../src-main/console/fieldkit/offline-edits';
import type { ChangeProgress } from '../../../src-shared/contract/change-sets';
import { MASK } from '../../../src-shared/inventory/power-secrets';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';
import { seedNodes } from '../../support/inventory-seed';
import { requireKeyring, secretToolLookup } from '../../support/require-keyring';

vi.setConfig({ testTimeout: 60_000 });
const PASSWORD = 'bmc-Floor-Pw-7731';
const dataDir = mkdtempSync(join(tmpdir(), 'maas-offline-edits-'));
let keychain: ReturnType<typeof osKeychain>;
let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;
let ids: string[];

beforeAll(async () => {
  requireKeyring();
  keychain = osKeychain();
  dc = await startDatacenter();
  ids = seedNodes(dc.region().core, { count: 3, idPrefix: 'oe', zones: 2, hostnameOf: (i) => `oe-${i}`, statusOf: () => S.NEW }).systemIds;
  fk = await startFieldkitConsole({ dataDir, keychain });
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  await fk.call('inventory.refresh', { connectionId: dcId });
  await fk.call('snapshot.refresh', { connectionId: dcId });
});
afterAll(async () => { await fk?.close(); await dc?.close(); rmSync(dataDir, { recursive: true, force: true }); });

const settingsBytes = () => Buffer.concat(['settings.sqlite', 'settings.sqlite-wal'].map((f) => join(dataDir, f)).filter(existsSync).map((f) => readFileSync(f)));

test('online: hostname and power edited on the server; a masked secret is kept', async () => {
  const out = await fk.call('inventory.editNode', { connectionId: dcId, systemId: ids[2], hostname: 'oe-two',
    power: { type: 'ipmi', parameters: { power_address: '10.9.9.2', power_user: 'maas', power_pass: MASK } } });
  expect(out).toMatchObject({ state: 'done', node: { hostname: 'oe-two' } });
  const c = await fk.composed.connections.clientFor(dcId);
  expect(await c.powerParameters(ids[2])).toMatchObject({ power_address: '10.9.9.2', power_pass: 'secret-2' });
  expect((await fk.fail('inventory.editNode', { connectionId: dcId, systemId: ids[2], hostname: 'oe-0' })).message).toMatch(/already exists/);
});

test('offline: recorded with the password in the keychain only; edited; kept across a restart; reviewed; applied with progress', async () => {
  await dc.stop();
  await fk.composed.connections.health(dcId);
  // A single-node action from the node detail is a bulk of one.
  const accept = await fk.call('inventory.bulk', { connectionId: dcId, action: 'accept', systemIds: [ids[0]] });
  expect(accept.outcomes).toMatchObject([{ systemId: ids[0], hostname: 'oe-0', state: 'recorded' }]);
  expect(await fk.call('inventory.editNode', { connectionId: dcId, systemId: ids[1], hostname: 'oe-one' })).toEqual({ state: 'recorded', message: EDIT_RECORDED });
  await fk.call('inventory.editNode', { connectionId: dcId, systemId: ids[1],
    power: { type: 'ipmi', parameters: { power_address: '10.9.9.1', power_user: 'maas', power_pass: PASSWORD } } });
  // Tags view: a bad XPath is refused as online (with where); a manual tag is recorded (the
  // datacenter region here runs without an XPath engine).
  const bad = await fk.fail('tags.create', { connectionId: dcId, tag: { name: 'floor', definition: '//node[', comment: '', kernelOpts: '' } });
  expect(bad).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/^Invalid xpath expression/) });
  const tag = await fk.call('tags.create', { connectionId: dcId, tag: { name: 'floor', definition: '', comment: 'day one', kernelOpts: '' } });
  expect(tag).toMatchObject({ name: 'floor', recorded: TAG_RECORDED });
  // Zones to pick from come from the snapshot.
  expect((await fk.call('inventory.choices', { connectionId: dcId })).zones).toEqual(expect.arrayContaining(['rack-1', 'rack-2']));

  let set = await fk.call('changes.list', { connectionId: dcId });
  expect(set.changes.map((c) => c.spec.kind)).toEqual(['accept', 'set-hostname', 'set-power', 'create-tag']);
  const power = set.changes[2];
  expect(power.spec).toEqual({ kind: 'set-power', systemId: ids[1], powerType: 'ipmi', parameters: { power_address: '10.9.9.1', power_user: 'maas', power_pass: MASK } });
  expect(JSON.parse(secretToolLookup(KEYCHAIN_SERVICE, secretAccount(power.id))!)).toEqual({ power_pass: PASSWORD });
  expect(settingsBytes().includes(PASSWORD)).toBe(false);

  // Edited in place: a new address, the password left masked (kept); the hostname changed.
  await fk.call('changes.update', { connectionId: dcId, id: power.id, spec: { ...power.spec, parameters: { power_address: '10.9.9.11', power_user: 'maas', power_pass: MASK } } as never });
  await fk.call('changes.update', { connectionId: dcId, id: set.changes[1].id, spec: { kind: 'set-hostname', systemId: ids[1], hostname: 'oe-first' } });
  expect((await fk.fail('changes.update', { connectionId: dcId, id: set.changes[1].id, spec: { kind: 'set-hostname', systemId: ids[0], hostname: 'x' } })).code).toBe('bad-input');
  expect((await fk.fail('changes.update', { connectionId: dcId, id: set.changes[3].id, spec: { kind: 'create-tag', tag: 'floor', definition: '//[' } })).code).toBe('bad-input');
  expect(JSON.parse(secretToolLookup(KEYCHAIN_SERVICE, secretAccount(power.id))!)).toEqual({ power_pass: PASSWORD });

  await fk.close();
  fk = await startFieldkitConsole({ dataDir, keychain });
  set = await fk.call('changes.list', { connectionId: dcId });
  expect(set.changes.map((c) => c.spec)).toEqual([
    { kind: 'accept', systemId: ids[0] },
    { kind: 'set-hostname', systemId: ids[1], hostname: 'oe-first' },
    { kind: 'set-power', systemId: ids[1], powerType: 'ipmi', parameters: { power_address: '10.9.9.11', power_user: 'maas', power_pass: MASK } },
    { kind: 'create-tag', tag: 'floor', definition: '', comment: 'day one', kernelOpts: '' },
  ]);
  expect(settingsBytes().includes(PASSWORD)).toBe(false);

  await dc.start();
  await fk.composed.connections.health(dcId);
  expect((await fk.call('changes.review', { connectionId: dcId })).map((r) => [r.verdict, r.why])).toEqual([
    ['applies', 'oe-0 is New'],
    ['applies', 'oe-1 → oe-first'],
    ['applies', 'oe-1: power ipmi → ipmi; sets power_address, power_pass'],
    ['applies', 'no tag floor yet'],
  ]);
  const progress: ChangeProgress[] = [];
  fk.on('changes.progress', (p) => progress.push(p));
  const applied = await fk.call('changes.apply', { connectionId: dcId });
  expect(applied.changes.map((c) => c.state)).toEqual(['done', 'done', 'done', 'done']);
  expect(progress.map((p) => [p.id, p.state, p.done, p.total])).toEqual(applied.changes.flatMap((c, i) => [[c.id, 'running', i, 4], [c.id, 'done', i + 1, 4]]));

  const c = await fk.composed.connections.clientFor(dcId);
  const nodes = new Map((await c.listNodes()).map((n) => [n.systemId, n]));
  expect(nodes.get(ids[0])!.statusName).toBe('Commissioning');
  expect(nodes.get(ids[1])!.hostname).toBe('oe-first');
  expect(await c.powerParameters(ids[1])).toMatchObject({ power_address: '10.9.9.11', power_user: 'maas', power_pass: PASSWORD });
  expect((await c.listTags()).find((t) => t.name === 'floor')).toMatchObject({ definition: '', comment: 'day one' });
  expect(secretToolLookup(KEYCHAIN_SERVICE, secretAccount(power.id))).toBeNull();
  // The same edits again (the password left masked) are already true.
  await fk.call('changes.record', { connectionId: dcId, changes: [
    { kind: 'set-hostname', systemId: ids[1], hostname: 'oe-first' },
    { kind: 'set-power', systemId: ids[1], powerType: 'ipmi', parameters: { power_address: '10.9.9.11', power_user: 'maas', power_pass: MASK } }] });
  expect((await fk.call('changes.review', { connectionId: dcId })).map((r) => [r.verdict, r.why])).toEqual([
    ['already', `${ids[1]} is named oe-first`], ['already', 'oe-first already has these power settings']]);
});
