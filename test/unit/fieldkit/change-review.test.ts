import { expect, test } from 'vitest';
import type { ChangeSpec, RecordedChange } from '../../../src-shared/contract/change-sets';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { reviewChanges, type Fresh } from '../../../src-shared/fieldkit/change-review';
import { MASK } from '../../../src-shared/inventory/power-secrets';

const node = (systemId: string, hostname: string, status: number, statusName: string, extra: Partial<NodeSummary> = {}): NodeSummary => ({
  systemId, hostname, status, statusName, owner: null, zone: 'default', pool: null, architecture: 'amd64/generic', cpuCount: 1,
  memory: 1, storage: 1, powerState: 'off', powerType: 'ipmi', tags: [], macAddresses: [], ipAddresses: [], osystem: '', distroSeries: '', ...extra,
});
let id = 0;
const ch = (spec: ChangeSpec, statusAtRecord: number | null = null): RecordedChange =>
  ({ id: ++id, spec, hostname: null, statusAtRecord, recordedAt: '', state: 'recorded', message: null, batch: null });

test('status changes follow MAAS transitions; what moved since recording is named', () => {
  const f: Fresh = {
    nodes: new Map([['a', node('a', 'a', 0, 'New')], ['b', node('b', 'b', 6, 'Deployed')], ['c', node('c', 'c', 2, 'Failed commissioning')]]),
    tags: new Map(), zones: new Set(['default']),
  };
  expect(reviewChanges([
    ch({ kind: 'accept', systemId: 'a' }), ch({ kind: 'release', systemId: 'b' }), ch({ kind: 'commission', systemId: 'c' }),
    ch({ kind: 'release', systemId: 'a' }, 10), ch({ kind: 'commission', systemId: 'b' }),
  ], f).map((r) => [r.verdict, r.why])).toEqual([
    ['applies', 'a is New'], ['applies', 'b is Deployed'], ['applies', 'c is Failed commissioning'],
    ['conflict', 'a is New: it cannot go to Ready (it changed from Allocated to New)'],
    ['conflict', 'b is Deployed: it cannot go to Commissioning'],
  ]);
});

test('a tag created earlier in the same set makes a later add-tag apply; a taken tag name conflicts', () => {
  const f: Fresh = { nodes: new Map([['a', node('a', 'a', 4, 'Ready')]]), zones: new Set(['default']),
    tags: new Map([['gpu', { name: 'gpu', definition: '//gpu', comment: '', kernelOpts: null }]]) };
  expect(reviewChanges([
    ch({ kind: 'add-tag', systemId: 'a', tag: 'new' }), ch({ kind: 'create-tag', tag: 'new' }), ch({ kind: 'add-tag', systemId: 'a', tag: 'new' }),
    ch({ kind: 'create-tag', tag: 'gpu', definition: '//other' }), ch({ kind: 'create-tag', tag: 'gpu', definition: '//gpu' }),
  ], f).map((r) => r.verdict)).toEqual(['conflict', 'applies', 'applies', 'conflict', 'already']);
});

test('a power change: conflict when the node is gone, already when type and values match, applies with a new secret', () => {
  const f: Fresh = { nodes: new Map([['a', node('a', 'a', 4, 'Ready')]]), zones: new Set(), tags: new Map(),
    power: new Map([['a', { power_address: '10.0.0.1', power_user: 'maas', power_pass: 'old' }]]) };
  const set = (systemId: string, parameters: Record<string, string>, powerType = 'ipmi') => ch({ kind: 'set-power', systemId, powerType, parameters });
  expect(reviewChanges([
    set('gone', { power_address: '10.0.0.1' }),
    set('a', { power_address: '10.0.0.1', power_user: 'maas' }),
    set('a', { power_address: '10.0.0.1', power_pass: MASK }),
    set('a', { power_address: '10.0.0.2' }),
    set('a', { power_address: '10.0.0.1' }, 'amt'),
  ], f).map((r) => [r.verdict, r.why])).toEqual([
    ['conflict', 'gone was deleted from the server'],
    ['already', 'a already has these power settings'],
    ['applies', 'a: power ipmi → ipmi; sets power_pass'],
    ['applies', 'a: power ipmi → ipmi; sets power_address'],
    ['applies', 'a: power ipmi → amt'],
  ]);
  // Without the server's parameters (not an admin key) nothing can be called already true.
  expect(reviewChanges([set('a', { power_address: '10.0.0.1' })], { ...f, power: new Map() })[0].why)
    .toBe('a: power ipmi → ipmi (the server did not give its power parameters to compare)');
});

test('an existing tag edited or deleted offline: applies, already true, or conflicts (gone, name taken)', () => {
  const tag = (name: string, definition = '', comment = '') => [name, { name, definition, comment, kernelOpts: null }] as const;
  const f: Fresh = { nodes: new Map(), tags: new Map([tag('ssd', '//ssd'), tag('gpu', '', 'cards'), tag('nvme')]), zones: new Set() };
  const edit = (t: string, name: string, definition: string, comment = ''): ChangeSpec => ({ kind: 'update-tag', tag: t, name, definition, comment, kernelOpts: '' });
  expect(reviewChanges([
    ch(edit('ssd', 'ssd', '//ssd[@fast]')), ch(edit('ssd', 'ssd-fast', '//ssd')), ch(edit('gpu', 'gpu', '', 'cards')),
    ch(edit('ssd', 'nvme', '//ssd')), ch(edit('hdd', 'hdd', '')), ch(edit('old-name', 'nvme', '')),
    ch({ kind: 'delete-tag', tag: 'gpu' }), ch({ kind: 'delete-tag', tag: 'hdd' }),
  ], f).map((r) => [r.verdict, r.why])).toEqual([
    ['applies', 'tag ssd: new definition'],
    ['applies', 'tag ssd: renamed ssd-fast'],
    ['already', 'tag gpu already reads so'],
    ['conflict', 'the tag name nvme is taken'],
    ['conflict', 'tag hdd no longer exists on the server'],
    ['already', 'tag old-name is already named nvme'],
    ['applies', 'tag gpu is deleted (MAAS takes it off its nodes)'],
    ['already', 'tag hdd is already gone'],
  ]);
});
