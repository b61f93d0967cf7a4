import { afterEach, expect, test, vi } from 'vitest';
import type { EventArrival } from '../../../src-shared/contract/events';
import { emptyFilter, matcherOf } from '../../../src-shared/events/event-filter';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import type { EventsDeps } from '../../../src-main/console/events/deps';
import { exportEvents } from '../../../src-main/console/events/export-events';
import { LiveTails, MAX_FOLLOWS } from '../../../src-main/console/events/live-tail';
import { queryEvents, queryEventsAhead } from '../../../src-main/console/events/query-events';
import { FakeEventLog, threeNodes } from './fake-event-log';

afterEach(() => { vi.useRealTimers(); });

function setup(n = 0) {
  const log = new FakeEventLog(threeNodes);
  for (let i = 0; i < n; i++) log.record(i % 3, i % 10 === 0 ? 'ERROR' : 'INFO', i % 2 ? 'Node powered on' : 'Node changed status', `event ${i + 1}`);
  const arrivals: EventArrival[] = [];
  const deps: EventsDeps = {
    clientFor: async (id) => { if (id !== 'lab') throw new ConsoleFailure('not-found', `There is no connection with id ${id}.`); return log; },
    connectionOf: (id) => { if (id !== 'lab') throw new ConsoleFailure('not-found', `There is no connection with id ${id}.`); return { name: 'Lab', kind: 'remote' }; },
    emit: ((_: string, p: EventArrival) => arrivals.push(p)) as EventsDeps['emit'],
    pollMs: { embedded: 10, remote: 50 },
    now: () => new Date(Date.UTC(2026, 10, 23, 12)),
  };
  return { log, arrivals, deps };
}

test('reads newest first in whole MAAS pages of 1000 and says where the next older run starts', async () => {
  const { log, deps } = setup(2500);
  const s = await queryEvents(deps)({ connectionId: 'lab', filter: emptyFilter(), before: null, limit: 1500, want: 5000 });
  expect(s.events).toHaveLength(2000); // the page that reached 1,500 is kept whole
  expect(s.events[0].id).toBe(2500);
  expect(s.events.every((e, i) => i === 0 || e.id === s.events[i - 1].id - 1)).toBe(true);
  expect(s.older).toBe(501);
  expect(log.queries.map((q) => [q.limit, q.before])).toEqual([[1000, undefined], [1000, 1501]]);
  expect(s.events[0].at).toBe(log.start + 2500 * 1000);
  const rest = await queryEvents(deps)({ connectionId: 'lab', filter: emptyFilter(), before: s.older, limit: 5000, want: 5000 });
  expect(rest.events.map((e) => e.id)).toEqual(Array.from({ length: 500 }, (_, i) => 500 - i));
  expect(rest.older).toBeNull();
  const small = await queryEvents(deps)({ connectionId: 'lab', filter: emptyFilter(), before: null, limit: 10, want: 10 });
  expect([small.events.length, small.older]).toEqual([10, 2491]);
});

test('a MAAS 1.8 server (no `before`) is read by id windows: every event once, newest first, down to the first', async () => {
  const old = new FakeEventLog(threeNodes, undefined, '1.8');
  for (let i = 0; i < 2500; i++) old.record(i % 3, 'INFO', 'Node changed status', `event ${i + 1}`);
  const deps = { clientFor: async () => old };
  const first = await queryEvents(deps)({ connectionId: 'lab', filter: emptyFilter(), before: null, limit: 1500, want: 5000 });
  expect(first.events.map((e) => e.id)).toEqual(Array.from({ length: 2000 }, (_, i) => 2500 - i));
  expect(first.older).toBe(501);
  // The first page is the newest; older ones are `after=` windows below the cursor.
  expect(old.queries.map((q) => [q.before, q.after])).toEqual([[undefined, undefined], [undefined, 501]]);
  old.queries.length = 0;
  const rest = await queryEvents(deps)({ connectionId: 'lab', filter: emptyFilter(), before: first.older, limit: 5000, want: 5000 });
  expect(rest.events.map((e) => e.id)).toEqual(Array.from({ length: 500 }, (_, i) => 500 - i));
  expect(rest.older).toBeNull();
  // The `before` it ignores is asked once per run (1.8 answers it with the newest page, dropped), then windows.
  expect(old.queries.map((q) => [q.before, q.after])).toEqual([[501, undefined], [undefined, 0]]);
  // A sparse server-side filter: windows with none of its events are read and passed over.
  const bravo = await queryEvents(deps)({ connectionId: 'lab', filter: { ...emptyFilter(), systemIds: ['node-bbb'] }, before: 900, limit: 5000, want: 5000 });
  expect(bravo.events.map((e) => e.id)).toEqual(Array.from({ length: 899 }, (_, i) => 899 - i).filter((id) => (id - 1) % 3 === 1));
});

