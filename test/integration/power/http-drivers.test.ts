// dli and redfish against local HTTP servers that follow the vendors' documented protocols
// (nothing real runs here for those), and ether_wake against a UDP listener.
import { createSocket } from 'node:dgram';
import { expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerServiceOptions } from '../../../src-main/power';
import { startDliSwitch } from './peers/dli-switch';
import { startRedfishBmc } from './peers/redfish-bmc';
import { freeTcpPort } from './peers/free-port';

const creds = { user: 'admin', password: 'pdu-pa55word' };

function service(o: PowerServiceOptions = {}) {
  const s = createPowerService({ waitingPolicyMs: [10, 20, 40], queryAttempts: 1, timeoutMs: 3000, ...o });
  onTestFinished(() => s.close());
  return s;
}

test('dli: switches one outlet and reads it back from the state bitmap', { timeout: 30_000 }, async () => {
  const pdu = await startDliSwitch(creds);
  onTestFinished(() => pdu.close());
  const s = service();
  const t = { systemId: 'n3', hostname: 'n3', powerType: 'dli', params: { system_id: '3', power_address: pdu.address, power_user: 'admin', power_pass: creds.password } };
  pdu.outlets[0] = true; // outlet 1 is someone else's
  await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  expect(pdu.outlets.slice(0, 4)).toEqual([true, false, true, false]);
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(pdu.requests).toContain('GET /outlet?3=ON');
  expect(pdu.requests).toContain('GET /outlet?3=OFF');
  await expect(s.query({ ...t, params: { ...t.params, power_pass: 'wrong' } })).rejects.toMatchObject({ kind: 'auth' });
  await expect(s.query({ ...t, params: { ...t.params, system_id: '0' } })).rejects.toMatchObject({ kind: 'bad-parameters' });
});

test('redfish: On / ForceOff / ForceRestart on the named system, state from PowerState', { timeout: 30_000 }, async () => {
  const bmc = await startRedfishBmc(creds, ['1', 'blade-2']);
  onTestFinished(() => bmc.close());
  const s = service();
  const t = { systemId: 'rf', hostname: 'rf', powerType: 'redfish', params: { power_address: `http://${bmc.address}`, power_user: 'admin', power_pass: creds.password, node_id: 'blade-2' } };
  await expect(s.query(t)).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: false }); // no reset of a running node
  await expect(s.cycle(t)).resolves.toMatchObject({ state: 'on', changed: true });
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  await s.on(t);
  await expect(s.off(t, { soft: true })).resolves.toMatchObject({ state: 'off', changed: true });
  expect(bmc.resets).toEqual(['blade-2:On', 'blade-2:ForceRestart', 'blade-2:ForceOff', 'blade-2:On', 'blade-2:GracefulShutdown']);
  expect(bmc.systems['1'].PowerState).toBe('Off');
});

test('redfish: without node_id the first system is used; PowerState maps as MAAS maps it', { timeout: 30_000 }, async () => {
  const bmc = await startRedfishBmc(creds, ['only']);
  onTestFinished(() => bmc.close());
  const s = service({ queryAttempts: 3 });
  const t = { systemId: 'rf', hostname: 'rf', powerType: 'redfish', params: { power_address: `http://${bmc.address}`, power_user: 'admin', power_pass: creds.password } };
  for (const [redfish, ours] of [['PoweringOn', 'off'], ['PoweringOff', 'on'], ['Paused', 'on'], ['On', 'on'], ['Off', 'off']]) {
    bmc.systems.only.PowerState = redfish;
    await expect(s.query(t)).resolves.toMatchObject({ state: ours });
  }
  expect(bmc.requests[0]).toBe('GET /redfish/v1/Systems');
  // A BMC passing through "Reset" is asked again; an undefined state is a protocol error.
  bmc.systems.only.PowerState = 'Reset';
  setTimeout(() => (bmc.systems.only.PowerState = 'On'), 15);
  await expect(s.query(t)).resolves.toMatchObject({ state: 'on' });
  bmc.systems.only.PowerState = 'Sideways';
  await expect(s.query(t)).rejects.toMatchObject({ kind: 'protocol' });
});

