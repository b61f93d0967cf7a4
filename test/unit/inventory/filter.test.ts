import { describe, expect, test } from 'vitest';
import { nodeFilter, parseFilter, tokenize } from '../../../src-shared/inventory/filter';
import { indexNodes } from '../../../src-shared/inventory/node-index';
import { makeNode } from './make-node';

const nodes = indexNodes([
  makeNode({ hostname: 'rack12-a', systemId: 'aaa111', status: 0, statusName: 'New', zone: 'rack-12', tags: ['ssd'], macAddresses: ['52:54:00:a1:b2:c3'] }),
  makeNode({ hostname: 'rack12-b', systemId: 'bbb222', status: 0, statusName: 'New', zone: 'rack-12', tags: ['ssd', 'gpu'] }),
  makeNode({ hostname: 'rack13-a', systemId: 'ccc333', status: 4, statusName: 'Ready', zone: 'rack-13', tags: ['hdd'], cpuCount: 16, memory: 65536 }),
  makeNode({ hostname: 'spare.maas', systemId: 'ddd444', status: 2, statusName: 'Failed commissioning', zone: null, tags: [], owner: 'alice', powerState: 'on' }),
]);
const hosts = (q: string) => nodes.filter(nodeFilter(q).test).map((e) => e.node.hostname);

describe('MAAS-style filters', () => {
  test('the issue example: status:new zone:rack-12 tag:ssd !tag:gpu', () => {
    expect(hosts('status:new zone:rack-12 tag:ssd !tag:gpu')).toEqual(['rack12-a']);
  });

  test('an empty filter matches everything', () => {
    expect(hosts('')).toHaveLength(4);
    expect(hosts('   ')).toHaveLength(4);
  });

  test('status matches MAAS names and display names whatever the spelling', () => {
    for (const q of ['status:failed_commissioning', 'status:failed-commissioning', 'status:"Failed commissioning"', 'status:FAILEDCOMMISSIONING', 'status:2'])
      expect(hosts(q), q).toEqual(['spare.maas']);
  });

  test('repeated statuses are alternatives; repeated tags must all hold', () => {
    expect(hosts('status:new status:ready')).toEqual(['rack12-a', 'rack12-b', 'rack13-a']);
    expect(hosts('status:(new,ready)')).toEqual(['rack12-a', 'rack12-b', 'rack13-a']);
    expect(hosts('tag:ssd tag:gpu')).toEqual(['rack12-b']);
  });

  test('negation written before the field, before the value, and over a list', () => {
    expect(hosts('!tag:gpu tag:ssd')).toEqual(['rack12-a']);
    expect(hosts('tag:!gpu tag:ssd')).toEqual(['rack12-a']);
    expect(hosts('status:!(new,ready)')).toEqual(['spare.maas']);
  });

  test('free text matches hostname, system id, MAC in any style, and tags', () => {
    expect(hosts('rack12')).toEqual(['rack12-a', 'rack12-b']);
    expect(hosts('CCC3')).toEqual(['rack13-a']);
    expect(hosts('52:54:00:a1')).toEqual(['rack12-a']);
    expect(hosts('525400A1B2C3')).toEqual(['rack12-a']);
    expect(hosts('hdd')).toEqual(['rack13-a']);
    expect(hosts('rack !rack13')).toEqual(['rack12-a', 'rack12-b']);
  });

  test('numbers compare, with MAAS units (memory MiB) and suffixes', () => {
    expect(hosts('cpu:>=16')).toEqual(['rack13-a']);
    expect(hosts('mem:>=64G')).toEqual(['rack13-a']);
    expect(hosts('memory:>8192')).toEqual(['rack13-a']);
  });

  test('exact and wildcard values', () => {
    expect(hosts('hostname:=rack12-a')).toEqual(['rack12-a']);
    expect(hosts('hostname:rack12')).toEqual(['rack12-a', 'rack12-b']);
    expect(hosts('zone:rack-1*')).toEqual(['rack12-a', 'rack12-b', 'rack13-a']);
    expect(hosts('owner:alice power:on')).toEqual(['spare.maas']);
    expect(hosts('arch:amd64')).toHaveLength(4);
  });

  test('a * wildcard works on every field and in free text, over the whole value', () => {
    expect(hosts('hostname:rack13*')).toEqual(['rack13-a']);
    expect(hosts('hostname:*-a')).toEqual(['rack12-a', 'rack13-a']);
    expect(hosts('hostname:rack*b')).toEqual(['rack12-b']);
    expect(hosts('id:ccc*')).toEqual(['rack13-a']);
    expect(hosts('mac:52:54:00:a1*')).toEqual(['rack12-a']);
    expect(hosts('mac:5254*c3')).toEqual(['rack12-a']);
    expect(hosts('status:failed_*')).toEqual(['spare.maas']);
    expect(hosts('tag:s*')).toEqual(['rack12-a', 'rack12-b']);
    expect(hosts('owner:al*')).toEqual(['spare.maas']);
    expect(hosts('rack13*')).toEqual(['rack13-a']);
    expect(hosts('*.maas')).toEqual(['spare.maas']);
    expect(hosts('!hostname:rack*')).toEqual(['spare.maas']);
    // Without a wildcard a hostname still matches in part, and `=` still means all of it.
    expect(hosts('hostname:ack13')).toEqual(['rack13-a']);
    expect(hosts('hostname:=rack13')).toEqual([]);
  });

  test('problems are reported and the rest still applies', () => {
    const p = parseFilter('colour:red status: cpu:lots rack12');
    expect(p.problems).toEqual([
      'No filter called "colour:"; searched as text.',
      '"status:" needs a value.',
      '"cpu:lots" is not a number (try cpu:>=8).',
    ]);
    expect(hosts('status: rack12')).toEqual(['rack12-a', 'rack12-b']);
  });

  test('a status MAAS does not have is named (it would match nothing)', () => {
    expect(parseFilter('status:nw').problems).toEqual(['No status called "nw" (e.g. new, ready, deployed, broken, failed_commissioning).']);
    expect(parseFilter('status:(new,"Failed deployment",4,fail*)').problems).toEqual([]);
  });

  test('a MAC with letters is text, not an unknown field', () => {
    expect(parseFilter('ab:cd:ef').problems).toEqual([]);
    expect(parseFilter('ab:cd:ef').terms).toEqual([{ kind: 'text', text: 'ab:cd:ef', negate: false }]);
  });

  test('tokens keep quoted spaces and lists together', () => {
    expect(tokenize('status:"failed commissioning"  tag:(a, b) x')).toEqual(['status:"failed commissioning"', 'tag:(a, b)', 'x']);
  });
});
