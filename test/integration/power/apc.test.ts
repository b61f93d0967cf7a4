// apc against Debian's snmpsim (stock writecache module) serving an APC PDU's outlet-control column.
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type PowerTarget } from '../../../src-main/power';
import { startApcPdu, type ApcPdu } from './peers/apc-snmpsim';
import { freeUdpPort } from './peers/free-port';
import { requireTool } from './peers/require-tool';

let pdu: ApcPdu;
beforeAll(async () => {
  requireTool('snmpget', 'snmp');
  pdu = await startApcPdu();
});
afterAll(() => pdu?.stop());

const outlet = (n: string, extra: Record<string, string> = {}): PowerTarget => ({
  systemId: `n${n}`, hostname: `n${n}`, powerType: 'apc', params: { power_address: pdu.address, node_outlet: n, power_on_delay: '0', ...extra },
});

test('switches one outlet on and off and reads it back, with no community in argv', { timeout: 30_000 }, async () => {
  const argv: string[][] = [];
  const s = createPowerService({ waitingPolicyMs: [20, 50, 100], spawnObserver: (i) => argv.push(i.args) });
  onTestFinished(() => s.close());
  await pdu.setOutlet(1, 'on');
  await expect(s.query(outlet('2'))).resolves.toMatchObject({ state: 'off' });
  await expect(s.on(outlet('2'))).resolves.toMatchObject({ state: 'on', changed: true });
  expect(await pdu.outlet(2)).toBe('on');
  await expect(s.off(outlet('2'))).resolves.toMatchObject({ state: 'off', changed: true });
  expect(await pdu.outlet(2)).toBe('off');
  expect(await pdu.outlet(1)).toBe('on');
  expect(argv.flat()).not.toContain('private');
  expect(argv.flat()).not.toContain('-c');
});

test('power on leaves an outlet that is on alone; cycle is off, delay, on', { timeout: 30_000 }, async () => {
  const s = createPowerService({ waitingPolicyMs: [20, 50, 100] });
  onTestFinished(() => s.close());
  await pdu.setOutlet(3, 'on');
  const before = (await pdu.writes()).length;
  await expect(s.on(outlet('3'))).resolves.toMatchObject({ state: 'on', changed: false });
  expect((await pdu.writes()).length).toBe(before);
  await expect(s.cycle(outlet('3'))).resolves.toMatchObject({ state: 'on', changed: true });
  expect((await pdu.writes()).slice(before).filter((w) => w.startsWith('3 '))).toEqual(['3 2', '3 1']);
});

test('a missing outlet is a parameter error; a silent agent is unreachable', { timeout: 30_000 }, async () => {
  const s = createPowerService({ queryAttempts: 1, timeoutMs: 3000 });
  onTestFinished(() => s.close());
  await expect(s.query(outlet('99'))).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('no outlet 99') });
  await expect(s.query(outlet('x'))).rejects.toMatchObject({ kind: 'bad-parameters' });
  const port = await freeUdpPort();
  await expect(s.query(outlet('1', { power_address: `127.0.0.1:${port}` }))).rejects.toMatchObject({ kind: 'unreachable' });
});
