// Every remote server browsable offline: what the console read from a server —
// node list, a node's detail and lshw, tags, zones, recent events — is kept in the settings
// database, and with the server stopped the inventory, node detail, raw lshw, bulk choices,
// tags and events still answer from it, marked with the time it was read; after a restart
// of the console too. Never a secret in it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { memoryKeychain } from '../../../src-main/connections/index';
import { emptyFilter } from '../../../src-shared/events/event-filter';
import type { PreviewEnd } from '../../../src-shared/contract/tags';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';
import { seedNodes } from '../../support/inventory-seed';

const LSHW = readFileSync(join(__dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'));
const keychain = memoryKeychain();
const dataDir = mkdtempSync(join(tmpdir(), 'maas-offline-browse-'));
let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;
let ids: string[];
const readAt: Record<string, number> = {};

beforeAll(async () => {
  dc = await startDatacenter();
  const core = dc.region().core;
  ids = seedNodes(core, { count: 8, idPrefix: 'ob', zones: 2, hostnameOf: (i) => `ob-${i}` }).systemIds;
  core.tx(() => {
    core.details.set(core.nodes.bySystemId(ids[0])!.id, LSHW, null);
    core.details.set(core.nodes.bySystemId(ids[1])!.id, LSHW, null);
    for (const [i, id] of ids.entries()) core.events.record(core.nodes.bySystemId(id)!.id, 'NODE_POWERED_ON', `floor check ${i}`);
  });
  fk = await startFieldkitConsole({ dataDir, keychain });
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
  // Browse it while it answers: the inventory, one node's detail, the tags, the events.
  readAt.before = Date.now();
  expect((await fk.call('inventory.list', { connectionId: dcId })).nodes).toHaveLength(8);
  const online = await fk.call('inventory.node', { connectionId: dcId, systemId: ids[0] });
  expect(online.offlineAsOf).toBeNull();
  expect(online.hardware).not.toBeNull();
  await fk.call('tags.list', { connectionId: dcId });
  await fk.call('details.fetchAll', { connectionId: dcId, all: false }); // the Tags view's fetch of every node's details
  await fk.call('inventory.choices', { connectionId: dcId });
  const live = await fk.call('events.query', { connectionId: dcId, filter: emptyFilter(), before: null, want: 50, limit: 1000 });
  expect(live.offlineAsOf ?? null).toBeNull();
  await fk.close();
  await dc.stop();
  readAt.after = Date.now();
  fk = await startFieldkitConsole({ dataDir, keychain });
}, 120_000);

afterAll(async () => { await fk?.close(); await dc?.close(); rmSync(dataDir, { recursive: true, force: true }); });

const asOfOk = (iso: string | null | undefined) => {
  expect(iso).toEqual(expect.any(String));
  const t = Date.parse(iso!);
  expect(t).toBeGreaterThanOrEqual(readAt.before - 1000);
  expect(t).toBeLessThanOrEqual(readAt.after);
};

test('the inventory opens from the snapshot after a restart, with the time it was read', async () => {
  const list = await fk.call('inventory.list', { connectionId: dcId });
  expect(list.nodes.map((n) => n.hostname).sort()).toEqual(ids.map((_, i) => `ob-${i}`).sort());
  expect(list.stale).toBe(true);
  asOfOk(list.fetchedAt);
});

test('a node read before opens offline with its hardware, masked power and events; its raw lshw too', async () => {
  const d = await fk.call('inventory.node', { connectionId: dcId, systemId: ids[0] });
  asOfOk(d.offlineAsOf);
  expect(d.node.hostname).toBe('ob-0');
  expect(d.hardware?.cpus.length).toBeGreaterThan(0);
  expect(d.powerParameters).toMatchObject({ power_address: '10.0.0.0', power_user: 'maas', power_pass: '••••••' });
  expect(d.events.map((e) => e.description)).toContain('floor check 0');
  const { xml } = await fk.call('inventory.lshw', { connectionId: dcId, systemId: ids[0] });
  expect(xml).toBe(LSHW.toString('utf8'));
});

test('a node never opened shows what the node list and events had, and says power was not read', async () => {
  const d = await fk.call('inventory.node', { connectionId: dcId, systemId: ids[3] });
  asOfOk(d.offlineAsOf);
  expect(d.node.hostname).toBe('ob-3');
  expect(d.powerParameters).toBeNull();
  expect(d.powerParametersProblem).toMatch(/not read/i);
  expect(d.events.map((e) => e.description)).toContain('floor check 3');
  expect(d.hardware).toBeNull();
  // The Tags view's details fetch found it had none: that is known offline too.
  expect((await fk.call('inventory.lshw', { connectionId: dcId, systemId: ids[3] })).xml).toBeNull();
});

test('a node never opened whose details the Tags view fetched shows its hardware and raw lshw offline', async () => {
  const d = await fk.call('inventory.node', { connectionId: dcId, systemId: ids[1] });
  asOfOk(d.offlineAsOf);
  expect(d.hardware?.cpus.length).toBeGreaterThan(0);
  expect(d.lshwBytes).toBe(LSHW.length);
  expect((await fk.call('inventory.lshw', { connectionId: dcId, systemId: ids[1] })).xml).toBe(LSHW.toString('utf8'));
});

test('events, their zones and the bulk dialogs\' choices answer from the snapshot, filtered as the server would', async () => {
  const all = await fk.call('events.query', { connectionId: dcId, filter: emptyFilter(), before: null, want: 50, limit: 1000 });
  asOfOk(all.offlineAsOf);
  expect(all.older).toBeNull();
  expect(all.events.filter((e) => e.description.startsWith('floor check'))).toHaveLength(8);
  const rack2 = await fk.call('events.query', { connectionId: dcId, filter: { ...emptyFilter(), zone: 'rack-2' }, before: null, want: 50, limit: 1000 });
  expect(new Set(rack2.events.map((e) => e.hostname))).toEqual(new Set(['ob-1', 'ob-3', 'ob-5', 'ob-7']));
  const one = await fk.call('events.query', { connectionId: dcId, filter: { ...emptyFilter(), hostnames: ['ob-6'], text: 'floor' }, before: null, want: 50, limit: 1000 });
  expect(one.events.every((e) => e.hostname === 'ob-6')).toBe(true);
  expect(one.matched).toBe(1);
  expect(await fk.call('events.zones', { connectionId: dcId })).toEqual(expect.arrayContaining(['rack-1', 'rack-2']));
  const choices = await fk.call('inventory.choices', { connectionId: dcId });
  expect(choices.zones).toEqual(expect.arrayContaining(['rack-1', 'rack-2']));
  expect(choices.tags).toEqual(expect.arrayContaining(['ssd', 'gpu']));
});

test('tags open offline, marked as read from the cache with the time, and the XPath preview runs on the details kept', async () => {
  const t = await fk.call('tags.list', { connectionId: dcId });
  expect(t.fromCache).toBe(true);
  asOfOk(t.at);
  expect(t.tags.map((x) => x.name)).toEqual(expect.arrayContaining(['ssd', 'gpu']));
  // The fixture's CPU is an AMD EPYC: the two nodes with its lshw match, the rest have none.
  const end = new Promise<PreviewEnd>((resolve) => fk.on('tags.preview.end', (e) => { if (e.previewId === 'offline-1') resolve(e); }));
  await fk.call('tags.preview', { connectionId: dcId, definition: '//node[@class="processor"]/vendor = "Advanced Micro Devices [AMD]"', previewId: 'offline-1' });
  const done = await end;
  expect(done.outcome).toBe('complete');
  expect(done.matched.sort()).toEqual([ids[0], ids[1]].sort());
});

test('no secret reached the settings database', () => {
  for (const f of ['settings.sqlite', 'settings.sqlite-wal']) {
    let bytes: Buffer;
    try { bytes = readFileSync(join(dataDir, f)); } catch { continue; }
    expect(bytes.includes('secret-')).toBe(false);
    expect(bytes.includes(dc.apiKey.split(':')[2])).toBe(false);
  }
});

test('back online, the views read the server again', async () => {
  await dc.start();
  const d = await fk.call('inventory.node', { connectionId: dcId, systemId: ids[0] });
  expect(d.offlineAsOf).toBeNull();
  const ev = await fk.call('events.query', { connectionId: dcId, filter: emptyFilter(), before: null, want: 50, limit: 1000 });
  expect(ev.offlineAsOf ?? null).toBeNull();
});

test('removing the connection removes what was kept of it', async () => {
  const db = new Database(join(dataDir, 'settings.sqlite'), { readonly: true });
  try {
    const kept = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t} WHERE connection_id = ?`).get(dcId) as { n: number }).n;
    expect(kept('remote_snapshots')).toBeGreaterThan(0);
    expect(kept('node_details')).toBeGreaterThan(0);
    await fk.call('connections.remove', { id: dcId });
    expect(db.prepare('SELECT count(*) AS n FROM remote_snapshots WHERE connection_id = ?').get(dcId)).toEqual({ n: 0 });
    for (const t of ['node_details', 'tag_nodes', 'tag_lists', 'details_syncs']) expect(kept(t)).toBe(0);
  } finally { db.close(); }
});
