// One home for node details, seen by every view, against the embedded region: the details
// the node panel fetched are the ones the Tags view's explorer and preview use (no second
// fetch, LLDP included), the fleet's find and tag preview see them, and the details the Tags
// view fetched give the node panel its hardware and raw lshw when the server is out of reach.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { ConnectionView } from '../../../src-shared/contract/connections';
import type { PreviewEnd } from '../../../src-shared/contract/tags';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { openSettingsDb } from '../../../src-main/connections/settings-db';
import { NodeDetailsStore } from '../../../src-main/console/details/node-details-store';
import { fleetHandlers, fleetServerNodes } from '../../../src-main/console/fleet/fleet-handlers';
import { FleetTagPreviewer } from '../../../src-main/console/fleet/fleet-tag-preview';
import { createInventory } from '../../../src-main/console/inventory/index';
import { SnapshotStore } from '../../../src-main/console/snapshot/snapshot-store';
import { tagsArea } from '../../../src-main/console/tags/tags-handlers';
import type { MaasClient } from '../../../src-main/maas-client/index';
import { createPreviewCorpus } from '../../../src-main/xpath/index';
import { seedNodes } from '../../support/inventory-seed';
import { LLDP_SAMPLE } from '../../unit/xpath/samples';
import { regionWithClient, tempDir } from '../inventory/inventory-support';

const fixture = readFileSync(resolve(import.meta.dirname, '../../fixtures/lshw/kvm-epyc-vm.xml'), 'utf8');
const withSerial = (serial: string) => fixture.replace('<description>Computer</description>', `<description>Computer</description>\n <serial>${serial}</serial>`);

test('every view reads node details through the one home', { timeout: 120_000 }, async () => {
  const { region, client } = await regionWithClient();
  const [a, b] = seedNodes(region.core, { count: 2, statusOf: () => S.READY }).systemIds;
  await client.setDetails(a, { lshw: withSerial('SRV-A'), lldp: LLDP_SAMPLE });
  await client.setDetails(b, { lshw: withSerial('SRV-B') });

  const dataDir = tempDir('one-home-');
  const db = openSettingsDb(dataDir);
  const details = new NodeDetailsStore(db);
  const snapshots = new SnapshotStore(db, details);
  const fetched: string[] = [];
  let offline = false;
  const counting = { ...client, details: async (id: string) => { fetched.push(id); return client.details(id); } } as MaasClient;
  const clientFor = async () => { if (offline) throw new ConsoleFailure('unreachable', 'The server did not answer.'); return counting; };
  const ends = new Map<string, (e: PreviewEnd) => void>();
  const inv = createInventory({ dataDir, clientFor, emit: () => {}, snapshots, details, pollEveryMs: () => 0, feedEveryMs: () => 0 });
  const tags = tagsArea({ dataDir, db, details, clientFor, corpus: () => createPreviewCorpus({ workers: 1 }),
    emit: (event, payload) => { if (event === 'tags.preview.end') ends.get((payload as PreviewEnd).previewId)?.(payload as PreviewEnd); } });
  const connection = { id: 'local', name: 'This laptop', health: 'online' } as ConnectionView;
  const fleetPreview = new FleetTagPreviewer({ details, servers: fleetServerNodes(() => [connection], inv.lists), corpus: () => createPreviewCorpus({ workers: 1 }) });
  const fleet = fleetHandlers({ connections: () => [connection], lists: inv.lists, details, tagPreview: fleetPreview });
  onTestFinished(async () => { await fleetPreview.close(); await tags.close(); await inv.close(); db.close(); });
  const preview = (definition: string, previewId: string) => {
    const done = new Promise<PreviewEnd>((resolve) => ends.set(previewId, resolve));
    void tags.handlers['tags.preview']({ connectionId: 'local', definition, previewId });
    return done;
  };

  // The node panel reads node a: its details are kept whole.
  await inv.handlers['inventory.list']({ connectionId: 'local' });
  expect((await inv.handlers['inventory.node']({ connectionId: 'local', systemId: a })).hardware?.serial).toBe('SRV-A');
  expect(fetched).toEqual([a]);

  // The Tags view: the explorer and the status use what the panel fetched, without asking again.
  const explored = await tags.handlers['details.get']({ connectionId: 'local', systemId: a });
  expect(explored.lshw).toBe(details.get('local', a)?.lshw);
  expect(explored.lshw).toContain('<serial>SRV-A</serial>');
  expect(explored.lldp).toContain('switch01');
  const status = await tags.handlers['details.status']({ connectionId: 'local' });
  expect(status).toMatchObject({ cached: 1, stale: 1 }); // a is current (same fingerprint), b never fetched
  expect(fetched).toEqual([a]);
  // ... and so does its preview, LLDP included.
  expect((await preview('//lldp:chassis/lldp:name = "switch01"', 'p1')).matched).toEqual([a]);

  // The fleet: find anywhere by the serial the panel read, and the tag preview across servers.
  expect((await fleet['fleet.find']({ text: 'SRV-A' })).hits.map((h) => h.systemId)).toEqual([a]);
  expect((await fleet['fleet.tagPreview']({ definition: '//lldp:chassis' })).servers).toMatchObject([{ connectionId: 'local', matched: 1, previewed: 1, matches: [{ systemId: a }] }]);

  // The Tags view fetches what is missing (b only); those details reach the fleet preview too.
  expect(await tags.handlers['details.fetchAll']({ connectionId: 'local', all: false })).toMatchObject({ fetched: 1, reused: 1 });
  expect(fetched).toEqual([a, b]);
  expect((await preview('//node[@class="system"]/serial = "SRV-B"', 'p2')).matched).toEqual([b]);
  expect((await fleet['fleet.tagPreview']({ definition: '/list' })).servers[0]).toMatchObject({ previewed: 2, matched: 2 });

  // Out of reach: the node panel shows b's hardware and raw lshw from the details the Tags view kept.
  offline = true;
  const panel = await inv.handlers['inventory.node']({ connectionId: 'local', systemId: b });
  expect(panel.offlineAsOf).not.toBeNull();
  expect(panel.hardware?.serial).toBe('SRV-B');
  expect((await inv.handlers['inventory.lshw']({ connectionId: 'local', systemId: b })).xml).toContain('<serial>SRV-B</serial>');
  expect((await inv.handlers['inventory.node']({ connectionId: 'local', systemId: a })).hardware?.serial).toBe('SRV-A');
});
