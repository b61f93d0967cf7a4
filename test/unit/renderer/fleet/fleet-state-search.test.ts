// The fleet's search state against a fake console client: what a keystroke shows is what the
// search language says, and a keystroke that leaves the same nodes shown leaves the rows the
// grid draws untouched (the same array: nothing downstream re-renders).
import { expect, test } from 'vitest';
import type { ConsoleClient } from '../../../../src-shared/contract/client';
import type { FleetServer } from '../../../../src-shared/contract/fleet';
import { nodeFilter } from '../../../../src-shared/inventory/filter';
import { FleetState } from '../../../../src-renderer/src/state/fleet.svelte';
import { makeNode } from '../../inventory/make-node';

const server = (connectionId: string, name: string, count: number): FleetServer => ({
  connectionId, name, kind: 'remote', apiVersion: '2.0', health: 'online', lastReached: null, source: 'live', asOf: null,
  nodes: Array.from({ length: count }, (_, i) => makeNode({
    hostname: `rack${(i % 20) + 1}-node-${i}`, systemId: `${connectionId}${i}`, status: i % 2 ? 4 : 0, statusName: i % 2 ? 'Ready' : 'New',
  })),
});

async function loaded() {
  const servers = [server('local', 'This laptop', 300), server('c1', 'dc-east', 200)];
  const client = { call: () => Promise.resolve({ ok: true, value: { servers } }), on: () => () => {} } as unknown as ConsoleClient;
  const kept = new Map<string, string>();
  const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) } as unknown as Storage;
  const s = new FleetState(client, storage);
  await s.load();
  return s;
}

test('typing a query every node matches leaves the rows as they were; a narrower one shows exactly its nodes', async () => {
  const s = await loaded();
  const all = s.rows;
  expect(s.filtered).toHaveLength(500);
  for (const q of ['r', 'ra', 'rac', 'rack', 'rack ']) { s.setQuery(q); expect(s.rows, q).toBe(all); }
  for (const q of ['rack1', 'rack12', 'rack12-', 'rack12-node-1', 'rack12-node-1 server:dc', 'rack1', 'status:ready rack1', 'server:this', '!rack1', '']) {
    s.setQuery(q);
    const want = s.sorted.filter(nodeFilter(q).test);
    expect(s.filtered.map((e) => e.key), q).toEqual(want.map((e) => e.key));
    expect(s.rows.filter((r) => r.kind === 'node').map((r) => (r.kind === 'node' ? r.entry.key : '')), q).toEqual(
      ['dc-east', 'This laptop'].flatMap((name) => want.filter((e) => e.serverName === name).map((e) => e.key)));
  }
  // Cleared: the very rows the search started from.
  expect(s.rows).toBe(all);
  s.setQuery('rack12');
  const rack12 = s.rows;
  s.setQuery('rack12-');
  expect(s.rows).toBe(rack12);
});
