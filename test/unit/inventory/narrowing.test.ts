import { describe, expect, test } from 'vitest';
import { nodeFilter, parseFilter } from '../../../src-shared/inventory/filter';
import { NarrowingFilter, narrows } from '../../../src-shared/inventory/narrowing';
import { indexNode, type IndexedNode } from '../../../src-shared/inventory/node-index';
import { makeNode } from './make-node';

const narrowsText = (prev: string, next: string) => narrows(parseFilter(prev), parseFilter(next));

describe('which queries only narrow the last one', () => {
  test('a longer part of a text or of a partly matched field narrows', () => {
    for (const [prev, next] of [['', 'r'], ['r', 'ra'], ['rack', 'rack12'], ['ack', 'rack'], ['rack12', 'rack12 '], ['rack12', 'rack12 n'],
      ['hostname:r', 'hostname:r1'], ['server:dc', 'server:dc-east'], ['mac:52:54', 'mac:5254.00'], ['id:(ab,cd)', 'id:(abc)'],
      ['tag:ssd', 'tag:ssd tag:gpu'], ['status:new', 'status:new zone:a'], ['rack', 'rack !tag:gpu'], ['!tag:gpu', '!tag:gpu x'],
      ['status:', 'status:n'], ['cpu:>=8', 'cpu:>=8 mem:>=1G']])
      expect(narrowsText(prev, next), `${prev} → ${next}`).toBe(true);
  });

  test('a wider, different, negated, patterned or alternative query does not', () => {
    for (const [prev, next] of [['rack1', 'rack'], ['rack1', 'rack2'], ['rack', ''], ['!rack', '!rack1'], ['rack*', 'rack1*'], ['rack', 'rack*'],
      ['status:new', 'status:new status:ready'], ['status:ne', 'status:new'], ['hostname:r', 'hostname:=r1'], ['hostname:=r', 'hostname:=r1'],
      ['zone:a', 'zone:ab'], ['tag:ss', 'tag:ssd'], ['cpu:>=8', 'cpu:>=16'], ['id:ab', 'id:(abc,x)'], ['rack x', 'x rack'], ['hostname:r', 'r']])
      expect(narrowsText(prev, next), `${prev} → ${next}`).toBe(false);
  });
});

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe('filtering keystroke by keystroke', () => {
  const servers = ['This laptop', 'dc-east', 'dc-west'];
  const source: IndexedNode[] = Array.from({ length: 600 }, (_, i) => indexNode(makeNode({
    hostname: `rack${(i % 20) + 1}-node-${i}`, systemId: `s${i.toString(36).padStart(5, '0')}`, status: [0, 4, 6][i % 3], statusName: ['New', 'Ready', 'Deployed'][i % 3],
    zone: `rack-${(i % 5) + 1}`, tags: i % 4 === 0 ? ['ssd'] : i % 7 === 0 ? ['gpu', 'ssd'] : [], cpuCount: 4 << (i % 3),
    macAddresses: [`52:54:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:0${i % 10}`],
  }), servers[i % 3]));

  test('the result is always what filtering every node gives, in order; an unchanged result is the same array', () => {
    const words = ['rack12-node-1', 'rack1', 'node-5', 'server:dc', 'server:dc-east', 'hostname:rack3', 'status:new', 'status:ready', '!tag:gpu',
      'tag:ssd', 'mac:52:54:00:01', '5254.0000', 'zone:rack-2', 'cpu:>=8', 'id:s00', 'rack*-node-1*', '"rack 1"', 'status:(new,deployed)', 'r', '!rack2'];
    const random = rng(22);
    const filter = new NarrowingFilter<IndexedNode>();
    let query = '';
    let last: readonly IndexedNode[] = [];
    let steps = 0;
    for (let session = 0; session < 60; session++) {
      const target = Array.from({ length: 1 + Math.floor(random() * 3) }, () => words[Math.floor(random() * words.length)]).join(' ');
      // Type the target a key at a time, now and then backspacing a few keys.
      while (query !== target) {
        if (!target.startsWith(query) || random() < 0.1) query = query.slice(0, Math.max(0, query.length - 1 - Math.floor(random() * 3)));
        else query = target.slice(0, query.length + 1);
        const { parsed, test: match } = nodeFilter(query);
        const got = filter.apply(source, parsed, match).entries;
        const want = source.filter(match);
        expect(got, query).toEqual(want);
        if (want.length === last.length && want.every((e, i) => e === last[i])) expect(got, `${query}: same nodes, same array`).toBe(last);
        last = got;
        steps++;
      }
    }
    expect(steps).toBeGreaterThan(500);
  });

  test('typing a text every node holds leaves the list as it was; a narrower one scans only the last result', () => {
    const filter = new NarrowingFilter<IndexedNode>();
    expect(filter.apply(source, parseFilter('r')).entries).toBe(source);
    expect(filter.apply(source, parseFilter('rack')).entries).toBe(source);
    const rack1 = filter.apply(source, parseFilter('rack1')).entries;
    expect(rack1).toHaveLength(source.length * 11 / 20);
    let scanned = 0;
    const counting = nodeFilter('rack12');
    const rack12 = filter.apply(source, counting.parsed, (e) => { scanned++; return counting.test(e); }).entries;
    expect(scanned).toBe(rack1.length);
    expect(rack12.map((e) => e.hostname)).toEqual(source.filter(counting.test).map((e) => e.hostname));
    // Back to a query that matched as many nodes: the last array again.
    expect(filter.apply(source, parseFilter('rack12 ')).entries).toBe(rack12);
    // A new list of nodes (the fleet changed) is filtered whole.
    const changed = [...source];
    expect(filter.apply(changed, parseFilter('rack12')).entries).toEqual(rack12);
  });
});
