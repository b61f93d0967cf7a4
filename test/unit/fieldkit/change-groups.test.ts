// How the change set reads: one bulk action (one batch) is one entry with its nodes inside,
// changes recorded one by one stay apart, and a group's review and outcomes are counted.
import { expect, test } from 'vitest';
import type { ChangeReview, ChangeSpec, RecordedChange } from '../../../src-shared/contract/change-sets';
import { describeGroup, groupChanges, reviewSummary, stateSummary } from '../../../src-renderer/src/views/changes/change-groups';

let id = 0;
const ch = (spec: ChangeSpec, batch: string | null, hostname: string, state: RecordedChange['state'] = 'recorded'): RecordedChange =>
  ({ id: ++id, spec, hostname, statusAtRecord: null, recordedAt: '2026-01-01T00:00:00Z', state, message: null, batch });

test('a batch is one group in the order recorded; unbatched changes are their own', () => {
  const zone = (n: number) => ch({ kind: 'set-zone', systemId: `n${n}`, zone: 'rack-2' }, 'b1', `r-${n}`);
  const changes = [zone(1), zone(2), zone(3), zone(4), ch({ kind: 'release', systemId: 'n9' }, null, 'r-9'), ch({ kind: 'accept', systemId: 'n1' }, 'b2', 'r-1'), ch({ kind: 'accept', systemId: 'n2' }, 'b2', 'r-2')];
  const groups = groupChanges(changes);
  expect(groups.map((g) => g.changes.length)).toEqual([4, 1, 2]);
  expect(groups.map(describeGroup)).toEqual(['zone rack-2 on 4 nodes (r-1, r-2, r-3…)', 'r-9: release', 'accept on 2 nodes (r-1, r-2)']);
  const review = new Map<number, ChangeReview>([[1, { id: 1, verdict: 'applies', why: '' }], [2, { id: 2, verdict: 'applies', why: '' }], [3, { id: 3, verdict: 'already', why: '' }]]);
  expect(reviewSummary(groups[0], review)).toBe('2 still apply · 1 already true');
  expect(reviewSummary(groups[2], review)).toBe('');
  expect(stateSummary(groups[0])).toBe('4 recorded');
});

test('a Set pool reads with its pool, alone and as a batch', () => {
  const pool = (n: number) => ch({ kind: 'set-pool', systemId: `m${n}`, pool: 'gpu-farm' }, 'b3', `gpu-${n}`);
  expect(groupChanges([pool(1), pool(2)]).map(describeGroup)).toEqual(['pool gpu-farm on 2 nodes (gpu-1, gpu-2)']);
  expect(groupChanges([ch({ kind: 'set-pool', systemId: 'm3', pool: 'storage' }, null, 'gpu-3')]).map(describeGroup)).toEqual(['gpu-3: pool storage']);
});

test('a commission reads with the options it was recorded with, a release with its comment', () => {
  const c = (n: number) => ch({ kind: 'commission', systemId: `m${n}`, options: { enableSsh: true, commissioningScripts: ['update_firmware'] } }, 'b4', `gpu-${n}`);
  expect(groupChanges([c(1), c(2)]).map(describeGroup)).toEqual(['commission (SSH, scripts update_firmware) on 2 nodes (gpu-1, gpu-2)']);
  expect(groupChanges([ch({ kind: 'commission', systemId: 'm3' }, null, 'gpu-3')]).map(describeGroup)).toEqual(['gpu-3: commission']);
  expect(groupChanges([ch({ kind: 'release', systemId: 'm4', comment: 'RMA' }, null, 'gpu-4')]).map(describeGroup)).toEqual(['gpu-4: release ("RMA")']);
});
