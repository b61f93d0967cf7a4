// The event use-cases against servers answering as MAAS 1.x (API 1.0) and MAAS 2.x (API 2.0),
// over real HTTP through the console's MaasClient: paging, the parameters sent, export.
import { afterEach, describe, expect, test } from 'vitest';
import { emptyFilter } from '../../../src-shared/events/event-filter';
import { createMaasClient, discoverApi } from '../../../src-main/maas-client/index';
import type { EventsDeps } from '../../../src-main/console/events/deps';
import { eventsHandlers } from '../../../src-main/console/events/handlers';
import { machine } from '../../support/maas-replay-fixtures';
import { startReplayServer } from '../../support/maas-replay-server';

const KEY = 'ck1:tk1:ts1';
const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => { for (const c of open.splice(0).reverse()) await c.close(); });

async function setup(api: '1.0' | '2.0') {
  const s = await startReplayServer({ api, apiKey: KEY, machines: [machine(1, 0), machine(2, 4, { zone: 'rack-12' })] });
  open.push(s);
  const found = await discoverApi(s.root);
  const client = createMaasClient({ root: found.root, apiVersion: found.apiVersion, apiKey: KEY, label: 'lab' });
  open.push(client);
  const deps: EventsDeps = {
    clientFor: async () => client, connectionOf: () => ({ name: 'Lab', kind: 'remote' }), emit: () => {},
  };
  const h = eventsHandlers(deps);
  open.push(h);
  return { s, h: h.handlers };
}

describe.each(['1.0', '2.0'] as const)('API %s', (api) => {
  test('reads the history page by page, newest first, with the server-side filters on the wire', async ({ expect }) => {
    const { s, h } = await setup(api);
    const filter = { ...emptyFilter(), minLevel: 'DEBUG' as const, hostnames: ['node-3'], zone: 'rack-12' };
    const first = await h['events.query']({ connectionId: 'lab', filter: emptyFilter(), before: null, limit: 10, want: 10 });
    expect(first.events.map((e) => e.id)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(first.events[0]).toMatchObject({ type: 'Node changed status', at: Date.UTC(2015, 0, 29, 10, 52, 12) });
    const rest = await h['events.query']({ connectionId: 'lab', filter: emptyFilter(), before: first.older, limit: 100, want: 100 });
    expect(rest.events.map((e) => e.id)).toEqual(Array.from({ length: 15 }, (_, i) => 15 - i));
    expect(rest.older).toBeNull();

    await h['events.query']({ connectionId: 'lab', filter, before: null, limit: 100, want: 100 });
    const q = s.requests.filter((r) => r.path === `/MAAS/api/${api}/events/`).at(-1)!.query;
    expect(q.get('op')).toBe('query');
    expect(q.get('level')).toBe('DEBUG');
    expect(q.getAll('hostname')).toEqual(['node-3']);
    expect(q.getAll('zone')).toEqual(['rack-12']);
    expect(q.get('limit')).toBe('100');
    expect(s.requests.filter((r) => r.path.endsWith('/events/')).every((r) => r.authorization?.startsWith('OAuth '))).toBe(true);
  });

  test('exports the locally filtered history as CSV and NDJSON', async ({ expect }) => {
    const { h } = await setup(api);
    const filter = { ...emptyFilter(), text: 'NODE-2' };
    const nd = await h['events.export']({ connectionId: 'lab', filter, format: 'ndjson' });
    const ids = nd.content.trimEnd().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual([25, 24, 23, 22, 21, 3]);
    const csv = await h['events.export']({ connectionId: 'lab', filter, format: 'csv' });
    expect(csv.count).toBe(6);
    expect(csv.content.split('\r\n')[0]).toBe('id,time,level,type,hostname,system_id,description,created');
  });

  test('lists zones for the zone filter', async ({ expect }) => {
    const { h } = await setup(api);
    expect(await h['events.zones']({ connectionId: 'lab' })).toEqual(['default', 'rack-12']);
  });
});

test('an unreachable server fails the query with the client\'s error, naming the server', async () => {
  const client = createMaasClient({ root: 'http://127.0.0.1:9/MAAS/', apiVersion: '1.0', apiKey: KEY, label: 'gone', retries: 0, timeoutMs: 2000 });
  open.push(client);
  const h = eventsHandlers({ clientFor: async () => client, connectionOf: () => ({ name: 'gone', kind: 'remote' }), emit: () => {} });
  open.push(h);
  await expect(h.handlers['events.query']({ connectionId: 'gone', filter: emptyFilter(), before: null, limit: 10, want: 10 }))
    .rejects.toThrow(/gone/);
});
