import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDetailsHome, type DetailsHome } from '../../support/details-home';
import { createTag, deleteTag, listTags, tagNodes, updateTag, type TagDeps } from '../../../src-main/console/tags/tag-use-cases';
import { ConsoleFailure } from '../../../src-shared/contract/errors';
import { FakeMaas, node } from './fake-maas';

let home: DetailsHome;
let maas: FakeMaas;
let emitted: unknown[];
let gone: string[];
let d: TagDeps;
beforeEach(() => {
  home = openDetailsHome('tags-uc-');
  maas = new FakeMaas().add(node('a', { tags: ['gpu', 'big'] })).add(node('b', { tags: ['gpu'] })).add(node('c'));
  maas.tags.set('gpu', { name: 'gpu', definition: '//node[@class="display"]', comment: 'GPUs', kernelOpts: null });
  maas.tags.set('big', { name: 'big', definition: '', comment: '', kernelOpts: 'nomodeset' });
  maas.tags.set('none', { name: 'none', definition: '//nothing', comment: '', kernelOpts: null });
  emitted = [];
  gone = home.heard.gone;
  d = {
    clientFor: async () => maas, cache: home.cache, details: home.details, emit: (e, p) => emitted.push([e, p]),
    now: () => new Date('2026-11-23T11:00:00Z'),
  };
});
afterEach(() => home.close());

describe('tags use-cases', () => {
  test('lists tags with node counts taken from the node list', async () => {
    const list = await listTags(d, 'c1');
    expect(list.fromCache).toBe(false);
    expect(list.tags.map((t) => [t.name, t.nodeCount, t.kernelOpts])).toEqual([['gpu', 2, null], ['big', 1, 'nomodeset'], ['none', 0, null]]);
  });

  test('when the server cannot be reached, the last list and the cached nodes answer, marked as such', async () => {
    await listTags(d, 'c1');
    maas.offline = true;
    const list = await listTags(d, 'c1');
    expect(list).toMatchObject({ fromCache: true, at: '2026-11-23T11:00:00.000Z' });
    expect(list.tags.find((t) => t.name === 'gpu')?.nodeCount).toBe(2);
    expect((await tagNodes(d, 'c1', 'gpu')).map((n) => n.systemId)).toEqual(['a', 'b']);
    await expect(listTags(d, 'never-listed')).rejects.toMatchObject({ code: 'unreachable' });
  });

  test('nodes that left the server are reported gone', async () => {
    await listTags(d, 'c1');
    maas.nodes.delete('c');
    await listTags(d, 'c1');
    expect(gone).toEqual(['c']);
  });

  test('create, update and delete reach the server and announce the change', async () => {
    await createTag(d, 'c1', { name: 'epyc', definition: '//node[@id="cpu"]', comment: 'AMD', kernelOpts: '' });
    expect(maas.tags.get('epyc')?.comment).toBe('AMD');
    await updateTag(d, 'c1', 'epyc', { name: 'amd', definition: '//node[@id="cpu"]/vendor', comment: 'AMD', kernelOpts: 'x=1' });
    expect(maas.tags.get('amd')).toEqual({ name: 'amd', definition: '//node[@id="cpu"]/vendor', comment: 'AMD', kernelOpts: 'x=1' });
    await deleteTag(d, 'c1', 'amd');
    expect(maas.tags.has('amd')).toBe(false);
    expect(emitted).toEqual(Array(3).fill(['tags.changed', { connectionId: 'c1' }]));
  });

  test('a definition that does not compile is refused as MAAS would, before the server is asked', async () => {
    const attempt = createTag(d, 'c1', { name: 'bad', definition: '//node[', comment: '', kernelOpts: '' });
    await expect(attempt).rejects.toBeInstanceOf(ConsoleFailure);
    await expect(attempt).rejects.toMatchObject({ code: 'bad-input', message: 'Invalid xpath expression: Invalid expression' });
    expect(maas.tags.has('bad')).toBe(false);
    // An empty definition is a manual tag, not an error.
    await createTag(d, 'c1', { name: 'manual', definition: '', comment: '', kernelOpts: '' });
    expect(maas.tags.has('manual')).toBe(true);
  });
});
