import { expect, test } from 'vitest';
import type { NodeSummary } from '../../../src-shared/contract/maas-types';
import { preflight, skipSummary } from '../../../src-shared/inventory/preflight';
import { makeNode } from './make-node';

const nodes = new Map<string, NodeSummary>();
const add = (id: string, status: number, statusName: string, over: Partial<NodeSummary> = {}) =>
  nodes.set(id, makeNode({ systemId: id, hostname: `h-${id}`, status, statusName, ...over }));
add('new1', 0, 'New');
add('new2', 0, 'New', { tags: ['ssd'], zone: 'rack-12' });
add('ready', 4, 'Ready', { powerState: 'on' });
add('commissioning', 1, 'Commissioning');
add('deployed', 6, 'Deployed', { powerType: '' });
add('broken', 8, 'Broken');
add('allocated', 10, 'Allocated');
add('failed', 2, 'Failed commissioning');
const all = [...nodes.keys()];
const look = (id: string) => nodes.get(id);
const run = (a: Parameters<typeof preflight>[0], p = {}) => preflight(a, all, look, p);

test('accept takes New nodes, says which were accepted already and which MAAS refuses', () => {
  const p = run('accept');
  expect(p.act).toEqual(['new1', 'new2']);
  expect(p.skipped.find((s) => s.systemId === 'ready')?.reason).toBe('already accepted (Ready)');
  expect(p.skipped.find((s) => s.systemId === 'commissioning')?.reason).toBe('already accepted (Commissioning)');
  expect(p.skipped.find((s) => s.systemId === 'deployed')?.reason).toBe('MAAS refuses to accept a node that is Deployed');
});

test('release takes MAAS releasable statuses; Ready is already released', () => {
  const p = run('release');
  expect(p.act).toEqual(['deployed', 'broken', 'allocated']);
  expect(p.skipped.find((s) => s.systemId === 'ready')?.reason).toBe('already released (Ready)');
  expect(p.skipped.find((s) => s.systemId === 'new1')?.reason).toBe('cannot be released while New');
});

test('commission, mark broken and mark fixed follow NODE_TRANSITIONS', () => {
  expect(run('commission').act).toEqual(['new1', 'new2', 'ready', 'broken', 'failed']);
  expect(run('commission').skipped.find((s) => s.systemId === 'allocated')?.reason).toBe('cannot go from Allocated to Commissioning');
  expect(run('markBroken').act).toEqual(['new1', 'new2', 'ready', 'commissioning', 'deployed', 'allocated', 'failed']);
  expect(run('markBroken').skipped).toEqual([{ systemId: 'broken', hostname: 'h-broken', reason: 'already Broken' }]);
  expect(run('markFixed').act).toEqual(['broken']);
});

test('power, zone and tag actions skip nodes already in the wanted state', () => {
  expect(run('powerOff').skipped.map((s) => [s.systemId, s.reason])).toEqual(
    expect.arrayContaining([['deployed', 'no power control (power type not set)'], ['new1', 'already off']]));
  expect(run('powerOn').skipped.find((s) => s.systemId === 'ready')?.reason).toBe('already on');
  expect(run('setZone', { zone: 'rack-12' }).skipped).toEqual([{ systemId: 'new2', hostname: 'h-new2', reason: 'already in rack-12' }]);
  expect(run('addTag', { tag: 'ssd' }).skipped.map((s) => s.systemId)).toEqual(['new2']);
  expect(run('removeTag', { tag: 'ssd' }).act).toEqual(['new2']);
});

test('unknown and repeated ids; the summary counts reasons', () => {
  const p = preflight('delete', ['new1', 'gone', 'new1'], look);
  expect(p.act).toEqual(['new1']);
  expect(p.skipped).toEqual([{ systemId: 'gone', hostname: 'gone', reason: 'no longer in the inventory' }]);
  expect(skipSummary(run('markFixed').skipped)[0]).toEqual({ reason: 'not Broken (New)', count: 2 });
});
