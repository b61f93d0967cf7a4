// A saved preview corpus reopened: the header is read here and each worker reads its own
// shard from the file. A file that is damaged, of another format, or gone before the
// workers read it reopens nothing (the caller then builds from the details); a good one
// reopens with the same answers as the corpus saved.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createPreviewCorpus, loadCorpus, saveCorpus } from '../../../src-main/xpath/index';
import { generateCorpus } from '../../unit/xpath/corpus';
import { TYPICAL } from '../../unit/xpath/definitions';

const dir = mkdtempSync(join(tmpdir(), 'corpus-file-'));
const built = createPreviewCorpus({ workers: 2 });
const reopened = createPreviewCorpus({ workers: 2 });
afterAll(async () => {
  await Promise.all([built.close(), reopened.close()]);
  rmSync(dir, { recursive: true, force: true });
});

test('saved, reopened by the workers from the file, refused when damaged or gone', { timeout: 120_000 }, async () => {
  built.set(generateCorpus(40, { seed: 3 }));
  const file = join(dir, 'corpus.bin');
  await saveCorpus(file, { snapshot: await built.snapshot(), versions: { a: '1' } });

  const opened = await loadCorpus(file);
  expect(opened?.versions).toEqual({ a: '1' });
  expect(opened?.snapshot.shards.every((s) => !(s instanceof Uint8Array))).toBe(true); // places in the file, not bytes
  expect(await reopened.restore(opened!.snapshot)).toBe(true);
  for (const definition of TYPICAL.slice(0, 8)) expect(await reopened.evaluate(definition)).toEqual(await built.evaluate(definition));

  // Gone between reading the header and the workers reading their shards: nothing reopened.
  const gone = await loadCorpus(file);
  rmSync(file);
  expect(await reopened.restore(gone!.snapshot)).toBe(false);
  expect(reopened.size).toBe(0);

  // Damaged: cut short, or not a corpus file at all.
  await saveCorpus(file, { snapshot: await built.snapshot(), versions: {} });
  truncateSync(file, 1000);
  expect(await loadCorpus(file)).toBeNull();
  writeFileSync(file, 'not a corpus');
  expect(await loadCorpus(file)).toBeNull();
  expect(await loadCorpus(join(dir, 'missing.bin'))).toBeNull();
});
