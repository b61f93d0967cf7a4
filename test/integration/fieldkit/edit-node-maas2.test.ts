// Node edits against MAAS 2.x (the replay server speaking API 2.0): `PUT machines/{id}/` with
// hostname, power_type and power_parameters_*; a password sent back masked is the server's
// own, read with op=power_parameters and sent again. A recorded power change with a new
// password (kept in the keychain, not the settings database) is reviewed and applied there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { memoryKeychain } from '../../../src-main/connections/index';
import { secretAccount } from '../../../src-main/console/fieldkit/change-sets';
import { MASK } from '../../../src-shared/inventory/power-secrets';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer, type ReplayServer } from '../../support/maas-replay-server';
import { startFieldkitConsole, type FieldkitConsole } from '../../support/fieldkit-console';

const KEY = 'ck3:tk3:secret3';
const keychain = memoryKeychain();
let fk: FieldkitConsole;
let maas2: ReplayServer;
let id: string;

beforeAll(async () => {
  maas2 = await startReplayServer({ api: '2.0', apiKey: KEY, machines: [
    machine(1, 4, { hostname: 'bmc-a', power_parameters: { power_address: '10.0.0.1', power_user: 'admin', power_pass: 'old-pw' } }),
    machine(2, 4, { hostname: 'bmc-b', power_parameters: { power_address: '10.0.0.2', power_user: 'admin', power_pass: 'b-pw' } })] });
  fk = await startFieldkitConsole({ keychain });
  id = (await fk.composed.connections.add({ name: 'maas-2', url: maas2.url, apiKey: KEY })).id;
});
afterAll(async () => { await fk?.close(); await maas2?.close(); });

test('online: PUT machines/{id}/ with the hostname and the whole power set, the masked password re-sent', async () => {
  const out = await fk.call('inventory.editNode', { connectionId: id, systemId: 'm00001', hostname: 'bmc-a2',
    power: { type: 'ipmi', parameters: { power_address: '10.0.0.11', power_user: 'admin', power_pass: MASK } } });
  expect(out).toMatchObject({ state: 'done', node: { hostname: 'bmc-a2' } });
  const put = maas2.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/machines/m00001/'));
  expect(put).toHaveLength(1);
  expect(Object.fromEntries(put[0].form)).toEqual({ hostname: 'bmc-a2', power_type: 'ipmi', power_parameters_power_address: '10.0.0.11',
    power_parameters_power_user: 'admin', power_parameters_power_pass: 'old-pw' });
  expect(maas2.machines.get('m00001')).toMatchObject({ hostname: 'bmc-a2', power_parameters: { power_address: '10.0.0.11', power_pass: 'old-pw' } });
});

test('a recorded power change: the password in the keychain only, reviewed and applied on API 2.0, then forgotten', async () => {
  const set = await fk.call('changes.record', { connectionId: id, changes: [
    { kind: 'set-power', systemId: 'm00002', powerType: 'ipmi', parameters: { power_address: '10.0.0.22', power_user: 'admin', power_pass: 'new-b-pw' } }] });
  const [change] = set.changes;
  expect(change.spec).toMatchObject({ parameters: { power_pass: MASK } });
  expect(keychain.entries.get(secretAccount(change.id))).toBe('{"power_pass":"new-b-pw"}');
  for (const f of ['settings.sqlite', 'settings.sqlite-wal'].map((n) => join(fk.dataDir, n)).filter(existsSync)) {
    expect(readFileSync(f).includes('new-b-pw')).toBe(false);
  }
  expect((await fk.call('changes.review', { connectionId: id })).map((r) => r.verdict)).toEqual(['applies']);
  expect((await fk.call('changes.apply', { connectionId: id })).changes.map((c) => c.state)).toEqual(['done']);
  expect(maas2.machines.get('m00002')!.power_parameters).toEqual({ power_address: '10.0.0.22', power_user: 'admin', power_pass: 'new-b-pw' });
  expect(keychain.entries.has(secretAccount(change.id))).toBe(false);
});

test('a removed connection takes its change set along, and its secrets leave the keychain', async () => {
  const set = await fk.call('changes.record', { connectionId: id, changes: [
    { kind: 'set-power', systemId: 'm00001', powerType: 'ipmi', parameters: { power_pass: 'gone-pw' } }] });
  const account = secretAccount(set.changes.at(-1)!.id);
  expect(keychain.entries.has(account)).toBe(true);
  await fk.composed.connections.remove(id);
  await expect.poll(() => keychain.entries.has(account)).toBe(false);
  expect((await fk.call('changes.list', { connectionId: id })).changes).toEqual([]);
});
