// A server that goes away after its details were fetched: the preview keeps working from
// the console's cache (offline), the tag list and a tag's nodes are the last ones read
// (marked as such), and changes are refused with the reason instead of pretending.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tagsArea } from '../../../src-main/console/tags/tags-handlers';
import { createMaasClient, type MaasClient } from '../../../src-main/maas-client/index';
import { startRegion, type RunningRegion } from '../../../src-main/region/start-region';
import { createPreviewCorpus } from '../../../src-main/xpath/index';
import type { PreviewEnd } from '../../../src-shared/contract/tags';
import { SEEDED_TAGS, seedRegionTags, type SeededTags } from '../../support/tags-seed';

const dirs: string[] = [];
const temp = (p: string) => { const d = mkdtempSync(join(tmpdir(), p)); dirs.push(d); return d; };
let region: RunningRegion;
let maas: MaasClient;
let seeded: SeededTags;
let area: ReturnType<typeof tagsArea>;
const ends = new Map<string, (e: PreviewEnd) => void>();

function preview(definition: string, previewId: string): Promise<PreviewEnd> {
  const done = new Promise<PreviewEnd>((resolve) => ends.set(previewId, resolve));
  area.handlers['tags.preview']({ connectionId: 'lab', definition, previewId });
  return done;
}

beforeAll(async () => {
  const dir = temp('tags-offline-region-');
  seeded = await seedRegionTags(dir, { nodes: 40, seed: 3 });
  region = await startRegion({ dataDir: dir, keyStorage: 'file', tagEngine: null, log: () => undefined });
  maas = createMaasClient({ root: region.url.replace(/api\/1\.0\/$/, ''), apiVersion: '1.0', apiKey: seeded.apiKey, retries: 1, timeoutMs: 3000 });
  area = tagsArea({
    dataDir: temp('tags-offline-console-'), clientFor: async () => maas, corpus: () => createPreviewCorpus({ workers: 1 }),
    emit: (event, payload) => { if (event === 'tags.preview.end') ends.get((payload as PreviewEnd).previewId)?.(payload as PreviewEnd); },
  });
}, 120_000);

afterAll(async () => {
  await area?.close();
  await maas?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('tags with the server gone', { timeout: 120_000 }, () => {
  test('online first: tags, details fetched, a preview', async () => {
    const list = await area.handlers['tags.list']({ connectionId: 'lab' });
    expect(list.fromCache).toBe(false);
    expect(list.tags.find((t) => t.name === SEEDED_TAGS.amd.name)?.nodeCount).toBe(Math.ceil(40 / 3));
    expect(await area.handlers['details.fetchAll']({ connectionId: 'lab', all: false })).toMatchObject({ fetched: 40, failed: [] });
    expect((await preview(SEEDED_TAGS.amd.definition, 'online')).outcome).toBe('complete');
  });

  test('offline: the preview runs from the cache, reads come from the cache, changes are refused', async () => {
    const online = await preview(SEEDED_TAGS.amd.definition, 'before');
    await region.close();
    const offline = await preview(SEEDED_TAGS.amd.definition, 'after');
    expect(offline.outcome).toBe('complete');
    expect(offline.matched).toEqual(online.matched);
    const list = await area.handlers['tags.list']({ connectionId: 'lab' });
    expect(list.fromCache).toBe(true);
    expect(list.tags.map((t) => t.name).sort()).toEqual([SEEDED_TAGS.amd.name, SEEDED_TAGS.rack.name, SEEDED_TAGS.ssd.name].sort());
    expect((await area.handlers['tags.nodes']({ connectionId: 'lab', name: SEEDED_TAGS.rack.name })).length).toBe(8);
    const details = await area.handlers['details.get']({ connectionId: 'lab', systemId: seeded.nodes[0].systemId });
    expect(details.lshw).toBe(seeded.docs[0].lshw);
    await expect(area.handlers['tags.create']({ connectionId: 'lab', tag: { name: 'x', definition: '', comment: '', kernelOpts: '' } }))
      .rejects.toMatchObject({ code: 'unreachable' });
    await expect(area.handlers['details.fetchAll']({ connectionId: 'lab', all: false })).rejects.toMatchObject({ code: 'unreachable' });
  });
});
