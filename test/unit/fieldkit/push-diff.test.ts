import { expect, test } from 'vitest';
import { diffPush, missingNames, type DiffNode } from '../../../src-shared/fieldkit/push-diff';

const node = (id: string, hostname: string, macs: string[], extra: Partial<DiffNode> = {}): DiffNode =>
  ({ systemId: id, hostname, macAddresses: macs, zone: 'default', powerType: 'ipmi', tags: [], ...extra });

test('matching is by MAC: create, identical, would update, and each kind of conflict', () => {
  const target = [
    node('t1', 'same', ['00:00:00:00:00:01']),
    node('t2', 'old-name', ['00:00:00:00:00:02'], { zone: null, powerType: '', tags: ['gpu'] }),
    node('t3', 'taken', ['00:00:00:00:00:ff']),
    node('t4', 'a', ['00:00:00:00:00:04']), node('t5', 'b', ['00:00:00:00:00:05']),
    node('t6', 'half', ['00:00:00:00:00:06']),
  ];
  const source = [
    node('s0', 'fresh', ['00:00:00:00:00:00']),
    node('s1', 'same', ['00:00:00:00:00:01']),
    node('s2', 'new-name', ['00:00:00:00:00:02'], { zone: 'rack-12', tags: ['gpu', 'fast'] }),
    node('s3', 'taken', ['00:00:00:00:00:03']),
    node('s4', 'ab', ['00:00:00:00:00:04', '00:00:00:00:00:05']),
    node('s6', 'half', ['00:00:00:00:00:06', '00:00:00:00:00:07']),
    node('s7', 'taken', ['00:00:00:00:00:01']),
  ];
  const d = diffPush(source, target);
  expect(d.map((x) => [x.sourceId, x.verdict, x.targetId])).toEqual([
    ['s0', 'create', null], ['s1', 'identical', 't1'], ['s2', 'update', 't2'], ['s3', 'conflict', null],
    ['s4', 'conflict', null], ['s6', 'conflict', 't6'], ['s7', 'conflict', 't1']]);
  expect(d[2].fields).toEqual([
    { field: 'hostname', from: 'old-name', to: 'new-name' }, { field: 'zone', from: 'default', to: 'rack-12' },
    { field: 'power_type', from: '', to: 'ipmi' }, { field: 'tags', from: 'gpu', to: 'gpu fast' }]);
  expect(d[3].reason).toBe('hostname taken is taken on the target by t3, which has none of these MACs');
  expect(d[4].reason).toBe('its MACs are on different nodes of the target: a (t4), b (t5)');
  expect(d[5].reason).toBe('half (t6) has some of these MACs but not 00:00:00:00:00:07');
  expect(d[6].reason).toBe('MAC 00:00:00:00:00:01 is on same (t1), but hostname taken is taken by t3');
});

test('zones and tags to create: used, missing on the target, each once, sorted', () => {
  expect(missingNames(['rack-2', 'rack-1', 'rack-2', 'default', ''], ['default', 'rack-3'])).toEqual(['rack-1', 'rack-2']);
});
