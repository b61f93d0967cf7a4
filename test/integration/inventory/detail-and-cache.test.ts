// Node detail through the use-cases against the embedded region (hardware from lshw, power
// parameters masked before they leave main, events), the disk cache that makes a restart
// instant, and the poll that brings changes made elsewhere.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, onTestFinished, test, vi } from 'vitest';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { seedNodes } from '../../support/inventory-seed';
import { inventoryOver, regionWithClient, tempDir } from './inventory-support';
import { createInventory } from '../../../src-main/console/inventory/index';

const lshw = readFileSync(resolve(import.meta.dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');

test('node detail: hardware summary from lshw, masked power parameters, recent events, raw lshw', async () => {
  const { region, client } = await regionWithClient();
  const [id] = seedNodes(region.core, { count: 1, statusOf: () => S.NEW }).systemIds;
  await client.setDetails(id, { lshw });
  const { h } = inventoryOver(client);
  const d = await h['inventory.node']({ connectionId: 'local', systemId: id });
  expect(d.node.systemId).toBe(id);
  expect(d.hardware).toMatchObject({
    cpus: [{ product: 'AMD EPYC', count: 1 }], memoryBytes: 25769803776,
    disks: [{ name: '/dev/vda' }], nics: [{ name: 'eth0', mac: '02:fc:00:00:00:01', product: 'Virtio 1.0 network device', link: true }],
  });
  expect(d.lshwBytes).toBe(Buffer.byteLength(lshw));
  expect(d.powerParameters).toEqual({ power_address: '10.0.0.0', power_user: 'maas', power_pass: '••••••' });
  expect(JSON.stringify(d)).not.toContain('secret-0');
  expect(d.events.map((e) => e.type)).toContain('Hardware details uploaded');
  expect((await h['inventory.lshw']({ connectionId: 'local', systemId: id })).xml).toBe(lshw);
});

test('a restart answers from the disk cache at once (stale), then the refresh brings the changes as a delta', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 50 });
  const dataDir = tempDir('inv-cache-');
  const first = inventoryOver(client, { dataDir });
  expect((await first.h['inventory.list']({ connectionId: 'local' })).stale).toBe(false);
  await first.inv.close();

  // changed elsewhere while the console was closed
  region.core.tx(() => region.core.nodes.update(region.core.nodes.bySystemId(seeded.systemIds[0])!.id, { hostname: 'renamed' }));
  const listed = vi.fn(client.listNodes.bind(client));
  const second = inventoryOver({ ...client, listNodes: listed } as typeof client, { dataDir });
  const snap = await second.h['inventory.list']({ connectionId: 'local' });
  expect(snap.stale).toBe(true);
  expect(snap.nodes).toHaveLength(50);
  expect(snap.nodes.find((n) => n.systemId === seeded.systemIds[0])?.hostname).toBe(seeded.hostnames[0]);
  await vi.waitFor(() => expect(second.of('inventory.changed')).toHaveLength(1));
  expect(second.of('inventory.changed')[0]).toMatchObject({ upserts: [{ systemId: seeded.systemIds[0], hostname: 'renamed' }], removed: [] });
  expect(second.of('inventory.sync').at(-1)).toMatchObject({ fetching: false, error: null });
});

test('polling the shown connection brings changes made elsewhere', async () => {
  const { region, client } = await regionWithClient();
  seedNodes(region.core, { count: 5 });
  const inv = createInventory({ dataDir: tempDir('inv-poll-'), clientFor: async () => client, pollEveryMs: () => 40, emit: () => {} });
  onTestFinished(() => inv.close());
  await inv.handlers['inventory.list']({ connectionId: 'local' });
  const extra = seedNodes(region.core, { count: 1, hostnameOf: () => 'late-arrival', statusOf: () => S.NEW, idPrefix: 'late' });
  await vi.waitFor(() => expect(inv.lists.get('local', extra.systemIds[0])?.hostname).toBe('late-arrival'), { timeout: 5000 });
});

test('a failing server is asked less and less often, and normally again once it answers', async () => {
  vi.useFakeTimers();
  onTestFinished(() => { vi.useRealTimers(); });
  let fail = true;
  const listNodes = vi.fn(async () => { if (fail) throw new Error('connection refused'); return []; });
  const inv = createInventory({
    dataDir: tempDir('inv-backoff-'), clientFor: async () => ({ listNodes }) as never, pollEveryMs: () => 1000, emit: () => {},
  });
  onTestFinished(() => inv.close());
  await expect(inv.handlers['inventory.list']({ connectionId: 'remote-1' })).rejects.toThrow('connection refused');
  // reads at 0, 1 s, then 4 s, 8 s, 16 s apart (doubling per failure) — not every second
  await vi.advanceTimersByTimeAsync(30_000);
  expect(listNodes).toHaveBeenCalledTimes(5);
  expect(inv.lists.syncState('remote-1').error).toBe('connection refused');
  fail = false;
  await vi.advanceTimersByTimeAsync(31_500);
  expect(listNodes).toHaveBeenCalledTimes(6);
  expect(inv.lists.syncState('remote-1').error).toBeNull();
  await vi.advanceTimersByTimeAsync(3_000);
  expect(listNodes).toHaveBeenCalledTimes(9);
});
