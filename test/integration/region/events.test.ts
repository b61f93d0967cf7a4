// events/?op=query: filters, levels, limit, newest first, next_uri/prev_uri paging.
import { describe, expect, test } from 'vitest';
import { client, enlist, testRegion } from './helpers';

describe('events', () => {
  test("newest first; limit; prev_uri pages to older and next_uri to newer, as MAAS's links do; no event twice, none missed", async () => {
    const region = await testRegion();
    const call = client(region);
    const ids = await enlist(call, 5); // each: New → Commissioning
    for (const id of ids) await call(`nodes/${id}/`, { query: { op: 'mark_broken' }, form: {} });
    const all = (await call('events/', { query: { op: 'query', limit: '1000' } })).json();
    expect(all.count).toBe(10);
    const allIds = all.events.map((e: { id: number }) => e.id);
    expect([...allIds].sort((a: number, b: number) => b - a)).toEqual(allIds);
    // Older, page by page, by MAAS's prev_uri (before= the oldest shown), until there is nothing older.
    const seen: number[] = [];
    let page = (await call('events/', { query: { op: 'query', limit: '3', level: 'INFO' } })).json();
    expect(page.prev_uri).toBe(`/MAAS/api/1.0/events/?op=query&limit=3&level=INFO&before=${allIds[2]}`);
    expect(page.next_uri).toBe(`/MAAS/api/1.0/events/?op=query&limit=3&level=INFO&after=${allIds[0]}`);
    for (;;) {
      seen.push(...page.events.map((e: { id: number }) => e.id));
      if (!page.prev_uri) break;
      page = (await call(page.prev_uri)).json();
    }
    expect(seen).toEqual(allIds);
    expect(page).toMatchObject({ count: 0, events: [], prev_uri: null }); // past the oldest: nothing older, ever
    // Newer, by next_uri (after= the newest shown), back to the top and one empty page past it.
    const newer: number[] = [];
    page = (await call('events/', { query: { op: 'query', limit: '3', before: String(allIds[6]) } })).json();
    expect(page.events.map((e: { id: number }) => e.id)).toEqual(allIds.slice(7, 10));
    for (;;) {
      page = (await call(page.next_uri)).json();
      if (!page.count) break;
      const got = page.events.map((e: { id: number }) => e.id);
      expect(got).toEqual([...got].sort((a: number, b: number) => b - a)); // each page newest first
      newer.unshift(...got);
    }
    expect(newer).toEqual(allIds.slice(0, 7));
    // Empty past the newest: MAAS links the plain query again ("no newer events NOW, but there may be later").
    expect(page.next_uri).toBe('/MAAS/api/1.0/events/?op=query&limit=3');
    // An empty page asked with before= links newer from just below its cursor (after=before−1).
    const empty = (await call('events/', { query: { op: 'query', before: String(Math.min(...allIds)) } })).json();
    expect(empty).toMatchObject({ count: 0, prev_uri: null });
    expect(empty.next_uri).toBe(`/MAAS/api/1.0/events/?op=query&after=${Math.min(...allIds) - 1}`);
    expect(all.events[0]).toMatchObject({ node: ids[4], level: 'INFO', type: 'Node changed status', description: "From 'Commissioning' to 'Broken'" });
    expect(all.events[0].created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2}\. \d{4} \d{2}:\d{2}:\d{2}$/);
  });

  test('filters: id, hostname, mac_address, zone, agent_name, level; bad parameters are 400', async () => {
    const region = await testRegion();
    const call = client(region);
    const [a, b] = await enlist(call, 2);
    const nb = (await call(`nodes/${b}/`)).json();
    const q = async (query: Record<string, string | string[]>) =>
      (await call('events/', { query: { op: 'query', ...query } })).json().events.map((e: { node: string }) => e.node);
    expect(await q({ id: a })).toEqual([a]);
    expect(await q({ id: [a, b] })).toEqual([b, a]);
    expect(await q({ hostname: nb.hostname })).toEqual([b]);
    expect(await q({ mac_address: nb.macaddress_set[0].mac_address })).toEqual([b]);
    await call('zones/', { form: { name: 'far' } });
    await call('nodes/', { query: { op: 'set_zone' }, form: { zone: 'far', nodes: a } });
    expect(await q({ zone: 'far' })).toEqual([a]);
    expect(await q({ agent_name: 'none' })).toEqual([]);
    expect(await q({ level: 'ERROR' })).toEqual([]);
    expect(await q({ level: 'debug' })).toHaveLength(2);
    for (const query of [{ level: 'LOUD' }, { limit: '1001' }, { limit: 'x' }, { after: '1', before: '2' }, { mac_address: 'nope' }]) {
      const r = await call('events/', { query: { op: 'query', ...query } });
      expect(r.status, JSON.stringify(query)).toBe(400);
    }
  });

  test("non-admins see only events of nodes they may see", async () => {
    const region = await testRegion();
    const call = client(region);
    const [a, b] = await enlist(call, 2);
    await call(`nodes/${a}/`, { query: { op: 'set_details' }, multipart: { lshw: { file: '<node/>' } } });
    await call('nodes/', { query: { op: 'acquire' }, form: {} }); // admin owns a
    const bob = client(region, region.createApiKey('bob'));
    const nodes = (await bob('events/', { query: { op: 'query' } })).json().events.map((e: { node: string }) => e.node);
    expect(new Set(nodes)).toEqual(new Set([b]));
  });
});
