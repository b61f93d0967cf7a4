// virsh against libvirt's test driver (no daemon). Each virsh run starts from the test
// driver's initial state, so changes are checked by virsh's own answer at the driver level
// and reads through the service.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createPowerService, type DriverContext, type PowerTarget } from '../../../src-main/power';
import { virshDriver } from '../../../src-main/power/drivers/virsh';
import { createRunTool, type SpawnObserver } from '../../../src-main/power/run-tool';
import { createScratch } from '../../../src-main/power/scratch';
import { freeTcpPort } from './peers/free-port';
import { requireTool } from './peers/require-tool';

let dir: string;
let uri: string;
beforeAll(async () => {
  requireTool('virsh', 'libvirt-clients');
  dir = await mkdtemp(join(tmpdir(), 'virsh-test-'));
  // test:///FILE: a libvirt test-driver host with one domain shut off (test:runstate 5) and one running
  await writeFile(
    join(dir, 'host.xml'),
    `<node>
  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>node-off</name><memory>1048576</memory><os><type>hvm</type></os><test:runstate>5</test:runstate>
  </domain>
  <domain type='test'><name>node-on</name><memory>1048576</memory><os><type>hvm</type></os></domain>
</node>`,
  );
  uri = `test://${join(dir, 'host.xml')}`;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const target = (params: Record<string, string>): PowerTarget => ({ systemId: 'vm', hostname: 'vm', powerType: 'virsh', params });

function driverContext(params: Record<string, string>, observer?: SpawnObserver): DriverContext {
  const scratch = createScratch();
  onTestFinished(() => scratch.remove());
  return {
    target: target(params), params, signal: new AbortController().signal, timeoutMs: 10_000,
    run: createRunTool({ home: scratch.dir, observer }),
    config: { wakeOnLan: { address: '127.0.0.1', port: 9 }, ipmiTool: 'auto', arpTable: '/proc/net/arp', scratchDir: scratch.dir, withFile: scratch.withFile },
  };
}

describe('virsh', { timeout: 30_000 }, () => {
  test('reads domain states through the service, test:///default included', async () => {
    const s = createPowerService({ queryAttempts: 1 });
    onTestFinished(() => s.close());
    await expect(s.query(target({ power_address: 'test:///default', power_id: 'test' }))).resolves.toMatchObject({ state: 'on' });
    await expect(s.query(target({ power_address: uri, power_id: 'node-off' }))).resolves.toMatchObject({ state: 'off' });
    await expect(s.query(target({ power_address: uri, power_id: 'node-on' }))).resolves.toMatchObject({ state: 'on' });
  });

  test('start, destroy and reset are accepted by libvirt', async () => {
    await expect(virshDriver.on(driverContext({ power_address: uri, power_id: 'node-off' }))).resolves.toBeUndefined();
    await expect(virshDriver.off!(driverContext({ power_address: uri, power_id: 'node-on' }))).resolves.toBeUndefined();
    await expect(virshDriver.cycle!(driverContext({ power_address: uri, power_id: 'node-on' }))).resolves.toBeUndefined();
  });

  test('power on of a running domain sends no start', async () => {
    const argv: string[][] = [];
    const s = createPowerService({ spawnObserver: (i) => argv.push(i.args) });
    onTestFinished(() => s.close());
    await expect(s.on(target({ power_address: uri, power_id: 'node-on' }))).resolves.toMatchObject({ state: 'on', changed: false });
    expect(argv.map((a) => a[3])).toEqual(['domstate']);
  });

  test('the password goes to libvirt through an auth file and ssh askpass, never argv', async () => {
    const seen: Parameters<SpawnObserver>[0][] = [];
    const ctx = driverContext({ power_address: uri, power_id: 'node-on', power_pass: 'virsh-Pa55' }, (i) => seen.push(i));
    await expect(virshDriver.query!(ctx)).resolves.toBe('on');
    expect(seen[0].args).toEqual(['-q', '-c', uri, 'domstate', '--domain', 'node-on']);
    expect(seen[0].args.join(' ')).not.toContain('virsh-Pa55');
    // The password is in a 0600 file named by LIBVIRT_AUTH_FILE; ssh's askpass reads another file.
    expect(seen[0].envNames).toEqual(['LIBVIRT_AUTH_FILE']);
  });

  test('unknown domain, unreachable hypervisor, bad URI', async () => {
    const s = createPowerService({ queryAttempts: 1 });
    onTestFinished(() => s.close());
    await expect(s.query(target({ power_address: uri, power_id: 'nope' }))).rejects.toMatchObject({ kind: 'bad-parameters', message: expect.stringContaining('no domain nope') });
    const port = await freeTcpPort();
    await expect(s.query(target({ power_address: `qemu+tcp://127.0.0.1:${port}/system`, power_id: 'x' }))).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(s.query(target({ power_address: 'qemu+ssh://root:pw@host/system', power_id: 'x' }))).rejects.toMatchObject({ kind: 'bad-parameters' });
    await expect(s.query(target({ power_address: '--connect=x', power_id: 'x' }))).rejects.toMatchObject({ kind: 'bad-parameters' });
  });
});
