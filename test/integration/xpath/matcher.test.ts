// The tag matcher and the preview corpus in real worker threads, loaded from the
// TypeScript sources (the bundled path is covered by bundled-worker.test.ts).
import { afterAll, describe, expect, test } from 'vitest';
import { createPreviewCorpus, createTagMatcher, InvalidDefinitionError } from '../../../src-main/xpath/index';
import type { DocumentInput } from '../../../src-main/xpath/index';
import { fixtureLshw, LLDP_SAMPLE } from '../../unit/xpath/samples';
import { nextJob, PoolWorker } from '../../../src-main/xpath/worker-pool';

const lshw = fixtureLshw();
const docs: DocumentInput[] = Array.from({ length: 250 }, (_, i) => ({
  id: `node-${i}`,
  lshw: i % 5 === 4 ? lshw.replace('AMD EPYC', 'Intel Xeon') : i % 7 === 6 ? null : lshw,
  lldp: i % 3 === 0 ? LLDP_SAMPLE : null,
}));
const amd = docs.filter((d) => d.lshw?.includes('AMD EPYC')).map((d) => d.id);

const matcher = createTagMatcher({ workers: 2 });
afterAll(() => matcher.close());

describe('createTagMatcher', { timeout: 60_000 }, () => {
  test('matches in worker threads, in input order, streaming batches', async () => {
    const batches: { ids: string[]; done: number; total: number }[] = [];
    const ids = await matcher.match('//node[@id="cpu"]/product = "AMD EPYC"', docs, {
      onBatch: (batchIds, done, total) => batches.push({ ids: batchIds, done, total }),
    });
    expect(ids).toEqual(amd);
    expect(batches.at(-1)?.done).toBe(docs.length);
    expect(batches.every((b) => b.total === docs.length)).toBe(true);
    expect(batches.flatMap((b) => b.ids).sort()).toEqual([...amd].sort());
  });

  test('LLDP and bare nodes', async () => {
    expect(await matcher.match('//lldp:lldp', docs)).toEqual(docs.filter((d) => d.lldp).map((d) => d.id));
    expect(await matcher.match('self::list', docs)).toEqual(docs.filter((d) => !d.lshw).map((d) => d.id));
  });

  test('a definition that does not compile is refused with the reason', async () => {
    await expect(matcher.match('//node[', docs)).rejects.toBeInstanceOf(InvalidDefinitionError);
    await expect(matcher.match('//node[', docs)).rejects.toThrow('Invalid xpath expression: Invalid expression');
  });

  test('an aborted match rejects with AbortError', async () => {
    const controller = new AbortController();
    const pending = matcher.match('//node', docs, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(await matcher.match('//node[@id="cpu"]', docs.slice(0, 3))).toEqual(['node-0', 'node-1', 'node-2']);
  });
});

describe('createPreviewCorpus', { timeout: 60_000 }, () => {
  test('keeps documents, a newer evaluation cancels the older one', async () => {
    const corpus = createPreviewCorpus({ workers: 2 });
    corpus.set(docs);
    corpus.remove('node-0');
    corpus.upsert({ id: 'extra', lshw: lshw });
    const older = corpus.evaluate('//node');
    const newer = corpus.evaluate('//node[@id="cpu"]/product = "AMD EPYC"');
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect(await newer).toEqual([...amd.filter((id) => id !== 'node-0'), 'extra']);
    await corpus.close();
  });
});

describe('worker pool', { timeout: 60_000 }, () => {
  test('a worker that is gone fails requests instead of leaving them waiting', async () => {
    const pw = new PoolWorker();
    await pw.ready;
    await pw.terminate();
    const reply = await new Promise((resolve) => pw.listen(nextJob(), resolve));
    expect(reply).toMatchObject({ kind: 'failed', message: expect.stringContaining('exited') });
  });
});
