import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { syncDetails } from '../../../src-main/console/tags/details-sync';
import type { DetailsProgress } from '../../../src-shared/contract/tags';
import { openDetailsHome, type DetailsHome } from '../../support/details-home';
import { FakeMaas, node } from './fake-maas';

let home: DetailsHome;
beforeEach(() => { home = openDetailsHome('tags-sync-'); });
afterEach(() => home.close());

// What the details' home heard during one sync: what its listeners (the preview corpus) are told.
function run(maas: FakeMaas, all = false) {
  const progress: DetailsProgress[] = [];
  const fetched = home.heard.put.length;
  const removed = home.heard.gone.length;
  const result = syncDetails({
    cache: home.cache, details: home.details, source: maas, connectionId: 'c1', all, concurrency: 3,
    progress: (p) => progress.push(p),
  });
  return {
    result, progress,
    get fetched() { return home.heard.put.slice(fetched); },
    get removed() { return home.heard.gone.slice(removed); },
  };
}

describe('syncDetails', () => {
  test('fetches every node once, then only the new ones and those whose details may have changed', async () => {
    const maas = new FakeMaas();
    for (let i = 0; i < 12; i++) maas.add(node(`n${i}`));
    const first = run(maas);
    expect(await first.result).toMatchObject({ fetched: 12, reused: 0, failed: [] });
    expect(first.progress.at(-1)).toEqual({ connectionId: 'c1', done: 12, total: 12, failed: 0 });
    expect(first.fetched).toHaveLength(12);
    expect(home.cache.lastSync('c1')).not.toBeNull();

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
    expect(home.details.get('c1', 'n6')).toBeNull();
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
    expect(home.cache.lastSync('c1')).toBeNull();
    maas.failDetailsOf.clear();
    maas.detailCalls.length = 0;
    expect(await run(maas).result).toMatchObject({ fetched: 1, reused: 1, failed: [] });
    expect(maas.detailCalls).toEqual(['b']);
  });
});
