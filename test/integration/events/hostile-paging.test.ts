// The event use-cases against a server whose paging is hostile (test/support/hostile-maas.ts):
// one that answers the same page whatever cursor is asked, and one with an endless supply of
// new events. A read stops with an error naming the server instead of asking forever, and a
// live-tail poll reads a bounded number of pages, the next poll carrying on where it stopped.
import { afterEach, expect, test, vi } from 'vitest';
import { emptyFilter } from '../../../src-shared/events/event-filter';
import { createMaasClient } from '../../../src-main/maas-client/index';
import { eventsHandlers } from '../../../src-main/console/events/handlers';
import { MAX_POLL_PAGES, readNewer } from '../../../src-main/console/events/read-history';
import { startHostileMaas, type HostileRequest } from '../../support/hostile-maas';

vi.setConfig({ testTimeout: 60_000 });
const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

const event = (id: number) => ({
  id, node: 'm00001', hostname: 'node-1', level: 'INFO', created: 'Thu, 29 Jan. 2015 10:52:12', type: 'Node changed status', description: `event ${id}`,
});
const page = (ids: number[]) => JSON.stringify({
  count: ids.length, events: ids.map(event), next_uri: '/MAAS/api/2.0/events/?op=query&after=1', prev_uri: '/MAAS/api/2.0/events/?op=query&before=1',
});

async function setup(answer: (r: HostileRequest) => string) {
  const s = await startHostileMaas((r, a) => a.reply(200, answer(r)));
  open.push(s);
  const client = createMaasClient({ root: s.root, apiVersion: '2.0', apiKey: 'ck:tk:ts', label: 'lab', retries: 0 });
  open.push(client);
  const h = eventsHandlers({ clientFor: async () => client, connectionOf: () => ({ name: 'Lab', kind: 'remote' }), emit: () => {} });
  open.push(h);
  return { s, client, h: h.handlers };
}
const fullPage = (top: number) => Array.from({ length: 1000 }, (_, i) => top - i);

test('a server answering the same page whatever "before" is asked is read twice, then refused', async () => {
  const { s, h } = await setup(() => page(fullPage(5000)));
  const e = await Promise.resolve(h['events.query']({ connectionId: 'lab', filter: emptyFilter(), before: null, limit: 20_000, want: 20_000 })).then(() => null, (x: Error) => x);
  expect(e).toMatchObject({ code: 'unavailable' });
  expect(e?.message).toMatch(/^lab \(.*\): asked for events before 4001, the server answered events from 4001 again: its paging does not move, so reading stopped\.$/);
  expect(s.requests).toHaveLength(2);
  expect(s.requests[1].query.get('before')).toBe('4001');
});

test('an endless supply of new events: one poll reads a bounded number of pages, the next carries on', async () => {
  const { s, client } = await setup((r) => {
    const after = Number(r.query.get('after'));
    return page(Array.from({ length: 1000 }, (_, i) => after + 1000 - i));
  });
  const first = await readNewer(client, emptyFilter(), 0);
  expect(first).toHaveLength(MAX_POLL_PAGES * 1000);
  expect(s.requests).toHaveLength(MAX_POLL_PAGES);
  expect(first[0].id).toBe(MAX_POLL_PAGES * 1000);
  const next = await readNewer(client, emptyFilter(), first[0].id);
  expect(next.at(-1)!.id).toBe(first[0].id + 1);
});