test('redfish: a stop sends ForceOff once and waits out PoweringOff; a 307 for a system name is followed', { timeout: 30_000 }, async () => {
  const bmc = await startRedfishBmc(creds, ['8c1f-uuid']);
  onTestFinished(() => bmc.close());
  bmc.aliases['node-7'] = '8c1f-uuid';
  bmc.systems['8c1f-uuid'].PowerState = 'On';
  bmc.transitionReads = 4;
  const s = service({ waitingPolicyMs: [10, 10, 10, 10, 10, 10, 10] });
  const t = { systemId: 'rf', hostname: 'rf', powerType: 'redfish', params: { power_address: `http://${bmc.address}`, power_user: 'admin', power_pass: creds.password, node_id: 'node-7' } };
  await expect(s.off(t)).resolves.toMatchObject({ state: 'off', changed: true });
  expect(bmc.resets).toEqual(['8c1f-uuid:ForceOff']);
  await expect(s.on(t)).resolves.toMatchObject({ state: 'on', changed: true });
  expect(bmc.resets).toEqual(['8c1f-uuid:ForceOff', '8c1f-uuid:On']);
  expect(bmc.requests).toContain('GET /redfish/v1/Systems/node-7');
  expect(bmc.requests).toContain('GET /redfish/v1/Systems/8c1f-uuid');
});

test('redfish: a redirect to another host is not followed (the credentials stay)', { timeout: 30_000 }, async () => {
  const bmc = await startRedfishBmc(creds, ['1']);
  onTestFinished(() => bmc.close());
  const elsewhere = await startRedfishBmc(creds, ['1']);
  onTestFinished(() => elsewhere.close());
  bmc.foreignRedirects['/redfish/v1/Systems/1'] = `http://${elsewhere.address}/redfish/v1/Systems/1`;
  const s = service();
  const t = { systemId: 'rf', hostname: 'rf', powerType: 'redfish', params: { power_address: `http://${bmc.address}`, power_user: 'admin', power_pass: creds.password, node_id: '1' } };
  await expect(s.query(t)).rejects.toMatchObject({ kind: 'protocol', message: expect.stringContaining('another host') });
  expect(elsewhere.requests).toEqual([]);
});

test('redfish: wrong password is auth, a closed port is unreachable', { timeout: 30_000 }, async () => {
  const bmc = await startRedfishBmc(creds);
  onTestFinished(() => bmc.close());
  const s = service();
  const params = { power_address: `http://${bmc.address}`, power_user: 'admin', power_pass: 'nope' };
  const t = { systemId: 'rf', hostname: 'rf', powerType: 'redfish', params };
  const e = await s.query(t).catch((x: unknown) => x);
  expect(e).toMatchObject({ kind: 'auth' });
  expect(String((e as Error).message)).not.toContain('nope');
  const closed = await freeTcpPort();
  await expect(s.query({ ...t, params: { ...params, power_address: `http://127.0.0.1:${closed}` } })).rejects.toMatchObject({ kind: 'unreachable' });
  await expect(s.query({ ...t, params: { ...params, power_address: 'http://u:p@127.0.0.1' } })).rejects.toMatchObject({ kind: 'bad-parameters' });
});

test('ether_wake: sends the magic packet for the MAC; it cannot power off or read state', { timeout: 30_000 }, async () => {
  const sock = createSocket('udp4');
  onTestFinished(() => { sock.close(); });
  const got = new Promise<Buffer>((r) => sock.once('message', r));
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', r));
  const s = service({ wakeOnLan: { address: '127.0.0.1', port: sock.address().port } });
  const t = { systemId: 'w', hostname: 'w', powerType: 'ether_wake', params: { mac_address: '52-54-00-AB-cd-0F' } };
  await expect(s.on(t)).resolves.toMatchObject({ state: 'unknown', changed: true, detail: expect.stringContaining('52:54:00:ab:cd:0f') });
  const packet = await got;
  expect(packet.length).toBe(102);
  expect(packet.subarray(0, 6)).toEqual(Buffer.alloc(6, 0xff));
  for (let i = 0; i < 16; i++) expect(packet.subarray(6 + i * 6, 12 + i * 6).toString('hex')).toBe('525400abcd0f');
  await expect(s.off(t)).rejects.toMatchObject({ kind: 'unsupported' });
  await expect(s.query(t)).rejects.toMatchObject({ kind: 'unsupported' });
  await expect(s.on({ ...t, params: { mac_address: 'not-a-mac' } })).rejects.toMatchObject({ kind: 'bad-parameters' });
});
