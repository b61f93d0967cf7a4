// The client at API 1.0 against the real embedded region (src-main/region, port 0, SQLite in
// a temp dir): the same calls the replay tests make at 2.0, answered by the real server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
import { createMaasClient, discoverApi } from '../../../src-main/maas-client/index';
import { startRegion } from '../../../src-main/region/start-region';
import { seedNodes } from '../../support/inventory-seed';

async function regionAndClient() {
  const dataDir = mkdtempSync(join(tmpdir(), 'client-region-'));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
  const region = await startRegion({ dataDir, port: 0, keyStorage: 'file', log: () => undefined });
  onTestFinished(() => region.close());
  // Node i: 0 New, 1 New, 2 Ready, 3 Allocated, 4 Deployed, 5 Broken
  const seeded = seedNodes(region.core, { count: 6, zones: 2, statusOf: (i) => ([0, 0, 4, 10, 6, 8] as const)[i] });
  const found = await discoverApi(region.url);
  const client = createMaasClient({ root: found.root, apiVersion: found.apiVersion, apiKey: region.createApiKey(), label: 'This laptop' });
  onTestFinished(() => client.close());
  return { region, client, found, ids: seeded.systemIds };
}

test('discovers API 1.0 and lists nodes with their real status', async () => {
  const { client, found, ids } = await regionAndClient();
  expect(found.apiVersion).toBe('1.0');
  const nodes = await client.listNodes();
  expect(nodes.map((n) => n.statusName)).toEqual(['New', 'New', 'Ready', 'Allocated', 'Deployed', 'Broken']);
  expect(nodes[3]).toMatchObject({ systemId: ids[3], status: 10, zone: 'rack-2', powerType: 'ipmi', tags: [] });
  expect((await client.listNodes({ systemIds: [ids[0], ids[5]] })).map((n) => n.systemId)).toEqual([ids[0], ids[5]]);
  expect((await client.getNode(ids[2])).macAddresses).toHaveLength(1);
});

test('bulk accept and a partly refused release, per node', async () => {
  const { client, ids } = await regionAndClient();
  expect(await client.acceptNodes([ids[0]])).toMatchObject({ status: 200, changed: [ids[0]], refused: [] });
  const rel = await client.releaseNodes([ids[3], ids[4], ids[1]]);
  expect(rel.status).toBe(409);
  // The 409 names the refused node only; the released ones are read back by whoever needs them.
  expect(rel.unreported.sort()).toEqual([ids[3], ids[4]].sort());
  expect(rel.refused).toEqual([ids[1]]);
  expect(rel.reasons[ids[1]]).toMatch(/New/);
  expect((await client.getNode(ids[3])).statusName).not.toBe('Allocated');
  const all = await client.acceptAllNodes();
  expect(all.changed).toEqual([ids[1]]);
});

test('node actions, zones, update and delete', async () => {
  const { client, ids } = await regionAndClient();
  expect((await client.markBroken(ids[2], 'PSU fan')).statusName).toBe('Broken');
  expect((await client.markFixed(ids[2])).statusName).toBe('Ready');
  await client.setZone([ids[0], ids[1]], 'rack-2');
  expect((await client.listNodes({ zone: 'rack-2' })).map((n) => n.systemId).sort()).toEqual([ids[0], ids[1], ids[3], ids[5]].sort());
  expect((await client.listZones()).map((z) => z.name)).toEqual(expect.arrayContaining(['default', 'rack-1', 'rack-2']));
  expect((await client.updateNode(ids[2], { hostname: 'renamed' })).hostname).toBe('renamed');
  await client.deleteNode(ids[5]);
  await expect(client.getNode(ids[5])).rejects.toMatchObject({ code: 'MAAS_ERR_STATUS', status: 404, message: expect.stringMatching(/This laptop .*GET nodes\/.+\/: HTTP 404/) });
});

test('details round trip (lshw as BSON), tags and their nodes', async () => {
  const { client, ids } = await regionAndClient();
  const lshw = readFileSync('test/fixtures/lshw/kvm-epyc-vm.xml', 'utf8');
  await client.setDetails(ids[2], { lshw });
  const d = await client.details(ids[2]);
  expect(d.lshw).toBe(lshw);
  expect(d.lldp).toBeNull();
  await client.createTag({ name: 'manual', comment: 'by hand' });
  expect(await client.updateTagNodes('manual', { add: [ids[0], ids[1]] })).toEqual({ added: 2, removed: 0 });
  expect((await client.tagNodes('manual')).map((n) => n.systemId).sort()).toEqual([ids[0], ids[1]].sort());
  expect((await client.updateTag('manual', { comment: 'still by hand' })).comment).toBe('still by hand');
  expect((await client.listTags()).map((t) => t.name)).toContain('manual');
  await client.deleteTag('manual');
  expect((await client.listTags()).map((t) => t.name)).not.toContain('manual');
});

test("events page newest first, older through MAAS's prev_uri and back through next_uri", async () => {
  const { client, ids } = await regionAndClient();
  for (const id of ids.slice(0, 2)) { await client.markBroken(id); await client.markFixed(id); }
  const first = await client.queryEvents({ limit: 2, level: 'DEBUG' });
  expect(first.events).toHaveLength(2);
  expect(first.events[0].id).toBeGreaterThan(first.events[1].id);
  expect(first.paging).toBe('cursor');
  const second = await client.queryEvents(first.older!);
  expect(second.events[0].id).toBeLessThan(first.events[1].id);
  const back = await client.queryEvents(second.newer!);
  expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
});

test('a key the region does not know is rejected', async () => {
  const { region, found } = await regionAndClient();
  const c = createMaasClient({ root: found.root, apiVersion: '1.0', apiKey: 'aaaa:bbbb:cccc', label: 'This laptop' });
  onTestFinished(() => c.close());
  await expect(c.checkKey()).rejects.toMatchObject({ code: 'MAAS_ERR_STATUS', status: 401 });
  expect(region.url).toMatch(/\/MAAS\/api\/1\.0\/$/);
});
