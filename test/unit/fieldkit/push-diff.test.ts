import { expect, test } from 'vitest';
import { countsOf } from '../../../src-main/console/fieldkit/push-journal';
import { classify, describeChange, diffPush, indexTarget, missingNames, powerChanges, type DiffNode } from '../../../src-shared/fieldkit/push-diff';
import { pushReportCsv } from '../../../src-shared/fieldkit/push-report';

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

test('power parameters: a changed BMC address is a field; a changed password is named, its value never in the plan', () => {
  const target = [node('t1', 'r1', ['00:00:00:00:00:01'], { powerParameters: { power_address: '10.0.0.1', power_user: 'admin', power_pass: 'old-pw', power_driver: 'LAN_2_0' } }),
    node('t2', 'r2', ['00:00:00:00:00:02'], { powerParameters: { power_address: '10.0.0.2', power_pass: 'same-pw' } }),
    node('t3', 'r3', ['00:00:00:00:00:03'], { powerParameters: { power_address: '10.0.0.3' } })];
  const source = [
    node('s1', 'r1', ['00:00:00:00:00:01'], { powerParameters: { power_address: '10.9.9.9', power_user: 'admin', power_pass: 'new-pw' } }),
    // A parameter captured empty (or not captured: power_driver above) leaves the target's as it is.
    node('s2', 'r2', ['00:00:00:00:00:02'], { powerParameters: { power_address: '10.0.0.2', power_pass: 'same-pw', power_user: '' } }),
    // The target's parameters were not read: nothing to compare, so no claim either way.
    node('s3', 'r3', ['00:00:00:00:00:03'], { powerParameters: { power_address: '10.7.7.7' } }),
  ];
  const t = indexTarget(target);
  delete t.byMac.get('00:00:00:00:00:03')!.powerParameters;
  const d = source.map((s) => classify(s, t));
  expect(d.map((x) => x.verdict)).toEqual(['update', 'identical', 'identical']);
  expect(d[0].fields).toEqual([
    { field: 'power_address', from: '10.0.0.1', to: '10.9.9.9', power: true },
    { field: 'power_pass', from: '', to: 'changed', power: true, secret: true }]);
  expect(d[0].fields.map(describeChange)).toEqual(['power_address: 10.0.0.1 → 10.9.9.9', 'power_pass: changed']);
  expect(JSON.stringify(d)).not.toMatch(/old-pw|new-pw|same-pw/);
});

test('power parameters are compared only for a node captured with a power type; every secret-looking name is hidden', () => {
  const noType = node('s', 'r', ['00:00:00:00:00:01'], { powerType: '', powerParameters: { power_address: 'x' } });
  const t = indexTarget([node('t', 'r', ['00:00:00:00:00:01'], { powerParameters: { power_address: 'y' } })]);
  expect(classify(noType, t).verdict).toBe('identical');
  const secrets = { power_pass: 'a', snmp_community: 'b', power_token_secret: 'c', privacy_passphrase: 'd', power_key: 'e', user_cred: 'f' };
  const changes = powerChanges(secrets, {});
  expect(changes.map((c) => [c.field, c.from, c.to, c.secret])).toEqual(Object.keys(secrets).sort().map((k) => [k, '', 'changed', true]));
  expect(powerChanges({ power_port: '623' }, { power_port: 623 })).toEqual([]); // a server's number is the same value
});

test('the report names a changed secret and never carries its value', () => {
  const item = { sourceId: 's', hostname: 'r1', macs: ['00:00:00:00:00:01'], verdict: 'update' as const, targetId: 't', reason: null,
    fields: powerChanges({ power_address: '10.9.9.9', power_pass: 'new-pw' }, { power_address: '10.0.0.1', power_pass: 'old-pw' }),
    state: 'done' as const, message: 'updated power_address, power_pass' };
  const csv = pushReportCsv({ pushId: 'p', targetId: 't', targetName: 'dc', state: 'finished', createdAt: '', finishedAt: null,
    zonesToCreate: [], tagsToCreate: [], stopReason: null, items: [item], counts: countsOf([item]) });
  expect(csv).toContain('power_address: 10.0.0.1 → 10.9.9.9; power_pass: changed');
  expect(csv).not.toMatch(/old-pw|new-pw/);
});
