import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { DriverContext } from '../../../src-main/power';
import { addressOrMacKey, withArpAddress } from '../../../src-main/power/drivers/arp';

const table = `IP address       HW type     Flags       HW address            Mask     Device
10.0.0.7         0x1         0x2         52:54:00:aa:bb:cc     *        eth0
10.0.0.8         0x1         0x0         52:54:00:aa:bb:dd     *        eth0
`;

async function ctxWith(params: Record<string, string>): Promise<DriverContext> {
  const dir = await mkdtemp(join(tmpdir(), 'arp-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'arp'), table);
  return { params, config: { arpTable: join(dir, 'arp') } } as unknown as DriverContext;
}

test('a BMC with only a MAC is found in the ARP table, as MAAS did', async () => {
  expect((await withArpAddress(await ctxWith({ mac_address: '52-54-00-AA-BB-CC' }))).power_address).toBe('10.0.0.7');
  // an address given wins; an incomplete entry (flags 0x0) or an unknown MAC is a parameter error
  expect((await withArpAddress(await ctxWith({ power_address: '10.9.9.9', mac_address: '52:54:00:aa:bb:cc' }))).power_address).toBe('10.9.9.9');
  await expect(withArpAddress(await ctxWith({ mac_address: '52:54:00:aa:bb:dd' }))).rejects.toMatchObject({ kind: 'bad-parameters' });
  await expect(withArpAddress(await ctxWith({ mac_address: '52:54:00:00:00:01' }))).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('ARP') });
});

test('serialisation key: by address, or by MAC when the address comes from ARP', () => {
  expect(addressOrMacKey('ipmi', { power_address: 'BMC1.lab' }, 623)).toBe('ipmi:bmc1.lab:623');
  expect(addressOrMacKey('ipmi', { power_address: 'bmc1.lab:623' }, 623)).toBe('ipmi:bmc1.lab:623');
  expect(addressOrMacKey('ipmi', { mac_address: '52:54:00:AA:BB:CC' }, 623)).toBe('ipmi:mac:52:54:00:aa:bb:cc');
});
