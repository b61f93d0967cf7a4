// nodes op=list is kept until the database changes (api/node-list-cache.ts): every kind of
// change through the API, and a commit by another connection (another process), shows in the
// next list; one user's answer is never another's.
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
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
