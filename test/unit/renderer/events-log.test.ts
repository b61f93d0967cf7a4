// The renderer's event log state against an in-memory console client: local filters never
// ask the server again, server-side ones do; a paused log holds arrivals back.
import { flushSync } from 'svelte';
import { expect, test, vi } from 'vitest';
import type { ConsoleClient } from '../../../src-shared/contract/client';
import type { EventArrival, LoggedEvent } from '../../../src-shared/contract/events';
import { EventLog } from '../../../src-renderer/src/state/events.svelte';

const ev = (id: number, o: Partial<LoggedEvent> = {}): LoggedEvent => ({
  id, systemId: `node-${id % 3}`, hostname: `host-${id % 3}`, level: id % 4 ? 'INFO' : 'ERROR', created: '', at: 1_000 * id,
  type: id % 2 ? 'Node powered on' : 'Node changed status', description: `event ${id}`, ...o,
});

function fakeClient(total: number) {
  const calls: { channel: string; req: Record<string, unknown> }[] = [];
  let push: (a: EventArrival) => void = () => {};
  const history = Array.from({ length: total }, (_, i) => ev(total - i));
  const client = {
    call: async (channel: string, req: Record<string, unknown>) => {
      calls.push({ channel, req });
      if (channel === 'events.query') {
        const before = req.before as number | null;
        const run = history.filter((e) => before === null || e.id < before).slice(0, 10);
        return { ok: true, value: { events: run, matched: run.length, older: run.length === 10 ? run[9].id : null } };
      }
      if (channel === 'events.follow') return { ok: true, value: { followId: `f${calls.filter((c) => c.channel === 'events.follow').length}` } };
      if (channel === 'events.renew') return { ok: true, value: { renewed: false } };
      return { ok: true, value: { stopped: true } };
    },
    on: (_: string, h: (a: EventArrival) => void) => { push = h; return () => { push = () => {}; }; },
  } as unknown as ConsoleClient;
  return { client, calls, arrive: (a: EventArrival) => push(a) };
}

test('text, type and time filter what is loaded without asking the server; level re-reads', async () => {
  const { client, calls } = fakeClient(25);
  const log = new EventLog(client, 'lab');
  await log.reload();
  expect(log.rows.map((e) => e.id)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
  expect(calls.at(-1)).toMatchObject({ channel: 'events.follow', req: { after: 25 } });
  const n = calls.length;
  log.setFilter({ text: 'HOST-0' });
  flushSync();
  expect(log.rows.map((e) => e.id)).toEqual([24, 21, 18]);
  log.setFilter({ types: ['Node powered on'], from: 19_000 });
  expect(log.rows.map((e) => e.id)).toEqual([21]);
  expect(log.loaded).toBe(10);
  expect(calls).toHaveLength(n);
  log.setFilter({ minLevel: 'ERROR' });
  await new Promise((r) => setTimeout(r, 0));
  expect(calls.slice(n).map((c) => c.channel)).toEqual(['events.unfollow', 'events.query', 'events.follow']);
  expect(calls[n + 1].req).toMatchObject({ filter: { minLevel: 'ERROR', text: 'HOST-0' }, before: null });
  await log.dispose();
});

test('scrolling back appends the next older run until the history is whole', async () => {
  const { client } = fakeClient(25);
  const log = new EventLog(client, 'lab');
  await log.reload();
  await log.loadOlder();
  expect(log.loaded).toBe(20);
  await log.loadAll();
  expect(log.loaded).toBe(25);
  expect(log.older).toBeNull();
  expect(log.rows.at(-1)!.id).toBe(1);
});

test('following prepends arrivals; paused, they wait and are counted, then join in order', async () => {
  const { client, arrive } = fakeClient(5);
  const log = new EventLog(client, 'lab');
  await log.reload();
  arrive({ followId: 'f1', events: [ev(7), ev(6)], error: null });
  arrive({ followId: 'someone-else', events: [ev(99)], error: null });
  expect(log.rows.map((e) => e.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  log.pause();
  arrive({ followId: 'f1', events: [ev(8)], error: null });
  arrive({ followId: 'f1', events: [ev(10), ev(9)], error: 'lab: timed out' });
  expect(log.rows[0].id).toBe(7);
  expect(log.pending.map((e) => e.id)).toEqual([10, 9, 8]);
  expect(log.tailError).toBe('lab: timed out');
  log.follow();
  expect(log.rows.map((e) => e.id).slice(0, 4)).toEqual([10, 9, 8, 7]);
  expect(log.pending).toEqual([]);
  await log.dispose();
});

test('a follow that lapsed in main (a suspended laptop) is started again from the newest event held', async () => {
  vi.useFakeTimers();
  try {
    const { client, calls, arrive } = fakeClient(5);
    const log = new EventLog(client, 'lab');
    await log.reload();
    arrive({ followId: 'f1', events: [ev(6)], error: null });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.slice(-2).map((c) => [c.channel, c.req])).toEqual([
      ['events.renew', { followId: 'f1' }],
      ['events.follow', { connectionId: 'lab', filter: log.filter, after: 6 }],
    ]);
    arrive({ followId: 'f2', events: [ev(7)], error: null });
    expect(log.rows[0].id).toBe(7);
    await log.dispose();
  } finally {
    vi.useRealTimers();
  }
});

test('reading the whole history asks for whole runs (want = limit), scrolling back for a page of matches', async () => {
  const { client, calls } = fakeClient(45);
  const log = new EventLog(client, 'lab');
  await log.reload();
  await log.loadOlder();
  expect(calls.filter((c) => c.channel === 'events.query').at(-1)?.req).toMatchObject({ want: 1000, limit: 5000 });
  await log.loadAll();
  const bulk = calls.filter((c) => c.channel === 'events.query').slice(2);
  expect(bulk.length).toBeGreaterThan(0);
  for (const c of bulk) expect(c.req).toMatchObject({ want: 20_000, limit: 20_000, readAhead: true });
  expect(log.loaded).toBe(45);
  await log.dispose();
});
