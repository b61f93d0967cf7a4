// The Tags view opens on saved tables: a preview service with a store saves its corpus,
// and the next one (a new session) reopens it without loading any node from the cache,
// loads only nodes whose details were fetched again since, drops nodes gone, and answers
// exactly as one built from the cache.
import { afterAll, expect, test } from 'vitest';
import { openDetailsHome } from '../../support/details-home';
import { PreviewService } from '../../../src-main/console/tags/preview-service';
import type { PreviewEnd } from '../../../src-shared/contract/tags';
import { countedCorpus } from '../../support/counted-corpus';
import { generateCorpus } from '../../unit/xpath/corpus';

const home = openDetailsHome('tags-preview-store-');
const { dir, cache, details } = home;
const docs = generateCorpus(60, { seed: 9 });
const DEFINITION = '//node[@class="processor"]/vendor = "Intel Corp."';
afterAll(() => home.close());

/** A session: a service over a counted corpus; its preview's matches. */
function session(saveAfterMs?: number) {
  const { corpus, counts } = countedCorpus();
  const ends = new Map<string, (e: PreviewEnd) => void>();
  const service = new PreviewService({
    details, nodeCount: (c) => cache.nodeCount(c), corpus: () => corpus, storeDir: dir, saveAfterMs,
    emit: (event, payload) => { if (event === 'tags.preview.end') ends.get((payload as PreviewEnd).previewId)?.(payload as PreviewEnd); },
  });
  const preview = async (id: string): Promise<string[]> => {
    const done = new Promise<PreviewEnd>((resolve) => ends.set(id, resolve));
    await service.start('c1', DEFINITION, id);
    return [...(await done).matched].sort();
  };
  return { service, counts, preview, corpus };
}

/** Holds the corpus's snapshot until the service is asked to close: a save still under way then. */
function saveStillRunningAtClose(s: ReturnType<typeof session>): void {
  let closing!: () => void;
  const closeAsked = new Promise<void>((resolve) => (closing = resolve));
  const snapshot = s.corpus.snapshot.bind(s.corpus);
  s.corpus.snapshot = async () => { await closeAsked; return snapshot(); };
  const close = s.service.close.bind(s.service);
  s.service.close = () => { closing(); return close(); };
}

test('saved at close, reopened by the next session, refreshed only where details changed', async () => {
  cache.replaceNodes('c1', docs.map((d) => ({ systemId: d.id, hostname: d.id, statusName: 'Ready', tags: [], fingerprint: 'f' })));
  for (const d of docs) details.put('c1', { systemId: d.id, lshw: d.lshw ?? null, lldp: d.lldp ?? null, fingerprint: 'f', fetchedAt: 't1' });

  // The first session's save starts by its timer and is still running when it closes:
  // closing waits for it.
  const first = session(0);
  saveStillRunningAtClose(first);
  const built = await first.preview('a');
  expect(first.counts.bulk).toBe(docs.length);
  await first.service.close(); // saves

  const second = session();
  expect(await second.preview('b')).toEqual(built);
  expect(second.counts).toEqual({ bulk: 0, upsert: 0, remove: 0 });
  await second.service.close();

  // Between sessions: one node refetched with other details, one gone from the cache.
  const intel = docs.find((d) => d.lshw?.includes('<vendor>Intel Corp.</vendor>'))!;
  const changed = docs.find((d) => d.lshw && !built.includes(d.id))!;
  details.put('c1', { systemId: changed.id, lshw: intel.lshw!, lldp: null, fingerprint: 'f', fetchedAt: 't2' });
  const goneId = built[0];
  details.evict('c1', [goneId]);

  const third = session();
  const expected = [...built.filter((id) => id !== goneId), changed.id].sort();
  expect(await third.preview('c')).toEqual(expected);
  expect(third.counts).toEqual({ bulk: 0, upsert: 1, remove: 1 });
  await third.service.close();
}, 240_000);
