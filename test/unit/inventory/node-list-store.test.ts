// The inventory keeps each connection's last list in the settings database's snapshot: a
// read that changed something writes the list, an unchanged one (most polls) only moves
// its time, and a restart answers from what was kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { openSettingsDb } from '../../../src-main/connections/settings-db';
import { NodeLists } from '../../../src-main/console/inventory/node-lists';
import { NodeDetailsStore } from '../../../src-main/console/details/node-details-store';
import { SnapshotStore } from '../../../src-main/console/snapshot/snapshot-store';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { makeNode } from './make-node';

const node = (systemId: string, hostname: string): NodeSummary => makeNode({ systemId, hostname });

test('a changed read writes the list, an unchanged one only its time; a restart answers from the store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'node-list-store-'));
  const db = openSettingsDb(dir);
  onTestFinished(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });
  const store = new SnapshotStore(db, new NodeDetailsStore(db));
  const calls: string[] = [];
  const spy = { read: store.read.bind(store), forget: store.forget.bind(store),
    write: (id: string, l: { fetchedAt: string; nodes: NodeSummary[] }) => { calls.push('write'); store.write(id, l); },
    touch: (id: string, at: string) => { calls.push('touch'); return store.touch(id, at); } };
  let server = [node('a', 'a'), node('b', 'b')];
  let clock = Date.parse('2026-11-23T10:00:00Z');
  const lists = () => new NodeLists({ clientFor: async () => ({ listNodes: async () => server }) as never, emit: () => undefined,
    cache: spy, pollEveryMs: () => 0, now: () => new Date(clock) });

  const first = lists();
  await first.list('dc');
  clock += 60_000;
  await first.refresh('dc');
  server = [node('a', 'a'), node('b', 'b-renamed')];
  clock += 60_000;
  await first.refresh('dc');
  expect(calls).toEqual(['write', 'touch', 'write']);
  first.close();

  const kept = store.read('dc')!;
  expect(kept.fetchedAt).toBe('2026-11-23T10:02:00.000Z');
  expect(kept.nodes.map((n) => n.hostname)).toEqual(['a', 'b-renamed']);
  const again = await lists().list('dc');
  expect(again).toMatchObject({ stale: true, fetchedAt: '2026-11-23T10:02:00.000Z' });
  expect(store.touch('nowhere', 'x')).toBe(false);
});