test('level, nodes and zone are sent to the server; the local filter decides when enough was read', async () => {
  const { log, deps } = setup(3000);
  const filter = { ...emptyFilter(), minLevel: 'ERROR' as const, zone: 'rack-12', text: 'event 2' };
  const s = await queryEvents(deps)({ connectionId: 'lab', filter, before: null, limit: 20_000, want: 3 });
  expect(log.queries[0]).toMatchObject({ level: 'ERROR', zone: ['rack-12'] });
  expect(s.events.every((e) => e.level === 'ERROR' && e.hostname !== 'alpha')).toBe(true);
  expect(s.events).toHaveLength(200); // every ERROR of rack-12: one short MAAS page, the whole history
  expect(s.matched).toBe(s.events.filter(matcherOf(filter)).length);
  expect(s.older).toBeNull();
  const many = new FakeEventLog(threeNodes);
  for (let i = 0; i < 5000; i++) many.record(i % 3, 'INFO', 'Node changed status', i % 100 ? 'routine' : 'rare');
  const rare = await queryEvents({ clientFor: async () => many })({ connectionId: 'lab', filter: { ...emptyFilter(), text: 'rare' }, before: null, limit: 20_000, want: 15 });
  expect([rare.events.length, rare.matched, rare.older]).toEqual([2000, 20, 3001]);
});

test('reading stops at the start of the time range: nothing older can match', async () => {
  const { log, deps } = setup(3000);
  const filter = { ...emptyFilter(), from: log.start + 2900 * 1000 };
  const s = await queryEvents(deps)({ connectionId: 'lab', filter, before: null, limit: 20_000, want: 20_000 });
  expect(s.events.map((e) => e.id)).toEqual(Array.from({ length: 101 }, (_, i) => 3000 - i));
  expect(s.older).toBeNull();
  expect(log.queries).toHaveLength(1);
});

test('an unknown connection is a not-found failure', async () => {
  const { deps } = setup();
  await expect(queryEvents(deps)({ connectionId: 'gone', filter: emptyFilter(), before: null, limit: 10, want: 10 }))
    .rejects.toMatchObject({ code: 'not-found' });
  expect(() => new LiveTails(deps).start('gone', emptyFilter(), 0)).toThrow(/no connection/);
});

test('a follow pushes what is recorded after it started, in order, with the filter applied', async () => {
  vi.useFakeTimers();
  const { log, deps, arrivals } = setup(5);
  const tails = new LiveTails(deps);
  const id = tails.start('lab', { ...emptyFilter(), hostnames: ['bravo'] }, 5);
  await vi.advanceTimersByTimeAsync(60);
  expect(arrivals).toEqual([]);
  log.record(0, 'INFO', 'Node powered on', 'not bravo');
  log.record(1, 'INFO', 'Node powered on', 'bravo on');
  log.record(1, 'WARNING', 'Failed to query node power state', 'bravo query');
  await vi.advanceTimersByTimeAsync(60);
  expect(arrivals).toHaveLength(1);
  expect(arrivals[0]).toMatchObject({ followId: id, error: null });
  expect(arrivals[0].events.map((e) => e.description)).toEqual(['bravo query', 'bravo on']);
  expect(log.queries.at(-1)).toMatchObject({ after: 5, hostname: ['bravo'] });
  await vi.advanceTimersByTimeAsync(60);
  expect(log.queries.at(-1)).toMatchObject({ after: 8 });
  expect(tails.stop(id)).toBe(true);
  const polls = log.queries.length;
  await vi.advanceTimersByTimeAsync(500);
  expect(log.queries).toHaveLength(polls);
});

test('a burst larger than a MAAS page arrives whole, read page by page', async () => {
  vi.useFakeTimers();
  const { log, deps, arrivals } = setup(1);
  const tails = new LiveTails(deps);
  tails.start('lab', emptyFilter(), 1);
  for (let i = 0; i < 2500; i++) log.record(2, 'INFO', 'Node changed status', `burst ${i}`);
  await vi.advanceTimersByTimeAsync(60);
  expect(arrivals).toHaveLength(1);
  const ids = arrivals[0].events.map((e) => e.id);
  expect(ids).toEqual(Array.from({ length: 2500 }, (_, i) => 2501 - i));
  tails.stopAll();
});

