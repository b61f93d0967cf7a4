// The change feed against the embedded region: a change made on the server by someone else
// reaches the inventory as a delta within a few feed ticks, with no whole-list read; a
// region that goes away makes ticks fail, and one that answers again brings a whole read.
import { expect, test } from 'vitest';
import type { NodeDelta } from '../../../src-shared/contract/inventory';
import { NodeStatus as S } from '../../../src-shared/maas/index';
import { ChangeFeed } from '../../../src-main/console/inventory/change-feed';
import { seedNodes } from '../../support/inventory-seed';
import { inventoryOver, regionWithClient } from './inventory-support';

test('a status changed on the server by another client arrives as a delta within the feed interval', async () => {
  const { region, client } = await regionWithClient();
  const seeded = seedNodes(region.core, { count: 40, statusOf: () => S.READY });
  const { h, of } = inventoryOver(client, { feedEveryMs: 100 });
  await h['inventory.list']({ connectionId: 'local' });
  // Let the first tick find where "now" is.
  await new Promise((r) => setTimeout(r, 300));
  const target = seeded.systemIds[7];
  const before = of('inventory.changed').length;
  const started = Date.now();
  await client.markBroken(target, 'fan');
  await expect.poll(() => of('inventory.changed').flatMap((d: NodeDelta) => d.upserts).findLast((n) => n.systemId === target)?.status,
    { timeout: 5000, interval: 20 }).toBe(S.BROKEN);
  expect(Date.now() - started).toBeLessThan(2000);
  // Only the named node was re-read: no delta carried the other 39.
  expect(new Set(of('inventory.changed').slice(before).flatMap((d) => d.upserts).map((n) => n.systemId))).toEqual(new Set([target]));
});

test('ticks that fail, then one that answers, ask for a whole read; nodes named by events are re-read', async () => {
  const calls: string[] = [];
  let up = true;
  let nextId = 10;
  const events: { id: number; systemId: string }[] = [];
  const feed = new ChangeFeed({
    clientFor: async () => ({
      queryEvents: async (q: { after?: number }) => {
        if (!up) throw new Error('connection refused');
        const page = events.filter((e) => q.after === undefined || e.id > q.after);
        return { count: page.length, events: page.map((e) => ({ ...e, hostname: e.systemId, level: 'INFO', created: '', type: 't', description: '' })) };
      },
    }) as never,
    reread: async (_id, ids) => { calls.push(`reread ${ids.join(',')}`); },
    resumed: (id) => { calls.push(`resumed ${id}`); },
    everyMs: () => 0,
  });
  events.push({ id: nextId++, systemId: 'old' });
  await feed.tick('c1'); // finds "now": nothing re-read
  events.push({ id: nextId++, systemId: 'a' }, { id: nextId++, systemId: 'b' }, { id: nextId++, systemId: 'a' });
  await feed.tick('c1');
  up = false;
  await feed.tick('c1');
  up = true;
  events.push({ id: nextId++, systemId: 'c' });
  await feed.tick('c1');
  await feed.tick('c1');
  expect(calls).toEqual(['reread a,b', 'resumed c1', 'reread c']);
});
