// A push that writes a node's lshw on the target (or creates the node) evicts the console's
// kept details of that node, so no view shows the lshw from before the push: with the target
// out of reach the old lshw is gone, and the next read keeps the pushed one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EMBEDDED_ID } from '../../../src-main/connections/index';
import { openSettingsDb } from '../../../src-main/connections/settings-db';
import { planPush } from '../../../src-main/console/fieldkit/push-plan';
import { PushJournal } from '../../../src-main/console/fieldkit/push-journal';
import { applyPush } from '../../../src-main/console/fieldkit/push-run';
import { startDatacenter, startFieldkitConsole, type Datacenter, type FieldkitConsole } from '../../support/fieldkit-console';

const LSHW = readFileSync(resolve(import.meta.dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');
const FIXTURE_MAC = '02:fc:00:00:00:01';
const withSerial = (serial: string, mac = FIXTURE_MAC) => LSHW.replace(FIXTURE_MAC, mac)
  .replace('<description>Computer</description>', `<description>Computer</description>\n <serial>${serial}</serial>`);

let fk: FieldkitConsole;
let dc: Datacenter;
let dcId: string;

beforeAll(async () => {
  dc = await startDatacenter();
  fk = await startFieldkitConsole();
  dcId = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
});
afterAll(async () => { await fk?.close(); await dc?.close(); });

test('after a push rewrites a node\'s lshw, the lshw kept from before is not shown', { timeout: 120_000 }, async () => {
  const c = await fk.composed.connections.clientFor(dcId);
  const there = await c.createNode({ hostname: 'r1-u1', architecture: 'amd64/generic', macAddresses: [FIXTURE_MAC] });
  await c.setDetails(there.systemId, { lshw: withSerial('SRV-BEFORE') });
  // The node panel reads it: its details are kept.
  expect((await fk.call('inventory.node', { connectionId: dcId, systemId: there.systemId })).hardware?.serial).toBe('SRV-BEFORE');

  await fk.call('fieldkit.capture', { hostname: 'r1-u1', macs: [FIXTURE_MAC] });
  expect((await fk.call('fieldkit.lshwImport', { files: [{ name: 'r1-u1.xml', text: withSerial('SRV-AFTER') }] })).attached).toHaveLength(1);
  const plan = await fk.call('fieldkit.pushPlan', { targetId: dcId });
  expect(plan.items.map((i) => [i.hostname, i.verdict, i.fields.map((f) => f.field)])).toEqual([['r1-u1', 'update', ['lshw']]]);
  expect((await fk.call('fieldkit.pushApply', { pushId: plan.pushId })).counts.done).toBe(1);

  await dc.stop();
  // Out of reach, nothing is kept of it any more (the old lshw was the wrong answer).
  expect((await fk.fail('inventory.lshw', { connectionId: dcId, systemId: there.systemId })).code).toBe('unreachable');
  await dc.start();
  expect((await fk.call('inventory.node', { connectionId: dcId, systemId: there.systemId })).hardware?.serial).toBe('SRV-AFTER');
  await dc.stop();
  expect((await fk.call('inventory.lshw', { connectionId: dcId, systemId: there.systemId })).xml).toContain('SRV-AFTER');
  await dc.start();
});

test('the push evicts on the target connection every node it created or whose lshw it sent, and no other', { timeout: 120_000 }, async () => {
  const local = await fk.composed.connections.clientFor(EMBEDDED_ID);
  const target = await fk.composed.connections.clientFor(dcId);
  const fresh = await local.createNode({ hostname: 'r1-u2', architecture: 'amd64/generic', macAddresses: ['02:fc:00:00:00:02'] });
  await local.setDetails(fresh.systemId, { lshw: withSerial('SRV-NEW', '02:fc:00:00:00:02') });
  const bare = await local.createNode({ hostname: 'r1-u3', architecture: 'amd64/generic', macAddresses: ['02:fc:00:00:00:03'] });
  const db = openSettingsDb(fk.dataDir);
  try {
    const journal = new PushJournal(db);
    const deps = { local: () => Promise.resolve(local), clientFor: () => Promise.resolve(target), nameOf: () => 'datacenter', localId: EMBEDDED_ID, journal };
    const plan = await planPush(deps, { targetId: dcId, systemIds: [fresh.systemId, bare.systemId] });
    expect(plan.items.map((i) => i.verdict)).toEqual(['create', 'create']);
    const evicted: [string, string[]][] = [];
    const report = await applyPush({ ...deps, progress: () => undefined, evictDetails: (id, ids) => evicted.push([id, ids]) }, plan.pushId);
    expect(report.counts.done).toBe(2);
    const made = new Map(report.items.map((i) => [i.sourceId, i.targetId!]));
    // The one with details is evicted once when created and once when its details are sent.
    expect(evicted.sort()).toEqual([[dcId, [made.get(bare.systemId)]], [dcId, [made.get(fresh.systemId)]], [dcId, [made.get(fresh.systemId)]]].sort());
  } finally {
    db.close();
  }
});
