// Existing tags edited and deleted while the server is out of reach: recorded (a bad XPath is
// still refused), editable in place but never retargeted, reviewed, then applied on the server.
import { expect, test } from 'vitest';
import { memoryKeychain } from '../../../src-main/connections/index';
import { startDatacenter, startFieldkitConsole } from '../../support/fieldkit-console';
import { seedNodes } from '../../support/inventory-seed';

test('tag edit and delete offline: recorded, edited, reviewed and applied', async () => {
  const dc = await startDatacenter();
  const fk = await startFieldkitConsole({ keychain: memoryKeychain() });
  try {
    seedNodes(dc.region().core, { count: 4, idPrefix: 'ot' }); // tags ssd and gpu, on some nodes
    const id = (await fk.composed.connections.add({ name: 'datacenter', url: dc.url, apiKey: dc.apiKey })).id;
    await fk.call('tags.list', { connectionId: id });
    await dc.stop();

    const edited = await fk.call('tags.update', { connectionId: id, name: 'ssd', tag: { name: 'ssd-fast', definition: '', comment: 'renamed on the floor', kernelOpts: '' } });
    expect(edited.recorded).toMatch(/recorded in its change set/);
    const bad = await fk.fail('tags.update', { connectionId: id, name: 'gpu', tag: { name: 'gpu', definition: '//node[', comment: '', kernelOpts: '' } });
    expect(bad.code).toBe('bad-input');
    const deleted = await fk.call('tags.delete', { connectionId: id, name: 'gpu' });
    expect(deleted).toMatchObject({ deleted: false, recorded: expect.stringMatching(/deleting this tag is recorded/) });

    const set = await fk.call('changes.list', { connectionId: id });
    expect(set.changes.map((c) => c.spec)).toEqual([
      { kind: 'update-tag', tag: 'ssd', name: 'ssd-fast', definition: '', comment: 'renamed on the floor', kernelOpts: '' },
      { kind: 'delete-tag', tag: 'gpu' },
    ]);
    const [edit] = set.changes;
    await fk.call('changes.update', { connectionId: id, id: edit.id, spec: { ...edit.spec, name: 'ssd-nvme' } as never });
    const moved = await fk.fail('changes.update', { connectionId: id, id: edit.id, spec: { ...edit.spec, tag: 'gpu' } as never });
    expect(moved).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/cannot change/) });

    await dc.start();
    expect((await fk.call('changes.review', { connectionId: id })).map((r) => [r.verdict, r.why])).toEqual([
      ['applies', 'tag ssd: renamed ssd-nvme, new comment'],
      ['applies', 'tag gpu is deleted (MAAS takes it off its nodes)'],
    ]);
    const applied = await fk.call('changes.apply', { connectionId: id });
    expect(applied.changes.map((c) => c.state)).toEqual(['done', 'done']);
    const names = dc.region().core.tags.list().map((t: { name: string }) => t.name);
    expect(names).toContain('ssd-nvme');
    expect(names).not.toContain('ssd');
    expect(names).not.toContain('gpu');
  } finally {
    await fk.close();
    await dc.close();
  }
});
