// The one home of node details: deflated, per connection, whole details apart from the lshw an
// older snapshot kept, listeners told of every change, and serials parsed once per node.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { NodeDetailView } from '../../../src-shared/contract/inventory';
import { settingsDbPath } from '../../../src-main/connections/settings-db';
import { makeNode } from '../inventory/make-node';
import { openDetailsHome, type DetailsHome } from '../../support/details-home';

let home: DetailsHome;
beforeEach(() => { home = openDetailsHome(); });
afterEach(() => home.close());

const kept = (systemId: string, lshw: string | null = `<node id="${systemId}"/>`, fetchedAt = 't1') =>
  ({ systemId, lshw, lldp: '<lldp/>', fingerprint: `fp-${systemId}`, fetchedAt });

function view(systemId: string, serial: string | null, disks: (string | null)[] = []): NodeDetailView {
  return {
    node: makeNode({ systemId, hostname: `h-${systemId}` }), lshwBytes: 10,
    hardware: { serial, disks: disks.map((s, i) => ({ name: `/dev/sd${i}`, serial: s })) } as unknown as NodeDetailView['hardware'],
    powerParameters: null, powerParametersProblem: null, events: [], eventsProblem: null, offlineAsOf: null,
  };
}

describe('NodeDetailsStore', () => {
  test('keeps details per connection, deflated, and gives them back as text (null stays null)', () => {
    const lshw = `<node id="x">${'<node class="memory"><size units="bytes">1</size></node>'.repeat(500)}</node>`;
    home.details.put('c1', { systemId: 'a', lshw, lldp: null, fingerprint: 'fp-a', fetchedAt: '2026-01-01T00:00:00.000Z' });
    expect(home.details.get('c1', 'a')).toEqual({ systemId: 'a', lshw, lldp: null, fingerprint: 'fp-a', fetchedAt: '2026-01-01T00:00:00.000Z' });
    expect(home.details.get('c1', 'b')).toBeNull();
    expect(home.details.get('c2', 'a')).toBeNull();
    expect(home.details.lshw('c1', 'a')).toBe(lshw);
    expect(home.details.lshw('c1', 'b')).toBeUndefined();
    const raw = new Database(settingsDbPath(home.dir), { readonly: true });
    const stored = raw.prepare('SELECT length(lshw) AS bytes FROM node_details').get() as { bytes: number };
    raw.close();
    expect(stored.bytes).toBeLessThan(lshw.length / 10); // repetitive XML deflates well
  });

  test('pages through whole details in system-id order; versions move when details are fetched again', () => {
    for (const id of ['d', 'a', 'c', 'b', 'e']) home.details.put('c1', kept(id));
    expect(home.details.page('c1', '', 2).map((d) => d.systemId)).toEqual(['a', 'b']);
    expect(home.details.page('c1', 'b', 2).map((d) => d.systemId)).toEqual(['c', 'd']);
    expect(home.details.page('c1', 'd', 2).map((d) => [d.systemId, d.lshw])).toEqual([['e', '<node id="e"/>']]);
    const before = home.details.versions('c1').get('c');
    home.details.put('c1', kept('c', '<node id="c2"/>', 't2'));
    expect(home.details.versions('c1').get('c')).not.toBe(before);
    expect(home.details.fingerprints('c1').get('c')).toBe('fp-c');
    expect(home.details.connections()).toEqual(['c1']);
  });

  test('listeners hear details put and nodes evicted or forgotten', () => {
    home.details.put('c1', kept('a'));
    home.details.putView('c1', view('b', 'SN-B'), kept('b'));
    home.details.evict('c1', ['a']);
    home.details.forget('c1');
    expect(home.heard.put.map((d) => d.systemId)).toEqual(['a', 'b']);
    expect(home.heard.gone).toEqual(['a', 'b']);
    expect(home.details.get('c1', 'b')).toBeNull();
    expect(home.details.view('c1', 'b')).toBeNull();
  });

  test('a view is kept with the details it was read with; withLshw names the nodes that have lshw', () => {
    home.details.putView('c1', view('a', 'SN-A'), kept('a'));
    home.details.put('c1', kept('b', null));
    expect(home.details.view('c1', 'a')?.detail.node.hostname).toBe('h-a');
    expect(home.details.get('c1', 'a')?.lldp).toBe('<lldp/>');
    expect([...home.details.withLshw('c1')]).toEqual(['a']);
  });

  test('serials are parsed from the kept views once, then follow each change without parsing again', () => {
    home.details.putView('c1', view('a', 'SN-A', ['DISK-A1', null]), kept('a'));
    home.details.putView('c1', view('b', null), kept('b'));
    home.details.putView('c2', view('x', 'SN-X'), kept('x'));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect([...home.details.serials('c1')]).toEqual([['a', ['SN-A', 'DISK-A1']]]);
      const first = parse.mock.calls.length;
      expect(first).toBe(2); // one parse per kept view of c1
      expect([...home.details.serials('c1')]).toEqual([['a', ['SN-A', 'DISK-A1']]]);
      home.details.putView('c1', view('a', 'SN-A2'), kept('a', '<node/>', 't2'));  // details changed
      home.details.putView('c1', view('b', 'SN-B'), kept('b', '<node/>', 't2'));
      home.details.evict('c1', ['b']);
      expect([...home.details.serials('c1')]).toEqual([['a', ['SN-A2']]]);
      expect(parse.mock.calls.length).toBe(first); // nothing parsed again
      home.details.forget('c1');
      expect([...home.details.serials('c1')]).toEqual([]);
      expect([...home.details.serials('c2')]).toEqual([['x', ['SN-X']]]);
    } finally {
      parse.mockRestore();
    }
  });
});
