// The explorer can be opened from a node's detail before the tags view ever listed the
// connection: details.status and details.get read the node list once, then use the cache.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDetailsHome, type DetailsHome } from '../../support/details-home';
import { detailsStatus, nodeDetails, type DetailsDeps } from '../../../src-main/console/tags/details-use-cases';
import type { PreviewService } from '../../../src-main/console/tags/preview-service';
import { FakeMaas, node } from './fake-maas';

let home: DetailsHome;
let maas: FakeMaas;
let took: string[];
let d: DetailsDeps;
beforeEach(() => {
  home = openDetailsHome('tags-details-');
  maas = new FakeMaas().add(node('a'), { lshw: '<node id="a"/>', lldp: '<lldp/>' }).add(node('b'));
  took = [];
  home.details.listen((_c, id, det) => { if (det) took.push(id); });
  const preview = { warm: async () => {} } as unknown as PreviewService;
  d = { clientFor: async () => maas, cache: home.cache, details: home.details, preview, emit: () => {}, syncs: new Map() };
});
afterEach(() => home.close());

describe('details use-cases', () => {
  test('a node\'s details on a connection never listed: the list is read, the details fetched once and cached', async () => {
    const first = await nodeDetails(d, 'c1', 'a');
    expect(first).toMatchObject({ systemId: 'a', hostname: 'host-a', lshw: '<node id="a"/>', lldp: '<lldp/>' });
    expect(took).toEqual(['a']);
    maas.offline = true;
    expect(await nodeDetails(d, 'c1', 'a')).toMatchObject({ lshw: '<node id="a"/>' });
    expect(maas.detailCalls).toEqual(['a']);
  });

  test('a node the server does not have is not-found', async () => {
    await expect(nodeDetails(d, 'c1', 'zzz')).rejects.toMatchObject({ code: 'not-found' });
  });

  test('status of a connection never listed reads its nodes once, then answers from the cache', async () => {
    const s = await detailsStatus(d, 'c1');
    expect(s).toMatchObject({ cached: 0, stale: 2, lastSync: null });
    expect(s.nodes.map((n) => n.systemId)).toEqual(['a', 'b']);
    maas.offline = true;
    expect((await detailsStatus(d, 'c1')).nodes).toHaveLength(2);
  });
});
