import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DetailsCache, type CachedDetails } from '../../../src-main/console/tags/details-cache';
import { syncDetails } from '../../../src-main/console/tags/details-sync';
import type { DetailsProgress } from '../../../src-shared/contract/tags';
import { FakeMaas, node } from './fake-maas';

let dir: string;
let cache: DetailsCache;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tags-sync-'));
  cache = new DetailsCache(join(dir, 'cache.sqlite'));
});
afterEach(() => { cache.close(); rmSync(dir, { recursive: true, force: true }); });

function run(maas: FakeMaas, all = false) {
  const progress: DetailsProgress[] = [];
  const fetched: CachedDetails[] = [];
  const removed: string[] = [];
  const result = syncDetails({
    cache, source: maas, connectionId: 'c1', all, concurrency: 3,
    progress: (p) => progress.push(p), fetched: (d) => fetched.push(d), removed: (ids) => removed.push(...ids),
  });
  return { result, progress, fetched, removed };
}

describe('syncDetails', () => {
  test('fetches every node once, then only the new ones and those whose details may have changed', async () => {
    const maas = new FakeMaas();
    for (let i = 0; i < 12; i++) maas.add(node(`n${i}`));
    const first = run(maas);
    expect(await first.result).toMatchObject({ fetched: 12, reused: 0, failed: [] });
    expect(first.progress.at(-1)).toEqual({ connectionId: 'c1', done: 12, total: 12, failed: 0 });
    expect(first.fetched).toHaveLength(12);
    expect(cache.lastSync('c1')).not.toBeNull();

    maas.detailCalls.length = 0;
    maas.add(node('n12'));                                                       // new
    maas.nodes.set('n3', node('n3', { status: 1, statusName: 'Commissioning' })); // being recommissioned
    maas.nodes.set('n4', node('n4', { memory: 16384 }));                         // re-read hardware
    maas.nodes.set('n5', node('n5', { tags: ['gpu'] }));                          // tags do not touch details
    maas.nodes.delete('n6');                                                     // gone
    const second = run(maas);
    expect(await second.result).toMatchObject({ fetched: 3, reused: 9 });
    expect(maas.detailCalls.sort()).toEqual(['n12', 'n3', 'n4']);
    expect(second.removed).toEqual(['n6']);
    expect(cache.details('c1', 'n6')).toBeNull();
  });

  test('"all" refetches every node', async () => {
    const maas = new FakeMaas().add(node('a')).add(node('b'));
    await run(maas).result;
    maas.detailCalls.length = 0;
    expect(await run(maas, true).result).toMatchObject({ fetched: 2, reused: 0 });
    expect(maas.detailCalls.sort()).toEqual(['a', 'b']);
  });

  test('a node whose details cannot be fetched is named, keeps no sync mark, and is tried again', async () => {
    const maas = new FakeMaas().add(node('a')).add(node('b'));
    maas.failDetailsOf.add('b');
    const first = run(maas);
    const r = await first.result;
    expect(r.fetched).toBe(1);
    expect(r.failed).toEqual([{ systemId: 'b', message: 'details of b: 503' }]);
    expect(first.progress.at(-1)).toMatchObject({ done: 2, failed: 1 });
    expect(cache.lastSync('c1')).toBeNull();
    maas.failDetailsOf.clear();
    maas.detailCalls.length = 0;
    expect(await run(maas).result).toMatchObject({ fetched: 1, reused: 1, failed: [] });
    expect(maas.detailCalls).toEqual(['b']);
  });
});
