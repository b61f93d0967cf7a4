// The preview service over real worker threads and the real home of node details: matches
// stream as batch events, the end event carries every match, a newer preview cancels the
// older one, and details fetched later (by any view) join the corpus at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDetailsHome, type DetailsHome } from '../../support/details-home';
import { PreviewService } from '../../../src-main/console/tags/preview-service';
import { createPreviewCorpus } from '../../../src-main/xpath/index';
import type { PreviewBatch, PreviewEnd } from '../../../src-shared/contract/tags';
import { fixtureLshw } from '../../unit/xpath/samples';

let home: DetailsHome;
let service: PreviewService;
const batches: PreviewBatch[] = [];
const ends = new Map<string, PreviewEnd>();
const waiters = new Map<string, (e: PreviewEnd) => void>();
const ended = (id: string): Promise<PreviewEnd> =>
  ends.has(id) ? Promise.resolve(ends.get(id)!) : new Promise((resolve) => waiters.set(id, resolve));

const lshw = fixtureLshw();
const ids = Array.from({ length: 300 }, (_, i) => `n${String(i).padStart(3, '0')}`);
const intel = new Set(ids.filter((_, i) => i % 3 === 0));

beforeAll(() => {
  home = openDetailsHome('tags-preview-');
  home.cache.replaceNodes('c1', [...ids, 'later', 'never'].map((systemId) => ({ systemId, hostname: systemId, statusName: 'Ready', tags: [], fingerprint: 'f' })));
  for (const id of ids) {
    const text = intel.has(id) ? lshw.replace('AMD EPYC', 'Intel Xeon') : lshw;
    home.details.put('c1', { systemId: id, lshw: text, lldp: null, fingerprint: 'f', fetchedAt: 't' });
  }
  service = new PreviewService({
    details: home.details, nodeCount: (c) => home.cache.nodeCount(c),
    corpus: () => createPreviewCorpus({ workers: 2 }),
    emit: (event, payload) => {
      if (event === 'tags.preview.batch') batches.push(payload as PreviewBatch);
      if (event === 'tags.preview.end') {
        const e = payload as PreviewEnd;
        ends.set(e.previewId, e);
        waiters.get(e.previewId)?.(e);
      }
    },
  });
});
afterAll(async () => {
  await service.close();
  home.close();
});

// Worker threads start through tsx and parse every document: slow on a busy 2-core machine.
describe('PreviewService', { timeout: 60_000 }, () => {
  test('streams matches, then ends with all of them; nodes without cached details are counted as unknown', async () => {
    const started = await service.start('c1', '//node[@id="cpu"]/product = "Intel Xeon"', 'p1');
    expect(started).toEqual({ previewId: 'p1', total: 300, unknown: 2 });
    const end = await ended('p1');
    expect(end.outcome).toBe('complete');
    expect(new Set(end.matched)).toEqual(intel);
    const mine = batches.filter((b) => b.previewId === 'p1');
    expect(mine.length).toBeGreaterThan(1);
    expect(new Set(mine.flatMap((b) => b.matched))).toEqual(intel);
    expect(Math.max(...mine.map((b) => b.done))).toBe(300);
  });

  test('a newer preview cancels the older one', async () => {
    await service.start('c1', '//node', 'old');
    await service.start('c1', 'count(//node[@class="processor"]) = 0', 'new');
    expect((await ended('old')).outcome).toBe('cancelled');
    expect(await ended('new')).toMatchObject({ outcome: 'complete', matched: [] });
  });

  test('a definition that does not compile ends as invalid with the reason', async () => {
    await service.start('c1', '//node[', 'bad');
    expect(await ended('bad')).toMatchObject({ outcome: 'invalid', message: 'Invalid xpath expression: Invalid expression' });
  });

  test('details fetched later (kept by any view) join the corpus; nodes that are gone leave it', async () => {
    home.details.put('c1', { systemId: 'later', lshw: '<node id="later" class="system"><node id="gpu" class="display"/></node>', lldp: null, fingerprint: 'f', fetchedAt: 't' });
    home.details.evict('c1', ['n000']);
    expect((await service.start('c1', '//node[@class="display"] or self::node[@id="n000"]', 'p2')).total).toBe(300);
    expect((await ended('p2')).matched).toEqual(['later']);
  });

  test('cancelling by id ends it as cancelled', async () => {
    await service.start('c1', '//*', 'p3');
    expect(service.cancel('p3')).toBe(true);
    expect((await ended('p3')).outcome).toBe('cancelled');
    expect(service.cancel('p3')).toBe(false);
  });

  test('details that arrive while the corpus loads are kept', async () => {
    home.cache.replaceNodes('c2', [{ systemId: 'x', hostname: 'x', statusName: 'Ready', tags: [], fingerprint: 'f' }, { systemId: 'y', hostname: 'y', statusName: 'Ready', tags: [], fingerprint: 'f' }]);
    home.details.put('c2', { systemId: 'x', lshw: '<node id="x" class="system"/>', lldp: null, fingerprint: 'f', fetchedAt: 't' });
    const warming = service.warm('c2');
    home.details.put('c2', { systemId: 'y', lshw: '<node id="y" class="system"><node class="display"/></node>', lldp: null, fingerprint: 'f', fetchedAt: 't' });
    home.details.evict('c2', ['x']);
    await warming;
    expect((await service.start('c2', '//node[@class="display"] or //node[@id="x"]', 'c2')).total).toBe(1);
    expect((await ended('c2')).matched).toEqual(['y']);
  });
});