test('a failing server is reported, polled less often, and the recovery clears the error', async () => {
  vi.useFakeTimers();
  const { log, deps, arrivals } = setup(1);
  log.failNext = 2;
  const tails = new LiveTails(deps);
  tails.start('lab', emptyFilter(), 1);
  await vi.advanceTimersByTimeAsync(10);
  expect(arrivals[0].error).toMatch(/connection refused/);
  await vi.advanceTimersByTimeAsync(60);
  expect(arrivals).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(70);
  expect(arrivals).toHaveLength(2); // backing off: the third poll comes 100 ms after the second, at 150 ms
  await vi.advanceTimersByTimeAsync(20);
  expect(arrivals.at(-1)).toMatchObject({ error: null, events: [] });
  tails.stopAll();
});

test('follows nobody stopped are bounded: the oldest go first', async () => {
  vi.useFakeTimers();
  const { deps } = setup(1);
  const tails = new LiveTails(deps);
  const first = tails.start('lab', emptyFilter(), 0);
  for (let i = 0; i < MAX_FOLLOWS; i++) tails.start('lab', emptyFilter(), 0);
  expect(tails.size).toBe(MAX_FOLLOWS);
  expect(tails.stop(first)).toBe(false);
  tails.stopAll();
});

test('export walks the whole history, applies the local filter, and stops at its cap', async () => {
  const { deps } = setup(2500);
  const filter = { ...emptyFilter(), types: ['Node powered on'], text: 'event' };
  const all = await exportEvents(deps)({ connectionId: 'lab', filter, format: 'ndjson' });
  expect(all).toMatchObject({ count: 1250, truncated: false, mediaType: 'application/x-ndjson',
    filename: 'maas-events-lab-2026-11-23T12-00-00Z.ndjson' });
  const lines = all.content.trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(lines[0]).toMatchObject({ id: 2500, type: 'Node powered on' });
  expect(lines.every((l) => l.type === 'Node powered on')).toBe(true);
  const capped = await exportEvents(deps, 100)({ connectionId: 'lab', filter, format: 'csv' });
  expect(capped).toMatchObject({ count: 100, truncated: true, mediaType: 'text/csv; charset=utf-8' });
  expect(capped.content.trimEnd().split('\r\n')).toHaveLength(101);
});

test('a follow nobody renews stops by itself; a renewed one keeps polling', async () => {
  vi.useFakeTimers();
  const { log, deps } = setup(1);
  let clock = 0;
  const tails = new LiveTails({ ...deps, now: () => new Date(clock) });
  const kept = tails.start('lab', emptyFilter(), 1);
  const lapsed = tails.start('lab', emptyFilter(), 1);
  for (let t = 0; t < 90_000; t += 20_000) {
    clock = t;
    expect(tails.renew(kept)).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
  }
  clock = 100_000;
  await vi.advanceTimersByTimeAsync(100);
  expect(tails.renew(lapsed)).toBe(false);
  expect(tails.renew(kept)).toBe(true);
  expect(tails.size).toBe(1);
  const polls = log.queries.length;
  await vi.advanceTimersByTimeAsync(200);
  expect(log.queries.length).toBeGreaterThan(polls);
  tails.stopAll();
});

test('reading the whole history reads the next run ahead and hands it over once', async () => {
  const { log, deps } = setup(3000);
  const query = queryEventsAhead(deps);
  const ask = (before: number | null) => ({ connectionId: 'lab', filter: emptyFilter(), before, limit: 1000, want: 1000, readAhead: true });
  const first = await query(ask(null));
  expect(first.older).toBe(2001);
  await new Promise((r) => setTimeout(r, 0));
  const asked = log.queries.length;
  expect(asked).toBe(2); // the second run was read before anyone asked
  const second = await query(ask(first.older));
  expect(second.events[0].id).toBe(2000);
  expect(log.queries.length).toBe(asked + 1); // only the third run, read ahead in turn
  const third = await query(ask(second.older));
  expect(third.events.at(-1)!.id).toBe(1); // a full page: only the next (empty) answer says it was the end
  // Without readAhead (a view opening, a scroll back) nothing is read beyond what is asked.
  const quiet = queryEventsAhead(deps);
  const n = log.queries.length;
  await quiet({ ...ask(null), readAhead: false });
  await new Promise((r) => setTimeout(r, 0));
  expect(log.queries.length).toBe(n + 1);
});
