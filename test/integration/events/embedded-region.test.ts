// The event use-cases against the real embedded region (API 1.0 over SQLite, 127.0.0.1:0)
// through the console's MaasClient: actions on nodes arrive on a live tail; filters and
// paging are the region's own.
import { expect, onTestFinished, test, vi } from 'vitest';
import type { EventArrival, LoggedEvent } from '../../../src-shared/contract/events';
import { emptyFilter } from '../../../src-shared/events/event-filter';
import { unpackEvents } from '../../../src-shared/events/event-wire';
import { createMaasClient } from '../../../src-main/maas-client/index';
import { eventsHandlers } from '../../../src-main/console/events/handlers';
import { client as rawClient, enlist, testRegion } from '../region/helpers';

async function setup() {
  const region = await testRegion();
  const key = region.createApiKey();
  const maas = createMaasClient({ root: region.url.replace(/api\/1\.0\/$/, ''), apiVersion: '1.0', apiKey: key, label: 'This laptop' });
  onTestFinished(() => maas.close());
  const arrivals: EventArrival[] = [];
  const h = eventsHandlers({
    clientFor: async () => maas, connectionOf: () => ({ name: 'This laptop', kind: 'embedded' }),
    emit: ((_: string, a: EventArrival) => arrivals.push(a)) as never, pollMs: { embedded: 20, remote: 1000 },
  });
  onTestFinished(() => h.close());
  const ids = await enlist(rawClient(region, key), 3, { anonymous: true });
  return { region, maas, h: h.handlers, arrivals, ids };
}

const arrived = (arrivals: EventArrival[], followId: string): LoggedEvent[] =>
  arrivals.filter((a) => a.followId === followId).flatMap((a) => a.events);

test('accepting, tagging and uploading details on the region arrive on the live tail, newest first', async () => {
  const { maas, h, arrivals, ids } = await setup();
  const start = await h['events.query']({ connectionId: 'local', filter: emptyFilter(), before: null, limit: 100, want: 100 });
  const { followId } = await h['events.follow']({ connectionId: 'local', filter: emptyFilter(), after: start.events[0]?.id ?? 0 });

  await maas.acceptNodes([ids[0], ids[1]]);
  await maas.createTag({ name: 'rack-a' });
  await maas.updateTagNodes('rack-a', { add: [ids[2]] });
  await vi.waitFor(() => expect(arrived(arrivals, followId)).toHaveLength(3), { timeout: 5000, interval: 20 });

  const got = arrived(arrivals, followId);
  expect(got.map((e) => e.type).sort()).toEqual(['Node changed status', 'Node changed status', 'Tag added to node']);
  expect(got.find((e) => e.type === 'Tag added to node')).toMatchObject({ systemId: ids[2], level: 'INFO', description: "Tag 'rack-a' added" });
  expect(got.every((e) => e.at !== null && Math.abs(e.at - Date.now()) < 60_000)).toBe(true);
  const ids2 = got.map((e) => e.id);
  expect(new Set(ids2).size).toBe(3);
  expect(Math.min(...ids2)).toBeGreaterThan(start.events[0]?.id ?? 0);
  await h['events.unfollow']({ followId });
});

test('level, node and paging are the region\'s own filters; text and type are applied by the console', async () => {
  const { maas, h, ids } = await setup();
  await maas.acceptNodes(ids);
  await maas.createTag({ name: 'gpu' });
  await maas.updateTagNodes('gpu', { add: ids });
  const all = await h['events.query']({ connectionId: 'local', filter: { ...emptyFilter(), minLevel: 'DEBUG' }, before: null, limit: 1000, want: 1000 });
  expect(all.older).toBeNull();
  // Asked packed, the same run comes as strings and numbers (event-wire.ts), nothing in `events`.
  const packed = await h['events.query']({ connectionId: 'local', filter: { ...emptyFilter(), minLevel: 'DEBUG' }, before: null, limit: 1000, want: 1000, packed: true });
  expect(packed.events).toEqual([]);
  expect(unpackEvents(packed.packed!)).toEqual(all.events);
  const byNode = await h['events.query']({ connectionId: 'local', filter: { ...emptyFilter(), systemIds: [ids[1]] }, before: null, limit: 1000, want: 1000 });
  expect(byNode.events.length).toBeGreaterThan(0);
  expect(byNode.events.every((e) => e.systemId === ids[1])).toBe(true);
  const host = byNode.events[0].hostname;
  const byHost = await h['events.query']({ connectionId: 'local', filter: { ...emptyFilter(), hostnames: [host] }, before: null, limit: 1000, want: 1000 });
  expect(byHost.events.map((e) => e.id)).toEqual(byNode.events.map((e) => e.id));
  const errors = await h['events.query']({ connectionId: 'local', filter: { ...emptyFilter(), minLevel: 'ERROR' }, before: null, limit: 1000, want: 1000 });
  expect(errors.events).toEqual([]);

  const paged: number[] = [];
  let before: number | null = null;
  do {
    const s = await h['events.query']({ connectionId: 'local', filter: emptyFilter(), before, limit: 2, want: 2 });
    paged.push(...s.events.map((e) => e.id));
    before = s.older;
  } while (before !== null);
  const whole = await h['events.query']({ connectionId: 'local', filter: emptyFilter(), before: null, limit: 1000, want: 1000 });
  expect(paged).toEqual(whole.events.map((e) => e.id));

  const tagged = await h['events.export']({ connectionId: 'local', filter: { ...emptyFilter(), types: ['Tag added to node'], text: 'gpu' }, format: 'ndjson' });
  expect(tagged.count).toBe(3);
  expect(tagged.content.trimEnd().split('\n').map((l) => JSON.parse(l).system_id).sort()).toEqual([...ids].sort());
});
