// nodes op=list is kept until the database changes (api/node-list-cache.ts): every kind of
// change through the API, and a commit by another connection (another process), shows in the
// next list; one user's answer is never another's; nodes kept one by one are rebuilt when
// anything they show changes (db/migrations/0060-node-revisions.ts).
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { nodesListJsonText } from '../../../src-main/region/api/node-list-json';
import { client, enlist, testRegion } from './helpers';

test('a kept list is never stale: API changes and other connections\' commits show at once', async () => {
  const region = await testRegion();
  const admin = client(region);
  const list = async () => (await admin('nodes/', { query: { op: 'list' } })).json() as { system_id: string; hostname: string; tag_names: string[]; zone: { name: string } }[];
  const [a] = await enlist(admin, 2);
  const first = await list();
  expect(first).toHaveLength(2);
  expect(await list()).toEqual(first);
  await admin(`nodes/${a}/`, { method: 'PUT', multipart: { hostname: 'renamed' } });
  expect((await list()).find((n) => n.system_id === a)!.hostname).toBe('renamed');
  await admin('tags/', { query: { op: 'new' }, multipart: { name: 'gpu', definition: '' } });
  await admin('tags/gpu/', { query: { op: 'update_nodes' }, multipart: { add: a } });
  expect((await list()).find((n) => n.system_id === a)!.tag_names).toEqual(['gpu']);
  await admin('zones/', { multipart: { name: 'rack-2' } });
  await admin(`nodes/${a}/`, { method: 'PUT', multipart: { zone: 'rack-2' } });
  expect((await list()).find((n) => n.system_id === a)!.zone.name).toBe('rack-2');
  // Another connection (as another region process would) commits: the next list sees it.
  const other = new Database(region.core.db.name);
  other.prepare("UPDATE nodes SET hostname = 'from-elsewhere' WHERE system_id = ?").run(a);
  other.close();
  expect((await list()).find((n) => n.system_id === a)!.hostname).toBe('from-elsewhere');
  await admin(`nodes/${a}/`, { method: 'DELETE' });
  expect((await list()).map((n) => n.system_id)).not.toContain(a);
});

test('each user gets their own list: a non-admin never receives the admin\'s kept answer', async () => {
  const region = await testRegion();
  const admin = client(region);
  const alice = client(region, region.createApiKey('alice'));
  const [a, b] = await enlist(admin, 2);
  await admin('nodes/', { query: { op: 'accept' }, multipart: { nodes: [a, b] } });
  region.core.tx(() => region.core.db.prepare('UPDATE nodes SET owner_id = (SELECT id FROM users WHERE username = ?) WHERE system_id = ?').run('admin', b));
  expect((await admin('nodes/', { query: { op: 'list' } })).json()).toHaveLength(2);
  expect((await alice('nodes/', { query: { op: 'list' } })).json().map((n: { system_id: string }) => n.system_id)).toEqual([a]);
  expect((await admin('nodes/', { query: { op: 'list', id: a } })).json()).toHaveLength(1);
});

test('nodes kept one by one are rebuilt when anything they show changes, by any writer: the list always equals one built afresh', async () => {
  const region = await testRegion();
  const admin = client(region);
  const db = region.core.db;
  const listed = async () => (await admin('nodes/', { query: { op: 'list' } })).text;
  const fresh = () => nodesListJsonText(db, { installable: true });
  const [a, b] = await enlist(admin, 3);
  const idOf = (systemId: string) => region.core.nodes.bySystemId(systemId)!.id;
  await listed(); // every node kept
  // Each change goes through the API or through another connection (another process).
  const other = new Database(db.name);
  const changes: [string, () => unknown][] = [
    ['rename a node', () => admin(`nodes/${a}/`, { method: 'PUT', multipart: { hostname: 'renamed' } })],
    ['add a MAC', () => other.prepare("INSERT INTO macs (node_id, mac, created) VALUES (?, '52:54:00:ee:ee:01', 'now')").run(idOf(a))],
    ['move a MAC to another node', () => other.prepare("UPDATE macs SET node_id = ? WHERE mac = '52:54:00:ee:ee:01'").run(idOf(b))],
    ['remove a MAC', () => other.prepare("DELETE FROM macs WHERE mac = '52:54:00:ee:ee:01'").run()],
    ['tag nodes', async () => {
      await admin('tags/', { query: { op: 'new' }, multipart: { name: 'gpu', definition: '' } });
      await admin('tags/gpu/', { query: { op: 'update_nodes' }, multipart: { add: [a, b] } });
    }],
    ['rename the tag', () => admin('tags/gpu/', { method: 'PUT', multipart: { name: 'accelerator' } })],
    ['untag a node', () => admin('tags/accelerator/', { query: { op: 'update_nodes' }, multipart: { remove: b } })],
    ['delete the tag', () => admin('tags/accelerator/', { method: 'DELETE' })],
    ['give a node a sticky IP', () => other.prepare("INSERT INTO static_ips (ip, alloc_type, node_id, mac_address, created) VALUES ('10.0.0.9', 1, ?, NULL, 'now')").run(idOf(a))],
    ['move the IP', () => other.prepare("UPDATE static_ips SET node_id = ? WHERE ip = '10.0.0.9'").run(idOf(b))],
    ['release the IP', () => other.prepare("DELETE FROM static_ips WHERE ip = '10.0.0.9'").run()],
    ['own a node', () => other.prepare("UPDATE nodes SET owner_id = (SELECT id FROM users WHERE username = 'admin') WHERE id = ?").run(idOf(a))],
    ['rename its owner', () => other.prepare("UPDATE users SET username = 'root' WHERE username = 'admin'").run()],
    ['rename and describe the zone', () => admin('zones/default/', { method: 'PUT', multipart: { description: 'the rack' } })],
    ['delete a node and enlist another (its id may be reused)', async () => {
      await admin(`nodes/${b}/`, { method: 'DELETE' });
      await enlist(admin, 1);
    }],
  ];
  for (const [what, change] of changes) {
    await change();
    expect(await listed(), what).toBe(fresh());
  }
  other.close();
});
