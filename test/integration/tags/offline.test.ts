// A server that goes away after its details were fetched: the preview keeps working from
// the console's cache (offline), the tag list and a tag's nodes are the last ones read
// (marked as such), and changes are refused with the reason instead of pretending.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEEDED_TAGS } from '../../support/tags-seed';
import { seededRegionConsole, type SeededRegionConsole } from './seeded-region-console';

let c: SeededRegionConsole;
beforeAll(async () => {
  c = await seededRegionConsole({ nodes: 40, seed: 3, connectionId: 'lab', workers: 1, client: { retries: 1, timeoutMs: 3000 } });
}, 120_000);
afterAll(async () => { await c?.close(); });

describe('tags with the server gone', { timeout: 120_000 }, () => {
  test('online first: tags, details fetched, a preview', async () => {
    const list = await c.area.handlers['tags.list']({ connectionId: 'lab' });
    expect(list.fromCache).toBe(false);
    expect(list.tags.find((t) => t.name === SEEDED_TAGS.amd.name)?.nodeCount).toBe(Math.ceil(40 / 3));
    expect(await c.area.handlers['details.fetchAll']({ connectionId: 'lab', all: false })).toMatchObject({ fetched: 40, failed: [] });
    expect((await c.preview(SEEDED_TAGS.amd.definition, 'online')).outcome).toBe('complete');
  });

  test('offline: the preview runs from the cache, reads come from the cache, changes are refused', async () => {
    const online = await c.preview(SEEDED_TAGS.amd.definition, 'before');
    await c.region.close();
    const offline = await c.preview(SEEDED_TAGS.amd.definition, 'after');
    expect(offline.outcome).toBe('complete');
    expect(offline.matched).toEqual(online.matched);
    const list = await c.area.handlers['tags.list']({ connectionId: 'lab' });
    expect(list.fromCache).toBe(true);
    expect(list.tags.map((t) => t.name).sort()).toEqual([SEEDED_TAGS.amd.name, SEEDED_TAGS.rack.name, SEEDED_TAGS.ssd.name].sort());
    expect((await c.area.handlers['tags.nodes']({ connectionId: 'lab', name: SEEDED_TAGS.rack.name })).length).toBe(8);
    const details = await c.area.handlers['details.get']({ connectionId: 'lab', systemId: c.seeded.nodes[0].systemId });
    expect(details.lshw).toBe(c.seeded.docs[0].lshw);
    await expect(c.area.handlers['tags.create']({ connectionId: 'lab', tag: { name: 'x', definition: '', comment: '', kernelOpts: '' } }))
      .rejects.toMatchObject({ code: 'unreachable' });
    await expect(c.area.handlers['details.fetchAll']({ connectionId: 'lab', all: false })).rejects.toMatchObject({ code: 'unreachable' });
  });
});
